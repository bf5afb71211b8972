"""Work-arounds for bugs in the Qt binding, applied once when ``workbench.ui`` is imported.

PySide6 6.12.0 on CPython < 3.12 returns ``None`` from every void method
(``label.setText(...)``, ``QApplication.processEvents()``, ...) and ``True``
from ``SignalInstance.emit`` without taking a reference to them.  Each call
lowers the object's reference count by one; after a few thousand calls it
reaches zero and the interpreter aborts with "Fatal Python error:
none_dealloc" (or ``bool_dealloc``), mid-session or at exit.  CPython 3.12+
makes these singletons immortal, so the bug is harmless there, and PySide6
6.11 does not have it.

Where we detect the leak we make ``None``, ``True`` and ``False`` immortal
the same way CPython 3.12 does: by giving them a reference count that can
never be used up.  They are static objects that are never freed, so nothing
else changes.  The real fix is a PySide6 release without the bug (the
project should exclude 6.12.0) or Python 3.12+.
"""

from __future__ import annotations

import sys

__all__ = ["IMMORTAL_REFS", "apply_workarounds", "singleton_refcount_leaks"]

#: Reference count added to each singleton when the leak is detected.
IMMORTAL_REFS = 1 << 40

_applied = False


def singleton_refcount_leaks(trials: int = 64) -> bool:
    """Whether the binding drops references to ``None`` or ``True`` (PySide6 6.12.0 bug)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(trials):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    return none_lost >= trials // 2 or true_lost >= trials // 2


def apply_workarounds() -> None:
    """Apply the work-arounds this interpreter and binding need (idempotent)."""
    global _applied
    if _applied:
        return
    _applied = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # None, True and False are immortal there
    if singleton_refcount_leaks():
        import ctypes

        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_REFS
