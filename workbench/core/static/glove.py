"""GloVe (Pennington, Socher & Manning 2014) in torch, CPU or CUDA.

Three stages, each streamed, reported and cancellable:

1. :func:`build_vocabulary` counts the words of a tokenized corpus file (one
   sentence per line, tokens separated by spaces) and keeps those occurring at
   least ``min_count`` times, most frequent first (ties: alphabetical), capped
   at ``max_vocab``.
2. :func:`count_cooccurrences` builds the sparse co-occurrence matrix with
   ``1/distance`` weights as the reference ``cooccur.c`` does: words outside
   the vocabulary are dropped *before* windows are taken, windows never cross
   a line, and ``X[i, j]`` counts word ``i`` occurring ``d`` tokens *before*
   word ``j`` (``symmetric=False``: left context only) or either side of it
   (``symmetric=True``, the matrix is then symmetric).
3. :func:`fit_glove` minimises the weighted least squares objective
   ``sum f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2`` with AdaGrad.

Co-occurrence counting
======================
Tokens are read line by line and mapped to ids with one dict look-up each;
everything else is numpy on blocks of ~``2**23 / window`` tokens (a block may
cut a line: the last ``window`` tokens of a block are carried into the next).
For each offset ``d = 1..window`` the pairs ``(ids[k], ids[k+d])`` whose two
tokens lie in the same line are encoded as ``key = i * V + j`` and packed with
``d`` in the low bits, so one in-place ``np.sort`` of int64 keys orders the
block and ``np.add.reduceat`` over the ``1/d`` weights reduces it to sorted
unique cells.  Reduced blocks are kept as sorted runs and merged (stable
argsort, which merges sorted runs, then reduceat) whenever they hold more
than ``_MERGE_AT`` cells, and once at the end.  For a symmetric matrix a pair
is keyed ``(min(i, j), max(i, j))``, so only the upper triangle is sorted and
merged, and it is mirrored at the end.  Nothing of size ``V x V`` is ever
allocated: memory is ~16 bytes per non-zero cell (int64 key + float64 value)
plus one block's buffers, which are reused (on the VM this was measured on, a
fresh array costs more in page faults than the arithmetic on it: reusing
buffers and keying the upper triangle took the 50k-word build from 13.9 s to
5.4 s).

Training
========
Parameters are initialised uniform(-0.5, 0.5) / vector_size (biases too) and
updated with AdaGrad as in the reference ``glove.c``: the gradient of
``1/2 f(X) diff^2`` is scaled by the learning rate ``eta`` and the
accumulators start at 1 and sum the squared *scaled* gradients, so a step is
``eta g / sqrt(1 + sum (eta g)^2)`` (glove.c applies the step before adding
the current gradient to the accumulator; we add it first, as standard
AdaGrad and ``torch.optim.Adagrad`` do).  Cells are shuffled each epoch with
the seeded generator and processed in mini-batches of ``batch_size`` cells;
gradients of a row touched by several cells of a batch are summed.  The
returned vectors are ``W + W~``.

The update is hand-written on the rows a batch touches (``torch.unique`` +
``index_add_``), which is faster on CPU than dense parameters with autograd
and ``torch.optim.Adagrad`` (which rewrites every row each step); see
``benchmarks/glove_train.py`` and MEASUREMENTS below.  Both give the same
numbers (``optimizer="dense"`` of :func:`fit_glove` keeps the dense path for
comparison).

MEASUREMENTS
============
``benchmarks/glove_train.py`` on this project's 2-core VM (no GPU), the NLTK
English corpora of ``shared/data`` (3.80M lower-cased word tokens, 186k lines),
vocabulary 49,944 words (every word occurring at least twice: the corpus has
no 50,000 such words), window 10 symmetric, 100 dimensions, batch 32,768,
torch 2.13, one torch thread:

===========================================  =================================
vocabulary pass                              2.0 s
co-occurrence build                          5.4-6.3 s (13,192,074 cells, 201 MB)
epoch, hand-written sparse AdaGrad           20.0 s
epoch, dense parameters + torch Adagrad      30.9 s (same losses to 1e-9)
===========================================  =================================

With torch's default two threads on the same machine while other jobs kept
both cores busy, epochs took 78-177 s (OpenMP threads wait on each other
when a core is taken away), so a busy machine is better served with
``torch.set_num_threads(1)``.  Mini-batches do not cost quality: on a small
problem the per-epoch losses of batch 1 (glove.c's cell-by-cell AdaGrad),
16, 256 and 4,096 agree to 3 digits after the first epoch.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import lzma
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.static.result import (
    EarlyStopping,
    EpochReport,
    StaticTrainResult,
    StepReport,
)
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, scaled

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "Cooccurrence",
    "GloveParams",
    "GloveVocabulary",
    "build_vocabulary",
    "count_cooccurrences",
    "fit_glove",
    "glove_gradients",
    "glove_loss",
    "resolve_device",
    "train_glove",
]

DEVICES = ("auto", "cpu", "cuda", "mps")
_OPENERS: dict[str, Callable[..., IO[bytes]]] = {
    ".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_CHECK_LINES = 5000          # progress / cancellation check every this many lines
_BLOCK_EVENTS = 1 << 23      # co-occurrence events per numpy block (~64 MB of keys)
_MERGE_AT = 40_000_000       # merge pending sorted runs beyond this many cells
_REPORTS_PER_EPOCH = 10      # StepReports per epoch (at least)


Evaluator = Callable[[Embeddings], "dict[str, float]"]
Snapshot = Callable[[int, Embeddings], None]


def _default_threads() -> int:
    from workbench.core.params import default_threads

    return default_threads()


# --------------------------------------------------------------------------- parameters

@dataclass(frozen=True)
class GloveParams:
    """Everything a GloVe run depends on.

    Parameters
    ----------
    vector_size
        Dimensions of the word vectors.
    window
        Context words counted on each side (left only when not ``symmetric``).
    symmetric
        Count context on both sides (``True``, the paper's default) or the left only.
    min_count
        Words occurring fewer times are dropped before counting co-occurrences.
    max_vocab
        Keep at most this many of the most frequent words (``None``: no cap).
    x_max, alpha
        The weighting function ``f(x) = (x / x_max) ** alpha`` below ``x_max``, else 1.
    learning_rate
        AdaGrad's initial step ``eta``.
    epochs
        Passes over the non-zero co-occurrence cells.
    batch_size
        Cells per AdaGrad step.
    seed
        Seeds initialisation and the per-epoch shuffles.
    device
        ``"auto"`` (CUDA when available, else CPU), ``"cpu"``, ``"cuda"`` or ``"mps"``.
    threads
        torch CPU threads while :func:`train_glove` trains on the CPU;
        ``None`` (default): one per CPU core (``os.cpu_count()``).  torch's
        setting is process-wide: the job sets it for its own duration and
        restores the previous value afterwards (:func:`fit_glove` alone leaves
        it to the caller).  On a machine shared with other busy jobs 1 can be faster
        (see MEASUREMENTS).  Not used on a GPU.

    Raises
    ------
    ParameterError
        When a value is out of range; the message names the parameter.
    """

    vector_size: int = 100
    window: int = 10
    symmetric: bool = True
    min_count: int = 5
    max_vocab: int | None = None
    x_max: float = 100.0
    alpha: float = 0.75
    learning_rate: float = 0.05
    epochs: int = 15
    batch_size: int = 32768
    seed: int = 1
    device: str = "auto"
    threads: int | None = None

    def __post_init__(self) -> None:
        def need_int(name: str, low: int, high: int | None = None) -> None:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise ParameterError(msg("{name} must be a whole number, not {value!r}.",
                                         name=name, value=value))
            if value < low or (high is not None and value > high):
                raise ParameterError(
                    msg("{name} must be at least {low:,}; it is {value}.", name=name, low=low,
                        value=value) if high is None else
                    msg("{name} must be at least {low:,} and at most {high:,}; it is {value}.",
                        name=name, low=low, high=high, value=value))

        need_int("vector_size", 1, 10_000)
        need_int("window", 1, 1000)
        need_int("min_count", 1)
        need_int("epochs", 1)
        need_int("batch_size", 1)
        need_int("seed", 0)
        if self.threads is not None:
            need_int("threads", 1, 1024)
        if self.max_vocab is not None:
            need_int("max_vocab", 1, 50_000_000)
        if not isinstance(self.symmetric, bool):
            raise ParameterError(msg("symmetric must be True or False, not {symmetric!r}.",
                                     symmetric=self.symmetric))
        for name, low_open in (("x_max", 0.0), ("learning_rate", 0.0)):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) \
                    or value <= low_open:
                raise ParameterError(msg("{name} must be a positive number; it is {value!r}.",
                                         name=name, value=value))
        if not isinstance(self.alpha, (int, float)) or not 0.0 <= self.alpha <= 10.0:
            raise ParameterError(msg("alpha must be a number between 0 and 10; it is {alpha!r}.",
                                     alpha=self.alpha))
        if self.device not in DEVICES:
            raise ParameterError(msg("device must be one of {DEVICES}; it is {device!r}.",
                                     DEVICES=', '.join(DEVICES), device=self.device))

    def as_dict(self) -> dict[str, Any]:
        """The parameters as a plain dict (for the run registry)."""
        return asdict(self)


@contextlib.contextmanager
def torch_threads(threads: int | None) -> Iterator[None]:
    """Run the block with ``torch.set_num_threads(threads)``, then restore the old value.

    ``None`` leaves torch's setting alone.  The setting is process-wide, so a
    job running at the same time in another thread sees it too.
    """
    if threads is None:
        yield
        return
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(int(threads))
    try:
        yield
    finally:
        torch.set_num_threads(previous)


# --------------------------------------------------------------------------- vocabulary

@dataclass(frozen=True)
class GloveVocabulary:
    """The words kept for training, most frequent first.

    Attributes
    ----------
    words
        The kept words.
    counts
        Corpus frequency of each kept word (int64).
    tokens
        Tokens in the corpus (all words).
    types
        Distinct words in the corpus.
    lines
        Lines in the corpus file.
    """

    words: tuple[str, ...]
    counts: NDArray[np.int64] = field(repr=False)
    tokens: int
    types: int
    lines: int

    def __len__(self) -> int:
        return len(self.words)

    def index(self) -> dict[str, int]:
        """Map from word to row."""
        return {w: i for i, w in enumerate(self.words)}


def _open_corpus(path: Path) -> IO[bytes]:
    if not path.exists():
        raise CorpusError(msg("The corpus file {path} does not exist.", path=path), path=path)
    if path.is_dir():
        raise CorpusError(msg("{path} is a folder; GloVe needs one tokenized corpus file (one "
                              "sentence per line).", path=path), path=path)
    opener = _OPENERS.get(path.suffix.lower())
    try:
        return opener(path, "rb") if opener else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise CorpusError(msg("{path} cannot be opened: {value}.", path=path,
                              value=exc.strerror or exc),
                          path=path) from exc


def _position(f: IO[bytes]) -> int:
    raw = getattr(f, "fileobj", None) or getattr(f, "_fp", None) or f
    try:
        return int(raw.tell())
    except (OSError, ValueError, AttributeError):
        return 0


def _lines(path: Path, progress: Progress, what: str) -> Any:
    """Yield ``(line_number, tokens)`` of ``path``, reporting the fraction of bytes read."""
    with _open_corpus(path) as f:
        total = max(path.stat().st_size, 1)
        lineno = 0
        try:
            for lineno, raw in enumerate(f, 1):
                if lineno % _CHECK_LINES == 0:
                    progress.raise_if_cancelled()
                    progress.report(min(_position(f) / total, 1.0),
                                    msg("{what}: line {lineno:,}", what=what, lineno=lineno))
                try:
                    yield lineno, raw.decode("utf-8").split()
                except UnicodeDecodeError:
                    raise CorpusError(msg("Line {lineno} of {path} is not valid UTF-8 text; "
                                          "GloVe reads tokenized UTF-8 corpus files.",
                                          lineno=lineno, path=path),
                                      path=path, line=lineno) from None
        except (EOFError, OSError) as exc:
            raise CorpusError(msg("{path} is truncated or corrupt after line {lineno}.", path=path,
                                  lineno=lineno),
                              path=path, line=lineno) from exc


def build_vocabulary(corpus_file: str | Path, min_count: int = 5,
                     max_vocab: int | None = None, *,
                     progress: Progress = NULL_PROGRESS) -> GloveVocabulary:
    """Count the words of ``corpus_file`` in one streamed pass and keep the frequent ones.

    Parameters
    ----------
    corpus_file
        Tokenized text, one sentence per line, tokens separated by whitespace
        (``.gz``/``.bz2``/``.xz`` are decompressed).
    min_count
        Keep words occurring at least this many times.
    max_vocab
        Keep at most this many words (the most frequent).
    progress
        Receives the fraction of the file read; cancelling stops the pass.

    Returns
    -------
    GloveVocabulary
        Words sorted by decreasing count, then alphabetically.

    Raises
    ------
    ParameterError
        When no word is frequent enough (or the file holds no word).
    CorpusError
        When the file cannot be read.
    """
    from collections import Counter

    path = Path(corpus_file)
    counter: Counter[str] = Counter()
    lines = 0
    for lines, tokens in _lines(path, progress, msg("Counting words")):
        counter.update(tokens)
    tokens_total = sum(counter.values())
    if tokens_total == 0:
        raise ParameterError(msg("The corpus file {path} holds no words, so GloVe has nothing "
                                 "to learn from.", path=path), path=path)
    kept = sorted(((w, c) for w, c in counter.items() if c >= min_count),
                  key=lambda wc: (-wc[1], wc[0]))
    if max_vocab is not None:
        kept = kept[:max_vocab]
    if not kept:
        top = max(counter.values())
        raise ParameterError(
            msg("No word of {path_name} occurs at least min_count={min_count} times (the most "
                "frequent occurs {top:,} times), so the vocabulary is empty; lower min_count.",
                path_name=path.name, min_count=min_count, top=top),
            path=path)
    progress.report(1.0, msg("Vocabulary: {n_kept:,} of {n_counter:,} words", n_kept=len(kept),
                             n_counter=len(counter)))
    return GloveVocabulary(words=tuple(w for w, _ in kept),
                           counts=np.array([c for _, c in kept], dtype=np.int64),
                           tokens=tokens_total, types=len(counter), lines=lines)


# --------------------------------------------------------------------------- co-occurrence

@dataclass(frozen=True)
class Cooccurrence:
    """A sparse co-occurrence matrix in COO form (no duplicate cells).

    Attributes
    ----------
    rows, cols
        Cell coordinates (int32), each cell once, in no particular order.
    values
        Weighted counts (float64, all > 0).
    vocab_size
        ``V``: the matrix is ``V x V``.
    symmetric
        Whether both context sides were counted.
    window
        The window used.
    tokens
        In-vocabulary tokens read.
    seconds
        Wall time of the count.
    """

    rows: NDArray[np.int32] = field(repr=False)
    cols: NDArray[np.int32] = field(repr=False)
    values: NDArray[np.float64] = field(repr=False)
    vocab_size: int
    symmetric: bool
    window: int
    tokens: int
    seconds: float = 0.0

    @property
    def nnz(self) -> int:
        """Number of non-zero cells."""
        return int(self.values.shape[0])

    @property
    def nbytes(self) -> int:
        """Memory held by the three arrays."""
        return int(self.rows.nbytes + self.cols.nbytes + self.values.nbytes)

    def to_dict(self) -> dict[tuple[int, int], float]:
        """The cells as ``{(row, col): value}`` (small matrices only: tests, display)."""
        return {(int(i), int(j)): float(v)
                for i, j, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist())}


def _reduce_sorted(keys: NDArray[np.int64], values: NDArray[np.float64]
                   ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Sum ``values`` over runs of equal ``keys`` (``keys`` sorted)."""
    if keys.size == 0:
        return keys, values
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[starts], np.add.reduceat(values, starts)


def _merge_runs(runs: list[tuple[NDArray[np.int64], NDArray[np.float64]]]
                ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Merge sorted, duplicate-free runs into one (summing equal keys)."""
    if len(runs) == 1:
        return runs[0]
    if not runs:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    keys = np.concatenate([k for k, _ in runs])
    values = np.concatenate([v for _, v in runs])
    runs.clear()
    order = np.argsort(keys, kind="stable")  # timsort: merges the sorted runs
    keys = keys[order]
    values = values[order]
    del order
    return _reduce_sorted(keys, values)


class _BlockCounter:
    """Turns blocks of token ids into sorted runs of (key, weight) cells.

    The large per-block arrays live in buffers allocated once and reused with
    ``out=`` arguments: fresh multi-megabyte arrays cost a page fault per 4 KB
    page, which on some virtual machines is slower than the arithmetic itself.
    With ``canonical=True`` a pair is keyed ``min(i, j) * V + max(i, j)`` (the
    symmetric matrix's upper triangle), halving the cells to sort and merge.
    """

    def __init__(self, vocab_size: int, window: int, canonical: bool) -> None:
        self.V = np.int64(vocab_size)
        self.window = window
        self.canonical = canonical
        self.bits = int(window).bit_length()
        self.mask = np.int64((1 << self.bits) - 1)
        if vocab_size > 0 and (vocab_size ** 2) << self.bits >= 2 ** 62:
            raise ParameterError(msg("A vocabulary of {vocab_size:,} words is too large to "
                                     "count co-occurrences; lower max_vocab.",
                                     vocab_size=vocab_size))
        self._capacity = 0

    def _buffers(self, n_tokens: int) -> None:
        events = n_tokens * self.window
        if events <= self._capacity:
            return
        self._capacity = events
        self.packed = np.empty(events, np.int64)
        self.work = np.empty(events, np.int64)
        self.fweights = np.empty(events, np.float64)
        self.flags = np.empty(events, np.bool_)
        self.tmp = np.empty(n_tokens, np.int64)
        self.tmp2 = np.empty(n_tokens, np.int64)
        self.same = np.empty(n_tokens, np.bool_)

    def count(self, ids: NDArray[np.int64], sent: NDArray[np.int64], start: int = 0
              ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Cells of the pairs ``(ids[k], ids[k + d])``, ``k + d >= start``, in one sentence."""
        n = int(ids.size)
        self._buffers(n)
        packed, tmp, tmp2 = self.packed, self.tmp, self.tmp2
        pos = 0
        for d in range(1, min(self.window, n - 1) + 1):
            lo = max(start - d, 0)
            if lo >= n - d:
                continue
            same = self.same[:n - d - lo]
            np.equal(sent[lo + d:], sent[lo:n - d], out=same)
            c = int(np.count_nonzero(same))
            if not c:
                continue
            seg = packed[pos:pos + c]
            left, right = tmp[:c], tmp2[:c]
            np.compress(same, ids[lo:n - d], out=left)
            np.compress(same, ids[lo + d:], out=right)
            if self.canonical:
                np.minimum(left, right, out=seg)
                np.maximum(left, right, out=right)
            else:
                seg[...] = left
            seg *= self.V
            seg += right
            seg <<= self.bits
            seg |= d
            pos += c
        if pos == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float64)
        keys = packed[:pos]
        keys.sort()
        dist = self.work[:pos]
        np.bitwise_and(keys, self.mask, out=dist)
        weights = self.fweights[:pos]
        np.divide(1.0, dist, out=weights)
        keys >>= self.bits
        flags = self.flags[:pos]
        flags[0] = True
        np.not_equal(keys[1:], keys[:-1], out=flags[1:])
        starts = np.flatnonzero(flags)
        return keys[starts], np.add.reduceat(weights, starts)


def count_cooccurrences(corpus_file: str | Path, vocabulary: GloveVocabulary | list[str] |
                        tuple[str, ...], window: int = 10, symmetric: bool = True, *,
                        progress: Progress = NULL_PROGRESS) -> Cooccurrence:
    """Count ``1/distance``-weighted co-occurrences of vocabulary words in ``corpus_file``.

    Parameters
    ----------
    corpus_file
        Tokenized text, one sentence per line (windows do not cross lines).
    vocabulary
        The words to count (row ``i`` is ``vocabulary[i]``); other tokens are
        removed before windows are taken, as in GloVe's ``cooccur.c``.
    window
        Context size on each side (left only when ``symmetric`` is false).
    symmetric
        Count both sides (``X`` is symmetric) or only ``X[earlier, later]``.
    progress
        Receives the fraction of the file read; cancelling stops the count.

    Returns
    -------
    Cooccurrence
        The sorted sparse matrix.
    """
    start = time.perf_counter()
    path = Path(corpus_file)
    words = vocabulary.words if isinstance(vocabulary, GloveVocabulary) else tuple(vocabulary)
    index = {w: i for i, w in enumerate(words)}
    get = index.get
    V = len(words)
    if V == 0:
        raise ParameterError(msg("The vocabulary is empty; there is nothing to count."))
    if window < 1:
        raise ParameterError(msg("window must be at least 1; it is {window}.", window=window))
    counter = _BlockCounter(V, window, canonical=symmetric)
    block_tokens = max(_BLOCK_EVENTS // window, 1)
    runs: list[tuple[NDArray[np.int64], NDArray[np.float64]]] = []
    pending = 0
    ids: list[int] = []
    pieces: list[int] = []          # tokens per appended piece of a line
    piece_lines: list[int] = []     # the line number of each piece (the sentence id)
    prefix_ids = np.zeros(0, np.int64)
    prefix_sent = np.zeros(0, np.int64)
    tokens_in_vocab = 0

    def flush() -> None:
        # Count one block; the last `window` tokens of the previous block come first
        # so that windows reach back across the cut (a line may span blocks).
        nonlocal pending, tokens_in_vocab, prefix_ids, prefix_sent
        if not ids:
            return
        arr = np.fromiter(ids, dtype=np.int64, count=len(ids))
        sent = np.repeat(np.array(piece_lines, dtype=np.int64),
                         np.array(pieces, dtype=np.int64))
        ids.clear()
        pieces.clear()
        piece_lines.clear()
        keep = arr >= 0
        arr, sent = arr[keep], sent[keep]
        tokens_in_vocab += int(arr.size)
        start = int(prefix_ids.size)
        arr = np.concatenate((prefix_ids, arr))
        sent = np.concatenate((prefix_sent, sent))
        run = counter.count(arr, sent, start)
        prefix_ids, prefix_sent = arr[-window:].copy(), sent[-window:].copy()
        if run[0].size:
            runs.append(run)
            pending += int(run[0].size)
        if pending > _MERGE_AT and len(runs) > 1:
            merged = _merge_runs(runs)
            runs.append(merged)
            pending = int(merged[0].size)

    reading = scaled(progress, 0.0, 0.9)
    for lineno, tokens in _lines(path, reading, msg("Counting co-occurrences")):
        n = len(tokens)
        if n < 2:
            continue
        for s in range(0, n, block_tokens):
            piece = tokens if n <= block_tokens else tokens[s:s + block_tokens]
            ids.extend([get(t, -1) for t in piece])
            pieces.append(len(piece))
            piece_lines.append(lineno)
            if len(ids) >= block_tokens:
                flush()
    flush()
    progress.raise_if_cancelled()
    progress.report(0.9, msg("Merging co-occurrence counts"))
    keys, values = _merge_runs(runs)
    rows64, cols64 = np.divmod(keys, np.int64(V))
    del keys
    if symmetric:
        # The runs hold the upper triangle U (i <= j) of X = L + L^T: X[i, j] = X[j, i] =
        # U[i, j] off the diagonal and X[i, i] = 2 U[i, i].
        off = rows64 != cols64
        values = np.where(off, values, 2.0 * values)
        rows64, cols64, values = (np.concatenate((rows64, cols64[off])),
                                  np.concatenate((cols64, rows64[off])),
                                  np.concatenate((values, values[off])))
    result = Cooccurrence(rows=rows64.astype(np.int32), cols=cols64.astype(np.int32),
                          values=values, vocab_size=V, symmetric=symmetric, window=window,
                          tokens=tokens_in_vocab, seconds=time.perf_counter() - start)
    progress.report(1.0, msg("{result_nnz:,} non-zero co-occurrence cells", result_nnz=result.nnz))
    return result


# --------------------------------------------------------------------------- training

def resolve_device(device: str) -> str:
    """Turn ``"auto"`` into ``"cuda"`` or ``"cpu"``; check an explicit choice is available.

    Raises
    ------
    ParameterError
        When the requested device is not available.
    """
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ParameterError(msg("device='cuda' was requested but torch sees no CUDA GPU; "
                                 "choose 'auto' or 'cpu'."))
    if device == "mps" and not (getattr(torch.backends, "mps", None) is not None
                                and torch.backends.mps.is_available()):
        raise ParameterError(msg("device='mps' was requested but Apple's Metal back end is not "
                                 "available; choose 'auto' or 'cpu'."))
    if device not in DEVICES:
        raise ParameterError(msg("device must be one of {DEVICES}; it is {device!r}.",
                                 DEVICES=', '.join(DEVICES), device=device))
    return device


def glove_loss(W: Any, C: Any, bw: Any, bc: Any, rows: Any, cols: Any, x: Any,
               x_max: float = 100.0, alpha: float = 0.75) -> Any:
    """The GloVe objective ``sum f(x) (w_i . c_j + b_i + c_j - log x)^2`` (a torch scalar).

    Parameters
    ----------
    W, C
        Word and context vectors, ``(V, D)``.
    bw, bc
        Word and context biases, ``(V,)``.
    rows, cols, x
        The cells and their co-occurrence values (> 0).
    x_max, alpha
        The weighting function's parameters.
    """
    import torch

    diff = (W[rows] * C[cols]).sum(1) + bw[rows] + bc[cols] - torch.log(x)
    f = torch.where(x < x_max, (x / x_max) ** alpha, torch.ones_like(x))
    return (f * diff * diff).sum()


def glove_gradients(W: Any, C: Any, bw: Any, bc: Any, rows: Any, cols: Any, x: Any,
                    x_max: float = 100.0, alpha: float = 0.75) -> tuple[Any, Any, Any, Any]:
    """Hand-written gradients of :func:`glove_loss` w.r.t. ``W, C, bw, bc`` (dense).

    Used by the tests to check the trainer's update against autograd.
    """
    import torch

    f = torch.where(x < x_max, (x / x_max) ** alpha, torch.ones_like(x))
    g, _, wi, cj = _cell_gradient(W, C, bw, bc, rows, cols, torch.log(x), f)
    g = 2.0 * g
    gW = torch.zeros_like(W).index_add_(0, rows, g[:, None] * cj)
    gC = torch.zeros_like(C).index_add_(0, cols, g[:, None] * wi)
    gbw = torch.zeros_like(bw).index_add_(0, rows, g)
    gbc = torch.zeros_like(bc).index_add_(0, cols, g)
    return gW, gC, gbw, gbc


def _cell_gradient(W: Any, C: Any, bw: Any, bc: Any, i: Any, j: Any, logx: Any, f: Any
                   ) -> tuple[Any, Any, Any, Any]:
    """``f * diff`` per cell (the gradient of ``1/2 f diff^2`` w.r.t. the prediction).

    Returns ``(f * diff, diff, W[i], C[j])``.
    """
    wi = W.index_select(0, i)
    cj = C.index_select(0, j)
    diff = (wi * cj).sum(1) + bw.index_select(0, i) + bc.index_select(0, j) - logx
    return f * diff, diff, wi, cj


def _adagrad_rows(param: Any, accum: Any, idx: Any, grad: Any) -> None:
    """AdaGrad on the rows ``idx`` touches; repeated rows have their gradients summed."""
    import torch

    uniq, inverse = torch.unique(idx, return_inverse=True)
    uniq = uniq.long()
    shape = (uniq.shape[0],) + tuple(grad.shape[1:])
    g = torch.zeros(shape, dtype=grad.dtype, device=grad.device).index_add_(0, inverse, grad)
    acc = accum.index_select(0, uniq).addcmul_(g, g)
    accum.index_copy_(0, uniq, acc)
    param.index_add_(0, uniq, g.div_(acc.sqrt_()).neg_())


class _Snapshot:
    """The vectors and reports of the last finished epoch (what a cancel keeps)."""

    def __init__(self) -> None:
        self.vectors: NDArray[np.float32] | None = None
        self.epochs: list[EpochReport] = []


EpochEnd = Callable[[EpochReport, "NDArray[np.float32]"], "tuple[EpochReport, bool]"]


def fit_glove(cooc: Cooccurrence, params: GloveParams, *, progress: Progress = NULL_PROGRESS,
              optimizer: str = "sparse", snapshot: _Snapshot | None = None,
              epoch_end: EpochEnd | None = None,
              ) -> tuple[NDArray[np.float32], list[EpochReport]]:
    """Train GloVe vectors on a co-occurrence matrix.

    Parameters
    ----------
    cooc
        The matrix from :func:`count_cooccurrences`.
    params
        ``vector_size``, ``x_max``, ``alpha``, ``learning_rate``, ``epochs``,
        ``batch_size``, ``seed`` and ``device`` are used.
    progress
        Receives the fraction of training done, a :class:`StepReport` several
        times per epoch and an :class:`EpochReport` after each epoch;
        cancellation is checked before every batch.  In both reports ``loss``
        is the mean of ``f(X_ij) diff_ij^2`` per cell, ``words_per_second``
        counts co-occurrence cells per second and ``StepReport.fraction`` is
        the fraction of all epochs' cells done.
    optimizer
        ``"sparse"``: hand-written AdaGrad on the touched rows (default);
        ``"dense"``: autograd + ``torch.optim.Adagrad`` on dense parameters
        (same mathematics, kept for comparison).
    snapshot
        Filled with the vectors of each finished epoch (used for cancellation).
    epoch_end
        Called after each epoch with its report and vectors (``W + W~``, a
        copy); returns the report to publish (with evaluation scores, say)
        and whether to stop training now.  :func:`train_glove` uses it for
        ``evaluate`` and early stopping.

    Returns
    -------
    vectors, epochs
        ``W + W~`` as float32 ``(V, D)`` of the last epoch trained and one
        report per epoch.

    Raises
    ------
    Cancelled
        When the caller cancels (``result`` is ``None``; see :func:`train_glove`).
    WorkbenchError
        When the loss becomes NaN or infinite (learning rate too high).
    """
    import torch

    if optimizer not in ("sparse", "dense"):
        raise ParameterError(msg("optimizer must be 'sparse' or 'dense'; it is {optimizer!r}.",
                                 optimizer=optimizer))
    if cooc.nnz == 0:
        raise ParameterError(msg("The co-occurrence matrix is empty: no two vocabulary words "
                                 "occur within {cooc_window} tokens of each other on a line.",
                                 cooc_window=cooc.window))
    snap = snapshot if snapshot is not None else _Snapshot()
    device = torch.device(resolve_device(params.device))
    gen = torch.Generator().manual_seed(int(params.seed))
    V, D, N = cooc.vocab_size, params.vector_size, cooc.nnz

    def init(*shape: int) -> Any:
        return ((torch.rand(*shape, generator=gen) - 0.5) / D).to(device)

    W, C, bw, bc = init(V, D), init(V, D), init(V), init(V)
    rows = torch.from_numpy(np.ascontiguousarray(cooc.rows, dtype=np.int32)).to(device)
    cols = torch.from_numpy(np.ascontiguousarray(cooc.cols, dtype=np.int32)).to(device)
    x = torch.from_numpy(cooc.values)
    logx = torch.log(x).to(torch.float32).to(device)
    fx = torch.where(x < params.x_max, (x / params.x_max) ** params.alpha,
                     torch.ones_like(x)).to(torch.float32).to(device)
    del x
    eta = float(params.learning_rate)
    if optimizer == "sparse":
        accums = [torch.ones_like(t) for t in (W, C, bw, bc)]
        opt = None
    else:
        for t in (W, C, bw, bc):
            t.requires_grad_(True)
        opt = torch.optim.Adagrad([W, C, bw, bc], lr=1.0, initial_accumulator_value=1.0,
                                  eps=0.0)

    B = int(params.batch_size)
    n_batches = -(-N // B)
    report_every = max(1, n_batches // _REPORTS_PER_EPOCH)
    total_cells = N * params.epochs
    start_all = time.perf_counter()
    for epoch in range(params.epochs):
        t_epoch = time.perf_counter()
        perm = torch.randperm(N, generator=gen).to(device)
        epoch_loss = torch.zeros((), dtype=torch.float64, device=device)
        interval_loss = torch.zeros((), dtype=torch.float64, device=device)
        interval_cells, t_interval = 0, time.perf_counter()
        for b in range(n_batches):
            progress.raise_if_cancelled()
            idx = perm[b * B:(b + 1) * B]
            i, j = rows.index_select(0, idx), cols.index_select(0, idx)
            lx, f = logx.index_select(0, idx), fx.index_select(0, idx)
            if opt is None:
                with torch.no_grad():
                    fd, diff, wi, cj = _cell_gradient(W, C, bw, bc, i, j, lx, f)
                    batch_loss = (fd * diff).sum()
                    g = fd.mul_(eta)
                    _adagrad_rows(W, accums[0], i, g[:, None] * cj)
                    _adagrad_rows(C, accums[1], j, g[:, None] * wi)
                    _adagrad_rows(bw, accums[2], i, g)
                    _adagrad_rows(bc, accums[3], j, g)
            else:
                diff = ((W[i] * C[j]).sum(1) + bw[i] + bc[j] - lx)
                weighted = f * diff * diff
                opt.zero_grad(set_to_none=True)
                (weighted.sum() * (0.5 * eta)).backward()
                opt.step()
                batch_loss = weighted.detach().sum()
            epoch_loss += batch_loss
            interval_loss += batch_loss
            interval_cells += int(idx.shape[0])
            if (b + 1) % report_every == 0 or b + 1 == n_batches:
                mean = float(interval_loss) / max(interval_cells, 1)
                if not math.isfinite(mean):
                    raise WorkbenchError(
                        msg("GloVe training diverged in epoch {value} (the loss became {mean}); "
                            "lower learning_rate (now {eta}).", value=epoch + 1, mean=mean,
                            eta=eta))
                now = time.perf_counter()
                done = epoch * N + min((b + 1) * B, N)
                speed = interval_cells / max(now - t_interval, 1e-9)
                elapsed = now - start_all
                eta_s = elapsed / done * (total_cells - done) if done else None
                progress.partial(StepReport(epoch=epoch, fraction=done / total_cells, loss=mean,
                                            learning_rate=eta, words_per_second=speed,
                                            eta_seconds=eta_s))
                progress.report(done / total_cells,
                                msg("Epoch {value}/{params_epochs}: loss {mean:.4f}",
                                    value=epoch + 1, params_epochs=params.epochs, mean=mean))
                interval_loss.zero_()
                interval_cells, t_interval = 0, now
        seconds = time.perf_counter() - t_epoch
        with torch.no_grad():
            snap.vectors = (W + C).detach().to("cpu", torch.float32).numpy().copy()
        report = EpochReport(epoch=epoch, loss=float(epoch_loss) / N, seconds=seconds,
                             words_per_second=N / max(seconds, 1e-9))
        stop = False
        if epoch_end is not None:
            try:
                report, stop = epoch_end(report, snap.vectors)
            except Cancelled:
                snap.epochs.append(report)  # the epoch itself finished: keep it
                raise
        snap.epochs.append(report)
        progress.partial(report)
        if stop:
            break
    assert snap.vectors is not None
    return snap.vectors, list(snap.epochs)


def train_glove(corpus_file: str | Path, params: GloveParams, *,
                progress: Progress = NULL_PROGRESS, evaluate: Evaluator | None = None,
                patience: int | None = None, monitor: str | None = None,
                on_epoch: Snapshot | None = None) -> StaticTrainResult:
    """Train GloVe vectors on a tokenized corpus file.

    Parameters
    ----------
    corpus_file
        One sentence per line, tokens separated by spaces (``.gz``/``.bz2``/``.xz`` ok).
    params
        The run's parameters.
    progress
        Receives overall progress (vocabulary 0-5 %, co-occurrences 5-20 %,
        training 20-100 %), :class:`StepReport` and :class:`EpochReport`
        partials; cancellation is honoured within one batch.
    evaluate
        Called with the vectors after each epoch; the scores (name -> value,
        higher is better) go into :attr:`EpochReport.evaluation`.
    patience
        Stop when the monitored value has not improved for this many epochs;
        the result then holds the vectors of the best epoch.
    monitor
        The score to watch (default: the first one ``evaluate`` returns;
        without ``evaluate``: the epoch loss, lower is better).
    on_epoch
        Called with ``(epoch, embeddings)`` after each epoch.

    Returns
    -------
    StaticTrainResult
        ``embeddings`` with counts, one :class:`EpochReport` per epoch, the
        parameters (plus ``algorithm``, ``corpus``, ``device_used``,
        ``vocab_size``, ``cooccurrence_cells``, ``cooccurrence_seconds``,
        ``epochs_done`` and, after early stopping, ``stopped_early`` and
        ``best_epoch``); ``model`` is ``None``.

    Raises
    ------
    Cancelled
        ``Cancelled(StaticTrainResult(..., cancelled=True))`` with the vectors of
        the last finished epoch, or ``Cancelled(None)`` before the first epoch ends.
    ParameterError
        Empty vocabulary, empty co-occurrence matrix, unavailable device.
    """
    start = time.perf_counter()
    path = Path(corpus_file)
    device = resolve_device(params.device)
    if patience is not None and (isinstance(patience, bool) or not isinstance(patience, int)
                                 or patience < 1):
        raise ParameterError(msg("patience must be a whole number of at least 1; it is "
                                 "{patience!r}.", patience=patience))
    vocab = build_vocabulary(path, params.min_count, params.max_vocab,
                             progress=scaled(progress, 0.0, 0.05))
    cooc = count_cooccurrences(path, vocab, params.window, params.symmetric,
                               progress=scaled(progress, 0.05, 0.2))
    info = params.as_dict() | {
        "algorithm": "glove", "corpus": str(path), "device_used": device,
        "vocab_size": len(vocab), "cooccurrence_cells": cooc.nnz,
        "cooccurrence_seconds": round(cooc.seconds, 3)}
    threads = (params.threads or _default_threads()) if device == "cpu" else None
    info["threads"] = threads  # what was used (None: not on the CPU)
    snap = _Snapshot()
    stopper = None if patience is None else EarlyStopping(patience, monitor)
    training = scaled(progress, 0.2, 1.0)
    stopped = [False]

    def embeddings(vectors: NDArray[np.float32], epoch: int | None = None) -> Embeddings:
        source = msg("GloVe {size}d on {name}", size=params.vector_size, name=path.name) \
            if epoch is None else msg("GloVe {size}d on {name}, epoch {epoch}",
                                      size=params.vector_size, name=path.name, epoch=epoch + 1)
        return Embeddings(list(vocab.words), vectors, counts=vocab.counts, source=source)

    def epoch_end(report: EpochReport, vectors: NDArray[np.float32]
                  ) -> tuple[EpochReport, bool]:
        emb = embeddings(vectors, report.epoch)
        if evaluate is not None:
            training.report((report.epoch + 1) / params.epochs,
                            msg("Evaluating epoch {value}", value=report.epoch + 1))
            scores = {str(k): float(v) for k, v in dict(evaluate(emb)).items()}
            report = EpochReport(report.epoch, report.loss, report.seconds,
                                 report.words_per_second, scores)
        if on_epoch is not None:
            on_epoch(report.epoch, emb)
        stop = stopper is not None and stopper.update(report, emb)
        stopped[0] = stop
        return report, stop

    def result(emb: Embeddings, cancelled: bool) -> StaticTrainResult:
        return StaticTrainResult(embeddings=emb, epochs=list(snap.epochs),
                                 params=info | {"epochs_done": len(snap.epochs)},
                                 model=None, cancelled=cancelled,
                                 seconds=time.perf_counter() - start)

    try:
        with torch_threads(threads):
            vectors, _ = fit_glove(cooc, params, progress=training, snapshot=snap,
                                   epoch_end=epoch_end if evaluate or on_epoch or stopper
                                   else None)
    except Cancelled:
        if snap.vectors is None or not snap.epochs:
            raise Cancelled(None) from None
        raise Cancelled(result(embeddings(snap.vectors), cancelled=True)) from None
    final = embeddings(vectors)
    best = stopper.best if stopper is not None else None
    if stopped[0] and best is not None:
        info.update(stopped_early=True, best_epoch=best[1])
        final = best[2]
    progress.report(1.0, msg("Trained {n_vocab:,} GloVe vectors for {n_snap_epochs} epochs",
                             n_vocab=len(vocab), n_snap_epochs=len(snap.epochs)))
    return result(final, cancelled=False)
