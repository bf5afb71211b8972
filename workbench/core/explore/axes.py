"""Semantic axes: place words along directions between word groups.

Like the *Custom* projection of the TensorFlow Embedding Projector: an axis
runs from a group of words to another (``slow, sluggish -> fast, quick``), and
each word's position along it is the cosine-like dot product of its unit
vector with the axis direction

``direction = mean(unit vectors of positive) - mean(unit vectors of negative)``,

normalised to length 1.  With two axes the picture is their two coordinates
(the axes are not made orthogonal, so the note gives the angle between them).
With one axis the vertical coordinate is the first principal component of
what the axis leaves unexplained (the vectors with the axis direction
removed), which spreads the words as much as possible without mixing in the
axis itself.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.explore.neighbours import lookup
from workbench.core.explore.projections import Projection, ProjectionParams, covariance
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings

__all__ = ["Axis", "axis_projection"]


@dataclass(frozen=True)
class Axis:
    """A direction from the ``negative`` words to the ``positive`` words.

    Attributes
    ----------
    positive
        One or more words the axis points to.
    negative
        Words the axis points away from; may be empty (the axis then points
        from the origin to the mean of ``positive``).
    """

    positive: tuple[str, ...]
    negative: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        pos = (self.positive,) if isinstance(self.positive, str) else tuple(self.positive)
        neg = (self.negative,) if isinstance(self.negative, str) else tuple(self.negative)
        object.__setattr__(self, "positive", pos)
        object.__setattr__(self, "negative", neg)
        if not pos:
            raise ParameterError(msg("An axis needs at least one word at its positive end."))

    @property
    def label(self) -> str:
        """``"slow, sluggish → fast, quick"``."""
        neg = ", ".join(self.negative) or "origin"
        return f"{neg} → {', '.join(self.positive)}"

    def direction(self, emb: Embeddings) -> NDArray[np.float64]:
        """The unit direction vector; :class:`OutOfVocabulary` names a missing word."""
        unit = emb.unit
        d = unit[[lookup(emb, w) for w in self.positive]].astype(np.float64).mean(axis=0)
        if self.negative:
            d -= unit[[lookup(emb, w) for w in self.negative]].astype(np.float64).mean(axis=0)
        norm = float(np.linalg.norm(d))
        if norm < 1e-9:
            raise ParameterError(msg("The axis {label} has no direction: both ends are the same "
                                     "point.", label=self.label))
        return d / norm


def axis_projection(emb: Embeddings, x: Axis, y: Axis | None = None,
                    words: Sequence[str] | None = None, *,
                    top_n: int | None = None) -> Projection:
    """Coordinates of words along one or two semantic axes.

    Parameters
    ----------
    emb
        The vectors.
    x
        The horizontal axis.
    y
        The vertical axis; ``None``: the first principal component of the
        unit vectors of ``words`` with the ``x`` direction projected out.
    words
        The words to place (each must be in the vocabulary); ``None``: the
        first ``top_n`` words (all when ``top_n`` is ``None``).

    Returns
    -------
    Projection
        ``params.method == "axes"``, 2-D ``coords`` (``x`` then ``y``),
        ``rows`` giving each word's vocabulary row, and a ``note`` that
        describes the axes.
    """
    start = time.perf_counter()
    dx = x.direction(emb)
    if words is None:
        n = len(emb) if top_n is None else min(int(top_n), len(emb))
        rows = np.arange(n, dtype=np.int64)
        names = tuple(emb.words[:n])
        u = emb.unit[:n]
    else:
        rows = np.asarray([lookup(emb, w) for w in words], dtype=np.int64)
        names = tuple(words)
        u = emb.unit[rows]
    if len(rows) == 0:
        raise ParameterError(msg("There are no words to place on the axes."))
    cx = u @ dx.astype(np.float32)
    if y is not None:
        dy = y.direction(emb)
        angle = math.degrees(math.acos(max(-1.0, min(1.0, float(dx @ dy)))))
        cy = u @ dy.astype(np.float32)
        if abs(angle - 90) < 5:
            note = msg("Horizontal: {x}; vertical: {y}. The axes are at {angle:.0f}° to each "
                       "other.", x=x.label, y=y.label, angle=angle)
        else:
            note = msg("Horizontal: {x}; vertical: {y}. The axes are at {angle:.0f}° to each "
                       "other, so each coordinate also reflects the other axis.", x=x.label,
                       y=y.label, angle=angle)
    else:
        mean, cov = covariance(u)
        p = np.eye(len(dx)) - np.outer(dx, dx)           # removes the x direction
        values, vectors = np.linalg.eigh(p @ cov @ p)
        e = vectors[:, int(np.argmax(values))]
        if e[np.argmax(np.abs(e))] < 0:
            e = -e
        cy = u @ e.astype(np.float32) - np.float32(mean @ e)
        note = msg("Horizontal: {x}; vertical: the main remaining direction of variation "
                   "(first principal component with the horizontal axis removed).", x=x.label)
    coords = np.stack([cx, cy], axis=1).astype(np.float32)
    params = ProjectionParams(method="axes", dims=2, top_n=top_n)
    return Projection(params, names, coords, None, time.perf_counter() - start, False, note,
                      rows)
