"""Tokenizing chunks in worker processes (the second core).

The parent reads and decodes the corpus and writes the cache; ``workers``
spawned processes tokenize chunks.  Each worker keeps its own word counts and
sends them once at the end, so the per-chunk traffic is only the tokenized
text (about the size of the chunk) and a small length histogram.  At most
``2 * workers`` chunks are in flight, so memory does not grow with the corpus.

Processes are started with the ``spawn`` method: forking a process that runs
Qt and other threads is not safe.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import sys
import traceback
import types
from collections import Counter
from itertools import chain
from typing import Any, Iterable, Iterator

import numpy as np

from workbench.core.corpus.tokenize import Tokenizer, TokenizerSettings
from workbench.core.tasks import Progress

__all__ = ["tokenize_in_workers"]

_MAX_BIN = 1000


def _summarize(sents: list[list[str]]) -> tuple[str, np.ndarray, int]:
    lengths = np.fromiter(map(len, sents), dtype=np.int64, count=len(sents))
    np.minimum(lengths, _MAX_BIN, out=lengths)
    hist = np.bincount(lengths, minlength=_MAX_BIN + 1)
    return "\n".join(map(" ".join, sents)), hist, len(sents)


def _worker(settings: TokenizerSettings, in_q: Any, out_q: Any) -> None:
    """Worker loop: ``(seq, chunk)`` in, ``(seq, text, hist, n)`` out; ``None`` ends it."""
    try:
        if hasattr(os, "nice"):
            os.nice(5)  # the window's thread in the parent keeps priority on small machines
        tokenizer = Tokenizer(settings)
        counts: Counter[str] = Counter()
        while True:
            item = in_q.get()
            if item is None:
                break
            seq, chunk = item
            sents = tokenizer.sentences(chunk)
            counts.update(chain.from_iterable(sents))
            text, hist, n = _summarize(sents)
            out_q.put(("chunk", seq, text, hist, n))
        out_q.put(("counts", dict(counts)))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which re-raises
        try:
            out_q.put(("error", exc, traceback.format_exc()))
        except Exception:  # noqa: BLE001 - unpicklable exception
            out_q.put(("error", RuntimeError(repr(exc)), traceback.format_exc()))


def _start_without_main(procs: list[Any]) -> None:
    """Start spawned processes without re-running the caller's ``__main__`` in them.

    ``spawn`` normally re-imports the main script in every child, which runs
    an unguarded script's top level (and its scan) again.  The workers need
    nothing from ``__main__``, so it is hidden while they are launched.
    """
    main = sys.modules.get("__main__")
    stub = types.ModuleType("__main__")
    sys.modules["__main__"] = stub
    try:
        for p in procs:
            p.start()
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def tokenize_in_workers(chunks: Iterable[str], settings: TokenizerSettings, workers: int,
                        progress: Progress,
                        ) -> Iterator[tuple[str, np.ndarray, int] | Counter[str]]:
    """Tokenize ``chunks`` in ``workers`` processes.

    Yields ``(tokenized_text, length_histogram, n_sentences)`` per chunk in
    input order, then one final :class:`~collections.Counter` of all words.
    Workers are stopped whatever happens (cancel, error, generator closed).
    """
    ctx = mp.get_context("spawn")
    in_q = ctx.Queue(maxsize=workers * 2)
    out_q = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(settings, in_q, out_q), daemon=True,
                         name=f"workbench-tokenizer-{i}") for i in range(workers)]
    _start_without_main(procs)
    pending: dict[int, tuple[str, np.ndarray, int]] = {}
    next_out = 0
    sent = 0
    finished = False

    def receive() -> Any:
        while True:
            progress.raise_if_cancelled()
            try:
                msg = out_q.get(timeout=0.2)
            except queue.Empty:
                if not all(p.is_alive() for p in procs) and out_q.empty():
                    dead = [p for p in procs if not p.is_alive() and p.exitcode]
                    if dead:
                        raise RuntimeError(f"a tokenizer process stopped (exit code "
                                           f"{dead[0].exitcode})")
                continue
            if msg[0] == "error":
                raise msg[1]
            return msg

    try:
        for chunk in chunks:
            while sent - next_out - len(pending) >= workers * 2 or len(pending) > workers * 4:
                msg = receive()
                pending[msg[1]] = msg[2:]
                while next_out in pending:
                    yield pending.pop(next_out)
                    next_out += 1
            in_q.put((sent, chunk))
            sent += 1
            while next_out in pending:
                yield pending.pop(next_out)
                next_out += 1
        for _ in procs:
            in_q.put(None)
        total: Counter[str] = Counter()
        got_counts = 0
        while next_out < sent or got_counts < workers:
            msg = receive()
            if msg[0] == "chunk":
                pending[msg[1]] = msg[2:]
                while next_out in pending:
                    yield pending.pop(next_out)
                    next_out += 1
            else:
                part = msg[1]
                if total:
                    total.update(part)
                else:
                    total = Counter(part)
                got_counts += 1
        finished = True
        yield total
    finally:
        if finished:
            for p in procs:
                p.join(timeout=5)
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)
        in_q.close()
        out_q.close()
        in_q.cancel_join_thread()
        out_q.cancel_join_thread()
