"""The training engine: ``transformers.Trainer`` driven through the workbench's task protocol.

:func:`run_training` is the one training loop of the BERT jobs (pretraining
here, fine-tuning in :mod:`workbench.core.bert.finetune`).  It builds a
``Trainer`` with settings from :class:`TrainingSettings` and adds:

* **Progress and partials.**  A ``TrainerCallback`` reports the step, the
  loss and an ETA through ``progress.report`` and streams
  :class:`TrainingPoint` partials (loss, learning rate, gradient norm,
  tokens/s, GPU memory; evaluation metrics) at least twice a second while
  steps are shorter than that (it asks the Trainer to log whenever 0.25 s
  have passed; every ``log_every`` steps in multi-process runs, where the
  decision must be the same on every process).
* **Cancel.**  ``progress.cancelled`` is read after every optimizer step; the
  callback then sets ``control.should_save`` and
  ``control.should_training_stop``, so the Trainer writes a checkpoint and
  stops, and :func:`run_training` raises ``Cancelled(outcome)``.  A cancel
  during evaluation aborts the evaluation.  Under ``torchrun`` the flag is
  all-reduced, so every process stops at the same step.
* **Atomic checkpoints.**  ``checkpoint-N`` folders are written under
  ``.staging/`` and renamed into place (after fsync) only when complete, with
  a ``workbench-checkpoint.json`` marker; a killed run leaves at worst a
  ``.staging`` folder, which is removed at the next start.  With
  ``resume=True`` training continues from the latest complete checkpoint:
  model, optimizer, scheduler, RNG states and data position are restored, so
  the result equals an uninterrupted run (the sampler is seeded per epoch and
  :class:`~workbench.core.bert.data.MlmCollator` masks by example id, not by
  call order).
* **Failure.**  Any error (CUDA out of memory included) saves a checkpoint of
  the last finished step first (single-process runs), then raises a
  :class:`~workbench.core.errors.WorkbenchError` that says what happened and
  what to do (a smaller batch, for OOM); the checkpoint is kept.
* **Devices and speed.**  CUDA, then MPS, then CPU (:func:`select_device`);
  bf16 (or fp16) autocast on CUDA when ``precision="auto"``; SDPA attention;
  fused AdamW on CUDA and CPU; optional ``torch.compile``; no per-step
  host/device synchronisation (loss and token counts are read only when a
  point is emitted).
* **Gradient accumulation** averages the micro-batch losses (the Trainer's
  ``num_items_in_batch`` path is switched off: BERT heads ignore it, which
  would otherwise scale gradients by the number of accumulation steps).

Everything runs in the calling thread; no signal handlers are installed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress
from workbench.core.workspace import fsync_dir, fsync_tree

if TYPE_CHECKING:
    from transformers import PreTrainedModel

__all__ = [
    "CHECKPOINT_MARKER",
    "LR_SCHEDULES",
    "TrainingOutcome",
    "TrainingPoint",
    "TrainingSettings",
    "distributed_info",
    "is_complete_checkpoint",
    "latest_checkpoint",
    "resolve_precision",
    "run_training",
    "select_device",
]

#: File written last into every complete checkpoint folder.
CHECKPOINT_MARKER = "workbench-checkpoint.json"
_STAGING = ".staging"
_CHECKPOINT_RE = re.compile(r"^checkpoint-(\d+)$")
#: Learning-rate schedules (names of ``transformers.SchedulerType``, "constant" = with warmup).
LR_SCHEDULES = ("linear", "cosine", "cosine_with_restarts", "polynomial", "constant",
                "inverse_sqrt")
_PRECISIONS = ("auto", "fp32", "bf16", "fp16")
_DEVICES = ("auto", "cpu", "cuda", "mps")


# --------------------------------------------------------------------------- settings
@dataclass(frozen=True)
class TrainingSettings:
    """How to train (shared by pretraining and fine-tuning).

    Attributes
    ----------
    max_steps
        Optimizer steps to run; ``None``: ``epochs`` passes over the data.
    epochs
        Passes over the training data when ``max_steps`` is ``None`` (may be
        fractional).
    batch_size
        Examples per device per forward pass.
    grad_accum
        Forward passes per optimizer step (effective batch = ``batch_size *
        grad_accum * processes``).
    learning_rate, warmup_ratio, lr_schedule, weight_decay
        AdamW with linear warmup over ``warmup_ratio`` of the steps, then the
        schedule (:data:`LR_SCHEDULES`); decoupled weight decay (not on biases
        and LayerNorm weights).
    eval_every
        Evaluate every N steps (``None``: once, at the end).
    save_every
        Write a checkpoint every N steps (``None``: only on cancel, failure
        and, with ``save_every``, at the end).
    log_every
        Steps between the points kept in the history (live points come more
        often, see the module docstring).
    early_stopping_patience
        Stop after this many evaluations without improvement of
        ``metric_for_best`` (default ``"loss"``, the evaluation loss).
    metric_for_best, greater_is_better
        Metric that picks the best checkpoint (``"loss"``, ``"mlm_accuracy"``,
        ...; the ``eval_`` prefix is optional).  ``greater_is_better`` defaults
        to ``False`` for names ending in ``loss`` or ``perplexity``.  When
        checkpoints are saved at evaluation steps, the best model is
        reloaded at the end and becomes the final model.
    device
        ``"auto"`` (CUDA, then MPS, then CPU), ``"cpu"``, ``"cuda"`` or ``"mps"``.
    precision
        ``"auto"`` (bf16 on CUDA where supported, else fp16 on CUDA, fp32
        elsewhere), ``"fp32"``, ``"bf16"`` or ``"fp16"`` (autocast).
    compile
        ``torch.compile`` the model.
    seed
        Seed of initialisation-independent randomness (data order, dropout).
    eval_batch_size
        Examples per device when evaluating (default: ``batch_size``).
    max_grad_norm
        Gradient clipping (0: off).
    keep_checkpoints
        Most checkpoints kept on disk (the best one is always kept);
        ``None``: all.
    num_workers
        DataLoader worker processes (0: load in the training thread).
    partial_interval
        Seconds between live points (single-process runs).
    """

    max_steps: int | None = None
    epochs: float = 1.0
    batch_size: int = 16
    grad_accum: int = 1
    learning_rate: float = 5e-4
    warmup_ratio: float = 0.06
    lr_schedule: str = "linear"
    weight_decay: float = 0.01
    eval_every: int | None = None
    save_every: int | None = None
    log_every: int = 10
    early_stopping_patience: int | None = None
    metric_for_best: str | None = None
    greater_is_better: bool | None = None
    device: str = "auto"
    precision: str = "auto"
    compile: bool = False
    seed: int = 0
    eval_batch_size: int | None = None
    max_grad_norm: float = 1.0
    keep_checkpoints: int | None = 3
    num_workers: int = 0
    partial_interval: float = 0.25

    def __post_init__(self) -> None:
        def positive(name: str, allow_none: bool = False) -> None:
            value = getattr(self, name)
            if value is None and allow_none:
                return
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ParameterError(msg("{name} must be a whole number of at least 1, not "
                                         "{value!r}.", name=name, value=value))

        positive("max_steps", allow_none=True)
        positive("batch_size")
        positive("grad_accum")
        positive("eval_every", allow_none=True)
        positive("save_every", allow_none=True)
        positive("log_every")
        positive("early_stopping_patience", allow_none=True)
        positive("eval_batch_size", allow_none=True)
        positive("keep_checkpoints", allow_none=True)
        if self.max_steps is None and not self.epochs > 0:
            raise ParameterError(msg("epochs must be more than 0, not {epochs}.",
                                     epochs=self.epochs))
        if not self.learning_rate > 0:
            raise ParameterError(msg("The learning rate must be more than 0, not "
                                     "{learning_rate}.", learning_rate=self.learning_rate))
        if not 0.0 <= self.warmup_ratio < 1.0:
            raise ParameterError(msg("warmup_ratio must be in [0, 1), not {warmup_ratio}.",
                                     warmup_ratio=self.warmup_ratio))
        if self.weight_decay < 0:
            raise ParameterError(msg("weight_decay must be 0 or more, not {weight_decay}.",
                                     weight_decay=self.weight_decay))
        if self.max_grad_norm < 0:
            raise ParameterError(msg("max_grad_norm must be 0 or more, not {max_grad_norm}.",
                                     max_grad_norm=self.max_grad_norm))
        if self.lr_schedule not in LR_SCHEDULES:
            raise ParameterError(msg("Unknown learning-rate schedule {lr_schedule!r}; choose "
                                     "one of {LR_SCHEDULES}.", lr_schedule=self.lr_schedule,
                                     LR_SCHEDULES=', '.join(LR_SCHEDULES)))
        if self.precision not in _PRECISIONS:
            raise ParameterError(msg("Unknown precision {precision!r}; choose one of "
                                     "{_PRECISIONS}.", precision=self.precision,
                                     _PRECISIONS=', '.join(_PRECISIONS)))
        if self.device not in _DEVICES:
            raise ParameterError(msg("Unknown device {device!r}; choose one of {_DEVICES} (pick "
                                     "a GPU with CUDA_VISIBLE_DEVICES).", device=self.device,
                                     _DEVICES=', '.join(_DEVICES)))
        if self.num_workers < 0:
            raise ParameterError(msg("num_workers must be 0 or more, not {num_workers}.",
                                     num_workers=self.num_workers))

    def to_dict(self) -> dict[str, Any]:
        """The settings as a plain dict (JSON-ready)."""
        from dataclasses import asdict

        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TrainingSettings:
        """Settings from a dict; unknown keys raise :class:`ParameterError`."""
        names = set(cls.__dataclass_fields__)
        unknown = sorted(set(values) - names)
        if unknown:
            raise ParameterError(msg("Unknown training setting {unknown}; known: {known}.",
                                     unknown=', '.join(unknown), known=', '.join(sorted(names))))
        return cls(**values)


@dataclass(frozen=True)
class TrainingPoint:
    """One live point of a training run (streamed with ``progress.partial``).

    Training points carry ``loss`` (mean over the steps since the previous
    point), ``lr``, ``grad_norm`` (before clipping) and ``tokens_per_s``
    (non-padding tokens, all processes); evaluation points have ``eval``
    (``{"loss": ..., "mlm_accuracy": ...}``, no ``eval_`` prefix) and
    ``loss=None``.  ``gpu_mem_mb`` is the peak CUDA memory since the previous
    point (current memory on MPS, ``None`` on CPU).
    """

    step: int
    epoch: float
    loss: float | None
    lr: float | None
    grad_norm: float | None
    tokens_per_s: float | None
    gpu_mem_mb: float | None
    eval: dict[str, float] = field(default_factory=dict)
    max_steps: int = 0
    seconds: float = 0.0
    tag: str = ""


@dataclass(frozen=True)
class TrainingOutcome:
    """What a training run produced.

    Attributes
    ----------
    output_dir
        The run's folder (checkpoints, ``final/``).
    final_model_dir
        ``output_dir/final`` (model + tokenizer, loadable with
        ``from_pretrained``), ``None`` when the run was cancelled or failed.
    last_checkpoint
        The latest complete ``checkpoint-N`` folder, if any.
    steps
        Optimizer steps done (in total, resumed runs included).
    history
        The Trainer's log history (one dict per logged step and evaluation).
    metrics
        Final metrics: the last evaluation (``eval_*``), the training summary
        (``train_loss``, ``train_runtime``) and ``best_metric`` when tracked.
    status
        ``"success"``, ``"cancelled"`` or ``"failed"``.
    resumed_from
        The checkpoint this run continued from, if any.
    seconds
        Wall time of this call.
    """

    output_dir: Path
    final_model_dir: Path | None
    last_checkpoint: Path | None
    steps: int
    history: tuple[dict[str, Any], ...]
    metrics: dict[str, Any]
    status: str = "success"
    resumed_from: Path | None = None
    seconds: float = 0.0


# --------------------------------------------------------------------------- devices
def select_device(preference: str = "auto") -> str:
    """Return the device to train on: ``"cuda"``, ``"mps"`` or ``"cpu"``.

    ``"auto"`` takes CUDA, then Apple's MPS, then the CPU.  An explicit
    choice that is not available raises :class:`ParameterError`.
    """
    import torch

    base = (preference or "auto").lower()
    if base not in _DEVICES:
        raise ParameterError(msg("Unknown device {preference!r}; choose one of {_DEVICES}.",
                                 preference=preference, _DEVICES=', '.join(_DEVICES)))
    mps = getattr(torch.backends, "mps", None)
    mps_ok = bool(mps is not None and mps.is_available())
    if base == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if mps_ok else "cpu"
    if base == "cuda" and not torch.cuda.is_available():
        raise ParameterError(msg("The device 'cuda' was chosen, but PyTorch sees no CUDA GPU "
                                 "here. Choose 'auto' or 'cpu'."))
    if base == "mps" and not mps_ok:
        raise ParameterError(msg("The device 'mps' was chosen, but Apple's Metal backend is not "
                                 "available here. Choose 'auto' or 'cpu'."))
    return base


def resolve_precision(precision: str, device: str) -> str:
    """Return ``"fp32"``, ``"bf16"`` or ``"fp16"`` for ``precision`` on ``device``."""
    import torch

    if precision not in _PRECISIONS:
        raise ParameterError(msg("Unknown precision {precision!r}; choose one of {_PRECISIONS}.",
                                 precision=precision, _PRECISIONS=', '.join(_PRECISIONS)))
    if precision == "auto":
        if device == "cuda":
            return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return "fp32"
    if precision == "fp16" and device == "cpu":
        raise ParameterError(msg("fp16 needs a GPU; on the CPU choose bf16 or fp32."))
    if precision == "bf16" and device == "cuda" and not torch.cuda.is_bf16_supported():
        raise ParameterError(msg("This GPU does not support bf16; choose fp16 or fp32."))
    return precision


def distributed_info() -> tuple[int, int]:
    """``(rank, world_size)`` of this process (``(0, 1)`` outside ``torchrun``)."""
    try:
        world = int(os.environ.get("WORLD_SIZE", "1"))
        rank = int(os.environ.get("RANK", "0"))
    except ValueError:
        return 0, 1
    return rank, max(world, 1)


# --------------------------------------------------------------------------- checkpoints
def is_complete_checkpoint(folder: str | Path) -> bool:
    """Whether ``folder`` holds a checkpoint that can be resumed.

    Our checkpoints carry :data:`CHECKPOINT_MARKER`; folders written by a
    plain ``Trainer`` count when their trainer state, weights, optimizer,
    scheduler and RNG files are all there and not empty.
    """
    p = Path(folder)
    if not p.is_dir() or not _CHECKPOINT_RE.match(p.name):
        return False
    if (p / CHECKPOINT_MARKER).is_file():
        return True

    def nonempty(name: str) -> bool:
        f = p / name
        return f.is_file() and f.stat().st_size > 0

    weights = any(nonempty(n) for n in ("model.safetensors", "model.safetensors.index.json",
                                        "pytorch_model.bin"))
    rng = any(f.stat().st_size > 0 for f in p.glob("rng_state*.pth"))
    return (weights and rng and nonempty("trainer_state.json") and nonempty("optimizer.pt")
            and nonempty("scheduler.pt"))


def _checkpoints(output_dir: Path) -> list[tuple[int, Path]]:
    found = []
    if output_dir.is_dir():
        for child in output_dir.iterdir():
            m = _CHECKPOINT_RE.match(child.name)
            if m and child.is_dir():
                found.append((int(m.group(1)), child))
    return sorted(found)


def latest_checkpoint(output_dir: str | Path) -> Path | None:
    """The complete ``checkpoint-N`` folder of ``output_dir`` with the highest N, if any."""
    for _step, path in reversed(_checkpoints(Path(output_dir))):
        if is_complete_checkpoint(path):
            return path
    return None


def _move_into_place(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``, replacing an existing ``dst`` folder."""
    old = None
    if dst.exists():
        old = dst.with_name(f".{dst.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(dst, old)
    os.replace(src, dst)
    fsync_dir(dst.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# --------------------------------------------------------------------------- trainer
@functools.cache
def _trainer_class() -> type:
    """``transformers.Trainer`` with atomic checkpoints and cheap token counting."""
    import torch
    from transformers import Trainer
    from transformers.trainer_utils import rotate_checkpoints

    class WorkbenchTrainer(Trainer):
        """Trainer that stages checkpoints and counts tokens without syncing."""

        def __init__(self, *args: Any, eval_data_collator: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.wb_eval_collator = eval_data_collator
            self.wb_staging: Path | None = None
            self.wb_tokens: Any = None
            self.wb_saved_steps: set[int] = set()

        # -- evaluation uses its own collator (fixed masks) when one is given
        def get_eval_dataloader(self, eval_dataset: Any = None) -> Any:
            if self.wb_eval_collator is None:
                return super().get_eval_dataloader(eval_dataset)
            saved = self.data_collator
            self.data_collator = self.wb_eval_collator
            try:
                return super().get_eval_dataloader(eval_dataset)
            finally:
                self.data_collator = saved

        # -- tokens seen: summed on the device, read only when a point is emitted
        def training_step(self, model: Any, inputs: dict[str, Any],
                          num_items_in_batch: Any = None) -> Any:
            mask = inputs.get("attention_mask")
            if isinstance(mask, torch.Tensor):
                count = mask.sum()
            else:
                ids = inputs.get("input_ids")
                count = torch.tensor(ids.numel() if isinstance(ids, torch.Tensor) else 0)
            self.wb_tokens = count if self.wb_tokens is None else self.wb_tokens + count
            return super().training_step(model, inputs, num_items_in_batch)

        def wb_tokens_seen(self) -> int:
            """Non-padding tokens this process has trained on in this call."""
            return 0 if self.wb_tokens is None else int(self.wb_tokens.item())

        # -- atomic checkpoints: write under .staging/, then rename into place
        def _get_output_dir(self, trial: Any) -> str:
            if self.wb_staging is not None:
                return str(self.wb_staging)
            return super()._get_output_dir(trial)

        def _save_checkpoint(self, model: Any, trial: Any) -> None:
            step = self.state.global_step
            run_dir = Path(self.args.output_dir)
            name = f"checkpoint-{step}"
            staging_root = run_dir / _STAGING
            self.wb_staging = staging_root
            try:
                super()._save_checkpoint(model, trial)
            finally:
                self.wb_staging = None
            self.accelerator.wait_for_everyone()
            final = run_dir / name
            if self.args.should_save:
                src = staging_root / name
                best = self.state.best_global_step
                if best:
                    best_dir = run_dir / f"checkpoint-{best}"
                    if best == step or best_dir.is_dir():
                        self.state.best_model_checkpoint = str(best_dir)
                    self.state.save_to_json(str(src / "trainer_state.json"))
                marker = {"step": step, "epoch": self.state.epoch, "time": time.time(),
                          "files": sorted(p.name for p in src.iterdir())}
                (src / CHECKPOINT_MARKER).write_text(json.dumps(marker, indent=1),
                                                     encoding="utf-8")
                fsync_tree(src)
                _move_into_place(src, final)
                with contextlib.suppress(OSError):
                    staging_root.rmdir()
                rotate_checkpoints(output_dir=str(run_dir),
                                   save_total_limit=self.args.save_total_limit,
                                   best_model_checkpoint=self.state.best_model_checkpoint)
            self.wb_saved_steps.add(step)
            self.accelerator.wait_for_everyone()

    return WorkbenchTrainer


def _format_duration(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:
        return "?"
    seconds = round(seconds)
    if seconds < 60:
        return msg("{seconds} s", seconds=seconds)
    minutes, s = divmod(seconds, 60)
    if minutes < 60:
        return msg("{minutes} min {seconds:02d} s", minutes=minutes, seconds=s)
    hours, m = divmod(minutes, 60)
    return msg("{hours} h {minutes:02d} min", hours=hours, minutes=m)


def _gpu_memory_mb(device: str) -> float | None:
    import torch

    if device == "cuda" and torch.cuda.is_available():
        peak = torch.cuda.max_memory_allocated() / 2 ** 20
        torch.cuda.reset_peak_memory_stats()
        return float(peak)
    if device == "mps":
        with contextlib.suppress(Exception):
            return float(torch.mps.current_allocated_memory() / 2 ** 20)
    return None


def _strip_eval(metrics: dict[str, Any]) -> dict[str, float]:
    skip = ("eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "epoch")
    out = {}
    for key, value in metrics.items():
        if key in skip or not isinstance(value, (int, float)):
            continue
        out[key.removeprefix("eval_")] = float(value)
    return out


@functools.cache
def _callback_classes() -> tuple[type, type]:
    import torch
    from transformers import TrainerCallback

    class ProgressCallback(TrainerCallback):
        """Reports progress, streams TrainingPoints and stops on cancel."""

        def __init__(self, progress: Progress, trainer_ref: list[Any], device: str,
                     world_size: int, interval: float, tag: str) -> None:
            self.progress = progress
            self.trainer_ref = trainer_ref
            self.device = device
            self.world_size = world_size
            self.interval = interval
            self.tag = tag
            self.cancelled = False
            self.t0 = time.monotonic()
            self.step0 = 0
            self.last_log_request = 0.0
            self.last_report = 0.0
            self.last_point_time = 0.0
            self.last_tokens = 0
            self.last_loss: float | None = None

        def _main(self, state: Any) -> bool:
            return bool(state.is_world_process_zero)

        def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            now = time.monotonic()
            self.t0 = self.last_log_request = self.last_point_time = now
            self.step0 = state.global_step
            if self._main(state):
                text = msg("Resuming training at step {step:,} of {steps:,}",
                           step=state.global_step, steps=state.max_steps) \
                    if state.global_step else \
                    msg("Starting training at step {step:,} of {steps:,}",
                        step=state.global_step, steps=state.max_steps)
                self.progress.report(state.global_step / max(state.max_steps, 1), text)

        def _cancel_requested(self, args: Any) -> bool:
            flag = bool(self.progress.cancelled)
            if self.world_size > 1 and torch.distributed.is_initialized():
                t = torch.tensor([1 if flag else 0], device=args.device)
                torch.distributed.all_reduce(t, op=torch.distributed.ReduceOp.MAX)
                flag = bool(t.item())
            return flag

        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> Any:
            if self._cancel_requested(args):
                self.cancelled = True
                control.should_save = True
                control.should_evaluate = False
                control.should_training_stop = True
                return control
            now = time.monotonic()
            if self.world_size == 1 and now - self.last_log_request >= self.interval:
                control.should_log = True
            if control.should_log:
                self.last_log_request = now
            if self._main(state) and (now - self.last_report >= 0.1
                                      or state.global_step >= state.max_steps):
                self.last_report = now
                self.progress.report(state.global_step / max(state.max_steps, 1),
                                     self._message(state, now))
            return control

        def _message(self, state: Any, now: float) -> str:
            done = state.global_step - self.step0
            elapsed = now - self.t0
            remaining = state.max_steps - state.global_step
            eta = remaining * elapsed / done if done > 0 else float("nan")
            if self.last_loss is None:
                return msg("Step {step:,} of {steps:,} · ETA {eta}", step=state.global_step,
                           steps=state.max_steps, eta=_format_duration(eta))
            return msg("Step {step:,} of {steps:,} · loss {loss:.3f} · ETA {eta}",
                       step=state.global_step, steps=state.max_steps, loss=self.last_loss,
                       eta=_format_duration(eta))

        def on_log(self, args: Any, state: Any, control: Any, logs: Any = None,
                   **kwargs: Any) -> None:
            if not logs or "loss" not in logs or not self._main(state):
                return
            trainer = self.trainer_ref[0] if self.trainer_ref else None
            now = time.monotonic()
            tokens_per_s = None
            if trainer is not None:
                tokens = trainer.wb_tokens_seen() * self.world_size
                dt = now - self.last_point_time
                if dt > 0:
                    tokens_per_s = (tokens - self.last_tokens) / dt
                self.last_tokens = tokens
            self.last_point_time = now
            self.last_loss = float(logs["loss"])
            grad = logs.get("grad_norm")
            self.progress.partial(TrainingPoint(
                step=state.global_step, epoch=float(state.epoch or 0.0),
                loss=self.last_loss,
                lr=float(logs["learning_rate"]) if "learning_rate" in logs else None,
                grad_norm=float(grad) if grad is not None else None,
                tokens_per_s=tokens_per_s, gpu_mem_mb=_gpu_memory_mb(self.device),
                max_steps=state.max_steps, seconds=now - self.t0, tag=self.tag))

        def on_evaluate(self, args: Any, state: Any, control: Any, metrics: Any = None,
                        **kwargs: Any) -> None:
            if not metrics or not self._main(state):
                return
            self.progress.partial(TrainingPoint(
                step=state.global_step, epoch=float(state.epoch or 0.0), loss=None, lr=None,
                grad_norm=None, tokens_per_s=None, gpu_mem_mb=None,
                eval=_strip_eval(metrics), max_steps=state.max_steps,
                seconds=time.monotonic() - self.t0, tag=self.tag))

        def on_prediction_step(self, args: Any, state: Any, control: Any,
                               **kwargs: Any) -> None:
            if self.world_size == 1 and self.progress.cancelled:
                self.cancelled = True
                raise Cancelled()

    class EpochCallback(TrainerCallback):
        """Tells a collator with ``set_epoch`` which pass over the data begins."""

        def __init__(self, collator: Any) -> None:
            self.collator = collator

        def on_epoch_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self.collator.set_epoch(math.floor(float(state.epoch or 0.0) + 1e-9))

    return ProgressCallback, EpochCallback


def _greater_is_better(metric: str, given: bool | None) -> bool:
    if given is not None:
        return given
    name = metric.lower()
    return not (name.endswith(("loss", "perplexity")))


def _training_arguments(settings: TrainingSettings, output_dir: Path, device: str,
                        precision: str, has_eval: bool, world_size: int,
                        find_unused_parameters: bool | None = None) -> Any:
    from transformers import TrainingArguments

    eval_every = settings.eval_every if has_eval else None
    metric = settings.metric_for_best
    if settings.early_stopping_patience is not None and metric is None:
        metric = "loss"
    load_best = bool(metric and eval_every and settings.save_every
                     and settings.save_every % eval_every == 0)
    schedule = settings.lr_schedule
    if schedule == "constant":
        schedule = "constant_with_warmup"
    if device == "mps":
        optim = "adamw_torch"
    else:
        optim = "adamw_torch_fused"
    kwargs: dict[str, Any] = {
        "output_dir": str(output_dir),
        "per_device_train_batch_size": settings.batch_size,
        "per_device_eval_batch_size": settings.eval_batch_size or settings.batch_size,
        "gradient_accumulation_steps": settings.grad_accum,
        "learning_rate": settings.learning_rate,
        "weight_decay": settings.weight_decay,
        "warmup_steps": settings.warmup_ratio,
        "lr_scheduler_type": schedule,
        "max_grad_norm": settings.max_grad_norm,
        "optim": optim,
        "num_train_epochs": settings.epochs,
        "max_steps": settings.max_steps if settings.max_steps is not None else -1,
        "logging_strategy": "steps",
        "logging_steps": settings.log_every,
        "logging_first_step": True,
        "logging_nan_inf_filter": False,          # it synchronises with the GPU every step
        "eval_strategy": "steps" if eval_every else "no",
        "eval_steps": eval_every,
        "save_strategy": "steps" if settings.save_every else "no",
        "save_steps": settings.save_every or 500,
        "save_total_limit": settings.keep_checkpoints,
        "save_only_model": False,
        "load_best_model_at_end": load_best,
        "metric_for_best_model": metric,
        "greater_is_better": _greater_is_better(metric, settings.greater_is_better)
        if metric else None,
        "seed": settings.seed,
        "data_seed": settings.seed,
        "use_cpu": device == "cpu",
        "bf16": precision == "bf16",
        "fp16": precision == "fp16",
        "torch_compile": settings.compile,
        "dataloader_num_workers": settings.num_workers,
        "dataloader_pin_memory": device == "cuda",
        "remove_unused_columns": False,
        "report_to": "none",
        "disable_tqdm": True,
        "include_num_input_tokens_seen": "no",
        "skip_memory_metrics": True,
    }
    if device == "cuda":
        kwargs["tf32"] = True
    if world_size > 1:
        kwargs["ddp_backend"] = "gloo" if device == "cpu" else "nccl"
        if find_unused_parameters is not None:
            kwargs["ddp_find_unused_parameters"] = find_unused_parameters
    return TrainingArguments(**kwargs)


def _clean_staging(output_dir: Path) -> None:
    staging = output_dir / _STAGING
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
    for leftover in output_dir.glob(".final-tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _is_oom(exc: BaseException) -> bool:
    import torch

    oom_type = getattr(torch, "OutOfMemoryError", None) or getattr(torch.cuda,
                                                                    "OutOfMemoryError", None)
    if oom_type is not None and isinstance(exc, oom_type):
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and "out of memory" in text


def _emergency_checkpoint(trainer: Any, world_size: int) -> Path | None:
    """Save a checkpoint of the last finished step after a failure (single process only)."""
    if trainer is None or world_size > 1:
        return None
    step = trainer.state.global_step
    if step <= 0:
        return None
    if step in trainer.wb_saved_steps:
        return Path(trainer.args.output_dir) / f"checkpoint-{step}"
    import torch

    with contextlib.suppress(Exception):
        trainer.model.zero_grad(set_to_none=True)
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    try:
        trainer._save_checkpoint(trainer.model_wrapped, trial=None)
    except Exception:  # noqa: BLE001 - the original error is the one to report
        return None
    return Path(trainer.args.output_dir) / f"checkpoint-{step}"


def run_training(model: PreTrainedModel, train_dataset: Any, eval_dataset: Any,
                 data_collator: Callable[[list[Any]], dict[str, Any]] | None,
                 settings: TrainingSettings, output_dir: str | Path,
                 progress: Progress = NULL_PROGRESS,
                 compute_metrics: Callable[[Any], dict[str, float]] | None = None,
                 resume: bool = True, callbacks: Sequence[Any] = (), *,
                 tokenizer: Any = None,
                 preprocess_logits_for_metrics: Callable[[Any, Any], Any] | None = None,
                 eval_data_collator: Callable[[list[Any]], dict[str, Any]] | None = None,
                 save_final: bool = True, tag: str = "",
                 find_unused_parameters: bool | None = None) -> TrainingOutcome:
    """Train ``model`` with ``transformers.Trainer``; report, checkpoint, resume, cancel.

    Parameters
    ----------
    model
        A ``PreTrainedModel`` whose forward returns a loss when the batch
        has labels.
    train_dataset, eval_dataset
        Map-style datasets (``eval_dataset`` may be ``None``).
    data_collator
        Turns a list of items into a batch (``None``: the Trainer's default).
        If it has ``set_epoch``, it is told the epoch at the start of each.
    settings
        :class:`TrainingSettings`.
    output_dir
        Folder for ``checkpoint-N`` folders and ``final/``.
    progress
        Progress with an ETA, :class:`TrainingPoint` partials, cancellation.
    compute_metrics
        ``EvalPrediction -> dict`` for evaluations (see the Trainer).
    resume
        Continue from the latest complete checkpoint in ``output_dir``.  With
        ``False`` a folder that already holds checkpoints is refused (choose
        another folder, or delete them).
    callbacks
        Extra ``TrainerCallback`` objects.
    tokenizer
        Saved with every checkpoint and the final model.
    preprocess_logits_for_metrics
        Reduce logits per evaluation batch before they are gathered.
    eval_data_collator
        Collator for evaluation batches (default: ``data_collator``); the
        pretraining job passes one with fixed masks.
    save_final
        Write the final model to ``output_dir/final``.
    tag
        Copied into every :class:`TrainingPoint` (sweeps label their curves).
    find_unused_parameters
        For multi-process runs: ``False`` when every parameter gets a gradient
        in every step (saves a graph traversal per step); ``None`` keeps the
        Trainer's safe default.

    Returns
    -------
    TrainingOutcome

    Raises
    ------
    Cancelled
        When ``progress`` was cancelled; ``.result`` is the outcome (with
        ``last_checkpoint`` at the step where it stopped).
    WorkbenchError
        Bad settings or data (before training starts), or a failure during
        training (after a checkpoint was saved where possible).
    """
    import torch  # noqa: F401 - fail here, clearly, if torch is missing

    start = time.perf_counter()
    output_dir = Path(output_dir)
    rank, world_size = distributed_info()
    has_eval = eval_dataset is not None and len(eval_dataset) > 0
    _check_inputs(train_dataset, eval_dataset, settings, has_eval, world_size)
    device = select_device(settings.device)
    precision = resolve_precision(settings.precision, device)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkbenchError(msg("The output folder {output_dir} cannot be created ({value}).",
                                 output_dir=output_dir, value=exc.strerror or exc),
                             path=output_dir) from exc
    if rank == 0:
        _clean_staging(output_dir)
    resume_from = latest_checkpoint(output_dir) if resume else None
    if not resume and _checkpoints(output_dir):
        raise ParameterError(
            msg("{output_dir} already holds checkpoints of an earlier run ({value}). Resume "
                "that run, or choose an empty output folder.", output_dir=output_dir,
                value=_checkpoints(output_dir)[-1][1].name), path=output_dir)

    _prefer_sdpa(model)
    args = _training_arguments(settings, output_dir, device, precision, has_eval, world_size,
                               find_unused_parameters)
    progress_cb_cls, epoch_cb_cls = _callback_classes()
    trainer_ref: list[Any] = []
    progress_cb = progress_cb_cls(progress, trainer_ref, device, world_size,
                                  settings.partial_interval, tag)
    all_callbacks: list[Any] = [progress_cb]
    if data_collator is not None and hasattr(data_collator, "set_epoch"):
        all_callbacks.append(epoch_cb_cls(data_collator))
    if settings.early_stopping_patience is not None and has_eval:
        from transformers import EarlyStoppingCallback

        all_callbacks.append(EarlyStoppingCallback(settings.early_stopping_patience))
    all_callbacks.extend(callbacks)
    trainer_cls = _trainer_class()
    trainer_kwargs: dict[str, Any] = {
        "model": model, "args": args, "train_dataset": train_dataset,
        "eval_dataset": eval_dataset if has_eval else None, "compute_metrics": compute_metrics,
        "callbacks": all_callbacks, "processing_class": tokenizer,
        "preprocess_logits_for_metrics": preprocess_logits_for_metrics,
        "eval_data_collator": eval_data_collator}
    if data_collator is not None:
        trainer_kwargs["data_collator"] = data_collator
    with _quiet_transformers():
        trainer = trainer_cls(**trainer_kwargs)
    trainer_ref.append(trainer)
    from transformers.trainer_callback import PrinterCallback
    from transformers.trainer_callback import ProgressCallback as HfProgressCallback

    trainer.remove_callback(PrinterCallback)          # it prints every log dict to stdout
    trainer.remove_callback(HfProgressCallback)
    # BERT heads ignore ``num_items_in_batch``; without this the Trainer would skip
    # dividing the loss by the accumulation steps (gradients grad_accum times too big).
    trainer.model_accepts_loss_kwargs = False

    def outcome(status: str, final_dir: Path | None, metrics: dict[str, Any]) -> TrainingOutcome:
        return TrainingOutcome(
            output_dir=output_dir, final_model_dir=final_dir,
            last_checkpoint=latest_checkpoint(output_dir), steps=int(trainer.state.global_step),
            history=tuple(dict(h) for h in trainer.state.log_history), metrics=metrics,
            status=status, resumed_from=resume_from, seconds=time.perf_counter() - start)

    try:
        with _quiet_transformers():
            if resume_from is not None and _finished(resume_from, settings):
                # Nothing left to train (the Trainer would run one step more): take the
                # checkpoint's weights and state as they are.
                train_output = _restore_finished(trainer, resume_from)
            else:
                train_output = trainer.train(
                    resume_from_checkpoint=str(resume_from) if resume_from else None)
    except Cancelled:
        _emergency_checkpoint(trainer, world_size)
        raise Cancelled(outcome("cancelled", None, _final_metrics(trainer, {}))) from None
    except Exception as exc:
        saved = _emergency_checkpoint(trainer, world_size)
        raise _failure(exc, trainer, settings, saved, resume_from) from exc
    if progress_cb.cancelled:
        raise Cancelled(outcome("cancelled", None, _final_metrics(trainer, {})))

    metrics = dict(train_output.metrics)
    if has_eval and not _evaluated_at(trainer, trainer.state.global_step):
        try:
            with _quiet_transformers():
                trainer.evaluate()
        except Cancelled:
            raise Cancelled(outcome("cancelled", None, _final_metrics(trainer, metrics))) \
                from None
    final_dir = None
    if save_final:
        final_dir = _save_final(trainer, output_dir)
    if trainer.state.is_world_process_zero:
        progress.report(1.0, msg("Trained {trainer_state_global_step:,} steps",
                                 trainer_state_global_step=trainer.state.global_step))
    return outcome("success", final_dir, _final_metrics(trainer, metrics))


def _finished(checkpoint: Path, settings: TrainingSettings) -> bool:
    """Whether ``checkpoint`` already reached the run's last step."""
    try:
        state = json.loads((checkpoint / "trainer_state.json").read_text(encoding="utf-8"))
        done = int(state["global_step"])
        target = settings.max_steps if settings.max_steps is not None else int(state["max_steps"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return target > 0 and done >= target


def _restore_finished(trainer: Any, checkpoint: Path) -> Any:
    from transformers.trainer_callback import TrainerState
    from transformers.trainer_utils import TrainOutput

    trainer._load_from_checkpoint(str(checkpoint))
    trainer.state = TrainerState.load_from_json(str(checkpoint / "trainer_state.json"))
    return TrainOutput(trainer.state.global_step, 0.0, {"train_runtime": 0.0})


def _check_inputs(train_dataset: Any, eval_dataset: Any, settings: TrainingSettings,
                  has_eval: bool, world_size: int) -> None:
    try:
        n_train = len(train_dataset)
    except TypeError as exc:
        raise ParameterError(msg("The training data must be a dataset with a length.")) from exc
    if n_train < settings.batch_size:
        raise ParameterError(
            msg("The training data holds {n_train:,} examples, fewer than one batch of "
                "{batch_size}. Use a larger corpus or a smaller batch size.",
                n_train=n_train, batch_size=settings.batch_size) if n_train != 1 else
            msg("The training data holds 1 example, fewer than one batch of {batch_size}. Use "
                "a larger corpus or a smaller batch size.", batch_size=settings.batch_size))
    if settings.eval_every is not None and not has_eval:
        raise ParameterError(msg("eval_every is set but there is no evaluation data (set an "
                                 "evaluation share or turn periodic evaluation off)."))
    if settings.metric_for_best is not None and not has_eval:
        raise ParameterError(msg("metric_for_best={settings_metric_for_best!r} needs evaluation "
                                 "data.", settings_metric_for_best=settings.metric_for_best))
    if settings.early_stopping_patience is not None and not settings.eval_every:
        raise ParameterError(msg("Early stopping needs periodic evaluation: set eval_every."))


def _prefer_sdpa(model: Any) -> None:
    """Switch a model loaded with eager attention to SDPA where transformers allows it."""
    config = getattr(model, "config", None)
    if getattr(config, "_attn_implementation", None) != "eager":
        return
    setter = getattr(model, "set_attn_implementation", None)
    if setter is not None:
        with contextlib.suppress(Exception):
            setter("sdpa")


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Silence the Trainer's info/warning chatter (it is not for our users)."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


#: Public name for other core modules that load models (inspection, export).
quiet_transformers = _quiet_transformers


def _evaluated_at(trainer: Any, step: int) -> bool:
    return any("eval_loss" in h and h.get("step") == step for h in trainer.state.log_history)


def _final_metrics(trainer: Any, metrics: dict[str, Any]) -> dict[str, Any]:
    out = dict(metrics)
    for h in reversed(trainer.state.log_history):
        if any(k.startswith("eval_") for k in h):
            out.update({k: v for k, v in h.items() if k.startswith("eval_")})
            out["eval_step"] = h.get("step")
            break
    if trainer.state.best_metric is not None:
        out["best_metric"] = trainer.state.best_metric
        out["best_step"] = trainer.state.best_global_step
    return out


def _save_final(trainer: Any, output_dir: Path) -> Path:
    final = output_dir / "final"
    tmp = output_dir / f".final-tmp-{os.getpid()}"
    if trainer.args.should_save and tmp.exists():
        shutil.rmtree(tmp)
    trainer.accelerator.wait_for_everyone()
    with _quiet_transformers():
        trainer.save_model(str(tmp))
    trainer.accelerator.wait_for_everyone()
    if trainer.args.should_save:
        with contextlib.suppress(OSError):        # pickled TrainingArguments: not needed here
            (tmp / "training_args.bin").unlink()
        fsync_tree(tmp)
        _move_into_place(tmp, final)
    trainer.accelerator.wait_for_everyone()
    return final


def _failure(exc: Exception, trainer: Any, settings: TrainingSettings, saved: Path | None,
             resume_from: Path | None) -> WorkbenchError:
    step = trainer.state.global_step if trainer is not None else 0
    kept = (msg(" The checkpoint {saved} was kept; the run resumes from it.", saved=saved)
            if saved else msg(" No checkpoint could be written."))
    if _is_oom(exc):
        smaller = max(1, settings.batch_size // 2)
        return WorkbenchError(
            msg("The GPU ran out of memory at step {step:,} with batch size "
                "{settings_batch_size}. Choose a smaller batch size (e.g. {smaller} with "
                "gradient accumulation {value} keeps the same effective batch), a shorter "
                "sequence length or a smaller model.{kept}", step=step,
                settings_batch_size=settings.batch_size, smaller=smaller,
                value=settings.grad_accum * 2, kept=kept))
    if isinstance(exc, WorkbenchError):
        return WorkbenchError(msg("{exc}{kept}", exc=exc, kept=kept),
                              path=exc.path, line=exc.line, offset=exc.offset)
    if resume_from is not None and step == 0 and isinstance(exc, (RuntimeError, ValueError,
                                                                   KeyError)):
        return WorkbenchError(
            msg("Training could not resume from {resume_from}: {exc}. The checkpoint was made "
                "with a different model or settings; choose another output folder.",
                resume_from=resume_from, exc=exc),
            path=resume_from)
    return WorkbenchError(msg("Training failed at step {step:,}: {value}: {exc}.{kept}", step=step,
                              value=type(exc).__name__, exc=exc, kept=kept))
