"""A BERT model's input word embeddings as static vectors, for the Explore tools.

:func:`input_embeddings` reads the word-embedding matrix of a saved model
folder (a pretraining run's ``final`` model or a checkpoint, a fine-tuned
``model`` folder, or any local BERT folder) straight from its weights file
and pairs each row with its WordPiece token, so that neighbours, analogies
and maps can show what BERT's embedding layer learned.

By default only whole-word tokens are kept: special tokens (``[CLS]``,
``[SEP]``, ``[PAD]``, ``[MASK]``, ``[UNK]``, ``[unused…]`` and every added
special token) always go, and ``##`` continuation pieces go unless
``include_pieces=True``.  Rows are copied unchanged (float32), so
``vector(token)`` is exactly the model's embedding of that token id.

Nothing heavy is imported at module import time: safetensors is opened
inside the function (torch only for ``.bin`` weights, read with
``weights_only=True``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings

__all__ = ["WORD_EMBEDDINGS_KEY", "find_tokenizer_folder", "input_embeddings",
           "wordpiece_vocabulary"]

#: Name suffix of the word-embedding matrix in BERT state dicts.
WORD_EMBEDDINGS_KEY = "embeddings.word_embeddings.weight"
_BRACKETED = re.compile(r"^\[[^\[\]\s]+\]$")           # [CLS], [unused12], ...
_TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")


def find_tokenizer_folder(folder: str | Path) -> Path:
    """The folder with the tokenizer of the model in ``folder``.

    The model folder itself, else its ``tokenizer`` subfolder, else the
    ``tokenizer`` folder beside it (pretraining checkpoints keep the
    tokenizer in the run's folder).

    Raises
    ------
    WorkbenchError
        When none of them has ``tokenizer.json`` or ``vocab.txt``.
    """
    folder = Path(folder)
    for candidate in (folder, folder / "tokenizer", folder.parent / "tokenizer"):
        if any((candidate / n).is_file() for n in _TOKENIZER_FILES):
            return candidate
    raise WorkbenchError(msg("The model folder {folder} has no tokenizer (tokenizer.json or "
                             "vocab.txt), so its embedding rows cannot be named.", folder=folder),
                         path=folder)


def wordpiece_vocabulary(folder: str | Path) -> tuple[dict[int, str], set[int]]:
    """``({id: token}, special ids)`` of the tokenizer in ``folder``, read from its files.

    ``tokenizer.json`` (model vocabulary plus added tokens; added tokens
    marked ``special`` are special) or ``vocab.txt`` (one token per line, id
    = line number).  Bracketed tokens such as ``[CLS]`` count as special in
    both.
    """
    folder = Path(folder)
    vocab: dict[int, str] = {}
    special: set[int] = set()
    tj = folder / "tokenizer.json"
    try:
        if tj.is_file():
            data = json.loads(tj.read_text(encoding="utf-8"))
            model_vocab = (data.get("model") or {}).get("vocab")
            if isinstance(model_vocab, dict):
                vocab.update({int(i): str(t) for t, i in model_vocab.items()})
            elif isinstance(model_vocab, list):            # unigram-style [token, score]
                vocab.update({i: str(e[0] if isinstance(e, list) else e)
                              for i, e in enumerate(model_vocab)})
            for added in data.get("added_tokens") or []:
                if isinstance(added, dict) and "id" in added and "content" in added:
                    vocab[int(added["id"])] = str(added["content"])
                    if added.get("special"):
                        special.add(int(added["id"]))
        else:
            with open(folder / "vocab.txt", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    vocab[i] = line.rstrip("\r\n")
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise WorkbenchError(msg("The tokenizer in {folder} cannot be read ({exc}).",
                                 folder=folder, exc=exc),
                             path=folder) from exc
    if not vocab:
        raise WorkbenchError(msg("The tokenizer in {folder} has an empty vocabulary.",
                                 folder=folder), path=folder)
    special.update(i for i, t in vocab.items() if _BRACKETED.match(t))
    return vocab, special


def _embedding_matrix(folder: Path) -> tuple[np.ndarray, str]:
    """The word-embedding matrix of the model in ``folder`` and its state-dict key."""
    from workbench.core.bert.models import _load_bin, inspect_model_folder

    info = inspect_model_folder(folder)

    def pick(keys: list[str]) -> str | None:
        found = sorted((k for k in keys if k.endswith(WORD_EMBEDDINGS_KEY)), key=len)
        return found[0] if found else None

    if info.weights_format == "safetensors":
        from safetensors import safe_open

        for shard in info.weight_shards:
            try:
                with safe_open(str(shard), framework="np") as f:
                    key = pick(list(f.keys()))
                    if key is not None:
                        return np.asarray(f.get_tensor(key)), key
            except Exception as exc:
                raise WorkbenchError(msg("The weights file {shard} cannot be read ({exc}).",
                                         shard=shard, exc=exc),
                                     path=shard) from exc
    else:
        for shard in info.weight_shards:
            state = _load_bin(shard)
            key = pick(list(state))
            if key is not None:
                return state[key].float().numpy(), key
    raise WorkbenchError(msg("The model in {folder} has no word-embedding matrix (no weight "
                             "named …{WORD_EMBEDDINGS_KEY}); is it a BERT model?", folder=folder,
                             WORD_EMBEDDINGS_KEY=WORD_EMBEDDINGS_KEY),
                         path=info.weights_file)


def input_embeddings(folder: str | Path, *, include_pieces: bool = False) -> Embeddings:
    """The input word-embedding matrix of a BERT model folder as :class:`Embeddings`.

    Parameters
    ----------
    folder
        A model folder with ``config.json`` and ``model.safetensors`` (or
        ``pytorch_model.bin``); the tokenizer is looked for there, in its
        ``tokenizer`` subfolder and beside it (:func:`find_tokenizer_folder`).
    include_pieces
        Keep ``##`` continuation pieces (e.g. ``##ing``) as rows of their own.

    Returns
    -------
    Embeddings
        One row per kept token, in token-id order, equal to the model's
        embedding row of that token (float32); ``source`` names the folder.

    Raises
    ------
    WorkbenchError
        A folder without weights, tokenizer or word embeddings, a tokenizer
        with more tokens than the matrix has rows, or nothing left to show.
    """
    from workbench.core.embeddings import Embeddings

    folder = Path(folder)
    if not folder.is_dir():
        raise WorkbenchError(msg("The model folder {folder} does not exist.", folder=folder),
                             path=folder)
    matrix, key = _embedding_matrix(folder)
    if matrix.ndim != 2:
        raise WorkbenchError(msg("The weight {key} in {folder} is not a matrix (shape "
                                 "{matrix_shape}).", key=key, folder=folder,
                                 matrix_shape=matrix.shape), path=folder)
    vocab, special = wordpiece_vocabulary(find_tokenizer_folder(folder))
    too_big = [i for i in vocab if i >= matrix.shape[0] or i < 0]
    if too_big:
        raise WorkbenchError(
            msg("The tokenizer of {folder} has token ids up to {max:,}, but the model's "
                "word-embedding matrix has only {matrix_shape:,} rows: they do not belong "
                "together.", folder=folder, max=max(too_big), matrix_shape=matrix.shape[0]),
            path=folder)
    ids: list[int] = []
    words: list[str] = []
    seen: set[str] = set()
    for i in sorted(vocab):
        token = vocab[i]
        if i in special or not token.strip() or token in seen:
            continue
        if token.startswith("##") and not include_pieces:
            continue
        seen.add(token)
        ids.append(i)
        words.append(token)
    if not ids:
        raise WorkbenchError(msg("The tokenizer of {folder} has no whole-word tokens to show.",
                                 folder=folder),
                             path=folder)
    vectors = np.ascontiguousarray(matrix[np.asarray(ids)], dtype=np.float32)
    source = msg("BERT input embeddings (WordPiece tokens) of {folder}", folder=folder) \
        if include_pieces else \
        msg("BERT input embeddings (whole-word WordPiece tokens) of {folder}", folder=folder)
    return Embeddings(words, vectors, source=source)
