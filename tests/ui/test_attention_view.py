"""The attention view driven as a user would: run, click thumbnails, filter, zoom, export."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from tests.core.inspect_fixtures import build_tiny_bert, limit_threads
from workbench.ui.plots import attention_render as ar
from workbench.ui.widgets.attention_view import AttentionView

TEXT = "The cat sat on the mat and looked at the dog."
PAIR = "A dog ran across the park."


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    limit_threads()
    root = tmp_path_factory.mktemp("attention-view")
    return {"short": build_tiny_bert(root / "short", heads=4),
            "long": build_tiny_bert(root / "long", positions=512)}


@pytest.fixture(scope="module")
def models(folders: dict[str, Path]) -> dict[str, Any]:
    from workbench.core.inspect.model import load_for_inspection

    return {name: load_for_inspection(folder, device="cpu") for name, folder in folders.items()}


def reference_attention(folder: Path, text: str, pair: str | None = None) -> np.ndarray:
    """(layers, heads, n, n) straight from transformers with eager attention (independent)."""
    import torch
    from transformers import AutoTokenizer, BertModel

    tok = AutoTokenizer.from_pretrained(folder)
    model = BertModel.from_pretrained(folder, attn_implementation="eager").eval()
    with torch.inference_mode():
        out = model(**tok(text, pair, return_tensors="pt"), output_attentions=True)
    return torch.stack([a[0] for a in out.attentions]).numpy()


@pytest.fixture
def view(qtbot: Any) -> AttentionView:
    view = AttentionView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def run(qtbot: Any, view: AttentionView, model: Any, text: str, pair: str | None = None) -> None:
    view.set_model(model)
    with qtbot.waitSignal(view.result_changed, timeout=30_000):
        view.run(text, pair)


def click_thumbnail(qtbot: Any, view: AttentionView, layer: int, head: int) -> None:
    rect = view.grid_geometry.thumb_rect(layer, head)
    qtbot.mouseClick(view.grid_canvas, Qt.MouseButton.LeftButton, pos=rect.center())


def test_grid_and_thumbnail_click_show_the_heads_matrix(qtbot: Any, view: AttentionView,
                                                        models: dict[str, Any],
                                                        folders: dict[str, Path]) -> None:
    run(qtbot, view, models["short"], TEXT)
    reference = reference_attention(folders["short"], TEXT)
    layers, heads, n, _ = reference.shape
    assert (layers, heads) == (2, 4)
    geometry = view.grid_geometry
    assert (geometry.layers, geometry.heads) == (layers, heads)
    cells = [geometry.thumb_rect(layer, head) for layer in range(layers) for head in range(heads)]
    assert len({(r.x(), r.y()) for r in cells}) == layers * heads == 8
    assert view.grid_image.size() == geometry.size
    assert geometry.size.width() >= heads * geometry.thumb
    assert geometry.size.height() >= layers * geometry.thumb

    click_thumbnail(qtbot, view, 1, 2)
    assert view.selection() == (1, 2)
    shown = view.current_slice()
    assert shown.matrix.shape == (n, n)
    np.testing.assert_allclose(shown.matrix, reference[1, 2], atol=1e-5)

    # The darkest heatmap cell is the largest weight, the lightest the smallest.
    g = view._heat_geometry
    img = view.detail_image
    r, c = np.unravel_index(np.argmax(reference[1, 2]), (n, n))
    centre = QPoint(int(g.matrix.left() + (c + 0.5) * g.cell), int(g.matrix.top() + (r + 0.5) * g.cell))
    assert QColor(img.pixel(centre)) == QColor(0x08, 0x30, 0x6B)
    r, c = np.unravel_index(np.argmin(reference[1, 2]), (n, n))
    light = QColor(img.pixel(int(g.matrix.left() + (c + 0.5) * g.cell),
                             int(g.matrix.top() + (r + 0.5) * g.cell)))
    assert light.lightness() > QColor(0x08, 0x30, 0x6B).lightness()
    # Hovering a cell says which pair it is.
    assert view._detail_hover(centre.x(), centre.y()).count("→") == 1

    # Means over heads and over layers.
    view.select(0, None)
    np.testing.assert_allclose(view.current_slice().matrix, reference[0].mean(axis=0), atol=1e-5)
    view.select(None, None)
    np.testing.assert_allclose(view.current_slice().matrix, reference.mean(axis=(0, 1)),
                               atol=1e-5)


def test_hide_special_and_pair_directions(qtbot: Any, view: AttentionView,
                                          models: dict[str, Any], folders: dict[str, Path]) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folders["short"])
    run(qtbot, view, models["short"], TEXT)
    n = len(tok(TEXT)["input_ids"])
    assert not view.direction_combo.isEnabled()        # no pair: no direction filter
    view.select(0, 0)
    view.hide_special_check.setChecked(True)
    shown = view.current_slice()
    assert shown.matrix.shape == (n - 2, n - 2)
    assert "[CLS]" not in shown.row_tokens and "[SEP]" not in shown.row_tokens
    assert view.grid_weights().shape == (2, 4, n - 2, n - 2)
    view.hide_special_check.setChecked(False)

    run(qtbot, view, models["short"], TEXT, PAIR)
    reference = reference_attention(folders["short"], TEXT, PAIR)
    len_a = len(tok(TEXT)["input_ids"])             # [CLS] A [SEP]
    len_b = len(tok(PAIR)["input_ids"]) - 1         # B [SEP]
    assert view.direction_combo.isEnabled()
    view.select(1, 1)
    view.set_direction("a_to_b")
    shown = view.current_slice()
    assert shown.matrix.shape == (len_a, len_b)
    np.testing.assert_allclose(shown.matrix, reference[1, 1][:len_a, len_a:], atol=1e-5)
    view.set_direction("within_b")
    assert view.current_slice().matrix.shape == (len_b, len_b)
    assert view.grid_weights().shape == (2, 4, len_b, len_b)
    assert "within B" in view._title()


def test_head_view_lines_and_token_focus(qtbot: Any, view: AttentionView,
                                         models: dict[str, Any]) -> None:
    run(qtbot, view, models["short"], TEXT)
    view.select(0, 1)
    view.lines_check.setChecked(True)
    assert view.showing_lines()
    sl = view.current_slice()
    geometry = ar.head_lines_geometry(sl.row_tokens, sl.col_tokens)
    assert view.detail_image.size() == geometry.size
    before = view.detail_image.copy()
    # Click the third query token on the left: only its lines remain.
    y = geometry.title_h + 2 * geometry.row_h + geometry.row_h // 2
    qtbot.mouseClick(view.detail_canvas, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert view._lines_selected == ("row", 2)
    assert view.detail_image != before


def test_exports_png_svg_csv(qtbot: Any, view: AttentionView, models: dict[str, Any],
                            tmp_path: Path) -> None:
    run(qtbot, view, models["short"], TEXT)
    view.select(1, 0)
    n = len(view.result.tokens)
    view.export_grid(tmp_path / "grid.png")
    grid = QImage(str(tmp_path / "grid.png"))
    assert grid.size() == view.grid_geometry.size == view.grid_image.size()
    view.export_heatmap(tmp_path / "heat.png")
    heat = QImage(str(tmp_path / "heat.png"))
    assert heat.size() == view.detail_image.size()
    assert heat.pixel(5, 5) == view.detail_image.pixel(5, 5)   # what is exported is what is shown
    for name, export in (("grid.svg", view.export_grid), ("heat.svg", view.export_heatmap),
                         ("lines.svg", view.export_head_view)):
        export(tmp_path / name)
        root = ET.parse(tmp_path / name).getroot()
        assert root.tag.endswith("svg")
    view.export_head_view(tmp_path / "lines.png")
    assert not QImage(str(tmp_path / "lines.png")).isNull()
    assert view.export_csv(tmp_path / "m.csv") == n
    with open(tmp_path / "m.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) == n + 1
    assert rows[0][1:] == view.result.tokens
    np.testing.assert_allclose(np.array(rows[1:], dtype=object)[:, 1:].astype(float),
                               view.result.weights[1, 0], atol=1e-5)
    with pytest.raises(Exception, match="png or .svg"):
        view.export_grid(tmp_path / "grid.bmp")


def test_300_tokens_scroll_and_too_long_text_notice(qtbot: Any, view: AttentionView,
                                                    models: dict[str, Any]) -> None:
    words = ("the cat sat on the mat and the dog ran to the park " * 40).split()
    long_text = " ".join(words[:298])
    run(qtbot, view, models["long"], long_text)
    n = len(view.result.tokens)
    assert n >= 300
    assert not view.message_bar.isVisible()
    assert view.result.weights.shape[2:] == (n, n)
    view.select(0, 0)
    fitted = view.cell_size()
    assert fitted >= 1
    assert view.detail_image.width() >= n * fitted
    view.cell_spin.setValue(10)                       # zoom in: labels, and the view scrolls
    assert view._heat_geometry.labels
    assert view.detail_image.width() >= n * 10
    assert view.detail_area.horizontalScrollBar().maximum() > 0
    assert view.detail_area.verticalScrollBar().maximum() > 0
    view.cell_spin.setValue(2)
    assert not view._heat_geometry.labels             # too small for labels: hover instead
    assert "→" in view._detail_hover(view._heat_geometry.matrix.left() + 1,
                                     view._heat_geometry.matrix.top() + 1)

    # The tiny model takes 64 tokens: the rest is cut and the view says so.
    run(qtbot, view, models["short"], long_text)
    assert len(view.result.tokens) == 64
    assert view.message_bar.isVisible()
    assert view.message_bar.level() == "warning"
    assert "maximum of 64" in view.message_bar.text()


def test_errors_reach_the_message_bar(qtbot: Any, view: AttentionView,
                                      models: dict[str, Any]) -> None:
    view.run("some text")
    assert "Open a model folder" in view.message_bar.text()
    view.set_model(models["short"])
    view.run("   ")
    assert "empty" in view.message_bar.text()
    assert not view.export_button.isEnabled()


def test_grid_thumbnails_draw_each_heads_own_pattern(qtbot: Any, view: AttentionView) -> None:
    """A hand-made result: head (l, h) puts all attention on key l * heads + h."""
    from workbench.core.inspect.attention import AttentionResult

    layers, heads, n = 3, 4, 24
    weights = np.zeros((layers, heads, n, n), dtype=np.float32)
    for layer in range(layers):
        for head in range(heads):
            weights[layer, head, :, layer * heads + head] = 1.0
    tokens = ["[CLS]", *(f"w{i}" for i in range(n - 2)), "[SEP]"]
    view.thumb_spin.setValue(48)                      # 2 px per token
    view.set_result(AttentionResult(tokens=tokens, special=[i in (0, n - 1) for i in range(n)],
                                    segment=[0] * n, weights=weights))
    geometry = view.grid_geometry
    assert (geometry.layers, geometry.heads) == (layers, heads)
    image = view.grid_image
    dark = QColor(0x08, 0x30, 0x6B)
    for layer in range(layers):
        for head in range(heads):
            rect = geometry.thumb_rect(layer, head)
            key = layer * heads + head
            column = [QColor(image.pixel(rect.left() + 2 * j + 1, rect.center().y())) == dark
                      for j in range(n)]
            assert column == [j == key for j in range(n)], (layer, head)
    # Hiding [CLS]/[SEP] drops key 0 (head 0 of layer 0 then attends to nothing shown).
    view.hide_special_check.setChecked(True)
    assert view.grid_weights().shape == (layers, heads, n - 2, n - 2)
    assert view.grid_weights()[0, 0].sum() == 0
