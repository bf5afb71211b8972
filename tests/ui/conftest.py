"""Fixtures for the UI tests: temporary settings, windows that must clean up after themselves."""

from __future__ import annotations

import gc
import gzip
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from workbench.ui.main_window import MainWindow

ENGLISH = ("abc", "brown", "inaugural", "movie_reviews", "state_union", "webtext")


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test gets an empty settings store under ``tmp_path``."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a TaskRunner worker thread alive."""
    yield
    alive = [t for t in threading.enumerate() if t.name.startswith("TaskRunner[")]
    for t in alive:
        t.join(5.0)
    still = [t.name for t in alive if t.is_alive()]
    if still:
        pytest.fail(f"worker threads still running after the test: {still}")


def _in_menu(widget: QWidget) -> bool:
    """Whether ``widget`` is a menu or part of one (a combo box popup inside a menu)."""
    w: QWidget | None = widget
    while w is not None:
        if isinstance(w, QMenu):
            return True
        w = w.parentWidget()
    return False


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def make_main_window(qtbot: Any, qapp: QApplication) -> Iterator[Callable[..., MainWindow]]:
    """Factory for shown :class:`MainWindow` objects, closed and checked at teardown.

    The test fails if one of its windows still had a job running when the
    test ended, or if top-level widgets (windows, dialogs, message boxes)
    outlive the windows.
    """
    _flush_deletes()
    before = list(qapp.topLevelWidgets())
    windows: list[MainWindow] = []

    def factory(show: bool = True, **kwargs: Any) -> MainWindow:
        window = MainWindow(**kwargs)
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield factory

    problems = []
    for window in windows:
        running = [r.name for r in window.jobs.runners() if r.is_running]
        if running and window.isVisible():
            problems.append(f"jobs still running at the end of the test: {running}")
        window.close()
    for window in windows:
        qtbot.waitUntil(lambda w=window: not w.jobs.running(), timeout=10_000)
        window.deleteLater()
    windows.clear()
    gc.collect()
    _flush_deletes()
    # pyqtgraph makes its context menus (and the combo-box popups in them) without a
    # parent; they go with its Python objects (which the test's arguments still
    # reference), and are never shown here.
    leaked = [w for w in qapp.topLevelWidgets()
              if not any(w is b for b in before) and not isinstance(w, QMessageBox)
              and not (not w.isVisible() and _in_menu(w))]
    leaked_boxes = [w for w in qapp.topLevelWidgets()
                    if not any(w is b for b in before) and isinstance(w, QMessageBox)]
    for box in leaked_boxes:  # a box the window did not own; close it but report it
        box.close()
        box.deleteLater()
    _flush_deletes()
    if leaked or leaked_boxes:
        names = [f"{type(w).__name__}({w.objectName()!r})" for w in leaked + leaked_boxes]
        problems.append(f"top-level widgets leaked: {names}")
    if problems:
        pytest.fail("; ".join(problems))


@pytest.fixture(scope="session")
def english_corpus_file(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """About 30 MB of plain English text (the NLTK corpora, brown twice), written once."""
    plain = shared_data / "nltk-english-corpora" / "plain"
    target = tmp_path_factory.mktemp("big") / "english.txt"
    with open(target, "wb") as out:
        for name in (*ENGLISH, "brown"):
            with gzip.open(plain / f"{name}.txt.gz", "rb") as f:
                out.write(f.read())
    return target


@pytest.fixture(scope="session")
def inaugural_path(shared_data: Path) -> Path:
    """The inaugural addresses corpus (gzip, ~0.8 MB of text)."""
    return shared_data / "nltk-english-corpora" / "plain" / "inaugural.txt.gz"


@pytest.fixture
def message_boxes(qapp: QApplication) -> Callable[[str | None], list[QMessageBox]]:
    """``message_boxes(name=None)``: the visible message boxes, optionally by object name."""

    def find(name: str | None = None) -> list[QMessageBox]:
        return [w for w in qapp.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
                and (name is None or w.objectName() == name)]

    return find


#: Longest acceptable gap between two 10 ms heartbeats of the GUI thread.
MAX_STALL_S = 0.200


class Heartbeat:
    """A 10 ms timer on the GUI thread; its longest gap is the worst event-loop stall.

    ``with Heartbeat(qtbot, parent) as hb: <start a job and wait for it>`` then
    ``hb.worst`` gives ``(gap seconds, start of the gap relative to the block)``.
    Leaving the block keeps beating 0.3 s more, so the results' painting counts.
    Objects alive before the block are frozen out of garbage collection, as
    ``run_app`` does once the window is up.  Use through the ``heartbeat``
    fixture; :attr:`MAX_STALL_S` is the longest acceptable gap.
    """

    MAX_STALL_S = MAX_STALL_S

    def __init__(self, qtbot: Any, parent: QWidget) -> None:
        from PySide6.QtCore import QTimer

        self._qtbot = qtbot
        self.beats: list[float] = []
        self.begin = 0.0
        self._timer = QTimer(parent)
        self._timer.setInterval(10)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def __enter__(self) -> Heartbeat:
        gc.freeze()
        self._timer.start()
        self._qtbot.waitUntil(lambda: len(self.beats) >= 3, timeout=2000)
        self.begin = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        end = time.perf_counter()
        if exc[0] is None:
            self._qtbot.waitUntil(lambda: self.beats[-1] > end + 0.3, timeout=5000)
        self._timer.stop()
        gc.unfreeze()

    @property
    def worst(self) -> tuple[float, float]:
        """The longest gap from the start of the block on, and when it began."""
        gaps = [(b - a, a - self.begin) for a, b in itertools.pairwise(self.beats)
                if b >= self.begin]
        return max(gaps)


@pytest.fixture
def heartbeat(qtbot: Any) -> Callable[[QWidget], Heartbeat]:
    """``with heartbeat(window) as hb: ...``: see :class:`Heartbeat`."""
    return lambda parent: Heartbeat(qtbot, parent)
