"""Start the desktop app: ``run_app(argv)`` (``python -m workbench [PATH] [--screenshot FILE]``)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

__all__ = ["SCREENSHOT_TIMEOUT_MS", "create_application", "run_app"]

log = logging.getLogger("workbench")

#: ``--screenshot`` gives up (and saves what is shown) after this long.
SCREENSHOT_TIMEOUT_MS = 120_000


def _parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="workbench", description="Embedding Workbench desktop app.")
    parser.add_argument("paths", nargs="*", help="corpus files or folders to open")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="open the corpus (the bundled one by default), save a PNG of the "
                             "window once its statistics are shown, and quit")
    parser.add_argument("--self-test", action="store_true",
                        help="offscreen, in a temporary workspace: open the window, read the "
                             "bundled corpus, train word2vec, draw a map, pretrain a tiny BERT "
                             "and show its attention; exit 0 if every step passed, else 1")
    # Hidden: --self-test on another corpus (tests make a step fail with it), with a UMAP
    # map in the child process (slow; packaging/build.py --umap), and the
    # first-paint probe packaging/build.py uses to time bundle and source the same way.
    parser.add_argument("--self-test-corpus", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--self-test-umap", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--startup-time", type=float, metavar="T0", help=argparse.SUPPRESS)
    parsed, unknown = parser.parse_known_args(args)
    if unknown:
        log.info("Ignoring unknown arguments: %s", " ".join(unknown))
    return parsed


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication (made if needed) with names and pyqtgraph options set."""
    import pyqtgraph as pg

    from workbench import __version__
    from workbench.ui.main_window import APPLICATION, ORGANIZATION

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "workbench", *(argv or [])])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    return app


def _setup_logging() -> None:
    root = logging.getLogger()
    if root.handlers:
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s")


def _add_log_file() -> None:
    """Also log to ``workbench.log`` in the workspace folder (after the first paint)."""
    try:
        from workbench.core.workspace import default_workspace_dir

        folder = default_workspace_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "workbench.log", encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run_app(argv: list[str] | None = None) -> int:
    """Run the desktop app until its window closes and return the exit code.

    Parameters
    ----------
    argv
        Command-line arguments without the program name: optional corpus
        paths to open, ``--screenshot FILE``, ``--self-test`` (see
        :mod:`workbench.ui.self_test`), and Qt's own options.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    _setup_logging()
    if "--self-test" in argv:      # before any QApplication exists: it runs offscreen
        from workbench.ui.self_test import run_self_test

        parsed = _parse_args(argv)
        return run_self_test(corpus=parsed.self_test_corpus, umap=parsed.self_test_umap)
    created = QApplication.instance() is None
    app = create_application(argv)
    # Qt removes its own options (-platform, -style, ...) from app.arguments().
    args = _parse_args(app.arguments()[1:] if created else argv)
    if args.startup_time is not None:
        from workbench.ui.self_test import install_startup_probe

        install_startup_probe(args.startup_time)

    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import install_excepthooks, uninstall_excepthooks

    install_excepthooks()
    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    window.call_after_first_paint(_add_log_file)
    window.call_after_first_paint(lambda: QTimer.singleShot(1500, _warm_imports))
    # Objects made so far live as long as the app: keep them out of the cyclic
    # garbage collector's full passes, which otherwise pause every thread.
    gc.freeze()

    exit_code = [0]
    if args.screenshot:
        _arrange_screenshot(app, window, Path(args.screenshot), args.paths, exit_code)
    elif args.paths:
        QTimer.singleShot(0, lambda: window.open_corpus(args.paths[0]))
    else:
        window.start_session()
    try:
        code = app.exec()
    finally:
        uninstall_excepthooks()
    return exit_code[0] or code


def _warm_imports() -> None:
    """Pre-import torch off the GUI thread (see :mod:`workbench.core.warmup`)."""
    from workbench.core.warmup import warm_imports

    warm_imports()


def _arrange_screenshot(app: QApplication, window: object, target: Path, paths: list[str],
                        exit_code: list[int]) -> None:
    from workbench.core.resources import default_corpus_path
    from workbench.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    panel = window.corpus_panel
    saved = [False]

    def save() -> None:
        if saved[0]:
            return
        saved[0] = True
        if panel.stats is None:
            log.error("The statistics were not computed; saving the window as it is.")
            exit_code[0] = 1
        target.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(target)):
            log.error("Could not write %s", target)
            exit_code[0] = 1
        else:
            log.info("Saved %s", target)
        window.close()
        app.quit()

    # Once the plots are drawn (or the scan failed), let them paint, then grab.
    panel.stats_changed.connect(lambda: QTimer.singleShot(300, save))
    panel.runner.failed.connect(lambda *_: QTimer.singleShot(300, save))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, save)
    window.resize(1360, 860)
    path = paths[0] if paths else default_corpus_path()
    QTimer.singleShot(0, lambda: window.open_corpus(path))
