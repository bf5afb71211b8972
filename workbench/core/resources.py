"""Where the app's bundled resources (default corpus, icons) live."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resources_dir", "default_corpus_path"]


def resources_dir() -> Path:
    """Return the ``resources/`` folder of a source checkout or a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def default_corpus_path() -> Path:
    """Return the bundled public-domain corpus opened at first start."""
    return resources_dir() / "corpora" / "inaugural.txt.gz"
