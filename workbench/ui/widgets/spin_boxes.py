"""Spin boxes with range, value and tooltip set in one call (shared by the panels' forms)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

__all__ = ["float_spin", "int_spin"]


def int_spin(parent: QWidget | None, low: int, high: int, value: int, tip: str,
             special: str = "", *, group_separator: bool = True) -> QSpinBox:
    """A whole-number spin box; ``special`` is shown instead of ``low`` when given."""
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setToolTip(tip)
    box.setGroupSeparatorShown(group_separator)
    if special:
        box.setSpecialValueText(special)
    return box


def float_spin(parent: QWidget | None, low: float, high: float, value: float, decimals: int,
               tip: str, step: float | None = None) -> QDoubleSpinBox:
    """A decimal spin box; the step defaults to one unit of the second-last decimal."""
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step if step is not None else 10 ** -(decimals - 1))
    box.setValue(value)
    box.setToolTip(tip)
    return box
