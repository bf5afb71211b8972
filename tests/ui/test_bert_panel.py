"""The BERT panel driven as a user would: pretrain, watch the curves, cancel, compare, fine-tune.

Tiny models (2 layers, hidden 32) with the small test tokenizer, on the
bundled corpus opened in the Corpus panel, on the CPU with one thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from workbench.core.bert.engine import is_complete_checkpoint, latest_checkpoint
from workbench.core.bert.models import PRESETS, count_parameters
from workbench.core.embeddings import Embeddings
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.bert_panel import BertPanel, PretrainPage, tokenizer_vocab_size

DATA = Path(__file__).resolve().parents[1] / "data"
TOKENIZER = DATA / "bert_b" / "tokenizer"


@pytest.fixture(autouse=True, scope="module")
def _one_thread() -> Iterator[None]:
    """Tiny models run much faster on one thread on this shared machine."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture(scope="module")
def wiki(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 120 WikiText paragraphs (documents separated by blank lines)."""
    lines = (shared_data / "wikitext-2" / "valid.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path_factory.mktemp("corpus") / "wiki.txt"
    path.write_text("\n".join(lines[:260]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(make_main_window: Callable[..., MainWindow], wiki: Path) -> MainWindow:
    window = make_main_window()
    window.corpus_panel.open_path(wiki)
    window.tabs.setCurrentWidget(window.bert_panel)
    return window


@pytest.fixture
def panel(window: MainWindow) -> BertPanel:
    return window.bert_panel


def points(curve: Any) -> int:
    """Points a pyqtgraph curve holds (``getData()`` gives ``None`` while it is empty)."""
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def tiny(page: PretrainPage, *, steps: int) -> None:
    """A 2-layer, hidden-32 model with the test tokenizer, seq_len 32, batch 8, CPU."""
    page.tokenizer_combo.setCurrentIndex(page.tokenizer_combo.findData("folder"))
    page.tokenizer_edit.setText(str(TOKENIZER))
    page.set_size("custom")
    page.layers_spin.setValue(2)
    page.hidden_spin.setValue(32)
    page.heads_spin.setValue(2)
    page.intermediate_spin.setValue(64)
    page.seq_len_spin.setValue(32)
    page.batch_spin.setValue(8)
    page.lr_spin.setValue(2e-3)
    page.max_steps_spin.setValue(steps)
    page.eval_every_spin.setValue(0)
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    page.split_check.setChecked(True)


def test_no_corpus_says_so_and_runs_nothing(qtbot: Any,
                                            make_main_window: Callable[..., MainWindow]) -> None:
    window = make_main_window()
    window.tabs.setCurrentWidget(window.bert_panel)
    page = window.bert_panel.pretrain_page
    assert "Open a corpus" in page.corpus_label.text()
    click(qtbot, page.start_button)
    assert "Open a corpus in the Corpus panel first" in page.message_bar.text()
    assert not page.runner.is_running and page.start_button.isEnabled()


def test_parameter_count_follows_the_preset(panel: BertPanel) -> None:
    page = panel.pretrain_page
    page.tokenizer_combo.setCurrentIndex(page.tokenizer_combo.findData("folder"))
    page.tokenizer_edit.setText(str(TOKENIZER))
    page.seq_len_spin.setValue(128)
    page.set_size("mini")
    page._update_size_label()  # editingFinished is not emitted by setText
    vocab = tokenizer_vocab_size(TOKENIZER)
    # The tokenizer's own length (what the model gets), independently of the panel's reader.
    from workbench.core.bert.tokenizer import load_tokenizer

    assert vocab == len(load_tokenizer(TOKENIZER))
    mini = count_parameters(PRESETS["mini"], vocab, "pretraining")
    assert f"{mini:,} parameters" in page.size_label.text()
    page.set_size("small")
    small = count_parameters(PRESETS["small"], vocab, "pretraining")
    assert small != mini and f"{small:,} parameters" in page.size_label.text()
    page.nsp_check.setChecked(False)
    assert f"{count_parameters(PRESETS['small'], vocab, 'mlm'):,} parameters" in \
        page.size_label.text()
    before = page.size_label.text()
    page.batch_spin.setValue(page.batch_spin.value() * 4)  # more activations
    assert page.size_label.text() != before
    # the launch command names torchrun and the number of processes
    page.nproc_spin.setValue(3)
    assert "torchrun" in page.launch_edit.text() and "--nproc_per_node=3" in \
        page.launch_edit.text()


def test_cancel_keeps_a_checkpoint_and_the_run_is_listed(qtbot: Any, window: MainWindow,
                                                         panel: BertPanel) -> None:
    page = panel.pretrain_page
    tiny(page, steps=5000)
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.start_button)
        assert page.cancel_button.isEnabled() and not page.training_box.isEnabled()
        qtbot.waitUntil(lambda: not page.runner.is_running
                        or points(page.curves.curves["train"]) >= 1,
                        timeout=180_000)
        click(qtbot, page.cancel_button)
    assert not page.message_bar.text(), page.message_bar.text()
    x, y = page.curves.curves["train"].getData()
    assert len(x) >= 1 and np.all(np.isfinite(y))
    assert page.checkpoint_path and page.checkpoint_path in page.status_label.text()
    checkpoint = Path(page.checkpoint_path)
    assert is_complete_checkpoint(checkpoint)
    assert latest_checkpoint(checkpoint.parent) == checkpoint
    # the compare list shows the cancelled run; checking it draws its loss curve
    view = page.runs_view
    run_id = page.result.run_id
    assert run_id in view.run_ids()
    assert "cancelled" in view.item(run_id).text()
    view.set_checked(run_id)
    cx, cy = view.curves[run_id].getData()
    run = window.workspace.runs.get(run_id)
    recorded = [(s, v) for s, v in run.metrics["train_loss"]]
    assert len(recorded) >= 1 and list(cx) == [float(s) for s, _ in recorded]
    assert np.allclose(cy, [v for _, v in recorded])
    assert page.start_button.isEnabled() and page.training_box.isEnabled()


def test_static_init_checkbox_and_a_finished_run(qtbot: Any, window: MainWindow,
                                                 panel: BertPanel) -> None:
    page = panel.pretrain_page
    assert not page.static_check.isEnabled()
    assert "Static training" in page.static_check.toolTip()
    rng = np.random.default_rng(0)
    words = ["the", "of", "and", "to", "people", "government", "nation", "we", "our"]
    emb = Embeddings(words, rng.standard_normal((len(words), 16)).astype(np.float32))
    window.static_panel.embeddings_changed.emit(emb)  # as after training static vectors
    assert page.static_check.isEnabled()
    page.static_check.setChecked(True)
    tiny(page, steps=4)
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.start_button)
    assert not page.message_bar.text(), page.message_bar.text()
    text = page.summary_label.text()
    for part in ("MLM loss", "perplexity", "masked-token accuracy", "NSP accuracy"):
        assert part in text
    result = page.result
    assert result is not None and result.status == "success" and result.steps == 4
    assert str(result.final_model_dir) in text and result.final_model_dir.is_dir()
    assert "start from static vectors" in text  # the initialisation's coverage
    run = window.workspace.runs.get(result.run_id)
    assert run.params["static_vectors"] and Path(run.params["static_vectors"]).is_file()
    # the fine-tune page is offered the new model
    assert panel.finetune_page.model_edit.text() == str(result.final_model_dir)

    # "Open in Explore": the Explore tab gets the model's input word embeddings
    from safetensors.numpy import load_file

    from workbench.core.bert.tokenizer import load_tokenizer

    vocab = load_tokenizer(TOKENIZER).get_vocab()
    weights = load_file(str(result.final_model_dir / "model.safetensors"))
    matrix = weights["bert.embeddings.word_embeddings.weight"]
    assert page.explore_button.isEnabled()
    with qtbot.waitSignal(panel.embeddings_for_explore, timeout=60_000):
        click(qtbot, page.explore_button)
    assert window.tabs.currentWidget() is window.explore_panel
    emb = window.explore_panel.embeddings
    whole = {t for t in vocab if not t.startswith("##") and not (t[0] == "[" and t[-1] == "]")}
    assert emb is not None and set(emb.words) == whole
    for word in ("the", "of"):
        np.testing.assert_array_equal(emb.vector(word), matrix[vocab[word]])
    # the same from the compare list, with the ## pieces
    window.tabs.setCurrentWidget(panel)
    view = page.runs_view
    view.select(result.run_id)
    view.pieces_check.setChecked(True)
    with qtbot.waitSignal(panel.embeddings_for_explore, timeout=60_000):
        click(qtbot, view.explore_button)
    emb = window.explore_panel.embeddings
    pieces = [t for t in vocab if t.startswith("##")]
    assert pieces and set(pieces) <= set(emb.words)
    np.testing.assert_array_equal(emb.vector(pieces[0]), matrix[vocab[pieces[0]]])


def test_mask_ratio_sweep_overlays_the_runs(qtbot: Any, window: MainWindow,
                                            panel: BertPanel) -> None:
    page = panel.pretrain_page
    tiny(page, steps=3)
    page.sweep_edit.setText("0.1, 0.4")
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.sweep_button)
        assert not page.sweep_button.isEnabled()
    assert not page.message_bar.text(), page.message_bar.text()
    results = page.sweep_results
    assert [r.mask_ratio for r in results] == [0.1, 0.4]
    assert all(r.status == "success" and r.steps == 3 for r in results)
    view = page.runs_view
    ids = [r.run_id for r in results]
    assert sorted(view.checked()) == sorted(ids)
    assert page.right_tabs.currentWidget() is view
    assert view.curve_combo.currentData() == "loss"
    for run_id, ratio in zip(ids, (0.1, 0.4), strict=True):
        run = window.workspace.runs.get(run_id)
        assert run.params["mask_ratio"] == ratio and run.params["masking"]["ratio"] == ratio
        # both evaluated with BERT's 15 % masks, so the curves compare
        assert run.params["eval_masking"]["ratio"] == 0.15
        xs, ys = view.curves[run_id].getData()
        evals = run.metrics["evals"]
        assert list(xs) == [float(e["step"]) for e in evals]
        assert np.allclose(ys, [e["loss"] for e in evals])
        assert f"mask {ratio:.2f}" in view.item(run_id).text()
    assert "Sweep done (2 runs)" in page.summary_label.text()
    # a bad ratio list says what is wrong and starts nothing
    page.sweep_edit.setText("0.1, lots")
    click(qtbot, page.sweep_button)
    assert "'lots'" in page.message_bar.text() and not page.runner.is_running


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer BERT with the test tokenizer, saved as a model folder."""
    from transformers import BertForMaskedLM

    from workbench.core.bert.models import ModelSize, bert_config, save_model
    from workbench.core.bert.tokenizer import load_tokenizer

    tok = load_tokenizer(TOKENIZER)
    config = bert_config(ModelSize(2, 32, 2, 64, 128), len(tok),
                         pad_token_id=int(tok.pad_token_id))
    model = BertForMaskedLM(config)
    return save_model(model, tok, tmp_path_factory.mktemp("model") / "tiny")


def test_finetune_sst2_shows_metrics_confusion_and_mistakes(
        qtbot: Any, panel: BertPanel, tiny_model: Path, shared_data: Path) -> None:
    page = panel.finetune_page
    panel.pages.setCurrentWidget(page)
    page.set_task("classification")
    page.train_edit.setText(str(shared_data / "glue-sst2" / "train.tsv"))
    page.model_edit.setText(str(tiny_model))
    page.limit_spin.setValue(64)
    page.max_length_spin.setValue(32)
    page.batch_spin.setValue(8)
    page.epochs_spin.setValue(1.0)
    page.lr_spin.setValue(1e-3)
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.start_button)
    assert not page.message_bar.text(), page.message_bar.text()
    result = page.result
    assert result is not None
    n_eval = result.metrics["n_eval"]
    assert 1 <= n_eval < 64
    rows = {page.metrics_table.item(r, 0).text(): page.metrics_table.item(r, 1).text()
            for r in range(page.metrics_table.rowCount())}
    assert rows["Accuracy"] == f"{result.metrics['accuracy']:.4f}"
    assert "Macro-F1" in rows
    image = page.heatmap.image.image
    assert image.shape == (2, 2)
    assert image.sum() == n_eval  # every evaluation example counted once
    # independent check: the wrong predictions are the off-diagonal counts
    wrong = int(image.sum() - np.trace(image))
    assert page.wrong_table.rowCount() == wrong <= n_eval
    assert rows["Accuracy"] == f"{(n_eval - wrong) / n_eval:.4f}"
    x, _ = page.curves.curves["train"].getData()
    assert len(x) >= 1
    if wrong:
        assert page.wrong_table.item(0, 1).text() in ("0", "1")


def test_finetune_broken_file_names_the_line(qtbot: Any, panel: BertPanel,
                                             tiny_model: Path) -> None:
    page = panel.finetune_page
    panel.pages.setCurrentWidget(page)
    page.set_task("classification")
    page.train_edit.setText(str(DATA / "bert" / "ragged.tsv"))
    page.model_edit.setText(str(tiny_model))
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    with qtbot.waitSignal(page.runner.done, timeout=60_000):
        click(qtbot, page.start_button)
    text = page.message_bar.text()
    lines = (DATA / "bert" / "ragged.tsv").read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines, 1) if line.count("\t") != 1)
    assert "ragged.tsv" in text and f"Line {bad} " in text
    assert page.start_button.isEnabled() and page.params_box.isEnabled()


@pytest.mark.slow
def test_event_loop_never_stalls_during_pretraining(qtbot: Any, panel: BertPanel,
                                                    heartbeat: Callable[[Any], Any]) -> None:
    """A CPU pretraining run in the app: the GUI thread keeps beating (max gap <= 200 ms).

    Slow (~20 s).  It failed at 215-542 ms before two fixes (2026-11-24, shared
    2-core machine): full garbage collections in the worker after it imported
    transformers (``load_training_libraries`` now imports with the GC paused and
    freezes the result), and all live plots repainting in one pass per point
    (``TrainingCurves`` now redraws one plot at a time).  After: 127-148 ms.
    Run with ``-m slow -k stalls -s``.
    """
    page = panel.pretrain_page
    tiny(page, steps=40)
    page.layers_spin.setValue(4)
    page.hidden_spin.setValue(128)
    page.intermediate_spin.setValue(256)
    page.seq_len_spin.setValue(64)
    page.batch_spin.setValue(16)
    with heartbeat(page) as hb, qtbot.waitSignal(page.runner.done, timeout=300_000):
        page.start()

    assert page.result is not None and points(page.curves.curves["train"]) >= 1
    worst, at = hb.worst
    print(f"\nBERT pretraining (4 layers, hidden 128, 40 steps): {len(hb.beats)} heartbeats, "
          f"max gap {worst * 1000:.0f} ms at {at:+.2f} s")
    assert worst <= hb.MAX_STALL_S, f"the GUI thread stalled for {worst * 1000:.0f} ms"


# --------------------------------------------------------------------------- fine-tune controls
def _conll_sentences(path: Path, limit: int) -> list[list[tuple[str, str]]]:
    """``(word, tag)`` per sentence, read by hand (first and last column)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((cols[0], cols[-1]))
    if current:
        sentences.append(current)
    return sentences[:limit]


def _table(page: Any) -> dict[str, str]:
    t = page.metrics_table
    return {t.item(r, 0).text(): t.item(r, 1).text() for r in range(t.rowCount())}


def _preview(qtbot: Any, page: Any) -> None:
    with qtbot.waitSignal(page.preview_runner.done, timeout=30_000):
        page.refresh_preview()


def _finetune_settings(page: Any, model: Path) -> None:
    page.model_edit.setText(str(model))
    page.max_length_spin.setValue(48)
    page.batch_spin.setValue(8)
    page.epochs_spin.setValue(1.0)
    page.lr_spin.setValue(1e-3)
    page.warmup_spin.setValue(0.0)
    page.decay_spin.setValue(0.0)
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    page.precision_combo.setCurrentIndex(page.precision_combo.findData("fp32"))


def test_finetune_tagging_on_conll_from_the_page(qtbot: Any, window: MainWindow,
                                                 panel: BertPanel, tiny_model: Path,
                                                 shared_data: Path) -> None:
    page = panel.finetune_page
    panel.pages.setCurrentWidget(page)
    page.set_task("tagging")
    assert not page.form.isRowVisible(page.text_column_combo)
    conll = shared_data / "conll2003"
    page.train_edit.setText(str(conll / "train.txt"))
    page.eval_edit.setText(str(conll / "valid.txt"))
    page.limit_spin.setValue(32)
    _preview(qtbot, page)
    # the tag list, read by hand from the first 32 sentences
    tags = {t for s in _conll_sentences(conll / "train.txt", 32) for _, t in s}
    assert page.preview is not None and not page.preview.error
    assert set(page.preview.labels) == tags and page.preview.examples == 32
    assert f"{len(tags)} tags" in page.preview_label.text()
    _finetune_settings(page, tiny_model)
    page.seed_spin.setValue(3)
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.start_button)
    assert not page.message_bar.text(), page.message_bar.text()
    result = page.result
    rows = _table(page)
    assert "Entity F1" in rows and rows["Entity F1"] == f"{result.metrics['entity_f1']:.4f}"
    # word accuracy against the gold tags of valid.txt, counted here
    gold = _conll_sentences(conll / "valid.txt", 32)
    assert len(result.predictions) == len(gold)
    right = total = 0
    for sentence, predicted in zip(gold, result.predictions, strict=True):
        assert len(predicted) == len(sentence)
        right += sum(p == t for (_, t), p in zip(sentence, predicted, strict=True))
        total += len(sentence)
    assert rows["Word accuracy"] == f"{right / total:.4f}"
    params = window.workspace.runs.get(result.run_id).params
    assert params["seed"] == 3 and params["training"]["precision"] == "fp32"
    assert params["training"]["warmup_ratio"] == 0.0


def _squad_normalise(text: str) -> str:
    import re
    import string

    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def test_finetune_qa_on_tiny_squad_from_the_page(qtbot: Any, window: MainWindow,
                                                 panel: BertPanel, tiny_model: Path) -> None:
    import json

    page = panel.finetune_page
    panel.pages.setCurrentWidget(page)
    page.set_task("qa")
    assert page.form.isRowVisible(page.doc_stride_spin)
    squad = DATA / "bert" / "squad_v1_tiny.json"
    page.train_edit.setText(str(squad))
    page.eval_edit.setText(str(squad))
    _preview(qtbot, page)
    questions = [qa for art in json.loads(squad.read_text(encoding="utf-8"))["data"]
                 for par in art["paragraphs"] for qa in par["qas"]]
    assert page.preview.examples == len(questions)
    assert "SQuAD 1.1" in page.preview_label.text()
    _finetune_settings(page, tiny_model)
    page.max_length_spin.setValue(40)
    page.doc_stride_spin.setValue(12)
    page.patience_spin.setValue(2)
    page.eval_every_spin.setValue(1)
    with qtbot.waitSignal(page.runner.done, timeout=180_000):
        click(qtbot, page.start_button)
    assert not page.message_bar.text(), page.message_bar.text()
    result = page.result
    rows = _table(page)
    assert len(result.predictions) == len(questions)
    exact = [max(float(_squad_normalise(pred) == _squad_normalise(a["text"]))
                 for a in qa["answers"]) for qa, pred in zip(questions, result.predictions,
                                                             strict=True)]
    assert rows["Exact match"] == f"{sum(exact) / len(exact):.4f}"
    assert "F1" in rows
    params = window.workspace.runs.get(result.run_id).params
    assert params["doc_stride"] == 12 and params["max_length"] == 40
    assert params["training"]["early_stopping_patience"] == 2


def test_finetune_columns_and_a_broken_conll_file(qtbot: Any, panel: BertPanel,
                                                  tiny_model: Path, tmp_path: Path) -> None:
    page = panel.finetune_page
    panel.pages.setCurrentWidget(page)
    # a CSV with unusual column names: auto fails, the header is offered, choosing works
    page.set_task("classification")
    odd = tmp_path / "odd.csv"
    odd.write_text("id,body,stars\n1,good film,5\n2,bad film,1\n3,\"fine, really\",5\n",
                   encoding="utf-8")
    page.train_edit.setText(str(odd))
    _preview(qtbot, page)
    assert page.preview.error and "body" in page.preview_label.text()
    for combo in (page.text_column_combo, page.label_column_combo):
        assert [combo.itemText(i) for i in range(combo.count())] == ["auto", "id", "body",
                                                                    "stars"]
    page.text_column_combo.setCurrentIndex(page.text_column_combo.findData("body"))
    page.label_column_combo.setCurrentIndex(page.label_column_combo.findData("stars"))
    _preview(qtbot, page)
    assert not page.preview.error and page.preview.labels == ("1", "5")
    assert "2 labels: 1, 5" in page.preview_label.text() and page.preview.examples == 3
    page.model_edit.setText(str(tiny_model))
    request = page.request()
    assert (request.text_column, request.label_column) == ("body", "stars")
    # broken CoNLL: the preview and the run both name the line
    page.set_task("tagging")
    bad = DATA / "bert" / "conll_mismatch.txt"
    page.train_edit.setText(str(bad))
    _preview(qtbot, page)
    lines = bad.read_text(encoding="utf-8").splitlines()
    token_lines = [i for i, line in enumerate(lines, 1)
                   if line.split() and not line.startswith("-DOCSTART-")]
    width = len(lines[token_lines[0] - 1].split())
    line = next(i for i in token_lines if len(lines[i - 1].split()) != width)
    assert f"Line {line} " in page.preview_label.text()
    page.model_edit.setText(str(tiny_model))
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    with qtbot.waitSignal(page.runner.done, timeout=60_000):
        click(qtbot, page.start_button)
    assert f"Line {line} " in page.message_bar.text() and "conll_mismatch" in \
        page.message_bar.text()
