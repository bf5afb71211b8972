"""The Inspect panel: one loaded BERT-family model, looked at through several views.

A model bar opens a model folder (or one of the final models of the
workspace's pretraining and fine-tuning runs) in a worker thread and
summarises it.  Below, a text box and an optional second sentence feed the
Attention, Input anatomy and Fill-mask views (Ctrl+Return runs the view shown);
more views (senses, word in context, contextuality) are added with
:meth:`InspectPanel.add_view`.  Every view gets the model through its
``set_model(model_or_None)`` slot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.notifications import MessageBar, show_unexpected_error
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.anatomy_view import AnatomyView
from workbench.ui.widgets.attention_view import AttentionView
from workbench.ui.widgets.fill_mask_view import FillMaskView

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel
    from workbench.core.workspace import Workspace

__all__ = ["InspectPanel", "known_model_folders", "load_model_job", "model_summary"]

#: Run kinds whose outputs hold a final model folder, and the output's key.
_MODEL_OUTPUTS = (("bert_pretrain", "final_model"), ("finetune", "model"))
log = logging.getLogger(__name__)

_RECENT_KEY = "inspect/recent_models"
_MAX_RECENT = 10


def load_model_job(folder: str, *, progress: Progress = NULL_PROGRESS) -> InspectModel:
    """Load a model folder for inspection in a worker (a :class:`TaskRunner` job)."""
    from workbench.core.inspect.model import load_for_inspection

    progress.report(None, QCoreApplication.translate("InspectPanel", "Loading {name}…").format(
        name=Path(folder).name))
    return load_for_inspection(folder)


def model_summary(model: InspectModel) -> str:
    """One line: type, layers × heads, hidden size, maximum length, MLM head."""
    if model.has_mlm_head:
        text = QCoreApplication.translate(
            "InspectPanel", "<b>{name}</b>: {type}, {layers} layers × {heads} heads, hidden "
            "{hidden}, max {max} tokens, MLM head: yes ({device})")
    else:
        text = QCoreApplication.translate(
            "InspectPanel", "<b>{name}</b>: {type}, {layers} layers × {heads} heads, hidden "
            "{hidden}, max {max} tokens, MLM head: no ({device})")
    return text.format(name=Path(model.folder).name, type=model.model_type,
                       layers=model.num_layers, heads=model.num_heads, hidden=model.hidden_size,
                       max=model.max_length, device=model.device)


def known_model_folders(workspace: Workspace | None, limit: int = 50) -> list[tuple[str, str]]:
    """``(label, folder)`` of the final models of pretraining and fine-tuning runs, newest first.

    Only successful runs whose folder still exists are listed.
    """
    if workspace is None:
        return []
    found: list[tuple[float, str, str]] = []
    for kind, key in _MODEL_OUTPUTS:
        try:
            runs = workspace.runs.list(kind, limit=limit)
        except Exception:
            log.debug("cannot list %s runs", kind, exc_info=True)
            continue
        for run in runs:
            folder = run.outputs.get(key)
            if run.status == "success" and folder and Path(folder).is_dir():
                if kind == "bert_pretrain":
                    label = QCoreApplication.translate("InspectPanel",
                                                       "run {id} (pretraining): {name}")
                else:
                    label = QCoreApplication.translate("InspectPanel",
                                                       "run {id} (fine-tuning): {name}")
                found.append((run.started, label.format(id=run.id, name=Path(folder).name),
                              str(folder)))
    found.sort(key=lambda t: t[0], reverse=True)
    return [(label, folder) for _, label, folder in found]


class InspectPanel(QWidget):
    """Inspect a BERT-family model: attention, input anatomy, fill-mask (and added views).

    Parameters
    ----------
    workspace
        Returns the workspace whose run registry lists known model folders.

    Attributes
    ----------
    model : InspectModel or None
        The loaded model.
    load_runner : TaskRunner
    message_bar : MessageBar
    model_combo : QComboBox
        Recently opened and known (run) model folders.
    summary_label : QLabel
    text_edit : QPlainTextEdit
    pair_edit : QLineEdit
        Sentence B (optional).
    views : QTabWidget
    attention_view : AttentionView
    anatomy_view : AnatomyView
    fill_mask_view : FillMaskView
    model_changed : Signal(object)
        The model (or ``None``) every view now uses.
    """

    model_changed = Signal(object)

    def __init__(self, workspace: Callable[[], Workspace | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace or (lambda: None)
        self.model: InspectModel | None = None
        self.load_runner = TaskRunner(self.tr("Load model"), self)
        self._views: list[QWidget] = []
        self._text_views: list[QWidget] = []
        self._build()
        self._update_run_enabled()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)
        self.open_button = QPushButton(self.tr("Open model folder…"))
        self.open_button.setToolTip(self.tr("Open a local BERT, RoBERTa, DistilBERT or MiniLM "
                                            "folder (config.json, weights and tokenizer)"))
        self.model_combo = QComboBox()
        self.model_combo.setMinimumContentsLength(16)
        self.model_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setToolTip(self.tr("Recently opened models and the final models of "
                                            "this workspace's pretraining and fine-tuning runs"))
        self.model_combo.addItem(self.tr("Recent and trained models…"), None)
        self.summary_label = QLabel(self.tr("No model loaded."))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setWordWrap(True)
        model_bar = QHBoxLayout()
        model_bar.addWidget(self.open_button)
        model_bar.addWidget(self.model_combo)
        model_bar.addWidget(self.summary_label, 1)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("Type a text (use [MASK] for fill-mask); "
                                                  "Ctrl+Return runs the view shown"))
        self.text_edit.setPlainText("The cat sat on the mat because it was tired.")
        self.text_edit.setMaximumHeight(64)
        self.pair_edit = QLineEdit()
        self.pair_edit.setPlaceholderText(self.tr("sentence B (optional): makes a sentence "
                                                  "pair"))
        self.pair_edit.setToolTip(self.tr("A second sentence: the input becomes the pair [CLS] A "
                                          "[SEP] B [SEP] (segments A and B)"))
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the view shown on the text (Ctrl+Return)"))
        inputs = QVBoxLayout()
        inputs.addWidget(self.text_edit)
        inputs.addWidget(self.pair_edit)
        input_row = QHBoxLayout()
        input_row.addLayout(inputs, 1)
        input_row.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)

        self.attention_view = AttentionView()
        self.anatomy_view = AnatomyView()
        self.fill_mask_view = FillMaskView()
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        for view, title, tip in (
            (self.attention_view, self.tr("Attention"),
             self.tr("Layers × heads grid, heatmaps, head view")),
            (self.anatomy_view, self.tr("Input anatomy"),
             self.tr("Token + position + segment embeddings")),
            (self.fill_mask_view, self.tr("Fill-mask"),
             self.tr("Predict masked tokens (logit lens per layer)")),
        ):
            self.add_view(title, view, tip)
            self._text_views.append(view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(model_bar)
        layout.addLayout(input_row)
        layout.addWidget(self.views, 1)

        self.open_button.clicked.connect(self._on_open_clicked)
        self.model_combo.activated.connect(self._on_combo_activated)
        self.run_button.clicked.connect(self.run)
        self.views.currentChanged.connect(self._update_run_enabled)
        self.load_runner.finished.connect(self._on_model_loaded)
        self.load_runner.failed.connect(self._on_load_failed)
        self.load_runner.started.connect(lambda: self._set_loading(True))
        self.load_runner.done.connect(lambda: self._set_loading(False))
        # Views with their own Run (senses, ...) have their own Ctrl+Return; two
        # enabled shortcuts with the same keys would both be ambiguous and dead.
        self._run_shortcuts = []
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.run)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._run_shortcuts.append(shortcut)

    def add_view(self, title: str, widget: QWidget, tip: str = "") -> int:
        """Add ``widget`` as a tab; it gets the model now and on every change.

        ``widget`` must have a ``set_model(model_or_None)`` slot.  Its runners
        (a ``runners()`` method) are included in :meth:`runners`; views added
        after the window registered the panel's runners must be registered by
        the caller.

        Returns
        -------
        int
            The tab index.
        """
        # In a scroll area: a tall view scrolls instead of growing the window's minimum size.
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        index = self.views.addTab(scroll, title)
        if tip:
            self.views.setTabToolTip(index, tip)
        self._views.append(widget)
        widget.set_model(self.model)
        return index

    def current_view(self) -> QWidget | None:
        """The view of the current tab."""
        index = self.views.currentIndex()
        return self._views[index] if 0 <= index < len(self._views) else None

    def show_view(self, widget: QWidget) -> None:
        """Make ``widget``'s tab the current one."""
        self.views.setCurrentIndex(self._views.index(widget))

    def view_widgets(self) -> list[QWidget]:
        """Every view, in tab order of addition."""
        return list(self._views)

    def runners(self) -> list[TaskRunner]:
        """Every runner of the panel and its views (for the window's job registry)."""
        out = [self.load_runner]
        for view in self._views:
            getter = getattr(view, "runners", None)
            if callable(getter):
                out.extend(getter())
        return out

    # ------------------------------------------------------------------ models
    def refresh_known_models(self) -> None:
        """Fill the model combo: recently opened folders, then the workspace's run models."""
        entries: list[tuple[str, str]] = []
        seen: set[str] = set()
        for folder in self.recent_models():
            if folder not in seen and Path(folder).is_dir():
                seen.add(folder)
                entries.append((f"{Path(folder).name}  ({folder})", folder))
        try:
            known = known_model_folders(self._workspace())
        except WorkbenchError:
            known = []
        for label, folder in known:
            if folder not in seen:
                seen.add(folder)
                entries.append((label, folder))
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        self.model_combo.addItem(self.tr("Recent and trained models…") if entries
                                 else self.tr("No known models yet"), None)
        for label, folder in entries:
            self.model_combo.addItem(label, folder)
            self.model_combo.setItemData(self.model_combo.count() - 1, folder,
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.setCurrentIndex(0)
        self.model_combo.blockSignals(False)
        self.model_combo.setEnabled(bool(entries))

    def known_folders(self) -> list[str]:
        """The folders the combo lists, in order."""
        return [str(self.model_combo.itemData(i)) for i in range(1, self.model_combo.count())]

    def recent_models(self) -> list[str]:
        """Model folders opened in this panel before, most recent first."""
        from workbench.ui.main_window import app_settings

        value = app_settings().value(_RECENT_KEY, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])][:_MAX_RECENT]

    def _remember(self, folder: str) -> None:
        from workbench.ui.main_window import app_settings

        folders = [folder] + [f for f in self.recent_models() if f != folder]
        app_settings().setValue(_RECENT_KEY, folders[:_MAX_RECENT])

    def load_model(self, folder: str | Path) -> None:
        """Load ``folder`` in the background; every view gets it once loaded."""
        self.message_bar.clear()
        self.summary_label.setText(self.tr("Loading {name}…").format(name=Path(folder).name))
        self.load_runner.start(load_model_job, str(folder))

    @Slot(object)
    def set_model(self, model: InspectModel | None) -> None:
        """Give ``model`` (``None``: unload) to every view."""
        self.model = model
        self.summary_label.setText(model_summary(model) if model is not None
                                   else self.tr("No model loaded."))
        for view in self._views:
            view.set_model(model)
        self._update_run_enabled()
        self.model_changed.emit(model)

    def _set_loading(self, busy: bool) -> None:
        self.open_button.setEnabled(not busy)
        self.model_combo.setEnabled(not busy and self.model_combo.count() > 1)

    @Slot(object)
    def _on_model_loaded(self, model: InspectModel) -> None:
        self._remember(str(model.folder))
        self.set_model(model)
        self.refresh_known_models()

    @Slot(object, str)
    def _on_load_failed(self, error: BaseException, details: str) -> None:
        self.summary_label.setText(model_summary(self.model) if self.model is not None
                                   else self.tr("No model loaded."))
        if isinstance(error, WorkbenchError):
            self.message_bar.show_error(str(error))
        else:
            show_unexpected_error(self, error, details)

    @Slot()
    def _on_open_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a BERT-family model folder"), str(self.model.folder.parent)
            if self.model is not None else "")
        if folder:
            self.load_model(folder)

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        folder = self.model_combo.itemData(index)
        if folder:
            self.load_model(str(folder))

    # ------------------------------------------------------------------ running
    def text(self) -> str:
        """The typed text."""
        return self.text_edit.toPlainText()

    def pair(self) -> str | None:
        """Sentence B, or ``None`` when empty."""
        return self.pair_edit.text().strip() or None

    def set_text(self, text: str, pair: str | None = None) -> None:
        """Type ``text`` and ``pair`` into the boxes."""
        self.text_edit.setPlainText(text)
        self.pair_edit.setText(pair or "")

    @Slot()
    def run(self) -> None:
        """Run the view shown on the typed text (when it reads the shared text)."""
        view = self.current_view()
        if view not in self._text_views:
            return
        if self.model is None:
            self.message_bar.show_error(self.tr("Open a model folder first (Open model "
                                                "folder…)."))
            return
        self.message_bar.clear()
        view.run(self.text(), self.pair())

    @Slot()
    def _update_run_enabled(self) -> None:
        shared = self.current_view() in self._text_views
        self.run_button.setEnabled(shared and self.model is not None)
        for w in (self.text_edit, self.pair_edit, self.run_button):
            w.setVisible(shared)
        for shortcut in getattr(self, "_run_shortcuts", ()):
            shortcut.setEnabled(shared)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.load_runner.is_running:
            self.refresh_known_models()


def main() -> int:
    """Run the panel alone (a model folder as argument is loaded at once)."""
    from workbench.ui.preview import run_preview

    return run_preview(InspectPanel, InspectPanel.load_model)


if __name__ == "__main__":
    import sys

    sys.exit(main())

