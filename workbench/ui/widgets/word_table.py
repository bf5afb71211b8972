"""A sortable, filterable table of words and their counts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

__all__ = ["EXPORT_HEADER_ROLE", "SORT_ROLE", "WordCountModel", "WordFilterProxyModel",
           "WordTableView"]

_Index = QModelIndex | QPersistentModelIndex

_ROOT = QModelIndex()

#: Role holding the value a column sorts by (numbers for numeric columns).
SORT_ROLE = Qt.ItemDataRole.UserRole
#: Role of ``headerData`` giving a column's name as written to exported files:
#: untranslated English, so the file format does not depend on the interface
#: language (:meth:`WordTableView.rows_tsv` falls back to the displayed header).
EXPORT_HEADER_ROLE = Qt.ItemDataRole.UserRole + 1


class WordCountModel(QAbstractTableModel):
    """Rows of (rank, word, count, share of all tokens in percent).

    :data:`SORT_ROLE` gives the raw values, so a proxy sorts numerically.
    """

    #: Column names in English (translated when shown; written as they are to files).
    HEADERS = (QT_TRANSLATE_NOOP("WordCountModel", "Rank"),
               QT_TRANSLATE_NOOP("WordCountModel", "Word"),
               QT_TRANSLATE_NOOP("WordCountModel", "Count"),
               QT_TRANSLATE_NOOP("WordCountModel", "% of tokens"))
    TOOLTIPS = (
        QT_TRANSLATE_NOOP("WordCountModel", "Frequency rank (1 = most frequent)"),
        QT_TRANSLATE_NOOP("WordCountModel", "The word as the tokenizer produced it"),
        QT_TRANSLATE_NOOP("WordCountModel", "How many times the word occurs"),
        QT_TRANSLATE_NOOP("WordCountModel", "Share of all tokens in the corpus"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, int]] = []
        self._total = 1

    def set_words(self, words: Sequence[tuple[str, int]], total_tokens: int) -> None:
        """Replace the rows with ``words`` (most frequent first)."""
        self.beginResetModel()
        self._rows = [(i + 1, w, int(c)) for i, (w, c) in enumerate(words)]
        self._total = max(int(total_tokens), 1)
        self.endResetModel()

    def clear(self) -> None:
        """Remove all rows."""
        self.set_words([], 1)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802, D102
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802, D102
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102
        if not index.isValid():
            return None
        rank, word, count = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 3:
                return f"{100.0 * count / self._total:.3f}"
            return (rank, word, count)[col]
        if role == SORT_ROLE:
            return (rank, word, count, count)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802, D102
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("WordCountModel", self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("WordCountModel", self.TOOLTIPS[section])
            if role == EXPORT_HEADER_ROLE:
                return self.HEADERS[section]
        return None


class WordFilterProxyModel(QSortFilterProxyModel):
    """Sorts numerically and filters on the word column (case-insensitive substring)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(1)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


def _export_header(model: Any, column: int) -> Any:
    name = model.headerData(column, Qt.Orientation.Horizontal, EXPORT_HEADER_ROLE)
    return name if name is not None else model.headerData(column, Qt.Orientation.Horizontal)


class WordTableView(QTableView):
    """A table of words; Ctrl+C copies the selected rows as tab-separated text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.copy_action = QAction(self.tr("Copy rows"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setToolTip(self.tr("Copy the selected rows as tab-separated text"))
        self.copy_action.triggered.connect(self._on_copy_triggered)
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def setModel(self, model: Any) -> None:  # noqa: N802, D102
        super().setModel(model)
        if model is not None and model.columnCount() > 1:
            self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def fit_columns(self, sample: int = 200) -> None:
        """Size the columns to the widest of the first ``sample`` rows.

        Cheap, unlike ``resizeColumnsToContents``, which asks the model for
        every row's data on the GUI thread.
        """
        model = self.model()
        if model is None:
            return
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 16
        rows = min(model.rowCount(), sample)
        for col in range(model.columnCount()):
            texts = [str(model.headerData(col, Qt.Orientation.Horizontal))]
            texts += [str(model.index(r, col).data()) for r in range(rows)]
            if col in (0, 2) and model.rowCount() > rows:  # numbers: the widest is the largest
                texts.append("9" * max(len(t) for t in texts))
            width = max(metrics.horizontalAdvance(t) for t in texts) + pad
            if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
                header.resizeSection(col, min(width, 320))

    def selected_rows_tsv(self) -> str:
        """The selected rows, in view order, as tab-separated lines."""
        model = self.model()
        if model is None or self.selectionModel() is None:
            return ""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return "".join(self._row_tsv(r) for r in rows)

    def rows_tsv(self, header: bool = True) -> str:
        """Every row shown (filtered and sorted as in the view) as tab-separated text.

        The header line holds the columns' :data:`EXPORT_HEADER_ROLE` names
        (English whatever the interface language) where the model gives them.
        """
        model = self.model()
        if model is None:
            return ""
        lines = []
        if header:
            lines.append("\t".join(str(_export_header(model, c))
                                   for c in range(model.columnCount())) + "\n")
        lines.extend(self._row_tsv(r) for r in range(model.rowCount()))
        return "".join(lines)

    def export_tsv(self, path: str | Path) -> None:
        """Write :meth:`rows_tsv` to ``path`` (atomically)."""
        from workbench.core.workspace import atomic_write

        with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(self.rows_tsv())

    def _row_tsv(self, row: int) -> str:
        model = self.model()
        return "\t".join(str(model.index(row, c).data())
                         for c in range(model.columnCount())) + "\n"

    @Slot()
    def _on_copy_triggered(self) -> None:
        text = self.selected_rows_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)
