"""GloVe: co-occurrence counts, gradients, training, progress and cancellation."""

from __future__ import annotations

import gzip
import itertools
import random
import re
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pytest

import workbench.core.static.glove as glove
from workbench.core.errors import CorpusError, ParameterError
from workbench.core.static.glove import (
    GloveParams,
    build_vocabulary,
    count_cooccurrences,
    fit_glove,
    train_glove,
)
from workbench.core.static.result import EpochReport, StaticTrainResult, StepReport
from workbench.core.tasks import Cancelled, RecordingProgress

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread() -> Iterator[None]:
    """One intra-op thread: on a busy 2-core machine OpenMP's barriers make two far slower."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    default_threads = glove._default_threads
    glove._default_threads = lambda: 1   # GloveParams(threads=None) means "one per core"
    yield
    glove._default_threads = default_threads
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def slice_file(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 12,000 lines of Brown, lower-cased words (~240k tokens)."""
    src = shared_data / "nltk-english-corpora" / "plain" / "brown.txt.gz"
    out = tmp_path_factory.mktemp("glove") / "brown_slice.txt"
    with gzip.open(src, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in itertools.islice(f, 12_000):
            tokens = WORD.findall(line.lower())
            if tokens:
                w.write(" ".join(tokens) + "\n")
    return out


PARAMS = GloveParams(vector_size=30, window=6, min_count=8, epochs=6, batch_size=8192,
                     seed=3, device="cpu")


@pytest.fixture(scope="module")
def trained(slice_file: Path) -> tuple[StaticTrainResult, RecordingProgress]:
    progress = RecordingProgress()
    return train_glove(slice_file, PARAMS, progress=progress), progress


# --------------------------------------------------------------------------- co-occurrences

def _brute_force(lines: list[str], vocab: tuple[str, ...], window: int,
                 symmetric: bool) -> dict[tuple[int, int], float]:
    index = {w: i for i, w in enumerate(vocab)}
    counts: dict[tuple[int, int], float] = {}
    for line in lines:
        ids = [index[t] for t in line.split() if t in index]   # OOV removed first (cooccur.c)
        for k, center in enumerate(ids):
            for d in range(1, window + 1):
                if k + d < len(ids):
                    right = ids[k + d]
                    counts[(center, right)] = counts.get((center, right), 0.0) + 1.0 / d
                    if symmetric:
                        counts[(right, center)] = counts.get((right, center), 0.0) + 1.0 / d
    return counts


def test_cooccurrence_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "toy.txt"
    path.write_text("a b c\nc a\n", encoding="utf-8")
    vocab = build_vocabulary(path, min_count=1)
    assert vocab.words == ("a", "c", "b") and vocab.counts.tolist() == [2, 2, 1]
    a, c, b = 0, 1, 2
    left = count_cooccurrences(path, vocab, window=2, symmetric=False).to_dict()
    # line 1: a-b at distance 1, b-c at 1, a-c at 2; line 2: c-a at 1
    assert left == {(a, b): 1.0, (b, c): 1.0, (a, c): 0.5, (c, a): 1.0}
    sym = count_cooccurrences(path, vocab, window=2, symmetric=True).to_dict()
    assert sym == {(a, b): 1.0, (b, a): 1.0, (b, c): 1.0, (c, b): 1.0,
                   (a, c): 1.5, (c, a): 1.5}
    one = count_cooccurrences(path, vocab, window=1, symmetric=True).to_dict()
    assert (a, c) in one and one[(a, c)] == 1.0   # only the second line's adjacent pair


@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("small_blocks", [False, True])
def test_cooccurrence_equals_brute_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         symmetric: bool, small_blocks: bool) -> None:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    lines = [" ".join(rng.choice(words[: rng.choice([5, 40])])
                      for _ in range(rng.choice([0, 1, 2, 3, 8, 25, 150])))
             for _ in range(250)]
    path = tmp_path / "random.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if small_blocks:   # blocks cut inside lines; runs merged several times
        monkeypatch.setattr(glove, "_BLOCK_EVENTS", 60)
        monkeypatch.setattr(glove, "_MERGE_AT", 500)
    vocab = build_vocabulary(path, min_count=100)   # rare words are OOV and dropped
    assert 0 < len(vocab) < 40
    for window in (1, 4, 10):
        cooc = count_cooccurrences(path, vocab, window, symmetric)
        got = cooc.to_dict()
        expected = _brute_force(lines, vocab.words, window, symmetric)
        assert got.keys() == expected.keys()
        np.testing.assert_allclose([got[k] for k in expected], list(expected.values()),
                                   rtol=1e-12)
        assert cooc.nnz == len(expected) and len(set(zip(cooc.rows, cooc.cols))) == cooc.nnz
        if symmetric:
            assert all(got[(j, i)] == v for (i, j), v in got.items())


def test_cooccurrence_progress_and_cancel(slice_file: Path) -> None:
    vocab = build_vocabulary(slice_file, min_count=5)
    progress = RecordingProgress()
    count_cooccurrences(slice_file, vocab, 5, progress=progress)
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 2
    with pytest.raises(Cancelled):
        count_cooccurrences(slice_file, vocab, 5, progress=RecordingProgress(cancel_after=1))


# --------------------------------------------------------------------------- loss and gradient

def _toy_problem(dtype: Any) -> tuple[Any, ...]:
    import torch

    gen = torch.Generator().manual_seed(0)
    V, D = 7, 4
    W = torch.randn(V, D, generator=gen, dtype=dtype)
    C = torch.randn(V, D, generator=gen, dtype=dtype)
    bw = torch.randn(V, generator=gen, dtype=dtype)
    bc = torch.randn(V, generator=gen, dtype=dtype)
    rows = torch.tensor([0, 0, 1, 2, 3, 3, 5, 6, 6, 4])     # repeated rows and columns
    cols = torch.tensor([1, 2, 2, 0, 3, 4, 6, 1, 0, 4])
    x = torch.tensor([1.0, 0.5, 250.0, 3.0, 99.0, 101.0, 0.2, 7.0, 40.0, 2.5], dtype=dtype)
    return W, C, bw, bc, rows, cols, x


def test_loss_gradient_matches_autograd() -> None:
    import torch

    W, C, bw, bc, rows, cols, x = _toy_problem(torch.float64)
    params = [t.clone().requires_grad_(True) for t in (W, C, bw, bc)]

    def loss(*p: Any) -> Any:
        return glove.glove_loss(*p, rows, cols, x, x_max=100.0, alpha=0.75)

    assert torch.autograd.gradcheck(loss, tuple(params))
    auto = torch.autograd.grad(loss(*params), params)
    hand = glove.glove_gradients(W, C, bw, bc, rows, cols, x, x_max=100.0, alpha=0.75)
    for a, h in zip(auto, hand):
        torch.testing.assert_close(h, a, rtol=1e-12, atol=1e-12)
    # The loss is the paper's: f(x) = (x / x_max) ** alpha below x_max, else 1.
    f = torch.where(x < 100, (x / 100) ** 0.75, torch.ones_like(x))
    diff = (W[rows] * C[cols]).sum(1) + bw[rows] + bc[cols] - torch.log(x)
    torch.testing.assert_close(loss(W, C, bw, bc), (f * diff ** 2).sum())


def test_sparse_update_equals_torch_adagrad(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    rng = random.Random(1)
    words = [f"w{i}" for i in range(60)]
    path.write_text("\n".join(" ".join(rng.choice(words) for _ in range(20))
                              for _ in range(200)) + "\n", encoding="utf-8")
    cooc = count_cooccurrences(path, build_vocabulary(path, 1), 5)
    params = GloveParams(vector_size=8, epochs=3, batch_size=500, min_count=1, device="cpu")
    sparse, ep_s = fit_glove(cooc, params, optimizer="sparse")
    dense, ep_d = fit_glove(cooc, params, optimizer="dense")
    np.testing.assert_allclose(sparse, dense, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose([e.loss for e in ep_s], [e.loss for e in ep_d], rtol=1e-5)


# --------------------------------------------------------------------------- training

def test_training_result_shapes_progress_and_loss(trained: Any, slice_file: Path) -> None:
    result, progress = trained
    emb = result.embeddings
    vocab = build_vocabulary(slice_file, PARAMS.min_count)
    assert emb.words == list(vocab.words) and emb.vectors.shape == (len(vocab), 30)
    assert emb.vectors.dtype == np.float32 and np.isfinite(emb.vectors).all()
    assert emb.counts is not None and list(emb.counts) == sorted(emb.counts, reverse=True)
    assert emb.counts.min() >= PARAMS.min_count and emb.words[0] == "the"
    assert result.model is None and not result.cancelled
    assert result.params["algorithm"] == "glove" and result.params["vector_size"] == 30
    assert result.params["cooccurrence_cells"] > 0 and result.params["device_used"] == "cpu"
    # One EpochReport per epoch, loss falling; several StepReports per epoch.
    epochs = [p for p in progress.partials if isinstance(p, EpochReport)]
    steps = [p for p in progress.partials if isinstance(p, StepReport)]
    assert [e.epoch for e in epochs] == list(range(PARAMS.epochs)) == \
        [e.epoch for e in result.epochs]
    losses = [e.loss for e in epochs]
    assert all(b < a for a, b in zip(losses, losses[1:])), losses
    assert losses[-1] < 0.7 * losses[0]
    for epoch in range(PARAMS.epochs):
        assert sum(s.epoch == epoch for s in steps) >= 3
    assert all(s.loss is not None and s.loss > 0 for s in steps)
    assert [s.fraction for s in steps] == sorted(s.fraction for s in steps)
    assert steps[-1].fraction == pytest.approx(1.0)
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions[-1] == 1.0 and all(0 <= f <= 1 for f in fractions)
    assert fractions == sorted(fractions)


def test_similar_words_are_closer_than_random_pairs(trained: Any) -> None:
    emb = trained[0].embeddings
    numbers = [w for w in ("two", "three", "four", "five", "six", "seven", "eight", "ten")
               if w in emb]
    pronouns = [w for w in ("he", "she", "they", "we", "i", "you") if w in emb]
    assert len(numbers) >= 6 and len(pronouns) >= 5
    unit = emb.unit

    def mean_cos(words: list[str]) -> float:
        rows = [emb.index(w) for w in words]
        return float(np.mean([unit[a] @ unit[b] for a, b in itertools.combinations(rows, 2)]))

    rng = np.random.default_rng(0)
    pairs = rng.choice(min(len(emb), 2000), size=(400, 2))
    random_cos = float(np.mean([unit[a] @ unit[b] for a, b in pairs if a != b]))
    assert mean_cos(numbers) > random_cos + 0.25
    assert mean_cos(pronouns) > random_cos + 0.15


def test_same_seed_same_vectors(slice_file: Path) -> None:
    params = GloveParams(vector_size=10, window=3, min_count=40, epochs=1, batch_size=4096,
                         seed=11, device="cpu")
    a = train_glove(slice_file, params).embeddings.vectors
    b = train_glove(slice_file, params).embeddings.vectors
    np.testing.assert_array_equal(a, b)


class _CancelInEpoch(RecordingProgress):
    """Cancels at the first StepReport of epoch ``epoch``."""

    def __init__(self, epoch: int) -> None:
        super().__init__()
        self.epoch = epoch

    def partial(self, result: Any) -> None:
        super().partial(result)
        if isinstance(result, StepReport) and result.epoch == self.epoch:
            self.token.cancel()


def test_cancel_mid_epoch_keeps_the_last_finished_epoch(slice_file: Path) -> None:
    params = GloveParams(vector_size=12, window=4, min_count=20, epochs=4, batch_size=2048,
                         seed=5, device="cpu")
    progress = _CancelInEpoch(epoch=1)
    with pytest.raises(Cancelled) as info:
        train_glove(slice_file, params, progress=progress)
    kept = info.value.result
    assert isinstance(kept, StaticTrainResult) and kept.cancelled
    assert [e.epoch for e in kept.epochs] == [0]
    # Epoch 1 of a longer run is exactly a one-epoch run with the same seed.
    one = train_glove(slice_file, GloveParams(**{**params.as_dict(), "epochs": 1}))
    np.testing.assert_array_equal(kept.embeddings.vectors, one.embeddings.vectors)
    assert kept.embeddings.words == one.embeddings.words
    # It stopped within a batch of the request, long before the end of epoch 2.
    steps = [p for p in progress.partials if isinstance(p, StepReport)]
    assert steps[-1].epoch == 1 and steps[-1].fraction < 0.5


def test_cancel_before_the_first_epoch_keeps_nothing(slice_file: Path) -> None:
    for after in (1, 3):   # during the vocabulary pass, during the co-occurrence count
        with pytest.raises(Cancelled) as info:
            train_glove(slice_file, PARAMS, progress=RecordingProgress(cancel_after=after))
        assert info.value.result is None
    progress = _CancelInEpoch(epoch=0)
    with pytest.raises(Cancelled) as info:
        train_glove(slice_file, PARAMS, progress=progress)
    assert info.value.result is None


# --------------------------------------------------------------------------- errors

def test_empty_vocabulary_is_a_parameter_error(tmp_path: Path, slice_file: Path) -> None:
    with pytest.raises(ParameterError, match="min_count=10000000"):
        train_glove(slice_file, GloveParams(min_count=10_000_000))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="holds no words"):
        train_glove(empty, GloveParams())
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("a\nb\na\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="co-occurrence matrix is empty"):
        train_glove(lonely, GloveParams(min_count=1))


def test_bad_corpus_files(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        train_glove(tmp_path / "missing.txt", GloveParams())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"good words\nbad \xff\xfe bytes\n")
    with pytest.raises(CorpusError, match="Line 2"):
        train_glove(bad, GloveParams(min_count=1))


@pytest.mark.parametrize("field,value", [
    ("vector_size", 0), ("window", 0), ("min_count", 0), ("epochs", 0), ("batch_size", 0),
    ("x_max", 0.0), ("alpha", -1.0), ("learning_rate", float("nan")), ("device", "tpu"),
    ("max_vocab", 0), ("symmetric", "yes"), ("vector_size", 2.5), ("seed", -1)])
def test_invalid_parameters(field: str, value: Any) -> None:
    with pytest.raises(ParameterError, match=field):
        GloveParams(**{field: value})


def test_unavailable_device(slice_file: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("CUDA is available here")
    with pytest.raises(ParameterError, match="cuda"):
        train_glove(slice_file, GloveParams(device="cuda"))
    assert glove.resolve_device("auto") == "cpu"


@pytest.mark.gpu
def test_cuda_training_matches_cpu_quality(slice_file: Path) -> None:
    import torch

    if not torch.cuda.is_available():
        pytest.skip("no CUDA GPU")
    params = GloveParams(**{**PARAMS.as_dict(), "device": "cuda"})
    result = train_glove(slice_file, params)
    assert result.params["device_used"] == "cuda"
    losses = [e.loss for e in result.epochs]
    assert losses[-1] < 0.7 * losses[0]


# --------------------------------------------------------------------------- threads, evaluation

def _tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    rng = random.Random(0)
    words = [f"w{i}" for i in range(40)]
    path.write_text("\n".join(" ".join(rng.choices(words, k=12)) for _ in range(300)) + "\n",
                    encoding="utf-8")
    return path


def test_threads_are_set_for_the_run_and_restored(tmp_path: Path) -> None:
    import torch

    corpus = _tiny_corpus(tmp_path)
    seen: list[int] = []
    before = torch.get_num_threads()
    want = 3 if before != 3 else 2
    result = train_glove(corpus, GloveParams(vector_size=4, window=2, min_count=1, epochs=2,
                                             device="cpu", threads=want),
                         on_epoch=lambda epoch, emb: seen.append(torch.get_num_threads()))
    assert seen == [want, want]
    assert torch.get_num_threads() == before
    assert result.params["threads"] == want
    # None: one thread per core (made 1 by this module's fixture), recorded as used.
    result = train_glove(corpus, GloveParams(vector_size=4, window=2, min_count=1, epochs=1,
                                             device="cpu"),
                         on_epoch=lambda epoch, emb: seen.append(torch.get_num_threads()))
    assert seen[-1] == 1 and result.params["threads"] == 1
    assert torch.get_num_threads() == before
    with pytest.raises(ParameterError, match="threads"):
        GloveParams(threads=0)


def test_a_failing_run_restores_the_thread_count(tmp_path: Path) -> None:
    import torch

    before = torch.get_num_threads()

    def boom(epoch: int, emb: Any) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        train_glove(_tiny_corpus(tmp_path), GloveParams(
            vector_size=4, window=2, min_count=1, epochs=2, device="cpu", threads=before + 1),
            on_epoch=boom)
    assert torch.get_num_threads() == before


def test_evaluate_and_early_stopping_keep_the_best_epoch(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path)
    scores = iter([0.1, 0.4, 0.3, 0.2, 0.9, 0.9])
    snapshots: dict[int, np.ndarray] = {}
    params = GloveParams(vector_size=4, window=2, min_count=1, epochs=6, device="cpu", seed=2)
    progress = RecordingProgress()
    result = train_glove(corpus, params, progress=progress,
                         evaluate=lambda emb: {"fake": next(scores)}, patience=2,
                         on_epoch=lambda e, emb: snapshots.update({e: emb.vectors.copy()}))
    assert [e.evaluation for e in result.epochs] == [{"fake": 0.1}, {"fake": 0.4},
                                                     {"fake": 0.3}, {"fake": 0.2}]
    assert [e.evaluation for e in progress.partials if isinstance(e, EpochReport)] == \
        [e.evaluation for e in result.epochs]
    assert result.params["stopped_early"] and result.params["best_epoch"] == 1
    assert result.params["epochs_done"] == 4
    np.testing.assert_array_equal(result.embeddings.vectors, snapshots[1])
    # Without early stopping the run is the same as before, epoch by epoch.
    full = train_glove(corpus, GloveParams(**{**params.as_dict(), "epochs": 2}))
    np.testing.assert_array_equal(full.embeddings.vectors, snapshots[1])


def test_cancel_during_the_evaluation_keeps_the_epoch(tmp_path: Path) -> None:
    def evaluate(emb: Any) -> dict[str, float]:
        raise Cancelled()

    with pytest.raises(Cancelled) as info:
        train_glove(_tiny_corpus(tmp_path), GloveParams(vector_size=4, window=2, min_count=1,
                                                        epochs=3, device="cpu"),
                    evaluate=evaluate)
    kept = info.value.result
    assert kept is not None and kept.cancelled and [e.epoch for e in kept.epochs] == [0]


def test_bad_patience_is_refused_before_work(tmp_path: Path) -> None:
    progress = RecordingProgress()
    with pytest.raises(ParameterError, match="patience"):
        train_glove(_tiny_corpus(tmp_path), GloveParams(min_count=1), patience=0,
                    progress=progress)
    assert not progress.partials
