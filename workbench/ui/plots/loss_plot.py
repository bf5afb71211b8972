"""Live training curves: the loss (within and per epoch) and an evaluation score per epoch."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

__all__ = ["LossPlot", "ScorePlot"]


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
    best_marker : pyqtgraph.ScatterPlotItem
        The epoch early stopping kept (when it watched the loss).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", self.tr("Epoch"))
        item.setLabel("left", self.tr("Loss"))
        item.setTitle(self.tr("Training loss"))
        item.addLegend(offset=(-10, 10))
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.step_curve = item.plot([], [], pen=pg.mkPen("#90caf9", width=1.5),
                                    name=self.tr("within epoch"))
        self.epoch_curve = item.plot([], [], pen=pg.mkPen("#1565c0", width=2), symbol="o",
                                     symbolSize=7, symbolBrush="#1565c0",
                                     name=self.tr("epoch mean"))
        self.best_marker = pg.ScatterPlotItem(size=16, symbol="star", brush="#ffb300",
                                              pen=pg.mkPen("#6d4c00"))
        item.addItem(self.best_marker)
        self._steps = _Series()
        self._epochs = _Series()
        self.setToolTip(self.tr("Loss per trained example: light line within epochs, dots per "
                                "epoch. Drag to pan, wheel to zoom."))

    def clear_data(self) -> None:
        """Forget all points (a new run starts)."""
        self._steps = _Series()
        self._epochs = _Series()
        self.step_curve.setData([], [])
        self.epoch_curve.setData([], [])
        self.best_marker.setData([], [])

    def mark_best(self, epoch_end: float, loss: float) -> None:
        """Mark the epoch whose vectors early stopping kept."""
        self.best_marker.setData([epoch_end], [loss])

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


class ScorePlot(pg.PlotWidget):
    """An evaluation score after each finished epoch (x = epochs done).

    Attributes
    ----------
    score_curve : pyqtgraph.PlotDataItem
        One point per evaluated epoch; epochs whose score is not a number
        (no benchmark word in the vocabulary yet) leave a gap.
    best_marker : pyqtgraph.ScatterPlotItem
        The epoch early stopping kept.
    metric : str
        The score shown (``"ws353 Spearman"``), ``""`` before the first one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", self.tr("Epoch"))
        item.setLabel("left", self.tr("Score"))
        item.setTitle(self.tr("Evaluation after each epoch"))
        item.getAxis("left").enableAutoSIPrefix(False)
        self.score_curve = item.plot([], [], pen=pg.mkPen("#2e7d32", width=2), symbol="s",
                                     symbolSize=7, symbolBrush="#2e7d32", connect="finite")
        self.best_marker = pg.ScatterPlotItem(size=16, symbol="star", brush="#ffb300",
                                              pen=pg.mkPen("#6d4c00"))
        item.addItem(self.best_marker)
        self.metric = ""
        self._scores = _Series()
        self.setToolTip(self.tr("The benchmark score of the vectors after each epoch (higher is "
                                "better). A star marks the epoch early stopping kept."))

    def clear_data(self) -> None:
        """Forget all points and the metric name (a new run starts)."""
        self._scores = _Series()
        self.metric = ""
        self.score_curve.setData([], [])
        self.best_marker.setData([], [])
        self.getPlotItem().setLabel("left", self.tr("Score"))
        self.getPlotItem().getAxis("bottom").setTickSpacing()

    def set_metric(self, name: str) -> None:
        """Name the score on the y axis."""
        self.metric = name
        self.getPlotItem().setLabel("left", name or self.tr("Score"))

    def add_score(self, epoch_end: float, value: float) -> None:
        """Add the score of a finished epoch (NaN leaves a gap)."""
        self._scores.append(epoch_end, value if math.isfinite(value) else math.nan)
        self.score_curve.setData(*self._scores.data())
        axis = self.getPlotItem().getAxis("bottom")
        if epoch_end <= 20:
            axis.setTickSpacing(1, 1)  # whole epochs only
        else:
            axis.setTickSpacing()  # automatic

    def scores(self) -> tuple[np.ndarray, np.ndarray]:
        """The points shown, ``(epochs, scores)`` (NaN where an epoch had no score)."""
        x, y = self._scores.data()
        return x.copy(), y.copy()

    def mark_best(self, epoch_end: float, value: float) -> None:
        """Mark the epoch whose vectors early stopping kept."""
        self.best_marker.setData([epoch_end], [value])
