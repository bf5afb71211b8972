"""Analogy picture, antonym check, k-means labels and semantic axes against hand computations."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.evaluation import solve_analogy
from workbench.core.explore import (
    DEFAULT_ANTONYMS,
    AntonymCheck,
    Axis,
    OutOfVocabulary,
    analogy_picture,
    antonym_check,
    axis_projection,
    kmeans_labels,
)
from workbench.core.tasks import Cancelled, RecordingProgress

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::FutureWarning")

WORDS = ["man", "woman", "king", "queen", "boy", "girl", "fast", "slow", "hot", "cold", "good",
         "bad", "quick", "rapid", "warm"]


@pytest.fixture(scope="module")
def emb() -> Embeddings:
    rng = np.random.default_rng(0)
    dim = 16
    vec = {w: rng.standard_normal(dim) for w in WORDS}
    gender = rng.standard_normal(dim) * 2
    for m, f in (("man", "woman"), ("king", "queen"), ("boy", "girl")):
        vec[f] = vec[m] + gender + 0.2 * rng.standard_normal(dim)
    speed = rng.standard_normal(dim)
    vec["slow"] = vec["fast"] + 0.3 * speed          # antonyms share contexts: close
    vec["quick"] = vec["fast"] + 0.5 * rng.standard_normal(dim)
    vec["rapid"] = vec["fast"] + 0.6 * rng.standard_normal(dim)
    vec["warm"] = vec["hot"] + 0.4 * rng.standard_normal(dim)
    fillers = [f"f{i}" for i in range(400)]
    words = WORDS + fillers
    matrix = np.array([vec[w] for w in WORDS] + list(rng.standard_normal((400, dim)) * 1.2))
    # two identical vectors: ties must be ranked by row
    matrix[len(WORDS) + 1] = matrix[len(WORDS)]
    return Embeddings(words, matrix.astype(np.float32))


# --------------------------------------------------------------------------- analogy picture

def _pca_reference(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.decomposition import PCA

    p = PCA(2, svd_solver="full").fit(x)
    return p.transform(x), p.explained_variance_ratio_


def test_analogy_picture_default_candidates(emb: Embeddings) -> None:
    pic = analogy_picture(emb, "man", "woman", "king", k=4)
    answers = solve_analogy(emb, "man", "woman", "king", k=4)
    assert pic.words == ("man", "woman", "king", *(w for w, _ in answers))
    assert pic.roles == ("a", "b", "c", "candidate", "candidate", "candidate", "candidate")
    assert pic.answer == "queen" == answers[0][0]
    assert pic.coords.shape == (7, 2) and pic.target is not None and pic.target.shape == (2,)
    assert pic.scores[:3] == (None, None, None)
    np.testing.assert_allclose(pic.scores[3:], [s for _, s in answers], atol=1e-6)
    unit = emb.unit[[emb.index(w) for w in pic.words]].astype(np.float64)
    ref, ratio = _pca_reference(unit)
    np.testing.assert_allclose(pic.explained, ratio, atol=1e-9)
    signs = np.sign((pic.coords * ref).sum(axis=0))
    np.testing.assert_allclose(pic.coords * signs, ref, atol=1e-9)


def test_analogy_picture_given_candidates_and_errors(emb: Embeddings) -> None:
    pic = analogy_picture(emb, "man", "king", "woman", ["queen", "girl", "man"],
                          method="3cosmul")
    assert pic.words == ("man", "king", "woman", "queen", "girl")   # 'man' is an input
    ref = dict(solve_analogy(emb, "man", "king", "woman", k=len(emb), method="3cosmul"))
    assert pic.scores[3] == pytest.approx(ref["queen"], abs=1e-6)
    assert pic.scores[4] == pytest.approx(ref["girl"], abs=1e-6)
    assert pic.method == "3cosmul"
    assert analogy_picture(emb, "man", "king", "woman", []).coords.shape == (3, 2)
    with pytest.raises(OutOfVocabulary, match="'kin'.*'king'"):
        analogy_picture(emb, "man", "kin", "woman")


# --------------------------------------------------------------------------- antonyms

def _brute_rank(emb: Embeddings, a: str, b: str) -> int:
    unit = emb.unit.astype(np.float64)
    scores = unit @ unit[emb.index(a)]
    order = [i for i in np.argsort(-scores, kind="stable") if i != emb.index(a)]
    return order.index(emb.index(b)) + 1


def test_antonym_check_ranks_equal_brute_force(emb: Embeddings) -> None:
    pairs = [("fast", "slow"), ("hot", "cold"), ("good", "bad"), ("man", "woman"),
             ("f0", "f1"), ("fast", "nope")]
    checks = antonym_check(emb, pairs, k=3)
    assert [(c.a, c.b) for c in checks] == pairs and all(isinstance(c, AntonymCheck)
                                                        for c in checks)
    for c in checks[:5]:
        assert c.rank_b_among_a == _brute_rank(emb, c.a, c.b)
        assert c.rank_a_among_b == _brute_rank(emb, c.b, c.a)
        assert c.similarity == pytest.approx(float(emb.unit[emb.index(c.a)]
                                                   @ emb.unit[emb.index(c.b)]), abs=1e-6)
        assert c.missing == () and len(c.neighbours_a) == 3 and c.a not in c.neighbours_a
    assert checks[0].rank_b_among_a == 1 and checks[0].among_neighbours
    assert checks[4].rank_b_among_a == 1 and checks[4].rank_a_among_b == 1   # identical vectors
    last = checks[-1]
    assert last.missing == ("nope",) and last.rank_b_among_a is None and not last.among_neighbours
    assert ("fast", "slow") in DEFAULT_ANTONYMS and len(DEFAULT_ANTONYMS) >= 10
    with pytest.raises(ParameterError):
        antonym_check(emb, [("fast", "fast")])


# --------------------------------------------------------------------------- clusters

@pytest.mark.parametrize("n", [600, 25_000])
def test_kmeans_labels_recover_planted_clusters(n: int) -> None:
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(1)
    centres = rng.standard_normal((5, 8)) * 10
    truth = rng.integers(0, 5, n)
    x = (centres[truth] + rng.standard_normal((n, 8))).astype(np.float32)
    progress = RecordingProgress()
    labels = kmeans_labels(x, 5, seed=0, progress=progress)
    assert labels.shape == (n,) and labels.dtype == np.int32
    assert set(labels.tolist()) == set(range(5))
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)
    assert progress.reports[-1][0] == 1.0


def test_kmeans_errors_and_cancel() -> None:
    x = np.random.default_rng(0).standard_normal((30_000, 4)).astype(np.float32)
    with pytest.raises(ParameterError, match="between 1 and 10"):
        kmeans_labels(x[:10], 11)
    bad = x[:100].copy()
    bad[3, 1] = np.nan
    with pytest.raises(WorkbenchError, match="NaN"):
        kmeans_labels(bad, 2)
    with pytest.raises(Cancelled):
        kmeans_labels(x, 3, progress=RecordingProgress(cancel_after=2))


# --------------------------------------------------------------------------- axes

def test_two_axes_equal_hand_computation(emb: Embeddings) -> None:
    x_axis = Axis(("woman", "girl"), ("man", "boy"))
    y_axis = Axis(("fast",), ("slow",))
    words = ["king", "queen", "quick", "f3"]
    res = axis_projection(emb, x_axis, y_axis, words=words)
    u = {w: emb.vector(w) / np.linalg.norm(emb.vector(w)) for w in emb.words[:20] + ["f3"]}
    dx = (u["woman"] + u["girl"]) / 2 - (u["man"] + u["boy"]) / 2
    dx /= np.linalg.norm(dx)
    dy = u["fast"] - u["slow"]
    dy /= np.linalg.norm(dy)
    ref = np.array([[u[w] @ dx, u[w] @ dy] for w in words])
    np.testing.assert_allclose(res.coords, ref, atol=1e-5)
    assert res.words == tuple(words) and res.rows.tolist() == [emb.index(w) for w in words]
    assert res.params.method == "axes" and "°" in res.note
    assert res.coords[1, 0] > res.coords[0, 0]      # queen lies further towards 'woman'


def test_one_axis_second_coordinate_is_the_residual_principal_component(emb: Embeddings
                                                                          ) -> None:
    from sklearn.decomposition import PCA

    axis = Axis(("woman",), ("man",))
    res = axis_projection(emb, axis, top_n=200)
    assert res.coords.shape == (200, 2) and res.words == tuple(emb.words[:200])
    u = emb.unit[:200].astype(np.float64)
    d = u[emb.index("woman")] - u[emb.index("man")]
    d /= np.linalg.norm(d)
    np.testing.assert_allclose(res.coords[:, 0], u @ d, atol=1e-5)
    residual = u - np.outer(u @ d, d)
    ref = PCA(1, svd_solver="full").fit_transform(residual)[:, 0]
    sign = np.sign(ref @ res.coords[:, 1])
    np.testing.assert_allclose(res.coords[:, 1] * sign, ref, atol=1e-4)


def test_axis_errors(emb: Embeddings) -> None:
    with pytest.raises(ParameterError, match="at least one word"):
        Axis(())
    with pytest.raises(ParameterError, match="no direction"):
        axis_projection(emb, Axis(("fast",), ("fast",)))
    with pytest.raises(OutOfVocabulary, match="'fsat'"):
        axis_projection(emb, Axis(("fsat",), ("slow",)))
    with pytest.raises(OutOfVocabulary):
        axis_projection(emb, Axis(("fast",), ("slow",)), words=["king", "kingg"])
    assert Axis("fast", "slow") == Axis(("fast",), ("slow",))
    assert Axis(["a", "b"]).label == "origin → a, b"
