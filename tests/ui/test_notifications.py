"""Message bar, the unexpected-error box and the exception hooks."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.core.errors import CorpusError
from workbench.ui.notifications import (
    MessageBar,
    install_excepthooks,
    show_unexpected_error,
    uninstall_excepthooks,
)


@pytest.fixture
def hooks() -> Iterator[None]:
    install_excepthooks()
    yield
    uninstall_excepthooks()


@pytest.fixture
def close_boxes(message_boxes: Any) -> Iterator[None]:
    yield
    for box in message_boxes():
        box.close()


def test_message_bar_levels_and_close(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = MessageBar(parent)
    parent.show()
    assert not bar.isVisible() and bar.text() == "" and bar.level() == ""
    bar.show_error("corpus.txt is empty.")
    assert bar.isVisible() and bar.text() == "corpus.txt is empty." and bar.level() == "error"
    bar.show_warning("Line 3 was split.")
    assert bar.level() == "warning" and bar.text() == "Line 3 was split."
    bar.show_info("Saved.")
    assert bar.level() == "info"
    with qtbot.waitSignal(bar.closed, timeout=1000):
        qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and bar.text() == ""
    with pytest.raises(ValueError):
        bar.show_message("x", "shout")


def test_unexpected_error_box_is_plain_with_details(qtbot: Any, caplog: Any,
                                                    close_boxes: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    try:
        raise KeyError("vocab")
    except KeyError as exc:
        error = exc
    with caplog.at_level(logging.ERROR, logger="workbench"):
        box = show_unexpected_error(parent, error)
    assert box.isVisible()
    assert box.windowModality() != Qt.WindowModality.ApplicationModal
    assert "KeyError" in box.text() and "Traceback" not in box.text()
    assert "Traceback" in box.detailedText() and "raise KeyError" in box.detailedText()
    assert any("Unexpected error" in r.getMessage() for r in caplog.records)
    box.close()


def test_exception_in_a_slot_shows_the_box(qtbot: Any, hooks: None, message_boxes: Any,
                                           close_boxes: None) -> None:
    def broken_slot() -> None:
        raise ZeroDivisionError("no tokens to divide by")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(message_boxes("UnexpectedErrorBox")), timeout=5000)
    box = message_boxes("UnexpectedErrorBox")[0]
    assert "ZeroDivisionError" in box.text()
    assert "broken_slot" in box.detailedText()


def test_exception_in_a_thread_shows_the_box(qtbot: Any, hooks: None, message_boxes: Any,
                                             close_boxes: None) -> None:
    def work() -> None:
        raise OSError("disk full")

    thread = threading.Thread(target=work, name="stray")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(message_boxes("UnexpectedErrorBox")), timeout=5000)
    assert "disk full" in message_boxes("UnexpectedErrorBox")[0].text()


def test_unhandled_workbench_error_shows_its_sentence(qtbot: Any, hooks: None,
                                                      message_boxes: Any,
                                                      close_boxes: None) -> None:
    error = CorpusError("notes.txt is empty.")
    sys.excepthook(type(error), error, None)
    boxes = [b for b in message_boxes() if b.text() == "notes.txt is empty."]
    assert len(boxes) == 1
    assert boxes[0].icon() == QMessageBox.Icon.Warning


def test_hooks_are_restored() -> None:
    before = (sys.excepthook, threading.excepthook)
    install_excepthooks()
    assert sys.excepthook is not before[0]
    uninstall_excepthooks()
    assert (sys.excepthook, threading.excepthook) == before
