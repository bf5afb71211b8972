"""The parts that sum to a BERT-family model's input: token, position and segment embeddings.

For every token of the typed input, :func:`input_anatomy` reads the three
rows the embedding layer adds (the word-piece's embedding, its position's and
its segment's), their sum, and the layer's output (the sum after LayerNorm),
with their norms and one shared 2-D PCA picture, so the parts can be compared
on the same axes.

Positions are the ids the model itself uses: ``0, 1, 2, ...`` for BERT and
DistilBERT, ``padding_idx + 1 + i`` for RoBERTa-style models (whose first two
position rows are never used).  DistilBERT has no segment embeddings (its
segment part is zero); RoBERTa has one, added to every token alike.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.errors import WorkbenchError
from workbench.core.messages import join, msg

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["PARTS", "InputAnatomy", "input_anatomy", "pca_2d"]

#: Keys of :attr:`InputAnatomy.norms` and :attr:`InputAnatomy.pca`, in drawing order.
PARTS = ("token", "position", "segment", "summed", "output")


@dataclass(frozen=True, eq=False)   # holds arrays: compared by identity, hashable
class InputAnatomy:
    """The embedding layer's parts for one input.

    Attributes
    ----------
    tokens, segment
        As in :class:`~workbench.core.inspect.model.Encoded` (segment: 0 = text
        A, 1 = text B).
    positions
        The position ids the model uses for each token.
    token, position, segment_emb
        float32 ``(n, dim)`` rows of the word, position and token-type
        embedding tables (``dim`` is the embedding size: the hidden size, or
        smaller for ALBERT/ELECTRA).  ``segment_emb`` is zeros when the model
        has no token-type embeddings, ``position`` zeros when it has no
        absolute position embeddings.
    summed
        ``token + position + segment_emb``.
    output
        The embedding layer's output for the input (``summed`` after
        LayerNorm; dropout is off in evaluation mode).
    norms
        Euclidean norm of each row: ``"token"``, ``"position"``,
        ``"segment"``, ``"summed"``, ``"output"`` -> ``(n,)``.
    pca
        The same keys -> ``(n, 2)`` coordinates from ONE PCA fitted on the
        ``5 n`` rows of all parts stacked, so the parts share axes.
    explained
        Fraction of the stacked rows' variance along each of the two axes.
    has_segments
        Whether the model has token-type (segment) embeddings.
    notice
        Sentences for the user: truncation, missing parts.
    token_types
        The token-type ids fed to the segment embedding.
    """

    tokens: list[str]
    segment: list[int]
    positions: list[int]
    token: np.ndarray
    position: np.ndarray
    segment_emb: np.ndarray
    summed: np.ndarray
    output: np.ndarray
    norms: dict[str, np.ndarray]
    pca: dict[str, np.ndarray]
    explained: tuple[float, float]
    has_segments: bool
    notice: str = ""
    token_types: list[int] | None = None


def pca_2d(x: np.ndarray) -> tuple[np.ndarray, tuple[float, float]]:
    """Two-component PCA of the rows of ``x`` (centred SVD).

    Each axis's sign is fixed so that its largest loading is positive
    (sklearn fixes signs by another rule; the axes are the same up to sign).

    Returns
    -------
    coords, explained
        ``(rows, 2)`` float32 coordinates and the explained-variance ratio
        of each axis (zeros when the rows do not vary).
    """
    x = np.asarray(x, dtype=np.float64)
    centred = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    axes = np.zeros((2, x.shape[1]))
    m = min(2, vt.shape[0])
    axes[:m] = vt[:m]
    for i in range(m):
        if axes[i, np.argmax(np.abs(axes[i]))] < 0:
            axes[i] = -axes[i]
    var = s ** 2
    total = float(var.sum())
    ratios = [float(var[i] / total) if total > 0 and i < len(var) else 0.0 for i in range(2)]
    return (centred @ axes.T).astype(np.float32), (ratios[0], ratios[1])


def _first_attr(module: Any, names: tuple[str, ...]) -> Any:
    for name in names:
        value = getattr(module, name, None)
        if value is not None:
            return value
    return None


def _position_ids(emb: Any, input_ids: Any) -> Any:
    import torch

    n = input_ids.shape[1]
    make = getattr(emb, "create_position_ids_from_input_ids", None)
    padding_idx = getattr(emb, "padding_idx", None)
    if callable(make) and padding_idx is not None:       # RoBERTa family: padding_idx + 1 + i
        return make(input_ids, padding_idx)
    return torch.arange(n, device=input_ids.device)[None]


def _call_embeddings(emb: Any, **kwargs: Any) -> Any:
    """Call the embedding module with the keyword arguments its ``forward`` accepts."""
    params = inspect.signature(emb.forward).parameters
    return emb(**{k: v for k, v in kwargs.items() if k in params and v is not None})


def input_anatomy(model: InspectModel, text: str, pair: str | None = None) -> InputAnatomy:
    """Token, position and segment embeddings of ``text`` (and ``pair``) and their sum.

    Parameters
    ----------
    model
        A model from :func:`~workbench.core.inspect.model.load_for_inspection`.
    text, pair
        One text, or a sentence pair (segments A and B).

    Returns
    -------
    InputAnatomy

    Raises
    ------
    WorkbenchError
        When the text is empty, or the model's embedding layer is not laid
        out as BERT's (word embeddings and a LayerNorm).
    """
    import torch

    enc = model.encode(text, pair)
    emb = getattr(model.encoder, "embeddings", None)
    words = _first_attr(emb, ("word_embeddings", "tok_embeddings")) if emb is not None else None
    norm = _first_attr(emb, ("LayerNorm", "norm", "layer_norm")) if emb is not None else None
    if words is None or norm is None:
        raise WorkbenchError(msg("The {model_model_type} model in {model_folder} has no "
                                 "BERT-style embedding layer (word embeddings and a LayerNorm), "
                                 "so its input cannot be taken apart.",
                                 model_model_type=model.model_type, model_folder=model.folder))
    positions_table = getattr(emb, "position_embeddings", None)
    types_table = getattr(emb, "token_type_embeddings", None)
    notices = [enc.notice] if enc.notice else []
    with model.lock, torch.inference_mode():
        tensors = enc.tensors(model.device)
        ids = tensors["input_ids"]
        types = torch.tensor([enc.token_type_ids], device=ids.device)
        pos_ids = _position_ids(emb, ids)
        token = words(ids)
        position = positions_table(pos_ids) if positions_table is not None \
            else torch.zeros_like(token)
        segment = types_table(types) if types_table is not None else torch.zeros_like(token)
        summed = token + position + segment
        output = _call_embeddings(emb, input_ids=ids,
                                  token_type_ids=types if types_table is not None else None,
                                  position_ids=pos_ids if positions_table is not None else None)
        if isinstance(output, tuple):
            output = output[0]
        parts = {name: t[0].float().cpu().numpy() for name, t in
                 (("token", token), ("position", position), ("segment", segment),
                  ("summed", summed), ("output", output))}
    if types_table is None:
        notices.append(msg("This {model_type} model has no segment (token-type) embeddings; "
                           "the segment part is zero.", model_type=model.model_type))
    elif int(getattr(types_table, "num_embeddings", 2)) < 2:
        notices.append(msg("This {model_type} model has a single segment embedding, added to "
                           "every token alike; a pair's two texts differ only by the separator.",
                           model_type=model.model_type))
    if positions_table is None:
        notices.append(msg("This {model_type} model has no absolute position embeddings "
                           "(positions enter inside the attention layers); the position part is "
                           "zero.", model_type=model.model_type))
    if parts["output"].shape != parts["summed"].shape:
        raise WorkbenchError(msg("The {model_model_type} model in {model_folder} projects its "
                                 "embeddings inside the embedding layer, so its input cannot be "
                                 "taken apart into a sum.", model_model_type=model.model_type,
                                 model_folder=model.folder))
    n = len(enc.tokens)
    coords, explained = pca_2d(np.concatenate([parts[p] for p in PARTS]))
    return InputAnatomy(
        tokens=list(enc.tokens), segment=list(enc.segment),
        positions=[int(p) for p in pos_ids[0].tolist()],
        token=parts["token"], position=parts["position"], segment_emb=parts["segment"],
        summed=parts["summed"], output=parts["output"],
        norms={p: np.linalg.norm(parts[p], axis=1).astype(np.float32) for p in PARTS},
        pca={p: coords[i * n:(i + 1) * n] for i, p in enumerate(PARTS)},
        explained=explained, has_segments=types_table is not None,
        notice=join(notices), token_types=list(enc.token_type_ids))
