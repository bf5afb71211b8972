"""The panels' standalone ``main()``: built by ``run_preview`` with the default workspace.

``preview`` (which runs the event loop) is replaced by one that builds the
window and runs the setup step, so each ``main()`` is driven to the point
where the user would see the panel.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from workbench.ui import preview as preview_module


@pytest.fixture
def shown(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> list[QMainWindow]:
    """Windows the ``main()`` functions built (instead of entering the event loop)."""
    windows: list[QMainWindow] = []

    def fake_preview(factory: Callable[[], Any], setup: Callable[[Any], None] | None = None,
                     argv: list[str] | None = None) -> int:
        window = preview_module.build_preview(factory)
        qtbot.addWidget(window)
        windows.append(window)
        if setup is not None:
            setup(window.centralWidget())
        return 0

    monkeypatch.setattr(preview_module, "preview", fake_preview)
    return windows


def command_line(monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    """The arguments the application sees (what Qt leaves of the command line)."""
    monkeypatch.setattr(QCoreApplication, "arguments", staticmethod(lambda: ["prog", *args]))


def test_evaluation_view_main_loads_the_vectors_given(
        shown: list[QMainWindow], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workbench.ui.widgets import evaluation_view

    path = tmp_path / "tiny.txt"
    path.write_text("3 2\nking 1 0\nqueen 0.5 0.5\nman 0 1\n", encoding="utf-8")
    command_line(monkeypatch, str(path))
    assert evaluation_view.main() == 0
    view = shown[0].centralWidget()
    assert isinstance(view, evaluation_view.EvaluationView)
    assert shown[0].windowTitle() == "EvaluationView preview"
    emb = view.embeddings("A")
    assert emb is not None and list(emb.words) == ["king", "queen", "man"]
    np.testing.assert_allclose(emb.vectors, [[1, 0], [0.5, 0.5], [0, 1]])
    assert set(view.runners()) <= set(shown[0].jobs.runners())


def test_panel_mains_use_the_default_workspace_and_bundled_corpus(
        shown: list[QMainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.resources import default_corpus_path
    from workbench.ui.panels import bert_panel, explore_panel, inspect_panel, static_panel

    command_line(monkeypatch)                     # no argument: nothing is opened
    for module, cls in ((explore_panel, explore_panel.ExplorePanel),
                        (inspect_panel, inspect_panel.InspectPanel),
                        (static_panel, static_panel.StaticPanel),
                        (bert_panel, bert_panel.BertPanel)):
        assert module.main() == 0
        panel = shown[-1].centralWidget()
        assert type(panel) is cls
    root = Path(os.environ["WORKBENCH_WORKSPACE"])
    for window in shown[:2]:
        assert window.centralWidget()._workspace().root == root
    static = shown[2].centralWidget()
    assert static._corpus_choice().path == str(default_corpus_path())
    assert not static.runner.is_running
    pretrain = shown[3].centralWidget().pretrain_page
    assert pretrain._corpus_choice().path == str(default_corpus_path())


def test_run_preview_opens_the_argument_else_the_default(
        shown: list[QMainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[QLabel, str]] = []
    workspaces: list[Any] = []

    def make(workspace: Callable[[], Any]) -> QLabel:
        workspaces.append(workspace)
        return QLabel("panel")

    def open_path(widget: QLabel, path: str) -> None:
        opened.append((widget, path))

    command_line(monkeypatch)
    preview_module.run_preview(make, open_path, "default.txt")
    command_line(monkeypatch, "given.txt")
    preview_module.run_preview(make, open_path, "default.txt")
    preview_module.run_preview(make)              # nothing to open
    assert [path for _w, path in opened] == ["default.txt", "given.txt"]
    assert [w for w, _p in opened] == [s.centralWidget() for s in shown[:2]]
    # The workspace is made once, when the panel first asks for it.
    first = workspaces[0]
    assert first() is first()
    assert first().root == Path(os.environ["WORKBENCH_WORKSPACE"])
