"""Word in context: one word in two sentences, compared layer by layer.

The Word-in-Context task (Pilehvar & Camacho-Collados 2019) asks whether a
word means the same in two sentences.  :func:`compare_in_context` answers
with what the model gives: the cosine similarity of the word's contextual
vectors in the two sentences at every layer (the embedding layer's output
first, where only position differs, then each transformer layer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import WorkbenchError
from workbench.core.inspect.contextual import find_occurrences, word_vectors
from workbench.core.messages import msg

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["WicResult", "compare_in_context"]


@dataclass(frozen=True)
class WicResult:
    """The word's similarity across two sentences.

    Attributes
    ----------
    word
        The word.
    cosines
        ``(layers + 1,)`` cosine similarity per layer (0 = embedding output).
    pieces_a, pieces_b
        The tokens the word was split into in each sentence.
    spans
        The word's character span in each sentence (its first occurrence).
    """

    word: str
    cosines: np.ndarray
    pieces_a: list[str]
    pieces_b: list[str]
    spans: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))


def compare_in_context(model: InspectModel, sentence_a: str, sentence_b: str, word: str, *,
                       lowercase: bool = True) -> WicResult:
    """Cosine similarity of ``word``'s contextual vectors in two sentences, per layer.

    The first whole-word occurrence in each sentence is used (matching as in
    :func:`~workbench.core.inspect.contextual.find_occurrences`).

    Raises
    ------
    WorkbenchError
        When the word is empty, or does not occur in a sentence (the message
        says which one).
    """
    word = word.strip()
    if not word:
        raise WorkbenchError(msg("Type the word to compare."))
    occs = []
    sentences = ((msg("The first sentence is empty."), msg("the first sentence"), sentence_a),
                 (msg("The second sentence is empty."), msg("the second sentence"), sentence_b))
    for empty, name, sentence in sentences:
        if not sentence or not sentence.strip():
            raise WorkbenchError(empty)
        found, _ = find_occurrences([sentence], word, limit=1, lowercase=lowercase,
                                    source=name, count_all=False)
        if not found:
            raise WorkbenchError(msg("'{word}' does not occur as a whole word in {which}: "
                                     "{sentence!r}.", word=word, which=name,
                                     sentence=sentence[:80]))
        occs.append(found[0])
    vec = word_vectors(model, occs)
    if len(vec) < 2:
        which = sentences[0 if vec.occurrences[:1] != occs[:1] else 1][1]
        raise WorkbenchError(msg("The model's tokenizer gives no token for '{word}' in "
                                 "{which}.", word=word, which=which))
    a = vec.vectors[0].astype(np.float64)
    b = vec.vectors[1].astype(np.float64)
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    denom = np.where(na * nb > 0, na * nb, 1.0)
    cos = (a * b).sum(axis=1) / denom
    return WicResult(word=word, cosines=cos.astype(np.float64), pieces_a=vec.pieces[0],
                     pieces_b=vec.pieces[1],
                     spans=((occs[0].start, occs[0].end), (occs[1].start, occs[1].end)))
