"""How problems reach the user.

* Expected problems (:class:`~workbench.core.errors.WorkbenchError`) are shown
  inline, as the plain sentence the core wrote, in the panel's
  :class:`MessageBar`.  The panel stays usable.
* Unexpected exceptions are bugs: they are logged with their traceback and
  shown by :func:`show_unexpected_error` as a non-blocking message box whose
  headline is a plain sentence and whose traceback is one click away
  ("Show Details…").
* :func:`install_excepthooks` routes exceptions that would otherwise escape
  (in Qt slots, in threads) to the same path, so nothing kills the app.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.ui.i18n import core_text

__all__ = [
    "ErrorReporter",
    "MessageBar",
    "error_reporter",
    "install_excepthooks",
    "report_exception",
    "show_job_error",
    "show_unexpected_error",
    "uninstall_excepthooks",
]

log = logging.getLogger("workbench")

#: level -> (background, border, text colour, badge; the badge is translated when shown).
_STYLES = {
    "error": ("#fdecea", "#b3261e", "#611a15", QT_TRANSLATE_NOOP("MessageBar", "Error")),
    "warning": ("#fff4e5", "#ed6c02", "#663c00", QT_TRANSLATE_NOOP("MessageBar", "Warning")),
    "info": ("#e8f1fb", "#1565c0", "#0d3c61", QT_TRANSLATE_NOOP("MessageBar", "Note")),
}


class MessageBar(QFrame):
    """A one-line (wrapping) message strip shown at the top of a panel.

    Hidden while empty.  :meth:`text` and :meth:`level` tell tests what the
    user sees.

    Attributes
    ----------
    closed : Signal()
        The user dismissed the message with the close button.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self._level = ""
        self._badge = QLabel(self)
        self._badge.setObjectName("MessageBarBadge")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.clicked.connect(self._on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_message(self, text: str, level: str = "info") -> None:
        """Show ``text`` in the ``"error"``, ``"warning"`` or ``"info"`` style."""
        if level not in _STYLES:
            raise ValueError(f"unknown message level {level!r}")
        background, border, foreground, badge = _STYLES[level]
        self._level = level
        self._badge.setText(f"<b>{QCoreApplication.translate('MessageBar', badge)}</b>")
        text = core_text(text)   # a core message is shown in the interface language
        self._label.setText(text)
        self.setStyleSheet(
            f"#MessageBar {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }}"
            f" #MessageBar QLabel {{ color: {foreground}; background: transparent; }}")
        self.setToolTip(text)
        self.setVisible(True)

    def show_error(self, text: str) -> None:
        """Show ``text`` as an error."""
        self.show_message(text, "error")

    def show_warning(self, text: str) -> None:
        """Show ``text`` as a warning."""
        self.show_message(text, "warning")

    def show_info(self, text: str) -> None:
        """Show ``text`` as information."""
        self.show_message(text, "info")

    def clear(self) -> None:
        """Remove the message and hide the bar."""
        self._level = ""
        self._label.clear()
        self.setVisible(False)

    def text(self) -> str:
        """The message shown, or ``""``."""
        return self._label.text()

    def level(self) -> str:
        """``"error"``, ``"warning"``, ``"info"`` or ``""`` when empty."""
        return self._level

    @Slot()
    def _on_close_clicked(self) -> None:
        self.clear()
        self.closed.emit()


def _headline(exc: BaseException) -> str:
    what = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    kind = type(exc).__name__
    detail = f"{kind}: {what}" if what else kind
    return QCoreApplication.translate(
        "ErrorReporter",
        "Something went wrong inside Embedding Workbench ({detail}). This is a bug, not "
        "something you did. The app is still running; anything already saved is safe.",
    ).format(detail=detail)


def show_unexpected_error(parent: QWidget | None, exc: BaseException,
                          tb: str = "") -> QMessageBox:
    """Log an unexpected exception and show it in a non-blocking message box.

    The headline is a plain sentence; the traceback is in the box's details.

    Parameters
    ----------
    parent
        The window the box belongs to.
    exc
        The exception.
    tb
        Its formatted traceback (computed from ``exc`` when empty).

    Returns
    -------
    QMessageBox
        The open box (deleted when closed).
    """
    if not tb:
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error: %r\n%s", exc, tb)
    box = QMessageBox(parent)
    box.setObjectName("UnexpectedErrorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Unexpected error"))
    box.setText(_headline(exc))
    box.setInformativeText(QCoreApplication.translate(
        "ErrorReporter", "Click “Show Details…” for the technical report to copy into a bug "
        "report."))
    box.setDetailedText(tb)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _show(box)
    return box


#: Boxes without a parent window, kept alive until they are closed.
_open_boxes: list[QMessageBox] = []


def _show(box: QMessageBox) -> None:
    if box.parent() is None:
        _open_boxes.append(box)
        box.finished.connect(lambda _result, b=box: _forget(b))
    box.open()  # window-modal at most, returns at once: never blocks the loop or tests
    error_reporter().dialog_shown.emit(box)


def _forget(box: QMessageBox) -> None:
    if box in _open_boxes:
        _open_boxes.remove(box)


def show_job_error(parent: QWidget, show: Callable[[str], object], error: BaseException,
                   details: str = "") -> bool:
    """Show why a job failed; return whether it was the user's kind of error.

    A :class:`WorkbenchError` goes to ``show`` (usually a panel's
    ``message_bar.show_error``) in the interface language; anything else is
    a bug and gets the unexpected-error box with ``details`` (the traceback).
    """
    if isinstance(error, WorkbenchError):
        show(core_text(error))
        return True
    show_unexpected_error(parent, error, details)
    return False


def report_exception(exc: BaseException, tb: str = "", parent: QWidget | None = None,
                     ) -> QMessageBox | None:
    """Show ``exc`` the right way: inline-worthy errors are logged, bugs get the box.

    Only for exceptions nobody else handled (hooks); panels show their
    ``WorkbenchError`` in their own :class:`MessageBar`.
    """
    if QApplication.instance() is None:
        log.error("Unexpected error: %r\n%s", exc, tb)
        return None
    if parent is None:
        parent = QApplication.activeWindow()
    if isinstance(exc, WorkbenchError):
        log.warning("%s", exc)
        box = QMessageBox(QMessageBox.Icon.Warning, "Embedding Workbench", core_text(exc),
                          QMessageBox.StandardButton.Close, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _show(box)
        return box
    return show_unexpected_error(parent, exc, tb)


class ErrorReporter(QObject):
    """Carries exceptions from any thread to the GUI thread, where they are shown.

    Attributes
    ----------
    exception_raised : Signal(object, str)
        An unhandled exception and its traceback (queued to the GUI thread).
    dialog_shown : Signal(object)
        :func:`show_unexpected_error` opened this message box.
    """

    exception_raised = Signal(object, str)
    dialog_shown = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.exception_raised.connect(self._on_exception_raised,
                                      Qt.ConnectionType.QueuedConnection)

    @Slot(object, str)
    def _on_exception_raised(self, exc: BaseException, tb: str) -> None:
        try:
            report_exception(exc, tb)
        except Exception:  # noqa: BLE001 - never let the reporter itself crash the app
            log.exception("Could not show an unexpected error")


_reporter: ErrorReporter | None = None


def error_reporter() -> ErrorReporter:
    """The process-wide :class:`ErrorReporter` (created on first use, on the GUI thread)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter()
        app = QApplication.instance()
        if app is not None:
            _reporter.moveToThread(app.thread())
    return _reporter


_previous_hooks: tuple[Any, Any] | None = None


def _sys_hook(exc_type: type[BaseException], exc: BaseException,
              tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        if _previous_hooks is not None:
            _previous_hooks[0](exc_type, exc, tb)
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    _deliver(exc, text)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    text = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                              args.exc_traceback))
    where = f" in thread {args.thread.name}" if args.thread is not None else ""
    log.error("Unhandled exception%s", where)
    _deliver(args.exc_value, text)


def _deliver(exc: BaseException, tb: str) -> None:
    app = QApplication.instance()
    if app is None:
        log.error("Unexpected error: %r\n%s", exc, tb)
        return
    reporter = error_reporter()
    if QThread.currentThread() is app.thread():
        reporter._on_exception_raised(exc, tb)
    else:
        reporter.exception_raised.emit(exc, tb)


def install_excepthooks() -> None:
    """Route uncaught exceptions (GUI thread and worker threads) to the error box."""
    global _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    error_reporter()
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook


def uninstall_excepthooks() -> None:
    """Restore the hooks that :func:`install_excepthooks` replaced."""
    global _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None
