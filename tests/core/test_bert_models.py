"""Model sizes, parameter counts, memory estimates, model folders (workbench.core.bert.models)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from workbench.core.bert.models import (
    HEADS,
    PRESETS,
    ModelSize,
    bert_config,
    count_parameters,
    estimate_memory,
    inspect_model_folder,
    load_model,
    preset_name,
    save_model,
)
from workbench.core.bert.tokenizer import WordPieceSettings, load_tokenizer, train_wordpiece
from workbench.core.errors import ParameterError, WorkbenchError

_CLASSES = {
    "pretraining": "BertForPreTraining",
    "mlm": "BertForMaskedLM",
    "base": "BertModel",
    "sequence-classification": "BertForSequenceClassification",
    "token-classification": "BertForTokenClassification",
    "question-answering": "BertForQuestionAnswering",
}


def _build(name: str, config: object, meta: bool = True) -> object:
    import torch
    import transformers

    cls = getattr(transformers, name)
    if not meta:
        return cls(config)
    with torch.device("meta"):
        return cls(config)


def _numel(model: object) -> int:
    return sum(p.numel() for p in model.parameters())  # type: ignore[attr-defined]


def test_presets() -> None:
    expected = {"tiny": (2, 128, 2, 512), "mini": (4, 256, 4, 1024),
                "small": (4, 512, 8, 2048), "medium": (8, 512, 8, 2048),
                "base": (12, 768, 12, 3072), "large": (24, 1024, 16, 4096)}
    assert {k: (s.layers, s.hidden, s.heads, s.intermediate) for k, s in PRESETS.items()} \
        == expected
    assert all(s.max_position == 512 for s in PRESETS.values())
    assert preset_name(ModelSize(4, 256, 4, 1024)) == "mini"
    assert preset_name(ModelSize(3, 256, 4, 1024)) is None


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"layers": 2, "hidden": 130, "heads": 4, "intermediate": 512}, "multiple of heads"),
    ({"layers": 0, "hidden": 128, "heads": 2, "intermediate": 512}, "layers must be"),
    ({"layers": 2, "hidden": 128, "heads": 2, "intermediate": 2.5}, "whole number"),
])
def test_bad_sizes(kwargs: dict, words: str) -> None:
    with pytest.raises(ParameterError, match=words):
        ModelSize(**kwargs)


def test_bert_config() -> None:
    config = bert_config(PRESETS["mini"], 1234, hidden_dropout_prob=0.2, num_labels=3)
    assert (config.vocab_size, config.hidden_size, config.num_hidden_layers,
            config.num_attention_heads, config.intermediate_size,
            config.max_position_embeddings) == (1234, 256, 4, 4, 1024, 512)
    assert config.hidden_dropout_prob == 0.2 and config.num_labels == 3
    assert config.pad_token_id == 0          # our [PAD] id
    with pytest.raises(ParameterError, match="vocab_size"):
        bert_config(PRESETS["tiny"], 0)


@pytest.mark.parametrize(("preset", "vocab"), [("tiny", 1000), ("mini", 3000)])
@pytest.mark.parametrize("head", HEADS)
def test_count_parameters_equals_real_model(preset: str, vocab: int, head: str) -> None:
    config = bert_config(PRESETS[preset], vocab, num_labels=3)
    model = _build(_CLASSES[head], config)
    assert count_parameters(PRESETS[preset], vocab, head, num_labels=3) == _numel(model)


def test_count_parameters_matches_published_bert_base() -> None:
    # bert-base-uncased: BertModel 109,482,240; BertForPreTraining 110,106,428 (vocab 30,522).
    assert count_parameters(PRESETS["base"], 30522, "base") == 109_482_240
    assert count_parameters(PRESETS["base"], 30522) == 110_106_428
    config = bert_config(PRESETS["large"], 30522, tie_word_embeddings=False)
    untied = _build("BertForMaskedLM", config)
    assert count_parameters(PRESETS["large"], 30522, "mlm", tie_word_embeddings=False) \
        == _numel(untied)


def test_memory_estimate_parts_and_monotone() -> None:
    size, vocab = PRESETS["small"], 8000
    est = estimate_memory(size, vocab, 16, 128)
    params = count_parameters(size, vocab)
    assert est.parameters == params
    assert (est.weights, est.gradients, est.optimizer) == (4 * params, 4 * params, 8 * params)
    assert est.total == est.weights + est.gradients + est.optimizer + est.activations
    by_batch = [estimate_memory(size, vocab, b, 128).total for b in (1, 2, 8, 32, 64)]
    by_len = [estimate_memory(size, vocab, 16, s).total for s in (16, 64, 128, 256, 512)]
    assert by_batch == sorted(by_batch) and len(set(by_batch)) == 5
    assert by_len == sorted(by_len) and len(set(by_len)) == 5
    # activations scale linearly in the batch
    a1, a4 = (estimate_memory(size, vocab, b, 128).activations for b in (1, 4))
    assert a4 == 4 * a1
    by_size = [estimate_memory(PRESETS[p], vocab, 8, 128).total for p in PRESETS]
    assert by_size == sorted(by_size)
    half = estimate_memory(size, vocab, 16, 128, "bf16")
    assert half.activations < est.activations and half.weights == 6 * params
    assert estimate_memory(size, vocab, 16, 128, "auto").total == est.total
    assert "GiB" in est.describe() or "MiB" in est.describe()


def test_memory_estimate_bad_values() -> None:
    with pytest.raises(ParameterError, match="precision"):
        estimate_memory(PRESETS["tiny"], 100, 8, 128, "fp8")
    with pytest.raises(ParameterError, match="longer than the model's 512 positions"):
        estimate_memory(PRESETS["tiny"], 100, 8, 1024)
    with pytest.raises(ParameterError, match="batch_size"):
        estimate_memory(PRESETS["tiny"], 100, 0, 128)


@pytest.mark.parametrize(("preset", "vocab", "batch", "seq"), [
    ("tiny", 1000, 4, 64), ("tiny", 8000, 4, 128), ("mini", 3000, 2, 256)])
def test_activation_estimate_against_autograd(preset: str, vocab: int, batch: int,
                                              seq: int) -> None:
    """The activation term is close to what autograd really keeps for backward.

    Measured: the bytes of every tensor saved for backward in one training
    forward pass of BertForPreTraining (eager attention, fp32, CPU), plus the
    fp32 logits and their gradient, which exist at the same time at the loss.
    On CPU dropout keeps float masks where CUDA keeps 1-byte ones, so the
    estimate (CUDA's) is a little lower.
    """
    import torch

    config = bert_config(PRESETS[preset], vocab)
    config._attn_implementation = "eager"
    torch.manual_seed(0)
    model = _build("BertForPreTraining", config, meta=False)
    model.train()  # type: ignore[attr-defined]
    params = {p.untyped_storage().data_ptr()
              for p in model.parameters()}  # type: ignore[attr-defined]
    saved: dict[int, int] = {}

    def pack(t: torch.Tensor) -> torch.Tensor:
        storage = t.untyped_storage()
        if storage.data_ptr() not in params:
            saved[storage.data_ptr()] = storage.nbytes()
        return t

    ids = torch.randint(5, vocab, (batch, seq))
    labels = torch.full((batch, seq), -100)
    labels[:, ::7] = ids[:, ::7]
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(input_ids=ids, labels=labels,  # type: ignore[operator]
              next_sentence_label=torch.zeros(batch, dtype=torch.long))
    measured = sum(saved.values()) + 2 * 4 * batch * seq * vocab
    estimate = estimate_memory(PRESETS[preset], vocab, batch, seq).activations
    assert 0.8 < estimate / measured < 1.1


# ---------------------------------------------------------------------------
# Folders
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tokenizer_dir(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [ln for ln in (shared_data / "wikitext-2" / "valid.txt")
             .read_text(encoding="utf-8").splitlines() if ln.strip()][:150]
    return train_wordpiece(lines, WordPieceSettings(vocab_size=400),
                           tmp_path_factory.mktemp("tok") / "tok")


@pytest.fixture(scope="module")
def saved(tokenizer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    import torch
    from transformers import BertForPreTraining

    tok = load_tokenizer(tokenizer_dir)
    torch.manual_seed(1)
    model = BertForPreTraining(bert_config(ModelSize(2, 32, 2, 64, 64), len(tok)))
    folder = save_model(model, tok, tmp_path_factory.mktemp("models") / "tiny")
    return model, folder


def _same_weights(a: object, b: object) -> bool:
    import torch

    sa, sb = a.state_dict(), b.state_dict()  # type: ignore[attr-defined]
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


def test_save_inspect_load_round_trip(saved: tuple) -> None:
    import torch
    from safetensors.torch import load_file

    model, folder = saved
    names = {p.name for p in folder.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "vocab.txt",
            "tokenizer_config.json"} <= names
    assert not any(n.endswith(".bin") for n in names)
    on_disk = load_file(folder / "model.safetensors")
    for name, param in model.state_dict().items():
        if name in on_disk:
            assert torch.equal(on_disk[name], param)
    info = inspect_model_folder(folder)
    assert info.model_type == "bert" and info.weights_format == "safetensors"
    assert info.weights_file == folder / "model.safetensors"
    assert info.parameter_count == _numel(model)
    assert info.tokenizer_present and info.problems == ()
    assert info.size == ModelSize(2, 32, 2, 64, 64) and info.vocab_size == len(
        load_tokenizer(folder))
    assert info.architectures == ("BertForPreTraining",)
    loaded = load_model(folder)
    assert type(loaded).__name__ == "BertForPreTraining"
    assert _same_weights(model, loaded)
    assert loaded.get_input_embeddings().weight.data_ptr() == \
        loaded.get_output_embeddings().weight.data_ptr()          # still tied
    classifier = load_model(folder, "sequence-classification", num_labels=3)
    assert classifier.classifier.weight.shape == (3, 32)
    assert torch.equal(classifier.bert.embeddings.word_embeddings.weight,
                       model.bert.embeddings.word_embeddings.weight)


def test_save_replaces_model_but_not_other_files(saved: tuple, tmp_path: Path) -> None:
    model, folder = saved
    target = shutil.copytree(folder, tmp_path / "copy")
    (target / "config.json").write_text("{broken", encoding="utf-8")
    save_model(model, None, target)                 # replaces the whole folder
    assert inspect_model_folder(target, require_tokenizer=False).problems   # no tokenizer now
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]           # nothing left over
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="already holds other files.*notes.txt"):
        save_model(model, None, docs)
    assert (docs / "notes.txt").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize(("remove", "words"), [
    (["config.json"], "no config.json"),
    (["model.safetensors"], "model.safetensors .*is missing"),
])
def test_missing_files_are_named(saved: tuple, tmp_path: Path, remove: list[str],
                                 words: str) -> None:
    _, folder = saved
    target = shutil.copytree(folder, tmp_path / "m")
    for name in remove:
        (target / name).unlink()
    with pytest.raises(WorkbenchError, match=words):
        inspect_model_folder(target)
    with pytest.raises(WorkbenchError, match=words):
        load_model(target)


def test_missing_tokenizer_is_named(saved: tuple, tmp_path: Path) -> None:
    _, folder = saved
    target = shutil.copytree(folder, tmp_path / "m")
    for name in ("tokenizer.json", "vocab.txt"):
        (target / name).unlink()
    info = inspect_model_folder(target)
    assert not info.tokenizer_present and "tokenizer.json" in info.problems[0]
    with pytest.raises(WorkbenchError, match="tokenizer.json .*is missing"):
        inspect_model_folder(target, require_tokenizer=True)
    with pytest.raises(WorkbenchError, match="tokenizer.json .*is missing"):
        load_tokenizer(target)


def test_other_folder_problems(saved: tuple, tmp_path: Path) -> None:
    _, folder = saved
    with pytest.raises(WorkbenchError, match="does not exist"):
        inspect_model_folder(tmp_path / "nowhere")
    target = shutil.copytree(folder, tmp_path / "m")
    (target / "config.json").write_text('{"model_type": "bert",\n "vocab_size": }',
                                        encoding="utf-8")
    with pytest.raises(WorkbenchError, match="config.json is not valid JSON \\(line 2"):
        inspect_model_folder(target)
    (target / "config.json").write_text('{"model_type": "my-own-arch"}', encoding="utf-8")
    with pytest.raises(WorkbenchError, match="trust_remote_code"):
        load_model(target)
    with pytest.raises(ParameterError, match="never used"):
        load_model(folder, trust_remote_code=True)
    with pytest.raises(ParameterError, match="Unknown model head"):
        load_model(folder, "translation")
    (target / "model.safetensors").write_bytes(b"\x10\x00")
    shutil.copy(folder / "config.json", target / "config.json")
    with pytest.raises(WorkbenchError, match="not a valid safetensors file"):
        inspect_model_folder(target)


def test_missing_shard_is_named(saved: tuple, tmp_path: Path) -> None:
    _, folder = saved
    target = shutil.copytree(folder, tmp_path / "m")
    (target / "model.safetensors").rename(target / "model-00001-of-00002.safetensors")
    index = {"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors",
                                            "b": "model-00002-of-00002.safetensors"}}
    (target / "model.safetensors.index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(WorkbenchError, match="model-00002-of-00002.safetensors is missing"):
        inspect_model_folder(target)


def test_bin_weights_load_with_weights_only(saved: tuple, tmp_path: Path) -> None:
    import torch

    model, folder = saved
    target = shutil.copytree(folder, tmp_path / "m")
    (target / "model.safetensors").unlink()
    torch.save(model.state_dict(), target / "pytorch_model.bin")
    info = inspect_model_folder(target)
    assert info.weights_format == "bin" and info.parameter_count == _numel(model)
    assert _same_weights(model, load_model(target))


_SIDE_EFFECTS: list[str] = []


def _record(what: str) -> list[str]:
    _SIDE_EFFECTS.append(what)
    return _SIDE_EFFECTS


class _Payload:
    """Unpickling this object would call _record: code running from a weights file."""

    def __reduce__(self) -> tuple:
        return (_record, ("unpickled",))


def test_bin_with_pickled_object_is_refused(saved: tuple, tmp_path: Path) -> None:
    import torch

    model, folder = saved
    target = shutil.copytree(folder, tmp_path / "m")
    (target / "model.safetensors").unlink()
    state = dict(model.state_dict())
    state["payload"] = _Payload()
    torch.save(state, target / "pytorch_model.bin")
    for call in (inspect_model_folder, load_model):
        with pytest.raises(WorkbenchError, match="weights_only=True") as info:
            call(target)
        assert "pytorch_model.bin" in str(info.value)
    assert _SIDE_EFFECTS == []
