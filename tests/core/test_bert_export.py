"""BERT input embeddings as static vectors (``workbench.core.bert.export``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.core.bert_fixtures import TOKENIZER, save_random_bert
from workbench.core.bert.export import input_embeddings
from workbench.core.errors import WorkbenchError


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer BertForPreTraining with the test tokenizer, saved as a folder."""
    return save_random_bert(tmp_path_factory.mktemp("export") / "model", "BertForPreTraining")


def _reference(folder: Path) -> tuple[np.ndarray, dict[str, int], set[str]]:
    """The matrix read with safetensors' own loader, token ids and specials from transformers."""
    from safetensors.numpy import load_file

    from workbench.core.bert.tokenizer import load_tokenizer

    weights = load_file(str(folder / "model.safetensors"))
    matrix = weights["bert.embeddings.word_embeddings.weight"]
    tok = load_tokenizer(folder)
    return matrix, dict(tok.get_vocab()), set(tok.all_special_tokens)


def test_rows_are_the_models_embedding_rows(model_folder: Path) -> None:
    matrix, vocab, specials = _reference(model_folder)
    emb = input_embeddings(model_folder)
    assert emb.dim == matrix.shape[1] and emb.vectors.dtype == np.float32
    expected = {t for t in vocab if t not in specials and not t.startswith("##")
                and not (t.startswith("[") and t.endswith("]"))}
    assert set(emb.words) == expected
    for word in emb.words:
        np.testing.assert_array_equal(emb.vector(word), matrix[vocab[word]])
    assert not any(w.startswith("##") for w in emb.words)
    assert not specials & set(emb.words)
    assert str(model_folder) in emb.source


def test_pieces_on_request(model_folder: Path) -> None:
    matrix, vocab, specials = _reference(model_folder)
    emb = input_embeddings(model_folder, include_pieces=True)
    pieces = [t for t in vocab if t.startswith("##")]
    assert pieces and all(p in emb.words for p in pieces)
    for p in pieces[:20]:
        np.testing.assert_array_equal(emb.vector(p), matrix[vocab[p]])
    assert not specials & set(emb.words)


def test_checkpoint_with_the_tokenizer_beside_it(model_folder: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    checkpoint = run / "checkpoint-4"
    checkpoint.mkdir(parents=True)
    for name in ("config.json", "model.safetensors"):
        shutil.copy(model_folder / name, checkpoint / name)
    shutil.copytree(TOKENIZER, run / "tokenizer")
    emb = input_embeddings(checkpoint)
    assert emb.words == input_embeddings(model_folder).words


def test_folders_that_do_not_fit_say_why(model_folder: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("config.json", "model.safetensors"):
        shutil.copy(model_folder / name, bare / name)
    with pytest.raises(WorkbenchError, match="no tokenizer"):
        input_embeddings(bare)
    # a tokenizer with more tokens than the matrix has rows
    (bare / "vocab.txt").write_text("\n".join(f"w{i}" for i in range(5000)) + "\n",
                                    encoding="utf-8")
    with pytest.raises(WorkbenchError, match="rows"):
        input_embeddings(bare)
    with pytest.raises(WorkbenchError, match="does not exist"):
        input_embeddings(tmp_path / "missing")
