"""``workbench bert pretrain|finetune --config run.json``: BERT training from the shell.

``pretrain`` runs :func:`workbench.core.bert.pretrain.pretrain` on a saved
:class:`~workbench.core.bert.pretrain.PretrainRequest` (the JSON the app
exports; relative paths in it are relative to the file).  Options on the
command line override a few fields of the config (``--output-dir``,
``--max-steps``, ``--device``).  ``--print-launch N`` prints the ``torchrun``
command for N processes instead of training.  Under ``torchrun`` every
process runs the same command; only the first prints and records the run.

``finetune`` runs :func:`workbench.core.bert.finetune.finetune` on a
:class:`~workbench.core.bert.finetune.FinetuneRequest` JSON file.

A line is printed for every logged step (loss, learning rate, tokens/s) and
evaluation.  Ctrl-C stops at the end of the current step, writes a
checkpoint (the next run with the same config resumes from it) and exits
with status 130.  Exit status: 0 on success, 2 for a problem with the input
or the arguments (``error: ...`` on stderr).

Wiring (in ``workbench.cli``'s ``_SUBCOMMANDS``)::

    "bert": ("workbench.cli_bert", "add_bert_command", "run_bert"),
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from workbench.cli import EXIT_OK, run_guarded, sigint_cancels, stderr_progress
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.tasks import CallbackProgress, Cancelled, CancelToken

__all__ = ["add_bert_command", "run_bert"]

_FINETUNE_PATHS = ("train_file", "eval_file", "model", "output_dir")


def add_bert_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``bert pretrain|finetune`` to ``subparsers`` (from ``add_subparsers``).

    Parsed arguments carry ``command="bert"`` and ``bert_command``
    (``"pretrain"`` or ``"finetune"``).
    """
    bert = subparsers.add_parser(
        "bert", help="pretrain or fine-tune BERT models from a saved config",
        description="Train BERT models without the app, from a JSON config it exported.")
    actions = bert.add_subparsers(dest="bert_command", metavar="ACTION")
    actions.required = True
    pre = actions.add_parser(
        "pretrain", help="MLM/NSP pretraining",
        description="Pretrain (or continue pretraining) a BERT model. Run the same command "
                    "again to resume from the latest checkpoint; under torchrun it trains on "
                    "several processes.")
    _add_common(pre)
    pre.add_argument("--output-dir", type=Path, metavar="DIR",
                     help="where checkpoints and the final model go (overrides the config)")
    pre.add_argument("--max-steps", type=int, metavar="N", help="optimizer steps (overrides)")
    pre.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"),
                     help="device (overrides the config)")
    pre.add_argument("--print-launch", type=int, metavar="N",
                     help="print the torchrun command for N processes and exit")
    fine = actions.add_parser(
        "finetune", help="fine-tune on classification, tagging or QA",
        description="Fine-tune a BERT model folder on a task (see the app's fine-tuning panel).")
    _add_common(fine)
    return bert


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, required=True, metavar="RUN.json",
                   help="the run's settings (exported by the app)")
    p.add_argument("--workspace", type=Path, metavar="DIR",
                   help="workspace for the run registry and caches (default: the app's)")
    p.add_argument("--no-record", action="store_true",
                   help="do not record the run in the workspace")
    p.add_argument("--quiet", action="store_true", help="print only the summary")


def run_bert(args: argparse.Namespace, *, out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """Run ``bert pretrain`` or ``bert finetune``; return the exit status."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    token = CancelToken()
    job = _pretrain if args.bert_command == "pretrain" else _finetune
    with sigint_cancels(token):
        return run_guarded(lambda: job(args, token, out, err), err)


class _Printer:
    """Prints training points as lines (first process only)."""

    def __init__(self, out: TextIO, quiet: bool) -> None:
        self.out = out
        self.quiet = quiet

    def partial(self, point: Any) -> None:
        from workbench.core.bert.engine import TrainingPoint

        if self.quiet or not isinstance(point, TrainingPoint):
            return
        tag = f"[{point.tag}] " if point.tag else ""
        if point.eval:
            scores = "  ".join(f"{k} {v:.4g}" for k, v in point.eval.items()
                               if k not in ("masked_tokens",))
            print(f"{tag}eval  step {point.step:,}  {scores}", file=self.out, flush=True)
            return
        parts = [f"{tag}step {point.step:,}/{point.max_steps:,}", f"loss {point.loss:.4f}"]
        if point.lr is not None:
            parts.append(f"lr {point.lr:.3g}")
        if point.tokens_per_s:
            parts.append(f"{point.tokens_per_s:,.0f} tokens/s")
        if point.gpu_mem_mb:
            parts.append(f"{point.gpu_mem_mb:,.0f} MiB")
        print("  ".join(parts), file=self.out, flush=True)


def _workspace(args: argparse.Namespace) -> Any:
    if args.no_record:
        return None
    from workbench.core.bert.engine import distributed_info
    from workbench.core.workspace import Workspace

    rank, _world = distributed_info()
    return Workspace(args.workspace) if rank == 0 else None


def _pretrain(args: argparse.Namespace, token: CancelToken, out: TextIO, err: TextIO) -> int:
    from workbench.core.bert.engine import distributed_info
    from workbench.core.bert.pretrain import PretrainRequest, launch_command, pretrain

    if args.print_launch is not None:
        print(launch_command(args.config, args.print_launch), file=out)
        return EXIT_OK
    request = PretrainRequest.load(args.config)
    changes: dict[str, Any] = {}
    if args.output_dir is not None:
        changes["output_dir"] = str(args.output_dir)
    training: dict[str, Any] = {}
    if args.max_steps is not None:
        training["max_steps"] = args.max_steps
    if args.device is not None:
        training["device"] = args.device
    if training:
        changes["training"] = replace(request.training, **training)
    if changes:
        request = replace(request, **changes)
    rank, world = distributed_info()
    main = rank == 0
    printer = _Printer(out, args.quiet or not main)
    progress = (stderr_progress(token, err, printer.partial) if main
                else CallbackProgress(token=token))
    if main and world > 1 and not args.quiet:
        print(f"Training on {world} processes", file=out, flush=True)
    try:
        result = pretrain(request, _workspace(args), progress)
    except Cancelled as stop:
        kept = stop.result
        if main and kept is not None and kept.last_checkpoint is not None:
            print(f"Stopped at step {kept.steps:,}; checkpoint {kept.last_checkpoint} (run "
                  "the same command again to resume).", file=out, flush=True)
        raise
    if main:
        metrics = {k: v for k, v in result.metrics.items()
                   if k.startswith("eval_") and not k.endswith("_per_second")
                   and k not in ("eval_runtime", "eval_step", "eval_masked_tokens")}
        print(f"Trained {result.steps:,} steps in {result.seconds:.1f} s; final model: "
              f"{result.final_model_dir}", file=out)
        if metrics:
            print("  ".join(f"{k[5:]} {v:.4g}" for k, v in metrics.items()), file=out)
        if result.run_id is not None:
            print(f"Recorded as run {result.run_id}.", file=out)
    return EXIT_OK


def _finetune(args: argparse.Namespace, token: CancelToken, out: TextIO, err: TextIO) -> int:
    try:
        from workbench.core.bert.finetune import FinetuneRequest, finetune
    except ImportError as exc:
        raise WorkbenchError("Fine-tuning is not available in this version of the workbench "
                             f"({exc}).") from exc
    path = Path(args.config)
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParameterError(f"The config file {path} cannot be read "
                             f"({exc.strerror or exc}).", path=path) from exc
    except json.JSONDecodeError as exc:
        raise ParameterError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}.",
                             path=path, line=exc.lineno) from exc
    if not isinstance(values, dict):
        raise ParameterError(f"{path} must hold a JSON object.", path=path)
    base = path.resolve().parent
    for key in _FINETUNE_PATHS:
        value = values.get(key)
        if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
            values[key] = str(base / value)
    try:
        request = FinetuneRequest.from_dict(values)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{path}: {exc}", path=path) from exc
    printer = _Printer(out, args.quiet)
    progress = stderr_progress(token, err, printer.partial)
    result = finetune(request, _workspace(args), progress)
    scores = {k: v for k, v in result.metrics.items() if isinstance(v, (int, float))}
    print(f"Fine-tuned ({request.task}); model: {result.model_dir}", file=out)
    if scores:
        print("  ".join(f"{k} {v:.4g}" for k, v in scores.items()), file=out)
    if result.run_id is not None:
        print(f"Recorded as run {result.run_id}.", file=out)
    return EXIT_OK
