"""Live training curves: loss within epochs (a growing line) and per-epoch loss (points)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

__all__ = ["LossPlot"]


class _Series:
    """A growing float64 buffer that doubles when full (no per-point reallocation)."""

    def __init__(self) -> None:
        self.x = np.empty(256)
        self.y = np.empty(256)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        if self.n == len(self.x):
            self.x = np.concatenate([self.x, np.empty(len(self.x))])
            self.y = np.concatenate([self.y, np.empty(len(self.y))])
        self.x[self.n] = x
        self.y[self.n] = y
        self.n += 1

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[: self.n], self.y[: self.n]


class LossPlot(pg.PlotWidget):
    """Loss against epochs (x = finished fraction of the run × epochs).

    Attributes
    ----------
    step_curve : pyqtgraph.PlotDataItem
        Loss over each reporting interval, as it arrives.
    epoch_curve : pyqtgraph.PlotDataItem
        Mean loss of each finished epoch, drawn at the epoch's end.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", "Epoch")
        item.setLabel("left", "Loss")
        item.setTitle("Training loss")
        item.addLegend(offset=(-10, 10))
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.step_curve = item.plot([], [], pen=pg.mkPen("#90caf9", width=1.5),
                                    name="within epoch")
        self.epoch_curve = item.plot([], [], pen=pg.mkPen("#1565c0", width=2), symbol="o",
                                     symbolSize=7, symbolBrush="#1565c0", name="epoch mean")
        self._steps = _Series()
        self._epochs = _Series()
        self.setToolTip("Loss per trained example: light line within epochs, dots per epoch. "
                        "Drag to pan, wheel to zoom.")

    def clear_data(self) -> None:
        """Forget all points (a new run starts)."""
        self._steps = _Series()
        self._epochs = _Series()
        self.step_curve.setData([], [])
        self.epoch_curve.setData([], [])

    def add_step(self, epoch_position: float, loss: float) -> None:
        """Add a within-epoch loss point."""
        self._steps.append(epoch_position, loss)
        self.step_curve.setData(*self._steps.data())

    def add_epoch(self, epoch_end: float, loss: float) -> None:
        """Add the mean loss of a finished epoch."""
        self._epochs.append(epoch_end, loss)
        self.epoch_curve.setData(*self._epochs.data())

    def export_png(self, path: str | Path) -> None:
        """Save the plot as a PNG image."""
        if not self.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
