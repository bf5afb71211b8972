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


# --------------------------------------------------------------------------- fastText .bin, pickles

def _tiny_sentences() -> list[list[str]]:
    rng = np.random.default_rng(0)
    vocab = ["king", "queen", "kingdom", "prince", "castle", "river", "running", "runner"]
    return [list(rng.choice(vocab, size=8)) for _ in range(100)]


def test_load_a_fasttext_bin_from_the_dialog(qtbot: Any, panel: StaticPanel, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from gensim.models import FastText
    from gensim.models.fasttext import save_facebook_model
    from PySide6.QtWidgets import QFileDialog

    model = FastText(_tiny_sentences(), vector_size=8, min_count=1, epochs=1, bucket=2000,
                     workers=1, seed=1)
    path = tmp_path / "tiny.bin"
    save_facebook_model(model, str(path))
    offered: list[str] = []

    def fake_dialog(parent: Any, title: str, folder: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    with qtbot.waitSignal(panel.load_runner.finished, timeout=20_000):
        click(qtbot, panel.load_button)
    assert "fastText .bin" in offered[0] and "*.bin" in offered[0]
    assert "8 words × 8 dimensions loaded from tiny.bin (with vectors for unseen words)" \
        in panel.vectors_label.text()
    np.testing.assert_allclose(panel.embeddings.oov_vector("kingdoms"),
                               model.wv.get_vector("kingdoms"), rtol=1e-6, atol=1e-7)


def test_a_gensim_model_from_outside_the_workspace_needs_consent(
        qtbot: Any, window: MainWindow, panel: StaticPanel, tmp_path: Path,
        message_boxes: Callable[..., list[Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from gensim.models import Word2Vec
    from PySide6.QtWidgets import QMessageBox

    import workbench.core.static.gensim_models as gm

    model = Word2Vec(_tiny_sentences(), vector_size=6, min_count=1, epochs=1, workers=1)
    outside = tmp_path / "downloaded.model"
    model.save(str(outside))
    calls: list[tuple[str, bool]] = []
    real = gm.load_gensim_model

    def spy(path: Any, **kwargs: Any) -> Any:
        calls.append((threading.current_thread().name, kwargs["allow_outside"]))
        return real(path, **kwargs)

    monkeypatch.setattr(gm, "load_gensim_model", spy)

    # 1. Cancel: nothing is loaded, and the panel says so.
    panel.load_vectors(outside)
    qtbot.waitUntil(lambda: len(message_boxes("PickleConsentBox")) == 1, timeout=10_000)
    box = message_boxes("PickleConsentBox")[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert "downloaded.model" in box.text() and "not in the workspace" in box.text()
    assert "can run any code" in box.informativeText()
    assert [b.text() for b in box.buttons() if b is box.defaultButton()] == ["Cancel"]
    assert any(b.text() == "Open anyway" for b in box.buttons())
    click(qtbot, box.defaultButton())
    qtbot.waitUntil(lambda: not message_boxes("PickleConsentBox"), timeout=5000)
    assert panel.embeddings is None and panel.vectors_label.text() == "No vectors yet."
    assert "downloaded.model was not opened" in panel.message_bar.text()
    assert calls and all(not allowed for _, allowed in calls)

    # 2. Open anyway: loaded in the load runner's thread, with explicit consent.
    panel.load_vectors(outside)
    qtbot.waitUntil(lambda: len(message_boxes("PickleConsentBox")) == 1, timeout=10_000)
    box = message_boxes("PickleConsentBox")[0]
    with qtbot.waitSignal(panel.load_runner.finished, timeout=20_000):
        click(qtbot, next(b for b in box.buttons() if b.text() == "Open anyway"))
    assert panel.embeddings.words == list(model.wv.index_to_key)
    np.testing.assert_array_equal(panel.embeddings.vectors, model.wv.vectors)
    assert "gensim word2vec model downloaded.model" in panel.vectors_label.text()
    assert calls[-1][1] is True and calls[-1][0].startswith("TaskRunner[Load vectors]")
    assert panel.loaded_model is not None and not panel.message_bar.text()

    # 3. A model inside the workspace opens without a question.
    inside = window.workspace.root / "runs" / "imported" / "model.gensim"
    inside.parent.mkdir(parents=True)
    model.save(str(inside))
    with qtbot.waitSignal(panel.load_runner.finished, timeout=20_000):
        panel.load_vectors(inside)
    assert not message_boxes("PickleConsentBox") and calls[-1][1] is False


# --------------------------------------------------------------------------- per-epoch evaluation

def test_evaluate_after_each_epoch_draws_a_score_curve(qtbot: Any, window: MainWindow,
                                                       panel: StaticPanel) -> None:
    choose(panel, "word2vec CBOW")
    panel.epochs_spin.setValue(2)
    assert not panel.epoch_benchmark_combo.isEnabled()
    panel.evaluate_check.setChecked(True)
    assert panel.epoch_benchmark_combo.isEnabled()
    assert panel.epoch_benchmark_combo.currentText().startswith("ws353 (Spearman)")
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
    assert not panel.message_bar.text()
    assert panel.score_plot.isVisible() and panel.score_plot.metric == "ws353 Spearman"
    x, y = panel.score_plot.scores()
    run = window.workspace.runs.get(panel.result.run_id)
    recorded = [e["ws353 Spearman"] for e in run.metrics["evaluation"]]
    assert list(x) == [1.0, 2.0] and list(y) == recorded
    assert all(-1 <= v <= 1 for v in recorded)
    assert "ws353 Spearman" in panel.live_label.text()


def test_early_stopping_keeps_the_best_epoch(qtbot: Any, window: MainWindow,
                                             panel: StaticPanel,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.static.jobs import EpochEvaluation

    scores = iter([0.2, 0.5, 0.4, 0.3, 0.9, 0.9])
    monkeypatch.setattr(EpochEvaluation, "make_evaluator",
                        lambda self, progress=None: lambda emb: {"ws353 Spearman": next(scores)})
    choose(panel, "fastText CBOW")
    panel.epochs_spin.setValue(6)
    panel.patience_spin.setValue(2)
    click(qtbot, panel.train_button)  # fastText without evaluation has nothing to watch
    assert "needs an evaluation after each epoch" in panel.message_bar.text()
    assert not panel.runner.is_running
    choose(panel, "word2vec CBOW")  # quicker than fastText here (its n-gram table)
    panel.evaluate_check.setChecked(True)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
    x, y = panel.score_plot.scores()
    assert list(x) == [1, 2, 3, 4] and list(y) == [0.2, 0.5, 0.4, 0.3]
    assert panel.score_plot.best_marker.getData()[0].tolist() == [2.0]
    assert "Stopped early after epoch 4: no improvement for 2 epochs; the vectors of epoch 2 " \
           "are kept." in panel.status_label.text()
    assert panel.embeddings.source.endswith("epoch 2")
    run = window.workspace.runs.get(panel.result.run_id)
    assert run.metrics["best_epoch"] == 1 and run.params["patience"] == 2


# --------------------------------------------------------------------------- continue training

def test_continue_training_after_a_run_and_from_the_runs_tab(qtbot: Any, window: MainWindow,
                                                            panel: StaticPanel) -> None:
    choose(panel, "word2vec skip-gram")
    panel.epochs_spin.setValue(2)
    assert not panel.continue_button.isEnabled()
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.train_button)
    first = panel.result
    assert panel.continue_button.isEnabled()
    panel.more_epochs_spin.setValue(2)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, panel.continue_button)
        assert not panel.continue_button.isEnabled()
    assert not panel.message_bar.text()
    x, y = panel.loss_plot.epoch_curve.getData()
    assert list(x) == [1.0, 2.0, 3.0, 4.0]               # the curve continues
    assert list(y[:2]) == [e.loss for e in first.epochs]
    second = panel.result
    assert [e.epoch for e in second.epochs] == [2, 3]
    assert f"continued run #{first.run_id} to 4 epochs" in panel.status_label.text()
    new = window.workspace.runs.get(second.run_id)
    assert new.params["resumed_from"] == first.run_id and new.metrics["epochs_done"] == 4
    assert "Epoch 4 of 4" in panel.live_label.text()

    # From the Runs tab: continue the first run by one epoch.
    panel.right_tabs.setCurrentWidget(panel.runs_view)
    view = panel.runs_view
    assert [r.id for r in view.table_model.runs()] == [second.run_id, first.run_id]
    view.select_runs([first.run_id])
    view.more_epochs_spin.setValue(1)
    with qtbot.waitSignal(panel.runner.done, timeout=120_000):
        click(qtbot, view.continue_button)
    x, _ = panel.loss_plot.epoch_curve.getData()
    assert list(x) == [1.0, 2.0, 3.0]
    third = window.workspace.runs.get(panel.result.run_id)
    assert third.params["resumed_from"] == first.run_id and third.metrics["epochs_done"] == 3
    assert view.table_model.rowCount() == 3               # refreshed when the job ended


def test_glove_uses_the_threads_setting(panel: StaticPanel) -> None:
    choose(panel, "GloVe")
    assert panel.form.isRowVisible(panel.workers_spin)
    panel.workers_spin.setValue(1)
    assert panel.request().params.threads == 1
    assert "GloVe" in panel.workers_spin.toolTip()
