"""A small read-only table for query results (neighbours, analogies, antonyms).

Results of interactive queries are short (tens to a few thousand rows), so a
``QTableWidget`` filled in one go is simpler than a model.  The table copies
its selection as TSV (Ctrl+C) and exports everything to CSV.

Column titles and a few cell words (``yes``, ``total``) are shown in the
interface language, but exported files keep one format: each header item
and each :class:`Cell` carries its English text under
:data:`~workbench.ui.widgets.word_table.EXPORT_HEADER_ROLE`, which
:meth:`ResultTable.export_csv` writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
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
from workbench.ui.widgets.word_table import EXPORT_HEADER_ROLE

__all__ = ["Cell", "ResultTable"]


@dataclass(frozen=True)
class Cell:
    """A cell shown as ``text`` (translated) and exported as ``english``."""

    text: str
    english: str

    def __str__(self) -> str:
        return self.text


class ResultTable(QTableWidget):
    """A read-only, sortable table with copy and CSV export.

    Parameters
    ----------
    headers
        Column titles as shown (translated).
    parent
        The owning widget.
    export_headers
        The English column titles written by :meth:`export_csv` (default: ``headers``).
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *,
                 export_headers: Sequence[str] | None = None) -> None:
        super().__init__(0, len(headers), parent)
        english = list(headers if export_headers is None else export_headers)
        if len(english) != len(headers):
            raise ValueError("export_headers needs one title per column")
        self.setHorizontalHeaderLabels(list(headers))
        for c, name in enumerate(english):
            self.horizontalHeaderItem(c).setData(EXPORT_HEADER_ROLE, name)
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
        copy = QAction(self.tr("Copy"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace the contents (in the given order); floats show with 4 decimals.

        A :class:`Cell` shows its ``text`` and exports its ``english``.
        """
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
                elif isinstance(value, Cell):
                    item.setText(value.text)
                    item.setData(EXPORT_HEADER_ROLE, value.english)
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
        """The column titles, as shown."""
        return [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())]

    def export_headers(self) -> list[str]:
        """The English column titles that :meth:`export_csv` writes."""
        out = []
        for c in range(self.columnCount()):
            item = self.horizontalHeaderItem(c)
            name = item.data(EXPORT_HEADER_ROLE)
            out.append(item.text() if name is None else str(name))
        return out

    def set_header(self, column: int, text: str, english: str | None = None) -> None:
        """Retitle ``column``: ``text`` shown, ``english`` exported (default: ``text``)."""
        item = self.horizontalHeaderItem(column)
        item.setText(text)
        item.setData(EXPORT_HEADER_ROLE, text if english is None else english)

    def english_text(self, row: int, column: int) -> str:
        """The English text of a cell (a :class:`Cell`'s ``english``, else its text)."""
        item = self.item(row, column)
        if item is None:
            return ""
        english = item.data(EXPORT_HEADER_ROLE)
        return item.text() if english is None else str(english)

    def rows_text(self, rows: Sequence[int] | None = None, *,
                  english: bool = False) -> list[list[str]]:
        """The texts of ``rows`` (all when ``None``), as shown or (``english``) as exported."""
        rows = range(self.rowCount()) if rows is None else rows
        if english:
            return [[self.english_text(r, c) for c in range(self.columnCount())] for r in rows]
        return [[self.item(r, c).text() if self.item(r, c) else ""
                 for c in range(self.columnCount())] for r in rows]

    def copy_selection(self) -> None:
        """Copy the selected rows (with the header) to the clipboard as TSV, as shown."""
        rows = sorted({i.row() for i in self.selectedIndexes()}) or None
        lines = ["\t".join(self.headers())] + ["\t".join(r) for r in self.rows_text(rows)]
        QApplication.clipboard().setText("\n".join(lines) + "\n")

    def export_csv(self, path: str | Path) -> None:
        """Write every row (with the English header and words) to ``path`` as UTF-8 CSV."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.export_headers())
        writer.writerows(self.rows_text(english=True))
        with atomic_write(path, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
