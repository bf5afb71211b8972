"""The evaluation view driven as a user would: choose a benchmark, evaluate, read the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from workbench.core.embeddings import Embeddings
from workbench.core.evaluation import evaluate_similarity
from workbench.ui.widgets.evaluation_view import EvaluationView

_AXES = ("person", "male", "female", "royal", "young", "country", "capital", "fr", "de", "it")


def _vec(*features: str) -> np.ndarray:
    v = np.zeros(len(_AXES) + 2, dtype=np.float32)
    for f in features:
        v[_AXES.index(f)] = 1.0
    return v


#: Hand-made vectors where king - man + woman = queen and paris - france + germany = berlin.
VOCAB = {
    "man": _vec("person", "male"), "woman": _vec("person", "female"),
    "king": _vec("person", "male", "royal"), "queen": _vec("person", "female", "royal"),
    "boy": _vec("person", "male", "young"), "girl": _vec("person", "female", "young"),
    "france": _vec("country", "fr"), "paris": _vec("capital", "fr"),
    "germany": _vec("country", "de"), "berlin": _vec("capital", "de"),
    "italy": _vec("country", "it"), "rome": _vec("capital", "it"),
}

# capital: 3 answered (the 3rd has a wrong gold answer), 1 OOV (spain, madrid);
# family: 3 answered, all right; line 8 is malformed (three words).
QUESTIONS = """\
: capital
france paris germany berlin
germany berlin italy rome
paris france berlin italy
spain madrid france paris
: family
man woman king queen
king queen man
boy girl man woman
man king woman queen
"""

PAIRS = """\
# word1 word2 score
king queen 8.5
man woman 8.0
boy girl 7.5
paris france 6.0
king paris 1.5
boy rome 0.5
unicorn dragon 5.0
"""


@pytest.fixture
def emb() -> Embeddings:
    return Embeddings(list(VOCAB), np.stack(list(VOCAB.values())), source="/data/tiny.vec")


@pytest.fixture
def analogy_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny-questions.txt"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


@pytest.fixture
def view(qtbot: Any) -> EvaluationView:
    view = EvaluationView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def evaluate(qtbot: Any, view: EvaluationView) -> None:
    with qtbot.waitSignal(view.runner.done, timeout=15_000):
        qtbot.mouseClick(view.evaluate_button, Qt.MouseButton.LeftButton)
        assert view.cancel_button.isEnabled() and not view.evaluate_button.isEnabled()
    assert view.evaluate_button.isEnabled() and not view.cancel_button.isEnabled()


def headers(view: EvaluationView) -> list[str]:
    m = view.table_model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def cells(view: EvaluationView) -> list[list[str]]:
    m = view.table_model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_analogy_file_per_category_and_total(qtbot: Any, view: EvaluationView,
                                             emb: Embeddings, analogy_file: Path) -> None:
    view.set_embeddings("A", emb, "tiny")
    assert "tiny — 12 words × 12 dimensions" in view.slot_labels["A"].text()
    assert view.add_benchmark_file(analogy_file)
    assert view.benchmark_combo.currentText() == "tiny-questions.txt — analogy"
    assert view.method_combo.isEnabled()
    evaluate(qtbot, view)
    assert view.message_bar.text() == ""
    assert headers(view) == ["Category", "Questions", "A: accuracy (%)", "A: OOV skipped"]
    assert cells(view) == [["capital", "4", "66.7", "1"],
                           ["family", "3", "100.0", "0"],
                           ["Total", "7", "83.3", "1"]]
    assert view.table_model.index(2, 2).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "A: 5 of 6 answered questions correct")
    assert view.skipped_label.text() == "1 malformed line skipped: 8"
    assert "3CosAdd" in view.status_label.text() and "83.3 %" in view.status_label.text()
    assert view.export_button.isEnabled()


def test_two_vector_sets_side_by_side(qtbot: Any, view: EvaluationView, emb: Embeddings,
                                      analogy_file: Path) -> None:
    view.set_embeddings("A", emb, "full")
    view.set_embeddings("B", emb.subset([w for w in VOCAB if w not in ("boy", "girl")]),
                        "no children")
    assert "B: no children — 10 words" in view.slot_labels["B"].text()
    view.add_benchmark_file(analogy_file)
    evaluate(qtbot, view)
    assert headers(view) == ["Category", "Questions", "A: accuracy (%)", "A: OOV skipped",
                             "B: accuracy (%)", "B: OOV skipped"]
    assert cells(view) == [["capital", "4", "66.7", "1", "66.7", "1"],
                           ["family", "3", "100.0", "0", "100.0", "1"],
                           ["Total", "7", "83.3", "1", "80.0", "2"]]
    assert "no children" in view.table_model.headerData(4, Qt.Orientation.Horizontal,
                                                        Qt.ItemDataRole.ToolTipRole)
    # "Clear B" goes back to one set.
    qtbot.mouseClick(view.clear_b_button, Qt.MouseButton.LeftButton)
    assert view.embeddings("B") is None
    evaluate(qtbot, view)
    assert view.table_model.columnCount() == 4


def test_3cosmul_can_be_chosen(qtbot: Any, view: EvaluationView, emb: Embeddings,
                               analogy_file: Path) -> None:
    view.set_embeddings("A", emb)
    assert "tiny.vec" in view.slot_labels["A"].text()  # the label defaults to the source
    view.add_benchmark_file(analogy_file)
    view.method_combo.setCurrentIndex(view.method_combo.findText("3CosMul"))
    evaluate(qtbot, view)
    assert view.report is not None and view.report.method == "3cosmul"
    assert "3CosMul" in view.status_label.text()
    assert cells(view)[-1] == ["Total", "7", "83.3", "1"]


def test_similarity_file_shows_correlations(qtbot: Any, view: EvaluationView, emb: Embeddings,
                                            tmp_path: Path) -> None:
    path = tmp_path / "tiny-sim.txt"
    path.write_text(PAIRS + "just two\n", encoding="utf-8")
    view.set_embeddings("A", emb, "tiny")
    assert view.add_benchmark_file(path)
    assert view.benchmark_combo.currentText() == "tiny-sim.txt — similarity"
    assert not view.method_combo.isEnabled()
    evaluate(qtbot, view)
    expected = evaluate_similarity(emb, path)
    assert headers(view) == ["Benchmark", "Pairs", "A: Spearman", "A: Pearson",
                             "A: OOV skipped"]
    assert cells(view) == [["tiny-sim.txt", "7", f"{expected.spearman:.3f}",
                            f"{expected.pearson:.3f}", "1"]]
    assert expected.spearman > 0.5
    assert view.skipped_label.text() == "1 malformed line skipped: 9"


def test_no_vectors_is_a_message_not_a_job(qtbot: Any, view: EvaluationView,
                                           analogy_file: Path) -> None:
    view.add_benchmark_file(analogy_file)
    qtbot.mouseClick(view.evaluate_button, Qt.MouseButton.LeftButton)
    assert "no vectors to evaluate" in view.message_bar.text()
    assert view.message_bar.isVisible()
    assert not view.runner.is_running and view.table_model.rowCount() == 0
    assert not view.export_button.isEnabled()


def test_bad_benchmark_file_is_a_message(qtbot: Any, view: EvaluationView, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("this is just prose\nwith lines of many different lengths here\n",
                   encoding="utf-8")
    count = view.benchmark_combo.count()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    text = view.message_bar.text()
    assert text.startswith("notes.txt is neither an analogy benchmark nor a similarity "
                           "benchmark.")
    assert view.message_bar.level() == "error"
    assert view.benchmark_combo.count() == count


def test_many_malformed_lines_are_summarised(view: EvaluationView, tmp_path: Path) -> None:
    path = tmp_path / "messy.txt"
    lines = [": family", "man woman king queen"] + ["oops"] * 7
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert view.add_benchmark_file(path)
    assert view.skipped_label.text() == "7 malformed lines skipped: 3, 4, 5, 6, 7, …"


def test_copy_and_export_tsv(qtbot: Any, view: EvaluationView, emb: Embeddings,
                             analogy_file: Path, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    view.set_embeddings("A", emb, "tiny")
    view.add_benchmark_file(analogy_file)
    evaluate(qtbot, view)
    out = tmp_path / "results.tsv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8").splitlines() == [
        "Category\tQuestions\tA: accuracy (%)\tA: OOV skipped",
        "capital\t4\t66.7\t1",
        "family\t3\t100.0\t0",
        "Total\t7\t83.3\t1",
    ]
    view.table.selectRow(2)
    view.activateWindow()
    view.table.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Total\t7\t83.3\t1\n"
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert not view.export_tsv(blocker / "results.tsv")
    assert "cannot be written" in view.message_bar.text()


def test_builtin_benchmarks_have_tooltips(view: EvaluationView) -> None:
    combo = view.benchmark_combo
    for i in range(combo.count()):
        choice = combo.itemData(i)
        assert choice.kind in ("analogy", "similarity")
        tip = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert tip and str(choice.path) in tip
    for widget in (combo, view.add_button, view.method_combo, view.evaluate_button,
                   view.cancel_button, view.export_button, view.table, view.skipped_label):
        assert widget.toolTip()


def test_cancel_and_keep_a_as_b(qtbot: Any, view: EvaluationView, emb: Embeddings,
                                analogy_file: Path) -> None:
    view.set_embeddings("A", emb, "tiny")
    assert not view.clear_b_button.isEnabled()
    qtbot.mouseClick(view.keep_b_button, Qt.MouseButton.LeftButton)
    assert view.embeddings("B") is emb and "B: tiny" in view.slot_labels["B"].text()
    view.add_benchmark_file(analogy_file)
    with qtbot.waitSignal(view.runner.cancelled, timeout=15_000):
        qtbot.mouseClick(view.evaluate_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.runner.is_running)
    assert view.status_label.text() == "Evaluation cancelled."
    assert view.table_model.rowCount() == 0 and view.message_bar.text() == ""
