"""A 3D word map (``pyqtgraph.opengl``), only where OpenGL works; the 2D map always works.

:func:`opengl_status` probes once whether this display gives an OpenGL
context (PyOpenGL importable, a ``QOpenGLContext`` made current on a
``QOffscreenSurface``); offscreen test machines and some remote desktops do
not.  :func:`scatter_3d_data` turns a 3-column map, the 2D map's colours and
the highlighted/selected rows into what the GL scatter draws, without GL, so
it is testable anywhere.  :class:`EmbeddingMap3DView` draws it: drag to
rotate, wheel to zoom, the highlighted and selected words enlarged and
labelled, PNG export from the framebuffer.

Sentences shown to the user go through Qt's translation system (context
``EmbeddingMap3DView``); errors that only a wrong call can cause stay English.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbench.core.errors import ParameterError, WorkbenchError

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

__all__ = ["EmbeddingMap3DView", "Scatter3DData", "opengl_status", "scatter_3d_data"]

#: Point sizes in pixels: ordinary, selected, highlighted (search result, neighbours).
POINT_PX, SELECTED_PX, HIGHLIGHT_PX = 4.0, 9.0, 12.0
#: Colours of the selected and highlighted points (RGBA, 0-1).
SELECTED_RGBA = (1.0, 0.55, 0.0, 1.0)
HIGHLIGHT_RGBA = (0.9, 0.1, 0.1, 1.0)
#: At most this many labels (the highlighted words first, then the selected ones).
MAX_LABELS = 60

_STATUS: tuple[bool, str] | None = None


def opengl_status(refresh: bool = False) -> tuple[bool, str]:
    """Whether a 3D map can be drawn here, and if not, a sentence saying why.

    Probed once per process (needs a ``QGuiApplication``): PyOpenGL must be
    importable and an OpenGL context must become current on an offscreen surface.
    """
    global _STATUS
    if _STATUS is not None and not refresh:
        return _STATUS
    _STATUS = _probe()
    return _STATUS


def _probe() -> tuple[bool, str]:
    if importlib.util.find_spec("OpenGL") is None:
        return False, QCoreApplication.translate(
            "EmbeddingMap3DView", "The 3D map needs PyOpenGL (pip install PyOpenGL); the 2D map "
            "works.")
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

    platform = (QGuiApplication.platformName()
                or QCoreApplication.translate("EmbeddingMap3DView", "this display"))
    why = QCoreApplication.translate(
        "EmbeddingMap3DView", "The 3D map needs OpenGL, which this display ({platform}) does not "
        "provide; the 2D map works.").format(platform=platform)
    context = QOpenGLContext()
    if not context.create():
        return False, why
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not surface.isValid() or not context.makeCurrent(surface):
            return False, why
        context.doneCurrent()
    finally:
        surface.destroy()
    return True, ""


@dataclass(frozen=True, eq=False)
class Scatter3DData:
    """What the GL scatter draws.

    Attributes
    ----------
    pos
        ``(n, 3)`` float32 positions, centred and scaled so the map spans about [-1, 1].
    color
        ``(n, 4)`` float32 RGBA in [0, 1].
    size
        ``(n,)`` float32 point sizes in pixels.
    labels
        ``(row, word)`` pairs to label: highlighted rows, then selected ones.
    """

    pos: NDArray[np.float32]
    color: NDArray[np.float32]
    size: NDArray[np.float32]
    labels: tuple[tuple[int, str], ...]


def scatter_3d_data(coords: ArrayLike, words: Sequence[str], colours: ArrayLike | None = None,
                    highlighted: Sequence[int] = (), selected: Sequence[int] = ()
                    ) -> Scatter3DData:
    """Positions, colours, sizes and labels for a 3D map (no OpenGL needed).

    Parameters
    ----------
    coords
        ``(n, 3)`` map coordinates.
    words
        The ``n`` words.
    colours
        ``(n, 4)`` RGBA per point, 0-255 integers (as
        :meth:`EmbeddingMapView.point_colours` gives) or 0-1 floats; ``None``: one grey.
    highlighted, selected
        Rows drawn larger, in their own colour, and labelled (highlighted first).
    """
    c = np.asarray(coords, dtype=np.float64)
    if c.ndim != 2 or c.shape[1] != 3:
        raise ParameterError(f"A 3D map needs 3 coordinates per word; got shape {c.shape}.")
    n = len(c)
    if len(words) != n:
        raise ParameterError(f"Got {len(words):,} words for {n:,} points.")
    if n:
        centre = (c.min(axis=0) + c.max(axis=0)) / 2
        half = float(np.max(c.max(axis=0) - c.min(axis=0))) / 2
        pos = (c - centre) / (half if half > 0 else 1.0)
    else:
        pos = c
    if colours is None:
        color = np.tile(np.array([0.35, 0.45, 0.6, 0.8], dtype=np.float32), (n, 1))
    else:
        col = np.asarray(colours)
        if col.shape != (n, 4):
            raise ParameterError(f"Got colours of shape {col.shape} for {n:,} points.")
        color = (col.astype(np.float32) / 255.0 if np.issubdtype(col.dtype, np.integer)
                 else col.astype(np.float32))
    size = np.full(n, POINT_PX, dtype=np.float32)
    sel = np.asarray([r for r in selected if 0 <= r < n], dtype=np.intp)
    hil = np.asarray([r for r in highlighted if 0 <= r < n], dtype=np.intp)
    color = color.copy()
    color[sel], size[sel] = SELECTED_RGBA, SELECTED_PX
    color[hil], size[hil] = HIGHLIGHT_RGBA, HIGHLIGHT_PX
    seen: set[int] = set()
    labels: list[tuple[int, str]] = []
    for r in [*hil.tolist(), *sel.tolist()]:
        if r not in seen and len(labels) < MAX_LABELS:
            seen.add(r)
            labels.append((r, words[r]))
    return Scatter3DData(np.ascontiguousarray(pos, dtype=np.float32), color, size, tuple(labels))


class EmbeddingMap3DView(QWidget):
    """A rotatable 3D scatter of a map with 3 components.

    Create it only when :func:`opengl_status` says OpenGL works: the GL
    widget is built in the constructor.  Drag to rotate, scroll to zoom,
    middle-drag (or Ctrl-drag) to pan.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph.opengl as gl

        self._gl = gl
        self.view = gl.GLViewWidget(self)
        self.view.setBackgroundColor("w")
        self.view.setCameraPosition(distance=3.2, elevation=20, azimuth=45)
        self.scatter = gl.GLScatterPlotItem(pos=np.zeros((0, 3), dtype=np.float32),
                                            pxMode=True, glOptions="translucent")
        self.view.addItem(self.scatter)
        self._labels: list[Any] = []
        self._words: list[str] = []
        self._coords = np.zeros((0, 3), dtype=np.float32)
        self._colours: NDArray[Any] | None = None
        self._highlighted: list[int] = []
        self._selected: list[int] = []
        self.data: Scatter3DData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setToolTip(self.tr("Drag to rotate, scroll to zoom, Ctrl-drag to pan"))

    @property
    def point_count(self) -> int:
        """The number of points drawn."""
        return len(self._words)

    def set_points(self, coords: ArrayLike, words: Sequence[str],
                   colours: ArrayLike | None = None) -> None:
        """Show a 3-component map (highlight and selection are cleared)."""
        self._coords = np.asarray(coords, dtype=np.float32)
        self._words = list(words)
        self._colours = None if colours is None else np.asarray(colours)
        self._highlighted, self._selected = [], []
        self._update()

    def set_colours(self, colours: ArrayLike | None) -> None:
        """Colour the points (``(n, 4)`` RGBA, as the 2D map's :meth:`point_colours`)."""
        self._colours = None if colours is None else np.asarray(colours)
        self._update()

    def set_highlighted(self, rows: Sequence[int]) -> None:
        """Enlarge, colour and label these rows (search result, neighbours)."""
        self._highlighted = [int(r) for r in rows]
        self._update()

    def set_selected(self, rows: Sequence[int]) -> None:
        """Mark and label the selected rows."""
        self._selected = [int(r) for r in rows]
        self._update()

    def clear(self) -> None:
        """Remove the points."""
        self.set_points(np.zeros((0, 3)), [])

    def _update(self) -> None:
        colours = self._colours
        if colours is not None and len(colours) != len(self._words):
            colours = None
        data = scatter_3d_data(self._coords, self._words, colours, self._highlighted,
                               self._selected)
        self.data = data
        self.scatter.setData(pos=data.pos, color=data.color, size=data.size)
        for item in self._labels:
            self.view.removeItem(item)
        self._labels = []
        from PySide6.QtGui import QColor, QFont

        font = QFont()
        font.setPointSize(10)
        for row, word in data.labels:
            item = self._gl.GLTextItem(pos=data.pos[row].astype(np.float64), text=word,
                                       color=QColor(20, 20, 20), font=font)
            self.view.addItem(item)
            self._labels.append(item)

    def export_image(self, path: str | Path) -> None:
        """Save the rendered view as PNG (the OpenGL framebuffer)."""
        image = self.view.grabFramebuffer()
        if image.isNull() or not image.save(str(path)):
            raise WorkbenchError(self.tr("The 3D view could not be saved as {path}.").format(
                path=path))
