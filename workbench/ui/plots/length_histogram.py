"""Histogram of sentence lengths (tokens per sentence)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

__all__ = ["LengthHistogramPlot"]


class LengthHistogramPlot(pg.PlotWidget):
    """Number of sentences for each sentence length; one step curve fed with ``setData``.

    Attributes
    ----------
    curve : pyqtgraph.PlotDataItem
        A filled ``stepMode="center"`` curve: ``curve.getData()`` gives the
        bin edges (lengths ± 0.5) and the number of sentences of each length.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        item.setLabel("bottom", self.tr("Sentence length (tokens)"))
        item.setLabel("left", self.tr("Sentences"))
        item.setTitle(self.tr("Sentence lengths"))
        item.setMenuEnabled(False)
        # Fixed axis sizes: new tick labels never re-layout (and repaint) the plot.
        item.getAxis("left").setWidth(64)
        item.getAxis("bottom").setHeight(42)
        self.curve = item.plot([0.0, 1.0], [0.0], stepMode="center", fillLevel=0,
                               fillOutline=True, pen=pg.mkPen("#2e7d32", width=1),
                               brush=pg.mkBrush("#66bb6a"), skipFiniteCheck=True)
        self.curve.setData([], [])
        self.setToolTip(self.tr("How many sentences have each length in tokens. The last bin "
                                "holds all sentences of 1,000 tokens or more."))

    def set_histogram(self, lengths: np.ndarray, counts: np.ndarray) -> None:
        """Show ``counts[i]`` sentences of length ``lengths[i]`` (consecutive lengths)."""
        lengths = np.asarray(lengths, dtype=float)
        counts = np.asarray(counts, dtype=float)
        item = self.getPlotItem()
        if not len(lengths):
            self.curve.setData([], [])
            item.enableAutoRange()
            return
        edges = np.append(lengths - 0.5, lengths[-1] + 0.5)
        self.curve.setData(edges, counts, stepMode="center")
        # Frame the bulk of the distribution (up to the 99.5th percentile).
        cum = np.cumsum(counts)
        total = cum[-1] if cum[-1] > 0 else 1.0
        hi = lengths[min(int(np.searchsorted(cum, 0.995 * total)), len(lengths) - 1)]
        item.setXRange(-0.5, max(hi, 5) + 0.5, padding=0.02)
        item.setYRange(0, max(counts.max(), 1), padding=0.05)

    def clear_data(self) -> None:
        """Show an empty plot."""
        self.set_histogram(np.zeros(0), np.zeros(0))

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The ``(lengths, counts)`` shown."""
        edges, counts = self.curve.getOriginalDataset()
        if edges is None or len(edges) < 2:
            return np.zeros(0), np.zeros(0)
        return edges[:-1] + 0.5, np.asarray(counts, dtype=float)
