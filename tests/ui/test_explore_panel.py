"""The Explore panel driven as a user would: query, compute a map, search, export."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from workbench.core.embeddings import Embeddings
from workbench.core.errors import WorkbenchError
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.explore_panel import ExplorePanel


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def royal_vectors(n_filler: int = 300, seed: int = 0) -> Embeddings:
    """A hand-made space: dims 0 = royalty, 1 = gender, 3 = youth; fillers live elsewhere."""
    rng = np.random.default_rng(seed)
    dim = 24
    named = {
        "king": [1.0, 1.0], "queen": [1.0, -1.0], "man": [0.0, 1.0], "woman": [0.0, -1.0],
        "prince": [0.8, 0.9, 1.0], "princess": [0.8, -0.9, 1.0], "boy": [0.0, 0.8, 1.0],
        "girl": [0.0, -0.8, 1.0], "hot": [0.0, 0.0], "cold": [0.0, 0.0],
    }
    words, rows = [], []
    for word, (r, g, *youth) in named.items():
        v = np.zeros(dim)
        v[2:] = rng.normal(0, 0.05, dim - 2)
        v[0], v[1], v[3] = r, g, (youth[0] if youth else 0.0)
        words.append(word)
        rows.append(v)
    # hot and cold share a context direction, so they are each other's neighbours.
    rows[words.index("hot")][5] = rows[words.index("cold")][5] = 1.0
    for i in range(n_filler):
        v = np.zeros(dim)
        v[2:] = rng.normal(0, 1, dim - 2)
        v[5] = 0.0
        words.append(f"filler{i}")
        rows.append(v)
    counts = np.arange(len(words), 0, -1, dtype=np.int64) * 10
    return Embeddings(words, np.asarray(rows, dtype=np.float32), counts, source="royal.txt")


@pytest.fixture
def window(make_main_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_main_window()
    window.tabs.setCurrentWidget(window.explore_panel)
    return window


@pytest.fixture
def panel(window: MainWindow) -> ExplorePanel:
    panel = window.explore_panel
    panel.set_embeddings(royal_vectors())
    return panel


def test_type_a_word_and_see_its_neighbours(qtbot: Any, panel: ExplorePanel) -> None:
    view = panel.neighbours_view
    assert "royal.txt" in panel.source_label.text() and "310 words" in panel.source_label.text()
    view.k_spin.setValue(5)
    qtbot.keyClicks(view.query_edit, "king")
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        qtbot.keyClick(view.query_edit, Qt.Key.Key_Return)
    words = view.space_table.column_texts(1)
    assert len(words) == 5 and "king" not in words
    emb = panel.embeddings
    unit = emb.unit
    scores = unit @ unit[emb.index("king")]
    scores[emb.index("king")] = -np.inf
    assert words == [emb.words[i] for i in np.argsort(-scores)[:5]]
    assert "Compute a map" in view.map_note.text()


def test_expression_and_bad_input_are_sentences(qtbot: Any, panel: ExplorePanel) -> None:
    view = panel.neighbours_view
    view.query_edit.setText("king - man + woman")
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        click(qtbot, view.find_button)
    assert view.space_table.column_texts(1)[0] == "queen"
    assert "man" in view.note_label.text()          # the query's words are excluded, and it says so
    for text, expected in (("kingg", "not in the vocabulary"), ("king +", "")):
        view.query_edit.setText(text)
        with qtbot.waitSignal(view.runner.failed, timeout=10_000):
            click(qtbot, view.find_button)
        assert panel.message_bar.level() == "error" and panel.message_bar.text()
        assert expected in panel.message_bar.text()
    view.query_edit.setText("kingg")
    with qtbot.waitSignal(view.runner.failed, timeout=10_000):
        click(qtbot, view.find_button)
    assert "king" in panel.message_bar.text()        # close spellings are suggested
    view.query_edit.setText("   ")
    click(qtbot, view.find_button)
    assert "Type a word" in panel.message_bar.text()


def test_analogy_finds_queen(qtbot: Any, panel: ExplorePanel) -> None:
    view = panel.analogy_view
    panel.tools.setCurrentWidget(view)
    for edit, word in ((view.a_edit, "man"), (view.b_edit, "king"), (view.c_edit, "woman")):
        edit.setText(word)
    for method in ("3cosadd", "3cosmul"):
        view.method_combo.setCurrentIndex(view.method_combo.findData(method))
        with qtbot.waitSignal(view.runner.finished, timeout=10_000):
            click(qtbot, view.solve_button)
        answers = view.answers_table.column_texts(1)
        assert answers[0] == "queen" and not {"man", "king", "woman"} & set(answers)
    assert "excluded" in view.note_label.text()
    assert len(view._picture_items) > 4           # points, labels and the two arrows


def test_antonym_check_ranks_each_pair(qtbot: Any, panel: ExplorePanel) -> None:
    view = panel.antonyms_view
    view.pairs_edit.setText("hot/cold, king/queen, fast/slow")
    view.k_spin.setValue(3)
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        click(qtbot, view.check_button)
    rows = view.table.rows_text()
    assert rows[0][:4] == ["hot", "cold", "1", "1"] and rows[0][5] == "yes"
    assert rows[2][5].startswith("missing")
    view.pairs_edit.setText("hot cold")
    click(qtbot, view.check_button)
    assert "not a pair" in panel.message_bar.text()


def test_compare_words_odd_one_out_and_heatmap(qtbot: Any, panel: ExplorePanel) -> None:
    view = panel.compare_view
    view.words_edit.setText("king prince man hot")
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        click(qtbot, view.compare_button)
    assert "Odd one out: hot" in view.result_label.text()
    image = view.image.image
    assert image.shape == (4, 4) and np.allclose(np.diag(image), 1.0, atol=1e-5)


def test_pca_map_search_export_and_neighbours_in_map(qtbot: Any, panel: ExplorePanel,
                                                     tmp_path: Path) -> None:
    panel.set_method("pca")
    with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
        click(qtbot, panel.compute_button)
    emb = panel.embeddings
    assert panel.map_view.point_count == len(emb) == 310
    assert "explained variance" in panel.map_info.text()
    # Search highlights and centres the word.
    panel.search_edit.setText("queen")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert panel.map_view.highlighted_rows and not panel.message_bar.text()
    panel.search_edit.setText("nope")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert "not in the map" in panel.message_bar.text()
    # Neighbours in the map are listed beside those in the space.
    view = panel.neighbours_view
    view.query_edit.setText("king")
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        click(qtbot, view.find_button)
    assert view.map_table.rowCount() == view.k_spin.value()
    coords = np.asarray(panel.projection.coords)
    d = np.linalg.norm(coords - coords[emb.index("king")], axis=1)
    d[emb.index("king")] = np.inf
    assert view.map_table.column_texts(1)[0] == emb.words[int(np.argmin(d))]
    # Export writes one row per word with its coordinates.
    out = tmp_path / "map.csv"
    panel.export_csv(out, k=3)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["word", "x", "y"] and len(rows) == 311
    by_word = {r[0]: r for r in rows[1:]}
    assert np.allclose([float(by_word["queen"][1]), float(by_word["queen"][2])],
                       coords[emb.index("queen")], atol=1e-4)


def test_cancelled_map_keeps_the_previous_one(qtbot: Any, panel: ExplorePanel) -> None:
    panel.set_method("pca")
    with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
        panel.compute_map()
    first = panel.projection
    panel.set_method("tsne")
    panel.perplexity_spin.setValue(10)
    with qtbot.waitSignal(panel.map_runner.done, timeout=60_000):
        panel.compute_map()
        panel.map_runner.cancel()
    assert panel.projection is first and panel.map_view.point_count == 310
    assert "previous map" in panel.message_bar.text()


def test_tsne_perplexity_too_high_is_a_sentence(qtbot: Any, panel: ExplorePanel) -> None:
    panel.set_method("tsne")
    panel.top_spin.setValue(50)
    panel.perplexity_spin.setValue(40)
    with qtbot.waitSignal(panel.map_runner.failed, timeout=30_000):
        panel.compute_map()
    assert "perplexity" in panel.message_bar.text().lower()


def test_vectors_trained_in_the_static_panel_reach_explore(window: MainWindow) -> None:
    emb = royal_vectors(20)
    window.static_panel.embeddings_changed.emit(emb)
    assert window.explore_panel.embeddings is emb
    assert window.explore_panel.neighbours_view.embeddings is emb


# --------------------------------------------------------------------------- bookmarks

def _menu_texts(menu: Any) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _submenu(menu: Any, title: str) -> Any:
    return next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == title)


def test_bookmarks_come_back_with_the_same_vectors(qtbot: Any,
                                                   make_main_window: Callable[..., MainWindow]
                                                   ) -> None:
    window = make_main_window()
    panel = window.explore_panel
    panel.set_embeddings(royal_vectors())
    qtbot.waitUntil(lambda: panel.bookmark_file is not None, timeout=10_000)
    panel.set_method("pca")
    with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
        panel.compute_map()
    x, y = panel.map_view.coords_of(0)
    panel.map_view.set_view(x - 0.3, x + 0.2, y - 0.1, y + 0.4)
    view = panel.map_view.view_rect()
    panel.map_view.set_selected([0, 1, 7])
    panel.add_bookmark("royals")
    saved = json.loads(panel.bookmark_file.read_text(encoding="utf-8"))
    assert list(saved["bookmarks"]) == ["royals"]
    window.close()

    # A new window on the same workspace, the same vectors (a new object): the bookmark is
    # in the menu; choosing it computes the bookmarked map and restores view and selection.
    window = make_main_window()
    panel = window.explore_panel
    panel.set_embeddings(royal_vectors())
    qtbot.waitUntil(lambda: "royals" in _menu_texts(panel.bookmark_menu), timeout=10_000)
    assert panel.projection is None and not panel.message_bar.text()
    action = next(a for a in panel.bookmark_menu.actions() if a.text() == "royals")
    with qtbot.waitSignal(panel.map_changed, timeout=30_000):
        action.trigger()
    assert panel.method() == "pca" and panel.map_view.point_count == 310
    assert np.allclose(panel.map_view.view_rect(), view, atol=1e-6)
    assert panel.map_view.selected_rows == [0, 1, 7]
    # Other vectors have their own (empty) list.
    panel.set_embeddings(royal_vectors(n_filler=50))
    qtbot.waitUntil(lambda: panel.bookmark_file is not None, timeout=10_000)
    assert panel.bookmarks() == []


def test_bookmarks_rename_delete_and_a_damaged_file(qtbot: Any, panel: ExplorePanel) -> None:
    qtbot.waitUntil(lambda: panel.bookmark_file is not None, timeout=10_000)
    panel.set_method("pca")
    with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
        panel.compute_map()
    panel.add_bookmark("one")
    panel.add_bookmark("two")
    panel.rename_bookmark("one", "first")
    assert _menu_texts(panel.bookmark_menu)[1:3] == ["first", "two"]
    assert _menu_texts(_submenu(panel.bookmark_menu, "Rename")) == ["first", "two"]
    next(a for a in _submenu(panel.bookmark_menu, "Delete").actions()
         if a.text() == "two").trigger()
    assert panel.bookmarks() == ["first"]
    saved = json.loads(panel.bookmark_file.read_text(encoding="utf-8"))
    assert list(saved["bookmarks"]) == ["first"]
    # A damaged file: a warning, an empty list, no crash.
    path = panel.bookmark_file
    path.write_text('{"version": 1, "bookmarks": {"x": ', encoding="utf-8")
    emb = panel.embeddings
    panel.set_embeddings(None)
    panel.set_embeddings(emb)
    qtbot.waitUntil(lambda: panel.bookmark_file is not None, timeout=10_000)
    assert panel.bookmarks() == [] and _menu_texts(panel.bookmark_menu) == ["Bookmark this view…"]
    assert "cannot be read" in panel.message_bar.text() and str(path) in panel.message_bar.text()


# --------------------------------------------------------------------------- 3D

def test_scatter_3d_data_positions_colours_and_labels() -> None:
    from workbench.ui.plots.embedding_map_3d import (
        HIGHLIGHT_PX,
        HIGHLIGHT_RGBA,
        POINT_PX,
        SELECTED_RGBA,
        scatter_3d_data,
    )

    coords = np.array([[0, 0, 0], [4, 0, 0], [2, 2, 1], [1, 1, 2]], dtype=np.float32)
    colours = np.array([[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255],
                        [51, 102, 153, 204]], dtype=np.uint8)
    data = scatter_3d_data(coords, ["a", "b", "c", "d"], colours, highlighted=[2], selected=[3, 2])
    # Centred on the middle of the bounding box (2, 1, 1), scaled by half the largest extent (2).
    expected = (coords - np.array([2.0, 1.0, 1.0])) / 2.0
    assert data.pos.shape == (4, 3) and data.pos.dtype == np.float32
    assert np.allclose(data.pos, expected)
    assert np.allclose(data.color[0], [1, 0, 0, 1]) and np.allclose(data.color[1], [0, 1, 0, 1])
    assert np.allclose(data.color[2], HIGHLIGHT_RGBA) and np.allclose(data.color[3], SELECTED_RGBA)
    assert data.size[0] == POINT_PX and data.size[2] == HIGHLIGHT_PX
    assert data.labels == ((2, "c"), (3, "d"))
    with pytest.raises(WorkbenchError, match="3 coordinates"):
        scatter_3d_data(coords[:, :2], ["a", "b", "c", "d"])


def test_three_d_switch_follows_the_opengl_probe(qtbot: Any, panel: ExplorePanel) -> None:
    from workbench.ui.plots.embedding_map_3d import opengl_status

    gl_ok, why = opengl_status()
    panel.set_method("pca")
    assert panel.three_d_check.isEnabled() == gl_ok
    if not gl_ok:
        # No OpenGL here (offscreen): the switch says why, and 2D maps keep working.
        assert "OpenGL" in why and panel.three_d_check.toolTip() == why
        panel.three_d_check.setChecked(True)
        assert panel.map_params().dims == 2
        with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
            panel.compute_map()
        assert panel.map_view.point_count == 310 and not panel.showing_3d()
        return
    panel.three_d_check.setChecked(True)
    assert panel.map_params().dims == 3
    with qtbot.waitSignal(panel.map_runner.finished, timeout=30_000):
        panel.compute_map()
    assert panel.projection.coords.shape == (310, 3) and panel.showing_3d()
    view = panel.map_view_3d
    assert view is not None and view.point_count == 310 and view.data.pos.shape == (310, 3)
    assert panel.highlight_word("queen")
    assert ("queen" in [w for _, w in view.data.labels])
    panel.set_method("axes")
    assert not panel.three_d_check.isEnabled()
