"""Fill-mask predictions and the logit lens (workbench.core.inspect.fillmask)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.core.inspect_fixtures import BUILDERS, LAYERS, POSITIONS, build_tiny_bert, limit_threads
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.fillmask import Prediction, fill_mask
from workbench.core.inspect.model import InspectModel, load_for_inspection

SENTENCE = "She went to the {m} to deposit her money."


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    limit_threads()
    return tmp_path_factory.mktemp("inspect-fillmask")


def _pipeline(m: InspectModel) -> Any:
    from transformers import pipeline

    return pipeline("fill-mask", model=m.model, tokenizer=m.tokenizer, device="cpu")


def _check_against(preds: list[Prediction], ref: list[dict]) -> None:
    assert [p.token_id for p in preds] == [r["token"] for r in ref]
    np.testing.assert_allclose([p.probability for p in preds], [r["score"] for r in ref],
                               atol=1e-5)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_top_k_equals_the_pipeline(peaked_models: dict[str, InspectModel], name: str) -> None:
    m = peaked_models[name]
    text = SENTENCE.format(m=m.mask_token)
    r = fill_mask(m, text, k=7)
    assert len(r.masks) == 1
    mp = r.masks[0]
    assert r.tokens[mp.position] == m.mask_token and mp.original is None
    assert mp.per_layer is None and r.notice == ""
    probs = [p.probability for p in mp.top]
    assert len(mp.top) == 7 and sum(probs) <= 1.0
    assert probs == sorted(probs, reverse=True) and all(0 < p <= 1 for p in probs)
    assert all(p.token == m.tokenizer.convert_ids_to_tokens(p.token_id) for p in mp.top)
    _check_against(mp.top, _pipeline(m)(text, top_k=7))


def test_generic_mask_accepted_for_roberta(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["roberta"]
    assert m.mask_token == "<mask>"
    r = fill_mask(m, SENTENCE.format(m="[MASK]"), k=5)
    _check_against(r.masks[0].top, _pipeline(m)(SENTENCE.format(m="<mask>"), top_k=5))


def test_two_masks(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["bert"]
    text = "She [MASK] to the [MASK] today."
    r = fill_mask(m, text, k=4)
    ref = _pipeline(m)(text, top_k=4)
    assert [mp.position for mp in r.masks] == [2, 5]
    for mp, expected in zip(r.masks, ref, strict=True):
        _check_against(mp.top, expected)


def test_k_larger_than_vocabulary(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["bert"]
    r = fill_mask(m, "The [MASK] sat.", k=10_000)
    top = r.masks[0].top
    assert len(top) == len(m.tokenizer)
    assert sum(p.probability for p in top) == pytest.approx(1.0, abs=1e-4)


def test_mask_positions(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["bert"]
    text = SENTENCE.format(m="bank")
    enc = m.encode(text)
    pos = enc.tokens.index("bank")
    r = fill_mask(m, text, k=5, mask_positions=[pos])
    mp = r.masks[0]
    assert (mp.position, mp.original) == (pos, "bank")
    assert r.tokens[pos] == "[MASK]" and r.tokens[:pos] == enc.tokens[:pos]
    _check_against(mp.top, _pipeline(m)(SENTENCE.format(m="[MASK]"), top_k=5))
    # A typed mask and a clicked one together, in token order.
    r = fill_mask(m, "The [MASK] sat on the mat.", k=3, mask_positions=[5])
    assert [(x.position, x.original) for x in r.masks] == [(2, None), (5, "the")]


@pytest.mark.parametrize("name", list(BUILDERS))
def test_logit_lens(peaked_models: dict[str, InspectModel], name: str) -> None:
    import torch

    m = peaked_models[name]
    text = SENTENCE.format(m=m.mask_token)
    r = fill_mask(m, text, k=5, logit_lens=True)
    mp = r.masks[0]
    assert mp.per_layer is not None and len(mp.per_layer) == LAYERS + 1
    last = mp.per_layer[-1]
    assert [p.token_id for p in last] == [p.token_id for p in mp.top]
    np.testing.assert_allclose([p.probability for p in last],
                               [p.probability for p in mp.top], atol=1e-5)

    # Reference: each model type's head applied by hand to the hidden states.
    model = m.model
    with torch.inference_mode():
        hidden = m.encoder(**m.encode(text).tensors(), output_hidden_states=True).hidden_states
        for layer, h in enumerate(hidden):
            x = h[0, mp.position]
            if name == "bert":
                logits = model.cls(x)
            elif name == "roberta":
                logits = model.lm_head(x)
            else:
                logits = model.vocab_projector(model.vocab_layer_norm(
                    model.activation(model.vocab_transform(x))))
            probs, ids = torch.topk(torch.softmax(logits, -1), 5)
            assert [p.token_id for p in mp.per_layer[layer]] == ids.tolist()
            np.testing.assert_allclose([p.probability for p in mp.per_layer[layer]],
                                       probs.numpy(), atol=1e-5)
    assert m.config._attn_implementation == "sdpa"


def test_model_without_head(root: Path) -> None:
    m = load_for_inspection(build_tiny_bert(root / "bare", mlm=False), device="cpu")
    with pytest.raises(WorkbenchError, match="masked-language-model head"):
        fill_mask(m, "The [MASK] sat.")


def test_no_mask(peaked_models: dict[str, InspectModel]) -> None:
    with pytest.raises(WorkbenchError, match=r"no mask: type \[MASK\]"):
        fill_mask(peaked_models["bert"], "The cat sat.")
    with pytest.raises(WorkbenchError, match="type <mask>"):
        fill_mask(peaked_models["roberta"], "The cat sat.")


def test_empty_text(peaked_models: dict[str, InspectModel]) -> None:
    with pytest.raises(WorkbenchError, match="empty"):
        fill_mask(peaked_models["bert"], "")
    with pytest.raises(WorkbenchError, match="empty"):
        fill_mask(peaked_models["bert"], "   ", mask_positions=[1])


@pytest.mark.parametrize("positions", [[99], [-1], [7]])
def test_position_out_of_range(peaked_models: dict[str, InspectModel],
                               positions: list[int]) -> None:
    with pytest.raises(ParameterError, match="position"):
        # "The cat sat." is 5 tokens.
        fill_mask(peaked_models["bert"], "The cat sat.", mask_positions=positions)


def test_special_position_and_bad_k(peaked_models: dict[str, InspectModel]) -> None:
    with pytest.raises(ParameterError, match=r"special token \[CLS\]"):
        fill_mask(peaked_models["bert"], "The cat sat.", mask_positions=[0])
    for k in (0, -3, 2.5):
        with pytest.raises(ParameterError, match="k"):
            fill_mask(peaked_models["bert"], "The [MASK] sat.", k=k)


def test_truncation(peaked_models: dict[str, InspectModel]) -> None:
    m = peaked_models["bert"]
    filler = " ".join(["the cat sat on the mat ."] * 12)
    r = fill_mask(m, "The [MASK] sat. " + filler, k=3)
    assert len(r.tokens) == POSITIONS and "maximum" in r.notice
    r = fill_mask(m, "The [MASK] sat. " + filler + " [MASK]", k=3)
    assert len(r.masks) == 1 and "dropped" in r.notice
    with pytest.raises(WorkbenchError, match="beyond"):
        fill_mask(m, filler + " the [MASK] sat.", k=3)
