"""The analogy the welcome page shows after its first training run.

A small corpus cannot solve every textbook analogy (the bundled speeches
have no "queen"), so :func:`demo_analogy` walks a fixed list of well-known
analogies and returns the first one whose four words the model knows and
whose expected answer is its top-1 3CosAdd answer.  When none is solved it
returns the first one the model knows, unsolved, with the expected answer's
rank, so the page never pretends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.messages import msg

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.core.embeddings import Embeddings

__all__ = ["DEMO_ANALOGIES", "DemoAnalogy", "demo_analogy"]

#: ``(a, b, c, expected)`` for ``a : b = c : expected``, the lecture's first.
DEMO_ANALOGIES: tuple[tuple[str, str, str, str], ...] = (
    ("man", "king", "woman", "queen"),
    ("man", "woman", "boy", "girl"),
    ("boy", "girl", "man", "woman"),
    ("he", "she", "his", "her"),
    ("father", "mother", "son", "daughter"),
    ("husband", "wife", "he", "she"),
    ("brother", "sister", "father", "mother"),
    ("france", "paris", "germany", "berlin"),
    ("good", "better", "great", "greater"),
    ("large", "larger", "strong", "stronger"),
    ("walk", "walked", "go", "went"),
)


@dataclass(frozen=True)
class DemoAnalogy:
    """An analogy and what the model answers.

    Attributes
    ----------
    a, b, c, expected
        ``a : b = c : expected``.
    answers
        The model's five best answers (3CosAdd, inputs excluded).
    rank
        The expected word's rank among all candidates (1 = solved).
    """

    a: str
    b: str
    c: str
    expected: str
    answers: tuple[str, ...]
    rank: int

    @property
    def solved(self) -> bool:
        return self.rank == 1

    def sentence(self) -> str:
        """One line for the user."""
        head = f"{self.a} : {self.b} = {self.c} : ?  →  {self.answers[0]}"
        if self.solved:
            return msg("{analogy} (solved)", analogy=head)
        return msg("{analogy} (expected {expected}, ranked {rank})", analogy=head,
                   expected=self.expected, rank=self.rank)


def demo_analogy(emb: Embeddings,
                 candidates: Sequence[tuple[str, str, str, str]] = DEMO_ANALOGIES
                 ) -> DemoAnalogy | None:
    """The first candidate ``emb`` solves, else the first it knows; ``None`` if none."""
    from workbench.core.evaluation.analogy import solve_analogy

    first: DemoAnalogy | None = None
    vocab = set(emb.words)
    for a, b, c, d in candidates:
        if not all(w in vocab for w in (a, b, c, d)):
            continue
        ranked = [w for w, _ in solve_analogy(emb, a, b, c, k=len(emb))]
        found = DemoAnalogy(a, b, c, d, tuple(ranked[:5]), ranked.index(d) + 1)
        if found.solved:
            return found
        first = first or found
    return first
