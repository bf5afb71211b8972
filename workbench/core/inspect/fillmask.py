"""Fill-mask: the words a masked-language model predicts for masked tokens, with a logit lens.

Type a text with the model's mask token (``[MASK]``; for models whose mask
token is ``<mask>``, ``[MASK]`` is accepted too), or give token positions to
mask (a click on a token in the UI).  :func:`fill_mask` returns, for every
mask, the ``k`` most probable vocabulary tokens (softmax over the whole
vocabulary, as ``pipeline("fill-mask")`` computes it).

The logit lens (``logit_lens=True``) sends the hidden state of every layer
(the embedding layer's output first, the last layer's last) through the
model's own masked-LM head, to show how the prediction forms layer by layer.
The head is applied by running the masked-LM model with its encoder's output
replaced by the stacked hidden states, so whatever head a model type has
(BERT's ``cls``, RoBERTa's ``lm_head``, DistilBERT's ``vocab_*`` layers, ...)
is applied exactly as in the model's own forward pass; the last layer's
entry therefore equals the plain prediction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["FillMaskResult", "MaskPrediction", "Prediction", "fill_mask"]

#: Also accepted as the mask in typed text when the model's mask token differs.
GENERIC_MASK = "[MASK]"


@dataclass(frozen=True)
class Prediction:
    """One predicted vocabulary token.

    Attributes
    ----------
    token
        The token as the tokenizer spells it (``##ing``, ``Ġbank``).
    token_id
        Its vocabulary id.
    probability
        Softmax probability over the whole vocabulary.
    text
        The token decoded to text, without surrounding spaces (``bank``).
    """

    token: str
    token_id: int
    probability: float
    text: str = ""


@dataclass(frozen=True)
class MaskPrediction:
    """The predictions for one masked position.

    Attributes
    ----------
    position
        Token index of the mask (into :attr:`FillMaskResult.tokens`).
    original
        The token that was there before it was masked (``mask_positions``),
        ``None`` for a mask typed in the text.
    top
        The ``k`` most probable tokens, most probable first.
    per_layer
        With the logit lens: one top-``k`` list per hidden state, the
        embedding layer's output first and the last layer's (equal to
        :attr:`top`) last; else ``None``.
    """

    position: int
    original: str | None
    top: list[Prediction]
    per_layer: list[list[Prediction]] | None = None


@dataclass(frozen=True)
class FillMaskResult:
    """Predictions for every mask of one input.

    Attributes
    ----------
    tokens
        The input's tokens, masks included.
    masks
        One :class:`MaskPrediction` per mask, in token order.
    notice
        A sentence for the user (truncation, masks lost to it), else ``""``.
    """

    tokens: list[str]
    masks: list[MaskPrediction]
    notice: str = ""


def _no_head_error(model: InspectModel) -> WorkbenchError:
    return WorkbenchError(
        msg("The model in {model_folder} has no masked-language-model head (it was saved as a "
            "bare encoder or fine-tuned for another task), so it cannot predict masked words. "
            "Load a model pretrained with masked-language modelling for fill-mask.",
            model_folder=model.folder),
        path=model.folder)


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ParameterError(msg("k (the number of predictions) must be a whole number of at "
                                 "least 1, not {k!r}.", k=k))
    return k


def _predictions(model: InspectModel, logits: Any, k: int) -> list[list[Prediction]]:
    """Top-``k`` of the softmax of each row of ``logits`` (rows, vocab)."""
    import torch

    probs = torch.softmax(logits.float(), dim=-1)
    values, ids = torch.topk(probs, min(k, probs.shape[-1]), dim=-1)
    tok = model.tokenizer
    out = []
    for vals, row in zip(values.tolist(), ids.tolist(), strict=True):
        tokens = tok.convert_ids_to_tokens(row)
        out.append([Prediction(token=str(t), token_id=int(i), probability=float(p),
                               text=tok.decode([i]).strip())
                    for t, i, p in zip(tokens, row, vals, strict=True)])
    return out


def _head_logits(model: InspectModel, tensors: dict[str, Any], hidden: Any) -> Any:
    """Apply the masked-LM head to ``hidden`` ``(rows, dim)``: run the model with its
    encoder's output replaced by ``hidden`` (one extra pass of the encoder)."""
    def replace(_module: Any, _args: Any, output: Any) -> Any:
        if isinstance(output, tuple):
            return (hidden[None],) + tuple(output[1:])
        output.last_hidden_state = hidden[None]
        return output

    handle = model.encoder.register_forward_hook(replace)
    try:
        out = model.model(**tensors)
    finally:
        handle.remove()
    return out.logits[0]


def fill_mask(model: InspectModel, text: str, *, k: int = 10,
              mask_positions: Sequence[int] = (), logit_lens: bool = False) -> FillMaskResult:
    """Predict the tokens hidden by masks in ``text``.

    Parameters
    ----------
    model
        A model from :func:`~workbench.core.inspect.model.load_for_inspection`
        with a masked-LM head.
    text
        The input, with the model's mask token where a word should be
        predicted (``[MASK]`` is accepted for models whose mask token is
        ``<mask>``).
    k
        How many predictions per mask.
    mask_positions
        Token indices (into ``model.encode(text).tokens``) to replace by the
        mask token, in addition to masks typed in the text.
    logit_lens
        Also predict from every layer's hidden state through the MLM head
        (:attr:`MaskPrediction.per_layer`).

    Returns
    -------
    FillMaskResult

    Raises
    ------
    WorkbenchError
        When the model has no masked-LM head, the text is empty or has no
        mask (the message says how to mark one).
    ParameterError
        When a position is out of range or is a special token, or ``k`` < 1.
    """
    import torch

    k = _check_k(k)
    if not model.has_mlm_head:
        raise _no_head_error(model)
    mask_token = model.mask_token
    mask_id = model.tokenizer.mask_token_id
    if mask_token is None or mask_id is None:
        raise _no_head_error(model)
    if text and mask_token != GENERIC_MASK and GENERIC_MASK in text:
        text = text.replace(GENERIC_MASK, mask_token)
    enc = model.encode(text)
    ids = list(enc.input_ids)
    n = len(ids)
    originals: dict[int, str | None] = {i: None for i, t in enumerate(ids) if t == mask_id}
    for p in mask_positions:
        if isinstance(p, bool) or not isinstance(p, int) or not 0 <= p < n:
            raise ParameterError(msg("The mask position {p!r} is not a token of this input; "
                                     "positions go from 0 to {value}.", p=p, value=n - 1))
        if enc.special[p] and ids[p] != mask_id:
            raise ParameterError(msg("The token at position {p} is the special token "
                                     "{enc_tokens}; mask a token of the text instead.", p=p,
                                     enc_tokens=enc.tokens[p]))
        if ids[p] != mask_id:
            originals[p] = enc.tokens[p]
            ids[p] = mask_id
    notice = enc.notice
    if not originals:
        typed = text.count(mask_token) if text else 0
        if enc.truncated and typed:
            raise WorkbenchError(msg("Every {mask_token} lies beyond this model's maximum of "
                                     "{n_ids} tokens; move it nearer the start or shorten the "
                                     "text.", mask_token=mask_token, n_ids=len(ids)))
        raise WorkbenchError(msg("The text has no mask: type {mask_token} where a word should "
                                 "be predicted, or click a token to mask it.",
                                 mask_token=mask_token))
    if enc.truncated and text.count(mask_token) > sum(v is None for v in originals.values()):
        notice = msg("{notice} Masks beyond the cut were dropped.", notice=notice) if notice \
            else msg("Masks beyond the cut were dropped.")
    positions = sorted(originals)
    tensors = enc.tensors(model.device)
    tensors["input_ids"] = torch.tensor([ids], device=model.device)
    with model.lock, torch.inference_mode():
        out = model.model(**tensors, output_hidden_states=logit_lens)
        top = _predictions(model, out.logits[0, positions], k)
        per_layer: list[list[list[Prediction]]] | None = None
        if logit_lens:
            hidden = torch.stack([h[0, positions] for h in out.hidden_states])  # (L+1, m, d)
            layers, m, dim = hidden.shape
            logits = _head_logits(model, tensors, hidden.reshape(layers * m, dim))
            lens = _predictions(model, logits, k)
            per_layer = [[lens[layer * m + j] for layer in range(layers)] for j in range(m)]
    tokens = model.tokenizer.convert_ids_to_tokens(ids)
    masks = [MaskPrediction(position=p, original=originals[p], top=top[j],
                            per_layer=per_layer[j] if per_layer is not None else None)
             for j, p in enumerate(positions)]
    return FillMaskResult(tokens=list(tokens), masks=masks, notice=notice)
