"""Builders shared by the BERT tests (plain functions; fixtures stay in the test modules).

Everything is tiny and deterministic: WikiText-2 slices for pretraining, a
WordPiece tokenizer trained with ``tokenizers`` itself (independent of
:mod:`workbench.core.bert.tokenizer`) for fine-tuning, random 2-layer BERTs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tests.core.progress_fixtures import CancelWhen

if TYPE_CHECKING:
    from transformers import BertTokenizerFast

#: The small test tokenizer (a BERT WordPiece folder) checked in under ``tests/data``.
TOKENIZER = Path(__file__).resolve().parents[1] / "data" / "bert_b" / "tokenizer"
#: Hand-made fine-tuning files (``squad_v2_tiny.json``, broken files, ...).
FINETUNE_DATA = Path(__file__).resolve().parents[1] / "data" / "bert"


def wiki_corpus(shared_data: Path, folder: Path, lines: int) -> Path:
    """Write the first ``lines`` lines of WikiText-2 ``valid.txt`` to ``folder / "wiki.txt"``.

    WikiText puts one paragraph per line with blank lines between them, so this
    is about ``lines / 2`` documents.
    """
    text = (shared_data / "wikitext-2" / "valid.txt").read_text(encoding="utf-8").splitlines()
    path = folder / "wiki.txt"
    path.write_text("\n".join(text[:lines]) + "\n", encoding="utf-8")
    return path


def finetune_texts(shared_data: Path, *, sst2: int, conll: int, rte: int = 0) -> list[str]:
    """Tokenizer training texts from the fine-tuning datasets.

    Parameters
    ----------
    shared_data
        The shared datasets folder.
    sst2
        SST-2 ``train.tsv`` lines ``[1, sst2)`` (after the header): their sentences.
    conll
        CoNLL-2003 ``train.txt`` lines ``[0, conll)``: their words.
    rte
        RTE ``train.tsv`` lines ``[1, rte)``: both sentences of each pair (none when 0).

    Returns
    -------
    list[str]
        SST-2 sentences, RTE sentences, CoNLL words, then every context and
        question of ``tests/data/bert/squad_v2_tiny.json``, in that order.
    """
    texts = [line.split("\t")[0] for line in
             (shared_data / "glue-sst2" / "train.tsv").read_text().splitlines()[1:sst2]]
    if rte:
        for line in (shared_data / "glue-rte" / "train.tsv").read_text().splitlines()[1:rte]:
            texts += line.split("\t")[1:3]
    lines = (shared_data / "conll2003" / "train.txt").read_text().splitlines()[:conll]
    texts += [line.split(" ")[0] for line in lines if line]
    squad = json.loads((FINETUNE_DATA / "squad_v2_tiny.json").read_text())
    for art in squad["data"]:
        for p in art["paragraphs"]:
            texts.append(p["context"])
            texts += [q["question"] for q in p["qas"]]
    return texts


def plain_conll(path: Path, n: int) -> list[list[list[str]]]:
    """The first ``n`` sentences of a CoNLL file, read without our reader.

    Blank-line separated blocks; each line split on whitespace into its
    columns; ``-DOCSTART-`` lines (and so their blocks) dropped.
    """
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in path.read_text().splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("-DOCSTART-"):
            current.append(line.split())
    return sentences[:n]


def wordpiece_tokenizer(texts: Sequence[str], vocab_size: int) -> BertTokenizerFast:
    """A lowercasing WordPiece BERT tokenizer trained with ``tokenizers`` (not saved).

    ``[PAD] [UNK] [CLS] [SEP] [MASK]`` are ids 0-4; pairs get segment ids 0 and 1.
    """
    from tokenizers import (
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
        trainers,
    )
    from transformers import BertTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(list(texts), trainers.WordPieceTrainer(
        vocab_size=vocab_size, special_tokens=specials, min_frequency=1))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tok.decoder = decoders.WordPiece()
    return BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                             cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")


def save_random_bert(folder: Path, head: str = "BertForPreTraining", *,
                     max_position: int = 64, tokenizer: Path = TOKENIZER) -> Path:
    """Save a random 2-layer BERT (hidden 32, 2 heads, feed-forward 64) with ``tokenizer``.

    Parameters
    ----------
    folder
        The model folder to write (:func:`workbench.core.bert.models.save_model`).
    head
        The ``transformers`` class, e.g. ``"BertForPreTraining"`` or ``"BertForMaskedLM"``.
    max_position
        Longest sequence the position embeddings cover.
    tokenizer
        A tokenizer folder (default the test tokenizer, :data:`TOKENIZER`).

    Returns
    -------
    Path
        ``folder``.
    """
    import transformers

    from workbench.core.bert.models import ModelSize, bert_config, save_model
    from workbench.core.bert.tokenizer import load_tokenizer

    tok = load_tokenizer(tokenizer)
    config = bert_config(ModelSize(2, 32, 2, 64, max_position), len(tok),
                         pad_token_id=int(tok.pad_token_id))
    model = getattr(transformers, head)(config)
    return save_model(model, tok, folder)


def cancel_at_step(step: int) -> CancelWhen:
    """A recording progress that cancels once a training point of ``step`` or later arrives."""
    from workbench.core.bert.engine import TrainingPoint

    return CancelWhen(partial=lambda r: isinstance(r, TrainingPoint) and r.step >= step)
