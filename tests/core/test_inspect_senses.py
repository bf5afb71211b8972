"""Sense clustering of contextual vectors on planted data (no model needed)."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.contextual import Occurrence, WordVectors
from workbench.core.inspect.senses import analyse_senses, distinctive_words
from workbench.core.tasks import Cancelled, RecordingProgress

_MONEY = ["she put money in the bank and paid the loan",
          "the bank gave him a loan with interest money",
          "interest at the bank on money and loan"]
_RIVER = ["they fished from the river bank in the water",
          "the water rose over the bank of the river",
          "grass grew on the muddy bank near the river water"]


def _planted(n_per: int = 12, layers: int = 3, dim: int = 16, seed: int = 0,
             labels: bool = True) -> WordVectors:
    """Two well separated Gaussian blobs; money sentences in one, river sentences in the other."""
    rng = np.random.default_rng(seed)
    centre_a = np.zeros(dim)
    centre_a[0] = 5.0
    centre_b = np.zeros(dim)
    centre_b[1] = 5.0
    occ, vecs = [], []
    for i in range(2 * n_per):
        group = i % 2                            # interleaved: order does not give it away
        text = (_MONEY if group == 0 else _RIVER)[i // 2 % 3]
        start = text.index("bank")
        occ.append(Occurrence(text, start, start + 4, f"t:{i + 1}",
                              ("money" if group == 0 else "river") if labels else None))
        centre = centre_a if group == 0 else centre_b
        vecs.append(centre + rng.normal(0, 0.3, size=(layers, dim)))
    return WordVectors(occ, np.asarray(vecs, dtype=np.float32), [["bank"]] * len(occ))


def _static() -> Embeddings:
    words = ["bank", "money", "loan", "interest", "river", "water", "fished", "cash", "stream",
             "lake", "finance"]
    v = np.zeros((len(words), 4), dtype=np.float32)
    fin = {"money", "loan", "interest", "cash", "finance"}
    for i, w in enumerate(words):
        v[i] = [1.0, 0.1 * i, 0.0, 0.0] if w in fin else [0.0, 0.1 * i, 1.0, 0.0]
    v[0] = [0.7, 0.0, 0.7, 0.1]
    return Embeddings(words, v)


def test_planted_blobs_give_two_clusters_and_ari_one() -> None:
    from sklearn.decomposition import PCA

    wv = _planted()
    res = analyse_senses(wv, layer="last")
    assert res.k == 2 and max(res.silhouettes, key=res.silhouettes.get) == 2
    assert set(res.silhouettes) == set(range(2, 9))
    assert res.ari == pytest.approx(1.0)
    assert res.coords.shape == (24, 2) and res.labels.shape == (24,)
    assert [c.size for c in res.clusters] == [12, 12]
    assert res.word == "bank" and res.layer == "last" and res.method == "pca"
    # labels agree with the planted groups (up to renaming)
    groups = np.array([o.label == "money" for o in wv.occurrences])
    assert len(set(zip(groups.tolist(), res.labels.tolist()))) == 2
    # the picture is sklearn's PCA of the L2-normalised vectors
    x = wv.layer("last").astype(np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ref = PCA(n_components=2).fit_transform(x)
    for d in range(2):
        assert abs(np.corrcoef(ref[:, d], res.coords[:, d])[0, 1]) == pytest.approx(1, abs=1e-6)
    # context words tell the senses apart; examples belong to their cluster
    money = next(c for c in res.clusters if c.examples[0].label == "money")
    river = next(c for c in res.clusters if c.examples[0].label == "river")
    assert {"money", "loan", "interest"} <= set(money.context_words)
    assert {"river", "water"} <= set(river.context_words)
    assert "bank" not in money.context_words + river.context_words
    assert "the" not in money.context_words
    for c in res.clusters:
        assert 1 <= len(c.examples) <= 5
        assert {o.label for o in c.examples} == {c.examples[0].label}
    assert res.static_point is None and res.static_neighbours == []


def test_static_point_is_projected_centroid_and_neighbours() -> None:
    wv = _planted()
    static = _static()
    res = analyse_senses(wv, static=static, layer="mean-last-4")
    # PCA is linear: the projected centroid is the mean of the projected points
    np.testing.assert_allclose(res.static_point, res.coords.mean(axis=0), atol=1e-9)
    assert "centroid" in res.static_placement
    # static neighbours of the word: brute-force cosine ranking (the word itself excluded)
    unit = static.vectors / np.linalg.norm(static.vectors, axis=1, keepdims=True)
    sims = unit @ unit[0]
    order = [static.words[i] for i in np.argsort(-sims, kind="stable") if i != 0]
    assert res.static_neighbours == order[:len(res.static_neighbours)]
    assert len(res.static_neighbours) == 10
    money = next(c for c in res.clusters if c.examples[0].label == "money")
    river = next(c for c in res.clusters if c.examples[0].label == "river")
    fin = {"money", "loan", "interest", "cash", "finance"}
    assert set(money.static_neighbours[:5]) == fin
    assert not set(river.static_neighbours[:5]) & fin


def test_given_k_agglomerative_and_no_gold() -> None:
    wv = _planted(labels=False)
    res = analyse_senses(wv, k=3, clustering="agglomerative")
    assert res.k == 3 and len(res.clusters) == 3 and res.ari is None
    assert sorted(c.size for c in res.clusters) == sorted(np.bincount(res.labels).tolist())
    assert [c.size for c in res.clusters] == sorted((c.size for c in res.clusters),
                                                    reverse=True)
    res = analyse_senses(_planted(), clustering="agglomerative")
    assert res.k == 2 and res.ari == pytest.approx(1.0)
    one = analyse_senses(wv, k=1)
    assert one.k == 1 and (one.labels == 0).all()


def test_few_occurrences_and_bad_parameters() -> None:
    wv = _planted(n_per=2)                       # 4 occurrences: k capped at 3
    res = analyse_senses(wv)
    assert set(res.silhouettes) <= {2, 3} and "capped" in res.notice
    small = WordVectors(wv.occurrences[:2], wv.vectors[:2], wv.pieces[:2])
    with pytest.raises(WorkbenchError, match="at least 3"):
        analyse_senses(small)
    for kwargs in ({"method": "tsne"}, {"clustering": "dbscan"}, {"k": 0}, {"k": 99},
                   {"k_range": (1, 3)}, {"layer": "middle"}):
        with pytest.raises(ParameterError):
            analyse_senses(wv, **kwargs)


def test_progress_and_cancel() -> None:
    progress = RecordingProgress()
    analyse_senses(_planted(), progress=progress)
    assert progress.reports[-1][0] == 1.0
    with pytest.raises(Cancelled):
        analyse_senses(_planted(), progress=RecordingProgress(cancel_after=2))


def test_distinctive_words_log_odds() -> None:
    a = [{"money", "loan"}, {"money", "cash"}, {"money", "loan", "river"}]
    b = [{"river", "water"}, {"river", "fish"}, {"water", "river"}]
    got = distinctive_words([a, b], n=3)
    assert got[0][0] == "money" and "loan" in got[0] and "river" not in got[0]
    assert got[1][0] == "river" and "water" in got[1] and "money" not in got[1]


@pytest.mark.slow
def test_umap_projection() -> None:
    res = analyse_senses(_planted(), method="umap", static=_static())
    assert res.coords.shape == (24, 2) and np.isfinite(res.coords).all()
    assert res.k == 2 and res.ari == pytest.approx(1.0)
    assert res.static_point.shape == (2,) and res.explained is None
