"""The workspace's training runs: a table, their loss curves side by side, "Open vectors".

:class:`RunsView` lists the runs whose kind starts with ``train_`` (newest
first) from the workspace's run registry.  Selecting runs draws their
per-epoch loss (``metrics["epoch_loss"]``) in one plot so runs can be
compared; "Open vectors" asks the owner to load the selected run's vectors
and "Continue training" asks it to train a word2vec/fastText run for more
epochs from the model saved with it.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.ui.i18n import core_text
from workbench.ui.notifications import MessageBar
from workbench.ui.widgets.word_table import WordTableView

if TYPE_CHECKING:
    from workbench.core.workspace import RunRecord, Workspace

__all__ = ["MAX_CURVES", "PALETTE", "RunsTableModel", "RunsView", "epoch_scores",
           "training_runs"]

#: Kinds of training runs start with this.
TRAINING_PREFIX = "train_"

#: Methods whose runs can be continued (they save a resumable gensim model).
RESUMABLE = ("word2vec", "fasttext")

#: At most this many curves are drawn at once.
MAX_CURVES = 8

#: Curve colours, in selection order (colour-blind friendly "Tableau 10" subset).
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
           "#9467bd", "#8c564b", "#e377c2", "#17becf")

#: Runs listed at most (the newest).
MAX_RUNS = 1000

_STATUS_COLOURS = {"failed": "#b3261e", "cancelled": "#a15c00", "running": "#1565c0"}
#: Tooltips and shown names of the run statuses (English; translated when shown, in the
#: ``RunsTableModel`` context).
_STATUS_TIPS = {
    "success": QT_TRANSLATE_NOOP("RunsTableModel", "The run finished"),
    "cancelled": QT_TRANSLATE_NOOP(
        "RunsTableModel", "The run was stopped; the vectors of its last finished epoch were kept"),
    "failed": QT_TRANSLATE_NOOP("RunsTableModel", "The run failed"),
    "running": QT_TRANSLATE_NOOP("RunsTableModel",
                                 "The run is still going (or the app stopped before it ended)"),
}
_STATUS_NAMES = {
    "success": QT_TRANSLATE_NOOP("RunsTableModel", "success"),
    "cancelled": QT_TRANSLATE_NOOP("RunsTableModel", "cancelled"),
    "failed": QT_TRANSLATE_NOOP("RunsTableModel", "failed"),
    "running": QT_TRANSLATE_NOOP("RunsTableModel", "running"),
}

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def training_runs(workspace: Workspace, limit: int = MAX_RUNS) -> list[RunRecord]:
    """The workspace's training runs, newest first."""
    runs = [r for r in workspace.runs.list() if r.kind.startswith(TRAINING_PREFIX)]
    return runs[:limit]


def _method(run: RunRecord) -> str:
    return run.kind.removeprefix(TRAINING_PREFIX)


def _losses(run: RunRecord) -> list[float | None]:
    """The per-epoch losses, ``None`` where an epoch recorded none (or a non-number)."""
    raw = run.metrics.get("epoch_loss") or []
    out: list[float | None] = []
    for value in raw if isinstance(raw, list) else []:
        try:
            x = float(value)
        except (TypeError, ValueError):
            x = math.nan
        out.append(x if math.isfinite(x) else None)
    return out


def epoch_scores(run: RunRecord) -> tuple[str, list[float | None]]:
    """The run's per-epoch evaluation: ``(score name, one value or None per epoch)``.

    The score is the first one recorded (the one early stopping watches);
    ``("", [])`` when the run evaluated nothing.
    """
    raw = run.metrics.get("evaluation")
    epochs = raw if isinstance(raw, list) else []
    name = next((str(k) for e in epochs if isinstance(e, dict) for k in e), "")
    if not name:
        return "", []
    values: list[float | None] = []
    for e in epochs:
        value = e.get(name) if isinstance(e, dict) else None
        try:
            x = float(value) if value is not None else math.nan
        except (TypeError, ValueError):
            x = math.nan
        values.append(x if math.isfinite(x) else None)
    return name, values


def _vectors_path(run: RunRecord) -> str:
    return str(run.outputs.get("vectors") or "")


def _model_path(run: RunRecord) -> str:
    return str(run.outputs.get("model") or "")


def _params_tip(run: RunRecord) -> str:
    p = run.params
    keys = ("corpus", "vector_size", "window", "min_count", "epochs", "sg", "hs", "negative",
            "alpha", "learning_rate", "min_n", "max_n", "x_max", "seed")
    lines = [QCoreApplication.translate("RunsTableModel", "Run #{run}: {method}").format(
        run=run.id, method=_method(run))]
    if "resumed_from" in p:
        lines.append(QCoreApplication.translate(
            "RunsTableModel", "Continues run #{run} from epoch {epoch}").format(
                run=p["resumed_from"], epoch=p.get("resumed_at_epoch")))
    lines += [f"{k}: {p[k]}" for k in keys if k in p]
    evaluation = p.get("evaluation")
    if isinstance(evaluation, dict) and evaluation.get("benchmark"):
        lines.append(QCoreApplication.translate(
            "RunsTableModel", "evaluated on: {benchmark}").format(
                benchmark=evaluation["benchmark"]))
    if "patience" in p:
        lines.append(QCoreApplication.translate(
            "RunsTableModel", "early stopping patience: {patience}").format(
                patience=p["patience"]))
    if run.message:
        lines.append(QCoreApplication.translate("RunsTableModel", "Message: {message}").format(
            message=core_text(run.message)))
    return "\n".join(lines)


class RunsTableModel(QAbstractTableModel):
    """One row per training run: id, method, status, start, epochs, vocabulary, loss, time, path."""

    #: Column titles and their tooltips (English; translated when shown).
    HEADERS = (QT_TRANSLATE_NOOP("RunsTableModel", "Run"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Method"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Status"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Started"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Epochs"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Vocabulary"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Last loss"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Best score"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Seconds"),
               QT_TRANSLATE_NOOP("RunsTableModel", "Vectors"))
    TOOLTIPS = (
        QT_TRANSLATE_NOOP("RunsTableModel",
                          "The run's number in the workspace (hover for its parameters)"),
        QT_TRANSLATE_NOOP("RunsTableModel", "word2vec, fastText or GloVe"),
        QT_TRANSLATE_NOOP("RunsTableModel", "success, cancelled (the last finished epoch was "
                          "kept), failed or running"),
        QT_TRANSLATE_NOOP("RunsTableModel", "When the run started (local time)"),
        QT_TRANSLATE_NOOP("RunsTableModel", "Epochs finished (of those planned)"),
        QT_TRANSLATE_NOOP("RunsTableModel", "Words in the trained vocabulary"),
        QT_TRANSLATE_NOOP("RunsTableModel", "Training loss of the last epoch that recorded one"),
        QT_TRANSLATE_NOOP("RunsTableModel", "Best per-epoch evaluation score (hover for the "
                          "benchmark and the epoch)"),
        QT_TRANSLATE_NOOP("RunsTableModel", "Wall time of the run"),
        QT_TRANSLATE_NOOP("RunsTableModel", "The saved vector file"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._runs: list[RunRecord] = []
        self._present: list[bool] = []

    def set_runs(self, runs: Sequence[RunRecord]) -> None:
        """Replace the rows (newest first); checks which vector files still exist."""
        self.beginResetModel()
        self._runs = list(runs)
        self._present = [bool(_vectors_path(r)) and Path(_vectors_path(r)).is_file()
                         for r in self._runs]
        self.endResetModel()

    def run(self, row: int) -> RunRecord:
        """The run shown in ``row``."""
        return self._runs[row]

    def runs(self) -> list[RunRecord]:
        """All runs shown, in row order."""
        return list(self._runs)

    def row_of(self, run_id: int) -> int | None:
        """The row of run ``run_id``, or ``None``."""
        return next((i for i, r in enumerate(self._runs) if r.id == run_id), None)

    def vectors_present(self, row: int) -> bool:
        """Whether the run in ``row`` has a vector file that existed at the last refresh."""
        return self._present[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802, D102
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802, D102
        return 0 if parent.isValid() else len(self.HEADERS)

    def _text(self, run: RunRecord, col: int) -> str:
        m = run.metrics
        if col == 0:
            return str(run.id)
        if col == 1:
            return _method(run)
        if col == 2:
            name = _STATUS_NAMES.get(run.status)
            return QCoreApplication.translate("RunsTableModel", name) if name else run.status
        if col == 3:
            return datetime.fromtimestamp(run.started).strftime("%Y-%m-%d %H:%M")
        if col == 4:
            done = m.get("epochs_done")
            planned = run.params.get("epochs")
            if done is None:
                return "–"
            if planned and planned != done:
                return self.tr("{done} of {planned}").format(done=done, planned=planned)
            return str(done)
        if col == 5:
            size = m.get("vocab_size")
            return f"{size:,}" if isinstance(size, int) else "–"
        if col == 6:
            last = next((x for x in reversed(_losses(run)) if x is not None), None)
            return "–" if last is None else f"{last:.5g}"
        if col == 7:
            _, scores = epoch_scores(run)
            known = [x for x in scores if x is not None]
            return f"{max(known):.4g}" if known else "–"
        if col == 8:
            seconds = m.get("seconds", run.seconds)
            return f"{seconds:,.1f}" if isinstance(seconds, (int, float)) else "–"
        return _vectors_path(run)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: D102
        if not index.isValid():
            return None
        run = self._runs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(run, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (0, 1):
                return _params_tip(run)
            if col == 2:
                tip = _STATUS_TIPS.get(run.status)
                tip = QCoreApplication.translate("RunsTableModel", tip) if tip else run.status
                return self.tr("{status}: {message}").format(
                    status=tip, message=core_text(run.message)) if run.message else tip
            if col == 3:
                return datetime.fromtimestamp(run.started).strftime("%Y-%m-%d %H:%M:%S")
            if col == 7:
                return _score_tip(run)
            if col == 9:
                path = _vectors_path(run)
                if not path:
                    return self.tr("This run saved no vectors")
                return path if self._present[index.row()] else self.tr(
                    "{path}\n(the file is gone)").format(path=path)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 2 and run.status in _STATUS_COLOURS:
                return QColor(_STATUS_COLOURS[run.status])
            if col == 9 and not self._present[index.row()]:
                return QColor("#9e9e9e")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 4, 5, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802, D102
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RunsTableModel", self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("RunsTableModel", self.TOOLTIPS[section])
        return None


def _score_tip(run: RunRecord) -> str:
    name, scores = epoch_scores(run)
    if not name:
        return QCoreApplication.translate("RunsTableModel",
                                          "This run was not evaluated after its epochs")
    known = [(x, e) for e, x in enumerate(scores) if x is not None]
    if not known:
        return QCoreApplication.translate(
            "RunsTableModel",
            "{score}: no epoch had a score (no benchmark word in the vocabulary)").format(
                score=name)
    best, epoch = max(known)
    last = scores[-1]
    if last is not None:
        tip = QCoreApplication.translate(
            "RunsTableModel", "{score}: best {best} after epoch {epoch}, last {last}").format(
                score=name, best=f"{best:.4g}", epoch=epoch + 1, last=f"{last:.4g}")
    else:
        tip = QCoreApplication.translate(
            "RunsTableModel", "{score}: best {best} after epoch {epoch}").format(
                score=name, best=f"{best:.4g}", epoch=epoch + 1)
    if run.metrics.get("stopped_early"):
        kept = int(run.metrics.get("best_epoch", 0)) + 1
        tip += "\n" + QCoreApplication.translate(
            "RunsTableModel", "Stopped early; the vectors of epoch {epoch} were kept").format(
                epoch=kept)
    return tip


class _RunsTable(WordTableView):
    """The runs table: fixed order (newest first), the Vectors column stretched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortingEnabled(False)

    def setModel(self, model: Any) -> None:  # noqa: N802, D102
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)


class RunsView(QWidget):
    """The workspace's training runs, with their loss curves compared in one plot.

    Parameters
    ----------
    workspace
        Returns the workspace whose runs are listed (``None``: none open).
    parent
        The owning widget.

    Attributes
    ----------
    table_model : RunsTableModel
        The runs listed.
    table : WordTableView
        The table (Ctrl+C copies the selected rows as TSV).
    plot : pyqtgraph.PlotWidget
        Per-epoch loss of the selected runs.
    curves : list of pyqtgraph.PlotDataItem
        One curve per selected run with a recorded loss (at most :data:`MAX_CURVES`).
    note_label : QLabel
        Notes on the plot (runs without loss, runs left out).
    open_button : QPushButton
        Emits :attr:`open_vectors_requested` for the selected run.
    continue_button : QPushButton
        Emits :attr:`continue_requested` for the selected word2vec/fastText run.
    more_epochs_spin : QSpinBox
        How many epochs "Continue training" adds.
    message_bar : MessageBar
        Problems reading the registry.
    open_vectors_requested : Signal(str)
        The user asked to load this vector file.
    continue_requested : Signal(int, int)
        The user asked to train run ``run_id`` for ``epochs`` more epochs.
    """

    open_vectors_requested = Signal(str)
    continue_requested = Signal(int, int)

    def __init__(self, workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RunsView")
        self._workspace = workspace
        self.curves: list[pg.PlotDataItem] = []
        self._training = False
        self._build()
        self._connect()
        self._on_selection_changed()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)
        self.table_model = RunsTableModel(self)
        self.table = _RunsTable(self)
        self.table.setModel(self.table_model)
        self.table.setToolTip(self.tr(
            "Training runs of this workspace, newest first. Select several (Ctrl+click) to compare "
            "their loss curves; double-click one to open its vectors; Ctrl+C copies the selected "
            "rows."))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the workspace's run list again"))
        self.open_button = QPushButton(self.tr("Open vectors"), self)
        self.open_button.setToolTip(self.tr("Load the vectors of the selected run"))
        self.continue_button = QPushButton(self.tr("Continue training"), self)
        self.more_epochs_spin = QSpinBox(self)
        self.more_epochs_spin.setRange(1, 1000)
        self.more_epochs_spin.setValue(5)
        self.more_epochs_spin.setPrefix("+")
        self.more_epochs_spin.setSuffix(self.tr(" epochs"))
        self.more_epochs_spin.setToolTip(self.tr("Epochs to add when continuing the selected run"))
        self.count_label = QLabel("", self)
        self.count_label.setWordWrap(True)
        self.count_label.setToolTip(self.tr("Training runs recorded in the workspace"))

        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", self.tr("Epoch"))
        item.setLabel("left", self.tr("Loss"))
        item.setTitle(self.tr("Compare curves"))
        self.legend = item.addLegend(offset=(-10, 10))
        self.plot.setToolTip(self.tr("Loss of each finished epoch of the selected runs (up to "
                                     "{n}). Drag to pan, wheel to zoom.").format(n=MAX_CURVES))
        self.note_label = QLabel("", self)
        self.note_label.setWordWrap(True)
        self.note_label.setToolTip(self.tr("Notes on the curves shown"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        more = QHBoxLayout()  # a row of its own: the view stays narrow
        more.addStretch(1)
        more.addWidget(self.continue_button)
        more.addWidget(self.more_epochs_spin)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addLayout(more)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.plot, 1)
        bottom_layout.addWidget(self.note_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        outer = QVBoxLayout(self)
        outer.addWidget(self.message_bar)
        outer.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._update_open_button)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button.clicked.connect(self.open_vectors)
        self.continue_button.clicked.connect(self.continue_training)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------- state
    @Slot()
    def refresh(self) -> None:
        """Read the run registry again, keeping the selection."""
        keep = [r.id for r in self.selected_runs()]
        current = self.current_run()
        ws = self._workspace()
        runs: list[RunRecord] = []
        if ws is not None:
            try:
                runs = training_runs(ws)
            except (WorkbenchError, sqlite3.Error, OSError) as exc:
                self.message_bar.show_error(self.tr(
                    "The run list of {folder} cannot be read: {reason}").format(
                        folder=ws.root, reason=exc))
            else:
                if self.message_bar.level() == "error":
                    self.message_bar.clear()
        self.table_model.set_runs(runs)
        if ws is None:
            self.count_label.setText(self.tr("No workspace is open."))
        else:
            n = len(runs)
            if n == 0:
                text = self.tr("No training runs yet: train vectors to see them here.")
            elif n == 1:
                text = self.tr("1 training run")
            else:
                text = self.tr("{n} training runs").format(n=f"{n:,}")
            self.count_label.setText(text)
        self.table.fit_columns()
        self.select_runs(keep, current.id if current is not None else None)

    def select_runs(self, run_ids: Sequence[int], current: int | None = None) -> None:
        """Select the rows of ``run_ids`` (``current`` becomes the current row)."""
        model = self.table_model
        selection = QItemSelection()
        for run_id in run_ids:
            row = model.row_of(run_id)
            if row is not None:
                selection.select(model.index(row, 0),
                                 model.index(row, model.columnCount() - 1))
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        row = model.row_of(current) if current is not None else None
        if row is None and run_ids:
            row = model.row_of(run_ids[0])
        if row is not None:
            sm.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        sm.blockSignals(False)
        self.table.viewport().update()
        self._on_selection_changed()

    def selected_runs(self) -> list[RunRecord]:
        """The selected runs, newest first."""
        sm = self.table.selectionModel()
        rows = sorted({i.row() for i in sm.selectedRows()}) if sm is not None else []
        return [self.table_model.run(r) for r in rows]

    def current_run(self) -> RunRecord | None:
        """The run "Open vectors" acts on: the selected row clicked last, else the first one."""
        sm = self.table.selectionModel()
        rows = sorted({i.row() for i in sm.selectedRows()})
        if not rows:
            return None
        current = sm.currentIndex()
        row = current.row() if current.isValid() and current.row() in rows else rows[0]
        return self.table_model.run(row)

    # ------------------------------------------------------------- plot
    @Slot()
    def _on_selection_changed(self, *_: object) -> None:
        self._update_curves()
        self._update_open_button()

    def _update_curves(self) -> None:
        item = self.plot.getPlotItem()
        for curve in self.curves:
            item.removeItem(curve)
        self.curves = []
        selected = self.selected_runs()
        notes: list[str] = []
        if not selected:
            notes.append(self.tr(
                "Select runs (Ctrl+click for several) to compare their loss curves."))
        shown = selected[:MAX_CURVES]
        longest = 0
        for run in shown:
            losses = _losses(run)
            points = [(e + 1, y) for e, y in enumerate(losses) if y is not None]
            name = f"#{run.id} {_method(run)}"
            if not points:
                if _method(run) == "fasttext":
                    notes.append(self.tr("No loss is recorded for run {name} (gensim computes "
                                         "no training loss for fastText).").format(name=name))
                else:
                    notes.append(self.tr("No loss is recorded for run {name}.").format(name=name))
                continue
            if len(points) < len(losses):
                notes.append(self.tr("Run {name} recorded no loss for {missing} of {epochs} "
                                     "epochs.").format(name=name,
                                                       missing=len(losses) - len(points),
                                                       epochs=len(losses)))
            colour = PALETTE[len(self.curves) % len(PALETTE)]
            x = [p[0] for p in points]
            y = [p[1] for p in points]
            curve = item.plot(x, y, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                              symbolBrush=colour, symbolPen=colour, name=name)
            self.curves.append(curve)
            longest = max(longest, x[-1])
        if len(selected) > MAX_CURVES:
            notes.append(self.tr("Showing the first {shown} of {selected} selected runs.").format(
                shown=MAX_CURVES, selected=len(selected)))
        self.note_label.setText(" ".join(notes))
        axis = item.getAxis("bottom")
        if 0 < longest <= 20:
            axis.setTickSpacing(1, 1)  # whole epochs only
        else:
            axis.setTickSpacing()  # automatic
        if self.curves:
            item.enableAutoRange()

    # ------------------------------------------------------------ vectors
    def set_training(self, training: bool) -> None:
        """Tell the view whether the owner is training (no "Continue training" meanwhile)."""
        self._training = training
        self._update_open_button()

    def can_continue(self, run: RunRecord | None) -> tuple[bool, str]:
        """Whether ``run`` can be trained further, and why (the button's tooltip)."""
        if run is None:
            return False, self.tr("Select a word2vec or fastText run to train it for more epochs")
        if _method(run) not in RESUMABLE:
            return False, self.tr("Run #{run} trained {method}: only word2vec and fastText "
                                  "runs can be continued").format(run=run.id,
                                                                  method=_method(run))
        if run.status == "running":
            return False, self.tr("Run #{run} has not ended").format(run=run.id)
        model = _model_path(run)
        if not model or not Path(model).is_file():
            return False, self.tr("Run #{run} has no saved model to continue from").format(
                run=run.id)
        if self._training:
            return False, self.tr("Wait for the current training to end")
        return True, self.tr("Train run #{run} for more epochs from its saved model (recorded "
                             "as a new run; the learning rate decays again over the added "
                             "epochs)").format(run=run.id)

    @Slot()
    def continue_training(self) -> None:
        """Ask for the current run to be trained for :attr:`more_epochs_spin` more epochs."""
        run = self.current_run()
        ok, why = self.can_continue(run)
        if not ok or run is None:
            self.message_bar.show_error(why)
            return
        self.continue_requested.emit(run.id, self.more_epochs_spin.value())

    @Slot()
    def _update_open_button(self, *_: object) -> None:
        run = self.current_run()
        ok, why = self.can_continue(run)
        self.continue_button.setEnabled(ok)
        self.continue_button.setToolTip(why)
        if run is None:
            self.open_button.setEnabled(False)
            self.open_button.setToolTip(self.tr("Select a run to load its vectors"))
            return
        path = _vectors_path(run)
        if not path:
            ok, tip = False, self.tr("Run #{run} saved no vectors").format(run=run.id)
        elif not Path(path).is_file():
            ok, tip = False, self.tr("The vectors of run #{run} are gone: {path}").format(
                run=run.id, path=path)
        else:
            ok, tip = True, self.tr("Load the vectors of run #{run} ({path})").format(
                run=run.id, path=path)
        self.open_button.setEnabled(ok)
        self.open_button.setToolTip(tip)

    @Slot()
    def open_vectors(self) -> None:
        """Ask for the vectors of the current run to be loaded (if the file exists)."""
        run = self.current_run()
        if run is None:
            return
        path = _vectors_path(run)
        if not path or not Path(path).is_file():
            self._update_open_button()
            if path:
                text = self.tr("Run #{run} has no vector file to open: {path} is gone.")
            else:
                text = self.tr("Run #{run} has no vector file to open.")
            self.message_bar.show_error(text.format(run=run.id, path=path))
            return
        self.open_vectors_requested.emit(path)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.open_button.isEnabled():
            self.open_vectors()


def main() -> int:
    """Show the runs of the default workspace."""
    import sys

    from workbench.core.workspace import Workspace
    from workbench.ui.preview import preview

    workspace = Workspace()
    return preview(lambda: RunsView(lambda: workspace), argv=sys.argv[:1])


if __name__ == "__main__":
    import sys

    sys.exit(main())
