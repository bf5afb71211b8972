"""Compare pretraining runs: a checkable list of recorded runs and their loss curves overlaid.

Curves come from the run registry: ``train_loss`` (``[step, loss]`` pairs) and
``evals`` (one dict per evaluation) that :func:`workbench.core.bert.pretrain.pretrain`
records, also for cancelled runs and, while a run goes on, for its evaluations.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.core.workspace import RunRecord, Workspace

__all__ = ["PretrainRunsView", "describe_run", "run_curve", "run_model_folder"]

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
            "#17becf", "#7f7f7f", "#bcbd22")
#: (label, what) of the curve selector (labels in English, translated when shown in the
#: ``PretrainRunsView`` context).
CURVES = ((QT_TRANSLATE_NOOP("PretrainRunsView", "Training loss"), "train_loss"),
          (QT_TRANSLATE_NOOP("PretrainRunsView", "Evaluation loss"), "loss"),
          (QT_TRANSLATE_NOOP("PretrainRunsView", "Masked-token accuracy"), "mlm_accuracy"),
          (QT_TRANSLATE_NOOP("PretrainRunsView", "NSP accuracy"), "nsp_accuracy"),
          (QT_TRANSLATE_NOOP("PretrainRunsView", "Perplexity"), "perplexity"))
#: How a run's status is shown (English, translated when shown).
_STATUS = {"success": QT_TRANSLATE_NOOP("PretrainRunsView", "success"),
           "cancelled": QT_TRANSLATE_NOOP("PretrainRunsView", "cancelled"),
           "failed": QT_TRANSLATE_NOOP("PretrainRunsView", "failed"),
           "running": QT_TRANSLATE_NOOP("PretrainRunsView", "running")}


def run_curve(run: RunRecord, what: str) -> tuple[list[float], list[float]]:
    """``(steps, values)`` of one recorded curve of a pretraining run.

    ``what`` is ``"train_loss"`` or an evaluation metric (``"loss"``,
    ``"mlm_accuracy"``, ...).
    """
    xs: list[float] = []
    ys: list[float] = []
    if what == "train_loss":
        for pair in run.metrics.get("train_loss") or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                step, value = pair
                if isinstance(value, (int, float)) and math.isfinite(value):
                    xs.append(float(step))
                    ys.append(float(value))
        return xs, ys
    for ev in run.metrics.get("evals") or []:
        value = ev.get(what) if isinstance(ev, dict) else None
        if isinstance(value, (int, float)) and math.isfinite(value) and "step" in ev:
            xs.append(float(ev["step"]))
            ys.append(float(value))
    return xs, ys


def run_model_folder(run: RunRecord) -> str | None:
    """The model folder of a recorded run: its final model, else its last checkpoint."""
    for key in ("final_model", "last_checkpoint", "model_dir"):
        value = run.outputs.get(key)
        if value:
            return str(value)
    return None


def describe_run(run: RunRecord) -> str:
    """One line for the list: id, status, model, mask ratio, static init."""
    p = run.params
    size = p.get("size", "?")
    if p.get("layers") or p.get("hidden"):
        size = f"{p.get('layers')}L/{p.get('hidden')}H"
    if p.get("model"):
        size = QCoreApplication.translate("PretrainRunsView", "continued")
    status = run.status
    if status in _STATUS:
        status = QCoreApplication.translate("PretrainRunsView", _STATUS[status])
    parts = [f"#{run.id} {status}", str(size),
             QCoreApplication.translate("PretrainRunsView", "mask {ratio}").format(
                 ratio=f"{float(p.get('mask_ratio', 0.15)):.2f}")]
    if p.get("static_vectors"):
        parts.append(QCoreApplication.translate("PretrainRunsView", "static init"))
    steps = run.metrics.get("steps")
    if steps is not None:
        parts.append(QCoreApplication.translate("PretrainRunsView", "{n} steps").format(
            n=steps))
    if p.get("tag"):
        parts.append(str(p["tag"]))
    return " · ".join(parts)


class PretrainRunsView(QWidget):
    """Previous pretraining runs with checkboxes; checked runs' curves are overlaid.

    Attributes
    ----------
    run_list : QListWidget
        One checkable item per run (``Qt.UserRole``: the run id), newest first.
    curve_combo : QComboBox
        Which curve to overlay.
    plot : pyqtgraph.PlotWidget
        The overlaid curves; :attr:`curves` maps run id to its item.
    explore_button : QPushButton
        "Open in Explore": the selected run's input word embeddings.
    pieces_check : QCheckBox
        Keep ``##`` WordPiece pieces when opening in Explore.
    open_in_explore : Signal(str, bool)
        A model folder to open in Explore, and whether to keep ``##`` pieces.
    """

    open_in_explore = Signal(str, bool)

    def __init__(self, workspace: Callable[[], Workspace | None], kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._kind = kind
        self._runs: dict[int, RunRecord] = {}
        self.curves: dict[int, Any] = {}
        self.run_list = QListWidget(self)
        self.run_list.setToolTip(self.tr("Pretraining runs recorded in the workspace; check "
                                         "runs to lay their curves over each other (e.g. with "
                                         "and without static init, or several mask ratios)"))
        self.curve_combo = QComboBox(self)
        for label, what in CURVES:
            self.curve_combo.addItem(QCoreApplication.translate("PretrainRunsView", label), what)
        self.curve_combo.setToolTip(self.tr("The recorded curve to compare (evaluation curves "
                                            "use the same fixed masks, so runs with different "
                                            "mask ratios can be compared on them)"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the run registry again"))
        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.legend = self.plot.addLegend(offset=(-10, 10))
        self.note = QLabel("", self)
        self.explore_button = QPushButton(self.tr("Open in Explore"), self)
        self.explore_button.setToolTip(self.tr("Explore the selected run's input word embeddings "
                                               "(BERT's embedding layer) with neighbours, "
                                               "analogies and maps"))
        self.pieces_check = QCheckBox(self.tr("## pieces"), self)
        self.pieces_check.setToolTip(self.tr("Also show WordPiece continuation pieces (##ing, …)"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Curve:"), self))
        top.addWidget(self.curve_combo, 1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.pieces_check)
        bottom.addWidget(self.explore_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.run_list)
        split.addWidget(self.plot)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        outer.addLayout(bottom)
        self.run_list.itemChanged.connect(self._on_item_changed)
        self.run_list.currentItemChanged.connect(self._update_explore_button)
        self.explore_button.clicked.connect(self._on_explore_clicked)
        self._update_explore_button()
        self.curve_combo.currentIndexChanged.connect(self._redraw)
        self.refresh_button.clicked.connect(self.refresh)

    def run_ids(self) -> list[int]:
        """The listed runs' ids, in list order."""
        return [self.run_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.run_list.count())]

    def item(self, run_id: int) -> QListWidgetItem | None:
        """The list item of ``run_id``."""
        for i in range(self.run_list.count()):
            it = self.run_list.item(i)
            if it.data(Qt.ItemDataRole.UserRole) == run_id:
                return it
        return None

    def set_checked(self, run_id: int, checked: bool = True) -> None:
        """Check or uncheck a run (its curve appears or goes)."""
        it = self.item(run_id)
        if it is not None:
            it.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> list[int]:
        """Ids of the checked runs."""
        return [self.run_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.run_list.count())
                if self.run_list.item(i).checkState() == Qt.CheckState.Checked]

    @Slot()
    def refresh(self) -> None:
        """Re-read the registry (keeps the checked runs checked)."""
        keep = set(self.checked())
        ws = self._workspace()
        runs = ws.runs.list(self._kind) if ws is not None else []
        self._runs = {r.id: r for r in runs}
        self.run_list.blockSignals(True)
        self.run_list.clear()
        for run in runs:
            it = QListWidgetItem(describe_run(run))
            it.setData(Qt.ItemDataRole.UserRole, run.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if run.id in keep
                             else Qt.CheckState.Unchecked)
            out = run.outputs.get("final_model") or run.outputs.get("last_checkpoint") or \
                run.outputs.get("output_dir", "")
            it.setToolTip(f"{run.metrics.get('model', '')}\n{out}".strip())
            self.run_list.addItem(it)
        self.run_list.blockSignals(False)
        self.note.setText("" if runs else self.tr("No pretraining runs recorded yet."))
        self._redraw()
        self._update_explore_button()

    def selected_run(self) -> int | None:
        """The id of the highlighted run (``None`` when none is)."""
        it = self.run_list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it is not None else None

    def select(self, run_id: int) -> None:
        """Highlight ``run_id`` (the run "Open in Explore" opens)."""
        it = self.item(run_id)
        if it is not None:
            self.run_list.setCurrentItem(it)

    @Slot()
    def _update_explore_button(self) -> None:
        run_id = self.selected_run()
        run = self._runs.get(run_id) if run_id is not None else None
        folder = run_model_folder(run) if run is not None else None
        self.explore_button.setEnabled(folder is not None)

    @Slot()
    def _on_explore_clicked(self) -> None:
        run_id = self.selected_run()
        run = self._runs.get(run_id) if run_id is not None else None
        folder = run_model_folder(run) if run is not None else None
        if folder:
            self.open_in_explore.emit(folder, self.pieces_check.isChecked())

    def run(self, run_id: int) -> RunRecord | None:
        """The record of a listed run."""
        return self._runs.get(run_id)

    @Slot()
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._redraw()

    @Slot()
    def _redraw(self) -> None:
        for item in self.curves.values():
            self.plot.removeItem(item)
        self.curves.clear()
        self.legend.clear()
        what = self.curve_combo.currentData()
        self.plot.setLabel("left", self.curve_combo.currentText())
        for k, run_id in enumerate(self.checked()):
            run = self._runs.get(run_id)
            if run is None:
                continue
            xs, ys = run_curve(run, what)
            colour = _COLOURS[k % len(_COLOURS)]
            self.curves[run_id] = self.plot.plot(
                xs, ys, pen=pg.mkPen(colour, width=2), name=describe_run(run),
                symbol="o" if len(xs) < 30 else None, symbolSize=5, symbolBrush=colour)
