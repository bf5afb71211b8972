"""The welcome page's analogy: first solved demo analogy, else an honest unsolved one."""

from __future__ import annotations

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.explore.demo import demo_analogy


def _emb(rows: dict[str, list[float]]) -> Embeddings:
    return Embeddings(list(rows), np.asarray(list(rows.values()), dtype=np.float32))


def test_first_solved_candidate_wins():
    # gender along x, "young" along y; no "king"/"queen", so the first candidate is skipped.
    emb = _emb({"man": [1, 0, 0.1], "woman": [-1, 0, 0.1], "boy": [1, 1, 0.1],
                "girl": [-1, 1, 0.1], "tree": [0, -1, 1]})
    found = demo_analogy(emb)
    assert (found.a, found.b, found.c, found.expected) == ("man", "woman", "boy", "girl")
    assert found.solved and found.answers[0] == "girl"
    assert "solved" in found.sentence()


def test_unsolved_candidate_reports_rank():
    emb = _emb({"man": [1, 0, 0], "woman": [0, 1, 0], "boy": [0, 0, 1],
                "girl": [1, 1, 1], "x": [-1, 1, 1]})
    found = demo_analogy(emb, [("man", "woman", "boy", "girl")])
    # b - a + c = (-1, 1, 1) → "x" first; "girl" second.
    assert found.answers[:2] == ("x", "girl") and found.rank == 2 and not found.solved
    assert "expected girl, ranked 2" in found.sentence()


def test_none_when_no_candidate_is_known():
    assert demo_analogy(_emb({"a": [1, 0], "b": [0, 1]})) is None
