"""Vector file formats: round trips, gensim interoperability, bad files."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from workbench.core.embeddings import Embeddings
from workbench.core.errors import WorkbenchError
from workbench.core.static import detect_format, load_vectors, save_vectors
from workbench.core.tasks import Cancelled, RecordingProgress


@pytest.fixture
def emb() -> Embeddings:
    rng = np.random.default_rng(0)
    words = ["the", "king", "queen", "état", "北京", "don't"] + [f"w{i}" for i in range(300)]
    vecs = rng.standard_normal((len(words), 25)).astype(np.float32)
    vecs[1, 0] = 1e-30  # tiny and
    vecs[2, 0] = 3.4e38  # huge values survive the text round trip
    return Embeddings(words, vecs, counts=np.arange(len(words))[::-1] + 1)


@pytest.mark.parametrize("fmt,name", [("word2vec", "v.txt"), ("word2vec-bin", "v.bin"),
                                      ("glove", "v.glove.txt")])
def test_round_trip_is_exact(emb: Embeddings, tmp_path: Path, fmt: str, name: str) -> None:
    path = save_vectors(emb, tmp_path / name, fmt)
    assert detect_format(path) == fmt
    back = load_vectors(path)
    assert back.words == emb.words
    np.testing.assert_allclose(back.vectors, emb.vectors, rtol=1e-6, atol=0)
    assert np.array_equal(back.vectors, emb.vectors)  # float32 written with 9 digits is exact


def test_gensim_reads_ours_and_we_read_gensims(emb: Embeddings, tmp_path: Path) -> None:
    from gensim.models import KeyedVectors

    for binary in (False, True):
        ours = save_vectors(emb, tmp_path / f"ours{binary}", "word2vec-bin" if binary
                            else "word2vec")
        kv = KeyedVectors.load_word2vec_format(str(ours), binary=binary)
        assert list(kv.index_to_key) == emb.words
        np.testing.assert_array_equal(kv.vectors, emb.vectors)

        theirs = tmp_path / f"theirs{binary}"
        kv.save_word2vec_format(str(theirs), binary=binary)
        back = load_vectors(theirs)
        assert back.words == emb.words
        np.testing.assert_allclose(back.vectors, emb.vectors, rtol=1e-6)


def test_compressed_text_and_limit(emb: Embeddings, tmp_path: Path) -> None:
    plain = save_vectors(emb, tmp_path / "v.txt", "word2vec")
    gz = tmp_path / "v.txt.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    back = load_vectors(gz, limit=10)
    assert back.words == emb.words[:10]


def test_projector_export(emb: Embeddings, tmp_path: Path) -> None:
    out = save_vectors(emb, tmp_path / "proj", "projector")
    vec_lines = (out / "vectors.tsv").read_text().splitlines()
    meta_lines = (out / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    assert len(vec_lines) == len(emb) and len(vec_lines[0].split("\t")) == emb.dim
    assert meta_lines[0] == "word\tcount" and meta_lines[1] == f"the\t{emb.counts[0]}"


def test_progress_and_cancel(emb: Embeddings, tmp_path: Path) -> None:
    big = Embeddings([f"w{i}" for i in range(5000)], np.ones((5000, 4), np.float32))
    path = save_vectors(big, tmp_path / "big.txt")
    p = RecordingProgress()
    load_vectors(path, progress=p)
    assert p.reports[-1][0] == 1.0
    with pytest.raises(Cancelled):
        load_vectors(path, progress=RecordingProgress(cancel_after=1))
    # a cancelled save leaves the previous file intact
    before = path.read_bytes()
    with pytest.raises(Cancelled):
        save_vectors(big.subset(big.words[:4000]), path,
                     progress=RecordingProgress(cancel_after=1))
    assert path.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["big.txt"]


@pytest.mark.parametrize("content,message", [
    ("3 2\na 1 2\nb 1\nc 1 2\n", r"Line 3 of .* has 1 values where the vectors have 2"),
    ("2 2\na 1 2\nb 1 nan\n", r"Line 3 of .*'b' contains NaN"),
    ("2 2\na 1 2\nb 1 inf\n", r"Line 3 .*infinity"),
    ("2 2\na 1 2\nb x y\n", r"Line 3 of .* not a number"),
    ("3 2\na 1 2\nb 1 2\n", r"announces 3 vectors but the file holds 2"),
    ("2 2\na 1 2\na 3 4\n", r"'a' appears twice"),
    ("", r"is empty"),
])
def test_bad_text_files_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(WorkbenchError, match=message):
        load_vectors(path)


def test_wrong_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("hello world\na 1 2\n")
    with pytest.raises(WorkbenchError, match=r"Line 1 of .*should be '<number of words>"):
        load_vectors(path, "word2vec")


def test_truncated_binary(emb: Embeddings, tmp_path: Path) -> None:
    path = save_vectors(emb, tmp_path / "v.bin", "word2vec-bin")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(WorkbenchError, match=r"ends after \d+ of 306 vectors: the file is trunc"):
        load_vectors(path)


def test_words_that_cannot_be_saved(tmp_path: Path) -> None:
    bad = Embeddings(["new york"], np.ones((1, 2), np.float32))
    with pytest.raises(WorkbenchError, match="cannot be saved"):
        save_vectors(bad, tmp_path / "x.txt")
    assert not (tmp_path / "x.txt").exists()


def test_embeddings_basics() -> None:
    e = Embeddings(["a", "b", "c"], np.array([[3, 4], [0, 0], [1, 0]], np.float32))
    np.testing.assert_allclose(e.unit[0], [0.6, 0.8])
    np.testing.assert_array_equal(e.unit[1], [0, 0])
    assert e.subset(["c", "a"]).words == ["c", "a"]
    with pytest.raises(WorkbenchError, match="not in the vocabulary"):
        e.vector("zzz")
    e.vectors[2, 0] = np.nan
    with pytest.raises(WorkbenchError, match="'c' .*row 3"):
        e.check_finite()


# --------------------------------------------------------------------------- fastText .bin

@pytest.fixture(scope="module")
def fasttext_model() -> object:
    """A tiny fastText model trained by gensim itself (the reference for the reader)."""
    from gensim.models import FastText

    rng = np.random.default_rng(1)
    vocab = ["king", "queen", "kingdom", "prince", "princess", "castle", "river", "running",
             "runner", "ran", "état", "北京"]
    sentences = [list(rng.choice(vocab, size=8)) for _ in range(200)]
    return FastText(sentences, vector_size=12, window=3, min_count=1, epochs=2, bucket=3000,
                    min_n=2, max_n=4, workers=1, seed=3)


def test_fasttext_bin_round_trip_with_unseen_words(fasttext_model: object,
                                                   tmp_path: Path) -> None:
    from gensim.models.fasttext import save_facebook_model

    from workbench.core.static import SubwordEmbeddings

    model = fasttext_model
    path = tmp_path / "model.bin"
    save_facebook_model(model, str(path))
    assert detect_format(path) == "fasttext-bin"
    p = RecordingProgress()
    emb = load_vectors(path, progress=p)
    assert isinstance(emb, SubwordEmbeddings) and p.reports[-1][0] == 1.0
    wv = model.wv  # type: ignore[attr-defined]
    assert emb.words == list(wv.index_to_key)
    np.testing.assert_allclose(emb.vectors, wv.vectors, rtol=1e-6, atol=1e-7)
    assert emb.counts is not None
    assert emb.counts.tolist() == [wv.get_vecattr(w, "count") for w in emb.words]
    for word in ("kingdoms", "runners", "princes", "états"):   # never seen, n-grams known
        assert word not in emb
        np.testing.assert_allclose(emb.oov_vector(word), wv.get_vector(word), rtol=1e-6,
                                   atol=1e-7)
    np.testing.assert_array_equal(emb.oov_vector("king"), emb.vector("king"))
    # limit keeps the most frequent words but still composes every other one
    first = load_vectors(path, limit=3)
    assert first.words == emb.words[:3]
    np.testing.assert_allclose(first.oov_vector(emb.words[5]), emb.vector(emb.words[5]),
                               rtol=1e-5, atol=1e-6)
    # a subset is plain vectors
    assert not isinstance(emb.subset(["king"]), SubwordEmbeddings)
    # compressed .bin.gz reads the same
    gz = tmp_path / "model.bin.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert detect_format(gz) == "fasttext-bin"
    np.testing.assert_array_equal(load_vectors(gz).vectors, emb.vectors)


def test_damaged_fasttext_bin_and_pickles_are_sentences(fasttext_model: object,
                                                        tmp_path: Path) -> None:
    from gensim.models.fasttext import save_facebook_model

    path = tmp_path / "model.bin"
    save_facebook_model(fasttext_model, str(path))
    data = path.read_bytes()
    cut = tmp_path / "cut.bin"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(WorkbenchError, match=r"cut\.bin cannot be read as a fastText \.bin "
                                             r"model: it is truncated or damaged"):
        load_vectors(cut)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x01\x02\x03\x04" * 100)
    with pytest.raises(WorkbenchError, match="neither a word2vec binary file.*nor a fastText"):
        load_vectors(junk)
    # A gensim model (a pickle) is recognised and refused: it needs the guarded loader.
    pickled = tmp_path / "model.gensim"
    fasttext_model.save(str(pickled))  # type: ignore[attr-defined]
    assert detect_format(pickled) == "gensim-model"
    with pytest.raises(WorkbenchError, match="gensim model saved as a Python pickle"):
        load_vectors(pickled)
