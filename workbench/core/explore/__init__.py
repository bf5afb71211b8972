"""Exploring static vectors: neighbours, expressions, analogies, maps, clusters, axes.

Public API::

    nearest(emb, "king - man + woman", k=10)          # -> NeighbourResult
    similarity(emb, "cat", "dog"); similarity_matrix(emb, words); odd_one_out(emb, words)
    analogy_picture(emb, "man", "king", "woman")      # words + 2-D PCA for drawing
    project(emb, ProjectionParams("umap", top_n=10_000), progress, cache_dir)
    kmeans_labels(emb.unit[:10_000], k=20)
    axis_projection(emb, Axis(("fast",), ("slow",)), Axis(("good",), ("bad",)))
    antonym_check(emb)                                 # antonyms among neighbours?

Nothing here imports Qt; scikit-learn and umap-learn load inside the
functions that need them.
"""

from __future__ import annotations

from workbench.core.explore.analogy_view import AnalogyPicture, analogy_picture
from workbench.core.explore.axes import Axis, axis_projection
from workbench.core.explore.clusters import kmeans_labels
from workbench.core.explore.expressions import (
    ExpressionError,
    expression_vector,
    format_expression,
    is_expression,
    parse_expression,
)
from workbench.core.explore.lecture import DEFAULT_ANTONYMS, AntonymCheck, antonym_check
from workbench.core.explore.neighbours import (
    METRICS,
    Neighbour,
    NeighbourResult,
    OutOfVocabulary,
    lookup,
    map_neighbours,
    nearest,
    neighbour_overlap,
    odd_one_out,
    similar_spellings,
    similarity,
    similarity_matrix,
    top_k,
)
from workbench.core.explore.projections import (
    METHODS,
    Projection,
    ProjectionParams,
    cache_paths,
    embeddings_fingerprint,
    estimate_seconds,
    pca,
    project,
    warm_umap,
)

__all__ = [
    "DEFAULT_ANTONYMS",
    "METHODS",
    "METRICS",
    "AnalogyPicture",
    "AntonymCheck",
    "Axis",
    "ExpressionError",
    "Neighbour",
    "NeighbourResult",
    "OutOfVocabulary",
    "Projection",
    "ProjectionParams",
    "analogy_picture",
    "antonym_check",
    "axis_projection",
    "cache_paths",
    "embeddings_fingerprint",
    "estimate_seconds",
    "expression_vector",
    "format_expression",
    "is_expression",
    "kmeans_labels",
    "lookup",
    "map_neighbours",
    "nearest",
    "neighbour_overlap",
    "odd_one_out",
    "parse_expression",
    "pca",
    "project",
    "similar_spellings",
    "similarity",
    "similarity_matrix",
    "top_k",
    "warm_umap",
]
