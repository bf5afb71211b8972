"""``workbench senses``: cluster a word's contextual vectors into senses, from the shell.

``workbench senses MODEL CORPUS WORD --out senses.csv [--limit 500]
[--layer mean-last-4] [--method pca|umap] [--k K] [--static VECTORS]``
collects up to ``--limit`` occurrences of ``WORD`` in ``CORPUS`` (a file or
folder in any format the corpus reader knows, or ``coarsewsd`` for the
CoarseWSD-20 training sentences of ``WORD``), extracts their contextual
vectors with the BERT-family model in ``MODEL``, clusters them
(:func:`workbench.core.inspect.senses.analyse_senses`) and writes one CSV row
per occurrence: ``source, sentence, start, end, cluster, x, y, gold``
(``gold`` only when the occurrences have gold senses).  It prints the
clusters (size, distinctive words, an example) and, with CoarseWSD-20, the
adjusted Rand index against the gold senses.

Exit status: 0 on success, 1 when the word does not occur (the message gives
the count 0 and words that do occur), 2 for a problem with the input or the
arguments (one ``error: ...`` line on stderr), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any, TextIO

from workbench.cli import EXIT_OK, run_guarded, sigint_cancels, stderr_progress
from workbench.core.errors import WorkbenchError
from workbench.core.tasks import CancelToken, scaled

__all__ = ["EXIT_NOT_FOUND", "add_senses_command", "run_senses", "write_senses_csv"]

#: Exit status when the word does not occur in the corpus.
EXIT_NOT_FOUND = 1


def add_senses_command(subparsers: Any) -> None:
    """Add ``senses`` to ``subparsers`` (from ``add_subparsers``)."""
    p = subparsers.add_parser(
        "senses", help="cluster a word's contextual vectors into senses (CSV)",
        description="Collect occurrences of WORD in CORPUS, extract their contextual vectors "
                    "with MODEL, cluster them into senses and write source,sentence,start,end,"
                    "cluster,x,y[,gold] as CSV.")
    p.add_argument("model", metavar="MODEL", help="a BERT-family model folder")
    p.add_argument("corpus", metavar="CORPUS",
                   help="corpus file or folder, or 'coarsewsd' for the CoarseWSD-20 training "
                        "sentences of WORD")
    p.add_argument("word", metavar="WORD", help="the word to look for")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.csv",
                   help="where to write the CSV")
    p.add_argument("--limit", type=int, default=500, metavar="N",
                   help="at most N occurrences (default 500)")
    p.add_argument("--layer", default="mean-last-4",
                   help="layer: a number (0 = embeddings), last, mean-last-4 (default), "
                        "mean-all, or comma-separated layers to average")
    p.add_argument("--method", choices=("pca", "umap"), default="pca",
                   help="2-D projection (default: pca)")
    p.add_argument("--clustering", choices=("kmeans", "agglomerative"), default="kmeans",
                   help="clustering (default: kmeans)")
    p.add_argument("--k", type=int, default=None,
                   help="number of clusters (default: best silhouette for k = 2..8)")
    p.add_argument("--static", type=Path, default=None, metavar="VECTORS",
                   help="static word vectors for neighbours and the static point")
    p.add_argument("--case-sensitive", action="store_true",
                   help="match the word's case exactly")
    p.add_argument("--batch-size", type=int, default=32, help="sentences per forward pass (32)")
    p.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"),
                   help="where the model runs (default: auto)")
    p.add_argument("--coarsewsd-root", type=Path, default=None, metavar="DIR",
                   help="the CoarseWSD-20 folder (default: shared/data/CoarseWSD-20 beside "
                        "the checkout, or $WORKBENCH_SHARED_DATA)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(command="senses")


def run_senses(args: argparse.Namespace, *, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """Run a parsed ``senses`` command; return the exit status."""
    out = sys.stdout if out is None else out
    return run_guarded(lambda: _senses(args, out, err), err)


def _layer_spec(text: str) -> int | str | list[int]:
    t = text.strip()
    if "," in t:
        try:
            return [int(x) for x in t.split(",") if x.strip()]
        except ValueError:
            raise WorkbenchError(f"--layer {text!r}: give layer numbers separated by commas."
                                 ) from None
    try:
        return int(t)
    except ValueError:
        return t


def write_senses_csv(path: str | Path, result: Any) -> Path:
    """Write ``source,sentence,start,end,cluster,x,y[,gold]`` (UTF-8, header) atomically."""
    from workbench.core.workspace import atomic_write

    path = Path(path)
    occ = result.occurrences
    gold = any(o.label is not None for o in occ)
    with atomic_write(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "sentence", "start", "end", "cluster", "x", "y"]
                        + (["gold"] if gold else []))
        for o, lab, (x, y) in zip(occ, result.labels.tolist(), result.coords.tolist()):
            row = [o.source, o.text, o.start, o.end, lab, f"{x:.6g}", f"{y:.6g}"]
            if gold:
                row.append(o.label or "")
            writer.writerow(row)
    return path


def _coarsewsd_root(args: argparse.Namespace) -> Path:
    if args.coarsewsd_root is not None:
        return args.coarsewsd_root
    from workbench.core.evaluation.benchmarks import shared_data_dir

    shared = shared_data_dir()
    if shared is None:
        raise WorkbenchError("The CoarseWSD-20 folder was not found; give it with "
                             "--coarsewsd-root DIR.")
    return shared / "CoarseWSD-20"


def _senses(args: argparse.Namespace, out: TextIO, err: TextIO | None) -> int:
    from workbench.core.inspect.contextual import (
        corpus_lines,
        find_occurrences,
        similar_words,
        word_vectors,
    )
    from workbench.core.inspect.model import load_for_inspection
    from workbench.core.inspect.senses import analyse_senses

    if args.limit < 3:
        raise WorkbenchError(f"--limit must be 3 or more (clustering needs 3 occurrences), "
                             f"not {args.limit}.")
    if args.k is not None and args.k < 1:
        raise WorkbenchError(f"--k must be 1 or more, not {args.k}.")
    if args.batch_size < 1:
        raise WorkbenchError(f"--batch-size must be 1 or more, not {args.batch_size}.")
    if args.out.is_dir():
        raise WorkbenchError(f"--out {args.out} is a folder; give a file name such as "
                             "senses.csv.")
    layer = _layer_spec(args.layer)
    err_stream = sys.stderr if err is None else err
    token = CancelToken()
    progress = stderr_progress(token, err)
    with sigint_cancels(token):
        static = None
        if args.static is not None:
            from workbench.core.static.formats import load_vectors

            static = load_vectors(args.static, progress=scaled(progress, 0.0, 0.05))
        model = load_for_inspection(args.model, device=args.device)
        if args.corpus.strip().lower() == "coarsewsd":
            from workbench.core.inspect.coarsewsd import load_coarsewsd

            occurrences = load_coarsewsd(_coarsewsd_root(args), args.word, "train",
                                         limit=args.limit)
            total = len(occurrences)
            where = "the CoarseWSD-20 training sentences"
        else:
            occurrences, total = find_occurrences(
                corpus_lines(args.corpus, progress=scaled(progress, 0.05, 0.3)), args.word,
                limit=args.limit, lowercase=not args.case_sensitive)
            where = str(args.corpus)
            if total == 0:
                near = similar_words(corpus_lines(args.corpus), args.word)
                message = f"'{args.word}' occurs 0 times in {where}."
                if near:
                    message += " Words that do occur: " + ", ".join(near) + "."
                print(message, file=err_stream)
                return EXIT_NOT_FOUND
        vectors = word_vectors(model, occurrences, batch_size=args.batch_size,
                               progress=scaled(progress, 0.3, 0.85))
        result = analyse_senses(vectors, layer=layer, method=args.method,
                                clustering=args.clustering, k=args.k, static=static,
                                seed=args.seed, progress=scaled(progress, 0.85, 1.0),
                                word=args.word)
    write_senses_csv(args.out, result)
    if not args.quiet:
        print(_report(result, total, where, vectors, args), file=out)
    return EXIT_OK


def _report(result: Any, total: int, where: str, vectors: Any, args: argparse.Namespace
            ) -> str:
    n = len(result.occurrences)
    lines = [(f"'{result.word}': {n:,} occurrences used of {total:,} in {where} "
              f"(layer {result.layer}, {result.method.upper()}, {result.clustering}).")]
    if result.silhouettes:
        lines.append("Silhouette: " + ", ".join(f"k={k} {v:.3f}"
                                                for k, v in sorted(result.silhouettes.items())))
    lines.append(f"{result.k} clusters:")
    for c in result.clusters:
        words = ", ".join(c.context_words) or "-"
        lines.append(f"  {c.label}: {c.size:,} occurrence{'s' if c.size != 1 else ''}; "
                     f"context words: {words}")
        if c.static_neighbours:
            lines.append(f"     static neighbours of those words: "
                         f"{', '.join(c.static_neighbours)}")
        if c.examples:
            ex = c.examples[0]
            text = ex.text[:ex.start] + "[" + ex.word + "]" + ex.text[ex.end:]
            if len(text) > 110:
                lo = max(0, ex.start - 50)
                text = "..." + text[lo:lo + 105] + "..."
            lines.append(f"     e.g. {text}")
    if result.static_neighbours:
        lines.append(f"Static neighbours of '{result.word}': "
                     f"{', '.join(result.static_neighbours)}")
    if result.ari is not None:
        lines.append(f"Adjusted Rand index against the gold senses: {result.ari:.3f} "
                     "(a static vector puts every occurrence in one cluster: 0 by "
                     "construction).")
    if result.notice:
        lines.append(result.notice)
    lines.append(f"Wrote {n:,} rows to {args.out}")
    return "\n".join(lines)
