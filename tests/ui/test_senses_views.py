"""The sense views of the Inspect panel, driven as a user would: senses, word in context,
contextuality per layer (tiny random BERT, a few sentences)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from tests.core.inspect_fixtures import LAYERS, build_tiny_bert, limit_threads, tiny_texts
from workbench.core.embeddings import Embeddings
from workbench.core.inspect.contextual import Occurrence
from workbench.core.inspect.model import InspectModel, load_for_inspection
from workbench.core.inspect.senses import SenseCluster, SensesResult
from workbench.ui.widgets.senses_views import (
    WIC_EXAMPLE,
    ContextualityView,
    SensesOutcome,
    SensesRequest,
    SensesView,
    WordInContextView,
)

RIVER = [f"the {a} river bank was covered with {b} and cold water"
         for a, b in (("old", "mud"), ("green", "grass"), ("wide", "stones"), ("quiet", "reeds"),
                      ("long", "sand"), ("muddy", "weeds"), ("steep", "trees"),
                      ("north", "rocks"), ("south", "moss"), ("east", "flowers"))]
MONEY = [f"the bank gave {a} a loan of money to buy {b}"
         for a, b in (("her", "a house"), ("him", "a car"), ("them", "a shop"),
                      ("us", "a farm"), ("me", "a boat"), ("you", "a flat"),
                      ("the man", "land"), ("the woman", "a horse"), ("my friend", "shares"),
                      ("our family", "a cafe"))]
PLANTED = RIVER + MONEY

#: A few sentences where many words recur (contextuality needs repeated words).
CONTEXT_TEXT = [f"the {a} {b} {v} on the {c} near the {d}"
                for v in ("sat", "slept", "waited")
                for a in ("cat", "dog", "bird", "child") for b in ("quietly", "slowly", "today")
                for c, d in (("mat", "door"), ("bank", "river"), ("chair", "window"))][:100]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> InspectModel:
    limit_threads()
    texts = tiny_texts() + PLANTED + CONTEXT_TEXT[:20]
    folder = build_tiny_bert(tmp_path_factory.mktemp("senses") / "mlm", texts=texts)
    return load_for_inspection(folder, device="cpu")


@pytest.fixture(autouse=True)
def _one_thread() -> Iterator[None]:
    limit_threads()
    yield


def static_vectors() -> Embeddings:
    rng = np.random.default_rng(1)
    words = ["bank", "river", "money", "loan", "water", "shore", "credit", "cash"]
    return Embeddings(words, rng.normal(size=(len(words), 8)).astype(np.float32))


def show_active(qtbot: Any, view: Any) -> None:
    """Show ``view`` as the active window (shortcuts only reach the active window)."""
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)


def shown_html(view: SensesView) -> str:
    return view.examples.toHtml()


def bold_words(html_text: str) -> list[str]:
    """The texts Qt renders in bold (``font-weight:600/700`` spans) in ``html_text``."""
    return re.findall(r'<span style="[^"]*font-weight:(?:600|700|bold)[^"]*">([^<]*)</span>',
                      html_text)


# --------------------------------------------------------------------------- senses

def test_no_model_means_run_disabled_with_a_reason(qtbot: Any) -> None:
    for cls in (SensesView, WordInContextView, ContextualityView):
        view = cls(lambda: None)
        qtbot.addWidget(view)
        assert view.runners() == [view.runner]
        assert not view.run_button.isEnabled()
        assert "Load a BERT-family model" in view.run_button.toolTip()
        view.run()          # Ctrl+Return does the same: a sentence, no job
        assert not view.runner.is_running
        assert "model" in view.message_bar.text()
    senses = SensesView(lambda: None)
    qtbot.addWidget(senses)
    corpus_row = senses.source_combo.findData("corpus")
    item = senses.source_combo.model().item(corpus_row)
    assert not item.isEnabled() and "Open a corpus" in item.toolTip()
    assert senses.source_combo.currentData() == "typed"


def test_typed_sentences_give_clusters_with_highlighted_sentences(
        qtbot: Any, model: InspectModel, tmp_path: Path) -> None:
    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.set_model(model)
    assert view.run_button.isEnabled()
    assert view.layer_combo.count() == 3 + LAYERS + 1     # last, mean-4, mean-all, 0..L
    view.set_static_embeddings(static_vectors())
    view.source_combo.setCurrentIndex(view.source_combo.findData("typed"))
    view.sentences_edit.setPlainText("\n".join(PLANTED))
    view.word_edit.setText("bank")
    view.sentences_edit.setFocus()
    with qtbot.waitSignal(view.runner.finished, timeout=30_000):   # Ctrl+Return runs
        qtbot.keyClick(view.sentences_edit, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert view.sentences_edit.toPlainText() == "\n".join(PLANTED)   # no newline typed
    assert not view.message_bar.text(), view.message_bar.text()
    n = len(PLANTED)
    assert view.map_view.point_count == n
    view.map_view.refresh_now()
    x, _y = view.map_view.scatter.getData()
    assert len(x) == n
    labels = np.asarray(view.outcome.result.labels)
    k = len(np.unique(labels))
    assert view.cluster_table.rowCount() == k == view.outcome.result.k
    sizes = [int(s) for s in view.cluster_table.column_texts(1)]
    assert sum(sizes) == n and sorted(sizes) == sorted(np.bincount(labels).tolist())
    assert f"{n} occurrences of 'bank'" in view.summary_label.text()
    assert "Silhouette by k" in view.silhouette_label.text()
    # The static model is loaded: the star is its vector, with the placement said.
    assert view.static_item.isVisible()
    assert view.static_text().startswith("static vector (")
    assert "bank" in view.static_neighbours_label.text()
    # Each cluster's sentences, with the word in bold.
    for row in range(view.cluster_table.rowCount()):
        view.cluster_table.selectRow(row)
        label = int(view.cluster_table.item(row, 0).text())
        shown = shown_html(view)
        assert f"Cluster {label}" in view.examples.toPlainText()
        bold = bold_words(shown)
        assert bold.count("bank") >= 1 and set(bold) <= {"bank", f"Cluster {label}"}
        members = {PLANTED[i] for i in np.flatnonzero(labels == label)}
        shown_sentences = [line.strip() for line in view.examples.toPlainText().splitlines()
                           if "bank" in line]
        assert shown_sentences and all(s in members for s in shown_sentences)
        assert view.map_view.selected_rows == np.flatnonzero(labels == label).tolist()
    # Hovering a point names its sentence.
    assert "[bank]" in view.map_view.word(0) and view.map_view.word(0).startswith("1. ")
    # Export: one CSV row per occurrence, with the coordinates shown.
    out = tmp_path / "senses.csv"
    assert view.export_csv(out) == n
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n and [r["sentence"] for r in rows] == PLANTED
    coords = np.asarray(view.outcome.result.coords)
    np.testing.assert_allclose([[float(r["x"]), float(r["y"])] for r in rows], coords,
                               rtol=1e-5, atol=1e-6)
    assert [int(r["cluster"]) for r in rows] == labels.tolist()
    for suffix in ("png", "svg"):
        pic = tmp_path / f"senses.{suffix}"
        view.export_image(pic)
        assert pic.stat().st_size > 1000
    assert (tmp_path / "senses.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_without_static_vectors_the_centroid_is_one_vector_for_all_senses(
        qtbot: Any, model: InspectModel) -> None:
    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    view.set_model(model)
    view.sentences_edit.setPlainText("\n".join(PLANTED))
    view.k_spin.setValue(2)
    with qtbot.waitSignal(view.runner.finished, timeout=30_000):
        view.run_button.click()
    assert view.cluster_table.rowCount() == 2
    assert view.static_text() == "one vector for all senses"
    star_x, star_y = view.static_item.getData()
    np.testing.assert_allclose([star_x[0], star_y[0]],
                               np.asarray(view.outcome.result.coords).mean(axis=0), atol=1e-6)
    assert "as asked" in view.summary_label.text()


def test_word_absent_from_the_sentences_says_0_and_suggests(
        qtbot: Any, model: InspectModel) -> None:
    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    view.set_model(model)
    view.sentences_edit.setPlainText("\n".join(PLANTED))
    view.word_edit.setText("banks")
    with qtbot.waitSignal(view.runner.failed, timeout=30_000):
        view.run_button.click()
    text = view.message_bar.text()
    assert view.message_bar.level() == "error"
    assert "'banks' occurs 0 times" in text and "bank" in text.split("times", 1)[1]
    assert view.run_button.isEnabled()          # ready for another try
    assert view.outcome is None and view.map_view.point_count == 0


def test_coarsewsd_source_shows_the_ari_and_gold_colours(
        qtbot: Any, model: InspectModel, shared_data: Path, tmp_path: Path) -> None:
    from sklearn.metrics import adjusted_rand_score

    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    view.set_model(model)
    view.coarsewsd_root = shared_data / "CoarseWSD-20"
    view.source_combo.setCurrentIndex(view.source_combo.findData("coarsewsd"))
    assert not view.sentences_edit.isVisibleTo(view)
    view.word_edit.setText("bank")
    view.limit_spin.setValue(40)
    with qtbot.waitSignal(view.runner.finished, timeout=60_000):
        view.run_button.click()
    summary = view.summary_label.text()
    match = re.search(r"Adjusted Rand index against the gold senses: (-?\d+\.\d+)", summary)
    assert match, summary
    gold_lines = (shared_data / "CoarseWSD-20" / "bank" / "train.gold.txt").read_text(
        encoding="utf-8").split()[:40]
    ari = adjusted_rand_score(gold_lines, np.asarray(view.outcome.result.labels))
    assert float(match.group(1)) == pytest.approx(ari, abs=1e-3)
    assert view.map_view.point_count == 40
    gold_row = view.colour_combo.findData("gold")
    assert view.colour_combo.model().item(gold_row).isEnabled()
    view.colour_combo.setCurrentIndex(gold_row)
    assert view.map_view.colour_mode == "groups"
    legend = [label.text for _sample, label in view.map_view.legend.items]
    assert set(legend) == {"bank_bank", "bank_bank_(geography)"}
    # The geography sentences (gold 1) are coloured differently from the others.
    geo = [i for i, g in enumerate(gold_lines) if g == "1"]
    other = [i for i, g in enumerate(gold_lines) if g == "0"]
    assert view.map_view.colour_of_row(geo[0]) != view.map_view.colour_of_row(other[0])
    out = tmp_path / "bank.csv"
    view.export_csv(out)
    with open(out, encoding="utf-8", newline="") as f:
        gold = [r["gold"] for r in csv.DictReader(f)]
    assert gold == ["bank_bank_(geography)" if g == "1" else "bank_bank" for g in gold_lines]


def test_escape_cancels_and_keeps_the_previous_result(
        qtbot: Any, model: InspectModel, shared_data: Path) -> None:
    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.set_model(model)
    view.coarsewsd_root = shared_data / "CoarseWSD-20"
    view.source_combo.setCurrentIndex(view.source_combo.findData("coarsewsd"))
    view.limit_spin.setValue(300)
    view.word_edit.setFocus()
    with qtbot.waitSignal(view.runner.cancelled, timeout=30_000):
        view.run_button.click()
        assert view.cancel_button.isVisible() and not view.run_button.isEnabled()
        qtbot.keyClick(view.word_edit, Qt.Key.Key_Escape)
    assert "Cancelled" in view.message_bar.text()
    assert view.run_button.isEnabled() and not view.cancel_button.isVisible()
    assert view.outcome is None


def test_hand_made_result_gold_and_clusters_and_csv(qtbot: Any, tmp_path: Path) -> None:
    """The view shows any SensesResult: a hand-made one checks the wiring without a model."""
    texts = [f"sentence {i} with bank in it" for i in range(6)]
    occ = [Occurrence(t, 15 + len(str(i)), 19 + len(str(i)), f"f.txt:{i + 1}",
                      "river" if i < 3 else "money") for i, t in enumerate(texts)]
    assert all(o.word == "bank" for o in occ)
    coords = np.array([[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]])
    labels = np.array([1, 1, 1, 0, 0, 0])
    clusters = [SenseCluster(0, 3, occ[3:4], ["loan"], []), SenseCluster(1, 3, occ[:2], ["water"],
                                                                          [])]
    result = SensesResult(word="bank", coords=coords, labels=labels, k=2,
                          silhouettes={2: 0.9, 3: 0.4}, clusters=clusters, static_point=None,
                          static_placement="", static_neighbours=[], ari=1.0, method="pca",
                          layer="last")
    view = SensesView(lambda: None)
    qtbot.addWidget(view)
    view.resize(900, 900)
    show_active(qtbot, view)
    view.show_outcome(SensesOutcome(SensesRequest("bank", "typed"), result, occ, 6,
                                    "six sentences"))
    assert view.cluster_table.rows_text() == [["0", "3", "loan", "", "money 3"],
                                              ["1", "3", "water", "", "river 3"]]
    assert "<b>k=2: 0.900</b>" in view.silhouette_label.text()
    assert "1.000" in view.summary_label.text()
    view.cluster_table.selectRow(1)
    assert bold_words(view.examples.toHtml()).count("bank") == 2   # cluster 1's two examples
    assert "3 occurrences, 2 shown" in view.examples.toPlainText()
    view.colour_combo.setCurrentIndex(view.colour_combo.findData("gold"))
    assert view.map_view.colour_of_row(0) == view.map_view.colour_of_row(2)
    assert view.map_view.colour_of_row(0) != view.map_view.colour_of_row(3)
    # Hovering a point shows its sentence.
    mv = view.map_view
    mv.refresh_now()
    for target in ((3.0, 3.0), tuple(coords[3])):      # from empty space onto the point
        scene = mv.view_box.mapViewToScene(QPointF(*target))
        qtbot.mouseMove(mv.plot.viewport(), mv.plot.mapFromScene(scene))
    qtbot.waitUntil(lambda: mv.hovered_row == 3, timeout=3000)
    assert mv.hover_label.isVisible()
    assert mv.hover_label.toPlainText() == "4. sentence 3 with [bank] in it"
    out = tmp_path / "hand.csv"
    assert view.export_csv(out) == 6
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["sentence", "cluster", "x", "y", "gold", "source"]
    assert rows[4][:5] == ["sentence 3 with bank in it", "0", "5", "5", "money"]


# --------------------------------------------------------------------------- word in context

def test_word_in_context_preset_plots_every_layer(qtbot: Any, model: InspectModel) -> None:
    view = WordInContextView(lambda: None)
    qtbot.addWidget(view)
    view.set_model(model)
    assert (view.sentence_a_edit.text(), view.sentence_b_edit.text(),
            view.word_edit.text()) == WIC_EXAMPLE
    with qtbot.waitSignal(view.runner.finished, timeout=30_000):
        view.run_button.click()
    x, y = view.curve.getData()
    assert list(x) == list(range(LAYERS + 1)) and len(y) == LAYERS + 1
    assert view.table.rowCount() == LAYERS + 1
    np.testing.assert_allclose([float(t) for t in view.table.column_texts(1)], y, atol=1e-4)
    # Independent check: the same cosine from the model's hidden states, pieces averaged.
    import torch

    def vec(sentence: str) -> np.ndarray:
        enc = model.encode(sentence)
        start = sentence.index("bank")
        rows = [i for i, (s, e) in enumerate(enc.offsets)
                if not enc.special[i] and s < start + 4 and e > start]
        with torch.inference_mode():
            out = model.encoder(**enc.tensors(), output_hidden_states=True)
        return np.stack([h[0, rows].mean(0).numpy() for h in out.hidden_states])

    a, b = vec(WIC_EXAMPLE[0]), vec(WIC_EXAMPLE[1])
    expected = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    np.testing.assert_allclose(y, expected, atol=1e-4)
    view.sentence_b_edit.setText("I deposited cash at the shop.")
    with qtbot.waitSignal(view.runner.failed, timeout=30_000):
        view.run_button.click()
    assert "second sentence" in view.message_bar.text()
    assert len(view.curve.getData()[0]) == LAYERS + 1      # the previous curve stays


# --------------------------------------------------------------------------- contextuality

def test_contextuality_three_curves_adjusted_toggle_and_export(
        qtbot: Any, model: InspectModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = ContextualityView(lambda: None)
    qtbot.addWidget(view)
    view.set_model(model)
    assert view.source_combo.currentData() == "typed"
    assert "Ethayarajh (2019)" in view.note_label.text()
    view.text_edit.setPlainText("\n".join(CONTEXT_TEXT))
    with qtbot.waitSignal(view.runner.finished, timeout=60_000):
        view.run_button.click()
    assert not view.message_bar.text(), view.message_bar.text()
    result = view.result
    raw = {}
    for key, curve in view.curves.items():
        x, y = curve.getData()
        assert list(x) == list(range(LAYERS + 1))
        np.testing.assert_allclose(y, getattr(result, key))
        raw[key] = y.copy()
    bx, by = view.baseline_curve.getData()
    assert len(bx) == LAYERS + 1 and view.baseline_curve.isVisible()
    assert view.baseline_curve.opts["pen"].style() == Qt.PenStyle.DashLine
    view.adjusted_check.setChecked(True)
    for key, curve in view.curves.items():
        _x, y = curve.getData()
        np.testing.assert_allclose(y, getattr(result, f"{key}_adjusted"))
        assert not np.allclose(y, raw[key])
    np.testing.assert_allclose(raw["self_similarity"] - by,
                               view.curves["self_similarity"].getData()[1], atol=1e-6)
    assert not view.baseline_curve.isVisible()
    out = tmp_path / "ctx.csv"
    assert view.export_csv(out) == LAYERS + 1
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["layer"]) for r in rows] == list(range(LAYERS + 1))
    np.testing.assert_allclose([float(r["mev"]) for r in rows], result.mev, rtol=1e-5)
    png = tmp_path / "ctx.png"
    view.export_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The Export menu, as clicked: the chosen file is written and the bar says so.
    from PySide6.QtWidgets import QFileDialog

    assert view.export_button.isEnabled()
    csv_action, png_action = view.export_button.menu().actions()
    assert (csv_action.text(), png_action.text()) == ("Values as CSV…", "Plot as PNG…")
    chosen = [str(tmp_path / "menu.csv")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (chosen[0], "")))
    csv_action.trigger()
    assert view.message_bar.text() == f"Wrote {LAYERS + 1} rows to {chosen[0]}."
    assert Path(chosen[0]).read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    chosen[0] = str(tmp_path / "menu.png")
    png_action.trigger()
    assert view.message_bar.text() == f"Saved the plot to {chosen[0]}."
    assert Path(chosen[0]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    chosen[0] = str(tmp_path / "menu.txt")           # not a .png: refused with the reason
    png_action.trigger()
    assert view.message_bar.level() == "error"
    assert view.message_bar.text().startswith(f"Could not write {chosen[0]}: ")
    assert ".png" in view.message_bar.text() and not Path(chosen[0]).exists()


def test_current_corpus_source_for_senses_and_contextuality(
        qtbot: Any, model: InspectModel, tmp_path: Path) -> None:
    from workbench.core.corpus.reader import ReaderOptions
    from workbench.core.corpus.tokenize import TokenizerSettings
    from workbench.ui.panels.static_panel import CorpusChoice

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(["no such word here"] + PLANTED + CONTEXT_TEXT) + "\n",
                      encoding="utf-8")
    choice: list[CorpusChoice | None] = [None]
    view = SensesView(lambda: choice[0])
    qtbot.addWidget(view)
    view.set_model(model)
    row = view.source_combo.findData("corpus")
    assert not view.source_combo.model().item(row).isEnabled()
    choice[0] = CorpusChoice(str(corpus), ReaderOptions(), TokenizerSettings())
    view.refresh_sources()                       # the panel opened a corpus
    assert view.source_combo.model().item(row).isEnabled()
    view.source_combo.setCurrentIndex(row)
    assert not view.sentences_edit.isVisibleTo(view)
    view.limit_spin.setValue(15)
    with qtbot.waitSignal(view.runner.finished, timeout=30_000):
        view.run_button.click()
    total = sum(line.split().count("bank") for line in PLANTED + CONTEXT_TEXT)
    assert view.map_view.point_count == 15
    assert f"(of {total} found)" in view.summary_label.text()
    assert [o.source for o in view.outcome.occurrences[:2]] == ["corpus.txt:2", "corpus.txt:3"]

    ctx = ContextualityView(lambda: choice[0])
    qtbot.addWidget(ctx)
    ctx.set_model(model)
    ctx.source_combo.setCurrentIndex(ctx.source_combo.findData("corpus"))
    ctx.sample_spin.setValue(60)
    with qtbot.waitSignal(ctx.runner.finished, timeout=60_000):
        ctx.run_button.click()
    assert ctx.outcome.sentences == 60
    assert "the first 60 sentences of corpus.txt" in ctx.summary_label.text()
    assert len(ctx.curves["mev"].getData()[0]) == LAYERS + 1
