"""Loading models for inspection and encoding text (workbench.core.inspect.model)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.core.inspect_fixtures import (
    POSITIONS,
    build_tiny_bert,
    build_tiny_gpt2,
    build_tiny_roberta,
    limit_threads,
)
from workbench.core.errors import WorkbenchError
from workbench.core.inspect.model import InspectModel, load_for_inspection

LONG = " ".join(["the cat sat on the mat and looked at the dog ."] * 12)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    limit_threads()
    root = tmp_path_factory.mktemp("inspect-model")
    return {"mlm": build_tiny_bert(root / "mlm"),
            "base": build_tiny_bert(root / "base", mlm=False),
            "roberta": build_tiny_roberta(root / "roberta")}


@pytest.fixture(scope="module")
def mlm(folders: dict[str, Path]) -> InspectModel:
    return load_for_inspection(folders["mlm"], device="cpu")


def test_mlm_folder_has_head(mlm: InspectModel) -> None:
    assert mlm.has_mlm_head
    assert type(mlm.model).__name__ == "BertForMaskedLM"
    assert type(mlm.encoder).__name__ == "BertModel"
    assert mlm.model_type == "bert"
    assert not mlm.model.training
    assert (mlm.num_layers, mlm.num_heads, mlm.hidden_size) == (2, 2, 32)
    assert mlm.max_length == POSITIONS
    assert mlm.mask_token == "[MASK]"
    assert mlm.config._attn_implementation == "sdpa"


def test_bare_encoder_has_no_head(folders: dict[str, Path]) -> None:
    m = load_for_inspection(folders["base"], device="cpu")
    assert not m.has_mlm_head
    assert type(m.model).__name__ == "BertModel"
    assert m.encoder is m.model



@pytest.mark.parametrize(("cls", "has_head"), [("BertForSequenceClassification", False),
                                               ("BertForPreTraining", True)])
def test_head_detection_for_other_checkpoints(tmp_path: Path, mlm: InspectModel, cls: str,
                                              has_head: bool) -> None:
    import torch
    import transformers

    from workbench.core.bert.models import save_model

    torch.manual_seed(0)
    model = getattr(transformers, cls)(mlm.config.__class__(**mlm.config.to_dict()))
    m = load_for_inspection(save_model(model, mlm.tokenizer, tmp_path / cls), device="cpu")
    assert m.has_mlm_head is has_head
    assert type(m.model).__name__ == ("BertForMaskedLM" if has_head else "BertModel")

def test_roberta_positions_leave_two_slots(folders: dict[str, Path]) -> None:
    m = load_for_inspection(folders["roberta"], device="cpu")
    assert m.has_mlm_head and m.model_type == "roberta"
    assert m.config.max_position_embeddings == POSITIONS + 2
    assert m.max_length == POSITIONS
    assert m.mask_token == "<mask>"


def test_decoder_is_refused(tmp_path: Path) -> None:
    folder = build_tiny_gpt2(tmp_path / "gpt2")
    with pytest.raises(WorkbenchError, match="not an encoder"):
        load_for_inspection(folder, device="cpu")


def test_folder_without_config_is_refused(tmp_path: Path, folders: dict[str, Path]) -> None:
    only_tokenizer = tmp_path / "tok-only"
    only_tokenizer.mkdir()
    for f in folders["mlm"].iterdir():
        if f.name.startswith("tokenizer") or f.name in ("vocab.txt", "special_tokens_map.json"):
            (only_tokenizer / f.name).write_bytes(f.read_bytes())
    with pytest.raises(WorkbenchError, match="config.json"):
        load_for_inspection(only_tokenizer, device="cpu")
    with pytest.raises(WorkbenchError):
        load_for_inspection(tmp_path / "missing", device="cpu")


def test_folder_without_tokenizer_is_refused(tmp_path: Path, folders: dict[str, Path]) -> None:
    no_tok = tmp_path / "no-tok"
    no_tok.mkdir()
    for f in folders["mlm"].iterdir():
        if f.name in ("config.json", "model.safetensors"):
            (no_tok / f.name).write_bytes(f.read_bytes())
    with pytest.raises(WorkbenchError, match="tokenizer"):
        load_for_inspection(no_tok, device="cpu")


def test_encode_single_and_pair(mlm: InspectModel) -> None:
    one = mlm.encode("The cat sat.")
    assert one.tokens == ["[CLS]", "the", "cat", "sat", ".", "[SEP]"]
    assert one.special == [True, False, False, False, False, True]
    assert one.segment == [0] * 6
    assert not one.truncated and one.notice == "" and one.full_length == 6
    assert "token_type_ids" not in one.tensors()
    assert one.offsets[2] == (4, 7) and one.word_ids[0] is None

    two = mlm.encode("The cat sat.", "A dog ran.")
    assert two.tokens == ["[CLS]", "the", "cat", "sat", ".", "[SEP]",
                          "a", "dog", "ran", ".", "[SEP]"]
    assert two.segment == [0] * 6 + [1] * 5
    assert two.token_type_ids == two.segment
    t = two.tensors()
    assert tuple(t["input_ids"].shape) == (1, 11)
    assert t["token_type_ids"][0].tolist() == two.segment
    assert mlm.encode("The cat sat.", "   ").segment == [0] * 6   # blank pair = no pair


def test_encode_truncates_with_notice(mlm: InspectModel) -> None:
    enc = mlm.encode(LONG)
    assert enc.truncated and len(enc) == POSITIONS and enc.full_length > POSITIONS
    assert enc.tokens[-1] == "[SEP]"
    assert "maximum" in enc.notice and str(POSITIONS) in enc.notice
    assert str(enc.full_length) in enc.notice

    short = mlm.encode(LONG, max_length=10)
    assert short.truncated and len(short) == 10 and "10" in short.notice
    pair = mlm.encode(LONG, LONG)
    assert pair.truncated and len(pair) == POSITIONS and "both" in pair.notice
    assert set(pair.segment) == {0, 1}
    # A larger max_length than the model's is ignored.
    assert len(mlm.encode(LONG, max_length=10_000)) == POSITIONS


@pytest.mark.parametrize("text", ["", "   \n"])
def test_encode_empty_text(mlm: InspectModel, text: str) -> None:
    with pytest.raises(WorkbenchError, match="empty"):
        mlm.encode(text)


def test_eager_attention_returns_weights_and_restores_sdpa(mlm: InspectModel) -> None:
    import torch

    inputs = mlm.encode("The cat sat on the mat.").tensors()
    assert mlm.config._attn_implementation == "sdpa"
    with mlm.eager_attention(), torch.inference_mode():
        assert mlm.config._attn_implementation == "eager"
        out = mlm.encoder(**inputs, output_attentions=True)
    assert len(out.attentions) == 2
    assert all(tuple(a.shape) == (1, 2, 9, 9) for a in out.attentions)
    assert mlm.config._attn_implementation == "sdpa"


def test_eager_attention_restores_sdpa_after_an_error(mlm: InspectModel) -> None:
    with pytest.raises(RuntimeError, match="boom"), mlm.eager_attention():
        assert mlm.config._attn_implementation == "eager"
        raise RuntimeError("boom")
    assert mlm.config._attn_implementation == "sdpa"
    # Every sub-module follows the model's setting again.
    assert all(getattr(m.config, "_attn_implementation", "sdpa") == "sdpa"
               for m in mlm.model.modules() if hasattr(m, "config"))


def test_eager_attention_holds_the_lock(mlm: InspectModel) -> None:
    got: list[bool] = []

    def try_lock() -> None:
        ok = mlm.lock.acquire(blocking=False)
        got.append(ok)
        if ok:
            mlm.lock.release()

    with mlm.eager_attention():
        t = threading.Thread(target=try_lock)
        t.start()
        t.join()
    t = threading.Thread(target=try_lock)
    t.start()
    t.join()
    assert got == [False, True]


def test_roberta_pair_separators_belong_to_the_segment_they_open_or_close(
        folders: dict[str, Path]) -> None:
    model = load_for_inspection(folders["roberta"], device="cpu")
    enc = model.encode("the cat sat", "the dog ran")
    # <s> A </s> </s> B </s>: the first </s> closes A, the second opens B.
    seps = [i for i, t in enumerate(enc.tokens) if t == "</s>"]
    assert len(seps) == 3
    assert [enc.segment[i] for i in seps] == [0, 1, 1]
    assert enc.segment[0] == 0
    text_segments = [s for s, special in zip(enc.segment, enc.special, strict=True)
                     if not special]
    assert text_segments == sorted(text_segments) and set(text_segments) == {0, 1}


def test_bare_encoder_is_loaded_without_trying_the_mlm_class(
        folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.bert import models

    heads: list[str] = []
    real = models.load_model
    monkeypatch.setattr(models, "load_model",
                        lambda folder, head="pretraining", **kw: heads.append(head)
                        or real(folder, head, **kw))
    model = load_for_inspection(folders["base"], device="cpu")
    assert heads == ["base"] and not model.has_mlm_head
