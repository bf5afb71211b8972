"""One type for static word vectors, used by every panel.

:class:`Embeddings` holds the vocabulary (most frequent first when counts are
known), a float32 matrix and, lazily, its unit-normalised copy for cosine
work.  Trainers return it, the format readers build it, and the Explore panel
and BERT static initialisation consume it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

import numpy as np

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["Embeddings"]


@dataclass(eq=False)
class Embeddings:
    """Static word vectors.

    Parameters
    ----------
    words
        The vocabulary, one entry per row of ``vectors``; no duplicates.
    vectors
        A ``(len(words), dim)`` matrix; stored as C-contiguous float32.
    counts
        Corpus frequency of each word, when known.
    source
        Where the vectors came from (a path or a run description), for display.
    """

    words: list[str]
    vectors: NDArray[np.float32]
    counts: NDArray[np.int64] | None = None
    source: str = ""
    _index: dict[str, int] = field(init=False, repr=False)
    _unit: NDArray[np.float32] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.words = list(self.words)
        self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
        if self.vectors.ndim != 2 or self.vectors.shape[0] != len(self.words):
            raise WorkbenchError(
                msg("The vectors have shape {vectors_shape}, which does not match {n_words:,} "
                    "words.", vectors_shape=self.vectors.shape, n_words=len(self.words)))
        self._index = {w: i for i, w in enumerate(self.words)}
        if len(self._index) != len(self.words):
            seen: set[str] = set()
            dup = next(w for w in self.words if w in seen or seen.add(w))  # type: ignore[func-returns-value]
            raise WorkbenchError(msg("The word {dup!r} appears twice in the vocabulary.", dup=dup))
        if self.counts is not None:
            self.counts = np.asarray(self.counts, dtype=np.int64)
            if self.counts.shape != (len(self.words),):
                raise WorkbenchError(msg("There must be one count per word."))

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self._index

    @property
    def dim(self) -> int:
        """Number of dimensions of each vector."""
        return int(self.vectors.shape[1])

    def index(self, word: str) -> int:
        """Row of ``word``; :class:`WorkbenchError` when it is not in the vocabulary."""
        try:
            return self._index[word]
        except KeyError:
            raise WorkbenchError(msg("'{word}' is not in the vocabulary ({n_self:,} words).",
                                     word=word, n_self=len(self)))\
                from None

    def vector(self, word: str) -> NDArray[np.float32]:
        """The vector of ``word`` (a view, do not modify)."""
        return self.vectors[self.index(word)]

    @property
    def unit(self) -> NDArray[np.float32]:
        """Row-normalised copy of the vectors (zero rows stay zero), computed once."""
        if self._unit is None:
            norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            self._unit = (self.vectors / norms).astype(np.float32, copy=False)
        return self._unit

    def subset(self, words: Sequence[str]) -> Embeddings:
        """A new :class:`Embeddings` with only ``words`` (in that order)."""
        rows = [self.index(w) for w in words]
        counts = None if self.counts is None else self.counts[rows]
        return Embeddings(list(words), self.vectors[rows], counts, self.source)

    def check_finite(self) -> None:
        """Raise :class:`WorkbenchError` naming the first word whose vector has NaN or inf."""
        bad = ~np.isfinite(self.vectors).all(axis=1)
        if bad.any():
            i = int(np.argmax(bad))
            raise WorkbenchError(
                msg("The vector of '{words}' (row {value}) contains NaN or infinity; {int:,} "
                    "vectors are affected.", words=self.words[i], value=i + 1, int=int(bad.sum())))
