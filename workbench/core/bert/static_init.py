"""Initialise BERT's word-embedding matrix from static word vectors.

:func:`init_word_embeddings` overwrites rows of
``model.get_input_embeddings().weight`` with (projected, rescaled) static
vectors and returns a :class:`StaticInitReport`.  The rules:

Which rows
    * **Special tokens** (``[PAD] [UNK] [CLS] [SEP] [MASK]``, any other
      special or ``[unusedN]`` token) keep their random init.
    * **Whole-word tokens** (no ``##``) take the vector of the same word:
      an exact match first; otherwise the vector word that the
      tokenizer's own normaliser turns into the token (so an uncased
      tokenizer's ``cafe`` finds ``Café`` or ``cafe``; among several, the most
      frequent: highest count, or first in the file when there are no
      counts); otherwise the lowercased token (a cased tokenizer with
      lowercase vectors).  Such case-folded matches are counted in
      ``case_folded_rows`` as well as ``whole_word_rows``.
    * **Continuation pieces** (``##ing``) and whole-word tokens without a
      vector go to ``subword_vector(piece)``, called with the piece *without*
      ``##`` (fastText composes it from its character n-grams, e.g.
      ``model.wv[piece]``); when it is not given and the vectors have an
      ``oov_vector`` method (a fastText ``.bin`` loaded as
      :class:`~workbench.core.static.formats.SubwordEmbeddings`), that is
      used.  A ``None`` result, or no callable at all, leaves the row random:
      we do not invent vectors for pieces (a mean over words that end with
      the piece mostly measures how common the suffix is).
    * Every other row keeps its random init, as do rows beyond the
      tokenizer's vocabulary.

Projection (vector size ``d`` to hidden size ``h``)
    The vectors are centred on the mean of all the static vectors first
    (static embeddings share a large common direction that would otherwise
    dominate every row).  Then:

    * ``d == h``: copied as they are (``"none"``);
    * ``projection="pca"`` and ``d > h``: onto the top ``h`` principal
      components of the static vectors (of the first 100,000 when there are
      more) (``"pca"``);
    * ``projection="pca"`` and ``d < h``: zero-padded to ``h`` (``"zero-pad"``):
      the static geometry sits in the first ``d`` dimensions;
    * ``projection="orthogonal"``: through a random (seeded) matrix with
      orthonormal rows or columns, an isometry when ``d < h``.

Scale
    The new rows are multiplied by one factor so that their root mean square
    equals ``config.initializer_range`` (0.02 for BERT), the standard
    deviation of the ``N(0, initializer_range)`` init of the other rows: the
    embedding LayerNorm sees vectors of the usual size and relative
    distances are kept.

Coverage
    ``vocab_coverage``: initialised rows / tokenizer vocabulary (special
    tokens included in the denominator).  ``corpus_coverage``: the share of
    token occurrences in ``texts`` (tokenized without special tokens) or in
    ``token_counts`` whose id was initialised; ``[UNK]`` occurrences count as
    not covered.

:func:`freeze_embeddings_callback` keeps the initialised matrix fixed for the
first steps of training.  In BERT the MLM decoder shares this matrix
(``tie_word_embeddings``), so it is frozen too during those steps.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from transformers import PreTrainedModel, PreTrainedTokenizerBase, TrainerCallback

    from workbench.core.embeddings import Embeddings

__all__ = ["PROJECTIONS", "StaticInitReport", "freeze_embeddings_callback",
           "init_word_embeddings"]

#: Projections :func:`init_word_embeddings` knows.
PROJECTIONS = ("pca", "orthogonal")
_UNUSED = re.compile(r"^\[unused\d+\]$")
_BATCH = 1000
_PCA_CHUNK = 65_536
_PCA_MAX_ROWS = 100_000


@dataclass(frozen=True)
class StaticInitReport:
    """What :func:`init_word_embeddings` did (see the module notes for the rules).

    Attributes
    ----------
    vocab_size
        Tokens in the tokenizer's vocabulary.
    whole_word_rows
        Rows copied from the vector of the same word (case-folded included).
    subword_rows
        Rows from ``subword_vector`` (``##`` pieces and words without a vector).
    random_rows
        Vocabulary rows left at their random init (special tokens included).
    vocab_coverage
        ``(whole_word_rows + subword_rows) / vocab_size``.
    corpus_coverage
        Share of corpus token occurrences whose row was initialised; ``None``
        without ``texts``/``token_counts``.
    projection
        ``"none"``, ``"pca"``, ``"zero-pad"`` or ``"orthogonal"``.
    source_dim, hidden
        Static vector size and model hidden size.
    scale
        Factor applied after centring and projecting.
    case_folded_rows
        Whole-word rows found through the normaliser or lowercasing.
    special_rows
        Special tokens (always random).
    corpus_tokens
        Token occurrences counted for ``corpus_coverage``.
    """

    vocab_size: int
    whole_word_rows: int
    subword_rows: int
    random_rows: int
    vocab_coverage: float
    corpus_coverage: float | None
    projection: str
    source_dim: int
    hidden: int
    scale: float
    case_folded_rows: int = 0
    special_rows: int = 0
    corpus_tokens: int | None = None

    def describe(self) -> str:
        """One paragraph for the UI."""
        rows = msg("{started:,} of {vocab:,} tokens ({share:.1%}) start from static vectors: "
                   "{whole:,} whole words ({by_case:,} by case), {subword:,} from subword "
                   "vectors; {random:,} stay random ({special} special).",
                   started=self.whole_word_rows + self.subword_rows, vocab=self.vocab_size,
                   share=self.vocab_coverage, whole=self.whole_word_rows,
                   by_case=self.case_folded_rows, subword=self.subword_rows,
                   random=self.random_rows, special=self.special_rows)
        proj = {"none": msg("copied as they are"), "pca": msg("reduced by PCA"),
                "zero-pad": msg("zero-padded"),
                "orthogonal": msg("mapped by a random orthogonal matrix")}
        how = msg("Vectors of size {size} were centred, {projected} to {hidden} and scaled by "
                  "{scale:.4g}.", size=self.source_dim,
                  projected=proj.get(self.projection, self.projection), hidden=self.hidden,
                  scale=self.scale)
        if self.corpus_coverage is None:
            return msg("{rows} {how}", rows=rows, how=how)
        return msg("{rows} They cover {coverage:.1%} of the corpus tokens. {how}", rows=rows,
                   coverage=self.corpus_coverage, how=how)


def init_word_embeddings(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    emb: Embeddings,
    *,
    subword_vector: Callable[[str], NDArray[Any] | None] | None = None,
    projection: str = "pca",
    texts: Iterable[str] | None = None,
    seed: int = 0,
    token_counts: Mapping[int, int] | None = None,
    progress: Progress = NULL_PROGRESS,
) -> StaticInitReport:
    """Copy static vectors into the model's word-embedding rows (in place).

    Parameters
    ----------
    model
        A ``transformers`` model; ``model.get_input_embeddings().weight`` is
        changed in place (and, tied to it, the MLM decoder).
    tokenizer
        The model's tokenizer; its vocabulary ids are the matrix rows.
    emb
        Static vectors (:class:`~workbench.core.embeddings.Embeddings`).
    subword_vector
        ``piece -> vector or None`` for ``##`` pieces (called without the
        ``##``) and for words without a vector; defaults to
        ``emb.oov_vector`` when the vectors have one.
    projection
        ``"pca"`` (PCA down, zero-pad up) or ``"orthogonal"``; see the module notes.
    texts
        Corpus texts for ``corpus_coverage`` (tokenized here).
    seed
        Seed of the ``"orthogonal"`` projection.
    token_counts
        Token id -> occurrences, instead of ``texts``.
    progress
        Phase messages; cancellation is checked while tokenizing ``texts``
        and before the model is changed (a cancelled call changes nothing).

    Returns
    -------
    StaticInitReport

    Raises
    ------
    ParameterError
        Unknown projection, a tokenizer larger than the embedding matrix,
        empty or non-finite vectors, a ``subword_vector`` result of the
        wrong size.
    """
    import torch

    if projection not in PROJECTIONS:
        raise ParameterError(msg("Unknown projection {projection!r}; choose one of "
                                 "{PROJECTIONS}.", projection=projection,
                                 PROJECTIONS=', '.join(PROJECTIONS)))
    if texts is not None and token_counts is not None:
        raise ParameterError(msg("Give texts or token_counts for the corpus coverage, not both."))
    if len(emb) == 0:
        raise ParameterError(msg("The static vectors are empty."))
    emb.check_finite()
    weight = model.get_input_embeddings().weight
    n_rows, hidden = int(weight.shape[0]), int(weight.shape[1])
    vocab = tokenizer.get_vocab()
    if vocab and max(vocab.values()) >= n_rows:
        raise ParameterError(
            msg("The tokenizer has {n_vocab:,} tokens but the model's embedding matrix has only "
                "{n_rows:,} rows; build the model with vocab_size=len(tokenizer).",
                n_vocab=len(vocab), n_rows=n_rows))
    if subword_vector is None:
        subword_vector = _oov_of(emb)
    d = emb.dim
    counts = _corpus_counts(tokenizer, texts, token_counts, progress)

    specials = {int(i) for i in tokenizer.all_special_ids}
    specials |= {i for t, i in vocab.items() if _UNUSED.match(t)}
    prefix = _continuation_prefix(tokenizer)
    folded = _FoldedIndex(tokenizer, emb)
    progress.report(None, msg("Matching {n_vocab:,} tokens to {n_emb:,} vectors…",
                              n_vocab=len(vocab), n_emb=len(emb)))

    ids: list[int] = []
    rows: list[int] = []                 # row in emb, or -1 for an entry of `extra`
    extra: list[NDArray[np.float32]] = []
    n_whole = n_folded = n_sub = 0
    for token, tid in sorted(vocab.items(), key=lambda kv: kv[1]):
        if tid in specials:
            continue
        is_piece = token.startswith(prefix) and len(token) > len(prefix)
        row = -1
        if not is_piece:
            if token in emb:
                row = emb.index(token)
            else:
                row = folded.get(token)
                if row < 0 and token.lower() != token and token.lower() in emb:
                    row = emb.index(token.lower())
                n_folded += row >= 0
        if row >= 0:
            ids.append(tid)
            rows.append(row)
            n_whole += 1
            continue
        if subword_vector is None:
            continue
        piece = token[len(prefix):] if is_piece else token
        vec = _checked_vector(subword_vector(piece), d, token)
        if vec is not None:
            ids.append(tid)
            rows.append(-1)
            extra.append(vec)
            n_sub += 1

    progress.raise_if_cancelled()
    progress.report(None, msg("Writing {n_ids:,} rows…", n_ids=len(ids)))
    scale, proj_name = 0.0, "none"
    if ids:
        src = np.empty((len(ids), d), dtype=np.float64)
        rows_arr = np.asarray(rows)
        whole = rows_arr >= 0
        src[whole] = emb.vectors[rows_arr[whole]]
        if extra:
            src[~whole] = np.stack(extra)
        projected, proj_name = _project(src, emb.vectors, hidden, projection, seed)
        rms = float(np.sqrt(np.mean(projected ** 2)))
        if rms == 0.0:
            raise ParameterError(msg("The static vectors are all equal once centred, so they "
                                     "carry nothing to copy into the model."))
        sigma = float(getattr(model.config, "initializer_range", 0.02))
        scale = sigma / rms
        new_rows = torch.as_tensor(projected * scale, dtype=weight.dtype, device=weight.device)
        with torch.no_grad():
            weight[torch.as_tensor(ids, dtype=torch.long, device=weight.device)] = new_rows

    corpus_coverage: float | None = None
    corpus_tokens: int | None = None
    if counts is not None:
        corpus_tokens = int(sum(counts.values()))
        covered = set(ids)
        if corpus_tokens:
            corpus_coverage = sum(c for i, c in counts.items() if i in covered) / corpus_tokens
    n_vocab = len(vocab)
    return StaticInitReport(
        vocab_size=n_vocab, whole_word_rows=n_whole, subword_rows=n_sub,
        random_rows=n_vocab - n_whole - n_sub,
        vocab_coverage=(n_whole + n_sub) / n_vocab if n_vocab else 0.0,
        corpus_coverage=corpus_coverage, projection=proj_name, source_dim=d, hidden=hidden,
        scale=scale, case_folded_rows=int(n_folded), special_rows=len(specials & set(
            vocab.values())), corpus_tokens=corpus_tokens)


def _oov_of(emb: Embeddings) -> Callable[[str], NDArray[Any] | None] | None:
    """``emb.oov_vector`` (fastText n-grams) when the vectors have one, else ``None``."""
    oov = getattr(emb, "oov_vector", None)
    if not callable(oov):
        return None

    def vector(piece: str) -> NDArray[Any] | None:
        try:
            return oov(piece)
        except WorkbenchError:        # e.g. a fastText model saved without its n-gram table
            return None

    return vector


def _continuation_prefix(tokenizer: Any) -> str:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    prefix = getattr(getattr(backend, "model", None), "continuing_subword_prefix", None)
    return prefix if isinstance(prefix, str) and prefix else "##"


class _FoldedIndex:
    """Token form of each static word under the tokenizer's normaliser, built on first use."""

    def __init__(self, tokenizer: Any, emb: Embeddings) -> None:
        backend = getattr(tokenizer, "backend_tokenizer", None)
        self._normalizer = getattr(backend, "normalizer", None)
        self._emb = emb
        self._index: dict[str, int] | None = None

    def get(self, token: str) -> int:
        if self._normalizer is None:
            return -1
        if self._index is None:
            self._index = self._build()
        return self._index.get(token, -1)

    def _build(self) -> dict[str, int]:
        norm = self._normalizer.normalize_str
        counts = self._emb.counts
        index: dict[str, int] = {}
        for row, word in enumerate(self._emb.words):
            parts = norm(word).split()
            if len(parts) != 1:           # empty, or several words once normalised (CJK)
                continue
            key = parts[0]
            best = index.get(key)
            if best is None or (counts is not None and counts[row] > counts[best]):
                index[key] = row
        return index


def _checked_vector(vec: Any, d: int, token: str) -> NDArray[np.float32] | None:
    if vec is None:
        return None
    arr = np.asarray(vec, dtype=np.float32).reshape(-1)
    if arr.shape != (d,):
        raise ParameterError(msg("subword_vector returned {arr_size} values for {token!r}; the "
                                 "static vectors have {d}.", arr_size=arr.size, token=token, d=d))
    if not np.isfinite(arr).all():
        raise ParameterError(msg("subword_vector returned NaN or infinity for {token!r}.",
                                 token=token))
    return arr


def _project(src: NDArray[np.float64], all_vectors: NDArray[np.float32], hidden: int,
             projection: str, seed: int) -> tuple[NDArray[np.float64], str]:
    """Centre ``src`` on the mean of ``all_vectors`` and map it to ``hidden`` dimensions."""
    d = src.shape[1]
    mean = all_vectors.mean(axis=0, dtype=np.float64)
    centred = src - mean
    if d == hidden:
        return centred, "none"
    if projection == "orthogonal":
        rng = np.random.default_rng(seed)
        q, _ = np.linalg.qr(rng.standard_normal((max(d, hidden), min(d, hidden))))
        matrix = q if d > hidden else q.T            # d x hidden
        return centred @ matrix, "orthogonal"
    if d < hidden:
        out = np.zeros((src.shape[0], hidden), dtype=np.float64)
        out[:, :d] = centred
        return out, "zero-pad"
    return centred @ _pca_components(all_vectors, mean, hidden), "pca"


def _pca_components(vectors: NDArray[np.float32], mean: NDArray[np.float64],
                    k: int) -> NDArray[np.float64]:
    """The top ``k`` principal axes of ``vectors`` as a ``d x k`` matrix.

    From the eigenvectors of the ``d x d`` scatter matrix of the first
    100,000 vectors (the most frequent words in frequency-sorted files; more
    rows do not move 300-dimensional axes noticeably), accumulated in float32
    chunks (memory stays ``O(d²)``).  Each axis's largest entry is made
    positive, so the result does not depend on the solver's sign choice.
    """
    import torch  # its CPU matrix product is several times faster than numpy's here

    d = vectors.shape[1]
    n = min(vectors.shape[0], _PCA_MAX_ROWS)
    scatter = np.zeros((d, d), dtype=np.float64)
    rows = torch.from_numpy(np.ascontiguousarray(vectors[:n], dtype=np.float32))
    centre = torch.from_numpy(mean.astype(np.float32))
    for start in range(0, n, _PCA_CHUNK):
        block = rows[start:start + _PCA_CHUNK] - centre
        scatter += (block.T @ block).double().numpy()
    _, eigvecs = np.linalg.eigh(scatter)
    axes = eigvecs[:, ::-1][:, :k]
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(k)])
    signs[signs == 0] = 1.0
    return axes * signs


def _corpus_counts(tokenizer: Any, texts: Iterable[str] | None,
                   token_counts: Mapping[int, int] | None,
                   progress: Progress) -> Mapping[int, int] | None:
    if token_counts is not None:
        return {int(k): int(v) for k, v in token_counts.items()}
    if texts is None:
        return None
    if isinstance(texts, str):
        raise ParameterError(msg("texts must be a list or iterable of texts, not a single "
                                 "string."))
    counts: collections.Counter[int] = collections.Counter()
    batch: list[str] = []
    done = 0

    def flush() -> None:
        nonlocal done
        progress.raise_if_cancelled()
        for ids in tokenizer(batch, add_special_tokens=False, verbose=False)["input_ids"]:
            counts.update(ids)
        done += len(batch)
        progress.report(None, msg("Counted the tokens of {done:,} texts", done=done))
        batch.clear()

    for text in texts:
        if text and not text.isspace():
            batch.append(text)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    return counts


def freeze_embeddings_callback(model: PreTrainedModel, steps: int) -> TrainerCallback:
    """A ``transformers`` callback that keeps the word embeddings fixed for ``steps`` steps.

    Before each optimizer step ``global_step < steps`` the word-embedding
    weight gets ``requires_grad=False`` (so no gradient is computed and AdamW,
    which skips parameters without a gradient, neither moves nor decays it);
    from step ``steps`` on it trains again, and at the end of training its
    original ``requires_grad`` is restored.  The ``Trainer`` builds its
    optimizer before ``on_train_begin``, while the weight still requires a
    gradient, so the weight is in the optimizer when it thaws.  Resuming
    past ``steps`` does not freeze.  Tied weights (BERT's MLM decoder) are
    the same tensor and freeze with it.

    Parameters
    ----------
    model
        The model being trained.
    steps
        Optimizer steps to keep the embeddings fixed (0: never).
    """
    from transformers import TrainerCallback

    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ParameterError(msg("The number of steps to freeze the embeddings must be a whole "
                                 "number of at least 0, not {steps!r}.", steps=steps))
    weight = model.get_input_embeddings().weight

    class FreezeEmbeddingsCallback(TrainerCallback):
        """Freeze the word embeddings while ``state.global_step < steps``."""

        def __init__(self) -> None:
            self.steps = steps
            self.weight = weight
            self.trainable = bool(weight.requires_grad)

        def _apply(self, state: Any) -> None:
            frozen = state.global_step < self.steps
            self.weight.requires_grad_(self.trainable and not frozen)
            if frozen:
                self.weight.grad = None

        def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self._apply(state)

        def on_step_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self._apply(state)

        def on_pre_optimizer_step(self, args: Any, state: Any, control: Any,
                                  **kwargs: Any) -> None:
            if state.global_step < self.steps:
                self.weight.grad = None

        def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self.weight.requires_grad_(self.trainable)

    return FreezeEmbeddingsCallback()
