"""k-means cluster labels for colouring a map.

scikit-learn's ``KMeans`` for up to 20,000 vectors; above that
``MiniBatchKMeans`` fed batch by batch with ``partial_fit``, so progress is
reported and a cancel stops it between batches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import MissingDependency, ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["kmeans_labels"]

_FULL_KMEANS_MAX = 20_000
_PASSES = 3


def kmeans_labels(vectors: NDArray, k: int, seed: int = 0,
                  progress: Progress = NULL_PROGRESS, *,
                  batch_size: int = 4096) -> NDArray[np.int32]:
    """A cluster label in ``0 .. k-1`` for each row of ``vectors``.

    Parameters
    ----------
    vectors
        ``(n, d)``; pass unit vectors (``emb.unit``) to cluster by direction
        (cosine), raw ones to cluster by Euclidean distance.
    k
        Number of clusters, ``1 <= k <= n``.
    seed
        Random seed (initial centres, batch order).
    progress
        Fraction done; cancelling raises
        :class:`~workbench.core.tasks.Cancelled` between mini-batches (large
        ``n``) or before and after the fit (small ``n``).
    batch_size
        Mini-batch size for large ``n`` (raised to ``3 k`` when smaller).

    Returns
    -------
    numpy.ndarray
        ``(n,)`` int32 labels.
    """
    x = np.asarray(vectors, dtype=np.float32)
    if x.ndim != 2:
        raise ParameterError(msg("k-means needs a 2-D matrix of vectors, not shape {x_shape}.",
                                 x_shape=x.shape))
    n = len(x)
    if int(k) != k or not 1 <= k <= n:
        raise ParameterError(msg("The number of clusters must be between 1 and {n:,} (the "
                                 "number of vectors); it is {k}.", n=n, k=k))
    k = int(k)
    if not np.isfinite(x).all():
        raise WorkbenchError(msg("Some vectors contain NaN or infinity; they cannot be "
                                 "clustered."))
    try:
        from sklearn.cluster import KMeans, MiniBatchKMeans
    except ImportError as exc:  # pragma: no cover - a dependency of the app
        raise MissingDependency(msg("Clustering needs scikit-learn (pip install scikit-learn).")) \
            from exc
    progress.raise_if_cancelled()
    if n <= _FULL_KMEANS_MAX:
        progress.report(0.0, msg("k-means: {k} clusters of {n:,} vectors", k=k, n=n))
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(x)
        progress.raise_if_cancelled()
        progress.report(1.0, msg("k-means: {k} clusters", k=k))
        return labels.astype(np.int32)
    batch = max(batch_size, 3 * k)
    model = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=batch, n_init=3)
    rng = np.random.default_rng(seed)
    steps = _PASSES * -(-n // batch)
    done = 0
    for p in range(_PASSES):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            progress.raise_if_cancelled()
            rows = np.sort(order[s:s + batch])
            if len(rows) < k:        # partial_fit needs at least k samples per batch
                continue
            model.partial_fit(x[rows])
            done += 1
            progress.report(0.9 * done / steps, msg("k-means: pass {value} of {_PASSES}",
                                                    value=p + 1, _PASSES=_PASSES))
    labels = np.empty(n, dtype=np.int32)
    for s in range(0, n, 65536):
        progress.raise_if_cancelled()
        labels[s:s + 65536] = model.predict(x[s:s + 65536])
    progress.report(1.0, msg("k-means: {k} clusters", k=k))
    return labels
