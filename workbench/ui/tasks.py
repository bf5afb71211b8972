"""The Qt bridge for long work: run core jobs in worker threads, report on the GUI thread.

A core job is a plain function ``fn(*args, progress=..., **kwargs)`` (see
:mod:`workbench.core.tasks`).  A :class:`TaskRunner` (one per panel) runs it in
a worker thread and turns everything the job says into *queued* Qt signals, so
slots always run on the GUI thread and worker threads never touch widgets::

    self.runner = TaskRunner("Corpus statistics", parent=self)
    self.runner.finished.connect(self._on_stats_finished)
    self.runner.failed.connect(self._on_scan_failed)
    self.runner.start(scan_corpus, corpus, settings, workspace=ws)

Rules the runner keeps:

* one job at a time per runner: ``start`` cancels the job already running, and
  the new job begins only once the old one has stopped (so two jobs never write
  the same cache file);
* progress is coalesced to at most ~25 reports a second, but the last report a
  job makes is always delivered (before its outcome);
* every job carries an id; reports and results of a superseded job are dropped,
  and a job cancelled with :meth:`TaskRunner.cancel` ends with ``cancelled``
  even if it managed to return a value;
* exactly one of ``finished``, ``cancelled`` or ``failed`` ends each job that
  was not superseded, followed by ``done``.

A :class:`JobRegistry` knows the runners of a window; :class:`JobStatusWidget`
shows the active job in the status bar, and :meth:`JobRegistry.shutdown` cancels
and awaits them all when the window closes.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from workbench.core.tasks import CallbackProgress, Cancelled, CancelToken
from workbench.ui.i18n import core_text

__all__ = ["JobRegistry", "JobStatusWidget", "TaskRunner"]

log = logging.getLogger(__name__)

#: Minimum seconds between two progress signals of one job (~25 Hz).
PROGRESS_INTERVAL = 0.04

_job_ids = itertools.count(1)


@dataclass
class _Job:
    """Book-keeping for one submitted job (shared by the GUI and worker thread)."""

    id: int
    token: CancelToken
    thread: threading.Thread | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_emit: float = 0.0
    pending: tuple[float, str] | None = None  # a report held back by the throttle


class TaskRunner(QObject):
    """Runs one core job at a time in a worker thread and reports through queued signals.

    Parameters
    ----------
    name
        What the job does, in words ("Corpus statistics"); the status bar shows it.
    parent
        The owning QObject (usually the panel).

    Attributes
    ----------
    started : Signal()
        A job was started.
    progress_changed : Signal(float, str)
        Fraction done in [0, 1], or -1 when unknown, and a short message.
    partial_result_ready : Signal(object)
        Something the job streamed with ``progress.partial(obj)``.
    finished : Signal(object)
        The job returned this value.
    cancelled : Signal(object)
        The job stopped because it was cancelled; the argument is what it kept
        (``Cancelled.result``, e.g. the vectors of the last finished epoch), often ``None``.
    failed : Signal(object, str)
        The job raised this exception; the second argument is its traceback.
    done : Signal()
        Emitted after each of ``finished``, ``cancelled`` and ``failed``.
    cancel_requested : Signal()
        :meth:`cancel` was called while a job ran (the job has not stopped yet).
    """

    started = Signal()
    progress_changed = Signal(float, str)
    partial_result_ready = Signal(object)
    finished = Signal(object)
    cancelled = Signal(object)
    failed = Signal(object, str)
    done = Signal()
    cancel_requested = Signal()

    # Private signals emitted from worker threads; connected with queued
    # connections to slots of this object, which lives on the GUI thread.
    _job_progress = Signal(int, float, object)   # the message may be a core Msg
    _job_partial = Signal(int, object)
    _job_ended = Signal(int, str, object, str)

    def __init__(self, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._current: _Job | None = None
        self._threads: list[threading.Thread] = []
        self._last_progress: tuple[float, str] = (-1.0, "")
        queued = Qt.ConnectionType.QueuedConnection
        self._job_progress.connect(self._on_job_progress, queued)
        self._job_partial.connect(self._on_job_partial, queued)
        self._job_ended.connect(self._on_job_ended, queued)

    # ------------------------------------------------------------------ API
    @property
    def is_running(self) -> bool:
        """Whether a job was started and its outcome has not been delivered yet."""
        return self._current is not None

    @property
    def is_cancelling(self) -> bool:
        """Whether the running job was asked to stop and has not stopped yet."""
        return self._current is not None and self._current.token.cancelled

    @property
    def last_progress(self) -> tuple[float, str]:
        """The last ``(fraction, message)`` delivered for the running job."""
        return self._last_progress

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        """Run ``fn(*args, progress=<progress>, **kwargs)`` in a worker thread.

        A job already running is cancelled first (its outcome is dropped).
        Arguments should be immutable snapshots of what the job needs: the
        worker must never read live widget state.

        Returns
        -------
        int
            The new job's id.
        """
        previous = self._current
        if previous is not None:
            previous.token.cancel()
        job = _Job(next(_job_ids), CancelToken())
        wait_for = previous.thread if previous is not None else None
        thread = threading.Thread(
            target=self._run, args=(job, wait_for, fn, args, kwargs),
            name=f"TaskRunner[{self.name or id(self)}]#{job.id}", daemon=True)
        job.thread = thread
        self._current = job
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        self._last_progress = (-1.0, "")
        self.started.emit()
        thread.start()
        return job.id

    def cancel(self) -> None:
        """Ask the running job to stop; ``cancelled`` follows once it has stopped."""
        if self._current is not None and not self._current.token.cancelled:
            self._current.token.cancel()
            self.cancel_requested.emit()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every job of this runner has stopped, or ``timeout`` seconds pass.

        Outcomes are still delivered through the event loop afterwards.

        Returns
        -------
        bool
            ``True`` when no worker thread of this runner is alive any more.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in list(self._threads):
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            thread.join(remaining)
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def threads_alive(self) -> bool:
        """Whether any worker thread of this runner (current or superseded) still runs."""
        return any(t.is_alive() for t in self._threads)

    # ------------------------------------------------------- worker thread
    def _run(self, job: _Job, wait_for: threading.Thread | None, fn: Callable[..., Any],
             args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if wait_for is not None:
            wait_for.join()
        progress = CallbackProgress(
            on_report=lambda f, m: self._report(job, f, m),
            on_partial=lambda obj: self._emit_partial(job, obj),
            token=job.token)
        status, value, tb = "success", None, ""
        try:
            job.token.raise_if_cancelled()
            value = fn(*args, progress=progress, **kwargs)
        except Cancelled as exc:
            status, value = "cancelled", exc.result
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            status, value, tb = "failed", exc, traceback.format_exc()
            log.debug("job %s of %r failed", job.id, self.name, exc_info=True)
        self._flush(job)
        try:
            self._job_ended.emit(job.id, status, value, tb)
        except RuntimeError:  # the runner was deleted while the job ran
            pass

    def _report(self, job: _Job, fraction: float | None, message: str) -> None:
        value = (-1.0 if fraction is None else float(fraction), message)
        with job.lock:
            now = time.monotonic()
            if now - job.last_emit < PROGRESS_INTERVAL:
                job.pending = value
                return
            job.last_emit, job.pending = now, None
        self._emit_progress(job, value)

    def _flush(self, job: _Job) -> None:
        with job.lock:
            value, job.pending = job.pending, None
        if value is not None:
            self._emit_progress(job, value)

    def _emit_partial(self, job: _Job, value: object) -> None:
        try:
            self._job_partial.emit(job.id, value)
        except RuntimeError:  # the runner was deleted while the job ran
            pass

    def _emit_progress(self, job: _Job, value: tuple[float, str]) -> None:
        try:
            self._job_progress.emit(job.id, value[0], value[1])
        except RuntimeError:  # the runner was deleted while the job ran
            pass

    # ---------------------------------------------------------- GUI thread
    def _is_current(self, job_id: int) -> bool:
        return self._current is not None and self._current.id == job_id

    @Slot(int, float, object)
    def _on_job_progress(self, job_id: int, fraction: float, message: object) -> None:
        if self._is_current(job_id) and not self._current.token.cancelled:
            message = core_text(message)
            self._last_progress = (fraction, message)
            self.progress_changed.emit(fraction, message)

    @Slot(int, object)
    def _on_job_partial(self, job_id: int, value: object) -> None:
        if self._is_current(job_id) and not self._current.token.cancelled:
            self.partial_result_ready.emit(value)

    @Slot(int, str, object, str)
    def _on_job_ended(self, job_id: int, status: str, value: object, tb: str) -> None:
        if not self._is_current(job_id):
            return  # superseded: the newer job reports for itself
        job = self._current
        self._current = None
        if job.token.cancelled and status != "failed":
            status = "cancelled"
        if status == "success":
            self.finished.emit(value)
        elif status == "cancelled":
            self.cancelled.emit(value)
        else:
            self.failed.emit(value, tb)
        self.done.emit()


class JobRegistry(QObject):
    """Knows every :class:`TaskRunner` of a window and which one is active.

    The active job is the most recently started one still running; the
    status bar shows it.

    Attributes
    ----------
    active_changed : Signal()
        The active job changed (a job started or ended).
    """

    active_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runners: list[weakref.ReferenceType[TaskRunner]] = []
        self._order: list[weakref.ReferenceType[TaskRunner]] = []  # most recent last

    def add(self, runner: TaskRunner) -> TaskRunner:
        """Track ``runner`` (idempotent) and return it."""
        if runner in self.runners():
            return runner
        ref = weakref.ref(runner)
        self._runners.append(ref)
        runner.started.connect(self._on_runner_started)
        runner.done.connect(self._on_runner_done)
        runner.progress_changed.connect(self._on_runner_progress_changed)
        runner.cancel_requested.connect(self._on_runner_progress_changed)
        return runner

    def runners(self) -> list[TaskRunner]:
        """The live runners, in the order they were added."""
        alive = [r() for r in self._runners]
        return [r for r in alive if r is not None]

    def running(self) -> list[TaskRunner]:
        """The runners with a job in progress."""
        return [r for r in self.runners() if r.is_running]

    def active(self) -> TaskRunner | None:
        """The most recently started runner that is still running, if any."""
        for ref in reversed(self._order):
            runner = ref()
            if runner is not None and runner.is_running:
                return runner
        return None

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for runner in self.runners():
            runner.cancel()

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Cancel every job and wait up to ``timeout`` seconds in all for them to stop.

        Returns
        -------
        bool
            ``True`` when every worker thread stopped in time.
        """
        self.cancel_all()
        deadline = time.monotonic() + timeout
        ok = True
        for runner in self.runners():
            ok = runner.wait(max(0.0, deadline - time.monotonic())) and ok
        if not ok:
            log.warning("Some background jobs did not stop within %.1f s; exiting anyway.",
                        timeout)
        return ok

    @Slot()
    def _on_runner_started(self) -> None:
        runner = self.sender()
        if isinstance(runner, TaskRunner):
            self._order = [r for r in self._order if r() not in (None, runner)]
            self._order.append(weakref.ref(runner))
        self.active_changed.emit()

    @Slot()
    def _on_runner_done(self) -> None:
        self._order = [r for r in self._order if r() is not None and r().is_running]
        self.active_changed.emit()

    def _on_runner_progress_changed(self, *_: object) -> None:
        if self.sender() is self.active():
            self.active_changed.emit()


class JobStatusWidget(QWidget):
    """Status-bar widget: the active job's message, a progress bar and a Cancel button.

    Hidden while no job runs.

    Parameters
    ----------
    registry
        The jobs to show.
    """

    def __init__(self, registry: JobRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.label = QLabel(self)
        self.label.setToolTip(self.tr("What the background job is doing"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setMaximumHeight(16)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setToolTip(self.tr("Progress of the background job"))
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the background job (nothing already saved is "
                                               "lost)"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button)
        registry.active_changed.connect(self._on_active_changed)
        self._on_active_changed()

    @Slot()
    def _on_active_changed(self) -> None:
        runner = self.registry.active()
        if runner is None:
            self.setVisible(False)
            self.label.clear()
            return
        fraction, message = runner.last_progress
        name = runner.name or self.tr("Working")
        if runner.is_cancelling:
            text = self.tr("{name}: cancelling…").format(name=name)
        elif message:
            text = self.tr("{name}: {message}").format(name=name, message=message)
        else:
            text = self.tr("{name}…").format(name=name)
        self.label.setText(text)
        if fraction < 0:
            self.progress_bar.setRange(0, 0)  # busy indicator
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(fraction * 1000))
        self.cancel_button.setEnabled(not runner.is_cancelling)
        self.setVisible(True)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        runner = self.registry.active()
        if runner is not None:
            runner.cancel()
