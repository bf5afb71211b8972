"""Plot widgets built on pyqtgraph: items are created once and fed with ``setData``."""

from __future__ import annotations

__all__: list[str] = []
