"""Fine-tuning metrics against hand-computed values and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.core.bert.metrics import (
    Entity,
    accuracy,
    confusion_matrix,
    entity_scores,
    get_entities,
    macro_f1,
    per_class_scores,
    squad_exact_match,
    squad_f1,
    squad_normalize,
    squad_scores,
    wrong_predictions,
)

GOLD = ["a", "b", "a", "c"]
PRED = ["a", "a", "a", "c"]


def test_accuracy_and_macro_f1_by_hand() -> None:
    assert accuracy(GOLD, PRED) == 0.75
    # a: tp 2, predicted 3, gold 2 -> P 2/3, R 1, F1 0.8; b: 0; c: 1.
    assert macro_f1(GOLD, PRED) == pytest.approx((0.8 + 0.0 + 1.0) / 3)
    scores = {s.label: s for s in per_class_scores(GOLD, PRED)}
    assert scores["a"].precision == pytest.approx(2 / 3) and scores["a"].recall == 1.0
    assert scores["b"].f1 == 0.0 and scores["b"].support == 1
    assert accuracy([], []) == 0.0


def test_macro_f1_matches_sklearn_on_random_labels() -> None:
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(3)
    for n_classes in (2, 3, 5):
        gold = rng.integers(0, n_classes, 200).tolist()
        pred = rng.integers(0, n_classes, 200).tolist()
        pred[:5] = [n_classes] * 5  # a class that only occurs in the predictions
        assert macro_f1(gold, pred) == pytest.approx(f1_score(gold, pred, average="macro"))


def test_confusion_matrix_by_hand_and_sklearn() -> None:
    from sklearn.metrics import confusion_matrix as sk_confusion

    cm = confusion_matrix(GOLD, PRED)
    assert cm.labels == ("a", "b", "c")
    # rows = gold, columns = predicted
    assert cm.counts.tolist() == [[2, 0, 0], [1, 0, 0], [0, 0, 1]]
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 4, 100).tolist()
    pred = rng.integers(0, 4, 100).tolist()
    labels = [3, 1, 0, 2]
    assert confusion_matrix(gold, pred, labels).counts.tolist() == \
        sk_confusion(gold, pred, labels=labels).tolist()
    back = type(cm).from_dict(cm.to_dict())
    assert back.labels == cm.labels and np.array_equal(back.counts, cm.counts)


def test_entities_iob2_by_hand() -> None:
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "I-ORG"]
    assert get_entities(tags) == [Entity("PER", 0, 2), Entity("LOC", 3, 4), Entity("LOC", 4, 6),
                                  Entity("ORG", 7, 8)]  # lenient: I-ORG after O opens a chunk
    assert get_entities(tags, strict=True) == [Entity("PER", 0, 2), Entity("LOC", 3, 4),
                                               Entity("LOC", 4, 6)]
    # A change of type closes the chunk, even without B-.
    assert get_entities(["B-PER", "I-LOC", "I-LOC"]) == [Entity("PER", 0, 1), Entity("LOC", 1, 3)]


def test_entity_f1_iob2_by_hand() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"], ["O", "B-MISC", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-ORG", "O"], ["O", "B-MISC", "B-MISC"]]
    # gold: PER(0,2) LOC(3,4) ORG(5,7) | MISC(1,2)        -> 4 entities
    # pred: PER(0,2) LOC(3,5) ORG(5,6) | MISC(1,2) MISC(2,3) -> 5 entities, 2 correct
    s = entity_scores(gold, pred)
    assert (s.n_gold, s.n_pred, s.n_correct) == (4, 5, 2)
    assert s.precision == pytest.approx(0.4) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert s.per_type["PER"].f1 == 1.0 and s.per_type["LOC"].f1 == 0.0
    assert s.per_type["MISC"].precision == 0.5 and s.per_type["MISC"].f1 == pytest.approx(2 / 3)
    # Same entity span in different sentences is not a match.
    s2 = entity_scores([["B-PER"], ["O"]], [["O"], ["B-PER"]])
    assert s2.n_correct == 0 and s2.f1 == 0.0


def test_entity_f1_iob1_by_hand() -> None:
    # IOB1: chunks start with I-; B- only separates two adjacent chunks of one type.
    gold = [["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-LOC", "I-ORG"]]
    pred = [["I-PER", "I-PER", "I-PER", "O", "I-LOC", "I-LOC", "I-ORG"]]
    assert get_entities(gold[0], "IOB1") == [Entity("PER", 0, 2), Entity("PER", 2, 3),
                                             Entity("LOC", 4, 6), Entity("ORG", 6, 7)]
    s = entity_scores(gold, pred, scheme="IOB1")
    # gold 4, predicted 3 (PER(0,3) LOC(4,6) ORG(6,7)), correct 2
    assert (s.n_gold, s.n_pred, s.n_correct) == (4, 3, 2)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    with pytest.raises(ValueError):
        get_entities(["O"], scheme="IOBX")
    with pytest.raises(ValueError):
        entity_scores([["O", "O"]], [["O"]])


def test_squad_normalisation_em_f1_by_hand() -> None:
    assert squad_normalize("The  Quick, brown-fox!  ") == "quick brownfox"
    assert squad_normalize("An apple a day") == "apple day"
    assert squad_exact_match("the Eiffel Tower.", ["Eiffel Tower"]) == 1.0
    assert squad_exact_match("Eiffel", ["Eiffel Tower"]) == 0.0
    # pred tokens {in, year, 1873}, gold {1873}: P 1/3, R 1, F1 0.5
    assert squad_f1("in the year 1873", ["1873"]) == pytest.approx(0.5)
    # best over several gold answers
    assert squad_f1("Ilse Brandt", ["a teacher named Ilse Brandt", "Ilse Brandt"]) == 1.0
    assert squad_f1("Brandt", ["Ilse Brandt"]) == pytest.approx(2 * 1 * 0.5 / 1.5)
    # unanswerable (SQuAD v2): right only when the prediction is empty
    assert squad_exact_match("", []) == 1.0 and squad_f1("", []) == 1.0
    assert squad_exact_match("1873", []) == 0.0 and squad_f1("1873", []) == 0.0
    assert squad_f1("", ["1873"]) == 0.0


def test_squad_scores_average_by_hand() -> None:
    golds = {"q1": ["Mara Velt"], "q2": ["1873"], "q3": []}
    preds = {"q1": "mara velt", "q2": "in 1873", "q3": ""}
    s = squad_scores(preds, golds)
    assert s["exact_match"] == pytest.approx(2 / 3)
    # F1: 1, 2*(1/2)*1/(1.5)=2/3, 1
    assert s["f1"] == pytest.approx((1 + 2 / 3 + 1) / 3)
    assert s["has_answer_exact_match"] == 0.5 and s["no_answer_f1"] == 1.0
    assert squad_scores({}, {"q1": ["x"]})["f1"] == 0.0  # a missing prediction scores 0


def test_wrong_predictions_rows_most_confident_first() -> None:
    rows = wrong_predictions(["t0", "t1", "t2", "t3"], [1, 0, 1, 0], [1, 1, 0, 1],
                             [0.9, 0.6, 0.8, 0.6])
    assert [r.index for r in rows] == [2, 1, 3]
    assert rows[0] == (2, "t2", "1", "0", 0.8)
    assert len(wrong_predictions(["t0", "t1"], [0, 0], [1, 1], [0.5, 0.7], limit=1)) == 1
