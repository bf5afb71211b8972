"""Corpus panel: open a corpus, choose how to read and tokenize it, and see its statistics.

Qt view over :mod:`workbench.core.corpus`: the panel captures its options in a
frozen :class:`ScanRequest`, runs :func:`workbench.core.corpus.scan_corpus` in
its :class:`~workbench.ui.tasks.TaskRunner` and shows the resulting
:class:`~workbench.core.corpus.CorpusStats`.

Run it alone on the bundled corpus with ``python -m workbench.ui.panels.corpus_panel``.
"""

from __future__ import annotations

import heapq
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.i18n import core_text
from workbench.ui.notifications import MessageBar, show_unexpected_error
from workbench.ui.plots.length_histogram import LengthHistogramPlot
from workbench.ui.plots.zipf_plot import ZipfPlot
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.word_table import (
    WordCountModel,
    WordFilterProxyModel,
    WordTableView,
)

if TYPE_CHECKING:  # the core corpus package is imported when first needed (fast startup)
    from workbench.core.corpus import CorpusStats, ReaderOptions, TokenizerSettings
    from workbench.core.workspace import Workspace

__all__ = [
    "TOKENIZER_DEFAULTS",
    "CorpusPanel",
    "ScanRequest",
    "ScanResult",
    "file_kind",
    "rank_words",
]

log = logging.getLogger(__name__)

_COMPRESSION = (".gz", ".bz2", ".xz", ".zip")
#: ``TokenizerSettings()`` defaults, spelled out so that building the panel does
#: not import the core corpus package (a test checks they agree).
TOKENIZER_DEFAULTS = {"lowercase": True, "strip_accents": False, "fold_numbers": False,
                      "keep_punctuation": False, "split_sentences": False, "chinese": "auto"}
# Labels and tips below are English; they are translated (context "CorpusPanel") when shown.
_TOP_N_CHOICES = (("100", 100), ("1,000", 1000), ("10,000", 10_000),
                  (QT_TRANSLATE_NOOP("CorpusPanel", "All"), 0))
_CHINESE_MODES = (
    (QT_TRANSLATE_NOOP("CorpusPanel", "Automatic"), "auto",
     QT_TRANSLATE_NOOP("CorpusPanel", "jieba word segmentation if installed, else characters; "
                                      "only for Chinese text")),
    (QT_TRANSLATE_NOOP("CorpusPanel", "jieba words"), "jieba",
     QT_TRANSLATE_NOOP("CorpusPanel", "Segment Chinese text into words with jieba")),
    (QT_TRANSLATE_NOOP("CorpusPanel", "Characters"), "chars",
     QT_TRANSLATE_NOOP("CorpusPanel", "Split Chinese text into single characters")),
    (QT_TRANSLATE_NOOP("CorpusPanel", "Off"), "off",
     QT_TRANSLATE_NOOP("CorpusPanel", "No special handling: Chinese runs stay as they are")),
)


def _tr(text: str) -> str:
    """``text`` (a constant marked above) in the interface language."""
    return QCoreApplication.translate("CorpusPanel", text)


def file_kind(path: str | Path) -> str:
    """Classify ``path`` for the reader options: ``folder``, ``jsonl``, ``csv`` or ``text``."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    name = p.name.lower()
    for suffix in _COMPRESSION:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".csv", ".tsv")):
        return "csv"
    return "text"


@dataclass(frozen=True)
class ScanRequest:
    """Everything a scan needs, captured on the GUI thread before it starts.

    Options are plain ``(name, value)`` pairs, turned into the core's
    ``ReaderOptions`` and ``TokenizerSettings`` in the worker thread, so the
    GUI thread does not have to import the core corpus package.
    """

    path: str
    reader: tuple[tuple[str, Any], ...]
    tokenizer: tuple[tuple[str, Any], ...]
    workspace: Workspace | None = None

    def reader_options(self) -> ReaderOptions:
        """The core reader options."""
        from workbench.core.corpus import ReaderOptions

        return ReaderOptions(**dict(self.reader))

    def tokenizer_settings(self) -> TokenizerSettings:
        """The core tokenizer settings."""
        from workbench.core.corpus import TokenizerSettings

        return TokenizerSettings(**dict(self.tokenizer))


@dataclass(frozen=True)
class ScanResult:
    """A scan's statistics plus the arrays the panel shows, computed off the GUI thread.

    Attributes
    ----------
    stats
        The core statistics.
    ranked
        Every word with its count, most frequent first (ties by word).
    counts_desc
        The counts of ``ranked`` as an int64 array.
    tokens_by_rank
        ``tokens_by_rank[i]`` = tokens covered by the ``i + 1`` most frequent words.
    zipf, lengths
        ``stats.zipf()`` and ``stats.length_histogram()``.
    """

    stats: CorpusStats
    ranked: list[tuple[str, int]]
    counts_desc: np.ndarray
    tokens_by_rank: np.ndarray
    zipf: tuple[np.ndarray, np.ndarray]
    lengths: tuple[np.ndarray, np.ndarray]

    def vocab_size(self, min_count: int) -> int:
        """Number of words occurring at least ``min_count`` times (binary search)."""
        # counts_desc is descending: count the entries >= min_count.
        return int(np.searchsorted(-self.counts_desc, -int(min_count), side="right"))

    def oov_rate(self, min_count: int) -> float:
        """Fraction of tokens whose word occurs fewer than ``min_count`` times."""
        total = int(self.tokens_by_rank[-1]) if len(self.tokens_by_rank) else 0
        if total == 0:
            return 0.0
        kept = self.vocab_size(min_count)
        covered = int(self.tokens_by_rank[kept - 1]) if kept else 0
        return (total - covered) / total


def _rank_key(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def rank_words(counts: dict[str, int], progress: Progress = NULL_PROGRESS,
               run: int = 5_000) -> list[tuple[str, int]]:
    """Every word with its count, most frequent first, ties by word (as ``CorpusStats.top``).

    Sorts runs of ``run`` words and merges them, so no single call holds the
    GIL for long: the GUI thread keeps running while a big vocabulary is ranked.
    """
    items = iter(counts.items())
    runs = []
    while chunk := list(itertools.islice(items, run)):
        progress.raise_if_cancelled()
        runs.append(sorted(chunk, key=_rank_key))
    if len(runs) <= 1:
        return runs[0] if runs else []
    return list(heapq.merge(*runs, key=_rank_key))


def scan(request: ScanRequest, *, progress: Progress = NULL_PROGRESS) -> ScanResult:
    """Open and scan the corpus of ``request`` (runs in a worker thread)."""
    import workbench.core.corpus as corpus_core

    corpus = corpus_core.Corpus.open(request.path, request.reader_options())
    stats = corpus_core.scan_corpus(corpus, request.tokenizer_settings(),
                                    workspace=request.workspace, progress=progress)
    progress.report(None, QCoreApplication.translate("CorpusPanel", "Ranking words…"))
    ranked = rank_words(stats.counts, progress)
    counts = np.fromiter((c for _, c in ranked), dtype=np.int64, count=len(ranked))
    return ScanResult(stats, ranked, counts, np.cumsum(counts), stats.zipf(),
                      stats.length_histogram())


def _write_vocab(stats: CorpusStats, path: str, min_count: int, *,
                 progress: Progress = NULL_PROGRESS) -> str:
    progress.report(None, QCoreApplication.translate("CorpusPanel", "Writing {name}…").format(
        name=Path(path).name))
    stats.write_vocab_tsv(path, min_count=min_count)
    return path


def _fmt_int(n: int) -> str:
    return f"{n:,}"


class CorpusPanel(QWidget):
    """Open a corpus, set reader and tokenizer options, compute and explore its statistics.

    Parameters
    ----------
    workspace
        Where scans are recorded and tokenized caches written (``None``:
        nowhere), or a function returning it, called when the first scan starts.

    Attributes
    ----------
    runner : TaskRunner
        Runs the statistics scan.
    export_runner : TaskRunner
        Writes vocabulary files.
    stats : CorpusStats or None
        The statistics shown, once a scan has finished.
    result : ScanResult or None
        ``stats`` plus the ranked arrays behind the table and plots.
    table_model : WordCountModel
        The top-N words (source model of :attr:`table_proxy`).
    zipf_curve : pyqtgraph.PlotDataItem
        The Zipf curve.
    histogram_item : pyqtgraph.PlotDataItem
        The sentence-length histogram (a filled step curve).
    message_bar : MessageBar
        Errors, warnings and notes about this panel's work.
    corpus_opened : Signal(str)
        A corpus path was opened (the window adds it to Open Recent).
    stats_changed : Signal()
        New statistics are fully shown: summary and table as soon as the scan
        finishes, then the plots, one per event-loop turn; this signal follows
        the last of them.
    """

    corpus_opened = Signal(str)
    stats_changed = Signal()

    def __init__(self, workspace: Workspace | Callable[[], Workspace | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CorpusPanel")
        self._workspace = workspace
        self.stats: CorpusStats | None = None
        self.result: ScanResult | None = None
        self.runner = TaskRunner(self.tr("Corpus statistics"), self)
        self.export_runner = TaskRunner(self.tr("Export vocabulary"), self)
        self._build()
        self._connect()
        self._on_path_changed()
        self._set_busy(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)

        # Source ----------------------------------------------------------
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("A text, .gz/.bz2/.xz/.zip, JSONL or CSV "
                                                  "file, or a folder"))
        self.path_edit.setToolTip(self.tr("The corpus to read: a file or a folder. "
                                          "Press Enter to open it and compute its statistics."))
        self.path_edit.setClearButtonEnabled(True)
        self.open_file_button = QPushButton(self.tr("Open file…"), self)
        self.open_file_button.setToolTip(self.tr("Choose a corpus file (Ctrl+O)"))
        self.open_folder_button = QPushButton(self.tr("Open folder…"), self)
        self.open_folder_button.setToolTip(self.tr("Choose a folder of corpus files "
                                                   "(Ctrl+Shift+O)"))
        source_row = QHBoxLayout()
        source_row.addWidget(self.path_edit, 1)
        source_row.addWidget(self.open_file_button)
        source_row.addWidget(self.open_folder_button)

        # Reading ---------------------------------------------------------
        self.reader_box = QGroupBox(self.tr("Reading"), self)
        self.glob_edit = QLineEdit("*", self)
        self.glob_edit.setToolTip(self.tr("Folders only: which files to read, e.g. *.txt "
                                          "(searched in subfolders too)"))
        self.jsonl_field_edit = QLineEdit("text", self)
        self.jsonl_field_edit.setToolTip(self.tr("JSON Lines only: the field of each object "
                                                 "that holds the text"))
        self.csv_column_edit = QLineEdit("text", self)
        self.csv_column_edit.setToolTip(self.tr("CSV/TSV only: the header of the text column, "
                                                "or its 0-based number"))
        reader_form = QFormLayout(self.reader_box)
        reader_form.addRow(self.tr("Files in folder:"), self.glob_edit)
        reader_form.addRow(self.tr("JSONL field:"), self.jsonl_field_edit)
        reader_form.addRow(self.tr("CSV column:"), self.csv_column_edit)

        # Tokenizer -------------------------------------------------------
        self.tokenizer_box = QGroupBox(self.tr("Tokenizer"), self)
        defaults = TOKENIZER_DEFAULTS
        self.lowercase_check = QCheckBox(self.tr("Lowercase"), self)
        self.lowercase_check.setChecked(defaults["lowercase"])
        self.lowercase_check.setToolTip(self.tr("Fold upper case to lower case (The → the)"))
        self.strip_accents_check = QCheckBox(self.tr("Strip accents"), self)
        self.strip_accents_check.setChecked(defaults["strip_accents"])
        self.strip_accents_check.setToolTip(self.tr("Remove accents (café → cafe)"))
        self.fold_numbers_check = QCheckBox(self.tr("Fold numbers"), self)
        self.fold_numbers_check.setChecked(defaults["fold_numbers"])
        self.fold_numbers_check.setToolTip(self.tr("Replace every digit by 0 (1984 → 0000), so "
                                                   "numbers share a few vocabulary entries"))
        self.keep_punctuation_check = QCheckBox(self.tr("Keep punctuation"), self)
        self.keep_punctuation_check.setChecked(defaults["keep_punctuation"])
        self.keep_punctuation_check.setToolTip(self.tr("Keep punctuation marks as tokens of "
                                                       "their own"))
        self.split_sentences_check = QCheckBox(self.tr("Split sentences"), self)
        self.split_sentences_check.setChecked(defaults["split_sentences"])
        self.split_sentences_check.setToolTip(self.tr(
            "Split lines into sentences at . ! ? 。！？ (for running text; off: one sentence "
            "per line)"))
        self.chinese_combo = QComboBox(self)
        for label, value, tip in _CHINESE_MODES:
            self.chinese_combo.addItem(_tr(label), value)
            self.chinese_combo.setItemData(self.chinese_combo.count() - 1, _tr(tip),
                                           Qt.ItemDataRole.ToolTipRole)
        self.chinese_combo.setCurrentIndex(
            max(0, self.chinese_combo.findData(defaults["chinese"])))
        self.chinese_combo.setToolTip(self.tr("How to split Chinese text into tokens"))
        tok_grid = QGridLayout(self.tokenizer_box)
        tok_grid.addWidget(self.lowercase_check, 0, 0)
        tok_grid.addWidget(self.strip_accents_check, 0, 1)
        tok_grid.addWidget(self.fold_numbers_check, 1, 0)
        tok_grid.addWidget(self.keep_punctuation_check, 1, 1)
        tok_grid.addWidget(self.split_sentences_check, 2, 0)
        chinese_row = QHBoxLayout()
        chinese_row.addWidget(QLabel(self.tr("Chinese:"), self))
        chinese_row.addWidget(self.chinese_combo, 1)
        tok_grid.addLayout(chinese_row, 3, 0, 1, 2)

        # Vocabulary threshold and actions --------------------------------
        self.min_count_spin = QSpinBox(self)
        self.min_count_spin.setRange(1, 1_000_000)
        self.min_count_spin.setValue(5)
        self.min_count_spin.setToolTip(self.tr("Words rarer than this are out of vocabulary "
                                               "for training; the OOV rate and vocabulary size "
                                               "update at once, without a rescan"))
        self.compute_button = QPushButton(self.tr("Compute statistics"), self)
        self.compute_button.setShortcut(QKeySequence("F5"))
        self.compute_button.setToolTip(self.tr("Read and tokenize the corpus and count its "
                                               "words (F5)"))
        self.compute_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the scan; the statistics shown stay as they "
                                              "were"))
        self.status_label = QLabel(self)
        self.status_label.setToolTip(self.tr("State of the last scan"))
        self.status_label.setWordWrap(True)
        action_row = QHBoxLayout()
        action_row.addWidget(QLabel(self.tr("Min count:"), self))
        action_row.addWidget(self.min_count_spin)
        action_row.addStretch(1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.compute_button, 1)
        buttons_row.addWidget(self.cancel_button)

        # Summary ---------------------------------------------------------
        self.summary_box = QGroupBox(self.tr("Summary"), self)
        summary_form = QFormLayout(self.summary_box)
        self.summary_labels: dict[str, QLabel] = {}
        for key, title, tip in (
            ("corpus", self.tr("Corpus:"), self.tr("The corpus these statistics describe")),
            ("tokens", self.tr("Tokens:"), self.tr("Number of tokens (running words)")),
            ("types", self.tr("Types:"), self.tr("Number of distinct words")),
            ("sentences", self.tr("Sentences:"), self.tr("Number of non-empty sentences")),
            ("hapax", self.tr("Hapax legomena:"), self.tr("Words that occur exactly once")),
            ("vocab", self.tr("Vocabulary ≥ min count:"),
             self.tr("Words that occur at least min count times")),
            ("oov", self.tr("OOV rate at min count:"),
             self.tr("Share of tokens whose word is rarer than min count")),
            ("time", self.tr("Scan time:"), self.tr("How long the scan took")),
        ):
            label = QLabel("–", self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setToolTip(tip)
            title_label = QLabel(title, self)
            title_label.setToolTip(tip)
            summary_form.addRow(title_label, label)
            self.summary_labels[key] = label
        self.export_vocab_button = QPushButton(self.tr("Export vocabulary TSV…"), self)
        self.export_vocab_button.setToolTip(self.tr("Save every word with count ≥ min count as "
                                                    "word<TAB>count, most frequent first"))
        summary_form.addRow(self.export_vocab_button)

        # Left column ------------------------------------------------------
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(source_row)
        left_layout.addWidget(self.reader_box)
        left_layout.addWidget(self.tokenizer_box)
        left_layout.addLayout(action_row)
        left_layout.addLayout(buttons_row)
        left_layout.addWidget(self.status_label)
        left_layout.addWidget(self.summary_box)
        left_layout.addStretch(1)
        left_scroll = QScrollArea(self)
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(left.sizeHint().width() + 16)

        # Top words table --------------------------------------------------
        self.table_model = WordCountModel(self)
        self.table_proxy = WordFilterProxyModel(self)
        self.table_proxy.setSourceModel(self.table_model)
        self.table_view = WordTableView(self)
        self.table_view.setModel(self.table_proxy)
        self.table_view.setToolTip(self.tr("Most frequent words. Click a header to sort; "
                                           "Ctrl+C copies the selected rows"))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter words…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(self.tr("Show only words containing this text"))
        self.top_n_combo = QComboBox(self)
        for label, n in _TOP_N_CHOICES:
            self.top_n_combo.addItem(_tr(label), n)
        self.top_n_combo.setCurrentIndex(1)
        self.top_n_combo.setToolTip(self.tr("How many of the most frequent words the table "
                                            "holds"))
        self.export_table_button = QPushButton(self.tr("Export TSV…"), self)
        self.export_table_button.setToolTip(self.tr("Save the rows shown (filtered and sorted) "
                                                    "as tab-separated text"))
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.filter_edit, 1)
        table_bar.addWidget(QLabel(self.tr("Top:"), self))
        table_bar.addWidget(self.top_n_combo)
        table_bar.addWidget(self.export_table_button)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(table_bar)
        table_layout.addWidget(self.table_view, 1)

        # Plots and preview ---------------------------------------------------
        self.zipf_plot = ZipfPlot(self)
        self.zipf_curve = self.zipf_plot.curve
        self.export_zipf_button = QPushButton(self.tr("Export PNG…"), self)
        self.export_zipf_button.setToolTip(self.tr("Save the Zipf plot as a PNG image"))
        zipf_box = QWidget(self)
        zipf_layout = QVBoxLayout(zipf_box)
        zipf_layout.setContentsMargins(0, 0, 0, 0)
        zipf_layout.addWidget(self.zipf_plot, 1)
        zipf_layout.addWidget(self.export_zipf_button, 0, Qt.AlignmentFlag.AlignRight)

        # The histogram plot is built after the window's first paint (see
        # showEvent): one pyqtgraph plot fewer to build before the window appears.
        self._histogram_plot: LengthHistogramPlot | None = None
        self._histogram_page = QWidget(self)
        QVBoxLayout(self._histogram_page).setContentsMargins(0, 0, 0, 0)
        self.preview_edit = QPlainTextEdit(self)
        self.preview_edit.setReadOnly(True)
        self.preview_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview_edit.setPlaceholderText(self.tr("The first tokenized sentences appear "
                                                     "here."))
        self.preview_edit.setToolTip(self.tr("The first sentences as the tokenizer split them; "
                                             "tokens are separated by spaces"))
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self._histogram_page, self.tr("Sentence lengths"))
        self.bottom_tabs.addTab(self.preview_edit, self.tr("Tokenized preview"))

        top_split = QSplitter(Qt.Orientation.Horizontal, self)
        top_split.addWidget(table_box)
        top_split.addWidget(zipf_box)
        top_split.setStretchFactor(0, 2)
        top_split.setStretchFactor(1, 3)
        top_split.setSizes([400, 600])
        right_split = QSplitter(Qt.Orientation.Vertical, self)
        right_split.addWidget(top_split)
        right_split.addWidget(self.bottom_tabs)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("CorpusPanelSplitter")
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(right_split)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)

        self._option_widgets: list[QWidget] = [
            self.path_edit, self.open_file_button, self.open_folder_button,
            self.reader_box, self.tokenizer_box, self.compute_button,
            self.export_vocab_button,
        ]

    def _connect(self) -> None:
        self.open_file_button.clicked.connect(self.open_file_dialog)
        self.open_folder_button.clicked.connect(self.open_folder_dialog)
        self.path_edit.returnPressed.connect(self._on_path_entered)
        self.path_edit.textChanged.connect(self._on_path_changed)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.min_count_spin.valueChanged.connect(self._on_min_count_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.top_n_combo.currentIndexChanged.connect(self._on_top_n_changed)
        self.export_table_button.clicked.connect(self._on_export_table_clicked)
        self.export_vocab_button.clicked.connect(self._on_export_vocab_clicked)
        self.export_zipf_button.clicked.connect(self._on_export_zipf_clicked)
        for check in (self.lowercase_check, self.strip_accents_check, self.fold_numbers_check,
                      self.keep_punctuation_check, self.split_sentences_check):
            check.toggled.connect(self._on_options_changed)
        self.chinese_combo.currentIndexChanged.connect(self._on_options_changed)
        for edit in (self.glob_edit, self.jsonl_field_edit, self.csv_column_edit):
            edit.textChanged.connect(self._on_options_changed)

        self.runner.started.connect(self._on_scan_started)
        self.runner.finished.connect(self._on_scan_finished)
        self.runner.cancelled.connect(self._on_scan_cancelled)
        self.runner.failed.connect(self._on_job_failed)
        self.runner.done.connect(self._on_scan_done)
        self.export_runner.finished.connect(self._on_export_finished)
        self.export_runner.failed.connect(self._on_job_failed)
        self.export_runner.done.connect(self._on_export_done)

    # -------------------------------------------------------------- public
    @property
    def workspace(self) -> Workspace | None:
        """Where scans are cached and recorded (made on first use when given a factory)."""
        if callable(self._workspace):
            self._workspace = self._workspace()
        return self._workspace

    @property
    def histogram_plot(self) -> LengthHistogramPlot:
        """The sentence-length plot (built on first use)."""
        if self._histogram_plot is None:
            self._histogram_plot = LengthHistogramPlot(self._histogram_page)
            self._histogram_page.layout().addWidget(self._histogram_plot)
        return self._histogram_plot

    @property
    def histogram_item(self) -> Any:
        """The sentence-length histogram curve (a ``stepMode`` PlotDataItem)."""
        return self.histogram_plot.curve

    def runners(self) -> list[TaskRunner]:
        """The panel's task runners (the window registers them with its job list)."""
        return [self.runner, self.export_runner]

    def path(self) -> str:
        """The corpus path in the path field."""
        return self.path_edit.text().strip()

    def open_path(self, path: str | Path, compute: bool = False) -> None:
        """Put ``path`` in the path field, adapt the reader options and maybe scan it.

        Parameters
        ----------
        path
            A corpus file or folder.
        compute
            Start computing its statistics at once.
        """
        text = str(path)
        if text != self.path():
            self.path_edit.setText(text)
        self.message_bar.clear()
        self.corpus_opened.emit(text)
        if compute:
            self.compute()

    def _reader_values(self) -> tuple[tuple[str, Any], ...]:
        column: str | int = self.csv_column_edit.text().strip() or "text"
        if isinstance(column, str) and column.isdigit():
            column = int(column)
        return (("jsonl_field", self.jsonl_field_edit.text().strip() or "text"),
                ("csv_column", column),
                ("glob", self.glob_edit.text().strip() or "*"))

    def _tokenizer_values(self) -> tuple[tuple[str, Any], ...]:
        return (("lowercase", self.lowercase_check.isChecked()),
                ("strip_accents", self.strip_accents_check.isChecked()),
                ("fold_numbers", self.fold_numbers_check.isChecked()),
                ("keep_punctuation", self.keep_punctuation_check.isChecked()),
                ("split_sentences", self.split_sentences_check.isChecked()),
                ("chinese", str(self.chinese_combo.currentData())))

    def reader_options(self) -> ReaderOptions:
        """The reader options the widgets describe."""
        return ScanRequest(self.path(), self._reader_values(), ()).reader_options()

    def tokenizer_settings(self) -> TokenizerSettings:
        """The tokenizer settings the widgets describe."""
        return ScanRequest(self.path(), (), self._tokenizer_values()).tokenizer_settings()

    def request(self) -> ScanRequest:
        """Capture the current options as an immutable scan request."""
        return ScanRequest(self.path(), self._reader_values(), self._tokenizer_values(),
                           self.workspace)

    @Slot()
    def compute(self) -> None:
        """Scan the corpus in the background with the current options."""
        if not self.path():
            self.message_bar.show_info(self.tr("Open a corpus file or folder first "
                                               "(File ▸ Open corpus file…)."))
            return
        self.message_bar.clear()
        self.runner.start(scan, self.request())

    @Slot()
    def cancel(self) -> None:
        """Stop the running scan; the statistics shown stay as they were."""
        self.runner.cancel()
        if self.runner.is_running:
            self.status_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    @Slot()
    def open_file_dialog(self) -> None:
        """Ask for a corpus file, open it and compute its statistics."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open corpus file"), self._dialog_dir(),
            self.tr("Corpora (*.txt *.gz *.bz2 *.xz *.zip *.jsonl *.ndjson *.json *.csv *.tsv)")
            + ";;" + self.tr("All files (*)"))
        if path:
            self.open_path(path, compute=True)

    @Slot()
    def open_folder_dialog(self) -> None:
        """Ask for a corpus folder, open it and compute its statistics."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Open corpus folder"),
                                                self._dialog_dir())
        if path:
            self.open_path(path, compute=True)

    def export_table_tsv(self, path: str | Path) -> None:
        """Save the table rows shown (filtered, sorted) to ``path``."""
        try:
            self.table_view.export_tsv(path)
        except OSError as exc:
            self.message_bar.show_error(self.tr("Could not save {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc))
            return
        self.message_bar.show_info(self.tr("Saved {rows:,} rows to {path}.").format(
            rows=self.table_proxy.rowCount(), path=path))

    def export_vocab_tsv(self, path: str | Path) -> None:
        """Write the vocabulary (count ≥ min count) to ``path`` in the background."""
        if self.stats is None:
            self.message_bar.show_info(self.tr("Compute statistics first."))
            return
        self.export_runner.start(_write_vocab, self.stats, str(path),
                                 self.min_count_spin.value())

    def export_zipf_png(self, path: str | Path) -> None:
        """Save the Zipf plot as a PNG image."""
        try:
            self.zipf_plot.export_png(path)
        except OSError as exc:
            self.message_bar.show_error(self.tr("Could not save {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc))
            return
        self.message_bar.show_info(self.tr("Saved the Zipf plot to {path}.").format(path=path))

    # ------------------------------------------------------------ handlers
    def _dialog_dir(self) -> str:
        current = Path(self.path()) if self.path() else None
        if current is not None and current.exists():
            return str(current if current.is_dir() else current.parent)
        return ""

    @Slot()
    def _on_path_entered(self) -> None:
        if self.path():
            self.open_path(self.path(), compute=True)

    @Slot()
    def _on_path_changed(self) -> None:
        kind = file_kind(self.path()) if self.path() else "text"
        self.glob_edit.setEnabled(kind == "folder")
        self.jsonl_field_edit.setEnabled(kind in ("jsonl", "folder"))
        self.csv_column_edit.setEnabled(kind in ("csv", "folder"))

    @Slot()
    def _on_options_changed(self) -> None:
        if self.result is not None and not self.runner.is_running:
            self.status_label.setText(self.tr("Options changed: press Compute statistics (F5) "
                                              "to update."))

    @Slot(int)
    def _on_min_count_changed(self, value: int) -> None:
        self._show_vocab_figures()

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        self.table_proxy.setFilterFixedString(text)

    @Slot(int)
    def _on_top_n_changed(self, index: int) -> None:
        self._fill_table()

    def _tsv_filters(self) -> str:
        return self.tr("Tab-separated (*.tsv)") + ";;" + self.tr("All files (*)")

    @Slot()
    def _on_export_table_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table"), "top-words.tsv",
                                              self._tsv_filters())
        if path:
            self.export_table_tsv(path)

    @Slot()
    def _on_export_vocab_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export vocabulary"), "vocab.tsv",
                                              self._tsv_filters())
        if path:
            self.export_vocab_tsv(path)

    @Slot()
    def _on_export_zipf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Zipf plot"), "zipf.png",
                                              self.tr("PNG image (*.png)"))
        if path:
            self.export_zipf_png(path)

    @Slot()
    def _on_scan_started(self) -> None:
        self._set_busy(True)
        self.status_label.setText(self.tr("Scanning {name}…").format(
            name=Path(self.path()).name or self.path()))

    @Slot(object)
    def _on_scan_finished(self, result: ScanResult) -> None:
        self.result = result
        self.stats = result.stats
        self._show_result()
        seconds = result.stats.seconds
        self.status_label.setText(self.tr("Done: {corpus} in {seconds:.1f} s.").format(
            corpus=result.stats.corpus_name, seconds=seconds))
        if result.stats.warnings:
            shown = result.stats.warnings[:5]
            more = len(result.stats.warnings) - len(shown)
            text = " ".join(shown)
            if more > 0:
                text = self.tr("{warnings} (and {more} more warnings)").format(
                    warnings=text, more=more)
            self.message_bar.show_warning(text)

    @Slot(object)
    def _on_scan_cancelled(self, _kept: object = None) -> None:
        self.status_label.setText(self.tr("Cancelled: the statistics shown are unchanged."))

    @Slot(object, str)
    def _on_job_failed(self, error: BaseException, tb: str) -> None:
        if isinstance(error, WorkbenchError):
            text = core_text(error)
            name = Path(self.path()).name
            if name and name not in text and (error.path is None
                                              or Path(error.path).name not in text):
                text = self.tr("{name}: {message}").format(name=name, message=text)
            self.message_bar.show_error(text)
            self.status_label.setText(self.tr("Failed: see the message above."))
        else:
            self.status_label.setText(self.tr("Failed because of an unexpected error."))
            show_unexpected_error(self.window(), error, tb)

    @Slot()
    def _on_scan_done(self) -> None:
        self._set_busy(False)

    @Slot(object)
    def _on_export_finished(self, path: str) -> None:
        self.message_bar.show_info(self.tr("Saved the vocabulary to {path}.").format(path=path))

    @Slot()
    def _on_export_done(self) -> None:
        self._set_busy(self.runner.is_running)

    # ------------------------------------------------------------- display
    def _set_busy(self, busy: bool) -> None:
        for widget in self._option_widgets:
            widget.setEnabled(not busy)
        self.export_vocab_button.setEnabled(not busy and self.stats is not None
                                            and not self.export_runner.is_running)
        self.cancel_button.setEnabled(busy)
        if not busy:
            self._on_path_changed()

    def _show_result(self) -> None:
        result = self.result
        assert result is not None
        stats = result.stats
        labels = self.summary_labels
        labels["corpus"].setText(stats.corpus_name)
        labels["tokens"].setText(_fmt_int(stats.tokens))
        labels["types"].setText(_fmt_int(stats.types))
        labels["sentences"].setText(_fmt_int(stats.sentences))
        share = 100.0 * stats.hapax / stats.types if stats.types else 0.0
        labels["hapax"].setText(self.tr("{hapax:,} ({share:.1f}% of types)").format(
            hapax=stats.hapax, share=share))
        labels["time"].setText(self.tr("{seconds:.2f} s").format(seconds=stats.seconds))
        self._show_vocab_figures()
        self._fill_table()
        self.preview_edit.setPlainText(
            "\n".join(" ".join(sentence) for sentence in stats.preview))
        # The plots follow in later event-loop turns: each turn then paints a
        # part of the window, so no single frame has to redraw everything.
        QTimer.singleShot(0, lambda: self._show_plots(result, 0))

    def _show_plots(self, result: ScanResult, step: int) -> None:
        if result is not self.result:
            return  # a newer result is on its way
        if step == 0:
            self.zipf_plot.set_frequencies(*result.zipf)
            QTimer.singleShot(0, lambda: self._show_plots(result, 1))
        else:
            self.histogram_plot.set_histogram(*result.lengths)
            self.stats_changed.emit()

    def _show_vocab_figures(self) -> None:
        result = self.result
        if result is None:
            return
        min_count = self.min_count_spin.value()
        self.summary_labels["vocab"].setText(_fmt_int(result.vocab_size(min_count)))
        self.summary_labels["oov"].setText(f"{100.0 * result.oov_rate(min_count):.2f}%")

    def _fill_table(self) -> None:
        result = self.result
        if result is None:
            self.table_model.clear()
            return
        n = int(self.top_n_combo.currentData() or 0)
        words = result.ranked if n == 0 else result.ranked[:n]
        self.table_model.set_words(words, result.stats.tokens)
        self.table_view.fit_columns()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._histogram_plot is None:
            QTimer.singleShot(0, self._on_first_show)

    @Slot()
    def _on_first_show(self) -> None:
        _ = self.histogram_plot

    def closeEvent(self, event: Any) -> None:
        for runner in self.runners():
            runner.cancel()
        super().closeEvent(event)


def main() -> int:
    """Run the panel alone on the bundled corpus (or the file or folder given as argument)."""
    from workbench.core.resources import default_corpus_path
    from workbench.ui.preview import run_preview

    return run_preview(CorpusPanel, lambda panel, path: panel.open_path(path, compute=True),
                       str(default_corpus_path()))


if __name__ == "__main__":
    import sys

    sys.exit(main())
