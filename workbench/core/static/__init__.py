"""Static embeddings: training (word2vec, fastText, GloVe) and file formats."""

from __future__ import annotations

from workbench.core.static.formats import (
    FORMATS,
    READ_FORMATS,
    SubwordEmbeddings,
    detect_format,
    load_fasttext_bin,
    load_vectors,
    save_vectors,
)

__all__ = ["FORMATS", "READ_FORMATS", "SubwordEmbeddings", "detect_format", "load_fasttext_bin",
           "load_vectors", "save_vectors"]
