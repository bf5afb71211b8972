"""Pretraining data: documents, NSP pairs, packing and MLM masking.

Every check compares with an independent reference: sentences tokenized
again with the tokenizer itself, BERT's token-by-token pair truncation, and
counts read back from the batches the collator returns.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.core.bert_fixtures import TOKENIZER
from workbench.core.bert.data import (
    MaskingSettings,
    MlmCollator,
    _truncate_pair,
    build_pretraining_examples,
    read_documents,
    split_into_sentences,
)
from workbench.core.errors import CorpusError, ParameterError


@pytest.fixture(scope="module")
def tokenizer():
    from workbench.core.bert.tokenizer import load_tokenizer

    return load_tokenizer(TOKENIZER)


@pytest.fixture(scope="module")
def wiki_documents(shared_data: Path) -> list[list[str]]:
    docs = read_documents(shared_data / "wikitext-2" / "valid.txt", split_sentences=True)
    return docs[:700]


def _tokens(tokenizer, sentence: str) -> list[int]:
    return tokenizer(sentence, add_special_tokens=False)["input_ids"]


def _is_slice(part: list[int], whole: list[int]) -> bool:
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


# --------------------------------------------------------------------------- documents
def test_documents_are_blank_line_blocks_and_files(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("first one\nsecond one\n\n  \nthird\n", encoding="utf-8")
    (folder / "b.txt").write_text("other file\nlast line", encoding="utf-8")
    assert read_documents(folder) == [["first one", "second one"], ["third"],
                                      ["other file", "last line"]]
    assert read_documents(folder, one_per_file=True) == [
        ["first one", "second one", "third"], ["other file", "last line"]]
    assert read_documents(["One. Two! Three? 四。五", "", "x"], split_sentences=True) == [
        ["One.", "Two!", "Three?", "四。", "五"], ["x"]]
    assert split_into_sentences("A b. C d.E") == ["A b.", "C d.E"]


def test_documents_without_text_are_an_error(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n   \n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="holds no text"):
        read_documents(blank)


# --------------------------------------------------------------------------- NSP pairs
def test_nsp_pairs_are_balanced_and_come_from_the_right_places(tokenizer,
                                                               wiki_documents) -> None:
    docs = wiki_documents
    seq_len = 64
    ex = build_pretraining_examples(docs, tokenizer, seq_len=seq_len, nsp=True, seed=3)
    labels = ex.nsp_labels
    assert 2000 <= len(ex)
    assert abs(labels.mean() - 0.5) < 0.03                       # 50/50 within 3 points
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    seg_sentence = ex.segment_sentence
    first_segment = {}
    for seg, (d, _s) in enumerate(seg_sentence):
        first_segment.setdefault(int(d), seg)
    sentence_tokens: dict[tuple[int, int], list[int]] = {}

    def span_tokens(doc: int, segments: range) -> list[int]:
        base = first_segment[doc]
        sentences = sorted({tuple(seg_sentence[base + k]) for k in segments})
        out: list[int] = []
        for key in sentences:
            if key not in sentence_tokens:
                sentence_tokens[key] = _tokens(tokenizer, docs[key[0]][key[1]])
            out.extend(sentence_tokens[key])
        return out

    for i in range(0, len(ex), 3):
        item = ex[i]
        ids = item["input_ids"].tolist()
        assert len(ids) <= seq_len
        a, b = (x.tolist() for x in ex.segments(i))
        assert ids == [cls, *a, sep, *b, sep]
        assert item["token_type_ids"].tolist() == [0] * (len(a) + 2) + [1] * (len(b) + 1)
        assert a and b
        src = ex.source(i)
        assert src.is_random_next == bool(item["next_sentence_label"])
        # Independent check: each segment is a contiguous run of its sentences' tokens.
        assert _is_slice(a, span_tokens(src.document_a, src.segments_a))
        assert _is_slice(b, span_tokens(src.document_b, src.segments_b))
        if src.is_random_next:
            assert src.document_b != src.document_a
        else:
            assert src.document_b == src.document_a
            assert src.segments_b.start == src.segments_a.stop       # B starts where A ends
            base = first_segment[src.document_a]
            last_a = seg_sentence[base + src.segments_a.stop - 1][1]
            first_b = seg_sentence[base + src.segments_b.start][1]
            assert first_b in (last_a, last_a + 1)                    # consecutive sentences


def test_nsp_needs_two_documents(tokenizer) -> None:
    with pytest.raises(ParameterError, match="two documents"):
        build_pretraining_examples([["one sentence.", "two sentences."]], tokenizer, nsp=True)


def test_pair_truncation_matches_berts_loop() -> None:
    rng = np.random.default_rng(0)

    def reference(la: int, lb: int, max_tokens: int) -> tuple[int, int]:
        a, b = list(range(la)), list(range(lb))
        while len(a) + len(b) > max_tokens:
            longer = a if len(a) > len(b) else b
            longer.pop()
        return len(a), len(b)

    for _ in range(500):
        la, lb = int(rng.integers(1, 200)), int(rng.integers(1, 200))
        max_tokens = int(rng.integers(5, 130))
        a_lo, a_hi, b_lo, b_hi = _truncate_pair(10, 10 + la, 500, 500 + lb, max_tokens, rng)
        assert (a_hi - a_lo, b_hi - b_lo) == reference(la, lb, max_tokens)
        assert 10 <= a_lo <= a_hi <= 10 + la and 500 <= b_lo <= b_hi <= 500 + lb


def test_packed_sequences_keep_every_token_in_order(tokenizer, wiki_documents) -> None:
    docs = wiki_documents[:200]
    seq_len = 48
    ex = build_pretraining_examples(docs, tokenizer, seq_len=seq_len, nsp=False)
    assert not ex.nsp and ex.nsp_labels is None
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    got: list[int] = []
    for i in range(len(ex)):
        ids = ex[i]["input_ids"].tolist()
        assert len(ids) <= seq_len and ids[0] == cls and ids[-1] == sep
        assert "next_sentence_label" not in ex[i]
        got.extend(t for t in ids if t not in (cls, sep))
    expected = [t for doc in docs for s in doc for t in _tokens(tokenizer, s)]
    assert got == expected
    assert ex.lengths[:-1].mean() > 0.9 * seq_len                   # little padding left


def test_subset_keeps_example_ids(tokenizer, wiki_documents) -> None:
    ex = build_pretraining_examples(wiki_documents[:50], tokenizer, seq_len=32, nsp=True)
    sub = ex.subset([5, 2, 7])
    assert [sub[k]["example_id"] for k in range(3)] == [5, 2, 7]
    assert sub[1]["input_ids"].tolist() == ex[2]["input_ids"].tolist()


# --------------------------------------------------------------------------- masking
def test_masking_statistics_match_the_settings(tokenizer, wiki_documents) -> None:
    settings = MaskingSettings(ratio=0.2, mask_fraction=0.7, random_fraction=0.2)
    ex = build_pretraining_examples(wiki_documents, tokenizer, seq_len=64, nsp=True, seed=1)
    collator = MlmCollator(tokenizer, settings, seed=5)
    special = set(tokenizer.all_special_ids)
    mask_id = tokenizer.mask_token_id
    eligible = selected = masked = kept = random_ = 0
    for start in range(0, len(ex), 64):
        features = [ex[i] for i in range(start, min(start + 64, len(ex)))]
        original = collator.pad(features)["input_ids"]
        batch = collator(features)
        ids, labels = batch["input_ids"].numpy(), batch["labels"].numpy()
        attn = batch["attention_mask"].numpy()
        is_special = np.isin(original, list(special))
        sel = labels != -100
        assert not (sel & is_special).any()                      # specials never selected
        assert not (sel & (attn == 0)).any()                     # padding never selected
        assert (labels[sel] == original[sel]).all()
        assert (ids[~sel] == original[~sel]).all()               # the rest is untouched
        assert not np.isin(ids[sel & (ids != mask_id) & (ids != original)], list(special)).any()
        eligible += int(((attn == 1) & ~is_special).sum())
        selected += int(sel.sum())
        masked += int((sel & (ids == mask_id)).sum())
        kept += int((sel & (ids == original)).sum())
        random_ += int((sel & (ids != mask_id) & (ids != original)).sum())
        if eligible >= 200_000:
            break
    assert eligible >= 200_000
    assert abs(selected / eligible - 0.2) < 0.01
    assert abs(masked / selected - 0.7) < 0.01
    assert abs(random_ / selected - 0.2) < 0.01
    assert abs(kept / selected - 0.1) < 0.01
    fr = collator.stats.fractions()                  # the collator's own counts agree
    assert abs(fr["selected"] - selected / eligible) < 1e-9
    assert abs(fr["masked"] - masked / selected) < 1e-9


def test_masks_depend_on_seed_epoch_and_example_only(tokenizer, wiki_documents) -> None:
    ex = build_pretraining_examples(wiki_documents[:60], tokenizer, seq_len=64, nsp=True)
    feats = [ex[i] for i in (4, 9, 1)]
    one = MlmCollator(tokenizer, MaskingSettings(), seed=7)
    two = MlmCollator(tokenizer, MaskingSettings(), seed=7)
    two([ex[i] for i in range(8)])                      # other calls in between change nothing
    a, b = one(feats), two(feats)
    assert (a["input_ids"] == b["input_ids"]).all() and (a["labels"] == b["labels"]).all()
    alone = one([ex[9]])                                # batching does not change a mask
    n = len(ex[9]["input_ids"])
    assert (alone["labels"][0, :n] == a["labels"][1, :n]).all()
    assert (alone["input_ids"][0, :n] == a["input_ids"][1, :n]).all()
    two.set_epoch(1)
    c = two(feats)
    assert not (c["labels"] == a["labels"]).all()       # a new epoch masks differently
    assert a["next_sentence_label"].tolist() == [ex[i]["next_sentence_label"] for i in (4, 9, 1)]


def test_masking_settings_are_checked() -> None:
    with pytest.raises(ParameterError, match="ratio"):
        MaskingSettings(ratio=0.0)
    with pytest.raises(ParameterError, match="at most 1"):
        MaskingSettings(mask_fraction=0.8, random_fraction=0.3)
    assert MaskingSettings().keep_fraction == pytest.approx(0.1)
