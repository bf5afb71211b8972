"""Corpus reading, tokenization, statistics and the tokenized cache.

Public API (the UI, the CLI and later trainers use only these names)::

    corpus = Corpus.open("texts/", ReaderOptions(glob="*.txt"))
    for line in corpus.lines():            # re-iterable, streamed
        ...
    stats = compute_stats(corpus, TokenizerSettings(), progress=p, cache_dir=ws.cache_dir)
    stats.tokens, stats.types, stats.top(20), stats.zipf(), stats.length_histogram()
    path = tokenized_cache_path(corpus, settings, ws.cache_dir)   # one sentence per line
    stats = scan_corpus(corpus, settings, workspace=ws, progress=p)  # cached + recorded run
"""

from __future__ import annotations

from workbench.core.corpus.reader import Corpus, ReaderOptions
from workbench.core.corpus.stats import CorpusStats, compute_stats
from workbench.core.corpus.tokenize import Tokenizer, TokenizerSettings
from workbench.core.corpus.cache import ensure_tokenized, tokenized_cache_path
from workbench.core.corpus.jobs import scan_corpus

__all__ = [
    "Corpus",
    "ReaderOptions",
    "CorpusStats",
    "compute_stats",
    "Tokenizer",
    "TokenizerSettings",
    "ensure_tokenized",
    "tokenized_cache_path",
    "scan_corpus",
]
