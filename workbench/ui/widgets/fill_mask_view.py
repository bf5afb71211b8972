"""Fill-mask: the top-k predictions of the masked-LM head, optionally layer by layer.

Type ``[MASK]`` in the text, or press Run and click tokens in the token row to
mask them.  The table lists the ``k`` most probable tokens for every mask; with
"per layer (logit lens)" a second table shows what the MLM head would predict
from each layer's hidden state for the chosen mask.  A model without an MLM
head cannot fill masks: the controls are disabled and say why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.i18n import core_text
from workbench.ui.widgets.inspect_base import TextInspectView

if TYPE_CHECKING:
    from workbench.core.inspect.fillmask import FillMaskResult
    from workbench.core.inspect.model import InspectModel

__all__ = ["FillMaskView", "fill_mask_job"]

_MASKED = QColor("#fdd0a2")


def fill_mask_job(model: InspectModel, text: str, k: int, positions: tuple[int, ...],
                  logit_lens: bool, *, progress: Progress = NULL_PROGRESS) -> FillMaskResult:
    """Run fill-mask in a worker (a :class:`TaskRunner` job)."""
    from workbench.core.inspect.fillmask import fill_mask

    progress.report(None, QCoreApplication.translate("FillMaskView",
                                                     "Predicting the masked tokens…"))
    return fill_mask(model, text, k=k, mask_positions=positions, logit_lens=logit_lens)


def _item(text: str, number: float | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number is not None:
        item.setData(Qt.ItemDataRole.DisplayRole, number)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _shown(token: Any) -> str:
    text = getattr(token, "text", "") or ""
    return token.token if not text or text == token.token else f"{token.token} ({text})"


class FillMaskView(TextInspectView):
    """Predict masked tokens with the model's MLM head.

    Attributes
    ----------
    runner : TaskRunner
    message_bar : MessageBar
    info_label : QLabel
    token_list : QListWidget
        The input's tokens; click one to mask it (or unmask it).
    k_spin : QSpinBox
    lens_check : QCheckBox
        Per layer (logit lens).
    table : QTableWidget
        Mask, rank, token, probability: ``k`` rows per mask.
    layer_table : QTableWidget
        With the logit lens: one row per hidden state (embeddings first) for
        the mask chosen in :attr:`mask_combo`.
    result : FillMaskResult or None
    result_changed : Signal()
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FillMaskView", "Fill-mask"), parent)
        self.result: FillMaskResult | None = None
        self._text = ""
        self._tokens: list[str] = []
        self._special: list[bool] = []
        self._masked: set[int] = set()
        self._build()
        self.set_model(None)

    def _build(self) -> None:
        self.k_spin = QSpinBox()
        self.k_spin.setRange(1, 100)
        self.k_spin.setValue(10)
        self.k_spin.setToolTip(self.tr("How many predictions per mask"))
        self.lens_check = QCheckBox(self.tr("Per layer (logit lens)"))
        self.lens_check.setToolTip(self.tr("Also predict from every layer's hidden state through "
                                           "the MLM head: where in the network does the answer "
                                           "appear?"))
        self.mask_combo = QComboBox()
        self.mask_combo.setToolTip(self.tr("The mask whose per-layer predictions are shown"))
        self.token_list = QListWidget()
        self.token_list.setFlow(QListView.Flow.LeftToRight)
        self.token_list.setWrapping(True)
        self.token_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.token_list.setSpacing(2)
        self.token_list.setMaximumHeight(90)
        self.token_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.token_list.setToolTip(self.tr("The input's tokens: click one to mask it (click "
                                           "again to unmask); the predictions follow"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("mask"), self.tr("rank"), self.tr("token"),
                                              self.tr("probability")])
        self.table.verticalHeader().setVisible(False)
        self.layer_table = QTableWidget(0, 4)
        self.layer_table.setHorizontalHeaderLabels([self.tr("layer"), self.tr("top-1"),
                                                    self.tr("probability"), self.tr("top-k")])
        self.layer_table.verticalHeader().setVisible(False)
        self.layer_table.setToolTip(self.tr("The MLM head applied to each layer's hidden state "
                                            "(embeddings = the input layer); the last row is the "
                                            "model's prediction"))

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Top k")))
        controls.addWidget(self.k_spin)
        controls.addWidget(self.lens_check)
        controls.addWidget(QLabel(self.tr("Mask")))
        controls.addWidget(self.mask_combo)
        controls.addStretch(1)
        lens_side = QWidget()
        lens_layout = QVBoxLayout(lens_side)
        lens_layout.setContentsMargins(0, 0, 0, 0)
        lens_layout.addWidget(QLabel(self.tr("Per layer (logit lens)")))
        lens_layout.addWidget(self.layer_table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lens_side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.info_label)
        layout.addLayout(controls)
        layout.addWidget(self.token_list)
        layout.addWidget(self.splitter, 1)
        self.runner.finished.connect(self.set_result)
        self.token_list.itemClicked.connect(self._on_token_clicked)
        self.mask_combo.currentIndexChanged.connect(self._fill_layer_table)
        self.lens_check.toggled.connect(self._on_lens_toggled)

    # ------------------------------------------------------------------ model
    def can_predict(self) -> bool:
        """Whether a model with an MLM head is loaded."""
        return self.model is not None and bool(self.model.has_mlm_head)

    def _model_changed(self) -> None:
        """Without an MLM head the controls are off and say why."""
        model = self.model
        self.result = None
        self._text, self._tokens, self._special, self._masked = "", [], [], set()
        self.token_list.clear()
        self.table.setRowCount(0)
        self.layer_table.setRowCount(0)
        self.mask_combo.clear()
        self.message_bar.clear()
        ok = self.can_predict()
        why = ""
        if model is None:
            why = self.tr("Open a model folder first.")
            self.info_label.setText(why)
        elif not ok:
            why = self._no_head_sentence(model)
            self.message_bar.show_warning(why)
            self.info_label.setText(self.tr("This model cannot fill masks (no "
                                            "masked-language-model head)."))
        else:
            self.info_label.setText(self.tr("Type {mask} (or [MASK]) in the text and press Run, "
                                            "or press Run and click tokens below to mask "
                                            "them.").format(mask=model.mask_token))
        for w in (self.k_spin, self.lens_check, self.token_list, self.mask_combo, self.table,
                  self.layer_table):
            w.setEnabled(ok)
        for w, tip in ((self.k_spin, self.tr("How many predictions per mask")),
                       (self.lens_check, self.tr("Also predict from every layer's hidden state "
                                                 "through the MLM head")),
                       (self.token_list, self.tr("The input's tokens: click one to mask it"))):
            w.setToolTip(tip if ok else why)
        self._on_lens_toggled(self.lens_check.isChecked())

    def _no_head_sentence(self, model: InspectModel) -> str:
        from workbench.core.inspect.fillmask import fill_mask

        try:  # the core's sentence; raised before any forward pass without a head
            fill_mask(model, "[MASK]", k=1)
        except WorkbenchError as exc:
            return core_text(exc)
        return self.tr("The model in {folder} has no masked-language-model head.").format(
            folder=model.folder)

    def _unusable(self, model: InspectModel) -> str:
        return "" if model.has_mlm_head else self._no_head_sentence(model)

    # ------------------------------------------------------------------ running
    def masked_positions(self) -> list[int]:
        """Token indices clicked to be masked, in order."""
        return sorted(self._masked)

    def tokens(self) -> list[str]:
        """The tokens of the text last run (shown in :attr:`token_list`)."""
        return list(self._tokens)

    def _has_typed_mask(self, text: str) -> bool:
        mask = self.model.mask_token if self.model is not None else None
        return "[MASK]" in text or (bool(mask) and mask in text)

    def _show_tokens(self, text: str) -> None:
        enc = self.model.encode(text)
        self._text, self._tokens, self._special = text, list(enc.tokens), list(enc.special)
        self._masked = {p for p in self._masked if p < len(self._tokens)}
        if enc.notice:
            self.message_bar.show_warning(enc.notice)
        self._fill_token_list()

    def _fill_token_list(self) -> None:
        self.token_list.clear()
        for i, tok in enumerate(self._tokens):
            masked = i in self._masked
            item = QListWidgetItem(f"{tok} → ?" if masked else tok)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setSizeHint(QSize(max(30, 8 * len(tok) + 16 + (24 if masked else 0)), 22))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if self._special[i]:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("A special token cannot be masked"))
            else:
                item.setToolTip(self.tr("Click to unmask") if masked
                                else self.tr("Click to mask this token"))
            if masked:
                item.setBackground(QBrush(_MASKED))
            self.token_list.addItem(item)

    def _run(self, model: InspectModel, text: str, pair: str | None) -> None:
        """Predict the masks of ``text`` (typed ``[MASK]`` or clicked tokens) in the background.

        Fill-mask reads one text; a sentence B is ignored (and the view says so).
        """
        if text != self._text:
            self._masked = set()
        try:
            self._show_tokens(text)
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        if pair and pair.strip():
            self.message_bar.show_info(self.tr("Fill-mask reads one text; sentence B is not "
                                               "used."))
        if not self._has_typed_mask(text) and not self._masked:
            self.info_label.setText(self.tr("No mask yet: type {mask} in the text, or click "
                                            "tokens below to mask them.").format(
                mask=model.mask_token))
            self.table.setRowCount(0)
            self.layer_table.setRowCount(0)
            return
        self._predict()

    def _predict(self) -> None:
        self.info_label.setText(self.tr("Predicting…"))
        self.runner.start(fill_mask_job, self.model, self._text, self.k_spin.value(),
                          tuple(sorted(self._masked)), self.lens_check.isChecked())

    def toggle_mask(self, position: int) -> None:
        """Mask (or unmask) token ``position`` of the text last run, and predict again."""
        if not self._tokens or not 0 <= position < len(self._tokens) \
                or self._special[position]:
            return
        self._masked ^= {position}
        self._fill_token_list()
        if self._masked or self._has_typed_mask(self._text):
            self._predict()
        else:
            self.table.setRowCount(0)
            self.layer_table.setRowCount(0)

    @Slot(QListWidgetItem)
    def _on_token_clicked(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(position, int):
            self.toggle_mask(position)

    @Slot(bool)
    def _on_lens_toggled(self, on: bool) -> None:
        self.layer_table.parentWidget().setVisible(on)
        self.mask_combo.setVisible(on)

    # ------------------------------------------------------------------ results
    @Slot(object)
    def set_result(self, result: FillMaskResult) -> None:
        """Show ``result``."""
        self.result = result
        rows = sum(len(m.top) for m in result.masks)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(rows)
        r = 0
        for number, mask in enumerate(result.masks, 1):
            if mask.original:
                where = self.tr("{number}: position {position} (was {original})").format(
                    number=number, position=mask.position, original=mask.original)
            else:
                where = self.tr("{number}: position {position}").format(
                    number=number, position=mask.position)
            for rank, pred in enumerate(mask.top, 1):
                self.table.setItem(r, 0, _item(where))
                self.table.setItem(r, 1, _item(str(rank), rank))
                self.table.setItem(r, 2, _item(_shown(pred)))
                self.table.setItem(r, 3, _item(f"{pred.probability:.4f}",
                                               round(float(pred.probability), 4)))
                r += 1
        self.table.resizeColumnsToContents()
        self.mask_combo.blockSignals(True)
        self.mask_combo.clear()
        for number, mask in enumerate(result.masks, 1):
            self.mask_combo.addItem(self.tr("{number} (position {position})").format(
                number=number, position=mask.position), number - 1)
        self.mask_combo.blockSignals(False)
        self._fill_layer_table()
        if result.notice:
            self.message_bar.show_warning(result.notice)
        best = "; ".join(f"{_shown(m.top[0])} ({m.top[0].probability:.3f})"
                         for m in result.masks if m.top)
        self.info_label.setText(self.tr("{n} mask(s). Most probable: {best}.").format(
            n=len(result.masks), best=best))
        self.result_changed.emit()

    @Slot()
    def _fill_layer_table(self) -> None:
        result = self.result
        index = self.mask_combo.currentData()
        if result is None or index is None or index >= len(result.masks) \
                or result.masks[index].per_layer is None:
            self.layer_table.setRowCount(0)
            return
        per_layer = result.masks[index].per_layer
        self.layer_table.setRowCount(len(per_layer))
        for i, preds in enumerate(per_layer):
            name = self.tr("embeddings") if i == 0 else self.tr("layer {i}").format(i=i)
            self.layer_table.setItem(i, 0, _item(name))
            if preds:
                self.layer_table.setItem(i, 1, _item(_shown(preds[0])))
                self.layer_table.setItem(i, 2, _item(f"{preds[0].probability:.4f}",
                                                     round(float(preds[0].probability), 4)))
            self.layer_table.setItem(i, 3, _item(", ".join(
                f"{p.token} {p.probability:.3f}" for p in preds)))
        self.layer_table.resizeColumnsToContents()
