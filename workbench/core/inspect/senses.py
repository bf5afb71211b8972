"""Senses of a word: cluster its contextual vectors, picture them beside the static vector.

:func:`analyse_senses` takes the :class:`~workbench.core.inspect.contextual.WordVectors`
of one word's occurrences and

1. picks a layer (or an average of layers) and, by default, L2-normalises
   each vector (cosine geometry, as the static side uses);
2. projects them to 2-D for the picture (PCA, or UMAP with
   ``n_neighbors = min(15, n - 1)``);
3. clusters them in the full-dimensional space (k-means with ``n_init=10``,
   or agglomerative clustering with Ward linkage), choosing ``k`` by the best
   silhouette over ``k_range`` unless ``k`` is given;
4. describes each cluster: its size, the examples nearest its centroid, the
   words that distinguish its sentences from the other clusters' (log-odds
   ratio with a uniform prior, z-scored; Monroe, Colaresi & Quinn 2008) and,
   with a static model, the static neighbours of those context words;
5. places the static vector.  A static model has one vector for every
   sense, and the two spaces have nothing in common, so the point drawn for
   it is the centroid of all occurrences' contextual vectors, projected with
   the same projection: the single vector that summarises all senses in the
   contextual space (:attr:`SensesResult.static_placement` says so).  Its
   static neighbours are listed beside the clusters' own.

With gold senses on every occurrence (CoarseWSD-20), :attr:`SensesResult.ari`
is scikit-learn's adjusted Rand index of the clusters against them.  The
static baseline's ARI is 0 by construction: one vector per word puts every
occurrence in the same cluster.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.contextual import Occurrence, WordVectors, is_cjk, words_in
from workbench.core.messages import join, msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings

__all__ = ["CLUSTERINGS", "METHODS", "STOPWORDS", "SenseCluster", "SensesResult",
           "analyse_senses", "distinctive_words"]

METHODS = ("pca", "umap")
CLUSTERINGS = ("kmeans", "agglomerative")

#: A short English stopword list for the clusters' context words.
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
one two three first new may many much many us its it's also said s t would could -- de la le
et der die das und en el del los las un une des du
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_N_EXAMPLES = 5
_N_CONTEXT = 8
_N_NEIGHBOURS = 10


@dataclass(frozen=True)
class SenseCluster:
    """One cluster of occurrences (a candidate sense).

    Attributes
    ----------
    label
        The cluster's number (0 = the largest cluster).
    size
        How many occurrences it holds.
    examples
        Up to five occurrences nearest its centroid, nearest first.
    context_words
        The words that most distinguish its sentences from the other clusters'.
    static_neighbours
        With a static model: its nearest words to the mean static vector of
        :attr:`context_words` (the word itself excluded); else empty.
    """

    label: int
    size: int
    examples: list[Occurrence]
    context_words: list[str]
    static_neighbours: list[str]


@dataclass(frozen=True)
class SensesResult:
    """What :func:`analyse_senses` found.

    Attributes
    ----------
    word
        The word (as most occurrences write it, lower-cased).
    coords
        ``(n_occ, 2)`` picture coordinates.
    labels
        ``(n_occ,)`` cluster of each occurrence (cluster 0 is the largest).
    k
        The number of clusters.
    silhouettes
        Silhouette score for each ``k`` tried (empty when fewer than 3
        occurrences or only one ``k`` possible).
    clusters
        One :class:`SenseCluster` per cluster, by label.
    static_point
        ``(2,)``: where the static vector is drawn (see :attr:`static_placement`),
        or ``None`` without a static model.
    static_placement
        A sentence saying how the static point is placed.
    static_neighbours
        The static model's nearest words to the word (empty without one, or
        when the word is not in its vocabulary).
    ari
        Adjusted Rand index against the gold labels when every occurrence has
        one, else ``None``.
    method, layer
        The projection and the layer choice used.
    occurrences
        The occurrences, in the order of :attr:`coords` and :attr:`labels`.
    clustering
        ``"kmeans"`` or ``"agglomerative"``.
    explained
        For PCA, the share of variance of each axis; else ``None``.
    notice
        Anything the user should know (occurrences skipped, k capped, a
        word missing from the static vocabulary), or ``""``.
    """

    word: str
    coords: np.ndarray
    labels: np.ndarray
    k: int
    silhouettes: dict[int, float]
    clusters: list[SenseCluster]
    static_point: np.ndarray | None
    static_placement: str
    static_neighbours: list[str]
    ari: float | None
    method: str
    layer: str
    occurrences: list[Occurrence] = field(default_factory=list)
    clustering: str = "kmeans"
    explained: tuple[float, float] | None = None
    notice: str = ""


def _word_of(occurrences: Sequence[Occurrence]) -> str:
    forms = Counter(o.word.lower() for o in occurrences)
    return forms.most_common(1)[0][0] if forms else ""


def _project(x: np.ndarray, method: str, seed: int
             ) -> tuple[np.ndarray, np.ndarray, tuple[float, float] | None]:
    """2-D coordinates of ``x`` and of its centroid, and PCA's explained variance."""
    centroid = x.mean(axis=0, keepdims=True)
    if method == "pca":
        from sklearn.decomposition import PCA

        dims = min(2, x.shape[0], x.shape[1])
        pca = PCA(n_components=dims, random_state=seed)
        coords = pca.fit_transform(x)
        point = pca.transform(centroid)[0]
        ratio = [float(v) for v in pca.explained_variance_ratio_] + [0.0, 0.0]
        if dims < 2:
            coords = np.pad(coords, ((0, 0), (0, 2 - dims)))
            point = np.pad(point, (0, 2 - dims))
        return coords, point, (ratio[0], ratio[1])
    from workbench.core.explore.projections import _import_umap

    umap = _import_umap()
    n = x.shape[0]
    reducer = umap.UMAP(n_components=2, n_neighbors=max(2, min(15, n - 1)), random_state=seed,
                        n_jobs=1, init="spectral" if n > 3 else "random")
    coords = reducer.fit_transform(x.astype(np.float32))
    point = reducer.transform(centroid.astype(np.float32))[0]
    return np.asarray(coords, dtype=np.float64), np.asarray(point, dtype=np.float64), None


def _cluster(x: np.ndarray, k: int, clustering: str, seed: int) -> np.ndarray:
    if k == 1:
        return np.zeros(len(x), dtype=np.int64)
    if clustering == "kmeans":
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)


def _relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters so 0 is the largest (ties: first appearance)."""
    sizes = Counter(labels.tolist())
    first = {lab: i for i, lab in reversed(list(enumerate(labels.tolist())))}
    order = sorted(sizes, key=lambda lab: (-sizes[lab], first[lab]))
    mapping = {old: new for new, old in enumerate(order)}
    return np.array([mapping[v] for v in labels.tolist()], dtype=np.int64)


def _sentence_words(occ: Occurrence, word: str) -> set[str]:
    """Content words of an occurrence's sentence (the word, stopwords and numbers left out)."""
    out = set()
    for w, s, e in words_in(occ.text):
        lw = w.lower()
        if (s, e) == (occ.start, occ.end) or lw == word or lw in STOPWORDS:
            continue
        if lw.isdigit() or (len(lw) < 2 and not is_cjk(lw)):
            continue
        out.add(lw)
    return out


def distinctive_words(groups: Sequence[Sequence[set[str]]], n: int = _N_CONTEXT,
                      alpha: float = 0.5, min_count: int = 2) -> list[list[str]]:
    """For each group of documents (sets of words), its most distinctive words.

    Weighted log-odds ratio of each word's document frequency in the group
    against all other groups, with a uniform Dirichlet prior ``alpha`` and
    z-scored by its approximate standard deviation (Monroe, Colaresi & Quinn
    2008).  Only words with a positive score are kept; those in at least
    ``min_count`` documents of the group come first, the rarer ones fill up
    the list when there are fewer than ``n``.
    """
    counts = [Counter(w for doc in g for w in doc) for g in groups]
    totals = Counter()
    for c in counts:
        totals.update(c)
    vocab = len(totals)
    out: list[list[str]] = []
    for g, c in zip(groups, counts):
        n_in = sum(c.values())
        n_out = sum(totals.values()) - n_in
        need = min(min_count, max(1, len(g)))
        scored = []
        for w, y_in in c.items():
            y_out = totals[w] - y_in
            a_in = y_in + alpha
            a_out = y_out + alpha
            rest_in = max(n_in + alpha * vocab - a_in, alpha)
            rest_out = max(n_out + alpha * vocab - a_out, alpha)
            delta = math.log(a_in / rest_in) - math.log(a_out / rest_out)
            z = delta / math.sqrt(1.0 / a_in + 1.0 / a_out)
            if z > 0:
                scored.append((y_in < need, -z, -y_in, w))
        scored.sort()
        out.append([w for *_, w in scored[:n]])
    return out


def _mean_static(static: Embeddings, words: Sequence[str]) -> np.ndarray | None:
    rows = [static.index(w) for w in words if w in static]
    if not rows:
        return None
    v = static.unit[rows].mean(axis=0)
    return v if float(np.linalg.norm(v)) > 0 else None


def _neighbours(static: Embeddings, query: str | np.ndarray, word: str) -> list[str]:
    from workbench.core.explore.neighbours import nearest

    exclude = [word] if word in static else []
    return nearest(static, query, k=_N_NEIGHBOURS, exclude=exclude).words


def analyse_senses(vectors: WordVectors, *, layer: int | str | Sequence[int] = "mean-last-4",
                   method: str = "pca", clustering: str = "kmeans", k: int | None = None,
                   k_range: tuple[int, int] = (2, 8), static: Embeddings | None = None,
                   seed: int = 0, progress: Progress = NULL_PROGRESS, normalize: bool = True,
                   word: str | None = None) -> SensesResult:
    """Cluster a word's occurrences into candidate senses and picture them.

    Parameters
    ----------
    vectors
        The occurrences' contextual vectors (:func:`~workbench.core.inspect.contextual.word_vectors`).
    layer
        Which layer(s): see :meth:`WordVectors.layer` (default: the mean of
        the last four layers).
    method
        ``"pca"`` or ``"umap"`` for the 2-D picture.
    clustering
        ``"kmeans"`` (``n_init=10``) or ``"agglomerative"`` (Ward).
    k
        The number of clusters; ``None`` chooses the best silhouette in
        ``k_range`` (inclusive, capped at ``n - 1``).
    k_range
        The ``k`` values tried, ``(low, high)``.
    static
        A static model, for its neighbours and the static point.
    seed
        Random seed (k-means, PCA solver, UMAP).
    progress
        Reports per step; cancellation between steps.
    normalize
        L2-normalise each vector first (cosine geometry).
    word
        The word's name for display and for the static model (default: the
        commonest lower-cased form among the occurrences).

    Raises
    ------
    WorkbenchError
        Fewer than 3 occurrences.
    ParameterError
        An unknown method, clustering, layer or ``k``.
    """
    n = len(vectors)
    if n < 3:
        raise WorkbenchError(msg("Sense clustering needs at least 3 occurrences of the word; "
                                 "it occurs {n} times.", n=n))
    method = method.lower()
    if method not in METHODS:
        raise ParameterError(msg("Unknown projection {method!r}; use 'pca' or 'umap'.",
                                 method=method))
    if clustering not in CLUSTERINGS:
        raise ParameterError(msg("Unknown clustering {clustering!r}; use 'kmeans' or "
                                 "'agglomerative'.", clustering=clustering))
    lo, hi = int(k_range[0]), int(k_range[1])
    if lo < 2 or hi < lo:
        raise ParameterError(msg("The k range must be (low, high) with 2 <= low <= high, not "
                                 "{tuple}.", tuple=tuple(k_range)))
    if k is not None and not 1 <= int(k) <= n:
        raise ParameterError(msg("k must be between 1 and the number of occurrences ({n}), not "
                                 "{k}.", n=n, k=k))
    word = (word or _word_of(vectors.occurrences)).strip()
    notices: list[str] = []
    if vectors.skipped:
        notices.append(msg("{n} occurrence(s) gave no token and were left out.",
                           n=vectors.skipped))
    if vectors.truncated:
        notices.append(msg("{n} long sentence(s) were cut to a window around the word.",
                           n=vectors.truncated))
    layer_name = layer if isinstance(layer, str) else (
        str(layer) if isinstance(layer, int) else "mean of " + ",".join(map(str, layer)))
    x = vectors.layer(layer).astype(np.float64)
    if not np.isfinite(x).all():
        raise WorkbenchError(msg("Some contextual vectors contain NaN or infinity; the model "
                                 "weights are probably broken."))
    if normalize:
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        x = x / norms

    from threadpoolctl import threadpool_limits

    # One BLAS/OpenMP thread: a few hundred points cluster in milliseconds, while
    # OpenMP's thread start-up and spinning costs ~10x that on a busy machine.
    with threadpool_limits(limits=1):
        return _analyse(vectors, x, word, layer_name, method, clustering, k, lo, hi, static,
                        seed, progress, notices)


def _analyse(vectors: WordVectors, x: np.ndarray, word: str, layer_name: str, method: str,
             clustering: str, k: int | None, lo: int, hi: int, static: Embeddings | None,
             seed: int, progress: Progress, notices: list[str]) -> SensesResult:
    from sklearn.metrics import silhouette_score

    n = len(x)
    progress.report(0.05, msg("Projecting {n:,} occurrences ({upper})", n=n, upper=method.upper()))
    coords, centroid_point, explained = _project(x, method, seed)
    progress.raise_if_cancelled()

    distinct = len(np.unique(np.round(x, 6), axis=0))
    silhouettes: dict[int, float] = {}
    top = min(hi, n - 1, distinct - 1) if distinct > 1 else 0
    if hi > n - 1 and k is None:
        notices.append(msg("k was capped at {k} (one less than the occurrences).", k=n - 1))
    candidates = list(range(lo, top + 1))
    if k is not None and 2 <= k <= min(n - 1, distinct - 1) and k not in candidates:
        candidates.append(int(k))
    fits: dict[int, np.ndarray] = {}
    for i, kk in enumerate(candidates):
        progress.report(0.1 + 0.6 * i / max(len(candidates), 1),
                        msg("Clustering with k = {kk} ({clustering})", kk=kk,
                            clustering=clustering))
        progress.raise_if_cancelled()
        lab = _cluster(x, kk, clustering, seed)
        if len(set(lab.tolist())) > 1:
            silhouettes[kk] = float(silhouette_score(x, lab))
        fits[kk] = lab
    if k is None:
        if silhouettes:
            chosen = max(silhouettes, key=lambda kk: (silhouettes[kk], -kk))
            labels = fits[chosen]
        else:
            chosen, labels = 1, np.zeros(n, dtype=np.int64)
            notices.append(msg("All occurrences have the same vector: one cluster."))
    else:
        chosen = int(k)
        labels = fits[chosen] if chosen in fits else _cluster(x, chosen, clustering, seed)
    labels = _relabel_by_size(np.asarray(labels))
    chosen = int(labels.max()) + 1
    progress.raise_if_cancelled()

    progress.report(0.75, msg("Describing the clusters"))
    occ = vectors.occurrences
    docs = [_sentence_words(o, word.lower()) for o in occ]
    groups = [[docs[i] for i in np.flatnonzero(labels == c)] for c in range(chosen)]
    context = distinctive_words(groups) if chosen > 1 else distinctive_words(
        [groups[0], []])[:1]
    clusters: list[SenseCluster] = []
    for c in range(chosen):
        members = np.flatnonzero(labels == c)
        centre = x[members].mean(axis=0)
        dist = np.linalg.norm(x[members] - centre, axis=1)
        nearest_rows = members[np.argsort(dist, kind="stable")[:_N_EXAMPLES]]
        neighbours: list[str] = []
        if static is not None:
            mean = _mean_static(static, context[c])
            if mean is not None:
                neighbours = _neighbours(static, mean, word)
        clusters.append(SenseCluster(c, len(members), [occ[i] for i in nearest_rows],
                                     context[c], neighbours))

    static_point = None
    static_neighbours: list[str] = []
    placement = msg("No static model is loaded; a static vector would sit at the centroid of "
                    "all occurrences.")
    if static is not None:
        static_point = np.asarray(centroid_point, dtype=np.float64)
        how = (msg("with the PCA fitted on the occurrences (a linear map, so it is the mean of "
                   "their points)") if method == "pca" else
               msg("with UMAP's transform of the fitted map"))
        placement = msg("The static vector of '{word}' lives in another space, so it is drawn "
                        "as what one vector for every sense amounts to here: the centroid of all "
                        "{n:,} occurrences' contextual vectors, projected {how}.", word=word, n=n,
                        how=how)
        lookup = word if word in static else word.lower()
        if lookup in static:
            static_neighbours = _neighbours(static, lookup, lookup)
        else:
            notices.append(msg("'{word}' is not in the static model's vocabulary.", word=word))

    ari = None
    if all(o.label is not None for o in occ):
        from sklearn.metrics import adjusted_rand_score

        ari = float(adjusted_rand_score([o.label for o in occ], labels))
    progress.report(1.0, msg("{chosen} clusters of '{word}'", chosen=chosen, word=word))
    return SensesResult(
        word=word, coords=np.asarray(coords, dtype=np.float64), labels=labels, k=chosen,
        silhouettes=silhouettes, clusters=clusters, static_point=static_point,
        static_placement=placement, static_neighbours=static_neighbours, ari=ari,
        method=method, layer=str(layer_name), occurrences=list(occ), clustering=clustering,
        explained=explained, notice=join(notices))
