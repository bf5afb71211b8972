"""WordPiece tokenizer training (workbench.core.bert.tokenizer)."""

from __future__ import annotations

import gzip
import json
import os
import unicodedata
from pathlib import Path

import pytest

from workbench.core.bert.tokenizer import (
    BERT_SPECIAL_TOKENS,
    STATS_FILE,
    WordPieceSettings,
    WordPieceStats,
    load_tokenizer,
    read_wordpiece_stats,
    train_wordpiece,
)
from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.tasks import Cancelled, RecordingProgress


def _lines(path: Path, n: int, skip: int = 0) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[str] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("="):
                if skip:
                    skip -= 1
                    continue
                out.append(line)
                if len(out) == n:
                    break
    return out


@pytest.fixture(scope="module")
def wiki(shared_data: Path) -> list[str]:
    return _lines(shared_data / "wikitext-2" / "valid.txt", 400)


@pytest.fixture(scope="module")
def wiki_test(shared_data: Path) -> list[str]:
    return _lines(shared_data / "wikitext-2" / "test.txt", 100)


@pytest.fixture(scope="module")
def uncased(wiki: list[str],
            tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RecordingProgress]:
    progress = RecordingProgress()
    out = train_wordpiece(wiki, WordPieceSettings(vocab_size=2000),
                          tmp_path_factory.mktemp("tok") / "uncased", progress)
    return out, progress


def test_folder_loads_with_bert_tokenizer_fast(uncased: tuple[Path, RecordingProgress]) -> None:
    from transformers import BertTokenizerFast

    folder, _ = uncased
    for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json",
                 "special_tokens_map.json", STATS_FILE):
        assert (folder / name).is_file(), name
    tok = BertTokenizerFast.from_pretrained(folder)
    assert tok.convert_ids_to_tokens(list(range(5))) == list(BERT_SPECIAL_TOKENS)
    assert (tok.pad_token_id, tok.unk_token_id, tok.cls_token_id, tok.sep_token_id,
            tok.mask_token_id) == (0, 1, 2, 3, 4)
    assert tok.model_max_length == 512
    vocab_lines = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert vocab_lines == tok.convert_ids_to_tokens(list(range(len(tok))))
    alphabet = [t for t in vocab_lines[5:] if len(t) == 1]
    assert len(alphabet) < len(tok) <= 2000
    enc = tok("The lobster.", "It is blue.")
    assert enc.input_ids[0] == 2 and enc.input_ids[-1] == 3
    assert enc.input_ids.count(3) == 2 and enc.token_type_ids[-1] == 1
    assert tok.decode(tok("the european lobster").input_ids, skip_special_tokens=True) \
        == "the european lobster"
    # load_tokenizer gives the same tokenizer
    ours = load_tokenizer(folder)
    assert ours("The lobster is blue").input_ids == tok("The lobster is blue").input_ids


def test_segmentation_matches_reference_wordpiece(uncased: tuple[Path, RecordingProgress],
                                                  wiki_test: list[str]) -> None:
    """The fast tokenizer agrees with transformers' pure-Python BERT tokenizer reading vocab.txt."""
    from transformers.models.bert.tokenization_bert_legacy import BertTokenizerLegacy

    folder, _ = uncased
    reference = BertTokenizerLegacy(vocab_file=str(folder / "vocab.txt"), do_lower_case=True)
    ours = load_tokenizer(folder)
    for line in wiki_test:
        assert ours.tokenize(line) == reference.tokenize(line), line


def test_lowercase_honoured(uncased: tuple[Path, RecordingProgress], wiki: list[str],
                            tmp_path: Path) -> None:
    from transformers import BertTokenizerFast

    lower = BertTokenizerFast.from_pretrained(uncased[0])
    specials = set(BERT_SPECIAL_TOKENS)
    assert not any(ch.isupper() for t in lower.get_vocab() if t not in specials for ch in t)
    assert lower.tokenize("The Lobster")[0] == "the"
    cased_dir = train_wordpiece(wiki, WordPieceSettings(vocab_size=2000, lowercase=False),
                                tmp_path / "cased")
    cased = BertTokenizerFast.from_pretrained(cased_dir)
    assert any(ch.isupper() for t in cased.get_vocab() if t not in specials for ch in t)
    assert cased.tokenize("The lobster")[0] == "The"
    config = json.loads((cased_dir / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert config["do_lower_case"] is False


def test_stats_and_smaller_vocabulary(wiki: list[str], tmp_path: Path) -> None:
    progress = RecordingProgress()
    folder = train_wordpiece(wiki[:150], WordPieceSettings(vocab_size=30000), tmp_path / "t",
                             progress)
    stats = progress.partials[-1]
    assert isinstance(stats, WordPieceStats)
    assert stats == read_wordpiece_stats(folder)
    lines = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert stats.vocab_size == len(lines) < 30000          # BPE ran out of frequent pairs
    assert any("fewer than the 30,000" in n for n in stats.notes)
    assert stats.texts == 150 and stats.sample_texts == 150
    assert stats.alphabet_size == sum(1 for t in lines[5:] if len(t) == 1)
    assert stats.sample_unk == 0 and stats.tokens_per_word >= 1.0
    assert progress.reports[-1][0] == 1.0


def test_complete_alphabet_avoids_whole_word_unk(tmp_path: Path) -> None:
    # "Y" only ever starts a word here, so BPE never adds "##Y"; "aY" would then be [UNK].
    texts = ["Yes Yellow Yak yak bay"] * 5 + ["abc bca cab ace"] * 5
    plain = load_tokenizer(train_wordpiece(
        texts, WordPieceSettings(vocab_size=40, lowercase=False, complete_alphabet=False),
        tmp_path / "plain"))
    assert "##Y" not in plain.get_vocab()
    assert plain.tokenize("aY") == ["[UNK]"]
    progress = RecordingProgress()
    done = load_tokenizer(train_wordpiece(
        texts, WordPieceSettings(vocab_size=40, lowercase=False), tmp_path / "done", progress))
    vocab = done.get_vocab()
    assert "##Y" in vocab and done.tokenize("aY") == ["a", "##Y"]
    stats = progress.partials[-1]
    assert stats.completed >= 1 and len(vocab) == 40
    # Room was made by dropping the last merges: the size stayed at the limit.
    assert len(plain.get_vocab()) == 40 and stats.dropped_merges == stats.completed
    # Every character that can sit inside a word has its ## form.
    for t in vocab:
        if len(t) == 1 and t not in BERT_SPECIAL_TOKENS and not unicodedata.category(t)\
                .startswith("P"):
            assert "##" + t in vocab, t


def test_chinese_characters_split_when_asked(shared_data: Path, tmp_path: Path) -> None:
    from transformers import BertTokenizerFast

    texts = _lines(shared_data / "chinese-four-classic-novels" / "三国演义.txt.gz", 200)

    def cjk(ch: str) -> bool:
        return "\u4e00" <= ch <= "\u9fff"

    split = BertTokenizerFast.from_pretrained(train_wordpiece(
        texts, WordPieceSettings(vocab_size=6000, limit_alphabet=None), tmp_path / "split"))
    cjk_tokens = [t for t in split.get_vocab() if any(cjk(c) for c in t.removeprefix("##"))]
    assert cjk_tokens and all(len(t) == 1 for t in cjk_tokens)      # no merges, no ## forms
    assert split.tokenize("天下大势") == ["天", "下", "大", "势"]
    joined = BertTokenizerFast.from_pretrained(train_wordpiece(
        texts, WordPieceSettings(vocab_size=6000, limit_alphabet=None,
                                 split_chinese_chars=False), tmp_path / "joined"))
    assert any(len(t.removeprefix("##")) > 1 and all(cjk(c) for c in t.removeprefix("##"))
               for t in joined.get_vocab())
    assert len(joined.tokenize("天下大势，分久必合")) < len(split.tokenize("天下大势，分久必合"))


def test_extra_special_tokens(wiki: list[str], tmp_path: Path) -> None:
    specials = (*BERT_SPECIAL_TOKENS, "[unused0]")
    tok = load_tokenizer(train_wordpiece(
        wiki[:100], WordPieceSettings(vocab_size=500, special_tokens=specials), tmp_path / "t"))
    assert tok.convert_tokens_to_ids("[unused0]") == 5
    assert tok.tokenize("a [unused0] b") == ["a", "[unused0]", "b"]


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"vocab_size": 5}, "larger than the number of special tokens"),
    ({"vocab_size": 2}, "larger than the number of special tokens"),
    ({"vocab_size": "big"}, "whole number"),
    ({"special_tokens": ("[PAD]", "[UNK]", "[CLS]", "[SEP]")}, "[MASK] is missing"),
    ({"special_tokens": (*BERT_SPECIAL_TOKENS, "[PAD]")}, "listed twice"),
    ({"special_tokens": "[PAD]"}, "list of token strings"),
    ({"min_frequency": 0}, "min_frequency must be at least 1"),
    ({"limit_alphabet": 0}, "limit_alphabet"),
    ({"lowercase": "yes"}, "true or false"),
])
def test_bad_settings(kwargs: dict, words: str) -> None:
    with pytest.raises(ParameterError) as info:
        WordPieceSettings(**kwargs)
    assert words in str(info.value) and str(info.value).endswith(".")


def test_vocab_too_small_for_alphabet(wiki: list[str], tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"vocab_size \(40\) is too small .* at least \d+"):
        train_wordpiece(wiki[:100], WordPieceSettings(vocab_size=40), tmp_path / "t")
    assert not (tmp_path / "t").exists()
    assert list(tmp_path.iterdir()) == []            # no staging folder left behind


@pytest.mark.parametrize("texts", [[], ["", "   ", "\n"]])
def test_empty_corpus(texts: list[str], tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no text to train a tokenizer"):
        train_wordpiece(texts, WordPieceSettings(), tmp_path / "t")
    assert list(tmp_path.iterdir()) == []


def test_bad_texts(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="not a single string"):
        train_wordpiece("just one string", WordPieceSettings(), tmp_path / "t")
    with pytest.raises(ParameterError, match="Text 2 is a int"):
        train_wordpiece(["fine", 3], WordPieceSettings(), tmp_path / "t")


def test_cancel_while_reading_leaves_nothing(wiki: list[str], tmp_path: Path) -> None:
    progress = RecordingProgress(cancel_after=1)
    with pytest.raises(Cancelled):
        train_wordpiece(wiki * 5, WordPieceSettings(), tmp_path / "t", progress)
    assert list(tmp_path.iterdir()) == []


def test_replaces_a_tokenizer_but_not_other_files(wiki: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "tok"
    train_wordpiece(wiki[:100], WordPieceSettings(vocab_size=300), folder)
    train_wordpiece(wiki[:100], WordPieceSettings(vocab_size=400), folder)     # replaced
    assert len(load_tokenizer(folder)) == 400
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tok"]
    if os.name == "posix":                    # not mkdtemp's 0700: the umask applies
        umask = os.umask(0)
        os.umask(umask)
        assert folder.stat().st_mode & 0o777 == 0o777 & ~umask
    other = tmp_path / "documents"
    other.mkdir()
    (other / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="already holds other files.*thesis.txt"):
        train_wordpiece(wiki[:100], WordPieceSettings(vocab_size=300), other)
    assert (other / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_load_tokenizer_errors(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="does not exist"):
        load_tokenizer(tmp_path / "nowhere")
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="tokenizer.json .* is missing"):
        load_tokenizer(tmp_path)
    (tmp_path / "tokenizer.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="cannot be loaded"):
        load_tokenizer(tmp_path)


def test_trains_on_a_corpus_with_byte_progress(shared_data: Path, tmp_path: Path) -> None:
    from workbench.core.corpus import Corpus

    corpus = Corpus.open(shared_data / "wikitext-2" / "valid.txt")
    progress = RecordingProgress()
    folder = train_wordpiece(corpus, WordPieceSettings(vocab_size=3000), tmp_path / "t",
                             progress)
    stats = read_wordpiece_stats(folder)
    assert stats is not None and stats.texts == 2461 and stats.vocab_size == 3000
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(0.0 < f < 0.9 for f in fractions)          # the corpus reported its bytes
