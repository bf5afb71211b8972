"""A small read-only table for query results (neighbours, analogies, antonyms).

Results of interactive queries are short (tens to a few thousand rows), so a
``QTableWidget`` filled in one go is simpler than a model.  The table copies
its selection as TSV (Ctrl+C) and exports everything to CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workbench.core.workspace import atomic_write

__all__ = ["ResultTable"]


class ResultTable(QTableWidget):
    """A read-only, sortable table with copy and CSV export.

    Parameters
    ----------
    headers
        Column titles.
    parent
        The owning widget.
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        # Rows stay in the order given (rank, benchmark order) until a header is clicked.
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        copy = QAction("Copy", self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace the contents (in the given order); floats show with 4 decimals."""
        self._sort = None
        self.horizontalHeader().setSortIndicatorShown(False)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem()
                if isinstance(value, float):
                    item.setData(Qt.ItemDataRole.DisplayRole, round(value, 4))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif isinstance(value, int):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setText("" if value is None else str(value))
                self.setItem(r, c, item)

    def _on_header_clicked(self, column: int) -> None:
        order = Qt.SortOrder.AscendingOrder
        if self._sort is not None and self._sort == (column, Qt.SortOrder.AscendingOrder):
            order = Qt.SortOrder.DescendingOrder
        self._sort = (column, order)
        header = self.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        self.sortItems(column, order)

    def column_texts(self, column: int) -> list[str]:
        """The texts of one column, top to bottom (as shown)."""
        return [self.item(r, column).text() if self.item(r, column) else ""
                for r in range(self.rowCount())]

    def headers(self) -> list[str]:
        """The column titles."""
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]

    def rows_text(self, rows: Sequence[int] | None = None) -> list[list[str]]:
        """The texts of ``rows`` (all when ``None``)."""
        rows = range(self.rowCount()) if rows is None else rows
        return [[self.item(r, c).text() if self.item(r, c) else ""
                 for c in range(self.columnCount())] for r in rows]

    def copy_selection(self) -> None:
        """Copy the selected rows (with the header) to the clipboard as TSV."""
        rows = sorted({i.row() for i in self.selectedIndexes()}) or None
        lines = ["\t".join(self.headers())] + ["\t".join(r) for r in self.rows_text(rows)]
        QApplication.clipboard().setText("\n".join(lines) + "\n")

    def export_csv(self, path: str | Path) -> None:
        """Write every row (with the header) to ``path`` as UTF-8 CSV."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.headers())
        writer.writerows(self.rows_text())
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
