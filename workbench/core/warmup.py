"""Import heavy libraries ahead of need, off the GUI thread.

``import torch`` holds the GIL for one long stretch while the dynamic linker
loads libtorch (measured here: ~220 ms in a single ``dlopen``, a 217 ms stall
of every other Python thread; gensim and transformers stall for < 25 ms).
Imported lazily inside the first GloVe or BERT job, that stall would freeze
the window in the middle of the user's work.  The app therefore calls
:func:`warm_imports` once, shortly after its window first paints, so the
pause happens while the user is still reading the screen.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence

__all__ = ["HEAVY_GIL_IMPORTS", "warm_imports"]

log = logging.getLogger(__name__)

#: Modules whose import stalls other threads for long enough to be felt.
HEAVY_GIL_IMPORTS: tuple[str, ...] = ("torch",)


def warm_imports(modules: Sequence[str] = HEAVY_GIL_IMPORTS) -> threading.Thread:
    """Import ``modules`` in a daemon thread and return the (started) thread.

    A module that fails to import is logged and skipped: the job that needs
    it reports the problem to the user when it runs.
    """

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the job that needs it will say why
                log.warning("could not pre-import %s", name, exc_info=True)

    thread = threading.Thread(target=run, name="warm-imports", daemon=True)
    thread.start()
    return thread
