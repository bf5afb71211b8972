"""Contextual word vectors, word-in-context, contextuality and CoarseWSD-20 loading."""

from __future__ import annotations

import gzip
import inspect
from pathlib import Path

import numpy as np
import pytest

from tests.core.inspect_fixtures import tiny_texts
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.coarsewsd import COARSEWSD_WORDS, load_coarsewsd
from workbench.core.inspect.contextual import (
    Occurrence,
    WordVectors,
    corpus_lines,
    find_occurrences,
    similar_words,
    word_vectors,
)
from workbench.core.inspect.contextuality import contextuality
from workbench.core.inspect.wic import compare_in_context
from workbench.core.tasks import Cancelled, RecordingProgress


@pytest.fixture(scope="module")
def model(tiny_bert_folder: Path):
    from workbench.core.inspect.model import load_for_inspection

    return load_for_inspection(tiny_bert_folder, device="cpu")


def _reference(model, text: str, start: int, end: int) -> np.ndarray:
    """Hidden states of one sentence alone (no batch, no padding), word pieces averaged."""
    import torch

    enc = model.tokenizer(text, return_tensors="pt")
    positions = sorted({enc.char_to_token(0, c) for c in range(start, end)} - {None})
    with torch.no_grad():
        out = model.model(**enc, output_hidden_states=True)
    states = torch.stack(out.hidden_states)[:, 0]          # (layers + 1, n, hidden)
    return states[:, positions, :].mean(dim=1).numpy()


# --------------------------------------------------------------------------- occurrences

def test_find_occurrences_whole_words_case_and_sources() -> None:
    lines = ["The Bank and the bank.", "banks embankment bank-side", "no match here", "BANK"]
    occ, total = find_occurrences(lines, "bank", source="f.txt")
    assert total == 4
    assert [(o.source, o.start, o.end) for o in occ] == [
        ("f.txt:1", 4, 8), ("f.txt:1", 17, 21), ("f.txt:2", 17, 21), ("f.txt:4", 0, 4)]
    assert all(o.word.lower() == "bank" for o in occ)
    occ, total = find_occurrences(lines, "bank", lowercase=False)
    assert total == 2 and occ[0].source == "line 1"
    occ, total = find_occurrences(lines, "bank", limit=2)
    assert len(occ) == 2 and total == 4
    occ, total = find_occurrences(lines, "bank", limit=2, count_all=False)
    assert len(occ) == 2 and total == 2
    occ, total = find_occurrences([("a bank", "x.txt:7")], "bank")
    assert occ[0].source == "x.txt:7"


def test_find_occurrences_cancel_keeps_what_was_found() -> None:
    lines = (f"line {i} bank" for i in range(10_000))
    with pytest.raises(Cancelled) as info:
        find_occurrences(lines, "bank", limit=5, progress=RecordingProgress(cancel_after=1))
    found, total = info.value.result
    assert len(found) == 5 and 1000 <= total < 10_000


def test_find_occurrences_non_ascii_and_chinese() -> None:
    occ, total = find_occurrences(["Un café, deux cafés; décafé.", "ÉCOLE école écoles"], "café")
    assert total == 1 and occ[0].word == "café"
    occ, _ = find_occurrences(["ÉCOLE école écoles"], "école")
    assert [o.word for o in occ] == ["ÉCOLE", "école"]
    occ, total = find_occurrences(["我去银行存钱。银行很近。", "河岸"], "银行")
    assert total == 2 and [o.start for o in occ] == [2, 7]
    with pytest.raises(ParameterError):
        find_occurrences(["a"], "  ")


def test_corpus_lines_streams_files_with_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("first bank\n\nthird bank line\n", encoding="utf-8")
    with gzip.open(tmp_path / "c" / "b.txt.gz", "wt", encoding="utf-8") as f:
        f.write("zip bank\n")
    lines = corpus_lines(tmp_path / "c")
    assert inspect.isgenerator(lines)
    got = list(lines)
    assert [t for t, _ in got] == ["first bank", "third bank line", "zip bank"]
    assert got[1][1].endswith("a.txt:3") and got[2][1].endswith("b.txt.gz:1")
    occ, total = find_occurrences(corpus_lines(tmp_path / "c" / "a.txt"), "bank")
    assert total == 2 and occ[1].source == "a.txt:3"
    with pytest.raises(WorkbenchError):
        list(corpus_lines(tmp_path / "missing"))


def test_similar_words_for_missing_words() -> None:
    lines = ["the banker banked at banks", "a bang and a bank"]
    assert similar_words(lines, "bankk")[:3] == ["bank", "banked", "banker"]
    assert "bang" in similar_words(lines, "bamg")
    assert similar_words([], "bank") == []


# --------------------------------------------------------------------------- vectors

def test_word_vectors_match_unbatched_forward(model) -> None:
    texts = tiny_texts()
    occ, _ = find_occurrences(texts, "bank")
    occ += find_occurrences(texts, "the", limit=6)[0]
    occ += find_occurrences(["Scientists discovered unbelievably distant stars."],
                            "unbelievably")[0]
    wv = word_vectors(model, occ, batch_size=4)       # batches mix lengths: padding
    assert wv.vectors.shape == (len(occ), model.num_layers + 1, model.hidden_size)
    assert wv.vectors.dtype == np.float32 and wv.truncated == 0 and wv.skipped == 0
    assert len(wv.pieces[-1]) > 1                       # a word split into pieces
    for o, v in zip(wv.occurrences, wv.vectors):
        np.testing.assert_allclose(v, _reference(model, o.text, o.start, o.end), atol=1e-5)


def test_same_sentence_identical_different_sentences_differ(model) -> None:
    a = Occurrence("She went to the bank to deposit her money.", 16, 20)
    b = Occurrence("They walked along the river bank at sunset.", 28, 32)
    wv = word_vectors(model, [a, b, a], batch_size=2)
    assert np.array_equal(wv.vectors[0], wv.vectors[2])
    assert not np.allclose(wv.vectors[0, 1:], wv.vectors[1, 1:], atol=1e-4)


def test_long_sentence_uses_a_window_and_unmatched_spans_are_skipped(model) -> None:
    words = ("the cat sat on the mat and the dog ran in the park " * 12).split()
    text = " ".join(words[:80] + ["bank"] + words[80:])
    start = text.index(" bank ") + 1
    tail = " ".join(words) + " bank"                     # beyond the model's 64 positions
    assert len(model.tokenizer(text)["input_ids"]) > model.max_length
    occ = [Occurrence(text, start, start + 4), Occurrence("a  bank", 1, 2),
           Occurrence("a bank", 2, 6), Occurrence(tail, len(tail) - 4, len(tail))]
    wv = word_vectors(model, occ)
    assert wv.truncated == 2 and wv.skipped == 1 and len(wv) == 3
    assert wv.pieces == [["bank"]] * 3 and np.isfinite(wv.vectors).all()
    assert [o.text for o in wv.occurrences] == [text, "a bank", tail]
    with pytest.raises(ParameterError):
        word_vectors(model, [Occurrence("abc", 2, 9)])


def test_layer_choices() -> None:
    v = np.arange(2 * 5 * 3, dtype=np.float32).reshape(2, 5, 3)
    wv = WordVectors([Occurrence("a", 0, 1)] * 2, v, [["a"]] * 2)
    assert wv.num_layers == 4
    np.testing.assert_array_equal(wv.layer("last"), v[:, 4])
    np.testing.assert_array_equal(wv.layer(0), v[:, 0])
    np.testing.assert_array_equal(wv.layer(-1), v[:, 4])
    np.testing.assert_allclose(wv.layer("mean-last-4"), v[:, 1:].mean(axis=1))
    np.testing.assert_allclose(wv.layer("mean-last-2"), v[:, 3:].mean(axis=1))
    np.testing.assert_allclose(wv.layer("mean-all"), v.mean(axis=1))
    np.testing.assert_allclose(wv.layer([0, 2]), v[:, [0, 2]].mean(axis=1))
    for bad in (5, "middle", []):
        with pytest.raises(ParameterError):
            wv.layer(bad)


def test_word_vectors_progress_and_cancel(model) -> None:
    occ, _ = find_occurrences(tiny_texts(), "the", limit=20)
    progress = RecordingProgress()
    word_vectors(model, occ, batch_size=4, progress=progress)
    fractions = [f for f, _ in progress.reports]
    assert fractions[-1] == 1.0 and len(fractions) >= 4
    with pytest.raises(Cancelled) as info:
        word_vectors(model, occ, batch_size=4, progress=RecordingProgress(cancel_after=2))
    partial = info.value.result
    assert isinstance(partial, WordVectors) and 0 < len(partial) < len(occ)


# --------------------------------------------------------------------------- word in context

def test_compare_in_context_per_layer(model) -> None:
    a, b = "The bank approved the loan.", "We sat on the grassy bank of the river."
    res = compare_in_context(model, a, b, "Bank")
    ra = _reference(model, a, 4, 8)
    rb = _reference(model, b, 21, 25)
    expected = (ra * rb).sum(1) / np.linalg.norm(ra, axis=1) / np.linalg.norm(rb, axis=1)
    np.testing.assert_allclose(res.cosines, expected, atol=1e-5)
    assert res.cosines.shape == (model.num_layers + 1,)
    assert res.pieces_a == ["bank"] and res.spans == ((4, 8), (21, 25))
    with pytest.raises(WorkbenchError, match="second sentence"):
        compare_in_context(model, a, "Nothing here.", "bank")
    with pytest.raises(WorkbenchError, match="first sentence"):
        compare_in_context(model, "embankment", b, "bank")


# --------------------------------------------------------------------------- contextuality

def test_contextuality_against_brute_force(model) -> None:
    from sklearn.metrics.pairwise import cosine_similarity

    texts = tiny_texts()
    res = contextuality(model, texts, min_occurrences=3, max_words=5, pairs=300)
    n = model.num_layers + 1
    for arr in (res.self_similarity, res.intra_similarity, res.mev, res.baseline,
                res.mev_baseline, res.self_similarity_adjusted, res.intra_similarity_adjusted,
                res.mev_adjusted):
        assert arr.shape == (n,) and np.isfinite(arr).all()
    assert res.layers == list(range(n)) and res.words == len(res.word_list) <= 5
    assert res.word_list[0] == "the"
    assert ((res.baseline >= -1) & (res.baseline <= 1)).all()
    assert ((res.mev_baseline > 0) & (res.mev_baseline <= 1)).all()
    np.testing.assert_allclose(res.self_similarity_adjusted, res.self_similarity - res.baseline)
    # brute force for one word: word_vectors + sklearn cosines + SVD
    word = res.word_list[1]
    occ = [o for o in find_occurrences(texts, word)[0]]
    vecs = word_vectors(model, occ).vectors
    for layer in range(n):
        sims = cosine_similarity(vecs[:, layer])
        iu = np.triu_indices(len(occ), 1)
        assert res.word_self_similarity[1, layer] == pytest.approx(sims[iu].mean(), abs=1e-5)
        s = np.linalg.svd(vecs[:, layer].astype(np.float64), compute_uv=False)
        assert res.word_mev[1, layer] == pytest.approx(s[0] ** 2 / (s ** 2).sum(), abs=1e-5)
    np.testing.assert_allclose(res.self_similarity, res.word_self_similarity.mean(axis=0))


def test_contextuality_repeated_sentence_is_fully_self_similar(model) -> None:
    res = contextuality(model, ["The cat sat on the mat."] * 6, min_occurrences=5, pairs=50)
    assert set(res.word_list) == {"the", "cat", "sat", "on", "mat"}
    np.testing.assert_allclose(res.word_self_similarity[1:], 1.0, atol=1e-5)   # not "the"
    assert (res.word_self_similarity[0] < 1 - 1e-4).any()      # two positions in the sentence
    assert ((res.baseline >= -1) & (res.baseline <= 1)).all()


def test_contextuality_errors_and_cancel(model) -> None:
    with pytest.raises(WorkbenchError, match="No word occurs"):
        contextuality(model, ["one two three"], min_occurrences=2)
    with pytest.raises(ParameterError):
        contextuality(model, ["a a"], min_occurrences=1)
    with pytest.raises(Cancelled):
        contextuality(model, tiny_texts() * 4, min_occurrences=3, batch_size=8,
                      progress=RecordingProgress(cancel_after=3))


# --------------------------------------------------------------------------- CoarseWSD-20

def test_load_coarsewsd(shared_data: Path) -> None:
    root = shared_data / "CoarseWSD-20"
    occ = load_coarsewsd(root, "bank", "train", limit=50)
    assert len(occ) == 50
    assert all(o.word == "bank" for o in occ)
    first = (root / "bank" / "train.data.txt").read_text(encoding="utf-8").splitlines()[0]
    index, sentence = first.split("\t", 1)
    tokens = sentence.split(" ")
    assert occ[0].text == sentence
    assert occ[0].start == len(" ".join(tokens[:int(index)])) + 1
    assert {o.label for o in occ} <= {"bank_bank", "bank_bank_(geography)"}
    assert occ[0].source == "bank/train.data.txt:1"
    gold = (root / "bank" / "train.gold.txt").read_text().split()
    names = {"0": "bank_bank", "1": "bank_bank_(geography)"}
    assert [o.label for o in occ] == [names[g] for g in gold[:50]]
    assert len(load_coarsewsd(shared_data, "mole", "test")) == len(
        (root / "mole" / "test.data.txt").read_text().splitlines())
    assert len(COARSEWSD_WORDS) == 20
    with pytest.raises(WorkbenchError, match="apple, arm, bank"):
        load_coarsewsd(root, "river")
    with pytest.raises(WorkbenchError, match="split"):
        load_coarsewsd(root, "bank", "dev")
    with pytest.raises(WorkbenchError, match="not the CoarseWSD-20 folder"):
        load_coarsewsd(root / "bank", "bank")
