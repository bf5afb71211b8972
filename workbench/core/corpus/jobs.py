"""Corpus jobs as the UI and the CLI run them: scans recorded in the workspace registry."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from workbench.core.corpus.reader import Corpus
from workbench.core.corpus.stats import CorpusStats, compute_stats
from workbench.core.corpus.tokenize import TokenizerSettings
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from workbench.core.workspace import Workspace

__all__ = ["scan_corpus", "scan_params"]


def scan_params(corpus: Corpus, settings: TokenizerSettings) -> dict[str, Any]:
    """Return the run parameters of a scan: files, reader options and tokenizer settings."""
    return {
        "corpus": corpus.display_name,
        "paths": [str(p) for p in corpus.paths],
        "reader": asdict(corpus.options),
        "tokenizer": asdict(settings),
    }


def scan_corpus(corpus: Corpus, settings: TokenizerSettings = TokenizerSettings(), *,
                workspace: Workspace | None = None,
                progress: Progress = NULL_PROGRESS) -> CorpusStats:
    """Compute the statistics of ``corpus``, recorded as a ``corpus_stats`` run.

    Parameters
    ----------
    corpus
        The corpus to scan.
    settings
        How to tokenize.
    workspace
        When given, the scan writes the tokenized cache into
        ``workspace.cache_dir`` and is recorded in the run registry as
        ``success``, ``cancelled`` or ``failed`` with its parameters, its
        :meth:`CorpusStats.summary` as metrics and the cache path as output
        ``"tokenized"``.  Without it the scan is neither cached nor recorded.
    progress
        Progress and cancellation (see :mod:`workbench.core.tasks`).

    Returns
    -------
    CorpusStats
    """
    if workspace is None:
        return compute_stats(corpus, settings, progress=progress)
    with workspace.recorded("corpus_stats", scan_params(corpus, settings),
                            corpus.fingerprint()) as run:
        stats = compute_stats(corpus, settings, progress=progress,
                              cache_dir=workspace.cache_dir)
        run.metrics.update(stats.summary())
        if stats.cache_path is not None:
            run.outputs["tokenized"] = stats.cache_path
    return stats
