"""The fine-tuning job end to end on tiny slices with a tiny BERT (2 layers, hidden 64)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.core.bert_fixtures import FINETUNE_DATA as DATA
from tests.core.bert_fixtures import finetune_texts, plain_conll, wordpiece_tokenizer
from workbench.core.bert.finetune import FinetuneRequest, FinetuneResult, finetune
from workbench.core.bert.metrics import entity_scores
from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.tasks import Cancelled, RecordingProgress
from workbench.core.workspace import Workspace

# A 2-layer, 64-wide model: one torch thread (see ``one_torch_thread``).
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _build_tiny_model(texts: list[str], folder: Path) -> Path:
    """WordPiece tokenizer (``tokenizers``) + 2-layer BERT saved with ``save_pretrained``."""
    import torch
    from transformers import BertConfig, BertForMaskedLM

    fast = wordpiece_tokenizer(texts, vocab_size=1000)
    config = BertConfig(vocab_size=fast.backend_tokenizer.get_vocab_size(), hidden_size=64,
                        num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
                        max_position_embeddings=128)
    torch.manual_seed(0)
    BertForMaskedLM(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    texts = finetune_texts(shared_data, sst2=1500, rte=300, conll=4000)
    model = _build_tiny_model(texts, tmp_path_factory.mktemp("tiny-bert"))
    assert (model / "model.safetensors").is_file()
    return model


def _quick(**training: Any) -> Any:
    from workbench.core.bert.engine import TrainingSettings

    settings = {"max_steps": 4, "batch_size": 8, "learning_rate": 1e-3, "warmup_ratio": 0.0,
                "device": "cpu", "log_every": 1}
    settings.update(training)
    return TrainingSettings(**settings)


def _tsv_slice(src: Path, start: int, n: int, out: Path) -> list[list[str]]:
    """Copy the header and rows [start, start+n) of a TSV; return those rows (plain split)."""
    lines = src.read_text(encoding="utf-8-sig").splitlines()
    rows = lines[1 + start:1 + start + n]
    out.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return [r.split("\t") for r in rows]


def _check_classification(result: FinetuneResult, gold: list[str]) -> None:
    from sklearn.metrics import confusion_matrix as sk_confusion

    pred = list(result.predictions)
    assert len(pred) == len(gold) == result.metrics["n_eval"]
    assert set(pred) <= set(result.labels)
    assert result.metrics["accuracy"] == pytest.approx(sum(p == g for p, g in zip(pred, gold))
                                                      / len(gold))
    assert 0.0 <= result.metrics["macro_f1"] <= 1.0
    assert result.confusion is not None and result.confusion.labels == result.labels
    assert result.confusion.counts.tolist() == \
        sk_confusion(gold, pred, labels=list(result.labels)).tolist()
    wrong = result.wrong_predictions
    assert len(wrong) == sum(p != g for p, g in zip(pred, gold))
    for row in wrong:
        assert row.gold == gold[row.index] and row.predicted == pred[row.index]
        assert 1.0 / len(result.labels) - 1e-6 <= row.confidence <= 1.0
    assert [r.confidence for r in wrong] == sorted((r.confidence for r in wrong), reverse=True)


def test_sequence_classification_end_to_end(tiny_model: Path, shared_data: Path,
                                            tmp_path: Path) -> None:
    sst2 = shared_data / "glue-sst2" / "train.tsv"
    gold_rows = _tsv_slice(sst2, 5000, 40, tmp_path / "dev.tsv")
    ws = Workspace(tmp_path / "ws")
    request = FinetuneRequest("classification", str(sst2), str(tmp_path / "dev.tsv"),
                              str(tiny_model), max_length=32, limit=64, training=_quick())
    progress = RecordingProgress()
    result = finetune(request, ws, progress)
    _check_classification(result, [r[1] for r in gold_rows])
    assert result.labels == ("0", "1") and result.metrics["n_train"] == 64
    assert result.metrics["train_steps"] == 4
    assert progress.reports[-1][0] == 1.0
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions)
    # recorded, saved, and the saved model carries the label names
    run = ws.runs.get(result.run_id)
    assert run.status == "success" and run.kind == "finetune"
    assert run.params["task"] == "classification" and run.metrics["accuracy"] == \
        result.metrics["accuracy"]
    assert Path(run.outputs["model"]) == result.model_dir == ws.run_dir(run.id) / "model"
    config = json.loads((result.model_dir / "config.json").read_text())
    assert config["id2label"] == {"0": "0", "1": "1"}
    summary = json.loads((result.output_dir / "finetune.json").read_text())
    assert summary["metrics"]["accuracy"] == result.metrics["accuracy"]
    assert len(summary["predictions"]) == 40
    # Independent reference: the saved model, one example at a time, no padding.
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(result.model_dir)
    ref = AutoModelForSequenceClassification.from_pretrained(result.model_dir).eval()
    with torch.no_grad():
        for row, predicted in zip(gold_rows, result.predictions):
            enc = tok(row[0].strip(), truncation=True, max_length=32, return_tensors="pt")
            probs = ref(**enc).logits.softmax(-1)[0]
            if abs(float(probs[0] - probs[1])) > 1e-4:
                assert ref.config.id2label[int(probs.argmax())] == predicted


def test_pair_classification_rte_end_to_end(tiny_model: Path, shared_data: Path,
                                            tmp_path: Path) -> None:
    dev = shared_data / "glue-rte" / "dev.tsv"
    gold_rows = _tsv_slice(dev, 0, 32, tmp_path / "dev.tsv")
    request = FinetuneRequest("pair-classification", str(shared_data / "glue-rte" / "train.tsv"),
                              str(tmp_path / "dev.tsv"), str(tiny_model), max_length=64,
                              limit=64, training=_quick(), output_dir=str(tmp_path / "out"))
    result = finetune(request)
    assert result.run_id is None and result.output_dir == tmp_path / "out"
    assert result.labels == ("entailment", "not_entailment")
    _check_classification(result, [r[3] for r in gold_rows])
    for row in result.wrong_predictions:
        assert " ||| " in row.text  # both sentences are shown


def test_mrpc_with_held_out_split(tiny_model: Path, shared_data: Path) -> None:
    request = FinetuneRequest("pair-classification", str(shared_data / "glue-mrpc" / "train.tsv"),
                              None, str(tiny_model), max_length=48, limit=64,
                              eval_fraction=0.25, training=_quick(max_steps=2))
    result = finetune(request)
    assert result.metrics["n_train"] == 48 and result.metrics["n_eval"] == 16
    assert int(result.confusion.counts.sum()) == 16
    assert 0.0 <= result.metrics["accuracy"] <= 1.0


def test_token_tagging_conll_end_to_end(tiny_model: Path, shared_data: Path) -> None:
    valid = shared_data / "conll2003" / "valid.txt"
    request = FinetuneRequest("tagging", str(shared_data / "conll2003" / "train.txt"),
                              str(valid), str(tiny_model), max_length=64, limit=48,
                              training=_quick())
    result = finetune(request)
    plain = [[(cols[0], cols[-1]) for cols in s] for s in plain_conll(valid, 48)]
    gold = [[t for _, t in s] for s in plain]
    pred = [list(p) for p in result.predictions]
    assert [len(p) for p in pred] == [len(g) for g in gold]  # one tag per word
    words = sum(len(g) for g in gold)
    right = sum(p == g for ps, gs in zip(pred, gold) for p, g in zip(ps, gs))
    assert result.metrics["word_accuracy"] == pytest.approx(right / words)
    ent = entity_scores(gold, pred)
    assert result.metrics["entity_f1"] == pytest.approx(ent.f1)
    assert 0.0 <= result.metrics["entity_precision"] <= 1.0
    assert result.labels[0] == "O" and result.confusion is not None
    assert int(result.confusion.counts.sum()) == words
    assert len(result.wrong_predictions) == sum(p != g for p, g in zip(pred, gold))
    for row in result.wrong_predictions:
        assert row.text == " ".join(w for w, _ in plain[row.index])
    # Independent reference: the saved model per sentence, tag of each word's first piece.
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(result.model_dir)
    ref = AutoModelForTokenClassification.from_pretrained(result.model_dir).eval()
    with torch.no_grad():
        for sentence, predicted in zip(plain[:12], pred):
            enc = tok([w for w, _ in sentence], is_split_into_words=True, truncation=True,
                      max_length=64, return_tensors="pt")
            probs = ref(**enc).logits.softmax(-1)[0]
            first: dict[int, int] = {}
            for pos, w in enumerate(enc.word_ids()):
                if w is not None and w not in first:
                    first[w] = pos
            for w, tag in enumerate(predicted):
                if w not in first:
                    assert tag == "O"
                    continue
                top2 = probs[first[w]].topk(2).values
                if float(top2[0] - top2[1]) > 1e-4:
                    assert ref.config.id2label[int(probs[first[w]].argmax())] == tag


def test_extractive_qa_end_to_end(tiny_model: Path) -> None:
    squad = DATA / "squad_v2_tiny.json"
    request = FinetuneRequest("qa", str(squad), str(squad), str(tiny_model), max_length=64,
                              doc_stride=16, max_answer_length=10, training=_quick())
    result = finetune(request)
    m = result.metrics
    assert 0.0 <= m["exact_match"] <= m["f1"] <= 1.0
    assert m["n_eval"] == 10 and "no_answer_f1" in m and result.confusion is None
    doc = json.loads(squad.read_text())
    contexts = [p["context"] for a in doc["data"] for p in a["paragraphs"] for _ in p["qas"]]
    assert len(result.predictions) == 10
    for text, context in zip(result.predictions, contexts):
        assert text in context  # a span of its own context (or "" = no answer)
    assert all(0.0 <= r.confidence <= 1.0 for r in result.wrong_predictions)


def test_qa_learns_its_training_questions(tiny_model: Path) -> None:
    """Overfitting 8 questions checks answer-span labels and post-processing together."""
    squad = DATA / "squad_v1_tiny.json"
    request = FinetuneRequest("qa", str(squad), str(squad), str(tiny_model), max_length=64,
                              doc_stride=16, max_answer_length=10,
                              training=_quick(max_steps=100, learning_rate=3e-3, log_every=20))
    result = finetune(request)
    assert result.metrics["exact_match"] >= 0.5 and result.metrics["f1"] >= 0.6
    assert result.metrics["last_loss"] < 1.0


@pytest.mark.parametrize("task", ["classification", "tagging", "qa"])
def test_periodic_evaluation_streams_task_metrics(task: str, tiny_model: Path,
                                                  shared_data: Path) -> None:
    from workbench.core.bert.engine import TrainingPoint

    train = {"classification": shared_data / "glue-sst2" / "train.tsv",
             "tagging": shared_data / "conll2003" / "train.txt",
             "qa": DATA / "squad_v2_tiny.json"}[task]
    request = FinetuneRequest(task, str(train), None, str(tiny_model), max_length=64,
                              doc_stride=16, limit=None if task == "qa" else 40,
                              eval_fraction=0.5, training=_quick(max_steps=2, eval_every=1,
                                                                 batch_size=4))
    progress = RecordingProgress()
    result = finetune(request, progress=progress)
    evals = [p.eval for p in progress.partials if isinstance(p, TrainingPoint) and p.eval]
    assert len(evals) == 2 and all("loss" in e for e in evals)
    key = {"classification": "accuracy", "tagging": "entity_f1", "qa": "loss"}[task]
    assert all(key in e for e in evals)
    assert "eval_loss" in result.metrics
    m = result.metrics
    if task != "qa":  # the engine's last evaluation saw the same model and examples
        assert evals[-1][key] == pytest.approx(m[key], abs=1.5 / m["n_eval"])
    assert m["n_train"] + m["n_eval"] == (10 if task == "qa" else 40)
    if task == "qa":  # whole contexts are held out: 4 + 6 questions
        assert sorted((m["n_train"], m["n_eval"])) == [4, 6]
    else:
        assert m["n_eval"] == 20


def test_bad_eval_labels_fail_the_run_with_file_and_line(tiny_model: Path, shared_data: Path,
                                                         tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = FinetuneRequest("pair-classification",
                              str(shared_data / "glue-rte" / "train.tsv"),
                              str(DATA / "unknown_label.tsv"), str(tiny_model), limit=16,
                              training=_quick())
    with pytest.raises(CorpusError) as err:
        finetune(request, ws)
    assert "Line 4 of" in str(err.value) and "unknown_label.tsv" in str(err.value)
    assert "training file train.tsv" in str(err.value)
    (run,) = ws.runs.list()
    assert run.status == "failed" and "Line 4" in run.message
    with pytest.raises(CorpusError, match="Line 8 of .*conll_mismatch.txt"):
        finetune(FinetuneRequest("tagging", str(DATA / "conll_mismatch.txt"), None,
                                 str(tiny_model), training=_quick()))


def test_cancel_keeps_a_checkpoint_and_records_cancelled(tiny_model: Path, shared_data: Path,
                                                         tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = FinetuneRequest("classification", str(shared_data / "glue-sst2" / "train.tsv"),
                              None, str(tiny_model), max_length=32, limit=64,
                              training=_quick(max_steps=50))
    progress = RecordingProgress(cancel_after=4)
    with pytest.raises(Cancelled) as stop:
        finetune(request, ws, progress)
    partial = stop.value.result
    assert isinstance(partial, FinetuneResult) and partial.model_dir is None
    assert partial.training is not None and partial.training.steps < 50
    assert partial.training.last_checkpoint is not None
    assert Path(partial.training.last_checkpoint).is_dir()
    (run,) = ws.runs.list()
    assert run.status == "cancelled" and "checkpoint" in run.outputs


def test_request_json_round_trip_and_validation(tiny_model: Path) -> None:
    request = FinetuneRequest("tagging", "train.txt", "valid.txt", str(tiny_model),
                              labels=("O", "B-PER", "I-PER"), tag_scheme="IOB1",
                              training=_quick(max_steps=7))
    back = FinetuneRequest.from_json(request.to_json())
    assert back == request and back.training.max_steps == 7 and back.labels == request.labels
    with pytest.raises(ParameterError, match="Unknown fine-tuning task"):
        FinetuneRequest("summarise", "a", None, "m")
    with pytest.raises(ParameterError, match="model folder"):
        FinetuneRequest("qa", "a.json")
    with pytest.raises(ParameterError, match="document stride"):
        FinetuneRequest("qa", "a.json", None, "m", max_length=64, doc_stride=64)
    with pytest.raises(ParameterError, match="Unknown fine-tuning settings: colour"):
        FinetuneRequest.from_dict({**request.to_dict(), "colour": "red"})
    with pytest.raises(WorkbenchError, match="does not exist"):
        finetune(FinetuneRequest("qa", "/nonexistent.json", None, str(tiny_model)))
    with pytest.raises(ParameterError, match="longer than the model's 128 positions"):
        finetune(FinetuneRequest("qa", str(DATA / "squad_v1_tiny.json"), None,
                                 str(tiny_model), max_length=256))


def test_labels_found_in_train_only_are_counted(shared_data: Path) -> None:
    # The RTE slice used above is balanced enough that both labels occur in 64 rows.
    rows = (shared_data / "glue-rte" / "train.tsv").read_text().splitlines()[1:65]
    assert set(Counter(r.split("\t")[3] for r in rows)) == {"entailment", "not_entailment"}
