"""Live BERT training curves and the confusion-matrix heatmap.

:class:`TrainingCurves` shows the :class:`~workbench.core.bert.engine.TrainingPoint`
partials of a pretraining or fine-tuning run in small pyqtgraph plots (loss,
accuracies, learning rate, gradient norm, tokens per second, GPU memory).
Plot items are created once and fed with ``setData`` from growing buffers.

Redraws are spread over the event loop: a new point only marks its plot as
stale, and a timer redraws one stale plot at a time
(:attr:`TrainingCurves.REDRAW_INTERVAL_MS` apart, and only once the previous
one has been painted, so Qt never paints two of them in one pass).  A point
changes the auto-ranged view of up to four plots at once, and a full repaint
of one small plot (axes, grid) costs ~30 ms of GUI-thread time on a slow CPU
(twice that while a training thread competes for the GIL): painted together
they froze the window for 250 ms and more.  The left axes have a fixed width,
so that new tick labels never re-lay out (and repaint) the neighbouring plots.
:class:`ConfusionHeatmap` draws a confusion matrix as an ``ImageItem`` with
the label names on both axes.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Slot
from PySide6.QtWidgets import QGridLayout, QWidget

__all__ = ["ConfusionHeatmap", "Series", "TrainingCurves"]


class Series:
    """A growing ``(x, y)`` buffer (amortised appends, views without copies)."""

    def __init__(self) -> None:
        self._x = np.empty(64, dtype=np.float64)
        self._y = np.empty(64, dtype=np.float64)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        """Add one point."""
        if self.n == len(self._x):
            self._x = np.resize(self._x, 2 * self.n)
            self._y = np.resize(self._y, 2 * self.n)
        self._x[self.n] = x
        self._y[self.n] = y
        self.n += 1

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The points so far."""
        return self._x[: self.n], self._y[: self.n]

    def clear(self) -> None:
        """Forget every point."""
        self.n = 0


#: Pixels of every left axis (fixed: see the module docstring).
_AXIS_WIDTH = 56


def _plot(title: str, left: str) -> pg.PlotWidget:
    """A small plot; ``title`` and ``left`` are translated here (``TrainingCurves`` context)."""
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.setTitle(QCoreApplication.translate("TrainingCurves", title), size="9pt")
    plot.setLabel("bottom", QCoreApplication.translate("TrainingCurves", "step"))
    plot.setLabel("left", QCoreApplication.translate("TrainingCurves", left))
    plot.showGrid(x=True, y=True, alpha=0.3)
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setMinimumHeight(60)
    plot.getAxis("left").setWidth(_AXIS_WIDTH)
    return plot


#: (key, title, axis label, curves: (name, legend, colour)) of each small plot; the texts
#: are English and translated when the plots are made.
_PLOTS: tuple[tuple[str, str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("loss", QT_TRANSLATE_NOOP("TrainingCurves", "Loss"),
     QT_TRANSLATE_NOOP("TrainingCurves", "loss"),
     (("train", QT_TRANSLATE_NOOP("TrainingCurves", "train"), "#1f77b4"),
      ("eval", QT_TRANSLATE_NOOP("TrainingCurves", "eval"), "#d62728"))),
    ("accuracy", QT_TRANSLATE_NOOP("TrainingCurves", "Evaluation accuracy"),
     QT_TRANSLATE_NOOP("TrainingCurves", "accuracy"),
     (("mlm_accuracy", QT_TRANSLATE_NOOP("TrainingCurves", "mlm accuracy"), "#2ca02c"),
      ("nsp_accuracy", QT_TRANSLATE_NOOP("TrainingCurves", "nsp accuracy"), "#9467bd"),
      ("accuracy", QT_TRANSLATE_NOOP("TrainingCurves", "accuracy"), "#ff7f0e"))),
    ("lr", QT_TRANSLATE_NOOP("TrainingCurves", "Learning rate"),
     QT_TRANSLATE_NOOP("TrainingCurves", "lr"),
     (("lr", QT_TRANSLATE_NOOP("TrainingCurves", "lr"), "#8c564b"),)),
    ("grad_norm", QT_TRANSLATE_NOOP("TrainingCurves", "Gradient norm"),
     QT_TRANSLATE_NOOP("TrainingCurves", "norm"),
     (("grad_norm", QT_TRANSLATE_NOOP("TrainingCurves", "grad norm"), "#e377c2"),)),
    ("tokens_per_s", QT_TRANSLATE_NOOP("TrainingCurves", "Tokens per second"),
     QT_TRANSLATE_NOOP("TrainingCurves", "tokens/s"),
     (("tokens_per_s", QT_TRANSLATE_NOOP("TrainingCurves", "tokens per s"), "#17becf"),)),
    ("gpu_mem_mb", QT_TRANSLATE_NOOP("TrainingCurves", "GPU memory"), "MB",
     (("gpu_mem_mb", QT_TRANSLATE_NOOP("TrainingCurves", "gpu mem mb"), "#7f7f7f"),)),
)


class TrainingCurves(QWidget):
    """Small live plots of a BERT run, fed with ``TrainingPoint`` objects.

    Attributes
    ----------
    plots : dict[str, pyqtgraph.PlotWidget]
        ``loss``, ``accuracy``, ``lr``, ``grad_norm``, ``tokens_per_s``,
        ``gpu_mem_mb`` (the last is shown only once a point has GPU memory).
    curves : dict[str, pyqtgraph.PlotDataItem]
        ``train`` and ``eval`` (loss), ``mlm_accuracy``, ``nsp_accuracy``,
        ``accuracy``, ``lr``, ``grad_norm``, ``tokens_per_s``, ``gpu_mem_mb``.
        A curve shows a new point within ``REDRAW_INTERVAL_MS`` × (stale plots)
        milliseconds (:meth:`flush` shows everything at once).
    """

    #: Milliseconds between the redraws of two stale plots.
    REDRAW_INTERVAL_MS = 30
    #: Seconds to wait for a redrawn plot to be painted before going on anyway.
    PAINT_WAIT_S = 0.5

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2) -> None:
        super().__init__(parent)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.curves: dict[str, Any] = {}
        self._series: dict[str, Series] = {}
        self._plot_of: dict[str, str] = {}
        self._stale: dict[str, set[str]] = {}      # plot key -> curves to redraw, oldest first
        self._unpainted: str | None = None          # the plot redrawn last, until it paints
        self._redrawn_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(self.REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_next)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for k, (key, title, left, curves) in enumerate(_PLOTS):
            plot = _plot(title, left)
            if len(curves) > 1:
                plot.addLegend(offset=(-10, 10))
            for name, legend, colour in curves:
                symbol = "o" if name in ("eval", "mlm_accuracy", "nsp_accuracy",
                                         "accuracy") else None
                self.curves[name] = plot.plot(
                    [], [], pen=pg.mkPen(colour, width=2),
                    name=QCoreApplication.translate("TrainingCurves", legend), symbol=symbol,
                    symbolSize=6, symbolBrush=colour)
                self._series[name] = Series()
                self._plot_of[name] = key
            self.plots[key] = plot
            plot.scene().sigPrepareForPaint.connect(
                lambda key=key: self._on_painted(key))
            grid.addWidget(plot, k // columns, k % columns)
        self.plots["gpu_mem_mb"].setVisible(False)
        self.plots["accuracy"].setToolTip(self.tr("Masked-token and next-sentence accuracy on "
                                                  "the held-out slice at each evaluation"))

    def clear_data(self) -> None:
        """Empty every curve (a new run begins)."""
        self._timer.stop()
        self._stale.clear()
        self._unpainted = None
        for name, series in self._series.items():
            series.clear()
            self.curves[name].setData([], [])
        self.plots["gpu_mem_mb"].setVisible(False)

    @property
    def pending(self) -> bool:
        """Whether some points are not drawn yet."""
        return bool(self._stale)

    def flush(self) -> None:
        """Draw every point received so far now."""
        while self._stale:
            self._unpainted = None
            self._redraw_next()

    def series(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """``(steps, values)`` received for curve ``name`` (drawn or not yet)."""
        return self._series[name].data()

    def _on_painted(self, key: str) -> None:
        if key == self._unpainted:
            self._unpainted = None

    @Slot()
    def _redraw_next(self) -> None:
        if not self._stale:
            self._timer.stop()
            return
        waiting = self._unpainted
        if (waiting is not None and self.plots[waiting].isVisible()
                and time.monotonic() - self._redrawn_at < self.PAINT_WAIT_S):
            return                                  # not painted yet: wait for the next tick
        key = next(iter(self._stale))
        for name in self._stale.pop(key):
            self.curves[name].setData(*self._series[name].data())
        self._unpainted, self._redrawn_at = key, time.monotonic()
        if not self._stale:
            self._timer.stop()

    def _add(self, name: str, x: float, y: float | None) -> None:
        if y is None or not np.isfinite(y):
            return
        self._series[name].append(x, float(y))
        self._stale.setdefault(self._plot_of[name], set()).add(name)
        if not self._timer.isActive():
            self._timer.start()

    def add_point(self, point: Any) -> None:
        """Add one ``TrainingPoint`` (training or evaluation point)."""
        step = float(point.step)
        if point.eval:
            self._add("eval", step, point.eval.get("loss"))
            for name in ("mlm_accuracy", "nsp_accuracy", "accuracy"):
                self._add(name, step, point.eval.get(name))
            return
        self._add("train", step, point.loss)
        self._add("lr", step, point.lr)
        self._add("grad_norm", step, point.grad_norm)
        self._add("tokens_per_s", step, point.tokens_per_s)
        if point.gpu_mem_mb is not None:
            self.plots["gpu_mem_mb"].setVisible(True)
            self._add("gpu_mem_mb", step, point.gpu_mem_mb)


class ConfusionHeatmap(pg.PlotWidget):
    """A confusion matrix (rows = gold, columns = predicted) with labelled axes.

    Attributes
    ----------
    image : pyqtgraph.ImageItem
        The counts, row-major (``image.image`` has shape ``(gold, predicted)``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.addItem(self.image)
        self.getPlotItem().invertY(True)
        self.setAspectLocked(True)
        self.setLabel("left", self.tr("gold"))
        self.setLabel("bottom", self.tr("predicted"))
        self.setMouseEnabled(False, False)
        self._texts: list[Any] = []
        self.labels: tuple[str, ...] = ()

    def set_matrix(self, labels: tuple[str, ...], counts: np.ndarray) -> None:
        """Show ``counts`` (``len(labels)`` x ``len(labels)``) with the label names."""
        counts = np.asarray(counts, dtype=np.float64)
        self.labels = tuple(labels)
        for item in self._texts:
            self.removeItem(item)
        self._texts = []
        if not counts.size:
            self.image.clear()
            return
        high = float(counts.max())
        self.image.setImage(counts, levels=(0.0, max(high, 1.0)))
        ticks = [[(i + 0.5, str(name)) for i, name in enumerate(labels)]]
        self.getAxis("bottom").setTicks(ticks)
        self.getAxis("left").setTicks(ticks)
        if len(labels) <= 30:
            for (r, c), value in np.ndenumerate(counts):
                colour = "k" if value > high / 2 else "w"
                text = pg.TextItem(f"{int(value)}", color=colour, anchor=(0.5, 0.5))
                text.setPos(c + 0.5, r + 0.5)
                self.addItem(text)
                self._texts.append(text)
        self.autoRange()

    def clear_matrix(self) -> None:
        """Show nothing."""
        self.set_matrix((), np.zeros((0, 0)))
