"""Nearest neighbours, similarities and spelling suggestions on static vectors.

Every look-up is one pass over the vectors: a matrix-vector product
(``emb.unit @ q`` for cosine, ``emb.vectors @ q`` plus cached squared norms for
Euclidean distance) followed by :func:`top_k`, which finds the ``k`` best of
a million scores in well under a millisecond.  So a query costs about what
reading the matrix once costs (see ``benchmarks/explore.py``).

Words that are not in the vocabulary raise :class:`OutOfVocabulary`, whose
message lists close spellings found by :func:`similar_spellings` (exactly
the words :func:`difflib.get_close_matches` would propose, found without
comparing the query with the whole vocabulary).
"""

from __future__ import annotations

import difflib
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings

__all__ = [
    "METRICS",
    "Neighbour",
    "NeighbourResult",
    "OutOfVocabulary",
    "lookup",
    "map_neighbours",
    "nearest",
    "neighbour_overlap",
    "odd_one_out",
    "similar_spellings",
    "similarity",
    "similarity_matrix",
    "top_k",
]

METRICS = ("cosine", "euclidean")
_BLOCK = 256            # scores per block in top_k's threshold search
_DIRECT_TOP_K = 8192    # below this many scores top_k partitions them directly


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class Neighbour:
    """One word of a neighbour list.

    Attributes
    ----------
    word
        The neighbour.
    score
        Cosine similarity (``metric="cosine"``, higher is closer) or Euclidean
        distance (``metric="euclidean"``, lower is closer).
    rank
        1 for the closest word.
    """

    word: str
    score: float
    rank: int


@dataclass(frozen=True)
class NeighbourResult:
    """The answer of :func:`nearest`.

    Attributes
    ----------
    query
        The query as given (a word, an expression, or ``"<vector>"``).
    metric
        ``"cosine"`` or ``"euclidean"``.
    neighbours
        Best first.
    excluded
        Vocabulary words left out of the list (the query's own words and the
        ``exclude`` argument), in that order.
    note
        A sentence for the user about what was done (words left out, a
        vector built from subwords), or ``""``.
    """

    query: str
    metric: str
    neighbours: tuple[Neighbour, ...]
    excluded: tuple[str, ...]
    note: str = ""

    @property
    def words(self) -> list[str]:
        """The neighbours' words, best first."""
        return [n.word for n in self.neighbours]


class OutOfVocabulary(WorkbenchError):
    """A word is not in the vocabulary; :attr:`suggestions` holds close spellings.

    Attributes
    ----------
    word
        The missing word.
    suggestions
        Close spellings found in the vocabulary (best first, possibly empty).
    """

    def __init__(self, word: str, suggestions: Sequence[str] = (), vocab_size: int | None = None
                 ) -> None:
        quoted = ", ".join(f"'{s}'" for s in suggestions)
        if vocab_size is None:
            message = msg("'{word}' is not in the vocabulary.", word=word) if not suggestions \
                else msg("'{word}' is not in the vocabulary. Did you mean {suggestions}?",
                         word=word, suggestions=quoted)
        elif not suggestions:
            message = msg("'{word}' is not in the vocabulary ({size:,} words).", word=word,
                          size=vocab_size)
        else:
            message = msg("'{word}' is not in the vocabulary ({size:,} words). Did you mean "
                          "{suggestions}?", word=word, size=vocab_size, suggestions=quoted)
        super().__init__(message)
        self.word = word
        self.suggestions = list(suggestions)
        self.vocab_size = vocab_size

    def __reduce__(self) -> tuple[type, tuple[str, list[str], int | None]]:
        return type(self), (self.word, self.suggestions, self.vocab_size)


# --------------------------------------------------------------------------- helpers

def lookup(emb: Embeddings, word: str) -> int:
    """Row of ``word``; :class:`OutOfVocabulary` (with suggestions) when it is missing."""
    if word in emb:
        return emb.index(word)
    raise OutOfVocabulary(word, similar_spellings(emb, word), len(emb))


def _check_k(k: int) -> int:
    if int(k) != k or k < 1:
        raise ParameterError(msg("The number of neighbours k must be 1 or more; it is {k}.", k=k))
    return int(k)


def _check_metric(metric: str) -> str:
    m = metric.lower()
    if m not in METRICS:
        raise ParameterError(msg("metric must be one of {METRICS}; it is {metric!r}.",
                                 METRICS=', '.join(METRICS), metric=metric))
    return m


class _PerEmbeddings:
    """A per-:class:`Embeddings` cache that is dropped with the object or its matrix."""

    def __init__(self) -> None:
        self._data: weakref.WeakKeyDictionary[Embeddings, tuple[int, object]] = \
            weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, emb: Embeddings, build: Callable[[], object]) -> object:
        key = id(emb.vectors)
        with self._lock:
            hit = self._data.get(emb)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = build()
        with self._lock:
            self._data[emb] = (key, value)
        return value


_SQUARED_NORMS = _PerEmbeddings()
_SPELLING_INDEX = _PerEmbeddings()


def _squared_norms(emb: Embeddings) -> NDArray[np.float32]:
    def build() -> NDArray[np.float32]:
        v = emb.vectors
        out = np.empty(len(v), dtype=np.float32)
        step = 1 << 16
        for s in range(0, len(v), step):
            block = v[s:s + step]
            np.einsum("ij,ij->i", block, block, out=out[s:s + step])
        return out
    return _SQUARED_NORMS.get(emb, build)  # type: ignore[return-value]


# --------------------------------------------------------------------------- top-k

def top_k(scores: NDArray, k: int, largest: bool = True
          ) -> tuple[NDArray[np.int64], NDArray]:
    """Indices and values of the ``k`` best scores, best first.

    Equal scores come in index order (as a stable ``argsort`` would put them);
    NaN scores come last.  The search is exact: the ``k``-th best of the
    per-block maxima (blocks of 256 scores) is a threshold that at least ``k``
    scores reach, so only the few scores above it are sorted.

    Parameters
    ----------
    scores
        A 1-D array (flattened otherwise).
    k
        How many to return (fewer when there are fewer scores).
    largest
        ``True`` for the largest scores (similarities), ``False`` for the
        smallest (distances).

    Returns
    -------
    indices, values
        ``int64`` indices into ``scores`` and the scores at them.
    """
    s = np.asarray(scores).ravel()
    n = s.size
    k = min(int(k), n)
    if k <= 0:
        return np.empty(0, dtype=np.int64), s[:0].copy()
    worst = -np.inf if largest else np.inf
    if n <= _DIRECT_TOP_K:
        clean = np.where(np.isnan(s), worst, s) if s.dtype.kind == "f" else s
        t = np.partition(clean, n - k)[n - k] if largest else np.partition(clean, k - 1)[k - 1]
    else:
        full = n - n % _BLOCK
        blocks = s[:full].reshape(-1, _BLOCK)
        reduce = np.fmax if largest else np.fmin
        maxima = reduce.reduce(blocks, axis=1)
        if full < n:
            maxima = np.append(maxima, reduce.reduce(s[full:]))
        if maxima.dtype.kind == "f":
            maxima[np.isnan(maxima)] = worst
        m = maxima.size
        kb = min(k, m)
        t = np.partition(maxima, m - kb)[m - kb] if largest else \
            np.partition(maxima, kb - 1)[kb - 1]
        # kb < k only when the blocks are fewer than k: then every score is a candidate.
        if kb < k:
            t = worst
    cand = np.flatnonzero(s >= t) if largest else np.flatnonzero(s <= t)
    vals = s[cand]
    order = np.lexsort((cand, -vals if largest else vals))[:k]
    idx = cand[order].astype(np.int64, copy=False)
    if idx.size < k:   # NaN scores fill up the list, in index order
        rest = np.flatnonzero(np.isnan(s))[:k - idx.size]
        idx = np.concatenate([idx, rest.astype(np.int64)])
    return idx, s[idx]


# --------------------------------------------------------------------------- nearest

def _query_vector(emb: Embeddings, query: str | NDArray, metric: str,
                  oov_vector: Callable[[str], NDArray] | None
                  ) -> tuple[NDArray[np.float32], list[str], str, str]:
    """Vector, in-vocabulary words, display text and note for a query."""
    from workbench.core.explore.expressions import (
        expression_vector,
        is_expression,
        parse_expression,
    )

    if not isinstance(query, str):
        q = np.asarray(query, dtype=np.float32).ravel()
        if q.size != emb.dim:
            raise ParameterError(msg("The query vector has {q_size} values; the vectors have "
                                     "{emb_dim} dimensions.", q_size=q.size, emb_dim=emb.dim))
        if not np.isfinite(q).all():
            raise ParameterError(msg("The query vector contains NaN or infinity."))
        return q, [], "<vector>", ""
    text = query.strip()
    if not text:
        raise ParameterError(msg("Type a word or an expression such as 'king - man + woman'."))
    if text in emb:
        terms = [(1.0, text)]
    elif is_expression(text):
        terms = parse_expression(text)
    else:
        terms = [(1.0, text)]
    missing = [w for _, w in terms if w not in emb]
    q = expression_vector(emb, terms, oov_vector, unit=metric == "cosine")
    words = list(dict.fromkeys(w for _, w in terms if w in emb))
    note = ""
    if missing:
        names = ", ".join(f"'{w}'" for w in dict.fromkeys(missing))
        note = (msg("{names} is not in the vocabulary; the model built the vector from "
                    "subwords.", names=names) if len(set(missing)) == 1 else
                msg("{names} are not in the vocabulary; the model built the vector from "
                    "subwords.", names=names))
    return q, words, text, note


def nearest(emb: Embeddings, query: str | NDArray, k: int = 10, metric: str = "cosine",
            exclude: Sequence[str] = (),
            oov_vector: Callable[[str], NDArray] | None = None) -> NeighbourResult:
    """The ``k`` words closest to a word, an expression or a vector.

    Parameters
    ----------
    emb
        The vectors.
    query
        A word (``"paris"``), an expression (``"king - man + woman"``,
        ``"2*paris - france"``, see :func:`~workbench.core.explore.expressions.parse_expression`)
        or a raw vector of ``emb.dim`` values.  A string that is a vocabulary
        word is always taken as that word, even if it contains ``-`` or ``+``.
    k
        How many neighbours to return.
    metric
        ``"cosine"``: cosine similarity with the unit vectors (an expression
        sums unit vectors, as gensim's ``most_similar`` does);
        ``"euclidean"``: distance between the raw vectors (an expression sums
        raw vectors).
    exclude
        More words to leave out of the list (words not in the vocabulary are
        ignored).  The query's own words are always left out.
    oov_vector
        For models that can build vectors for unseen words (fastText): called
        with a missing word instead of raising :class:`OutOfVocabulary`; the
        result's ``note`` says so.

    Returns
    -------
    NeighbourResult

    Raises
    ------
    OutOfVocabulary
        A query word is missing and ``oov_vector`` is ``None``.
    ExpressionError
        The expression is malformed.
    ParameterError
        ``k`` or ``metric`` is invalid, or the expression sums to zero.
    """
    k = _check_k(k)
    metric = _check_metric(metric)
    if len(emb) == 0:
        raise WorkbenchError(msg("The embeddings hold no vectors."))
    q, query_words, text, note = _query_vector(emb, query, metric, oov_vector)
    excluded = list(dict.fromkeys([*query_words, *(w for w in exclude if w in emb)]))
    rows = np.fromiter((emb.index(w) for w in excluded), dtype=np.int64, count=len(excluded))
    if metric == "cosine":
        norm = float(np.linalg.norm(q))
        if norm == 0.0 or not np.isfinite(norm):
            raise ParameterError(msg("The query '{text}' is the zero vector; it has no "
                                     "direction to compare with.", text=text))
        scores = emb.unit @ (q / norm).astype(np.float32)
        scores[rows] = -np.inf
        idx, vals = top_k(scores, min(k, len(emb) - len(rows)), largest=True)
    else:
        # |x - q|^2 = |x|^2 - 2 x.q + |q|^2, with |x|^2 cached per Embeddings
        scores = emb.vectors @ (-2.0 * q).astype(np.float32)
        scores += _squared_norms(emb)
        scores[rows] = np.inf
        idx, vals = top_k(scores, min(k, len(emb) - len(rows)), largest=False)
        vals = np.sqrt(np.maximum(vals.astype(np.float64) + float(q @ q), 0.0))
    neighbours = tuple(Neighbour(emb.words[i], float(v), r)
                       for r, (i, v) in enumerate(zip(idx.tolist(), vals.tolist()), 1))
    if excluded:
        left_out = msg("Left out of the list: {words}.", words=", ".join(excluded))
        note = msg("{note} {left_out}", note=note, left_out=left_out) if note else left_out
    return NeighbourResult(text, metric, neighbours, tuple(excluded), note)


# --------------------------------------------------------------------------- similarities

def similarity(emb: Embeddings, a: str, b: str) -> float:
    """Cosine similarity of two words; :class:`OutOfVocabulary` names a missing one."""
    unit = emb.unit
    return float(unit[lookup(emb, a)] @ unit[lookup(emb, b)])


def similarity_matrix(emb: Embeddings, words: Sequence[str]) -> NDArray[np.float32]:
    """The ``(m, m)`` cosine similarities of ``words`` (in that order).

    Raises
    ------
    OutOfVocabulary
        Naming the first word that is missing.
    """
    rows = [lookup(emb, w) for w in words]
    u = emb.unit[rows]
    return np.asarray(u @ u.T, dtype=np.float32)


def odd_one_out(emb: Embeddings, words: Sequence[str]) -> tuple[str, dict[str, float]]:
    """The word least similar to the others, and each word's mean cosine to the others.

    Parameters
    ----------
    emb
        The vectors.
    words
        Three or more different words.

    Returns
    -------
    word, means
        The word with the lowest mean cosine similarity to the other words
        (the first one on ties), and that mean for every word.
    """
    words = list(words)
    if len(words) < 3:
        raise ParameterError(msg("Odd one out needs at least 3 words; {n_words} given.",
                                 n_words=len(words)))
    if len(set(words)) != len(words):
        dup = next(w for i, w in enumerate(words) if w in words[:i])
        raise ParameterError(msg("The word '{dup}' is given twice.", dup=dup))
    sims = similarity_matrix(emb, words).astype(np.float64)
    m = len(words)
    means = (sims.sum(axis=1) - np.diag(sims)) / (m - 1)
    return words[int(np.argmin(means))], {w: float(x) for w, x in zip(words, means)}


# --------------------------------------------------------------------------- maps

def map_neighbours(coords: NDArray, row: int, k: int = 10) -> tuple[NDArray[np.int64], NDArray]:
    """The ``k`` points nearest to point ``row`` of a 2-D/3-D map (Euclidean), itself excluded.

    Returns
    -------
    rows, distances
        Best first.
    """
    c = np.asarray(coords, dtype=np.float64)
    if c.ndim != 2 or not 0 <= row < len(c):
        raise ParameterError(msg("Row {row} is not a point of a map with {n_c} points.", row=row,
                                 n_c=len(c)))
    k = _check_k(k)
    d2 = ((c - c[row]) ** 2).sum(axis=1)
    d2[row] = np.inf
    idx, vals = top_k(d2, min(k, len(c) - 1), largest=False)
    return idx, np.sqrt(vals)


def neighbour_overlap(emb: Embeddings, coords: NDArray, rows: Sequence[int] | None = None,
                      k: int = 10, metric: str = "cosine", max_rows: int = 200,
                      seed: int = 0) -> float:
    """Mean share of each word's ``k`` nearest neighbours that its map neighbours keep.

    1.0 means the map preserves every sampled neighbourhood; about ``k / n``
    is what a random map achieves.  ``coords`` holds the map of the first
    ``len(coords)`` words of ``emb`` (a projection of the ``top_n`` most
    frequent words); neighbours in the original space are searched among
    those words too.

    Parameters
    ----------
    rows
        The words (rows) to check; by default ``max_rows`` rows drawn at
        random with ``seed``.
    k
        Neighbourhood size.
    metric
        How original neighbours are found (``"cosine"`` or ``"euclidean"``).
    """
    k = _check_k(k)
    metric = _check_metric(metric)
    c = np.asarray(coords, dtype=np.float64)
    n = len(c)
    if n > len(emb):
        raise ParameterError(msg("The map has {n:,} points but the vectors only {n_emb:,}.", n=n,
                                 n_emb=len(emb)))
    if n <= k:
        raise ParameterError(msg("The map needs more than k={k} points; it has {n}.", k=k, n=n))
    if rows is None:
        rng = np.random.default_rng(seed)
        rows = rng.choice(n, size=min(max_rows, n), replace=False)
    x = emb.unit[:n] if metric == "cosine" else emb.vectors[:n]
    sq = None if metric == "cosine" else np.einsum("ij,ij->i", x, x)
    total = 0.0
    for r in rows:
        r = int(r)
        if metric == "cosine":
            s = x @ x[r]
            s[r] = -np.inf
            orig, _ = top_k(s, k, largest=True)
        else:
            s = sq - 2.0 * (x @ x[r])   # type: ignore[operator]
            s[r] = np.inf
            orig, _ = top_k(s, k, largest=False)
        mapped, _ = map_neighbours(c, r, k)
        total += len(np.intersect1d(orig, mapped)) / k
    return total / max(len(rows), 1)


# --------------------------------------------------------------------------- spelling

class _SpellingIndex:
    """The vocabulary grouped by word length, as code-point matrices.

    ``buckets[L]`` is ``(rows, codes)``: the rows of the words of length
    ``L`` and their characters as a ``(len(rows), L)`` uint32 matrix.  Built
    once per :class:`Embeddings` (about 0.3 s for a million words).
    """

    def __init__(self, words: Sequence[str]) -> None:
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        order = np.argsort(lengths, kind="stable")
        sorted_lengths = lengths[order]
        joined = "".join([words[i] for i in order.tolist()])
        flat = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.buckets: dict[int, tuple[NDArray[np.int64], NDArray[np.uint32]]] = {}
        uniq, starts = np.unique(sorted_lengths, return_index=True)
        ends = np.append(starts[1:], len(order))
        offset = 0
        for length, s, e in zip(uniq.tolist(), starts.tolist(), ends.tolist()):
            count = e - s
            codes = flat[offset:offset + count * length].reshape(count, length)
            offset += count * length
            self.buckets[length] = (order[s:e], codes)
        self.lengths = sorted(self.buckets)


def similar_spellings(emb: Embeddings, word: str, n: int = 5, cutoff: float = 0.6) -> list[str]:
    """Vocabulary words spelled like ``word``, best first.

    The answer is the one :func:`difflib.get_close_matches` gives on the whole
    vocabulary (same scores, ties broken the same way), but it is found
    without scoring every word: ``ratio`` never exceeds ``quick_ratio``
    (shared characters), which is computed for whole groups of words of one
    length at once with numpy, and never exceeds ``2 min(a, b) / (a + b)``
    for lengths ``a`` and ``b``, which rules out whole length groups.  Only
    the words that could still beat the current ``n``-th best are scored
    exactly.  Case variants of ``word`` (``Paris`` for ``paris``) come first.

    Parameters
    ----------
    word
        The (missing) word.
    n
        How many suggestions at most.
    cutoff
        Minimum :class:`difflib.SequenceMatcher` ratio, as in
        ``get_close_matches``.
    """
    if n <= 0 or not word or len(emb) == 0:
        return []
    variants = [v for v in dict.fromkeys((word.lower(), word.capitalize(), word.upper(),
                                          word.title())) if v != word and v in emb]
    index: _SpellingIndex = _SPELLING_INDEX.get(  # type: ignore[assignment]
        emb, lambda: _SpellingIndex(emb.words))
    qlen = len(word)
    qcodes = np.frombuffer(word.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars, qcounts = np.unique(qcodes, return_counts=True)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: list[tuple[float, str]] = []   # (ratio, word), sorted best first, at most n

    def nth_best() -> float:
        return best[-1][0] if len(best) >= n else cutoff

    # Lengths in order of their bound 2 min(a, b) / (a + b), best first.
    lengths = sorted(index.lengths, key=lambda L: (-2 * min(L, qlen) / (L + qlen), L))
    for length in lengths:
        bound = 2 * min(length, qlen) / (length + qlen)
        if bound < nth_best():
            break
        rows, codes = index.buckets[length]
        matches = np.zeros(len(rows), dtype=np.int64)
        for ch, qc in zip(chars.tolist(), qcounts.tolist()):
            np.add(matches, np.minimum((codes == ch).sum(axis=1), qc), out=matches)
        quick = 2.0 * matches / (length + qlen)
        keep = np.flatnonzero(quick >= nth_best())
        if keep.size == 0:
            continue
        keep = keep[np.argsort(-quick[keep], kind="stable")]
        for j in keep.tolist():
            if quick[j] < nth_best():
                break
            candidate = emb.words[int(rows[j])]
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            score = matcher.ratio()
            if score >= cutoff and (len(best) < n or (score, candidate) > best[-1]):
                best.append((score, candidate))
                best.sort(reverse=True)
                del best[n:]
    found = [w for _, w in best if w not in variants]
    return (variants + found)[:n]
