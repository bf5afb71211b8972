"""The workspace folder: run registry (SQLite), caches and atomic file writes.

A workspace is a folder (by default under the user's data directory, see
:func:`default_workspace_dir`) holding::

    runs.sqlite        the run registry: one row per job
    cache/             derived data keyed by input fingerprints (tokenized corpora, ...)
    runs/<id>/         outputs of each run

Every file the app writes goes through :func:`atomic_write`: the data is
written to a temporary file beside the target, flushed and fsynced, then
renamed over the target, so a crash, a cancel or a full disk never leaves a
half-written file where a good one was.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from workbench.core.errors import WorkbenchError
from workbench.core.messages import dumps, loads, msg
from workbench.core.tasks import Cancelled

__all__ = [
    "RUN_STATUSES",
    "RunHandle",
    "RunRecord",
    "RunRegistry",
    "Workspace",
    "atomic_write",
    "default_workspace_dir",
    "fsync_dir",
    "fsync_tree",
]

RUN_STATUSES = ("running", "success", "cancelled", "failed")
_ENV_VAR = "WORKBENCH_WORKSPACE"


def default_workspace_dir() -> Path:
    """Return the default workspace folder for this user and platform.

    ``$WORKBENCH_WORKSPACE`` wins when set (tests and scripts use it); then
    the platform's user data folder (``%APPDATA%``, ``~/Library/Application
    Support`` or ``$XDG_DATA_HOME``/``~/.local/share``) + ``EmbeddingWorkbench``.
    """
    env = os.environ.get(_ENV_VAR)
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "EmbeddingWorkbench"


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb", encoding: str | None = None,
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file for writing and move it over ``path`` on success.

    On any exception (``Cancelled`` included) the temporary file is removed and
    ``path`` is left as it was.

    Examples
    --------
    >>> with atomic_write(tmp / "vocab.tsv", "w", encoding="utf-8") as f:  # doctest: +SKIP
    ...     f.write("the\\t42\\n")
    """
    if mode not in ("w", "wb", "wt"):
        raise ValueError(f"atomic_write supports write modes only, not {mode!r}")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        if "b" in mode:
            f: IO[Any] = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_fsync_dir = fsync_dir


def fsync_tree(folder: Path) -> None:
    """Flush every file under ``folder`` (and the folder itself) to disk.

    Used before renaming a finished folder (a checkpoint) into place.
    """
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with contextlib.suppress(OSError):
                fd = os.open(path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
    fsync_dir(folder)


@dataclass
class RunRecord:
    """One row of the run registry."""

    id: int
    kind: str
    params: dict[str, Any]
    input_fingerprint: str
    status: str
    started: float
    ended: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    message: str = ""

    @property
    def seconds(self) -> float | None:
        """Wall time of the run, or ``None`` while it runs."""
        return None if self.ended is None else self.ended - self.started


_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    input_fingerprint TEXT NOT NULL,
    status TEXT NOT NULL,
    started REAL NOT NULL,
    ended REAL,
    metrics TEXT NOT NULL DEFAULT '{}',
    outputs TEXT NOT NULL DEFAULT '{}',
    message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_SCHEMA_VERSION = "1"


class RunRegistry:
    """A SQLite table of every job: kind, parameters, input, status, metrics, outputs.

    Safe to use from several threads (one connection per call, WAL journal).

    Parameters
    ----------
    path
        The database file; created with its folder if missing.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            with self._connect() as db:
                db.executescript(_SCHEMA)
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                           (_SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:
            raise WorkbenchError(
                msg("The run registry {path} cannot be opened ({exc}). Choose another workspace "
                    "folder or move this file away.", path=self.path, exc=exc),
                path=self.path) from exc

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            with db:
                yield db
        finally:
            db.close()

    def start(self, kind: str, params: dict[str, Any], input_fingerprint: str = "") -> int:
        """Record a new run as ``running`` and return its id."""
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO runs (kind, params, input_fingerprint, status, started) "
                "VALUES (?, ?, ?, 'running', ?)",
                (kind, json.dumps(params, sort_keys=True, default=str), input_fingerprint,
                 time.time()))
            return int(cur.lastrowid)

    def finish(self, run_id: int, status: str, metrics: dict[str, Any] | None = None,
               outputs: dict[str, str | Path] | None = None, message: str = "") -> None:
        """Record how run ``run_id`` ended (``success``, ``cancelled`` or ``failed``)."""
        if status not in RUN_STATUSES[1:]:
            raise ValueError(f"unknown final status {status!r}")
        with self._lock, self._connect() as db:
            db.execute(
                "UPDATE runs SET status=?, ended=?, metrics=?, outputs=?, message=? WHERE id=?",
                (status, time.time(), json.dumps(metrics or {}, sort_keys=True, default=str),
                 json.dumps({k: str(v) for k, v in (outputs or {}).items()}, sort_keys=True),
                 message, run_id))

    def update_metrics(self, run_id: int, metrics: dict[str, Any]) -> None:
        """Replace the metrics of a run that is still going (per-epoch curves, ...)."""
        with self._lock, self._connect() as db:
            db.execute("UPDATE runs SET metrics=? WHERE id=?",
                       (json.dumps(metrics, sort_keys=True, default=str), run_id))

    def get(self, run_id: int) -> RunRecord:
        """Return run ``run_id``; ``KeyError`` if there is none."""
        with self._connect() as db:
            row = db.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        if row is None:
            raise KeyError(run_id)
        return self._record(row)

    def list(self, kind: str | None = None, limit: int | None = None) -> list[RunRecord]:
        """Return runs, newest first, optionally of one kind only."""
        sql = "SELECT * FROM runs"
        args: list[Any] = []
        if kind is not None:
            sql += " WHERE kind=?"
            args.append(kind)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        with self._connect() as db:
            rows = db.execute(sql, args).fetchall()
        return [self._record(r) for r in rows]

    @staticmethod
    def _record(row: tuple[Any, ...]) -> RunRecord:
        (id_, kind, params, fingerprint, status, started, ended, metrics, outputs,
         message) = row
        return RunRecord(int(id_), kind, json.loads(params), fingerprint, status, started,
                         ended, json.loads(metrics), json.loads(outputs), loads(message))


@dataclass
class RunHandle:
    """What a job fills in while it runs under :meth:`Workspace.recorded`."""

    id: int
    metrics: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, str | Path] = field(default_factory=dict)


class Workspace:
    """A workspace folder with its run registry and cache.

    Parameters
    ----------
    root
        The folder; :func:`default_workspace_dir` when ``None``.  Created if
        missing.  An unwritable folder raises :class:`WorkbenchError`.
    """

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root).expanduser() if root is not None else default_workspace_dir()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self.cache_dir.mkdir(exist_ok=True)
            probe = self.root / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise WorkbenchError(
                msg("The workspace folder {root} cannot be written ({value}). Choose another "
                    "folder in the settings.", root=self.root, value=exc.strerror or exc),
                path=self.root) from exc
        self.runs = RunRegistry(self.root / "runs.sqlite")

    @property
    def cache_dir(self) -> Path:
        """Folder for derived data keyed by fingerprints."""
        return self.root / "cache"

    def run_dir(self, run_id: int) -> Path:
        """Folder for the outputs of run ``run_id`` (created)."""
        path = self.root / "runs" / str(run_id)
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextlib.contextmanager
    def recorded(self, kind: str, params: dict[str, Any],
                 input_fingerprint: str = "") -> Iterator[RunHandle]:
        """Record the job run inside the ``with`` block in the run registry.

        The run is ``success`` when the block ends normally, ``cancelled`` when
        it raises :class:`Cancelled` and ``failed`` (with the error's message)
        for any other exception; the exception propagates either way.  The job
        puts its metrics and output paths on the yielded :class:`RunHandle`.
        """
        handle = RunHandle(self.runs.start(kind, params, input_fingerprint))
        try:
            yield handle
        except Cancelled:
            self.runs.finish(handle.id, "cancelled", handle.metrics, handle.outputs)
            raise
        except BaseException as exc:
            self.runs.finish(handle.id, "failed", handle.metrics, handle.outputs,
                             message=dumps(exc) or type(exc).__name__)
            raise
        self.runs.finish(handle.id, "success", handle.metrics, handle.outputs)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"
