"""Errors written for people.

Core code raises :class:`WorkbenchError` (or a subclass) for every problem a
user can cause or fix: a bad file, a bad parameter, a missing optional
package.  The message is a complete sentence that names the file, line, byte
offset or parameter involved.  The UI shows ``str(error)`` as it is; anything
that is *not* a ``WorkbenchError`` is treated as a bug (logged with its
traceback, details one click away).
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "WorkbenchError",
    "CorpusError",
    "EncodingProblem",
    "ParameterError",
    "MissingDependency",
]


class WorkbenchError(Exception):
    """An expected problem, with a message meant for the user.

    Parameters
    ----------
    message
        A full sentence saying what is wrong and, where possible, what to do.
    path
        The file concerned, if any.
    line
        1-based line number in ``path``, if known.
    offset
        Byte offset in ``path``, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.offset = offset

    def __str__(self) -> str:
        return self.message


class CorpusError(WorkbenchError):
    """A corpus file or folder cannot be read as text."""


class EncodingProblem(CorpusError):
    """A file's bytes are not valid text in any encoding we try."""


class ParameterError(WorkbenchError):
    """A job parameter has a value the job cannot use."""


class MissingDependency(WorkbenchError):
    """An optional package needed for the requested feature is not installed."""
