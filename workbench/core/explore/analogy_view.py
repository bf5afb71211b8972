"""The interactive analogy ``a : b = c : ?`` as a picture.

Answers come from :func:`workbench.core.evaluation.analogy.solve_analogy`
(the batch evaluator's scoring, equal to gensim's ``most_similar`` /
``most_similar_cosmul``); this module only lays the words out in the plane:
a PCA fitted on the unit vectors of ``a``, ``b``, ``c`` and the candidates, so
the offsets ``a -> b`` and ``c -> answer`` can be drawn as arrows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.explore.neighbours import lookup

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings

__all__ = ["AnalogyPicture", "analogy_picture"]


@dataclass(frozen=True, eq=False)
class AnalogyPicture:
    """Words of an analogy placed in 2-D.

    Attributes
    ----------
    words
        ``a``, ``b``, ``c``, then the candidates (best first, inputs removed).
    coords
        ``(len(words), 2)`` float64 PCA coordinates of the unit vectors.
    roles
        ``"a"``, ``"b"``, ``"c"`` or ``"candidate"`` for each word.
    explained
        Share of the variance of these points along each of the two axes.
    scores
        The score of each candidate (3CosAdd: cosine with ``b - a + c``;
        3CosMul: gensim's value); ``None`` for ``a``, ``b``, ``c``.
    target
        Where ``b - a + c`` (of unit vectors, normalised) falls in the
        picture: the point 3CosAdd looks for.
    method
        ``"3cosadd"`` or ``"3cosmul"``.
    """

    words: tuple[str, ...]
    coords: NDArray[np.float64]
    roles: tuple[str, ...]
    explained: tuple[float, float]
    scores: tuple[float | None, ...] = ()
    target: NDArray[np.float64] | None = None
    method: str = "3cosadd"

    @property
    def answer(self) -> str | None:
        """The best candidate (``None`` when there is none)."""
        return self.words[3] if len(self.words) > 3 else None


def analogy_picture(emb: Embeddings, a: str, b: str, c: str,
                    candidates: Sequence[str] | None = None, *, k: int = 5,
                    method: str = "3cosadd") -> AnalogyPicture:
    """Lay out ``a``, ``b``, ``c`` and candidate answers with a PCA of their unit vectors.

    Parameters
    ----------
    emb
        The vectors.
    a, b, c
        The analogy ``a : b = c : ?``.
    candidates
        Words to show as answers; ``None``: the ``k`` best answers of
        :func:`~workbench.core.evaluation.analogy.solve_analogy` with ``method``.
        Candidates equal to ``a``, ``b`` or ``c`` are dropped.
    k, method
        Used when ``candidates`` is ``None``.

    Raises
    ------
    OutOfVocabulary
        A word is not in the vocabulary (with close spellings).
    """
    from workbench.core.evaluation.analogy import solve_analogy

    for w in (a, b, c):
        lookup(emb, w)
    if candidates is None:
        answers = solve_analogy(emb, a, b, c, k=k, method=method)
    else:
        # Score the given words the way solve_analogy scores every word.
        from workbench.core.evaluation.analogy import _check_method, _scores

        rows = [lookup(emb, w) for w in candidates]
        u = emb.unit
        ua, ub, uc = (u[lookup(emb, w)][None, :] for w in (a, b, c))
        values = _scores(u[rows], ua, ub, uc, _check_method(method), 1e-3)[0] if rows else []
        answers = [(w, float(v)) for w, v in zip(candidates, values)]
    words: list[str] = []
    roles: list[str] = []
    scores: list[float | None] = []
    for w, role, score in [(a, "a", None), (b, "b", None), (c, "c", None),
                           *((w, "candidate", s) for w, s in answers)]:
        if w not in words:
            words.append(w)
            roles.append(role)
            scores.append(score)
    unit = emb.unit[[emb.index(w) for w in words]].astype(np.float64)
    target = unit[roles.index("b")] - unit[roles.index("a")] + unit[roles.index("c")] \
        if {"a", "b", "c"} <= set(roles) else None
    if target is not None:
        norm = np.linalg.norm(target)
        target = target / norm if norm > 0 else target
    mean = unit.mean(axis=0)
    centred = unit - mean
    _, sing, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:2]
    if comps.shape[0] < 2:       # fewer than two distinct directions: pad with zeros
        comps = np.vstack([comps, np.zeros((2 - comps.shape[0], unit.shape[1]))])
    signs = np.sign(comps[np.arange(2), np.argmax(np.abs(comps), axis=1)])
    signs[signs == 0] = 1.0
    comps = comps * signs[:, None]
    var = sing ** 2
    total = float(var.sum())
    explained = tuple(float(var[i] / total) if total > 0 and i < len(var) else 0.0
                      for i in range(2))
    coords = centred @ comps.T
    tcoords = None if target is None else (target - mean) @ comps.T
    return AnalogyPicture(tuple(words), coords, tuple(roles), explained,  # type: ignore[arg-type]
                          tuple(scores), tcoords, method)
