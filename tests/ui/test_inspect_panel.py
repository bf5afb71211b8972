"""The Inspect panel in the main window, driven as a user would."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tests.core.inspect_fixtures import build_tiny_bert, limit_threads
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.inspect_panel import InspectPanel


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    limit_threads()
    root = tmp_path_factory.mktemp("inspect-panel")
    not_a_model = root / "notes"
    not_a_model.mkdir()
    (not_a_model / "readme.txt").write_text("just notes\n", encoding="utf-8")
    return {"mlm": build_tiny_bert(root / "mlm"),
            "bare": build_tiny_bert(root / "bare", mlm=False, seed=1),
            "notes": not_a_model}


@pytest.fixture
def window(make_main_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_main_window()
    window.tabs.setCurrentWidget(window.inspect_panel)
    return window


@pytest.fixture
def panel(window: MainWindow) -> InspectPanel:
    return window.inspect_panel


def load(qtbot: Any, panel: InspectPanel, folder: Path) -> None:
    with qtbot.waitSignal(panel.load_runner.done, timeout=60_000):
        panel.load_model(folder)


def test_inspect_tab_and_shortcut(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-1] == "Inspect" and titles[-2] == "Explore"
    assert window.actions["view_inspect"].shortcut().toString() == "Ctrl+5"
    panel = window.inspect_panel
    assert [panel.views.tabText(i) for i in range(panel.views.count())] == [
        "Attention", "Input anatomy", "Fill-mask", "Senses", "Word in context",
        "Contextuality"]
    assert all(r in window.jobs.runners() for r in panel.runners())
    assert not panel.run_button.isEnabled()          # no model yet


def test_load_model_and_run_attention(qtbot: Any, panel: InspectPanel,
                                      folders: dict[str, Path]) -> None:
    load(qtbot, panel, folders["mlm"])
    summary = panel.summary_label.text()
    assert "2 layers × 2 heads" in summary and "hidden 32" in summary
    assert "max 64 tokens" in summary and "MLM head: yes" in summary
    assert panel.run_button.isEnabled()
    # The folder is remembered in the model combo.
    assert str(folders["mlm"]) in panel.known_folders()

    view = panel.attention_view
    panel.set_text("The cat sat on the mat.")
    panel.text_edit.setFocus()
    with qtbot.waitSignal(view.result_changed, timeout=30_000):
        qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.result.weights.shape[:2] == (2, 2)
    assert (view.grid_geometry.layers, view.grid_geometry.heads) == (2, 2)
    assert view.grid_image.size() == view.grid_geometry.size
    assert panel.text_edit.toPlainText() == "The cat sat on the mat."   # no newline typed


def test_non_model_folder_says_so_and_keeps_the_app(qtbot: Any, panel: InspectPanel,
                                                    folders: dict[str, Path],
                                                    message_boxes: Any) -> None:
    load(qtbot, panel, folders["notes"])
    assert panel.message_bar.level() == "error"
    assert "notes" in panel.message_bar.text()
    assert panel.model is None
    assert "No model loaded" in panel.summary_label.text()
    assert not message_boxes()
    panel.run()
    assert "Open a model folder" in panel.message_bar.text()
    load(qtbot, panel, folders["mlm"])                # still usable afterwards
    assert panel.model is not None and panel.message_bar.level() == ""


def test_fill_mask_with_and_without_mlm_head(qtbot: Any, panel: InspectPanel,
                                             folders: dict[str, Path]) -> None:
    import torch

    load(qtbot, panel, folders["mlm"])
    view = panel.fill_mask_view
    panel.show_view(view)
    assert view.k_spin.isEnabled()
    view.k_spin.setValue(5)
    view.lens_check.setChecked(True)
    panel.set_text("The cat sat on the [MASK].")
    with qtbot.waitSignal(view.result_changed, timeout=30_000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert view.table.rowCount() == 5
    probs = [float(view.table.item(r, 3).text()) for r in range(5)]
    assert probs == sorted(probs, reverse=True) and sum(probs) <= 1.0 + 1e-3
    # Independent check: the top token of the HF model's own MLM logits.
    from transformers import AutoTokenizer, BertForMaskedLM

    tok = AutoTokenizer.from_pretrained(folders["mlm"])
    model = BertForMaskedLM.from_pretrained(folders["mlm"]).eval()
    enc = tok("The cat sat on the [MASK].", return_tensors="pt")
    with torch.inference_mode():
        logits = model(**enc).logits[0]
    pos = int((enc["input_ids"][0] == tok.mask_token_id).nonzero()[0, 0])
    p = torch.softmax(logits[pos], -1)
    best = tok.convert_ids_to_tokens(int(p.argmax()))
    assert view.table.item(0, 2).text().split(" ")[0] == best
    assert probs[0] == pytest.approx(float(p.max()), abs=1e-3)
    assert view.layer_table.rowCount() == 3            # embeddings + 2 layers
    assert view.layer_table.item(2, 1).text() == view.table.item(0, 2).text()

    # Click a token to mask it instead.
    panel.set_text("The cat sat on the mat.")
    panel.run()
    assert view.table.rowCount() == 0 and "No mask yet" in view.info_label.text()
    tokens = view.tokens()
    cat = tokens.index("cat")
    item = view.token_list.item(cat)
    with qtbot.waitSignal(view.result_changed, timeout=30_000):
        qtbot.mouseClick(view.token_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.token_list.visualItemRect(item).center())
    assert view.masked_positions() == [cat]
    assert view.result.masks[0].position == cat and view.result.masks[0].original == "cat"
    assert view.table.rowCount() == 5

    load(qtbot, panel, folders["bare"])
    assert "MLM head: no" in panel.summary_label.text()
    assert not view.k_spin.isEnabled() and not view.token_list.isEnabled()
    assert "masked-language-model head" in view.k_spin.toolTip()
    assert "masked-language-model head" in view.message_bar.text()
    panel.set_text("The cat sat on the [MASK].")
    panel.run()
    assert view.message_bar.level() == "error"
    assert "masked-language-model head" in view.message_bar.text()
    assert not view.runner.is_running


def test_anatomy_table_and_exports(qtbot: Any, panel: InspectPanel, folders: dict[str, Path],
                                   tmp_path: Path) -> None:
    from transformers import AutoTokenizer

    load(qtbot, panel, folders["mlm"])
    view = panel.anatomy_view
    panel.show_view(view)
    panel.set_text("The cat sat on the mat.", "A dog ran.")
    with qtbot.waitSignal(view.result_changed, timeout=30_000):
        panel.run()
    tok = AutoTokenizer.from_pretrained(folders["mlm"])
    n = len(tok("The cat sat on the mat.", "A dog ran.")["input_ids"])
    assert view.table.rowCount() == n
    assert view.table.item(n - 1, 2).text() == "B"
    # The token norm is the norm of the word-embedding row (independent of the core).
    emb = panel.model.encoder.embeddings.word_embeddings.weight.detach().numpy()
    ids = tok("The cat sat on the mat.", "A dog ran.")["input_ids"]
    for row in range(n):
        assert float(view.table.item(row, 4).text()) == pytest.approx(
            float(np.linalg.norm(emb[ids[row]])), abs=1e-3)
    assert sum(len(s.data) for s in view.scatters.values()) == 5 * n
    assert "PC1" in view.plot.getPlotItem().titleLabel.text
    assert view.export_csv(tmp_path / "a.csv") == n
    with open(tmp_path / "a.csv", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) == n + 1
    view.export_png(tmp_path / "a.png")
    assert (tmp_path / "a.png").stat().st_size > 0


def test_known_models_from_the_run_registry(qtbot: Any, window: MainWindow,
                                            folders: dict[str, Path]) -> None:
    ws = window.workspace
    run_id = ws.runs.start("bert_pretrain", {})
    ws.runs.finish(run_id, "success", outputs={"final_model": folders["bare"]})
    failed = ws.runs.start("finetune", {})
    ws.runs.finish(failed, "failed", outputs={"model": folders["mlm"]})
    panel = window.inspect_panel
    panel.refresh_known_models()
    assert panel.known_folders() == [str(folders["bare"])]
    assert "pretraining" in panel.model_combo.itemText(1)
    with qtbot.waitSignal(panel.load_runner.done, timeout=60_000):
        panel.model_combo.activated.emit(1)
    assert panel.model is not None and panel.model.folder == folders["bare"]


class _DummyView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.models: list[Any] = []
        QLabel("dummy", self)

    def set_model(self, model: Any) -> None:
        self.models.append(model)


def test_added_views_get_the_model(qtbot: Any, panel: InspectPanel,
                                   folders: dict[str, Path]) -> None:
    dummy = _DummyView()
    index = panel.add_view("Senses", dummy)
    assert panel.views.tabText(index) == "Senses"
    assert dummy.models == [None]
    load(qtbot, panel, folders["mlm"])
    assert dummy.models[-1] is panel.model
    panel.show_view(dummy)
    assert not panel.run_button.isVisible()            # the view has its own inputs
    panel.set_model(None)
    assert dummy.models[-1] is None
    assert panel.attention_view.model is None
