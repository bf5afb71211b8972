"""The binding work-arounds keep long sessions alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

import workbench.ui  # noqa: F401 - applies the work-arounds
from workbench.ui._compat import IMMORTAL_REFS, singleton_refcount_leaks


class _Emitter(QObject):
    changed = Signal(object)


def test_many_calls_do_not_exhaust_none_or_true(qtbot: object) -> None:
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    label = QLabel()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(20_000):  # more than the reference counts the singletons start with
        emitter.changed.emit(i)
        label.setText(str(i))
    assert len(received) == 20_000 and label.text() == "19999"
    # With the leak and no work-around, 20,000 references would be gone (and the
    # interpreter would have aborted); allow for ordinary churn only.
    assert sys.getrefcount(None) > none_before - 1000
    assert sys.getrefcount(True) > true_before - 1000
    if sys.version_info < (3, 12) and singleton_refcount_leaks():
        assert sys.getrefcount(None) > IMMORTAL_REFS // 2  # made immortal
