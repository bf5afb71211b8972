"""Embedding Workbench: train, inspect and compare word embeddings and BERT models."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
