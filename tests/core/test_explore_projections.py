"""Maps: PCA against scikit-learn, t-SNE/UMAP shapes, the cache, validation, progress, cancel."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from tests.core.progress_fixtures import CancelWhen
from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.explore import (
    Projection,
    ProjectionParams,
    embeddings_fingerprint,
    estimate_seconds,
    pca,
    project,
)
from workbench.core.tasks import Cancelled, RecordingProgress

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::FutureWarning",
                                        "ignore::DeprecationWarning")


def _cloud(n: int, dim: int = 12, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Four Gaussian clusters (and their labels), stretched along the first axis."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((4, dim)) * 4
    labels = rng.integers(0, 4, n)
    x = centres[labels] + rng.standard_normal((n, dim))
    x[:, 0] *= 3
    return x.astype(np.float32), labels


def _clustered(n: int, dim: int = 12, seed: int = 0) -> Embeddings:
    return Embeddings([f"w{i}" for i in range(n)], _cloud(n, dim, seed)[0])


@pytest.fixture(scope="module")
def emb() -> Embeddings:
    return _clustered(240)


# --------------------------------------------------------------------------- PCA

@pytest.mark.parametrize("metric", ["euclidean", "cosine"])
@pytest.mark.parametrize("dims", [2, 3])
def test_pca_equals_sklearn(emb: Embeddings, metric: str, dims: int) -> None:
    from sklearn.decomposition import PCA

    res = project(emb, ProjectionParams("pca", dims=dims, metric=metric))
    x = emb.unit if metric == "cosine" else emb.vectors
    ref = PCA(n_components=dims, svd_solver="full").fit(x.astype(np.float64))
    assert isinstance(res, Projection) and res.coords.shape == (240, dims)
    assert res.coords.dtype == np.float32 and res.words == tuple(emb.words)
    np.testing.assert_allclose(res.explained_variance, ref.explained_variance_ratio_, rtol=1e-4)
    theirs = ref.transform(x.astype(np.float64))
    # Same sign rule as scikit-learn (largest loading positive); compare up to sign anyway.
    signs = np.sign((res.coords * theirs).sum(axis=0))
    np.testing.assert_allclose(res.coords * signs, theirs, atol=2e-4)
    assert res.from_cache is False and res.seconds >= 0


def test_pca_over_many_chunks_and_top_n() -> None:
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(1)
    x = (rng.standard_normal((140_000, 5)) * [5, 3, 1, 0.5, 0.1] + 100).astype(np.float32)
    coords, explained = pca(x, 2)
    ref = PCA(2, svd_solver="full").fit(x.astype(np.float64))
    np.testing.assert_allclose(explained, ref.explained_variance_ratio_, rtol=1e-4)
    theirs = ref.transform(x.astype(np.float64))
    signs = np.sign((coords * theirs).sum(axis=0))
    np.testing.assert_allclose(coords * signs, theirs, atol=1e-3)
    small = Embeddings([f"w{i}" for i in range(50)], x[:50])
    res = project(small, ProjectionParams("pca", top_n=20, metric="euclidean"))
    assert res.coords.shape == (20, 2) and res.words == tuple(small.words[:20])


# --------------------------------------------------------------------------- t-SNE / UMAP

@pytest.mark.parametrize("dims", [2, 3])
def test_tsne_shapes_and_progress(emb: Embeddings, dims: int) -> None:
    progress = RecordingProgress()
    res = project(emb, ProjectionParams("tsne", dims=dims, perplexity=10, iterations=260),
                  progress)
    assert res.coords.shape == (240, dims) and np.isfinite(res.coords).all()
    assert res.explained_variance is None
    iterations = [m for _, m in progress.reports if "iteration" in m]
    assert iterations and "iteration 250 of 260" in iterations[-1]
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert sys.stdout is not None and "Routed" not in type(sys.stdout).__name__


def test_tsne_keeps_clusters_apart() -> None:
    from sklearn.metrics import silhouette_score

    x, labels = _cloud(200, seed=3)
    emb = Embeddings([f"w{i}" for i in range(200)], x)
    res = project(emb, ProjectionParams("tsne", perplexity=15, iterations=300, seed=1))
    assert silhouette_score(res.coords, labels) > 0.5


def test_tsne_cancel_stops_within_the_iterations(emb: Embeddings, tmp_path: Path) -> None:
    # Reports: cache look-up, start, neighbours, probabilities, iteration 50 -> cancel.
    progress = RecordingProgress(cancel_after=5)
    with pytest.raises(Cancelled) as info:
        project(emb, ProjectionParams("tsne", perplexity=10, iterations=1000), progress,
                cache_dir=tmp_path)
    assert info.value.result is None
    assert "iteration 50 of 1,000" in progress.reports[-1][1]
    assert not list(tmp_path.iterdir())
    assert "Routed" not in type(sys.stdout).__name__


def test_umap_shapes_progress_and_cancel(emb: Embeddings, tmp_path: Path) -> None:
    progress = RecordingProgress()
    res = project(emb, ProjectionParams("umap", dims=2, n_neighbors=8, iterations=40),
                  progress)
    assert res.coords.shape == (240, 2) and np.isfinite(res.coords).all()
    assert any("epoch" in m for _, m in progress.reports)
    res3 = project(emb, ProjectionParams("umap", dims=3, n_neighbors=8, iterations=20))
    assert res3.coords.shape == (240, 3)
    # Cancel in the epoch loop: Cancelled without result, nothing cached.
    progress = CancelWhen(report=lambda message: "epoch" in message)
    with pytest.raises(Cancelled):
        project(emb, ProjectionParams("umap", n_neighbors=8, iterations=5000, seed=5),
                progress, cache_dir=tmp_path)
    epochs = [m for _, m in progress.reports if "epoch" in m]
    assert len(epochs) <= 2 and "of 5000" in epochs[0]
    assert not list(tmp_path.iterdir())
    # The cancel left tqdm's process-wide lock free: a later bar (transformers
    # loading a model, say) does not hang.
    import io
    import threading

    from tqdm.auto import tqdm

    done = threading.Event()
    worker = threading.Thread(target=lambda: (list(tqdm(range(3), file=io.StringIO())),
                                              done.set()), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert done.is_set(), "tqdm's lock was left held by the cancelled UMAP"


def test_umap_runs_150_epochs_above_10000_points(emb: Embeddings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.explore import projections

    # umap-learn's own rule is 500 epochs up to 10,000 points and 200 above.
    assert projections.umap_epochs(10_000) is None
    assert projections.umap_epochs(10_001) == 150 and projections.umap_epochs(10**6) == 150
    assert projections.umap_epochs(10**6, 40) == 40
    # The rule reaches umap-learn: with the threshold lowered, a 240-point map runs 150.
    monkeypatch.setattr(projections, "_UMAP_LARGE_FROM", 100)
    progress = RecordingProgress()
    project(emb, ProjectionParams("umap", n_neighbors=8), progress)
    epochs = [m for _, m in progress.reports if "epoch" in m]
    assert epochs and all(m.endswith(" of 150") for m in epochs)


# --------------------------------------------------------------------------- cache

def test_cache_hit_miss_and_key(emb: Embeddings, tmp_path: Path) -> None:
    params = ProjectionParams("tsne", perplexity=10, iterations=260, seed=2)
    first = project(emb, params, cache_dir=tmp_path)
    files = sorted(p.suffix for p in tmp_path.iterdir())
    assert files == [".json", ".npy"] and not first.from_cache
    second = project(emb, params, cache_dir=tmp_path)
    assert second.from_cache and np.array_equal(first.coords, second.coords)
    assert second.words == first.words and second.seconds == pytest.approx(first.seconds)
    # Other parameters, other vectors: misses.
    other = project(emb, ProjectionParams("tsne", perplexity=12, iterations=260, seed=2),
                    cache_dir=tmp_path)
    assert not other.from_cache
    changed = Embeddings(emb.words, emb.vectors.copy())
    changed.vectors[5, 3] += 1e-3
    assert embeddings_fingerprint(changed) != embeddings_fingerprint(emb)
    assert not project(changed, params, cache_dir=tmp_path).from_cache
    # PCA ignores t-SNE's settings: they do not split its cache.
    a = project(emb, ProjectionParams("pca", perplexity=5), cache_dir=tmp_path)
    b = project(emb, ProjectionParams("pca", perplexity=50), cache_dir=tmp_path)
    assert not a.from_cache and b.from_cache
    assert b.explained_variance == pytest.approx(a.explained_variance)
    # A damaged entry is recomputed.
    for p in tmp_path.glob("*.npy"):
        p.write_bytes(b"garbage")
    assert not project(emb, params, cache_dir=tmp_path).from_cache
    assert project(emb, params, cache_dir=tmp_path).from_cache
    assert not list(tmp_path.glob(".*tmp"))


def test_fingerprint_is_stable_and_sensitive() -> None:
    e1 = _clustered(20_000, dim=8)
    e2 = Embeddings(list(e1.words), e1.vectors.copy())
    assert embeddings_fingerprint(e1) == embeddings_fingerprint(e2)
    e3 = Embeddings(e1.words[:-1] + ["other"], e1.vectors)
    assert embeddings_fingerprint(e3) != embeddings_fingerprint(e1)
    e2.vectors[19_999, 7] = np.nextafter(e2.vectors[19_999, 7], np.float32(np.inf))
    e4 = Embeddings(list(e2.words), e2.vectors)
    assert embeddings_fingerprint(e4) != embeddings_fingerprint(e1)


# --------------------------------------------------------------------------- validation

def test_parameter_errors(emb: Embeddings) -> None:
    small = Embeddings([f"w{i}" for i in range(50)], emb.vectors[:50])
    with pytest.raises(ParameterError, match="perplexity 30 needs at least 91 points; "
                                             "the map has 50"):
        project(small, ProjectionParams("tsne"))
    with pytest.raises(ParameterError, match="UMAP with 15 neighbours needs at least 16 "
                                             "points; the map has 10"):
        project(small, ProjectionParams("umap", top_n=10))
    with pytest.raises(ParameterError, match="3 dimensions"):
        project(Embeddings(["a", "b", "c"], np.eye(3, 2, dtype=np.float32)),
                ProjectionParams("pca", dims=3))
    for bad in ({"method": "mds"}, {"dims": 4}, {"top_n": 0}, {"perplexity": 0},
                {"n_neighbors": 1}, {"min_dist": 2.0}, {"metric": "l1"},
                {"method": "tsne", "iterations": 100}):
        with pytest.raises(ParameterError):
            ProjectionParams(**bad)  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="axis_projection"):
        project(emb, ProjectionParams("axes"))
    p = ProjectionParams("umap", dims=3, top_n=100, seed=None)
    assert ProjectionParams.from_dict(p.to_dict()) == p


@pytest.mark.filterwarnings("ignore:overflow:RuntimeWarning")
def test_nan_vectors_are_named(emb: Embeddings, tmp_path: Path) -> None:
    vectors = emb.vectors.copy()
    vectors[[30, 31], 2] = np.nan
    bad = Embeddings(emb.words, vectors)
    for method in ("pca", "tsne"):
        with pytest.raises(WorkbenchError, match=r"'w30' \(row 31\) contains NaN.*2 vectors"):
            project(bad, ProjectionParams(method, perplexity=5), cache_dir=tmp_path)
    assert project(bad, ProjectionParams("pca", top_n=30)).coords.shape == (30, 2)
    huge = emb.vectors.copy()
    huge[0] = 3e38      # finite, but its row sum overflows: not an error
    assert np.isfinite(project(Embeddings(emb.words, huge), ProjectionParams(
        "pca", metric="cosine")).coords).all()


def test_pca_cancel_writes_nothing(tmp_path: Path) -> None:
    big = _clustered(200_000, dim=4)
    progress = RecordingProgress(cancel_after=2)
    with pytest.raises(Cancelled):
        project(big, ProjectionParams("pca"), progress, cache_dir=tmp_path)
    assert not list(tmp_path.iterdir())


def test_prints_of_other_threads_pass_through(emb: Embeddings, capsys: pytest.CaptureFixture
                                              ) -> None:
    seen: list[str] = []
    stop = threading.Event()

    def chatter() -> None:
        while not stop.is_set():
            print("other thread")
            stop.wait(0.01)

    t = threading.Thread(target=chatter)
    t.start()
    try:
        project(emb, ProjectionParams("tsne", perplexity=10, iterations=260),
                RecordingProgress())
    finally:
        stop.set()
        t.join()
    out = capsys.readouterr().out
    seen = out.splitlines()
    assert "other thread" in seen and not any("t-SNE" in line for line in seen)


def test_estimate_seconds_is_monotonic() -> None:
    for method in ("pca", "tsne", "umap"):
        p = ProjectionParams(method)
        small, big = estimate_seconds(1_000, 100, p), estimate_seconds(100_000, 100, p)
        assert 0 < small < big
    assert estimate_seconds(10**6, 300, ProjectionParams("pca", top_n=1000)) == \
        estimate_seconds(1000, 300, ProjectionParams("pca"))


def test_unwritable_cache_costs_only_the_cache(emb: Embeddings, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    res = project(emb, ProjectionParams("pca"), cache_dir=blocker / "projections")
    assert res.coords.shape == (240, 2) and not res.from_cache
    assert "could not cache the map" in caplog.text
    assert "variance of the unit-length vectors" in res.note
