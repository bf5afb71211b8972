"""The one protocol for long work: progress, partial results, cancellation.

A core job is a plain function that takes a ``progress`` argument::

    def compute_stats(corpus, settings, progress: Progress = NULL_PROGRESS) -> CorpusStats:
        for i, chunk in enumerate(chunks):
            progress.raise_if_cancelled()
            ...
            progress.report(done / total, f"Read {done:,} of {total:,} bytes")
            progress.partial(("loss", step, value))   # optional streamed result

The job never touches widgets.  The CLI passes a printing progress, tests pass
a recording one, and the UI's runner (``workbench.ui.tasks``) passes one that
turns every call into a queued Qt signal.  Cancellation is cooperative: the
caller cancels a :class:`CancelToken`, and the job's next
``raise_if_cancelled()`` raises :class:`Cancelled`, which is an *outcome*, not
an error.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol, runtime_checkable

__all__ = [
    "Cancelled",
    "CancelToken",
    "Progress",
    "NullProgress",
    "NULL_PROGRESS",
    "CallbackProgress",
    "RecordingProgress",
    "ScaledProgress",
    "scaled",
    "Outcome",
    "run_task",
]


class Cancelled(Exception):
    """Raised inside a job when its caller asked it to stop.

    Catch it where the job is run and record the run as *cancelled*; it is
    never shown to the user as an error.  A job that has something worth
    keeping when it stops (the vectors of its last finished epoch, a
    checkpoint path) raises ``Cancelled(result)``; the caller finds it in
    :attr:`result`.
    """

    def __init__(self, result: Any = None) -> None:
        super().__init__("cancelled")
        self.result = result


class CancelToken:
    """A thread-safe flag that asks a job to stop at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if :meth:`cancel` was called."""
        if self._event.is_set():
            raise Cancelled()


@runtime_checkable
class Progress(Protocol):
    """What a job may tell its caller while it runs."""

    def report(self, fraction: float | None, message: str = "") -> None:
        """Report progress in [0, 1] (``None`` when unknown) with a short message."""

    def partial(self, result: Any) -> None:
        """Stream a partial result (a loss point, an epoch snapshot, ...)."""

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if the caller asked the job to stop."""

    @property
    def cancelled(self) -> bool:
        """Whether the caller asked the job to stop."""


class NullProgress:
    """A progress that ignores reports and is never cancelled."""

    def report(self, fraction: float | None, message: str = "") -> None:  # noqa: D102
        pass

    def partial(self, result: Any) -> None:  # noqa: D102
        pass

    def raise_if_cancelled(self) -> None:  # noqa: D102
        pass

    @property
    def cancelled(self) -> bool:  # noqa: D102
        return False


NULL_PROGRESS = NullProgress()


class CallbackProgress:
    """A progress that forwards to callables and checks a :class:`CancelToken`.

    Parameters
    ----------
    on_report, on_partial
        Called from the job's thread; they must be thread-safe (the Qt runner
        emits queued signals from them).
    token
        The token the caller cancels; a fresh one when omitted.
    min_interval
        Reports closer together than this many seconds are dropped, except
        those that reach 1.0, so a tight loop cannot flood its listener.
    """

    def __init__(
        self,
        on_report: Callable[[float | None, str], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        token: CancelToken | None = None,
        min_interval: float = 0.0,
    ) -> None:
        self._on_report = on_report
        self._on_partial = on_partial
        self.token = token if token is not None else CancelToken()
        self._min_interval = min_interval
        self._last: float | None = None

    def report(self, fraction: float | None, message: str = "") -> None:  # noqa: D102
        if self._on_report is None:
            return
        now = time.monotonic()
        final = fraction is not None and fraction >= 1.0
        if not final and self._last is not None and now - self._last < self._min_interval:
            return
        self._last = now
        if fraction is not None:
            fraction = min(max(float(fraction), 0.0), 1.0)
        self._on_report(fraction, message)

    def partial(self, result: Any) -> None:  # noqa: D102
        if self._on_partial is not None:
            self._on_partial(result)

    def raise_if_cancelled(self) -> None:  # noqa: D102
        self.token.raise_if_cancelled()

    @property
    def cancelled(self) -> bool:  # noqa: D102
        return self.token.cancelled


class RecordingProgress(CallbackProgress):
    """A progress that keeps every report and partial result (for tests and scripts).

    Parameters
    ----------
    cancel_after
        Cancel the token once this many reports have arrived (``None``: never).
    """

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[float | None, str]] = []
        self.partials: list[Any] = []
        self._cancel_after = cancel_after
        super().__init__(self._record, self.partials.append)

    def _record(self, fraction: float | None, message: str) -> None:
        self.reports.append((fraction, message))
        if self._cancel_after is not None and len(self.reports) >= self._cancel_after:
            self.token.cancel()


class ScaledProgress:
    """Maps a sub-job's [0, 1] progress onto ``[start, end]`` of its parent's."""

    def __init__(self, parent: Progress, start: float, end: float) -> None:
        self._parent = parent
        self._start = start
        self._end = end

    def report(self, fraction: float | None, message: str = "") -> None:  # noqa: D102
        if fraction is None:
            self._parent.report(None, message)
        else:
            self._parent.report(self._start + (self._end - self._start) * fraction, message)

    def partial(self, result: Any) -> None:  # noqa: D102
        self._parent.partial(result)

    def raise_if_cancelled(self) -> None:  # noqa: D102
        self._parent.raise_if_cancelled()

    @property
    def cancelled(self) -> bool:  # noqa: D102
        return self._parent.cancelled


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """Return a progress that reports into ``[start, end]`` of ``progress``."""
    return ScaledProgress(progress, start, end)


@dataclass
class Outcome:
    """How a job ended: ``status`` is ``"success"``, ``"cancelled"`` or ``"failed"``.

    Attributes
    ----------
    value
        The job's return value on success; on cancel, what the job kept
        (``Cancelled.result``), often ``None``.
    error
        The exception on failure (``None`` otherwise).
    traceback
        The formatted traceback on failure.
    seconds
        Wall time the job ran.
    """

    status: str
    value: Any = None
    error: BaseException | None = None
    traceback: str = ""
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the job succeeded."""
        return self.status == "success"


def run_task(fn: Callable[..., Any], *args: Any, progress: Progress = NULL_PROGRESS,
             **kwargs: Any) -> Outcome:
    """Run ``fn(*args, progress=progress, **kwargs)`` and capture how it ended.

    Never raises for the job's own exceptions: ``Cancelled`` becomes a
    ``"cancelled"`` outcome, anything else a ``"failed"`` one.
    """
    start = time.perf_counter()
    try:
        value = fn(*args, progress=progress, **kwargs)
    except Cancelled as exc:
        return Outcome("cancelled", value=exc.result, seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - the outcome carries it to the caller
        return Outcome("failed", error=exc, traceback=traceback.format_exc(),
                       seconds=time.perf_counter() - start)
    return Outcome("success", value=value, seconds=time.perf_counter() - start)
