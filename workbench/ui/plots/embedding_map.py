"""Embedding map: a 2-D scatter of words that stays fast with a million points.

:class:`EmbeddingMapView` draws only what is in view.  When the view holds more
than ``point_threshold`` points it shows one density image (a log-scaled 2-D
histogram at about screen resolution, read from the precomputed pyramid of
:class:`workbench.core.spatial.PointGrid`); below it, the points in view as one
reused scatter item plus a bounded pool of word labels.  View changes are
coalesced by a single-shot timer, hover and click use the grid index (never
per-point hover items), and selections, highlights, colours, bookmarks and
exports work at any zoom.

The widget takes plain arrays (``coords`` ``(n, 2)``, a word list, optional
counts); it knows nothing of projections.  Its status line, legend, help and
the errors a user can cause are translated (context ``EmbeddingMapView``);
errors only a wrong call can cause, and the exported CSV and SVG, stay English.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from workbench.core.errors import ParameterError
from workbench.core.spatial import PointGrid
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

__all__ = [
    "CATEGORY_COLOURS",
    "COLOUR_MODES",
    "OTHER_COLOUR",
    "POINT_THRESHOLD",
    "SINGLE_COLOUR",
    "EmbeddingMapView",
]

#: Above this many points in view the map shows a density image instead of points.
POINT_THRESHOLD = 20_000
#: Word labels drawn at most (the pool of text items never grows beyond this).
MAX_LABELS = 40
#: Most frequent words in view that get a label in points mode.
TOP_K = 12
#: Hover and click find the nearest point within this many pixels.
HOVER_PX = 8.0
CLICK_PX = 6.0
#: View changes are drawn at most this often (milliseconds).
REFRESH_MS = 30
#: The word under the mouse is looked up at most this often (milliseconds).
HOVER_MS = 30
#: Screen pixels per density bin (per axis).
DENSITY_BIN_PX = 2
#: Selected or highlighted points drawn at most (the rest still count as selected).
OVERLAY_LIMIT = 20_000
POINT_SIZE = 6
FREQUENCY_LEVELS = 32

COLOUR_MODES = ("single", "frequency", "labels", "groups")
SINGLE_COLOUR = "#1f6fb4"
OTHER_COLOUR = "#c8c8c8"
#: Categorical palette for cluster labels and word groups (label ``k`` gets ``k % 20``).
CATEGORY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#e6550d", "#31a354", "#756bb1", "#636363",
)
_FREQUENCY_STOPS = ((0.0, "#9ecae1"), (0.5, "#3182bd"), (1.0, "#08306b"))
_DENSITY_STOPS = ((0.0, "#deebf7"), (0.35, "#6baed6"), (0.7, "#2171b5"), (1.0, "#08306b"))
_LEGEND_MAX = 12


def _ramp(stops: Sequence[tuple[float, str]], values: NDArray[np.float64]) -> NDArray[np.uint8]:
    """RGB colours (``(len(values), 3)`` uint8) along ``stops`` at ``values`` in [0, 1]."""
    pos = np.array([p for p, _ in stops])
    rgb = np.array([QColor(c).getRgb()[:3] for _, c in stops], dtype=np.float64)
    out = np.stack([np.interp(values, pos, rgb[:, k]) for k in range(3)], axis=1)
    return np.round(out).astype(np.uint8)


def _density_lut() -> NDArray[np.uint8]:
    lut = np.zeros((256, 4), dtype=np.uint8)
    lut[1:, :3] = _ramp(_DENSITY_STOPS, np.linspace(0.0, 1.0, 255))
    lut[1:, 3] = 255
    return lut  # entry 0 (empty bins) stays transparent


class _PaletteScatter(pg.ScatterPlotItem):
    """A ScatterPlotItem fed from a small palette of brushes without per-point Python work.

    ``ScatterPlotItem.setData`` looks every point's style up in its symbol atlas
    one by one (about 3 µs a point).  Here the atlas is asked once per palette
    entry and the record array is filled with numpy; drawing, export, bounds
    and ``getData()`` are the base class's.  Falls back to ``setData`` where
    the base class does not keep the expected record fields.
    """

    _FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"x", "y", "size", "symbol", "pen", "brush", "visible", "data", "hovered", "item",
         "sourceRect"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        names = set(self.data.dtype.names or ())
        self._fast = self._FIELDS <= names
        # Record arrays with object fields are slow to allocate (about 1 µs a
        # record), so the records live in a buffer that only ever grows.
        self._buffer = np.empty(0, dtype=self.data.dtype)

    def set_palette_points(self, x: NDArray[np.float64], y: NDArray[np.float64],
                           index: NDArray[np.integer] | None,
                           brushes: NDArray[np.object_]) -> None:
        """Show points ``(x[i], y[i])`` filled with ``brushes[index[i]]`` (index None: brush 0)."""
        n = len(x)
        if index is None:
            index = np.zeros(n, dtype=np.intp)
        fast = self._fast and self.opts["pxMode"] and self.opts["useCache"]
        if not fast:
            self.setData(x=x, y=y, brush=list(brushes[index]))
            return
        styles = [(self.opts["symbol"], self.opts["size"], self.opts["pen"], b) for b in brushes]
        coords = self.fragmentAtlas[styles]  # renders new palette entries only
        rect_dtype = self.data.dtype["sourceRect"]
        rects = np.array([tuple(c) for c in coords], dtype=rect_dtype)
        self.data["item"] = None  # drop SpotItems that refer to the old records
        if len(self._buffer) < n:
            self._buffer = np.empty(max(n, 2 * len(self._buffer), 1024), dtype=self.data.dtype)
        data = self._buffer[:n]
        for name in ("symbol", "pen", "data", "item"):
            data[name] = None
        data["x"] = x
        data["y"] = y
        data["size"] = -1
        data["visible"] = True
        data["hovered"] = False
        data["brush"] = brushes[index]
        data["sourceRect"] = rects[index]
        self.data = data
        self._updateMaxSpotSizes(data=data)
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()
        self.sigPlotChanged.emit(self)

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()  # clicks are the map's (nearest point via the grid), not SpotItems'


class _MapViewBox(pg.ViewBox):
    """ViewBox whose 'view all' means the data bounds and whose modified drags select."""

    sigLeftClicked = Signal(object)  # MouseClickEvent
    sigRectSelected = Signal(object)  # (x0, x1, y0, y1) in data coordinates
    sigLassoSelected = Signal(object)  # (m, 2) array of data coordinates

    def __init__(self) -> None:
        super().__init__()
        self.data_bounds: tuple[float, float, float, float] | None = None
        #: Modifiers held when the mouse button went down (set by the plot widget).
        self.press_modifiers = Qt.KeyboardModifier.NoModifier
        self._drag_mode: str | None = None
        self._lasso: list[QPointF] = []
        pen = QPen(QColor("#d62728"))
        pen.setCosmetic(True)
        pen.setWidthF(1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        self._box_item = QGraphicsRectItem()
        self._box_item.setPen(pen)
        self._box_item.setBrush(QBrush(QColor(214, 39, 40, 30)))
        self._box_item.setZValue(1e6)
        self._box_item.hide()
        self._lasso_item = QGraphicsPathItem()
        self._lasso_item.setPen(pen)
        self._lasso_item.setBrush(QBrush(QColor(214, 39, 40, 30)))
        self._lasso_item.setZValue(1e6)
        self._lasso_item.hide()
        self.addItem(self._box_item, ignoreBounds=True)
        self.addItem(self._lasso_item, ignoreBounds=True)

    def childrenBounds(self, frac: Any = None, orthoRange: Any = (None, None),
                       items: Any = None) -> list[Any]:
        if self.data_bounds is None:
            return [None, None]
        x0, x1, y0, y1 = self.data_bounds
        return [[x0, x1], [y0, y1]]

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.sigLeftClicked.emit(ev)
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev: Any, axis: Any = None) -> None:
        if ev.isStart() and axis is None and ev.button() == Qt.MouseButton.LeftButton:
            mods = ev.modifiers() | self.press_modifiers
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self._drag_mode = "box"
            elif mods & Qt.KeyboardModifier.ControlModifier:
                self._drag_mode = "lasso"
                self._lasso = [self.mapToView(ev.buttonDownPos())]
            else:
                self._drag_mode = None
        if self._drag_mode is None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        start = self.mapToView(ev.buttonDownPos())
        here = self.mapToView(ev.pos())
        if self._drag_mode == "box":
            rect = QRectF(start, here).normalized()
            if ev.isFinish():
                self._box_item.hide()
                self._drag_mode = None
                self.sigRectSelected.emit((rect.left(), rect.right(), rect.top(), rect.bottom()))
            else:
                self._box_item.setRect(rect)
                self._box_item.show()
            return
        self._lasso.append(here)
        if ev.isFinish():
            self._lasso_item.hide()
            self._drag_mode = None
            points = np.array([(p.x(), p.y()) for p in self._lasso], dtype=np.float64)
            self._lasso = []
            self.sigLassoSelected.emit(points)
        else:
            path = QPainterPath(self._lasso[0])
            for p in self._lasso[1:]:
                path.lineTo(p)
            path.closeSubpath()
            self._lasso_item.setPath(path)
            self._lasso_item.show()


class _MapPlotWidget(pg.PlotWidget):
    """PlotWidget with the map's keys: Home/R show everything, Esc clears the selection."""

    def __init__(self, parent: QWidget, view_box: _MapViewBox, on_reset: Callable[[], None],
                 on_escape: Callable[[], None], on_leave: Callable[[], None]) -> None:
        super().__init__(parent, background="w", viewBox=view_box)
        self._view_box = view_box
        self._on_reset = on_reset
        self._on_escape = on_escape
        self._on_leave = on_leave

    def leaveEvent(self, ev: QEvent) -> None:
        self._on_leave()
        super().leaveEvent(ev)

    def mousePressEvent(self, ev: QMouseEvent) -> None:
        self._view_box.press_modifiers = ev.modifiers()
        super().mousePressEvent(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        key = ev.key()
        plain = not (ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_Home or (key == Qt.Key.Key_R and plain):
            self._on_reset()
            ev.accept()
        elif key == Qt.Key.Key_Escape:
            self._on_escape()
            ev.accept()
        else:
            super().keyPressEvent(ev)


class EmbeddingMapView(QWidget):
    """Interactive 2-D map of words for up to millions of points.

    Parameters
    ----------
    parent
        Parent widget.
    point_threshold
        Points are drawn one by one when at most this many are in view;
        above it the map shows a density image.
    max_labels
        Size of the word-label pool (selection, highlight and top-k labels together).
    top_k
        Number of most frequent words in view that get a label (points mode).
    lock_aspect
        Keep one unit of x as long as one unit of y on screen (default True:
        distances in a projection mean the same in both directions).

    Signals
    -------
    word_clicked(str)
        A point was clicked (nearest within a few pixels).
    selection_changed(list)
        The selected rows changed (click, box, lasso, Esc, or a call).
    word_hovered(str)
        The word under the mouse, or "" when there is none.
    view_updated()
        The map has been redrawn for the current view.

    Attributes
    ----------
    plot : pyqtgraph.PlotWidget
        The plot; its viewport receives the mouse.
    view_box : pyqtgraph.ViewBox
    scatter : pyqtgraph.ScatterPlotItem
        The points in view (points mode); ``scatter.getData()`` gives them.
    image : pyqtgraph.ImageItem
        The density image (density mode): ``log1p`` of the counts, row 0 at the
        bottom; the raw counts are :attr:`density`.
    """

    word_clicked = Signal(str)
    selection_changed = Signal(list)
    word_hovered = Signal(str)
    view_updated = Signal()

    def __init__(self, parent: QWidget | None = None, *, point_threshold: int = POINT_THRESHOLD,
                 max_labels: int = MAX_LABELS, top_k: int = TOP_K,
                 lock_aspect: bool = True) -> None:
        super().__init__(parent)
        self.point_threshold = int(point_threshold)
        self.max_labels = int(max_labels)
        self.top_k = int(top_k)

        self.view_box = _MapViewBox()
        self.plot = _MapPlotWidget(self, self.view_box, self.reset_view, self.clear_selection,
                                   self._on_mouse_left)
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=False)
        item.hideButtons()  # its auto-range "A" would fight the density image's bounds
        item.getAxis("left").setWidth(48)
        item.getAxis("bottom").setHeight(32)
        if lock_aspect:
            self.view_box.setAspectLocked(True, 1.0)
        self.view_box.disableAutoRange()

        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(_density_lut())
        self.image.setZValue(-10)
        self.image.hide()
        self.scatter = _PaletteScatter(pxMode=True, size=POINT_SIZE, pen=pg.mkPen(None),
                                       brush=pg.mkBrush(SINGLE_COLOUR), antialias=True)
        self.selection_item = _PaletteScatter(pxMode=True, size=POINT_SIZE + 5,
                                              pen=pg.mkPen("#d62728", width=2),
                                              brush=pg.mkBrush(None))
        self.selection_item.setZValue(5)
        self.highlight_item = _PaletteScatter(pxMode=True, size=POINT_SIZE + 6,
                                              pen=pg.mkPen("#000000", width=1.5),
                                              brush=pg.mkBrush("#ff9f1c"))
        self.highlight_item.setZValue(6)
        self.hover_item = pg.ScatterPlotItem(pxMode=True, size=POINT_SIZE + 8,
                                             pen=pg.mkPen("#000000", width=2),
                                             brush=pg.mkBrush(None))
        self.hover_item.setZValue(7)
        self.hover_label = pg.TextItem("", color="#000000", anchor=(0.0, 1.0),
                                       fill=pg.mkBrush(255, 255, 255, 230),
                                       border=pg.mkPen("#777777"))
        self.hover_label.setZValue(30)
        self.hover_label.hide()
        for it in (self.image, self.scatter, self.selection_item, self.highlight_item,
                   self.hover_item, self.hover_label):
            self.view_box.addItem(it, ignoreBounds=True)
        self._label_pool: list[pg.TextItem] = []
        self.legend = pg.LegendItem(offset=(-10, 10), labelTextColor="#222222",
                                    brush=pg.mkBrush(255, 255, 255, 210),
                                    pen=pg.mkPen("#bbbbbb"))
        self.legend.setParentItem(self.view_box)
        self.legend.hide()
        self._legend_samples: list[pg.ScatterPlotItem] = []

        self.status = QLabel(self)
        help_text = self.tr(
            "Wheel: zoom · drag: pan · click: select a word (Ctrl+click: add or remove) · "
            "Shift+drag: select a rectangle · Ctrl+drag: lasso · Home or R: show everything · "
            "Esc: clear the selection. Zoomed out, the map shows point density; colours and words "
            "appear once at most {threshold:,} points are in view.").format(
            threshold=self.point_threshold)
        self.status.setToolTip(self.tr("How many points are in view, and what the colours mean.")
                               + "\n" + help_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.view_box.sigRangeChanged.connect(self._schedule_refresh)
        self.view_box.sigResized.connect(self._schedule_refresh)
        self.view_box.sigLeftClicked.connect(self._on_left_clicked)
        self.view_box.sigRectSelected.connect(self._on_rect_selected)
        self.view_box.sigLassoSelected.connect(self._on_lasso_selected)
        # Hover lookups at most every HOVER_MS, on the latest position (a timer owned
        # by the widget, so nothing fires after it is gone).
        self._hover_pos: QPointF | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_MS)
        self._hover_timer.timeout.connect(self._update_hover)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self._reset_data()
        self._colour_mode = "single"
        self._cluster_labels: NDArray[np.int64] | None = None
        self._groups: dict[str, list[str]] = {}
        self._set_palette_single()
        self._refresh()

    # -- data ---------------------------------------------------------------------
    def _reset_data(self) -> None:
        self._xy = np.zeros((0, 2), dtype=np.float64)
        self._digits = 9
        self._words: list[str] = []
        self._counts: NDArray[np.int64] | None = None
        self._priority = np.zeros(0, dtype=np.float64)
        self._grid: PointGrid | None = None
        self._word_index: dict[str, int] | None = None
        self._selected = np.zeros(0, dtype=np.int64)
        self._highlighted = np.zeros(0, dtype=np.int64)
        self._mode = "empty"
        self._visible_count = 0
        self._visible_rows: NDArray[np.int64] | None = None
        self._density: NDArray[np.int64] | None = None
        self._hover_row = -1
        self.hover_item.setData([], [])
        self.hover_label.hide()
        self._colour_index: NDArray[np.intp] | None = None

    def set_points(self, coords: ArrayLike, words: Sequence[str],
                   counts: ArrayLike | None = None, index: PointGrid | None = None) -> None:
        """Show ``words`` at ``coords`` and fit the view to them.

        Parameters
        ----------
        coords
            ``(n, 2)`` finite map coordinates, one row per word.
        words
            ``n`` words (row ``i`` of ``coords`` is ``words[i]``).
        counts
            Optional corpus frequencies (``n`` values): used for the top-k
            labels, the frequency colouring and the CSV export.  Without
            them, lower rows count as more frequent (vocabularies are stored
            most frequent first).
        index
            A :class:`~workbench.core.spatial.PointGrid` already built from
            ``coords`` (for example in the worker thread that computed the
            projection); built here when not given.

        Raises
        ------
        ParameterError
            If the shapes disagree or a coordinate is not finite.

        Notes
        -----
        Building the grid index costs ``O(n log n)`` (about half a second for a
        million points); pass ``index`` to do it off the GUI thread.  The
        selection, highlight and cluster labels are cleared.
        """
        xy = np.asarray(coords)
        digits = 9 if xy.dtype == np.float32 else 17
        if index is None:
            grid = PointGrid(xy)  # validates the shape and finiteness
        else:
            grid = index
            if xy.ndim != 2 or xy.shape[0] != grid.n:
                raise ParameterError(f"The index was built for {grid.n:,} points but the map "
                                     f"got coordinates of shape {xy.shape}.")
        words = list(words)
        if len(words) != grid.n:
            raise ParameterError(f"The map has {grid.n:,} coordinates but {len(words):,} words; "
                                 "give one word per row.")
        cnt = None
        if counts is not None:
            cnt = np.asarray(counts, dtype=np.int64).reshape(-1)
            if len(cnt) != grid.n:
                raise ParameterError(f"The map has {grid.n:,} words but {len(cnt):,} counts; "
                                     "give one count per word.")
        old_selected = len(self._selected) > 0
        self._reset_data()
        self._xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        self._digits = digits
        self._words = words
        self._counts = cnt
        self._priority = (cnt.astype(np.float64) if cnt is not None
                          else -np.arange(grid.n, dtype=np.float64))
        self._grid = grid
        self._cluster_labels = None
        self.view_box.data_bounds = grid.bounds if grid.n else None
        self._apply_colour_mode(self._colour_mode if self._colour_mode != "labels" else "single")
        self.reset_view()
        self._refresh()
        if old_selected:
            self.selection_changed.emit([])

    def clear(self) -> None:
        """Remove all points (the map shows nothing; ``mode == 'empty'``)."""
        had_selection = len(self._selected) > 0
        self._reset_data()
        self._cluster_labels = None
        self.view_box.data_bounds = None
        self._apply_colour_mode("single" if self._colour_mode == "labels" else self._colour_mode)
        self._refresh()
        if had_selection:
            self.selection_changed.emit([])

    # -- introspection ------------------------------------------------------------------
    @property
    def mode(self) -> str:
        """What is drawn: ``'points'``, ``'density'`` or ``'empty'``."""
        return self._mode

    @property
    def point_count(self) -> int:
        """Number of points on the map."""
        return len(self._words)

    @property
    def visible_point_count(self) -> int:
        """Number of points inside the view rectangle at the last redraw (exact)."""
        return self._visible_count

    @property
    def visible_rows(self) -> NDArray[np.int64] | None:
        """Rows drawn as points (ascending) in points mode; None otherwise."""
        return self._visible_rows

    @property
    def index(self) -> PointGrid | None:
        """The grid index over the points (None when empty)."""
        return self._grid

    @property
    def density(self) -> NDArray[np.int64] | None:
        """Raw counts behind :attr:`image` in density mode (the image shows ``log1p``)."""
        return self._density

    @property
    def density_rect(self) -> tuple[float, float, float, float] | None:
        """``(x0, x1, y0, y1)`` covered by the density image, in density mode."""
        if self._mode != "density":
            return None
        r = self.image.mapRectToParent(self.image.boundingRect())
        return (r.left(), r.right(), r.top(), r.bottom())

    @property
    def selected_rows(self) -> list[int]:
        """Selected rows, ascending."""
        return self._selected.tolist()

    @property
    def highlighted_rows(self) -> list[int]:
        """Highlighted rows, ascending."""
        return self._highlighted.tolist()

    @property
    def hovered_row(self) -> int:
        """Row under the mouse (-1: none)."""
        return self._hover_row

    @property
    def refresh_pending(self) -> bool:
        """Whether a redraw for a view change is waiting on the timer."""
        return self._timer.isActive()

    @property
    def colour_mode(self) -> str:
        """One of :data:`COLOUR_MODES`."""
        return self._colour_mode

    def label_texts(self) -> list[str]:
        """The word labels shown now."""
        return [t.toPlainText() for t in self._label_pool if t.isVisible()]

    def word(self, row: int) -> str:
        """The word of ``row``."""
        return self._words[row]

    def row_of(self, word: str) -> int | None:
        """Row of ``word`` (exact match), or None."""
        if self._word_index is None:
            self._word_index = {w: i for i, w in reversed(list(enumerate(self._words)))}
        return self._word_index.get(word)

    def coords_of(self, row: int) -> tuple[float, float]:
        """Map coordinates of ``row``."""
        return float(self._xy[row, 0]), float(self._xy[row, 1])

    # -- view -------------------------------------------------------------------------
    def view_rect(self) -> tuple[float, float, float, float]:
        """The visible data rectangle ``(x0, x1, y0, y1)``."""
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return float(x0), float(x1), float(y0), float(y1)

    def pixel_size(self) -> tuple[float, float]:
        """Data units per screen pixel along x and y."""
        x0, x1, y0, y1 = self.view_rect()
        w = max(self.view_box.width(), 1.0)
        h = max(self.view_box.height(), 1.0)
        return (x1 - x0) / w, (y1 - y0) / h

    def set_view(self, x0: float, x1: float, y0: float, y1: float) -> None:
        """Show the rectangle ``[x0, x1] × [y0, y1]`` (widened to keep the aspect, if locked)."""
        self.view_box.setRange(xRange=(float(x0), float(x1)), yRange=(float(y0), float(y1)),
                               padding=0.0)

    def reset_view(self) -> None:
        """Fit the view to all points (Home / R)."""
        if self._grid is None or self._grid.n == 0:
            self.view_box.setRange(xRange=(0.0, 1.0), yRange=(0.0, 1.0), padding=0.0)
            return
        x0, x1, y0, y1 = self._grid.bounds
        pad_x = (x1 - x0) * 0.03 or 0.5
        pad_y = (y1 - y0) * 0.03 or 0.5
        self.set_view(x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y)

    def centre_on(self, row: int, zoom_in: bool = True) -> None:
        """Centre the view on ``row``; with ``zoom_in``, zoom until points (not density) show."""
        x, y = self.coords_of(row)
        x0, x1, y0, y1 = self.view_rect()
        w, h = x1 - x0, y1 - y0
        if zoom_in and self._grid is not None:
            bx0, bx1, by0, by1 = self._grid.bounds
            smallest = 1e-6 * max(bx1 - bx0, by1 - by0, 1e-12)
            while min(w, h) / 2 >= smallest and self._grid.count_upper(
                    (x - w / 2, x + w / 2, y - h / 2, y + h / 2)) > self.point_threshold:
                w, h = w / 2, h / 2
        self.set_view(x - w / 2, x + w / 2, y - h / 2, y + h / 2)

    def refresh_now(self) -> None:
        """Redraw for the current view at once (instead of after the timer)."""
        self._refresh()

    # -- picking ------------------------------------------------------------------------
    def row_at(self, x: float, y: float, radius_px: float = HOVER_PX) -> int:
        """Row nearest (on screen) to data point ``(x, y)`` within ``radius_px`` pixels, or -1."""
        if self._grid is None:
            return -1
        px, py = self.pixel_size()
        return self._grid.nearest(x, y, radius_px * px, radius_px * py)

    def word_at(self, x: float, y: float, radius_px: float = HOVER_PX) -> str | None:
        """Word nearest to data point ``(x, y)`` within ``radius_px`` pixels, or None."""
        row = self.row_at(x, y, radius_px)
        return None if row < 0 else self._words[row]

    # -- selection and highlight ---------------------------------------------------------
    def _rows(self, rows: ArrayLike) -> NDArray[np.int64]:
        arr = np.unique(np.asarray(rows, dtype=np.int64).reshape(-1))
        return arr[(arr >= 0) & (arr < self.point_count)]

    def set_selected(self, rows: ArrayLike) -> None:
        """Select ``rows`` (rows off the map are ignored); emits ``selection_changed`` on change."""
        arr = self._rows(rows)
        if np.array_equal(arr, self._selected):
            return
        self._selected = arr
        self._update_overlays()
        self.selection_changed.emit(arr.tolist())

    def clear_selection(self) -> None:
        """Select nothing (Esc)."""
        self.set_selected([])

    def select_rect(self, x0: float, x1: float, y0: float, y1: float) -> list[int]:
        """Select the points with ``x0 <= x <= x1`` and ``y0 <= y <= y1``; return their rows."""
        if self._grid is None:
            return []
        rect = (min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1))
        self.set_selected(self._grid.rows_in_rect(rect))
        return self.selected_rows

    def select_polygon(self, polygon: ArrayLike) -> list[int]:
        """Select the points inside ``polygon`` (``(m, 2)`` data coordinates); return their rows."""
        if self._grid is None:
            return []
        self.set_selected(self._grid.rows_in_polygon(polygon))
        return self.selected_rows

    def set_highlighted(self, rows: ArrayLike) -> None:
        """Highlight ``rows`` (drawn on top, labelled, in both modes); does not move the view."""
        self._highlighted = self._rows(rows)
        self._update_overlays()

    def highlight_word(self, word: str) -> bool:
        """Highlight ``word`` and centre the view on it (zooming in to points); False if unknown."""
        row = self.row_of(word)
        if row is None:
            return False
        self.set_highlighted([row])
        self.centre_on(row)
        self._refresh()
        return True

    # -- colours --------------------------------------------------------------------------
    def set_colour_mode(self, mode: str) -> None:
        """Colour points by ``'single'``, ``'frequency'``, ``'labels'`` or ``'groups'``.

        Raises
        ------
        ParameterError
            For an unknown mode, or ``'labels'`` before :meth:`set_labels`.
        """
        if mode not in COLOUR_MODES:
            raise ParameterError(f"Unknown colour mode {mode!r}; use one of "
                                 f"{', '.join(COLOUR_MODES)}.")
        if mode == "labels" and self._cluster_labels is None:
            raise ParameterError("Colouring by cluster needs cluster labels first "
                                 "(set_labels).")
        self._apply_colour_mode(mode)
        self._refresh()

    def set_labels(self, labels: ArrayLike | None) -> None:
        """Colour by integer ``labels`` (one per point; negative: unassigned, grey).

        None removes them (and returns to single colour if they were shown).
        """
        if labels is None:
            self._cluster_labels = None
            if self._colour_mode == "labels":
                self.set_colour_mode("single")
            return
        arr = np.asarray(labels).reshape(-1)
        if len(arr) != self.point_count:
            raise ParameterError(f"Got {len(arr):,} cluster labels for {self.point_count:,} "
                                 "points; give one label per point.")
        if arr.size and not np.issubdtype(arr.dtype, np.integer) and (
                not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr))):
            raise ParameterError("Cluster labels must be whole numbers.")
        self._cluster_labels = arr.astype(np.int64)
        self.set_colour_mode("labels")

    def set_word_groups(self, groups: Mapping[str, Sequence[str]]) -> list[str]:
        """Colour the words of each named list (in order) and the rest grey.

        A word in several lists takes the colour of the first.  Returns the
        words that are not on the map.
        """
        self._groups = {str(k): [str(w) for w in v] for k, v in groups.items()}
        missing = [w for ws in self._groups.values() for w in ws if self.row_of(w) is None]
        self._apply_colour_mode("groups")
        self._refresh()
        return missing

    def point_colours(self) -> NDArray[np.uint8]:
        """The fill colour of every point in the current colour mode, ``(n, 4)`` RGBA."""
        palette = np.array([QColor(b.color()).getRgb() for b in self._brushes], dtype=np.uint8)
        if self._colour_index is None:
            return np.repeat(palette[:1], self.point_count, axis=0)
        return palette[np.asarray(self._colour_index, dtype=np.intp)]

    def colour_of_row(self, row: int) -> QColor:
        """The fill colour of ``row`` in the current colour mode."""
        index = 0 if self._colour_index is None else int(self._colour_index[row])
        return QColor(self._brushes[index].color())

    def _set_palette_single(self) -> None:
        self._brushes = np.empty(1, dtype=object)
        self._brushes[0] = pg.mkBrush(SINGLE_COLOUR)
        self._colour_index = None
        self._legend_entries: list[tuple[str, str]] = []

    def _apply_colour_mode(self, mode: str) -> None:
        n = self.point_count
        self._colour_mode = mode
        if mode == "single" or (n == 0 and mode != "groups"):
            self._set_palette_single()
        elif mode == "frequency":
            if self._counts is not None:
                v = np.log1p(np.maximum(self._counts, 0).astype(np.float64))
            else:
                v = -np.log1p(np.arange(n, dtype=np.float64))
            lo, hi = float(v.min()), float(v.max())
            t = (v - lo) / (hi - lo) if hi > lo else np.ones(n)
            index = np.minimum((t * FREQUENCY_LEVELS).astype(np.intp), FREQUENCY_LEVELS - 1)
            rgb = _ramp(_FREQUENCY_STOPS, (np.arange(FREQUENCY_LEVELS) + 0.5) / FREQUENCY_LEVELS)
            self._brushes = np.empty(FREQUENCY_LEVELS, dtype=object)
            for k in range(FREQUENCY_LEVELS):
                self._brushes[k] = pg.mkBrush(*rgb[k].tolist())
            self._colour_index = index
            self._legend_entries = [(self.tr("rare"), QColor(*rgb[0].tolist()).name()),
                                    (self.tr("frequent"), QColor(*rgb[-1].tolist()).name())]
        elif mode == "labels":
            labels = self._cluster_labels
            assert labels is not None
            self._brushes = np.empty(len(CATEGORY_COLOURS) + 1, dtype=object)
            self._brushes[0] = pg.mkBrush(OTHER_COLOUR)
            for k, c in enumerate(CATEGORY_COLOURS):
                self._brushes[k + 1] = pg.mkBrush(c)
            self._colour_index = np.where(labels < 0, 0,
                                          labels % len(CATEGORY_COLOURS) + 1).astype(np.intp)
            present = np.unique(labels[labels >= 0])
            self._legend_entries = [(self.tr("cluster {k}").format(k=k),
                                     CATEGORY_COLOURS[k % len(CATEGORY_COLOURS)])
                                    for k in present.tolist()]
        elif mode == "groups":
            names = list(self._groups)
            self._brushes = np.empty(len(names) + 1, dtype=object)
            self._brushes[0] = pg.mkBrush(OTHER_COLOUR)
            index = np.zeros(n, dtype=np.intp)
            assigned = np.zeros(n, dtype=bool)
            for g, name in enumerate(names):
                colour = CATEGORY_COLOURS[g % len(CATEGORY_COLOURS)]
                self._brushes[g + 1] = pg.mkBrush(colour)
                rows = [r for r in (self.row_of(w) for w in self._groups[name]) if r is not None]
                if rows:
                    r = np.asarray(rows, dtype=np.int64)
                    r = r[~assigned[r]]
                    index[r] = g + 1
                    assigned[r] = True
            self._colour_index = index
            self._legend_entries = [(name, CATEGORY_COLOURS[g % len(CATEGORY_COLOURS)])
                                    for g, name in enumerate(names)]
        self._update_legend()

    def _update_legend(self) -> None:
        self.legend.clear()
        self._legend_samples = []
        entries = self._legend_entries
        if not entries or self.point_count == 0:
            self.legend.hide()
            return
        shown = entries[:_LEGEND_MAX]
        for name, colour in shown:
            sample = pg.ScatterPlotItem(size=9, pen=pg.mkPen(None), brush=pg.mkBrush(colour))
            self._legend_samples.append(sample)
            self.legend.addItem(sample, name)
        if len(entries) > len(shown):
            sample = pg.ScatterPlotItem(size=0, pen=pg.mkPen(None), brush=pg.mkBrush(None))
            self._legend_samples.append(sample)
            self.legend.addItem(sample, self.tr("… {n} more").format(
                n=len(entries) - len(shown)))
        self._show_legend()

    def _show_legend(self) -> None:
        # Colours are drawn in points mode only; the density image shows density alone.
        self.legend.setVisible(bool(self._legend_entries) and self.point_count > 0
                               and self._mode == "points")

    # -- drawing ---------------------------------------------------------------------------
    def _schedule_refresh(self, *args: Any) -> None:
        # Coalesce: the first change starts the timer, later ones ride on it, so a
        # drag redraws at most every REFRESH_MS and never per mouse event.
        if not self._timer.isActive():
            self._timer.start()

    def _density_bins(self) -> tuple[int, int]:
        w, h = self.view_box.width(), self.view_box.height()
        if w < 8 or h < 8:
            return 400, 300
        return max(1, int(w) // DENSITY_BIN_PX), max(1, int(h) // DENSITY_BIN_PX)

    def _refresh(self) -> None:
        self._timer.stop()
        grid = self._grid
        if grid is None or grid.n == 0:
            self._mode = "empty"
            self._visible_count = 0
            self._visible_rows = None
            self._density = None
            self.image.hide()
            self.scatter.set_palette_points(np.zeros(0), np.zeros(0), None, self._brushes)
            self.scatter.hide()
            self._update_overlays()
            self.view_updated.emit()
            return
        rect = self.view_rect()
        rows: NDArray[np.int64] | None = None
        if grid.count_upper(rect) <= self.point_threshold:
            rows = grid.rows_in_rect(rect)
        else:
            count = grid.count_in_rect(rect)
            if count <= self.point_threshold:
                rows = grid.rows_in_rect(rect)
            else:
                self._visible_count = count
        if rows is not None:
            rows = np.sort(rows)
            self._mode = "points"
            self._visible_rows = rows
            self._visible_count = len(rows)
            self._density = None
            index = None if self._colour_index is None else self._colour_index[rows]
            self.scatter.set_palette_points(self._xy[rows, 0], self._xy[rows, 1], index,
                                            self._brushes)
            self.image.hide()
            self.scatter.show()
        else:
            self._mode = "density"
            self._visible_rows = None
            bins_x, bins_y = self._density_bins()
            tile = grid.density(rect, bins_x, bins_y)
            self._density = tile.counts
            img = np.log1p(tile.counts.astype(np.float32))
            top = float(img.max()) if img.size else 0.0
            self.image.setImage(img, levels=(0.0, max(top, 1e-6)), autoLevels=False)
            tx0, tx1, ty0, ty1 = tile.rect
            self.image.setRect(QRectF(tx0, ty0, tx1 - tx0, ty1 - ty0))
            self.scatter.set_palette_points(np.zeros(0), np.zeros(0), None, self._brushes)
            self.scatter.hide()
            self.image.show()
        self._update_overlays()
        self.view_updated.emit()

    def _in_view(self, rows: NDArray[np.int64]) -> NDArray[np.int64]:
        if len(rows) == 0:
            return rows
        x0, x1, y0, y1 = self.view_rect()
        xy = self._xy[rows]
        keep = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
        return rows[keep]

    def _update_overlays(self) -> None:
        """Selection and highlight markers, labels and the status line for the current view."""
        empty = np.zeros(0)
        one = np.empty(1, dtype=object)
        sel = self._in_view(self._selected)[:OVERLAY_LIMIT]
        hil = self._in_view(self._highlighted)[:OVERLAY_LIMIT]
        one[0] = self.selection_item.opts["brush"]
        self.selection_item.set_palette_points(self._xy[sel, 0] if len(sel) else empty,
                                               self._xy[sel, 1] if len(sel) else empty,
                                               None, one)
        one = np.empty(1, dtype=object)
        one[0] = self.highlight_item.opts["brush"]
        self.highlight_item.set_palette_points(self._xy[hil, 0] if len(hil) else empty,
                                               self._xy[hil, 1] if len(hil) else empty,
                                               None, one)
        self._update_labels(sel, hil)
        self._update_status()
        self._show_legend()

    def _update_labels(self, sel: NDArray[np.int64], hil: NDArray[np.int64]) -> None:
        chosen: list[int] = []
        seen: set[int] = set()

        def add(rows: NDArray[np.int64]) -> None:
            for r in rows.tolist():
                if len(chosen) >= self.max_labels:
                    return
                if r not in seen:
                    seen.add(r)
                    chosen.append(r)

        def by_priority(rows: NDArray[np.int64], k: int) -> NDArray[np.int64]:
            if len(rows) == 0 or k <= 0:
                return rows[:0]
            pri = self._priority[rows]
            if len(rows) > k:
                part = np.argpartition(-pri, k - 1)[:k]
                rows, pri = rows[part], pri[part]
            return rows[np.argsort(-pri, kind="stable")]

        add(by_priority(hil, self.max_labels))
        add(by_priority(sel, self.max_labels))
        if self._mode == "points" and self._visible_rows is not None:
            add(by_priority(self._visible_rows, self.top_k))
        while len(self._label_pool) < len(chosen):
            label = pg.TextItem("", color="#111111", anchor=(0.5, 1.15),
                                fill=pg.mkBrush(255, 255, 255, 170))
            label.setZValue(20)
            self.view_box.addItem(label, ignoreBounds=True)
            self._label_pool.append(label)
        for label, row in zip(self._label_pool[:len(chosen)], chosen, strict=True):
            text = self._words[row]
            if label.toPlainText() != text:
                label.setText(text)
            label.setPos(self._xy[row, 0], self._xy[row, 1])
            label.show()
        for label in self._label_pool[len(chosen):]:
            label.hide()

    def _update_status(self) -> None:
        n = self.point_count
        if n == 0:
            self.status.setText(self.tr("No points."))
            return
        parts = [self.tr("{visible:,} of {n:,} points in view").format(
            visible=self._visible_count, n=n)]
        if self._mode == "density":
            parts.append(self.tr("density of points (colours and words show below {threshold:,} "
                                 "points in view)").format(threshold=self.point_threshold))
        names = {"single": "", "frequency": self.tr("colour: frequency"),
                 "labels": self.tr("colour: cluster"), "groups": self.tr("colour: word lists")}
        if names[self._colour_mode] and self._mode == "points":
            parts.append(names[self._colour_mode])
        if len(self._selected):
            parts.append(self.tr("{n:,} selected").format(n=len(self._selected)))
        self.status.setText(" · ".join(parts))

    # -- mouse ---------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        self._hover_pos = QPointF(pos)
        if not self._hover_timer.isActive():
            self._hover_timer.start()

    def _on_mouse_left(self) -> None:
        self._hover_timer.stop()
        self._hover_pos = None
        self._set_hover(-1)

    def _update_hover(self) -> None:
        pos = self._hover_pos
        if pos is None:
            return
        row = -1
        if self._grid is not None and self.view_box.sceneBoundingRect().contains(pos):
            p = self.view_box.mapSceneToView(pos)
            row = self.row_at(p.x(), p.y(), HOVER_PX)
        self._set_hover(row)

    def _set_hover(self, row: int) -> None:
        if row == self._hover_row:
            return
        self._hover_row = row
        if row < 0:
            self.hover_item.setData([], [])
            self.hover_label.hide()
            self.word_hovered.emit("")
            return
        x, y = self.coords_of(row)
        self.hover_item.setData([x], [y])
        text = self._words[row]
        if self._counts is not None:
            text = f"{text}  ({int(self._counts[row]):,})"
        self.hover_label.setText(text)
        self.hover_label.setPos(x, y)
        self.hover_label.show()
        self.word_hovered.emit(self._words[row])

    def _on_left_clicked(self, ev: Any) -> None:
        if self._grid is None:
            return
        p = self.view_box.mapSceneToView(ev.scenePos())
        row = self.row_at(p.x(), p.y(), CLICK_PX)
        additive = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if row < 0:
            if not additive:
                self.clear_selection()
            return
        if additive:
            current = set(self._selected.tolist())
            current.symmetric_difference_update({row})
            self.set_selected(sorted(current))
        else:
            self.set_selected([row])
        self.word_clicked.emit(self._words[row])

    def _on_rect_selected(self, rect: tuple[float, float, float, float]) -> None:
        self.select_rect(*rect)

    def _on_lasso_selected(self, points: NDArray[np.float64]) -> None:
        self.select_polygon(points)

    # -- bookmarks -----------------------------------------------------------------------
    def bookmark(self) -> dict[str, Any]:
        """The view, selection, highlight and colour mode as a JSON-serialisable dict."""
        x0, x1, y0, y1 = self.view_rect()
        mark: dict[str, Any] = {
            "version": 1,
            "point_count": self.point_count,
            "view": {"x": [x0, x1], "y": [y0, y1]},
            "selected": self.selected_rows,
            "highlighted": self.highlighted_rows,
            "colour_mode": self._colour_mode,
        }
        if self._colour_mode == "groups":
            mark["word_groups"] = {k: list(v) for k, v in self._groups.items()}
        return mark

    def restore(self, bookmark: Mapping[str, Any]) -> None:
        """Go back to a :meth:`bookmark`.

        Rows beyond the current points are dropped; a ``'labels'`` colour mode
        is restored only if cluster labels are set.

        Raises
        ------
        ParameterError
            If ``bookmark`` is not one this widget wrote.
        """
        try:
            view = bookmark["view"]
            x0, x1 = (float(v) for v in view["x"])
            y0, y1 = (float(v) for v in view["y"])
            selected = [int(r) for r in bookmark.get("selected", [])]
            highlighted = [int(r) for r in bookmark.get("highlighted", [])]
            colour = str(bookmark.get("colour_mode", self._colour_mode))
            groups = bookmark.get("word_groups")
        except (KeyError, TypeError, ValueError) as exc:
            raise ParameterError(self.tr("This map bookmark cannot be read ({error}).").format(
                error=exc)) from None
        if not all(math.isfinite(v) for v in (x0, x1, y0, y1)) or x1 <= x0 or y1 <= y0:
            raise ParameterError(self.tr("This map bookmark has an empty or invalid view "
                                         "rectangle."))
        if colour == "groups" and isinstance(groups, Mapping):
            self._groups = {str(k): [str(w) for w in v] for k, v in groups.items()}
        if colour in COLOUR_MODES and (colour != "labels" or self._cluster_labels is not None):
            self._apply_colour_mode(colour)
        self.set_view(x0, x1, y0, y1)
        self._highlighted = self._rows(highlighted)
        self.set_selected(selected)
        self._refresh()

    # -- export ----------------------------------------------------------------------------
    def export_image(self, path: str | Path, width: int | None = None) -> None:
        """Save the map as it is shown: PNG (or JPEG) by raster, SVG as vectors.

        Parameters
        ----------
        path
            Target file; the suffix (``.png``, ``.jpg``, ``.svg``) picks the format.
        width
            Raster width in pixels (default: at least 1200, or the widget's width).

        Raises
        ------
        ParameterError
            For another suffix.
        """
        target = Path(path)
        suffix = target.suffix.lower()
        self.refresh_now()
        item = self.plot.getPlotItem()
        if suffix == ".svg":
            with atomic_write(target, "wb") as f:
                f.write(self._svg_bytes())
            return
        if suffix not in (".png", ".jpg", ".jpeg"):
            raise ParameterError(self.tr("Cannot export the map as {name}: use a .png, .jpg or "
                                         ".svg file name.").format(name=repr(target.name)))
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(item)
        exporter.parameters()["width"] = int(width or max(1200, self.plot.width()))
        image = exporter.export(toBytes=True)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG" if suffix == ".png" else "JPG")
        payload = QByteArray(buffer.data()).data()
        with atomic_write(target, "wb") as f:
            f.write(payload)

    def _svg_bytes(self) -> bytes:
        # pyqtgraph 0.14's SVGExporter fails on the closed paths Qt 6 writes ("... Z";
        # pyqtgraph issue #3495), so render the plot into a QSvgGenerator directly,
        # with the items in export mode (points as vector symbols, not pixmaps).
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        source = self.plot.getPlotItem().sceneBoundingRect()
        w, h = max(1.0, source.width()), max(1.0, source.height())
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QRectF(0, 0, w, h).size().toSize())
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setTitle("Embedding map")
        # The axes replay cached QPictures, which scale by the ratio of the device
        # resolutions: match the screen's or the axes shrink to 72/96.
        generator.setResolution(self.plot.logicalDpiX())
        painter = QPainter(generator)
        items = [self.scatter, self.selection_item, self.highlight_item, self.hover_item]
        try:
            painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
            for it in items:
                it.setExportMode(True, {"antialias": True, "background": None,
                                        "painter": painter})
            self.plot.scene().render(painter, QRectF(0, 0, w, h), source)
        finally:
            for it in items:
                it.setExportMode(False)
            painter.end()
        return QByteArray(buffer.data()).data()

    def export_csv(self, path: str | Path, rows: ArrayLike | None = None,
                   neighbours: Callable[[int], list[str]] | None = None) -> int:
        """Write ``word,x,y[,count][,neighbours]`` (UTF-8, with a header) and return the row count.

        Parameters
        ----------
        path
            Target CSV file (written atomically).
        rows
            Rows to write, in the given order; default all points.
        neighbours
            If given, ``neighbours(row)`` gives words for a last column
            (space-separated).
        """
        if rows is None:
            chosen = np.arange(self.point_count, dtype=np.int64)
        else:
            chosen = np.asarray(rows, dtype=np.int64).reshape(-1)
            bad = chosen[(chosen < 0) | (chosen >= self.point_count)]
            if len(bad):
                raise ParameterError(f"Row {int(bad[0])} is not on the map "
                                     f"({self.point_count:,} points).")
        header = ["word", "x", "y"]
        if self._counts is not None:
            header.append("count")
        if neighbours is not None:
            header.append("neighbours")
        fmt = f"{{:.{self._digits}g}}"
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for r in chosen.tolist():
                line = [self._words[r], fmt.format(self._xy[r, 0]), fmt.format(self._xy[r, 1])]
                if self._counts is not None:
                    line.append(str(int(self._counts[r])))
                if neighbours is not None:
                    line.append(" ".join(neighbours(r)))
                writer.writerow(line)
        return len(chosen)
