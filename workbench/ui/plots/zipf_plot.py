"""Zipf rank–frequency plot on log–log axes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

__all__ = ["FULL_RANKS", "MAX_POINTS", "ZipfPlot", "thin_log_ranks"]

#: Up to this many types every rank is drawn.  Above it the curve keeps the
#: first :data:`FULL_RANKS` ranks and then log-evenly spaced ones (plus the
#: last): on log axes the picture is the same, and a 1M-type vocabulary draws
#: as fast as a small one.
MAX_POINTS = 20_000
FULL_RANKS = 5_000


def thin_log_ranks(n: int) -> np.ndarray:
    """Indices of the ranks drawn for a vocabulary of ``n`` types (all when small)."""
    if n <= MAX_POINTS:
        return np.arange(n)
    head = np.arange(FULL_RANKS)
    tail = np.geomspace(FULL_RANKS, n - 1, MAX_POINTS - FULL_RANKS).astype(np.int64)
    tail = tail[np.diff(tail, prepend=FULL_RANKS - 1) > 0]  # sorted: drop repeats cheaply
    return np.concatenate([head, tail])


class ZipfPlot(pg.PlotWidget):
    """Rank (x) against frequency (y), both logarithmic; one curve fed with ``setData``.

    Attributes
    ----------
    curve : pyqtgraph.PlotDataItem
        The rank–frequency curve (``curve.getData()`` gives the log10 values
        shown: one point per type up to :data:`MAX_POINTS` types).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        item = self.getPlotItem()
        item.setLogMode(True, True)
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", self.tr("Rank"))
        item.setLabel("left", self.tr("Frequency"))
        item.setTitle(self.tr("Zipf rank–frequency"))
        item.setMenuEnabled(False)
        # Fixed axis sizes: new tick labels never re-layout (and repaint) the plot.
        item.getAxis("left").setWidth(60)
        item.getAxis("bottom").setHeight(42)
        self.curve = item.plot([], [], pen=pg.mkPen("#1565c0", width=2), name="words",
                               antialias=True, skipFiniteCheck=True)
        self.curve.curve.setSegmentedLineMode("off")  # one path: fast for many points
        self.setToolTip(self.tr("Word frequency against frequency rank, log–log. A straight line "
                                "is Zipf's law. Drag to pan, wheel to zoom, right-drag to zoom "
                                "an axis."))

    def set_frequencies(self, ranks: np.ndarray, frequencies: np.ndarray) -> None:
        """Show ``frequencies`` (descending) against ``ranks`` (1, 2, …)."""
        ranks = np.asarray(ranks, dtype=float)
        frequencies = np.asarray(frequencies, dtype=float)
        keep = thin_log_ranks(len(ranks))
        self.curve.setData(ranks[keep], frequencies[keep])
        item = self.getPlotItem()
        if len(ranks):
            # Explicit ranges (log10 units): no auto-range pass, so one repaint only.
            item.setXRange(0.0, float(np.log10(max(ranks[-1], 10.0))), padding=0.02)
            item.setYRange(0.0, float(np.log10(max(frequencies.max(), 10.0))), padding=0.04)
        else:
            item.enableAutoRange()

    def clear_data(self) -> None:
        """Show an empty plot."""
        self.curve.setData([], [])

    def export_png(self, path: str | Path) -> None:
        """Save the plot as a PNG image."""
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = max(800, self.width())
        exporter.export(str(path))
