"""``workbench neighbours`` and ``workbench project``: the Explore panel from the shell.

``workbench neighbours VECTORS WORD_OR_EXPRESSION [-k 10] [--metric cosine|euclidean]
[--json]`` prints the nearest words (rank, word, score) of a word or of an
expression such as ``"king - man + woman"`` (quote it; start it with ``--``
when it begins with ``-``).

``workbench project VECTORS --method pca|tsne|umap [--dims 2] [--top N] ... --out
coords.csv`` maps the vectors (or the ``N`` most frequent) into 2 or 3
dimensions and writes ``word,x,y[,z]`` (UTF-8, with a header).  Maps are
cached in the workspace, so asking again for the same map is instant.

Both go through :mod:`workbench.core.explore`, the core of the app's Explore
panel.  Exit status: 0 on success, 2 for a problem with the input or the
arguments (one ``error: ...`` line on stderr), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from workbench.cli import EXIT_OK, run_guarded, sigint_cancels, stderr_progress
from workbench.core.errors import WorkbenchError
from workbench.core.tasks import CancelToken, scaled

__all__ = ["add_explore_commands", "run_neighbours", "run_project"]

_METHOD_NAMES = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP"}


def add_explore_commands(subparsers: Any) -> None:
    """Add ``neighbours`` and ``project`` to ``subparsers`` (from ``add_subparsers``)."""
    nb = subparsers.add_parser(
        "neighbours", help="nearest words of a word or an expression",
        description="Print the nearest words of a word or of an expression such as "
                    "'king - man + woman' or '2*paris - france'.")
    nb.add_argument("vectors", metavar="VECTORS",
                    help="word vectors (word2vec text/binary or GloVe text)")
    nb.add_argument("query", metavar="WORD_OR_EXPRESSION",
                    help="a word or an expression (quote it)")
    nb.add_argument("-k", type=int, default=10, help="how many neighbours (default 10)")
    nb.add_argument("--metric", choices=("cosine", "euclidean"), default="cosine",
                    help="cosine similarity (default) or Euclidean distance")
    nb.add_argument("--exclude", default="", metavar="WORDS",
                    help="comma-separated words to leave out of the list")
    nb.add_argument("--limit", type=int, default=None, metavar="N",
                    help="read only the first N vectors of the file")
    nb.add_argument("--json", action="store_true", help="print one JSON object")
    nb.set_defaults(command="neighbours")

    pr = subparsers.add_parser(
        "project", help="map word vectors to 2-D/3-D coordinates (PCA, t-SNE, UMAP)",
        description="Compute a 2-D or 3-D map of word vectors and write word,x,y[,z] as CSV.")
    pr.add_argument("vectors", metavar="VECTORS",
                    help="word vectors (word2vec text/binary or GloVe text)")
    pr.add_argument("--method", choices=("pca", "tsne", "umap"), default="pca",
                    help="projection method (default: pca)")
    pr.add_argument("--dims", type=int, choices=(2, 3), default=2,
                    help="map dimensions (default 2)")
    pr.add_argument("--top", type=int, default=None, metavar="N",
                    help="map only the N most frequent words (the first N of the file)")
    pr.add_argument("--metric", choices=("cosine", "euclidean"), default="cosine",
                    help="cosine (unit vectors, default) or euclidean (raw vectors)")
    pr.add_argument("--perplexity", type=float, default=30.0, help="t-SNE perplexity (30)")
    pr.add_argument("--n-neighbors", type=int, default=15, help="UMAP neighbours (15)")
    pr.add_argument("--min-dist", type=float, default=0.1, help="UMAP minimum distance (0.1)")
    pr.add_argument("--iterations", type=int, default=None,
                    help="t-SNE iterations (default 1000) or UMAP epochs (default: automatic)")
    pr.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    pr.add_argument("--out", required=True, type=Path, metavar="FILE.csv",
                    help="where to write word,x,y[,z]")
    pr.add_argument("--workspace", type=Path, metavar="DIR",
                    help="workspace holding the map cache (default: the app's workspace)")
    pr.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    pr.add_argument("--quiet", action="store_true", help="print nothing on success")
    pr.set_defaults(command="project")


# --------------------------------------------------------------------------- neighbours

def run_neighbours(args: argparse.Namespace, *, out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    """Run a parsed ``neighbours`` command; return the exit status."""
    out = sys.stdout if out is None else out
    return run_guarded(lambda: _neighbours(args, out, err), err)


def _neighbours(args: argparse.Namespace, out: TextIO, err: TextIO | None) -> int:
    from workbench.core.explore import nearest
    from workbench.core.static.formats import load_vectors

    if args.k < 1:
        raise WorkbenchError(f"-k must be 1 or more, not {args.k}.")
    if args.limit is not None and args.limit < 1:
        raise WorkbenchError(f"--limit must be 1 or more, not {args.limit}.")
    token = CancelToken()
    progress = stderr_progress(token, err)
    with sigint_cancels(token):
        emb = load_vectors(args.vectors, limit=args.limit, progress=progress)
        exclude = [w.strip() for w in args.exclude.split(",") if w.strip()]
        result = nearest(emb, args.query, k=args.k, metric=args.metric, exclude=exclude)
    if args.json:
        payload = {"vectors": str(args.vectors), "words": len(emb), "query": result.query,
                   "metric": result.metric, "excluded": list(result.excluded),
                   "note": result.note,
                   "neighbours": [{"rank": n.rank, "word": n.word, "score": n.score}
                                  for n in result.neighbours]}
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    label = "cosine" if result.metric == "cosine" else "distance"
    width = max([4, *(len(n.word) for n in result.neighbours)])
    lines = [f"Nearest to '{result.query}' ({result.metric}, {len(emb):,} words)",
             f"{'rank':>4}  {'word':<{width}}  {label:>8}"]
    lines += [f"{n.rank:>4}  {n.word:<{width}}  {n.score:>8.4f}" for n in result.neighbours]
    if result.note:
        lines += ["", result.note]
    print("\n".join(lines), file=out)
    return EXIT_OK


# --------------------------------------------------------------------------- project

def run_project(args: argparse.Namespace, *, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """Run a parsed ``project`` command; return the exit status."""
    out = sys.stdout if out is None else out
    return run_guarded(lambda: _project(args, out, err), err)


def write_coords_csv(path: str | Path, words: Any, coords: Any) -> Path:
    """Write ``word,x,y[,z]`` (UTF-8, header) atomically; return the path."""
    from workbench.core.workspace import atomic_write

    path = Path(path)
    dims = coords.shape[1]
    with atomic_write(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["word", *"xyz"[:dims]])
        for word, row in zip(words, coords.tolist()):
            writer.writerow([word, *(f"{v:.6g}" for v in row)])
    return path


def _project(args: argparse.Namespace, out: TextIO, err: TextIO | None) -> int:
    from workbench.core.explore import ProjectionParams, project
    from workbench.core.static.formats import load_vectors

    if args.top is not None and args.top < 1:
        raise WorkbenchError(f"--top must be 1 or more, not {args.top}.")
    params = ProjectionParams(method=args.method, dims=args.dims, top_n=args.top,
                              perplexity=args.perplexity, n_neighbors=args.n_neighbors,
                              min_dist=args.min_dist, metric=args.metric, seed=args.seed,
                              iterations=args.iterations)
    if args.out.is_dir():
        raise WorkbenchError(f"--out {args.out} is a folder; give a file name such as "
                             "coords.csv.")
    cache_dir = None
    if not args.no_cache:
        from workbench.core.workspace import Workspace

        cache_dir = Workspace(args.workspace).cache_dir / "projections"
    token = CancelToken()
    progress = stderr_progress(token, err)
    with sigint_cancels(token):
        emb = load_vectors(args.vectors, limit=args.top, progress=scaled(progress, 0, 0.1))
        result = project(emb, params, scaled(progress, 0.1, 1.0), cache_dir=cache_dir)
    write_coords_csv(args.out, result.words, result.coords)
    if not args.quiet:
        how = "from the cache" if result.from_cache else f"{result.seconds:.1f} s"
        extra = ""
        if result.explained_variance is not None:
            extra = "; explained variance " + ", ".join(
                f"{v * 100:.1f}%" for v in result.explained_variance)
        print(f"Wrote {len(result.words):,} points ({_METHOD_NAMES[args.method]}, "
              f"{args.dims}-D, {how}{extra}) to {args.out}", file=out)
    return EXIT_OK
