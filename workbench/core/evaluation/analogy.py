"""Word-analogy evaluation (3CosAdd, 3CosMul) with batched matrix products.

For a question ``a : b = c : ?`` every considered word ``x`` other than the
three inputs is scored with the unit vectors of :attr:`Embeddings.unit`:

``3cosadd``  ``cos(x, b - a + c)`` (Mikolov et al. 2013; gensim ``most_similar``)
``3cosmul``  ``cos'(x, b) cos'(x, c) / (cos'(x, a) + epsilon)`` with
             ``cos' = (cos + 1) / 2`` (Levy & Goldberg 2014, epsilon 1e-3;
             gensim's ``most_similar_cosmul`` uses 1e-6)

and the best-scoring word is the answer.  Questions are solved in batches:
one ``(batch, dim) @ (dim, n)`` product per batch (three for 3CosMul), so
BATS's ~98k questions take seconds.  The rules follow gensim's
``evaluate_word_analogies``: only the first ``restrict_vocab`` words are
looked up and proposed; with ``lowercase`` words are matched case-insensitively
(first row wins) and every case variant of an input word is excluded; a
question with any word missing is counted as out-of-vocabulary and not
answered; accuracy is ``correct / answered``.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.evaluation._vocab import VocabLookup
from workbench.core.evaluation.benchmarks import AnalogySet, load_analogy_file
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["METHODS", "CategoryScore", "AnalogyFailure", "AnalogyResult", "evaluate_analogies",
           "solve_analogy"]

METHODS = ("3cosadd", "3cosmul")
_SCORE_CELLS = 1 << 23  # float32 cells of one batch's score matrix (32 MB)


@dataclass(frozen=True)
class CategoryScore:
    """The score of one category.

    Attributes
    ----------
    name
        The category.
    questions
        Questions in the benchmark.
    answered
        Questions whose words were all in the vocabulary.
    correct
        Answered questions whose best answer was right.
    """

    name: str
    questions: int
    answered: int
    correct: int

    @property
    def oov(self) -> int:
        """Questions skipped because a word was missing."""
        return self.questions - self.answered

    @property
    def accuracy(self) -> float:
        """``correct / answered`` (NaN when nothing was answered)."""
        return self.correct / self.answered if self.answered else math.nan

    @property
    def accuracy_all(self) -> float:
        """``correct / questions``: missing words count as wrong answers."""
        return self.correct / self.questions if self.questions else math.nan


@dataclass(frozen=True)
class AnalogyFailure:
    """An answered question whose best answer was wrong.

    Attributes
    ----------
    category
        The question's category.
    a, b, c
        The words used (``b`` is the first alternative found in the vocabulary).
    expected
        The accepted answers.
    got
        The model's best answer.
    """

    category: str
    a: str
    b: str
    c: str
    expected: tuple[str, ...]
    got: str


@dataclass(frozen=True)
class AnalogyResult:
    """The outcome of :func:`evaluate_analogies`.

    Attributes
    ----------
    benchmark
        The benchmark's name.
    method
        ``3cosadd`` or ``3cosmul``.
    categories
        One score per category, in benchmark order.
    total
        The sums over all categories (``name`` is ``"total"``).
    restrict_vocab
        Number of vectors considered.
    lowercase
        Whether words were matched case-insensitively.
    skipped_lines
        Lines of the benchmark file that could not be read.
    seconds
        Wall time.
    failures
        The wrongly answered questions, in benchmark order, when
        :func:`evaluate_analogies` was asked to keep them (empty otherwise).
    """

    benchmark: str
    method: str
    categories: tuple[CategoryScore, ...]
    total: CategoryScore
    restrict_vocab: int
    lowercase: bool
    skipped_lines: int = 0
    seconds: float = 0.0
    failures: tuple[AnalogyFailure, ...] = ()

    @property
    def accuracy(self) -> float:
        """Overall ``correct / answered``."""
        return self.total.accuracy

    @property
    def questions(self) -> int:
        """Questions in the benchmark."""
        return self.total.questions

    @property
    def oov(self) -> int:
        """Questions skipped because a word was missing."""
        return self.total.oov

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (accuracies included)."""
        def cat(c: CategoryScore) -> dict[str, Any]:
            d = asdict(c)
            d.update(oov=c.oov, accuracy=_nan_to_none(c.accuracy),
                     accuracy_all=_nan_to_none(c.accuracy_all))
            return d
        return {"benchmark": self.benchmark, "method": self.method,
                "restrict_vocab": self.restrict_vocab, "lowercase": self.lowercase,
                "skipped_lines": self.skipped_lines, "seconds": round(self.seconds, 3),
                "total": cat(self.total), "categories": [cat(c) for c in self.categories]}


def _nan_to_none(x: float) -> float | None:
    return None if math.isnan(x) else x


def _check_method(method: str) -> str:
    m = method.lower()
    if m not in METHODS:
        raise ParameterError(msg("method must be one of {METHODS}; it is {method!r}.",
                                 METHODS=', '.join(METHODS), method=method))
    return m


def _scores(cand: NDArray[np.float32], ua: NDArray[np.float32], ub: NDArray[np.float32],
            uc: NDArray[np.float32], method: str, epsilon: float,
            buffers: list[NDArray[np.float32]] | None = None) -> NDArray[np.float32]:
    """Scores ``(batch, n)`` of the candidate unit rows ``cand`` for unit query rows.

    ``buffers`` (``(>= batch, n)`` float32 arrays, one for 3CosAdd, three for
    3CosMul) are reused across batches: fresh large arrays cost page faults.
    """
    m, n = ua.shape[0], cand.shape[0]
    out = [buf[:m] for buf in buffers] if buffers else \
        [np.empty((m, n), np.float32) for _ in range(1 if method == "3cosadd" else 3)]
    if method == "3cosadd":
        target = ub - ua + uc
        norms = np.linalg.norm(target, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        target /= norms
        return np.matmul(target.astype(np.float32, copy=False), cand.T, out=out[0])
    cos_a, cos_b, cos_c = (np.matmul(u, cand.T, out=o) for u, o in zip((ua, ub, uc), out))
    for mat in (cos_a, cos_b, cos_c):
        mat += 1.0
        mat *= 0.5
    cos_b *= cos_c
    cos_a += epsilon
    cos_b /= cos_a
    return cos_b


def evaluate_analogies(emb: Embeddings, questions: AnalogySet | str | Path,
                       method: str = "3cosadd", restrict_vocab: int | None = None,
                       lowercase: bool = True, *, epsilon: float = 1e-3,
                       keep_failures: bool = False,
                       progress: Progress = NULL_PROGRESS) -> AnalogyResult:
    """Answer every analogy question of a benchmark and score the answers.

    Parameters
    ----------
    emb
        The vectors (frequency-sorted for ``restrict_vocab`` to make sense).
    questions
        An :class:`AnalogySet` or a path for :func:`load_analogy_file`.
    method
        ``"3cosadd"`` or ``"3cosmul"``.
    restrict_vocab
        Consider only the first this many vectors, for look-up and as answers
        (``None``: all; gensim's default is 300,000).
    lowercase
        Match words case-insensitively (gensim's ``case_insensitive``).
    epsilon
        3CosMul's denominator offset.
    keep_failures
        Keep every wrongly answered question in :attr:`AnalogyResult.failures`
        (for browsing a model's mistakes per category).
    progress
        Receives the fraction of questions answered; cancelling raises
        :class:`~workbench.core.tasks.Cancelled` within one batch.

    Returns
    -------
    AnalogyResult
        Per-category and total counts and accuracies.
    """
    start = time.perf_counter()
    method = _check_method(method)
    if not isinstance(questions, AnalogySet):
        questions = load_analogy_file(questions)
    if len(emb) == 0:
        raise WorkbenchError(msg("The embeddings hold no vectors to evaluate."))
    look = VocabLookup(emb, restrict_vocab, lowercase)
    unit = np.ascontiguousarray(emb.unit[:look.n])

    # Resolve words to keys (memoised: BATS repeats each word ~100 times).
    qa: list[int] = []
    qb: list[int] = []
    qc: list[int] = []
    answers: list[tuple[int, ...]] = []
    qcat: list[int] = []
    qobj: list[tuple[str, str, str, tuple[str, ...]]] = []
    failures: list[AnalogyFailure] = []
    counts = np.zeros(len(questions.categories), dtype=np.int64)
    first_row = look.first_row
    keys_of: dict[str, int | None] = {}

    def key(word: str) -> int | None:
        try:
            return keys_of[word]
        except KeyError:
            k = keys_of[word] = look.key(word)
            return k

    for ci, cat in enumerate(questions.categories):
        counts[ci] = len(cat.questions)
        for q in cat.questions:
            ka, kc = key(q.a), key(q.c)
            if ka is None or kc is None:
                continue
            kb = next((k for k in map(key, q.b) if k is not None), None)
            keys = tuple(k for k in map(key, q.d) if k is not None)
            if kb is None or not keys:
                continue
            qa.append(ka)
            qb.append(kb)
            qc.append(kc)
            answers.append(keys)
            qcat.append(ci)
            if keep_failures:
                qobj.append((q.a, next(w for w in q.b if key(w) is not None), q.c, q.d))
    total = len(qa)
    A, B, C = (first_row[np.asarray(x, dtype=np.int64)] for x in (qa, qb, qc))  # key -> row
    answered = np.bincount(np.asarray(qcat, dtype=np.int64), minlength=len(counts))
    correct = np.zeros(len(counts), dtype=np.int64)

    batch = max(1, min(4096, _SCORE_CELLS // max(look.n, 1)))
    row_key = look.row_key
    dup = look.rows_of_key
    arange = np.arange(batch)
    buffers = [np.empty((min(batch, total), look.n), np.float32)
               for _ in range(1 if method == "3cosadd" else 3)] if total else []
    for s in range(0, total, batch):
        progress.raise_if_cancelled()
        e = min(s + batch, total)
        a, b, c = A[s:e], B[s:e], C[s:e]
        scores = _scores(unit, unit[a], unit[b], unit[c], method, epsilon, buffers)
        idx = arange[:e - s]
        for rows in (a, b, c):
            scores[idx, rows] = -np.inf
        if dup:
            for qi in range(e - s):
                for r in (a[qi], b[qi], c[qi]):
                    extra = dup.get(int(row_key[r]))
                    if extra:
                        scores[qi, extra] = -np.inf
        pred_rows = np.argmax(scores, axis=1)
        pred_keys = row_key[pred_rows]
        for qi in range(e - s):
            ans = answers[s + qi]
            pk = pred_keys[qi]
            if pk == ans[0] or (len(ans) > 1 and pk in ans):
                correct[qcat[s + qi]] += 1
            elif keep_failures:
                qa_, qb_, qc_, qd_ = qobj[s + qi]
                failures.append(AnalogyFailure(questions.categories[qcat[s + qi]].name, qa_,
                                               qb_, qc_, qd_, emb.words[int(pred_rows[qi])]))
        progress.report(e / total, msg("Answered {e:,} of {total:,} questions", e=e, total=total))

    cats = tuple(CategoryScore(cat.name, int(counts[i]), int(answered[i]), int(correct[i]))
                 for i, cat in enumerate(questions.categories))
    tot = CategoryScore("total", int(counts.sum()), int(answered.sum()), int(correct.sum()))
    progress.report(1.0, msg("{questions_name}: {tot_correct:,} of {tot_answered:,} correct",
                             questions_name=questions.name, tot_correct=tot.correct,
                             tot_answered=tot.answered))
    return AnalogyResult(benchmark=questions.name, method=method, categories=cats, total=tot,
                         restrict_vocab=look.n, lowercase=lowercase,
                         skipped_lines=questions.skipped_lines,
                         seconds=time.perf_counter() - start, failures=tuple(failures))


def solve_analogy(emb: Embeddings, a: str, b: str, c: str, k: int = 10,
                  method: str = "3cosadd", *, restrict_vocab: int | None = None,
                  epsilon: float = 1e-3) -> list[tuple[str, float]]:
    """The ``k`` best answers to ``a : b = c : ?``, the inputs excluded.

    Scores are those of gensim: for 3CosAdd the cosine between the answer and
    ``b - a + c`` (of unit vectors), as ``most_similar(positive=[b, c],
    negative=[a])``; for 3CosMul the value of ``most_similar_cosmul`` (with its
    ``epsilon`` of 1e-6 when ``epsilon=1e-6`` is passed).

    Raises
    ------
    WorkbenchError
        When an input word is not in the vocabulary.
    """
    method = _check_method(method)
    if k < 1:
        raise ParameterError(msg("k must be at least 1; it is {k}.", k=k))
    rows = [emb.index(w) for w in (a, b, c)]
    n = len(emb) if restrict_vocab is None else min(int(restrict_vocab), len(emb))
    unit = emb.unit
    ua, ub, uc = (unit[r:r + 1] for r in rows)
    scores = _scores(unit[:n], ua, ub, uc, method, epsilon)[0].astype(np.float64)
    for r in rows:
        if r < n:
            scores[r] = -np.inf
    k = min(k, n - sum(r < n for r in set(rows)))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(emb.words[i], float(scores[i])) for i in top]
