"""One loaded encoder for every inspection: attention, anatomy, fill-mask, senses.

:func:`load_for_inspection` loads a local Hugging Face folder of the BERT
family (BERT, RoBERTa, DistilBERT, MiniLM, ...) once, with its masked-LM head
when the checkpoint holds one, in evaluation mode and with SDPA attention.
Code that needs attention weights wraps its forward pass in
:meth:`InspectModel.eager_attention` (SDPA cannot return them; transformers
#38750), so every other pass keeps the fast kernel.

:meth:`InspectModel.encode` tokenizes a text (or a pair) and truncates what
does not fit the model, saying so in :attr:`Encoded.notice` so a view can show
it instead of silently cutting the input.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

#: ``config.json`` model types this package inspects (encoders with BERT's layout).
ENCODER_TYPES = frozenset({
    "bert", "roberta", "xlm-roberta", "camembert", "distilbert", "electra", "albert",
    "mpnet", "deberta", "deberta-v2", "ernie", "nezha", "megatron-bert", "roformer",
    "xlm", "modernbert",
})

#: Model types whose position ids start after the padding index (two slots unusable).
_OFFSET_POSITIONS = frozenset({"roberta", "xlm-roberta", "camembert"})


@dataclass(frozen=True)
class Encoded:
    """A tokenized input, ready for the model.

    Attributes
    ----------
    input_ids, token_type_ids, attention_mask
        Lists of ints (one sequence, special tokens included).
        ``token_type_ids`` is all zeros for models without segments.
    tokens
        The token strings, as the tokenizer spells them (``[CLS]``, ``##ing``).
    special
        Whether each token is a special token ([CLS], [SEP], <s>, ...).
    segment
        0 for the first text, 1 for the pair's second text (special tokens
        belong to the segment they close), from the tokenizer's sequence ids.
    word_ids
        Index of the word each token comes from (``None`` for special tokens).
    offsets
        ``(start, end)`` character offsets into its own text (``(0, 0)`` for
        special tokens).
    truncated
        Whether tokens were cut to fit :attr:`InspectModel.max_length`.
    full_length
        The number of tokens before truncation.
    notice
        A sentence for the user when truncated, else ``""``.
    """

    input_ids: list[int]
    token_type_ids: list[int]
    attention_mask: list[int]
    tokens: list[str]
    special: list[bool]
    segment: list[int]
    word_ids: list[int | None]
    offsets: list[tuple[int, int]]
    truncated: bool = False
    full_length: int = 0
    notice: str = ""

    def __len__(self) -> int:
        return len(self.input_ids)

    def tensors(self, device: str = "cpu") -> dict[str, Any]:
        """The model's keyword arguments as ``(1, n)`` tensors on ``device``."""
        import torch

        out = {"input_ids": torch.tensor([self.input_ids], device=device),
               "attention_mask": torch.tensor([self.attention_mask], device=device)}
        if any(self.token_type_ids):
            out["token_type_ids"] = torch.tensor([self.token_type_ids], device=device)
        return out


@dataclass
class InspectModel:
    """A model loaded for inspection, with its tokenizer.

    Attributes
    ----------
    folder
        The model folder.
    model
        The masked-LM model when :attr:`has_mlm_head`, else the bare encoder.
        In evaluation mode, on :attr:`device`.
    tokenizer
        Its fast tokenizer.
    has_mlm_head
        Whether the checkpoint holds trained masked-LM head weights (a model
        fine-tuned for classification, or saved as a bare encoder, has none).
    model_type
        ``config.json``'s ``model_type``.
    device
        ``"cpu"``, ``"cuda"`` or ``"mps"``.
    lock
        Held around every forward pass (views run jobs in worker threads, and
        :meth:`eager_attention` switches the model's attention kernel).
    """

    folder: Path
    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    has_mlm_head: bool
    model_type: str
    device: str = "cpu"
    lock: Any = field(default_factory=threading.RLock, repr=False, compare=False)

    @property
    def config(self) -> Any:
        return self.model.config

    @property
    def encoder(self) -> PreTrainedModel:
        """The bare encoder (``model.base_model``): embeddings and layers, no head."""
        return self.model.base_model

    @property
    def num_layers(self) -> int:
        return int(self.config.num_hidden_layers)

    @property
    def num_heads(self) -> int:
        return int(self.config.num_attention_heads)

    @property
    def hidden_size(self) -> int:
        return int(self.config.hidden_size)

    @property
    def max_length(self) -> int:
        """The most tokens (special ones included) one input may have."""
        positions = int(getattr(self.config, "max_position_embeddings", 512) or 512)
        if self.model_type in _OFFSET_POSITIONS:
            positions -= 2
        tok_max = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tok_max, int) and 0 < tok_max < 1_000_000:
            positions = min(positions, tok_max)
        return positions

    @property
    def mask_token(self) -> str | None:
        return self.tokenizer.mask_token

    @contextlib.contextmanager
    def eager_attention(self) -> Iterator[None]:
        """Within the block the model uses eager attention, which can return weights.

        The previous implementation (SDPA, normally) is restored afterwards.
        The block holds :attr:`lock`.
        """
        with self.lock:
            yield from self._eager()

    def _eager(self) -> Iterator[None]:
        model = self.model
        before = getattr(model.config, "_attn_implementation", None) or "sdpa"
        if before == "eager":
            yield
            return
        model.set_attn_implementation("eager")
        try:
            yield
        finally:
            model.set_attn_implementation(before)

    def encode(self, text: str, pair: str | None = None, *,
               max_length: int | None = None) -> Encoded:
        """Tokenize ``text`` (and ``pair``), truncating to the model's maximum.

        Parameters
        ----------
        text, pair
            One text, or a sentence pair (segments A and B).
        max_length
            A smaller limit than :attr:`max_length` (never a larger one).

        Raises
        ------
        WorkbenchError
            When the text is empty.
        """
        if not text or not text.strip():
            raise WorkbenchError(msg("Type a text first: the input is empty."))
        if pair is not None and not pair.strip():
            pair = None
        limit = self.max_length if max_length is None else min(int(max_length),
                                                                self.max_length)
        tok = self.tokenizer
        full = tok(text, pair, add_special_tokens=True, truncation=False)
        n_full = len(full["input_ids"])
        enc = tok(text, pair, add_special_tokens=True, truncation=n_full > limit,
                  max_length=limit if n_full > limit else None,
                  return_offsets_mapping=True, return_special_tokens_mask=True)
        ids = list(enc["input_ids"])
        types = list(enc.get("token_type_ids") or [0] * len(ids))
        segment = _segments(enc.sequence_ids(), types)
        truncated = n_full > len(ids)
        notice = ""
        if truncated:
            notice = msg("The input has {n_full} tokens, more than this model's maximum of "
                         "{limit}; only the first {n} are shown.", n_full=n_full, limit=limit,
                         n=len(ids)) if pair is None else \
                msg("The input has {n_full} tokens, more than this model's maximum of {limit}; "
                    "only the first {n} are shown (both sentences were shortened).",
                    n_full=n_full, limit=limit, n=len(ids))
        return Encoded(
            input_ids=ids, token_type_ids=[int(t) for t in types],
            attention_mask=list(enc["attention_mask"]),
            tokens=tok.convert_ids_to_tokens(ids),
            special=[bool(m) for m in enc["special_tokens_mask"]],
            segment=segment, word_ids=list(enc.word_ids()),
            offsets=[tuple(o) for o in enc["offset_mapping"]],
            truncated=truncated, full_length=n_full, notice=notice)


def _segments(seq_ids: list[int | None], types: list[int]) -> list[int]:
    """Segment (0 = text A, 1 = text B) of every token, special tokens included.

    With segment embeddings (BERT) the token type ids say it.  Without them
    (RoBERTa: ``<s> A </s></s> B </s>``) a special token followed by a text
    token belongs to that token's segment (it opens it), any other to the
    segment before it (it closes it).
    """
    if any(types):
        return [int(t) for t in types]
    out: list[int] = []
    current = 0
    for i, s in enumerate(seq_ids):
        if s is None and i + 1 < len(seq_ids) and seq_ids[i + 1] is not None:
            s = seq_ids[i + 1]
        if s is not None:
            current = s
        out.append(current)
    return out


#: Weight names of masked-LM heads (BERT, RoBERTa, DistilBERT, ALBERT, ELECTRA, DeBERTa).
_MLM_HEAD_MARKERS = ("cls.predictions.", "lm_head.", "vocab_projector.", "vocab_transform.",
                     "generator_lm_head.", "predictions.dense.", "predictions.LayerNorm.")


def _checkpoint_has_mlm_head(weights: tuple[Path, ...]) -> bool | None:
    """Whether safetensors weights hold an MLM head (``None``: cannot tell without loading)."""
    import json
    import struct

    names: list[str] = []
    for path in weights:
        if path.suffix != ".safetensors":
            return None
        try:
            with open(path, "rb") as f:
                (n,) = struct.unpack("<Q", f.read(8))
                names += list(json.loads(f.read(n)))
        except (OSError, ValueError, struct.error):
            return None
    return any(any(m in name for m in _MLM_HEAD_MARKERS) for name in names)


def _mlm_head_present(model: Any, missing: list[str]) -> bool:
    """Whether none of the MLM head's own weights were missing from the checkpoint."""
    head_names = []
    base_prefix = getattr(model, "base_model_prefix", "")
    for name, _ in model.named_parameters():
        if not name.startswith(base_prefix + "."):
            head_names.append(name)
    if not head_names:
        return False
    missing_set = set(missing)
    # A tied decoder weight is the word embedding itself; only count the head's own.
    own = [n for n in head_names if not n.endswith("decoder.weight")
           and not n.endswith("vocab_projector.weight") and not n.endswith("lm_head.weight")]
    return not any(n in missing_set for n in own)


def load_for_inspection(folder: str | Path, *, device: str = "auto") -> InspectModel:
    """Load a local BERT-family folder for inspection.

    Parameters
    ----------
    folder
        A model folder with a tokenizer (``save_pretrained`` layout).
    device
        ``"auto"``, ``"cpu"``, ``"cuda"`` or ``"mps"``
        (see :func:`workbench.core.bert.engine.select_device`).

    Raises
    ------
    WorkbenchError
        When the folder is not a model folder, has no tokenizer, or holds a
        model that is not a BERT-family encoder (GPT-2, T5, ...).
    """
    from workbench.core.bert.engine import quiet_transformers, select_device
    from workbench.core.bert.models import inspect_model_folder, load_model
    from workbench.core.bert.tokenizer import load_tokenizer

    info = inspect_model_folder(folder, require_tokenizer=True)
    if info.model_type not in ENCODER_TYPES:
        raise WorkbenchError(
            msg("The model in {info_folder} is a {info_model_type} model, not an encoder of the "
                "BERT family (BERT, RoBERTa, DistilBERT, MiniLM, ...); the inspection views "
                "need one.", info_folder=info.folder, info_model_type=info.model_type),
            path=info.folder / "config.json")
    dev = select_device(device)
    tokenizer = load_tokenizer(info.folder)
    if not getattr(tokenizer, "is_fast", False):
        raise WorkbenchError(msg("The tokenizer in {info_folder} is not a fast tokenizer "
                                 "(tokenizer.json); the inspection views need word offsets.",
                                 info_folder=info.folder),
                             path=info.folder)
    model, has_head = None, False
    with quiet_transformers():      # no load report or progress bars on the console
        if _checkpoint_has_mlm_head(info.weight_shards) is not False:
            try:
                model, loading = load_model(info.folder, "mlm", output_loading_info=True,
                                            attn_implementation="sdpa")
                has_head = _mlm_head_present(model, list(loading.get("missing_keys", ())))
            except WorkbenchError:
                model, has_head = None, False
        if model is None or not has_head:
            model = load_model(info.folder, "base", attn_implementation="sdpa")
    model.to(dev)
    model.eval()
    return InspectModel(folder=info.folder, model=model, tokenizer=tokenizer,
                        has_mlm_head=has_head, model_type=info.model_type, device=dev)
