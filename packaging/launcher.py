"""The bundle's entry point: ``multiprocessing.freeze_support()``, then ``workbench``'s main.

UMAP maps run in a ``spawn``-ed child process (:mod:`workbench.core.subprocess_jobs`);
in a frozen app that child is the bundle's executable again, and
``freeze_support()`` turns it into the worker instead of a second window.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from workbench.__main__ import main

    sys.exit(main())
