"""Qt user interface of Embedding Workbench (the only package importing PySide6/pyqtgraph).

Entry point: :func:`workbench.ui.app.run_app`.
"""

from __future__ import annotations

from workbench.ui._compat import apply_workarounds

apply_workarounds()

__all__: list[str] = []
