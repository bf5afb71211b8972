"""Evaluate one or two sets of word vectors on an analogy or similarity benchmark.

:class:`EvaluationView` scores the vectors in slot "A" (usually the ones just
trained or loaded) and, optionally, slot "B" (kept for comparison) side by
side.  The work runs in :func:`evaluate_job`, a plain core-style job run by a
:class:`~workbench.ui.tasks.TaskRunner`; the results fill a table that can be
copied (Ctrl+C) or exported as tab-separated text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress, scaled
from workbench.ui.i18n import core_text
from workbench.ui.notifications import MessageBar, show_job_error
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.word_table import WordTableView

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings
    from workbench.core.evaluation import (
        AnalogyResult,
        AnalogySet,
        SimilarityResult,
        SimilaritySet,
    )

__all__ = [
    "SLOTS",
    "BenchmarkChoice",
    "EvaluationReport",
    "EvaluationTableModel",
    "EvaluationView",
    "SlotResult",
    "evaluate_job",
    "read_benchmark",
]

#: The two vector slots, in column order.
SLOTS = ("A", "B")

#: (label, method) for the analogy method combo box.
_METHODS = (("3CosAdd", "3cosadd"), ("3CosMul", "3cosmul"))

#: Benchmarks read by a finished evaluation or "Add benchmark file…", kept for re-use.
_CACHE_SIZE = 4

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class BenchmarkChoice:
    """A benchmark the user can pick.

    Attributes
    ----------
    name
        Short name (``google``, ``ws353``, a file name).
    kind
        ``"analogy"`` or ``"similarity"``.
    path
        The file or folder.
    description
        The tooltip (description, size, path).
    user_file
        Added with "Add benchmark file…" (kept when the built-ins are reloaded).
    """

    name: str
    kind: str
    path: str
    description: str = ""
    user_file: bool = False


@dataclass(frozen=True)
class SlotResult:
    """The score of the vectors in one slot."""

    slot: str
    label: str
    result: AnalogyResult | SimilarityResult


@dataclass(frozen=True)
class EvaluationReport:
    """What :func:`evaluate_job` returns.

    Attributes
    ----------
    benchmark
        The benchmark evaluated on.
    method
        ``"3cosadd"`` or ``"3cosmul"`` for analogies, ``""`` for similarity.
    data
        The benchmark as read (its skipped lines are reported to the user).
    results
        One entry per slot that held vectors, in slot order.
    """

    benchmark: BenchmarkChoice
    method: str
    data: AnalogySet | SimilaritySet
    results: tuple[SlotResult, ...]

    @property
    def kind(self) -> str:
        """``"analogy"`` or ``"similarity"``."""
        return self.benchmark.kind


def read_benchmark(path: str | Path) -> tuple[str, AnalogySet | SimilaritySet]:
    """Read a benchmark file, detecting whether it holds analogies or similarity pairs.

    Both readers are tried; when both succeed the one that read more
    questions or pairs wins.

    Returns
    -------
    tuple
        ``("analogy", AnalogySet)`` or ``("similarity", SimilaritySet)``.

    Raises
    ------
    WorkbenchError
        When the file is neither.
    """
    from workbench.core.evaluation import load_analogy_file, load_similarity_file

    path = Path(path)
    analogy = similarity = None
    analogy_error = similarity_error = ""
    try:
        analogy = load_analogy_file(path)
    except WorkbenchError as exc:
        analogy_error = core_text(exc)
    try:
        similarity = load_similarity_file(path)
    except WorkbenchError as exc:
        similarity_error = core_text(exc)
    if analogy is not None and (similarity is None
                                or analogy.n_questions >= len(similarity.pairs)):
        return "analogy", analogy
    if similarity is not None:
        return "similarity", similarity
    if not path.exists():
        raise WorkbenchError(QCoreApplication.translate(
            "EvaluationView", "The benchmark {path} does not exist.").format(path=path),
            path=path)
    raise WorkbenchError(QCoreApplication.translate(
        "EvaluationView", "{name} is neither an analogy benchmark nor a similarity benchmark. "
        "As analogies: {analogy_error} As similarity pairs: {similarity_error}").format(
            name=path.name, analogy_error=analogy_error, similarity_error=similarity_error),
        path=path)


def evaluate_job(benchmark: BenchmarkChoice, sets: Sequence[tuple[str, str, Embeddings]],
                 method: str = "3cosadd", data: AnalogySet | SimilaritySet | None = None, *,
                 progress: Progress = NULL_PROGRESS) -> EvaluationReport:
    """Worker-thread job: read the benchmark (unless given) and score each vector set.

    Parameters
    ----------
    benchmark
        What to evaluate on.
    sets
        ``(slot, label, embeddings)`` for each slot holding vectors.
    method
        The analogy method (ignored for similarity benchmarks).
    data
        The benchmark already read, or ``None`` to read ``benchmark.path``.
    progress
        Progress over reading and all sets; cancellation stops within one batch.

    Returns
    -------
    EvaluationReport
        The scores of every set.
    """
    from workbench.core.evaluation import (
        evaluate_analogies,
        evaluate_similarity,
        load_analogy_file,
        load_similarity_file,
    )

    start = 0.0
    if data is None:
        progress.report(None, QCoreApplication.translate("EvaluationView", "Reading {name}…")
                        .format(name=benchmark.name))
        loader = load_analogy_file if benchmark.kind == "analogy" else load_similarity_file
        data = loader(benchmark.path)
        start = 0.05
    progress.raise_if_cancelled()
    results = []
    share = (1.0 - start) / max(len(sets), 1)
    for i, (slot, label, emb) in enumerate(sets):
        part = scaled(progress, start + i * share, start + (i + 1) * share)
        part.report(0.0, QCoreApplication.translate(
            "EvaluationView", "Evaluating {slot} ({label}) on {name}…").format(
                slot=slot, label=label, name=benchmark.name))
        if benchmark.kind == "analogy":
            result: AnalogyResult | SimilarityResult = evaluate_analogies(
                emb, data, method=method, progress=part)  # type: ignore[arg-type]
        else:
            result = evaluate_similarity(emb, data, progress=part)  # type: ignore[arg-type]
        results.append(SlotResult(slot, label, result))
    progress.report(1.0, QCoreApplication.translate("EvaluationView", "Evaluated on {name}")
                    .format(name=benchmark.name))
    return EvaluationReport(benchmark, method if benchmark.kind == "analogy" else "", data,
                            tuple(results))


def _percent(x: float) -> str:
    return "–" if math.isnan(x) else f"{100.0 * x:.1f}"


def _corr(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.3f}"


@dataclass(frozen=True)
class _Cell:
    text: str
    tooltip: str = ""
    number: bool = True
    #: The text in exported files when it differs from the (translated) one shown.
    english: str = ""


class EvaluationTableModel(QAbstractTableModel):
    """The result table: one row per category and a Total row, or one row for similarity.

    Analogy columns: Category, Questions, then per slot "<slot>: accuracy (%)"
    and "<slot>: OOV skipped".  Similarity columns: Benchmark, Pairs, then per
    slot "<slot>: Spearman", "<slot>: Pearson" and "<slot>: OOV skipped".
    The titles (and the Total row) are shown in the interface language;
    :meth:`rows_tsv` writes them in English, so that exported files keep one
    format.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._shown_headers: list[str] = []
        self._header_tips: list[str] = []
        self._rows: list[list[_Cell]] = []
        self._bold_rows: set[int] = set()

    def clear(self) -> None:
        """Remove every row and column."""
        self.beginResetModel()
        self._headers, self._header_tips, self._rows, self._bold_rows = [], [], [], set()
        self._shown_headers = []
        self.endResetModel()

    def set_report(self, report: EvaluationReport) -> None:
        """Show the scores of ``report``."""
        self.beginResetModel()
        if report.kind == "analogy":
            self._fill_analogy(report)
        else:
            self._fill_similarity(report)
        self.endResetModel()

    def headers(self) -> list[str]:
        """The column titles, in English (as exported)."""
        return list(self._headers)

    def rows_tsv(self, header: bool = True) -> str:
        """Every row as tab-separated text, with the English titles and Total row."""
        lines = ["\t".join(self._headers) + "\n"] if header and self._headers else []
        lines += ["\t".join(c.english or c.text for c in row) + "\n" for row in self._rows]
        return "".join(lines)

    def _fill_analogy(self, report: EvaluationReport) -> None:
        results = [(r.slot, r.label, r.result) for r in report.results]
        self._headers = ["Category", "Questions"]
        self._shown_headers = [self.tr("Category"), self.tr("Questions")]
        self._header_tips = [self.tr("The benchmark's category (relation)"),
                             self.tr("Questions in the category")]
        for slot, label, _ in results:
            self._headers += [f"{slot}: accuracy (%)", f"{slot}: OOV skipped"]
            self._shown_headers += [self.tr("{slot}: accuracy (%)").format(slot=slot),
                                    self.tr("{slot}: OOV skipped").format(slot=slot)]
            self._header_tips += [
                self.tr("{slot} = {label}: share of the answered questions whose best answer "
                        "was right").format(slot=slot, label=label),
                self.tr("{slot} = {label}: questions not answered because one of their words "
                        "is not in the vocabulary").format(slot=slot, label=label)]
        categories = report.data.categories  # type: ignore[union-attr]
        rows: list[list[_Cell]] = []
        for i, cat in enumerate(categories):
            row = [_Cell(cat.name, number=False), _Cell(f"{len(cat.questions):,}")]
            for slot, _, res in results:
                row += self._analogy_cells(slot, res.categories[i])  # type: ignore[union-attr]
            rows.append(row)
        total = [_Cell(self.tr("Total"), number=False, english="Total"),
                 _Cell(f"{report.data.n_questions:,}")]  # type: ignore[union-attr]
        for slot, _, res in results:
            total += self._analogy_cells(slot, res.total)  # type: ignore[union-attr]
        rows.append(total)
        self._rows = rows
        self._bold_rows = {len(rows) - 1}

    @staticmethod
    def _analogy_cells(slot: str, score: Any) -> list[_Cell]:
        tip = QCoreApplication.translate(
            "EvaluationTableModel", "{slot}: {correct} of {answered} answered questions correct "
            "({oov} of {questions} skipped for missing words)").format(
                slot=slot, correct=f"{score.correct:,}", answered=f"{score.answered:,}",
                oov=f"{score.oov:,}", questions=f"{score.questions:,}")
        return [_Cell(_percent(score.accuracy), tip), _Cell(f"{score.oov:,}", tip)]

    def _fill_similarity(self, report: EvaluationReport) -> None:
        self._headers = ["Benchmark", "Pairs"]
        self._shown_headers = [self.tr("Benchmark"), self.tr("Pairs")]
        self._header_tips = [self.tr("The similarity benchmark"),
                             self.tr("Word pairs in the benchmark")]
        row = [_Cell(report.benchmark.name, number=False),
               _Cell(f"{len(report.data.pairs):,}")]  # type: ignore[union-attr]
        for r in report.results:
            res: Any = r.result
            self._headers += [f"{r.slot}: Spearman", f"{r.slot}: Pearson",
                              f"{r.slot}: OOV skipped"]
            self._shown_headers += [self.tr("{slot}: Spearman").format(slot=r.slot),
                                    self.tr("{slot}: Pearson").format(slot=r.slot),
                                    self.tr("{slot}: OOV skipped").format(slot=r.slot)]
            self._header_tips += [
                self.tr("{slot} = {label}: Spearman rank correlation between the human "
                        "scores and the cosine similarities").format(slot=r.slot, label=r.label),
                self.tr("{slot} = {label}: Pearson (linear) correlation between the human "
                        "scores and the cosine similarities").format(slot=r.slot, label=r.label),
                self.tr("{slot} = {label}: pairs left out because a word is not in the "
                        "vocabulary").format(slot=r.slot, label=r.label)]
            tip = self.tr("{slot}: computed on {used} of {pairs} pairs").format(
                slot=r.slot, used=f"{res.used:,}", pairs=f"{res.pairs:,}")
            row += [_Cell(_corr(res.spearman), f"{tip} (p = {res.spearman_pvalue:.3g})"),
                    _Cell(_corr(res.pearson), f"{tip} (p = {res.pearson_pvalue:.3g})"),
                    _Cell(f"{res.oov:,}", tip)]
        self._rows = [row]
        self._bold_rows = set()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() in self._bold_rows:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._shown_headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
        return None


class _ResultsTable(WordTableView):
    """A :class:`WordTableView` that keeps the model's row order (the Total row last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortingEnabled(False)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        self.reset_columns()

    def reset_columns(self) -> None:
        """Stretch the first column, size the others to their contents."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        for col in range(model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.fit_columns()
        if model.columnCount():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def rows_tsv(self, header: bool = True) -> str:
        """Every row as tab-separated text, titles in English (what "Export TSV…" writes)."""
        model = self.model()
        if isinstance(model, EvaluationTableModel):
            return model.rows_tsv(header)
        return super().rows_tsv(header)


def _skipped_text(data: AnalogySet | SimilaritySet) -> str:
    n = data.skipped_lines
    if not n:
        return QCoreApplication.translate("EvaluationView",
                                          "No malformed lines in the benchmark file.")
    several = Path(data.path).is_dir() or len({f for f, _ in data.skipped_examples}) > 1
    where = [f"{f}:{line}" if several else str(line) for f, line in data.skipped_examples]
    if n > len(where):
        where.append("…")
    if n == 1:
        text = QCoreApplication.translate("EvaluationView", "1 malformed line skipped: {lines}")
    else:
        text = QCoreApplication.translate("EvaluationView",
                                          "{n} malformed lines skipped: {lines}")
    return text.format(n=f"{n:,}", lines=", ".join(where))


class EvaluationView(QWidget):
    """Score vectors "A" and "B" on a benchmark, side by side.

    Parameters
    ----------
    parent
        The owning widget.

    Attributes
    ----------
    runner : TaskRunner
        Runs :func:`evaluate_job`.
    table_model : EvaluationTableModel
        The scores shown.
    table : WordTableView
        The result table (Ctrl+C copies the selected rows as TSV).
    report : EvaluationReport or None
        The last finished evaluation.
    message_bar : MessageBar
        Problems the user can fix.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EvaluationView")
        self._sets: dict[str, tuple[Embeddings, str] | None] = dict.fromkeys(SLOTS)
        self._loaded: dict[str, AnalogySet | SimilaritySet] = {}
        self.report: EvaluationReport | None = None
        self.runner = TaskRunner(self.tr("Evaluation"), self)
        self._build()
        self._connect()
        self.reload_benchmarks()
        self._update_slots()
        self._set_busy(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)

        self.benchmark_combo = QComboBox(self)
        self.benchmark_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.benchmark_combo.setMinimumContentsLength(12)
        self.benchmark_combo.setToolTip(self.tr(
            "The benchmark to evaluate on: analogies (a is to b as c is to ?) are scored by "
            "accuracy, similarity pairs by correlation with human ratings"))
        self.add_button = QPushButton(self.tr("Add benchmark file…"), self)
        self.add_button.setToolTip(self.tr(
            "Use your own benchmark file: analogies (questions-words ': category' and "
            "'a b c d' lines, BATS, vecto CSV) or similarity pairs ('word1 word2 score')"))
        self.method_combo = QComboBox(self)
        for label, method in _METHODS:
            self.method_combo.addItem(label, method)
        self.method_combo.setItemData(
            0, self.tr("Answer = word closest to b − a + c (Mikolov et al. 2013)"),
            Qt.ItemDataRole.ToolTipRole)
        self.method_combo.setItemData(
            1, self.tr("Answer = word maximising cos(x, b)·cos(x, c) / cos(x, a) (Levy & "
                       "Goldberg 2014); often better on syntactic relations"),
            Qt.ItemDataRole.ToolTipRole)
        self.method_combo.setToolTip(self.tr("How an analogy question is answered (3CosAdd or "
                                             "3CosMul); not used for similarity benchmarks"))
        self.evaluate_button = QPushButton(self.tr("Evaluate"), self)
        self.evaluate_button.setToolTip(self.tr("Score the vectors in A (and B, if set) on the "
                                                "chosen benchmark"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the evaluation"))

        self.slot_labels: dict[str, QLabel] = {}
        for slot in SLOTS:
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.slot_labels[slot] = label
        self.slot_labels["A"].setToolTip(self.tr("Vectors A: the vectors trained or loaded last"))
        self.slot_labels["B"].setToolTip(self.tr("Vectors B: kept for comparison with A"))
        self.keep_b_button = QPushButton(self.tr("Keep A as B"), self)
        self.keep_b_button.setToolTip(self.tr("Copy vectors A to slot B, to compare them with the "
                                              "next vectors you train or load"))
        self.clear_b_button = QPushButton(self.tr("Clear B"), self)
        self.clear_b_button.setToolTip(self.tr("Evaluate vectors A only"))

        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        self.status_label.setToolTip(self.tr("What the evaluation is doing or found"))

        self.table_model = EvaluationTableModel(self)
        self.table = _ResultsTable(self)
        self.table.setModel(self.table_model)
        self.table.setToolTip(self.tr("Scores per category; select rows and press Ctrl+C to copy "
                                      "them as tab-separated text"))
        self.skipped_label = QLabel("", self)
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setToolTip(self.tr(
            "Lines of the benchmark file that could not be read as a question or a word pair (the "
            "first few line numbers)"))
        self.export_button = QPushButton(self.tr("Export TSV…"), self)
        self.export_button.setToolTip(self.tr("Save the whole table as a tab-separated file"))

        # Narrow on purpose: the view sits in a tab beside the training controls.
        row_benchmark = QHBoxLayout()
        row_benchmark.addWidget(QLabel(self.tr("Benchmark:"), self))
        row_benchmark.addWidget(self.benchmark_combo, 1)
        row_options = QHBoxLayout()
        row_options.addWidget(self.add_button)
        row_options.addStretch(1)
        row_options.addWidget(QLabel(self.tr("Method:"), self))
        row_options.addWidget(self.method_combo)
        row_run = QHBoxLayout()
        row_run.addWidget(self.evaluate_button)
        row_run.addWidget(self.cancel_button)
        row_run.addStretch(1)
        row_b = QHBoxLayout()
        row_b.addWidget(self.slot_labels["B"], 1)
        row_b.addWidget(self.keep_b_button)
        row_b.addWidget(self.clear_b_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.skipped_label, 1)
        bottom.addWidget(self.export_button)

        outer = QVBoxLayout(self)
        outer.addWidget(self.message_bar)
        outer.addLayout(row_benchmark)
        outer.addLayout(row_options)
        outer.addWidget(self.slot_labels["A"])
        outer.addLayout(row_b)
        outer.addLayout(row_run)
        outer.addWidget(self.status_label)
        outer.addWidget(self.table, 1)
        outer.addLayout(bottom)

    def _connect(self) -> None:
        self.benchmark_combo.currentIndexChanged.connect(self._on_benchmark_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.cancel_button.clicked.connect(self.cancel)
        self.keep_b_button.clicked.connect(self._on_keep_b_clicked)
        self.clear_b_button.clicked.connect(lambda: self.set_embeddings("B", None))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.runner.started.connect(lambda: self._set_busy(True))
        self.runner.done.connect(lambda: self._set_busy(False))
        self.runner.progress_changed.connect(self._on_progress_changed)
        self.runner.finished.connect(self._on_finished)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)

    def runners(self) -> list[TaskRunner]:
        """The view's task runners (for the window's job list)."""
        return [self.runner]

    # ------------------------------------------------------------- state
    def reload_benchmarks(self) -> None:
        """Fill the benchmark list with the built-in benchmarks found on this machine."""
        from workbench.core.evaluation import builtin_benchmarks

        added = [self.benchmark_combo.itemData(i) for i in range(self.benchmark_combo.count())]
        added = [c for c in added if c is not None and c.user_file]
        self.benchmark_combo.blockSignals(True)
        self.benchmark_combo.clear()
        for info in builtin_benchmarks():
            notes = [info.description]
            for attr in ("size", "licence", "license", "note"):
                value = getattr(info, attr, None)
                if value:
                    notes.append(str(value))
            notes.append(str(info.path))
            self._add_choice(BenchmarkChoice(info.name, info.kind, str(info.path),
                                             "\n".join(notes)))
        for choice in added:
            self._add_choice(choice)
        self.benchmark_combo.blockSignals(False)
        self._on_benchmark_changed()

    def _add_choice(self, choice: BenchmarkChoice) -> int:
        kind = {"analogy": self.tr("analogy"),
                "similarity": self.tr("similarity")}.get(choice.kind, choice.kind)
        self.benchmark_combo.addItem(f"{choice.name} — {kind}", choice)
        index = self.benchmark_combo.count() - 1
        self.benchmark_combo.setItemData(index, choice.description, Qt.ItemDataRole.ToolTipRole)
        return index

    def benchmark(self) -> BenchmarkChoice | None:
        """The chosen benchmark."""
        return self.benchmark_combo.currentData()

    def method(self) -> str:
        """The chosen analogy method (``"3cosadd"`` or ``"3cosmul"``)."""
        return self.method_combo.currentData()

    def set_embeddings(self, slot: str, emb: Embeddings | None, label: str = "") -> None:
        """Put vectors in slot ``"A"`` or ``"B"`` (``None`` empties it).

        Parameters
        ----------
        slot
            ``"A"`` or ``"B"``.
        emb
            The vectors.
        label
            How to name them (their source file name when empty).
        """
        if slot not in SLOTS:
            raise ValueError(f"slot must be one of {SLOTS}, not {slot!r}")
        if emb is None:
            self._sets[slot] = None
        else:
            if not label:
                label = Path(emb.source).name if emb.source else "vectors"
            self._sets[slot] = (emb, label)
        if self.report is not None and not self.runner.is_running:
            self.status_label.setText(self.tr("The vectors changed after this evaluation; click "
                                              "Evaluate to score them again."))
        self._update_slots()

    @Slot(object)
    def set_embeddings_a(self, emb: Embeddings | None) -> None:
        """Put ``emb`` in slot A (connect a panel's ``embeddings_changed`` here)."""
        self.set_embeddings("A", emb)

    def embeddings(self, slot: str) -> Embeddings | None:
        """The vectors in ``slot``."""
        entry = self._sets[slot]
        return None if entry is None else entry[0]

    def _update_slots(self) -> None:
        for slot in SLOTS:
            entry = self._sets[slot]
            if entry is None:
                text = (self.tr("A: no vectors yet (train or load some)") if slot == "A"
                        else self.tr("B: empty (optional, for comparison)"))
            else:
                emb, label = entry
                text = self.tr("{slot}: {label} — {n} words × {dim} dimensions").format(
                    slot=slot, label=label, n=f"{len(emb):,}", dim=emb.dim)
            self.slot_labels[slot].setText(text)
        self.keep_b_button.setEnabled(self._sets["A"] is not None)
        self.clear_b_button.setEnabled(self._sets["B"] is not None)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.evaluate_button, self.add_button, self.benchmark_combo,
                  self.keep_b_button, self.clear_b_button):
            w.setEnabled(not busy)
        self.method_combo.setEnabled(not busy and self._is_analogy())
        self.cancel_button.setEnabled(busy)
        self.export_button.setEnabled(not busy and self.table_model.rowCount() > 0)
        if not busy:
            self._update_slots()

    def _is_analogy(self) -> bool:
        choice = self.benchmark()
        return choice is None or choice.kind == "analogy"

    @Slot()
    def _on_benchmark_changed(self) -> None:
        self.method_combo.setEnabled(self._is_analogy() and not self.runner.is_running)

    # ----------------------------------------------------------- actions
    def add_benchmark_file(self, path: str | Path) -> bool:
        """Read ``path`` as a benchmark, add it to the list and choose it.

        A file that is no benchmark is reported in the message bar.

        Returns
        -------
        bool
            Whether the file was added.
        """
        try:
            kind, data = read_benchmark(path)
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return False
        self.message_bar.clear()
        path = str(path)
        if kind == "analogy":
            tip = self.tr("{path}\n{n} questions, {skipped} lines skipped")
            n = data.n_questions  # type: ignore[union-attr]
        else:
            tip = self.tr("{path}\n{n} pairs, {skipped} lines skipped")
            n = len(data.pairs)  # type: ignore[union-attr]
        choice = BenchmarkChoice(Path(path).name, kind, path,
                                 tip.format(path=path, n=f"{n:,}",
                                            skipped=f"{data.skipped_lines:,}"),
                                 user_file=True)
        self._remember(path, data)
        for i in range(self.benchmark_combo.count()):
            if self.benchmark_combo.itemData(i).path == path:
                self.benchmark_combo.removeItem(i)
                break
        self.benchmark_combo.setCurrentIndex(self._add_choice(choice))
        self.skipped_label.setText(_skipped_text(data))
        return True

    def _remember(self, path: str, data: AnalogySet | SimilaritySet) -> None:
        self._loaded.pop(path, None)
        self._loaded[path] = data
        while len(self._loaded) > _CACHE_SIZE:
            self._loaded.pop(next(iter(self._loaded)))

    @Slot()
    def _on_add_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a benchmark file"), "",
            self.tr("Benchmarks (*.txt *.tsv *.csv);;All files (*)"))
        if path:
            self.add_benchmark_file(path)

    @Slot()
    def evaluate(self) -> None:
        """Score the vectors in A and B on the chosen benchmark in the background."""
        if self.runner.is_running:
            return
        sets = tuple((slot, entry[1], entry[0]) for slot, entry in self._sets.items()
                     if entry is not None)
        if not sets:
            self.message_bar.show_error(self.tr(
                "There are no vectors to evaluate: train vectors or load a vector file first."))
            return
        choice = self.benchmark()
        if choice is None:
            self.message_bar.show_error(self.tr(
                "Choose a benchmark first, or add a benchmark file."))
            return
        self.message_bar.clear()
        self.status_label.setText(self.tr("Evaluating on {name}…").format(name=choice.name))
        self.runner.start(evaluate_job, choice, sets, self.method(),
                          self._loaded.get(choice.path))

    @Slot()
    def cancel(self) -> None:
        """Stop the evaluation."""
        self.runner.cancel()

    def export_tsv(self, path: str | Path) -> bool:
        """Write the table (with its header) to ``path`` as tab-separated text.

        Returns
        -------
        bool
            Whether the file was written (problems go to the message bar).
        """
        if self.table_model.rowCount() == 0:
            self.message_bar.show_error(self.tr("There are no results to export yet: click "
                                                "Evaluate first."))
            return False
        try:
            self.table.export_tsv(path)
        except OSError as exc:
            self.message_bar.show_error(self.tr("{path} cannot be written: {reason}.").format(
                path=path, reason=exc.strerror or exc))
            return False
        self.status_label.setText(self.tr("Exported the results to {path}.").format(path=path))
        return True

    @Slot()
    def _on_export_clicked(self) -> None:
        name = "evaluation.tsv"
        if self.report is not None:
            name = f"{Path(self.report.benchmark.name).stem}-evaluation.tsv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export results"), name,
            self.tr("Tab-separated values (*.tsv);;All files (*)"))
        if path:
            self.export_tsv(path)

    @Slot()
    def _on_keep_b_clicked(self) -> None:
        entry = self._sets["A"]
        if entry is not None:
            self.set_embeddings("B", entry[0], entry[1])

    # ------------------------------------------------------- job results
    @Slot(float, str)
    def _on_progress_changed(self, fraction: float, message: str) -> None:
        if message:
            percent = f" ({100 * fraction:.0f} %)" if fraction >= 0 else ""
            self.status_label.setText(f"{message}{percent}")

    @Slot(object)
    def _on_finished(self, report: EvaluationReport) -> None:
        self.report = report
        self._remember(report.benchmark.path, report.data)
        self.table_model.set_report(report)
        self.table.reset_columns()
        self.skipped_label.setText(_skipped_text(report.data))
        parts = []
        for r in report.results:
            res: Any = r.result
            if report.kind == "analogy":
                parts.append(self.tr("{slot}: {accuracy} % of {answered} answered ({oov} "
                                     "skipped for missing words)").format(
                    slot=r.slot, accuracy=_percent(res.accuracy),
                    answered=f"{res.total.answered:,}", oov=f"{res.oov:,}"))
            else:
                parts.append(self.tr("{slot}: Spearman {spearman} on {used} pairs").format(
                    slot=r.slot, spearman=_corr(res.spearman), used=f"{res.used:,}"))
        method = {m: label for label, m in _METHODS}.get(report.method, "")
        head = f"{report.benchmark.name}" + (f" · {method}" if method else "")
        self.status_label.setText(f"{head} — " + "; ".join(parts))

    @Slot(object)
    def _on_cancelled(self, _kept: object) -> None:
        self.status_label.setText(self.tr("Evaluation cancelled."))

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        self.status_label.setText("")
        if not show_job_error(self, self.message_bar.show_error, error, details):
            self.status_label.setText(self.tr("The evaluation failed."))


def main() -> int:
    """Show the view alone with vectors loaded from the file given on the command line."""
    from workbench.core.static.formats import load_vectors
    from workbench.ui.preview import run_preview

    return run_preview(lambda _workspace: EvaluationView(),
                       lambda view, path: view.set_embeddings("A", load_vectors(path)))


if __name__ == "__main__":
    import sys

    sys.exit(main())
