"""Messages for people that the interface can translate.

The core speaks English: every error and progress message is a sentence
written with :func:`msg`, which returns a :class:`Msg`.  A ``Msg`` *is* the
English text (a ``str``: the CLI prints it, tests match it, logs keep it) and
also remembers the template it was made from and the values filled in, so a
user interface can look the template up in its catalogue and fill the same
values into the translation::

    raise CorpusError(msg("{path} holds no text.", path=path), path=path)
    progress.report(done / total, msg("Read {done:,} of {total:,} lines", done=done,
                                      total=total))

``tools/translations.py`` collects every ``msg("...")`` template of
``workbench/core`` into the translation files (context ``"core"``), so the
template must be a string literal.  :func:`render` is the one place that
turns a ``Msg`` into text in another language; the core itself never
translates and never imports Qt.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from typing import Any

__all__ = ["CONTEXT", "Msg", "dumps", "fields", "join", "loads", "msg", "render"]

#: The translation context of every core message.
CONTEXT = "core"


class Msg(str):
    """An English message that remembers its template and values.

    Compares, hashes and prints as the English text.  Pickles (for child
    processes) with its template and values.

    Attributes
    ----------
    template
        The English template, with ``str.format`` fields.
    values
        The values filled into the template's fields.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any] | None = None) -> Msg:  # noqa: PYI034
        values = dict(values or {})
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Msg, (self.template, self.values))


def msg(template: str, /, **values: Any) -> Msg:
    """A translatable message: ``template.format(**values)`` in English.

    Parameters
    ----------
    template
        An English sentence with ``str.format`` fields (``{path}``,
        ``{count:,}``); a literal, so that it can be extracted for translators.
    **values
        The values of its fields.
    """
    return Msg(template, values)


def join(parts: list[str]) -> str:
    """Sentences one after the other, still translatable when they are messages."""
    parts = [p for p in parts if p]
    if not parts:
        return ""
    out = parts[-1]
    for part in reversed(parts[:-1]):
        out = msg("{first} {then}", first=part, then=out)
    return out


def fields(template: str) -> set[str]:
    """The names of the ``str.format`` fields of ``template`` (for checks)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(text: Any, translate: Callable[[str], str]) -> str:
    """``text`` in the language of ``translate`` (a template → template function).

    A :class:`Msg` is rebuilt from its translated template, with values that
    are messages themselves (or errors whose message is one) rendered too.
    Anything else comes back as ``str(text)``.  When a translation is broken
    (a field it names is not among the values) the English text is returned,
    never an exception.
    """
    message = _message_of(text)
    if message is None:
        return str(text)
    values = {key: render(value, translate) if _message_of(value) is not None else value
              for key, value in message.values.items()}
    try:
        return (translate(message.template) or message.template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str.__str__(message)


def _message_of(value: Any) -> Msg | None:
    """``value`` itself, or the message of an error carrying one, when it is a :class:`Msg`."""
    message = getattr(value, "message", None) if isinstance(value, BaseException) else value
    return message if isinstance(message, Msg) else None


def dumps(text: Any) -> str:
    """``text`` as a string to store (e.g. a run's message in the registry).

    A :class:`Msg` (or an error carrying one) is stored as JSON with its
    English text, template and values, so :func:`loads` gives back a message
    the interface can still translate; anything else is stored as ``str(text)``.
    """
    encoded = _encode(text)
    return json.dumps(encoded, ensure_ascii=False) if isinstance(encoded, dict) else str(text)


def loads(stored: str) -> str:
    """The message :func:`dumps` stored: a :class:`Msg` again, or the plain text."""
    if not stored.startswith("{"):
        return stored
    try:
        return _decode(json.loads(stored))
    except (ValueError, TypeError, KeyError, AttributeError):
        return stored


def _encode(value: Any) -> Any:
    message = _message_of(value)
    if message is not None:
        return {"msg": message.template, "text": str.__str__(message),
                "values": {k: _encode(v) for k, v in message.values.items()}}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    text = str(value["text"])
    try:
        return Msg(str(value["msg"]), {k: _decode(v) for k, v in value["values"].items()})
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return text     # a value that no longer fits the template: keep the English text
