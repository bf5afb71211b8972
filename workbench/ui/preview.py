"""Run one panel alone in a small window (``if __name__ == "__main__"`` of each panel)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

__all__ = ["build_preview", "preview"]

W = TypeVar("W", bound=QWidget)


def build_preview(factory: Callable[[], W]) -> QMainWindow:
    """Put the widget ``factory()`` makes in a main window with a job status bar.

    The QApplication must exist.  The window cancels and awaits the panel's
    jobs when it closes.
    """
    from workbench.ui.tasks import JobStatusWidget

    window = _PreviewWindow()
    panel = factory()
    window.setCentralWidget(panel)
    window.setWindowTitle(QCoreApplication.translate("PreviewWindow", "{panel} preview").format(
        panel=type(panel).__name__))
    for runner in getattr(panel, "runners", list)():
        window.jobs.add(runner)
    window.statusBar().addPermanentWidget(JobStatusWidget(window.jobs, window))
    window.resize(1200, 800)
    return window


class _PreviewWindow(QMainWindow):
    def __init__(self) -> None:
        from workbench.ui.tasks import JobRegistry

        super().__init__()
        self.jobs = JobRegistry(self)

    def closeEvent(self, event: object) -> None:  # noqa: N802
        self.jobs.shutdown(5.0)
        super().closeEvent(event)  # type: ignore[arg-type]


def preview(factory: Callable[[], W], setup: Callable[[W], None] | None = None,
            argv: list[str] | None = None) -> int:
    """Show the widget ``factory()`` makes in its own window and run the event loop.

    Parameters
    ----------
    factory
        Builds the panel (called once the QApplication exists).
    setup
        Called with the panel after the window is shown (e.g. to open a corpus).

    Returns
    -------
    int
        The application's exit code.
    """
    from workbench.ui.app import create_application
    from workbench.ui.notifications import install_excepthooks

    app = create_application(list(argv or sys.argv[1:]))
    install_excepthooks()
    window = build_preview(factory)
    app.aboutToQuit.connect(lambda: window.jobs.shutdown(5.0))
    window.show()
    if setup is not None:
        setup(window.centralWidget())  # type: ignore[arg-type]
    return app.exec()
