"""Input anatomy: the token, position and segment embeddings that sum to BERT's input.

:class:`AnatomyView` shows, for every token of the typed input, the norms of
its word-piece, position and segment embeddings, of their sum and of the
embedding layer's output (the sum after LayerNorm), and one small PCA picture
in which the five parts share axes (one colour each).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.core.workspace import atomic_write
from workbench.ui.widgets.inspect_base import TextInspectView

if TYPE_CHECKING:
    from workbench.core.inspect.anatomy import InputAnatomy
    from workbench.core.inspect.model import InspectModel

__all__ = ["COLUMNS", "PART_COLOURS", "PART_LABELS", "AnatomyView", "anatomy_job"]

#: The five parts, their legend labels (English; shown through ``tr``) and colours (drawing order).
PART_LABELS = {"token": QT_TRANSLATE_NOOP("AnatomyView", "token"),
               "position": QT_TRANSLATE_NOOP("AnatomyView", "position"),
               "segment": QT_TRANSLATE_NOOP("AnatomyView", "segment"),
               "summed": QT_TRANSLATE_NOOP("AnatomyView", "sum"),
               "output": QT_TRANSLATE_NOOP("AnatomyView", "output (after LayerNorm)")}
PART_COLOURS = {"token": "#1f77b4", "position": "#ff7f0e", "segment": "#2ca02c",
                "summed": "#d62728", "output": "#9467bd"}
#: Table columns (English; shown through ``tr``).
COLUMNS = ("#", QT_TRANSLATE_NOOP("AnatomyView", "token"),
           QT_TRANSLATE_NOOP("AnatomyView", "segment"),
           QT_TRANSLATE_NOOP("AnatomyView", "position"),
           QT_TRANSLATE_NOOP("AnatomyView", "|token|"),
           QT_TRANSLATE_NOOP("AnatomyView", "|position|"),
           QT_TRANSLATE_NOOP("AnatomyView", "|segment|"),
           QT_TRANSLATE_NOOP("AnatomyView", "|sum|"),
           QT_TRANSLATE_NOOP("AnatomyView", "|output|"))


def _label_text(label: str) -> str:
    """The shown text of a :data:`PART_LABELS` or :data:`COLUMNS` label (translated)."""
    return QCoreApplication.translate("AnatomyView", label)


def anatomy_job(model: InspectModel, text: str, pair: str | None = None,
                *, progress: Progress = NULL_PROGRESS) -> InputAnatomy:
    """Compute the input anatomy in a worker (a :class:`TaskRunner` job)."""
    from workbench.core.inspect.anatomy import input_anatomy

    progress.report(None, QCoreApplication.translate("AnatomyView",
                                                     "Reading the embedding layer…"))
    return input_anatomy(model, text, pair)


def _item(value: Any, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem()
    if number:
        item.setData(Qt.ItemDataRole.DisplayRole, float(value) if isinstance(value, float)
                     else int(value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    else:
        item.setText(str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class AnatomyView(TextInspectView):
    """Per-token norms of the embedding parts and their shared PCA picture.

    Attributes
    ----------
    runner : TaskRunner
    message_bar : MessageBar
    info_label : QLabel
    table : QTableWidget
        One row per token (columns :data:`COLUMNS`).
    plot : pyqtgraph.PlotWidget
        The PCA picture; :attr:`scatters` holds one item per part.
    anatomy : InputAnatomy or None
    result_changed : Signal()
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AnatomyView", "Input anatomy"), parent)
        self.anatomy: InputAnatomy | None = None
        self.export_button = self._export_button(
            self.tr("Save the table (CSV) or the PCA picture (PNG)"),
            ((self.tr("Table as CSV…"), lambda: self._on_export_clicked("csv")),
             (self.tr("Picture as PNG…"), lambda: self._on_export_clicked("png"))))

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_label_text(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setToolTip(self.tr("Euclidean norms of each part of the input embedding"))

        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("bottom", "PC1")
        self.plot.setLabel("left", "PC2")
        self.legend = self.plot.addLegend(offset=(5, 5))
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        for part, label in PART_LABELS.items():
            item = pg.ScatterPlotItem(size=8, pen=pg.mkPen(None),
                                      brush=pg.mkBrush(PART_COLOURS[part]),
                                      name=_label_text(label), hoverable=True, tip=self._tip)
            self.plot.addItem(item)
            self.scatters[part] = item
        self.plot.setTitle(self.tr("PCA of the five parts (shared axes)"))

        top = QHBoxLayout()
        top.addWidget(self.info_label, 1)
        top.addWidget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.plot)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.runner.finished.connect(self.set_anatomy)

    @staticmethod
    def _tip(x: float, y: float, data: Any) -> str:
        return f"{data}\nPC1 {x:.3g}, PC2 {y:.3g}"

    def _model_changed(self) -> None:
        self.clear()

    def _run(self, model: InspectModel, text: str, pair: str | None) -> None:
        """Compute the anatomy of ``text`` (and ``pair``) in the background."""
        self.info_label.setText(self.tr("Reading the embedding layer…"))
        self.runner.start(anatomy_job, model, text, pair)

    def clear(self) -> None:
        """Empty the table and the picture."""
        self.anatomy = None
        self.table.setRowCount(0)
        for item in self.scatters.values():
            item.clear()
        self.plot.setTitle(self.tr("PCA of the five parts (shared axes)"))
        self.export_button.setEnabled(False)
        self.info_label.setText(self._prompt())

    @Slot(object)
    def set_anatomy(self, anatomy: InputAnatomy) -> None:
        """Show ``anatomy``."""
        self.anatomy = anatomy
        n = len(anatomy.tokens)
        norms = anatomy.norms
        self.table.setSortingEnabled(False)
        self.table.setRowCount(n)
        for i, tok in enumerate(anatomy.tokens):
            values: list[tuple[Any, bool]] = [
                (i, True), (tok, False), ("AB"[anatomy.segment[i]] if anatomy.segment[i] in (0, 1)
                                         else anatomy.segment[i], False),
                (anatomy.positions[i], True)]
            values += [(round(float(norms[p][i]), 4), True) for p in PART_LABELS]
            for col, (value, number) in enumerate(values):
                self.table.setItem(i, col, _item(value, number))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        for part, item in self.scatters.items():
            xy = np.asarray(anatomy.pca[part], dtype=float)
            item.setData(x=xy[:, 0], y=xy[:, 1],
                         data=[f"{tok} ({_label_text(PART_LABELS[part])})"
                               for tok in anatomy.tokens])
        e1, e2 = anatomy.explained
        self.plot.setTitle(self.tr("PCA of the five parts: PC1 {pc1:.1f}%, PC2 {pc2:.1f}% of "
                                   "the variance").format(pc1=e1 * 100, pc2=e2 * 100))
        self.plot.getPlotItem().enableAutoRange()
        if anatomy.notice:
            self.message_bar.show_warning(anatomy.notice)
        if anatomy.has_segments:
            info = self.tr("{n} tokens. Each input vector is token + position + segment, then "
                           "LayerNorm (the output).")
        else:
            info = self.tr("{n} tokens. Each input vector is token + position + segment, then "
                           "LayerNorm (the output). This model has no segment embeddings.")
        self.info_label.setText(info.format(n=n))
        self.export_button.setEnabled(True)
        self.result_changed.emit()

    # ------------------------------------------------------------------ export
    def _on_export_clicked(self, fmt: str) -> None:
        if self.anatomy is None:
            return
        filters = {"csv": self.tr("CSV (*.csv)"), "png": self.tr("PNG (*.png)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the input anatomy"),
                                              f"input-anatomy.{fmt}", filters[fmt])
        if not path:
            return
        try:
            if fmt == "csv":
                rows = self.export_csv(path)
                self.message_bar.show_info(self.tr("Wrote {rows} rows to {path}.").format(
                    rows=rows, path=path))
            else:
                self.export_png(path)
        except (WorkbenchError, OSError) as exc:
            self.message_bar.show_error(str(exc))

    def export_csv(self, path: str | Path) -> int:
        """Write the table (token order, full precision, PCA coordinates too); return its rows."""
        a = self.anatomy
        if a is None:
            raise WorkbenchError(self.tr("Run the input anatomy first: there is nothing to "
                                         "export."))
        header = ["index", "token", "segment", "position"]
        header += [f"norm_{p}" for p in PART_LABELS]
        header += [f"pca_{p}_{axis}" for p in PART_LABELS for axis in ("x", "y")]
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for i, tok in enumerate(a.tokens):
                row: list[Any] = [i, tok, a.segment[i], a.positions[i]]
                row += [f"{float(a.norms[p][i]):.6g}" for p in PART_LABELS]
                row += [f"{float(a.pca[p][i, k]):.6g}" for p in PART_LABELS for k in (0, 1)]
                writer.writerow(row)
        return len(a.tokens)

    def export_png(self, path: str | Path) -> Path:
        """Save the PCA picture as shown (PNG)."""
        if self.anatomy is None:
            raise WorkbenchError(self.tr("Run the input anatomy first: there is nothing to "
                                         "export."))
        image = self.plot.grab().toImage()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        with atomic_write(path, "wb") as f:
            f.write(QByteArray(buffer.data()).data())
        return Path(path)
