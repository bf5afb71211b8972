"""Tokenizer: words, numbers, punctuation, accents, sentences, Chinese."""

from __future__ import annotations

import gzip
import sys
from itertools import islice
from pathlib import Path

import pytest

from workbench.core.corpus import Tokenizer, TokenizerSettings
from workbench.core.errors import MissingDependency, ParameterError


def tok(text: str, **settings: object) -> list[str]:
    return Tokenizer(TokenizerSettings(**settings)).tokenize(text)  # type: ignore[arg-type]


def test_contractions_hyphens_apostrophes() -> None:
    assert tok("Don't stop: it's state-of-the-art at 5 o'clock.") == [
        "don't", "stop", "it's", "state-of-the-art", "at", "5", "o'clock"]
    assert tok("L'homme et l’homme") == ["l'homme", "et", "l’homme"]
    assert tok("'quoted' words -- and dashes - here") == ["quoted", "words", "and", "dashes",
                                                         "here"]
    assert tok("trailing- hyphen and foo_bar __init__") == ["trailing", "hyphen", "and",
                                                           "foo_bar", "init"]


def test_numbers() -> None:
    assert tok("Pi is 3.14, a million is 1,000,000 and 2.5. End") == [
        "pi", "is", "3.14", "a", "million", "is", "1,000,000", "and", "2.5", "end"]
    assert tok("In 1984 it cost 3.14", fold_numbers=True) == ["in", "0000", "it", "cost",
                                                              "0.00"]
    assert tok("the 1990s") == ["the", "1990s"]


def test_case_and_unicode() -> None:
    assert tok("Ünïcödé ÉCOLE Straße") == ["ünïcödé", "école", "straße"]
    assert tok("Ünïcödé ÉCOLE", lowercase=False) == ["Ünïcödé", "ÉCOLE"]
    assert tok("Привет, мир! Γειά σου") == ["привет", "мир", "γειά", "σου"]


def test_strip_accents_keeps_cjk() -> None:
    assert tok("Café naïve résumé Ångström", strip_accents=True) == [
        "cafe", "naive", "resume", "angstrom"]
    # Japanese voiced kana and Korean syllables survive NFKD + mark stripping.
    assert tok("がぎぐ 한국어", strip_accents=True, chinese="off") == ["がぎぐ", "한국어"]
    assert tok("中文字符", strip_accents=True, chinese="chars") == ["中", "文", "字", "符"]


def test_punctuation() -> None:
    assert tok("Hello, world!") == ["hello", "world"]
    assert tok("Hello, world!", keep_punctuation=True) == ["hello", ",", "world", "!"]
    assert tok("don't -- (x)", keep_punctuation=True) == ["don't", "-", "-", "(", "x", ")"]


def test_tokens_never_contain_whitespace() -> None:
    text = "a\tb\u00a0c\u2003d\u3000e\x0bf\x0cg 中\u3000文"
    for mode in ("off", "chars", "jieba"):
        for punct in (False, True):
            for t in tok(text, chinese=mode, keep_punctuation=punct):
                assert t and not any(ch.isspace() for ch in t)


def test_sentence_splitting() -> None:
    t = Tokenizer(TokenizerSettings(split_sentences=True))
    text = ('Mr. Smith went to Washington. He said "Hi!" Then he left? Yes. '
            "The U.S. Army and Dr. Who, e.g. here. Last one")
    assert t.sentences(text) == [
        ["mr", "smith", "went", "to", "washington"],
        ["he", "said", "hi"],
        ["then", "he", "left"],
        ["yes"],
        ["the", "u", "s", "army", "and", "dr", "who", "e", "g", "here"],
        ["last", "one"],
    ]
    assert Tokenizer(TokenizerSettings(split_sentences=True, chinese="chars")).sentences(
        "他来了。她走了！“好吗？”是的") == [["他", "来", "了"], ["她", "走", "了"],
                                 ["好", "吗"], ["是", "的"]]
    # Without splitting, a line is a sentence and empty lines are dropped.
    assert Tokenizer().sentences("One. Two.\n\n...\nThree") == [["one", "two"], ["three"]]


def test_chinese_modes() -> None:
    text = "我爱北京天安门 hello state-of-the-art"
    assert tok(text, chinese="chars") == ["我", "爱", "北", "京", "天", "安", "门", "hello",
                                          "state-of-the-art"]
    assert tok(text, chinese="off") == ["我爱北京天安门", "hello", "state-of-the-art"]
    assert tok(text, chinese="jieba") == ["我", "爱", "北京", "天安门", "hello",
                                          "state-of-the-art"]
    # auto: CJK-dominated text uses jieba; stray Han characters in English are single tokens.
    assert tok(text) == tok(text, chinese="jieba")
    assert tok("The word 中文 appears in English text many many times here") == [
        "the", "word", "中", "文", "appears", "in", "english", "text", "many", "many",
        "times", "here"]


def test_jieba_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jieba", None)          # makes "import jieba" fail
    with pytest.raises(MissingDependency, match="pip install jieba"):
        Tokenizer(TokenizerSettings(chinese="jieba"))
    assert tok("我爱北京", chinese="auto") == ["我", "爱", "北", "京"]   # falls back to chars


def test_bad_mode() -> None:
    with pytest.raises(ParameterError, match="Chinese mode"):
        TokenizerSettings(chinese="pinyin")


def test_settings_key_is_stable_and_distinct() -> None:
    assert TokenizerSettings().key() == TokenizerSettings().key()
    assert len({TokenizerSettings(lowercase=False).key(), TokenizerSettings().key(),
                TokenizerSettings(chinese="chars").key()}) == 3


def test_classic_chinese_novel(shared_data: Path) -> None:
    path = shared_data / "chinese-four-classic-novels" / "红楼梦.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = "\n".join(line.rstrip("\n") for line in islice(f, 200))
    jieba_sents = Tokenizer().sentences(text)                      # auto -> jieba
    chars_sents = Tokenizer(TokenizerSettings(chinese="chars")).sentences(text)
    assert sum(map(len, jieba_sents)) < sum(map(len, chars_sents))
    words = {w for s in jieba_sents for w in s}
    assert {"宝玉", "黛玉"} & words or {"士隐", "雨村"} & words
    assert all(len(w) == 1 for s in chars_sents for w in s if "\u4e00" <= w[0] <= "\u9fff")
    assert "。" not in words and "，" not in words
