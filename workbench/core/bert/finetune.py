"""Fine-tuning as the app and the CLI run it: read, encode, train, evaluate, save, record.

:func:`finetune` is the one job behind the fine-tuning panel.  It reads the
training (and evaluation) file for one of four tasks:

=======================  =========================================  =====================
task                     files                                      head
=======================  =========================================  =====================
``classification``       TSV/CSV ``text, label`` (SST-2 layout)      sequence-classification
``pair-classification``  TSV/CSV two texts + label (MRPC, RTE)       sequence-classification
``tagging``              CoNLL ``word ... tag`` (CoNLL-2003)         token-classification
``qa``                   SQuAD JSON (v1.1, v2)                       question-answering
=======================  =========================================  =====================

loads the model folder with the task's head (a fresh head on a pretrained
encoder), encodes the examples (:mod:`workbench.core.bert.finetune_data`),
trains through :func:`workbench.core.bert.engine.run_training`, predicts the
evaluation set and computes the task's metrics (:mod:`workbench.core.bert.metrics`):
accuracy, macro-F1 and a confusion matrix for classification; word accuracy,
entity-level precision/recall/F1 and a tag confusion matrix for tagging; SQuAD
exact match and F1 for QA; and for every task the rows of the wrong-predictions
browser.  Without an evaluation file a seeded ``eval_fraction`` of the training
examples is held out (for QA whole contexts are held out, so no context is
seen in training and evaluation).

The model is saved (safetensors, with its tokenizer and label names) into
``<output>/model``, and ``<output>/finetune.json`` holds the request, the
metrics, the confusion matrix, the predictions and the wrong predictions.
With a workspace, the run is recorded (kind ``finetune``) and ``<output>`` is
the run's folder unless the request names one.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, scaled

if TYPE_CHECKING:
    from workbench.core.bert.engine import TrainingOutcome, TrainingSettings
    from workbench.core.bert.finetune_data import Features
    from workbench.core.bert.metrics import ConfusionMatrix, WrongPrediction
    from workbench.core.workspace import RunHandle, Workspace

__all__ = [
    "TASKS",
    "TASK_HEADS",
    "FinetuneRequest",
    "FinetuneResult",
    "default_finetune_training",
    "finetune",
]

TASKS = ("classification", "pair-classification", "tagging", "qa")
TASK_HEADS = {
    "classification": "sequence-classification",
    "pair-classification": "sequence-classification",
    "tagging": "token-classification",
    "qa": "question-answering",
}
_READ_SHARE = 0.05
_TRAIN_END = 0.95
_BIO_TAG = re.compile(r"^(O|[BI][-_].+)$")


def default_finetune_training() -> TrainingSettings:
    """Training settings suited to fine-tuning (3 epochs, batch 32, learning rate 5e-5)."""
    from workbench.core.bert.engine import TrainingSettings

    return TrainingSettings(epochs=3.0, batch_size=32, learning_rate=5e-5, warmup_ratio=0.1)


@dataclass(frozen=True)
class FinetuneRequest:
    """What to fine-tune, on what, and how.

    Attributes
    ----------
    task
        One of :data:`TASKS`.
    train_file, eval_file
        Data files (see the module docstring).  Without ``eval_file`` a seeded
        ``eval_fraction`` of the training examples is held out.
    model
        A local model folder with its tokenizer (a pretrained BERT, or one
        fine-tuned before: a head of another size is replaced).
    text_column, text_pair_column, label_column
        Classification columns; ``None`` recognises the SST-2, MRPC, RTE, QQP
        and QNLI headers (and ``text``/``review`` + ``label``).
    labels
        The label (or tag) set; rows with other labels are errors.  ``None``:
        the labels of the training file (an evaluation label missing from
        them is an error).
    word_column, tag_column, tag_scheme
        CoNLL columns (0-based, negative from the end) and the chunk scheme
        for entity scores (``IOB2``/``BIO`` or ``IOB1``).
    max_length
        Tokens per example (per window for QA).
    doc_stride
        QA: context tokens shared by consecutive windows of a long context.
    max_answer_length, n_best
        QA post-processing: longest answer in tokens, candidates per window.
    training
        Optimisation settings (:class:`~workbench.core.bert.engine.TrainingSettings`);
        :func:`default_finetune_training` when omitted.
    limit
        Use only the first ``limit`` examples of each file (quick runs, tests).
    eval_fraction
        Held-out share of the training examples when there is no ``eval_file``
        (0 = no evaluation).
    output_dir
        Where the model and ``finetune.json`` go (default: the run's folder in
        the workspace, or a new temporary folder).
    seed
        Seed for the hold-out split and the new head's initial weights.
    max_wrong
        Keep at most this many wrong predictions (most confident first).
    """

    task: str
    train_file: str
    eval_file: str | None = None
    model: str = ""
    text_column: str | None = None
    text_pair_column: str | None = None
    label_column: str | None = None
    labels: tuple[str, ...] | None = None
    word_column: int = 0
    tag_column: int = -1
    tag_scheme: str = "IOB2"
    max_length: int = 128
    doc_stride: int = 64
    max_answer_length: int = 30
    n_best: int = 20
    training: TrainingSettings = field(default_factory=default_finetune_training)
    limit: int | None = None
    eval_fraction: float = 0.1
    output_dir: str | None = None
    seed: int = 0
    max_wrong: int = 1000

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ParameterError(msg("Unknown fine-tuning task {task!r}; choose one of {TASKS}.",
                                     task=self.task, TASKS=', '.join(TASKS)))
        if not str(self.train_file).strip():
            raise ParameterError(msg("Choose a training file."))
        if not str(self.model).strip():
            raise ParameterError(msg("Choose a model folder (a pretrained BERT with its "
                                     "tokenizer)."))
        if self.labels is not None:
            object.__setattr__(self, "labels", tuple(str(x) for x in self.labels))
            if len(set(self.labels)) < 2 and self.task != "qa":
                raise ParameterError(msg("The label set needs at least two different labels."))
        if self.max_length < 8:
            raise ParameterError(msg("The maximum length must be at least 8 tokens, not "
                                     "{max_length}.", max_length=self.max_length))
        if self.task == "qa" and not 0 <= self.doc_stride < self.max_length:
            raise ParameterError(msg("The document stride ({doc_stride}) must be between 0 and "
                                     "the maximum length ({max_length}).",
                                     doc_stride=self.doc_stride, max_length=self.max_length))
        if self.max_answer_length < 1 or self.n_best < 1:
            raise ParameterError(msg("The maximum answer length and n-best must be at least 1."))
        if self.limit is not None and self.limit < 1:
            raise ParameterError(msg("The example limit must be at least 1, not {limit}.",
                                     limit=self.limit))
        if not 0.0 <= self.eval_fraction < 1.0:
            raise ParameterError(msg("The held-out fraction must be in [0, 1), not "
                                     "{eval_fraction}.", eval_fraction=self.eval_fraction))
        if self.tag_scheme.upper() not in ("IOB2", "BIO", "IOB1"):
            raise ParameterError(msg("Unknown tagging scheme {tag_scheme!r}; choose IOB2 (= "
                                     "BIO) or IOB1.", tag_scheme=self.tag_scheme))

    @property
    def head(self) -> str:
        """The model head the task trains."""
        return TASK_HEADS[self.task]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (``training`` as a nested dict)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["training"] = asdict(self.training)
        out["labels"] = list(self.labels) if self.labels is not None else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FinetuneRequest:
        """Inverse of :meth:`to_dict`; unknown keys are an error."""
        from workbench.core.bert.engine import TrainingSettings

        data = dict(data)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ParameterError(msg("Unknown fine-tuning settings: {unknown}.",
                                     unknown=', '.join(unknown)))
        if isinstance(data.get("training"), dict):
            data["training"] = TrainingSettings.from_dict(data["training"])
        if data.get("labels") is not None:
            data["labels"] = tuple(data["labels"])
        return cls(**data)

    def to_json(self) -> str:
        """The request as a JSON string (for settings files and the run registry)."""
        return json.dumps(self.to_dict(), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FinetuneRequest:
        """Inverse of :meth:`to_json`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParameterError(msg("The fine-tuning settings are not valid JSON ({exc}).",
                                     exc=exc)) \
                from exc
        if not isinstance(data, dict):
            raise ParameterError(msg("The fine-tuning settings must be a JSON object."))
        return cls.from_dict(data)


@dataclass(frozen=True)
class FinetuneResult:
    """What a fine-tuning run produced.

    Attributes
    ----------
    task, labels
        The task and its label (tag) names in id order (empty for QA).
    run_id
        The workspace run, or ``None`` without a workspace.
    metrics
        Evaluation scores (fractions in [0, 1]) and training figures, e.g.
        ``accuracy``, ``macro_f1``, ``per_class`` (classification);
        ``entity_f1``, ``entity_precision``, ``entity_recall``,
        ``word_accuracy``, ``per_type`` (tagging); ``exact_match``, ``f1``
        (QA); plus ``n_train``, ``n_eval``, ``train_steps``, ``train_loss``,
        ``seconds``.
    confusion
        Rows = gold, columns = predicted (classification: labels; tagging:
        word tags); ``None`` for QA or without evaluation.
    wrong_predictions
        Rows for the error browser, most confident mistakes first.
    predictions
        One per evaluation example: a label, a tuple of word tags, or an
        answer text (``""`` = no answer).
    model_dir
        The saved model folder (``None`` if the run stopped before saving).
    output_dir
        The folder with ``model/``, ``finetune.json`` and the checkpoints.
    training
        The engine's outcome (steps, history, checkpoints).
    """

    task: str
    labels: tuple[str, ...]
    run_id: int | None
    metrics: dict[str, Any]
    confusion: ConfusionMatrix | None
    wrong_predictions: tuple[WrongPrediction, ...]
    predictions: tuple[Any, ...]
    model_dir: Path | None
    output_dir: Path
    training: TrainingOutcome | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (without the engine outcome's history)."""
        return {
            "task": self.task,
            "labels": list(self.labels),
            "run_id": self.run_id,
            "metrics": self.metrics,
            "confusion": self.confusion.to_dict() if self.confusion is not None else None,
            "wrong_predictions": [r._asdict() for r in self.wrong_predictions],
            "predictions": [list(p) if isinstance(p, tuple) else p for p in self.predictions],
            "model_dir": str(self.model_dir) if self.model_dir is not None else None,
            "output_dir": str(self.output_dir),
        }


# --------------------------------------------------------------------------- data


@dataclass
class _Prepared:
    """Examples and encoded features of one run."""

    labels: tuple[str, ...]
    train_examples: list[Any]
    eval_examples: list[Any]
    train: Features
    eval_train_style: Features | None   # with labels, for the engine's periodic evaluation
    eval_inputs: Any                    # Features / TaggingFeatures / QaFeatures for predicting
    version_2: bool = False
    notes: list[str] = field(default_factory=list)


def _split(n: int, fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Seeded hold-out split of ``range(n)``: ``(train indices, eval indices)``."""
    import numpy as np

    if fraction <= 0 or n < 2:
        return list(range(n)), []
    n_eval = min(max(1, round(n * fraction)), n - 1)
    order = np.random.default_rng(seed).permutation(n)
    held = sorted(order[:n_eval].tolist())
    keep = sorted(order[n_eval:].tolist())
    return keep, held


def _read(request: FinetuneRequest) -> tuple[list[Any], list[Any], tuple[str, ...], bool]:
    """Read the files: ``(train examples, eval examples, labels, SQuAD v2)``."""
    from workbench.core.bert import finetune_data as fd

    train_path = Path(request.train_file)
    eval_path = Path(request.eval_file) if request.eval_file else None
    source = msg("the training file {name}", name=train_path.name)
    if request.task in ("classification", "pair-classification"):
        pair = request.task == "pair-classification"
        kw = {"text_column": request.text_column, "text_pair_column": request.text_pair_column,
              "label_column": request.label_column, "pair": pair, "limit": request.limit}
        train = fd.read_classification_file(train_path, labels=request.labels, **kw)
        labels = train.labels
        if len(labels) < 2:
            raise WorkbenchError(msg("{train_path} has a single label ({labels!r}); a "
                                     "classifier needs at least two.", train_path=train_path,
                                     labels=labels[0]), path=train_path)
        train_ex, eval_ex = list(train.examples), []
        if eval_path is not None:
            ev = fd.read_classification_file(
                eval_path, labels=labels,
                label_source=source if request.labels is None else None, **kw)
            eval_ex = list(ev.examples)
        return train_ex, eval_ex, labels, False
    if request.task == "tagging":
        kw2 = {"word_column": request.word_column, "tag_column": request.tag_column,
               "limit": request.limit}
        tdata = fd.read_conll(train_path, labels=request.labels, **kw2)
        labels = tdata.labels
        eval_ex = []
        if eval_path is not None:
            eval_ex = list(fd.read_conll(
                eval_path, labels=labels,
                label_source=source if request.labels is None else None, **kw2).sentences)
        return list(tdata.sentences), eval_ex, labels, False
    qa = fd.read_squad(train_path, limit=request.limit, require_answers=True)
    v2 = qa.version_2
    eval_ex = []
    if eval_path is not None:
        ev_qa = fd.read_squad(eval_path, limit=request.limit)
        v2 = v2 or ev_qa.version_2
        eval_ex = list(ev_qa.examples)
    return list(qa.examples), eval_ex, (), v2


def _hold_out(request: FinetuneRequest, train_ex: list[Any]) -> tuple[list[Any], list[Any]]:
    if request.task != "qa":
        keep, held = _split(len(train_ex), request.eval_fraction, request.seed)
        return [train_ex[i] for i in keep], [train_ex[i] for i in held]
    # QA: hold out whole contexts so no context is seen in both parts.
    contexts = list(dict.fromkeys(e.context for e in train_ex))
    keep, held = _split(len(contexts), request.eval_fraction, request.seed)
    held_ctx = {contexts[i] for i in held}
    return ([e for e in train_ex if e.context not in held_ctx],
            [e for e in train_ex if e.context in held_ctx])


def _prepare(request: FinetuneRequest, tokenizer: Any, type_ids: bool | None,
             progress: Progress) -> _Prepared:
    from workbench.core.bert import finetune_data as fd

    progress.report(0.0, msg("Reading the data"))
    train_ex, eval_ex, labels, v2 = _read(request)
    notes: list[str] = []
    if request.eval_file is None:
        train_ex, eval_ex = _hold_out(request, train_ex)
        if eval_ex:
            notes.append(msg("held out {n_eval} of {n_all} training examples for evaluation",
                             n_eval=len(eval_ex), n_all=len(train_ex) + len(eval_ex)))
    if not train_ex:
        raise WorkbenchError(msg("No training examples are left in {request_train_file}.",
                                 request_train_file=request.train_file),
                             path=request.train_file)
    progress.raise_if_cancelled()
    progress.report(0.5, msg("Encoding {n_train_ex:,} training examples", n_train_ex=len(train_ex)))
    label2id = {label: i for i, label in enumerate(labels)}
    n = request.max_length
    if request.task in ("classification", "pair-classification"):
        train = fd.encode_classification(train_ex, tokenizer, label2id, n, type_ids)
        ev = fd.encode_classification(eval_ex, tokenizer, label2id, n, type_ids)
        return _Prepared(labels, train_ex, eval_ex, train, ev if eval_ex else None, ev,
                         notes=notes)
    if request.task == "tagging":
        train_t = fd.encode_tagging(train_ex, tokenizer, label2id, n, type_ids)
        ev_t = fd.encode_tagging(eval_ex, tokenizer, label2id, n, type_ids)
        lost = ev_t.truncated_words(eval_ex)
        if lost:
            notes.append(msg("{lost} evaluation words lie beyond {n} tokens and count as 'O'",
                             lost=lost, n=n))
        return _Prepared(labels, train_ex, eval_ex, train_t.features,
                         ev_t.features if eval_ex else None, ev_t, notes=notes)
    train_q = fd.prepare_qa_features(train_ex, tokenizer, n, request.doc_stride, True,
                                     type_ids)
    ev_q = fd.prepare_qa_features(eval_ex, tokenizer, n, request.doc_stride, False, type_ids)
    ev_train = None  # windows with answer positions: only for the engine's periodic eval loss
    if eval_ex and request.training.eval_every is not None:
        ev_train = fd.prepare_qa_features(eval_ex, tokenizer, n, request.doc_stride, True,
                                          type_ids).features
    return _Prepared(labels, train_ex, eval_ex, train_q.features, ev_train, ev_q,
                     version_2=v2, notes=notes)


# --------------------------------------------------------------------------- evaluation


def _predict_logits(model: Any, features: Features, collator: Any, batch_size: int,
                    progress: Progress) -> list[Any]:
    """Run the model over ``features``; return per-feature numpy logits (unpadded rows).

    Batches hold features of similar length (less padding); the results come
    back in the features' order.
    """
    import torch

    device = next(model.parameters()).device
    model.eval()
    n = len(features)
    order = sorted(range(n), key=lambda i: len(features[i]["input_ids"]))
    outputs: list[Any] = [None] * n
    with torch.no_grad():
        for start in range(0, n, batch_size):
            progress.raise_if_cancelled()
            chunk = order[start:start + batch_size]
            items = [features[i] for i in chunk]
            batch = collator(items)
            for key in ("labels", "start_positions", "end_positions"):
                batch.pop(key, None)
            out = model(**{k: v.to(device) for k, v in batch.items()})
            if hasattr(out, "start_logits"):
                s = out.start_logits.float().cpu().numpy()
                e = out.end_logits.float().cpu().numpy()
                for j, i in enumerate(chunk):
                    length = len(items[j]["input_ids"])
                    outputs[i] = (s[j, :length], e[j, :length])
            else:
                logits = out.logits.float().cpu().numpy()
                for j, i in enumerate(chunk):
                    outputs[i] = logits[j] if logits.ndim == 2 \
                        else logits[j, :len(items[j]["input_ids"])]
            done = min(start + batch_size, n)
            progress.report(done / max(n, 1), msg("Evaluating: {done:,} of {n:,}", done=done, n=n))
    return outputs


def _softmax(x: Any) -> Any:
    import numpy as np

    z = x - x.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _evaluate_classification(prep: _Prepared, logits: list[Any], request: FinetuneRequest
                             ) -> tuple[dict[str, Any], ConfusionMatrix, list[WrongPrediction],
                                        tuple[Any, ...]]:
    import numpy as np

    from workbench.core.bert import metrics as m

    probs = _softmax(np.stack(logits)) if logits else np.zeros((0, len(prep.labels)))
    pred_ids = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=int)
    pred = [prep.labels[i] for i in pred_ids]
    gold = [e.label for e in prep.eval_examples]
    conf = [float(probs[i, pred_ids[i]]) for i in range(len(pred))]
    texts = [e.text if e.text_pair is None else f"{e.text} ||| {e.text_pair}"
             for e in prep.eval_examples]
    metrics: dict[str, Any] = {
        "accuracy": m.accuracy(gold, pred),
        "macro_f1": m.macro_f1(gold, pred, list(prep.labels)),
        "per_class": {str(s.label): {"precision": s.precision, "recall": s.recall,
                                     "f1": s.f1, "support": s.support}
                      for s in m.per_class_scores(gold, pred, list(prep.labels))},
    }
    wrong = m.wrong_predictions(texts, gold, pred, conf, limit=request.max_wrong)
    return metrics, m.confusion_matrix(gold, pred, list(prep.labels)), wrong, tuple(pred)


def _describe_tags(words: Any, tags: Any, scheme: str, bio: bool) -> str:
    from workbench.core.bert.metrics import get_entities

    if not bio:
        return " ".join(f"{w}/{t}" for w, t in zip(words, tags))
    ents = get_entities(list(tags), scheme)
    if not ents:
        return "(no entities)"
    return "; ".join(f"{' '.join(words[e.start:e.end])} ({e.type})" for e in ents)


def _evaluate_tagging(prep: _Prepared, logits: list[Any], request: FinetuneRequest
                      ) -> tuple[dict[str, Any], ConfusionMatrix, list[WrongPrediction],
                                 tuple[Any, ...]]:
    from workbench.core.bert import metrics as m
    from workbench.core.bert.finetune_data import word_level_predictions

    enc = prep.eval_inputs
    default = "O" if "O" in prep.labels else prep.labels[0]
    gold: list[tuple[str, ...]] = []
    pred: list[tuple[str, ...]] = []
    conf: list[float] = []
    for k, sentence in enumerate(prep.eval_examples):
        probs = _softmax(logits[k])
        token_ids = probs.argmax(axis=1)
        token_conf = probs.max(axis=1)
        words_pred = word_level_predictions(enc.word_ids[k], [prep.labels[i] for i in token_ids],
                                            len(sentence.words), default)
        words_conf = word_level_predictions(enc.word_ids[k], token_conf.tolist(),
                                            len(sentence.words), 0.0)
        gold.append(tuple(sentence.tags))
        pred.append(tuple(words_pred))
        conf.append(float(min(words_conf)) if words_conf else 0.0)
    flat_gold = [t for s in gold for t in s]
    flat_pred = [t for s in pred for t in s]
    bio = all(_BIO_TAG.match(t) for t in prep.labels)
    metrics: dict[str, Any] = {"word_accuracy": m.accuracy(flat_gold, flat_pred)}
    scheme = request.tag_scheme.upper()
    if bio:
        ent = m.entity_scores(gold, pred, scheme=scheme)
        metrics.update({
            "entity_precision": ent.precision, "entity_recall": ent.recall,
            "entity_f1": ent.f1, "n_gold_entities": ent.n_gold,
            "n_predicted_entities": ent.n_pred,
            "per_type": {t: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                             "support": s.support} for t, s in ent.per_type.items()},
        })
    texts = [" ".join(s.words) for s in prep.eval_examples]
    gold_txt = [_describe_tags(s.words, g, scheme, bio) for s, g in zip(prep.eval_examples, gold)]
    pred_txt = [_describe_tags(s.words, p, scheme, bio) for s, p in zip(prep.eval_examples, pred)]
    wrong = m.wrong_predictions(texts, gold_txt, pred_txt, conf, limit=request.max_wrong,
                                is_wrong=[g != p for g, p in zip(gold, pred)])
    cm = m.confusion_matrix(flat_gold, flat_pred, list(prep.labels))
    return metrics, cm, wrong, tuple(pred)


def _evaluate_qa(prep: _Prepared, logits: list[Any], request: FinetuneRequest
                 ) -> tuple[dict[str, Any], None, list[WrongPrediction], tuple[Any, ...]]:
    from workbench.core.bert import metrics as m
    from workbench.core.bert.finetune_data import postprocess_qa

    preds = postprocess_qa(prep.eval_examples, prep.eval_inputs, [s for s, _ in logits],
                           [e for _, e in logits], n_best=request.n_best,
                           max_answer_length=request.max_answer_length,
                           allow_no_answer=prep.version_2)
    golds = {e.id: [a.text for a in e.answers] for e in prep.eval_examples}
    answers = {p.id: p.text for p in preds}
    metrics: dict[str, Any] = dict(m.squad_scores(answers, golds))
    metrics.pop("n", None)
    texts = [e.question for e in prep.eval_examples]
    gold_txt = [" | ".join(golds[e.id]) or "(no answer)" for e in prep.eval_examples]
    pred_txt = [p.text or "(no answer)" for p in preds]
    wrong_flags = [m.squad_exact_match(p.text, golds[p.id]) < 1.0 for p in preds]
    wrong = m.wrong_predictions(texts, gold_txt, pred_txt, [p.confidence for p in preds],
                                limit=request.max_wrong, is_wrong=wrong_flags)
    return metrics, None, wrong, tuple(p.text for p in preds)


def _classification_metrics_fn(labels: tuple[str, ...]) -> Any:
    """``compute_metrics`` for the engine's periodic evaluation (classification)."""
    def compute(eval_pred: Any) -> dict[str, float]:
        import numpy as np

        from workbench.core.bert import metrics as m

        pred = np.asarray(eval_pred[0]).tolist()  # ids: see _argmax_logits
        gold = np.asarray(eval_pred[1]).tolist()
        return {"accuracy": m.accuracy(gold, pred),
                "macro_f1": m.macro_f1(gold, pred, list(range(len(labels))))}
    return compute


def _tagging_metrics_fn(labels: tuple[str, ...], scheme: str) -> Any:
    """``compute_metrics`` for tagging: entity F1 over first sub-tokens (label != -100)."""
    bio = all(_BIO_TAG.match(t) for t in labels)

    def compute(eval_pred: Any) -> dict[str, float]:
        import numpy as np

        from workbench.core.bert import metrics as m

        pred_ids, label_ids = np.asarray(eval_pred[0]), np.asarray(eval_pred[1])
        gold, pred = [], []
        for p_row, g_row in zip(pred_ids, label_ids):
            keep = g_row != -100
            gold.append([labels[i] for i in g_row[keep]])
            pred.append([labels[i] for i in p_row[keep]])
        out = {"word_accuracy": m.accuracy([t for s in gold for t in s],
                                           [t for s in pred for t in s])}
        if bio:
            out["entity_f1"] = m.entity_scores(gold, pred, scheme=scheme).f1
        return out
    return compute


def _argmax_logits(logits: Any, labels: Any) -> Any:
    """Keep only predicted ids per evaluation batch (the Trainer would gather all logits)."""
    if isinstance(logits, tuple):
        logits = logits[0]
    return logits.argmax(dim=-1)


# --------------------------------------------------------------------------- the job


def _fingerprint(request: FinetuneRequest) -> str:
    parts = []
    for name in (request.train_file, request.eval_file, request.model):
        if not name:
            continue
        p = Path(name).resolve()
        targets = [p / "config.json", *sorted(p.glob("*.safetensors"))] if p.is_dir() else [p]
        for t in targets:
            try:
                st = t.stat()
                parts.append(f"{t}|{st.st_size}|{st.st_mtime_ns}")
            except OSError:
                parts.append(str(t))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _check_inputs(request: FinetuneRequest) -> None:
    for what, name in ((msg("training file"), request.train_file),
                       (msg("evaluation file"), request.eval_file)):
        if name and not Path(name).is_file():
            raise ParameterError(msg("The {what} {name} does not exist.", what=what, name=name),
                                 path=name)
    if not Path(request.model).is_dir():
        raise ParameterError(msg("The model folder {request_model} does not exist.",
                                 request_model=request.model),
                             path=request.model)


def finetune(request: FinetuneRequest, workspace: Workspace | None = None,
             progress: Progress = NULL_PROGRESS) -> FinetuneResult:
    """Fine-tune a model on one task, evaluate it, save it and record the run.

    Parameters
    ----------
    request
        Task, files, model folder and settings.
    workspace
        Where the run is recorded (kind ``"finetune"``) and, unless
        ``request.output_dir`` is set, where its outputs go.  Without one the
        run is not recorded and the outputs go to ``request.output_dir`` or a
        new temporary folder.
    progress
        Overall progress (reading and encoding take the first 5 %, training
        up to 95 %, evaluation the rest), the engine's ``TrainingPoint``
        partials, and cancellation.

    Returns
    -------
    FinetuneResult

    Raises
    ------
    WorkbenchError
        Bad files (naming file and line), a bad model folder or settings.
    Cancelled
        When asked to stop: the engine saved a checkpoint first; the
        exception's ``result`` is a :class:`FinetuneResult` without metrics
        whose ``training`` names the checkpoint.
    """
    _check_inputs(request)
    if workspace is None:
        out = Path(request.output_dir) if request.output_dir else \
            Path(tempfile.mkdtemp(prefix="workbench-finetune-"))
        return _run(request, out, None, progress)
    with workspace.recorded("finetune", request.to_dict(), _fingerprint(request)) as run:
        out = Path(request.output_dir) if request.output_dir else workspace.run_dir(run.id)
        run.outputs["output_dir"] = str(out)
        return _run(request, out, run, progress)


def _run(request: FinetuneRequest, out: Path, run: RunHandle | None,
         progress: Progress) -> FinetuneResult:
    from workbench.core.bert.engine import run_training
    from workbench.core.bert.finetune_data import PaddingCollator
    from workbench.core.bert.models import save_model
    from workbench.core.bert.tokenizer import load_tokenizer

    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = load_tokenizer(request.model)
    config = _read_config(Path(request.model))
    max_pos = int(config.get("max_position_embeddings", 512))
    if request.max_length > max_pos:
        raise ParameterError(msg("The maximum length ({request_max_length}) is longer than the "
                                 "model's {max_pos} positions.",
                                 request_max_length=request.max_length, max_pos=max_pos))
    type_ids = True if int(config.get("type_vocab_size", 2)) > 1 else None
    prep = _prepare(request, tokenizer, type_ids, scaled(progress, 0.0, _READ_SHARE))
    progress.raise_if_cancelled()
    model = _load_model(request, prep.labels)
    progress.report(_READ_SHARE, msg("Training on {n_prep_train:,} examples",
                                     n_prep_train=len(prep.train)))

    collator = PaddingCollator(tokenizer.pad_token_id)
    # The engine evaluates only for periodic curves; the final scores come from _evaluate.
    periodic = request.training.eval_every is not None and prep.eval_train_style is not None
    compute = None
    if periodic and request.task in ("classification", "pair-classification"):
        compute = _classification_metrics_fn(prep.labels)
    elif periodic and request.task == "tagging":
        compute = _tagging_metrics_fn(prep.labels, request.tag_scheme.upper())
    if run is not None:
        run.metrics.update({"n_train": len(prep.train_examples),
                            "n_eval": len(prep.eval_examples), "labels": list(prep.labels)})
    try:
        outcome = run_training(model, prep.train, prep.eval_train_style if periodic else None,
                               collator, request.training, out / "training",
                               progress=scaled(progress, _READ_SHARE, _TRAIN_END),
                               compute_metrics=compute, tokenizer=tokenizer, save_final=False,
                               preprocess_logits_for_metrics=_argmax_logits if compute else None)
    except Cancelled as stop:
        partial = FinetuneResult(request.task, prep.labels, run.id if run else None, {}, None,
                                 (), (), None, out, stop.result)
        checkpoint = getattr(stop.result, "last_checkpoint", None)
        if run is not None and checkpoint is not None:
            run.outputs["checkpoint"] = str(checkpoint)
        raise Cancelled(partial) from None

    metrics, confusion, wrong, predictions = _evaluate(
        request, prep, model, collator, scaled(progress, _TRAIN_END, 1.0))
    losses = [h["loss"] for h in outcome.history
              if isinstance(h.get("loss"), (int, float)) and math.isfinite(h["loss"])]
    metrics.update({
        "n_train": len(prep.train_examples),
        "n_eval": len(prep.eval_examples),
        "n_train_features": len(prep.train),
        "train_steps": outcome.steps,
        "train_loss": outcome.metrics.get("train_loss"),
        "last_loss": losses[-1] if losses else None,
        "seconds": time.perf_counter() - t0,
    })
    metrics.update({k: v for k, v in outcome.metrics.items()
                    if k.startswith("eval_") or k in ("best_metric", "best_step")})
    if prep.notes:
        metrics["notes"] = list(prep.notes)
    model_dir = save_model(model, tokenizer, out / "model")
    result = FinetuneResult(request.task, prep.labels, run.id if run else None, metrics,
                            confusion, tuple(wrong), predictions, model_dir, out, outcome)
    _write_summary(out / "finetune.json", request, result)
    if run is not None:
        run.metrics.update(metrics)
        if confusion is not None:
            run.metrics["confusion"] = confusion.to_dict()
        run.outputs.update({"model": str(model_dir), "summary": str(out / "finetune.json")})
    progress.report(1.0, _summary_line(request.task, metrics))
    return result


def _load_model(request: FinetuneRequest, labels: tuple[str, ...]) -> Any:
    """The model with the task's head (new head weights seeded by ``request.seed``)."""
    import transformers
    from transformers.utils import logging as hf_logging

    from workbench.core.bert.models import load_model

    kwargs: dict[str, Any] = {"ignore_mismatched_sizes": True}
    if request.task != "qa":
        kwargs.update(num_labels=len(labels), id2label=dict(enumerate(labels)),
                      label2id={label: i for i, label in enumerate(labels)})
    transformers.set_seed(request.seed)
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the "newly initialised head" report is expected
    try:
        return load_model(request.model, head=request.head, **kwargs)
    finally:
        hf_logging.set_verbosity(level)


def _evaluate(request: FinetuneRequest, prep: _Prepared, model: Any, collator: Any,
              progress: Progress) -> tuple[dict[str, Any], ConfusionMatrix | None,
                                           list[WrongPrediction], tuple[Any, ...]]:
    """Predict the evaluation set and score it (empty results without one)."""
    if not prep.eval_examples:
        return {}, None, [], ()
    features = prep.eval_inputs if request.task in ("classification", "pair-classification") \
        else prep.eval_inputs.features
    batch = request.training.eval_batch_size or max(8, 2 * request.training.batch_size)
    logits = _predict_logits(model, features, collator, batch, progress)
    if request.task == "qa":
        return _evaluate_qa(prep, logits, request)
    if request.task == "tagging":
        return _evaluate_tagging(prep, logits, request)
    return _evaluate_classification(prep, logits, request)


def _read_config(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}   # load_model reports the problem in its own words
    return data if isinstance(data, dict) else {}


def _write_summary(path: Path, request: FinetuneRequest, result: FinetuneResult) -> None:
    from workbench.core.workspace import atomic_write

    data = {"request": request.to_dict(), **result.to_dict()}
    with atomic_write(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, default=str)


def _summary_line(task: str, metrics: dict[str, Any]) -> str:
    keys = {"qa": ("exact_match", "f1"), "tagging": ("entity_f1", "word_accuracy")}.get(
        task, ("accuracy", "macro_f1"))
    shown = [f"{k} {metrics[k]:.3f}" for k in keys if isinstance(metrics.get(k), float)]
    if not shown:
        return msg("Fine-tuning finished")
    return msg("Fine-tuning finished: {metrics}", metrics=", ".join(shown))

