"""Corpus statistics, the tokenized cache and recorded scans."""

from __future__ import annotations

import gzip
import os
import re
from collections import Counter
from itertools import islice
from pathlib import Path

import numpy as np
import pytest

from workbench.core.corpus import (Corpus, ReaderOptions, Tokenizer, TokenizerSettings,
                                   compute_stats, ensure_tokenized, scan_corpus,
                                   tokenized_cache_path)
from workbench.core.errors import EncodingProblem
from workbench.core.tasks import Cancelled, RecordingProgress
from workbench.core.workspace import Workspace

# The documented token rule, written out independently of the tokenizer module.
REFERENCE = re.compile(r"[^\W_]+(?:[-'’_][^\W_]+|(?<=\d)[.,]\d+)*")


@pytest.fixture(scope="module")
def slice_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 2,000 lines of the State of the Union corpus, gzip-compressed."""
    src = Path(__file__).resolve().parents[2].parent / "shared" / "data" / \
        "nltk-english-corpora" / "plain" / "state_union.txt.gz"
    with gzip.open(src, "rt", encoding="utf-8") as f:
        text = "".join(islice(f, 2000))
    path = tmp_path_factory.mktemp("slice") / "state_union_2000.txt.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


@pytest.fixture(scope="module")
def big_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 6 MB of real English text (plain), for cancel and parallel tests."""
    src = Path(__file__).resolve().parents[2].parent / "shared" / "data" / \
        "nltk-english-corpora" / "plain" / "brown.txt.gz"
    data = gzip.decompress(src.read_bytes())
    path = tmp_path_factory.mktemp("big") / "brown.txt"
    path.write_bytes(data)
    return path


def _brute_force(path: Path) -> tuple[Counter[str], list[int]]:
    counts: Counter[str] = Counter()
    lengths = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            toks = REFERENCE.findall(line.lower())
            if toks:
                counts.update(toks)
                lengths.append(len(toks))
    return counts, lengths


def test_stats_match_brute_force(slice_path: Path) -> None:
    counts, lengths = _brute_force(slice_path)
    progress = RecordingProgress()
    stats = compute_stats(Corpus.open(slice_path), progress=progress)
    assert stats.tokens == sum(counts.values())
    assert stats.types == len(counts)
    assert dict(stats.counts) == dict(counts)
    assert stats.sentences == len(lengths)
    assert stats.hapax == sum(1 for c in counts.values() if c == 1)
    for min_count in (1, 2, 5, 50):
        rare = sum(c for c in counts.values() if c < min_count)
        assert stats.oov_rate(min_count) == pytest.approx(rare / sum(counts.values()))
        assert stats.vocab_size(min_count) == sum(1 for c in counts.values() if c >= min_count)
    assert stats.oov_rate(1) == 0.0
    top = stats.top(10)
    assert top == sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert top[0][0] == "the"
    ranks, freqs = stats.zipf()
    assert ranks[0] == 1 and ranks[-1] == stats.types and ranks.dtype == np.float64
    assert np.all(np.diff(freqs) <= 0) and freqs.sum() == stats.tokens
    lens, sents = stats.length_histogram()
    assert sents.sum() == stats.sentences and sents[-1] > 0
    assert int((lens * sents).sum()) == stats.tokens
    assert np.array_equal(np.bincount(lengths), sents)
    assert stats.length_counts.shape == (1001,)
    assert len(stats.preview) == 50
    assert stats.preview[0] == REFERENCE.findall(
        gzip.decompress(slice_path.read_bytes()).decode().split("\n")[0].lower())
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert stats.cache_path is None
    summary = stats.summary(5)
    assert summary["tokens"] == stats.tokens and summary["vocab_size"] == stats.vocab_size(5)


def test_chunk_path_equals_line_path(slice_path: Path) -> None:
    corpus = Corpus.open(slice_path)
    settings = TokenizerSettings(keep_punctuation=True, strip_accents=True)
    tokenizer = Tokenizer(settings)
    expected: Counter[str] = Counter()
    for line in corpus.lines():
        expected.update(tokenizer.tokenize(line))
    assert dict(compute_stats(corpus, settings).counts) == dict(expected)


def test_long_sentences_go_to_the_last_bin(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a " * 1500 + "\nb b\n")
    stats = compute_stats(Corpus.open(path))
    assert stats.length_counts[1000] == 1 and stats.length_counts[2] == 1
    assert stats.tokens == 1502


def test_empty_tokens_warns(tmp_path: Path) -> None:
    path = tmp_path / "punct.txt"
    path.write_text("... !!! ???\n")
    stats = compute_stats(Corpus.open(path))
    assert stats.tokens == stats.types == stats.sentences == 0
    assert stats.oov_rate(5) == 0.0 and stats.top(5) == []
    assert stats.length_histogram()[0].size == 0
    assert any("no tokens" in w for w in stats.warnings)


def test_cache_written_in_gensim_format(slice_path: Path, tmp_path: Path) -> None:
    corpus = Corpus.open(slice_path)
    stats = compute_stats(corpus, cache_dir=tmp_path)
    assert stats.cache_path == tokenized_cache_path(corpus, TokenizerSettings(), tmp_path)
    text = stats.cache_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == ""                               # ends with a newline
    sentences = [line.split(" ") for line in lines[:-1]]
    assert len(sentences) == stats.sentences
    assert sentences[:50] == stats.preview
    assert sum(map(len, sentences)) == stats.tokens
    assert all(all(t for t in s) for s in sentences)      # no empty tokens: single spaces


def test_ensure_tokenized_reuses_the_cache(slice_path: Path, tmp_path: Path) -> None:
    corpus = Corpus.open(slice_path)
    path = ensure_tokenized(corpus, TokenizerSettings(), tmp_path)
    stamp = path.stat().st_mtime_ns
    progress = RecordingProgress()
    assert ensure_tokenized(corpus, TokenizerSettings(), tmp_path, progress=progress) == path
    assert path.stat().st_mtime_ns == stamp
    assert len(progress.reports) == 1 and progress.reports[0][0] == 1.0
    other = ensure_tokenized(corpus, TokenizerSettings(lowercase=False), tmp_path)
    assert other != path and other.exists()


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_leaves_no_cache(big_path: Path, tmp_path: Path, workers: int) -> None:
    corpus = Corpus.open(big_path)
    progress = RecordingProgress(cancel_after=2)
    with pytest.raises(Cancelled):
        compute_stats(corpus, progress=progress, cache_dir=tmp_path, workers=workers)
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert leftovers == []


@pytest.mark.parametrize("workers", [1, 2])
def test_failed_scan_leaves_no_cache_and_no_processes(tmp_path: Path, workers: int) -> None:
    psutil = pytest.importorskip("psutil")
    path = tmp_path / "bad.txt"
    path.write_bytes("fine wörds here\n".encode() * 200_000 + b"\xff\xff\n")
    cache = tmp_path / "cache"
    with pytest.raises(EncodingProblem, match="bad.txt"):
        compute_stats(Corpus.open(path), cache_dir=cache, workers=workers)
    assert [p for p in cache.rglob("*") if p.is_file()] == []
    alive = [c for c in psutil.Process().children(recursive=True)
             if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    assert not [c for c in alive if "spawn_main" in " ".join(c.cmdline())]   # workers gone


def test_two_workers_give_identical_results(big_path: Path, tmp_path: Path) -> None:
    corpus = Corpus.open(big_path)
    one = compute_stats(corpus, cache_dir=tmp_path / "one", workers=1)
    two = compute_stats(corpus, cache_dir=tmp_path / "two", workers=2)
    assert dict(one.counts) == dict(two.counts)
    assert np.array_equal(one.length_counts, two.length_counts)
    assert one.preview == two.preview and one.sentences == two.sentences
    assert one.cache_path.read_bytes() == two.cache_path.read_bytes()  # type: ignore[union-attr]


def test_vocab_tsv(slice_path: Path, tmp_path: Path) -> None:
    stats = compute_stats(Corpus.open(slice_path))
    out = tmp_path / "vocab.tsv"
    stats.write_vocab_tsv(out, min_count=3)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == stats.vocab_size(3)
    assert [(w, int(c)) for w, c in rows[:5]] == stats.top(5)
    assert all(int(c) >= 3 for _, c in rows)


def test_scan_corpus_records_runs(slice_path: Path, tmp_path: Path, big_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    corpus = Corpus.open(slice_path, ReaderOptions(max_line_chars=500_000))
    stats = scan_corpus(corpus, TokenizerSettings(), workspace=ws)
    run = ws.runs.list("corpus_stats")[0]
    assert run.status == "success"
    assert run.metrics["tokens"] == stats.tokens
    assert run.params["reader"]["max_line_chars"] == 500_000
    assert run.params["tokenizer"]["lowercase"] is True
    assert run.input_fingerprint == corpus.fingerprint()
    assert Path(run.outputs["tokenized"]) == stats.cache_path and stats.cache_path.exists()
    assert stats.cache_path.is_relative_to(ws.cache_dir)

    with pytest.raises(Cancelled):
        scan_corpus(Corpus.open(big_path), workspace=ws,
                    progress=RecordingProgress(cancel_after=2))
    assert ws.runs.list("corpus_stats")[0].status == "cancelled"

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\n")
    with pytest.raises(EncodingProblem):
        scan_corpus(Corpus.open(bad), workspace=ws)
    failed = ws.runs.list("corpus_stats")[0]
    assert failed.status == "failed" and "bad.txt" in failed.message
    assert sorted(p.name for p in (ws.cache_dir / "tokenized").iterdir()) == [
        stats.cache_path.name]

    assert scan_corpus(corpus).cache_path is None     # no workspace: neither cached nor recorded
    assert len(ws.runs.list("corpus_stats")) == 3


def test_chinese_novel_stats(shared_data: Path) -> None:
    path = shared_data / "chinese-four-classic-novels" / "西游记.txt.gz"
    corpus = Corpus.open(path)
    chars = compute_stats(corpus, TokenizerSettings(chinese="chars"))
    assert chars.types < 6000 and chars.tokens > 500_000
    assert chars.top(1)[0][0] in {"了", "的", "道", "一", "不", "是"}


@pytest.mark.slow
def test_chinese_novel_jieba(shared_data: Path) -> None:
    corpus = Corpus.open(shared_data / "chinese-four-classic-novels" / "西游记.txt.gz")
    stats = compute_stats(corpus)                     # auto -> jieba
    assert "行者" in stats.counts and stats.counts["行者"] > 1000


def test_rss_does_not_hold_the_corpus(big_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    proc = psutil.Process(os.getpid())
    before = proc.memory_info().rss
    compute_stats(Corpus.open(big_path), workers=1)
    assert proc.memory_info().rss - before < 200 * 2**20


def test_auto_workers_policy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workbench.core.corpus import stats as stats_mod

    small = tmp_path / "small.txt"
    small.write_text("a b c\n")
    big = Corpus.open(small)
    big.total_bytes = stats_mod.PARALLEL_MIN_BYTES          # pretend it is big
    monkeypatch.delenv("WORKBENCH_TOKENIZER_WORKERS", raising=False)
    monkeypatch.setattr(stats_mod.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(stats_mod, "_load_average", lambda: 0.3)
    assert stats_mod._auto_workers(Corpus.open(small)) == 1     # too small to pay
    assert stats_mod._auto_workers(big) == 2                    # big, a core idle
    monkeypatch.setattr(stats_mod, "_load_average", lambda: 3.0)
    assert stats_mod._auto_workers(big) == 1                    # machine busy
    monkeypatch.setenv("WORKBENCH_TOKENIZER_WORKERS", "3")
    assert stats_mod._auto_workers(big) == 3
