"""Attention weights and their views (workbench.core.inspect.attention)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.core.inspect_fixtures import HEADS, LAYERS, PAIR, POSITIONS, TEXT, each_model_and_pair
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.attention import AttentionResult, compute_attention
from workbench.core.inspect.model import InspectModel


def _manual_attention(m: InspectModel, text: str, pair: str | None) -> np.ndarray:
    """softmax(Q K^T / sqrt(d)) computed by hand from each layer's query and key weights,
    on the hidden states of a plain (SDPA) forward pass: no output_attentions involved."""
    import torch

    inputs = m.encode(text, pair).tensors()
    with torch.inference_mode():
        hidden = m.encoder(**inputs, output_hidden_states=True).hidden_states
        out = []
        for i in range(m.num_layers):
            if m.model_type == "distilbert":
                att = m.encoder.transformer.layer[i].attention
                q_lin, k_lin = att.q_lin, att.k_lin
            else:
                att = m.encoder.encoder.layer[i].attention.self
                q_lin, k_lin = att.query, att.key
            h = hidden[i][0]
            n, d = h.shape
            heads, dh = m.num_heads, d // m.num_heads
            q = q_lin(h).reshape(n, heads, dh).transpose(0, 1)
            k = k_lin(h).reshape(n, heads, dh).transpose(0, 1)
            out.append(torch.softmax(q @ k.transpose(1, 2) / dh ** 0.5, dim=-1))
    return torch.stack(out).numpy()


@each_model_and_pair
def test_shape_rows_and_manual_reference(tiny_models: dict[str, InspectModel], name: str,
                                         pair: str | None) -> None:
    m = tiny_models[name]
    r = compute_attention(m, TEXT, pair)
    n = len(m.encode(TEXT, pair))
    assert r.weights.dtype == np.float32
    assert r.weights.shape == (LAYERS, HEADS, n, n) == (r.num_layers, r.num_heads, n, n)
    np.testing.assert_allclose(r.weights.sum(axis=-1), 1.0, atol=1e-5)
    assert (r.weights >= 0).all()
    np.testing.assert_allclose(r.weights, _manual_attention(m, TEXT, pair), atol=1e-5)
    assert r.has_pair == (pair is not None)
    assert len(r.tokens) == len(r.special) == len(r.segment) == n
    assert r.seconds > 0
    assert m.config._attn_implementation == "sdpa"


def test_equals_a_fresh_eager_model(tiny_models: dict[str, InspectModel]) -> None:
    import torch
    from transformers import AutoModel

    m = tiny_models["bert"]
    fresh = AutoModel.from_pretrained(str(m.folder), attn_implementation="eager",
                                      local_files_only=True).eval()
    inputs = m.tokenizer(TEXT, PAIR, return_tensors="pt")
    with torch.inference_mode():
        ref = torch.stack([a[0] for a in fresh(**inputs, output_attentions=True).attentions])
    r = compute_attention(m, TEXT, PAIR)
    np.testing.assert_allclose(r.weights, ref.numpy(), atol=1e-6)


def test_matrix_means(tiny_models: dict[str, InspectModel]) -> None:
    r = compute_attention(tiny_models["bert"], TEXT)
    w = r.weights.astype(np.float64)
    np.testing.assert_allclose(r.matrix(1, 0), w[1, 0], atol=1e-7)
    np.testing.assert_allclose(r.matrix(1), w[1].mean(axis=0), atol=1e-6)
    np.testing.assert_allclose(r.matrix(head=1), w[:, 1].mean(axis=0), atol=1e-6)
    np.testing.assert_allclose(r.matrix(), w.mean(axis=(0, 1)), atol=1e-6)
    np.testing.assert_allclose(r.matrix().sum(axis=1), 1.0, atol=1e-5)
    for bad in ({"layer": LAYERS}, {"layer": -1}, {"head": HEADS}, {"head": 1.5}):
        with pytest.raises(ParameterError, match="layer|head"):
            r.matrix(**bad)


def test_view_filters_on_a_pair(tiny_models: dict[str, InspectModel]) -> None:
    m = tiny_models["bert"]
    r = compute_attention(m, TEXT, PAIR)
    a_words = m.tokenizer.tokenize(TEXT)
    b_words = m.tokenizer.tokenize(PAIR)
    n_a = len(a_words)
    # [CLS] a... [SEP] b... [SEP]
    a_idx = list(range(1, 1 + n_a))
    b_idx = list(range(2 + n_a, 2 + n_a + len(b_words)))
    full = r.weights[1, 0]

    s = r.view(1, 0, hide_special=True, direction="a_to_b")
    assert s.rows == a_idx and s.cols == b_idx
    assert s.row_tokens == a_words and s.col_tokens == b_words
    np.testing.assert_array_equal(s.matrix, full[np.ix_(a_idx, b_idx)])
    assert (s.matrix.sum(axis=1) < 1).all()          # raw weights: the rest went elsewhere

    s = r.view(1, 0, hide_special=True, direction="b_to_a")
    assert s.rows == b_idx and s.cols == a_idx
    np.testing.assert_array_equal(s.matrix, full[np.ix_(b_idx, a_idx)])

    s = r.view(1, 0, hide_special=True, direction="within_b")
    assert s.rows == s.cols == b_idx
    np.testing.assert_array_equal(s.matrix, full[np.ix_(b_idx, b_idx)])

    # With special tokens: [CLS] and the first [SEP] belong to A, the last [SEP] to B.
    s = r.view(1, 0, direction="within_a")
    assert s.rows == s.cols == [0, *a_idx, 1 + n_a]
    assert s.row_tokens[0] == "[CLS]" and s.row_tokens[-1] == "[SEP]"
    s = r.view(1, 0, direction="a_to_b")
    assert s.cols == [*b_idx, len(r.tokens) - 1]

    s = r.view(1, 0, hide_special=True)
    assert s.rows == s.cols == a_idx + b_idx
    np.testing.assert_array_equal(s.matrix, full[np.ix_(a_idx + b_idx, a_idx + b_idx)])

    s = r.view(hide_special=True, direction="a_to_b", renormalize=True)
    mean = r.weights.mean(axis=(0, 1))[np.ix_(a_idx, b_idx)]
    np.testing.assert_allclose(s.matrix, mean / mean.sum(axis=1, keepdims=True), atol=1e-6)
    np.testing.assert_allclose(s.matrix.sum(axis=1), 1.0, atol=1e-5)
    assert s.matrix.dtype == np.float32

    s = r.view(0, 1)                                  # everything: the matrix itself
    assert s.rows == s.cols == list(range(len(r.tokens)))
    np.testing.assert_array_equal(s.matrix, r.weights[0, 1])


def test_view_errors(tiny_models: dict[str, InspectModel]) -> None:
    single = compute_attention(tiny_models["bert"], TEXT)
    for direction in ("a_to_b", "b_to_a", "within_a", "within_b"):
        with pytest.raises(ParameterError, match="pair"):
            single.view(direction=direction)
    with pytest.raises(ParameterError, match="direction"):
        single.view(direction="sideways")
    with pytest.raises(ParameterError, match="layer"):
        single.view(layer=7)
    s = single.view(hide_special=True)
    assert "[CLS]" not in s.row_tokens and "[SEP]" not in s.col_tokens


def test_view_renormalize_keeps_empty_rows_zero() -> None:
    w = np.zeros((1, 1, 3, 3), dtype=np.float32)
    w[0, 0] = [[1, 0, 0], [0.5, 0.5, 0], [0.2, 0.2, 0.6]]
    r = AttentionResult(tokens=["[CLS]", "a", "b"], special=[True, False, False],
                        segment=[0, 0, 0], weights=w)
    s = r.view(hide_special=True, renormalize=True)
    np.testing.assert_allclose(s.matrix, [[1.0, 0.0], [0.25, 0.75]], atol=1e-7)
    w[0, 0, 1] = [1, 0, 0]
    s = AttentionResult(tokens=["[CLS]", "a", "b"], special=[True, False, False],
                        segment=[0, 0, 0], weights=w).view(hide_special=True, renormalize=True)
    np.testing.assert_array_equal(s.matrix[0], [0.0, 0.0])


def test_roberta_and_distilbert_special_tokens(tiny_models: dict[str, InspectModel]) -> None:
    r = compute_attention(tiny_models["roberta"], TEXT, PAIR)
    assert r.tokens[0] == "<s>" and r.tokens[-1] == "</s>"
    s = r.view(hide_special=True, direction="a_to_b")
    assert not any(t in ("<s>", "</s>") for t in s.row_tokens + s.col_tokens)
    assert s.rows and s.cols
    d = compute_attention(tiny_models["distilbert"], TEXT, PAIR)
    assert d.has_pair and d.view(direction="within_b").rows


def test_truncation_notice(tiny_models: dict[str, InspectModel]) -> None:
    long = " ".join([TEXT] * 12)
    r = compute_attention(tiny_models["bert"], long)
    assert r.truncated and len(r) == POSITIONS and "maximum" in r.notice
    assert r.weights.shape[-1] == POSITIONS
    r = compute_attention(tiny_models["bert"], long, max_length=12)
    assert r.weights.shape[-2:] == (12, 12) and r.truncated
    assert not compute_attention(tiny_models["bert"], TEXT).truncated


def test_empty_text(tiny_models: dict[str, InspectModel]) -> None:
    with pytest.raises(WorkbenchError, match="empty"):
        compute_attention(tiny_models["bert"], "  ")

