"""Word look-up shared by the evaluators (gensim's restrict_vocab and case rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings


class VocabLookup:
    """Maps benchmark words to rows of the first ``restrict_vocab`` vectors.

    With ``lowercase`` a word matches every row whose word lower-cases to the
    same key; the *first* such row (the most frequent, in a frequency-sorted
    file) provides the vector, and all of them are excluded from the answers
    when the word is an input, as gensim's ``evaluate_word_analogies`` does.

    Attributes
    ----------
    n
        Number of rows considered (candidates are rows ``0 .. n-1``).
    row_key
        Key id of each of those rows (``(n,)`` int64).
    """

    def __init__(self, emb: Embeddings, restrict_vocab: int | None, lowercase: bool) -> None:
        if restrict_vocab is not None and restrict_vocab < 1:
            raise ParameterError(msg("restrict_vocab must be at least 1; it is {restrict_vocab}.",
                                     restrict_vocab=restrict_vocab))
        self.n = len(emb) if restrict_vocab is None else min(int(restrict_vocab), len(emb))
        self.lowercase = lowercase
        key_ids: dict[str, int] = {}
        first_row: list[int] = []
        row_key = np.empty(self.n, dtype=np.int64)
        extra: dict[int, list[int]] = {}
        for r, word in enumerate(emb.words[:self.n]):
            key = word.lower() if lowercase else word
            k = key_ids.get(key)
            if k is None:
                k = key_ids[key] = len(first_row)
                first_row.append(r)
            else:
                extra.setdefault(k, [first_row[k]]).append(r)
            row_key[r] = k
        self._key_ids = key_ids
        self.first_row: NDArray[np.int64] = np.asarray(first_row, dtype=np.int64)
        self.row_key = row_key
        self.rows_of_key = extra  # keys shared by several rows (case variants)

    def key(self, word: str) -> int | None:
        """Key id of ``word`` or ``None`` when it is not among the considered rows."""
        return self._key_ids.get(word.lower() if self.lowercase else word)

    def row(self, word: str) -> int | None:
        """Row of the vector used for ``word`` (``None`` when missing)."""
        k = self.key(word)
        return None if k is None else int(self.first_row[k])
