"""The embedding map: density when zoomed out, exact points when zoomed in, picking, export.

Every expectation is computed independently: numpy brute force over all
points (counts in a rectangle, nearest on screen, points in a polygon),
``np.histogram2d`` for the density, the palette constants for colours, a
plain ``ScatterPlotItem`` for the fast scatter path, and ``csv``/``json``
reading for the exports.
"""

from __future__ import annotations

import csv
import json
import xml.dom.minidom
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from workbench.core.errors import ParameterError
from workbench.core.spatial import PointGrid, default_grid_size, points_in_polygon
from workbench.ui.plots.embedding_map import (
    CATEGORY_COLOURS,
    OTHER_COLOUR,
    EmbeddingMapView,
    _PaletteScatter,
)

Rect = tuple[float, float, float, float]


# --------------------------------------------------------------------------- data
def blobs(n: int, seed: int = 0, k: int = 12) -> np.ndarray:
    """Clustered float32 coordinates: ``k`` Gaussian blobs of different sizes."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-20, 20, size=(k, 2))
    scales = rng.uniform(0.3, 3.0, size=k)
    which = rng.integers(0, k, size=n)
    return (centres[which] + rng.normal(size=(n, 2)) * scales[which, None]).astype(np.float32)


def words_for(n: int) -> list[str]:
    return [f"w{i:06d}" for i in range(n)]


def inside(xy: np.ndarray, rect: Rect) -> np.ndarray:
    """Brute force: rows with x0 <= x <= x1 and y0 <= y <= y1 (float64 comparisons)."""
    x = xy[:, 0].astype(np.float64)
    y = xy[:, 1].astype(np.float64)
    x0, x1, y0, y1 = rect
    return np.flatnonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1))


def nearest_on_screen(xy: np.ndarray, x: float, y: float, px: float, py: float,
                      radius: float) -> int:
    """Brute force: nearest row in screen pixels within ``radius`` pixels, else -1."""
    dx = (xy[:, 0].astype(np.float64) - x) / px
    dy = (xy[:, 1].astype(np.float64) - y) / py
    d = dx**2 + dy**2
    best = int(np.argmin(d))
    return best if d[best] <= radius**2 else -1


@pytest.fixture(scope="module")
def big() -> np.ndarray:
    return blobs(200_000, seed=1)


@pytest.fixture
def make_view(qtbot: Any) -> Callable[..., EmbeddingMapView]:
    def factory(**kwargs: Any) -> EmbeddingMapView:
        view = EmbeddingMapView(**kwargs)
        qtbot.addWidget(view)
        view.resize(800, 600)
        view.show()
        qtbot.waitExposed(view)
        return view

    return factory


def viewport_pos(view: EmbeddingMapView, x: float, y: float) -> QPoint:
    """Where data point ``(x, y)`` is on the plot's viewport, in widget pixels."""
    scene = view.view_box.mapViewToScene(QPointF(x, y))
    return view.plot.mapFromScene(scene)


def data_pos(view: EmbeddingMapView, p: QPoint) -> tuple[float, float]:
    v = view.view_box.mapSceneToView(view.plot.mapToScene(p))
    return v.x(), v.y()


# --------------------------------------------------------------------------- grid index (Qt-free)
def test_grid_counts_and_rows_match_brute_force_including_edges() -> None:
    rng = np.random.default_rng(3)
    # Integer lattice points: many lie exactly on the query edges (closed rectangles).
    xy = rng.integers(-50, 51, size=(20_000, 2)).astype(np.float64)
    grid = PointGrid(xy, grid_size=64)
    rects: list[Rect] = [(-50, 50, -50, 50), (-10, 10, -5, 5), (3, 3, -50, 50), (0, 0, 0, 0),
                         (-100, -60, 0, 10), (49.5, 80, -80, 80), (-7, 22, 13, 13)]
    for _ in range(40):
        x0, x1 = sorted(rng.integers(-55, 56, size=2).tolist())
        y0, y1 = sorted(rng.integers(-55, 56, size=2).tolist())
        rects.append((x0, x1, y0, y1))
    for rect in rects:
        want = inside(xy, rect)
        assert grid.count_in_rect(rect) == len(want), rect
        assert np.array_equal(np.sort(grid.rows_in_rect(rect)), want), rect
        assert grid.count_upper(rect) >= len(want)


def test_grid_on_clustered_float_data() -> None:
    xy = blobs(50_000, seed=5)
    grid = PointGrid(xy)
    assert grid.grid_size == default_grid_size(50_000) == 256
    rng = np.random.default_rng(0)
    for _ in range(30):
        cx, cy = xy[rng.integers(len(xy))]
        w, h = rng.uniform(0.05, 15, size=2)
        rect = (cx - w, cx + w, cy - h, cy + h)
        want = inside(xy, rect)
        assert grid.count_in_rect(rect) == len(want)
        assert set(grid.rows_in_rect(rect).tolist()) == set(want.tolist())


def test_exact_density_equals_histogram2d() -> None:
    xy = blobs(30_000, seed=7).astype(np.float64)
    grid = PointGrid(xy)
    rect = (-8.3, 11.7, -6.1, 9.4)
    tile = grid.density(rect, 120, 90)  # few points: binned exactly
    assert tile.exact and tile.rect == rect and tile.counts.shape == (90, 120)
    hist, _, _ = np.histogram2d(xy[:, 1], xy[:, 0], bins=(90, 120),
                                range=((rect[2], rect[3]), (rect[0], rect[1])))
    assert tile.counts.sum() == len(inside(xy, rect))
    assert np.array_equal(tile.counts, hist.astype(np.int64))


def test_pyramid_density_covers_whole_cells() -> None:
    xy = blobs(120_000, seed=8).astype(np.float64)
    grid = PointGrid(xy)
    x0, x1, y0, y1 = grid.bounds
    rect = (x0 + 0.1 * (x1 - x0), x1 - 0.2 * (x1 - x0), y0 + 0.05 * (y1 - y0), y1)
    tile = grid.density(rect, 100, 80, exact_limit=0)  # force the precomputed pyramid
    assert not tile.exact
    ny, nx = tile.counts.shape
    assert 100 <= nx < 200 and 80 <= ny < 160  # between 1 and 2 bins per bin asked for
    tx0, tx1, ty0, ty1 = tile.rect
    assert tx0 <= rect[0] and tx1 >= rect[1] and ty0 <= rect[2] and ty1 >= rect[3]
    hist, _, _ = np.histogram2d(xy[:, 1], xy[:, 0], bins=(ny, nx), range=((ty0, ty1), (tx0, tx1)))
    # Cell edges are computed two ways (grid arithmetic vs. linspace): a point
    # within rounding distance of an edge may land in the neighbouring bin.
    assert np.abs(tile.counts - hist).sum() <= 4
    x, y = xy[:, 0], xy[:, 1]
    in_tile = ((x >= tx0) & (x < tx1) & (y >= ty0) & (y < ty1)).sum()
    assert abs(int(tile.counts.sum()) - int(in_tile)) <= 2


def test_nearest_matches_brute_force_with_anisotropic_radii() -> None:
    xy = blobs(20_000, seed=9).astype(np.float64)
    grid = PointGrid(xy)
    rng = np.random.default_rng(1)
    for _ in range(200):
        qx, qy = rng.uniform(-25, 25, size=2)
        rx, ry = rng.uniform(0.01, 2.0, size=2)
        want = nearest_on_screen(xy, qx, qy, rx, ry, 1.0)
        assert grid.nearest(qx, qy, rx, ry) == want


def test_polygon_selection_matches_independent_tests() -> None:
    xy = blobs(20_000, seed=10).astype(np.float64)
    grid = PointGrid(xy)
    # A convex triangle: inside = on the left of all three counter-clockwise edges.
    tri = np.array([[-10.0, -8.0], [12.0, -3.0], [1.0, 14.0]])
    a, b = tri, np.roll(tri, -1, axis=0)
    cross = ((b[:, 0] - a[:, 0])[None, :] * (xy[:, 1, None] - a[:, 1][None, :])
             - (b[:, 1] - a[:, 1])[None, :] * (xy[:, 0, None] - a[:, 0][None, :]))
    want = np.flatnonzero((cross > 0).all(axis=1))
    assert np.array_equal(grid.rows_in_polygon(tri), want)
    # A concave L shape = the union of two rectangles.
    ell = np.array([[-10, -10], [10, -10], [10, -4], [-4, -4], [-4, 10], [-10, 10]], float)
    x, y = xy[:, 0], xy[:, 1]
    in_l = (((x > -10) & (x < 10) & (y > -10) & (y < -4))
            | ((x > -10) & (x < -4) & (y > -10) & (y < 10)))
    assert np.array_equal(grid.rows_in_polygon(ell), np.flatnonzero(in_l))
    assert not points_in_polygon(np.array([0.0]), np.array([0.0]), ell[:2]).any()


def test_grid_rejects_bad_coordinates_and_handles_empty() -> None:
    bad = np.zeros((5, 2))
    bad[3, 1] = np.nan
    with pytest.raises(ParameterError, match="row 3"):
        PointGrid(bad)
    with pytest.raises(ParameterError, match=r"\(n, 2\)"):
        PointGrid(np.zeros((4, 3)))
    empty = PointGrid(np.zeros((0, 2)))
    assert empty.count_in_rect((-1, 1, -1, 1)) == 0
    assert len(empty.rows_in_rect((-1, 1, -1, 1))) == 0
    assert empty.nearest(0, 0, 1, 1) == -1


# --------------------------------------------------------------------------- points and density
def test_small_map_shows_every_point(make_view: Callable[..., EmbeddingMapView]) -> None:
    xy = blobs(5_000, seed=2)
    view = make_view()
    view.set_points(xy, words_for(5_000))
    view.reset_view()
    view.refresh_now()
    assert view.mode == "points"
    assert view.point_count == view.visible_point_count == 5_000
    x, y = view.scatter.getData()
    got = np.column_stack([x, y])
    want = xy.astype(np.float64)
    assert len(got) == 5_000
    assert np.array_equal(got[np.lexsort(got.T)], want[np.lexsort(want.T)])
    assert view.status.text().startswith("5,000 of 5,000 points")


def test_zoomed_out_density_then_zoomed_in_points(make_view: Callable[..., EmbeddingMapView],
                                                  big: np.ndarray) -> None:
    view = make_view()
    view.set_points(big, words_for(len(big)))
    assert view.mode == "density"
    assert view.visible_point_count == len(big)
    counts = view.density
    assert counts is not None and counts.sum() == len(big)
    image = view.image.image
    assert image.shape == counts.shape
    assert np.allclose(np.expm1(image), counts, rtol=1e-5, atol=1e-3)  # log1p of the counts
    lo, hi = view.image.getLevels()
    assert lo == 0 and hi == pytest.approx(np.log1p(counts.max()), rel=1e-6)
    assert len(view.scatter.getData()[0]) == 0 and not view.scatter.isVisible()
    assert view.image.isVisible()
    assert "density" in view.status.text()

    # Part of the map, still dense: the count is exact, the image covers the view.
    x0, x1, y0, y1 = view.view_rect()
    view.set_view(x0 + 0.3 * (x1 - x0), x1, y0, y1 - 0.25 * (y1 - y0))
    view.refresh_now()
    rect = view.view_rect()
    assert view.mode == "density"
    assert view.visible_point_count == len(inside(big, rect))
    dx0, dx1, dy0, dy1 = view.density_rect
    assert dx0 <= rect[0] + 1e-9 and dx1 >= rect[1] - 1e-9
    assert dy0 <= rect[2] + 1e-9 and dy1 >= rect[3] - 1e-9
    x, y = big[:, 0].astype(np.float64), big[:, 1].astype(np.float64)
    in_image = ((x >= dx0) & (x <= dx1) & (y >= dy0) & (y <= dy1)).sum()
    assert abs(int(view.density.sum()) - int(in_image)) <= 2

    # A small window: exactly the points inside it are drawn.
    cx, cy = big[123]
    view.set_view(cx - 0.4, cx + 0.4, cy - 0.3, cy + 0.3)
    view.refresh_now()
    rect = view.view_rect()
    want = inside(big, rect)
    assert view.mode == "points"
    assert 0 < len(want) <= view.point_threshold
    assert view.visible_point_count == len(want)
    x, y = view.scatter.getData()
    assert len(x) == len(want)
    assert np.array_equal(np.asarray(view.visible_rows), want)
    assert np.array_equal(x, big[want, 0].astype(np.float64))
    assert np.array_equal(y, big[want, 1].astype(np.float64))
    assert not view.image.isVisible()


def test_view_changes_are_coalesced(qtbot: Any, make_view: Callable[..., EmbeddingMapView],
                                    big: np.ndarray) -> None:
    view = make_view()
    view.set_points(big, words_for(len(big)))
    updates: list[int] = []
    view.view_updated.connect(lambda: updates.append(1))
    cx, cy = big[0]
    for k in range(10):  # a quick zoom: ten range changes in a row
        h = 10.0 / (k + 1)
        view.set_view(cx - h, cx + h, cy - h, cy + h)
    assert view.refresh_pending and not updates
    with qtbot.waitSignal(view.view_updated, timeout=2000):
        pass
    qtbot.wait(80)
    assert len(updates) == 1
    assert view.visible_point_count == len(inside(big, view.view_rect()))


def test_fast_scatter_draws_like_plain_scatter(qtbot: Any) -> None:
    rng = np.random.default_rng(4)
    x, y = rng.uniform(0, 10, 400), rng.uniform(0, 10, 400)
    palette = np.empty(3, dtype=object)
    for k, c in enumerate(("#d62728", "#2ca02c", "#1f77b4")):
        palette[k] = pg.mkBrush(c)
    index = rng.integers(0, 3, 400)
    images = []
    for fast in (True, False):
        widget = pg.PlotWidget(background="w")
        qtbot.addWidget(widget)
        widget.resize(300, 300)
        item = _PaletteScatter(pxMode=True, size=7, pen=pg.mkPen(None))
        widget.addItem(item)
        if fast:
            item.set_palette_points(x, y, index, palette)
        else:
            item.setData(x=x, y=y, brush=list(palette[index]))
        widget.setXRange(0, 10, padding=0)
        widget.setYRange(0, 10, padding=0)
        widget.show()
        qtbot.waitExposed(widget)
        images.append(widget.viewport().grab().toImage())
        gx, gy = item.getData()
        assert np.array_equal(gx, x) and np.array_equal(gy, y)
        assert [b.color().name() for b in item.data["brush"]] == \
            [palette[i].color().name() for i in index]
    assert images[0] == images[1]


# --------------------------------------------------------------------------- hover, search, click
def test_hover_finds_the_nearest_word_on_screen(qtbot: Any,
                                                make_view: Callable[..., EmbeddingMapView],
                                                big: np.ndarray) -> None:
    view = make_view()
    words = words_for(len(big))
    view.set_points(big, words)
    rng = np.random.default_rng(6)
    for zoom in (None, 3.0):
        if zoom is not None:
            cx, cy = big[77]
            view.set_view(cx - zoom, cx + zoom, cy - zoom, cy + zoom)
            view.refresh_now()
        x0, x1, y0, y1 = view.view_rect()
        px, py = view.pixel_size()
        for qx, qy in zip(rng.uniform(x0, x1, 60), rng.uniform(y0, y1, 60), strict=True):
            want = nearest_on_screen(big, qx, qy, px, py, 8.0)
            assert view.row_at(qx, qy) == want
            assert view.word_at(qx, qy) == (None if want < 0 else words[want])

    # And through the mouse: moving onto a point shows its word.
    row = int(view.visible_rows[0]) if view.visible_rows is not None else 77
    pos = viewport_pos(view, *view.coords_of(row))
    qtbot.mouseMove(view.plot.viewport(), pos)
    qx, qy = data_pos(view, pos)
    want = nearest_on_screen(big, qx, qy, px, py, 8.0)
    qtbot.waitUntil(lambda: view.hovered_row == want, timeout=2000)
    assert view.hover_label.isVisible() and words[want] in view.hover_label.toPlainText()


def test_highlight_word_centres_and_zooms_to_points(make_view: Callable[..., EmbeddingMapView],
                                                   big: np.ndarray) -> None:
    view = make_view()
    words = words_for(len(big))
    view.set_points(big, words)
    assert view.mode == "density"
    before = view.view_rect()
    assert not view.highlight_word("no-such-word")
    assert view.view_rect() == before and view.highlighted_rows == []

    row = 4321
    assert view.highlight_word(words[row])
    x0, x1, y0, y1 = view.view_rect()
    x, y = big[row]
    assert x0 <= x <= x1 and y0 <= y <= y1
    assert abs(x - (x0 + x1) / 2) < 0.05 * (x1 - x0)
    assert abs(y - (y0 + y1) / 2) < 0.05 * (y1 - y0)
    assert view.mode == "points"  # zoomed in until words show
    assert view.highlighted_rows == [row]
    assert words[row] in view.label_texts()
    hx, hy = view.highlight_item.getData()
    assert list(zip(hx, hy, strict=True)) == [(float(x), float(y))]


def test_click_selects_the_nearest_word(qtbot: Any, make_view: Callable[..., EmbeddingMapView]
                                        ) -> None:
    xy = blobs(3_000, seed=11)
    words = words_for(3_000)
    view = make_view()
    view.set_points(xy, words)
    px, py = view.pixel_size()
    row = 2024
    pos = viewport_pos(view, *view.coords_of(row)) + QPoint(2, -1)
    qx, qy = data_pos(view, pos)
    want = nearest_on_screen(xy, qx, qy, px, py, 6.0)
    assert want >= 0
    changes: list[list[int]] = []
    view.selection_changed.connect(changes.append)
    with qtbot.waitSignal(view.word_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [words[want]]
    assert view.selected_rows == [want] and changes == [[want]]
    assert words[want] in view.label_texts()

    # Esc clears the selection; Home shows everything again.
    view.set_view(-1, 1, -1, 1)
    view.plot.setFocus()
    qtbot.keyClick(view.plot, Qt.Key.Key_Escape)
    assert view.selected_rows == [] and changes[-1] == []
    qtbot.keyClick(view.plot, Qt.Key.Key_Home)
    x0, x1, y0, y1 = view.view_rect()
    bx0, bx1, by0, by1 = xy[:, 0].min(), xy[:, 0].max(), xy[:, 1].min(), xy[:, 1].max()
    assert x0 < bx0 and x1 > bx1 and y0 < by0 and y1 > by1
    view.set_view(-1, 1, -1, 1)
    qtbot.keyClick(view.plot, Qt.Key.Key_R)
    assert view.view_rect() == (x0, x1, y0, y1)


def test_shift_drag_selects_the_rectangle(qtbot: Any, make_view: Callable[..., EmbeddingMapView]
                                         ) -> None:
    xy = blobs(8_000, seed=12)
    view = make_view()
    view.set_points(xy, words_for(8_000))
    vp = view.plot.viewport()
    start, end = QPoint(250, 180), QPoint(470, 390)
    shift = Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(view.selection_changed, timeout=2000) as blocker:
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, shift, start)
        for k in range(1, 11):
            qtbot.mouseMove(vp, start + (end - start) * (k / 10))
            qtbot.wait(15)  # pyqtgraph drops mouse moves closer than 10 ms apart
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, shift, end)
    ax, ay = data_pos(view, start)
    bx, by = data_pos(view, end)
    want = inside(xy, (min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)))
    assert len(want) > 50
    got = np.asarray(blocker.args[0])
    # The drag ends at the last delivered position, which is `end` to within a pixel.
    px, py = view.pixel_size()
    tol = inside(xy, (min(ax, bx) - px, max(ax, bx) + px, min(ay, by) - py, max(ay, by) + py))
    core = inside(xy, (min(ax, bx) + px, max(ax, bx) - px, min(ay, by) + py, max(ay, by) - py))
    assert set(core.tolist()) <= set(got.tolist()) <= set(tol.tolist())
    assert view.selected_rows == got.tolist()


def triangle_distances(xy: np.ndarray, tri: np.ndarray) -> np.ndarray:
    """Signed distance of each point to each edge of a triangle, positive inside."""
    a, b = tri, np.roll(tri, -1, axis=0)
    u, v = tri[1] - tri[0], tri[2] - tri[0]
    if u[0] * v[1] - u[1] * v[0] < 0:  # make it counter-clockwise
        a, b = b, a
    edge = b - a
    x = xy[:, 0, None].astype(np.float64)
    y = xy[:, 1, None].astype(np.float64)
    cross = edge[:, 0] * (y - a[:, 1]) - edge[:, 1] * (x - a[:, 0])
    return cross / np.hypot(edge[:, 0], edge[:, 1])


def test_ctrl_drag_lasso_selects_the_polygon(qtbot: Any,
                                             make_view: Callable[..., EmbeddingMapView]) -> None:
    xy = blobs(8_000, seed=16)
    view = make_view()
    view.set_points(xy, words_for(8_000))
    vp = view.plot.viewport()
    corners = [QPoint(200, 150), QPoint(520, 210), QPoint(320, 430)]
    path = []
    for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
        path += [a + (b - a) * (k / 6) for k in range(1, 7)]
    ctrl = Qt.KeyboardModifier.ControlModifier
    with qtbot.waitSignal(view.selection_changed, timeout=2000) as blocker:
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, ctrl, corners[0])
        for p in path[:-1]:
            qtbot.mouseMove(vp, p)
            qtbot.wait(15)  # pyqtgraph drops mouse moves closer than 10 ms apart
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, ctrl, path[-1])
    tri = np.array([data_pos(view, c) for c in corners])
    dist = triangle_distances(xy, tri)
    px = max(view.pixel_size())
    core = np.flatnonzero((dist > px).all(axis=1))
    tol = np.flatnonzero((dist > -px).all(axis=1))
    got = blocker.args[0]
    assert len(core) > 50
    assert set(core.tolist()) <= set(got) <= set(tol.tolist())


def test_select_rect_and_lasso_match_brute_force(make_view: Callable[..., EmbeddingMapView],
                                                 big: np.ndarray) -> None:
    view = make_view()
    view.set_points(big, words_for(len(big)))
    rect = (-3.0, 4.5, -6.0, 1.0)
    assert view.select_rect(*rect) == inside(big, rect).tolist()
    tri = np.array([[-10.0, -8.0], [12.0, -3.0], [1.0, 14.0]])
    xy = big.astype(np.float64)
    a, b = tri, np.roll(tri, -1, axis=0)
    cross = ((b[:, 0] - a[:, 0])[None, :] * (xy[:, 1, None] - a[:, 1][None, :])
             - (b[:, 1] - a[:, 1])[None, :] * (xy[:, 0, None] - a[:, 0][None, :]))
    assert view.select_polygon(tri) == np.flatnonzero((cross > 0).all(axis=1)).tolist()
    # A huge selection is kept whole but drawn for the visible part only, bounded.
    assert len(view.select_rect(-1e3, 1e3, -1e3, 1e3)) == len(big)
    assert len(view.selection_item.getData()[0]) <= 20_000
    assert len(view.label_texts()) <= view.max_labels


# --------------------------------------------------------------------------- colours and labels
def test_colour_by_labels_and_groups_gives_the_palette(make_view: Callable[..., EmbeddingMapView]
                                                       ) -> None:
    xy = blobs(2_000, seed=13)
    words = words_for(2_000)
    view = make_view()
    view.set_points(xy, words)
    labels = np.arange(2_000) % 25 - 1  # -1 is "no cluster", 24 wraps around the palette
    view.set_labels(labels)
    assert view.colour_mode == "labels"
    rows = view.visible_rows
    assert rows is not None and len(rows) == 2_000
    got = [b.color().name() for b in view.scatter.data["brush"]]
    want = [OTHER_COLOUR if labels[r] < 0 else CATEGORY_COLOURS[labels[r] % 20] for r in rows]
    assert got == want
    assert view.legend.isVisible()

    missing = view.set_word_groups({"animals": [words[5], words[9], "zebra-not-there"],
                                    "tools": [words[9], words[11]]})
    assert missing == ["zebra-not-there"]
    colour = {int(r): c for r, c in zip(view.visible_rows,
                                         (b.color().name() for b in view.scatter.data["brush"]),
                                         strict=True)}
    assert colour[5] == colour[9] == CATEGORY_COLOURS[0]  # first list wins for words[9]
    assert colour[11] == CATEGORY_COLOURS[1]
    assert colour[0] == QColor(OTHER_COLOUR).name()

    with pytest.raises(ParameterError, match="colour mode"):
        view.set_colour_mode("rainbow")
    with pytest.raises(ParameterError, match="one label per point"):
        view.set_labels(np.zeros(3, dtype=int))


def test_frequency_colours_and_top_k_labels(make_view: Callable[..., EmbeddingMapView]) -> None:
    xy = blobs(3_000, seed=14)
    words = words_for(3_000)
    counts = np.random.default_rng(0).permutation(3_000) * 7 + 1  # no ties
    view = make_view(top_k=7, max_labels=10)
    view.set_points(xy, words, counts)
    view.set_colour_mode("frequency")
    lightness = {int(r): b.color().lightnessF() for r, b in
                 zip(view.visible_rows, view.scatter.data["brush"], strict=True)}
    order = np.argsort(counts)
    assert lightness[int(order[-1])] < lightness[int(order[0])]  # frequent words are darker
    top = [words[i] for i in np.argsort(-counts)[:7]]
    assert view.label_texts() == top
    view.set_selected(np.arange(100))
    assert len(view.label_texts()) == 10 and len(view._label_pool) <= 10


# --------------------------------------------------------------------------- bookmarks and export
def test_bookmark_round_trip(make_view: Callable[..., EmbeddingMapView], big: np.ndarray) -> None:
    view = make_view()
    words = words_for(len(big))
    view.set_points(big, words)
    view.set_view(-2.0, 3.0, -1.0, 2.5)
    view.set_selected([10, 20, 30])
    view.set_highlighted([7])
    view.set_word_groups({"a": [words[1], words[2]]})
    mark = json.loads(json.dumps(view.bookmark()))  # JSON-serialisable
    rect = view.view_rect()

    view.reset_view()
    view.clear_selection()
    view.set_highlighted([])
    view.set_colour_mode("single")
    view.restore(mark)
    assert view.view_rect() == pytest.approx(rect)
    assert view.selected_rows == [10, 20, 30]
    assert view.highlighted_rows == [7]
    assert view.colour_mode == "groups"
    assert view.visible_point_count == len(inside(big, view.view_rect()))
    with pytest.raises(ParameterError, match="bookmark"):
        view.restore({"view": {"x": [1, 0], "y": [0, 1]}})
    with pytest.raises(ParameterError, match="bookmark"):
        view.restore({"selected": [1]})


def test_export_csv_writes_the_rows(make_view: Callable[..., EmbeddingMapView],
                                    tmp_path: Path) -> None:
    xy = blobs(500, seed=15)
    words = words_for(500)
    words[3] = "naïve,\"quoted\""  # needs CSV quoting and UTF-8
    counts = np.arange(500) * 3 + 1
    view = make_view()
    view.set_points(xy, words, counts)
    out = tmp_path / "map.csv"
    rows = [3, 0, 499, 42]
    assert view.export_csv(out, rows=rows, neighbours=lambda r: [words[(r + 1) % 500], "x"]) == 4
    with open(out, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["word", "x", "y", "count", "neighbours"]
    assert [line[0] for line in table[1:]] == [words[r] for r in rows]
    for line, r in zip(table[1:], rows, strict=True):
        assert np.float32(float(line[1])) == xy[r, 0] and np.float32(float(line[2])) == xy[r, 1]
        assert int(line[3]) == counts[r]
        assert line[4] == f"{words[(r + 1) % 500]} x"
    full = tmp_path / "all.csv"
    assert view.export_csv(full) == 500
    with open(full, encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.reader(f)) == 501
    with pytest.raises(ParameterError, match="Row 500"):
        view.export_csv(tmp_path / "bad.csv", rows=[500])


def test_export_png_and_svg_in_both_modes(make_view: Callable[..., EmbeddingMapView],
                                          big: np.ndarray, tmp_path: Path) -> None:
    view = make_view()
    view.set_points(big, words_for(len(big)))
    assert view.mode == "density"
    view.export_image(tmp_path / "density.png", width=600)
    view.export_image(tmp_path / "density.svg")
    cx, cy = big[5]
    view.set_view(cx - 0.3, cx + 0.3, cy - 0.3, cy + 0.3)
    view.refresh_now()
    assert view.mode == "points"
    view.export_image(tmp_path / "points.png")
    view.export_image(tmp_path / "points.svg")
    for name in ("density", "points"):
        png = QImage(str(tmp_path / f"{name}.png"))
        assert not png.isNull() and png.width() >= 600
        svg = (tmp_path / f"{name}.svg").read_bytes()
        root = xml.dom.minidom.parseString(svg).documentElement
        assert root.tagName == "svg"
    # The density image is embedded; the points are vector shapes.
    assert b"<image" in (tmp_path / "density.svg").read_bytes()
    assert (tmp_path / "points.svg").read_bytes().count(b"<path") >= view.visible_point_count
    with pytest.raises(ParameterError, match=r"\.png"):
        view.export_image(tmp_path / "map.bmp")


def _grey(image: QImage, w: int, h: int) -> np.ndarray:
    small = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    bits = np.frombuffer(small.constBits(), dtype=np.uint8).reshape(h, small.bytesPerLine())
    return bits[:, :w].astype(np.float64)


def test_svg_export_looks_like_the_screen(make_view: Callable[..., EmbeddingMapView],
                                          tmp_path: Path) -> None:
    """The SVG, rendered back, matches the widget: axes at full size, points in place."""
    view = make_view()
    view.set_points(blobs(3_000, seed=17), words_for(3_000))
    view.export_image(tmp_path / "map.svg")
    screen = view.plot.grab().toImage()
    w, h = screen.width(), screen.height()
    drawn = QImage(w, h, QImage.Format.Format_ARGB32)
    drawn.fill(QColor("white"))
    painter = QPainter(drawn)
    QSvgRenderer(str(tmp_path / "map.svg")).render(painter)
    painter.end()
    a, b = _grey(drawn, w, h), _grey(screen, w, h)
    box = view.view_box.sceneBoundingRect()
    below, left = slice(int(box.bottom()) + 2, h), slice(0, int(box.left()) - 2)
    assert np.abs(a[below] - b[below]).mean() < 0.6  # tick labels where the screen has them
    assert np.abs(a[:, left] - b[:, left]).mean() < 0.6
    assert np.abs(_grey(drawn, 70, 48) - _grey(screen, 70, 48)).mean() < 2.0


def test_bad_input_and_clear(make_view: Callable[..., EmbeddingMapView]) -> None:
    view = make_view()
    assert view.mode == "empty" and view.point_count == 0
    with pytest.raises(ParameterError, match="one word per row"):
        view.set_points(np.zeros((3, 2)), ["a", "b"])
    with pytest.raises(ParameterError, match="one count per word"):
        view.set_points(np.zeros((2, 2)), ["a", "b"], counts=[1])
    bad = np.zeros((3, 2))
    bad[1, 0] = np.inf
    with pytest.raises(ParameterError, match="row 1"):
        view.set_points(bad, ["a", "b", "c"])
    view.set_points(blobs(100), words_for(100))
    view.set_selected([1, 2])
    view.clear()
    assert view.mode == "empty" and view.point_count == 0 and view.selected_rows == []
    assert len(view.scatter.getData()[0]) == 0 and view.label_texts() == []
    assert view.row_at(0.0, 0.0) == -1
