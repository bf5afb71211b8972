"""Run a core job in a child process, as if it ran here: progress, partials, cancel, errors.

Some back ends hold the GIL for long stretches (UMAP's numba code is compiled
without ``nogil``), so a worker *thread* running them freezes the window's
event loop.  A :class:`JobWorker` runs the job in a child process instead
and keeps the usual protocol of :mod:`workbench.core.tasks` on both sides::

    worker = JobWorker("UMAP")
    coords = worker.run(compute_map, vectors, params, progress=progress)

* The job is a picklable module-level function ``fn(*args, progress=..., **kwargs)``.
  In the child its ``progress`` sends ``report`` and ``partial`` calls back
  through a pipe; the calling thread forwards them to the caller's progress.
* Cancel: when the caller's progress is cancelled, the parent sets a shared
  event that the child's ``raise_if_cancelled`` checks.  A child that has not
  stopped ``grace`` seconds later is terminated; either way the caller gets
  :class:`~workbench.core.tasks.Cancelled`.
* A :class:`~workbench.core.errors.WorkbenchError` raised in the child is
  raised again here with its message; other exceptions are raised again with
  the child's traceback as their cause.  A child that dies (killed, out of
  memory, a crash in native code) becomes a ``WorkbenchError`` that says so.
* NumPy arrays of 1 MiB or more among the job's arguments travel through a
  temporary ``.npy`` file (memory-mapped by the child), not through the pipe.
* The child is started with the ``spawn`` method (forking a process that runs
  Qt or torch threads is unsafe) and stays up between jobs, so that whatever
  the first job compiled or loaded is reused; it is restarted on the next
  job after a crash or a forced cancel.  :func:`shutdown_workers` stops every
  worker (the app calls it on exit; it is also registered with ``atexit``).
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import signal
import tempfile
import threading
import time
import traceback
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

__all__ = ["BIG_ARRAY_BYTES", "ChildTraceback", "JobWorker", "run_in_child",
           "shutdown_workers"]

log = logging.getLogger(__name__)

#: Arrays at least this large go to the child through a temporary ``.npy`` file.
BIG_ARRAY_BYTES = 1 << 20
#: Seconds a cancelled child may take to stop before it is terminated.
DEFAULT_GRACE_S = 3.0
_POLL_S = 0.05
_CHILD_REPORT_INTERVAL_S = 0.04

_job_ids = itertools.count(1)


class ChildTraceback(Exception):
    """The traceback of an exception raised in a child process (set as ``__cause__``)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return "\n\n" + self.text


@dataclass(frozen=True)
class _ArrayFile:
    """Stands for a NumPy array saved in ``path``; the child memory-maps it."""

    path: str


# --------------------------------------------------------------------------- child side

class _ChildProgress:
    """The progress a job sees in the child: reports go to the parent, cancel is an event."""

    def __init__(self, send: Callable[[tuple[Any, ...]], None], cancel: Any) -> None:
        self._send = send
        self._cancel = cancel
        self._last = 0.0
        self._pending: tuple[Any, ...] | None = None

    def report(self, fraction: float | None, message: str = "") -> None:
        now = time.monotonic()
        final = fraction is not None and fraction >= 1.0
        if not final and now - self._last < _CHILD_REPORT_INTERVAL_S:
            self._pending = ("report", fraction, message)
            return
        self._last, self._pending = now, None
        self._send(("report", fraction, message))

    def flush(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._send(pending)

    def partial(self, result: Any) -> None:
        self.flush()
        self._send(("partial", result))

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return bool(self._cancel.is_set())


def _load_arrays(value: Any) -> Any:
    if isinstance(value, _ArrayFile):
        import numpy as np

        return np.load(value.path, mmap_mode="r", allow_pickle=False)
    return value


def _error_payload(exc: BaseException) -> tuple[Any, ...]:
    import pickle

    try:
        data: bytes | None = pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - sent as text instead
        data = None
    cls = type(exc)
    return ("error", data, cls.__module__, cls.__qualname__, str(exc),
            "".join(traceback.format_exception(cls, exc, exc.__traceback__)))


def _child_main(jobs: Connection, events: Connection, cancel: Any) -> None:
    """The child's loop: receive a job, run it, send what it says and how it ended."""
    lock = threading.Lock()
    # Ctrl+C in a terminal reaches the whole process group: the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        job_id, fn, args, kwargs = job

        def send(message: tuple[Any, ...], job_id: int = job_id) -> None:
            with lock:
                events.send((job_id, *message))

        progress = _ChildProgress(send, cancel)
        try:
            args = tuple(_load_arrays(a) for a in args)
            kwargs = {k: _load_arrays(v) for k, v in kwargs.items()}
            value = fn(*args, progress=progress, **kwargs)
            progress.flush()
            outcome: tuple[Any, ...] = ("done", value)
        except Cancelled as exc:
            outcome = ("cancelled", exc.result)
        except BaseException as exc:  # noqa: BLE001 - the parent raises it again
            outcome = _error_payload(exc)
        try:
            send(outcome)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            if outcome[0] == "cancelled":
                send(("cancelled", None))
            else:
                send(_error_payload(exc))


# --------------------------------------------------------------------------- parent side

_WORKERS: weakref.WeakSet[JobWorker] = weakref.WeakSet()
_WORKERS_LOCK = threading.Lock()


class JobWorker:
    """A child process that runs jobs one at a time and stays up between them.

    Parameters
    ----------
    name
        What the worker computes, in words ("UMAP"); error messages use it.
    grace
        Seconds a cancelled job may take to stop before the child is terminated.
    scratch_dir
        Folder for the temporary ``.npy`` files of large array arguments
        (default: the system's temporary folder); :meth:`call` can override it.

    Notes
    -----
    Thread-safe: jobs submitted from several threads run one after the other
    (a waiting caller whose progress is cancelled stops waiting).  The child
    starts on the first job (or :meth:`start`) and again after it died.
    """

    def __init__(self, name: str, *, grace: float = DEFAULT_GRACE_S,
                 scratch_dir: str | Path | None = None) -> None:
        self.name = name
        self.grace = grace
        self.scratch_dir = Path(scratch_dir) if scratch_dir is not None else None
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._jobs: Connection | None = None
        self._events: Connection | None = None
        self._cancel: Any = None
        self._stopping = False
        self.starts = 0
        with _WORKERS_LOCK:
            _WORKERS.add(self)

    # ------------------------------------------------------------------ state
    @property
    def is_alive(self) -> bool:
        """Whether the child process is running."""
        process = self._process
        return process is not None and process.is_alive()

    @property
    def pid(self) -> int | None:
        """The child's process id (``None`` when not running)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def start(self) -> None:
        """Start the child now (it is started on demand otherwise)."""
        with self._state_lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._close_locked()
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        jobs_r, jobs_w = ctx.Pipe(duplex=False)
        events_r, events_w = ctx.Pipe(duplex=False)
        cancel = ctx.Event()
        process = ctx.Process(target=_child_main, args=(jobs_r, events_w, cancel),
                              name=f"workbench-{self.name}", daemon=True)
        process.start()
        # Only the child holds these ends now: its death closes the events pipe.
        jobs_r.close()
        events_w.close()
        self._process, self._jobs, self._events, self._cancel = process, jobs_w, events_r, cancel
        self._stopping = False
        self.starts += 1
        log.debug("started %s worker process %s", self.name, process.pid)

    def _close_locked(self) -> None:
        for conn in (self._jobs, self._events):
            if conn is not None:
                try:
                    conn.close()
                except OSError:
                    pass
        self._jobs = self._events = None
        process, self._process = self._process, None
        if process is not None:
            if process.is_alive():
                process.terminate()
                process.join(2.0)
                if process.is_alive():
                    process.kill()
                    process.join(2.0)
            try:
                process.close()
            except ValueError:  # still running: the OS reaps it
                pass

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the child: ask it to leave, terminate it if it does not within ``timeout``.

        A job running at that moment ends with :class:`Cancelled` for its
        caller.  The worker can be used again afterwards (it starts a new child).
        """
        with self._state_lock:
            process = self._process
            if process is None:
                return
            self._stopping = True
            if not self._run_lock.acquire(blocking=False):
                # A job is running: its caller's thread sees the pipe close and
                # cleans up (its caller gets Cancelled).
                if process.is_alive():
                    process.terminate()
                return
            try:
                if self._jobs is not None and process.is_alive():   # idle: a polite goodbye
                    try:
                        self._jobs.send(None)
                    except OSError:
                        pass
                    process.join(timeout)
                self._close_locked()
            finally:
                self._run_lock.release()

    # ------------------------------------------------------------------ jobs
    def run(self, fn: Callable[..., Any], *args: Any, progress: Progress = NULL_PROGRESS,
            **kwargs: Any) -> Any:
        """Run ``fn(*args, progress=..., **kwargs)`` in the child and return its value.

        Raises
        ------
        Cancelled
            ``progress`` was cancelled (with the job's ``Cancelled.result``
            when it stopped by itself).
        WorkbenchError
            The job raised one (same class and message), or the child died.
        """
        return self.call(fn, args, kwargs, progress=progress)

    def call(self, fn: Callable[..., Any], args: tuple[Any, ...] = (),
             kwargs: dict[str, Any] | None = None, *, progress: Progress = NULL_PROGRESS,
             scratch_dir: str | Path | None = None) -> Any:
        """:meth:`run` with the arguments as a tuple and a dict, and a scratch folder.

        Parameters
        ----------
        scratch_dir
            Where large array arguments are written for the child (default:
            the worker's ``scratch_dir``, else the system's temporary folder);
            the files are removed when the job ends.
        """
        kwargs = dict(kwargs or {})
        with self._turn(progress):
            with self._state_lock:
                self._start_locked()
                jobs, events, cancel, process = (self._jobs, self._events, self._cancel,
                                                 self._process)
            assert jobs is not None and events is not None and process is not None
            folder = Path(scratch_dir or self.scratch_dir or tempfile.gettempdir())
            files: list[Path] = []
            try:
                args = tuple(self._offload(a, folder, files) for a in args)
                kwargs = {k: self._offload(v, folder, files) for k, v in kwargs.items()}
                job_id = next(_job_ids)
                cancel.clear()
                try:
                    jobs.send((job_id, fn, args, kwargs))
                except (OSError, EOFError):
                    return self._died(process, progress)
                return self._wait(job_id, events, cancel, process, progress)
            finally:
                for path in files:
                    try:
                        path.unlink()
                    except OSError:
                        pass

    @contextmanager
    def _turn(self, progress: Progress) -> Iterator[None]:
        """Wait for the previous job to end (a cancelled caller stops waiting)."""
        while not self._run_lock.acquire(timeout=_POLL_S):
            progress.raise_if_cancelled()
        try:
            yield
        finally:
            self._run_lock.release()

    @staticmethod
    def _offload(value: Any, folder: Path, files: list[Path]) -> Any:
        import numpy as np

        if not isinstance(value, np.ndarray) or value.nbytes < BIG_ARRAY_BYTES \
                or value.dtype.hasobject:
            return value
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"job-{os.getpid()}-{uuid.uuid4().hex}.npy"
        files.append(path)
        with open(path, "xb") as f:
            np.save(f, value, allow_pickle=False)
        return _ArrayFile(str(path))

    def _wait(self, job_id: int, events: Connection, cancel: Any, process: BaseProcess,
              progress: Progress) -> Any:
        deadline: float | None = None
        while True:
            if deadline is None and progress.cancelled:
                cancel.set()
                deadline = time.monotonic() + self.grace
            if deadline is not None and time.monotonic() > deadline:
                log.info("%s worker did not stop within %.1f s of a cancel; terminating it",
                         self.name, self.grace)
                with self._state_lock:
                    if self._process is process:
                        self._close_locked()
                raise Cancelled()
            try:
                if not events.poll(_POLL_S):
                    if not process.is_alive() and not events.poll(0):
                        return self._died(process, progress)
                    continue
                message = events.recv()
            except (EOFError, OSError):
                return self._died(process, progress)
            if message[0] != job_id:
                continue        # from a job whose caller stopped waiting
            kind = message[1]
            if kind == "report":
                progress.report(message[2], message[3])
            elif kind == "partial":
                progress.partial(message[2])
            elif kind == "done":
                return message[2]
            elif kind == "cancelled":
                raise Cancelled(message[2])
            else:
                _raise_child_error(*message[2:])

    def _died(self, process: BaseProcess, progress: Progress) -> Any:
        process.join(1.0)
        code = process.exitcode
        with self._state_lock:
            stopping = self._stopping
            if self._process is process:
                self._close_locked()
        if stopping or progress.cancelled:
            raise Cancelled()
        raise WorkbenchError(
            msg("The background process computing the {name} stopped unexpectedly "
                "({why}) before it finished. Try again; if it happens again, use "
                "fewer words or close other programs to free memory.", name=self.name,
                why=_describe_exit(code)))


def _describe_exit(code: int | None) -> str:
    if code is None:
        return msg("it no longer answers")
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if name == "SIGKILL":
            return msg("it was stopped by {signal}, often because memory ran out", signal=name)
        if name in ("SIGSEGV", "SIGBUS"):
            return msg("it was stopped by {signal}, a crash in native code", signal=name)
        return msg("it was stopped by {signal}", signal=name)
    return msg("exit code {code}", code=code)


def _raise_child_error(data: bytes | None, module: str, qualname: str, message: str,
                       tb: str) -> None:
    import importlib
    import pickle

    cause = ChildTraceback(tb)
    exc: BaseException | None = None
    if data is not None:
        try:
            exc = pickle.loads(data)
        except Exception:  # noqa: BLE001 - rebuilt from its class and message below
            exc = None
    if exc is None:
        cls: Any = None
        try:
            cls = getattr(importlib.import_module(module), qualname)
        except Exception:  # noqa: BLE001
            cls = None
        if isinstance(cls, type) and issubclass(cls, WorkbenchError):
            try:
                exc = cls(message)
            except Exception:  # noqa: BLE001
                exc = WorkbenchError(message)
        else:
            exc = RuntimeError(f"{qualname}: {message}")
    raise exc from cause


def run_in_child(fn: Callable[..., Any], *args: Any, progress: Progress = NULL_PROGRESS,
                 grace: float = DEFAULT_GRACE_S, **kwargs: Any) -> Any:
    """Run one job in a fresh child process (see :class:`JobWorker`), then stop the child."""
    worker = JobWorker(getattr(fn, "__name__", "job"), grace=grace)
    try:
        return worker.run(fn, *args, progress=progress, **kwargs)
    finally:
        worker.shutdown()


def shutdown_workers(timeout: float = 2.0) -> None:
    """Stop the child process of every :class:`JobWorker` (on app exit)."""
    with _WORKERS_LOCK:
        workers = list(_WORKERS)
    for worker in workers:
        try:
            worker.shutdown(timeout)
        except Exception:
            log.warning("could not stop the %s worker", worker.name, exc_info=True)


atexit.register(shutdown_workers)
