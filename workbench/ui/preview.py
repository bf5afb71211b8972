"""Run one panel alone in a small window (the ``main()`` of each panel module).

:func:`run_preview` is that ``main()``: it builds the panel with the default
workspace, shows it, and opens the path given on the command line.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from workbench.core.workspace import Workspace
    from workbench.ui.panels.static_panel import CorpusChoice

__all__ = ["build_preview", "bundled_corpus", "preview", "run_preview"]

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

    def closeEvent(self, event: object) -> None:
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

    app = create_application(list(sys.argv[1:] if argv is None else argv))
    install_excepthooks()
    window = build_preview(factory)
    app.aboutToQuit.connect(lambda: window.jobs.shutdown(5.0))
    window.show()
    if setup is not None:
        setup(window.centralWidget())  # type: ignore[arg-type]
    return app.exec()


def run_preview(make_widget: Callable[[Callable[[], Workspace]], W],
                open_path: Callable[[W, str], object] | None = None,
                default_path: str | None = None) -> int:
    """Show a panel alone with the default workspace: the ``main()`` of a panel module.

    Parameters
    ----------
    make_widget
        Builds the panel from a function returning the default workspace (made
        on first call), e.g. ``InspectPanel``.
    open_path
        Called with the panel and a path once the window is shown: the first
        command-line argument (Qt's own options left out), else ``default_path``.
    default_path
        What ``open_path`` opens without an argument (``None``: nothing).

    Returns
    -------
    int
        The application's exit code.
    """
    from workbench.core.workspace import Workspace

    workspace = functools.cache(Workspace)

    def open_argument(widget: W) -> None:
        args = QCoreApplication.arguments()[1:]   # without the options Qt took
        path = args[0] if args else default_path
        if open_path is not None and path:
            open_path(widget, path)

    return preview(lambda: make_widget(workspace), open_argument)


def bundled_corpus() -> CorpusChoice:
    """The corpus that ships with the application, read and tokenized with default settings."""
    from workbench.core.corpus import ReaderOptions, TokenizerSettings
    from workbench.core.resources import default_corpus_path
    from workbench.ui.panels.static_panel import CorpusChoice

    return CorpusChoice(str(default_corpus_path()), ReaderOptions(), TokenizerSettings())
