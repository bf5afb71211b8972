"""The Inspect panel's sense views: word senses, word in context, contextuality per layer.

Three tabs of the Inspect panel, each a self-contained widget with its own
:class:`~workbench.ui.tasks.TaskRunner`, message bar, progress bar and
keyboard shortcuts (Ctrl+Return runs, Esc cancels):

* :class:`SensesView` collects the occurrences of a word (current corpus,
  typed sentences or CoarseWSD-20), extracts one contextual vector per
  occurrence, projects and clusters them, and shows the clusters beside the
  word's single static vector;
* :class:`WordInContextView` compares the word's contextual vectors in two
  sentences, layer by layer (the Word-in-Context task);
* :class:`ContextualityView` plots self-similarity, intra-sentence similarity
  and maximum explainable variance per layer (Ethayarajh, 2019).

The panel hands them the loaded model with ``set_model`` and the static
vectors of the Static training / Explore panels with ``set_static_embeddings``.
The computations live in :mod:`workbench.core.inspect` (Qt-free); the jobs
below only chain them in the worker thread.
"""

from __future__ import annotations

import csv
import html
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress, scaled
from workbench.core.workspace import atomic_write
from workbench.ui.i18n import core_text
from workbench.ui.plots.embedding_map import CATEGORY_COLOURS, EmbeddingMapView
from workbench.ui.widgets.inspect_base import InspectView
from workbench.ui.widgets.result_table import ResultTable
from workbench.ui.widgets.spin_boxes import int_spin

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings
    from workbench.core.inspect.contextual import Occurrence
    from workbench.core.inspect.contextuality import ContextualityResult
    from workbench.core.inspect.model import InspectModel
    from workbench.core.inspect.senses import SensesResult
    from workbench.core.inspect.wic import WicResult
    from workbench.ui.panels.static_panel import CorpusChoice

__all__ = [
    "CONTEXTUALITY_NOTE",
    "WIC_EXAMPLE",
    "ContextualityOutcome",
    "ContextualityRequest",
    "ContextualityView",
    "SensesOutcome",
    "SensesRequest",
    "SensesView",
    "WordInContextView",
]

#: The Word-in-Context preset: two senses of "bank".
WIC_EXAMPLE = ("I sat on the bank of the river.", "I deposited cash at the bank.", "bank")

#: The note under the contextuality plot (English; shown through ``tr``).
CONTEXTUALITY_NOTE = QT_TRANSLATE_NOOP(
    "ContextualityView",
    "After Ethayarajh (2019), “How contextual are contextualized word representations?” "
    "(EMNLP). Self-similarity: mean cosine between a word's vectors in different contexts. "
    "Intra-sentence similarity: mean cosine between a sentence's word vectors and the "
    "sentence's mean vector. MEV: share of a word's variance explained by its first principal "
    "component (how well one static vector could replace its contextual ones). Raw values are "
    "inflated by anisotropy (all vectors point in similar directions); the dashed baseline is "
    "the mean cosine of random word pairs, and the anisotropy-adjusted curves subtract it.")

_STATIC_COLOUR = "#ffbf00"


# --------------------------------------------------------------------------- helpers

def _lines(text: str) -> list[str]:
    """The non-empty lines of a text box."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def highlight_html(text: str, start: int, end: int, colour: str = "#d62728") -> str:
    """``text`` as HTML with ``text[start:end]`` in bold and ``colour``.

    Parameters
    ----------
    text
        A sentence.
    start, end
        Character span of the word to highlight (clipped to the text).
    colour
        The highlight colour (CSS).
    """
    start = max(0, min(int(start), len(text)))
    end = max(start, min(int(end), len(text)))
    return (html.escape(text[:start]) + f'<b style="color:{colour}">'
            + html.escape(text[start:end]) + "</b>" + html.escape(text[end:]))


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """A one-line excerpt of ``text`` around ``text[start:end]``, the word in brackets."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    if start > width:
        left = "…" + left
    if end + width < len(text):
        right = right + "…"
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _export_plot_png(plot: Any, path: str | Path) -> None:
    """Save a pyqtgraph ``PlotWidget`` as a PNG (written atomically)."""
    target = Path(path)
    if target.suffix.lower() != ".png":
        raise ParameterError(QCoreApplication.translate(
            "ContextualityView", "Cannot export the plot as {name}: use a .png file "
            "name.").format(name=repr(target.name)))
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    exporter = ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = int(max(1000, plot.width()))
    image = exporter.export(toBytes=True)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    with atomic_write(target, "wb") as f:
        f.write(QByteArray(buffer.data()).data())


def _not_found(word: str, where: str, seen: Iterable[Any], progress: Progress) -> WorkbenchError:
    """The "occurs 0 times" error, with words of the source spelled like ``word``."""
    from workbench.core.inspect.contextual import similar_words

    progress.report(None, QCoreApplication.translate(
        "SensesView", "'{word}' was not found; looking for close words…").format(word=word))
    hint = similar_words(seen, word, n=5, progress=progress)
    if hint:
        text = QCoreApplication.translate(
            "SensesView", "'{word}' occurs 0 times in {where}. Words seen there that look "
            "alike: {words}.").format(word=word, where=where, words=", ".join(hint))
    else:
        text = QCoreApplication.translate(
            "SensesView", "'{word}' occurs 0 times in {where}. Check the spelling, or choose "
            "another source.").format(word=word, where=where)
    return WorkbenchError(text)


def _short_placement(placement: str) -> str:
    """A few words for the star's label; the full sentence goes to the summary and tooltip."""
    low = placement.lower()
    if "linear map" in low and "centroid" not in low:
        return QCoreApplication.translate("SensesView", "through a fitted linear map")
    if "centroid" in low or "mean of" in low:
        return QCoreApplication.translate("SensesView", "at the centroid of the occurrences")
    return QCoreApplication.translate("SensesView", "placement: see the summary")


def _default_coarsewsd_root() -> Path | None:
    from workbench.core.evaluation.benchmarks import shared_data_dir

    shared = shared_data_dir()
    if shared is None or not (shared / "CoarseWSD-20").is_dir():
        return None
    return shared / "CoarseWSD-20"


# --------------------------------------------------------------------------- base

class _InspectView(InspectView):
    """Base of the three views: their own Run button, progress, shortcuts, static vectors.

    Subclasses build their controls, put :attr:`run_button` somewhere, add
    :meth:`_status_row` to their layout and implement :meth:`_start`.
    """

    def __init__(self, name: str, corpus_choice: Callable[[], CorpusChoice | None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.setObjectName(type(self).__name__)
        self.static_embeddings: Embeddings | None = None
        self._corpus_choice = corpus_choice or (lambda: None)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.clicked.connect(self.run)
        self._run_tip = self.tr("Run (Ctrl+Return)")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setToolTip(self.tr("Progress of the running job"))
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running job (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.progress_bar, self.progress_label, self.cancel_button):
            w.setVisible(False)
        self.runner.started.connect(self._on_started)
        self.runner.progress_changed.connect(self._on_progress)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.done.connect(self._on_done)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.run, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel, context=context)

    def _status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.progress_label)
        row.addWidget(self.cancel_button)
        return row

    # ---------------------------------------------------------------- slots for the panel
    @Slot(object)
    def set_model(self, model: InspectModel | None) -> None:
        """Use ``model`` from now on (``None``: no model loaded; Run is disabled)."""
        self.model = model
        self._model_changed()
        self._update_run_button()

    @Slot(object)
    def set_static_embeddings(self, emb: Embeddings | None) -> None:
        """The static vectors to compare with (``None``: none loaded)."""
        self.static_embeddings = emb

    def refresh_sources(self) -> None:
        """Offer the corpus as a source only while one is open (when shown, before each run)."""

    def showEvent(self, event: Any) -> None:
        self.refresh_sources()
        super().showEvent(event)

    def _model_changed(self) -> None:
        """Hook for subclasses (layer lists depend on the model)."""

    def _update_run_button(self) -> None:
        if self.model is None:
            self.run_button.setEnabled(False)
            self.run_button.setToolTip(self.tr("Load a BERT-family model in the Inspect panel "
                                               "first."))
        else:
            self.run_button.setEnabled(not self.runner.is_running)
            self.run_button.setToolTip(self._run_tip)

    # ---------------------------------------------------------------- running
    def run(self) -> None:
        """Start the job with the current settings (Ctrl+Return)."""
        if self.model is None:
            self.message_bar.show_error(self.tr("Load a BERT-family model in the Inspect panel "
                                                "first."))
            return
        if self.runner.is_running:
            return
        self.message_bar.clear()
        try:
            self._start(self.model)
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))

    def _start(self, model: InspectModel) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        """Stop the running job (Esc); the previous result stays."""
        self.runner.cancel()

    @Slot()
    def _on_started(self) -> None:
        self.run_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText("")
        for w in (self.progress_bar, self.progress_label, self.cancel_button):
            w.setVisible(True)

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if fraction < 0:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(fraction * 1000))
        self.progress_label.setText(message)

    @Slot()
    def _on_done(self) -> None:
        for w in (self.progress_bar, self.progress_label, self.cancel_button):
            w.setVisible(False)
        self._update_run_button()

    @Slot(object)
    def _on_cancelled(self, _kept: object) -> None:
        self.message_bar.show_info(self.tr("Cancelled; the previous result is still shown."))

    def _export(self, title: str, name: str, filters: str, write: Callable[[str], object],
                done: str) -> None:
        """Ask where to save, ``write(path)`` there, and say ``done`` or why it failed.

        ``done`` is formatted with ``path`` and ``n``, what ``write`` returned.
        """
        path, _ = QFileDialog.getSaveFileName(self, title, name, filters)
        if not path:
            return
        try:
            n = write(path)
        except (OSError, WorkbenchError) as exc:
            self.message_bar.show_error(self.tr("Could not write {path}: {error}").format(
                path=path, error=exc))
        else:
            self.message_bar.show_info(done.format(n=n, path=path))


def _show_if_typed(combo: QComboBox, *widgets: QWidget | None) -> bool:
    """Show ``widgets`` only while ``combo``'s source is typed text; return whether it is."""
    typed = combo.currentData() == "typed"
    for widget in widgets:
        if widget is not None:
            widget.setVisible(typed)
    return typed


# --------------------------------------------------------------------------- senses

#: (label, source) for the senses source combo box (labels English; shown through ``tr``).
SENSES_SOURCES = (
    (QT_TRANSLATE_NOOP("SensesView", "Current corpus"), "corpus"),
    (QT_TRANSLATE_NOOP("SensesView", "Typed sentences"), "typed"),
    (QT_TRANSLATE_NOOP("SensesView", "CoarseWSD-20 (train split)"), "coarsewsd"),
)

#: (label, layer spec) offered before the individual layers (labels shown through ``tr``).
LAYER_CHOICES = (
    (QT_TRANSLATE_NOOP("SensesView", "Last layer"), "last"),
    (QT_TRANSLATE_NOOP("SensesView", "Mean of the last 4 layers"), "mean-last-4"),
    (QT_TRANSLATE_NOOP("SensesView", "Mean of all layers"), "mean-all"),
)


def _senses_text(label: str) -> str:
    """The shown text of a :data:`SENSES_SOURCES` or :data:`LAYER_CHOICES` label."""
    return QCoreApplication.translate("SensesView", label)


@dataclass(frozen=True)
class SensesRequest:
    """What the senses job needs, snapshotted from the widgets.

    Attributes
    ----------
    word
        The word whose occurrences are collected.
    source
        ``"corpus"``, ``"typed"`` or ``"coarsewsd"``.
    limit
        Most occurrences to use.
    layer
        A layer index or ``"last"``, ``"mean-last-4"``, ``"mean-all"``.
    method, clustering
        ``"pca"``/``"umap"`` and ``"kmeans"``/``"agglomerative"``.
    k
        Number of clusters, ``None`` to choose it by silhouette.
    sentences
        The typed sentences (``source == "typed"``).
    corpus
        The open corpus (``source == "corpus"``).
    coarsewsd_root
        The CoarseWSD-20 folder (``source == "coarsewsd"``).
    """

    word: str
    source: str
    limit: int = 300
    layer: int | str = "mean-last-4"
    method: str = "pca"
    clustering: str = "kmeans"
    k: int | None = None
    sentences: tuple[str, ...] = ()
    corpus: CorpusChoice | None = None
    coarsewsd_root: Path | None = None
    seed: int = 0


@dataclass(frozen=True)
class SensesOutcome:
    """What the senses job returns: the analysis and the occurrences behind it."""

    request: SensesRequest
    result: SensesResult
    occurrences: list[Occurrence]
    total: int
    where: str
    truncated: int = 0

    @property
    def gold(self) -> list[str] | None:
        """The gold sense of every occurrence, or ``None`` when one is unknown."""
        labels = [o.label for o in self.occurrences]
        if not labels or any(label is None for label in labels):
            return None
        return [str(label) for label in labels]


def _collect_occurrences(request: SensesRequest, progress: Progress
                         ) -> tuple[list[Occurrence], int, str]:
    """The occurrences of the request's word, how many there were, and where (in words)."""
    from workbench.core.inspect.contextual import corpus_lines, find_occurrences

    word = request.word
    if request.source == "coarsewsd":
        from workbench.core.inspect.coarsewsd import COARSEWSD_WORDS, load_coarsewsd

        if word.lower() not in COARSEWSD_WORDS:
            raise WorkbenchError(QCoreApplication.translate(
                "SensesView", "CoarseWSD-20 has no data for '{word}'; its words are "
                "{words}.").format(word=word, words=", ".join(COARSEWSD_WORDS)))
        root = request.coarsewsd_root or _default_coarsewsd_root()
        if root is None:
            raise WorkbenchError(QCoreApplication.translate(
                "SensesView", "The CoarseWSD-20 data set was not found (expected a "
                "shared/data/CoarseWSD-20 folder beside the checkout, or "
                "$WORKBENCH_SHARED_DATA)."))
        progress.report(None, QCoreApplication.translate(
            "SensesView", "Reading CoarseWSD-20 ({word})…").format(word=word))
        occ = load_coarsewsd(Path(root), word.lower(), "train", limit=request.limit)
        return list(occ), len(occ), QCoreApplication.translate(
            "SensesView", "the CoarseWSD-20 train split for '{word}'").format(word=word.lower())
    if request.source == "typed":
        if not request.sentences:
            raise WorkbenchError(QCoreApplication.translate(
                "SensesView", "Type some sentences first, one per line."))
        occ, total = find_occurrences(request.sentences, word, limit=request.limit,
                                      source="typed", progress=progress)
        where = QCoreApplication.translate("SensesView", "the {n:,} typed sentences").format(
            n=len(request.sentences))
        if not occ:
            raise _not_found(word, where, request.sentences, progress)
    elif request.source == "corpus":
        choice = request.corpus
        if choice is None:
            raise WorkbenchError(QCoreApplication.translate(
                "SensesView", "Open a corpus in the Corpus panel first, or type sentences."))
        progress.report(None, QCoreApplication.translate(
            "SensesView", "Looking for '{word}' in {name}…").format(
            word=word, name=Path(choice.path).name))
        occ, total = find_occurrences(corpus_lines(choice.path, choice.reader), word,
                                      limit=request.limit, progress=progress)
        where = QCoreApplication.translate("SensesView", "the corpus {name}").format(
            name=Path(choice.path).name)
        if not occ:
            raise _not_found(word, where, corpus_lines(choice.path, choice.reader), progress)
    else:
        raise ParameterError(f"Unknown source {request.source!r}.")
    return list(occ), int(total), where


def senses_job(model: InspectModel, request: SensesRequest, static: Embeddings | None,
               *, progress: Progress = NULL_PROGRESS) -> SensesOutcome:
    """Find occurrences, extract their vectors and analyse the senses (worker thread).

    Parameters
    ----------
    model
        The loaded encoder.
    request
        What to analyse.
    static
        Static vectors to place beside the occurrences, if any.
    progress
        Progress, cancellation.

    Raises
    ------
    WorkbenchError
        When the word does not occur (the message gives the count 0 and close
        words), too few occurrences were found, or a source is missing.
    """
    from workbench.core.inspect.contextual import word_vectors
    from workbench.core.inspect.senses import analyse_senses

    word = request.word.strip()
    if not word or len(word.split()) != 1:
        raise WorkbenchError(QCoreApplication.translate(
            "SensesView", "Type one word whose senses to look at, e.g. bank."))
    occ, total, where = _collect_occurrences(request, scaled(progress, 0.0, 0.15))
    if not occ:
        raise WorkbenchError(QCoreApplication.translate(
            "SensesView", "'{word}' occurs 0 times in {where}.").format(word=word, where=where))
    progress.raise_if_cancelled()
    progress.report(0.15, QCoreApplication.translate(
        "SensesView", "Contextual vectors of {n:,} occurrences…").format(n=len(occ)))
    vectors = word_vectors(model, occ, progress=scaled(progress, 0.15, 0.85))
    progress.raise_if_cancelled()
    progress.report(0.85, QCoreApplication.translate("SensesView", "Projecting and clustering…"))
    result = analyse_senses(vectors, layer=request.layer, method=request.method,
                            clustering=request.clustering, k=request.k, static=static,
                            seed=request.seed, progress=scaled(progress, 0.85, 1.0))
    progress.report(1.0, QCoreApplication.translate("SensesView", "Done"))
    return SensesOutcome(request=request, result=result, occurrences=list(vectors.occurrences),
                         total=total, where=where, truncated=int(vectors.truncated))



def _enable_corpus_source(combo: QComboBox, available: bool, tip: str) -> None:
    """Enable the combo's "corpus" item only while a corpus is open; fall back to typed text."""
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        item = model.item(combo.findData("corpus"))
        item.setEnabled(available)
        item.setToolTip(tip)
    if not available and combo.currentData() == "corpus":
        combo.setCurrentIndex(combo.findData("typed"))


class SensesView(_InspectView):
    """One word, many contexts: contextual vectors of its occurrences, clustered into senses.

    Parameters
    ----------
    corpus_choice
        Returns the corpus open in the Corpus panel, or ``None``.
    parent
        The owning widget.

    Attributes
    ----------
    runner : TaskRunner
        Runs the analysis.
    map_view : EmbeddingMapView
        The scatter of the occurrences (hover shows the sentence).
    static_item : pyqtgraph.ScatterPlotItem
        The large star: the word's static vector, or the centroid when no static
        model is loaded.
    cluster_table, examples, summary_label, silhouette_label, static_label
        The results, as shown.
    outcome : SensesOutcome or None
        The result shown.
    coarsewsd_root : Path or None
        Where CoarseWSD-20 lives (default: ``shared/data/CoarseWSD-20``).
    """

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SensesView", "Word senses"), corpus_choice,
                         parent)
        self.outcome: SensesOutcome | None = None
        self.coarsewsd_root: Path | None = None
        self._build()
        self._model_changed()
        self._update_run_button()
        self.refresh_sources()
        self.runner.finished.connect(self.show_outcome)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        import pyqtgraph as pg

        from workbench.core.inspect.coarsewsd import COARSEWSD_WORDS

        self.word_edit = QLineEdit("bank")
        self.word_edit.setToolTip(self.tr("The word whose senses to look at (the 20 "
                                          "CoarseWSD-20 words are offered; any word works with "
                                          "a corpus or typed sentences)"))
        completer = QCompleter(list(COARSEWSD_WORDS), self.word_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.word_edit.setCompleter(completer)
        self.word_edit.returnPressed.connect(self.run)
        self.source_combo = QComboBox()
        for label, data in SENSES_SOURCES:
            self.source_combo.addItem(_senses_text(label), data)
        self.source_combo.setToolTip(self.tr("Where the occurrences come from"))
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.sentences_edit = QPlainTextEdit()
        self.sentences_edit.setPlaceholderText(self.tr("One sentence per line, each using the "
                                                       "word"))
        self.sentences_edit.setToolTip(self.tr("Typed sentences, one per line"))
        self.sentences_edit.setMaximumHeight(110)
        self.limit_spin = int_spin(None, 2, 100_000, 300,
                                   self.tr("Use at most this many occurrences"),
                                   group_separator=False)
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("Which hidden states make an occurrence's vector "
                                            "(layer 0 is the embedding layer's output)"))
        self.method_combo = QComboBox()
        self.method_combo.addItem("PCA", "pca")
        self.method_combo.addItem("UMAP", "umap")
        self.method_combo.setToolTip(self.tr("How the vectors are projected to 2-D (PCA is "
                                             "linear, so the static vector and centroids keep "
                                             "their meaning)"))
        self.clustering_combo = QComboBox()
        self.clustering_combo.addItem("k-means", "kmeans")
        self.clustering_combo.addItem(self.tr("Agglomerative (Ward)"), "agglomerative")
        self.clustering_combo.setToolTip(self.tr("How the occurrences are grouped into senses "
                                                 "(in the full vector space, not the 2-D "
                                                 "picture)"))
        self.k_spin = int_spin(None, 1, 20, 1, self.tr("Number of clusters; Auto picks the k "
                                                       "with the best silhouette between 2 and "
                                                       "8"), group_separator=False)
        self.k_spin.setSpecialValueText(self.tr("Auto (silhouette)"))
        self.run_button.setText(self.tr("Find senses"))
        self._run_tip = self.tr("Collect the occurrences, extract their vectors and cluster "
                                "them (Ctrl+Return; Esc cancels)")

        form = QFormLayout()
        word_row = QHBoxLayout()
        word_row.addWidget(self.word_edit, 1)
        word_row.addWidget(QLabel(self.tr("from")))
        word_row.addWidget(self.source_combo, 1)
        form.addRow(self.tr("Word"), word_row)
        form.addRow(self.tr("Sentences"), self.sentences_edit)
        self._sentences_label = form.labelForField(self.sentences_edit)
        opts = QHBoxLayout()
        opts.addWidget(QLabel(self.tr("at most")))
        opts.addWidget(self.limit_spin)
        opts.addWidget(QLabel(self.tr("layer")))
        opts.addWidget(self.layer_combo)
        form.addRow(self.tr("Occurrences"), opts)
        opts2 = QHBoxLayout()
        opts2.addWidget(self.method_combo)
        opts2.addWidget(QLabel(self.tr("clusters")))
        opts2.addWidget(self.clustering_combo)
        opts2.addWidget(QLabel("k"))
        opts2.addWidget(self.k_spin)
        opts2.addStretch(1)
        opts2.addWidget(self.run_button)
        form.addRow(self.tr("Picture"), opts2)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.silhouette_label = QLabel()
        self.silhouette_label.setWordWrap(True)
        self.silhouette_label.setToolTip(self.tr("Mean silhouette of the clustering for each k "
                                                 "tried (higher: better separated clusters)"))
        self.colour_combo = QComboBox()
        self.colour_combo.addItem(self.tr("Colour by cluster"), "cluster")
        self.colour_combo.addItem(self.tr("Colour by gold sense"), "gold")
        self.colour_combo.setToolTip(self.tr("Gold senses are known for CoarseWSD-20 only"))
        self.colour_combo.currentIndexChanged.connect(self._apply_colours)
        self.export_button = self._export_button(
            self.tr("Save the points (sentence, cluster, x, y, gold) as CSV, or the picture as "
                    "PNG or SVG"),
            ((self.tr("Points as CSV…"), self._on_export_csv_clicked),
             (self.tr("Picture as PNG…"), lambda: self._on_export_image_clicked("png")),
             (self.tr("Picture as SVG…"), lambda: self._on_export_image_clicked("svg"))))
        bar = QHBoxLayout()
        bar.addWidget(self.silhouette_label, 1)
        bar.addWidget(self.colour_combo)
        bar.addWidget(self.export_button)

        self.map_view = EmbeddingMapView(top_k=0, max_labels=0)
        self.map_view.setToolTip(self.tr("One point per occurrence; hover to read its sentence, "
                                         "click to show it below. The star is the word's single "
                                         "static vector (or the centroid when no static model "
                                         "is loaded)."))
        self.map_view.setMinimumHeight(200)
        self.map_view.word_clicked.connect(self._on_point_clicked)
        self.static_item = pg.ScatterPlotItem(pxMode=True, size=26, symbol="star",
                                              pen=pg.mkPen("#000000", width=1.5),
                                              brush=pg.mkBrush(_STATIC_COLOUR))
        self.static_item.setZValue(15)
        self.static_label = pg.TextItem("", color="#000000", anchor=(0.0, 1.0),
                                        fill=pg.mkBrush(255, 255, 255, 210))
        self.static_label.setZValue(16)
        for item in (self.static_item, self.static_label):
            self.map_view.view_box.addItem(item, ignoreBounds=True)
            item.hide()

        self.cluster_table = ResultTable((self.tr("cluster"), self.tr("size"),
                                          self.tr("context words"), self.tr("static neighbours"),
                                          self.tr("gold senses")))
        self.cluster_table.setToolTip(self.tr("Select a cluster to read its sentences. Context "
                                              "words: words typical of the cluster's sentences; "
                                              "static neighbours: the static model's words "
                                              "nearest to the cluster"))
        self.cluster_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cluster_table.itemSelectionChanged.connect(self._on_cluster_selected)
        self.examples = QTextBrowser()
        self.examples.setOpenLinks(False)
        self.examples.setToolTip(self.tr("Sentences of the selected cluster, the word "
                                         "highlighted"))
        self.static_neighbours_label = QLabel()
        self.static_neighbours_label.setWordWrap(True)
        self.static_neighbours_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.static_neighbours_label.setToolTip(self.tr("The static model gives the word one "
                                                        "vector, so one list of neighbours for "
                                                        "all its senses"))
        static_box = QGroupBox(self.tr("Static model's neighbours"))
        QVBoxLayout(static_box).addWidget(self.static_neighbours_label)
        static_box.setMaximumWidth(260)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.examples)
        below.addWidget(static_box)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 1)
        # The map beside the clusters and their sentences, so the view fits short screens.
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.cluster_table)
        side.addWidget(below)
        results = QSplitter(Qt.Orientation.Horizontal)
        results.addWidget(self.map_view)
        results.addWidget(side)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(form)
        layout.addLayout(self._status_row())
        layout.addWidget(self.summary_label)
        layout.addLayout(bar)
        layout.addWidget(results, 1)
        self._on_source_changed()
        self._update_colour_choice()

    # ------------------------------------------------------------------ state
    def _model_changed(self) -> None:
        current = self.layer_combo.currentData()
        self.layer_combo.clear()
        for label, spec in LAYER_CHOICES:
            self.layer_combo.addItem(_senses_text(label), spec)
        if self.model is not None:
            self.layer_combo.addItem(self.tr("Layer 0 (embedding output)"), 0)
            for i in range(1, self.model.num_layers + 1):
                self.layer_combo.addItem(self.tr("Layer {i}").format(i=i), i)
        index = self.layer_combo.findData(current if current is not None else "mean-last-4")
        self.layer_combo.setCurrentIndex(max(0, index))

    def set_static_embeddings(self, emb: Embeddings | None) -> None:
        """The static vectors whose word vector is drawn as the star (``None``: centroid)."""
        super().set_static_embeddings(emb)
        self._show_static_neighbours()

    def refresh_sources(self) -> None:
        """Enable "Current corpus" only while a corpus is open (called before each run)."""
        choice = self._corpus_choice()
        _enable_corpus_source(
            self.source_combo, choice is not None,
            self.tr("Occurrences from {path}").format(path=choice.path) if choice is not None
            else self.tr("Open a corpus in the Corpus panel first"))

    @Slot()
    def _on_source_changed(self, *_: object) -> None:
        _show_if_typed(self.source_combo, self.sentences_edit, self._sentences_label)

    def request(self) -> SensesRequest:
        """The current settings as a :class:`SensesRequest`."""
        self.refresh_sources()
        source = self.source_combo.currentData()
        k = self.k_spin.value()
        return SensesRequest(
            word=self.word_edit.text().strip(), source=source, limit=self.limit_spin.value(),
            layer=self.layer_combo.currentData(), method=self.method_combo.currentData(),
            clustering=self.clustering_combo.currentData(), k=None if k < 2 else k,
            sentences=tuple(_lines(self.sentences_edit.toPlainText())),
            corpus=self._corpus_choice() if source == "corpus" else None,
            coarsewsd_root=self.coarsewsd_root)

    def _start(self, model: InspectModel) -> None:
        request = self.request()
        if not request.word:
            raise WorkbenchError(self.tr("Type the word whose senses to look at, e.g. bank."))
        if request.source == "typed" and not request.sentences:
            raise WorkbenchError(self.tr("Type some sentences first, one per line."))
        self.runner.start(senses_job, model, request, self.static_embeddings)

    # ------------------------------------------------------------------ results
    @Slot(object)
    def show_outcome(self, outcome: SensesOutcome) -> None:
        """Show an analysis (the runner's result; tests may call it with a hand-made one)."""
        self.outcome = outcome
        result = outcome.result
        occ = outcome.occurrences
        coords = np.asarray(result.coords, dtype=np.float64).reshape(-1, 2)
        labels = np.asarray(result.labels, dtype=np.int64).reshape(-1)
        words = [f"{i + 1}. {snippet(o.text, o.start, o.end)}" for i, o in enumerate(occ)]
        self.map_view.set_points(coords, words)
        self.map_view.set_labels(labels)
        self._draw_static(coords)
        self._update_colour_choice()
        self._apply_colours()
        self._fill_clusters()
        self._fill_summary()
        self._show_static_neighbours()
        self.export_button.setEnabled(True)

    def _draw_static(self, coords: np.ndarray) -> None:
        result = self.outcome.result if self.outcome else None
        if result is None or len(coords) == 0:
            self.static_item.hide()
            self.static_label.hide()
            return
        if result.static_point is not None:
            x, y = (float(v) for v in np.asarray(result.static_point).reshape(2))
            text = self.tr("static vector ({placement})").format(
                placement=_short_placement(result.static_placement))
            tip = core_text(result.static_placement) or text
        else:
            x, y = (float(v) for v in coords.mean(axis=0))
            text = self.tr("one vector for all senses")
            tip = self.tr("The centroid of the occurrences: what a single vector per word would "
                          "have to be. Load static vectors to draw the static model's own "
                          "vector.")
        self.static_item.setData([x], [y])
        self.static_item.setToolTip(tip)
        self.static_label.setText(text)
        self.static_label.setPos(x, y)
        self.static_label.setToolTip(tip)
        self.static_item.show()
        self.static_label.show()
        # Fit the view to the points and the star together.
        pts = np.vstack([coords, [[x, y]]])
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        span = hi - lo
        pad = np.where(span > 0, span * 0.08, 0.5)
        self.map_view.set_view(lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1])

    def static_text(self) -> str:
        """The label next to the star ("static vector (…)" or "one vector for all senses")."""
        return self.static_label.toPlainText() if self.static_item.isVisible() else ""

    def _update_colour_choice(self) -> None:
        gold = self.outcome.gold if self.outcome is not None else None
        model = self.colour_combo.model()
        row = self.colour_combo.findData("gold")
        if isinstance(model, QStandardItemModel):
            model.item(row).setEnabled(gold is not None)
        if gold is None and self.colour_combo.currentData() == "gold":
            self.colour_combo.setCurrentIndex(self.colour_combo.findData("cluster"))

    @Slot()
    def _apply_colours(self, *_: object) -> None:
        outcome = self.outcome
        if outcome is None or self.map_view.point_count == 0:
            return
        gold = outcome.gold
        if self.colour_combo.currentData() == "gold" and gold is not None:
            groups: dict[str, list[str]] = {}
            for row, sense in enumerate(gold):
                groups.setdefault(sense, []).append(self.map_view.word(row))
            ordered = dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))
            self.map_view.set_word_groups(ordered)
        else:
            self.map_view.set_labels(np.asarray(outcome.result.labels, dtype=np.int64))

    def _fill_clusters(self) -> None:
        outcome = self.outcome
        assert outcome is not None
        gold = outcome.gold
        labels = np.asarray(outcome.result.labels).reshape(-1)
        rows = []
        for c in outcome.result.clusters:
            gold_text = ""
            if gold is not None:
                counts = Counter(g for g, lab in zip(gold, labels) if lab == c.label)
                gold_text = ", ".join(f"{s} {n}" for s, n in counts.most_common(3))
            rows.append((int(c.label), int(c.size), ", ".join(c.context_words[:10]),
                         ", ".join(c.static_neighbours[:10]), gold_text))
        self.cluster_table.set_rows(rows)
        self.examples.clear()
        if rows:
            self.cluster_table.selectRow(0)

    def _fill_summary(self) -> None:
        outcome = self.outcome
        assert outcome is not None
        result = outcome.result
        n = len(outcome.occurrences)
        layer_names = {spec: _senses_text(label) for label, spec in LAYER_CHOICES}
        layer = layer_names.get(result.layer) or self.tr("layer {i}").format(i=result.layer)
        if outcome.total > n:
            found = self.tr("{n:,} occurrences of '{word}' from {where} (of {total:,} found).")
        else:
            found = self.tr("{n:,} occurrences of '{word}' from {where}.")
        if outcome.request.k is None:
            how = self.tr("{k} clusters (chosen by silhouette), {method} picture, {layer}.")
        else:
            how = self.tr("{k} clusters (as asked), {method} picture, {layer}.")
        parts = [found.format(n=n, word=result.word, where=outcome.where, total=outcome.total),
                 how.format(k=result.k, method=result.method.upper(), layer=layer.lower())]
        if result.ari is not None:
            parts.append(self.tr("Adjusted Rand index against the gold senses: {ari:.3f} (a "
                                 "single static vector scores 0 by construction).").format(
                ari=result.ari))
        if outcome.truncated:
            parts.append(self.tr("{n:,} long sentences were cut to a window around the "
                                 "word.").format(n=outcome.truncated))
        if result.static_point is not None and result.static_placement:
            parts.append(self.tr("Star: {placement}").format(
                placement=core_text(result.static_placement)))
        self.summary_label.setText(" ".join(parts))
        if result.silhouettes:
            items = []
            for k, s in sorted(result.silhouettes.items()):
                text = f"k={k}: {s:.3f}"
                items.append(f"<b>{text}</b>" if k == result.k else text)
            self.silhouette_label.setText(self.tr("Silhouette by k: {values}").format(
                values=" · ".join(items)))
        else:
            self.silhouette_label.setText("")

    def _show_static_neighbours(self) -> None:
        result = self.outcome.result if self.outcome is not None else None
        if self.static_embeddings is None and (result is None or not result.static_neighbours):
            self.static_neighbours_label.setText(self.tr(
                "Load or train static vectors (Static training or Explore panel) to compare "
                "with the static model's neighbours."))
        elif result is None:
            self.static_neighbours_label.setText(self.tr("Run to list the word's static "
                                                         "neighbours."))
        elif result.static_neighbours:
            self.static_neighbours_label.setText(
                f"'{result.word}': " + ", ".join(result.static_neighbours))
        else:
            self.static_neighbours_label.setText(self.tr(
                "'{word}' is not in the static vectors' vocabulary.").format(word=result.word))

    def selected_cluster(self) -> int | None:
        """The cluster label of the selected table row, or ``None``."""
        rows = sorted({i.row() for i in self.cluster_table.selectedIndexes()})
        if not rows:
            return None
        item = self.cluster_table.item(rows[0], 0)
        return int(item.text()) if item is not None and item.text() else None

    @Slot()
    def _on_cluster_selected(self) -> None:
        label = self.selected_cluster()
        outcome = self.outcome
        if label is None or outcome is None:
            return
        cluster = next((c for c in outcome.result.clusters if c.label == label), None)
        labels = np.asarray(outcome.result.labels).reshape(-1)
        members = [outcome.occurrences[i] for i in np.flatnonzero(labels == label)]
        examples = list(cluster.examples) if cluster is not None and cluster.examples \
            else members[:50]
        colour = CATEGORY_COLOURS[label % len(CATEGORY_COLOURS)]
        if len(examples) < len(members):
            head = self.tr("<p><b>Cluster {label}</b>: {n:,} occurrences, {shown} shown</p>")
        else:
            head = self.tr("<p><b>Cluster {label}</b>: {n:,} occurrences</p>")
        head = head.format(label=label, n=len(members), shown=len(examples))
        body = []
        for o in examples:
            gold = f' <span style="color:#777">[{html.escape(o.label)}]</span>' if o.label else ""
            body.append(f"<li>{highlight_html(o.text, o.start, o.end, colour)}{gold}</li>")
        self.examples.setHtml(head + "<ul>" + "".join(body) + "</ul>")
        self.map_view.set_selected(np.flatnonzero(labels == label))

    @Slot(str)
    def _on_point_clicked(self, text: str) -> None:
        outcome = self.outcome
        row = self.map_view.row_of(text)
        if outcome is None or row is None:
            return
        o = outcome.occurrences[row]
        label = int(np.asarray(outcome.result.labels).reshape(-1)[row])
        where = f" ({html.escape(o.source)})" if o.source else ""
        head = self.tr("<p><b>Occurrence {n}</b>, cluster {label}{where}</p>").format(
            n=row + 1, label=label, where=where)
        self.examples.setHtml(head + "<p>" + highlight_html(o.text, o.start, o.end) + "</p>")

    # ------------------------------------------------------------------ export
    def export_csv(self, path: str | Path) -> int:
        """Write ``sentence,cluster,x,y,gold`` (one row per occurrence); return the row count.

        Raises
        ------
        WorkbenchError
            When nothing has been computed yet.
        """
        outcome = self.outcome
        if outcome is None:
            raise WorkbenchError(self.tr("Run the analysis first; there is nothing to export."))
        coords = np.asarray(outcome.result.coords, dtype=np.float64).reshape(-1, 2)
        labels = np.asarray(outcome.result.labels).reshape(-1)
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["sentence", "cluster", "x", "y", "gold", "source"])
            for o, lab, (x, y) in zip(outcome.occurrences, labels, coords, strict=True):
                writer.writerow([o.text, int(lab), f"{x:.6g}", f"{y:.6g}", o.label or "",
                                 o.source])
        return len(outcome.occurrences)

    def export_image(self, path: str | Path) -> None:
        """Save the scatter as PNG or SVG (by the suffix), star included."""
        if self.outcome is None:
            raise WorkbenchError(self.tr("Run the analysis first; there is no picture to "
                                         "export."))
        self.map_view.export_image(path)

    def _on_export_csv_clicked(self) -> None:
        if self.outcome is None:
            self.message_bar.show_error(self.tr("Run the analysis first; there is nothing to "
                                                "export."))
            return
        self._export(self.tr("Export the occurrences"), f"senses-{self.outcome.result.word}.csv",
                     self.tr("CSV files (*.csv)"), self.export_csv,
                     self.tr("Wrote {n:,} rows to {path}."))

    def _on_export_image_clicked(self, fmt: str) -> None:
        if self.outcome is None:
            self.message_bar.show_error(self.tr("Run the analysis first; there is no picture to "
                                                "export."))
            return
        filters = {"png": self.tr("PNG files (*.png)"), "svg": self.tr("SVG files (*.svg)")}
        self._export(self.tr("Export the picture"), f"senses-{self.outcome.result.word}.{fmt}",
                     filters[fmt], self.export_image, self.tr("Saved the picture to {path}."))

    # ------------------------------------------------------------------ runner hooks
    @Slot()
    def _on_started(self) -> None:
        super()._on_started()
        self.export_button.setEnabled(False)

    @Slot()
    def _on_done(self) -> None:
        super()._on_done()
        self.export_button.setEnabled(self.outcome is not None)


# --------------------------------------------------------------------------- word in context

def wic_job(model: InspectModel, sentence_a: str, sentence_b: str, word: str,
            *, progress: Progress = NULL_PROGRESS) -> WicResult:
    """Compare ``word`` in two sentences, layer by layer (worker thread)."""
    from workbench.core.inspect.wic import compare_in_context

    if not sentence_a.strip() or not sentence_b.strip():
        raise WorkbenchError(QCoreApplication.translate(
            "WordInContextView", "Type two sentences that both use the word."))
    if not word.strip():
        raise WorkbenchError(QCoreApplication.translate(
            "WordInContextView", "Type the word to compare, e.g. bank."))
    progress.report(None, QCoreApplication.translate("WordInContextView", "Comparing…"))
    return compare_in_context(model, sentence_a.strip(), sentence_b.strip(), word.strip())


class WordInContextView(_InspectView):
    """The same word in two sentences: cosine of its contextual vectors per layer.

    Parameters
    ----------
    corpus_choice
        Not used (accepted so the three views are built alike).
    parent
        The owning widget.

    Attributes
    ----------
    curve : pyqtgraph.PlotDataItem
        Cosine similarity per layer (x = layer, 0 = embedding output).
    table : ResultTable
        The same numbers.
    result : WicResult or None
        The comparison shown.
    """

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("WordInContextView", "Word in context"),
                         corpus_choice, parent)
        import pyqtgraph as pg

        self.result: WicResult | None = None
        self.sentence_a_edit = QLineEdit()
        self.sentence_a_edit.setToolTip(self.tr("First sentence using the word"))
        self.sentence_b_edit = QLineEdit()
        self.sentence_b_edit.setToolTip(self.tr("Second sentence using the word"))
        self.word_edit = QLineEdit()
        self.word_edit.setToolTip(self.tr("The word to compare (its word pieces are averaged)"))
        for edit in (self.sentence_a_edit, self.sentence_b_edit, self.word_edit):
            edit.returnPressed.connect(self.run)
        self.example_button = QPushButton(self.tr("Example"))
        self.example_button.setToolTip(self.tr("Two senses of 'bank': {a} / {b}").format(
            a=WIC_EXAMPLE[0], b=WIC_EXAMPLE[1]))
        self.example_button.clicked.connect(self.load_example)
        self.run_button.setText(self.tr("Compare"))
        self._run_tip = self.tr("Cosine similarity of the word's vectors in the two sentences, "
                                "per layer (Ctrl+Return)")
        form = QFormLayout()
        form.addRow(self.tr("Sentence A"), self.sentence_a_edit)
        form.addRow(self.tr("Sentence B"), self.sentence_b_edit)
        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.example_button)
        row.addWidget(self.run_button)
        form.addRow(self.tr("Word"), row)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setToolTip(self.tr("Cosine similarity of the word's two contextual vectors at "
                                     "each layer; 1 means the context changed nothing"))
        self.plot.setLabel("bottom", self.tr("layer (0 = embedding output)"))
        self.plot.setLabel("left", self.tr("cosine similarity"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setMinimumHeight(200)
        self.curve = self.plot.plot([], [], pen=pg.mkPen("#1f77b4", width=2), symbol="o",
                                    symbolSize=7, symbolBrush="#1f77b4")
        self.table = ResultTable((self.tr("layer"), self.tr("cosine")))
        self.table.setToolTip(self.tr("Cosine similarity per layer (Ctrl+C copies)"))
        self.table.setMaximumWidth(220)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(form)
        layout.addLayout(self._status_row())
        layout.addWidget(self.note_label)
        layout.addWidget(split, 1)
        self.runner.finished.connect(self.show_result)
        self.load_example()
        self._update_run_button()

    def load_example(self) -> None:
        """Fill in the preset: 'bank' by a river and 'bank' with cash."""
        a, b, word = WIC_EXAMPLE
        self.sentence_a_edit.setText(a)
        self.sentence_b_edit.setText(b)
        self.word_edit.setText(word)

    def _start(self, model: InspectModel) -> None:
        self.runner.start(wic_job, model, self.sentence_a_edit.text(),
                          self.sentence_b_edit.text(), self.word_edit.text())

    @Slot(object)
    def show_result(self, result: WicResult) -> None:
        """Show a comparison."""
        self.result = result
        cos = np.asarray(result.cosines, dtype=np.float64).reshape(-1)
        layers = np.arange(len(cos), dtype=np.float64)
        self.curve.setData(layers, cos)
        self.plot.getAxis("bottom").setTicks([[(float(i), str(i)) for i in range(len(cos))]])
        self.plot.setYRange(min(0.0, float(cos.min())), 1.0, padding=0.05)
        self.table.set_rows([(i, float(c)) for i, c in enumerate(cos)])
        self.note_label.setText(self.tr(
            "'{word}' is {a} in sentence A and {b} in sentence B. Cosine at the embedding output "
            "{first:.3f}, at the last layer {last:.3f}: the lower, the more the context changed "
            "the word's vector.").format(
            word=result.word, a=" + ".join(result.pieces_a) or "?",
            b=" + ".join(result.pieces_b) or "?", first=cos[0], last=cos[-1]))


# --------------------------------------------------------------------------- contextuality

@dataclass(frozen=True)
class ContextualityRequest:
    """The sentences to measure: typed, or the first ``sample`` lines of the corpus."""

    source: str
    sample: int = 2000
    sentences: tuple[str, ...] = ()
    corpus: CorpusChoice | None = None
    min_occurrences: int = 5


@dataclass(frozen=True)
class ContextualityOutcome:
    """What the contextuality job returns: the measurement and the sample it came from."""

    result: ContextualityResult
    sentences: int
    where: str
    min_occurrences: int = 5


def contextuality_job(model: InspectModel, request: ContextualityRequest,
                      *, progress: Progress = NULL_PROGRESS) -> ContextualityOutcome:
    """Read the sample and measure contextuality per layer (worker thread)."""
    from workbench.core.inspect.contextuality import contextuality

    if request.source == "corpus":
        from workbench.core.inspect.contextual import corpus_lines

        if request.corpus is None:
            raise WorkbenchError(QCoreApplication.translate(
                "ContextualityView", "Open a corpus in the Corpus panel first, or type text."))
        progress.report(None, QCoreApplication.translate("ContextualityView",
                                                         "Reading the corpus sample…"))
        sentences: list[str] = []
        for i, (text, _src) in enumerate(corpus_lines(request.corpus.path,
                                                      request.corpus.reader), 1):
            if text.strip():
                sentences.append(text.strip())
                if len(sentences) >= request.sample:
                    break
            if i % 1000 == 0:
                progress.raise_if_cancelled()
        where = QCoreApplication.translate(
            "ContextualityView", "the first {n:,} sentences of {name}").format(
            n=len(sentences), name=Path(request.corpus.path).name)
    else:
        sentences = list(request.sentences)
        where = QCoreApplication.translate("ContextualityView", "{n:,} typed sentences").format(
            n=len(sentences))
    if not sentences:
        raise WorkbenchError(QCoreApplication.translate(
            "ContextualityView", "There are no sentences to measure: type some text (one "
            "sentence per line) or open a corpus."))
    result = contextuality(model, sentences, min_occurrences=request.min_occurrences,
                           progress=scaled(progress, 0.05, 1.0))
    return ContextualityOutcome(result, len(sentences), where, request.min_occurrences)


#: (label, key, colour) of the three measures (labels shown through ``tr``).
_MEASURES = (
    (QT_TRANSLATE_NOOP("ContextualityView", "self-similarity"), "self_similarity", "#1f77b4"),
    (QT_TRANSLATE_NOOP("ContextualityView", "intra-sentence similarity"), "intra_similarity",
     "#2ca02c"),
    (QT_TRANSLATE_NOOP("ContextualityView", "MEV (max. explainable variance)"), "mev",
     "#d62728"),
)


class ContextualityView(_InspectView):
    """How contextual are the model's vectors, layer by layer (Ethayarajh, 2019).

    Parameters
    ----------
    corpus_choice
        Returns the corpus open in the Corpus panel, or ``None``.
    parent
        The owning widget.

    Attributes
    ----------
    curves : dict[str, pyqtgraph.PlotDataItem]
        ``"self_similarity"``, ``"intra_similarity"``, ``"mev"``: one point per layer.
    baseline_curve, mev_baseline_curve : pyqtgraph.PlotDataItem
        The raw anisotropy baselines (dashed; hidden when adjusted).
    adjusted_check : QCheckBox
        Show the anisotropy-adjusted values.
    result : ContextualityResult or None
        The measurement shown.
    outcome : ContextualityOutcome or None
        The measurement shown and its sample.
    """

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ContextualityView", "Contextuality"),
                         corpus_choice, parent)
        import pyqtgraph as pg

        self.result: ContextualityResult | None = None
        self.outcome: ContextualityOutcome | None = None
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("Current corpus (first sentences)"), "corpus")
        self.source_combo.addItem(self.tr("Typed text"), "typed")
        self.source_combo.setToolTip(self.tr("Which sentences to measure"))
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.sample_spin = int_spin(None, 10, 1_000_000, 2000,
                                    self.tr("How many sentences (lines) to read from the start of "
                                            "the corpus"), group_separator=False)
        self.min_spin = int_spin(None, 2, 1000, 5, self.tr("Words seen fewer times are left out "
                                                           "of self-similarity and MEV"),
                                 group_separator=False)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("Sentences, one per line (words used several "
                                                  "times in different sentences are measured)"))
        self.text_edit.setToolTip(self.tr("Typed text, one sentence per line"))
        self.text_edit.setMaximumHeight(110)
        self.adjusted_check = QCheckBox(self.tr("anisotropy-adjusted"))
        self.adjusted_check.setToolTip(self.tr("Subtract the mean cosine of random word pairs "
                                               "(raw: the baseline is drawn dashed)"))
        self.adjusted_check.toggled.connect(self._draw)
        self.export_button = self._export_button(
            self.tr("Save the values per layer as CSV, or the plot as PNG"),
            ((self.tr("Values as CSV…"), self._on_export_csv_clicked),
             (self.tr("Plot as PNG…"), self._on_export_png_clicked)))
        self.run_button.setText(self.tr("Measure"))
        self._run_tip = self.tr("Measure self-similarity, intra-sentence similarity and MEV per "
                                "layer (Ctrl+Return; Esc cancels)")
        form = QFormLayout()
        src = QHBoxLayout()
        src.addWidget(self.source_combo, 1)
        src.addWidget(QLabel(self.tr("sentences")))
        src.addWidget(self.sample_spin)
        src.addWidget(QLabel(self.tr("min. occurrences")))
        src.addWidget(self.min_spin)
        form.addRow(self.tr("Source"), src)
        form.addRow(self.tr("Text"), self.text_edit)
        self._text_label = form.labelForField(self.text_edit)
        row = QHBoxLayout()
        row.addWidget(self.adjusted_check)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.run_button)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLabel("bottom", self.tr("layer (0 = embedding output)"))
        self.plot.setLabel("left", self.tr("value"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setMinimumHeight(220)
        self.plot.setToolTip(self.tr("The three measures per layer; lower self-similarity and "
                                     "intra-sentence similarity mean more context-specific "
                                     "vectors"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222222",
                                          brush=pg.mkBrush(255, 255, 255, 210),
                                          pen=pg.mkPen("#bbbbbb"))
        self.curves: dict[str, Any] = {}
        for label, key, colour in _MEASURES:
            self.curves[key] = self.plot.plot([], [], name=QCoreApplication.translate(
                                              "ContextualityView", label),
                                              pen=pg.mkPen(colour, width=2), symbol="o",
                                              symbolSize=6, symbolBrush=colour)
        self.baseline_curve = self.plot.plot(
            [], [], name=self.tr("baseline: random word pairs (cosine)"),
            pen=pg.mkPen("#555555", width=1.5, style=Qt.PenStyle.DashLine))
        self.mev_baseline_curve = self.plot.plot(
            [], [], name=self.tr("baseline: MEV of random words"),
            pen=pg.mkPen("#d62728", width=1, style=Qt.PenStyle.DashLine))
        self.note_label = QLabel(QCoreApplication.translate("ContextualityView",
                                                            CONTEXTUALITY_NOTE))
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addLayout(self._status_row())
        layout.addWidget(self.summary_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note_label)
        self.runner.finished.connect(self.show_result)
        self.refresh_sources()
        self._on_source_changed()
        self._update_run_button()

    def refresh_sources(self) -> None:
        """Enable the corpus source only while a corpus is open."""
        choice = self._corpus_choice()
        _enable_corpus_source(
            self.source_combo, choice is not None,
            self.tr("The first sentences of {path}").format(path=choice.path)
            if choice is not None else self.tr("Open a corpus in the Corpus panel first"))

    @Slot()
    def _on_source_changed(self, *_: object) -> None:
        typed = _show_if_typed(self.source_combo, self.text_edit, self._text_label)
        self.sample_spin.setEnabled(not typed)

    def _start(self, model: InspectModel) -> None:
        self.refresh_sources()
        source = self.source_combo.currentData()
        sentences = tuple(_lines(self.text_edit.toPlainText()))
        if source == "typed" and not sentences:
            raise WorkbenchError(self.tr("Type some text first, one sentence per line."))
        request = ContextualityRequest(
            source=source, sample=self.sample_spin.value(), sentences=sentences,
            corpus=self._corpus_choice() if source == "corpus" else None,
            min_occurrences=self.min_spin.value())
        self.runner.start(contextuality_job, model, request)

    @Slot(object)
    def show_result(self, outcome: ContextualityOutcome) -> None:
        """Show a measurement."""
        result = outcome.result
        self.outcome = outcome
        self.result = result
        self.export_button.setEnabled(True)
        self.summary_label.setText(self.tr(
            "From {where}: {words:,} words seen at least {min} times, {occurrences:,} "
            "occurrences, {layers} layers (0 = embedding output).").format(
            where=outcome.where, words=result.words, min=outcome.min_occurrences,
            occurrences=result.occurrences, layers=len(result.layers)))
        self._draw()

    @Slot()
    def _draw(self, *_: object) -> None:
        result = self.result
        if result is None:
            return
        x = np.asarray(result.layers, dtype=np.float64)
        adjusted = self.adjusted_check.isChecked()
        for _label, key, _colour in _MEASURES:
            values = getattr(result, f"{key}_adjusted" if adjusted else key)
            self.curves[key].setData(x, np.asarray(values, dtype=np.float64))
        if adjusted:
            self.baseline_curve.setData([], [])
            self.mev_baseline_curve.setData([], [])
            self.plot.setLabel("left", self.tr("value minus the anisotropy baseline"))
        else:
            self.baseline_curve.setData(x, np.asarray(result.baseline, dtype=np.float64))
            self.mev_baseline_curve.setData(x, np.asarray(result.mev_baseline, dtype=np.float64))
            self.plot.setLabel("left", self.tr("value"))
        for curve in (self.baseline_curve, self.mev_baseline_curve):
            curve.setVisible(not adjusted)
        self.plot.getAxis("bottom").setTicks([[(float(v), str(int(v))) for v in x]])
        self.plot.enableAutoRange()

    def export_csv(self, path: str | Path) -> int:
        """Write one row per layer with every measure (raw, baselines, adjusted); return rows."""
        result = self.result
        if result is None:
            raise WorkbenchError(self.tr("Measure first; there is nothing to export."))
        keys = ["self_similarity", "intra_similarity", "mev", "baseline", "mev_baseline",
                "self_similarity_adjusted", "intra_similarity_adjusted", "mev_adjusted"]
        columns = [np.asarray(getattr(result, k), dtype=np.float64).reshape(-1) for k in keys]
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["layer", *keys])
            for i, layer in enumerate(result.layers):
                writer.writerow([int(layer), *(f"{c[i]:.6g}" for c in columns)])
        return len(result.layers)

    def export_png(self, path: str | Path) -> None:
        """Save the plot as PNG."""
        if self.result is None:
            raise WorkbenchError(self.tr("Measure first; there is no plot to export."))
        _export_plot_png(self.plot, path)

    def _on_export_csv_clicked(self) -> None:
        self._export(self.tr("Export the values"), "contextuality.csv",
                     self.tr("CSV files (*.csv)"), self.export_csv,
                     self.tr("Wrote {n:,} rows to {path}."))

    def _on_export_png_clicked(self) -> None:
        self._export(self.tr("Export the plot"), "contextuality.png",
                     self.tr("PNG files (*.png)"), self.export_png,
                     self.tr("Saved the plot to {path}."))

