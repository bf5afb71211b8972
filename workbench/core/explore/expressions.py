"""Vector arithmetic typed as text: ``king - man + woman``, ``2*paris - france``.

Grammar (whitespace is free around operators)::

    expression := [sign] term (sign term)*
    sign       := "+" | "-"
    term       := word | number "*" word | word "*" number

A number is only a coefficient when ``*`` ties it to a word, so ``1990 -
1980`` subtracts two (number) words.  Words may contain ``-`` and ``+``
(``well-known``, ``c++``) when the operators are separated from them by
spaces: as soon as one ``+``/``-`` starts a space-separated piece of the
text, only such pieces are operators (``well-known - good``).  Without any,
every ``+``/``-`` is an operator (``king-man+woman``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.explore.neighbours import OutOfVocabulary, lookup
from workbench.core.messages import msg

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from workbench.core.embeddings import Embeddings

__all__ = [
    "ExpressionError",
    "expression_vector",
    "format_expression",
    "is_expression",
    "parse_expression",
]

_NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SPACED_OPERATOR = re.compile(r"(?:^|\s)[+-](?=\s|$|[^\s+-])")


class ExpressionError(ParameterError):
    """A word-vector expression cannot be read; the message points at the position."""

    def __init__(self, text: str, position: int, problem: str) -> None:
        pointer = f"{text}\n{' ' * position}^" if text else ""
        message = msg("{problem} (at character {position} of '{text}').", problem=problem,
                      position=position + 1, text=text) if text else \
            msg("{problem}.", problem=problem)
        super().__init__(message)
        self.text = text
        self.position = position
        self.problem = problem
        self.pointer = pointer

    def __reduce__(self) -> tuple[type, tuple[str, int, str]]:
        return type(self), (self.text, self.position, self.problem)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, position) tokens; kinds: op, star, num, word."""
    spaced = bool(_SPACED_OPERATOR.search(text))
    out: list[tuple[str, str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "+-" and (not spaced or i == 0 or text[i - 1].isspace()):
            out.append(("op", ch, i))
            i += 1
            continue
        if ch == "*":
            out.append(("star", ch, i))
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != "*" and \
                (spaced or text[j] not in "+-" or j == i):
            j += 1
        piece = text[i:j]
        kind = "num" if _NUMBER.fullmatch(piece) else "word"
        out.append((kind, piece, i))
        i = j
    return out


def parse_expression(text: str) -> list[tuple[float, str]]:
    """Read an expression into ``(coefficient, word)`` terms.

    Examples
    --------
    >>> parse_expression("king - man + woman")
    [(1.0, 'king'), (-1.0, 'man'), (1.0, 'woman')]
    >>> parse_expression("0.5*paris + -france")
    [(0.5, 'paris'), (-1.0, 'france')]

    Raises
    ------
    ExpressionError
        For an empty or malformed expression; the message names the position.
    """
    if not text or not text.strip():
        raise ExpressionError("", 0, msg("The expression is empty"))
    toks = _tokens(text)
    terms: list[tuple[float, str]] = []
    i = 0
    end = len(text.rstrip())

    def peek(j: int) -> tuple[str, str, int] | None:
        return toks[j] if j < len(toks) else None

    while True:
        sign = 1.0
        while (t := peek(i)) is not None and t[0] == "op":   # signs, "- -x" included
            sign = -sign if t[1] == "-" else sign
            i += 1
        t = peek(i)
        if t is None:
            raise ExpressionError(text, end, msg("A word is missing at the end"))
        coef = 1.0
        if t[0] == "num" and (s := peek(i + 1)) is not None and s[0] == "star":
            coef = float(t[1])
            i += 2
            t = peek(i)
            if t is None:
                raise ExpressionError(text, end, msg("A word is missing after '*'"))
        if t[0] == "star":
            raise ExpressionError(text, t[2], msg("Unexpected '*'; write a coefficient before "
                                                  "it, as in 2*paris"))
        if t[0] == "op":
            raise ExpressionError(text, t[2], msg("Unexpected '{op}'", op=t[1]))
        word = t[1]
        i += 1
        if (s := peek(i)) is not None and s[0] == "star":
            num = peek(i + 1)
            if num is None or num[0] != "num":
                pos = num[2] if num is not None else end
                raise ExpressionError(text, pos, msg("A number must follow '*' after a word"))
            if coef != 1.0:
                raise ExpressionError(text, s[2], msg("A word can have only one coefficient"))
            coef = float(num[1])
            i += 2
        terms.append((sign * coef, word))
        nxt = peek(i)
        if nxt is None:
            return terms
        if nxt[0] != "op":
            raise ExpressionError(text, nxt[2],
                                  msg("Expected '+' or '-' before '{word}'", word=nxt[1]))


def is_expression(text: str, vocabulary: Container[str] | None = None) -> bool:
    """Whether ``text`` reads as more than one word or as a weighted word.

    ``king - man``, ``-paris`` and ``2*paris`` are expressions; ``paris`` is
    not.  A hyphenated word typed without spaces (``well-known``) reads as
    ``well - known`` unless it is in ``vocabulary`` (an :class:`Embeddings`
    works): a vocabulary word is never an expression.  Malformed text
    (``king -``) counts as an expression, so that :func:`parse_expression`
    reports the problem.
    """
    if vocabulary is not None and text.strip() in vocabulary:
        return False
    try:
        terms = parse_expression(text)
    except ExpressionError:
        return bool(text.strip())
    return len(terms) > 1 or terms[0][0] != 1.0


def format_expression(terms: Sequence[tuple[float, str]]) -> str:
    """Write terms back as text: ``[(1, 'king'), (-1, 'man')] -> 'king - man'``."""
    parts: list[str] = []
    for i, (c, w) in enumerate(terms):
        mag = abs(c)
        body = w if mag == 1.0 else f"{mag:g}*{w}"
        if i == 0:
            parts.append(body if c >= 0 else f"-{body}")
        else:
            parts.append(f"{'-' if c < 0 else '+'} {body}")
    return " ".join(parts)


def expression_vector(emb: Embeddings, terms: Sequence[tuple[float, str]],
                      oov_vector: Callable[[str], NDArray] | None = None, *,
                      unit: bool = True) -> NDArray[np.float32]:
    """The vector of an expression: ``sum(coefficient * vector(word))``.

    Parameters
    ----------
    emb
        The vectors.
    terms
        From :func:`parse_expression`.
    oov_vector
        Builds a vector for a word missing from the vocabulary (fastText);
        without it a missing word raises :class:`OutOfVocabulary`.
    unit
        ``True`` (cosine work): each word's vector is normalised to length 1
        before it is weighted and added, as in gensim's ``most_similar``; the
        sum itself is *not* normalised.  ``False``: raw vectors are added
        (for Euclidean distances).

    Returns
    -------
    numpy.ndarray
        ``(emb.dim,)`` float32.
    """
    if not terms:
        raise ExpressionError("", 0, msg("The expression is empty"))
    out = np.zeros(emb.dim, dtype=np.float64)
    for coef, word in terms:
        if word in emb:
            row = emb.index(word)
            vec = (emb.unit if unit else emb.vectors)[row].astype(np.float64)
        elif oov_vector is not None:
            vec = np.asarray(oov_vector(word), dtype=np.float64).ravel()
            if vec.shape != (emb.dim,):
                raise ParameterError(msg("The vector built for '{word}' has {vec_size} values; "
                                         "the model has {emb_dim} dimensions.", word=word,
                                         vec_size=vec.size, emb_dim=emb.dim))
            if unit:
                norm = np.linalg.norm(vec)
                vec = vec / norm if norm > 0 else vec
        else:
            lookup(emb, word)   # raises OutOfVocabulary with suggestions
            raise OutOfVocabulary(word)  # pragma: no cover - lookup raised
        out += coef * vec
    return out.astype(np.float32)
