"""The pretraining job: loss goes down, evaluation metrics, records, cancel/resume, sweeps.

Tiny BERTs (2 layers, hidden 32-64) on slices of WikiText-2, on the CPU.
The evaluation metrics are checked against a plain ``BertForPreTraining``
forward (the dense head and transformers' own loss) on the same masks.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.core.bert_fixtures import TOKENIZER, cancel_at_step, wiki_corpus
from workbench.core.bert.data import MaskingSettings, MlmCollator
from workbench.core.bert.engine import TrainingPoint, TrainingSettings
from workbench.core.bert.pretrain import (
    EVAL_MASK_SEED_OFFSET,
    RUN_KIND,
    PretrainRequest,
    launch_command,
    prepare_pretraining_data,
    pretrain,
    pretrain_sweep,
)
from workbench.core.errors import ParameterError
from workbench.core.tasks import Cancelled, RecordingProgress
from workbench.core.workspace import Workspace

# Tiny models run faster on one thread (and do not fight other jobs for cores).
pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 120 WikiText paragraphs (blank-line separated, one paragraph per line)."""
    return wiki_corpus(shared_data, tmp_path_factory.mktemp("corpus"), 260)


def _request(corpus: Path, out: Path | None = None, **changes: Any) -> PretrainRequest:
    training = {"max_steps": 6, "batch_size": 8, "device": "cpu", "log_every": 2,
                "learning_rate": 2e-3}
    training.update(changes.pop("training", {}))
    values: dict[str, Any] = {
        "corpus": str(corpus), "tokenizer": str(TOKENIZER), "size": "tiny", "layers": 2,
        "hidden": 32, "heads": 2, "intermediate": 64, "seq_len": 32, "split_sentences": True,
        "eval_fraction": 0.15, "output_dir": str(out) if out else None,
        "training": TrainingSettings(**training)}
    values.update(changes)
    return PretrainRequest(**values)


# --------------------------------------------------------------------------- learning
def test_loss_decreases_on_a_repeated_corpus(shared_data: Path, tmp_path: Path) -> None:
    lines = [s for s in (shared_data / "wikitext-2" / "valid.txt").read_text(
        encoding="utf-8").splitlines() if len(s.split()) > 20][:6]
    path = tmp_path / "repeated.txt"
    path.write_text("\n\n".join(lines * 12) + "\n", encoding="utf-8")
    request = _request(path, hidden=64, intermediate=128, eval_fraction=0.0, training={
        "max_steps": 60, "batch_size": 16, "learning_rate": 3e-3, "log_every": 1,
        "warmup_ratio": 0.1})
    result = pretrain(request)
    losses = [h["loss"] for h in result.history if "loss" in h]
    assert len(losses) >= 55
    assert np.mean(losses[-5:]) < np.mean(losses[:5]) - 1.0, losses


def test_evaluation_metrics_match_a_plain_forward(corpus: Path, tmp_path: Path) -> None:
    import torch
    from torch.nn import functional as F
    from transformers import BertForPreTraining

    request = _request(corpus, tmp_path / "run", training={"eval_every": 3})
    progress = RecordingProgress()
    result = pretrain(request, progress=progress)
    assert result.status == "success" and result.steps == 6
    assert [e["step"] for e in result.evals] == [3, 6]
    evals = [p for p in progress.partials if isinstance(p, TrainingPoint) and p.eval]
    assert [p.step for p in evals] == [3, 6]

    data = prepare_pretraining_data(request)
    assert result.eval_examples == len(data.eval) > 0
    collator = MlmCollator(data.tokenizer, request.masking,
                           seed=request.seed + EVAL_MASK_SEED_OFFSET)
    model = BertForPreTraining.from_pretrained(str(result.final_model_dir)).eval()
    nll = correct = count = nsp_correct = nsp_count = 0.0
    with torch.no_grad():
        for start in range(0, len(data.eval), 5):             # another batch size on purpose
            batch = collator([data.eval[i] for i in range(start,
                                                           min(start + 5, len(data.eval)))])
            out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                        token_type_ids=batch["token_type_ids"])
            sel = batch["labels"] != -100
            logits = out.prediction_logits[sel]
            nll += float(F.cross_entropy(logits, batch["labels"][sel], reduction="sum"))
            correct += float((logits.argmax(-1) == batch["labels"][sel]).sum())
            count += float(sel.sum())
            nsp = out.seq_relationship_logits.argmax(-1)
            nsp_correct += float((nsp == batch["next_sentence_label"]).sum())
            nsp_count += len(nsp)
    m = result.metrics
    assert m["eval_masked_tokens"] == count
    assert m["eval_mlm_loss"] == pytest.approx(nll / count, rel=1e-4)
    assert m["eval_perplexity"] == pytest.approx(math.exp(nll / count), rel=1e-3)
    assert m["eval_mlm_accuracy"] == pytest.approx(correct / count, abs=1e-9)
    assert m["eval_nsp_accuracy"] == pytest.approx(nsp_correct / nsp_count, abs=1e-9)


# --------------------------------------------------------------------------- bad input
def test_too_small_corpus_is_refused_before_anything_starts(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("One short line.\n\nAnother one here.\n\nAnd a third.\n", encoding="utf-8")
    ws = Workspace(tmp_path / "ws")
    with pytest.raises(ParameterError, match="fewer than one batch of 8") as err:
        pretrain(_request(path, tmp_path / "out", eval_fraction=0.0), ws)
    assert "tiny.txt" in str(err.value)
    assert ws.runs.list() == []                                    # nothing recorded
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- records
def test_cancelled_run_is_recorded_and_resumes(corpus: Path, tmp_path: Path) -> None:
    from workbench.core.corpus.reader import Corpus

    ws = Workspace(tmp_path / "ws")
    request = _request(corpus, tmp_path / "out", training={"max_steps": 10})
    with pytest.raises(Cancelled) as stop:
        pretrain(request, ws, cancel_at_step(3))
    cancelled = stop.value.result
    assert cancelled.status == "cancelled" and 3 <= cancelled.steps < 10
    assert cancelled.last_checkpoint == tmp_path / "out" / f"checkpoint-{cancelled.steps}"
    record = ws.runs.get(cancelled.run_id)
    assert record.kind == RUN_KIND and record.status == "cancelled"
    assert record.outputs["last_checkpoint"] == str(cancelled.last_checkpoint)
    assert record.input_fingerprint == Corpus.open(corpus).fingerprint()

    done = pretrain(request, ws)                                   # same folder: resumes
    assert done.steps == 10 and done.status == "success"
    record = ws.runs.get(done.run_id)
    assert record.status == "success" and done.run_id != cancelled.run_id
    assert record.params["mask_ratio"] == 0.15
    assert record.params["training"]["max_steps"] == 10
    assert record.outputs["final_model"] == str(tmp_path / "out" / "final")
    assert record.metrics["evals"] and record.metrics["evals"][-1]["step"] == 10
    assert {"mlm_loss", "perplexity", "mlm_accuracy", "nsp_accuracy"} <= set(
        record.metrics["evals"][-1])
    assert record.metrics["train_loss"][-1][0] == 10


def test_sweep_records_each_ratio_with_comparable_evaluations(corpus: Path,
                                                              tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = _request(corpus, tokenizer=None, vocab_size=600, training={"max_steps": 3})
    progress = RecordingProgress()
    results = pretrain_sweep([0.1, 0.4], request, ws, progress)
    assert [r.mask_ratio for r in results] == [0.1, 0.4]
    records = sorted(ws.runs.list(kind=RUN_KIND), key=lambda r: r.id)
    assert [r.params["mask_ratio"] for r in records] == [0.1, 0.4]
    assert all(r.status == "success" for r in records)
    # The same evaluation masks for both runs: their eval curves can be overlaid.
    assert results[0].metrics["eval_masked_tokens"] == results[1].metrics["eval_masked_tokens"]
    assert abs(results[0].masking_stats["selected"] - 0.1) < 0.03
    assert abs(results[1].masking_stats["selected"] - 0.4) < 0.05
    tags = {p.tag for p in progress.partials if isinstance(p, TrainingPoint)}
    assert tags == {"mask 0.10", "mask 0.40"}
    # The WordPiece tokenizer was trained once, into the workspace cache.
    assert len(list((ws.cache_dir / "wordpiece").iterdir())) == 1
    assert results[0].tokenizer_dir == results[1].tokenizer_dir


# --------------------------------------------------------------------------- models
def test_static_vectors_stay_fixed_while_frozen(corpus: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    from workbench.core.bert.tokenizer import load_tokenizer

    tok = load_tokenizer(TOKENIZER)
    words = [w for w in ("the", "of", "and", "in", "to", "was", "a", "he", "for", "on")
             if w in tok.get_vocab()]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(words), 8)).astype(np.float32)
    vec_file = tmp_path / "vectors.txt"
    vec_file.write_text(f"{len(words)} 8\n" + "".join(
        w + " " + " ".join(f"{x:.6f}" for x in v) + "\n" for w, v in zip(words, vectors)),
        encoding="utf-8")
    request = _request(corpus, tmp_path / "out", static_vectors=str(vec_file), freeze_steps=6,
                       eval_fraction=0.0)
    result = pretrain(request)
    emb = load_file(str(result.final_model_dir / "model.safetensors"))[
        "bert.embeddings.word_embeddings.weight"].numpy()
    centred = vectors - vectors.mean(axis=0)
    for w, v in zip(words, centred):
        row = emb[tok.convert_tokens_to_ids(w)]
        assert np.allclose(row[8:], 0.0)                 # zero-padded from 8 to 32 dims ...
        assert np.allclose(row[:8] / v, (row[:8] / v)[0], rtol=1e-4)   # ... and only scaled


def test_continue_from_a_model_folder(corpus: Path, tmp_path: Path) -> None:
    first = pretrain(_request(corpus, tmp_path / "a", eval_fraction=0.0,
                              training={"max_steps": 2}))
    again = pretrain(_request(corpus, tmp_path / "b", tokenizer=None,
                              model=str(first.final_model_dir), eval_fraction=0.0,
                              training={"max_steps": 2}))
    assert again.steps == 2 and again.tokenizer_dir == first.final_model_dir
    with pytest.raises(ParameterError, match="longer than the model's"):
        pretrain(_request(corpus, tmp_path / "c", model=str(first.final_model_dir),
                          seq_len=600, eval_fraction=0.0))


# --------------------------------------------------------------------------- configs
def test_request_json_round_trip_and_errors(tmp_path: Path) -> None:
    request = PretrainRequest(corpus="texts/wiki.txt", masking=MaskingSettings(ratio=0.3),
                              training=TrainingSettings(max_steps=7, batch_size=4),
                              output_dir="out", nsp=False)
    again = PretrainRequest.from_json(request.to_json())
    assert again == request
    path = request.save(tmp_path / "cfg" / "run.json")
    loaded = PretrainRequest.load(path)
    assert loaded.corpus == str(tmp_path / "cfg" / "texts" / "wiki.txt")
    assert loaded.output_dir == str(tmp_path / "cfg" / "out")
    assert loaded.masking.ratio == 0.3 and loaded.training.max_steps == 7
    with pytest.raises(ParameterError, match="Unknown pretraining setting mask_ratio"):
        PretrainRequest.from_dict({"corpus": "x", "mask_ratio": 0.2})
    with pytest.raises(ParameterError, match="Unknown masking setting"):
        PretrainRequest.from_dict({"corpus": "x", "masking": {"ratios": 0.2}})
    with pytest.raises(ParameterError, match="line 1"):
        PretrainRequest.from_json("{corpus: x}")
    with pytest.raises(ParameterError, match="Unknown model size"):
        PretrainRequest(corpus="x", size="huge")
    assert launch_command(Path("my runs/run.json"), 4) == (
        "torchrun --standalone --nproc_per_node=4 -m workbench.cli bert pretrain "
        "--config 'my runs/run.json'")
