"""What the Inspect panel's views share: the loaded model, a runner, errors, the run checks.

:class:`InspectView` is the base of every view (the model, one
:class:`~workbench.ui.tasks.TaskRunner`, a message bar and how a failed job
is shown); :class:`TextInspectView` adds what the views run on the panel's
shared text have in common (Attention, Input anatomy, Fill-mask): the info
line, ``set_model`` and the checks before a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from workbench.ui.notifications import MessageBar, show_job_error
from workbench.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["InspectView", "TextInspectView"]


class InspectView(QWidget):
    """Base of the Inspect views: the model, one runner and a message bar.

    Parameters
    ----------
    name
        The runner's name (shown in the window's job list).
    parent
        The owning widget.

    Attributes
    ----------
    model : InspectModel or None
        The model the view uses (``None``: none loaded).
    runner : TaskRunner
        Runs the view's job; a failure is shown in :attr:`message_bar`.
    message_bar : MessageBar
        Notices and errors (a bug's report opens a dialog instead).
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: InspectModel | None = None
        self.runner = TaskRunner(name, self)
        self.message_bar = MessageBar(self)
        self.runner.failed.connect(self._on_failed)

    def runners(self) -> list[TaskRunner]:
        """Every runner of the view (for the window's job registry)."""
        return [self.runner]

    def _export_button(self, tip: str,
                       actions: Iterable[tuple[str, Callable[[], object]]]) -> QToolButton:
        """An "Export" button whose menu offers ``actions`` (label, slot); disabled at first."""
        button = QToolButton()
        button.setText(self.tr("Export"))
        button.setToolTip(tip)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for label, slot in actions:
            menu.addAction(label, slot)
        button.setMenu(menu)
        button.setEnabled(False)
        return button

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        show_job_error(self, self.message_bar.show_error, error, details)


class TextInspectView(InspectView):
    """A view the Inspect panel runs on its text and optional sentence B.

    The panel calls :meth:`set_model` and :meth:`run`; a subclass builds its
    widgets (putting :attr:`message_bar` and :attr:`info_label` in its layout)
    and implements :meth:`_run` and :meth:`_model_changed`.

    Attributes
    ----------
    info_label : QLabel
        One line about what is shown (emptied when a job fails).
    result_changed : Signal()
        A new result is shown.
    """

    result_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.info_label = QLabel(self._prompt())
        self.info_label.setWordWrap(True)

    def _prompt(self) -> str:
        """What the info line says while nothing is shown."""
        return self.tr("Load a model, type a text and press Run (Ctrl+Return).")

    @Slot(object)
    def set_model(self, model: InspectModel | None) -> None:
        """Use ``model`` from now on (``None``: none loaded); the running job is cancelled."""
        self.runner.cancel()
        self.model = model
        self._model_changed()

    def _model_changed(self) -> None:
        """Clear what the previous model showed (subclasses)."""
        raise NotImplementedError

    def run(self, text: str, pair: str | None = None) -> None:
        """Run the view on ``text`` (and sentence B ``pair``) in the background.

        Without a model, with one the view cannot use, or with an empty text,
        the message bar says so and nothing starts.
        """
        if self.model is None:
            self.message_bar.show_error(self.tr("Open a model folder first."))
            return
        why = self._unusable(self.model)
        if why:
            self.message_bar.show_error(why)
            return
        if not text.strip():
            self.message_bar.show_error(self.tr("Type a text first: the input is empty."))
            return
        self.message_bar.clear()
        self._run(self.model, text, pair or None)

    def _unusable(self, model: InspectModel) -> str:
        """Why the view cannot run with ``model`` (``""``: it can)."""
        return ""

    def _run(self, model: InspectModel, text: str, pair: str | None) -> None:
        """Start the view's job on a non-empty ``text`` (subclasses)."""
        raise NotImplementedError

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        self.info_label.setText("")
        super()._on_failed(error, details)
