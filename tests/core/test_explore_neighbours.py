"""Neighbours, expressions, spelling suggestions and similarities against independent references."""

from __future__ import annotations

import difflib
import pickle
from typing import Any

import numpy as np
import pytest

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.explore import (
    ExpressionError,
    OutOfVocabulary,
    expression_vector,
    format_expression,
    is_expression,
    map_neighbours,
    nearest,
    neighbour_overlap,
    odd_one_out,
    parse_expression,
    similar_spellings,
    similarity,
    similarity_matrix,
    top_k,
)

pytestmark = pytest.mark.filterwarnings("ignore:Call to deprecated:DeprecationWarning")

SYLLABLES = ["ka", "ri", "to", "men", "sa", "lo", "qu", "een", "par", "is", "fr", "an", "ce",
             "be", "rl", "in", "ge", "rm", "ny", "do", "g", "c", "at", "x"]


def _vocab(n: int, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    words = ["king", "man", "woman", "queen", "paris", "france", "berlin", "germany", "dog",
             "cat", "Paris", "well-known", "c++"]
    seen = set(words)
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES, size=rng.integers(1, 5)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


@pytest.fixture(scope="module")
def emb() -> Embeddings:
    words = _vocab(3000)
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((len(words), 24)).astype(np.float32)
    vectors *= rng.uniform(0.5, 3.0, size=(len(words), 1)).astype(np.float32)  # varied norms
    return Embeddings(words, vectors)


def _brute(scores: np.ndarray, k: int, largest: bool) -> np.ndarray:
    order = np.argsort(-scores if largest else scores, kind="stable")
    return order[:k]


# --------------------------------------------------------------------------- top_k

@pytest.mark.parametrize("n", [1, 7, 300, 8192, 8193, 50_000, 100_001])
@pytest.mark.parametrize("largest", [True, False])
def test_top_k_equals_stable_argsort(n: int, largest: bool) -> None:
    rng = np.random.default_rng(n)
    # Rounded scores: many ties, which must come in index order.
    scores = np.round(rng.standard_normal(n), 2).astype(np.float32)
    for k in (1, 5, 10, 100):
        idx, vals = top_k(scores, k, largest)
        ref = _brute(scores, k, largest)
        assert idx.dtype == np.int64
        np.testing.assert_array_equal(idx, ref)
        np.testing.assert_array_equal(vals, scores[ref])


def test_top_k_clustered_maxima_and_nan() -> None:
    rng = np.random.default_rng(3)
    scores = rng.standard_normal(40_000).astype(np.float32)
    scores[1000:1300] += 10          # every top score sits in two blocks
    scores[[5, 20_000, 39_999]] = np.nan
    scores[7] = -np.inf
    idx, _ = top_k(scores, 50)
    clean = np.where(np.isnan(scores), -np.inf, scores)
    np.testing.assert_array_equal(idx, _brute(clean, 50, True))
    # NaN only fills the list when there is nothing else.
    idx, _ = top_k(np.array([np.nan, 1.0, np.nan, 0.5]), 4)
    assert idx.tolist() == [1, 3, 0, 2]
    assert top_k(np.array([3.0, 1.0]), 0)[0].size == 0
    assert top_k(np.array([3.0, 1.0]), 10)[0].tolist() == [0, 1]


# --------------------------------------------------------------------------- nearest

@pytest.mark.parametrize("metric", ["cosine", "euclidean"])
def test_nearest_equals_brute_force(emb: Embeddings, metric: str) -> None:
    v = emb.vectors.astype(np.float64)
    unit = v / np.linalg.norm(v, axis=1, keepdims=True)
    for word in ("king", "dog", emb.words[2500]):
        r = emb.index(word)
        exclude = [emb.words[7], "not-a-word"]
        res = nearest(emb, word, k=15, metric=metric, exclude=exclude)
        if metric == "cosine":
            scores = unit @ unit[r]
            scores[[r, 7]] = -np.inf
            ref = _brute(scores, 15, True)
        else:
            scores = np.linalg.norm(v - v[r], axis=1)
            scores[[r, 7]] = np.inf
            ref = _brute(scores, 15, False)
        assert res.words == [emb.words[i] for i in ref]
        np.testing.assert_allclose([n.score for n in res.neighbours], scores[ref], rtol=1e-5,
                                   atol=1e-5)
        assert [n.rank for n in res.neighbours] == list(range(1, 16))
        assert res.excluded == (word, emb.words[7])
        assert word in res.note and res.metric == metric


def _keyed_vectors(emb: Embeddings) -> Any:
    from gensim.models import KeyedVectors

    kv = KeyedVectors(emb.dim)
    kv.add_vectors(emb.words, emb.vectors)
    return kv


def test_expression_equals_gensim_most_similar(emb: Embeddings) -> None:
    kv = _keyed_vectors(emb)
    res = nearest(emb, "king - man + woman", k=10)
    theirs = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=10)
    assert res.words == [w for w, _ in theirs]
    np.testing.assert_allclose([n.score for n in res.neighbours], [s for _, s in theirs],
                               atol=1e-5)
    assert res.excluded == ("king", "man", "woman")
    # Weighted terms: gensim takes (word, weight) pairs, the weight used as given.
    res = nearest(emb, "2*paris - france + 0.5*berlin", k=5)
    theirs = kv.most_similar(positive=[("paris", 2.0), ("berlin", 0.5), ("france", -1.0)],
                             topn=5)
    assert res.words == [w for w, _ in theirs]


def test_euclidean_expression_sums_raw_vectors(emb: Embeddings) -> None:
    q = emb.vector("king") - emb.vector("man") + emb.vector("woman")
    res = nearest(emb, "king - man + woman", k=5, metric="euclidean")
    d = np.linalg.norm(emb.vectors.astype(np.float64) - q, axis=1)
    d[[emb.index(w) for w in ("king", "man", "woman")]] = np.inf
    assert res.words == [emb.words[i] for i in _brute(d, 5, False)]


def test_raw_vector_query_and_vocabulary_words_with_operators(emb: Embeddings) -> None:
    res = nearest(emb, emb.vector("cat") * 3.0, k=3)
    assert res.neighbours[0].word == "cat" and res.neighbours[0].score == pytest.approx(1.0)
    assert res.excluded == () and res.query == "<vector>"
    # A vocabulary word is a word, even with '-' or '+' in it.
    assert nearest(emb, "well-known", k=2).excluded == ("well-known",)
    assert nearest(emb, "c++", k=2).excluded == ("c++",)
    with pytest.raises(ParameterError, match="dimensions"):
        nearest(emb, np.zeros(3))
    with pytest.raises(ParameterError, match="zero vector"):
        nearest(emb, "king - king")
    with pytest.raises(ParameterError, match="metric"):
        nearest(emb, "king", metric="manhattan")
    with pytest.raises(ParameterError, match="k must"):
        nearest(emb, "king", k=0)


def test_out_of_vocabulary_lists_close_spellings(emb: Embeddings) -> None:
    with pytest.raises(OutOfVocabulary) as info:
        nearest(emb, "kinq")
    err = info.value
    assert isinstance(err, WorkbenchError) and err.word == "kinq"
    assert "king" in err.suggestions and "'kinq' is not in the vocabulary" in str(err)
    assert "Did you mean 'king'" in str(err) or "'king'" in str(err)
    with pytest.raises(OutOfVocabulary, match="'womann'"):
        nearest(emb, "king - man + womann")
    # Case variants come first.
    assert similar_spellings(emb, "PARIS")[:2] == ["paris", "Paris"]
    # The error survives a trip to a worker process and back.
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) and again.suggestions == err.suggestions


def test_oov_vector_is_used_and_noted(emb: Embeddings) -> None:
    calls: list[str] = []

    def oov(word: str) -> np.ndarray:
        calls.append(word)
        return emb.vector("queen") * 2

    res = nearest(emb, "kingdomz", k=3, oov_vector=oov)
    assert calls == ["kingdomz"] and res.neighbours[0].word == "queen"
    assert "subwords" in res.note
    res = nearest(emb, "kingdomz - man", k=3, oov_vector=oov)
    assert res.excluded == ("man",)


@pytest.mark.parametrize("query", ["kinq", "womn", "parsi", "germani", "xxxxxxxxxqz", "q",
                                   "karitomen", "bexq", "ëcat"])
def test_similar_spellings_equal_difflib_on_the_whole_vocabulary(emb: Embeddings,
                                                                  query: str) -> None:
    for n in (1, 5, 12):
        assert similar_spellings(emb, query, n) == difflib.get_close_matches(
            query, emb.words, n, 0.6)


def test_similar_spellings_unicode_and_empty() -> None:
    emb = Embeddings(["北京", "北京市", "上海", "天津", "naïve"], np.eye(5, dtype=np.float32))
    assert similar_spellings(emb, "北京人") == difflib.get_close_matches("北京人", emb.words)
    assert similar_spellings(emb, "naive") == ["naïve"]
    assert similar_spellings(emb, "") == []


# --------------------------------------------------------------------------- expressions

def test_parse_expression() -> None:
    assert parse_expression("king - man + woman") == [(1, "king"), (-1, "man"), (1, "woman")]
    assert parse_expression("king-man+woman") == [(1, "king"), (-1, "man"), (1, "woman")]
    assert parse_expression("2*paris - france") == [(2, "paris"), (-1, "france")]
    assert parse_expression("0.5 * paris + -france") == [(0.5, "paris"), (-1, "france")]
    assert parse_expression("paris*2 - .5*france") == [(2, "paris"), (-0.5, "france")]
    assert parse_expression("-paris") == [(-1, "paris")]
    assert parse_expression("1990 - 1980") == [(1, "1990"), (-1, "1980")]
    assert parse_expression("well-known - good") == [(1, "well-known"), (-1, "good")]
    assert parse_expression("c++ + java") == [(1, "c++"), (1, "java")]
    assert parse_expression("北京 - 中国 + 法国") == [(1, "北京"), (-1, "中国"), (1, "法国")]
    assert format_expression(parse_expression("2*paris - france + -0.5*x")) == \
        "2*paris - france - 0.5*x"


@pytest.mark.parametrize(("text", "position", "fragment"), [
    ("", 0, "empty"),
    ("   ", 0, "empty"),
    ("king -", 6, "missing"),
    ("king man", 5, "Expected '\\+' or '-' before 'man'"),
    ("* paris", 0, "Unexpected '*'"),
    ("2*", 2, "missing after '*'"),
    ("paris * x", 8, "number must follow"),
    ("2*paris*3", 7, "only one coefficient"),
])
def test_malformed_expressions_point_at_the_position(text: str, position: int,
                                                     fragment: str) -> None:
    with pytest.raises(ExpressionError, match=fragment) as info:
        parse_expression(text)
    assert info.value.position == position
    assert isinstance(info.value, ParameterError)
    assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)
    if text.strip():
        assert f"character {position + 1}" in str(info.value)


def test_is_expression_and_expression_vector(emb: Embeddings) -> None:
    assert is_expression("king - man") and is_expression("2*paris") and is_expression("-x")
    assert not is_expression("paris") and not is_expression("  paris ")
    assert is_expression("well-known") and not is_expression("well-known", emb)
    assert is_expression("king -")          # malformed: the parser reports it
    v = expression_vector(emb, [(2.0, "king"), (-1.0, "man")])
    u = emb.unit
    np.testing.assert_allclose(v, 2 * u[emb.index("king")] - u[emb.index("man")], atol=1e-6)
    raw = expression_vector(emb, [(2.0, "king"), (-1.0, "man")], unit=False)
    np.testing.assert_allclose(raw, 2 * emb.vector("king") - emb.vector("man"), atol=1e-5)
    with pytest.raises(OutOfVocabulary):
        expression_vector(emb, [(1.0, "kinq")])


# --------------------------------------------------------------------------- similarities

def test_similarity_matrix_and_odd_one_out(emb: Embeddings) -> None:
    words = ["king", "queen", "man", "woman", "dog"]
    v = np.array([emb.vector(w) for w in words], dtype=np.float64)
    ref = np.array([[a @ b / np.linalg.norm(a) / np.linalg.norm(b) for b in v] for a in v])
    np.testing.assert_allclose(similarity_matrix(emb, words), ref, atol=1e-6)
    assert similarity(emb, "king", "dog") == pytest.approx(ref[0, 4], abs=1e-6)
    odd, means = odd_one_out(emb, words)
    hand = {w: (ref[i].sum() - ref[i, i]) / 4 for i, w in enumerate(words)}
    assert odd == min(hand, key=hand.get)   # type: ignore[arg-type]
    for w in words:
        assert means[w] == pytest.approx(hand[w], abs=1e-6)
    with pytest.raises(OutOfVocabulary, match="'kat'"):
        similarity_matrix(emb, ["cat", "kat"])
    with pytest.raises(ParameterError, match="at least 3"):
        odd_one_out(emb, ["cat", "dog"])
    with pytest.raises(ParameterError, match="twice"):
        odd_one_out(emb, ["cat", "dog", "cat"])


def test_odd_one_out_finds_the_planted_outsider() -> None:
    rng = np.random.default_rng(0)
    base = rng.standard_normal(16)
    vecs = [base + 0.1 * rng.standard_normal(16) for _ in range(4)] + [-base]
    emb = Embeddings(["a", "b", "c", "d", "e"], np.array(vecs, dtype=np.float32))
    assert odd_one_out(emb, ["a", "e", "b", "c", "d"])[0] == "e"


def test_map_neighbours_and_overlap(emb: Embeddings) -> None:
    rng = np.random.default_rng(5)
    coords = rng.standard_normal((500, 2))
    idx, dist = map_neighbours(coords, 17, k=8)
    d = np.linalg.norm(coords - coords[17], axis=1)
    d[17] = np.inf
    np.testing.assert_array_equal(idx, _brute(d, 8, False))
    np.testing.assert_allclose(dist, d[idx])
    with pytest.raises(ParameterError):
        map_neighbours(coords, 500)
    # 2-D vectors mapped to themselves keep every Euclidean neighbourhood;
    # a shuffled map keeps about k/n of them.
    flat = Embeddings([f"w{i}" for i in range(500)], coords.astype(np.float32))
    assert neighbour_overlap(flat, coords, k=5, metric="euclidean") == pytest.approx(1.0)
    shuffled = coords[rng.permutation(500)]
    assert neighbour_overlap(flat, shuffled, k=5, metric="euclidean") < 0.1
    assert neighbour_overlap(flat, coords, rows=[0, 1, 2], k=5, metric="euclidean") == 1.0
