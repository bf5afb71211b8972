"""Attention weights of every layer and head for a sentence or a sentence pair.

:func:`compute_attention` runs the encoder once, with eager attention (SDPA
cannot return weights; transformers #38750) only for that pass, and keeps
every layer's weights as one float32 array ``(layers, heads, n, n)``: row
``i`` of a head's matrix is how token ``i`` (the query, the attending token)
distributes its attention over all tokens (the keys); each row sums to 1.

:meth:`AttentionResult.view` cuts what a heatmap shows: one head or a mean,
without the special tokens, and for a pair only the A→B, B→A, within-A or
within-B block.  By default the cut shows the raw weights, so a row whose
attention partly went to hidden tokens sums to less than 1 (attention to
[CLS] and [SEP] is often most of it); ``renormalize=True`` rescales every
remaining row to sum to 1.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["DIRECTIONS", "AttentionResult", "AttentionSlice", "compute_attention"]

#: Values of ``direction`` in :meth:`AttentionResult.view` (rows = queries, cols = keys).
DIRECTIONS = ("all", "a_to_b", "b_to_a", "within_a", "within_b")

# direction -> (segment of the rows, segment of the columns); None = any.
_SEGMENTS: dict[str, tuple[int | None, int | None]] = {
    "all": (None, None), "a_to_b": (0, 1), "b_to_a": (1, 0),
    "within_a": (0, 0), "within_b": (1, 1),
}


@dataclass(frozen=True, eq=False)   # holds arrays: compared by identity, hashable
class AttentionSlice:
    """A part of one attention matrix, ready for a heatmap.

    Attributes
    ----------
    matrix
        float32 ``(len(rows), len(cols))``: row = attending token (query),
        column = attended token (key).
    rows, cols
        Token indices (into :attr:`AttentionResult.tokens`) of the rows and columns.
    row_tokens, col_tokens
        Their token strings.
    """

    matrix: np.ndarray
    rows: list[int]
    cols: list[int]
    row_tokens: list[str]
    col_tokens: list[str]


@dataclass(frozen=True, eq=False)   # holds arrays: compared by identity, hashable
class AttentionResult:
    """Every layer's and head's attention for one input.

    Attributes
    ----------
    tokens, special, segment
        As in :class:`~workbench.core.inspect.model.Encoded`.
    weights
        float32 ``(layers, heads, n, n)``; ``weights[l, h, i]`` is token
        ``i``'s attention over all ``n`` tokens and sums to 1.
    truncated, notice
        Whether the input was cut to the model's maximum, and the sentence
        saying so (``""`` when not).
    has_pair
        Whether the input is a sentence pair (segments 0 and 1).
    seconds
        Wall time of the forward pass that produced the weights.
    """

    tokens: list[str]
    special: list[bool]
    segment: list[int]
    weights: np.ndarray
    truncated: bool = False
    notice: str = ""
    has_pair: bool = False
    seconds: float = 0.0

    @property
    def num_layers(self) -> int:
        return int(self.weights.shape[0])

    @property
    def num_heads(self) -> int:
        return int(self.weights.shape[1])

    def __len__(self) -> int:
        return len(self.tokens)

    def _check_index(self, name: str, value: int | None, count: int) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
                or not 0 <= int(value) < count:
            raise ParameterError(msg("{name} must be a number from 0 to {value} (the model has "
                                     "{count} {name}s), not {value2!r}.", name=name,
                                     value=count - 1, count=count, value2=value))

    def matrix(self, layer: int | None = None, head: int | None = None) -> np.ndarray:
        """One ``(n, n)`` attention matrix.

        Parameters
        ----------
        layer, head
            0-based indices; ``None`` averages over all layers / all heads
            (the mean of softmax rows still sums to 1).

        Raises
        ------
        ParameterError
            When ``layer`` or ``head`` is out of range.
        """
        self._check_index("layer", layer, self.num_layers)
        self._check_index("head", head, self.num_heads)
        w = self.weights[int(layer)][None] if layer is not None else self.weights
        w = w[:, int(head)][:, None] if head is not None else w
        return w.mean(axis=(0, 1), dtype=np.float64).astype(np.float32)

    def view(self, layer: int | None = None, head: int | None = None, *,
             hide_special: bool = False, direction: str = "all",
             renormalize: bool = False) -> AttentionSlice:
        """The part of :meth:`matrix` a heatmap shows.

        Parameters
        ----------
        layer, head
            As in :meth:`matrix` (``None`` = mean).
        hide_special
            Drop the rows and columns of special tokens ([CLS], [SEP], <s>, ...).
        direction
            ``"all"``; or, for a sentence pair, ``"a_to_b"`` (rows: tokens of
            text A attending, columns: tokens of text B), ``"b_to_a"``,
            ``"within_a"``, ``"within_b"``.
        renormalize
            Rescale each remaining row to sum to 1.  The default shows the raw
            weights, whose rows then sum to less than 1 when columns were cut
            (the share of attention that went to hidden tokens is left out).
            A row with no weight left stays zero.

        Raises
        ------
        ParameterError
            For an unknown ``direction``, a direction other than ``"all"``
            without a pair, or an out-of-range layer or head.
        """
        if direction not in _SEGMENTS:
            raise ParameterError(msg("direction must be one of {DIRECTIONS}, not {direction!r}.",
                                     DIRECTIONS=', '.join(DIRECTIONS), direction=direction))
        if direction != "all" and not self.has_pair:
            raise ParameterError(msg("The direction {direction!r} needs a sentence pair; this "
                                     "input is a single text. Type a second sentence or choose "
                                     "'all'.", direction=direction))
        full = self.matrix(layer, head)
        row_seg, col_seg = _SEGMENTS[direction]
        keep = [i for i in range(len(self.tokens))
                if not (hide_special and self.special[i])]
        rows = [i for i in keep if row_seg is None or self.segment[i] == row_seg]
        cols = [i for i in keep if col_seg is None or self.segment[i] == col_seg]
        sub = full[np.ix_(rows, cols)].astype(np.float32, copy=True)
        if renormalize and sub.size:
            sums = sub.sum(axis=1, keepdims=True, dtype=np.float64)
            np.divide(sub, sums, out=sub, where=sums > 0)
        return AttentionSlice(matrix=sub, rows=rows, cols=cols,
                              row_tokens=[self.tokens[i] for i in rows],
                              col_tokens=[self.tokens[i] for i in cols])


def compute_attention(model: InspectModel, text: str, pair: str | None = None, *,
                      max_length: int | None = None) -> AttentionResult:
    """Attention weights of every layer and head for ``text`` (and ``pair``).

    Parameters
    ----------
    model
        A model from :func:`~workbench.core.inspect.model.load_for_inspection`.
    text, pair
        One text, or a sentence pair (segments A and B).
    max_length
        Cut the input to fewer tokens than the model's maximum (never more).
        Longer input is truncated and :attr:`AttentionResult.notice` says so.

    Returns
    -------
    AttentionResult

    Raises
    ------
    WorkbenchError
        When the text is empty or the model returns no attention weights.
    """
    import torch

    enc = model.encode(text, pair, max_length=max_length)
    start = time.perf_counter()
    with model.eager_attention(), torch.inference_mode():
        out = model.encoder(**enc.tensors(model.device), output_attentions=True)
        attentions = getattr(out, "attentions", None)
        if not attentions or any(a is None for a in attentions):
            raise WorkbenchError(msg("The {model_model_type} model in {model_folder} returned "
                                     "no attention weights; its attention kind cannot report "
                                     "them.", model_model_type=model.model_type,
                                     model_folder=model.folder))
        weights = torch.stack([a[0] for a in attentions]).float().cpu().numpy()
    seconds = time.perf_counter() - start
    return AttentionResult(tokens=list(enc.tokens), special=list(enc.special),
                           segment=list(enc.segment), weights=np.ascontiguousarray(weights),
                           truncated=enc.truncated, notice=enc.notice,
                           has_pair=any(s == 1 for s in enc.segment), seconds=seconds)
