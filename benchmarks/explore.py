"""Speed of the Explore core against baselines measured in the same run.

Parts (each prints our figure, its baseline and their ratio):

``neighbours``
    ``nearest(emb, word, k=10)`` on 1,000,000 x 300 (``--quick``: 200,000 x 300)
    and on 100,000 x 300 float32 vectors, cosine and Euclidean, against the
    memory-bandwidth floor: the faster of one full pass reading the matrix
    (``unit.sum(axis=0)``) and one matrix-vector product (``unit @ q``), timed
    in the same run.  Also the naive top-k (``np.argpartition`` + sort).
``spelling``
    :func:`similar_spellings` on a 1,000,000-word vocabulary (``--quick``:
    200,000) against ``difflib.get_close_matches`` over the whole vocabulary.
``pca``
    :func:`project` PCA of 1,000,000 x 300 (``--quick``: 200,000 x 300) against
    scikit-learn's ``PCA(svd_solver="covariance_eigh")`` (the same algorithm
    in float64) and ``PCA(svd_solver="randomized")``; also the fingerprint
    and a cache hit.
``tsne`` (``--tsne``)
    t-SNE of 5,000 x 50 (``--quick``: 2,000).
``umap`` (``--umap``)
    :func:`warm_umap` in this process, then UMAP of 100,000 x 100
    (``--quick``: 20,000 x 100) with a seed (single-threaded, reproducible),
    against the same with umap-learn's 200 epochs (our default is 150 above
    10,000 points); ``--umap-parallel`` adds ``seed=None`` (every core).  Prints when each stage
    starts (nearest neighbours, graph, initial layout, epochs).
``quality`` (``--quality``)
    UMAP of the 20,000 most frequent words' 100-dimensional word2vec vectors
    (trained once on the NLTK English corpora; ``--quick``: 10,000) with our settings and with
    umap-learn's defaults (spectral initial layout, 200 epochs): time,
    trustworthiness (scikit-learn, cosine) and kNN overlap@10 between the
    original space and the map, on 2,000 sampled points.
``jit`` (``--jit``)
    :func:`warm_umap` in fresh processes: cold numba cache, second process
    with the same cache, and the same two with ``cache_dir`` (numba's cache
    switched on for umap-learn too).  Takes several minutes.

Random data with structure: Gaussian clusters (200 centres) plus noise.
Every measured run is printed beside :func:`estimate_seconds`.  Nothing is
written under ``benchmarks/_data`` except the numba caches of ``--jit`` and the
word2vec vectors of ``--quality``.

Usage::

    python benchmarks/explore.py --quick
    python benchmarks/explore.py                      # neighbours, spelling, PCA at full size
    python benchmarks/explore.py --only umap --umap   # the UMAP target (100,000 x 100)
    python benchmarks/explore.py --only quality --quality
    python benchmarks/explore.py --only jit --jit
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "_data"
sys.path.insert(0, str(ROOT))

from workbench.core.embeddings import Embeddings
from workbench.core.explore import (
    ProjectionParams,
    estimate_seconds,
    nearest,
    project,
    similar_spellings,
    top_k,
)
from workbench.core.explore.projections import embeddings_fingerprint


def clustered(n: int, dim: int, seed: int = 0, centres: int = 200) -> np.ndarray:
    """``(n, dim)`` float32: Gaussian clusters of different sizes plus noise."""
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centres, dim), dtype=np.float32) * 3
    weights = rng.zipf(1.5, centres).astype(np.float64)
    labels = rng.choice(centres, size=n, p=weights / weights.sum())
    out = np.empty((n, dim), dtype=np.float32)
    step = 100_000
    for s in range(0, n, step):
        block = rng.standard_normal((min(step, n - s), dim), dtype=np.float32)
        block += c[labels[s:s + step]]
        out[s:s + step] = block
    return out


def words_like(n: int, seed: int = 0) -> list[str]:
    """A vocabulary that spells like English: Brown-corpus words, then derived forms."""
    import gzip
    import random

    random.seed(seed)
    base: list[str] = []
    seen: set[str] = set()
    corpus = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain" / "brown.txt.gz"
    if corpus.is_file():
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for line in f:
                for w in line.lower().split():
                    if w.isalpha() and w not in seen:
                        seen.add(w)
                        base.append(w)
    if not base:
        base = ["word", "government", "people", "king", "queen"]
    out = list(base)
    suffixes = ["s", "ed", "ing", "er", "ly", "ness", "ism", "ist", "ful", "less", "ish", "ity"]
    prefixes = ["un", "re", "pre", "dis", "over", "under", "non", "anti", "co", "mis"]
    while len(out) < n:
        w = random.choice(base)
        r = random.random()
        if r < 0.4:
            w = w + random.choice(suffixes)
        elif r < 0.7:
            w = random.choice(prefixes) + w
        else:
            w = random.choice(prefixes) + w + random.choice(suffixes)
        if random.random() < 0.3:
            w += str(random.randint(0, 99))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out[:n]


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def median_of(fn: Callable[[int], Any], count: int) -> float:
    times = []
    for i in range(count):
        t = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def line(name: str, ours: float, base: float, base_name: str, unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1
    print(f"  {name:<34} {ours * scale:9.2f} {unit}   {base_name:<42} {base * scale:9.2f} {unit}"
          f"   ratio {ours / base:6.2f}x", flush=True)


# --------------------------------------------------------------------------- neighbours

def bench_neighbours(n: int, dim: int = 300, queries: int = 20) -> None:
    print(f"\nNearest neighbours, k=10, {n:,} x {dim} float32 (median of {queries} queries)")
    words = [f"w{i}" for i in range(n)]
    emb = Embeddings(words, clustered(n, dim))
    unit = emb.unit
    rng = np.random.default_rng(1)
    picks = rng.integers(0, n, queries)
    q = unit[picks[0]].copy()
    nearest(emb, words[picks[0]], k=10, metric="euclidean")        # warm the norm cache
    pass_sum = best_of(lambda: unit.sum(axis=0), 5)
    pass_matvec = best_of(lambda: unit @ q, 5)
    floor = min(pass_sum, pass_matvec)
    print(f"  floor: one pass over the matrix: sum {pass_sum * 1000:.2f} ms, "
          f"matvec {pass_matvec * 1000:.2f} ms")

    def naive(i: int) -> None:
        s = unit @ unit[picks[i]]
        s[picks[i]] = -np.inf
        top = np.argpartition(-s, 10)[:10]
        top[np.argsort(-s[top])]

    cos = median_of(lambda i: nearest(emb, words[picks[i]], k=10), queries)
    euc = median_of(lambda i: nearest(emb, words[picks[i]], k=10, metric="euclidean"), queries)
    expr = median_of(lambda i: nearest(emb, f"{words[picks[i]]} - w1 + w2", k=10), queries)
    nv = median_of(naive, queries)
    scores = unit @ q
    tk = median_of(lambda i: top_k(scores, 10), queries)
    ap = median_of(lambda i: np.argpartition(-scores, 10)[:10], queries)
    line("nearest (cosine)", cos, floor, "floor")
    line("nearest (euclidean)", euc, floor, "floor")
    line("nearest ('a - b + c')", expr, floor, "floor")
    line("naive matvec + argpartition", nv, floor, "floor")
    line("top_k of the scores", tk, ap, "np.argpartition(-s, 10)")


# --------------------------------------------------------------------------- spelling

def bench_spelling(n: int) -> None:
    print(f"\nSpelling suggestions on {n:,} words (n=5, cutoff 0.6)")
    words = words_like(n)
    emb = Embeddings(words, np.zeros((n, 1), dtype=np.float32))
    queries = ["goverment", "recieve", "kniggt", "xylophonez", "teh", "beautifull",
               "unbelievabel", "q", "responsibilty", "zzzzzzzz"]
    t = time.perf_counter()
    similar_spellings(emb, "warmup")
    build = time.perf_counter() - t
    print(f"  index build (first call): {build:.2f} s")
    ours = [best_of(lambda w=w: similar_spellings(emb, w), 3) for w in queries]
    base_q = queries[:3]
    base = [best_of(lambda w=w: difflib.get_close_matches(w, words, 5), 1) for w in base_q]
    for w, o in zip(queries, ours):
        print(f"  {w:<16} {o * 1000:8.1f} ms   {similar_spellings(emb, w)}")
    for w, b, o in zip(base_q, base, ours):
        same = similar_spellings(emb, w) == difflib.get_close_matches(w, words, 5)
        line(f"'{w}' (same answer: {same})", o, b, "difflib on every word")
    print(f"  median over {len(queries)} queries: {statistics.median(ours) * 1000:.1f} ms")


# --------------------------------------------------------------------------- PCA

def bench_pca(n: int, dim: int = 300, sklearn: bool = True) -> None:
    print(f"\nPCA of {n:,} x {dim} float32 (metric euclidean: raw vectors)")
    x = clustered(n, dim)
    emb = Embeddings([f"w{i}" for i in range(n)], x)
    params = ProjectionParams("pca", metric="euclidean")
    t = time.perf_counter()
    fp = embeddings_fingerprint(emb)
    fp_s = time.perf_counter() - t
    t = time.perf_counter()
    res = project(emb, params)
    ours = time.perf_counter() - t
    print(f"  ours: {ours:.2f} s (estimate {estimate_seconds(n, dim, params):.2f} s), "
          f"explained {[round(v, 4) for v in res.explained_variance or ()]}")
    print(f"  fingerprint of the vectors: {fp_s:.2f} s ({fp[:12]}...)")
    with tempfile.TemporaryDirectory() as tmp:
        project(emb, params, cache_dir=tmp)
        t = time.perf_counter()
        hit = project(emb, params, cache_dir=tmp)
        print(f"  cache hit (fingerprint cached): {time.perf_counter() - t:.3f} s, "
              f"from_cache={hit.from_cache}")
    if sklearn:
        from sklearn.decomposition import PCA
        from threadpoolctl import threadpool_limits

        for solver in ("covariance_eigh", "randomized"):
            for threads in (None, 1):
                gc.collect()
                with threadpool_limits(limits=threads, user_api="blas"):
                    t = time.perf_counter()
                    PCA(2, svd_solver=solver, random_state=0).fit_transform(x)
                    base = time.perf_counter() - t
                label = f"sklearn {solver}" + (", 1 BLAS thread" if threads else "")
                line("project(pca)", ours, base, label, "s")


# --------------------------------------------------------------------------- t-SNE / UMAP

def bench_tsne(n: int, dim: int = 50) -> None:
    print(f"\nt-SNE of {n:,} x {dim} (perplexity 30, 1000 iterations, cosine)")
    emb = Embeddings([f"w{i}" for i in range(n)], clustered(n, dim, centres=20))
    params = ProjectionParams("tsne")
    t = time.perf_counter()
    project(emb, params)
    took = time.perf_counter() - t
    print(f"  ours: {took:.1f} s; estimate {estimate_seconds(n, dim, params):.1f} s")


def bench_umap(n: int, dim: int = 100, parallel: bool = False) -> None:
    from workbench.core.explore import warm_umap
    from workbench.core.tasks import RecordingProgress

    print(f"\nUMAP of {n:,} x {dim} (n_neighbors 15, cosine, seed 0)")
    t = time.perf_counter()
    warm = warm_umap()
    print(f"  warm_umap() in this process: {warm:.1f} s (import included: "
          f"{time.perf_counter() - t:.1f} s)")
    emb = Embeddings([f"w{i}" for i in range(n)], clustered(n, dim, centres=50))
    runs: list[tuple[str, ProjectionParams]] = [("ours, seed=0", ProjectionParams("umap"))]
    if parallel:
        runs.append(("ours, seed=None", ProjectionParams("umap", seed=None)))
    runs.append(("umap-learn's 200 epochs, seed=0", ProjectionParams("umap", iterations=200)))
    took_by: dict[str, float] = {}
    for name, params in runs:
        progress = RecordingProgress()
        stamps: list[tuple[float, float | None, str]] = []
        start = time.perf_counter()
        cpu = time.process_time()
        progress._on_report = lambda f, m, st=stamps, t0=start: st.append(
            (time.perf_counter() - t0, f, m))
        project(emb, params, progress)
        took = time.perf_counter() - start
        cpu = time.process_time() - cpu
        stages: dict[str, float] = {}
        for s, _f, m in stamps:
            key = re.sub(r"[\d,]+.*", "", m).strip(" ,")
            stages.setdefault(key, s)
        took_by[name] = took
        print(f"  {name}: {took:.1f} s, CPU {cpu:.1f} s (target <= 60 s; estimate "
              f"{estimate_seconds(n, dim, params):.1f} s); stage starts: "
              + ", ".join(f"{k} @{v:.1f}s" for k, v in stages.items()), flush=True)
    base = "umap-learn's 200 epochs, seed=0"
    line("UMAP (ours, 150 epochs)", took_by["ours, seed=0"], took_by[base], base, "s")


def map_quality(x: np.ndarray, coords: np.ndarray, sample: int = 2000, k: int = 10,
                seed: int = 0) -> tuple[float, float]:
    """Trustworthiness (sklearn, cosine, on a sample) and mean kNN overlap@k.

    Overlap@k: for ``sample`` random points, the share of their ``k`` nearest
    neighbours by cosine in the original space (among all points) that are
    also among their ``k`` nearest in the map (Euclidean).
    """
    from sklearn.manifold import trustworthiness

    rng = np.random.default_rng(seed)
    rows = rng.choice(len(x), size=min(sample, len(x)), replace=False)
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    c = coords.astype(np.float64)
    shares = []
    for s in range(0, len(rows), 200):          # 200 queries at a time: bounded memory
        part = rows[s:s + 200]
        sim = unit[part] @ unit.T
        sim[np.arange(len(part)), part] = -np.inf
        orig = np.argpartition(-sim, k, axis=1)[:, :k]
        d = ((c[part, None, :] - c[None, :, :]) ** 2).sum(-1)
        d[np.arange(len(part)), part] = np.inf
        mapped = np.argpartition(d, k, axis=1)[:, :k]
        shares += [len(set(a) & set(b)) / k for a, b in zip(orig, mapped)]
    overlap = float(np.mean(shares))
    trust = float(trustworthiness(x[rows], coords[rows], n_neighbors=k, metric="cosine"))
    return trust, overlap


def word2vec_vectors(n: int, dim: int = 100) -> np.ndarray:
    """The ``n`` most frequent words' vectors of a word2vec model of the NLTK English corpora.

    Real vectors, so that neighbourhoods mean something (in the Gaussian
    clusters of :func:`clustered` they are noise).  Trained once with gensim
    (CBOW, 5 epochs, seed 0, about a minute) and kept in
    ``benchmarks/_data/quality-w2v-<dim>.npy``.
    """
    import gzip

    cache = DATA / f"quality-w2v-{dim}.npy"
    if not cache.is_file():
        from gensim.models import Word2Vec

        plain = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain"
        sentences = []
        for name in ("brown", "abc", "state_union", "movie_reviews", "webtext", "inaugural"):
            with gzip.open(plain / f"{name}.txt.gz", "rt", encoding="utf-8") as f:
                sentences += [line.lower().split() for line in f if line.strip()]
        model = Word2Vec(sentences, vector_size=dim, window=5, min_count=3, workers=2,
                         epochs=5, seed=0)
        DATA.mkdir(parents=True, exist_ok=True)
        np.save(cache, model.wv.vectors.astype(np.float32))
    vectors = np.load(cache)
    if len(vectors) < n:
        print(f"  (only {len(vectors):,} words in the word2vec model)")
    return np.ascontiguousarray(vectors[:n])


def bench_umap_quality(n: int, dim: int = 100) -> None:
    """Our UMAP settings against umap-learn's defaults on the same data: time and quality."""
    import umap

    from workbench.core.explore import warm_umap

    warm_umap()
    x = word2vec_vectors(n, dim)
    n = len(x)
    print(f"\nUMAP quality, {n:,} x {dim} word2vec vectors (cosine, n_neighbors 15, seed 0); "
          "trustworthiness and kNN overlap@10 on 2,000 sampled points")
    emb = Embeddings([f"w{i}" for i in range(n)], x)
    runs: list[tuple[str, Callable[[], np.ndarray]]] = [
        ("umap-learn defaults (spectral, 200 ep.)", lambda: umap.UMAP(
            n_neighbors=15, min_dist=0.1, metric="cosine", random_state=0).fit_transform(x)),
        ("ours (project, defaults: 150 epochs)", lambda: project(
            emb, ProjectionParams("umap", seed=0)).coords),
    ]
    for epochs in (200, 120, 100):          # ours is 150 above 10,000 points
        runs.append((f"ours, {epochs} epochs", lambda e=epochs: project(
            emb, ProjectionParams("umap", seed=0, iterations=e)).coords))
    base: tuple[float, float, float] | None = None
    for name, fn in runs:
        t = time.perf_counter()
        coords = np.asarray(fn())
        took = time.perf_counter() - t
        trust, overlap = map_quality(x, coords)
        if base is None:
            base = (took, trust, overlap)
        print(f"  {name:<40} {took:6.1f} s ({took / base[0]:4.2f}x)  trustworthiness "
              f"{trust:.4f} ({trust / base[1]:.3f}x)  overlap@10 {overlap:.4f} "
              f"({overlap / base[2]:.3f}x)", flush=True)


# --------------------------------------------------------------------------- JIT

_JIT_SCRIPT = """
import time, sys
t = time.perf_counter()
from workbench.core.explore import warm_umap
cache = sys.argv[1] if len(sys.argv) > 1 else None
s = warm_umap(cache_dir=cache)
print(f"{time.perf_counter() - t:.1f} {s:.1f}")
"""


def bench_jit() -> None:
    print("\nUMAP compilation (warm_umap) in fresh processes")
    root = DATA / "numba-bench"
    shutil.rmtree(root, ignore_errors=True)
    for label, use_dir in (("numba default cache", False), ("warm_umap(cache_dir=...)", True)):
        folder = root / ("own" if use_dir else "env")
        folder.mkdir(parents=True)
        env = dict(os.environ, NUMBA_CACHE_DIR=str(folder / "env"))
        for attempt in ("first process", "second process"):
            argv = [sys.executable, "-W", "ignore", "-c", _JIT_SCRIPT]
            if use_dir:
                argv.append(str(folder / "cache"))
            out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True,
                                 cwd=ROOT)
            total, warm = out.stdout.split()[-2:]
            print(f"  {label:<28} {attempt:<15} warm_umap {warm:>6} s "
                  f"(with imports {total:>6} s)", flush=True)
    shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--only", default="neighbours,spelling,pca,tsne,umap,quality,jit",
                        help="comma-separated parts to run")
    parser.add_argument("--tsne", action="store_true", help="include t-SNE")
    parser.add_argument("--umap", action="store_true", help="include UMAP (minutes)")
    parser.add_argument("--umap-parallel", action="store_true",
                        help="also run UMAP with seed=None (every core)")
    parser.add_argument("--jit", action="store_true", help="include the JIT cost (minutes)")
    parser.add_argument("--quality", action="store_true",
                        help="include UMAP map quality against umap-learn's defaults (minutes)")
    parser.add_argument("--no-sklearn", action="store_true", help="skip the sklearn PCA baseline")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    big = 200_000 if args.quick else 1_000_000
    print(f"numpy {np.__version__}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    if "neighbours" in parts:
        bench_neighbours(big)
        bench_neighbours(100_000)
    if "spelling" in parts:
        bench_spelling(big)
    if "pca" in parts:
        bench_pca(big, sklearn=not args.no_sklearn)
    if "tsne" in parts and args.tsne:
        bench_tsne(2_000 if args.quick else 5_000)
    if "umap" in parts and args.umap:
        bench_umap(20_000 if args.quick else 100_000, parallel=args.umap_parallel)
    if "quality" in parts and args.quality:
        bench_umap_quality(10_000 if args.quick else 20_000)
    if "jit" in parts and args.jit:
        bench_jit()
    print(f"\nload at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
