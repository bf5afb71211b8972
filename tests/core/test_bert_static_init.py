"""Static initialisation of BERT's word embeddings (workbench.core.bert.static_init)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from workbench.core.bert.models import ModelSize, bert_config
from workbench.core.bert.static_init import (
    StaticInitReport,
    freeze_embeddings_callback,
    init_word_embeddings,
)
from workbench.core.bert.tokenizer import load_tokenizer
from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat",
         "##s", "##ing", "dog", "cafe", "zebra", ".", "run", "paris"]
# Vector words: exact matches, cased/accented forms, two candidates for "paris", fillers.
WORDS = ["the", "cat", "Sat", "on", "mat", "dog", "Café", "Paris", "PARIS", "house", "cats"] \
    + [f"filler{i}" for i in range(20)]
COUNTS = [50, 9, 8, 40, 3, 7, 2, 5, 10, 4, 3] + [1] * 20
EXACT = {"the": "the", "cat": "cat", "on": "on", "mat": "mat", "dog": "dog"}
FOLDED = {"sat": "Sat", "cafe": "Café", "paris": "PARIS"}       # PARIS: the higher count
SIGMA = 0.02


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> object:
    folder = tmp_path_factory.mktemp("handmade")
    (folder / "vocab.txt").write_text("".join(t + "\n" for t in VOCAB), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(
        '{"tokenizer_class": "BertTokenizer", "do_lower_case": true}', encoding="utf-8")
    tok = load_tokenizer(folder)
    assert tok.convert_ids_to_tokens(list(range(len(VOCAB)))) == VOCAB
    return tok


def _emb(dim: int, seed: int = 0) -> Embeddings:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(len(WORDS), dim)) + rng.normal(size=dim) * 3   # shared offset
    return Embeddings(WORDS, vectors.astype(np.float32), np.array(COUNTS))


def _model(hidden: int = 8, vocab: int = len(VOCAB)) -> object:
    import torch
    from transformers import BertForMaskedLM

    torch.manual_seed(0)
    return BertForMaskedLM(bert_config(ModelSize(1, hidden, 2, 16, 32), vocab))


def _weight(model: object) -> np.ndarray:
    return model.get_input_embeddings().weight.detach().numpy().copy()  # type: ignore[attr-defined]


def _sources(emb: Embeddings) -> dict[str, np.ndarray]:
    """Token -> the static vector it must get (by the stated rules, written out by hand)."""
    pairs = {**EXACT, **FOLDED}
    return {tok: emb.vector(word).astype(np.float64) for tok, word in pairs.items()}


def _ids(tokens: list[str]) -> list[int]:
    return [VOCAB.index(t) for t in tokens]


def _scaled(rows: np.ndarray) -> np.ndarray:
    return rows * (SIGMA / np.sqrt(np.mean(rows ** 2)))


def test_same_size_copies_centred_scaled_rows(tokenizer: object) -> None:
    emb = _emb(8)
    model = _model(8)
    before = _weight(model)
    report = init_word_embeddings(model, tokenizer, emb)
    after = _weight(model)
    sources = _sources(emb)
    tokens = sorted(sources, key=VOCAB.index)
    expected = _scaled(np.stack([sources[t] for t in tokens]) - emb.vectors.mean(axis=0))
    np.testing.assert_allclose(after[_ids(tokens)], expected, rtol=1e-5, atol=1e-7)
    untouched = [i for i in range(len(VOCAB)) if VOCAB[i] not in sources]
    np.testing.assert_array_equal(after[untouched], before[untouched])
    assert report == StaticInitReport(
        vocab_size=18, whole_word_rows=8, subword_rows=0, random_rows=10,
        vocab_coverage=8 / 18, corpus_coverage=None, projection="none", source_dim=8,
        hidden=8, scale=pytest.approx(report.scale), case_folded_rows=3, special_rows=5)
    assert np.sqrt(np.mean(after[_ids(tokens)] ** 2)) == pytest.approx(SIGMA, rel=1e-5)
    assert "8 whole words" in report.describe()
    # The MLM decoder is tied to the embeddings and moved with them.
    assert np.array_equal(model.get_output_embeddings().weight.detach().numpy(), after)


def test_pca_when_vectors_are_larger(tokenizer: object) -> None:
    from sklearn.decomposition import PCA

    emb = _emb(12)
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb)
    assert report.projection == "pca" and (report.source_dim, report.hidden) == (12, 8)
    sources = _sources(emb)
    tokens = sorted(sources, key=VOCAB.index)
    pca = PCA(n_components=8, svd_solver="full").fit(emb.vectors.astype(np.float64))
    expected = _scaled(pca.transform(np.stack([sources[t] for t in tokens])))
    got = _weight(model)[_ids(tokens)]
    for j in range(8):                    # principal axes are defined up to their sign
        sign = np.sign(np.dot(got[:, j], expected[:, j]))
        np.testing.assert_allclose(got[:, j], sign * expected[:, j], rtol=1e-4, atol=1e-6)


def test_zero_pad_when_vectors_are_smaller(tokenizer: object) -> None:
    emb = _emb(5)
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb)
    assert report.projection == "zero-pad"
    sources = _sources(emb)
    tokens = sorted(sources, key=VOCAB.index)
    centred = np.stack([sources[t] for t in tokens]) - emb.vectors.mean(axis=0)
    expected = _scaled(np.hstack([centred, np.zeros((len(tokens), 3))]))
    np.testing.assert_allclose(_weight(model)[_ids(tokens)], expected, rtol=1e-5, atol=1e-7)


def _distances(x: np.ndarray) -> np.ndarray:
    return np.linalg.norm(x[:, None] - x[None], axis=-1)


def test_orthogonal_projection_keeps_distances(tokenizer: object) -> None:
    emb = _emb(5)
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb, projection="orthogonal", seed=3)
    assert report.projection == "orthogonal"
    sources = _sources(emb)
    tokens = sorted(sources, key=VOCAB.index)
    got = _weight(model)[_ids(tokens)] / report.scale
    src = np.stack([sources[t] for t in tokens])
    np.testing.assert_allclose(_distances(got), _distances(src), rtol=1e-4)


def test_subword_vectors_and_coverage(tokenizer: object) -> None:
    emb = _emb(8)
    pieces = {"s": np.full(8, 0.5), "ing": np.arange(8.0), "run": -np.ones(8)}
    calls: list[str] = []

    def subword(piece: str) -> np.ndarray | None:
        calls.append(piece)
        return pieces.get(piece)

    texts = ["the cat sat on the mat", "the dogs run", "zebra ."]
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb, subword_vector=subword, texts=texts)
    assert (report.whole_word_rows, report.subword_rows, report.random_rows) == (8, 3, 7)
    assert report.vocab_coverage == pytest.approx(11 / 18)
    # Hand count: 12 tokens (the cat sat on the mat | the dog ##s run | zebra .);
    # covered: all 6 | all 4 | none.
    assert report.corpus_tokens == 12 and report.corpus_coverage == pytest.approx(10 / 12)
    assert sorted(calls) == sorted(["s", "ing", "zebra", ".", "run"])     # without "##"
    mean = emb.vectors.mean(axis=0)
    tokens = sorted({**_sources(emb), "##s": 0, "##ing": 0, "run": 0}, key=VOCAB.index)
    vec = {**_sources(emb), "##s": pieces["s"], "##ing": pieces["ing"], "run": pieces["run"]}
    expected = _scaled(np.stack([vec[t] for t in tokens]) - mean)
    np.testing.assert_allclose(_weight(model)[_ids(tokens)], expected, rtol=1e-5, atol=1e-7)
    # Without subword vectors: fewer rows, corpus coverage 8 of 12; token counts work too.
    plain = init_word_embeddings(_model(8), tokenizer, emb, texts=texts)
    assert plain.corpus_coverage == pytest.approx(8 / 12)
    counts = init_word_embeddings(_model(8), tokenizer, emb,
                                  token_counts=Counter({5: 10, 1: 5, 14: 5}))
    assert counts.corpus_coverage == pytest.approx(0.5) and counts.corpus_tokens == 20


def test_std_of_initialised_rows(tokenizer: object) -> None:
    rng = np.random.default_rng(1)
    words = [w for w in VOCAB[5:] if not w.startswith("##")]
    emb = Embeddings(words, rng.normal(size=(len(words), 64)).astype(np.float32))
    model = _model(64)
    init_word_embeddings(model, tokenizer, emb)
    rows = _weight(model)[_ids(words)]
    assert model.config.initializer_range == SIGMA
    assert rows.std() == pytest.approx(SIGMA, rel=0.1)
    random_rows = _weight(model)[:5]
    assert random_rows.std() == pytest.approx(SIGMA, rel=0.25)     # same size as the init


def test_fasttext_subwords(tokenizer: object) -> None:
    """With gensim fastText, ## pieces get the n-gram vector of the bare piece."""
    from gensim.models import FastText

    sentences = [["the", "cat", "sat", "on", "the", "mat"], ["dogs", "running", "cats"]] * 20
    ft = FastText(sentences, vector_size=8, min_count=1, epochs=2, bucket=2000, seed=1,
                  workers=1)
    emb = Embeddings(list(ft.wv.index_to_key), ft.wv.vectors.copy())
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb, subword_vector=ft.wv.__getitem__)
    # every non-special token gets a vector: whole words or n-gram compositions
    assert report.whole_word_rows + report.subword_rows == 13
    mean = emb.vectors.mean(axis=0)
    got = _weight(model)[VOCAB.index("##ing")] / report.scale
    np.testing.assert_allclose(got, ft.wv["ing"] - mean, rtol=1e-4, atol=1e-5)


def test_bad_calls(tokenizer: object) -> None:
    emb = _emb(8)
    with pytest.raises(ParameterError, match="Unknown projection"):
        init_word_embeddings(_model(8), tokenizer, emb, projection="tsne")
    with pytest.raises(ParameterError, match="only 10 rows"):
        init_word_embeddings(_model(8, vocab=10), tokenizer, emb)
    with pytest.raises(ParameterError, match="returned 3 values for '##s'"):
        init_word_embeddings(_model(8), tokenizer, emb, subword_vector=lambda p: np.ones(3))
    with pytest.raises(ParameterError, match="not both"):
        init_word_embeddings(_model(8), tokenizer, emb, texts=["a"], token_counts={1: 1})
    with pytest.raises(ParameterError, match="whole number"):
        freeze_embeddings_callback(_model(8), -1)


@pytest.mark.parametrize("grad_accum", [1, 2])
def test_freeze_callback_in_a_real_training_loop(tmp_path: Path, grad_accum: int) -> None:
    import torch
    from transformers import Trainer, TrainerCallback, TrainingArguments

    model = _model(16, vocab=40)
    weight = model.get_input_embeddings().weight
    other = model.bert.encoder.layer[0].attention.self.query.weight
    start = (weight.detach().clone(), other.detach().clone())
    snapshots: list[tuple[torch.Tensor, torch.Tensor]] = []

    class Snapshot(TrainerCallback):
        def on_step_end(self, args: object, state: object, control: object,
                        **kwargs: object) -> None:
            snapshots.append((weight.detach().clone(), other.detach().clone()))

    gen = torch.Generator().manual_seed(0)
    data = [{"input_ids": ids, "labels": ids.clone()}
            for ids in torch.randint(5, 40, (64, 12), generator=gen)]
    args = TrainingArguments(
        output_dir=str(tmp_path), max_steps=5, per_device_train_batch_size=4,
        gradient_accumulation_steps=grad_accum, learning_rate=1e-2, weight_decay=0.1,
        warmup_steps=0, report_to=[], save_strategy="no", logging_strategy="no",
        use_cpu=True, disable_tqdm=True, dataloader_num_workers=0, seed=0)
    trainer = Trainer(model=model, args=args, train_dataset=data,
                      callbacks=[freeze_embeddings_callback(model, 2), Snapshot()])
    trainer.train()
    assert len(snapshots) == 5
    for emb_w, _ in snapshots[:2]:                       # steps 1 and 2: frozen
        assert torch.equal(emb_w, start[0])
    assert not torch.equal(snapshots[0][1], start[1])    # ... while the rest trains
    assert not torch.equal(snapshots[2][0], snapshots[1][0])   # step 3 moves them
    assert not torch.equal(snapshots[4][0], snapshots[3][0])
    assert weight.requires_grad                          # restored after training


def test_oov_vector_of_the_embeddings_is_used(tokenizer: object) -> None:
    """Vectors with an ``oov_vector`` method (fastText .bin) serve ## pieces without a callable."""
    from workbench.core.errors import WorkbenchError

    class WithOov(Embeddings):
        def oov_vector(self, word: str) -> np.ndarray:
            if word == "ing":
                return np.arange(8.0)
            raise WorkbenchError(f"no n-grams for {word}")      # treated as "no vector"

    base = _emb(8)
    emb = WithOov(base.words, base.vectors, base.counts)
    model = _model(8)
    report = init_word_embeddings(model, tokenizer, emb)
    assert report.subword_rows == 1
    got = _weight(model)[VOCAB.index("##ing")] / report.scale
    np.testing.assert_allclose(got, np.arange(8.0) - emb.vectors.mean(axis=0), rtol=1e-5)


def test_cancel_changes_nothing(tokenizer: object) -> None:
    from workbench.core.tasks import Cancelled, RecordingProgress

    model = _model(8)
    before = _weight(model)
    with pytest.raises(Cancelled):
        init_word_embeddings(model, tokenizer, _emb(8), texts=["the cat"] * 3000,
                             progress=RecordingProgress(cancel_after=1))
    np.testing.assert_array_equal(_weight(model), before)
