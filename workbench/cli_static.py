"""``workbench train word2vec|fasttext|glove CORPUS --out DIR``: static vectors from the shell.

The run goes through the same job as the app's Static training panel
(:func:`workbench.core.static.jobs.train_static`): it is recorded in the
workspace's run registry and its vectors (and gensim model) are saved in the
run's folder; ``--out`` receives a copy in the chosen format.

The corpus is tokenized through the corpus core (default tokenizer settings,
cached in the workspace) unless ``--pretokenized`` says it already holds one
tokenized sentence per line.  Each finished epoch prints one line (loss,
time, words/s, and with ``--evaluate BENCHMARK`` the benchmark's score);
``--patience N`` stops when the score (or, without ``--evaluate``, the loss)
has not improved for N epochs and keeps the best epoch.  The vectors go to
``DIR/vectors.<ext>`` in the chosen format and, with ``--save-model``, the
full gensim model to ``DIR/model.gensim``.
Ctrl-C stops training at once and still saves the vectors of the last
finished epoch.  Exit status: 0 on success, 2 for a problem with the input or
the arguments (``error: ...`` on stderr), 130 when interrupted.

Wiring (in ``workbench.cli``)::

    from workbench.cli_static import add_train_command, run_train
    add_train_command(commands)           # commands = parser.add_subparsers(...)
    ...
    if args.command == "train":
        return run_train(args)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from workbench.cli import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK, run_guarded, sigint_cancels
from workbench.core.errors import WorkbenchError
from workbench.core.tasks import CallbackProgress, Cancelled, CancelToken

__all__ = ["EXIT_CANCELLED", "EXIT_ERROR", "EXIT_OK", "VECTOR_FILES", "add_train_command",
           "run_train"]

#: File name of the saved vectors for each ``--format``.
VECTOR_FILES = {"word2vec": "vectors.txt", "word2vec-bin": "vectors.bin",
                "glove": "vectors.glove.txt"}


def add_train_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``train word2vec|fasttext|glove`` to ``subparsers`` (from ``add_subparsers``).

    Returns the ``train`` parser; parsed arguments carry ``command="train"``
    and ``model`` (``"word2vec"``, ``"fasttext"`` or ``"glove"``).
    """
    train = subparsers.add_parser(
        "train", help="train static word vectors (word2vec, fastText, GloVe)",
        description="Train word vectors on a corpus and save them.")
    models = train.add_subparsers(dest="model", metavar="MODEL")
    models.required = True
    for name, helptext in (("word2vec", "word2vec (skip-gram or CBOW)"),
                           ("fasttext", "fastText (word2vec with character n-grams)")):
        p = models.add_parser(name, help=helptext,
                              description=f"Train {helptext} vectors with gensim.")
        _add_common(p)
        if name == "fasttext":
            sub = p.add_argument_group("subwords")
            sub.add_argument("--min-n", type=int, default=3, help="shortest n-gram (default 3)")
            sub.add_argument("--max-n", type=int, default=6, help="longest n-gram (default 6)")
            sub.add_argument("--bucket", type=int, default=2_000_000,
                             help="n-gram hash buckets (default 2000000)")
    glove = models.add_parser("glove", help="GloVe (weighted least squares on co-occurrences)",
                              description="Train GloVe vectors with PyTorch (CPU or GPU).")
    _add_io(glove)
    g = glove.add_argument_group("model")
    g.add_argument("--vector-size", "--dim", dest="vector_size", type=int, default=100,
                   help="dimensions (default 100)")
    g.add_argument("--window", type=int, default=10, help="context window (default 10)")
    g.add_argument("--asymmetric", dest="symmetric", action="store_false",
                   help="count left context only")
    g.add_argument("--min-count", type=int, default=5, help="ignore rarer words (default 5)")
    g.add_argument("--max-vocab", type=int, default=None,
                   help="keep at most this many words (default: no limit)")
    g.add_argument("--x-max", type=float, default=100.0,
                   help="count at which the weight reaches 1 (default 100)")
    g.add_argument("--weight-alpha", dest="weight_alpha", type=float, default=0.75,
                   help="exponent of the weighting function (default 0.75)")
    t = glove.add_argument_group("training")
    t.add_argument("--epochs", type=int, default=15, help="passes (default 15)")
    t.add_argument("--learning-rate", type=float, default=0.05,
                   help="AdaGrad learning rate (default 0.05)")
    t.add_argument("--batch-size", type=int, default=32768,
                   help="co-occurrence cells per step (default 32768)")
    t.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    t.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), default="auto",
                   help="where to train (default: CUDA when available)")
    t.add_argument("--threads", type=int, default=None,
                   help="torch CPU threads (default: one per core)")
    return train


def _add_io(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", nargs="+", metavar="CORPUS",
                   help="corpus files or folders (or one tokenized file with --pretokenized)")
    p.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="folder for the vectors (created)")
    p.add_argument("--format", choices=tuple(VECTOR_FILES), default="word2vec",
                   help="vector file format (default: word2vec text)")
    p.add_argument("--save-model", action="store_true",
                   help="also save the full gensim model (DIR/model.gensim), for resuming "
                        "and fastText vectors of unseen words")
    p.add_argument("--pretokenized", action="store_true",
                   help="CORPUS is one file with one tokenized sentence per line, tokens "
                        "separated by spaces: use it as it is")
    p.add_argument("--workspace", type=Path, metavar="DIR",
                   help="workspace for the tokenized cache and the run registry")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    e = p.add_argument_group("each epoch")
    e.add_argument("--evaluate", metavar="BENCHMARK", default=None,
                   help="score the vectors after each epoch on a benchmark (a built-in name "
                        "such as ws353, simlex999, google, or a file)")
    e.add_argument("--eval-restrict-vocab", type=int, default=30_000, metavar="N",
                   help="look up only the N most frequent words when evaluating "
                        "(default 30000)")
    e.add_argument("--patience", type=int, default=None, metavar="N",
                   help="stop when the score (without --evaluate: the loss) has not improved "
                        "for N epochs and keep the best epoch")


def _add_common(p: argparse.ArgumentParser) -> None:
    _add_io(p)
    g = p.add_argument_group("model")
    arch = g.add_mutually_exclusive_group()
    arch.add_argument("--sg", dest="sg", action="store_true", default=False,
                      help="skip-gram")
    arch.add_argument("--cbow", dest="sg", action="store_false", help="CBOW (default)")
    g.add_argument("--hs", action="store_true", help="hierarchical softmax")
    g.add_argument("--negative", type=int, default=5,
                   help="negative samples, 0 for none (default 5)")
    g.add_argument("--vector-size", "--dim", dest="vector_size", type=int, default=100,
                   help="dimensions (default 100)")
    g.add_argument("--window", type=int, default=5, help="context window (default 5)")
    g.add_argument("--min-count", type=int, default=5,
                   help="ignore rarer words (default 5)")
    g.add_argument("--max-vocab", type=int, default=None,
                   help="keep at most this many words (default: no limit)")
    g.add_argument("--sample", type=float, default=1e-3,
                   help="down-sampling threshold (default 0.001)")
    g.add_argument("--ns-exponent", type=float, default=0.75,
                   help="negative sampling exponent (default 0.75)")
    g.add_argument("--no-shrink-windows", dest="shrink_windows", action="store_false",
                   help="always use the full window")
    t = p.add_argument_group("training")
    t.add_argument("--epochs", type=int, default=5, help="passes over the corpus (default 5)")
    t.add_argument("--alpha", type=float, default=0.025, help="start learning rate")
    t.add_argument("--min-alpha", type=float, default=0.0001, help="final learning rate")
    t.add_argument("--workers", type=int, default=None,
                   help="threads (default: number of CPU cores)")
    t.add_argument("--seed", type=int, default=1, help="random seed (default 1)")


def _params(args: argparse.Namespace) -> Any:
    from workbench.core.static.word2vec import FastTextParams, Word2VecParams

    if args.model == "glove":
        from workbench.core.static.glove import GloveParams

        return GloveParams(
            vector_size=args.vector_size, window=args.window, symmetric=args.symmetric,
            min_count=args.min_count, max_vocab=args.max_vocab, x_max=args.x_max,
            alpha=args.weight_alpha, learning_rate=args.learning_rate, epochs=args.epochs,
            batch_size=args.batch_size, seed=args.seed, device=args.device,
            threads=args.threads)

    common: dict[str, Any] = dict(
        sg=args.sg, hs=args.hs, negative=args.negative, vector_size=args.vector_size,
        window=args.window, min_count=args.min_count, max_vocab=args.max_vocab,
        sample=args.sample, ns_exponent=args.ns_exponent, alpha=args.alpha,
        min_alpha=args.min_alpha, epochs=args.epochs, seed=args.seed,
        shrink_windows=args.shrink_windows)
    if args.workers is not None:
        common["workers"] = args.workers
    if args.model == "fasttext":
        return FastTextParams(min_n=args.min_n, max_n=args.max_n, bucket=args.bucket, **common)
    return Word2VecParams(**common)


class _Printer:
    """Turns the trainer's reports into lines on the terminal."""

    def __init__(self, out: TextIO, err: TextIO, epochs: int, quiet: bool) -> None:
        self.out = out
        self.err = err
        self.epochs = epochs
        self.quiet = quiet
        self.tty = hasattr(err, "isatty") and err.isatty()

    def report(self, fraction: float | None, message: str) -> None:
        if self.tty and not self.quiet:
            pct = "    " if fraction is None else f"{fraction * 100:3.0f}%"
            self.err.write(f"\r{pct} {message[:72]:<72}")
            self.err.flush()

    def clear(self) -> None:
        """Remove the progress line (on a terminal)."""
        if self.tty:
            self.err.write("\r" + " " * 78 + "\r")

    def partial(self, obj: Any) -> None:
        from workbench.core.static.result import EpochReport

        if not isinstance(obj, EpochReport) or self.quiet:
            return
        if self.tty:
            self.err.write("\r" + " " * 78 + "\r")
        loss = "loss n/a (fastText)" if obj.loss is None else f"loss {obj.loss:.4f}"
        scores = "".join(f"  {k} {v:.4f}" for k, v in obj.evaluation.items())
        print(f"epoch {obj.epoch + 1}/{self.epochs}  {loss}  {obj.seconds:.1f} s  "
              f"{obj.words_per_second:,.0f} words/s{scores}", file=self.out, flush=True)


def _source(args: argparse.Namespace) -> Any:
    """The training source: a tokenized file (``--pretokenized``) or a corpus to tokenize."""
    if args.pretokenized:
        if len(args.corpus) != 1:
            raise WorkbenchError("--pretokenized takes exactly one tokenized corpus file.")
        return Path(args.corpus[0])
    from workbench.core.corpus import Corpus

    return Corpus.open([Path(p) for p in args.corpus])


def run_train(args: argparse.Namespace, *, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    """Run ``train word2vec|fasttext`` for parsed ``args``; return the exit status."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    token = CancelToken()
    with sigint_cancels(token):   # Ctrl-C: training stops within a fraction of a second
        return run_guarded(lambda: _train(args, token, out, err), err)


def _train(args: argparse.Namespace, token: CancelToken, out: TextIO, err: TextIO) -> int:
    from workbench.core.static.jobs import StaticTrainRequest, train_static
    from workbench.core.workspace import Workspace

    params = _params(args)
    printer = _Printer(out, err, params.epochs, args.quiet)
    progress = CallbackProgress(printer.report, printer.partial, token=token, min_interval=0.2)
    workspace = Workspace(args.workspace)
    evaluation = None
    if args.evaluate:
        from workbench.core.static.jobs import EpochEvaluation

        evaluation = EpochEvaluation(args.evaluate, restrict_vocab=args.eval_restrict_vocab)
    request = StaticTrainRequest(args.model, params, evaluation=evaluation,
                                 patience=args.patience)
    try:
        result = train_static(_source(args), request, workspace=workspace, progress=progress)
    except Cancelled as exc:
        kept = exc.result
        if kept is not None:
            vectors_path = _export(kept, args)
            printer.clear()
            print(f"Interrupted: saved the vectors of epoch {len(kept.epochs)} "
                  f"({len(kept.embeddings):,} words) to {vectors_path}", file=err)
        raise
    vectors_path = _export(result, args)
    printer.clear()
    if result.params.get("stopped_early"):
        print(f"Stopped early after epoch {len(result.epochs)}: kept the vectors of epoch "
              f"{int(result.params['best_epoch']) + 1}", file=out)
    print(f"Saved {len(result.embeddings):,} vectors of {result.embeddings.dim} dimensions to "
          f"{vectors_path} ({result.seconds:.1f} s; run {result.run_id} in {workspace.root})",
          file=out)
    return EXIT_OK


def _export(result: Any, args: argparse.Namespace) -> Path:
    """Copy a run's vectors (and, with ``--save-model``, its model) into ``--out``."""
    from workbench.core.static.formats import save_vectors

    args.out.mkdir(parents=True, exist_ok=True)
    vectors_path = save_vectors(result.embeddings, args.out / VECTOR_FILES[args.format],
                                args.format)
    if args.save_model and result.model is not None:
        from workbench.core.static.gensim_models import save_gensim_model

        save_gensim_model(result.model, args.out / "model.gensim")
    return vectors_path
