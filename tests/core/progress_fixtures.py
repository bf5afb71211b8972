"""A recording progress that cancels itself when a chosen report or partial result arrives.

Typical use::

    from tests.core.progress_fixtures import CancelWhen

    progress = CancelWhen(partial=lambda r: isinstance(r, EpochReport))
    progress = CancelWhen(report=lambda message: "epoch" in message)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.core.tasks import RecordingProgress


class CancelWhen(RecordingProgress):
    """A :class:`RecordingProgress` that cancels its token once a test says so.

    Parameters
    ----------
    partial
        Called with each partial result after it is recorded; cancel when it is true.
    report
        Called with each report's message after it is recorded; cancel when it is true.
    """

    def __init__(self, *, partial: Callable[[Any], bool] | None = None,
                 report: Callable[[str], bool] | None = None) -> None:
        self._cancel_on_partial = partial
        self._cancel_on_report = report
        super().__init__()

    def _record(self, fraction: float | None, message: str) -> None:
        super()._record(fraction, message)
        if self._cancel_on_report is not None and self._cancel_on_report(message):
            self.token.cancel()

    def partial(self, result: Any) -> None:
        super().partial(result)
        if self._cancel_on_partial is not None and self._cancel_on_partial(result):
            self.token.cancel()
