"""BERT pretraining (MLM + NSP) as the app and the CLI run it: data, model, training, record.

:func:`pretrain` is the one job behind the BERT panel's "Pretrain" and
``workbench bert pretrain --config run.json``:

1. read the corpus as documents (:func:`~workbench.core.bert.data.read_documents`);
2. load the tokenizer, or train a WordPiece one
   (:func:`~workbench.core.bert.tokenizer.train_wordpiece`; cached in the
   workspace by corpus fingerprint and settings, so a sweep trains it once);
3. build MLM/NSP examples and hold out ``eval_fraction`` of the documents;
4. check that one batch fits in the data (before anything is recorded);
5. build the model (a size preset, or continue from a local folder;
   optionally initialise the word embeddings from static vectors and freeze
   them for ``freeze_steps`` steps);
6. train with :func:`~workbench.core.bert.engine.run_training`, evaluating
   MLM loss, perplexity, masked-token accuracy and NSP accuracy on the
   held-out slice, and record the run (parameters, corpus fingerprint,
   per-evaluation metrics, outputs) in the workspace.

The models are ``transformers.BertForPreTraining`` (``BertForMaskedLM`` when
``nsp=False``) with SDPA attention.  During training their MLM head runs
only on the selected positions (about 15 % of the tokens) instead of every
token: the loss is the same, the work of the vocabulary projection drops by
~85 % (most of a small model's compute).  The saved folders are ordinary
``BertForPreTraining``/``BertForMaskedLM`` folders.

:func:`pretrain_sweep` runs the same request for several mask ratios on the
same data and seed, evaluating all of them with the same 15 % masks (so the
curves are comparable) and recording each run with its ratio.

Multi-process runs: ``torchrun --nproc_per_node=N -m workbench.cli bert
pretrain --config run.json`` (:func:`launch_command`); every process builds
the same data, the first one trains the tokenizer (the others wait) and
records the run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import shlex
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.bert.data import MaskingSettings
from workbench.core.bert.engine import TrainingSettings, distributed_info
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, scaled

if TYPE_CHECKING:
    from workbench.core.bert.data import PretrainingExamples
    from workbench.core.bert.engine import TrainingOutcome
    from workbench.core.workspace import RunHandle, Workspace

__all__ = [
    "EVAL_MASK_SEED_OFFSET",
    "RUN_KIND",
    "PretrainRequest",
    "PretrainResult",
    "PretrainingData",
    "launch_command",
    "mlm_compute_metrics",
    "mlm_metrics_preprocess",
    "prepare_pretraining_data",
    "pretrain",
    "pretrain_sweep",
    "pretraining_model_class",
]

#: ``kind`` of pretraining runs in the run registry.
RUN_KIND = "bert_pretrain"
#: The evaluation collator's seed is ``request.seed`` plus this (fixed masks, not the training ones).
EVAL_MASK_SEED_OFFSET = 10_007
_PATH_FIELDS = ("corpus", "tokenizer", "model", "static_vectors", "output_dir")
#: Progress shares of the stages before training.
_READ, _TOKENIZER, _EXAMPLES = 0.03, 0.10, 0.15


# --------------------------------------------------------------------------- request
@dataclass(frozen=True)
class PretrainRequest:
    """Everything one pretraining run needs (JSON round-trip: :meth:`to_json`/:meth:`from_json`).

    Attributes
    ----------
    corpus
        A text file or folder (:class:`~workbench.core.corpus.reader.Corpus`
        formats); documents are blank-line separated blocks (and files).
    tokenizer
        A tokenizer folder; ``None``: the tokenizer of ``model`` if it has
        one, else a WordPiece tokenizer trained on the corpus with
        ``vocab_size``, ``lowercase`` and ``min_frequency``.
    model
        A local model folder to continue pretraining from; ``None``: a new
        model of ``size``.
    size
        Size preset (``tiny``, ``mini``, ``small``, ``medium``, ``base``,
        ``large``); ``layers``, ``hidden``, ``heads``, ``intermediate``
        override its fields.
    seq_len
        Longest example in tokens.
    nsp, nsp_prob
        Next-sentence prediction and the share of random partners.
    split_sentences
        Split lines into sentences at ``. ! ?`` (for one-paragraph-per-line
        corpora such as WikiText).
    one_doc_per_file
        Each file is one document (blank lines do not split).
    masking
        :class:`~workbench.core.bert.data.MaskingSettings` for training.
    eval_masking
        Masking of the evaluation slice (default: ``masking``).  The masks
        are fixed, so evaluations at different steps are comparable.
    training
        :class:`~workbench.core.bert.engine.TrainingSettings`.
    eval_fraction
        Share of the documents held out for evaluation (0: none).
    static_vectors
        Vectors file to initialise the word embeddings from (see
        :mod:`workbench.core.bert.static_init`).
    freeze_steps
        Keep the word embeddings fixed for this many steps.
    dropout
        Hidden and attention dropout of a new model.
    output_dir
        Folder for checkpoints and the final model; ``None``: the run's
        folder in the workspace (or a temporary folder without one).
        Required for ``resume`` to find an earlier run and under ``torchrun``.
    resume
        Continue from the latest complete checkpoint in ``output_dir``.
    seed
        Seed of the data (pairs, split), the model initialisation and the masks.
    tag
        Label of the run's curves (sweeps set it).
    """

    corpus: str
    tokenizer: str | None = None
    model: str | None = None
    size: str = "tiny"
    layers: int | None = None
    hidden: int | None = None
    heads: int | None = None
    intermediate: int | None = None
    vocab_size: int = 8000
    lowercase: bool = True
    min_frequency: int = 2
    seq_len: int = 128
    nsp: bool = True
    nsp_prob: float = 0.5
    split_sentences: bool = False
    one_doc_per_file: bool = False
    masking: MaskingSettings = field(default_factory=MaskingSettings)
    eval_masking: MaskingSettings | None = None
    training: TrainingSettings = field(default_factory=TrainingSettings)
    eval_fraction: float = 0.05
    static_vectors: str | None = None
    freeze_steps: int = 0
    dropout: float = 0.1
    output_dir: str | None = None
    resume: bool = True
    seed: int = 0
    tag: str = ""

    def __post_init__(self) -> None:
        for name in _PATH_FIELDS:
            value = getattr(self, name)
            if isinstance(value, Path):
                object.__setattr__(self, name, str(value))
        if not self.corpus:
            raise ParameterError(msg("No corpus was given."))
        from workbench.core.bert.models import PRESETS

        if self.size not in PRESETS:
            raise ParameterError(msg("Unknown model size {size!r}; choose one of {PRESETS}.",
                                     size=self.size, PRESETS=', '.join(PRESETS)))
        if not isinstance(self.masking, MaskingSettings):
            raise ParameterError(msg("masking must be MaskingSettings."))
        if self.eval_masking is not None and not isinstance(self.eval_masking, MaskingSettings):
            raise ParameterError(msg("eval_masking must be MaskingSettings or None."))
        if not isinstance(self.training, TrainingSettings):
            raise ParameterError(msg("training must be TrainingSettings."))
        if not 8 <= self.seq_len <= 8192:
            raise ParameterError(msg("seq_len must be between 8 and 8192, not {seq_len}.",
                                     seq_len=self.seq_len))
        if not 0.0 <= self.eval_fraction < 0.5:
            raise ParameterError(msg("eval_fraction must be in [0, 0.5), not {eval_fraction}.",
                                     eval_fraction=self.eval_fraction))
        if not 0.0 <= self.nsp_prob <= 1.0:
            raise ParameterError(msg("nsp_prob must be between 0 and 1, not {nsp_prob}.",
                                     nsp_prob=self.nsp_prob))
        if not 0.0 <= self.dropout < 1.0:
            raise ParameterError(msg("dropout must be in [0, 1), not {dropout}.",
                                     dropout=self.dropout))
        if self.freeze_steps < 0:
            raise ParameterError(msg("freeze_steps must be 0 or more, not {freeze_steps}.",
                                     freeze_steps=self.freeze_steps))

    # -- serialisation
    def to_dict(self) -> dict[str, Any]:
        """The request as a plain, JSON-ready dict (nested settings as dicts)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> PretrainRequest:
        """Build a request from :meth:`to_dict` output (or a hand-written config).

        Raises
        ------
        ParameterError
            Unknown keys (named), a missing ``corpus``, or invalid values.
        """
        if not isinstance(values, dict):
            raise ParameterError(msg("A pretraining config must be a JSON object."))
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise ParameterError(msg("Unknown pretraining setting {unknown}; known: {known}.",
                                     unknown=', '.join(unknown), known=', '.join(sorted(names))))
        if "corpus" not in values:
            raise ParameterError(msg("The config has no 'corpus' (the text file or folder)."))
        kwargs = dict(values)
        for key, kind in (("masking", MaskingSettings), ("eval_masking", MaskingSettings)):
            value = kwargs.get(key)
            if isinstance(value, dict):
                kwargs[key] = _settings_from(kind, value, key)
        if isinstance(kwargs.get("training"), dict):
            kwargs["training"] = TrainingSettings.from_dict(kwargs["training"])
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise ParameterError(
                msg("The pretraining config is not valid: {exc}.", exc=exc)) from exc

    def to_json(self) -> str:
        """The request as JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PretrainRequest:
        """Parse :meth:`to_json` output; bad JSON raises :class:`ParameterError`."""
        try:
            values = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParameterError(msg("The pretraining config is not valid JSON: {exc_msg} at "
                                     "line {exc_lineno}, column {exc_colno}.", exc_msg=exc.msg,
                                     exc_lineno=exc.lineno, exc_colno=exc.colno),
                                 line=exc.lineno) from exc
        return cls.from_dict(values)

    def save(self, path: str | Path) -> Path:
        """Write :meth:`to_json` to ``path`` atomically."""
        from workbench.core.workspace import atomic_write

        with atomic_write(path, "w", encoding="utf-8") as f:
            f.write(self.to_json() + "\n")
        return Path(path)

    @classmethod
    def load(cls, path: str | Path) -> PretrainRequest:
        """Read a config file; relative paths in it are relative to the file's folder."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ParameterError(msg("The config file {path} cannot be read ({value}).", path=path,
                                     value=exc.strerror or exc), path=path) from exc
        try:
            request = cls.from_json(text)
        except ParameterError as exc:
            raise ParameterError(msg("{path}: {exc}", path=path, exc=exc),
                                 path=path, line=exc.line) from exc
        base = path.resolve().parent
        changes = {}
        for name in _PATH_FIELDS:
            value = getattr(request, name)
            if value and not Path(value).expanduser().is_absolute():
                changes[name] = str(base / value)
            elif value:
                changes[name] = str(Path(value).expanduser())
        return replace(request, **changes) if changes else request

    # -- derived
    def model_size(self) -> Any:
        """The :class:`~workbench.core.bert.models.ModelSize` of a new model."""
        from workbench.core.bert.models import PRESETS, ModelSize

        base = PRESETS[self.size]
        values = {"layers": self.layers or base.layers, "hidden": self.hidden or base.hidden,
                  "heads": self.heads or base.heads,
                  "intermediate": self.intermediate or base.intermediate,
                  "max_position": max(base.max_position, self.seq_len)}
        return ModelSize(**values)


def _settings_from(kind: type, values: dict[str, Any], key: str) -> Any:
    names = {f.name for f in fields(kind)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise ParameterError(msg("Unknown {key} setting {unknown}; known: {known}.",
                                 key=key, unknown=', '.join(unknown),
                                 known=', '.join(sorted(names))))
    return kind(**values)


@dataclass(frozen=True)
class PretrainResult:
    """What :func:`pretrain` produced.

    Attributes
    ----------
    run_id
        The run's id in the workspace registry (``None`` without a workspace).
    output_dir, final_model_dir, last_checkpoint, tokenizer_dir
        Where things are; ``final_model_dir`` is ``None`` for a cancelled run.
    steps
        Optimizer steps done.
    history
        The Trainer's log history.
    evals
        One dict per evaluation: ``step`` and the metrics without prefix
        (``loss``, ``mlm_loss``, ``perplexity``, ``mlm_accuracy``,
        ``nsp_accuracy``).
    metrics
        Final metrics (``eval_*`` of the last evaluation, ``train_loss``...).
    status
        ``"success"`` or ``"cancelled"``.
    mask_ratio
        The training mask ratio (for overlaying sweep curves).
    train_examples, eval_examples
        Sizes of the two slices.
    masking_stats
        Measured shares of selected / [MASK] / random / kept tokens.
    seconds
        Wall time.
    """

    run_id: int | None
    output_dir: Path
    final_model_dir: Path | None
    last_checkpoint: Path | None
    tokenizer_dir: Path
    steps: int
    history: tuple[dict[str, Any], ...]
    evals: tuple[dict[str, Any], ...]
    metrics: dict[str, Any]
    status: str
    mask_ratio: float
    train_examples: int
    eval_examples: int
    masking_stats: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


# --------------------------------------------------------------------------- models
@functools.cache
def _sparse_classes() -> tuple[type, type]:
    from torch.nn import functional as F
    from transformers import BertForMaskedLM, BertForPreTraining
    from transformers.modeling_outputs import MaskedLMOutput
    from transformers.models.bert.modeling_bert import BertForPreTrainingOutput

    def mlm_loss(scores: Any, target: Any) -> Any:
        if target.numel() == 0:                 # nothing selected: a zero that keeps the graph
            return scores.sum() * 0.0
        return F.cross_entropy(scores.float(), target)

    class SparseBertForPreTraining(BertForPreTraining):
        """``BertForPreTraining`` whose MLM head runs only on the labelled positions.

        With ``labels`` the returned ``prediction_logits`` are ``(n_selected,
        vocab)`` (rows in the order of ``labels[labels != -100]``); without
        labels it is the ordinary forward.
        """

        accepts_loss_kwargs = False

        def forward(self, input_ids: Any = None, attention_mask: Any = None,
                    token_type_ids: Any = None, position_ids: Any = None,
                    inputs_embeds: Any = None, labels: Any = None,
                    next_sentence_label: Any = None, **kwargs: Any) -> Any:
            kwargs.pop("num_items_in_batch", None)
            if labels is None:
                return super().forward(input_ids=input_ids, attention_mask=attention_mask,
                                       token_type_ids=token_type_ids,
                                       position_ids=position_ids, inputs_embeds=inputs_embeds,
                                       next_sentence_label=next_sentence_label, **kwargs)
            outputs = self.bert(input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids, position_ids=position_ids,
                                inputs_embeds=inputs_embeds, return_dict=True, **kwargs)
            sequence, pooled = outputs[0], outputs[1]
            selected = labels != -100
            target = labels[selected]
            scores = self.cls.predictions(sequence[selected])
            nsp_scores = self.cls.seq_relationship(pooled)
            loss = mlm_loss(scores, target)
            if next_sentence_label is not None:
                loss = loss + F.cross_entropy(nsp_scores.float(), next_sentence_label.view(-1))
            return BertForPreTrainingOutput(loss=loss, prediction_logits=scores,
                                            seq_relationship_logits=nsp_scores,
                                            hidden_states=outputs.hidden_states,
                                            attentions=outputs.attentions)

    class SparseBertForMaskedLM(BertForMaskedLM):
        """``BertForMaskedLM`` whose MLM head runs only on the labelled positions."""

        accepts_loss_kwargs = False

        def forward(self, input_ids: Any = None, attention_mask: Any = None,
                    token_type_ids: Any = None, position_ids: Any = None,
                    inputs_embeds: Any = None, labels: Any = None, **kwargs: Any) -> Any:
            kwargs.pop("num_items_in_batch", None)
            if labels is None:
                return super().forward(input_ids=input_ids, attention_mask=attention_mask,
                                       token_type_ids=token_type_ids,
                                       position_ids=position_ids, inputs_embeds=inputs_embeds,
                                       **kwargs)
            outputs = self.bert(input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids, position_ids=position_ids,
                                inputs_embeds=inputs_embeds, return_dict=True, **kwargs)
            selected = labels != -100
            target = labels[selected]
            scores = self.cls.predictions(outputs[0][selected])
            return MaskedLMOutput(loss=mlm_loss(scores, target), logits=scores,
                                  hidden_states=outputs.hidden_states,
                                  attentions=outputs.attentions)

    # Saved configs name the ordinary classes (``architectures``), so every tool loads them.
    for cls, name in ((SparseBertForPreTraining, "BertForPreTraining"),
                      (SparseBertForMaskedLM, "BertForMaskedLM")):
        cls.__name__ = name
        cls.__qualname__ = name
    return SparseBertForPreTraining, SparseBertForMaskedLM


def pretraining_model_class(nsp: bool = True) -> type:
    """The model class pretraining uses: a ``BertForPreTraining`` (``BertForMaskedLM``
    without NSP) subclass that computes the MLM head on the selected positions only."""
    pre, mlm = _sparse_classes()
    return pre if nsp else mlm


def _as_sparse(model: Any, nsp: bool) -> Any:
    """Give a loaded plain BERT model the sparse-head forward (same weights, same class tree)."""
    from transformers import BertForMaskedLM, BertForPreTraining

    plain = BertForPreTraining if nsp else BertForMaskedLM
    if type(model) is plain:
        model.__class__ = pretraining_model_class(nsp)
    return model


# --------------------------------------------------------------------------- metrics
def mlm_metrics_preprocess(logits: Any, labels: Any) -> Any:
    """Reduce one evaluation batch to sums: a ``(1, 7)`` float64 tensor.

    Columns: MLM negative log-likelihood sum, correct masked predictions,
    masked tokens, NSP negative log-likelihood sum, correct NSP predictions,
    NSP examples, batches (1).  Works with the sparse head (logits of the
    selected positions) and with the dense one (logits of every position).
    """
    import torch
    from torch.nn import functional as F

    if isinstance(logits, (tuple, list)):
        mlm_logits = logits[0]
        nsp_logits = logits[1] if len(logits) > 1 else None
    else:
        mlm_logits, nsp_logits = logits, None
    if isinstance(labels, (tuple, list)):
        mlm_labels = labels[0]
        nsp_labels = labels[1] if len(labels) > 1 else None
    else:
        mlm_labels, nsp_labels = labels, None
    selected = mlm_labels != -100
    target = mlm_labels[selected]
    if mlm_logits.dim() == 3:
        mlm_logits = mlm_logits[selected]
    mlm_logits = mlm_logits.float()
    row = torch.zeros(1, 7, dtype=torch.float64, device=mlm_logits.device)
    if target.numel():
        row[0, 0] = F.cross_entropy(mlm_logits, target, reduction="sum").double()
        row[0, 1] = (mlm_logits.argmax(-1) == target).sum().double()
        row[0, 2] = target.numel()
    if nsp_logits is not None and nsp_labels is not None:
        nsp_logits = nsp_logits.float()
        nsp_target = nsp_labels.view(-1)
        row[0, 3] = F.cross_entropy(nsp_logits, nsp_target, reduction="sum").double()
        row[0, 4] = (nsp_logits.argmax(-1) == nsp_target).sum().double()
        row[0, 5] = nsp_target.numel()
    row[0, 6] = 1
    return row


def mlm_compute_metrics(eval_prediction: Any) -> dict[str, float]:
    """Metrics from the sums of :func:`mlm_metrics_preprocess`.

    ``mlm_loss`` (mean over masked tokens), ``perplexity`` (``exp`` of it),
    ``mlm_accuracy`` (masked tokens predicted exactly) and, with NSP,
    ``nsp_loss`` and ``nsp_accuracy``.
    """
    import numpy as np

    preds = eval_prediction.predictions
    if isinstance(preds, (tuple, list)):
        preds = preds[0]
    sums = np.asarray(preds, dtype=np.float64).reshape(-1, 7).sum(axis=0)
    out: dict[str, float] = {}
    if sums[2] > 0:
        loss = sums[0] / sums[2]
        out["mlm_loss"] = float(loss)
        out["perplexity"] = float(math.exp(min(loss, 700.0)))
        out["mlm_accuracy"] = float(sums[1] / sums[2])
        out["masked_tokens"] = float(sums[2])
    if sums[5] > 0:
        out["nsp_loss"] = float(sums[3] / sums[5])
        out["nsp_accuracy"] = float(sums[4] / sums[5])
    return out


# --------------------------------------------------------------------------- data
@dataclass
class PretrainingData:
    """The tokenizer and the train/eval examples of a request (:func:`prepare_pretraining_data`)."""

    tokenizer: Any
    tokenizer_dir: Path
    train: PretrainingExamples
    eval: PretrainingExamples | None
    fingerprint: str
    corpus_name: str
    documents: int


def prepare_pretraining_data(request: PretrainRequest, workspace: Workspace | None = None,
                             progress: Progress = NULL_PROGRESS,
                             output_dir: Path | None = None) -> PretrainingData:
    """Read, tokenize and cut the corpus for ``request``; check that it holds a batch.

    Deterministic for a given request (and corpus): :func:`pretrain` calls it,
    and tests call it to rebuild the held-out slice.

    Raises
    ------
    ParameterError
        Fewer training examples than one batch (the message names the
        corpus, the counts and what to change).
    """
    from workbench.core.bert.data import build_pretraining_examples, read_documents
    from workbench.core.corpus.reader import Corpus

    corpus = Corpus.open(request.corpus)
    fingerprint = corpus.fingerprint()
    documents = read_documents(corpus, one_per_file=request.one_doc_per_file,
                               split_sentences=request.split_sentences,
                               progress=scaled(progress, 0.0, _READ))
    tokenizer, tokenizer_dir = _tokenizer(request, documents, fingerprint, workspace,
                                          output_dir, scaled(progress, _READ, _TOKENIZER))
    train_docs, eval_docs = _split_documents(documents, request.eval_fraction, request.seed,
                                             request.nsp)
    build = scaled(progress, _TOKENIZER, _EXAMPLES)
    train = build_pretraining_examples(train_docs, tokenizer, request.seq_len, request.nsp,
                                       request.nsp_prob, request.seed,
                                       scaled(build, 0.0, 0.9 if eval_docs else 1.0))
    evals = None
    if eval_docs:
        evals = build_pretraining_examples(eval_docs, tokenizer, request.seq_len, request.nsp,
                                           request.nsp_prob, request.seed + 1,
                                           scaled(build, 0.9, 1.0))
    elif request.eval_fraction > 0 and len(train) >= 4:
        import numpy as np

        order = np.random.default_rng(request.seed).permutation(len(train))
        n_eval = max(1, round(len(train) * request.eval_fraction))
        evals = train.subset(np.sort(order[:n_eval]))
        train = train.subset(np.sort(order[n_eval:]))
    batch = request.training.batch_size
    if len(train) < batch:
        raise ParameterError(
            msg("The corpus {corpus} gives only {n_train:,} training examples of up to "
                "{seq_len} tokens (from {n_documents:,} documents), fewer than one batch of "
                "{batch}. Use a larger corpus, a smaller batch size or a shorter sequence "
                "length.", corpus=corpus.display_name, n_train=len(train),
                seq_len=request.seq_len, n_documents=len(documents), batch=batch),
            path=request.corpus)
    return PretrainingData(tokenizer, tokenizer_dir, train, evals, fingerprint,
                           corpus.display_name, len(documents))


def _split_documents(documents: list[list[str]], fraction: float, seed: int,
                     nsp: bool) -> tuple[list[list[str]], list[list[str]]]:
    """Hold out whole documents (about ``fraction`` of the sentences) for evaluation.

    With fewer than 10 documents (or fewer than 2 held out for NSP) nothing
    is held out here and the caller splits the examples instead.
    """
    import numpy as np

    if fraction <= 0 or len(documents) < 10:
        return documents, []
    order = np.random.default_rng(seed).permutation(len(documents))
    total = sum(len(d) for d in documents)
    chosen: list[int] = []
    count = 0
    for i in order:
        if count >= fraction * total:
            break
        chosen.append(int(i))
        count += len(documents[i])
    if len(chosen) >= len(documents) - 1 or (nsp and len(chosen) < 2):
        return documents, []
    held = set(chosen)
    return ([d for i, d in enumerate(documents) if i not in held],
            [d for i, d in enumerate(documents) if i in held])


def _tokenizer(request: PretrainRequest, documents: list[list[str]], fingerprint: str,
               workspace: Workspace | None, output_dir: Path | None,
               progress: Progress) -> tuple[Any, Path]:
    from workbench.core.bert.tokenizer import WordPieceSettings, load_tokenizer, train_wordpiece

    if request.tokenizer:
        return load_tokenizer(request.tokenizer), Path(request.tokenizer)
    if request.model and _has_tokenizer(Path(request.model)):
        return load_tokenizer(request.model), Path(request.model)
    if output_dir is not None and _has_tokenizer(output_dir / "tokenizer"):
        folder = output_dir / "tokenizer"              # a resumed run keeps its tokenizer
        return load_tokenizer(folder), folder
    settings = WordPieceSettings(vocab_size=request.vocab_size, lowercase=request.lowercase,
                                 min_frequency=request.min_frequency,
                                 model_max_length=max(512, request.seq_len))
    key = hashlib.sha256(json.dumps([fingerprint, asdict(settings), request.split_sentences,
                                     request.one_doc_per_file], sort_keys=True,
                                    default=str).encode()).hexdigest()[:20]
    rank, world = distributed_info()
    if world > 1 and output_dir is not None:
        folder = output_dir / "tokenizer"         # the one place every process knows
    elif workspace is not None:
        folder = workspace.cache_dir / "wordpiece" / key
    elif output_dir is not None:
        folder = output_dir / "tokenizer"
    else:
        folder = Path(tempfile.mkdtemp(prefix="workbench-wordpiece-")) / "tokenizer"
    with _main_process_first(world):
        if not _has_tokenizer(folder):
            if rank != 0 and world > 1:
                raise WorkbenchError(msg("The first process did not write the tokenizer "
                                         "{folder}.", folder=folder))
            texts = (s for doc in documents for s in doc)
            progress.report(0.0, msg("Training the WordPiece tokenizer…"))
            train_wordpiece(texts, settings, folder, progress=progress)
    return load_tokenizer(folder), folder


def _has_tokenizer(folder: Path) -> bool:
    return folder.is_dir() and ((folder / "tokenizer.json").is_file()
                                or (folder / "vocab.txt").is_file())


@contextlib.contextmanager
def _main_process_first(world: int) -> Iterator[None]:
    """Under ``torchrun``: the first process runs the block, then the others."""
    if world <= 1:
        yield
        return
    import torch.distributed as dist

    rank = dist.get_rank() if dist.is_initialized() else 0
    if rank != 0 and dist.is_initialized():
        dist.barrier()
    try:
        yield
    finally:
        if rank == 0 and dist.is_initialized():
            dist.barrier()


def _init_distributed(device: str) -> None:
    """Start the process group early (tokenizer training waits on it) under ``torchrun``."""
    _, world = distributed_info()
    if world <= 1:
        return
    from accelerate import PartialState

    cpu = device == "cpu"
    PartialState(cpu=cpu, backend="gloo" if cpu else "nccl")


# --------------------------------------------------------------------------- model
def _build_model(request: PretrainRequest, tokenizer: Any, progress: Progress) -> tuple[Any, str]:
    from transformers import set_seed

    from workbench.core.bert.models import bert_config, load_model

    set_seed(request.seed)
    if request.model:
        head = "pretraining" if request.nsp else "mlm"
        model = load_model(request.model, head=head, attn_implementation="sdpa")
        vocab = int(model.config.vocab_size)
        if len(tokenizer) > vocab:
            raise ParameterError(
                msg("The tokenizer has {n_tokenizer:,} tokens but the model in {request_model} "
                    "has only {vocab:,} embedding rows; use the model's own tokenizer.",
                    n_tokenizer=len(tokenizer), request_model=request.model, vocab=vocab),
                path=request.model)
        positions = int(getattr(model.config, "max_position_embeddings", 512))
        if request.seq_len > positions:
            raise ParameterError(msg("seq_len {request_seq_len} is longer than the model's "
                                     "{positions} positions.", request_seq_len=request.seq_len,
                                     positions=positions), path=request.model)
        model = _as_sparse(model, request.nsp)
        description = msg("continued from {model}", model=request.model)
    else:
        size = request.model_size()
        config = bert_config(size, len(tokenizer), hidden_dropout_prob=request.dropout,
                             attention_probs_dropout_prob=request.dropout,
                             pad_token_id=int(tokenizer.pad_token_id))
        model = pretraining_model_class(request.nsp)._from_config(
            config, attn_implementation="sdpa")
        description = msg("new {size} model ({layers} layers, hidden {hidden}, {heads} heads)",
                          size=request.size, layers=size.layers, hidden=size.hidden,
                          heads=size.heads)
    if request.static_vectors:
        from workbench.core.bert.static_init import init_word_embeddings
        from workbench.core.static.formats import load_vectors

        progress.report(None, msg("Reading static vectors {request_static_vectors}…",
                                  request_static_vectors=request.static_vectors))
        report = init_word_embeddings(model, tokenizer, load_vectors(request.static_vectors),
                                      seed=request.seed)
        description = msg("{model}; {static_init}", model=description,
                          static_init=report.describe())
    return model, description


# --------------------------------------------------------------------------- the job
def pretrain(request: PretrainRequest, workspace: Workspace | None = None,
             progress: Progress = NULL_PROGRESS) -> PretrainResult:
    """Pretrain (or continue pretraining) a BERT model; record the run.

    Parameters
    ----------
    request
        What to train (:class:`PretrainRequest`).
    workspace
        Run registry, tokenizer cache and default output folder; ``None``:
        nothing is recorded (scripts, tests).
    progress
        Overall progress (data preparation takes the first 15 %), the
        training's :class:`~workbench.core.bert.engine.TrainingPoint`
        partials, and cancellation.

    Returns
    -------
    PretrainResult

    Raises
    ------
    Cancelled
        With a :class:`PretrainResult` (``status="cancelled"``, the
        checkpoint in ``last_checkpoint``) when cancelled during training,
        ``None`` before.
    WorkbenchError
        Unreadable corpus, too little data for one batch (before anything
        starts), bad settings, or a training failure (checkpoint kept).
    """
    return _run(request, workspace, progress, prepared=None)


def _run(request: PretrainRequest, workspace: Workspace | None, progress: Progress,
         prepared: PretrainingData | None) -> PretrainResult:
    from workbench.core.bert.engine import select_device

    start = time.perf_counter()
    rank, world = distributed_info()
    if world > 1 and not request.output_dir:
        raise ParameterError(msg("Multi-process (torchrun) runs need an output_dir in the "
                                 "config, the same for every process."))
    device = select_device(request.training.device)
    _init_distributed(device)
    out_hint = Path(request.output_dir) if request.output_dir else None
    if prepared is None:
        prepared = prepare_pretraining_data(request, workspace, progress, out_hint)
    record = workspace is not None and rank == 0
    params = request.to_dict()
    params["mask_ratio"] = request.masking.ratio
    params["train_examples"] = len(prepared.train)
    params["eval_examples"] = len(prepared.eval) if prepared.eval is not None else 0
    params["world_size"] = world
    ctx: Any = (workspace.recorded(RUN_KIND, params, prepared.fingerprint)  # type: ignore[union-attr]
                if record else contextlib.nullcontext(None))
    with ctx as run:
        output_dir = _output_dir(request, workspace, run)
        if run is not None:
            run.outputs["output_dir"] = str(output_dir)
            run.outputs["tokenizer"] = str(prepared.tokenizer_dir)
        try:
            outcome, stats, description = _train(request, prepared, output_dir, workspace, run,
                                                 scaled(progress, _EXAMPLES, 1.0), device)
        except Cancelled as stop:
            result = None
            if stop.result is not None:
                result = _result(request, prepared, stop.result, run, {}, start)
                _fill_record(run, result, "")
            raise Cancelled(result) from None
        result = _result(request, prepared, outcome, run, stats, start)
        _fill_record(run, result, description)
    return result


def _output_dir(request: PretrainRequest, workspace: Workspace | None,
                run: RunHandle | None) -> Path:
    if request.output_dir:
        return Path(request.output_dir)
    if workspace is not None and run is not None:
        return workspace.run_dir(run.id)
    return Path(tempfile.mkdtemp(prefix="workbench-pretrain-"))


def _train(request: PretrainRequest, prepared: PretrainingData, output_dir: Path,
           workspace: Workspace | None, run: RunHandle | None, progress: Progress,
           device: str) -> tuple[TrainingOutcome, dict[str, float], str]:
    from workbench.core.bert.data import MlmCollator
    from workbench.core.bert.engine import run_training

    tokenizer = prepared.tokenizer
    output_dir.mkdir(parents=True, exist_ok=True)
    # A copy of the tokenizer beside the checkpoints: a resumed run finds it there.
    tok_copy = output_dir / "tokenizer"
    rank, _world = distributed_info()
    if rank == 0 and not _has_tokenizer(tok_copy):
        from workbench.core.bert.tokenizer import replace_folder

        staging = Path(tempfile.mkdtemp(prefix=".tokenizer.", dir=output_dir))
        staging.chmod(0o755)
        tokenizer.save_pretrained(str(staging))
        replace_folder(staging, tok_copy)
    progress.report(0.0, msg("Building the model…"))
    model, description = _build_model(request, tokenizer, progress)
    collator = MlmCollator(tokenizer, request.masking, seed=request.seed,
                           pad_to_multiple_of=8 if device == "cuda" else None)
    eval_collator = MlmCollator(tokenizer, request.eval_masking or request.masking,
                                seed=request.seed + EVAL_MASK_SEED_OFFSET)
    callbacks: list[Any] = []
    if request.freeze_steps:
        from workbench.core.bert.static_init import freeze_embeddings_callback

        callbacks.append(freeze_embeddings_callback(model, request.freeze_steps))
    if run is not None and workspace is not None:
        callbacks.append(_registry_callback(workspace, run.id))
    outcome = run_training(
        model, prepared.train, prepared.eval, collator, request.training, output_dir,
        progress=progress, compute_metrics=mlm_compute_metrics, resume=request.resume,
        callbacks=callbacks, tokenizer=tokenizer,
        preprocess_logits_for_metrics=mlm_metrics_preprocess, eval_data_collator=eval_collator,
        tag=request.tag,
        # Every parameter gets a gradient each step, unless embeddings are frozen for a while.
        find_unused_parameters=bool(request.freeze_steps))
    return outcome, collator.stats.fractions(), description


def _registry_callback(workspace: Workspace, run_id: int) -> Any:
    """Copies every evaluation into the run's metrics while the run goes on."""
    from transformers import TrainerCallback

    class RegistryCallback(TrainerCallback):
        def __init__(self) -> None:
            self.evals: list[dict[str, Any]] = []

        def on_evaluate(self, args: Any, state: Any, control: Any, metrics: Any = None,
                        **kwargs: Any) -> None:
            if not metrics or not state.is_world_process_zero:
                return
            self.evals.append({"step": state.global_step, **_plain(metrics)})
            with contextlib.suppress(Exception):
                workspace.runs.update_metrics(run_id, {"evals": self.evals,
                                                       "steps": state.global_step})

    return RegistryCallback()


def _plain(metrics: dict[str, Any]) -> dict[str, float]:
    skip = {"eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "epoch"}
    out: dict[str, Any] = {(k.removeprefix("eval_")): float(v)
                           for k, v in metrics.items()
                           if k not in skip and isinstance(v, (int, float))}
    if "step" in out:
        out["step"] = int(out["step"])
    return out


def _result(request: PretrainRequest, prepared: PretrainingData, outcome: TrainingOutcome,
            run: RunHandle | None, stats: dict[str, float], start: float) -> PretrainResult:
    evals = tuple({"step": h.get("step"), **_plain(h)} for h in outcome.history
                  if any(k.startswith("eval_") for k in h))
    return PretrainResult(
        run_id=run.id if run is not None else None, output_dir=outcome.output_dir,
        final_model_dir=outcome.final_model_dir, last_checkpoint=outcome.last_checkpoint,
        tokenizer_dir=prepared.tokenizer_dir, steps=outcome.steps, history=outcome.history,
        evals=evals, metrics=dict(outcome.metrics), status=outcome.status,
        mask_ratio=request.masking.ratio, train_examples=len(prepared.train),
        eval_examples=len(prepared.eval) if prepared.eval is not None else 0,
        masking_stats=stats, seconds=time.perf_counter() - start)


def _fill_record(run: RunHandle | None, result: PretrainResult, description: str) -> None:
    if run is None:
        return
    losses = [(h["step"], h["loss"]) for h in result.history if "loss" in h and "step" in h]
    run.metrics.update({
        "steps": result.steps, "evals": list(result.evals), "final": result.metrics,
        "train_loss": losses, "mask_ratio": result.mask_ratio,
        "masking_stats": result.masking_stats, "train_examples": result.train_examples,
        "eval_examples": result.eval_examples, "seconds": result.seconds,
        "status": result.status, "model": description})
    run.outputs["output_dir"] = str(result.output_dir)
    if result.final_model_dir is not None:
        run.outputs["final_model"] = str(result.final_model_dir)
    if result.last_checkpoint is not None:
        run.outputs["last_checkpoint"] = str(result.last_checkpoint)


# --------------------------------------------------------------------------- sweep & launch
def pretrain_sweep(ratios: Sequence[float], request: PretrainRequest,
                   workspace: Workspace | None = None,
                   progress: Progress = NULL_PROGRESS) -> list[PretrainResult]:
    """Pretrain once per mask ratio, on the same data and seed, and record each run.

    The data (tokenizer, examples, held-out slice) is prepared once.  Every
    run is evaluated with the same masks (``request.eval_masking``, default
    BERT's 15 % / 80-10-10), so its evaluation curve can be laid over the
    others; training losses at different ratios are not comparable (a
    higher ratio predicts more, and harder, tokens).  Each run's partials
    carry ``tag="mask 0.15"`` etc., its record the ratio (``mask_ratio``), and
    its output goes to ``<output_dir>/mask-0.15`` when ``output_dir`` is set.

    Raises
    ------
    Cancelled
        With the list of finished results (the cancelled run's last).
    """
    if not ratios:
        raise ParameterError(msg("Give at least one mask ratio."))
    for r in ratios:
        MaskingSettings(ratio=float(r))                 # validates
    eval_masking = request.eval_masking or MaskingSettings()
    out_hint = Path(request.output_dir) if request.output_dir else None
    base = replace(request, eval_masking=eval_masking)
    from workbench.core.bert.engine import select_device

    _init_distributed(select_device(request.training.device))
    prepared = prepare_pretraining_data(base, workspace, scaled(progress, 0.0, 0.05), None)
    results: list[PretrainResult] = []
    n = len(ratios)
    for k, ratio in enumerate(ratios):
        masking = replace(request.masking, ratio=float(ratio))
        sub = replace(base, masking=masking, tag=request.tag or f"mask {ratio:.2f}",
                      output_dir=str(out_hint / f"mask-{ratio:.2f}") if out_hint else None)
        part = scaled(progress, 0.05 + 0.95 * k / n, 0.05 + 0.95 * (k + 1) / n)
        try:
            results.append(_run(sub, workspace, part, prepared))
        except Cancelled as stop:
            if stop.result is not None:
                results.append(stop.result)
            raise Cancelled(results) from None
    return results


def launch_command(request_path: str | Path, nproc: int) -> str:
    """The ``torchrun`` command line that runs a saved request on ``nproc`` processes.

    Examples
    --------
    >>> launch_command("run.json", 2)
    'torchrun --standalone --nproc_per_node=2 -m workbench.cli bert pretrain --config run.json'
    """
    if isinstance(nproc, bool) or not isinstance(nproc, int) or nproc < 1:
        raise ParameterError(msg("The number of processes must be 1 or more, not {nproc!r}.",
                                 nproc=nproc))
    return (f"torchrun --standalone --nproc_per_node={nproc} -m workbench.cli bert pretrain "
            f"--config {shlex.quote(str(request_path))}")
