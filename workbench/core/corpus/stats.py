"""Corpus statistics computed in one streamed pass.

:func:`compute_stats` reads the corpus chunk by chunk, tokenizes each chunk,
counts words and sentence lengths and (with ``cache_dir``) writes the
tokenized cache in the same pass.  Memory grows with the number of distinct
words only: sentences are never kept, except the first 50 for the preview.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import IO, Iterator

import numpy as np

from workbench.core.corpus.cache import tokenized_cache_path
from workbench.core.corpus.reader import Corpus
from workbench.core.corpus.tokenize import Tokenizer, TokenizerSettings
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress, scaled
from workbench.core.workspace import atomic_write

__all__ = ["CorpusStats", "compute_stats", "MAX_LENGTH_BIN", "PREVIEW_SENTENCES",
           "PREVIEW_TOKENS", "PARALLEL_MIN_BYTES"]

#: ``length_counts[MAX_LENGTH_BIN]`` counts sentences of this many tokens or more.
MAX_LENGTH_BIN = 1000
_COUNT_SLICE = 2048  # sentences per Counter.update call (~10 ms of GIL at most)
#: How many tokenized sentences :attr:`CorpusStats.preview` keeps ...
PREVIEW_SENTENCES = 50
#: ... and how many tokens of each at most (a 200 MB one-line file must not fill memory).
PREVIEW_TOKENS = 1000
#: Corpora at least this big (bytes on disk) are tokenized in 2 processes by default.
PARALLEL_MIN_BYTES = 16 << 20


@dataclass
class CorpusStats:
    """What one scan of a corpus found.

    Attributes
    ----------
    tokens, types, sentences, hapax
        Token count, distinct words, non-empty sentences, words seen once.
    counts
        Every word's count.
    length_counts
        ``length_counts[n]`` = number of sentences with ``n`` tokens; the last
        bin (:data:`MAX_LENGTH_BIN`) counts sentences of that length or more.
    preview
        The first :data:`PREVIEW_SENTENCES` tokenized sentences (each cut
        after :data:`PREVIEW_TOKENS` tokens).
    settings
        The tokenizer settings used.
    corpus_name, fingerprint
        The corpus's display name and fingerprint.
    seconds
        Wall time of the scan.
    warnings
        The reader's warnings (skipped members, split lines, ...).
    cache_path
        The tokenized cache written during the scan, or ``None``.
    """

    tokens: int
    types: int
    sentences: int
    hapax: int
    counts: dict[str, int]
    length_counts: np.ndarray
    preview: list[list[str]]
    settings: TokenizerSettings
    corpus_name: str
    fingerprint: str
    seconds: float
    warnings: list[str] = field(default_factory=list)
    cache_path: Path | None = None

    def top(self, n: int) -> list[tuple[str, int]]:
        """Return the ``n`` most frequent words with their counts (ties by word)."""
        if n <= 0:
            return []
        return heapq.nsmallest(n, self.counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def oov_rate(self, min_count: int) -> float:
        """Return the fraction of tokens whose word occurs fewer than ``min_count`` times."""
        if self.tokens == 0:
            return 0.0
        rare = sum(c for c in self.counts.values() if c < min_count)
        return rare / self.tokens

    def vocab_size(self, min_count: int) -> int:
        """Return how many words occur at least ``min_count`` times."""
        return sum(1 for c in self.counts.values() if c >= min_count)

    def zipf(self) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(ranks, frequencies)``: ranks 1..types, counts in descending order."""
        freqs = np.fromiter(self.counts.values(), dtype=np.float64, count=len(self.counts))
        freqs = -np.sort(-freqs)
        return np.arange(1, freqs.size + 1, dtype=np.float64), freqs

    def length_histogram(self) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(lengths, sentences)`` without the empty bins at the long end."""
        nonzero = np.flatnonzero(self.length_counts)
        end = int(nonzero[-1]) + 1 if nonzero.size else 0
        return np.arange(end, dtype=np.int64), self.length_counts[:end].copy()

    def mean_sentence_length(self) -> float:
        """Return the mean number of tokens per sentence (0 for an empty corpus)."""
        return self.tokens / self.sentences if self.sentences else 0.0

    def write_vocab_tsv(self, path: str | Path, min_count: int = 1) -> None:
        """Write ``word<TAB>count`` lines, most frequent first, through ``atomic_write``."""
        items = sorted(((w, c) for w, c in self.counts.items() if c >= min_count),
                       key=lambda kv: (-kv[1], kv[0]))
        with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
            for start in range(0, len(items), 10_000):
                f.write("".join(f"{w}\t{c}\n" for w, c in items[start:start + 10_000]))

    def summary(self, min_count: int = 5) -> dict[str, float | int | str]:
        """Return the headline figures as a flat dict (for the CLI, JSON and the registry)."""
        return {
            "corpus": self.corpus_name,
            "tokens": self.tokens,
            "types": self.types,
            "sentences": self.sentences,
            "hapax": self.hapax,
            "hapax_fraction_of_types": self.hapax / self.types if self.types else 0.0,
            "mean_sentence_length": round(self.mean_sentence_length(), 3),
            "min_count": min_count,
            "vocab_size": self.vocab_size(min_count),
            "oov_rate": self.oov_rate(min_count),
            "seconds": round(self.seconds, 3),
            "tokens_per_second": round(self.tokens / self.seconds) if self.seconds > 0 else 0,
            "warnings": len(self.warnings),
            "tokenizer": self.settings.key(),
        }


@contextlib.contextmanager
def _maybe_cache(path: Path | None) -> Iterator[IO[str] | None]:
    if path is None:
        yield None
        return
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        yield f


def _load_average() -> float:
    """The 1-minute load average, or 0 where the platform has none."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def _auto_workers(corpus: Corpus) -> int:
    """Tokenizer processes for ``corpus``: 2 when it pays, else 1.

    Two processes need a big corpus (start-up costs about a second) and an
    idle core: they use about 12 % more CPU in total than one, so on a machine
    already busy with other work they are slower.  The environment variable
    ``WORKBENCH_TOKENIZER_WORKERS`` overrides the choice.
    """
    env = os.environ.get("WORKBENCH_TOKENIZER_WORKERS", "").strip()
    if env.isdigit():
        return max(1, int(env))
    cpus = os.cpu_count() or 1
    if getattr(sys, "frozen", False) or cpus < 2 or corpus.total_bytes < PARALLEL_MIN_BYTES:
        return 1
    return 2 if _load_average() < cpus - 0.5 else 1


def compute_stats(corpus: Corpus, settings: TokenizerSettings = TokenizerSettings(), *,
                  progress: Progress = NULL_PROGRESS, cache_dir: Path | None = None,
                  workers: int | None = None) -> CorpusStats:
    """Scan ``corpus`` once and return its statistics.

    Parameters
    ----------
    corpus
        The corpus to read.
    settings
        How to tokenize.
    progress
        Receives the fraction of bytes read; cancellation is checked every
        block (:class:`~workbench.core.tasks.Cancelled` propagates).
    cache_dir
        When given, the tokenized text is written to
        :func:`~workbench.core.corpus.cache.tokenized_cache_path` in the same
        pass, atomically: a cancelled or failed scan leaves no file behind.
    workers
        Tokenizer processes; 1 tokenizes in this process.  ``None`` picks 2
        for corpora of at least :data:`PARALLEL_MIN_BYTES` on a multi-core
        machine with a core idle (see :func:`_auto_workers`), else 1.

    Returns
    -------
    CorpusStats
    """
    start = time.perf_counter()
    tokenizer = Tokenizer(settings)        # raises MissingDependency early
    n_workers = _auto_workers(corpus) if workers is None else max(1, int(workers))
    cache_path = tokenized_cache_path(corpus, settings, cache_dir) if cache_dir else None
    counts: Counter[str] = Counter()
    length_counts = np.zeros(MAX_LENGTH_BIN + 1, dtype=np.int64)
    preview: list[list[str]] = []
    n_sentences = 0
    read_progress = scaled(progress, 0.0, 0.99)
    chunks = corpus.chunks(read_progress)
    with _maybe_cache(cache_path) as out:
        if n_workers > 1:
            from workbench.core.corpus._parallel import tokenize_in_workers  # noqa: PLC0415

            for item in tokenize_in_workers(chunks, settings, n_workers, progress):
                if isinstance(item, Counter):
                    counts = item
                    continue
                text, hist, n = item
                if not n:
                    continue
                length_counts += hist
                n_sentences += n
                if len(preview) < PREVIEW_SENTENCES:
                    preview.extend(line.split(" ", PREVIEW_TOKENS)[:PREVIEW_TOKENS] for line in
                                   text.split("\n", PREVIEW_SENTENCES)[:PREVIEW_SENTENCES
                                                                        - len(preview)])
                if out is not None:
                    out.write(text)
                    out.write("\n")
        else:
            for chunk in chunks:
                sents = tokenizer.sentences(chunk)
                if not sents:
                    continue
                # Counter.update holds the GIL for its whole C loop: feed it slices so a
                # GUI thread in the same process is never stalled for long.
                for i in range(0, len(sents), _COUNT_SLICE):
                    counts.update(chain.from_iterable(sents[i:i + _COUNT_SLICE]))
                lengths = np.fromiter(map(len, sents), dtype=np.int64, count=len(sents))
                np.minimum(lengths, MAX_LENGTH_BIN, out=lengths)
                length_counts += np.bincount(lengths, minlength=MAX_LENGTH_BIN + 1)
                n_sentences += len(sents)
                if len(preview) < PREVIEW_SENTENCES:
                    preview.extend(sent[:PREVIEW_TOKENS]
                                   for sent in sents[:PREVIEW_SENTENCES - len(preview)])
                if out is not None:
                    out.write("\n".join(map(" ".join, sents)))
                    out.write("\n")
        progress.raise_if_cancelled()
        progress.report(0.995, msg("Writing the tokenized cache") if out else msg("Counting"))
    stats = _finish(counts, length_counts, n_sentences, preview, settings, corpus,
                    time.perf_counter() - start, cache_path)
    progress.report(1.0, msg("{stats_tokens:,} tokens, {stats_types:,} types",
                             stats_tokens=stats.tokens, stats_types=stats.types))
    return stats


def _finish(counts: Counter[str], length_counts: np.ndarray, n_sentences: int,
            preview: list[list[str]], settings: TokenizerSettings, corpus: Corpus,
            seconds: float, cache_path: Path | None) -> CorpusStats:
    tokens = sum(counts.values())
    warnings = list(corpus.warnings)
    if tokens == 0:
        warnings.append(msg("{name} contains no tokens with these settings.",
                            name=corpus.display_name))
    return CorpusStats(
        tokens=tokens, types=len(counts), sentences=n_sentences,
        hapax=sum(1 for c in counts.values() if c == 1), counts=counts,
        length_counts=length_counts, preview=preview, settings=settings,
        corpus_name=corpus.display_name, fingerprint=corpus.fingerprint(), seconds=seconds,
        warnings=warnings, cache_path=cache_path)
