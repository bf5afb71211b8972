"""Teaching aids: do antonyms end up as neighbours?

Distributional vectors place a word near the words that share its contexts,
and antonyms share most of theirs (*a fast car*, *a slow car*).  So ``slow``
is often among the nearest neighbours of ``fast``: :func:`antonym_check`
measures it for a list of pairs, with exact ranks over the whole vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.explore.neighbours import top_k
from workbench.core.messages import msg

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings

__all__ = ["DEFAULT_ANTONYMS", "AntonymCheck", "antonym_check"]

#: English antonym pairs for the lecture demo.
DEFAULT_ANTONYMS: tuple[tuple[str, str], ...] = (
    ("fast", "slow"), ("hot", "cold"), ("good", "bad"), ("big", "small"), ("up", "down"),
    ("happy", "sad"), ("old", "new"), ("high", "low"), ("long", "short"), ("early", "late"),
    ("strong", "weak"), ("rich", "poor"), ("light", "dark"), ("open", "closed"),
    ("love", "hate"), ("true", "false"), ("win", "lose"), ("buy", "sell"),
    ("first", "last"), ("inside", "outside"), ("north", "south"), ("black", "white"),
    ("young", "old"), ("easy", "difficult"), ("increase", "decrease"),
)


@dataclass(frozen=True)
class AntonymCheck:
    """How close the two words of an antonym pair are.

    Attributes
    ----------
    a, b
        The pair.
    rank_b_among_a
        Rank of ``b`` among the neighbours of ``a`` over the whole vocabulary
        by cosine similarity (1 = nearest; ``a`` itself is not counted; equal
        similarities are ordered by vocabulary row); ``None`` when a word is
        missing.
    rank_a_among_b
        The same the other way round.
    similarity
        Cosine similarity of the pair (``None`` when a word is missing).
    missing
        The words of the pair that are not in the vocabulary.
    k
        The neighbourhood size used for :attr:`neighbours_a` / :attr:`neighbours_b`.
    neighbours_a, neighbours_b
        The ``k`` nearest neighbours of each word (for display).
    """

    a: str
    b: str
    rank_b_among_a: int | None
    rank_a_among_b: int | None
    similarity: float | None
    missing: tuple[str, ...]
    k: int = 10
    neighbours_a: tuple[str, ...] = ()
    neighbours_b: tuple[str, ...] = ()

    @property
    def among_neighbours(self) -> bool:
        """Whether either word is among the other's ``k`` nearest neighbours."""
        ranks = [r for r in (self.rank_b_among_a, self.rank_a_among_b) if r is not None]
        return any(r <= self.k for r in ranks)


def _rank(masked: np.ndarray, target: int) -> int:
    """1-based position of ``target`` in a stable descending sort of ``masked``."""
    t = masked[target]
    return int(np.count_nonzero(masked > t) + np.count_nonzero(masked[:target] == t) + 1)


def antonym_check(emb: Embeddings, pairs: Sequence[tuple[str, str]] = DEFAULT_ANTONYMS,
                  k: int = 10) -> list[AntonymCheck]:
    """For each pair, the exact rank of each word among the other's neighbours.

    Parameters
    ----------
    emb
        The vectors.
    pairs
        ``(a, b)`` word pairs; words missing from the vocabulary are reported
        in :attr:`AntonymCheck.missing`, not raised.
    k
        How many neighbours to list per word.

    Returns
    -------
    list of AntonymCheck
        One per pair, in order.
    """
    if k < 1:
        raise ParameterError(msg("k must be 1 or more; it is {k}.", k=k))
    unit = emb.unit
    out: list[AntonymCheck] = []
    for a, b in pairs:
        missing = tuple(w for w in dict.fromkeys((a, b)) if w not in emb)
        if missing:
            out.append(AntonymCheck(a, b, None, None, None, missing, k))
            continue
        if a == b:
            raise ParameterError(msg("The pair ('{a}', '{b}') has the same word twice.", a=a, b=b))
        ra, rb = emb.index(a), emb.index(b)
        ranks, lists = [], []
        for r, other in ((ra, rb), (rb, ra)):
            masked = unit @ unit[r]
            masked[r] = -np.inf
            ranks.append(_rank(masked, other))
            idx, _ = top_k(masked, k)
            lists.append(tuple(emb.words[i] for i in idx.tolist()))
        out.append(AntonymCheck(a, b, ranks[0], ranks[1], float(unit[ra] @ unit[rb]), (), k,
                                lists[0], lists[1]))
    return out
