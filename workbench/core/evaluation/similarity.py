"""Word-similarity evaluation: Spearman and Pearson correlation with human scores.

The model's score of a pair is the cosine of the two vectors.  Pairs with a
word outside the first ``restrict_vocab`` vectors are left out and counted
(``oov``); with ``lowercase`` words are matched case-insensitively, the first
(most frequent) row winning.  These are the rules of gensim's
``KeyedVectors.evaluate_word_pairs`` (without ``dummy4unknown``).
"""

from __future__ import annotations

import math
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.errors import WorkbenchError
from workbench.core.evaluation._vocab import VocabLookup
from workbench.core.evaluation.benchmarks import SimilaritySet, load_similarity_file
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

__all__ = ["SimilarityResult", "evaluate_similarity"]


@dataclass(frozen=True)
class SimilarityResult:
    """The outcome of :func:`evaluate_similarity`.

    Attributes
    ----------
    benchmark
        The benchmark's name.
    spearman, spearman_pvalue
        Spearman's rank correlation between human and model scores (NaN when
        fewer than two pairs could be scored or the scores are constant).
    pearson, pearson_pvalue
        Pearson's linear correlation.
    pairs
        Pairs in the benchmark.
    used
        Pairs whose two words were found.
    skipped_lines
        Lines of the benchmark file that could not be read.
    seconds
        Wall time.
    """

    benchmark: str
    spearman: float
    spearman_pvalue: float
    pearson: float
    pearson_pvalue: float
    pairs: int
    used: int
    skipped_lines: int = 0
    seconds: float = 0.0

    @property
    def oov(self) -> int:
        """Pairs left out because a word was missing."""
        return self.pairs - self.used

    @property
    def oov_ratio(self) -> float:
        """``oov / pairs`` (gensim reports it in percent)."""
        return self.oov / self.pairs if self.pairs else math.nan

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (NaN becomes ``None``)."""
        d = asdict(self)
        d.update(oov=self.oov, seconds=round(self.seconds, 3))
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()}


def evaluate_similarity(emb: Embeddings, pairs: SimilaritySet | str | Path,
                        restrict_vocab: int | None = None, lowercase: bool = True, *,
                        progress: Progress = NULL_PROGRESS) -> SimilarityResult:
    """Correlate the cosine similarities of ``emb`` with a benchmark's human scores.

    Parameters
    ----------
    emb
        The vectors.
    pairs
        A :class:`SimilaritySet` or a path for :func:`load_similarity_file`.
    restrict_vocab
        Look words up among the first this many vectors only (``None``: all).
    lowercase
        Match words case-insensitively.
    progress
        Receives start and end; cancellation is checked once (the work is small).

    Returns
    -------
    SimilarityResult
        Spearman and Pearson correlations with p-values and the pair counts.
    """
    from scipy import stats

    start = time.perf_counter()
    if not isinstance(pairs, SimilaritySet):
        pairs = load_similarity_file(pairs)
    if len(emb) == 0:
        raise WorkbenchError(msg("The embeddings hold no vectors to evaluate."))
    progress.raise_if_cancelled()
    look = VocabLookup(emb, restrict_vocab, lowercase)
    gold: list[float] = []
    ra: list[int] = []
    rb: list[int] = []
    for p in pairs.pairs:
        a, b = look.row(p.a), look.row(p.b)
        if a is None or b is None:
            continue
        gold.append(p.score)
        ra.append(a)
        rb.append(b)
    unit = emb.unit
    model = np.einsum("ij,ij->i", unit[ra], unit[rb]) if ra else np.zeros(0, np.float32)
    sp = sp_p = pe = pe_p = math.nan
    if len(gold) >= 2:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # constant input: NaN is the honest answer
            s = stats.spearmanr(gold, model)
            p_ = stats.pearsonr(gold, model.astype(np.float64))
        sp, sp_p = float(s.statistic), float(s.pvalue)
        pe, pe_p = float(p_.statistic), float(p_.pvalue)
    progress.report(1.0, msg("{pairs_name}: Spearman {sp:.3f} on {n_gold:,} pairs",
                             pairs_name=pairs.name, sp=sp, n_gold=len(gold)))
    return SimilarityResult(benchmark=pairs.name, spearman=sp, spearman_pvalue=sp_p,
                            pearson=pe, pearson_pvalue=pe_p, pairs=len(pairs.pairs),
                            used=len(gold), skipped_lines=pairs.skipped_lines,
                            seconds=time.perf_counter() - start)
