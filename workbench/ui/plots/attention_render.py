"""Attention pictures drawn with QPainter: a layers × heads grid, a heatmap, a head view.

The same functions paint the widgets of :mod:`workbench.ui.widgets.attention_view`
(into cached QImages) and the ``workbench attention`` command (into PNG or SVG
files through :func:`export_image`), so what is exported is what is shown.

Everything stays readable up to 512 tokens: the heatmap is one image pixel per
cell scaled without smoothing (a cell may be 1–2 px), token labels are drawn
only when a cell is at least :data:`LABEL_MIN_CELL` px (the widget shows them
on hover otherwise), the grid's thumbnails are averaged down in numpy, and the
head view draws its lines in a few batched calls, one per alpha level.

Colours: each matrix is scaled by its own maximum (white = 0, dark blue = the
largest weight of that matrix), as the heatmap's colour bar says.

The "slice" arguments are :class:`workbench.core.inspect.attention.AttentionSlice`
objects, or anything with ``matrix`` (rows = attending tokens, queries; columns
= attended tokens, keys), ``row_tokens`` and ``col_tokens``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLineF,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

from workbench.core.errors import ParameterError
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from workbench.core.inspect.attention import AttentionResult

__all__ = [
    "LABEL_MIN_CELL",
    "GridGeometry",
    "HeadLinesGeometry",
    "HeatmapGeometry",
    "argb_image",
    "colour_lut",
    "export_image",
    "grid_geometry",
    "grid_pixels",
    "head_lines_geometry",
    "heatmap_geometry",
    "label_font",
    "matrix_image",
    "render_grid",
    "render_head_lines",
    "render_heatmap",
    "render_to_image",
]

#: Smallest heatmap cell (px) that gets token labels.
LABEL_MIN_CELL = 8
#: Pixel size of label text.
FONT_PX = 11
#: Longest label drawn (px); longer tokens are elided.
MAX_LABEL_PX = 140
#: Head view: height of one token row and width between the two token columns.
LINE_ROW_PX = 16
LINE_GAP_PX = 180
#: Head view: at most this many lines are drawn (the heaviest ones).
MAX_LINES = 40_000

# matplotlib's "Blues" anchors (white to dark blue).
_BLUES = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5",
          "#08519c", "#08306b")
_LINE_COLOUR = QColor("#2171b5")
_TEXT = QColor("#202020")
_MUTED = QColor("#808080")
_SEGMENT_B = QColor("#b35806")
_SPECIAL = {"[CLS]", "[SEP]", "[PAD]", "<s>", "</s>", "<pad>", "[MASK]", "<mask>"}


def label_font() -> QFont:
    """The font of every label (pixel-sized, so PNG and SVG lay out alike)."""
    font = QFont()
    font.setPixelSize(FONT_PX)
    return font


def colour_lut() -> np.ndarray:
    """256 colours (uint32 ``0xFFRRGGBB``) from white to dark blue."""
    anchors = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in _BLUES], float)
    x = np.linspace(0, 1, len(anchors))
    t = np.linspace(0, 1, 256)
    rgb = np.stack([np.interp(t, x, anchors[:, k]) for k in range(3)], axis=1).round()
    rgb = rgb.astype(np.uint32)
    return (0xFF000000 | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]).astype(np.uint32)


_LUT = colour_lut()


def _scaled(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` divided by its maximum, as 0–255 LUT indices (the last two axes per matrix)."""
    m = np.asarray(matrix, dtype=np.float32)
    top = m.max(axis=(-2, -1), keepdims=True) if m.size else np.ones((1, 1), np.float32)
    top = np.where(top > 0, top, 1.0)
    return np.clip(m / top * 255.0 + 0.5, 0, 255).astype(np.uint8)


def argb_image(argb: np.ndarray) -> QImage:
    """A QImage owning a copy of a ``(h, w)`` uint32 ARGB array."""
    argb = np.ascontiguousarray(argb, dtype=np.uint32)
    h, w = argb.shape
    if h == 0 or w == 0:
        return QImage(max(w, 1), max(h, 1), QImage.Format.Format_RGB32)
    image = QImage(argb.data, w, h, 4 * w, QImage.Format.Format_RGB32)
    return image.copy()


def matrix_image(matrix: np.ndarray) -> QImage:
    """One pixel per cell, coloured by weight / the matrix's maximum."""
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim != 2:
        raise ValueError(f"expected a 2-D matrix, got shape {m.shape}")
    return argb_image(_LUT[_scaled(m)])


def _elide(fm: QFontMetrics, text: str, width: int) -> str:
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _label_width(fm: QFontMetrics, tokens: Sequence[str]) -> int:
    if not tokens:
        return 0
    widest = max(fm.horizontalAdvance(t) for t in tokens[:2000])
    return min(MAX_LABEL_PX, widest) + 6


# --------------------------------------------------------------------------- heatmap
@dataclass(frozen=True)
class HeatmapGeometry:
    """Where the parts of a heatmap go (pixels, from the top-left corner)."""

    size: QSize
    matrix: QRect            # the cells
    cell: float
    labels: bool
    title_h: int

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The ``(row, col)`` under a point, or ``None`` outside the cells."""
        r = self.matrix
        if not (r.left() <= x < r.left() + r.width() and r.top() <= y < r.top() + r.height()):
            return None
        return int((y - r.top()) // self.cell), int((x - r.left()) // self.cell)


def heatmap_geometry(n_rows: int, n_cols: int, cell: float, *, row_tokens: Sequence[str] = (),
                     col_tokens: Sequence[str] = (), title: bool = True) -> HeatmapGeometry:
    """Lay out a heatmap of ``n_rows × n_cols`` cells of ``cell`` px."""
    fm = QFontMetrics(label_font())
    labels = cell >= LABEL_MIN_CELL
    title_h = fm.height() + 6 if title else 0
    left = _label_width(fm, row_tokens) if labels else 4
    top = _label_width(fm, col_tokens) if labels else 4
    w = int(np.ceil(n_cols * cell))
    h = int(np.ceil(n_rows * cell))
    matrix = QRect(left, title_h + top, w, h)
    bar_w = 70  # colour bar and its numbers
    size = QSize(left + w + bar_w, max(title_h + top + h, title_h + 80) + 6)
    return HeatmapGeometry(size, matrix, float(cell), labels, title_h)


def render_heatmap(attn: Any, painter: QPainter, geometry: HeatmapGeometry, *,
                   title: str = "", image: QImage | None = None,
                   origin: QPointF | None = None) -> None:
    """Draw ``attn`` (a slice) as a heatmap laid out by ``geometry``.

    Parameters
    ----------
    attn
        The slice: ``matrix`` (rows = queries), ``row_tokens``, ``col_tokens``.
    painter
        Any QPainter (on a QImage, a widget or a QSvgGenerator).
    geometry
        From :func:`heatmap_geometry`.
    title
        Drawn above the cells.
    image
        A cached :func:`matrix_image` of ``attn.matrix`` (made here when ``None``).
    origin
        Where the top-left corner goes (default 0, 0).
    """
    matrix = np.asarray(attn.matrix)
    painter.save()
    if origin is not None:
        painter.translate(origin)
    font = label_font()
    painter.setFont(font)
    fm = QFontMetrics(font)
    if title:
        painter.setPen(_TEXT)
        painter.drawText(QRectF(2, 2, geometry.size.width() - 4, geometry.title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    rect = geometry.matrix
    img = image if image is not None else matrix_image(matrix)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(QRectF(rect), img)
    painter.setPen(QPen(_MUTED, 0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(rect).adjusted(-0.5, -0.5, 0.5, 0.5))
    cell = geometry.cell
    if geometry.labels:
        left = rect.left() - 4
        for i, tok in enumerate(attn.row_tokens):
            y = rect.top() + i * cell
            painter.setPen(_MUTED if tok in _SPECIAL else _TEXT)
            painter.drawText(QRectF(0, y, left, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _elide(fm, tok, MAX_LABEL_PX))
        top = rect.top() - 4
        painter.save()
        painter.translate(rect.left(), top)
        painter.rotate(-90)
        for j, tok in enumerate(attn.col_tokens):
            x = j * cell
            painter.setPen(_MUTED if tok in _SPECIAL else _TEXT)
            # After the rotation, +x goes up and +y goes right.
            painter.drawText(QRectF(0, x, top - geometry.title_h, cell),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             _elide(fm, tok, MAX_LABEL_PX))
        painter.restore()
    # Colour bar.
    top_value = float(matrix.max()) if matrix.size else 0.0
    bx = rect.right() + 14
    by = rect.top()
    bh = max(60, min(rect.height(), 200))
    bar = argb_image(_LUT[::-1].reshape(-1, 1))
    painter.drawImage(QRectF(bx, by, 12, bh), bar)
    painter.setPen(QPen(_MUTED, 0))
    painter.drawRect(QRectF(bx, by, 12, bh))
    painter.setPen(_TEXT)
    painter.drawText(QPointF(bx + 16, by + fm.ascent()), f"{top_value:.3g}")
    painter.drawText(QPointF(bx + 16, by + bh), "0")
    painter.restore()


# --------------------------------------------------------------------------- grid
@dataclass(frozen=True)
class GridGeometry:
    """Where the thumbnails of a layers × heads grid go."""

    layers: int
    heads: int
    thumb: int
    gap: int
    left: int
    top: int

    @property
    def size(self) -> QSize:
        return QSize(self.left + self.heads * (self.thumb + self.gap) + self.gap,
                     self.top + self.layers * (self.thumb + self.gap) + self.gap)

    def thumb_rect(self, layer: int, head: int) -> QRect:
        """The thumbnail of ``layer``, ``head`` (0-based)."""
        return QRect(self.left + self.gap + head * (self.thumb + self.gap),
                     self.top + self.gap + layer * (self.thumb + self.gap),
                     self.thumb, self.thumb)

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        """The ``(layer, head)`` whose thumbnail holds a point, or ``None``."""
        step = self.thumb + self.gap
        col = (x - self.left - self.gap) // step
        row = (y - self.top - self.gap) // step
        if not (0 <= col < self.heads and 0 <= row < self.layers):
            return None
        rect = self.thumb_rect(int(row), int(col))
        if not rect.contains(int(x), int(y)):
            return None
        return int(row), int(col)


def grid_geometry(layers: int, heads: int, thumb: int = 48, gap: int = 4) -> GridGeometry:
    """Lay out ``layers`` rows × ``heads`` columns of ``thumb`` px thumbnails."""
    fm = QFontMetrics(label_font())
    return GridGeometry(layers, heads, int(thumb), int(gap),
                        fm.horizontalAdvance(f"L{layers}") + 8, fm.height() + 4)


def _resample(weights: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Resize one axis to ``size``: block means when shrinking, nearest cells when growing."""
    n = weights.shape[axis]
    if n == size or n == 0:
        return weights
    if n > size:
        edges = np.linspace(0, n, size + 1).astype(np.int64)[:-1]
        sums = np.add.reduceat(weights, edges, axis=axis)
        counts = np.diff(np.append(edges, n)).astype(np.float32)
        shape = [1] * weights.ndim
        shape[axis] = size
        return sums / counts.reshape(shape)
    idx = (np.arange(size) * n) // size
    return np.take(weights, idx, axis=axis)


def grid_pixels(weights: np.ndarray, geometry: GridGeometry) -> np.ndarray:
    """The thumbnails of ``weights`` (layers, heads, rows, cols) as one ARGB array.

    Each thumbnail is its matrix resampled to ``thumb × thumb`` (block means when
    there are more cells than pixels) and scaled by its own maximum.  The array
    covers the whole grid (white around the thumbnails), labels excluded.
    """
    w = np.asarray(weights, dtype=np.float32)
    layers, heads = w.shape[:2]
    t, g = geometry.thumb, geometry.gap
    small = _resample(_resample(w, t, 2), t, 3)  # rows first: sums of contiguous rows
    colours = _LUT[_scaled(small)]
    h_px = layers * (t + g) + g
    w_px = heads * (t + g) + g
    out = np.full((h_px, w_px), 0xFFFFFFFF, dtype=np.uint32)
    view = out[g:g + layers * (t + g), g:g + heads * (t + g)].reshape(layers, t + g, heads, t + g)
    view[:, :t, :, :t] = colours.transpose(0, 2, 1, 3)
    return out


def render_grid(result: AttentionResult | Any, painter: QPainter, geometry: GridGeometry, *,
                weights: np.ndarray | None = None, pixels: QImage | None = None,
                selected: tuple[int, int] | None = None,
                origin: QPointF | None = None) -> None:
    """Draw the layers × heads thumbnails of ``result`` with ``L1…``/``H1…`` labels.

    Parameters
    ----------
    result
        The attention result (its ``weights``, or ``weights`` given here, e.g.
        with special tokens hidden or filtered to a direction).
    painter, geometry
        Where to draw; ``geometry`` from :func:`grid_geometry`.
    weights
        ``(layers, heads, rows, cols)`` to draw instead of ``result.weights``.
    pixels
        A cached QImage of :func:`grid_pixels` (made here when ``None``).
    selected
        ``(layer, head)`` to outline.
    origin
        Where the top-left corner goes.
    """
    painter.save()
    if origin is not None:
        painter.translate(origin)
    if pixels is None:
        w = result.weights if weights is None else weights
        pixels = argb_image(grid_pixels(w, geometry))
    painter.drawImage(QPointF(geometry.left, geometry.top), pixels)
    font = label_font()
    painter.setFont(font)
    painter.setPen(_TEXT)
    for layer in range(geometry.layers):
        r = geometry.thumb_rect(layer, 0)
        painter.drawText(QRectF(0, r.top(), geometry.left - 2, r.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"L{layer + 1}")
    for head in range(geometry.heads):
        r = geometry.thumb_rect(0, head)
        painter.drawText(QRectF(r.left(), 0, r.width(), geometry.top),
                         Qt.AlignmentFlag.AlignCenter, f"H{head + 1}")
    painter.setPen(QPen(QColor("#c8c8c8"), 0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for layer in range(geometry.layers):
        for head in range(geometry.heads):
            painter.drawRect(QRectF(geometry.thumb_rect(layer, head)).adjusted(-0.5, -0.5, 0, 0))
    if selected is not None:
        painter.setPen(QPen(QColor("#d62728"), 2))
        painter.drawRect(QRectF(geometry.thumb_rect(*selected)).adjusted(-1.5, -1.5, 1, 1))
    painter.restore()


# --------------------------------------------------------------------------- head view
@dataclass(frozen=True)
class HeadLinesGeometry:
    """Where the two token columns of a head view go."""

    size: QSize
    left_w: int        # width of the left (query) labels
    right_x: int       # where the right (key) labels start
    row_h: int
    title_h: int

    def token_at(self, x: float, y: float, n_rows: int, n_cols: int) -> tuple[str, int] | None:
        """``("row", i)`` or ``("col", j)`` for a point on a token label, else ``None``."""
        i = int((y - self.title_h) // self.row_h)
        if y < self.title_h:
            return None
        if x < self.left_w and 0 <= i < n_rows:
            return "row", i
        if x >= self.right_x and 0 <= i < n_cols:
            return "col", i
        return None


def head_lines_geometry(row_tokens: Sequence[str], col_tokens: Sequence[str], *,
                        row_h: int = LINE_ROW_PX, gap: int = LINE_GAP_PX,
                        title: bool = True) -> HeadLinesGeometry:
    """Lay out a head view: queries on the left, keys on the right, ``row_h`` px per token."""
    fm = QFontMetrics(label_font())
    title_h = fm.height() + 6 if title else 0
    left_w = max(40, _label_width(fm, row_tokens))
    right_w = max(40, _label_width(fm, col_tokens))
    rows = max(len(row_tokens), len(col_tokens), 1)
    size = QSize(left_w + gap + right_w, title_h + rows * row_h + 4)
    return HeadLinesGeometry(size, left_w, left_w + gap, row_h, title_h)


def render_head_lines(attn: Any, painter: QPainter, geometry: HeadLinesGeometry, *,
                      title: str = "", selected: tuple[str, int] | None = None,
                      min_weight: float = 0.01, clip: QRectF | None = None,
                      origin: QPointF | None = None) -> None:
    """Draw a BertViz-style head view: a line from each query token to each key token.

    A line's opacity and width grow with its weight (absolute: a weight of 1 is
    opaque, so near-uniform attention looks faint, as it is).  Lines below
    ``min_weight`` are left out, and at most :data:`MAX_LINES` (the heaviest)
    are drawn.

    Parameters
    ----------
    attn
        The slice: ``matrix`` (rows = queries, drawn on the left), ``row_tokens``,
        ``col_tokens``.
    painter, geometry
        Where to draw; ``geometry`` from :func:`head_lines_geometry`.
    title
        Drawn above the columns.
    selected
        ``("row", i)``: only the lines from query ``i``; ``("col", j)``: only the
        lines into key ``j``.
    min_weight
        Weight below which lines are skipped.
    clip
        Only tokens whose rows meet this rectangle get labels (a scrolled widget
        passes its visible part); lines are always complete.
    origin
        Where the top-left corner goes.
    """
    m = np.asarray(attn.matrix, dtype=np.float32)
    n_rows, n_cols = m.shape
    painter.save()
    if origin is not None:
        painter.translate(origin)
    font = label_font()
    painter.setFont(font)
    fm = QFontMetrics(font)
    rh = geometry.row_h
    y0 = geometry.title_h + rh / 2
    if title:
        painter.setPen(_TEXT)
        painter.drawText(QRectF(2, 2, geometry.size.width() - 4, geometry.title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    shown = m
    if selected is not None:
        side, k = selected
        shown = np.zeros_like(m)
        if side == "row" and 0 <= k < n_rows:
            shown[k] = m[k]
        elif side == "col" and 0 <= k < n_cols:
            shown[:, k] = m[:, k]
    if shown.size and float(shown.max()) > 0:
        rel = np.clip(shown, 0.0, 1.0)
        ii, jj = np.nonzero(rel >= min_weight)
        vals = rel[ii, jj]
        if len(vals) > MAX_LINES:
            keep = np.argpartition(vals, -MAX_LINES)[-MAX_LINES:]
            ii, jj, vals = ii[keep], jj[keep], vals[keep]
        levels = np.minimum((vals * 16).astype(np.int64), 15)
        x1, x2 = geometry.left_w + 2.0, geometry.right_x - 2.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for level in range(16):
            chosen = levels == level
            if not chosen.any():
                continue
            colour = QColor(_LINE_COLOUR)
            strength = (level + 1) / 16
            colour.setAlphaF(min(1.0, 0.08 + 0.92 * strength))
            painter.setPen(QPen(colour, 0.5 + 2.5 * strength))
            lines = [QLineF(x1, y0 + i * rh, x2, y0 + j * rh)
                     for i, j in zip(ii[chosen].tolist(), jj[chosen].tolist(), strict=True)]
            painter.drawLines(lines)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def visible(i: int) -> bool:
        if clip is None:
            return True
        y = geometry.title_h + i * rh
        return clip.top() - rh <= y <= clip.bottom() + rh

    def pen_for(tok: str, side: str, i: int) -> QColor:
        if selected == (side, i):
            return QColor("#d62728")
        return _MUTED if tok in _SPECIAL else _TEXT

    for i, tok in enumerate(attn.row_tokens):
        if visible(i):
            painter.setPen(pen_for(tok, "row", i))
            painter.drawText(QRectF(0, geometry.title_h + i * rh, geometry.left_w - 4, rh),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _elide(fm, tok, MAX_LABEL_PX))
    for j, tok in enumerate(attn.col_tokens):
        if visible(j):
            painter.setPen(pen_for(tok, "col", j))
            painter.drawText(QRectF(geometry.right_x + 4, geometry.title_h + j * rh,
                                    geometry.size.width() - geometry.right_x - 4, rh),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             _elide(fm, tok, MAX_LABEL_PX))
    painter.restore()


# --------------------------------------------------------------------------- output
def render_to_image(draw: Callable[[QPainter], None], size: QSize) -> QImage:
    """Run ``draw(painter)`` on a white ARGB image of ``size``."""
    image = QImage(max(1, size.width()), max(1, size.height()),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        draw(painter)
    finally:
        painter.end()
    return image


def export_image(draw: Callable[[QPainter], None], path: str | Path, size: QSize,
                 title: str = "Attention") -> Path:
    """Write what ``draw(painter)`` paints on a ``size`` canvas as PNG or SVG (by suffix).

    Parameters
    ----------
    draw
        Paints the picture (the same call the widget makes).
    path
        Target file: ``.png`` (raster, ``size`` pixels) or ``.svg`` (vectors;
        heatmap cells stay one embedded image).  Written atomically.
    size
        The canvas size in pixels.
    title
        The SVG document's title.

    Raises
    ------
    ParameterError
        For another suffix.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setResolution(96)
        generator.setTitle(title)
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
            draw(painter)
        finally:
            painter.end()
    elif suffix == ".png":
        render_to_image(draw, size).save(buffer, "PNG")
    else:
        raise ParameterError(QCoreApplication.translate(
            "AttentionRender", "Cannot export the picture as {name}: use a .png or .svg file "
            "name.").format(name=repr(target.name)))
    payload = QByteArray(buffer.data()).data()
    with atomic_write(target, "wb") as f:
        f.write(payload)
    return target
