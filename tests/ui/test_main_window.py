"""The main window: tabs, menus, shortcuts, recent files, drag and drop, first start, quit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from workbench.core.resources import default_corpus_path
from workbench.ui.main_window import MAX_RECENT, MainWindow

MakeWindow = Callable[..., MainWindow]


def test_tabs_and_placeholders(make_main_window: MakeWindow) -> None:
    window = make_main_window()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Welcome", "Corpus", "Static training", "BERT", "Explore", "Inspect"]
    assert window.tabs.currentWidget() is window.welcome_panel     # first start
    assert window.actions["view_corpus"].shortcut().toString() == "Ctrl+1"
    methods = [window.static_panel.method_combo.itemText(i)
               for i in range(window.static_panel.method_combo.count())]
    assert methods == ["word2vec skip-gram", "word2vec CBOW", "fastText skip-gram",
                       "fastText CBOW", "GloVe"]
    pages = [window.bert_panel.pages.tabText(i) for i in range(window.bert_panel.pages.count())]
    assert pages == ["Pretrain", "Fine-tune"]
    assert "No vectors yet" in window.explore_panel.source_label.text()


def test_menus_and_shortcuts(qtbot: Any, make_main_window: MakeWindow) -> None:
    window = make_main_window()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    shortcuts = {name: window.actions[name].shortcut() for name in window.actions}
    assert shortcuts["open_file"] == QKeySequence("Ctrl+O")
    assert shortcuts["open_folder"] == QKeySequence("Ctrl+Shift+O")
    assert shortcuts["quit"] == QKeySequence("Ctrl+Q")
    for i, name in enumerate(("corpus", "static", "bert", "explore")):
        assert shortcuts[f"view_{name}"] == QKeySequence(f"Ctrl+{i + 1}")
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
    assert window.actions["clear_recent"] in window.recent_menu.actions()

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.bert_panel
    assert window.actions["view_bert"].isChecked()
    # The BERT panel asks PyTorch for its devices in the background at first show.
    device_check = window.bert_panel.pretrain_page.device_runner
    qtbot.waitUntil(lambda: not device_check.is_running, timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.corpus_panel


def test_ctrl_o_opens_the_chosen_file_and_remembers_it(
        qtbot: Any, make_main_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
        inaugural_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(inaugural_path), "")))
    window = make_main_window()
    window.tabs.setCurrentIndex(3)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    panel = window.corpus_panel
    with qtbot.waitSignal(panel.runner.done, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is panel
    assert panel.stats is not None and panel.table_proxy.index(0, 1).data() == "the"
    assert window.recent_files() == [str(inaugural_path.resolve())]
    recent = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert recent == ["&1 inaugural.txt.gz"]
    assert "inaugural.txt.gz" in window.windowTitle()


def test_recent_files_are_kept_capped_reopened_and_cleared(
        qtbot: Any, make_main_window: MakeWindow, tmp_path: Path) -> None:
    window = make_main_window()
    paths = []
    for i in range(MAX_RECENT + 2):
        path = tmp_path / f"c{i}.txt"
        path.write_text(f"word{i} common\n", encoding="utf-8")
        paths.append(path)
        window.add_recent_file(path)
    files = window.recent_files()
    assert len(files) == MAX_RECENT and files[0] == str(paths[-1])
    window.close()

    # A new window (next session) reads the same list from the settings.
    again = make_main_window()
    assert again.recent_files() == files
    first = next(a for a in again.recent_menu.actions() if a.data() == str(paths[-1]))
    with qtbot.waitSignal(again.corpus_panel.runner.done, timeout=10_000):
        first.trigger()
    assert again.corpus_panel.stats.counts == {f"word{MAX_RECENT + 1}": 1, "common": 1}
    again.actions["clear_recent"].trigger()
    assert again.recent_files() == []
    assert [a for a in again.recent_menu.actions() if a.data()] == []
    assert not again.actions["clear_recent"].isEnabled()


def _drop(window: MainWindow, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_file_opens_it(qtbot: Any, make_main_window: MakeWindow,
                                  tmp_path: Path) -> None:
    window = make_main_window()
    window.tabs.setCurrentIndex(1)
    path = tmp_path / "dropped.txt"
    path.write_text("drop it like it is hot\n", encoding="utf-8")
    with qtbot.waitSignal(window.corpus_panel.runner.done, timeout=10_000):
        accepted = _drop(window, [path])
    assert accepted == (True, True)
    assert window.tabs.currentWidget() is window.corpus_panel
    assert window.corpus_panel.path() == str(path)
    assert window.corpus_panel.stats.tokens == 6


def test_dropping_a_folder_opens_it(qtbot: Any, make_main_window: MakeWindow,
                                    tmp_path: Path) -> None:
    window = make_main_window()
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("alpha beta\n", encoding="utf-8")
    (folder / "b.txt").write_text("beta gamma\n", encoding="utf-8")
    with qtbot.waitSignal(window.corpus_panel.runner.done, timeout=10_000):
        _drop(window, [folder])
    assert window.corpus_panel.glob_edit.isEnabled()
    assert window.corpus_panel.stats.counts == {"alpha": 1, "beta": 2, "gamma": 1}


def test_dropping_non_files_is_refused(make_main_window: MakeWindow) -> None:
    window = make_main_window()
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.corpus_panel.runner.is_running


def test_first_start_opens_the_bundled_corpus(qtbot: Any,
                                              make_main_window: MakeWindow) -> None:
    window = make_main_window()
    panel = window.corpus_panel
    with qtbot.waitSignal(panel.runner.done, timeout=30_000):
        window.start_session()
        assert not panel.runner.is_running  # starts from the event loop, after painting
    assert panel.path() == str(default_corpus_path())
    assert panel.stats is not None and panel.stats.types > 5000
    assert panel.table_proxy.index(0, 1).data() == "the"
    assert panel.summary_labels["tokens"].text() == f"{panel.stats.tokens:,}"
    window.close()

    # Next start: recent files exist, nothing is opened until the user asks.
    later = make_main_window()
    later.start_session()
    qtbot.wait(50)  # let a (wrongly) scheduled scan start, if any
    assert not later.corpus_panel.runner.is_running and later.corpus_panel.path() == ""


def test_quit_while_scanning_cancels_and_waits(qtbot: Any, make_main_window: MakeWindow,
                                               english_corpus_file: Path,
                                               message_boxes: Any) -> None:
    window = make_main_window()
    panel = window.corpus_panel
    panel.open_path(english_corpus_file)
    progressed = []
    panel.runner.progress_changed.connect(lambda f, m: progressed.append(f))
    panel.compute()
    qtbot.waitUntil(lambda: any(f > 0 for f in progressed), timeout=10_000)
    start = time.monotonic()
    window.actions["quit"].trigger()
    elapsed = time.monotonic() - start
    assert not window.isVisible()
    assert not panel.runner.threads_alive()
    assert elapsed < 5.0
    with qtbot.waitSignal(panel.runner.cancelled, timeout=5000):
        pass
    assert not message_boxes()
    runs = window.workspace.runs.list(kind="corpus_stats")
    assert [r.status for r in runs] == ["cancelled"]


def test_layout_and_tab_are_restored(make_main_window: MakeWindow) -> None:
    window = make_main_window()
    window.resize(720, 520)
    window.tabs.setCurrentIndex(2)
    window.close()
    again = make_main_window()
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (720, 520)
    again.reset_layout()
    assert again.tabs.currentIndex() == 0
    assert again.width() > 720


def test_about_box(make_main_window: MakeWindow, message_boxes: Any) -> None:
    window = make_main_window()
    window.actions["about"].trigger()
    boxes = message_boxes("AboutBox")
    assert len(boxes) == 1
    text = boxes[0].text()
    from workbench import __version__

    assert __version__ in text and "MIT" in text and "Qt " in text and "Python " in text
    boxes[0].close()


def test_screenshot_option_writes_a_png(tmp_path: Path) -> None:
    """``run_app(["--screenshot", FILE])`` end to end, in a fresh process."""
    target = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    code = ("import sys; from workbench.ui.app import run_app; "
            f"sys.exit(run_app(['--screenshot', {str(target)!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


def test_workspace_folder_can_be_chosen_and_is_remembered(
        make_main_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_WORKSPACE")
    window = make_main_window()
    assert "workspace_folder" in window.actions
    chosen = tmp_path / "my-workspace"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    window.actions["workspace_folder"].trigger()
    assert window.workspace is not None and window.workspace.root == chosen
    assert (chosen / "runs.sqlite").is_file()

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert not window.set_workspace_folder(blocker / "ws")
    assert "cannot be written" in window.corpus_panel.message_bar.text()
    assert window.workspace.root == chosen  # the previous workspace stays
    window.save_settings()

    again = make_main_window(settings=window.settings)
    assert again.workspace is not None and again.workspace.root == chosen
