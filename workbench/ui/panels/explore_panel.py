"""The Explore panel: neighbours, analogies, word comparisons and whole-vocabulary maps.

The panel shows the vectors last trained or loaded in the Static training panel
(or loaded here).  On the left are the query tools (:mod:`explore_tools`); on
the right the map: PCA, t-SNE, UMAP or semantic axes over the whole vocabulary
or its most frequent words, computed in a worker thread, cached in the
workspace, drawn by :class:`EmbeddingMapView` (density when zoomed out, points
and labels when zoomed in).  A cancelled map is discarded and the previous one
stays.

UMAP runs in a warm child process (:func:`~workbench.core.explore.projections.umap_worker`,
started and compiled when UMAP is first chosen), because umap-learn holds the
GIL long enough to freeze the window.  Bookmarks (map, view, selection) are
saved per set of vectors in ``<workspace>/bookmarks/<fingerprint>.json`` and
come back when the same vectors are loaded again.  Where OpenGL works, maps
with three components are shown in a rotatable 3D view
(:class:`EmbeddingMap3DView`); elsewhere the 3D switch is disabled and says why.

Every string shown is written in English inside ``self.tr`` (or
``QCoreApplication.translate("ExplorePanel", ...)`` in the job functions);
words, file names, bookmark names and the exported CSV stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.spatial import PointGrid
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.notifications import MessageBar, show_job_error
from workbench.ui.plots.embedding_map import EmbeddingMapView
from workbench.ui.plots.embedding_map_3d import EmbeddingMap3DView, opengl_status
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.explore_tools import (
    AnalogyView,
    AntonymsView,
    CompareView,
    NeighboursView,
    ToolView,
)

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings
    from workbench.core.explore import Projection
    from workbench.core.workspace import Workspace

__all__ = ["MAP_METHODS", "ExplorePanel"]

#: (label, method) for the map method combo box; labels are translated when shown.
MAP_METHODS = (
    ("PCA", "pca"),
    ("t-SNE", "tsne"),
    ("UMAP", "umap"),
    (QT_TRANSLATE_NOOP("ExplorePanel", "Semantic axes"), "axes"),
)


def _method_label(method: str) -> str:
    """The translated label of a map method (the method's name when unknown)."""
    for label, m in MAP_METHODS:
        if m == method:
            return QCoreApplication.translate("ExplorePanel", label)
    return method


def _load_job(path: str, *, progress: Progress = NULL_PROGRESS) -> Embeddings:
    from workbench.core.static.formats import load_vectors

    emb = load_vectors(path, progress=progress)
    emb.check_finite()
    return emb


def _with_index(projection: Projection) -> tuple[Projection, PointGrid]:
    """The map and its spatial index, built here in the worker (0.5 s for 1M points)."""
    return projection, PointGrid(np.asarray(projection.coords)[:, :2])


def _map_job(emb: Embeddings, params: Any, cache_dir: Path | None,
             *, progress: Progress = NULL_PROGRESS) -> tuple[Projection, PointGrid]:
    from workbench.core.explore import project

    # UMAP holds the GIL for long stretches: it runs in the warm worker process.
    return _with_index(project(emb, params, progress=progress, cache_dir=cache_dir,
                               in_child=params.method == "umap"))


def _axes_job(emb: Embeddings, x: tuple[list[str], list[str]], y: tuple[list[str], list[str]],
              top_n: int | None, *, progress: Progress = NULL_PROGRESS
              ) -> tuple[Projection, PointGrid]:
    from workbench.core.explore import Axis, axis_projection

    if not x[0] or not x[1] or not y[0] or not y[1]:
        raise WorkbenchError(QCoreApplication.translate(
            "ExplorePanel", "Each axis needs words at both ends, e.g. x: man → woman, "
            "y: small → big."))
    words = emb.words[:top_n] if top_n else None
    return _with_index(axis_projection(emb, Axis(tuple(x[1]), tuple(x[0])),
                                       Axis(tuple(y[1]), tuple(y[0])), words=words))


def _warm_umap_job(cache_dir: Path | None, *, progress: Progress = NULL_PROGRESS) -> float:
    from workbench.core.explore import warm_umap

    progress.report(None, QCoreApplication.translate("ExplorePanel",
                                                     "Preparing UMAP (compiling once)…"))
    return warm_umap(cache_dir=cache_dir, in_child=True, progress=progress)


#: Version of the bookmarks file format.
BOOKMARKS_VERSION = 1


def _bookmarks_job(emb: Embeddings, folder: Path | None,
                   *, progress: Progress = NULL_PROGRESS) -> tuple[Path | None, dict[str, Any], str]:
    """The bookmarks file of these vectors, its bookmarks, and a warning if it is damaged.

    The file is ``<workspace>/bookmarks/<fingerprint>.json`` (the fingerprint of
    the words and vectors the map cache uses), so the bookmarks come back
    whenever the same vectors are loaded again.
    """
    if folder is None:
        return None, {}, ""
    from workbench.core.explore.projections import embeddings_fingerprint

    path = folder / f"{embeddings_fingerprint(emb)[:40]}.json"
    if not path.is_file():
        return path, {}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        marks = data["bookmarks"]
        if not isinstance(marks, dict) or not all(
                isinstance(k, str) and isinstance(v, dict) and isinstance(v.get("view"), dict)
                for k, v in marks.items()):
            raise ValueError(QCoreApplication.translate("ExplorePanel", "unexpected content"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return path, {}, QCoreApplication.translate(
            "ExplorePanel", "The bookmarks saved for these vectors ({path}) cannot be read "
            "({reason}); the list starts empty, and the file is replaced when you add a "
            "bookmark.").format(path=path, reason=why)
    return path, dict(marks), ""


def _clusters_job(emb: Embeddings, words: list[str], k: int,
                  *, progress: Progress = NULL_PROGRESS) -> np.ndarray:
    from workbench.core.explore import kmeans_labels

    rows = [emb.index(w) for w in words]
    return kmeans_labels(emb.unit[rows], k, progress=progress)


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so the window can be made small."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


class ExplorePanel(QWidget):
    """Explore static vectors: query tools on the left, the map on the right.

    Parameters
    ----------
    workspace
        Returns the workspace whose cache holds computed maps (``None``: no cache).

    Attributes
    ----------
    neighbours_view, analogy_view, compare_view, antonyms_view : ToolView
        The query tools, one tab each.
    map_view : EmbeddingMapView
        The map.
    map_runner : TaskRunner
        Computes maps.
    message_bar : MessageBar
        Expected problems, as sentences.
    projection : Projection or None
        The map shown.
    map_changed : Signal()
        A new map is shown.
    """

    map_changed = Signal()

    def __init__(self, workspace: Callable[[], Workspace | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace or (lambda: None)
        self.embeddings: Embeddings | None = None
        self.oov_vector: Callable[[str], Any] | None = None
        self.projection: Projection | None = None
        self._bookmarks: dict[str, dict[str, Any]] = {}
        self.map_runner = TaskRunner(self.tr("Map"), self)
        self.load_runner = TaskRunner(self.tr("Load vectors"), self)
        # "Clusters" is also the k-means spin box's label (a count): the job has its own context.
        self.cluster_runner = TaskRunner(QCoreApplication.translate("ExploreJobs", "Clusters"),
                                         self)
        self.warm_runner = TaskRunner(self.tr("Prepare UMAP"), self)
        self.bookmark_runner = TaskRunner(self.tr("Bookmarks"), self)
        self.map_view_3d: EmbeddingMap3DView | None = None
        self._bookmark_file: Path | None = None
        self._pending_bookmark: str | None = None
        self._umap_warmed = False
        self._build()
        self._connect()
        self.set_embeddings(None)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)
        self.source_label = QLabel()
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_button = QPushButton(self.tr("Load vectors…"))
        self.load_button.setToolTip(self.tr("Open a word2vec, GloVe or fastText vector file "
                                            "(the Static training panel's vectors appear here "
                                            "too)"))
        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(self.load_button)

        self.neighbours_view = NeighboursView(self._map_state)
        self.analogy_view = AnalogyView()
        self.compare_view = CompareView()
        self.antonyms_view = AntonymsView()
        self.tools = QTabWidget()
        for view, title, tip in (
            (self.neighbours_view, self.tr("Neighbours"),
             self.tr("Nearest words of a word or expression")),
            (self.analogy_view, self.tr("Analogy"), self.tr("a is to b as c is to ?")),
            (self.compare_view, self.tr("Compare"), self.tr("Similarity, odd one out, heatmap")),
            (self.antonyms_view, self.tr("Antonyms"),
             self.tr("Are antonyms neighbours? (lecture exercise)")),
        ):
            self.tools.setTabToolTip(self.tools.addTab(view, title), tip)

        # Map controls.
        self.method_combo = QComboBox()
        for _label, method in MAP_METHODS:
            self.method_combo.addItem(_method_label(method), method)
        self.method_combo.setToolTip(self.tr("PCA: linear, fast, with explained variance. t-SNE "
                                             "and UMAP: non-linear, keep local neighbourhoods. "
                                             "Semantic axes: x and y are directions between "
                                             "words you choose."))
        self.top_spin = QSpinBox()
        self.top_spin.setRange(0, 100000000)
        self.top_spin.setSingleStep(1000)
        self.top_spin.setValue(0)
        self.top_spin.setSpecialValueText(self.tr("all words"))
        self.top_spin.setToolTip(self.tr("Map only the most frequent words (all words: the whole "
                                         "vocabulary, no sampling)"))
        self.perplexity_spin = QDoubleSpinBox()
        self.perplexity_spin.setRange(2.0, 500.0)
        self.perplexity_spin.setValue(30.0)
        self.perplexity_spin.setToolTip(self.tr("t-SNE perplexity: about how many neighbours "
                                                "each point keeps (needs at least 3 × "
                                                "perplexity points)"))
        self.neighbors_spin = QSpinBox()
        self.neighbors_spin.setRange(2, 500)
        self.neighbors_spin.setValue(15)
        self.neighbors_spin.setToolTip(self.tr("UMAP n_neighbors: larger keeps more global "
                                               "structure"))
        self.min_dist_spin = QDoubleSpinBox()
        self.min_dist_spin.setRange(0.0, 1.0)
        self.min_dist_spin.setSingleStep(0.05)
        self.min_dist_spin.setValue(0.1)
        self.min_dist_spin.setToolTip(self.tr("UMAP min_dist: how tightly points may pack"))
        self.metric_combo = QComboBox()
        self.metric_combo.addItem(self.tr("cosine"), "cosine")
        self.metric_combo.addItem(self.tr("euclidean"), "euclidean")
        self.metric_combo.setToolTip(self.tr("Distance UMAP uses in the vector space"))
        self.x_neg_edit, self.x_pos_edit = QLineEdit("man he"), QLineEdit("woman she")
        self.y_neg_edit, self.y_pos_edit = QLineEdit("small little"), QLineEdit("big large")
        for edit in (self.x_neg_edit, self.x_pos_edit, self.y_neg_edit, self.y_pos_edit):
            edit.setToolTip(self.tr("One or more words; the axis runs from the mean of the left "
                                    "words to the mean of the right words"))
        self.three_d_check = QCheckBox(self.tr("3D (three components)"))
        gl_ok, gl_why = opengl_status()
        self._gl_reason = gl_why
        self.three_d_check.setEnabled(gl_ok)
        if gl_ok:
            self.three_d_check.setToolTip(self.tr("Compute three components and show a 3D view "
                                                  "(drag to rotate, scroll to zoom)"))
        else:
            self.three_d_check.setToolTip(gl_why)
        self.compute_button = QPushButton(self.tr("Compute map"))
        self.compute_button.setToolTip(self.tr("Compute the map in the background (Ctrl+M)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing; the current map stays"))
        self.cancel_button.setEnabled(False)
        self.estimate_label = QLabel()
        self.estimate_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.progress_bar.setTextVisible(True)

        params = QGroupBox(self.tr("Map"))
        form = QFormLayout(params)
        form.addRow(self.tr("Method"), self.method_combo)
        form.addRow(self.tr("Words"), self.top_spin)
        form.addRow(self.tr("View"), self.three_d_check)
        self._tsne_rows = [(self.tr("Perplexity"), self.perplexity_spin)]
        # UMAP's n_neighbors (a count, not the Neighbours tab): a context of its own.
        self._umap_rows = [(QCoreApplication.translate("ExploreUmapControls", "Neighbours"),
                            self.neighbors_spin),
                           (self.tr("Min. distance"), self.min_dist_spin),
                           (self.tr("Metric"), self.metric_combo)]
        self._axes_rows = [(self.tr("x from"), self.x_neg_edit), (self.tr("x to"), self.x_pos_edit),
                           (self.tr("y from"), self.y_neg_edit), (self.tr("y to"), self.y_pos_edit)]
        self._form = form
        for label, widget in self._tsne_rows + self._umap_rows + self._axes_rows:
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        form.addRow(self.estimate_label)
        form.addRow(self.progress_bar)

        self.colour_combo = QComboBox()
        for label, mode in ((self.tr("one colour"), "none"), (self.tr("frequency"), "frequency"),
                            (self.tr("k-means clusters"), "clusters"),
                            (self.tr("word lists"), "groups")):
            self.colour_combo.addItem(label, mode)
        self.colour_combo.setToolTip(self.tr("Colour the points"))
        self.clusters_spin = QSpinBox()
        self.clusters_spin.setRange(2, 100)
        self.clusters_spin.setValue(10)
        self.clusters_spin.setToolTip(self.tr("Number of k-means clusters (on the vectors, not "
                                              "the map)"))
        self.groups_edit = QLineEdit("days: monday tuesday wednesday; colours: red green blue")
        self.groups_edit.setToolTip(self.tr("Word lists as name: word word; name: word …"))
        look = QGroupBox(self.tr("Colour and search"))
        look_form = QFormLayout(look)
        look_form.addRow(self.tr("Colour by"), self.colour_combo)
        look_form.addRow(self.tr("Clusters"), self.clusters_spin)
        look_form.addRow(self.tr("Word lists"), self.groups_edit)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("find a word in the map (Ctrl+F)"))
        self.search_edit.setToolTip(self.tr("Highlight and centre a word"))
        look_form.addRow(self.tr("Search"), self.search_edit)

        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the picture (PNG, SVG) or the coordinates "
                                              "with neighbour lists (CSV)"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Picture as PNG…"),
                              lambda: self._on_export_image_clicked("png"))
        export_menu.addAction(self.tr("Picture as SVG…"),
                              lambda: self._on_export_image_clicked("svg"))
        export_menu.addAction(self.tr("Coordinates and neighbours as CSV…"),
                              self._on_export_csv_clicked)
        self.export_button.setMenu(export_menu)
        self.bookmark_button = QToolButton()
        self.bookmark_button.setText(self.tr("Bookmarks"))
        self.bookmark_button.setToolTip(self.tr("Save the current view and selection, or go back "
                                                "to one"))
        self.bookmark_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bookmark_menu = QMenu(self.bookmark_button)
        self.bookmark_button.setMenu(self.bookmark_menu)
        self._rebuild_bookmark_menu()

        self.map_view = EmbeddingMapView()
        self.map_info = QLabel()
        self.map_info.setWordWrap(True)
        map_bar = QHBoxLayout()
        map_bar.addWidget(self.map_info, 1)
        map_bar.addWidget(self.bookmark_button)
        map_bar.addWidget(self.export_button)
        map_side = QWidget()
        side = QVBoxLayout(map_side)
        side.setContentsMargins(0, 0, 0, 0)
        controls = QWidget()
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(params, 1)
        row.addWidget(look, 1)
        side.addWidget(_scrolling(controls))
        side.addLayout(map_bar)
        self.map_stack = QStackedWidget()
        self.map_stack.addWidget(self.map_view)
        side.addWidget(self.map_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(_scrolling(self.tools))
        self.splitter.addWidget(map_side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence("Ctrl+M"), self, self.compute_map)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self._on_method_changed()

    def _connect(self) -> None:
        self.load_button.clicked.connect(self._on_load_clicked)
        self.load_runner.finished.connect(self._on_vectors_loaded)
        self.load_runner.failed.connect(self._on_failed)
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        for w in (self.top_spin, self.perplexity_spin, self.neighbors_spin):
            w.valueChanged.connect(self._update_estimate)
        self.compute_button.clicked.connect(self.compute_map)
        self.cancel_button.clicked.connect(self.map_runner.cancel)
        self.map_runner.started.connect(lambda: self._set_map_busy(True))
        self.map_runner.done.connect(lambda: self._set_map_busy(False))
        self.map_runner.progress_changed.connect(self._on_map_progress)
        self.map_runner.finished.connect(self._on_map_finished)
        self.map_runner.cancelled.connect(self._on_map_cancelled)
        self.map_runner.failed.connect(self._on_failed)
        self.bookmark_runner.finished.connect(self._on_bookmarks_loaded)
        self.bookmark_runner.failed.connect(self._on_failed)
        self.cluster_runner.finished.connect(self._on_clusters_ready)
        self.cluster_runner.failed.connect(self._on_failed)
        self.colour_combo.currentIndexChanged.connect(self.apply_colour)
        self.clusters_spin.valueChanged.connect(self.apply_colour)
        self.groups_edit.editingFinished.connect(self.apply_colour)
        self.search_edit.returnPressed.connect(self._on_search)
        self.map_view.word_clicked.connect(self._on_map_word_clicked)
        self.map_view.selection_changed.connect(self._sync_3d_selection)
        self.three_d_check.toggled.connect(self._on_three_d_toggled)
        for view in self.tool_views():
            view.error_raised.connect(self.message_bar.show_error)
            view.info_raised.connect(self.message_bar.show_info)
            view.word_activated.connect(self.highlight_word)
            view.runner.started.connect(self.message_bar.clear)
        self.neighbours_view.runner.finished.connect(self._on_neighbours_found)

    def tool_views(self) -> list[ToolView]:
        """The query tools."""
        return [self.neighbours_view, self.analogy_view, self.compare_view, self.antonyms_view]

    def runners(self) -> list[TaskRunner]:
        """Every runner of the panel (for the window's job registry)."""
        return ([self.map_runner, self.load_runner, self.cluster_runner, self.warm_runner,
                 self.bookmark_runner, self.neighbours_view.runner]
                + self.analogy_view.runners() + [self.compare_view.runner,
                                                 self.antonyms_view.runner])

    # ------------------------------------------------------------------ vectors
    @Slot(object)
    def set_embeddings(self, emb: Embeddings | None,
                       oov_vector: Callable[[str], Any] | None = None) -> None:
        """Explore ``emb`` (``None``: nothing loaded); the current map is dropped."""
        if emb is not None and emb is self.embeddings:
            return
        self.map_runner.cancel()
        self.embeddings = emb
        self.oov_vector = oov_vector or getattr(emb, "oov_vector", None)
        for view in self.tool_views():
            view.set_embeddings(emb, self.oov_vector)
        self.projection = None
        self.map_view.clear()
        self._show_3d(False)
        self._bookmarks, self._bookmark_file, self._pending_bookmark = {}, None, None
        self._rebuild_bookmark_menu()
        if emb is None:
            self.bookmark_runner.cancel()
        else:
            ws = self._workspace()
            self.bookmark_runner.start(_bookmarks_job, emb,
                                       ws.root / "bookmarks" if ws is not None else None)
        self.compute_button.setEnabled(emb is not None)
        if emb is None:
            self.source_label.setText(self.tr("No vectors yet: train some in the Static "
                                              "training panel or load a vector file."))
            self.map_info.setText("")
        else:
            name = Path(emb.source).name if emb.source else self.tr("trained vectors")
            self.source_label.setText(self.tr("<b>{name}</b>: {n:,} words × {dim} dimensions"
                                              ).format(name=name, n=len(emb), dim=emb.dim))
            self.map_info.setText(self.tr("Choose a method and compute a map (Ctrl+M)."))
        self._update_estimate()

    def load_vectors(self, path: str | Path) -> None:
        """Load a vector file in the background and explore it."""
        self.message_bar.clear()
        self.load_runner.start(_load_job, str(path))

    @Slot()
    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load word vectors"), "",
            self.tr("Word vectors (*.txt *.vec *.bin *.gz *.bz2 *.xz);;All files (*)"))
        if path:
            self.load_vectors(path)

    @Slot(object)
    def _on_vectors_loaded(self, emb: Embeddings) -> None:
        self.set_embeddings(emb)

    # ------------------------------------------------------------------ map
    def method(self) -> str:
        """The chosen map method: ``pca``, ``tsne``, ``umap`` or ``axes``."""
        return str(self.method_combo.currentData())

    def set_method(self, method: str) -> None:
        """Choose the map method by name."""
        self.method_combo.setCurrentIndex(self.method_combo.findData(method))

    @Slot()
    def _on_method_changed(self) -> None:
        method = self.method()
        for rows, shown in ((self._tsne_rows, method == "tsne"), (self._umap_rows, method == "umap"),
                            (self._axes_rows, method == "axes")):
            for _label, widget in rows:
                self._form.setRowVisible(widget, shown)
        if method == "umap":
            self.warm_umap()
        self.three_d_check.setEnabled(method != "axes" and not self._gl_reason)
        self._update_estimate()

    def warm_umap(self) -> None:
        """Compile UMAP's code in the background the first time UMAP is chosen.

        numba compiles umap-learn on first use (about a minute on two cores);
        doing it while the user sets parameters hides most of it, and the
        compiled code is kept in the workspace cache for later sessions.
        """
        if self._umap_warmed:
            return
        self._umap_warmed = True
        ws = self._workspace()
        self.warm_runner.start(_warm_umap_job, ws.cache_dir / "numba" if ws is not None else None)

    def map_params(self) -> Any:
        """The :class:`ProjectionParams` the controls describe (not for semantic axes)."""
        from workbench.core.explore import ProjectionParams

        return ProjectionParams(method=self.method(), dims=3 if self.wants_3d() else 2,
                                top_n=self.top_spin.value() or None,
                                perplexity=self.perplexity_spin.value(),
                                n_neighbors=self.neighbors_spin.value(),
                                min_dist=self.min_dist_spin.value(),
                                metric=str(self.metric_combo.currentData()))

    def _map_size(self) -> int:
        if self.embeddings is None:
            return 0
        top = self.top_spin.value()
        return min(top, len(self.embeddings)) if top else len(self.embeddings)

    @Slot()
    def _update_estimate(self) -> None:
        if self.embeddings is None or self.method() == "axes":
            self.estimate_label.setText("")
            return
        from workbench.core.explore import estimate_seconds

        n = self._map_size()
        seconds = estimate_seconds(n, self.embeddings.dim, self.map_params())
        if seconds < 120:
            text = self.tr("{n:,} words: about {s:.0f} s on this machine.").format(n=n, s=seconds)
        else:
            text = self.tr("{n:,} words: about {m:.0f} min on this machine.").format(
                n=n, m=seconds / 60)
        self.estimate_label.setText(text)

    def compute_map(self) -> None:
        """Compute the map the controls describe, in the background."""
        emb = self.embeddings
        if emb is None:
            self.message_bar.show_error(self.tr("Load or train vectors first."))
            return
        self.message_bar.clear()
        if self.method() == "axes":
            self.map_runner.start(
                _axes_job, emb, (_words(self.x_neg_edit.text()), _words(self.x_pos_edit.text())),
                (_words(self.y_neg_edit.text()), _words(self.y_pos_edit.text())),
                self.top_spin.value() or None)
            return
        ws = self._workspace()
        cache = ws.cache_dir / "maps" if ws is not None else None
        self.map_runner.start(_map_job, emb, self.map_params(), cache)

    def _set_map_busy(self, busy: bool) -> None:
        self.compute_button.setEnabled(not busy and self.embeddings is not None)
        self.cancel_button.setEnabled(busy)
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setRange(0, 0)

    @Slot(float, str)
    def _on_map_progress(self, fraction: float, message: str) -> None:
        if fraction is not None and fraction >= 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(fraction * 1000))
        if message:
            self.progress_bar.setFormat(message[:80])

    @Slot(object)
    def _on_map_finished(self, result: tuple[Projection, PointGrid]) -> None:
        projection, index = result
        self.projection = projection
        emb = self.embeddings
        counts = None
        if emb is not None and emb.counts is not None:
            counts = emb.counts[[emb.index(w) for w in projection.words]] \
                if len(projection.words) != len(emb) else emb.counts
        self.map_view.set_points(np.asarray(projection.coords)[:, :2], list(projection.words),
                                 counts, index=index)
        what = self.tr("{method} of {n:,} words").format(
            method=_method_label(projection.params.method), n=len(projection.words))
        if projection.from_cache:
            origin = self.tr("from the cache")
        else:
            origin = self.tr("computed in {s:.1f} s").format(s=projection.seconds)
        if projection.explained_variance:
            variance = ", ".join(f"PC{i + 1} {v * 100:.1f}%"
                                 for i, v in enumerate(projection.explained_variance))
            text = self.tr("{map}; explained variance {variance}; {origin}. Scroll to zoom, drag "
                           "to pan, Shift-drag to select, click a word for its neighbours."
                           ).format(map=what, variance=variance, origin=origin)
        else:
            text = self.tr("{map}; {origin}. Scroll to zoom, drag to pan, Shift-drag to select, "
                           "click a word for its neighbours.").format(map=what, origin=origin)
        self.map_info.setText(text)
        self.apply_colour()
        self._update_3d(new_points=True)
        pending, self._pending_bookmark = self._pending_bookmark, None
        if pending is not None and pending in self._bookmarks:
            self._apply_bookmark_view(pending)
        self.map_changed.emit()

    @Slot(object)
    def _on_map_cancelled(self, _kept: object) -> None:
        self.message_bar.show_info(self.tr("The map was cancelled; the previous map is still "
                                           "shown."))

    def _map_state(self) -> tuple[list[str], np.ndarray] | None:
        p = self.projection
        return None if p is None else (list(p.words), np.asarray(p.coords))

    # ------------------------------------------------------------------ colour, search, clicks
    @Slot()
    def apply_colour(self) -> None:
        """Colour the map as the colour controls say."""
        mode = self.colour_combo.currentData()
        self.clusters_spin.setEnabled(mode == "clusters")
        self.groups_edit.setEnabled(mode == "groups")
        if self.projection is None:
            return
        if mode == "clusters" and self.embeddings is not None:
            self.cluster_runner.start(_clusters_job, self.embeddings, list(self.projection.words),
                                      self.clusters_spin.value())
            return
        if mode == "frequency":
            self.map_view.set_colour_mode("frequency")
        elif mode == "groups":
            try:
                groups = self.word_groups()
            except WorkbenchError as exc:
                self.message_bar.show_error(str(exc))
                return
            missing = self.map_view.set_word_groups(groups)
            if missing:
                words = ", ".join(missing[:20]) + (" …" if len(missing) > 20 else "")
                self.message_bar.show_warning(self.tr("Not in the map: {words}").format(
                    words=words))
        else:
            self.map_view.set_colour_mode("single")
        self._update_3d()

    def word_groups(self) -> dict[str, list[str]]:
        """The typed word lists (``name: w w; name: w``)."""
        groups: dict[str, list[str]] = {}
        for part in self.groups_edit.text().split(";"):
            if not part.strip():
                continue
            name, sep, words = part.partition(":")
            if not sep or not name.strip() or not _words(words):
                raise WorkbenchError(self.tr("'{part}' is not a word list: write name: word "
                                             "word; name: word …").format(part=part.strip()))
            groups[name.strip()] = _words(words)
        return groups

    @Slot(object)
    def _on_clusters_ready(self, labels: np.ndarray) -> None:
        if self.projection is not None and len(labels) == len(self.projection.words):
            self.map_view.set_labels(np.asarray(labels))
            self._update_3d()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot()
    def _on_search(self) -> None:
        word = self.search_edit.text().strip()
        if word and not self.highlight_word(word):
            self.message_bar.show_error(self.tr("'{word}' is not in the map.").format(word=word))

    @Slot(str)
    def highlight_word(self, word: str) -> bool:
        """Highlight and centre ``word`` in the map; ``False`` when it is not there."""
        if self.projection is None:
            return False
        found = bool(self.map_view.highlight_word(word))
        self._update_3d()
        return found

    @Slot(str)
    def _on_map_word_clicked(self, word: str) -> None:
        self.tools.setCurrentWidget(self.neighbours_view)
        self.neighbours_view.search(word)

    @Slot(object)
    def _on_neighbours_found(self, out: dict[str, Any]) -> None:
        p = self.projection
        if p is None:
            return
        result = out["result"]
        index = {w: i for i, w in enumerate(p.words)} if len(p.words) < 2_000_000 else {}
        rows = [index[n.word] for n in result.neighbours if n.word in index]
        self.map_view.set_highlighted(rows)
        self._update_3d()

    # ------------------------------------------------------------------ 3D
    def wants_3d(self) -> bool:
        """Whether the next map is computed with 3 components for the 3D view."""
        return (self.three_d_check.isChecked() and self.three_d_check.isEnabled()
                and self.method() != "axes")

    def showing_3d(self) -> bool:
        """Whether the 3D view is shown in place of the 2D map."""
        return self.map_view_3d is not None and self.map_stack.currentWidget() is self.map_view_3d

    def _show_3d(self, shown: bool) -> None:
        if shown and self.map_view_3d is None:
            self.map_view_3d = EmbeddingMap3DView()
            self.map_stack.addWidget(self.map_view_3d)
        target = self.map_view_3d if shown else self.map_view
        if target is not None:
            self.map_stack.setCurrentWidget(target)

    @Slot(bool)
    def _on_three_d_toggled(self, checked: bool) -> None:
        p = self.projection
        if p is not None and checked and p.params.dims != 3:
            self.map_info.setText(self.tr("Compute the map again (Ctrl+M) for three "
                                          "components."))
        self._update_3d(new_points=True)

    def _update_3d(self, new_points: bool = False) -> None:
        """Show the 3D view when the map has 3 components and 3D is on; keep it in step."""
        p = self.projection
        shown = (p is not None and p.coords.shape[1] == 3 and self.wants_3d())
        self._show_3d(shown)
        view = self.map_view_3d
        if not shown or view is None or p is None:
            return
        colours = self.map_view.point_colours()
        if new_points or view.point_count != len(p.words):
            view.set_points(np.asarray(p.coords), list(p.words), colours)
        else:
            view.set_colours(colours)
        view.set_highlighted(self.map_view.highlighted_rows)
        view.set_selected(self.map_view.selected_rows)

    @Slot(list)
    def _sync_3d_selection(self, _rows: list[Any]) -> None:
        if self.showing_3d() and self.map_view_3d is not None:
            self.map_view_3d.set_selected(self.map_view.selected_rows)

    # ------------------------------------------------------------------ export, bookmarks
    def _on_export_image_clicked(self, fmt: str) -> None:
        if self.projection is None:
            self.message_bar.show_error(self.tr("Compute a map first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the map"), f"map.{fmt}",
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            try:
                if self.showing_3d() and fmt == "png" and self.map_view_3d is not None:
                    self.map_view_3d.export_image(path)
                else:
                    self.map_view.export_image(path)
            except WorkbenchError as exc:
                self.message_bar.show_error(str(exc))

    def _on_export_csv_clicked(self) -> None:
        if self.projection is None:
            self.message_bar.show_error(self.tr("Compute a map first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export coordinates"), "map.csv",
                                              "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str | Path, k: int = 10) -> None:
        """Write the map's words, coordinates and each word's ``k`` nearest neighbours.

        With more than 20,000 words the neighbour lists are left out of the
        file (they would take minutes); the coordinates are always written.
        """
        emb, p = self.embeddings, self.projection
        if p is None:
            return
        neighbours = None
        if emb is not None and len(p.words) <= 20_000:
            from workbench.core.explore import nearest

            def neighbours(row: int) -> list[str]:
                return [n.word for n in nearest(emb, p.words[row], k=k).neighbours]

        self.map_view.export_csv(path, neighbours=neighbours)
        self.message_bar.show_info(self.tr("Wrote {n:,} rows to {path}.").format(
            n=len(p.words), path=path))

    def _rebuild_bookmark_menu(self) -> None:
        self.bookmark_menu.clear()
        self.bookmark_menu.addAction(self.tr("Bookmark this view…"), self._on_add_bookmark)
        if not self._bookmarks:
            return
        self.bookmark_menu.addSeparator()
        for name in self._bookmarks:
            action = self.bookmark_menu.addAction(name, lambda n=name: self.restore_bookmark(n))
            action.setToolTip(self.tr("Go back to the view and selection '{name}'").format(
                name=name))
        self.bookmark_menu.addSeparator()
        rename = self.bookmark_menu.addMenu(self.tr("Rename"))
        delete = self.bookmark_menu.addMenu(self.tr("Delete"))
        for name in self._bookmarks:
            rename.addAction(name, lambda n=name: self._on_rename_bookmark(n))
            delete.addAction(name, lambda n=name: self.delete_bookmark(n))

    def add_bookmark(self, name: str) -> None:
        """Remember the current map, view and selection under ``name`` (saved in the workspace)."""
        p = self.projection
        if p is None:
            return
        self._bookmarks[name] = {
            "map": p.params.to_dict() if p.params.method != "axes" else None,
            "view": json.loads(json.dumps(self.map_view.bookmark())),
        }
        self._bookmarks_changed()

    def restore_bookmark(self, name: str) -> None:
        """Go back to the map, view and selection bookmarked as ``name``.

        When the bookmark was made on another map (method or settings), that
        map is computed (usually a cache hit) and the view restored after it.
        """
        entry = self._bookmarks.get(name)
        if entry is None:
            return
        params = self._bookmark_params(entry)
        if params is not None and (self.projection is None or self.projection.params != params):
            self._set_map_controls(params)
            self._pending_bookmark = name
            self.compute_map()
            return
        self._apply_bookmark_view(name)

    def rename_bookmark(self, old: str, new: str) -> None:
        """Rename a bookmark (keeping its place in the list)."""
        new = new.strip()
        if old not in self._bookmarks or not new or new == old:
            return
        if new in self._bookmarks:
            self.message_bar.show_error(self.tr("There is already a bookmark called '{name}'."
                                                ).format(name=new))
            return
        self._bookmarks = {(new if k == old else k): v for k, v in self._bookmarks.items()}
        self._bookmarks_changed()

    def delete_bookmark(self, name: str) -> None:
        """Forget a bookmark."""
        if self._bookmarks.pop(name, None) is not None:
            self._bookmarks_changed()

    def bookmarks(self) -> list[str]:
        """The bookmark names, oldest first."""
        return list(self._bookmarks)

    @property
    def bookmark_file(self) -> Path | None:
        """Where the bookmarks of the loaded vectors are saved (``None``: not saved)."""
        return self._bookmark_file

    def _bookmark_params(self, entry: dict[str, Any]) -> Any:
        from workbench.core.explore import ProjectionParams
        from workbench.core.explore.projections import METHODS

        data = entry.get("map")
        if not isinstance(data, dict) or data.get("method") not in METHODS:
            return None
        try:
            return ProjectionParams.from_dict(data)
        except (WorkbenchError, TypeError):
            return None

    def _set_map_controls(self, params: Any) -> None:
        self.set_method(params.method)
        self.top_spin.setValue(params.top_n or 0)
        self.perplexity_spin.setValue(params.perplexity)
        self.neighbors_spin.setValue(params.n_neighbors)
        self.min_dist_spin.setValue(params.min_dist)
        index = self.metric_combo.findData(params.metric)
        if index >= 0:
            self.metric_combo.setCurrentIndex(index)
        if self.three_d_check.isEnabled():
            self.three_d_check.setChecked(params.dims == 3)

    def _apply_bookmark_view(self, name: str) -> None:
        entry = self._bookmarks[name]
        try:
            self.map_view.restore(entry["view"])
        except WorkbenchError as exc:
            self.message_bar.show_error(self.tr("Bookmark '{name}': {error}").format(
                name=name, error=exc))
        self._update_3d()

    def _bookmarks_changed(self) -> None:
        self._rebuild_bookmark_menu()
        self._save_bookmarks()

    def _save_bookmarks(self) -> None:
        path, emb = self._bookmark_file, self.embeddings
        if path is None or emb is None:
            return          # no workspace, or the file name is still being worked out
        from workbench.core.workspace import atomic_write

        data = {"version": BOOKMARKS_VERSION, "source": emb.source, "words": len(emb),
                "bookmarks": self._bookmarks}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(path, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1)
        except OSError as exc:
            self.message_bar.show_warning(self.tr(
                "The bookmarks could not be saved in {path} ({reason}); they last until you "
                "close the app.").format(path=path, reason=exc.strerror or exc))

    @Slot(object)
    def _on_bookmarks_loaded(self, result: tuple[Path | None, dict[str, Any], str]) -> None:
        path, loaded, warning = result
        unsaved = self._bookmarks      # made while the file name was being worked out
        self._bookmark_file = path
        self._bookmarks = {**loaded, **unsaved}
        if warning:
            self.message_bar.show_warning(warning)
        self._rebuild_bookmark_menu()
        if unsaved:
            self._save_bookmarks()

    def _on_add_bookmark(self) -> None:
        if self.projection is None:
            self.message_bar.show_error(self.tr("Compute a map first."))
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Bookmark"), self.tr("Name of this view:"),
            text=self.tr("View {n}").format(n=len(self._bookmarks) + 1))
        if ok and name.strip():
            self.add_bookmark(name.strip())

    def _on_rename_bookmark(self, old: str) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Rename bookmark"), self.tr("New name:"),
                                        text=old)
        if ok:
            self.rename_bookmark(old, name)

    # ------------------------------------------------------------------ errors
    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        show_job_error(self, self.message_bar.show_error, error, details)


def main() -> int:
    """Run the panel alone on vectors trained on the bundled corpus (or a file argument)."""
    from workbench.ui.preview import run_preview

    return run_preview(ExplorePanel, ExplorePanel.load_vectors)


if __name__ == "__main__":
    import sys

    sys.exit(main())
