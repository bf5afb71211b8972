"""BERT model sizes, parameter counts, memory estimates and local model folders.

Sizes
=====

:data:`PRESETS` names the usual sizes (the small ones follow Turc et al. 2019,
"Well-Read Students Learn Better"; base and large are BERT's own), and
:class:`ModelSize` takes custom values.  :func:`count_parameters` gives the
exact number of parameters of the ``transformers`` BERT model with a given
head (closed form, no model built), and :func:`estimate_memory` the training
memory, so both can be shown before anything starts.

Memory formula
==============

With ``P`` parameters, ``L`` layers, hidden size ``h``, intermediate size
``i``, ``a`` heads, vocabulary ``V``, batch ``b`` and sequence length ``s``,
and ``e`` bytes per activation (4 for fp32; 2 for fp16/bf16 mixed precision,
where ``torch.autocast`` runs matrix products in half precision but keeps
softmax and LayerNorm in fp32)::

    weights      4 P            (+ 2 P for autocast's half copies in fp16/bf16)
    gradients    4 P            (fp32, as the weights)
    optimizer    8 P            (AdamW: two fp32 moments per parameter)
    activations  per layer: e (6 sbh + 2 sbi + a s² b)     matmul inputs
                          + 4 (2 sbh + a s² b)            LayerNorm inputs, softmax output
                          + 1 (2 sbh + a s² b)            dropout masks (bytes)
                          + 16 sb                         LayerNorm statistics
                 embeddings:  5 sbh + 8 sb
                 MLM head:    (3e + 4) sbh + (e + 8) s b V  (logits, fp32 log-softmax
                                                           and its gradient)
                 token / QA head: e sbh + 12 s b num_labels
    total        sum of the above

This is the tensors autograd keeps for the backward pass (the layer term is
Korthikanti et al. 2022, "Reducing Activation Recomputation in Large
Transformer Models", 34 sbh + 5 a s² b in pure half precision, adapted to the fp32
islands of autocast and to fp32 training) plus the
optimizer state.  It counts eager attention, which stores the ``a s² b``
attention matrices; fused attention kernels (SDPA flash / memory-efficient
on CUDA) store less, so the figure is an upper bound there.  Not included:
the CUDA context (~0.3-0.5 GiB), allocator fragmentation (often 10-20 %),
evaluation batches and data loading.  ``tests/core/test_bert_models.py``
checks the activation term against the bytes autograd actually saves.

Model folders
=============

A model folder is what ``save_pretrained`` writes: ``config.json``, weights
(``model.safetensors``, possibly sharded with an index, or
``pytorch_model.bin``) and usually a tokenizer.  :func:`inspect_model_folder`
reads only the JSON files and the safetensors headers;
:func:`load_model` loads with ``local_files_only=True`` and
``trust_remote_code=False`` and reads ``.bin`` files only through
``torch.load(weights_only=True)``, which refuses pickled Python objects
(unpickling can run arbitrary code).  :func:`save_model` writes
safetensors into a temporary folder and renames it into place.
"""

from __future__ import annotations

import inspect
import json
import math
import pickle
import re
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.bert.tokenizer import (
    TOKENIZER_FILES,
    _check_replaceable,
    _write_vocab_txt,
    replace_folder,
    staging_folder,
    tokenizer_files_in,
)
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.params import check_int as _check_int

if TYPE_CHECKING:
    from transformers import BertConfig, PreTrainedModel

__all__ = [
    "HEADS",
    "PRECISIONS",
    "PRESETS",
    "MemoryEstimate",
    "ModelFolderInfo",
    "ModelSize",
    "bert_config",
    "count_parameters",
    "estimate_memory",
    "format_bytes",
    "inspect_model_folder",
    "load_model",
    "preset_name",
    "save_model",
]

#: Model heads :func:`load_model` and :func:`count_parameters` know.
HEADS = ("pretraining", "mlm", "base", "sequence-classification", "token-classification",
         "question-answering")
#: Precisions :func:`estimate_memory` knows ("auto" is estimated as fp32, the upper bound).
PRECISIONS = ("fp32", "tf32", "fp16", "bf16", "auto")
_TYPE_VOCAB = 2
_SAFETENSORS = "model.safetensors"
_SAFETENSORS_INDEX = "model.safetensors.index.json"
_BIN = "pytorch_model.bin"
_BIN_INDEX = "pytorch_model.bin.index.json"
_MODEL_FILE_RE = re.compile(
    r"^(config\.json|generation_config\.json|model(-\d+-of-\d+)?\.safetensors"
    r"|model\.safetensors\.index\.json|pytorch_model(-\d+-of-\d+)?\.bin"
    r"|pytorch_model\.bin\.index\.json|training_args\.bin|README\.md|merges\.txt|vocab\.json"
    r"|added_tokens\.json|tokenizer\.model|spiece\.model|workbench_.*\.json)$")



# ---------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelSize:
    """The shape of a BERT encoder.

    Attributes
    ----------
    layers
        Transformer layers.
    hidden
        Hidden size (width of every token vector); a multiple of ``heads``.
    heads
        Attention heads per layer.
    intermediate
        Width of each layer's feed-forward block (4 x hidden in BERT).
    max_position
        Longest sequence the position embeddings cover.
    """

    layers: int
    hidden: int
    heads: int
    intermediate: int
    max_position: int = 512

    def __post_init__(self) -> None:
        _check_int("layers", self.layers, 1, 256)
        _check_int("hidden", self.hidden, 2, 65_536)
        _check_int("heads", self.heads, 1, 1024)
        _check_int("intermediate", self.intermediate, 1, 1_000_000)
        _check_int("max_position", self.max_position, 2, 1_000_000)
        if self.hidden % self.heads:
            raise ParameterError(
                msg("hidden ({hidden}) must be a multiple of heads ({heads}): each head gets "
                    "hidden / heads dimensions.", hidden=self.hidden, heads=self.heads))

    @property
    def head_dim(self) -> int:
        """Dimensions per attention head."""
        return self.hidden // self.heads


#: Named sizes: layers / hidden / heads / intermediate.
PRESETS: dict[str, ModelSize] = {
    "tiny": ModelSize(2, 128, 2, 512),
    "mini": ModelSize(4, 256, 4, 1024),
    "small": ModelSize(4, 512, 8, 2048),
    "medium": ModelSize(8, 512, 8, 2048),
    "base": ModelSize(12, 768, 12, 3072),
    "large": ModelSize(24, 1024, 16, 4096),
}


def preset_name(size: ModelSize) -> str | None:
    """The name of the preset ``size`` equals, or ``None`` for a custom size."""
    return next((name for name, s in PRESETS.items() if s == size), None)


def bert_config(size: ModelSize, vocab_size: int, **overrides: Any) -> BertConfig:
    """A ``transformers.BertConfig`` of this size and vocabulary.

    Parameters
    ----------
    size
        Layers, hidden size, heads, intermediate size, positions.
    vocab_size
        Rows of the word-embedding matrix (``len(tokenizer)``).
    **overrides
        Any other ``BertConfig`` field (``hidden_dropout_prob``,
        ``num_labels``, ``pad_token_id``, ...); they win over ``size``.
    """
    from transformers import BertConfig

    if not isinstance(size, ModelSize):
        raise ParameterError(msg("size must be a ModelSize, not {value}.",
                                 value=type(size).__name__))
    _check_int("vocab_size", vocab_size, 1)
    kwargs: dict[str, Any] = {
        "vocab_size": vocab_size, "hidden_size": size.hidden, "num_hidden_layers": size.layers,
        "num_attention_heads": size.heads, "intermediate_size": size.intermediate,
        "max_position_embeddings": size.max_position}
    kwargs.update(overrides)
    try:
        return BertConfig(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ParameterError(msg("The BERT configuration is not valid: {exc}", exc=exc)) from exc


def count_parameters(size: ModelSize, vocab_size: int, heads: str = "pretraining", *,
                     num_labels: int = 2, tie_word_embeddings: bool = True) -> int:
    """Exact parameter count of the ``transformers`` BERT model with ``heads``.

    Counts each tensor once (the MLM decoder shares the word embeddings when
    ``tie_word_embeddings``), as ``sum(p.numel() for p in model.parameters())``
    does.

    Parameters
    ----------
    size, vocab_size
        The encoder.
    heads
        One of :data:`HEADS`: ``pretraining`` (MLM + NSP, ``BertForPreTraining``),
        ``mlm`` (``BertForMaskedLM``, no pooler), ``base`` (``BertModel`` with
        pooler), ``sequence-classification`` (pooler + linear),
        ``token-classification`` and ``question-answering`` (linear to
        ``num_labels``, no pooler).
    num_labels
        Classes of a classification head (2 for question answering: start
        and end logits, transformers' default).
    tie_word_embeddings
        Whether the MLM decoder shares the word embeddings (BERT's default).
    """
    _check_head(heads)
    _check_int("vocab_size", vocab_size, 1)
    _check_int("num_labels", num_labels, 1)
    h, i, n_layers = size.hidden, size.intermediate, size.layers
    embeddings = (vocab_size + size.max_position + _TYPE_VOCAB) * h + 2 * h
    layer = (4 * (h * h + h)        # query, key, value, attention output
             + 2 * h                # attention LayerNorm
             + h * i + i            # intermediate
             + i * h + h            # output
             + 2 * h)               # output LayerNorm
    encoder = embeddings + n_layers * layer
    pooler = h * h + h
    mlm = (h * h + h) + 2 * h + vocab_size       # transform, LayerNorm, decoder bias
    if not tie_word_embeddings:
        mlm += vocab_size * h + vocab_size       # own decoder weight and bias
    return {
        "pretraining": encoder + pooler + mlm + 2 * h + 2,
        "mlm": encoder + mlm,
        "base": encoder + pooler,
        "sequence-classification": encoder + pooler + num_labels * h + num_labels,
        "token-classification": encoder + num_labels * h + num_labels,
        "question-answering": encoder + num_labels * h + num_labels,
    }[heads]


def _check_head(head: str) -> None:
    if head not in HEADS:
        raise ParameterError(msg("Unknown model head {head!r}; choose one of {HEADS}.", head=head,
                                 HEADS=', '.join(HEADS)))


def format_bytes(n: float) -> str:
    """``1536`` -> ``"1.5 KiB"``."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"  # pragma: no cover


@dataclass(frozen=True)
class MemoryEstimate:
    """Training memory in bytes (see the module notes for the formula).

    Attributes
    ----------
    parameters
        Parameter count of the model with its head.
    weights, gradients, optimizer, activations
        Bytes of each part; ``activations`` for one batch of
        ``batch_size x seq_len`` tokens.
    total
        Their sum.
    precision
        The precision estimated (``"auto"`` is estimated as ``"fp32"``).
    """

    parameters: int
    weights: int
    gradients: int
    optimizer: int
    activations: int
    total: int
    precision: str
    batch_size: int
    seq_len: int

    def describe(self) -> str:
        """One line for the UI: total and its parts."""
        return msg("≈ {total} to train ({parameters:,} parameters; weights {weights}, "
                   "gradients {gradients}, AdamW {optimizer}, activations {activations} for "
                   "{batch_size} x {seq_len} tokens, {precision})",
                   total=format_bytes(self.total), parameters=self.parameters,
                   weights=format_bytes(self.weights), gradients=format_bytes(self.gradients),
                   optimizer=format_bytes(self.optimizer),
                   activations=format_bytes(self.activations), batch_size=self.batch_size,
                   seq_len=self.seq_len, precision=self.precision)


def estimate_memory(size: ModelSize, vocab_size: int, batch_size: int, seq_len: int,
                    precision: str = "fp32", *, heads: str = "pretraining",
                    num_labels: int = 2) -> MemoryEstimate:
    """Estimate the memory of training with AdamW (see the module notes for the formula).

    Parameters
    ----------
    size, vocab_size, heads, num_labels
        The model (as for :func:`count_parameters`).
    batch_size, seq_len
        Sequences per optimizer micro-batch and tokens per sequence.
    precision
        ``fp32``/``tf32``, or ``fp16``/``bf16`` mixed precision (autocast);
        ``auto`` is estimated as fp32, the larger figure.

    Returns
    -------
    MemoryEstimate
        Increases with ``batch_size`` and ``seq_len`` (activations) and with
        the model size.
    """
    if precision not in PRECISIONS:
        raise ParameterError(msg("Unknown precision {precision!r}; choose one of {PRECISIONS}.",
                                 precision=precision, PRECISIONS=', '.join(PRECISIONS)))
    _check_int("batch_size", batch_size, 1)
    _check_int("seq_len", seq_len, 1)
    if seq_len > size.max_position:
        raise ParameterError(msg("seq_len ({seq_len}) is longer than the model's "
                                 "{size_max_position} positions (max_position).", seq_len=seq_len,
                                 size_max_position=size.max_position))
    n_params = count_parameters(size, vocab_size, heads, num_labels=num_labels)
    mixed = precision in ("fp16", "bf16")
    e = 2 if mixed else 4
    b, s, h, i, a, V = batch_size, seq_len, size.hidden, size.intermediate, size.heads, \
        vocab_size
    sbh, sbi, ass_b, sb = s * b * h, s * b * i, a * s * s * b, s * b
    layer = e * (6 * sbh + 2 * sbi + ass_b) + 4 * (2 * sbh + ass_b) + (2 * sbh + ass_b) \
        + 16 * sb
    activations = size.layers * layer + 5 * sbh + 8 * sb
    if heads in ("pretraining", "mlm"):
        activations += (3 * e + 4) * sbh + (e + 8) * sb * V
    elif heads in ("token-classification", "question-answering"):
        activations += e * sbh + 12 * sb * num_labels      # per-token logits and loss
    weights = 4 * n_params + (2 * n_params if mixed else 0)
    gradients = 4 * n_params
    optimizer = 8 * n_params
    return MemoryEstimate(
        parameters=n_params, weights=weights, gradients=gradients, optimizer=optimizer,
        activations=activations, total=weights + gradients + optimizer + activations,
        precision="fp32" if precision in ("auto", "tf32") else precision,
        batch_size=batch_size, seq_len=seq_len)


# ---------------------------------------------------------------------------
# Model folders
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelFolderInfo:
    """What a local Hugging Face model folder holds (read without loading the weights).

    Attributes
    ----------
    folder
        The folder.
    model_type
        ``config.json``'s ``model_type`` (``"bert"``, ``"roberta"``, ...).
    config
        The whole ``config.json``.
    weights_file
        ``model.safetensors`` (or its shard index), or ``pytorch_model.bin``.
    weights_format
        ``"safetensors"`` or ``"bin"``.
    weight_shards
        Every weights file (one unless sharded).
    parameter_count
        Values stored in the weights (tied tensors stored once count once).
    tokenizer_present
        Whether a tokenizer ``transformers`` can load is in the folder.
    tokenizer_files
        Its files.
    architectures
        ``config.json``'s ``architectures`` (the head it was saved with).
    problems
        Sentences about what is missing but not fatal (no tokenizer).
    """

    folder: Path
    model_type: str
    config: dict[str, Any] = field(compare=False, hash=False, repr=False)
    weights_file: Path
    weights_format: str
    weight_shards: tuple[Path, ...]
    parameter_count: int
    tokenizer_present: bool
    tokenizer_files: tuple[str, ...]
    architectures: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def vocab_size(self) -> int | None:
        """``config.json``'s ``vocab_size``."""
        value = self.config.get("vocab_size")
        return int(value) if isinstance(value, int) else None

    @property
    def size(self) -> ModelSize | None:
        """The encoder shape when ``config.json`` has BERT's field names."""
        c = self.config
        try:
            return ModelSize(c["num_hidden_layers"], c["hidden_size"], c["num_attention_heads"],
                             c["intermediate_size"], c.get("max_position_embeddings", 512))
        except (KeyError, WorkbenchError):
            return None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise WorkbenchError(msg("{path} is not valid JSON (line {exc_lineno}, column "
                                 "{exc_colno}: {exc_msg}).", path=path, exc_lineno=exc.lineno,
                                 exc_colno=exc.colno, exc_msg=exc.msg),
                             path=path, line=exc.lineno) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(msg("{path} cannot be read: {exc}.", path=path, exc=exc),
                             path=path) from exc


def _safetensors_numel(path: Path) -> int:
    """Values stored in a safetensors file, from its JSON header only."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            if len(head) < 8:
                raise ValueError("shorter than its 8-byte header length")
            (n,) = struct.unpack("<Q", head)
            size = path.stat().st_size
            if n > size - 8 or n > 100_000_000:
                raise ValueError("its header length does not fit the file")
            header = json.loads(f.read(n))
    except (OSError, ValueError) as exc:
        raise WorkbenchError(msg("The weights file {path} is not a valid safetensors file "
                                 "({exc}); it may be truncated.", path=path, exc=exc),
                             path=path) from exc
    return sum(math.prod(v["shape"]) for k, v in header.items()
               if k != "__metadata__" and isinstance(v, dict))


def _load_bin(path: Path) -> dict[str, Any]:
    """``torch.load(path, weights_only=True)`` with messages for people."""
    import torch

    def load(mmap: bool) -> Any:
        return torch.load(path, map_location="cpu", weights_only=True, mmap=mmap)

    try:
        try:
            state = load(True)
        except RuntimeError as exc:
            if "mmap" not in str(exc):
                raise
            state = load(False)        # legacy (non-zip) format cannot be memory-mapped
    except pickle.UnpicklingError as exc:
        raise WorkbenchError(
            msg("The weights file {path} contains Python objects that are not tensors, and "
                "loading those could run code hidden in the file. The workbench reads .bin "
                "checkpoints only with torch.load(weights_only=True), which refuses it. Use the "
                "model's model.safetensors instead, or convert the checkpoint with a tool you "
                "trust. (torch: {splitlines})", path=path, splitlines=str(exc).splitlines()[0]),
            path=path) from exc
    except (OSError, RuntimeError, EOFError, ValueError) as exc:
        raise WorkbenchError(msg("The weights file {path} cannot be read; it may be corrupt or "
                                 "truncated ({exc}).", path=path, exc=exc), path=path) from exc
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor)
                                              for v in state.values()):
        raise WorkbenchError(msg("The weights file {path} does not hold a dictionary of tensors "
                                 "(a state dict).", path=path), path=path)
    return state


def _bin_numel(path: Path) -> int:
    state = _load_bin(path)
    seen: set[tuple[int, int, tuple[int, ...]]] = set()
    total = 0
    for t in state.values():
        key = (t.untyped_storage().data_ptr(), t.storage_offset(), tuple(t.shape))
        if key not in seen:
            seen.add(key)
            total += t.numel()
    return total


def _find_weights(folder: Path) -> tuple[Path, str, tuple[Path, ...]]:
    for name, fmt in ((_SAFETENSORS, "safetensors"), (_SAFETENSORS_INDEX, "safetensors"),
                      (_BIN, "bin"), (_BIN_INDEX, "bin")):
        path = folder / name
        if not path.is_file():
            continue
        if not name.endswith(".index.json"):
            return path, fmt, (path,)
        index = _read_json(path)
        weight_map = index.get("weight_map") if isinstance(index, dict) else None
        if not isinstance(weight_map, dict) or not weight_map:
            raise WorkbenchError(msg("The shard index {path} has no weight_map.", path=path),
                                 path=path)
        shards = tuple(folder / n for n in dict.fromkeys(weight_map.values()))
        missing = [s.name for s in shards if not s.is_file()]
        if missing:
            raise WorkbenchError(
                msg("The model in {folder} is split into {n_shards} weight files, but "
                    "{missing} is missing.", folder=folder, n_shards=len(shards),
                    missing=missing[0]) if len(missing) == 1 else
                msg("The model in {folder} is split into {n_shards} weight files, but "
                    "{missing} are missing.", folder=folder, n_shards=len(shards),
                    missing=', '.join(missing[:3]) + (' …' if len(missing) > 3 else '')),
                path=folder / missing[0])
        return path, fmt, shards
    others = [p.name for p in folder.iterdir()
              if p.suffix in (".h5", ".msgpack", ".ckpt", ".pt", ".pth", ".onnx")]
    hint = (msg(" It has {name}, a format the workbench does not load.", name=others[0])
            if others else "")
    raise WorkbenchError(
        msg("The folder {folder} has config.json but no weights: model.safetensors (or "
            "pytorch_model.bin) is missing.{hint}", folder=folder, hint=hint),
        path=folder / _SAFETENSORS)


def inspect_model_folder(folder: str | Path, *, require_tokenizer: bool = False
                         ) -> ModelFolderInfo:
    """Describe a local model folder without loading its weights.

    Parameters
    ----------
    folder
        A folder written by ``save_pretrained`` (or :func:`save_model`).
    require_tokenizer
        Raise when the folder has no tokenizer (instead of listing it in
        :attr:`ModelFolderInfo.problems`).

    Raises
    ------
    WorkbenchError
        Naming the missing file: the folder itself, ``config.json``, the
        weights (``model.safetensors``), a weight shard, or (when required)
        the tokenizer; or an unreadable ``config.json``/weights header; or a
        ``.bin`` checkpoint that holds pickled Python objects.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise WorkbenchError(msg("The model folder {folder} does not exist.", folder=folder),
                             path=folder)
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise WorkbenchError(
            msg("The folder {folder} has no config.json, so it is not a Hugging Face model "
                "folder (expected config.json, model.safetensors and the tokenizer files).",
                folder=folder),
            path=config_path)
    config = _read_json(config_path)
    if not isinstance(config, dict):
        raise WorkbenchError(msg("{config_path} does not hold a JSON object.",
                                 config_path=config_path), path=config_path)
    model_type = config.get("model_type")
    if not isinstance(model_type, str) or not model_type:
        raise WorkbenchError(msg("{config_path} has no model_type, so the kind of model is "
                                 "unknown.", config_path=config_path), path=config_path)
    weights_file, fmt, shards = _find_weights(folder)
    count = sum(_safetensors_numel(p) if fmt == "safetensors" else _bin_numel(p)
                for p in shards)
    tok_files = tokenizer_files_in(folder)
    has_tokenizer = any(n in tok_files for n in ("tokenizer.json", "vocab.txt",
                                                 "tokenizer.model", "spiece.model",
                                                 "sentencepiece.bpe.model", "vocab.json"))
    problems: list[str] = []
    if not has_tokenizer:
        message = msg("The folder {folder} has no tokenizer: tokenizer.json (or vocab.txt) is "
                      "missing. Train one or copy the model's tokenizer files into the folder.",
                      folder=folder)
        if require_tokenizer:
            raise WorkbenchError(message, path=folder / "tokenizer.json")
        problems.append(message)
    archs = config.get("architectures") or ()
    return ModelFolderInfo(
        folder=folder, model_type=model_type, config=config, weights_file=weights_file,
        weights_format=fmt, weight_shards=shards, parameter_count=int(count),
        tokenizer_present=has_tokenizer, tokenizer_files=tok_files,
        architectures=tuple(str(a) for a in archs) if isinstance(archs, list) else (),
        problems=tuple(problems))


def _auto_class(head: str) -> Any:
    import transformers

    return getattr(transformers, {
        "pretraining": "AutoModelForPreTraining",
        "mlm": "AutoModelForMaskedLM",
        "base": "AutoModel",
        "sequence-classification": "AutoModelForSequenceClassification",
        "token-classification": "AutoModelForTokenClassification",
        "question-answering": "AutoModelForQuestionAnswering",
    }[head])


def load_model(folder: str | Path, head: str = "pretraining", **kwargs: Any
               ) -> PreTrainedModel:
    """Load a model from a local folder with the requested head.

    Parameters
    ----------
    folder
        A model folder (see :func:`inspect_model_folder`).
    head
        One of :data:`HEADS`.  A head the checkpoint lacks (a classifier on
        a pretrained encoder, the NSP head of an MLM-only model) starts from
        random weights, as ``transformers`` does.
    **kwargs
        Passed to ``from_pretrained`` (``num_labels``, ``id2label``,
        ``torch_dtype``, ...).  ``trust_remote_code=True`` is refused.

    Raises
    ------
    WorkbenchError
        Missing or unreadable files (see :func:`inspect_model_folder`), a
        ``.bin`` file with pickled objects, a model type that would need code
        from the folder, or a head the model type does not have.
    """
    _check_head(head)
    if kwargs.pop("trust_remote_code", False):
        raise ParameterError(msg("trust_remote_code is never used: the workbench does not run "
                                 "code that comes with a model folder."))
    for name in ("local_files_only", "use_safetensors", "weights_only"):
        kwargs.pop(name, None)
    info = inspect_model_folder(folder)       # also checks every .bin with weights_only
    from transformers import CONFIG_MAPPING

    if info.model_type not in CONFIG_MAPPING:
        raise WorkbenchError(
            msg("The model in {info_folder} is of type {info_model_type!r}, which transformers "
                "does not know; it would need Python code from the folder, and the workbench "
                "never runs such code (trust_remote_code).", info_folder=info.folder,
                info_model_type=info.model_type), path=info.folder / "config.json")
    cls = _auto_class(head)
    options: dict[str, Any] = {"local_files_only": True, "trust_remote_code": False,
                                   "use_safetensors": info.weights_format == "safetensors"}
    if "weights_only" in _from_pretrained_params():
        options["weights_only"] = True
    try:
        model = cls.from_pretrained(str(info.folder), **options, **kwargs)
    except ValueError as exc:
        if "Unrecognized configuration class" in str(exc):
            raise WorkbenchError(msg("A {info_model_type} model has no {head} head in "
                                     "transformers; choose another head.",
                                     info_model_type=info.model_type, head=head)) from exc
        raise WorkbenchError(msg("The model in {info_folder} cannot be loaded: {exc}",
                                 info_folder=info.folder, exc=exc),
                             path=info.folder) from exc
    except (OSError, RuntimeError, KeyError, TypeError) as exc:
        raise WorkbenchError(msg("The model in {info_folder} cannot be loaded: {exc}",
                                 info_folder=info.folder, exc=exc),
                             path=info.folder) from exc
    return model


def _from_pretrained_params() -> set[str]:
    from transformers import PreTrainedModel

    return set(inspect.signature(PreTrainedModel.from_pretrained).parameters)


def save_model(model: PreTrainedModel, tokenizer: Any, folder: str | Path) -> Path:
    """Save ``model`` (safetensors) and ``tokenizer`` into ``folder``, atomically.

    Everything is written into a temporary folder beside ``folder``, fsynced,
    and renamed into place; an existing model folder is replaced only once
    the new one is complete.  A folder holding anything but model and
    tokenizer files is refused (so a wrong choice cannot delete documents).
    A WordPiece tokenizer also gets a ``vocab.txt``.

    Parameters
    ----------
    model
        A ``transformers`` model.
    tokenizer
        Its tokenizer, or ``None`` to save the model alone.
    folder
        The model folder to write.

    Returns
    -------
    Path
        ``folder``.
    """
    folder = Path(folder)
    _check_replaceable(folder, lambda n: n in TOKENIZER_FILES or bool(_MODEL_FILE_RE.match(n)),
                       msg("model"))
    staging = staging_folder(folder)
    try:
        save_kwargs: dict[str, Any] = {}
        if "safe_serialization" in inspect.signature(model.save_pretrained).parameters:
            save_kwargs["safe_serialization"] = True          # transformers 4.x
        model.save_pretrained(str(staging), **save_kwargs)
        if not ((staging / _SAFETENSORS).is_file() or (staging / _SAFETENSORS_INDEX).is_file()):
            raise WorkbenchError(msg("The model was not saved as safetensors."))  # pragma: no cover
        if tokenizer is not None:
            tokenizer.save_pretrained(str(staging))
            _add_vocab_txt(tokenizer, staging)
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _add_vocab_txt(tokenizer: Any, folder: Path) -> None:
    """Write ``vocab.txt`` for a WordPiece tokenizer whose save did not (transformers 5)."""
    if (folder / "vocab.txt").exists():
        return
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None or type(backend.model).__name__ != "WordPiece":
        return
    vocab = backend.get_vocab(with_added_tokens=True)
    if sorted(vocab.values()) != list(range(len(vocab))):
        return
    _write_vocab_txt(sorted(vocab, key=vocab.__getitem__), folder / "vocab.txt")
