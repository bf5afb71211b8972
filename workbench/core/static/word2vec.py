"""word2vec and fastText training (gensim back end) with live progress, loss and cancel.

Public API::

    result = train_word2vec(path, Word2VecParams(sg=True), progress=p)
    result = train_fasttext(path, FastTextParams(), progress=p, evaluate=scores)
    result.embeddings            # Embeddings in gensim's vocabulary order, with counts
    result.model                 # the gensim model (save it with gensim_models.save_gensim_model)
    fasttext_oov_vector(result.model, "unseenword")
    resume_training(model, path, epochs=10)        # continue an interrupted run

The input is a tokenized corpus file: one sentence per line, tokens separated
by spaces (what ``workbench.core.corpus.ensure_tokenized`` writes).

How training runs
-----------------
gensim trains fastest from a file (its ``corpus_file`` mode: C++ reads the
file, worker threads never take the GIL), but a ``Word2Vec(corpus_file=...)``
call is a black box for a whole epoch: no progress inside it, no way to stop
it, and a loss that is wrong in two ways (gensim issues #2617 and #2735):
``get_latest_training_loss`` is a float32 running sum that rounds every small
term once it is large (4 % off over a 2 M-word CBOW call), and every worker
thread *overwrites* the model's tally with its own, so with two workers about
half the loss is lost (measured: 1.43 instead of 2.79 per word with
``corpus_file``, 1.52 with the iterable mode, where the threads race too).

This module keeps the ``corpus_file`` fast path and drives it in small steps:

1. One pass over the tokenized file counts the words (for the vocabulary) and
   copies its lines into *pieces* (line-aligned files in a temporary folder,
   removed afterwards; ``work_dir`` chooses where; every epoch reuses them).
   The counts give the vocabulary through ``build_vocab_from_freq``, so the
   file is read once before training, not twice as by
   ``Word2Vec(corpus_file=...)``.  A piece holds about :data:`PIECE_SECONDS`
   of one thread's work, estimated from the parameters, and for word2vec at
   most as many words as keep one call's float32 loss tally below 2e5
   (defaults: skip-gram 14k words, CBOW 83k, fastText CBOW 42k).  Pieces are
   not made smaller than that: each piece boundary is a moment where a worker
   needs the GIL, and on a loaded machine that handover can stall (fastText
   with 10k-word pieces ran its epochs ~20 % slower than with 40k-word ones).
2. Each epoch, ``workers`` threads run gensim's own compiled ``corpus_file``
   routine (``Word2Vec._do_train_epoch``, what gensim's threads run) on one
   piece at a time, with that piece's share of the learning-rate schedule:
   linear from ``alpha`` to ``min_alpha`` over the *whole* run, interpolated
   inside the piece.  The pieces go in file order, as the batches of gensim's
   iterable mode do.  (Taking them in turns from two distant halves of the
   corpus, as gensim's ``corpus_file`` threads read it, saved a little CPU
   but moved the scores the way ``corpus_file`` mode moves them: fastText
   SimLex 2.6 points below the iterable mode with three seeds.)
3. Each call sees the model through a small view that keeps the per-call
   values (learning rate, one worker, a loss tally starting at zero) to
   itself, so calls neither share nor overwrite a tally and each float32 tally
   stays small (exact to ~0.3 %); the main thread adds them up in float64.
   Between pieces it reports progress (words, learning rate, words/s, ETA,
   loss) and checks for cancel, which therefore takes effect as soon as the
   running pieces end (measured on the 3.8 M-token corpus, 2 s into an epoch,
   in five benchmark runs: 0.03-0.20 s for skip-gram, 0.05-0.23 s for
   fastText).  Corpora above ~100 M words get
   larger pieces (at most :data:`MAX_PIECES`), which lengthens that delay.
4. At each epoch end the weights are copied (for fastText only the n-gram rows
   the vocabulary uses), so that a cancel can return the model and vectors of
   the last finished epoch.

Measured with ``benchmarks/static_train.py`` on the English NLTK corpora
(3.77 M tokens), gensim defaults (100 dims, window 5, negative 5, min_count
5), 5 epochs, 2 workers, same seed, vocabulary pass included, on a 2-core
machine shared with other jobs (gensim's skip-gram took 57 s to 143 s
in different runs), so each figure is the best of two runs, with the
process CPU seconds in brackets::

                                    skip-gram        CBOW            fastText (CBOW)
    gensim Word2Vec(LineSentence)   57.5 s (107)     27.9 s (44)     78.3 s (144)
    gensim Word2Vec(corpus_file=)   79.1 s (112) *   22.0 s (39) *   (not timed)
    this module                     49.1 s (95)      20.2 s (37)     74.4 s (140)

    * from an earlier benchmark session (the load differed: compare CPU seconds)

In CPU time this module costs what gensim's ``corpus_file`` mode costs and
less than the iterable mode (whose Python thread that feeds the workers also
competes with them for the GIL): 11 % less for skip-gram, 16 % for CBOW, 3 %
for fastText.  The iterable mode was also the slowest end to end, and it
offers no clean place to stop inside gensim's job queue, so it was not used.
One more difference: gensim's ``corpus_file`` mode decays alpha per thread
over only that thread's share of an epoch (a saw-tooth that never reaches
``min_alpha`` with two workers); this module decays it smoothly over the run,
as the iterable mode does.

Quality against ``Word2Vec(LineSentence(...))`` with the same seed (Google
analogy accuracy %, WS353 and SimLex Spearman x100): skip-gram 11.1 / 33.8 /
25.3 vs 11.2 / 34.8 / 24.4; CBOW 9.6 / 31.5 / 17.6 vs 9.3 / 32.7 / 15.8;
fastText 42.3 / 15.8 / 15.2 vs 41.7 / 15.0 / 14.5 (seeds 2 and 3: within 0.7
of gensim except WS353 +0.9 for seed 2).  The word-similarity scores move by
1-3 points between runs of gensim itself on this corpus (its ``corpus_file``
and iterable modes differ by 4.2 WS353 and 3.3 SimLex points with the same
seed, three iterable runs by up to 2.9), so the 1.8-point SimLex gap of CBOW
is within that noise.  The loss is the same quantity as gensim's: one epoch
on the same data gives the per-word loss of gensim's single-thread tally
within 0.2 % (see the tests).

Loss
----
word2vec: gensim's loss terms (``-log sigmoid``, summed over the positive and
negative samples or the Huffman path of each example), per epoch and per
reporting interval, not cumulative.  Reported as a mean per positive
example: per (context, word) pair for skip-gram, where the number of pairs is
estimated as trained words x (window + 1) (the mean of the shrunk window;
2 x window without ``shrink_windows``) because gensim does not count pairs;
per trained word for CBOW.  fastText: gensim computes no training loss for
fastText, so ``loss`` is ``None`` in every report; watch an evaluation score
instead (``evaluate``).
"""

from __future__ import annotations

import gzip
import math
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.params import check_bool as _check_bool
from workbench.core.params import check_float as _check_float
from workbench.core.params import check_int as _check_int
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
    "FastTextParams",
    "Word2VecParams",
    "fasttext_oov_vector",
    "model_embeddings",
    "resume_training",
    "train_fasttext",
    "train_word2vec",
]

Evaluator = Callable[[Embeddings], "dict[str, float]"]
Snapshot = Callable[[int, Embeddings], None]

#: Seconds of one thread's work a piece should take (sets the cancel delay).
PIECE_SECONDS = 0.5
#: Bounds of the automatic piece size in words (gensim's own batches are 10,000 words).
PIECE_WORDS_RANGE = (5_000, 100_000)
#: At most this many piece files; larger corpora get larger pieces.
MAX_PIECES = 20_000
#: Rough speed of gensim's inner loops on one core, in multiply-adds per second
#: (measured: skip-gram, 100 dims, window 5, negative 5: ~100k words/s per thread).
_UNITS_PER_SECOND = 4e8
#: Largest float32 loss tally one call should accumulate (larger sums round off).
_MAX_TALLY = 2e5
#: How much slower fastText is than word2vec with the same settings (n-gram sums;
#: measured ~2.8x for CBOW).
_FASTTEXT_FACTOR = 3.0
#: Trainable arrays up to this size are copied at each epoch end so that a cancelled
#: run can hand back the model exactly as it was after its last finished epoch
#: (above it, the model keeps the weights it had when the cancel took effect).
SNAPSHOT_LIMIT_BYTES = 1 << 30
#: Share of the progress bar given to the pass that counts and splits the corpus.
_PREPARE_SHARE = 0.05
_CHECK_LINES = 2000
_STATE_ATTR = "workbench_state"


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------


def _default_workers() -> int:
    from workbench.core.params import default_threads

    return default_threads()


@dataclass(frozen=True)
class _GensimParams:
    """Parameters shared by word2vec and fastText (gensim's names and defaults).

    Attributes
    ----------
    sg
        Skip-gram (``True``) or CBOW (``False``, gensim's default).
    hs
        Train with hierarchical softmax (may be combined with negative sampling).
    negative
        Negative samples per positive example (0 turns negative sampling off;
        then ``hs`` must be on).
    vector_size
        Dimensions of the vectors.
    window
        Largest distance between the word and a context word.
    min_count
        Ignore words rarer than this.
    max_vocab
        Keep at most this many words (gensim's ``max_final_vocab``, which raises
        ``min_count`` as needed); ``None``: no limit.
    sample
        Down-sampling threshold for frequent words (0 turns it off).
    ns_exponent
        Exponent of the negative-sampling distribution (0.75 in the paper).
    alpha, min_alpha
        Learning rate at the start and at the end of the run (decays linearly).
    epochs
        Passes over the corpus.
    workers
        Worker threads (default: the number of CPU cores).
    seed
        Seed for the initial vectors and the samplers.  Runs with one worker are
        reproducible; with more, thread scheduling changes the order of updates.
    shrink_windows
        Draw the effective window uniformly from 1..window for each word
        (word2vec's default); ``False`` always uses the full window.
    """

    sg: bool = False
    hs: bool = False
    negative: int = 5
    vector_size: int = 100
    window: int = 5
    min_count: int = 5
    max_vocab: int | None = None
    sample: float = 1e-3
    ns_exponent: float = 0.75
    alpha: float = 0.025
    min_alpha: float = 0.0001
    epochs: int = 5
    workers: int = field(default_factory=_default_workers)
    seed: int = 1
    shrink_windows: bool = True

    def __post_init__(self) -> None:
        _check_bool("sg", self.sg)
        _check_bool("hs", self.hs)
        _check_bool("shrink_windows", self.shrink_windows)
        _check_int("negative", self.negative, 0, 1000)
        if not self.hs and self.negative == 0:
            raise ParameterError(msg("negative must be at least 1 when hs (hierarchical "
                                     "softmax) is off; otherwise nothing would be trained."))
        _check_int("vector_size", self.vector_size, 1, 100_000)
        _check_int("window", self.window, 1, 10_000)
        _check_int("min_count", self.min_count, 1)
        if self.max_vocab is not None:
            _check_int("max_vocab", self.max_vocab, 1)
        _check_float("sample", self.sample, 0.0, 1.0, high_open=True)
        _check_float("ns_exponent", self.ns_exponent, -10.0, 10.0)
        _check_float("alpha", self.alpha, 0.0, 10.0, low_open=True)
        _check_float("min_alpha", self.min_alpha, 0.0)
        if self.min_alpha > self.alpha:
            raise ParameterError(msg("min_alpha ({min_alpha:g}) must not be larger than alpha "
                                     "({alpha:g}): the learning rate decays from alpha to "
                                     "min_alpha.", min_alpha=self.min_alpha, alpha=self.alpha))
        _check_int("epochs", self.epochs, 1, 100_000)
        _check_int("workers", self.workers, 1, 1024)
        _check_int("seed", self.seed, 0, 2**32 - 1)

    def as_dict(self) -> dict[str, Any]:
        """The parameters as a plain dict (for the run registry)."""
        return asdict(self)

    def _gensim_kwargs(self) -> dict[str, Any]:
        return dict(
            sg=int(bool(self.sg)), hs=int(bool(self.hs)), negative=int(self.negative),
            vector_size=int(self.vector_size), window=int(self.window),
            min_count=int(self.min_count), max_final_vocab=self.max_vocab,
            sample=float(self.sample), ns_exponent=float(self.ns_exponent),
            alpha=float(self.alpha), min_alpha=float(self.min_alpha), epochs=int(self.epochs),
            workers=int(self.workers), seed=int(self.seed),
            shrink_windows=bool(self.shrink_windows))


@dataclass(frozen=True)
class Word2VecParams(_GensimParams):
    """Parameters of a word2vec run; see :class:`_GensimParams` for each field."""


@dataclass(frozen=True)
class FastTextParams(_GensimParams):
    """Parameters of a fastText run: the word2vec ones plus the subword settings.

    Attributes
    ----------
    min_n, max_n
        Shortest and longest character n-grams (word padded with ``<`` ``>``).
    bucket
        Number of hash buckets for the n-gram vectors (memory: ``bucket x
        vector_size x 4`` bytes, twice that while training).
    """

    min_n: int = 3
    max_n: int = 6
    bucket: int = 2_000_000

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_int("min_n", self.min_n, 1, 100)
        _check_int("max_n", self.max_n, 1, 100)
        if self.max_n < self.min_n:
            raise ParameterError(msg("max_n ({max_n}) must be at least min_n ({min_n}).",
                                     max_n=self.max_n, min_n=self.min_n))
        _check_int("bucket", self.bucket, 1, 1 << 31)

    def _gensim_kwargs(self) -> dict[str, Any]:
        kwargs = super()._gensim_kwargs()
        kwargs.update(min_n=int(self.min_n), max_n=int(self.max_n), bucket=int(self.bucket))
        return kwargs


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def train_word2vec(
    corpus_file: str | Path,
    params: Word2VecParams | None = None,
    *,
    progress: Progress = NULL_PROGRESS,
    evaluate: Evaluator | None = None,
    patience: int | None = None,
    monitor: str | None = None,
    on_epoch: Snapshot | None = None,
    work_dir: str | Path | None = None,
    piece_words: int | None = None,
    report_interval: float = 0.25,
) -> StaticTrainResult:
    """Train word2vec on a tokenized corpus file.

    Parameters
    ----------
    corpus_file
        One sentence per line, tokens separated by spaces (``.gz`` allowed).
    params
        The parameters; gensim's defaults when omitted.
    progress
        Receives the fraction done, :class:`StepReport` partials several times
        per epoch and an :class:`EpochReport` at each epoch end; cancelling it
        stops training within a fraction of a second.
    evaluate
        Called with the vectors after each epoch; the scores (name -> value,
        higher is better) go into :attr:`EpochReport.evaluation`.
    patience
        Stop early when the monitored value has not improved for this many
        epochs; the result then holds the vectors of the best epoch.
    monitor
        The evaluation score to watch (default: the first one ``evaluate``
        returns; without ``evaluate``: the epoch loss, lower is better).
    on_epoch
        Called with ``(epoch, embeddings)`` after each epoch (snapshots).
    work_dir
        Folder for the temporary piece files (default: the system's temporary
        folder); they take about as much space as the corpus file.
    piece_words
        Words per piece (default: about :data:`PIECE_SECONDS` of one thread's
        work, estimated from the parameters; larger for huge corpora).
    report_interval
        Seconds between :class:`StepReport` partials (at least one per piece
        when 0); the last piece of each epoch is always reported.

    Returns
    -------
    StaticTrainResult
        Vectors in gensim's vocabulary order (most frequent first) with their
        counts, one report per epoch, and the gensim ``Word2Vec`` model.

    Raises
    ------
    Cancelled
        On cancel; ``Cancelled.result`` is a :class:`StaticTrainResult` with
        ``cancelled=True`` and the vectors of the last finished epoch, or
        ``None`` when no epoch had finished.
    ParameterError
        For a corpus in which no word reaches ``min_count`` (before training).
    """
    params = Word2VecParams() if params is None else params
    if not isinstance(params, Word2VecParams):
        raise ParameterError(msg("train_word2vec needs Word2VecParams; use train_fasttext for "
                                 "FastTextParams."))
    return _run("word2vec", corpus_file, params, None, progress=progress, evaluate=evaluate,
                patience=patience, monitor=monitor, on_epoch=on_epoch, work_dir=work_dir,
                piece_words=piece_words, report_interval=report_interval)


def train_fasttext(
    corpus_file: str | Path,
    params: FastTextParams | None = None,
    *,
    progress: Progress = NULL_PROGRESS,
    evaluate: Evaluator | None = None,
    patience: int | None = None,
    monitor: str | None = None,
    on_epoch: Snapshot | None = None,
    work_dir: str | Path | None = None,
    piece_words: int | None = None,
    report_interval: float = 0.25,
) -> StaticTrainResult:
    """Train fastText (subword) vectors on a tokenized corpus file.

    Same as :func:`train_word2vec`, with two differences: gensim computes no
    training loss for fastText, so every ``loss`` reported is ``None`` (early
    stopping therefore needs ``evaluate``), and the model gives vectors for
    words it never saw (:func:`fasttext_oov_vector`).
    """
    params = FastTextParams() if params is None else params
    if not isinstance(params, FastTextParams):
        raise ParameterError(msg("train_fasttext needs FastTextParams."))
    if patience is not None and evaluate is None:
        raise ParameterError(msg("patience needs an evaluate function for fastText: gensim "
                                 "computes no fastText training loss to watch."))
    return _run("fasttext", corpus_file, params, None, progress=progress, evaluate=evaluate,
                patience=patience, monitor=monitor, on_epoch=on_epoch, work_dir=work_dir,
                piece_words=piece_words, report_interval=report_interval)


def resume_training(
    model: Any,
    corpus_file: str | Path,
    *,
    epochs: int | None = None,
    progress: Progress = NULL_PROGRESS,
    evaluate: Evaluator | None = None,
    patience: int | None = None,
    monitor: str | None = None,
    on_epoch: Snapshot | None = None,
    work_dir: str | Path | None = None,
    piece_words: int | None = None,
    report_interval: float = 0.25,
    workers: int | None = None,
) -> StaticTrainResult:
    """Continue a run trained (and possibly cancelled) by this module.

    Parameters
    ----------
    model
        A gensim model from :func:`train_word2vec`/:func:`train_fasttext` (or
        loaded with :func:`workbench.core.static.gensim_models.load_gensim_model`).
    corpus_file
        The tokenized corpus (normally the one it was trained on; words outside
        the model's vocabulary are skipped).
    epochs
        Total epochs the run should reach (default: the number it was planned
        with).  The learning rate continues the original linear schedule, so a
        cancelled run resumed to its planned length ends like an uninterrupted
        one.
    progress, evaluate, patience, monitor, on_epoch, work_dir, piece_words, report_interval
        As for :func:`train_word2vec`.
    workers
        Worker threads (default: as many as the run used).
    """
    state = getattr(model, _STATE_ATTR, None)
    if not isinstance(state, dict) or "params" not in state:
        raise ParameterError(msg("This model was not trained by Embedding Workbench, so its "
                                 "training cannot be resumed here."))
    kind = state["kind"]
    cls = FastTextParams if kind == "fasttext" else Word2VecParams
    values = {f.name: state["params"][f.name] for f in fields(cls) if f.name in state["params"]}
    done = int(state["epochs_done"])
    total = int(epochs) if epochs is not None else int(values["epochs"])
    if total <= done:
        raise ParameterError(msg("The model has already been trained for {done} epochs; ask for "
                                 "more than {done} epochs to continue.", done=done))
    values["epochs"] = total
    if workers is not None:
        values["workers"] = workers
    params = cls(**values)
    return _run(kind, corpus_file, params, model, progress=progress, evaluate=evaluate,
                patience=patience, monitor=monitor, on_epoch=on_epoch, work_dir=work_dir,
                piece_words=piece_words, report_interval=report_interval)


def model_embeddings(model: Any, source: str = "") -> Embeddings:
    """The vectors of a gensim model as :class:`Embeddings` (vocabulary order, with counts)."""
    wv = model.wv
    counts = wv.expandos.get("count") if hasattr(wv, "expandos") else None
    counts_arr = None if counts is None else np.asarray(counts, dtype=np.int64)[:len(wv)]
    return Embeddings(list(wv.index_to_key), np.array(wv.vectors, dtype=np.float32, copy=True),
                      counts_arr, source)


def fasttext_oov_vector(model: Any, word: str) -> NDArray[np.float32]:
    """The vector of ``word`` from a fastText model, also for words it never saw.

    In-vocabulary words get their trained vector; other words the sum of their
    character n-gram vectors (gensim's ``FastTextKeyedVectors.get_vector``).
    For a word2vec model only in-vocabulary words have a vector.

    Raises
    ------
    WorkbenchError
        When the model has no vector for the word (word2vec and an unknown word,
        or a fastText word with no n-grams).
    """
    wv = getattr(model, "wv", model)
    is_fasttext = hasattr(wv, "buckets_word")
    if not is_fasttext and word not in wv.key_to_index:
        raise WorkbenchError(msg("'{word}' is not in the vocabulary of this word2vec model "
                                 "({n_wv:,} words); only fastText models have vectors for "
                                 "unseen words.", word=word, n_wv=len(wv)))
    try:
        vec = wv.get_vector(word)
    except KeyError:
        raise WorkbenchError(msg("The fastText model has no vector for '{word}': it has none of "
                                 "the character n-grams the model knows.", word=word)) from None
    return np.array(vec, dtype=np.float32, copy=True)


# ---------------------------------------------------------------------------
# Pieces: one pass that counts the words and splits the file
# ---------------------------------------------------------------------------


@dataclass
class _Pieces:
    """The corpus cut into line-aligned piece files, with its word counts."""

    paths: list[str]
    words: list[int]
    counts: dict[str, int]
    sentences: int
    total_words: int


def _open_corpus(path: Path) -> Any:
    try:
        if path.suffix.lower() == ".gz":
            return gzip.open(path, "rb")
        return open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise CorpusError(msg("{path} cannot be opened: {value}.", path=path,
                              value=exc.strerror or exc), path=path) from exc


def _piece_size(path: Path, params: _GensimParams, fasttext: bool,
                piece_words: int | None) -> int:
    """Words per piece: about :data:`PIECE_SECONDS` of one thread's work.

    The cost per word is estimated from the settings (vector size x examples x
    output units); pieces grow for huge corpora so that there are at most
    :data:`MAX_PIECES` of them.
    """
    if piece_words is not None:
        _check_int("piece_words", piece_words, 100)
        return int(piece_words)
    outputs = (params.negative + 1 if params.negative else 0) + (17 if params.hs else 0)
    if params.sg:
        examples = params.window + 1 if params.shrink_windows else 2 * params.window
        units = params.vector_size * examples * outputs
    else:
        units = params.vector_size * (2 * params.window + outputs)
    if fasttext:
        units *= _FASTTEXT_FACTOR
    low, high = PIECE_WORDS_RANGE
    words = PIECE_SECONDS * _UNITS_PER_SECOND / max(units, 1)
    if not fasttext:
        # Keep each call's float32 loss tally below ~2e5, where it is exact to ~0.3 %
        # (about 0.4 per output unit and example at the start of training).
        examples = _examples_per_word(params)
        words = min(words, _MAX_TALLY / (examples * outputs * 0.4))
    words = int(min(max(words, low), high))
    size = path.stat().st_size * (4 if path.suffix.lower() == ".gz" else 1)
    estimated_words = size / 6  # ~6 bytes per token with its space in English text
    return max(words, int(math.ceil(estimated_words / MAX_PIECES)))


def _split_corpus(path: Path, folder: Path, piece_words: int, progress: Progress) -> _Pieces:
    """Count the words of ``path`` and copy its lines into pieces of ~``piece_words`` words.

    Tokens are split on ASCII whitespace, exactly as gensim's C++ line reader
    splits them, so the counts match what training sees.
    """
    counter: Counter[bytes] = Counter()
    paths: list[str] = []
    words: list[int] = []
    buf: list[bytes] = []
    in_piece = 0
    sentences = 0
    total = 0
    read = 0
    size = max(path.stat().st_size, 1)
    compressed = path.suffix.lower() == ".gz"

    def flush() -> None:
        nonlocal buf, in_piece
        name = folder / f"{len(paths):06d}.txt"
        try:
            with open(name, "wb") as out:
                out.writelines(buf)
        except OSError as exc:
            raise WorkbenchError(
                msg("Cannot write the training pieces to {folder}: {value}. They need about as "
                    "much space as {path_name}; free some or choose another folder.",
                    folder=folder, value=exc.strerror or exc, path_name=path.name),
                path=folder) from exc
        paths.append(str(name))
        words.append(in_piece)
        buf = []
        in_piece = 0

    with _open_corpus(path) as f:
        raw = getattr(f, "fileobj", None)
        try:
            for lineno, line in enumerate(f, 1):
                read += len(line)
                tokens = line.split()
                if tokens:
                    counter.update(tokens)
                    n = len(tokens)
                    in_piece += n
                    total += n
                    sentences += 1
                    buf.append(line if line.endswith(b"\n") else line + b"\n")
                    if in_piece >= piece_words:
                        flush()
                if lineno % _CHECK_LINES == 0:
                    progress.raise_if_cancelled()
                    done = (raw.tell() if compressed and raw is not None else read) / size
                    progress.report(min(done, 1.0),
                                    msg("Counting words: {total:,} words in {sentences:,} "
                                        "sentences", total=total, sentences=sentences))
        except (OSError, EOFError) as exc:
            raise CorpusError(msg("{path} cannot be read: {exc}.", path=path, exc=exc),
                              path=path) from exc
    if buf:
        flush()
    try:
        counts = {k.decode("utf-8"): v for k, v in counter.items()}
    except UnicodeDecodeError as exc:
        bad = next(k for k in counter if not _is_utf8(k))
        raise CorpusError(msg("{path} is not UTF-8 text: the token {bad!r} is not valid UTF-8. "
                              "Tokenize the corpus with the workbench first.", path=path, bad=bad),
                          path=path) from exc
    progress.report(1.0, msg("Counted {total:,} words in {sentences:,} sentences, {n_counts:,} "
                             "distinct", total=total, sentences=sentences, n_counts=len(counts)))
    return _Pieces(paths, words, counts, sentences, total)


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------
# The training loop
# ---------------------------------------------------------------------------


class _CallView:
    """The model as one compiled training call sees it.

    gensim's ``corpus_file`` routines read every setting from the model they are
    given and write their float32 loss tally back to
    ``model.running_training_loss``.  This view forwards every read to the real
    model (weights, vocabulary, random state) but keeps the per-call values
    (learning rate for this piece, one worker, one epoch, a loss tally starting
    at zero) to itself, so concurrent calls neither share nor overwrite a tally.
    """

    def __init__(self, model: Any, start_alpha: float, end_alpha: float) -> None:
        self.__dict__.update(
            _model=model, workers=1, epochs=1, alpha=start_alpha, min_alpha=end_alpha,
            running_training_loss=0.0, compute_loss=True)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_model"], name)


@dataclass
class _Done:
    """The outcome of one piece."""

    raw_words: int
    effective_words: int
    loss: float
    end_alpha: float


class _Trainer:
    """Runs pieces through gensim's compiled epoch routine on a thread pool."""

    def __init__(self, model: Any, fasttext: bool) -> None:
        from gensim.models.word2vec_corpusfile import CythonVocab

        self.model = model
        self.vocab = CythonVocab(model.wv, hs=model.hs, fasttext=fasttext)
        self.train_epoch = type(model)._do_train_epoch
        self._local = threading.local()

    def run_piece(self, path: str, words: int, start_alpha: float, end_alpha: float) -> _Done:
        mem = getattr(self._local, "mem", None)
        if mem is None:
            mem = self._local.mem = self.model._get_thread_working_mem()
        view = _CallView(self.model, start_alpha, end_alpha)
        _, effective, raw = self.train_epoch(
            view, path, 0, 0, self.vocab, mem, 0, total_examples=None, total_words=words)
        return _Done(int(raw), int(effective), float(view.running_training_loss), end_alpha)


class _WeightSnapshot:
    """Epoch-end bookkeeping: a copy of the trainable arrays, and fastText word vectors.

    The copy, taken at each epoch end, is put back when a later epoch is
    cancelled.  For fastText only the n-gram rows that some vocabulary word
    uses are copied: training never touches the others (with the default two
    million buckets that is under a tenth of the table, ~0.2 s instead of
    seconds).  The same rows give the full-word vectors (word vector plus its
    n-gram vectors, averaged: gensim's ``adjust_vectors``) through one sparse
    product, ~30x faster than gensim's Python loop over the vocabulary.
    """

    def __init__(self, model: Any, fasttext: bool) -> None:
        self.fasttext = fasttext
        arrays: dict[str, Any] = {}
        if fasttext:
            arrays["wv.vectors_vocab"] = model.wv.vectors_vocab
            self._prepare_composition(model)
        else:
            arrays["wv.vectors"] = model.wv.vectors
        for name in ("syn1neg", "syn1"):
            arr = getattr(model, name, None)
            if isinstance(arr, np.ndarray) and arr.size:
                arrays[name] = arr
        self.arrays = arrays
        self.saved: dict[str, NDArray[np.float32]] = {}
        self.nbytes = sum(a.nbytes for a in arrays.values())
        if fasttext:
            self.nbytes += len(self.rows) * model.wv.vectors_ngrams.shape[1] * 4
        self.enabled = self.nbytes <= SNAPSHOT_LIMIT_BYTES
        self.holds_epoch = False  # whether the copy is of the last finished epoch

    def _prepare_composition(self, model: Any) -> None:
        from scipy.sparse import csr_matrix

        buckets = model.wv.buckets_word
        lengths = np.fromiter((len(b) for b in buckets), dtype=np.int64, count=len(buckets))
        flat = (np.concatenate([np.asarray(b, dtype=np.int64) for b in buckets])
                if lengths.sum() else np.zeros(0, dtype=np.int64))
        self.rows, columns = np.unique(flat, return_inverse=True)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        # Row i sums the n-gram rows of word i (a bucket used twice counts twice, as in gensim).
        self._sum = csr_matrix((np.ones(len(flat), dtype=np.float32), columns.ravel(), indptr),
                               shape=(len(buckets), len(self.rows)))
        self._divisor = (lengths + 1).astype(np.float32)[:, None]

    def _compose(self, model: Any, ngram_rows: NDArray[np.float32]) -> None:
        vectors = model.wv.vectors_vocab + self._sum @ ngram_rows
        vectors /= self._divisor
        model.wv.vectors = np.ascontiguousarray(vectors, dtype=np.float32)

    def epoch_end(self, model: Any) -> None:
        """Compose fastText word vectors and copy the weights (if not too large)."""
        ngram_rows = model.wv.vectors_ngrams[self.rows] if self.fasttext else None
        if self.fasttext:
            self._compose(model, ngram_rows)
        model.wv.norms = None
        if not self.enabled:
            return
        for name, arr in self.arrays.items():
            if name in self.saved:
                np.copyto(self.saved[name], arr)
            else:
                self.saved[name] = arr.copy()
        if ngram_rows is not None:
            self.saved["ngram_rows"] = ngram_rows
        self.holds_epoch = True

    def restore(self, model: Any) -> None:
        """Put the copied weights back into ``model``."""
        for name, arr in self.arrays.items():
            arr[...] = self.saved[name]
        if self.fasttext:
            model.wv.vectors_ngrams[self.rows] = self.saved["ngram_rows"]
            self._compose(model, self.saved["ngram_rows"])
        model.wv.norms = None


def _build_model(kind: str, params: _GensimParams, pieces: _Pieces, corpus: Path) -> Any:
    survivors = sum(1 for c in pieces.counts.values() if c >= params.min_count)
    if survivors == 0:
        top = max(pieces.counts.values(), default=0)
        raise ParameterError(
            msg("No word occurs at least {params_min_count:,} times in {corpus_name} (the most "
                "frequent occurs {top:,} times); lower min_count.",
                params_min_count=params.min_count, corpus_name=corpus.name, top=top), path=corpus)
    if kind == "fasttext":
        from gensim.models import FastText as Model
    else:
        from gensim.models import Word2Vec as Model
    kwargs = params._gensim_kwargs()
    if kind != "fasttext":
        kwargs["compute_loss"] = True
    model = Model(**kwargs)
    model.build_vocab_from_freq(pieces.counts, corpus_count=pieces.sentences)
    model.corpus_total_words = pieces.total_words
    if len(model.wv) == 0:
        raise ParameterError(msg("No word of {corpus_name} is left in the vocabulary with "
                                 "min_count={params_min_count:,} and "
                                 "max_vocab={params_max_vocab}; lower min_count.",
                                 corpus_name=corpus.name, params_min_count=params.min_count,
                                 params_max_vocab=params.max_vocab), path=corpus)
    return model


def _describe(kind: str, params: _GensimParams) -> str:
    arch = "skip-gram" if params.sg else "CBOW"
    objective = "+".join(x for x in ("HS" if params.hs else "",
                                     f"NS{params.negative}" if params.negative else "") if x)
    return f"{'fastText' if kind == 'fasttext' else 'word2vec'} {arch} {objective}"


def _examples_per_word(params: _GensimParams) -> float:
    if not params.sg:
        return 1.0
    return float(params.window + 1) if params.shrink_windows else float(2 * params.window)


def _fmt_eta(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "?"
    seconds = int(round(seconds))
    if seconds >= 3600:
        return msg("{hours}h{minutes:02d}m", hours=seconds // 3600, minutes=seconds % 3600 // 60)
    if seconds >= 60:
        return msg("{minutes}m{seconds:02d}s", minutes=seconds // 60, seconds=seconds % 60)
    return msg("{seconds}s", seconds=seconds)


def _run(kind: str, corpus_file: str | Path, params: _GensimParams, model: Any, *,
         progress: Progress, evaluate: Evaluator | None, patience: int | None,
         monitor: str | None, on_epoch: Snapshot | None, work_dir: str | Path | None,
         piece_words: int | None, report_interval: float) -> StaticTrainResult:
    started = time.perf_counter()
    corpus = Path(corpus_file)
    if not corpus.is_file():
        raise CorpusError(msg("{corpus} does not exist or is not a file.", corpus=corpus),
                          path=corpus)
    if patience is not None:
        _check_int("patience", patience, 1)
    _check_float("report_interval", report_interval, 0.0)
    fasttext = kind == "fasttext"
    if work_dir is not None:
        Path(work_dir).mkdir(parents=True, exist_ok=True)
    try:
        tmp = tempfile.TemporaryDirectory(prefix="workbench-pieces-",
                                          dir=None if work_dir is None else str(work_dir))
    except OSError as exc:
        raise WorkbenchError(msg("Cannot create a temporary folder for training in {value}: "
                                 "{value2}.", value=work_dir or tempfile.gettempdir(),
                                 value2=exc.strerror or exc))\
            from exc
    with tmp as folder:
        size = _piece_size(corpus, params, fasttext, piece_words)
        pieces = _split_corpus(corpus, Path(folder), size,
                               scaled(progress, 0.0, _PREPARE_SHARE))
        if pieces.total_words == 0:
            raise CorpusError(msg("{corpus} contains no words; it should hold one tokenized "
                                  "sentence per line.", corpus=corpus), path=corpus)
        first_epoch = 0
        if model is None:
            progress.report(_PREPARE_SHARE, msg("Building the vocabulary"))
            model = _build_model(kind, params, pieces, corpus)
        else:
            first_epoch = int(getattr(model, _STATE_ATTR)["epochs_done"])
            model.workers = params.workers
            model.epochs = params.epochs
        progress.raise_if_cancelled()
        loop = _Loop(kind, model, params, pieces, corpus, fasttext, progress, evaluate,
                     patience, monitor, on_epoch, started)
        loop.report_every = float(report_interval)
        return loop.run(first_epoch)


class _Loop:
    """One training run: epochs of pieces, reports, snapshots, cancel, early stop."""

    def __init__(self, kind: str, model: Any, params: _GensimParams, pieces: _Pieces,
                 corpus: Path, fasttext: bool, progress: Progress,
                 evaluate: Evaluator | None, patience: int | None, monitor: str | None,
                 on_epoch: Snapshot | None, started: float) -> None:
        self.kind = kind
        self.model = model
        self.params = params
        self.pieces = pieces
        self.corpus = corpus
        self.fasttext = fasttext
        self.progress = progress
        self.evaluate = evaluate
        self.patience = patience
        self.monitor = monitor
        self.on_epoch = on_epoch
        self.started = started
        self.trainer = _Trainer(model, fasttext)
        self.per_word = _examples_per_word(params)
        self.reports: list[EpochReport] = []
        self.kept: Embeddings | None = None          # vectors of the last finished epoch
        self.snapshot = _WeightSnapshot(model, fasttext)
        self.stopper = None if patience is None else EarlyStopping(patience, monitor)
        self.report_every = 0.25
        self.last_loss_sum = 0.0
        self.name = _describe(kind, params)

    # -- helpers ------------------------------------------------------------

    def _alpha(self, done_words: float) -> float:
        p = self.params
        total = float(self.pieces.total_words) * p.epochs
        return float(p.alpha - (p.alpha - p.min_alpha) * min(done_words / total, 1.0))

    def _loss(self, loss: float, effective: int) -> float | None:
        if self.fasttext or effective <= 0:
            return None
        return loss / (effective * self.per_word)

    def _source(self, epoch: int) -> str:
        return msg("{model}, {corpus}, epoch {epoch}", model=self.name, corpus=self.corpus.name,
                   epoch=epoch + 1)

    def _params_dict(self, epochs_done: int) -> dict[str, Any]:
        import gensim

        d = self.params.as_dict()
        d.update(model=self.kind, corpus=str(self.corpus), corpus_words=self.pieces.total_words,
                 corpus_sentences=self.pieces.sentences, vocabulary=len(self.model.wv),
                 epochs_done=epochs_done, backend=f"gensim {gensim.__version__}")
        return d

    def _mark_state(self, epochs_done: int) -> None:
        setattr(self.model, _STATE_ATTR, {
            "kind": self.kind, "params": self.params.as_dict(), "epochs_done": epochs_done,
            "corpus": str(self.corpus)})

    def _cancelled(self, epochs_done: int) -> Cancelled:
        if self.kept is None:
            return Cancelled(None)
        if self.snapshot.holds_epoch:
            self.snapshot.restore(self.model)
        self._mark_state(epochs_done)
        params = self._params_dict(epochs_done)
        params["model_restored_to_epoch_end"] = self.snapshot.holds_epoch
        result = StaticTrainResult(self.kept, list(self.reports), params, self.model,
                                   cancelled=True, seconds=time.perf_counter() - self.started)
        return Cancelled(result)

    # -- the run ------------------------------------------------------------

    def run(self, first_epoch: int) -> StaticTrainResult:
        from concurrent.futures import ThreadPoolExecutor

        p = self.params
        model = self.model
        total = self.pieces.total_words * p.epochs
        self._mark_state(first_epoch)
        if first_epoch > 0:
            self.snapshot.epoch_end(model)
            self.kept = model_embeddings(model, self._source(first_epoch - 1))
        self.progress.report(
            _PREPARE_SHARE,
            msg("Training {name}: {n_model_wv:,} words in the vocabulary, "
                "{pieces_total_words:,} words per epoch", name=self.name, n_model_wv=len(model.wv),
                pieces_total_words=self.pieces.total_words))
        train_start = time.perf_counter()
        trained_this_run = 0
        stopped_early = False
        last_epoch = first_epoch - 1
        with ThreadPoolExecutor(max_workers=p.workers,
                                thread_name_prefix="workbench-w2v") as pool:
            for epoch in range(first_epoch, p.epochs):
                report, trained = self._epoch(pool, epoch, total, train_start, trained_this_run)
                trained_this_run += trained
                last_epoch = epoch
                if self._after_epoch(epoch, report):
                    stopped_early = True
                    break
        # gensim's meaning: the summed loss of the last training call (here: the last epoch).
        model.running_training_loss = self.last_loss_sum
        model.train_count += 1
        model.add_lifecycle_event(
            "train", msg=f"workbench: {self.name}, epochs {first_epoch + 1}-{last_epoch + 1} "
                         f"of {p.epochs} on {self.corpus}")
        params = self._params_dict(last_epoch + 1)
        embeddings = self.kept
        assert embeddings is not None
        best = self.stopper.best if self.stopper is not None else None
        if stopped_early and best is not None:
            params.update(stopped_early=True, best_epoch=best[1])
            embeddings = best[2]
        self.progress.report(1.0, msg("Trained {name} for {value} epochs in {value2:.1f} s",
                                      name=self.name, value=last_epoch + 1,
                                      value2=time.perf_counter() - self.started))
        return StaticTrainResult(embeddings, list(self.reports), params, model,
                                 cancelled=False, seconds=time.perf_counter() - self.started)

    def _epoch(self, pool: Any, epoch: int, total: int, train_start: float,
               trained_before: int) -> tuple[EpochReport, int]:
        from concurrent.futures import FIRST_COMPLETED, wait

        p = self.params
        pieces = self.pieces
        base = float(pieces.total_words) * epoch
        queue = deque(range(len(pieces.paths)))
        submitted = 0
        in_flight: set[Any] = set()
        epoch_start = time.perf_counter()
        epoch_raw = epoch_eff = 0
        epoch_loss = 0.0
        int_raw = int_eff = 0
        int_loss = 0.0
        int_start = epoch_start
        alpha_now = self._alpha(base)
        limit = 2 * p.workers
        try:
            while queue or in_flight:
                self.progress.raise_if_cancelled()
                while queue and len(in_flight) < limit:
                    i = queue.popleft()
                    a0 = self._alpha(base + submitted)
                    submitted += pieces.words[i]
                    a1 = self._alpha(base + submitted)
                    in_flight.add(pool.submit(self.trainer.run_piece, pieces.paths[i],
                                              pieces.words[i], a0, a1))
                finished, in_flight = wait(in_flight, timeout=0.1, return_when=FIRST_COMPLETED)
                for fut in finished:
                    done: _Done = fut.result()
                    epoch_raw += done.raw_words
                    epoch_eff += done.effective_words
                    epoch_loss += done.loss
                    int_raw += done.raw_words
                    int_eff += done.effective_words
                    int_loss += done.loss
                    alpha_now = min(alpha_now, done.end_alpha)
                now = time.perf_counter()
                if int_raw and (now - int_start >= self.report_every
                                or (not queue and not in_flight)):
                    self._step(epoch, base + epoch_raw, total, int_loss, int_eff, int_raw,
                               now - int_start, alpha_now, trained_before + epoch_raw,
                               now - train_start)
                    int_raw = int_eff = 0
                    int_loss = 0.0
                    int_start = now
        except BaseException as exc:
            for fut in in_flight:
                fut.cancel()
            wait(in_flight)  # the running pieces end within a fraction of a second
            if isinstance(exc, Cancelled):
                raise self._cancelled(epoch) from None
            raise
        seconds = time.perf_counter() - epoch_start
        report = EpochReport(epoch, self._loss(epoch_loss, epoch_eff), seconds,
                             epoch_raw / max(seconds, 1e-9))
        self.last_loss_sum = epoch_loss
        return report, epoch_raw

    def _step(self, epoch: int, done_words: float, total: int, loss: float, effective: int,
              raw: int, seconds: float, alpha: float, trained_run: int,
              run_seconds: float) -> None:
        fraction = min(done_words / total, 1.0)
        wps = raw / max(seconds, 1e-9)
        rate = trained_run / max(run_seconds, 1e-9)
        eta = (total - done_words) / rate if rate > 0 else None
        step_loss = self._loss(loss, effective)
        self.progress.partial(StepReport(epoch, fraction, step_loss, alpha, wps, eta))
        values = {"epoch": epoch + 1, "epochs": self.params.epochs, "wps": wps, "alpha": alpha,
                  "eta": _fmt_eta(eta)}
        self.progress.report(
            _PREPARE_SHARE + (1 - _PREPARE_SHARE) * fraction,
            msg("Epoch {epoch}/{epochs}: {wps:,.0f} words/s, learning rate {alpha:.5f}, "
                "{eta} left", **values) if step_loss is None else
            msg("Epoch {epoch}/{epochs}: {wps:,.0f} words/s, learning rate {alpha:.5f}, loss "
                "{loss:.4f}, {eta} left", loss=step_loss, **values))

    def _after_epoch(self, epoch: int, report: EpochReport) -> bool:
        """Publish the epoch; return whether early stopping ends the run."""
        model = self.model
        self.snapshot.epoch_end(model)
        self.kept = model_embeddings(model, self._source(epoch))
        self._mark_state(epoch + 1)
        if self.evaluate is not None:
            done = (epoch + 1) / self.params.epochs
            self.progress.report(_PREPARE_SHARE + (1 - _PREPARE_SHARE) * done,
                                 msg("Evaluating epoch {value}", value=epoch + 1))
            try:
                scores = {str(k): float(v) for k, v in dict(self.evaluate(self.kept)).items()}
            except Cancelled:
                # The epoch itself finished: keep it (without its scores).
                self.reports.append(report)
                raise self._cancelled(epoch + 1) from None
            report = EpochReport(report.epoch, report.loss, report.seconds,
                                 report.words_per_second, scores)
        self.reports.append(report)
        self.progress.partial(report)
        if self.on_epoch is not None:
            self.on_epoch(epoch, self.kept)
        if self.stopper is None:
            return False
        return self.stopper.update(report, self.kept)
