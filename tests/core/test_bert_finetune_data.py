"""Fine-tuning data: readers on shared-data slices and broken files, tag alignment, QA windows."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.core.bert_fixtures import FINETUNE_DATA as DATA
from tests.core.bert_fixtures import finetune_texts, plain_conll, wordpiece_tokenizer
from workbench.core.bert.finetune_data import (
    IGNORE_INDEX,
    PaddingCollator,
    QaExample,
    TaggedSentence,
    align_labels,
    encode_classification,
    encode_tagging,
    postprocess_qa,
    prepare_qa_features,
    read_classification_file,
    read_conll,
    read_squad,
    sort_labels,
    word_level_predictions,
)
from workbench.core.errors import CorpusError, ParameterError, WorkbenchError


@pytest.fixture(scope="session")
def tokenizer(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Any:
    """A small WordPiece BERT tokenizer trained with ``tokenizers`` (independent of our code),
    saved and loaded again."""
    from transformers import BertTokenizerFast

    folder = tmp_path_factory.mktemp("tok")
    texts = finetune_texts(shared_data, sst2=1500, conll=3000)
    wordpiece_tokenizer(texts, vocab_size=700).save_pretrained(folder)
    return BertTokenizerFast.from_pretrained(folder)


# --------------------------------------------------------------------------- readers


def _plain_rows(path: Path, n: int) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.split("\t") for line in lines[1:n + 1]]


def test_sst2_slice_matches_a_plain_count(shared_data: Path) -> None:
    path = shared_data / "glue-sst2" / "train.tsv"
    data = read_classification_file(path, limit=300)
    rows = _plain_rows(path, 300)
    assert data.layout == "sst2" and not data.is_pair and data.labels == ("0", "1")
    assert len(data.examples) == 300
    assert Counter(e.label for e in data.examples) == Counter(r[1] for r in rows)
    assert [e.text for e in data.examples] == [r[0].strip() for r in rows]
    assert data.examples[0].line == 2 and data.examples[-1].line == 301


def test_mrpc_slice_is_read_as_pairs(shared_data: Path) -> None:
    path = shared_data / "glue-mrpc" / "train.tsv"
    data = read_classification_file(path, limit=150)
    rows = _plain_rows(path, 150)  # Quality, #1 ID, #2 ID, #1 String, #2 String
    assert data.layout == "mrpc" and data.is_pair and data.label_column == "Quality"
    assert [(e.text, e.text_pair, e.label) for e in data.examples] == \
        [(r[3].strip(), r[4].strip(), r[0]) for r in rows]
    with pytest.raises(ParameterError, match="sentence pairs"):
        read_classification_file(path, pair=False, limit=5)


def test_rte_file_counts_and_string_labels(shared_data: Path) -> None:
    path = shared_data / "glue-rte" / "train.tsv"
    data = read_classification_file(path, pair=True)
    rows = _plain_rows(path, 10_000)
    assert data.layout == "rte" and data.labels == ("entailment", "not_entailment")
    assert len(data.examples) == len(rows) == 2490
    assert Counter(e.label for e in data.examples) == Counter(r[3] for r in rows)
    dev = read_classification_file(shared_data / "glue-rte" / "dev.tsv", labels=data.labels)
    assert len(dev.examples) == 277


def test_conll_slice_matches_a_plain_count(shared_data: Path) -> None:
    path = shared_data / "conll2003" / "train.txt"
    data = read_conll(path, limit=400)
    # plain count: blank-line separated blocks, -DOCSTART- blocks dropped
    sentences = plain_conll(path, 400)
    assert len(data.sentences) == 400
    assert sum(len(s.words) for s in data.sentences) == sum(len(s) for s in sentences)
    assert [list(s.tags) for s in data.sentences] == [[c[3] for c in s] for s in sentences]
    assert data.sentences[0].words == ("EU", "rejects", "German", "call", "to", "boycott",
                                       "British", "lamb", ".")
    assert data.sentences[0].line == 3 and data.labels[0] == "O"
    assert set(data.labels) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC",
                                "B-MISC", "I-MISC"}


def test_csv_quoting_and_custom_columns(tmp_path: Path) -> None:
    data = read_classification_file(DATA / "reviews.csv")
    assert data.layout == "text" and data.labels == ("negative", "positive")
    assert [e.text for e in data.examples] == ["a fine film, really", "flat and dull",
                                               'he said "wow"']
    assert [e.line for e in data.examples] == [2, 3, 4]
    # A quoted field across two lines: the example keeps its first line's number.
    multi = tmp_path / "multi.csv"
    multi.write_text('review,stars\n"one\ntwo",5\nthree,4\nfour,\n', encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        read_classification_file(multi, text_column="review", label_column="stars")
    assert "Line 5 of" in str(err.value) and "label column 'stars' is empty" in str(err.value)
    data = read_classification_file(multi, text_column="review", label_column="stars", limit=2)
    assert [(e.text, e.line) for e in data.examples] == [("one\ntwo", 2), ("three", 4)]
    with pytest.raises(ParameterError, match="no text column 'body'"):
        read_classification_file(multi, text_column="body", label_column="stars")
    odd = tmp_path / "odd.tsv"
    odd.write_text("a\tb\nx\ty\n")
    with pytest.raises(ParameterError, match="Cannot tell which columns"):
        read_classification_file(odd)


@pytest.mark.parametrize(("name", "kwargs", "line", "words"), [
    ("ragged.tsv", {}, 4, "has 3 tab-separated columns but the header has 2"),
    ("empty_text.tsv", {}, 3, "the text column 'sentence' is empty"),
    ("reviews.csv", {"labels": ("positive",)}, 3, "label 'negative' does not occur in the label"),
    ("unknown_label.tsv", {"labels": ("entailment", "not_entailment"),
                           "label_source": "the training file train.tsv"}, 4,
     "label 'contradiction' does not occur in the training file train.tsv"),
])
def test_broken_label_files_name_file_and_line(name: str, kwargs: dict[str, Any], line: int,
                                                words: str) -> None:
    with pytest.raises(CorpusError) as err:
        read_classification_file(DATA / name, **kwargs)
    message = str(err.value)
    assert message.startswith(f"Line {line} of ") and name in message and words in message
    assert err.value.line == line and err.value.path.endswith(name)


def test_eval_label_not_in_train_is_an_error(shared_data: Path) -> None:
    train = read_classification_file(shared_data / "glue-rte" / "train.tsv", limit=50)
    with pytest.raises(WorkbenchError, match="Line 4 of .*unknown_label.tsv.*'contradiction'"):
        read_classification_file(DATA / "unknown_label.tsv", labels=train.labels)


def test_conll_mismatched_columns_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as err:
        read_conll(DATA / "conll_mismatch.txt")
    assert str(err.value).startswith("Line 8 of ") and "has 3 columns but line 3 has 4" in \
        str(err.value)
    with pytest.raises(CorpusError, match="Line 5 of .*tag 'B-MISC' does not occur"):
        read_conll(DATA / "conll_mismatch.txt", labels=("O", "B-ORG"))
    one = tmp_path / "one.txt"
    one.write_text("word\n")
    with pytest.raises(CorpusError, match="Line 1 of .*single column"):
        read_conll(one)
    tabs = tmp_path / "tabs.txt"  # a tab-separated file may have spaces inside a word
    tabs.write_text("New York\tB-LOC\nis\tO\n\nfine\tO\n")
    data = read_conll(tabs)
    assert data.sentences[0].words == ("New York", "is") and len(data.sentences) == 2


def test_squad_reader_v1_v2_and_errors(tmp_path: Path) -> None:
    v2 = read_squad(DATA / "squad_v2_tiny.json")
    assert v2.version_2 and len(v2.examples) == 10
    assert sum(e.is_impossible for e in v2.examples) == 2
    for e in v2.examples:
        for a in e.answers:
            assert e.context[a.start:a.start + len(a.text)] == a.text
    v1 = read_squad(DATA / "squad_v1_tiny.json", limit=3)
    assert not v1.version_2 and [e.id for e in v1.examples] == ["q1", "q2", "q3"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"data": [\n  {"title": "x",\n   "paragraphs": [}\n]}')
    with pytest.raises(CorpusError, match="Line 3 of .*not valid JSON"):
        read_squad(bad)
    doc = json.loads((DATA / "squad_v1_tiny.json").read_text())
    doc["data"][0]["paragraphs"][0]["qas"][1]["answers"][0]["text"] = "1874"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(doc))
    with pytest.raises(CorpusError, match="answer '1874' of question 'q2' does not occur"):
        read_squad(wrong)
    doc["data"][0]["paragraphs"][0]["qas"][1]["answers"][0].update(text="1873", answer_start=3)
    wrong.write_text(json.dumps(doc))  # an off answer_start is moved to the text
    fixed = read_squad(wrong).examples[1].answers[0]
    assert fixed.start == doc["data"][0]["paragraphs"][0]["context"].index("1873")


def test_sort_labels() -> None:
    assert sort_labels(["10", "2", "1"]) == ("1", "2", "10")
    assert sort_labels(["I-PER", "B-LOC", "O", "B-PER"]) == ("O", "B-LOC", "B-PER", "I-PER")


# --------------------------------------------------------------------------- encoding


def test_first_subtoken_carries_the_tag(tokenizer: Any) -> None:
    words = ["Kessling", "rejects", "extraordinarily", "Blackburn", "."]
    tags = ["B-LOC", "O", "O", "B-PER", "O"]
    label2id = {"O": 0, "B-LOC": 1, "B-PER": 2}
    pieces = [tokenizer.tokenize(w) for w in words]
    assert max(len(p) for p in pieces) >= 3  # some word splits into several pieces
    enc = encode_tagging([TaggedSentence(tuple(words), tuple(tags), 1)], tokenizer, label2id)
    labels = enc.features[0]["labels"].tolist()
    expected = [IGNORE_INDEX]  # [CLS]
    for p, t in zip(pieces, tags):
        expected += [label2id[t]] + [IGNORE_INDEX] * (len(p) - 1)
    expected.append(IGNORE_INDEX)  # [SEP]
    assert labels == expected
    tokens = tokenizer.convert_ids_to_tokens(enc.features[0]["input_ids"].tolist())
    assert tokens[1:1 + len(pieces[0])] == pieces[0]
    # reading predictions back off the first sub-tokens gives one per word
    token_preds = list(range(len(labels)))
    starts = [i for i, lab in enumerate(labels) if lab != IGNORE_INDEX]
    assert word_level_predictions(enc.word_ids[0], token_preds, len(words), -1) == starts


def test_align_labels_by_hand() -> None:
    assert align_labels([None, 0, 0, 1, 2, 2, 2, None], [5, 6, 7]) == \
        [-100, 5, -100, 6, 7, -100, -100, -100]
    # words cut off by max_length fall back to the default
    assert word_level_predictions([None, 0, 1, None], ["c", "a", "b", "s"], 3, "O") == \
        ["a", "b", "O"]


def test_truncated_tagging_counts_lost_words(tokenizer: Any) -> None:
    assert tokenizer.tokenize("the") == ["the"]
    s = TaggedSentence(tuple(["the"] * 20), tuple(["O"] * 20), 1)
    enc = encode_tagging([s], tokenizer, {"O": 0}, max_length=8)
    assert len(enc.features[0]["input_ids"]) == 8 and enc.truncated_words([s]) == 14


def test_classification_pairs_get_segment_ids(tokenizer: Any, shared_data: Path) -> None:
    data = read_classification_file(shared_data / "glue-rte" / "train.tsv", limit=4)
    feats = encode_classification(data.examples, tokenizer, {"entailment": 0,
                                                              "not_entailment": 1},
                                  max_length=32, token_type_ids=True)
    assert len(feats) == 4 and all(len(f["input_ids"]) <= 32 for f in feats.items)
    f = feats[0]
    assert f["labels"] == 1 and set(f["token_type_ids"].tolist()) == {0, 1}
    first_sep = f["input_ids"].tolist().index(tokenizer.sep_token_id)
    assert f["token_type_ids"][:first_sep + 1].tolist() == [0] * (first_sep + 1)
    assert f["token_type_ids"][first_sep + 1:].tolist() == [1] * (len(f["input_ids"]) -
                                                                 first_sep - 1)
    batch = PaddingCollator(tokenizer.pad_token_id)([feats[0], feats[1]])
    assert batch["input_ids"].shape == batch["attention_mask"].shape
    assert batch["labels"].tolist() == [1, 0]
    n = len(feats[1]["input_ids"])
    if n < batch["input_ids"].shape[1]:
        assert batch["input_ids"][1, n:].eq(tokenizer.pad_token_id).all()
        assert batch["attention_mask"][1, n:].eq(0).all()


def _qa_examples() -> list[QaExample]:
    return list(read_squad(DATA / "squad_v2_tiny.json").examples)


def test_qa_answer_spans_map_to_tokens_with_a_stride(tokenizer: Any) -> None:
    examples = _qa_examples()
    feats = prepare_qa_features(examples, tokenizer, max_length=48, doc_stride=16)
    windows = Counter(feats.example_index)
    long_ids = [i for i, e in enumerate(examples) if e.title == "River Town"]
    assert all(windows[i] >= 4 for i in long_ids)  # the long context is cut into windows
    found = {i: 0 for i, e in enumerate(examples) if e.answers}
    for f, ex_i in enumerate(feats.example_index):
        item, ex = feats.features[f], examples[ex_i]
        s, e = item["start_positions"], item["end_positions"]
        assert len(item["input_ids"]) <= 48
        if (s, e) == (0, 0):
            continue
        found[ex_i] += 1
        answer = ex.answers[0].text
        # the character span of the tokens is exactly the answer ...
        assert ex.context[feats.offsets[f][s][0]:feats.offsets[f][e][1]] == answer
        # ... and the decoded tokens read as the answer (lower-cased tokenizer)
        decoded = tokenizer.decode(item["input_ids"][s:e + 1].tolist())
        assert decoded.replace(" ", "") == answer.lower().replace(" ", "")
    assert all(n >= 1 for n in found.values()), found
    # impossible questions point at [CLS] in every window
    for f, ex_i in enumerate(feats.example_index):
        if examples[ex_i].is_impossible:
            assert (feats.features[f]["start_positions"], feats.features[f]["end_positions"]) \
                == (0, 0)
    # consecutive windows of one context share doc_stride tokens
    f0, f1 = [f for f, i in enumerate(feats.example_index) if i == long_ids[0]][:2]
    ctx0 = [o for o in feats.offsets[f0] if o is not None]
    ctx1 = [o for o in feats.offsets[f1] if o is not None]
    assert ctx0[-16:] == ctx1[:16]


def test_qa_stride_too_large_is_a_parameter_error(tokenizer: Any) -> None:
    with pytest.raises(ParameterError, match="document stride"):
        prepare_qa_features(_qa_examples(), tokenizer, max_length=24, doc_stride=20)


def test_qa_postprocessing_of_hand_made_logits(tokenizer: Any) -> None:
    examples = _qa_examples()
    by_id = {e.id: i for i, e in enumerate(examples)}
    feats = prepare_qa_features(examples, tokenizer, max_length=128, doc_stride=32,
                                training=False)
    n, width = len(feats.features), 128
    start = [[0.0] * width for _ in range(n)]
    end = [[0.0] * width for _ in range(n)]

    def windows(qid: str) -> list[int]:
        return [f for f, i in enumerate(feats.example_index) if i == by_id[qid]]

    def span(f: int, text: str) -> tuple[int, int] | None:
        """Token positions of ``text`` in window ``f`` (None if not wholly inside)."""
        context = examples[feats.example_index[f]].context
        a = context.index(text)
        starts = [k for k, o in enumerate(feats.offsets[f]) if o is not None and o[0] == a]
        ends = [k for k, o in enumerate(feats.offsets[f])
                if o is not None and o[1] == a + len(text)]
        return (starts[0], ends[0]) if starts and ends else None

    assert len(windows("q1")) == 1 and len(windows("q8")) >= 3
    # q1: the highest start/end pair is invalid (end before start), question tokens
    # never count; the best valid pair is "Mara Velt".
    (f,) = windows("q1")
    s_tok, e_tok = span(f, "Mara Velt")  # type: ignore[misc]
    start[f][e_tok + 2], end[f][s_tok - 1] = 9.0, 9.0
    start[f][s_tok], end[f][e_tok] = 5.0, 5.0
    start[f][1], end[f][2] = 20.0, 20.0
    # q8: the answer's window beats a lower-scoring span in an earlier window.
    late = [f for f in windows("q8") if span(f, "Mount Tarrow")][-1]
    s8, e8 = span(late, "Mount Tarrow")  # type: ignore[misc]
    start[late][s8], end[late][e8] = 4.0, 4.0
    early = windows("q8")[0]
    assert early != late
    ctx = [k for k, o in enumerate(feats.offsets[early]) if o is not None]
    start[early][ctx[0]], end[early][ctx[1]] = 3.0, 3.0
    # q3: a longer span scores higher but only fits a larger max_answer_length.
    (f3,) = windows("q3")
    s3, e3 = span(f3, "31 metres")  # type: ignore[misc]
    last = max(k for k, o in enumerate(feats.offsets[f3]) if o is not None)  # final "."
    start[f3][s3], end[f3][e3], end[f3][last] = 6.0, 2.0, 4.0
    assert last - s3 + 1 > 8
    preds = {p.id: p for p in postprocess_qa(examples, feats, start, end, max_answer_length=8)}
    assert preds["q1"].text == "Mara Velt" and 0 < preds["q1"].confidence <= 1
    assert preds["q8"].text == "Mount Tarrow"
    assert preds["q3"].text == "31 metres"
    wide = {p.id: p for p in postprocess_qa(examples, feats, start, end, max_answer_length=30)}
    assert wide["q3"].text.startswith("31 metres") and wide["q3"].text.endswith("bands.")
    # SQuAD v2: a strong [CLS] score means "no answer"
    for f in windows("q4"):
        start[f][0], end[f][0] = 8.0, 8.0
    v2 = {p.id: p for p in postprocess_qa(examples, feats, start, end, allow_no_answer=True)}
    assert v2["q4"].text == "" and v2["q4"].start == -1 and v2["q1"].text == "Mara Velt"
