"""Word-vector evaluation: analogy and similarity benchmarks.

Public API::

    bench = load_analogy_file("questions-words.txt")      # or a BATS folder, a vecto CSV
    result = evaluate_analogies(emb, bench, method="3cosadd", progress=p)
    result.accuracy, result.categories, result.oov

    sims = load_similarity_file("wordsim353.tsv")
    evaluate_similarity(emb, sims).spearman

    builtin_benchmarks()                                   # what this machine has
"""

from __future__ import annotations

from workbench.core.evaluation.analogy import (
    METHODS,
    AnalogyResult,
    CategoryScore,
    evaluate_analogies,
    solve_analogy,
)
from workbench.core.evaluation.benchmarks import (
    AnalogyCategory,
    AnalogyQuestion,
    AnalogySet,
    BenchmarkInfo,
    SimilarityPair,
    SimilaritySet,
    builtin_benchmarks,
    find_benchmark,
    load_analogy_file,
    load_similarity_file,
)
from workbench.core.evaluation.similarity import SimilarityResult, evaluate_similarity

__all__ = [
    "METHODS",
    "AnalogyCategory",
    "AnalogyQuestion",
    "AnalogyResult",
    "AnalogySet",
    "BenchmarkInfo",
    "CategoryScore",
    "SimilarityPair",
    "SimilarityResult",
    "SimilaritySet",
    "builtin_benchmarks",
    "evaluate_analogies",
    "evaluate_similarity",
    "find_benchmark",
    "load_analogy_file",
    "load_similarity_file",
    "solve_analogy",
]
