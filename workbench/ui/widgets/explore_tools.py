"""The query tools of the Explore panel: neighbours, analogies, word comparison, antonyms.

Each tool is a :class:`ToolView`: it holds the current :class:`Embeddings`,
runs its queries in its own :class:`TaskRunner` (a query over a million
vectors takes tens of milliseconds, which the UI thread must not spend), and
reports expected problems (a word not in the vocabulary, a malformed
expression) through :attr:`ToolView.error_raised`, which the panel shows in its
message bar.

Every sentence is written in English inside ``self.tr`` (or
``QCoreApplication.translate`` in the job functions, which run in a worker
thread); table words such as ``yes`` are :class:`Cell` objects, shown
translated and exported in English.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.i18n import core_text
from workbench.ui.notifications import show_job_error
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.result_table import Cell, ResultTable
from workbench.ui.widgets.spin_boxes import int_spin
from workbench.ui.widgets.word_table import EXPORT_HEADER_ROLE

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings

__all__ = ["AnalogyView", "AntonymsView", "CompareView", "MapState", "NeighboursView", "ToolView"]

#: What the panel tells the tools about the current map: the words and their coordinates.
MapState = tuple[Sequence[str], "NDArray[np.float32]"]


class ToolView(QWidget):
    """Base of the Explore tools: embeddings, a runner and error routing.

    Attributes
    ----------
    runner : TaskRunner
        Runs this tool's queries.
    error_raised : Signal(str)
        An expected problem, as a sentence for the panel's message bar.
    info_raised : Signal(str)
        A remark worth showing (e.g. which words were excluded).
    word_activated : Signal(str)
        The user clicked a word in a result; the panel highlights it on the map.
    """

    error_raised = Signal(str)
    info_raised = Signal(str)
    word_activated = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.embeddings: Embeddings | None = None
        self.oov_vector: Callable[[str], Any] | None = None
        self.runner = TaskRunner(name, self)
        self.runner.failed.connect(self._on_failed)

    def set_embeddings(self, emb: Embeddings | None,
                       oov_vector: Callable[[str], Any] | None = None) -> None:
        """Use ``emb`` from now on (``oov_vector`` gives vectors for unknown words: fastText)."""
        self.embeddings = emb
        self.oov_vector = oov_vector
        self.setEnabled(emb is not None)

    def _ready(self) -> Embeddings | None:
        if self.embeddings is None:
            self.error_raised.emit(QCoreApplication.translate("ToolView",
                                                              "Load or train vectors first."))
        return self.embeddings

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        show_job_error(self, self.error_raised.emit, error, details)


# --------------------------------------------------------------------------- neighbours

def _neighbours_job(emb: Embeddings, query: str, k: int, metric: str,
                    oov_vector: Callable[[str], Any] | None, map_state: MapState | None,
                    *, progress: Progress = NULL_PROGRESS) -> dict[str, Any]:
    from workbench.core.explore import is_expression, map_neighbours, nearest

    result = nearest(emb, query, k=k, metric=metric, oov_vector=oov_vector)
    translate = QCoreApplication.translate  # thread-safe; the job runs in a worker thread
    out: dict[str, Any] = {"result": result, "map": None, "map_note": ""}
    if map_state is None:
        out["map_note"] = translate("NeighboursView", "Compute a map to compare with the "
                                    "neighbours in the map.")
    elif is_expression(query, emb):
        out["map_note"] = translate("NeighboursView", "An expression has no point in the map.")
    else:
        words, coords = map_state
        try:
            row = list(words).index(query)
        except ValueError:
            out["map_note"] = translate("NeighboursView", "'{word}' is not in the current map."
                                        ).format(word=query)
        else:
            rows, dist = map_neighbours(coords, row, k)
            space = {n.word for n in result.neighbours}
            yes = Cell(translate("NeighboursView", "yes"), "yes")
            also = [words[int(r)] in space for r in rows]
            out["map"] = [(i + 1, words[int(r)], float(d), yes if shared else "")
                          for i, (r, d, shared) in enumerate(zip(rows, dist, also))]
            out["map_note"] = translate(
                "NeighboursView", "{shared} of the {n} nearest points in the map are also among "
                "the {k} nearest in the space.").format(shared=sum(also), n=len(out["map"]),
                                                        k=len(result.neighbours))
    return out


class NeighboursView(ToolView):
    """Nearest neighbours of a word or an expression, in the space and in the map.

    Parameters
    ----------
    map_state
        Returns the current map's words and coordinates, or ``None``.
    """

    def __init__(self, map_state: Callable[[], MapState | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("NeighboursView", "Neighbours"), parent)
        self._map_state = map_state
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(
            self.tr("a word, or an expression like king - man + woman"))
        self.query_edit.setToolTip(self.tr("A word, or a sum of words with + and - and optional "
                                           "weights (2*paris - france). Press Enter to search."))
        self.query_edit.returnPressed.connect(self.search)
        self.k_spin = int_spin(None, 1, 1000, 10, self.tr("How many neighbours to list"),
                               group_separator=False)
        self.metric_combo = QComboBox()
        self.metric_combo.addItem(self.tr("cosine"), "cosine")
        self.metric_combo.addItem(self.tr("Euclidean"), "euclidean")
        self.metric_combo.setToolTip(self.tr("Cosine similarity (higher is closer) or Euclidean "
                                             "distance (lower is closer)"))
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setToolTip(self.tr("Find the nearest neighbours (Enter)"))
        self.find_button.clicked.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(QLabel("k"))
        top.addWidget(self.k_spin)
        top.addWidget(self.metric_combo)
        top.addWidget(self.find_button)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.space_table = ResultTable((self.tr("rank"), self.tr("word"), self.tr("score")),
                                       export_headers=("rank", "word", "score"))
        self.space_table.setToolTip(self.tr("Neighbours in the original vector space. Click a "
                                            "word to find it in the map; double-click to search "
                                            "it."))
        self.map_table = ResultTable(
            (self.tr("rank"), self.tr("word"), self.tr("map distance"), self.tr("also in space")),
            export_headers=("rank", "word", "map distance", "also in space"))
        self.map_table.setToolTip(self.tr("Nearest points in the current 2D/3D map: how much the "
                                          "projection moves neighbourhoods around"))
        self.map_note = QLabel()
        self.map_note.setWordWrap(True)
        space_box = QGroupBox(self.tr("In the vector space"))
        QVBoxLayout(space_box).addWidget(self.space_table)
        map_box = QGroupBox(self.tr("In the map"))
        lay = QVBoxLayout(map_box)
        lay.addWidget(self.map_table)
        lay.addWidget(self.map_note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(space_box)
        split.addWidget(map_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note_label)
        layout.addWidget(split, 1)
        for table in (self.space_table, self.map_table):
            table.cellClicked.connect(lambda r, _c, t=table: self._on_word_clicked(t, r))
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self._on_word_double_clicked(t, r))
        self.runner.finished.connect(self._on_result)
        self.runner.started.connect(lambda: self.find_button.setEnabled(False))
        self.runner.done.connect(lambda: self.find_button.setEnabled(True))

    def search(self, query: str | None = None) -> None:
        """Look up the neighbours of ``query`` (default: the text in the box)."""
        if isinstance(query, str):
            self.query_edit.setText(query)
        emb = self._ready()
        if emb is None:
            return
        text = self.query_edit.text().strip()
        if not text:
            self.error_raised.emit(
                self.tr("Type a word or an expression such as king - man + woman."))
            return
        self.runner.start(_neighbours_job, emb, text, self.k_spin.value(),
                          self.metric_combo.currentData(), self.oov_vector, self._map_state())

    @Slot(object)
    def _on_result(self, out: dict[str, Any]) -> None:
        result = out["result"]
        self.space_table.set_rows([(n.rank, n.word, n.score) for n in result.neighbours])
        if result.metric == "cosine":
            self.space_table.set_header(2, self.tr("cosine"), "cosine")
        else:
            self.space_table.set_header(2, self.tr("distance"), "distance")
        notes = []
        if result.excluded:
            notes.append(self.tr("Excluded the query's own words: {words}.").format(
                words=", ".join(result.excluded)))
        if result.note:
            notes.append(core_text(result.note))
        self.note_label.setText(" ".join(notes))
        self.map_table.set_rows(out["map"] or [])
        self.map_note.setText(out["map_note"])
        if out["map"] is not None:
            self.word_activated.emit(self.query_edit.text().strip())

    def _on_word_clicked(self, table: ResultTable, row: int) -> None:
        item = table.item(row, 1)
        if item is not None:
            self.word_activated.emit(item.text())

    def _on_word_double_clicked(self, table: ResultTable, row: int) -> None:
        item = table.item(row, 1)
        if item is not None:
            self.search(item.text())


# --------------------------------------------------------------------------- analogies

def _analogy_job(emb: Embeddings, a: str, b: str, c: str, k: int, method: str,
                 *, progress: Progress = NULL_PROGRESS) -> dict[str, Any]:
    from workbench.core.evaluation import solve_analogy
    from workbench.core.explore import analogy_picture

    for word in (a, b, c):
        if not word:
            raise WorkbenchError(QCoreApplication.translate(
                "AnalogyView", "Fill in all three words: a is to b as c is to ?"))
    answers = solve_analogy(emb, a, b, c, k=k, method=method)
    picture = analogy_picture(emb, a, b, c, [w for w, _ in answers[:5]])
    return {"answers": answers, "picture": picture, "words": (a, b, c)}


def _analogy_batch_job(emb: Embeddings, benchmark: str, method: str, restrict: int | None,
                       *, progress: Progress = NULL_PROGRESS) -> Any:
    from workbench.core.evaluation import evaluate_analogies, find_benchmark

    return evaluate_analogies(emb, find_benchmark(benchmark, "analogy"), method,
                              restrict_vocab=restrict, keep_failures=True, progress=progress)


class AnalogyView(ToolView):
    """``a : b :: c : ?`` with 3CosAdd or 3CosMul, its picture, and benchmark batches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AnalogyView", "Analogy"), parent)
        self.a_edit, self.b_edit, self.c_edit = QLineEdit("man"), QLineEdit("king"), QLineEdit("woman")
        for edit, tip in ((self.a_edit, "a"), (self.b_edit, self.tr("b: a's partner")),
                          (self.c_edit, self.tr("c: the word whose partner is asked for"))):
            edit.setToolTip(tip)
            edit.returnPressed.connect(self.solve)
        self.method_combo = QComboBox()
        self.method_combo.addItem("3CosAdd", "3cosadd")
        self.method_combo.addItem("3CosMul", "3cosmul")
        self.method_combo.setToolTip(self.tr("3CosAdd: cos(x, b − a + c) (Mikolov et al.); "
                                             "3CosMul: cos(x,b)·cos(x,c)/cos(x,a) "
                                             "(Levy & Goldberg)"))
        self.k_spin = int_spin(None, 1, 100, 10, self.tr("How many answers to list"),
                               group_separator=False)
        self.solve_button = QPushButton(self.tr("Solve"))
        self.solve_button.setToolTip(self.tr("Solve the analogy (Enter)"))
        self.solve_button.clicked.connect(self.solve)
        row = QHBoxLayout()
        for label, w in (("", self.a_edit), (self.tr("is to"), self.b_edit),
                         (self.tr("as"), self.c_edit)):
            if label:
                row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addWidget(QLabel(self.tr("is to ?")))
        row2 = QHBoxLayout()
        row2.addWidget(self.method_combo)
        row2.addWidget(QLabel("k"))
        row2.addWidget(self.k_spin)
        row2.addWidget(self.solve_button)
        row2.addStretch(1)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.answers_table = ResultTable((self.tr("rank"), self.tr("word"), self.tr("score")),
                                         export_headers=("rank", "word", "score"))
        self.answers_table.cellClicked.connect(
            lambda r, _c: self.word_activated.emit(self.answers_table.item(r, 1).text()))
        import pyqtgraph as pg

        self.picture = pg.PlotWidget()
        self.picture.setToolTip(self.tr("The three words, the answers and the parallelogram "
                                        "a→b, c→answer in a 2D PCA fitted to these words only"))
        self.picture.setAspectLocked(True)
        self.picture.hideAxis("left")
        self.picture.hideAxis("bottom")
        self.picture.setMinimumHeight(180)
        self._picture_items: list[Any] = []
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.answers_table)
        split.addWidget(self.picture)

        # Batch mode: a benchmark, per-category scores, failures per category.
        self.benchmark_combo = QComboBox()
        self.benchmark_combo.setToolTip(self.tr("An analogy benchmark to run on the loaded "
                                                "vectors"))
        from workbench.core.evaluation import builtin_benchmarks

        for info in builtin_benchmarks():
            if info.kind == "analogy":
                self.benchmark_combo.addItem(f"{info.name}: {info.description}", info.name)
        self.restrict_spin = int_spin(None, 0, 10000000, 30000,
                                      self.tr("Consider only the most frequent words (0 = all)"),
                                      group_separator=False)
        self.run_button = QPushButton(self.tr("Run benchmark"))
        self.run_button.clicked.connect(self.run_benchmark)
        self.batch_runner = TaskRunner(self.tr("Analogy benchmark"), self)
        self.batch_runner.failed.connect(self._on_failed)
        self.batch_runner.finished.connect(self._on_batch_result)
        self.batch_runner.started.connect(lambda: self.run_button.setEnabled(False))
        self.batch_runner.done.connect(lambda: self.run_button.setEnabled(True))
        self.categories_table = ResultTable(
            (self.tr("category"), self.tr("questions"), self.tr("answered"), self.tr("correct"),
             self.tr("accuracy")),
            export_headers=("category", "questions", "answered", "correct", "accuracy"))
        self.categories_table.setToolTip(self.tr("Click a category to browse its failures"))
        self.categories_table.cellClicked.connect(self._on_category_clicked)
        self.failures_table = ResultTable(
            ("a", "b", "c", self.tr("expected"), self.tr("got")),
            export_headers=("a", "b", "c", "expected", "got"))
        self.failures_table.setToolTip(self.tr("Questions the model answered wrongly"))
        self.batch_label = QLabel()
        batch = QGroupBox(self.tr("Benchmark"))
        grid = QGridLayout(batch)
        grid.addWidget(self.benchmark_combo, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Most frequent words")), 1, 0)
        grid.addWidget(self.restrict_spin, 1, 1)
        grid.addWidget(self.run_button, 0, 2)
        grid.addWidget(self.batch_label, 1, 2)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.categories_table)
        tables.addWidget(self.failures_table)
        grid.addWidget(tables, 2, 0, 1, 3)
        self._batch_result: Any = None

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.note_label)
        layout.addWidget(split, 1)
        layout.addWidget(batch, 1)
        self.runner.finished.connect(self._on_result)
        self.runner.started.connect(lambda: self.solve_button.setEnabled(False))
        self.runner.done.connect(lambda: self.solve_button.setEnabled(True))

    def runners(self) -> list[TaskRunner]:
        """Both runners (for the window's job registry)."""
        return [self.runner, self.batch_runner]

    def solve(self) -> None:
        """Solve the analogy in the three boxes."""
        emb = self._ready()
        if emb is None:
            return
        a, b, c = (e.text().strip() for e in (self.a_edit, self.b_edit, self.c_edit))
        self.runner.start(_analogy_job, emb, a, b, c, self.k_spin.value(),
                          self.method_combo.currentData())

    @Slot(object)
    def _on_result(self, out: dict[str, Any]) -> None:
        self.answers_table.set_rows([(i + 1, w, s) for i, (w, s) in enumerate(out["answers"])])
        a, b, c = out["words"]
        self.note_label.setText(self.tr("{a} : {b} :: {c} : ?  The three input words are "
                                        "excluded from the answers, as in gensim and the "
                                        "benchmarks.").format(a=a, b=b, c=c))
        self._draw_picture(out["picture"])

    def _draw_picture(self, picture: Any) -> None:
        import pyqtgraph as pg

        for item in self._picture_items:
            self.picture.removeItem(item)
        self._picture_items = []
        xy = np.asarray(picture.coords, dtype=float)
        roles = list(picture.roles)
        colours = {"a": "#1f77b4", "b": "#1f77b4", "c": "#d62728", "candidate": "#2ca02c"}
        spots = pg.ScatterPlotItem(x=xy[:, 0], y=xy[:, 1], size=9,
                                   brush=[pg.mkBrush(colours.get(r, "#888")) for r in roles])
        self.picture.addItem(spots)
        self._picture_items.append(spots)
        for word, (x, y) in zip(picture.words, xy):
            label = pg.TextItem(word, anchor=(0.5, 1.2), color="#333")
            label.setPos(x, y)
            self.picture.addItem(label)
            self._picture_items.append(label)
        role_row = {r: i for i, r in reversed(list(enumerate(roles)))}
        first = role_row.get("candidate")
        pairs = [("a", "b")] + ([("c", None)] if first is not None else [])
        for start, end in pairs:
            p = xy[role_row[start]]
            q = xy[role_row[end]] if end else xy[first]  # c → best answer
            line = pg.PlotDataItem([p[0], q[0]], [p[1], q[1]],
                                   pen=pg.mkPen("#888", width=2, style=Qt.PenStyle.DashLine))
            self.picture.addItem(line)
            arrow = pg.ArrowItem(pos=(q[0], q[1]), angle=180 - np.degrees(np.arctan2(
                q[1] - p[1], q[0] - p[0])), headLen=12, brush="#888")
            self.picture.addItem(arrow)
            self._picture_items += [line, arrow]
        self.picture.autoRange()

    def run_benchmark(self) -> None:
        """Run the chosen analogy benchmark and list its categories."""
        emb = self._ready()
        if emb is None or self.benchmark_combo.count() == 0:
            return
        restrict = self.restrict_spin.value() or None
        self.batch_runner.start(_analogy_batch_job, emb, self.benchmark_combo.currentData(),
                                self.method_combo.currentData(), restrict)

    @Slot(object)
    def _on_batch_result(self, result: Any) -> None:
        self._batch_result = result
        rows = [(c.name, c.questions, c.answered, c.correct,
                 None if c.answered == 0 else c.accuracy) for c in result.categories]
        t = result.total
        rows.append((Cell(self.tr("total"), "total"), t.questions, t.answered, t.correct,
                     None if t.answered == 0 else t.accuracy))
        self.categories_table.set_rows(rows)
        self.batch_label.setText(self.tr("{correct:,} of {answered:,} answered correctly; "
                                         "{oov:,} questions had a word out of the vocabulary."
                                         ).format(correct=t.correct, answered=t.answered,
                                                  oov=t.oov))
        self.show_failures(None)

    def _on_category_clicked(self, row: int, _col: int) -> None:
        item = self.categories_table.item(row, 0)
        if item is not None:
            # The total row is a Cell (English "total" kept for export); categories are plain.
            total = item.data(EXPORT_HEADER_ROLE) == "total"
            self.show_failures(None if total else item.text())

    def show_failures(self, category: str | None) -> None:
        """List the failed questions of ``category`` (all when ``None``)."""
        result = self._batch_result
        if result is None:
            return
        rows = [(f.a, f.b, f.c, " / ".join(f.expected), f.got) for f in result.failures
                if category is None or f.category == category]
        self.failures_table.set_rows(rows)


# --------------------------------------------------------------------------- compare words

def _compare_job(emb: Embeddings, words: list[str], *, progress: Progress = NULL_PROGRESS
                 ) -> dict[str, Any]:
    from workbench.core.explore import odd_one_out, similarity_matrix

    if len(words) < 2:
        raise WorkbenchError(QCoreApplication.translate(
            "CompareView", "Type at least two words, separated by spaces or commas."))
    matrix = similarity_matrix(emb, words)
    odd = odd_one_out(emb, words) if len(words) >= 3 else None
    return {"words": words, "matrix": matrix, "odd": odd}


class CompareView(ToolView):
    """Similarity of two words, the odd one out, and a similarity heatmap for a word list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CompareView", "Compare words"), parent)
        import pyqtgraph as pg

        self.words_edit = QLineEdit("breakfast lunch dinner cereal")
        self.words_edit.setToolTip(self.tr("Two or more words separated by spaces or commas "
                                           "(Enter)"))
        self.words_edit.returnPressed.connect(self.compare)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.clicked.connect(self.compare)
        row = QHBoxLayout()
        row.addWidget(self.words_edit, 1)
        row.addWidget(self.compare_button)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.heatmap = pg.PlotWidget()
        self.heatmap.setToolTip(self.tr("Cosine similarity of every pair of words"))
        self.heatmap.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.heatmap.addItem(self.image)
        self.heatmap.invertY(True)
        self._cell_labels: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.heatmap, 1)
        self.runner.finished.connect(self._on_result)

    def compare(self) -> None:
        """Compare the typed words."""
        emb = self._ready()
        if emb is None:
            return
        words = [w for w in self.words_edit.text().replace(",", " ").split() if w]
        self.runner.start(_compare_job, emb, words)

    @Slot(object)
    def _on_result(self, out: dict[str, Any]) -> None:
        import pyqtgraph as pg

        words, matrix = out["words"], out["matrix"]
        n = len(words)
        self.image.setImage(np.asarray(matrix, dtype=np.float32), levels=(-1.0, 1.0))
        for item in self._cell_labels:
            self.heatmap.removeItem(item)
        self._cell_labels = []
        if n <= 20:
            for i in range(n):
                for j in range(n):
                    t = pg.TextItem(f"{matrix[i, j]:.2f}", anchor=(0.5, 0.5), color="w")
                    t.setPos(j + 0.5, i + 0.5)
                    self.heatmap.addItem(t)
                    self._cell_labels.append(t)
        ticks = [(i + 0.5, w) for i, w in enumerate(words)]
        self.heatmap.getAxis("bottom").setTicks([ticks])
        self.heatmap.getAxis("left").setTicks([ticks])
        parts = [f"cos({words[0]}, {words[1]}) = {matrix[0, 1]:.4f}"]
        if out["odd"] is not None:
            odd, means = out["odd"]
            others = ", ".join(f"{w} {v:.3f}" for w, v in means.items() if w != odd)
            parts.append(self.tr("Odd one out: {odd} (mean cosine to the others {mean:.3f}, "
                                 "against {others})").format(odd=odd, mean=means[odd],
                                                             others=others))
        self.result_label.setText(".  ".join(parts))


# --------------------------------------------------------------------------- antonyms

def _antonyms_job(emb: Embeddings, pairs: list[tuple[str, str]], k: int,
                  *, progress: Progress = NULL_PROGRESS) -> list[Any]:
    from workbench.core.explore import antonym_check

    return antonym_check(emb, pairs, k=k)


class AntonymsView(ToolView):
    """The lecture's exercise: are antonyms each other's neighbours?"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AntonymsView", "Antonyms"), parent)
        from workbench.core.explore import DEFAULT_ANTONYMS

        self.pairs_edit = QLineEdit(", ".join(f"{a}/{b}" for a, b in DEFAULT_ANTONYMS))
        self.pairs_edit.setToolTip(self.tr("Pairs as a/b separated by commas"))
        self.k_spin = int_spin(None, 1, 1000, 10, self.tr("A pair counts as neighbours when "
                                                          "each is within the other's k nearest "
                                                          "words"), group_separator=False)
        self.check_button = QPushButton(self.tr("Check antonyms"))
        self.check_button.setToolTip(self.tr("Rank each antonym among the other's neighbours"))
        self.check_button.clicked.connect(self.check)
        form = QFormLayout()
        form.addRow(self.tr("Pairs"), self.pairs_edit)
        row = QHBoxLayout()
        row.addWidget(QLabel("k"))
        row.addWidget(self.k_spin)
        row.addWidget(self.check_button)
        row.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = ResultTable(
            ("a", "b", self.tr("rank of b among a's neighbours"),
             self.tr("rank of a among b's neighbours"), self.tr("cosine"), self.tr("within k")),
            export_headers=("a", "b", "rank of b among a's neighbours",
                            "rank of a among b's neighbours", "cosine", "within k"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self.runner.finished.connect(self._on_result)

    def pairs(self) -> list[tuple[str, str]]:
        """The typed pairs; a malformed one raises :class:`WorkbenchError`."""
        pairs = []
        for part in self.pairs_edit.text().split(","):
            part = part.strip()
            if not part:
                continue
            words = part.split("/")
            if len(words) != 2 or not all(w.strip() for w in words):
                raise WorkbenchError(self.tr("'{pair}' is not a pair: write pairs as hot/cold."
                                             ).format(pair=part))
            pairs.append((words[0].strip(), words[1].strip()))
        if not pairs:
            raise WorkbenchError(self.tr("Type at least one pair such as hot/cold."))
        return pairs

    def check(self) -> None:
        """Run the check on the typed pairs."""
        emb = self._ready()
        if emb is None:
            return
        try:
            pairs = self.pairs()
        except WorkbenchError as exc:
            self.error_raised.emit(core_text(exc))
            return
        self.runner.start(_antonyms_job, emb, pairs, self.k_spin.value())

    @Slot(object)
    def _on_result(self, checks: list[Any]) -> None:
        k = self.k_spin.value()
        rows, near, found = [], 0, 0
        yes, no = Cell(self.tr("yes"), "yes"), Cell(self.tr("no"), "no")
        for c in checks:
            if c.missing:
                missing = ", ".join(c.missing)
                rows.append((c.a, c.b, None, None, None,
                             Cell(self.tr("missing: {words}").format(words=missing),
                                  f"missing: {missing}")))
                continue
            found += 1
            within = (c.rank_b_among_a is not None and c.rank_b_among_a <= k) or (
                c.rank_a_among_b is not None and c.rank_a_among_b <= k)
            near += within
            rows.append((c.a, c.b, c.rank_b_among_a, c.rank_a_among_b, c.similarity,
                         yes if within else no))
        self.table.set_rows(rows)
        self.summary_label.setText(self.tr(
            "{near} of {found} pairs found in the vocabulary are within each other's {k} "
            "nearest neighbours: distributional vectors place words used in the same contexts "
            "close together, and antonyms share contexts.").format(near=near, found=found, k=k))
