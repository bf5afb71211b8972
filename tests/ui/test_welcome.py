"""The welcome page: three clicks to a trained word2vec, its map and an analogy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from workbench.ui.main_window import MainWindow
from workbench.ui.panels.welcome_panel import sample_corpus_path


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_three_clicks_to_vectors_a_map_and_an_analogy(
        qtbot: Any, make_main_window: Callable[..., MainWindow]) -> None:
    window = make_main_window()
    page = window.welcome_panel
    assert window.tabs.currentWidget() is page
    window.static_panel.method_combo.setCurrentIndex(4)        # GloVe: the page must switch
    assert not page.buttons["train"].isEnabled() and not page.buttons["explore"].isEnabled()

    # 1: the sample corpus is opened and counted.
    with qtbot.waitSignal(window.corpus_panel.stats_changed, timeout=60_000):
        click(qtbot, page.buttons["corpus"])
    assert window.corpus_panel.path() == str(sample_corpus_path())
    stats = window.corpus_panel.stats
    assert stats.tokens > 400_000
    assert f"{stats.tokens:,} words" in page.status["corpus"].text()
    assert page.buttons["train"].isEnabled()

    # 2: word2vec trains in the Static training panel.
    runner = window.static_panel.runner
    with qtbot.waitSignal(runner.finished, timeout=180_000):
        click(qtbot, page.buttons["train"])
    emb = window.explore_panel.embeddings
    assert emb is not None and len(emb) > 3000 and emb.dim == 100
    assert f"{len(emb):,} words" in page.status["train"].text()
    assert window.static_panel.method() == ("word2vec", True)
    assert page.buttons["explore"].isEnabled()

    # 3: Explore shows a PCA map of every word and solves an analogy.
    explore = window.explore_panel
    view = explore.analogy_view
    with qtbot.waitSignal(explore.map_changed, timeout=60_000), \
            qtbot.waitSignal(view.runner.finished, timeout=60_000):
        click(qtbot, page.buttons["explore"])
    assert window.tabs.currentWidget() is explore
    assert explore.method() == "pca"
    assert explore.projection is not None and len(explore.projection.coords) == len(emb)
    analogy = window.welcome_flow.analogy
    assert analogy is not None
    assert (view.a_edit.text(), view.b_edit.text(), view.c_edit.text()) == (
        analogy.a, analogy.b, analogy.c)
    assert view.answers_table.item(0, 1).text() == analogy.answers[0]
    # The bundled speeches solve family analogies (boy : girl = man : woman, ...).
    assert analogy.rank <= 3
    assert page.status["explore"].text() == analogy.sentence()


def test_links_open_panels(qtbot: Any, make_main_window: Callable[..., MainWindow]) -> None:
    window = make_main_window()
    for name, panel in (("corpus", window.corpus_panel), ("bert", window.bert_panel),
                        ("inspect", window.inspect_panel)):
        window.show_panel("welcome")
        click(qtbot, window.welcome_panel.links[name])
        assert window.tabs.currentWidget() is panel
    # Showing the BERT panel starts its device check in the background.
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=30_000)
