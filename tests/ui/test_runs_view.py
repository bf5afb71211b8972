"""The runs view: the workspace's training runs, their loss curves compared, "Open vectors"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from workbench.core.workspace import Workspace
from workbench.ui.widgets.runs_view import PALETTE, RunsView


@dataclass
class Runs:
    ws: Workspace
    word2vec: int
    fasttext: int
    glove: int
    vectors: Path


@pytest.fixture
def runs(tmp_path: Path) -> Runs:
    ws = Workspace(tmp_path / "ws")
    vectors = tmp_path / "w2v.vec"
    vectors.write_text("2 2\na 0.1 0.2\nb 0.3 0.4\n", encoding="utf-8")
    model = tmp_path / "model.gensim"
    model.write_bytes(b"stand-in")
    w2v = ws.runs.start("train_word2vec", {"method": "word2vec", "epochs": 3,
                                           "evaluation": {"benchmark": "ws353"}, "patience": 2})
    ws.runs.finish(w2v, "success", {"epoch_loss": [3.0, 2.0, 1.5], "epochs_done": 3,
                                    "vocab_size": 1234, "seconds": 4.5,
                                    "evaluation": [{"ws353 Spearman": None},
                                                   {"ws353 Spearman": 0.25},
                                                   {"ws353 Spearman": 0.125}]},
                   {"vectors": vectors, "model": model})
    other = ws.runs.start("corpus_stats", {})  # not a training run: not listed
    ws.runs.finish(other, "success")
    ft = ws.runs.start("train_fasttext", {"method": "fasttext", "epochs": 5})
    ws.runs.finish(ft, "cancelled", {"epoch_loss": [None, None], "epochs_done": 2,
                                     "vocab_size": 1000, "seconds": 2.0},
                   {"vectors": tmp_path / "gone.bin"})
    glove = ws.runs.start("train_glove", {"method": "glove", "epochs": 4})
    ws.runs.finish(glove, "failed", {"epoch_loss": [0.9, None, 0.5], "epochs_done": 3},
                   message="out of memory")
    return Runs(ws, w2v, ft, glove, vectors)


@pytest.fixture
def view(qtbot: Any, runs: Runs) -> RunsView:
    view = RunsView(lambda: runs.ws)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()  # refreshes
    qtbot.waitExposed(view)
    return view


def column(view: RunsView, col: int) -> list[str]:
    m = view.table_model
    return [m.index(r, col).data() for r in range(m.rowCount())]


def click_row(qtbot: Any, view: RunsView, row: int, ctrl: bool = False) -> None:
    rect = view.table.visualRect(view.table_model.index(row, 1))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_lists_training_runs_newest_first(view: RunsView, runs: Runs) -> None:
    assert view.table_model.rowCount() == 3
    assert column(view, 0) == [str(runs.glove), str(runs.fasttext), str(runs.word2vec)]
    assert column(view, 1) == ["glove", "fasttext", "word2vec"]
    assert column(view, 2) == ["failed", "cancelled", "success"]
    assert column(view, 4) == ["3 of 4", "2 of 5", "3"]
    assert column(view, 5) == ["–", "1,000", "1,234"]
    assert column(view, 6) == ["0.5", "–", "1.5"]
    assert column(view, 7) == ["–", "–", "0.25"]   # the best score, not the last
    tip = view.table_model.index(2, 7).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "ws353 Spearman: best 0.25 after epoch 2, last 0.125"
    assert "not evaluated" in view.table_model.index(0, 7).data(Qt.ItemDataRole.ToolTipRole)
    assert "evaluated on: ws353" in view.table_model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    seconds = column(view, 8)
    assert seconds[1:] == ["2.0", "4.5"] and float(seconds[0]) < 5  # wall time when unrecorded
    assert column(view, 9)[2] == str(runs.vectors)
    assert "out of memory" in view.table_model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert view.count_label.text() == "3 training runs"
    assert "Select runs" in view.note_label.text()
    assert not view.open_button.isEnabled() and view.curves == []


def test_selected_runs_are_compared_in_one_plot(qtbot: Any, view: RunsView, runs: Runs) -> None:
    click_row(qtbot, view, 2)                # word2vec
    click_row(qtbot, view, 0, ctrl=True)     # + glove
    assert [r.id for r in view.selected_runs()] == [runs.glove, runs.word2vec]
    assert len(view.curves) == 2
    glove, w2v = view.curves
    x, y = glove.getData()
    assert list(x) == [1, 3] and list(y) == [0.9, 0.5]  # the epoch without loss is skipped
    x, y = w2v.getData()
    assert list(x) == [1, 2, 3] and list(y) == [3.0, 2.0, 1.5]
    assert [c.opts["pen"].color().name() for c in view.curves] == list(PALETTE[:2])
    legend = [label.text for _, label in view.legend.items]
    assert legend == [f"#{runs.glove} glove", f"#{runs.word2vec} word2vec"]
    assert f"#{runs.glove} glove recorded no loss for 1 of 3 epochs" in view.note_label.text()

    click_row(qtbot, view, 1)                # fastText alone: no curve, and we say why
    assert view.curves == []
    assert f"No loss is recorded for run #{runs.fasttext} fasttext" in view.note_label.text()
    assert view.legend.items == []


def test_open_vectors(qtbot: Any, view: RunsView, runs: Runs) -> None:
    click_row(qtbot, view, 2)                # word2vec: its vectors exist
    assert view.open_button.isEnabled()
    with qtbot.waitSignal(view.open_vectors_requested, timeout=2000) as signal:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(runs.vectors)]

    click_row(qtbot, view, 1)                # fastText: its file is gone
    assert not view.open_button.isEnabled()
    assert "gone" in view.open_button.toolTip()
    click_row(qtbot, view, 0)                # GloVe: saved no vectors
    assert not view.open_button.isEnabled()

    click_row(qtbot, view, 2)
    runs.vectors.unlink()
    view.refresh()                           # the selection survives a refresh
    assert [r.id for r in view.selected_runs()] == [runs.word2vec]
    assert not view.open_button.isEnabled()
    assert "(the file is gone)" in view.table_model.index(2, 9).data(
        Qt.ItemDataRole.ToolTipRole)


def test_refresh_picks_up_new_runs_and_no_workspace(qtbot: Any, runs: Runs) -> None:
    current: list[Workspace | None] = [None]
    view = RunsView(lambda: current[0])
    qtbot.addWidget(view)
    view.refresh()
    assert view.table_model.rowCount() == 0
    assert view.count_label.text() == "No workspace is open."
    current[0] = runs.ws
    view.refresh()
    assert view.table_model.rowCount() == 3
    new = runs.ws.runs.start("train_word2vec", {"epochs": 1})
    view.refresh()
    assert column(view, 0)[0] == str(new) and column(view, 2)[0] == "running"
    for widget in (view.table, view.refresh_button, view.open_button, view.plot,
                   view.note_label, view.continue_button, view.more_epochs_spin):
        assert widget.toolTip()


def test_continue_training_is_offered_for_word2vec_and_fasttext_with_a_model(
        qtbot: Any, view: RunsView, runs: Runs) -> None:
    assert not view.continue_button.isEnabled()          # nothing selected
    click_row(qtbot, view, 0)                            # GloVe: no training state
    assert not view.continue_button.isEnabled()
    assert "only word2vec and fastText" in view.continue_button.toolTip()
    click_row(qtbot, view, 1)                            # fastText without a saved model
    assert not view.continue_button.isEnabled()
    assert "no saved model" in view.continue_button.toolTip()
    click_row(qtbot, view, 2)                            # word2vec with its model
    assert view.continue_button.isEnabled()
    view.more_epochs_spin.setValue(3)
    with qtbot.waitSignal(view.continue_requested, timeout=2000) as signal:
        qtbot.mouseClick(view.continue_button, Qt.MouseButton.LeftButton)
    assert signal.args == [runs.word2vec, 3]
    view.set_training(True)                              # the owner is busy training
    assert not view.continue_button.isEnabled()
    assert "Wait" in view.continue_button.toolTip()
    view.set_training(False)
    assert view.continue_button.isEnabled()
