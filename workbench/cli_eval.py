"""``workbench eval analogy|similarity VECTORS [BENCHMARK ...]``: score word vectors.

``VECTORS`` is any file :func:`workbench.core.static.formats.load_vectors`
reads.  ``BENCHMARK`` is a path (a questions-words file, a BATS folder, a
vecto CSV file, a ``word1 word2 score`` file) or a built-in name
(``google``, ``bats``, ``msr``, ``ws353``, ``simlex999``, ... : ``--list``
shows what this machine has).  Default benchmarks: ``google`` for analogies,
``ws353`` and ``simlex999`` for similarity.  One table per benchmark is
printed (per category for analogies); ``--json`` prints one JSON object
instead.  Exit status: 0 on success, 2 for a problem with the input or the
arguments (``error: ...`` on stderr), 130 when interrupted.

Wiring (in ``workbench.cli``)::

    from workbench.cli_eval import add_eval_command, run_eval
    add_eval_command(commands)            # commands = parser.add_subparsers(...)
    ...
    if args.command == "eval":
        return run_eval(args)
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, TextIO

from workbench.cli import (
    EXIT_CANCELLED,
    EXIT_ERROR,
    EXIT_OK,
    run_guarded,
    sigint_cancels,
    stderr_progress,
)
from workbench.core.errors import WorkbenchError
from workbench.core.tasks import CancelToken

__all__ = ["DEFAULT_BENCHMARKS", "EXIT_CANCELLED", "EXIT_ERROR", "EXIT_OK", "add_eval_command",
           "run_eval"]

#: Benchmarks used when none is named.
DEFAULT_BENCHMARKS = {"analogy": ["google"], "similarity": ["ws353", "simlex999"]}


def add_eval_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``eval analogy|similarity`` to ``subparsers`` (from ``add_subparsers``).

    Returns the ``eval`` parser; parsed arguments carry ``command="eval"`` and
    ``task`` (``"analogy"`` or ``"similarity"``).
    """
    ev = subparsers.add_parser(
        "eval", help="evaluate word vectors on analogy or similarity benchmarks",
        description="Score word vectors on word-analogy or word-similarity benchmarks.")
    tasks = ev.add_subparsers(dest="task", metavar="TASK")
    tasks.required = True
    for task, helptext in (("analogy", "word analogies (a:b = c:?), accuracy per category"),
                           ("similarity", "word similarity, Spearman/Pearson correlation")):
        p = tasks.add_parser(task, help=helptext, description=helptext[0].upper() + helptext[1:]
                             + f". Default benchmarks: {', '.join(DEFAULT_BENCHMARKS[task])}.")
        p.add_argument("vectors", metavar="VECTORS", nargs="?",
                       help="word vectors (word2vec text/binary, GloVe text or a fastText "
                            ".bin model)")
        p.add_argument("benchmarks", metavar="BENCHMARK", nargs="*",
                       help="benchmark files/folders or built-in names")
        if task == "analogy":
            p.add_argument("--method", choices=("3cosadd", "3cosmul"), default="3cosadd",
                           help="how answers are scored (default: 3cosadd)")
        p.add_argument("--restrict-vocab", type=int, default=None, metavar="N",
                       help="consider only the N most frequent words (default: all)")
        p.add_argument("--case-sensitive", action="store_true",
                       help="match words exactly (default: case-insensitive)")
        p.add_argument("--limit", type=int, default=None, metavar="N",
                       help="read only the first N vectors of the file")
        p.add_argument("--json", action="store_true", help="print one JSON object")
        p.add_argument("--list", action="store_true",
                       help="list the built-in benchmarks found on this machine and exit")
        p.set_defaults(command="eval")
    ev.set_defaults(command="eval")
    return ev


def _pct(x: float) -> str:
    return "    -" if math.isnan(x) else f"{x * 100:5.1f}%"


def _num(x: float) -> str:
    return "    -" if math.isnan(x) else f"{x:6.3f}"


def format_analogy(result: Any) -> str:
    """A per-category table of an :class:`~workbench.core.evaluation.AnalogyResult`."""
    width = max(8, *(len(c.name) for c in result.categories)) if result.categories else 8
    width = min(width, 40)
    head = (f"{result.benchmark} ({result.method}, {result.restrict_vocab:,} words considered"
            f"{', case-insensitive' if result.lowercase else ''})")
    lines = [head, f"{'category':<{width}}  {'questions':>9}  {'answered':>8}  {'correct':>7}"
                   f"  {'accuracy':>8}"]
    for c in list(result.categories) + [result.total]:
        if c is result.total:
            lines.append("-" * (width + 42))
        lines.append(f"{c.name[:width]:<{width}}  {c.questions:>9,}  {c.answered:>8,}  "
                     f"{c.correct:>7,}  {_pct(c.accuracy):>8}")
    if result.skipped_lines:
        lines.append(f"({result.skipped_lines:,} unreadable lines skipped)")
    return "\n".join(lines)


def format_similarity(results: list[Any]) -> str:
    """One row per :class:`~workbench.core.evaluation.SimilarityResult`."""
    width = max(9, *(len(r.benchmark) for r in results)) if results else 9
    lines = [f"{'benchmark':<{width}}  {'pairs':>6}  {'used':>6}  {'oov':>5}  {'spearman':>8}"
             f"  {'pearson':>8}"]
    for r in results:
        lines.append(f"{r.benchmark:<{width}}  {r.pairs:>6,}  {r.used:>6,}  {r.oov:>5,}  "
                     f"{_num(r.spearman):>8}  {_num(r.pearson):>8}")
    skipped = sum(r.skipped_lines for r in results)
    if skipped:
        lines.append(f"({skipped:,} unreadable benchmark lines skipped)")
    return "\n".join(lines)


def _list(task: str, out: TextIO) -> int:
    from workbench.core.evaluation import builtin_benchmarks

    found = [b for b in builtin_benchmarks() if b.kind == task]
    if not found:
        print(f"No built-in {task} benchmark found on this machine.", file=out)
    for b in found:
        print(f"{b.name:<18} {b.description}\n{'':<18} {b.path}", file=out)
    return EXIT_OK


def _evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from workbench.core.evaluation import (
        evaluate_analogies,
        evaluate_similarity,
        find_benchmark,
        load_analogy_file,
        load_similarity_file,
    )
    from workbench.core.static.formats import load_vectors
    from workbench.core.tasks import scaled

    task = args.task
    if getattr(args, "list", False):
        return _list(task, out)
    if not args.vectors:
        raise WorkbenchError("Name the word-vector file to evaluate (VECTORS).")
    if args.restrict_vocab is not None and args.restrict_vocab < 1:
        raise WorkbenchError(f"--restrict-vocab must be 1 or more, not {args.restrict_vocab}.")
    if args.limit is not None and args.limit < 1:
        raise WorkbenchError(f"--limit must be 1 or more, not {args.limit}.")
    names = list(args.benchmarks) or DEFAULT_BENCHMARKS[task]
    paths = [find_benchmark(n, task) for n in names]     # fail early on a bad name
    benches = [load_analogy_file(p) if task == "analogy" else load_similarity_file(p)
               for p in paths]

    token = CancelToken()
    progress = stderr_progress(token, err)
    with sigint_cancels(token):
        emb = load_vectors(args.vectors, limit=args.limit, progress=scaled(progress, 0, 0.3))
        results = []
        n = len(benches)
        for i, bench in enumerate(benches):
            sub = scaled(progress, 0.3 + 0.7 * i / n, 0.3 + 0.7 * (i + 1) / n)
            if task == "analogy":
                results.append(evaluate_analogies(
                    emb, bench, method=args.method, restrict_vocab=args.restrict_vocab,
                    lowercase=not args.case_sensitive, progress=sub))
            else:
                results.append(evaluate_similarity(
                    emb, bench, restrict_vocab=args.restrict_vocab,
                    lowercase=not args.case_sensitive, progress=sub))

    if args.json:
        payload = {"task": task, "vectors": str(args.vectors), "words": len(emb),
                   "dim": emb.dim, "results": [r.to_dict() for r in results]}
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    print(f"Vectors: {args.vectors} ({len(emb):,} words, {emb.dim} dimensions)", file=out)
    if task == "analogy":
        for r in results:
            print("", file=out)
            print(format_analogy(r), file=out)
    else:
        print("", file=out)
        print(format_similarity(results), file=out)
    return EXIT_OK


def run_eval(args: argparse.Namespace, *, out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """Run a parsed ``eval`` command; return the exit status.

    Problems with the input print ``error: <message>`` on ``err`` (stderr) and
    return 2; an interruption returns 130.
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    return run_guarded(lambda: _evaluate(args, out, err), err)
