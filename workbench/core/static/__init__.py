"""Static embeddings: training (word2vec, fastText, GloVe) and file formats."""

from __future__ import annotations

from workbench.core.static.formats import FORMATS, detect_format, load_vectors, save_vectors

__all__ = ["FORMATS", "detect_format", "load_vectors", "save_vectors"]
