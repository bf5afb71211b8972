"""The Corpus panel driven as a user would, on real files and the real core."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

import workbench.core.corpus as corpus_core
from workbench.core.corpus import Corpus, TokenizerSettings, compute_stats
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.corpus_panel import CorpusPanel, file_kind

SMALL_TEXT = (
    "The cat sat on the mat.\n"
    "The dog sat on the log.\n"
    "A cat and a dog met on the road and the cat ran.\n"
)


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def compute_and_wait(qtbot: Any, panel: CorpusPanel, timeout: int = 30_000,
                     shown: bool = True) -> None:
    """Click Compute; wait until the job is done and, if ``shown``, its plots are drawn."""
    signals = [panel.runner.done, panel.stats_changed] if shown else [panel.runner.done]
    with qtbot.waitSignals(signals, timeout=timeout):
        click(qtbot, panel.compute_button)


def controls_enabled(panel: CorpusPanel) -> bool:
    return (panel.compute_button.isEnabled() and panel.path_edit.isEnabled()
            and panel.tokenizer_box.isEnabled() and not panel.cancel_button.isEnabled())


@pytest.fixture
def window(make_main_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_main_window()
    window.show_panel("corpus")       # a first start shows the Welcome tab
    return window


@pytest.fixture
def panel(window: MainWindow) -> CorpusPanel:
    return window.corpus_panel


def test_stats_of_the_inaugural_corpus(qtbot: Any, panel: CorpusPanel,
                                       inaugural_path: Path) -> None:
    panel.open_path(inaugural_path)
    assert panel.path_edit.text() == str(inaugural_path)
    with qtbot.waitSignal(panel.runner.started, timeout=1000):
        click(qtbot, panel.compute_button)
    assert not panel.compute_button.isEnabled() and panel.cancel_button.isEnabled()
    with qtbot.waitSignals([panel.runner.done, panel.stats_changed], timeout=30_000):
        pass
    assert controls_enabled(panel)
    assert panel.message_bar.text() == ""

    # The same figures the core computes, as the user reads them.
    stats = panel.stats
    expected = compute_stats(Corpus.open(inaugural_path), TokenizerSettings())
    assert (stats.tokens, stats.types, stats.sentences) == (
        expected.tokens, expected.types, expected.sentences)
    labels = panel.summary_labels
    assert labels["tokens"].text() == f"{expected.tokens:,}"
    assert labels["types"].text() == f"{expected.types:,}"
    assert labels["sentences"].text() == f"{expected.sentences:,}"
    assert labels["hapax"].text().startswith(f"{expected.hapax:,} (")
    assert labels["corpus"].text() == "inaugural.txt.gz"

    # Table: most frequent first, "the" on top for lowercased English.
    proxy = panel.table_proxy
    assert proxy.rowCount() == 1000
    assert proxy.index(0, 1).data() == "the"
    assert proxy.index(0, 2).data() == expected.counts["the"]
    counts = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)

    # Zipf: one point per type, frequencies never increase (log10 values shown).
    x, y = panel.zipf_curve.getData()
    assert len(x) == len(y) == expected.types
    assert np.all(np.diff(y) <= 0)
    assert y[0] == pytest.approx(np.log10(expected.counts["the"]))

    # Histogram: bars add up to the number of sentences.
    edges, heights = panel.histogram_item.getData()
    assert len(edges) == len(heights) + 1
    assert heights.sum() == expected.sentences

    # Preview: the first tokenized sentences, tokens separated by spaces.
    first = " ".join(expected.preview[0])
    assert panel.preview_edit.toPlainText().splitlines()[0] == first
    assert panel.preview_edit.isReadOnly()


def test_small_file_table_sort_filter_copy_and_exports(qtbot: Any, panel: CorpusPanel,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(SMALL_TEXT, encoding="utf-8")
    panel.open_path(path)
    panel.min_count_spin.setValue(1)
    compute_and_wait(qtbot, panel)
    proxy = panel.table_proxy
    words = {proxy.index(r, 1).data(): proxy.index(r, 2).data()
             for r in range(proxy.rowCount())}
    assert words["the"] == 6 and words["cat"] == 3 and words["sat"] == 2
    assert proxy.index(0, 1).data() == "the"
    assert panel.preview_edit.toPlainText().splitlines() == [
        "the cat sat on the mat", "the dog sat on the log",
        "a cat and a dog met on the road and the cat ran"]
    edges, heights = panel.histogram_item.getData()
    lengths = (edges[:-1] + 0.5).astype(int)
    assert dict(zip(lengths[heights > 0], heights[heights > 0])) == {6: 2, 13: 1}

    # Sort by word (click the header), then filter.
    panel.table_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 1).data() == "a"
    qtbot.keyClicks(panel.filter_edit, "O")
    shown = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert shown == ["dog", "log", "on", "road"]

    # Ctrl+C copies the selected rows as TSV.
    panel.table_view.setFocus()
    panel.table_view.selectRow(0)
    panel.table_view.selectionModel().select(
        proxy.index(2, 0), panel.table_view.selectionModel().SelectionFlag.Select
        | panel.table_view.selectionModel().SelectionFlag.Rows)
    QGuiApplication.clipboard().clear()
    panel.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window(), timeout=2000)
    qtbot.keyClick(panel.table_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [["dog", "2"], ["on", "3"]]

    # Export the table shown and the vocabulary.
    table_tsv = tmp_path / "table.tsv"
    panel.export_table_tsv(table_tsv)
    rows = table_tsv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "Rank\tWord\tCount\t% of tokens"
    assert [r.split("\t")[1] for r in rows[1:]] == ["dog", "log", "on", "road"]
    vocab_tsv = tmp_path / "vocab.tsv"
    panel.min_count_spin.setValue(2)
    with qtbot.waitSignal(panel.export_runner.finished, timeout=10_000):
        panel.export_vocab_tsv(vocab_tsv)
    assert vocab_tsv.read_text(encoding="utf-8").splitlines()[:3] == [
        "the\t6", "cat\t3", "on\t3"]
    assert "vocab.tsv" in panel.message_bar.text()
    png = tmp_path / "zipf.png"
    panel.export_zipf_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_top_n_choice(qtbot: Any, panel: CorpusPanel, inaugural_path: Path) -> None:
    panel.open_path(inaugural_path)
    compute_and_wait(qtbot, panel)
    panel.top_n_combo.setCurrentIndex(panel.top_n_combo.findText("100"))
    assert panel.table_proxy.rowCount() == 100
    panel.top_n_combo.setCurrentIndex(panel.top_n_combo.findText("All"))
    assert panel.table_proxy.rowCount() == panel.stats.types


def test_min_count_updates_oov_without_rescan(qtbot: Any, panel: CorpusPanel,
                                              inaugural_path: Path) -> None:
    panel.open_path(inaugural_path)
    compute_and_wait(qtbot, panel)
    stats = panel.stats
    started = []
    panel.runner.started.connect(lambda: started.append(True))
    for min_count in (1, 5, 50):
        panel.min_count_spin.setValue(min_count)
        assert panel.summary_labels["oov"].text() == f"{100 * stats.oov_rate(min_count):.2f}%"
        assert panel.summary_labels["vocab"].text() == f"{stats.vocab_size(min_count):,}"
    assert panel.summary_labels["oov"].text() != "0.00%"
    assert started == [] and not panel.runner.is_running
    assert panel.stats is stats


def test_tokenizer_options_reach_the_scan(qtbot: Any, panel: CorpusPanel,
                                          tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("Apple apple APPLE in 1984 and 2001.\n", encoding="utf-8")
    panel.open_path(path)
    panel.lowercase_check.setChecked(False)
    panel.fold_numbers_check.setChecked(True)
    compute_and_wait(qtbot, panel)
    assert panel.stats.settings == TokenizerSettings(lowercase=False, fold_numbers=True)
    words = {panel.table_proxy.index(r, 1).data() for r in range(panel.table_proxy.rowCount())}
    assert {"Apple", "apple", "APPLE", "0000"} <= words


def test_reader_options_follow_the_file_type(panel: CorpusPanel, tmp_path: Path) -> None:
    jsonl = tmp_path / "docs.jsonl.gz"
    jsonl.write_bytes(gzip.compress(b'{"body": "hello world"}\n'))
    panel.open_path(jsonl)
    assert panel.jsonl_field_edit.isEnabled()
    assert not panel.csv_column_edit.isEnabled() and not panel.glob_edit.isEnabled()
    panel.open_path(tmp_path)
    assert panel.glob_edit.isEnabled()
    csv = tmp_path / "rows.csv"
    panel.open_path(csv)
    assert panel.csv_column_edit.isEnabled() and not panel.jsonl_field_edit.isEnabled()
    assert [file_kind(p) for p in (jsonl, tmp_path, csv, tmp_path / "a.txt.xz")] == [
        "jsonl", "folder", "csv", "text"]


def test_jsonl_field_option_is_used(qtbot: Any, panel: CorpusPanel, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"body": "alpha beta"}\n{"body": "beta gamma"}\n', encoding="utf-8")
    panel.open_path(path)
    panel.jsonl_field_edit.setText("body")
    compute_and_wait(qtbot, panel)
    assert panel.message_bar.text() == ""
    assert panel.stats.tokens == 4 and panel.table_proxy.index(0, 1).data() == "beta"


def test_cancel_a_large_scan(qtbot: Any, window: MainWindow, panel: CorpusPanel,
                             english_corpus_file: Path, message_boxes: Any) -> None:
    panel.open_path(english_corpus_file)
    progressed = []
    panel.runner.progress_changed.connect(lambda f, m: progressed.append(f))
    click(qtbot, panel.compute_button)
    qtbot.waitUntil(lambda: any(f > 0 for f in progressed), timeout=10_000)
    assert window.job_status.isVisible()
    assert "Corpus statistics" in window.job_status.label.text()
    with qtbot.waitSignal(panel.runner.cancelled, timeout=10_000):
        click(qtbot, panel.cancel_button)
    assert controls_enabled(panel)
    assert panel.message_bar.level() != "error" and not message_boxes()
    assert panel.stats is None
    assert "Cancelled" in panel.status_label.text()
    assert not window.job_status.isVisible()
    tokenized = window.workspace.cache_dir / "tokenized"
    assert not tokenized.exists() or list(tokenized.iterdir()) == []
    runs = window.workspace.runs.list(kind="corpus_stats")
    assert [r.status for r in runs] == ["cancelled"]


def test_successful_scan_is_cached_and_recorded(qtbot: Any, window: MainWindow,
                                                panel: CorpusPanel, inaugural_path: Path
                                                ) -> None:
    panel.open_path(inaugural_path)
    compute_and_wait(qtbot, panel)
    assert panel.stats.cache_path is not None and panel.stats.cache_path.is_file()
    runs = window.workspace.runs.list(kind="corpus_stats")
    assert [r.status for r in runs] == ["success"]


@pytest.mark.parametrize("kind", ["empty", "png", "empty folder", "missing"])
def test_bad_input_is_shown_inline(qtbot: Any, panel: CorpusPanel, tmp_path: Path,
                                   kind: str, message_boxes: Any) -> None:
    if kind == "empty":
        path = tmp_path / "nothing.txt"
        path.write_bytes(b"")
    elif kind == "png":
        path = tmp_path / "picture.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    elif kind == "empty folder":
        path = tmp_path / "no-texts"
        path.mkdir()
        (path / "image.png").write_bytes(b"\x89PNG")
    else:
        path = tmp_path / "gone.txt"
    panel.open_path(path)
    compute_and_wait(qtbot, panel, shown=False)
    assert panel.message_bar.isVisible()
    assert panel.message_bar.level() == "error"
    assert path.name in panel.message_bar.text()
    assert controls_enabled(panel)
    assert not message_boxes()
    assert "Traceback" not in panel.message_bar.text()

    # The app is alive: a good file works right after.
    good = tmp_path / "good.txt"
    good.write_text(SMALL_TEXT, encoding="utf-8")
    panel.open_path(good)
    assert panel.message_bar.text() == ""
    compute_and_wait(qtbot, panel)
    assert panel.stats.tokens == 25


def test_unexpected_error_shows_dialog_with_details(qtbot: Any, panel: CorpusPanel,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    inaugural_path: Path,
                                                    message_boxes: Any) -> None:
    def broken_scan(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index out of whack")

    monkeypatch.setattr(corpus_core, "scan_corpus", broken_scan)
    panel.open_path(inaugural_path)
    compute_and_wait(qtbot, panel, shown=False)
    boxes = message_boxes("UnexpectedErrorBox")
    assert len(boxes) == 1
    box = boxes[0]
    assert "RuntimeError: index out of whack" in box.text()
    assert "Traceback" not in box.text()
    assert "Traceback" in box.detailedText() and "broken_scan" in box.detailedText()
    assert not box.isModal() or box.windowModality() != Qt.WindowModality.ApplicationModal
    assert controls_enabled(panel)
    box.close()

    monkeypatch.undo()
    compute_and_wait(qtbot, panel)
    assert panel.stats is not None  # still alive and working


def test_scan_warnings_are_shown(qtbot: Any, panel: CorpusPanel, tmp_path: Path) -> None:
    path = tmp_path / "symbols.txt"
    path.write_text("... !!! ???\n", encoding="utf-8")
    panel.open_path(path)
    compute_and_wait(qtbot, panel)
    assert panel.message_bar.level() == "warning"
    assert "symbols.txt" in panel.message_bar.text()


def test_compute_without_a_path_says_what_to_do(qtbot: Any, panel: CorpusPanel) -> None:
    click(qtbot, panel.compute_button)
    assert not panel.runner.is_running
    assert "Open a corpus" in panel.message_bar.text()


def test_every_control_has_a_tooltip(panel: CorpusPanel) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QSpinBox,
        QTabBar,
        QTableView,
    )

    controls = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QTableView)
    missing = []
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, controls) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parent(), (QSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or editable combo
        if isinstance(widget.parent(), (QLineEdit, QTabBar)):
            continue  # Qt's own: the clear button of line edits, tab-bar scroll arrows
        if not widget.toolTip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"{getattr(widget, 'text', lambda: '')()!r}")
    assert missing == []


def test_preview_builds_the_panel_alone(qtbot: Any, inaugural_path: Path) -> None:
    from workbench.ui.preview import build_preview

    window = build_preview(lambda: CorpusPanel(None))
    qtbot.addWidget(window)
    panel = window.centralWidget()
    assert isinstance(panel, CorpusPanel)
    panel.open_path(inaugural_path)
    compute_and_wait(qtbot, panel)
    assert panel.stats.types > 1000
    assert QApplication.instance() is not None


def test_panel_defaults_match_the_core(panel: CorpusPanel) -> None:
    from dataclasses import asdict

    from workbench.ui.panels.corpus_panel import TOKENIZER_DEFAULTS

    assert TOKENIZER_DEFAULTS == asdict(TokenizerSettings())
    assert panel.tokenizer_settings() == TokenizerSettings()
