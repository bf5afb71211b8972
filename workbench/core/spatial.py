"""A fixed-grid index over 2-D points for maps with up to millions of points.

:class:`PointGrid` sorts the points once by grid cell (``O(n log n)``) and
keeps, per cell, where its points start in that order, a summed-area table of
the cell counts and a pyramid of coarser count grids.  Per query it then costs:

* ``count_upper(rect)``: ``O(1)`` (points in the cells the rectangle touches);
* ``count_in_rect(rect)``: ``O(points in the boundary cells)``, exact;
* ``rows_in_rect(rect)``: ``O(points in the touched cells)``, exact;
* ``density(rect, bins_x, bins_y)``: a 2-D histogram at the requested
  resolution, read from the pyramid (``O(bins)``, independent of ``n``) or,
  when few points are in view or the grid is too coarse, binned exactly;
* ``nearest(x, y, rx, ry)``: the nearest point inside an ellipse.

Everything is numpy; no Qt.  Used by :mod:`workbench.ui.plots.embedding_map`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

__all__ = ["DensityTile", "PointGrid", "Rect", "default_grid_size", "points_in_polygon"]

#: ``(x0, x1, y0, y1)``, closed on all sides: a point on the edge is inside.
Rect = tuple[float, float, float, float]

#: Largest grid (cells per axis).  2048² cells cost about 75 MB of index.
MAX_GRID = 2048
MIN_GRID = 16


def default_grid_size(n: int) -> int:
    """Cells per axis for ``n`` points: the power of two at or above ``sqrt(n)``, in [16, 2048]."""
    if n <= 0:
        return MIN_GRID
    target = np.sqrt(n)
    size = 1 << int(np.ceil(np.log2(max(target, 1.0))))
    return int(min(MAX_GRID, max(MIN_GRID, size)))


@dataclass(frozen=True)
class DensityTile:
    """A 2-D histogram of the points in (or around) a rectangle.

    Attributes
    ----------
    counts
        ``(bins_y, bins_x)`` int64 point counts; row 0 is the lowest ``y``.
    rect
        ``(x0, x1, y0, y1)``: the area the histogram covers.  With ``exact``
        it is the requested rectangle; otherwise it is the requested rectangle
        widened to whole grid cells.
    exact
        True when the points were binned one by one (so ``counts.sum()`` is
        the number of points in ``rect``, edges included); False when the
        counts come from the precomputed cell pyramid (each bin is a block of
        grid cells, half-open on its upper edges).
    """

    counts: NDArray[np.int64]
    rect: Rect
    exact: bool


class PointGrid:
    """Grid index over ``n`` points in the plane.

    Parameters
    ----------
    coords
        ``(n, 2)`` array of finite ``x, y`` values (any float dtype; kept as float64).
    grid_size
        Cells per axis, a power of two; default :func:`default_grid_size`.

    Raises
    ------
    ParameterError
        If ``coords`` is not ``(n, 2)``, holds NaN or infinity, or ``grid_size``
        is not a power of two.

    Notes
    -----
    Memory: ``16·n`` bytes of sorted coordinates, ``8·n`` for the order and
    about ``18·grid_size²`` bytes of cell tables (19 MB for the 1024² grid
    of a million points).
    """

    def __init__(self, coords: ArrayLike, grid_size: int | None = None) -> None:
        xy = np.asarray(coords, dtype=np.float64)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ParameterError(msg("The map coordinates must be an (n, 2) array, not shape "
                                     "{xy_shape}.", xy_shape=xy.shape))
        finite = np.isfinite(xy).all(axis=1)
        if not finite.all():
            bad = int(np.flatnonzero(~finite)[0])
            raise ParameterError(msg("The map coordinates of row {bad} are not finite ({xy!r}, "
                                     "{xy2!r}).", bad=bad, xy=xy[bad, 0], xy2=xy[bad, 1]))
        n = len(xy)
        g = default_grid_size(n) if grid_size is None else int(grid_size)
        if g < 1 or g & (g - 1):
            raise ParameterError(msg("grid_size must be a power of two, not {grid_size!r}.",
                                     grid_size=grid_size))
        self.n = n
        self.grid_size = g
        self.levels = g.bit_length() - 1  # log2(g)
        if n:
            xmin, ymin = xy.min(axis=0)
            xmax, ymax = xy.max(axis=0)
        else:
            xmin = ymin = 0.0
            xmax = ymax = 1.0
        #: Bounding box of the points, ``(x0, x1, y0, y1)``.
        self.bounds: Rect = (float(xmin), float(xmax), float(ymin), float(ymax))
        # The grid spans the bounding box plus a hair so that the largest
        # point falls inside the last cell rather than on its upper edge.
        wx = float(xmax - xmin) or 1.0
        wy = float(ymax - ymin) or 1.0
        self._x0, self._y0 = float(xmin), float(ymin)
        self._cw = wx * (1.0 + 1e-9) / g  # cell width / height at level 0
        self._ch = wy * (1.0 + 1e-9) / g
        self._inv_cw = 1.0 / self._cw
        self._inv_ch = 1.0 / self._ch

        cx = self._cell_x(xy[:, 0])
        cy = self._cell_y(xy[:, 1])
        ids = cy * g + cx
        order = np.argsort(ids, kind="stable")
        #: Row numbers of the points in cell order (``rows[order]`` is cell-sorted).
        self.order: NDArray[np.int64] = order.astype(np.int64, copy=False)
        self.xs: NDArray[np.float64] = np.ascontiguousarray(xy[order, 0])
        self.ys: NDArray[np.float64] = np.ascontiguousarray(xy[order, 1])
        count_dtype = np.int32 if n < 2**31 - 1 else np.int64
        counts0 = np.bincount(ids, minlength=g * g).astype(count_dtype).reshape(g, g)
        self._start = np.zeros(g * g + 1, dtype=np.int64)
        np.cumsum(counts0.ravel(), out=self._start[1:])
        sat = np.zeros((g + 1, g + 1), dtype=count_dtype)
        np.cumsum(np.cumsum(counts0, axis=0, dtype=count_dtype), axis=1, dtype=count_dtype,
                  out=sat[1:, 1:])
        self._sat = sat
        #: ``pyramid[k]``: counts of ``2^k × 2^k`` cell blocks, shape ``(g >> k, g >> k)``.
        self.pyramid: list[NDArray[np.integer]] = [counts0]
        for _ in range(self.levels):
            prev = self.pyramid[-1]
            pairs = prev[0::2] + prev[1::2]
            self.pyramid.append(pairs[:, 0::2] + pairs[:, 1::2])

    # -- cells -----------------------------------------------------------------
    def _cell_x(self, x: NDArray[np.float64] | float) -> NDArray[np.int64]:
        # Monotone in x (float subtraction and scaling by a positive constant
        # are monotone), so cells strictly between two boundary cells hold
        # only points strictly between the two boundary coordinates.
        c = np.clip(np.floor((np.asarray(x, dtype=np.float64) - self._x0) * self._inv_cw),
                    0, self.grid_size - 1)
        return c.astype(np.int64)

    def _cell_y(self, y: NDArray[np.float64] | float) -> NDArray[np.int64]:
        c = np.clip(np.floor((np.asarray(y, dtype=np.float64) - self._y0) * self._inv_ch),
                    0, self.grid_size - 1)
        return c.astype(np.int64)

    def _cells(self, rect: Rect) -> tuple[int, int, int, int] | None:
        """Inclusive cell ranges ``(cx0, cx1, cy0, cy1)`` touched by ``rect``; None if disjoint."""
        x0, x1, y0, y1 = (float(v) for v in rect)
        bx0, bx1, by0, by1 = self.bounds
        if self.n == 0 or x1 < x0 or y1 < y0 or x1 < bx0 or x0 > bx1 or y1 < by0 or y0 > by1:
            return None
        return (int(self._cell_x(x0)), int(self._cell_x(x1)),
                int(self._cell_y(y0)), int(self._cell_y(y1)))

    def _sat_sum(self, cx0: int, cx1: int, cy0: int, cy1: int) -> int:
        if cx1 < cx0 or cy1 < cy0:
            return 0
        s = self._sat
        return int(s[cy1 + 1, cx1 + 1]) - int(s[cy0, cx1 + 1]) - int(s[cy1 + 1, cx0]) \
            + int(s[cy0, cx0])

    def _segments(self, rows: NDArray[np.int64], c0: NDArray[np.int64] | int,
                  c1: NDArray[np.int64] | int) -> NDArray[np.int64]:
        """Positions (into the cell-sorted arrays) of cells ``c0..c1`` of each grid row."""
        g = self.grid_size
        base = rows * g
        starts = self._start[base + c0]
        ends = self._start[base + np.asarray(c1) + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64)
        # Concatenate the ranges [starts[i], ends[i]) without a Python loop.
        keep = lengths > 0
        starts, lengths = starts[keep], lengths[keep]
        offsets = np.cumsum(lengths) - lengths
        return np.repeat(starts - offsets, lengths) + np.arange(total, dtype=np.int64)

    def _inside(self, pos: NDArray[np.int64], rect: Rect) -> NDArray[np.int64]:
        x0, x1, y0, y1 = (float(v) for v in rect)
        xs, ys = self.xs[pos], self.ys[pos]
        return pos[(xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)]

    def _positions_in_rect(self, rect: Rect) -> NDArray[np.int64]:
        cells = self._cells(rect)
        if cells is None:
            return np.empty(0, dtype=np.int64)
        cx0, cx1, cy0, cy1 = cells
        pos = self._segments(np.arange(cy0, cy1 + 1, dtype=np.int64), cx0, cx1)
        return self._inside(pos, rect)

    # -- public queries ----------------------------------------------------------
    def count_upper(self, rect: Rect) -> int:
        """Points in the grid cells that ``rect`` touches: an upper bound, ``O(1)``."""
        cells = self._cells(rect)
        return 0 if cells is None else self._sat_sum(*cells)

    def count_in_rect(self, rect: Rect) -> int:
        """Exact number of points with ``x0 <= x <= x1`` and ``y0 <= y <= y1``.

        Interior cells are counted from the summed-area table; only the points
        of the boundary cells are tested one by one.
        """
        cells = self._cells(rect)
        if cells is None:
            return 0
        cx0, cx1, cy0, cy1 = cells
        total = self._sat_sum(cx0 + 1, cx1 - 1, cy0 + 1, cy1 - 1)
        edge_rows = np.unique(np.array([cy0, cy1], dtype=np.int64))
        parts = [self._segments(edge_rows, cx0, cx1)]
        if cy1 - cy0 > 1:
            middle = np.arange(cy0 + 1, cy1, dtype=np.int64)
            for c in {cx0, cx1}:
                parts.append(self._segments(middle, c, c))
        pos = np.concatenate(parts)
        return total + len(self._inside(pos, rect))

    def rows_in_rect(self, rect: Rect) -> NDArray[np.int64]:
        """Row numbers of the points inside ``rect`` (edges included), in cell order."""
        return self.order[self._positions_in_rect(rect)]

    def rows_in_polygon(self, polygon: ArrayLike) -> NDArray[np.int64]:
        """Row numbers of the points inside a polygon (even–odd rule), ascending.

        Parameters
        ----------
        polygon
            ``(m, 2)`` vertices, ``m >= 3``; the polygon is closed implicitly.
        """
        poly = np.asarray(polygon, dtype=np.float64)
        if poly.ndim != 2 or poly.shape[1] != 2 or len(poly) < 3:
            return np.empty(0, dtype=np.int64)
        rect = (poly[:, 0].min(), poly[:, 0].max(), poly[:, 1].min(), poly[:, 1].max())
        pos = self._positions_in_rect(rect)
        inside = points_in_polygon(self.xs[pos], self.ys[pos], poly)
        return np.sort(self.order[pos[inside]])

    def nearest(self, x: float, y: float, rx: float, ry: float) -> int:
        """Row of the point nearest to ``(x, y)`` within the ellipse of radii ``rx, ry``.

        Distances are measured in units of the radii, ``((dx/rx)² + (dy/ry)²)``,
        so with ``rx, ry`` = *r* pixels in data units this is the nearest
        point on screen within *r* pixels.  Returns -1 when none is that close.
        """
        if rx <= 0 or ry <= 0:
            return -1
        pos = self._positions_in_rect((x - rx, x + rx, y - ry, y + ry))
        if len(pos) == 0:
            return -1
        d = ((self.xs[pos] - x) / rx) ** 2 + ((self.ys[pos] - y) / ry) ** 2
        best = int(np.argmin(d))
        if d[best] > 1.0:
            return -1
        return int(self.order[pos[best]])

    def density(self, rect: Rect, bins_x: int, bins_y: int,
                exact_limit: int = 500_000) -> DensityTile:
        """A 2-D histogram of the points in ``rect`` with about ``bins_x × bins_y`` bins.

        When at most ``exact_limit`` points can be in view, or the grid is
        coarser than the bins asked for, the points in ``rect`` are binned
        exactly (``counts.sum()`` equals :meth:`count_in_rect`).  Otherwise the
        counts are read from the pyramid level whose cells are the largest not
        wider than one bin: between ``bins`` and ``2·bins`` bins per axis,
        covering ``rect`` widened to whole cells, in time independent of ``n``.
        """
        bins_x, bins_y = max(1, int(bins_x)), max(1, int(bins_y))
        x0, x1, y0, y1 = (float(v) for v in rect)
        cells = self._cells(rect)
        if cells is None:
            return DensityTile(np.zeros((bins_y, bins_x), dtype=np.int64), (x0, x1, y0, y1), True)
        bin_w = (x1 - x0) / bins_x
        bin_h = (y1 - y0) / bins_y
        lx = int(np.floor(np.log2(bin_w / self._cw))) if bin_w > 0 else -1
        ly = int(np.floor(np.log2(bin_h / self._ch))) if bin_h > 0 else -1
        if min(lx, ly) < 0 or self._sat_sum(*cells) <= exact_limit:
            return self._exact_density(rect, bins_x, bins_y)
        lx, ly = min(lx, self.levels), min(ly, self.levels)
        cx0, cx1, cy0, cy1 = cells
        level = min(lx, ly)
        fx, fy = 1 << (lx - level), 1 << (ly - level)
        # Block bounds at the (lx, ly) resolution, then in cells of ``level``.
        bc0, bc1 = cx0 >> lx, cx1 >> lx
        br0, br1 = cy0 >> ly, cy1 >> ly
        grid = self.pyramid[level]
        block = grid[br0 * fy:(br1 + 1) * fy, bc0 * fx:(bc1 + 1) * fx]
        nr, nc = br1 - br0 + 1, bc1 - bc0 + 1
        if fx > 1 or fy > 1:
            block = block.reshape(nr, fy, nc, fx).sum(axis=(1, 3))
        counts = block.astype(np.int64)
        cw, ch = self._cw * (1 << lx), self._ch * (1 << ly)
        tile_rect = (self._x0 + bc0 * cw, self._x0 + (bc1 + 1) * cw,
                     self._y0 + br0 * ch, self._y0 + (br1 + 1) * ch)
        return DensityTile(counts, tile_rect, False)

    def _exact_density(self, rect: Rect, bins_x: int, bins_y: int) -> DensityTile:
        x0, x1, y0, y1 = (float(v) for v in rect)
        pos = self._positions_in_rect(rect)
        w = (x1 - x0) or 1.0
        h = (y1 - y0) or 1.0
        bx = np.clip(((self.xs[pos] - x0) * (bins_x / w)).astype(np.int64), 0, bins_x - 1)
        by = np.clip(((self.ys[pos] - y0) * (bins_y / h)).astype(np.int64), 0, bins_y - 1)
        counts = np.bincount(by * bins_x + bx, minlength=bins_x * bins_y)
        return DensityTile(counts.reshape(bins_y, bins_x).astype(np.int64), (x0, x1, y0, y1),
                           True)


def points_in_polygon(x: NDArray[np.float64], y: NDArray[np.float64],
                      polygon: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Even–odd test of points ``(x[i], y[i])`` against a closed polygon, vectorised per edge."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    poly = np.asarray(polygon, dtype=np.float64)
    inside = np.zeros(len(x), dtype=bool)
    if len(poly) < 3 or len(x) == 0:
        return inside
    xa, ya = poly[:, 0], poly[:, 1]
    xb, yb = np.roll(xa, -1), np.roll(ya, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for x1, y1, x2, y2 in zip(xa, ya, xb, yb, strict=True):
            if y1 == y2:
                continue  # a horizontal edge is never crossed by a horizontal ray
            crosses = (y1 > y) != (y2 > y)
            x_at = x1 + (y - y1) * ((x2 - x1) / (y2 - y1))
            inside ^= crosses & (x < x_at)
    return inside
