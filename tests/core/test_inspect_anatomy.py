"""The parts of a model's input embedding (workbench.core.inspect.anatomy)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.core.inspect_fixtures import HIDDEN, PAIR, POSITIONS, TEXT, each_model_and_pair
from workbench.core.errors import WorkbenchError
from workbench.core.inspect.anatomy import PARTS, input_anatomy, pca_2d
from workbench.core.inspect.model import InspectModel


@each_model_and_pair
def test_parts_sum_to_the_embedding_output(peaked_models: dict[str, InspectModel], name: str,
                                           pair: str | None) -> None:
    import torch

    m = peaked_models[name]
    a = input_anatomy(m, TEXT, pair)
    enc = m.encode(TEXT, pair)
    n = len(enc)
    assert a.tokens == enc.tokens and a.segment == enc.segment and len(a.positions) == n
    for part in (a.token, a.position, a.segment_emb, a.summed, a.output):
        assert part.shape == (n, HIDDEN) and part.dtype == np.float32
    np.testing.assert_allclose(a.summed, a.token + a.position + a.segment_emb, atol=1e-6)

    emb = m.encoder.embeddings
    ids = torch.tensor([enc.input_ids])
    with torch.inference_mode():
        # The tables' rows, read directly.
        np.testing.assert_array_equal(a.token, emb.word_embeddings.weight[enc.input_ids].numpy())
        np.testing.assert_array_equal(a.position,
                                      emb.position_embeddings.weight[a.positions].numpy())
        # LayerNorm of the sum is the layer's output ...
        normed = emb.LayerNorm(torch.from_numpy(a.summed)).numpy()
        np.testing.assert_allclose(normed, a.output, atol=1e-5)
        # ... which is what the model itself feeds its first layer.
        first = m.encoder(**enc.tensors(), output_hidden_states=True).hidden_states[0][0]
        np.testing.assert_allclose(a.output, first.numpy(), atol=1e-5)
        if name != "distilbert":
            kw = {"token_type_ids": torch.tensor([enc.token_type_ids])}
        else:
            kw = {}
        np.testing.assert_allclose(a.output, emb(input_ids=ids, **kw)[0].numpy(), atol=1e-5)

    for part, rows in (("token", a.token), ("position", a.position),
                       ("segment", a.segment_emb), ("summed", a.summed), ("output", a.output)):
        np.testing.assert_allclose(a.norms[part], np.linalg.norm(rows, axis=1), rtol=1e-5)


def test_bert_positions_and_segments(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["bert"]
    a = input_anatomy(m, TEXT, PAIR)
    assert a.positions == list(range(len(a.tokens)))
    assert a.has_segments and a.notice == ""
    types = m.encoder.embeddings.token_type_embeddings.weight.detach().numpy()
    expected = types[np.array(a.segment)]
    np.testing.assert_array_equal(a.segment_emb, expected)
    assert a.token_types == a.segment and set(a.segment) == {0, 1}
    assert not np.allclose(types[0], types[1])


def test_roberta_positions_start_after_padding(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["roberta"]
    a = input_anatomy(m, TEXT)
    pad = m.config.pad_token_id
    assert a.positions == [pad + 1 + i for i in range(len(a.tokens))]
    assert a.has_segments and "single segment" in a.notice
    np.testing.assert_allclose(a.segment_emb,
                               np.broadcast_to(a.segment_emb[0], a.segment_emb.shape))


def test_distilbert_has_no_segments(peaked_models: dict[str, InspectModel]) -> None:
    a = input_anatomy(peaked_models["distilbert"], TEXT, PAIR)
    assert not a.has_segments and "no segment" in a.notice
    assert not a.segment_emb.any() and not a.norms["segment"].any()
    assert a.positions == list(range(len(a.tokens)))


@pytest.mark.parametrize("name", ["bert", "roberta"])
def test_pca_matches_sklearn(peaked_models: dict[str, InspectModel], name: str) -> None:
    from sklearn.decomposition import PCA

    a = input_anatomy(peaked_models[name], TEXT, PAIR)
    n = len(a.tokens)
    stacked = np.concatenate([a.token, a.position, a.segment_emb, a.summed, a.output])
    ref = PCA(n_components=2, svd_solver="full").fit(stacked.astype(np.float64))
    coords = ref.transform(stacked.astype(np.float64))
    ours = np.concatenate([a.pca[p] for p in PARTS])
    assert set(a.pca) == set(PARTS) and all(a.pca[p].shape == (n, 2) for p in PARTS)
    for axis in range(2):                    # same axes, up to each axis's sign
        sign = np.sign(coords[:, axis] @ ours[:, axis])
        np.testing.assert_allclose(ours[:, axis], sign * coords[:, axis], atol=1e-4)
    np.testing.assert_allclose(a.explained, ref.explained_variance_ratio_, rtol=1e-5)
    assert a.explained[0] >= a.explained[1] > 0


def test_pca_2d_small_cases() -> None:
    pts = np.array([[0.0, 0.0, 0.0], [2.0, 0.0, 0.0], [4.0, 0.0, 0.0]])
    coords, explained = pca_2d(pts)
    np.testing.assert_allclose(coords, [[-2, 0], [0, 0], [2, 0]], atol=1e-6)
    assert explained == pytest.approx((1.0, 0.0))
    coords, explained = pca_2d(np.ones((4, 3)))
    assert not coords.any() and explained == (0.0, 0.0)


def test_truncation_and_empty(peaked_models: dict[str, InspectModel]) -> None:
    a = input_anatomy(peaked_models["bert"], " ".join([TEXT] * 12))
    assert len(a.tokens) == POSITIONS and "maximum" in a.notice
    assert a.positions[-1] == POSITIONS - 1
    with pytest.raises(WorkbenchError, match="empty"):
        input_anatomy(peaked_models["bert"], "")
