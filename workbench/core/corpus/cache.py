"""The tokenized cache: a corpus as one tokenized sentence per line.

Tokens are joined by single spaces and sentences by ``"\\n"`` (UTF-8), which
is exactly gensim's ``corpus_file`` format, so trainers can read it directly.
The file is keyed by the corpus fingerprint and the tokenizer settings and is
written by :func:`~workbench.core.corpus.stats.compute_stats` through
:func:`~workbench.core.workspace.atomic_write`: it either exists complete or
not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from workbench.core.corpus.reader import Corpus
    from workbench.core.corpus.tokenize import TokenizerSettings

__all__ = ["tokenized_cache_path", "ensure_tokenized", "CACHE_SUBDIR"]

CACHE_SUBDIR = "tokenized"


def tokenized_cache_path(corpus: Corpus, settings: TokenizerSettings, cache_dir: Path) -> Path:
    """Return where the tokenized text of ``corpus`` under ``settings`` lives.

    Parameters
    ----------
    corpus
        The corpus (its :meth:`~workbench.core.corpus.reader.Corpus.fingerprint`
        is part of the name).
    settings
        The tokenizer settings (their :meth:`key` is part of the name).
    cache_dir
        The workspace cache folder.

    Returns
    -------
    Path
        ``cache_dir / "tokenized" / "<fingerprint[:16]>-<settings key>.txt"``.
    """
    return Path(cache_dir) / CACHE_SUBDIR / f"{corpus.fingerprint()[:16]}-{settings.key()}.txt"


def ensure_tokenized(corpus: Corpus, settings: TokenizerSettings, cache_dir: Path, *,
                     progress: Progress = NULL_PROGRESS) -> Path:
    """Return the tokenized cache file, scanning the corpus only if it is missing.

    Parameters
    ----------
    corpus, settings, cache_dir
        As for :func:`tokenized_cache_path`.
    progress
        Reports the scan when one is needed (cancellable; a cancelled scan
        leaves no file behind).

    Returns
    -------
    Path
        The cache file (one sentence per line, tokens separated by spaces).
    """
    path = tokenized_cache_path(corpus, settings, cache_dir)
    if path.is_file():
        progress.report(1.0, msg("Using the tokenized cache of {corpus_display_name}",
                                 corpus_display_name=corpus.display_name))
        return path
    from workbench.core.corpus.stats import compute_stats  # noqa: PLC0415 - import cycle

    stats = compute_stats(corpus, settings, progress=progress, cache_dir=cache_dir)
    assert stats.cache_path is not None
    return stats.cache_path
