"""Command line interface (no Qt): ``workbench corpus stats PATH ...``.

``python -m workbench corpus stats texts/ --top 30`` prints the statistics the
app's corpus panel shows; ``--json`` prints them as one JSON object.  Exit
status: 0 on success, 2 for a problem with the input or the arguments (the
message goes to stderr as ``error: ...``), 130 when interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Sequence, TextIO

import workbench
from workbench.core.errors import WorkbenchError
from workbench.core.tasks import CallbackProgress, Cancelled, CancelToken

__all__ = ["COMMANDS", "EXIT_CANCELLED", "EXIT_ERROR", "EXIT_OK", "build_parser", "main",
           "run_guarded", "sigint_cancels", "stderr_progress"]

#: Top-level subcommands handled here rather than by the GUI.
# Subcommands defined in their own modules: command -> (module, adder, runner).  The
# adder registers the subparser(s) on ``commands``; the runner takes the parsed
# arguments and returns the exit status.  A module may add several commands
# (``cli_explore`` adds ``neighbours`` and ``project``).
_SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "train": ("workbench.cli_static", "add_train_command", "run_train"),
    "eval": ("workbench.cli_eval", "add_eval_command", "run_eval"),
    "neighbours": ("workbench.cli_explore", "add_explore_commands", "run_neighbours"),
    "project": ("workbench.cli_explore", "add_explore_commands", "run_project"),
    "bert": ("workbench.cli_bert", "add_bert_command", "run_bert"),
    "senses": ("workbench.cli_senses", "add_senses_command", "run_senses"),
    "attention": ("workbench.cli_attention", "add_attention_command", "run_attention"),
}
COMMANDS = {"corpus", *_SUBCOMMANDS}

EXIT_OK = 0
EXIT_ERROR = 2
EXIT_CANCELLED = 130


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``workbench`` command."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Embedding Workbench. Without arguments the desktop app starts; "
                    "the subcommands below run without a display.")
    parser.add_argument("--version", action="version", version=f"workbench {workbench.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    corpus = commands.add_parser("corpus", help="inspect text corpora")
    corpus_cmds = corpus.add_subparsers(dest="corpus_command", metavar="ACTION")
    corpus_cmds.required = True
    stats = corpus_cmds.add_parser(
        "stats", help="count tokens, types, sentences and frequent words",
        description="Scan a corpus (files, folders, .gz/.bz2/.xz/.zip, .jsonl, .csv/.tsv) "
                    "and print its statistics.")
    stats.add_argument("paths", nargs="+", metavar="PATH", help="corpus files or folders")
    reading = stats.add_argument_group("reading")
    reading.add_argument("--glob", default="*", help="files to read inside folders "
                         "(default: all supported files)")
    reading.add_argument("--jsonl-field", default="text", help="JSON field holding the text")
    reading.add_argument("--csv-column", default="text",
                         help="CSV/TSV column holding the text: header name or 0-based index")
    reading.add_argument("--encoding", default=None,
                         help="text encoding (default: BOM, UTF-8, then GB18030)")
    tok = stats.add_argument_group("tokenizing")
    tok.add_argument("--no-lowercase", action="store_true", help="keep upper case")
    tok.add_argument("--strip-accents", action="store_true", help="remove accents")
    tok.add_argument("--fold-numbers", action="store_true", help="replace digits by 0")
    tok.add_argument("--punctuation", action="store_true", help="keep punctuation tokens")
    tok.add_argument("--split-sentences", action="store_true",
                     help="split lines into sentences at . ! ? 。！？")
    tok.add_argument("--chinese", choices=("auto", "jieba", "chars", "off"), default="auto",
                     help="Chinese segmentation (default: auto)")
    out = stats.add_argument_group("output")
    out.add_argument("--min-count", type=int, default=5,
                     help="minimum count for the vocabulary size and OOV rate (default: 5)")
    out.add_argument("--top", type=int, default=20, help="how many frequent words to list")
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--vocab-out", type=Path, metavar="FILE.tsv",
                     help="write word<TAB>count for words with at least --min-count")
    out.add_argument("--workspace", type=Path, metavar="DIR",
                     help="workspace folder for the cache and run registry "
                          "(default: the app's workspace)")
    out.add_argument("--no-cache", action="store_true",
                     help="neither write the tokenized cache nor record the run")
    import importlib

    added: set[tuple[str, str]] = set()
    for module_name, adder, _runner in _SUBCOMMANDS.values():
        if (module_name, adder) not in added:
            added.add((module_name, adder))
            getattr(importlib.import_module(module_name), adder)(commands)
    return parser


# --------------------------------------------------------------------------- shared helpers
# Every command module (cli_static, cli_eval, ...) reports progress, handles Ctrl-C and
# maps outcomes to exit codes through these three helpers.


def stderr_progress(token: CancelToken, stream: TextIO | None = None,
                    on_partial: Callable[[Any], None] | None = None) -> CallbackProgress:
    """A progress that draws one updating line on ``stream`` (stderr), only on a terminal.

    Parameters
    ----------
    token
        The token that :func:`sigint_cancels` cancels.
    stream
        Where the line goes (default: ``sys.stderr``); nothing is drawn when
        it is not a terminal.
    on_partial
        Receives the job's partial results (epoch lines, ...).
    """
    out = sys.stderr if stream is None else stream
    if not (hasattr(out, "isatty") and out.isatty()):
        return CallbackProgress(on_partial=on_partial, token=token)

    def show(fraction: float | None, message: str) -> None:
        pct = "    " if fraction is None else f"{fraction * 100:3.0f}%"
        out.write(f"\r{pct} {message[:70]:<70}")
        if fraction is not None and fraction >= 1.0:
            out.write("\r" + " " * 76 + "\r")
        out.flush()

    return CallbackProgress(show, on_partial, token=token, min_interval=0.2)


#: The name command modules used before :func:`stderr_progress` was public.
_stderr_progress = stderr_progress


@contextlib.contextmanager
def sigint_cancels(token: CancelToken) -> Iterator[None]:
    """Inside the block, Ctrl-C cancels ``token`` (the job stops cooperatively).

    A second Ctrl-C raises ``KeyboardInterrupt`` at once.  The previous
    handler is restored afterwards.  Off the main thread (tests, embedding)
    signals cannot be handled, and the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: Any) -> None:
        token.cancel()
        signal.signal(signal.SIGINT, signal.default_int_handler)   # a second Ctrl-C kills

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_guarded(job: Callable[[], int], err: TextIO | None = None) -> int:
    """Run ``job`` and turn its outcome into an exit status.

    ``job``'s status on success; :data:`EXIT_CANCELLED` (130, ``cancelled``
    on ``err``) when it was cancelled or interrupted; :data:`EXIT_ERROR` (2,
    ``error: <sentence>`` on ``err``) for a :class:`WorkbenchError`.  Other
    exceptions (bugs) propagate with their traceback.
    """
    stream = sys.stderr if err is None else err
    try:
        return int(job())
    except (Cancelled, KeyboardInterrupt):
        print("cancelled", file=stream)
        return EXIT_CANCELLED
    except WorkbenchError as exc:
        print(f"error: {exc}", file=stream)
        return EXIT_ERROR


def _corpus_stats(args: argparse.Namespace) -> int:
    from workbench.core.corpus import Corpus, ReaderOptions, TokenizerSettings, scan_corpus
    from workbench.core.workspace import Workspace

    if args.min_count < 1:
        raise WorkbenchError(f"--min-count must be 1 or more, not {args.min_count}.")
    options = ReaderOptions(jsonl_field=args.jsonl_field, csv_column=args.csv_column,
                            glob=args.glob, encoding=args.encoding)
    settings = TokenizerSettings(lowercase=not args.no_lowercase,
                                 strip_accents=args.strip_accents,
                                 fold_numbers=args.fold_numbers,
                                 keep_punctuation=args.punctuation,
                                 split_sentences=args.split_sentences, chinese=args.chinese)
    corpus = Corpus.open(args.paths, options)
    workspace = None if args.no_cache else Workspace(args.workspace)

    token = CancelToken()
    progress = stderr_progress(token)
    with sigint_cancels(token):              # cooperative: the scan stops at its next block
        stats = scan_corpus(corpus, settings, workspace=workspace, progress=progress)

    if args.vocab_out is not None:
        stats.write_vocab_tsv(args.vocab_out, min_count=args.min_count)
    summary = stats.summary(args.min_count)
    top = stats.top(args.top)
    if args.json:
        payload: dict[str, Any] = dict(summary)
        payload.update({
            "files": [str(p) for p in corpus.paths],
            "top": [[w, c] for w, c in top],
            "warnings": list(stats.warnings),
            "cache_path": str(stats.cache_path) if stats.cache_path else None,
            "settings": settings.to_dict(),
        })
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_format_report(stats, summary, top, corpus, args))
    return EXIT_OK


def _format_report(stats: Any, summary: dict[str, Any], top: list[tuple[str, int]],
                   corpus: Any, args: argparse.Namespace) -> str:
    n = args.min_count
    lines = [
        f"Corpus:      {corpus.display_name} ({len(corpus.paths)} file"
        f"{'s' if len(corpus.paths) != 1 else ''}, {corpus.total_bytes / 1e6:,.1f} MB)",
        f"Tokens:      {stats.tokens:,}",
        f"Types:       {stats.types:,}",
        f"Sentences:   {stats.sentences:,} (mean length {summary['mean_sentence_length']:.1f})",
        f"Hapax:       {stats.hapax:,}",
        f"Vocabulary (min count {n}): {summary['vocab_size']:,}",
        f"OOV rate (min count {n}):   {summary['oov_rate'] * 100:.2f}%",
        f"Time:        {stats.seconds:.2f} s ({summary['tokens_per_second']:,} tokens/s)",
    ]
    if stats.cache_path is not None:
        lines.append(f"Cache:       {stats.cache_path}")
    if args.vocab_out is not None:
        lines.append(f"Vocabulary written to {args.vocab_out}")
    if top:
        width = max(4, *(len(w) for w, _ in top))
        lines += ["", f"{'rank':>4}  {'word':<{width}}  {'count':>12}  {'share':>7}"]
        for rank, (word, count) in enumerate(top, 1):
            share = count / stats.tokens * 100 if stats.tokens else 0.0
            lines.append(f"{rank:>4}  {word:<{width}}  {count:>12,}  {share:>6.2f}%")
    if stats.warnings:
        lines += ["", "Warnings:"] + [f"  - {w}" for w in stats.warnings]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:             # --help, --version, usage errors: argparse's status
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_ERROR)
    try:
        if args.command == "corpus" and args.corpus_command == "stats":
            return _corpus_stats(args)
        if args.command in _SUBCOMMANDS:
            import importlib

            module_name, _adder, runner = _SUBCOMMANDS[args.command]
            return int(getattr(importlib.import_module(module_name), runner)(args))
        parser.error("unknown command")   # pragma: no cover - argparse rejects it first
    except Cancelled:
        print("cancelled", file=sys.stderr)
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        print("cancelled", file=sys.stderr)
        return EXIT_CANCELLED
    except WorkbenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR   # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
