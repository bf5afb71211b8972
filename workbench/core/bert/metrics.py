"""Evaluation metrics for fine-tuned BERT models (numpy only; no sklearn, no seqeval).

* Classification: :func:`accuracy`, :func:`per_class_scores`, :func:`macro_f1`,
  :func:`confusion_matrix` (rows = gold, columns = predicted, as in scikit-learn).
* Token tagging: :func:`get_entities` turns a BIO/IOB1/IOB2 tag sequence into
  entity chunks and :func:`entity_scores` computes entity-level precision,
  recall and F1 (an entity counts only when its type, start and end all match).
* Extractive QA: :func:`squad_normalize`, :func:`squad_exact_match`,
  :func:`squad_f1` and :func:`squad_scores` follow the official SQuAD v2
  evaluation (lower case, punctuation and the articles *a/an/the* removed,
  whitespace collapsed; a question without an answer is right only when the
  prediction is empty too).
* :func:`wrong_predictions` collects the rows of the "wrong predictions" browser.

Every score is a fraction in [0, 1] (SQuAD's own script prints percentages).
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

__all__ = [
    "TAG_SCHEMES",
    "ClassScores",
    "ConfusionMatrix",
    "Entity",
    "EntityScores",
    "WrongPrediction",
    "accuracy",
    "confusion_matrix",
    "entity_scores",
    "get_entities",
    "macro_f1",
    "per_class_scores",
    "squad_exact_match",
    "squad_f1",
    "squad_normalize",
    "squad_scores",
    "wrong_predictions",
]


# --------------------------------------------------------------------------- classification


def _check_same_length(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Fraction of predictions equal to the gold label (0.0 for no examples)."""
    _check_same_length(gold, pred)
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, pred)) / len(gold)


@dataclass(frozen=True)
class ClassScores:
    """Precision, recall, F1 and support (number of gold examples) of one class."""

    label: Hashable
    precision: float
    recall: float
    f1: float
    support: int


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 with 0 where a denominator is 0 (scikit-learn's zero_division=0)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _label_order(labels: Iterable[Hashable]) -> list[Hashable]:
    items = list(dict.fromkeys(labels))
    try:
        return sorted(items)  # type: ignore[type-var]
    except TypeError:
        return items


def per_class_scores(gold: Sequence[Hashable], pred: Sequence[Hashable],
                     labels: Sequence[Hashable] | None = None) -> list[ClassScores]:
    """Per-class precision, recall and F1.

    Parameters
    ----------
    gold, pred
        Gold and predicted labels, one per example.
    labels
        The classes to score, in order; by default every label seen in ``gold``
        or ``pred``, sorted.

    Returns
    -------
    list of ClassScores
        One entry per class; a score whose denominator is zero is 0.0.
    """
    _check_same_length(gold, pred)
    if labels is None:
        labels = _label_order([*gold, *pred])
    tp: Counter[Hashable] = Counter()
    n_gold: Counter[Hashable] = Counter(gold)
    n_pred: Counter[Hashable] = Counter(pred)
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
    out = []
    for label in labels:
        p, r, f = _prf(tp[label], n_pred[label], n_gold[label])
        out.append(ClassScores(label, p, r, f, n_gold[label]))
    return out


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
             labels: Sequence[Hashable] | None = None) -> float:
    """Unweighted mean of the per-class F1 scores.

    With ``labels=None`` the classes are those seen in ``gold`` or ``pred``,
    which is what ``sklearn.metrics.f1_score(gold, pred, average="macro")``
    averages over.
    """
    scores = per_class_scores(gold, pred, labels)
    if not scores:
        return 0.0
    return float(sum(s.f1 for s in scores) / len(scores))


@dataclass(frozen=True)
class ConfusionMatrix:
    """Counts of (gold, predicted) pairs.

    Attributes
    ----------
    labels
        Class names; row ``i`` holds the examples whose gold label is
        ``labels[i]``, column ``j`` those predicted as ``labels[j]``.
    counts
        ``int64`` array of shape ``(len(labels), len(labels))``.
    """

    labels: tuple[str, ...]
    counts: np.ndarray

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form: ``{"labels": [...], "counts": [[...], ...]}``."""
        return {"labels": list(self.labels), "counts": self.counts.tolist()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConfusionMatrix:
        """Inverse of :meth:`to_dict`."""
        return cls(tuple(data["labels"]), np.asarray(data["counts"], dtype=np.int64))


def confusion_matrix(gold: Sequence[Hashable], pred: Sequence[Hashable],
                     labels: Sequence[Hashable] | None = None) -> ConfusionMatrix:
    """Count how often each gold label was predicted as each label.

    Pairs whose gold or predicted label is not in ``labels`` are left out (as
    scikit-learn does).  ``labels`` defaults to every label seen, sorted.
    """
    _check_same_length(gold, pred)
    if labels is None:
        labels = _label_order([*gold, *pred])
    index = {label: i for i, label in enumerate(labels)}
    counts = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for g, p in zip(gold, pred):
        i, j = index.get(g), index.get(p)
        if i is not None and j is not None:
            counts[i, j] += 1
    return ConfusionMatrix(tuple(str(label) for label in labels), counts)


# --------------------------------------------------------------------------- tagging

TAG_SCHEMES = ("IOB2", "BIO", "IOB1")


class Entity(NamedTuple):
    """One chunk: its type and the token span ``[start, end)``."""

    type: str
    start: int
    end: int


def _split_tag(tag: str) -> tuple[str, str]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"O"`` -> ``("O", "")``; a bare type -> ``("I", type)``."""
    if tag == "O" or tag == "":
        return "O", ""
    if len(tag) >= 2 and tag[1] in "-_" and tag[0] in "BIbi":
        return tag[0].upper(), tag[2:]
    return "I", tag


def get_entities(tags: Sequence[str], scheme: str = "IOB2", strict: bool = False) -> list[Entity]:
    """Extract the entity chunks of one tag sequence.

    Parameters
    ----------
    tags
        One tag per token: ``"O"``, ``"B-TYPE"`` or ``"I-TYPE"``.
    scheme
        ``"IOB2"`` (= ``"BIO"``: every chunk starts with ``B-``) or ``"IOB1"``
        (chunks start with ``I-``; ``B-`` only separates two adjacent chunks of
        the same type, as in the original CoNLL-2003 files).
    strict
        IOB2 only.  ``False`` (the default) reads the tags the way the CoNLL
        ``conlleval`` script does: an ``I-X`` that follows ``O`` or another
        type starts a new chunk.  ``True`` ignores such ill-formed ``I-X`` tags
        (a chunk must begin with ``B-X``).

    Returns
    -------
    list of Entity
        Chunks in order of their start.

    Notes
    -----
    In lenient mode both schemes use the same rules, so a well-formed IOB1 or
    IOB2 sequence is read the same way ``conlleval`` reads it: a chunk starts
    at ``B-X``, at ``I-X`` after ``O``, or at a change of type, and ends before
    ``O``, ``B-*`` or a change of type.
    """
    scheme = scheme.upper()
    if scheme not in TAG_SCHEMES:
        raise ValueError(f"unknown tagging scheme {scheme!r}; choose one of {TAG_SCHEMES}")
    strict = strict and scheme != "IOB1"
    entities: list[Entity] = []
    current: str | None = None  # type of the open chunk
    start = 0
    for i, tag in enumerate(tags):
        prefix, typ = _split_tag(tag)
        if prefix == "O":
            if current is not None:
                entities.append(Entity(current, start, i))
            current = None
            continue
        begins = prefix == "B" or current is None or typ != current
        if not begins:
            continue
        if current is not None:
            entities.append(Entity(current, start, i))
        if strict and prefix != "B":
            current = None  # an ill-formed I-X: not part of any chunk
            continue
        current, start = typ, i
    if current is not None:
        entities.append(Entity(current, start, len(tags)))
    return entities


@dataclass(frozen=True)
class EntityScores:
    """Entity-level scores.

    Attributes
    ----------
    precision, recall, f1
        Micro-averaged over all entities of all types.
    per_type
        ``{type: ClassScores}`` (``support`` = number of gold entities).
    n_gold, n_pred, n_correct
        Entity counts.
    """

    precision: float
    recall: float
    f1: float
    per_type: dict[str, ClassScores]
    n_gold: int
    n_pred: int
    n_correct: int


def entity_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]],
                  scheme: str = "IOB2", strict: bool = False) -> EntityScores:
    """Entity-level precision, recall and F1 over a list of tagged sentences.

    Parameters
    ----------
    gold, pred
        One tag sequence per sentence; each predicted sequence must be as
        long as its gold one.
    scheme, strict
        See :func:`get_entities`.
    """
    _check_same_length(gold, pred)
    gold_set: set[tuple[int, Entity]] = set()
    pred_set: set[tuple[int, Entity]] = set()
    for n, (g, p) in enumerate(zip(gold, pred)):
        if len(g) != len(p):
            raise ValueError(f"sentence {n}: {len(g)} gold tags but {len(p)} predicted tags")
        gold_set.update((n, e) for e in get_entities(g, scheme, strict))
        pred_set.update((n, e) for e in get_entities(p, scheme, strict))
    correct = gold_set & pred_set
    types = _label_order([e.type for _, e in gold_set | pred_set])
    per_type = {}
    for t in types:
        tp = sum(1 for _, e in correct if e.type == t)
        n_g = sum(1 for _, e in gold_set if e.type == t)
        n_p = sum(1 for _, e in pred_set if e.type == t)
        per_type[str(t)] = ClassScores(t, *_prf(tp, n_p, n_g), n_g)
    p, r, f = _prf(len(correct), len(pred_set), len(gold_set))
    return EntityScores(p, r, f, per_type, len(gold_set), len(pred_set), len(correct))


# --------------------------------------------------------------------------- SQuAD

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = frozenset(string.punctuation)


def squad_normalize(text: str) -> str:
    """Normalise an answer as the SQuAD evaluation script does.

    Lower case, remove punctuation, remove the articles *a*, *an*, *the*,
    and collapse whitespace.
    """
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def squad_exact_match(prediction: str, golds: Sequence[str]) -> float:
    """1.0 if the normalised prediction equals any normalised gold answer.

    An empty ``golds`` (an unanswerable SQuAD v2 question) counts as the one
    gold answer ``""``.
    """
    golds = list(golds) or [""]
    norm = squad_normalize(prediction)
    return float(any(norm == squad_normalize(g) for g in golds))


def _f1_one(prediction: str, gold: str) -> float:
    pred_toks = squad_normalize(prediction).split()
    gold_toks = squad_normalize(gold).split()
    if not pred_toks or not gold_toks:
        return float(pred_toks == gold_toks)
    common = Counter(pred_toks) & Counter(gold_toks)
    same = sum(common.values())
    if same == 0:
        return 0.0
    p = same / len(pred_toks)
    r = same / len(gold_toks)
    return 2 * p * r / (p + r)


def squad_f1(prediction: str, golds: Sequence[str]) -> float:
    """Best token-overlap F1 of the prediction against any gold answer."""
    golds = list(golds) or [""]
    return max(_f1_one(prediction, g) for g in golds)


def squad_scores(predictions: dict[str, str],
                 golds: dict[str, Sequence[str]]) -> dict[str, float]:
    """Mean exact match and F1 over questions.

    Parameters
    ----------
    predictions
        ``{question id: predicted answer text}`` (``""`` = no answer).
    golds
        ``{question id: gold answer texts}``; an empty list marks an
        unanswerable question.  A question missing from ``predictions`` scores 0.

    Returns
    -------
    dict
        ``exact_match`` and ``f1`` (fractions), plus ``has_answer_*`` and
        ``no_answer_*`` splits when there are questions of that kind, and ``n``.
    """
    em: dict[str, float] = {}
    f1: dict[str, float] = {}
    for qid, answers in golds.items():
        if qid not in predictions:
            em[qid] = f1[qid] = 0.0
            continue
        em[qid] = squad_exact_match(predictions[qid], answers)
        f1[qid] = squad_f1(predictions[qid], answers)
    n = len(golds)
    out: dict[str, float] = {
        "exact_match": sum(em.values()) / n if n else 0.0,
        "f1": sum(f1.values()) / n if n else 0.0,
        "n": n,
    }
    for name, ids in (("has_answer", [q for q, a in golds.items() if list(a)]),
                      ("no_answer", [q for q, a in golds.items() if not list(a)])):
        if ids and len(ids) < n:
            out[f"{name}_exact_match"] = sum(em[q] for q in ids) / len(ids)
            out[f"{name}_f1"] = sum(f1[q] for q in ids) / len(ids)
            out[f"{name}_n"] = len(ids)
    return out


# --------------------------------------------------------------------------- error browser


class WrongPrediction(NamedTuple):
    """One row of the wrong-predictions browser.

    ``index`` is the example's position in the evaluation set; ``text`` what
    the user reads (a sentence, a sentence pair joined with " ||| ", a
    question); ``gold`` and ``predicted`` are display strings; ``confidence``
    the model's probability for its prediction.
    """

    index: int
    text: str
    gold: str
    predicted: str
    confidence: float


def wrong_predictions(texts: Sequence[str], gold: Sequence[Any], pred: Sequence[Any],
                      confidence: Sequence[float], limit: int | None = None,
                      is_wrong: Sequence[bool] | None = None) -> list[WrongPrediction]:
    """Rows for every example whose prediction differs from its gold label.

    Parameters
    ----------
    texts, gold, pred, confidence
        One entry per evaluation example.
    limit
        Keep at most this many rows.
    is_wrong
        Which examples are wrong; by default ``gold[i] != pred[i]``.

    Returns
    -------
    list of WrongPrediction
        Most confident mistakes first (ties: lower index first).
    """
    n = len(texts)
    if not (len(gold) == len(pred) == len(confidence) == n):
        raise ValueError("texts, gold, pred and confidence must have the same length")
    wrong = is_wrong if is_wrong is not None else [g != p for g, p in zip(gold, pred)]
    rows = [WrongPrediction(i, texts[i], str(gold[i]), str(pred[i]), float(confidence[i]))
            for i in range(n) if wrong[i]]
    rows.sort(key=lambda r: (-r.confidence, r.index))
    return rows[:limit] if limit is not None else rows
