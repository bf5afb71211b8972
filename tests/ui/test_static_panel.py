"""The Static training panel driven as a user would: train, watch the curve, cancel, load."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from workbench.core.embeddings import Embeddings
from workbench.core.resources import default_corpus_path
from workbench.core.static import save_vectors
from workbench.core.static.result import EpochReport
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.static_panel import StaticPanel


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def window(make_main_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_main_window()
    window.corpus_panel.open_path(default_corpus_path())
    window.tabs.setCurrentWidget(window.static_panel)
    return window


@pytest.fixture
def panel(window: MainWindow) -> StaticPanel:
    panel = window.static_panel
    panel.vector_size_spin.setValue(16)
    panel.workers_spin.setValue(1)
    return panel


def choose(panel: StaticPanel, label: str) -> None:
    index = panel.method_combo.findText(label)
    assert index >= 0
    panel.method_combo.setCurrentIndex(index)


def test_train_word2vec_and_watch_the_loss(qtbot: Any, window: MainWindow,
                                           panel: StaticPanel) -> None:
    assert "inaugural.txt.gz" in panel.corpus_label.text()
    choose(panel, "word2vec skip-gram")
    panel.epochs_spin.setValue(3)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
        assert not panel.params_box.isEnabled() and panel.cancel_button.isEnabled()
    assert not panel.message_bar.text()
    x, y = panel.loss_plot.epoch_curve.getData()
    assert list(x) == [1.0, 2.0, 3.0] and np.all(np.isfinite(y))
    assert y[-1] < y[0]  # it learns
    sx, _ = panel.loss_plot.step_curve.getData()
    assert len(sx) >= 3 and np.all(np.diff(sx) >= 0)
    assert panel.embeddings is not None and panel.embeddings.dim == 16
    assert f"{len(panel.embeddings):,} words × 16 dimensions" in panel.vectors_label.text()
    assert "Epoch 3 of 3" in panel.live_label.text()
    run = window.workspace.runs.get(panel.result.run_id)
    assert run.status == "success" and run.kind == "train_word2vec"
    assert Path(run.outputs["vectors"]).is_file()
    assert panel.params_box.isEnabled() and panel.train_button.isEnabled()


def test_cancel_keeps_the_last_epoch_and_is_quick(qtbot: Any, window: MainWindow,
                                                  panel: StaticPanel) -> None:
    choose(panel, "word2vec CBOW")
    panel.epochs_spin.setValue(500)
    epochs: list[EpochReport] = []
    panel.runner.partial_result_ready.connect(
        lambda r: epochs.append(r) if isinstance(r, EpochReport) else None)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=120_000)
    start = time.monotonic()
    with qtbot.waitSignal(panel.runner.cancelled, timeout=10_000) as blocker:
        click(qtbot, panel.cancel_button)
    assert time.monotonic() - start < 2.0
    kept = blocker.args[0]
    assert kept is not None and kept.cancelled and len(kept.epochs) >= 1
    assert "Cancelled: the vectors of epoch" in panel.status_label.text()
    assert panel.embeddings is kept.embeddings
    run = window.workspace.runs.get(kept.run_id)
    assert run.status == "cancelled" and Path(run.outputs["vectors"]).is_file()
    qtbot.waitUntil(lambda: panel.train_button.isEnabled(), timeout=2000)
    assert not panel.message_bar.text()


def test_fasttext_says_it_has_no_loss_curve(qtbot: Any, panel: StaticPanel) -> None:
    choose(panel, "fastText CBOW")
    assert panel.form.isRowVisible(panel.min_n_spin)
    assert not panel.form.isRowVisible(panel.x_max_spin)
    panel.epochs_spin.setValue(1)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
        assert "no training loss for fastText" in panel.status_label.text()
    assert panel.loss_plot.epoch_curve.getData()[0] is None or \
        len(panel.loss_plot.epoch_curve.getData()[0]) == 0
    assert panel.embeddings is not None


def test_bad_parameters_are_a_sentence(qtbot: Any, panel: StaticPanel) -> None:
    choose(panel, "fastText skip-gram")
    panel.min_n_spin.setValue(5)
    panel.max_n_spin.setValue(3)
    click(qtbot, panel.train_button)
    assert "max_n (3) must be at least min_n (5)" in panel.message_bar.text()
    assert not panel.runner.is_running


def test_min_count_too_high_fails_cleanly(qtbot: Any, panel: StaticPanel) -> None:
    choose(panel, "GloVe")
    assert panel.window_spin.value() == 10
    panel.min_count_spin.setValue(1_000_000)
    with qtbot.waitSignal(panel.runner.failed, timeout=60_000):
        click(qtbot, panel.train_button)
    assert "min_count" in panel.message_bar.text()
    qtbot.waitUntil(lambda: panel.train_button.isEnabled(), timeout=2000)


def test_load_vectors_shows_the_vocabulary(qtbot: Any, panel: StaticPanel,
                                           tmp_path: Path) -> None:
    emb = Embeddings(["king", "queen", "man"], np.eye(3, 2, dtype=np.float32))
    path = save_vectors(emb, tmp_path / "tiny.txt")
    with qtbot.waitSignal(panel.load_runner.finished, timeout=10_000):
        panel.load_vectors(path)
    assert "3 words × 2 dimensions" in panel.vectors_label.text()
    assert panel.embeddings.words == ["king", "queen", "man"]

    bad = tmp_path / "bad.txt"
    bad.write_text("2 2\nking 1 2\nqueen 1\n")
    with qtbot.waitSignal(panel.load_runner.failed, timeout=10_000):
        panel.load_vectors(bad)
    assert "Line 3 of" in panel.message_bar.text() and "bad.txt" in panel.message_bar.text()


def test_train_then_evaluate_and_find_the_run(qtbot: Any, window: MainWindow,
                                              panel: StaticPanel, tmp_path: Path) -> None:
    from gensim.test.utils import datapath

    choose(panel, "word2vec CBOW")
    panel.epochs_spin.setValue(2)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
    view = panel.evaluation_view
    assert view.embeddings("A") is panel.embeddings  # the trained vectors go to slot A

    panel.right_tabs.setCurrentWidget(view)
    assert view.add_benchmark_file(datapath("questions-words.txt"))
    with qtbot.waitSignal(view.runner.done, timeout=60_000):
        click(qtbot, view.evaluate_button)
    m = view.table_model
    rows = [m.index(r, 0).data() for r in range(m.rowCount())]
    assert rows[-1] == "Total" and "capital-common-countries" in rows
    assert int(m.index(m.rowCount() - 1, 1).data().replace(",", "")) == 19_544

    panel.right_tabs.setCurrentWidget(panel.runs_view)
    runs = panel.runs_view.table_model.runs()
    assert [r.id for r in runs] == [panel.result.run_id] and runs[0].status == "success"
    panel.runs_view.select_runs([runs[0].id])
    assert len(panel.runs_view.curves) == 1
    assert list(panel.runs_view.curves[0].getData()[1]) == runs[0].metrics["epoch_loss"]
    trained = panel.result.embeddings
    with qtbot.waitSignal(panel.load_runner.finished, timeout=20_000):
        panel.runs_view.open_vectors_requested.emit(runs[0].outputs["vectors"])
    assert panel.embeddings is not trained and panel.embeddings.words == trained.words


def test_save_vectors_in_each_format(qtbot: Any, panel: StaticPanel, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from workbench.core.static import load_vectors
    from workbench.ui.panels.static_panel import SAVE_FILTERS

    assert not panel.save_button.isEnabled()  # nothing to save yet
    emb = Embeddings(["king", "queen", "man"], np.eye(3, 2, dtype=np.float32))
    with qtbot.waitSignal(panel.load_runner.finished, timeout=10_000):
        panel.load_vectors(save_vectors(emb, tmp_path / "in.txt"))
    assert panel.save_button.isEnabled()

    for label, fmt in SAVE_FILTERS.items():
        target = tmp_path / f"out-{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, t=target, lab=label, **k: (str(t), lab))
        with qtbot.waitSignal(panel.save_runner.finished, timeout=10_000):
            click(qtbot, panel.save_button)
        assert str(target) in panel.status_label.text()
        if fmt == "projector":
            assert (target / "vectors.tsv").read_text().count("\n") == 3
        else:
            back = load_vectors(target, fmt)
            assert back.words == emb.words
            np.testing.assert_array_equal(back.vectors, emb.vectors)
