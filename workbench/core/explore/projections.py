"""2-D/3-D maps of word vectors: PCA, t-SNE and UMAP, cached on disk.

:func:`project` is the one job behind the Explore panel's map and
``workbench project``.  It validates the request against the data (a
perplexity too high for the number of points, too few points for UMAP's
neighbourhood, NaN vectors) with messages that say what to change, looks the
map up in a cache keyed by a fingerprint of the vectors and the parameters
that matter for the method, computes it, and stores it as ``.npy`` + ``.json``
(written with :func:`~workbench.core.workspace.atomic_write`, never pickled).

Methods
-------
``pca``
    Our own: the ``d x d`` covariance of the centred rows, accumulated over
    chunks of 65,536 rows in float32 matrix products summed in float64, then
    ``numpy.linalg.eigh``.  1,000,000 x 300 takes about 2 s on two cores
    (``benchmarks/explore.py``).  Component signs follow scikit-learn's rule
    (the largest loading of each component is positive), so the map equals
    ``sklearn.decomposition.PCA``'s.
``tsne``
    ``sklearn.manifold.TSNE`` (Barnes-Hut).  It has no callback; with
    ``verbose=2`` it prints a line every 50 iterations, which we read from a
    per-thread ``sys.stdout`` hook: that gives real progress and lets a
    cancel stop it within 50 iterations.
``umap``
    ``umap.UMAP``.  Its verbose lines (nearest-neighbour descent iterations)
    and its epoch bar (``tqdm`` writing into a file object of ours) give
    progress and cancellation points.  From 10,000 points on, the layout
    starts from PCA rather than UMAP's spectral layout, which costs more
    than the rest of the set-up on large maps.  Above 10,000 points it runs
    150 epochs rather than umap-learn's 200: the epochs took three quarters of
    a 100,000 x 100 map (62 of 82 s on two busy cores; nearest-neighbour
    descent 17 s, graph and initial layout 2 s), and on the 20,000 most
    frequent words of a word2vec model 150 epochs kept trustworthiness within
    1% and kNN overlap@10 within 2-4% of 200 epochs, while 100-120 epochs
    lost 9-10% of the overlap and a negative-sample rate of 3 lost 2-3% of
    trustworthiness and 11% of the overlap (``benchmarks/explore.py --quality``;
    on 50,000 words, 150 epochs: trustworthiness -0.3 to -0.8%, overlap -6% on
    average, within the noise of a 2,000-point sample; 120: -14%).  Up to
    200,000 points pynndescent runs with ``low_memory=False`` (same map, about
    2 s less at 100,000).
    With a ``seed`` umap-learn runs single-threaded (reproducible);
    ``seed=None`` uses every core, which was twice as slow on the shared
    2-core machine (162 s against 82 s at 100,000 x 100).
    The first UMAP of a process compiles numba code for a long time:
    :func:`warm_umap` does that ahead of need.  umap-learn's numba code holds
    the GIL for long stretches, which freezes other threads of the process
    (a window's event loop); ``project(..., in_child=True)`` therefore runs
    it in :func:`umap_worker`, a persistent child process
    (:mod:`workbench.core.subprocess_jobs`) that ``warm_umap(in_child=True)``
    starts and compiles once per session.

``metric="cosine"`` (the default) maps the unit-normalised vectors (PCA) or
uses cosine distances (t-SNE, UMAP); ``"euclidean"`` uses the raw vectors.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import math
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.explore.neighbours import _PerEmbeddings
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress, scaled
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings
    from workbench.core.subprocess_jobs import JobWorker

__all__ = [
    "METHODS",
    "Projection",
    "ProjectionParams",
    "cache_paths",
    "covariance",
    "embeddings_fingerprint",
    "enable_numba_cache",
    "estimate_seconds",
    "pca",
    "project",
    "umap_epochs",
    "umap_worker",
    "warm_umap",
]

log = logging.getLogger(__name__)

METHODS = ("pca", "tsne", "umap")
_NAMES = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP", "axes": "semantic axes"}
_ALL_METHODS = (*METHODS, "axes")   # "axes": maps made by axis_projection
_METRICS = ("cosine", "euclidean")
_CACHE_VERSION = 1
_CHUNK = 1 << 16
# Which parameters change the result of each method (the cache key uses only these).
_RELEVANT = {
    "pca": ("dims", "metric"),
    "tsne": ("dims", "metric", "perplexity", "seed", "iterations"),
    "umap": ("dims", "metric", "n_neighbors", "min_dist", "seed", "iterations"),
    "axes": ("dims",),
}


# --------------------------------------------------------------------------- requests

@dataclass(frozen=True)
class ProjectionParams:
    """What map to compute.

    Attributes
    ----------
    method
        ``"pca"``, ``"tsne"`` or ``"umap"``.
    dims
        2 or 3.
    top_n
        Map only the first ``top_n`` words (the most frequent in a
        frequency-sorted vocabulary); ``None`` maps all of them.
    perplexity
        t-SNE's effective number of neighbours; needs at least
        ``3 * perplexity + 1`` points.
    n_neighbors
        UMAP's neighbourhood size; needs more points than that.
    min_dist
        UMAP's minimum distance between embedded points.
    metric
        ``"cosine"`` or ``"euclidean"`` (see the module docstring).
    seed
        Random seed (t-SNE, UMAP).  ``None`` lets UMAP use every core, at
        the price of a map that differs from run to run.
    iterations
        t-SNE's gradient-descent iterations (at least 251; default 1000) or
        UMAP's epochs (default: 500 up to 10,000 points, as umap-learn, and
        150 above, where umap-learn runs 200: see the module docstring).
        Ignored by PCA.
    """

    method: str = "pca"
    dims: int = 2
    top_n: int | None = None
    perplexity: float = 30.0
    n_neighbors: int = 15
    min_dist: float = 0.1
    metric: str = "cosine"
    seed: int | None = 0
    iterations: int | None = None

    def __post_init__(self) -> None:
        if self.method not in _ALL_METHODS:
            raise ParameterError(msg("Unknown map method {method!r}; choose one of {METHODS}.",
                                     method=self.method, METHODS=', '.join(METHODS)))
        if self.dims not in (2, 3):
            raise ParameterError(msg("A map has 2 or 3 dimensions, not {dims}.", dims=self.dims))
        if self.top_n is not None and self.top_n < 1:
            raise ParameterError(msg("The number of words to map must be 1 or more; it is "
                                     "{top_n}.", top_n=self.top_n))
        if not self.perplexity > 0:
            raise ParameterError(msg("The perplexity must be positive; it is {perplexity}.",
                                     perplexity=self.perplexity))
        if self.n_neighbors < 2:
            raise ParameterError(msg("UMAP needs at least 2 neighbours; n_neighbors is "
                                     "{n_neighbors}.", n_neighbors=self.n_neighbors))
        if not 0.0 <= self.min_dist <= 1.0:
            raise ParameterError(msg("min_dist must be between 0 and 1; it is {min_dist}.",
                                     min_dist=self.min_dist))
        if self.metric not in _METRICS:
            raise ParameterError(msg("Unknown metric {metric!r}; choose cosine or euclidean.",
                                     metric=self.metric))
        if self.iterations is not None:
            low = 251 if self.method == "tsne" else 1
            if self.iterations < low:
                raise ParameterError(msg("{method} needs at least {low} iterations; "
                                         "{iterations} given.", method=self.method, low=low,
                                         iterations=self.iterations))

    def to_dict(self) -> dict[str, Any]:
        """All fields as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectionParams:
        """The inverse of :meth:`to_dict` (unknown keys are ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def key_dict(self, n: int) -> dict[str, Any]:
        """The parameters that decide the map of ``n`` points (the cache key)."""
        d = {"method": self.method, "n": int(n)}
        d.update({k: getattr(self, k) for k in _RELEVANT[self.method]})
        return d


@dataclass(frozen=True, eq=False)
class Projection:
    """A map: one point per word.

    Attributes
    ----------
    params
        What was computed.
    words
        The words, in the order of ``coords``' rows.
    coords
        ``(len(words), dims)`` float32.
    explained_variance
        PCA: the share of the variance along each component (the ratio, as
        scikit-learn's ``explained_variance_ratio_``); ``None`` otherwise.
    seconds
        Time the computation took (the original run's, on a cache hit).
    from_cache
        Whether the map was read from the cache.
    note
        A sentence for the user about the map, or ``""``.
    rows
        The vocabulary rows of ``words`` when they are not simply the first
        ``len(words)`` rows (:func:`~workbench.core.explore.axes.axis_projection`).
    """

    params: ProjectionParams
    words: tuple[str, ...]
    coords: NDArray[np.float32]
    explained_variance: tuple[float, ...] | None
    seconds: float
    from_cache: bool = False
    note: str = ""
    rows: NDArray[np.int64] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.words)


# --------------------------------------------------------------------------- fingerprints

_FINGERPRINTS = _PerEmbeddings()


def embeddings_fingerprint(emb: Embeddings) -> str:
    """A SHA-256 of the words and every byte of the vectors (hex).

    Computed once per :class:`Embeddings` object (cached; about 0.5 s for
    1,000,000 x 300 on two cores, the matrix hashed in parallel pieces).
    """
    def build() -> str:
        from concurrent.futures import ThreadPoolExecutor

        h = hashlib.sha256()
        v = emb.vectors
        h.update(f"{v.shape[0]}x{v.shape[1]}:{v.dtype.str}\n".encode())
        h.update("\n".join(emb.words).encode("utf-8", "surrogatepass"))
        pieces = max(1, min(os.cpu_count() or 1, 8, v.shape[0] // 4096))
        bounds = np.linspace(0, v.shape[0], pieces + 1).astype(int)

        def digest(i: int) -> bytes:
            part = v[bounds[i]:bounds[i + 1]]
            return hashlib.sha256(memoryview(part).cast("B")).digest()

        if pieces == 1:
            h.update(digest(0))
        else:
            with ThreadPoolExecutor(pieces) as pool:   # hashlib releases the GIL
                for d in pool.map(digest, range(pieces)):
                    h.update(d)
        return h.hexdigest()
    return _FINGERPRINTS.get(emb, build)  # type: ignore[return-value]


def cache_paths(cache_dir: str | Path, fingerprint: str, params: ProjectionParams,
                n: int) -> tuple[Path, Path]:
    """The ``.npy`` and ``.json`` files of a cached map."""
    key = json.dumps({"version": _CACHE_VERSION, "vectors": fingerprint,
                      **params.key_dict(n)}, sort_keys=True)
    name = "projection-" + hashlib.sha256(key.encode()).hexdigest()[:32]
    folder = Path(cache_dir)
    return folder / f"{name}.npy", folder / f"{name}.json"


def _read_cache(npy: Path, meta_path: Path, n: int, dims: int) -> tuple[NDArray, dict] | None:
    if not (npy.is_file() and meta_path.is_file()):
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        coords = np.load(npy, allow_pickle=False)
    except (OSError, ValueError):
        return None     # a damaged entry is recomputed and overwritten
    if coords.shape != (n, dims) or coords.dtype != np.float32:
        return None
    return coords, meta


def _write_cache(npy: Path, meta_path: Path, coords: NDArray, meta: dict[str, Any]) -> None:
    with atomic_write(npy) as f:
        np.save(f, coords, allow_pickle=False)
    with atomic_write(meta_path, "w", encoding="utf-8") as f:   # written last: marks complete
        json.dump(meta, f, indent=1, sort_keys=True)


# --------------------------------------------------------------------------- validation

def _validate(params: ProjectionParams, n: int, dim: int) -> None:
    if n == 0:
        raise ParameterError(msg("There are no vectors to map."))
    if params.method == "pca":
        if n < 2:
            raise ParameterError(msg("PCA needs at least 2 points; the map has 1."))
        if dim < params.dims:
            raise ParameterError(msg("PCA into {params_dims} dimensions needs vectors with at "
                                     "least {params_dims} dimensions; these have {dim}.",
                                     params_dims=params.dims, dim=dim))
    elif params.method == "tsne":
        need = int(3 * params.perplexity) + 1
        if n < need:
            raise ParameterError(
                msg("t-SNE with perplexity {params_perplexity:g} needs at least {need:,} "
                    "points; the map has {n:,}. Lower the perplexity (below {max:.4g}) or map "
                    "more words.", params_perplexity=params.perplexity, need=need, n=n,
                    max=max((n - 1) / 3, 1)))
    elif params.method == "umap":
        need = max(params.n_neighbors + 1, params.dims + 2)
        if n < need:
            raise ParameterError(
                msg("UMAP with {params_n_neighbors} neighbours needs at least {need:,} points; "
                    "the map has {n:,}. Lower n_neighbors or map more words.",
                    params_n_neighbors=params.n_neighbors, need=need, n=n))


def _check_finite(words: list[str], x: NDArray[np.float32]) -> None:
    """WorkbenchError naming the first row of ``x`` with NaN or infinity.

    Row sums find the suspects in one cheap pass (NaN and infinity propagate);
    only rows whose sum is not finite, which huge finite values can also
    cause, are checked value by value.
    """
    def bad_rows(s: int) -> NDArray[np.int64]:
        block = x[s:s + _CHUNK]
        with np.errstate(over="ignore", invalid="ignore"):
            sums = block.sum(axis=1)
        suspects = np.flatnonzero(~np.isfinite(sums))
        if suspects.size == 0:
            return suspects
        return suspects[~np.isfinite(block[suspects]).all(axis=1)]

    for s in range(0, len(x), _CHUNK):
        bad = bad_rows(s)
        if bad.size:
            i = s + int(bad[0])
            total = sum(int(bad_rows(t).size) for t in range(s, len(x), _CHUNK))
            raise WorkbenchError(
                msg("The vector of '{words}' (row {value}) contains NaN or infinity; {total:,} "
                    "vectors are affected, so no map can be drawn. Retrain with a lower "
                    "learning rate or reload the file.", words=words[i], value=i + 1, total=total))


# --------------------------------------------------------------------------- project

def project(emb: Embeddings, params: ProjectionParams, progress: Progress = NULL_PROGRESS,
            cache_dir: str | Path | None = None, *, in_child: bool = False) -> Projection:
    """Map the vectors (or the first ``params.top_n``) into 2 or 3 dimensions.

    Parameters
    ----------
    emb
        The vectors; rows are mapped in order (most frequent first).
    params
        Method and settings.
    progress
        Fraction done and a message; cancelling raises
        :class:`~workbench.core.tasks.Cancelled` (without a result) at the next
        check: every 65,536 rows (PCA), every 50 iterations (t-SNE), every
        nearest-neighbour iteration and epoch (UMAP).
    cache_dir
        Folder of cached maps (e.g. ``Workspace().cache_dir / "projections"``);
        ``None``: no cache.  A hit returns the stored coordinates with
        ``from_cache=True``; a cancelled or failed run writes nothing.
    in_child
        Compute a UMAP map in the persistent child process of
        :func:`umap_worker` rather than in the calling thread, so that
        umap-learn's long GIL-holding stretches cannot freeze the caller's
        other threads (the app's event loop).  The vectors travel through a
        temporary ``.npy`` file under ``cache_dir`` (or the system's
        temporary folder).  Other methods ignore it.

    Returns
    -------
    Projection

    Raises
    ------
    ParameterError
        The parameters do not suit the data (too few points for the
        perplexity or the neighbourhood, too few dimensions).
    WorkbenchError
        A vector contains NaN or infinity.
    MissingDependency
        scikit-learn or umap-learn is not installed.
    """
    if params.method not in METHODS:
        raise ParameterError(msg("project() computes {METHODS} maps; semantic axes come from "
                                 "axis_projection().", METHODS=', '.join(METHODS)))
    n = len(emb) if params.top_n is None else min(params.top_n, len(emb))
    _validate(params, n, emb.dim)
    progress.raise_if_cancelled()
    raw = emb.vectors[:n]
    _check_finite(emb.words, raw)
    words = tuple(emb.words[:n])
    npy = meta_path = None
    if cache_dir is not None:
        progress.report(0.0, msg("Looking for a cached map"))
        npy, meta_path = cache_paths(cache_dir, embeddings_fingerprint(emb), params, n)
        hit = _read_cache(npy, meta_path, n, params.dims)
        if hit is not None:
            coords, meta = hit
            ev = meta.get("explained_variance")
            progress.report(1.0, msg("Loaded the cached {_NAMES} map of {n:,} words",
                                     _NAMES=_NAMES[params.method], n=n))
            return Projection(params, words, coords, None if ev is None else tuple(ev),
                              float(meta.get("seconds", 0.0)), True, meta.get("note", ""))
    x = emb.unit[:n] if params.metric == "cosine" else raw
    start = time.perf_counter()
    explained: tuple[float, ...] | None = None
    if params.method == "pca":
        coords, explained = pca(x, params.dims, progress)
    elif params.method == "tsne":
        coords = _tsne(x, params, progress)
    elif in_child:
        scratch = Path(cache_dir) / "jobs" if cache_dir is not None else None
        coords = umap_worker().call(_umap_child_job, (x, params, _UMAP_CHILD["numba_cache"]),
                                    progress=progress, scratch_dir=scratch)
    else:
        coords = _umap(x, params, progress)
    progress.raise_if_cancelled()
    coords = np.ascontiguousarray(coords, dtype=np.float32)
    seconds = time.perf_counter() - start
    note = ""
    if explained is not None:
        shares = ", ".join(f"{v * 100:.1f}%" for v in explained)
        note = msg("The axes explain {shares} of the variance of the unit-length vectors.",
                   shares=shares) if params.metric == "cosine" else \
            msg("The axes explain {shares} of the variance of the vectors.", shares=shares)
    if npy is not None and meta_path is not None:
        try:
            _write_cache(npy, meta_path, coords, {
                "params": params.to_dict(), "n": n, "seconds": seconds,
                "explained_variance": None if explained is None else list(explained),
                "note": note, "vectors": embeddings_fingerprint(emb), "source": emb.source,
                "created": time.time(), "version": _CACHE_VERSION})
        except OSError as exc:      # a full disk or a read-only cache costs the cache only
            log.warning("could not cache the map in %s: %s", npy.parent, exc)
    progress.report(1.0, msg("{_NAMES} map of {n:,} words in {seconds:.1f} s",
                             _NAMES=_NAMES[params.method], n=n, seconds=seconds))
    return Projection(params, words, coords, explained, seconds, False, note)


# --------------------------------------------------------------------------- PCA

def pca(x: NDArray, dims: int = 2, progress: Progress = NULL_PROGRESS
        ) -> tuple[NDArray[np.float32], tuple[float, ...]]:
    """Principal-component coordinates of the rows of ``x`` and each component's variance share.

    The covariance is accumulated over row chunks (float32 products of the
    centred chunk, summed in float64), so memory stays at one chunk beyond
    ``x`` itself; cancellation is checked between chunks.

    Returns
    -------
    coords, explained
        ``(n, dims)`` float32 coordinates and the explained-variance ratio of
        each of the ``dims`` components.
    """
    x = np.asarray(x)
    n, d = x.shape
    dims = min(dims, d)
    mean64, cov = covariance(x, scaled(progress, 0.0, 0.85))
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:dims]
    total = float(np.trace(cov))
    explained = tuple(float(max(values[i], 0.0) / total) if total > 0 else 0.0 for i in order)
    comps = vectors[:, order].T                                 # (dims, d)
    signs = np.sign(comps[np.arange(dims), np.argmax(np.abs(comps), axis=1)])
    signs[signs == 0] = 1.0
    comps = (comps * signs[:, None]).astype(np.float32)
    shift = (mean64 @ comps.T.astype(np.float64)).astype(np.float32)
    out = np.empty((n, dims), dtype=np.float32)
    comps_t = np.ascontiguousarray(comps.T)
    with _one_blas_thread():
        for s in range(0, n, _CHUNK):
            progress.raise_if_cancelled()
            np.matmul(x[s:s + _CHUNK], comps_t, out=out[s:s + _CHUNK])
            out[s:s + _CHUNK] -= shift
    progress.report(1.0, msg("PCA done"))
    return out, explained


def covariance(x: NDArray, progress: Progress = NULL_PROGRESS
               ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean and covariance (``n - 1`` denominator) of the rows of ``x``, in float64.

    Chunks of 65,536 rows are centred in float32 and multiplied in float32
    (``c.T @ c``, the fast BLAS path); the chunk products are summed in
    float64.  Cancellation is checked between chunks.
    """
    with _one_blas_thread():
        return _covariance(np.asarray(x), progress)


def _covariance(x: NDArray, progress: Progress) -> tuple[NDArray[np.float64],
                                                         NDArray[np.float64]]:
    n, d = x.shape
    mean64 = np.zeros(d)
    for s in range(0, n, _CHUNK):
        mean64 += x[s:s + _CHUNK].sum(axis=0, dtype=np.float64)
    mean64 /= max(n, 1)
    mean = mean64.astype(x.dtype if x.dtype == np.float64 else np.float32)
    cov = np.zeros((d, d))
    buf = np.empty((min(_CHUNK, n), d), dtype=mean.dtype)
    steps = max(1, -(-n // _CHUNK))
    for i, s in enumerate(range(0, n, _CHUNK)):
        progress.raise_if_cancelled()
        block = x[s:s + _CHUNK]
        c = buf[:len(block)]
        np.subtract(block, mean, out=c)
        cov += c.T @ c
        progress.report((i + 1) / steps, msg("PCA: covariance of {min:,} of {n:,} vectors",
                                             min=min(s + _CHUNK, n), n=n))
    cov /= max(n - 1, 1)
    return mean64, cov


_BLAS_LOCK = threading.Lock()
_BLAS_STATE: dict[str, Any] = {"users": 0, "limiter": None, "controller": None}


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Run the block with one BLAS thread (process-wide, reference-counted across jobs).

    OpenBLAS's threads wait for each other at every step: when another
    process holds one of two cores, a 2-thread covariance of 300,000 x 300
    took 4.0 s against 0.65 s with one thread (measured on the project's
    machine; idle, two threads gain about 1.6x).  One thread keeps PCA
    predictable on a busy machine, which a desktop app's often is.
    """
    with _BLAS_LOCK:
        if _BLAS_STATE["users"] == 0:
            if _BLAS_STATE["controller"] is None:
                try:
                    from threadpoolctl import ThreadpoolController
                except ImportError:  # pragma: no cover - comes with scikit-learn
                    _BLAS_STATE["controller"] = False
                else:
                    _BLAS_STATE["controller"] = ThreadpoolController()
            if _BLAS_STATE["controller"]:
                _BLAS_STATE["limiter"] = _BLAS_STATE["controller"].limit(limits=1,
                                                                         user_api="blas")
        _BLAS_STATE["users"] += 1
    try:
        yield
    finally:
        with _BLAS_LOCK:
            _BLAS_STATE["users"] -= 1
            if _BLAS_STATE["users"] == 0 and _BLAS_STATE["limiter"] is not None:
                _BLAS_STATE["limiter"].restore_original_limits()
                _BLAS_STATE["limiter"] = None


# --------------------------------------------------------------------------- prints -> progress

class _ThreadRoutedStdout(io.TextIOBase):
    """A ``sys.stdout`` stand-in that hands each registered thread's prints to its sink.

    Prints from other threads go to the stdout that was there before (or are
    dropped when there was none, as in a windowed app).
    """

    def __init__(self, original: Any) -> None:
        super().__init__()
        self.original = original
        self.sinks: dict[int, Callable[[str], None]] = {}

    def write(self, s: str) -> int:
        sink = self.sinks.get(threading.get_ident())
        if sink is not None:
            sink(s)
        elif self.original is not None:
            self.original.write(s)
        return len(s)

    def flush(self) -> None:
        if self.original is not None and threading.get_ident() not in self.sinks:
            self.original.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.original, "encoding", None) or "utf-8"


_ROUTER_LOCK = threading.Lock()
_ROUTER: _ThreadRoutedStdout | None = None


@contextlib.contextmanager
def _prints_to(on_line: Callable[[str], None]) -> Iterator[None]:
    """Send what this thread prints, line by line, to ``on_line`` (other threads unaffected)."""
    global _ROUTER
    pending = [""]

    def sink(s: str) -> None:
        text = pending[0] + s
        *lines, pending[0] = re.split(r"[\r\n]", text)
        for line in lines:
            if line.strip():
                on_line(line)

    ident = threading.get_ident()
    with _ROUTER_LOCK:
        if _ROUTER is None or sys.stdout is not _ROUTER:
            _ROUTER = _ThreadRoutedStdout(sys.stdout)
            sys.stdout = _ROUTER
        router = _ROUTER
        router.sinks[ident] = sink
    try:
        yield
        if pending[0].strip():
            on_line(pending[0])
    finally:
        with _ROUTER_LOCK:
            router.sinks.pop(ident, None)
            if not router.sinks and sys.stdout is router:
                sys.stdout = router.original
                _ROUTER = None


class _LineFile(io.TextIOBase):
    """A text file object that passes complete lines (``\\r`` or ``\\n`` ended) on."""

    def __init__(self, on_line: Callable[[str], None]) -> None:
        super().__init__()
        self._on_line = on_line
        self._pending = ""

    def write(self, s: str) -> int:
        *lines, self._pending = re.split(r"[\r\n]", self._pending + s)
        for line in lines:
            if line.strip():
                self._on_line(line)
        if self._pending.strip() and re.fullmatch(r"\s*\d+/\d+\s*", self._pending):
            self._on_line(self._pending)   # tqdm writes "\r12/200" without an end of line
            self._pending = ""
        return len(s)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"


def _cancel_point(progress: Progress, owner: int) -> None:
    """Raise Cancelled when asked, but only in the job's own thread."""
    if threading.get_ident() == owner:
        progress.raise_if_cancelled()


# --------------------------------------------------------------------------- t-SNE

_TSNE_ITERATION_LINE = re.compile(r"\[t-SNE\] Iteration (\d+): error = ([-\d.e+]+)")
_TSNE_PROB = re.compile(r"conditional probabilities for sample (\d+) / (\d+)")
_TSNE_NEIGHBOURS_SHARE = 0.1
# Small maps gain nothing from threads, and Barnes-Hut's OpenMP threads spin-wait: on a
# busy 2-core machine a 240-point map took 16 s with 2 threads and 2 s with 1.
_TSNE_ONE_THREAD_MAX = 2000


def _tsne(x: NDArray, params: ProjectionParams, progress: Progress) -> NDArray:
    try:
        from sklearn.manifold import TSNE
    except ImportError as exc:  # pragma: no cover - a dependency of the app
        from workbench.core.errors import MissingDependency

        raise MissingDependency(msg("t-SNE maps need scikit-learn (pip install scikit-learn).")) \
            from exc
    iterations = params.iterations or 1000
    owner = threading.get_ident()
    n = len(x)
    share = _TSNE_NEIGHBOURS_SHARE

    def on_line(line: str) -> None:
        if (m := _TSNE_ITERATION_LINE.search(line)) is not None:
            i = int(m.group(1))
            progress.report(share + (1 - share) * min(i / iterations, 1.0),
                            msg("t-SNE: iteration {i:,} of {iterations:,} (KL {float:.3f})", i=i,
                                iterations=iterations, float=float(m.group(2))))
        elif (m := _TSNE_PROB.search(line)) is not None:
            progress.report(share * 0.8 + share * 0.2 * int(m.group(1)) / int(m.group(2)),
                            msg("t-SNE: neighbourhood probabilities"))
        elif "Computing" in line and "nearest neighbors" in line:
            progress.report(0.0, msg("t-SNE: finding the nearest neighbours of {n:,} points", n=n))
        _cancel_point(progress, owner)

    tsne = TSNE(n_components=params.dims, perplexity=params.perplexity, metric=params.metric,
                init="pca", learning_rate="auto", max_iter=iterations,
                random_state=params.seed, method="barnes_hut", verbose=2)
    progress.report(0.0, msg("t-SNE: starting on {n:,} points", n=n))
    with _prints_to(on_line), _openmp_threads(1 if n <= _TSNE_ONE_THREAD_MAX else None):
        return tsne.fit_transform(np.asarray(x, dtype=np.float32))


@contextlib.contextmanager
def _openmp_threads(limit: int | None) -> Iterator[None]:
    """Limit OpenMP threads in this thread (``omp_set_num_threads`` is per thread)."""
    if limit is None:
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=limit, user_api="openmp"):
        yield


# --------------------------------------------------------------------------- UMAP

# From this many points UMAP starts from the PCA layout instead of the spectral one: on
# 100,000 x 100 the spectral layout took 10-35 s of a 65-100 s map on two busy cores
# (benchmarks/explore.py); PCA takes well under a second and keeps the global structure
# (Kobak & Linderman, Nature Biotechnology 39, 2021).
_UMAP_PCA_INIT_FROM = 10_000
# Above this many points umap-learn runs 200 epochs (500 up to it); we run 150, which took
# 100,000 x 100 from 66-82 s to about 3/4 of the epoch time and kept the map's quality on
# 20,000 word2vec vectors within 2-4% (trustworthiness, kNN overlap@10; see
# `python benchmarks/explore.py --only quality --quality` and the module docstring).
_UMAP_LARGE_FROM = 10_000
_UMAP_LARGE_EPOCHS = 150
# Up to this many points pynndescent runs its faster, memory-hungrier neighbour descent
# (low_memory=False: the same neighbours and map, 15.4 s against 17.8 s at 100,000 x 100).
_UMAP_FAST_NN_MAX = 200_000
_UMAP_NN_ITER = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_UMAP_NN_SHARE = (0.05, 0.45)     # measured on 100,000 x 100 (see estimate_seconds)
_UMAP_EPOCH_SHARE = (0.55, 1.0)


def umap_epochs(n: int, iterations: int | None = None) -> int | None:
    """The number of UMAP epochs for a map of ``n`` points.

    ``iterations`` when given; otherwise 150 above 10,000 points (umap-learn
    would run 200) and ``None`` (umap-learn's 500) up to that.
    """
    if iterations is not None:
        return int(iterations)
    return _UMAP_LARGE_EPOCHS if n > _UMAP_LARGE_FROM else None


def _import_umap() -> Any:
    try:
        import umap
    except ImportError as exc:  # pragma: no cover - a dependency of the app
        from workbench.core.errors import MissingDependency

        raise MissingDependency(msg("UMAP maps need umap-learn (pip install umap-learn).")) from exc
    return umap


def _umap(x: NDArray, params: ProjectionParams, progress: Progress,
          force_approximation: bool = False) -> NDArray:
    umap = _import_umap()
    owner = threading.get_ident()
    n = len(x)
    nn0, nn1 = _UMAP_NN_SHARE
    ep0, ep1 = _UMAP_EPOCH_SHARE

    def on_print(line: str) -> None:
        if (m := _UMAP_NN_ITER.match(line)) is not None:
            i, total = int(m.group(1)), int(m.group(2))
            progress.report(nn0 + (nn1 - nn0) * i / max(total, 1),
                            msg("UMAP: nearest-neighbour descent, round {i} of {total}", i=i,
                                total=total))
        elif "Finding Nearest Neighbors" in line or "Building RP forest" in line:
            progress.report(nn0, msg("UMAP: finding the nearest neighbours of {n:,} points", n=n))
        elif "Finished Nearest Neighbor Search" in line:
            progress.report(nn1, msg("UMAP: building the neighbour graph"))
        elif "Construct embedding" in line:
            progress.report(nn1 + (ep0 - nn1) / 2, msg("UMAP: initial layout"))
        _cancel_point(progress, owner)

    def on_bar(line: str) -> None:
        # No cancel point here: tqdm calls this while holding its global lock
        # without try/finally, so raising would leave the lock held forever
        # (every later tqdm bar in the process would hang).  The epoch loop's
        # cancel point is _CancellableTqdm's iterator, outside the lock.
        m = re.search(r"(\d+)/(\d+)", line)
        if m is not None:
            i, total = int(m.group(1)), int(m.group(2))
            progress.report(ep0 + (ep1 - ep0) * i / max(total, 1),
                            msg("UMAP: epoch {i} of {total}", i=i, total=total))

    bar = _LineFile(on_bar)
    reducer = umap.UMAP(
        n_components=params.dims, n_neighbors=params.n_neighbors, min_dist=params.min_dist,
        metric=params.metric, random_state=params.seed, n_epochs=umap_epochs(n, params.iterations),
        init="pca" if n >= _UMAP_PCA_INIT_FROM else "spectral",
        low_memory=n > _UMAP_FAST_NN_MAX,
        n_jobs=1 if params.seed is not None else -1, verbose=True,
        force_approximation_algorithm=force_approximation,
        tqdm_kwds={"disable": False, "file": bar, "bar_format": "{n}/{total}",
                   "mininterval": 0.1, "leave": False})
    progress.report(0.0, msg("UMAP: starting on {n:,} points", n=n))
    _install_cancellable_tqdm()
    _EPOCH_HOOKS[owner] = lambda: _cancel_point(progress, owner)
    try:
        with _prints_to(on_print):
            return reducer.fit_transform(np.asarray(x, dtype=np.float32))
    finally:
        _EPOCH_HOOKS.pop(owner, None)


#: thread id -> called after each UMAP epoch (outside tqdm's lock); see _install_cancellable_tqdm.
_EPOCH_HOOKS: dict[int, Callable[[], None]] = {}


def _install_cancellable_tqdm() -> None:
    """Give umap-learn's epoch loop a tqdm whose iterator is a cancel point.

    The subclass behaves exactly like tqdm except that, after handing out
    each epoch, it calls the hook registered for the current thread (if any),
    which may raise :class:`Cancelled`; tqdm's generator is then closed
    normally, releasing everything it holds.
    """
    from umap import layouts

    if getattr(layouts.tqdm, "_workbench_cancellable", False):
        return
    base = layouts.tqdm

    class _CancellableTqdm(base):  # type: ignore[misc, valid-type]
        _workbench_cancellable = True

        def __iter__(self) -> Iterator[Any]:
            hook = _EPOCH_HOOKS.get(threading.get_ident())
            for item in super().__iter__():
                yield item
                if hook is not None:
                    hook()

    layouts.tqdm = _CancellableTqdm


_UMAP_WARM = threading.Event()
_UMAP_WARM_LOCK = threading.Lock()
#: The numba cache folder the UMAP worker process uses (set by warm_umap(in_child=True)).
_UMAP_CHILD: dict[str, Any] = {"numba_cache": None, "worker": None}
_UMAP_CHILD_LOCK = threading.Lock()


def umap_worker() -> JobWorker:
    """The process-wide child process that computes UMAP maps for the app.

    Created on first use; its process starts with the first job
    (:func:`warm_umap` with ``in_child=True``, or :func:`project` with
    ``in_child=True``) and stays up, so numba compiles umap-learn once per
    session.  After a crash or a cancel that had to terminate it, the next
    job starts a new process.  :func:`~workbench.core.subprocess_jobs.shutdown_workers`
    stops it.
    """
    from workbench.core.subprocess_jobs import JobWorker

    with _UMAP_CHILD_LOCK:
        worker = _UMAP_CHILD["worker"]
        if worker is None:
            # An epoch of a 1,000,000-point map takes seconds: give a cancel time to reach
            # the next epoch before the (warm) process is terminated.
            worker = _UMAP_CHILD["worker"] = JobWorker(msg("UMAP map"), grace=10.0)
        return worker


def _umap_child_job(x: NDArray, params: ProjectionParams, numba_cache: str | None,
                    *, progress: Progress = NULL_PROGRESS) -> NDArray[np.float32]:
    """UMAP in the worker process (a fresh one compiles, or loads ``numba_cache``, first)."""
    if numba_cache is not None and not _UMAP_WARM.is_set():
        progress.report(0.0, msg("UMAP: preparing (compiling once per session)"))
        warm_umap(cache_dir=numba_cache)
    return np.ascontiguousarray(_umap(x, params, progress), dtype=np.float32)


def _warm_umap_child_job(force: bool, cache_dir: str | None,
                         *, progress: Progress = NULL_PROGRESS) -> float:
    return warm_umap(force, cache_dir)


def warm_umap(force: bool = False, cache_dir: str | Path | None = None, *,
              in_child: bool = False, progress: Progress = NULL_PROGRESS) -> float:
    """Compile UMAP's numba code now, on a tiny input, so the first real map does not wait.

    Runs UMAP on 300 random points with the nearest-neighbour *descent* path
    forced (maps of 4,096 points or more take it, and it holds most of the
    code to compile) and the cosine metric.  Safe to call from a worker
    thread; does nothing after the first call in a process unless ``force``.

    Parameters
    ----------
    force
        Run again even if this process is already warm.
    cache_dir
        Keep the compiled code on disk in this folder (e.g.
        ``Workspace().cache_dir / "numba"``), so that later processes load it
        instead of compiling.  pynndescent marks its functions for numba's
        cache already; umap-learn does not, so this switches numba's cache on
        for umap-learn's module-level functions too (numba's
        ``Dispatcher.enable_caching``).  ``None`` leaves numba as it is.
    in_child
        Warm the :func:`umap_worker` process instead of this one (starting
        it), and remember ``cache_dir`` for that process's later restarts.
    progress
        Only its cancel is used (``in_child``): cancelling stops the worker
        process, which the next map restarts.

    Returns
    -------
    float
        Seconds spent (0.0 when already warm).

    Notes
    -----
    Measured with ``benchmarks/explore.py --jit`` (fresh processes, 2 cores):
    see the README's Explore section for the figures.  Without ``cache_dir``
    every new process pays umap-learn's compilation again (pynndescent's is
    cached beside the package, or in ``NUMBA_CACHE_DIR``); with it, a second
    process pays about a third of it.
    """
    if in_child:
        folder = None if cache_dir is None else str(cache_dir)
        if folder is not None:
            _UMAP_CHILD["numba_cache"] = folder
        return float(umap_worker().run(_warm_umap_child_job, force, folder, progress=progress))
    with _UMAP_WARM_LOCK:
        if _UMAP_WARM.is_set() and not force:
            return 0.0
        start = time.perf_counter()
        if cache_dir is not None:
            enable_numba_cache(cache_dir)
        rng = np.random.default_rng(0)
        x = rng.standard_normal((300, 16)).astype(np.float32)
        params = ProjectionParams("umap", 2, metric="cosine", n_neighbors=10, iterations=10)
        _umap(x, params, NULL_PROGRESS, force_approximation=True)
        _UMAP_WARM.set()
        return time.perf_counter() - start


def enable_numba_cache(cache_dir: str | Path) -> int:
    """Switch numba's on-disk cache on for umap-learn and pynndescent, in ``cache_dir``.

    Returns the number of jitted functions whose cache was switched on.
    Functions already cached by their package keep their own cache.
    """
    import importlib
    import pkgutil

    import numba
    from numba.core.dispatcher import Dispatcher

    folder = Path(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    numba.config.CACHE_DIR = str(folder)
    count = 0
    for package_name in ("pynndescent", "umap"):
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name.split(".")[-1] in ("parametric_umap", "plot", "aligned_umap"):
                continue      # optional extras (tensorflow, matplotlib)
            try:
                module = importlib.import_module(info.name)
            except Exception:  # noqa: BLE001, S112 - an optional extra that does not import
                continue
            for obj in list(vars(module).values()):
                if isinstance(obj, Dispatcher) and type(obj._cache).__name__ == "NullCache":
                    try:
                        obj.enable_caching()
                        count += 1
                    except Exception:  # noqa: BLE001, S112 - e.g. no source file to key on
                        continue
    return count


# --------------------------------------------------------------------------- estimates

# Constants fitted to runs on the project's 2-core machine (benchmarks/explore.py prints
# estimate and measurement side by side).  That machine is shared, so they lean slow.
_PCA_GRAM = 1.5e-11       # seconds per n * d^2 (covariance, one BLAS thread)
_PCA_PASS = 2.0e-9        # seconds per n * d (mean, finiteness and projection passes)
_TSNE_NN = 2.0e-10        # seconds per n^2 * d (exact neighbours, brute force)
_TSNE_ITER = 1.2e-6       # seconds per n * log2(n) * iteration (Barnes-Hut gradient)
_UMAP_NN = 8.0e-8         # seconds per n * d * log2(n) (random-projection trees + NN descent)
_UMAP_GRAPH = 1.0e-4      # seconds per point (fuzzy graph and initial layout)
_UMAP_EPOCH = 2.0e-7      # seconds per n * n_neighbors * epoch (single thread)


def estimate_seconds(n: int, dim: int, params: ProjectionParams) -> float:
    """Roughly how long :func:`project` will take for ``n`` vectors of ``dim`` values.

    A cost model with constants fitted on the project's 2-core machine
    (``benchmarks/explore.py`` prints estimates beside measurements).  It
    leaves out numba's compilation (:func:`warm_umap`) and the one-off
    unit-normalisation of the vectors, and is good to a factor of about two.
    """
    if params.top_n is not None:
        n = min(n, params.top_n)
    n = max(int(n), 1)
    log_n = math.log2(max(n, 2))
    if params.method == "pca":
        return _PCA_GRAM * n * dim * dim + _PCA_PASS * n * dim * 3
    if params.method == "tsne":
        iterations = params.iterations or 1000
        return _TSNE_NN * n * n * dim + _TSNE_ITER * n * log_n * iterations * (params.dims - 1)
    epochs = umap_epochs(n, params.iterations) or 500
    return (_UMAP_NN * n * dim * log_n + _UMAP_GRAPH * n
            + _UMAP_EPOCH * n * params.n_neighbors * epochs)
