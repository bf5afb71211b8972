"""One module per panel; each runs alone with ``python -m workbench.ui.panels.<module>``."""

from __future__ import annotations

__all__: list[str] = []
