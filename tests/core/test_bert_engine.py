"""The training engine: partials, cancel, atomic checkpoints, resume, failures.

A 2-layer BERT (hidden 32) on a few hundred WikiText sentence pairs, on the
CPU.  (The test that kills a training process with SIGKILL and resumes it is
in ``test_cli_bert.py``: the process is the ``workbench bert pretrain`` CLI.)
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from tests.core.bert_fixtures import TOKENIZER, cancel_at_step
from workbench.core.bert.engine import (
    CHECKPOINT_MARKER,
    TrainingPoint,
    TrainingSettings,
    is_complete_checkpoint,
    latest_checkpoint,
    resolve_precision,
    run_training,
    select_device,
)
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.tasks import Cancelled, RecordingProgress

HERE = Path(__file__).resolve().parent
WIKI = HERE.parents[1].parent / "shared" / "data" / "wikitext-2" / "valid.txt"

# Tiny models run faster on one thread (and do not fight other jobs for cores).
pytestmark = pytest.mark.usefixtures("one_torch_thread")


# --------------------------------------------------------------------------- builders
def build_data(n_docs: int = 120, seq_len: int = 32) -> tuple[Any, Any, Any]:
    """Tokenizer, train and eval examples (deterministic; also used by the child process)."""
    from workbench.core.bert.data import build_pretraining_examples, read_documents
    from workbench.core.bert.tokenizer import load_tokenizer

    tok = load_tokenizer(TOKENIZER)
    docs = read_documents(WIKI, split_sentences=True)[:n_docs]
    ex = build_pretraining_examples(docs, tok, seq_len=seq_len, nsp=True, seed=0)
    n_eval = 24
    return tok, ex.subset(range(n_eval, len(ex))), ex.subset(range(n_eval))


def build_model(tok: Any, dropout: float = 0.1, nsp: bool = True) -> Any:
    from transformers import set_seed

    from workbench.core.bert.models import ModelSize, bert_config
    from workbench.core.bert.pretrain import pretraining_model_class

    set_seed(0)
    config = bert_config(ModelSize(2, 32, 2, 64, 64), len(tok), hidden_dropout_prob=dropout,
                         attention_probs_dropout_prob=dropout)
    return pretraining_model_class(nsp)._from_config(config, attn_implementation="sdpa")


def train(tok: Any, train_set: Any, eval_set: Any, out: Path, progress: Any = None,
          callbacks: tuple = (), resume: bool = True, tag: str = "", **settings: Any) -> Any:
    from workbench.core.bert.data import MaskingSettings, MlmCollator
    from workbench.core.bert.pretrain import mlm_compute_metrics, mlm_metrics_preprocess
    from workbench.core.tasks import NULL_PROGRESS

    values = {"max_steps": 12, "batch_size": 8, "learning_rate": 2e-3, "device": "cpu",
              "log_every": 2, "warmup_ratio": 0.1}
    values.update(settings)
    return run_training(
        build_model(tok), train_set, eval_set, MlmCollator(tok, MaskingSettings(), seed=0),
        TrainingSettings(**values), out, progress=progress or NULL_PROGRESS,
        compute_metrics=mlm_compute_metrics, resume=resume, callbacks=callbacks, tokenizer=tok,
        preprocess_logits_for_metrics=mlm_metrics_preprocess,
        eval_data_collator=MlmCollator(tok, MaskingSettings(), seed=99), tag=tag)


@pytest.fixture(scope="module")
def data() -> tuple[Any, Any, Any]:
    return build_data()


def _weights(folder: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    return load_file(str(folder / "model.safetensors"))


def _raiser(step: int, exc: BaseException) -> Any:
    from transformers import TrainerCallback

    class Boom(TrainerCallback):
        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            if state.global_step == step:
                raise exc

    return Boom()


# --------------------------------------------------------------------------- settings
def test_device_and_precision_choice() -> None:
    import torch

    assert select_device("cpu") == "cpu"
    if torch.cuda.is_available():
        assert select_device("auto") == "cuda"
        assert resolve_precision("auto", "cuda") in ("bf16", "fp16")
    else:
        assert select_device("auto") in ("mps", "cpu")
        with pytest.raises(ParameterError, match="no CUDA GPU"):
            select_device("cuda")
    assert resolve_precision("auto", "cpu") == "fp32"
    with pytest.raises(ParameterError, match="fp16 needs a GPU"):
        resolve_precision("fp16", "cpu")
    with pytest.raises(ParameterError, match="Unknown device"):
        select_device("tpu")


def test_settings_are_checked() -> None:
    with pytest.raises(ParameterError, match="batch_size"):
        TrainingSettings(batch_size=0)
    with pytest.raises(ParameterError, match="schedule"):
        TrainingSettings(lr_schedule="triangle")
    with pytest.raises(ParameterError, match="Unknown training setting"):
        TrainingSettings.from_dict({"batch": 3})
    s = TrainingSettings(max_steps=5, grad_accum=2)
    assert TrainingSettings.from_dict(s.to_dict()) == s


# --------------------------------------------------------------------------- a run
def test_partials_progress_and_outcome(data: Any, tmp_path: Path) -> None:
    tok, train_set, eval_set = data
    progress = RecordingProgress()
    outcome = train(tok, train_set, eval_set, tmp_path / "run", progress, eval_every=6,
                    save_every=6, tag="t1")
    assert outcome.status == "success" and outcome.steps == 12
    points = [p for p in progress.partials if isinstance(p, TrainingPoint)]
    train_pts = [p for p in points if p.loss is not None]
    eval_pts = [p for p in points if p.eval]
    assert len(train_pts) >= 6                                # log_every=2 over 12 steps
    assert [p.step for p in train_pts] == sorted({p.step for p in train_pts})
    for p in train_pts:
        assert math.isfinite(p.loss) and p.loss > 0
        assert p.lr is not None and 0 <= p.lr <= 2e-3
        assert p.grad_norm is not None and p.grad_norm > 0
        assert p.tokens_per_s is not None and p.tokens_per_s > 0
        assert p.gpu_mem_mb is None                           # CPU
        assert p.max_steps == 12 and p.tag == "t1" and 0 < p.epoch
    assert [p.step for p in eval_pts] == [6, 12]
    for p in eval_pts:
        assert p.loss is None
        assert {"loss", "mlm_loss", "perplexity", "mlm_accuracy", "nsp_accuracy"} <= set(p.eval)
        assert p.eval["perplexity"] == pytest.approx(math.exp(p.eval["mlm_loss"]))
        assert 0 <= p.eval["mlm_accuracy"] <= 1 and 0 <= p.eval["nsp_accuracy"] <= 1
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("ETA" in m for _, m in progress.reports)
    # Outputs: complete checkpoints at 6 and 12, and a loadable final model.
    assert [c.name for c in sorted(outcome.output_dir.glob("checkpoint-*"))] == [
        "checkpoint-12", "checkpoint-6"]
    assert outcome.last_checkpoint == outcome.output_dir / "checkpoint-12"
    assert (outcome.last_checkpoint / CHECKPOINT_MARKER).is_file()
    from transformers import BertForPreTraining

    model = BertForPreTraining.from_pretrained(str(outcome.final_model_dir))
    assert type(model) is BertForPreTraining
    assert outcome.metrics["eval_step"] == 12 and "eval_mlm_accuracy" in outcome.metrics
    assert not (outcome.output_dir / ".staging").exists()


def test_cancel_checkpoints_then_resume_continues(data: Any, tmp_path: Path) -> None:
    tok, train_set, eval_set = data
    out = tmp_path / "run"
    progress = cancel_at_step(3)                 # cancelled while step 3 is being logged ...
    with pytest.raises(Cancelled) as stop:
        train(tok, train_set, eval_set, out, progress, max_steps=10, log_every=1)
    outcome = stop.value.result
    assert outcome.status == "cancelled" and outcome.final_model_dir is None
    assert outcome.steps == 4                    # ... so the run stops after step 4
    assert outcome.last_checkpoint == out / f"checkpoint-{outcome.steps}"
    assert is_complete_checkpoint(outcome.last_checkpoint)
    # A torn checkpoint and a staging folder (as a kill would leave them) are ignored.
    torn = out / "checkpoint-9"
    torn.mkdir()
    (torn / "config.json").write_text("{}")
    (out / ".staging" / "checkpoint-9").mkdir(parents=True)
    assert latest_checkpoint(out) == outcome.last_checkpoint
    resumed = train(tok, train_set, eval_set, out, max_steps=10, save_every=5)
    assert resumed.resumed_from == outcome.last_checkpoint
    assert resumed.steps == 10
    logged = [h["step"] for h in resumed.history if "loss" in h]   # the history goes on
    assert logged == sorted(set(logged)) and logged[0] <= 2 and logged[-1] == 10
    assert not (out / ".staging").exists()


# --------------------------------------------------------------------------- failures
def test_failure_keeps_a_checkpoint_and_says_what_happened(data: Any, tmp_path: Path) -> None:
    tok, train_set, eval_set = data
    out = tmp_path / "boom"
    with pytest.raises(WorkbenchError, match="failed at step 3") as err:
        train(tok, train_set, eval_set, out, callbacks=(_raiser(3, RuntimeError("boom")),))
    assert "checkpoint" in str(err.value) and isinstance(err.value.__cause__, RuntimeError)
    assert is_complete_checkpoint(out / "checkpoint-3")


def test_out_of_memory_suggests_a_smaller_batch(data: Any, tmp_path: Path) -> None:
    import torch

    tok, train_set, eval_set = data
    out = tmp_path / "oom"
    oom = torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
    with pytest.raises(WorkbenchError) as err:
        train(tok, train_set, eval_set, out, callbacks=(_raiser(2, oom),), batch_size=8)
    message = str(err.value)
    assert "ran out of memory at step 2" in message and "smaller batch size (e.g. 4" in message
    assert str(out / "checkpoint-2") in message
    assert is_complete_checkpoint(out / "checkpoint-2")


def test_too_little_data_is_refused_before_training(data: Any, tmp_path: Path) -> None:
    tok, train_set, eval_set = data
    with pytest.raises(ParameterError, match="fewer than one batch of 8"):
        train(tok, train_set.subset(range(5)), eval_set, tmp_path / "small")
    assert not list((tmp_path / "small").glob("checkpoint-*"))


def test_existing_checkpoints_need_resume(data: Any, tmp_path: Path) -> None:
    tok, train_set, _eval_set = data
    out = tmp_path / "run"
    first = train(tok, train_set, None, out, max_steps=2, save_every=2)
    with pytest.raises(ParameterError, match="already holds checkpoints"):
        train(tok, train_set, None, out, max_steps=4, resume=False)
    # Running a finished run again trains nothing more (the Trainer alone would add a step).
    before = _weights(first.final_model_dir)
    again = train(tok, train_set, None, out, max_steps=2, save_every=2)
    assert again.steps == 2 and again.resumed_from == out / "checkpoint-2"
    after = _weights(again.final_model_dir)
    assert all(bool((before[k] == after[k]).all()) for k in before)


def test_early_stopping_stops_after_patience(data: Any, tmp_path: Path) -> None:
    tok, train_set, eval_set = data
    from workbench.core.bert.data import MaskingSettings, MlmCollator

    outcome = run_training(
        build_model(tok), train_set, eval_set, MlmCollator(tok, MaskingSettings(), seed=0),
        TrainingSettings(max_steps=40, batch_size=8, device="cpu", eval_every=2,
                         early_stopping_patience=1, metric_for_best="score",
                         greater_is_better=True),
        tmp_path / "es", compute_metrics=lambda _pred: {"score": 1.0})
    assert outcome.steps == 4              # best at the 1st evaluation, no gain at the 2nd


def test_gradient_accumulation_averages_micro_batches(tmp_path: Path) -> None:
    """One step of 2 x 4 examples must give the same gradient as one step of 8."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, set_seed

    gen = torch.Generator().manual_seed(0)
    rows = [{"input_ids": torch.randint(5, 100, (12,), generator=gen),
             "attention_mask": torch.ones(12, dtype=torch.long),
             "labels": torch.tensor(i % 2)} for i in range(16)]

    def first_grad_norm(batch: int, accum: int, name: str) -> float:
        set_seed(0)
        config = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=1,
                            num_attention_heads=2, intermediate_size=64,
                            hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
        model = BertForSequenceClassification(config)
        out = run_training(model, rows, None, None,
                           TrainingSettings(max_steps=1, batch_size=batch, grad_accum=accum,
                                            device="cpu", log_every=1), tmp_path / name,
                           save_final=False)
        return next(h["grad_norm"] for h in out.history if "grad_norm" in h)

    whole = first_grad_norm(8, 1, "whole")
    accumulated = first_grad_norm(4, 2, "accum")
    assert accumulated == pytest.approx(whole, rel=1e-5)
