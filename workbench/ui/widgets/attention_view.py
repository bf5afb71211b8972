"""The attention view: a layers × heads grid, a large heatmap or a head view, exports.

:class:`AttentionView` computes attention for a text (or a sentence pair) in a
worker thread, then shows every head as a thumbnail (one widget paints the
whole grid from one cached QImage), and the chosen head (or the mean over
heads or layers) as a large heatmap with token labels or as a BertViz-style
head view with lines.  Pictures are drawn by :mod:`workbench.ui.plots.attention_render`
into QImages once per change, and painted from there; exports call the same
functions.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.core.workspace import atomic_write
from workbench.ui.plots import attention_render as ar
from workbench.ui.widgets.inspect_base import TextInspectView

if TYPE_CHECKING:
    from workbench.core.inspect.attention import AttentionResult, AttentionSlice
    from workbench.core.inspect.model import InspectModel

__all__ = ["DIRECTIONS", "AttentionView", "ImageCanvas", "PreparedAttention", "attention_job",
           "write_matrix_csv"]

#: (label, direction) for the pair filter (English; shown through ``tr``).
DIRECTIONS = (
    (QT_TRANSLATE_NOOP("AttentionView", "all pairs"), "all"),
    (QT_TRANSLATE_NOOP("AttentionView", "A → B"), "a_to_b"),
    (QT_TRANSLATE_NOOP("AttentionView", "B → A"), "b_to_a"),
    (QT_TRANSLATE_NOOP("AttentionView", "within A"), "within_a"),
    (QT_TRANSLATE_NOOP("AttentionView", "within B"), "within_b"),
)


def _direction_text(label: str) -> str:
    """The shown text of a :data:`DIRECTIONS` label (translated)."""
    return QCoreApplication.translate("AttentionView", label)


#: Largest heatmap canvas side (px): the cell size is capped so the cached image stays small.
MAX_CANVAS_PX = 4800
#: Largest cell size (px) of the heatmap.
MAX_CELL_PX = 40


@dataclass(frozen=True)
class PreparedAttention:
    """A result with its grid thumbnails already computed (in the worker)."""

    result: AttentionResult
    geometry: ar.GridGeometry
    pixels: np.ndarray          # grid_pixels(result.weights, geometry): nothing filtered


def attention_job(model: InspectModel, text: str, pair: str | None = None,
                  geometry: ar.GridGeometry | None = None,
                  *, progress: Progress = NULL_PROGRESS) -> AttentionResult | PreparedAttention:
    """Compute attention in a worker (a :class:`TaskRunner` job).

    With ``geometry`` (made on the GUI thread), the grid's thumbnails are
    computed here too (numpy only), so the GUI thread just shows them.
    """
    from workbench.core.inspect.attention import compute_attention

    progress.report(None, QCoreApplication.translate("AttentionView", "Computing attention…"))
    result = compute_attention(model, text, pair)
    if geometry is None or (geometry.layers, geometry.heads) != result.weights.shape[:2]:
        return result
    progress.raise_if_cancelled()
    progress.report(None, QCoreApplication.translate("AttentionView", "Drawing…"))
    return PreparedAttention(result, geometry, ar.grid_pixels(result.weights, geometry))


def write_matrix_csv(attn: Any, path: str | Path) -> int:
    """Write a slice's matrix with token labels (rows = queries); return the data rows written.

    The first row holds ``query \\ key`` and the key tokens; each further row a
    query token and its weights.
    """
    matrix = np.asarray(attn.matrix)
    with atomic_write(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["query \\ key", *attn.col_tokens])
        for tok, row in zip(attn.row_tokens, matrix, strict=True):
            writer.writerow([tok, *(f"{v:.6g}" for v in row.tolist())])
    return int(matrix.shape[0])


class ImageCanvas(QWidget):
    """Shows one cached QImage at its natural size (put it in a QScrollArea).

    Attributes
    ----------
    clicked : Signal(float, float)
        Left click at image coordinates.
    zoomed : Signal(int)
        Ctrl+wheel: +1 zoom in, -1 zoom out.
    hover_text
        ``hover_text(x, y)`` gives the tooltip for a point (``""``: none).
    """

    clicked = Signal(float, float)
    zoomed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.hover_text: Callable[[float, float], str] = lambda _x, _y: ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_image(self, image: QImage) -> None:
        """Show ``image`` (the canvas takes its size)."""
        self.image = image
        self.setFixedSize(image.size() if not image.isNull() else QSize(1, 1))
        self.update()

    def sizeHint(self) -> QSize:
        return self.image.size() if not self.image.isNull() else QSize(1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image.isNull():
            return
        painter = QPainter(self)
        rect = event.rect()
        painter.drawImage(rect, self.image, rect)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        text = self.hover_text(pos.x(), pos.y())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            self.clicked.emit(pos.x(), pos.y())
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomed.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(False)
    area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    area.setBackgroundRole(widget.backgroundRole())
    return area


class AttentionView(TextInspectView):
    """Attention of a loaded model for a text or a pair: grid, heatmap, head view.

    Feed it a model with :meth:`set_model` and a text with :meth:`run` (or a
    computed result with :meth:`set_result`).

    Attributes
    ----------
    runner : TaskRunner
        Computes attention.
    message_bar : MessageBar
        Truncation notices and errors.
    result : AttentionResult or None
        The attention shown.
    grid_canvas, detail_canvas : ImageCanvas
        The grid, and the heatmap or head view.
    result_changed : Signal()
        A new result is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AttentionView", "Attention"), parent)
        self.result: AttentionResult | None = None
        self._grid_cache: tuple[Any, QImage, ar.GridGeometry, np.ndarray] | None = None
        self._detail_key: tuple[Any, ...] | None = None
        self._detail_slice: AttentionSlice | None = None
        self._heat_geometry: ar.HeatmapGeometry | None = None
        self._lines_geometry: ar.HeadLinesGeometry | None = None
        self._lines_selected: tuple[str, int] | None = None
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(120)
        self._fit_timer.timeout.connect(self._refresh_detail)
        self._build()
        self._connect()
        self._set_enabled()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("The layer of the large picture (mean: averaged "
                                            "over layers)"))
        self.head_combo = QComboBox()
        self.head_combo.setToolTip(self.tr("The head of the large picture (mean: averaged "
                                           "over heads)"))
        self.lines_check = QCheckBox(self.tr("Head view"))
        self.lines_check.setToolTip(self.tr("Show lines from each token (left) to the tokens it "
                                            "attends to (right) instead of a heatmap; click a "
                                            "token to see only its lines"))
        self.hide_special_check = QCheckBox(self.tr("Hide [CLS]/[SEP]"))
        self.hide_special_check.setToolTip(self.tr("Leave out the special tokens, which often "
                                                   "soak up most of the attention (rows are not "
                                                   "renormalised)"))
        self.direction_combo = QComboBox()
        for label, direction in DIRECTIONS:
            self.direction_combo.addItem(_direction_text(label), direction)
        self.direction_combo.setToolTip(self.tr("For a sentence pair: which token pairs to show "
                                                "(rows attend to columns)"))
        self.thumb_spin = QSpinBox()
        self.thumb_spin.setRange(16, 160)
        self.thumb_spin.setValue(48)
        self.thumb_spin.setSuffix(self.tr(" px"))
        self.thumb_spin.setToolTip(self.tr("Size of each thumbnail in the grid"))
        self.cell_spin = QSpinBox()
        self.cell_spin.setRange(0, MAX_CELL_PX)
        self.cell_spin.setValue(0)
        self.cell_spin.setSpecialValueText(self.tr("fit"))
        self.cell_spin.setSuffix(self.tr(" px"))
        self.cell_spin.setToolTip(self.tr("Heatmap cell size (fit: the whole matrix in view; "
                                          "token labels appear from {px} px; Ctrl+wheel "
                                          "zooms)").format(px=ar.LABEL_MIN_CELL))
        exports = (("grid", "png", self.tr("Grid as PNG…")),
                    ("grid", "svg", self.tr("Grid as SVG…")),
                    ("heatmap", "png", self.tr("Heatmap as PNG…")),
                    ("heatmap", "svg", self.tr("Heatmap as SVG…")),
                    ("lines", "png", self.tr("Head view as PNG…")),
                    ("lines", "svg", self.tr("Head view as SVG…")),
                    ("csv", "csv", self.tr("Matrix as CSV…")))
        self.export_button = self._export_button(
            self.tr("Save the grid, the heatmap or the head view (PNG, SVG), or the current "
                    "matrix (CSV)"),
            [(label, lambda w=what, f=fmt: self._on_export_clicked(w, f))
             for what, fmt, label in exports])

        bar_widget = QWidget()
        bar = QHBoxLayout(bar_widget)
        bar.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("Layer"), self.layer_combo),
                              (self.tr("Head"), self.head_combo)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.lines_check)
        bar.addWidget(self.hide_special_check)
        bar.addWidget(QLabel(self.tr("Pairs")))
        bar.addWidget(self.direction_combo)
        bar.addWidget(QLabel(self.tr("Thumbnails")))
        bar.addWidget(self.thumb_spin)
        bar.addWidget(QLabel(self.tr("Cells")))
        bar.addWidget(self.cell_spin)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.grid_canvas = ImageCanvas()
        self.grid_canvas.hover_text = self._grid_hover
        self.detail_canvas = ImageCanvas()
        self.detail_canvas.hover_text = self._detail_hover
        self.grid_area = _scroll(self.grid_canvas)
        self.detail_area = _scroll(self.detail_canvas)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grid_area)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        # The controls scroll sideways rather than widen the window.
        bar_area = QScrollArea()
        bar_area.setWidget(bar_widget)
        bar_area.setWidgetResizable(True)
        bar_area.setFrameShape(QScrollArea.Shape.NoFrame)
        bar_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar_area.setFixedHeight(bar_widget.sizeHint().height()
                                + bar_area.horizontalScrollBar().sizeHint().height())
        bar_area.setMinimumWidth(200)
        layout.addWidget(bar_area)
        layout.addWidget(self.info_label)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.runner.finished.connect(self.set_result)
        self.runner.started.connect(
            lambda: self.info_label.setText(self.tr("Computing attention…")))
        self.layer_combo.currentIndexChanged.connect(self._refresh_detail)
        self.head_combo.currentIndexChanged.connect(self._refresh_detail)
        self.lines_check.toggled.connect(self._on_lines_toggled)
        self.hide_special_check.toggled.connect(self._refresh_all)
        self.direction_combo.currentIndexChanged.connect(self._refresh_all)
        self.thumb_spin.valueChanged.connect(self._refresh_grid)
        self.cell_spin.valueChanged.connect(self._refresh_detail)
        self.grid_canvas.clicked.connect(self._on_grid_clicked)
        self.detail_canvas.clicked.connect(self._on_detail_clicked)
        self.detail_canvas.zoomed.connect(self._on_zoom)

    # ------------------------------------------------------------------ model, running
    def _model_changed(self) -> None:
        model = self.model
        self.clear()
        if model is not None:
            self.info_label.setText(self.tr("{layers} layers × {heads} heads. Type a text and "
                                            "press Run (Ctrl+Return).").format(
                layers=model.num_layers, heads=model.num_heads))
        self._set_enabled()

    def _run(self, model: InspectModel, text: str, pair: str | None) -> None:
        """Compute attention for ``text`` (and ``pair``) in the background."""
        geometry = ar.grid_geometry(model.num_layers, model.num_heads, self.thumb_spin.value())
        self.runner.start(attention_job, model, text, pair, geometry)

    def clear(self) -> None:
        """Forget the result and empty the pictures."""
        self.result = None
        self._grid_cache = None
        self._detail_key = None
        self._detail_slice = None
        self.grid_canvas.set_image(QImage())
        self.detail_canvas.set_image(QImage())
        self.info_label.setText(self._prompt())
        self._set_enabled()

    @Slot(object)
    def set_result(self, result: AttentionResult | PreparedAttention) -> None:
        """Show ``result`` (from the worker, or computed elsewhere)."""
        prepared = None
        if isinstance(result, PreparedAttention):
            prepared, result = result, result.result
        layers, heads = int(result.weights.shape[0]), int(result.weights.shape[1])
        first = self.result is None
        keep_layer, keep_head = self.selection()
        self.result = result
        self._grid_cache = None
        self._detail_key = None
        self._lines_selected = None
        for combo, count, mean in (
                (self.layer_combo, layers, self.tr("mean of {n} layers").format(n=layers)),
                (self.head_combo, heads, self.tr("mean of {n} heads").format(n=heads))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(mean, None)
            for i in range(count):
                combo.addItem(str(i + 1), i)
            combo.blockSignals(False)
        # The first result shows the last layer's first head; later ones keep the choice.
        self._select_combo(self.layer_combo, keep_layer, layers, first, default=layers - 1)
        self._select_combo(self.head_combo, keep_head, heads, first, default=0)
        if not result.has_pair and self.direction() != "all":
            self.direction_combo.blockSignals(True)
            self.direction_combo.setCurrentIndex(0)
            self.direction_combo.blockSignals(False)
        if result.notice:
            self.message_bar.show_warning(result.notice)
        n = len(result.tokens)
        info = (self.tr("{n} tokens (a pair); {layers} layers × {heads} heads. Click a "
                        "thumbnail for its heatmap; hover a cell for its weight.")
                if result.has_pair else
                self.tr("{n} tokens; {layers} layers × {heads} heads. Click a thumbnail for its "
                        "heatmap; hover a cell for its weight."))
        self.info_label.setText(info.format(n=n, layers=layers, heads=heads))
        self._set_enabled()
        self._grid_cache = None
        self._detail_key = None
        self._lines_selected = None
        if prepared is not None and self._view_args_key() == (False, "all") \
                and prepared.geometry == ar.grid_geometry(layers, heads, self.thumb_spin.value()):
            self._grid_cache = ((id(result), self._view_args_key(), prepared.geometry.thumb),
                                ar.argb_image(prepared.pixels), prepared.geometry, result.weights)
        self._refresh_grid()
        self._refresh_detail()
        self.result_changed.emit()

    @staticmethod
    def _select_combo(combo: QComboBox, value: int | None, count: int, first: bool,
                      default: int) -> None:
        combo.blockSignals(True)
        if first or (value is not None and value >= count):
            combo.setCurrentIndex(combo.findData(default))
        else:
            combo.setCurrentIndex(0 if value is None else combo.findData(value))
        combo.blockSignals(False)

    def _set_enabled(self) -> None:
        has = self.result is not None
        for w in (self.layer_combo, self.head_combo, self.lines_check, self.hide_special_check,
                  self.export_button, self.thumb_spin, self.cell_spin):
            w.setEnabled(has)
        pair = has and bool(self.result.has_pair)
        self.direction_combo.setEnabled(pair)
        self.direction_combo.setToolTip(
            self.tr("For a sentence pair: which token pairs to show (rows attend to columns)")
            if pair else
            self.tr("Type a second sentence (sentence B) to filter A → B, B → A, within A or B"))

    # ------------------------------------------------------------------ state
    def selection(self) -> tuple[int | None, int | None]:
        """The chosen ``(layer, head)``, 0-based; ``None`` means the mean."""
        return self.layer_combo.currentData(), self.head_combo.currentData()

    def select(self, layer: int | None, head: int | None) -> None:
        """Show ``layer``, ``head`` (0-based; ``None``: the mean) in the large picture."""
        for combo, value in ((self.layer_combo, layer), (self.head_combo, head)):
            index = combo.findData(value) if value is not None else 0
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self._refresh_detail()
        self._refresh_grid()

    def direction(self) -> str:
        """The pair filter (``all``, ``a_to_b``, ``b_to_a``, ``within_a``, ``within_b``)."""
        return str(self.direction_combo.currentData())

    def set_direction(self, direction: str) -> None:
        """Choose the pair filter by name."""
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(direction))

    def _view_args(self) -> dict[str, Any]:
        return {"hide_special": self.hide_special_check.isChecked(),
                "direction": self.direction() if self.direction_combo.isEnabled() else "all"}

    def current_slice(self) -> AttentionSlice | None:
        """The matrix of the large picture, as filtered by the controls."""
        if self.result is None:
            return None
        layer, head = self.selection()
        return self.result.view(layer, head, **self._view_args())

    def grid_weights(self) -> np.ndarray | None:
        """The ``(layers, heads, rows, cols)`` weights the grid shows (filters applied)."""
        if self.result is None:
            return None
        first = self.result.view(0, 0, **self._view_args())
        w = np.asarray(self.result.weights)
        n = w.shape[2]
        if first.rows == list(range(n)) and first.cols == list(range(n)):
            return w  # nothing filtered: no copy (150 MB for 512 tokens on a base model)
        return w[:, :, np.asarray(first.rows, dtype=np.int64)][
            :, :, :, np.asarray(first.cols, dtype=np.int64)]

    @property
    def grid_geometry(self) -> ar.GridGeometry | None:
        """The grid's layout (``layers``, ``heads``, thumbnail rectangles)."""
        return self._grid_cache[2] if self._grid_cache is not None else None

    @property
    def grid_image(self) -> QImage:
        """The grid as shown (labels included)."""
        return self.grid_canvas.image

    @property
    def detail_image(self) -> QImage:
        """The heatmap or head view as shown."""
        return self.detail_canvas.image

    def showing_lines(self) -> bool:
        """Whether the large picture is the head view (lines) rather than the heatmap."""
        return self.lines_check.isChecked()

    # ------------------------------------------------------------------ drawing
    @Slot()
    def _refresh_all(self) -> None:
        self._grid_cache = None
        self._detail_key = None
        self._lines_selected = None
        self._refresh_grid()
        self._refresh_detail()

    @Slot()
    def _refresh_grid(self) -> None:
        if self.result is None:
            return
        try:
            weights = self.grid_weights()
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        geometry = ar.grid_geometry(weights.shape[0], weights.shape[1], self.thumb_spin.value())
        key = (id(self.result), self._view_args_key(), geometry.thumb)
        if self._grid_cache is None or self._grid_cache[0] != key:
            if weights.shape[2] == 0 or weights.shape[3] == 0:
                self.message_bar.show_warning(self.tr("Nothing left to show: every row or column "
                                                      "was filtered out."))
            pixels = ar.argb_image(ar.grid_pixels(weights, geometry))
            self._grid_cache = (key, pixels, geometry, weights)
        _, pixels, geometry, weights = self._grid_cache
        layer, head = self.selection()
        selected = (layer, head) if layer is not None and head is not None else None
        image = ar.render_to_image(
            lambda p: ar.render_grid(self.result, p, geometry, weights=weights, pixels=pixels,
                                     selected=selected), geometry.size)
        self.grid_canvas.set_image(image)

    def _view_args_key(self) -> tuple[Any, ...]:
        args = self._view_args()
        return args["hide_special"], args["direction"]

    def _title(self) -> str:
        layer, head = self.selection()
        if layer is None and head is None:
            title = self.tr("Mean over layers, mean over heads")
        elif layer is None:
            title = self.tr("Mean over layers, head {head}")
        elif head is None:
            title = self.tr("Layer {layer}, mean over heads")
        else:
            title = self.tr("Layer {layer}, head {head}")
        title = title.format(layer=(layer or 0) + 1, head=(head or 0) + 1)
        direction = self._view_args()["direction"]
        if direction != "all":
            title += " · " + _direction_text({d: label for label, d in DIRECTIONS}[direction])
        return title

    def cell_size(self) -> int:
        """The heatmap's cell size in px (the fitted one when the spin box says "fit")."""
        sl = self._detail_slice
        n = max(len(sl.row_tokens), len(sl.col_tokens), 1) if sl is not None else 1
        cap = max(1, MAX_CANVAS_PX // n)
        chosen = self.cell_spin.value()
        if chosen == 0:
            viewport = self.detail_area.viewport().size()
            avail = max(60, min(viewport.width() - 110, viewport.height() - 40))
            chosen = max(1, min(MAX_CELL_PX, avail // n))
        return int(max(1, min(chosen, cap)))

    @Slot()
    def _refresh_detail(self) -> None:
        if self.result is None:
            return
        try:
            sl = self.current_slice()
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        self._detail_slice = sl
        lines = self.showing_lines()
        cell = self.cell_size()
        key = (id(self.result), self.selection(), self._view_args_key(), lines,
               None if lines else cell, self._lines_selected if lines else None)
        if key == self._detail_key:
            return
        self._detail_key = key
        title = self._title()
        if lines:
            geometry = ar.head_lines_geometry(sl.row_tokens, sl.col_tokens)
            self._lines_geometry = geometry
            image = ar.render_to_image(
                lambda p: ar.render_head_lines(sl, p, geometry, title=title,
                                               selected=self._lines_selected), geometry.size)
        else:
            geometry = ar.heatmap_geometry(len(sl.row_tokens), len(sl.col_tokens), cell,
                                           row_tokens=sl.row_tokens, col_tokens=sl.col_tokens)
            self._heat_geometry = geometry
            image = ar.render_to_image(
                lambda p: ar.render_heatmap(sl, p, geometry, title=title), geometry.size)
        self.detail_canvas.set_image(image)
        self.grid_canvas.update()

    @Slot(bool)
    def _on_lines_toggled(self, _on: bool) -> None:
        self._lines_selected = None
        self._refresh_detail()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.result is not None and self.cell_spin.value() == 0 and not self.showing_lines():
            self._fit_timer.start()

    # ------------------------------------------------------------------ mouse
    def _grid_hover(self, x: float, y: float) -> str:
        geometry = self.grid_geometry
        hit = geometry.hit(x, y) if geometry is not None else None
        return "" if hit is None else self.tr("Layer {layer}, head {head} (click to "
                                              "enlarge)").format(layer=hit[0] + 1,
                                                                 head=hit[1] + 1)

    @Slot(float, float)
    def _on_grid_clicked(self, x: float, y: float) -> None:
        geometry = self.grid_geometry
        hit = geometry.hit(x, y) if geometry is not None else None
        if hit is not None:
            self.select(*hit)

    def _detail_hover(self, x: float, y: float) -> str:
        sl = self._detail_slice
        if sl is None:
            return ""
        if self.showing_lines():
            g = self._lines_geometry
            hit = g.token_at(x, y, len(sl.row_tokens), len(sl.col_tokens)) if g else None
            if hit is None:
                return ""
            side, i = hit
            if side == "row":
                tip = self.tr("{token} (query {i}; click to focus)")
            else:
                tip = self.tr("{token} (key {i}; click to focus)")
            tok = sl.row_tokens[i] if side == "row" else sl.col_tokens[i]
            return tip.format(token=tok, i=i + 1)
        g = self._heat_geometry
        cell = g.cell_at(x, y) if g is not None else None
        if cell is None:
            return ""
        r, c = cell
        if r >= len(sl.row_tokens) or c >= len(sl.col_tokens):
            return ""
        return f"{sl.row_tokens[r]} → {sl.col_tokens[c]}: {float(sl.matrix[r, c]):.4f}"

    @Slot(float, float)
    def _on_detail_clicked(self, x: float, y: float) -> None:
        sl = self._detail_slice
        if sl is None or not self.showing_lines() or self._lines_geometry is None:
            return
        hit = self._lines_geometry.token_at(x, y, len(sl.row_tokens), len(sl.col_tokens))
        self._lines_selected = None if hit == self._lines_selected else hit
        self._refresh_detail()

    @Slot(int)
    def _on_zoom(self, step: int) -> None:
        current = self.cell_size()
        self.cell_spin.setValue(max(1, min(MAX_CELL_PX, current + step * max(1, current // 4))))

    # ------------------------------------------------------------------ export
    def _on_export_clicked(self, what: str, fmt: str) -> None:
        if self.result is None:
            self.message_bar.show_error(self.tr("Run attention first."))
            return
        names = {"grid": "attention-grid", "heatmap": "attention-heatmap",
                 "lines": "attention-head-view", "csv": "attention-matrix"}
        filters = {"png": self.tr("PNG (*.png)"), "svg": self.tr("SVG (*.svg)"),
                   "csv": self.tr("CSV (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export attention"),
                                              f"{names[what]}.{fmt}", filters[fmt])
        if not path:
            return
        try:
            if what == "grid":
                self.export_grid(path)
            elif what == "heatmap":
                self.export_heatmap(path)
            elif what == "lines":
                self.export_head_view(path)
            else:
                rows = self.export_csv(path)
                self.message_bar.show_info(self.tr("Wrote {rows} rows to {path}.").format(
                    rows=rows, path=path))
        except (WorkbenchError, OSError) as exc:
            self.message_bar.show_error(str(exc))

    def _need_result(self) -> AttentionResult:
        if self.result is None:
            raise WorkbenchError(self.tr("Run attention first: there is nothing to export."))
        return self.result

    def export_grid(self, path: str | Path) -> Path:
        """Save the grid as shown (PNG or SVG by suffix)."""
        self._need_result()
        self._refresh_grid()
        _, pixels, geometry, weights = self._grid_cache
        layer, head = self.selection()
        selected = (layer, head) if layer is not None and head is not None else None
        return ar.export_image(
            lambda p: ar.render_grid(self.result, p, geometry, weights=weights, pixels=pixels,
                                     selected=selected), path, geometry.size, "Attention grid")

    def export_heatmap(self, path: str | Path) -> Path:
        """Save the heatmap of the current matrix at the current cell size (PNG or SVG)."""
        self._need_result()
        sl = self.current_slice()
        self._detail_slice = sl
        cell = self.cell_size()
        geometry = ar.heatmap_geometry(len(sl.row_tokens), len(sl.col_tokens), cell,
                                       row_tokens=sl.row_tokens, col_tokens=sl.col_tokens)
        title = self._title()
        return ar.export_image(lambda p: ar.render_heatmap(sl, p, geometry, title=title),
                               path, geometry.size, "Attention heatmap")

    def export_head_view(self, path: str | Path) -> Path:
        """Save the head view of the current matrix (PNG or SVG)."""
        self._need_result()
        sl = self.current_slice()
        geometry = ar.head_lines_geometry(sl.row_tokens, sl.col_tokens)
        title, selected = self._title(), self._lines_selected
        return ar.export_image(
            lambda p: ar.render_head_lines(sl, p, geometry, title=title, selected=selected),
            path, geometry.size, "Attention head view")

    def export_csv(self, path: str | Path) -> int:
        """Save the current matrix with token labels as CSV; return the number of rows."""
        self._need_result()
        return write_matrix_csv(self.current_slice(), path)

