"""Qt-free core of Embedding Workbench.

Nothing under ``workbench.core`` may import PySide6, shiboken6, pyqtgraph or
``workbench.ui`` (``tests/core/test_boundary.py`` enforces it), and heavy
libraries (torch, transformers, gensim, umap, sklearn) are imported inside the
functions that need them.
"""
