"""Checks for user-set parameters, with messages that name the parameter.

Every request dataclass (training parameters, model sizes, tokenizer
settings) validates its fields with these, so a bad value reaches the user
as one sentence (``window must be at least 1; got 0.``) from whichever
panel or command set it.
"""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.messages import msg

__all__ = ["check_bool", "check_float", "check_int", "default_threads", "set_default_threads"]

_thread_preference: int | None = None


def set_default_threads(threads: int | None) -> None:
    """Set the CPU threads training jobs use unless told otherwise (``None``/0: one per core).

    The app calls it with the user's Threads setting; scripts may too.
    """
    global _thread_preference
    _thread_preference = int(threads) if threads else None


def default_threads() -> int:
    """CPU threads for a training job: the preference, else one per core."""
    if _thread_preference:
        return _thread_preference
    return max(1, os.cpu_count() or 1)


def check_int(name: str, value: Any, low: int, high: int | None = None) -> None:
    """Raise :class:`ParameterError` unless ``value`` is a whole number in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ParameterError(msg("{name} must be a whole number, not {value!r}.", name=name,
                                 value=value))
    if value < low or (high is not None and value > high):
        bound = msg("at least {low:,}", low=low) if high is None else \
            msg("between {low:,} and {high:,}", low=low, high=high)
        raise ParameterError(msg("{name} must be {bound}; got {value:,}.", name=name, bound=bound,
                                 value=value))


def check_float(name: str, value: Any, low: float | None = None, high: float | None = None,
                *, low_open: bool = False, high_open: bool = False) -> None:
    """Raise :class:`ParameterError` unless ``value`` is a finite number within the bounds.

    ``low_open``/``high_open`` make a bound exclusive.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise ParameterError(msg("{name} must be a number, not {value!r}.", name=name, value=value))
    if not math.isfinite(value):
        raise ParameterError(msg("{name} must be a finite number; got {value!r}.", name=name,
                                 value=value))
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if too_low or too_high:
        parts = []
        if low is not None:
            parts.append(msg("above {low:g}", low=low) if low_open else
                         msg("at least {low:g}", low=low))
        if high is not None:
            parts.append(msg("below {high:g}", high=high) if high_open else
                         msg("at most {high:g}", high=high))
        bound = parts[0] if len(parts) == 1 else msg("{low} and {high}", low=parts[0],
                                                      high=parts[1])
        raise ParameterError(msg("{name} must be {bound}; got {value:g}.", name=name,
                                 bound=bound, value=value))


def check_bool(name: str, value: Any) -> None:
    """Raise :class:`ParameterError` unless ``value`` is true/false (or 0/1)."""
    if not isinstance(value, (bool, np.bool_)) and value not in (0, 1):
        raise ParameterError(msg("{name} must be true or false, not {value!r}.", name=name,
                                 value=value))
