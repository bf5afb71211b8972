"""word2vec / fastText training: loss, progress, cancel, saving, CLI, parity with gensim."""

from __future__ import annotations

import argparse
import gzip
import io
import re
import threading
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.static.result import EpochReport, StaticTrainResult, StepReport
from workbench.core.static.word2vec import (
    FastTextParams,
    Word2VecParams,
    fasttext_oov_vector,
    resume_training,
    train_fasttext,
    train_word2vec,
)
from workbench.core.tasks import CallbackProgress, Cancelled, RecordingProgress

_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
SMALL = dict(vector_size=24, window=3, negative=3, workers=2, seed=7)


def _write_tokenized(out: Path, sources: list[tuple[Path, int]]) -> Path:
    with open(out, "w", encoding="utf-8") as f:
        for path, max_lines in sources:
            with gzip.open(path, "rt", encoding="utf-8") as src:
                for i, line in enumerate(src):
                    if i >= max_lines:
                        break
                    tokens = _TOKEN.findall(line.lower())
                    if tokens:
                        f.write(" ".join(tokens) + "\n")
    return out


@pytest.fixture(scope="session")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~150k tokens of Brown and movie reviews, one tokenized sentence per line."""
    plain = shared_data / "nltk-english-corpora" / "plain"
    return _write_tokenized(tmp_path_factory.mktemp("w2v") / "corpus.txt",
                            [(plain / "brown.txt.gz", 4000),
                             (plain / "movie_reviews.txt.gz", 4000)])


def _steps(p: RecordingProgress) -> list[StepReport]:
    return [x for x in p.partials if isinstance(x, StepReport)]


def _epochs(p: RecordingProgress) -> list[EpochReport]:
    return [x for x in p.partials if isinstance(x, EpochReport)]


@pytest.mark.parametrize("arch", [{"sg": True}, {"sg": False},
                                  {"sg": True, "hs": True, "negative": 0}],
                         ids=["sg-ns", "cbow-ns", "sg-hs"])
def test_loss_decreases_per_epoch_and_is_not_cumulative(corpus: Path, arch: dict[str, Any]) -> None:
    progress = RecordingProgress()
    params = Word2VecParams(**{**SMALL, **arch, "epochs": 3})
    result = train_word2vec(corpus, params, progress=progress, piece_words=3000,
                            report_interval=0)

    losses = [e.loss for e in result.epochs]
    assert len(losses) == 3 and all(x is not None and x > 0 for x in losses)
    assert losses[0] > losses[1] > losses[2]
    # Deltas, not a running total: every epoch is of the same order as the first.
    assert losses[2] > 0.5 * losses[0]
    assert _epochs(progress) == result.epochs
    # The epoch loss is the mean of its parts: it lies within the range of its step losses.
    for epoch, report in enumerate(result.epochs):
        step_losses = [s.loss for s in _steps(progress) if s.epoch == epoch]
        assert step_losses and min(step_losses) - 1e-9 <= report.loss <= max(step_losses) + 1e-9
    # The model's own tally is the last epoch's sum, not a float32 total over the run.
    assert result.model.get_latest_training_loss() > 0


@pytest.mark.parametrize("sg", [False, True], ids=["cbow", "sg"])
def test_loss_equals_gensims_own_single_thread_tally(corpus: Path, sg: bool) -> None:
    """Our per-epoch loss is gensim's loss, also with two threads (where gensim's tally
    keeps only one thread's share)."""
    from gensim.models import Word2Vec

    kw = dict(SMALL, sg=sg, epochs=1, workers=1)
    model = Word2Vec(compute_loss=True, **{**kw, "sg": int(sg)})
    model.build_vocab(corpus_file=str(corpus))
    effective, _ = model.train(corpus_file=str(corpus), total_words=model.corpus_total_words,
                               epochs=1, compute_loss=True)
    per_example = 4 if sg else 1  # window 3 + 1: the mean number of pairs per word
    theirs = model.get_latest_training_loss() / effective / per_example
    for workers in (1, 2):
        ours = train_word2vec(corpus, Word2VecParams(**{**kw, "workers": workers}))
        assert ours.epochs[0].loss == pytest.approx(theirs, rel=0.02)


def test_vectors_vocabulary_and_counts_follow_gensim(corpus: Path) -> None:
    result = train_word2vec(corpus, Word2VecParams(**SMALL, epochs=1, min_count=3))
    emb, model = result.embeddings, result.model
    assert isinstance(emb, Embeddings)
    assert emb.words == list(model.wv.index_to_key)
    assert emb.vectors.shape == (len(model.wv), 24) and emb.vectors.dtype == np.float32
    np.testing.assert_array_equal(emb.vectors, model.wv.vectors)
    assert emb.counts is not None and list(emb.counts) == sorted(emb.counts, reverse=True)
    assert emb.counts.min() >= 3 and emb.words[0] == "the"
    # Counts are corpus frequencies (what gensim's own vocabulary scan finds).
    text = corpus.read_text(encoding="utf-8").split()
    assert emb.counts[emb.index("the")] == text.count("the")
    assert result.params["corpus_words"] == len(text)
    assert result.params["model"] == "word2vec" and not result.cancelled


def test_progress_fractions_and_partials(corpus: Path) -> None:
    progress = RecordingProgress()
    result = train_word2vec(corpus, Word2VecParams(**SMALL, epochs=2), progress=progress,
                            piece_words=2000, report_interval=0)
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions[-1] == 1.0
    assert all(b >= a - 1e-12 for a, b in zip(fractions, fractions[1:], strict=False))
    steps = _steps(progress)
    assert {s.epoch for s in steps} == {0, 1}
    assert all(b.fraction >= a.fraction for a, b in zip(steps, steps[1:], strict=False))
    assert steps[-1].fraction == pytest.approx(1.0)
    assert all(s.words_per_second > 0 and 0 < s.learning_rate <= 0.025 for s in steps)
    rates = [s.learning_rate for s in steps]
    assert rates == sorted(rates, reverse=True) and rates[-1] == pytest.approx(0.0001)
    assert steps[-1].eta_seconds is not None and steps[-1].eta_seconds == pytest.approx(0, abs=1e-6)
    epochs = _epochs(progress)
    assert [e.epoch for e in epochs] == [0, 1] and all(e.seconds > 0 for e in epochs)
    # Epoch reports come after that epoch's steps.
    order = [(type(x).__name__, x.epoch) for x in progress.partials]
    assert order.index(("EpochReport", 0)) < order.index(next(o for o in order if o[1] == 1))
    assert len(result.epochs) == 2


class _CancelWhen(CallbackProgress):
    """Cancels the first time ``predicate`` holds for a partial result; records when."""

    def __init__(self, predicate: Callable[[Any], bool]) -> None:
        self.partials: list[Any] = []
        self.cancelled_at: float | None = None
        self._predicate = predicate
        super().__init__(on_partial=self._on_partial)

    def _on_partial(self, obj: Any) -> None:
        self.partials.append(obj)
        if self.cancelled_at is None and self._predicate(obj):
            self.cancelled_at = time.perf_counter()
            self.token.cancel()


def test_cancel_mid_epoch_keeps_the_last_finished_epoch(corpus: Path) -> None:
    snapshots: dict[int, np.ndarray] = {}
    progress = _CancelWhen(lambda x: isinstance(x, StepReport) and x.epoch == 1)
    with pytest.raises(Cancelled) as info:
        train_word2vec(corpus, Word2VecParams(**SMALL, sg=True, epochs=4), progress=progress,
                       piece_words=2000, report_interval=0,
                       on_epoch=lambda e, emb: snapshots.__setitem__(e, emb.vectors.copy()))
    stopped = time.perf_counter()
    assert progress.cancelled_at is not None and stopped - progress.cancelled_at < 2.0
    result = info.value.result
    assert isinstance(result, StaticTrainResult) and result.cancelled
    assert len(result.epochs) == 1 and list(snapshots) == [0]
    np.testing.assert_array_equal(result.embeddings.vectors, snapshots[0])
    # The model is put back to the end of epoch 1 as well (resumable, consistent).
    np.testing.assert_array_equal(result.model.wv.vectors, snapshots[0])
    assert result.params["epochs_done"] == 1


class _Signal(CallbackProgress):
    """Records partial results and sets an event at the first StepReport."""

    def __init__(self) -> None:
        self.partials: list[Any] = []
        self.first_step = threading.Event()
        super().__init__(on_partial=self._on_partial)

    def _on_partial(self, obj: Any) -> None:
        self.partials.append(obj)
        if isinstance(obj, StepReport):
            self.first_step.set()


def test_cancel_from_another_thread_before_the_first_epoch_ends(corpus: Path) -> None:
    progress = _Signal()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            train_word2vec(corpus, Word2VecParams(**SMALL, sg=True, epochs=2),
                           progress=progress, piece_words=1000, report_interval=0)
        except Cancelled as exc:
            outcome["result"] = exc.result
            outcome["at"] = time.perf_counter()

    worker = threading.Thread(target=run)
    worker.start()
    assert progress.first_step.wait(60)
    cancelled_at = time.perf_counter()
    progress.token.cancel()
    worker.join(10)
    assert "at" in outcome and outcome["result"] is None
    assert outcome["at"] - cancelled_at < 2.0
    assert not any(isinstance(x, EpochReport) for x in progress.partials)


def test_resume_after_cancel_finishes_the_planned_epochs(corpus: Path) -> None:
    progress = _CancelWhen(lambda x: isinstance(x, EpochReport) and x.epoch == 0)
    with pytest.raises(Cancelled) as info:
        train_word2vec(corpus, Word2VecParams(**SMALL, epochs=3), progress=progress)
    kept = info.value.result
    assert kept is not None and len(kept.epochs) == 1
    recorder = RecordingProgress()
    resumed = resume_training(kept.model, corpus, progress=recorder)
    assert [e.epoch for e in resumed.epochs] == [1, 2]
    assert resumed.params["epochs_done"] == 3
    rates = [s.learning_rate for s in _steps(recorder)]
    assert rates[0] < 0.025 * 0.7 and rates[-1] == pytest.approx(0.0001)  # schedule continued
    with pytest.raises(ParameterError, match="already been trained for 3 epochs"):
        resume_training(resumed.model, corpus)


def test_fasttext_gives_vectors_for_unseen_words(corpus: Path) -> None:
    progress = RecordingProgress()
    result = train_fasttext(corpus, FastTextParams(**SMALL, epochs=1, bucket=20_000),
                            progress=progress)
    assert all(s.loss is None for s in _steps(progress)) and result.epochs[0].loss is None
    assert "glorioustastic" not in result.embeddings
    vec = fasttext_oov_vector(result.model, "glorioustastic")
    assert vec.shape == (24,) and np.isfinite(vec).all() and np.abs(vec).sum() > 0
    np.testing.assert_allclose(fasttext_oov_vector(result.model, "the"),
                               result.embeddings.vector("the"), rtol=1e-6)


def test_fasttext_cancel_puts_the_model_back_to_the_epoch_end(corpus: Path) -> None:
    progress = _CancelWhen(lambda x: isinstance(x, StepReport) and x.epoch == 1)
    with pytest.raises(Cancelled) as info:
        train_fasttext(corpus, FastTextParams(**SMALL, epochs=3, bucket=20_000),
                       progress=progress, piece_words=2000, report_interval=0)
    result = info.value.result
    assert result is not None and len(result.epochs) == 1
    assert result.params["model_restored_to_epoch_end"]
    # Word vectors recomposed from the restored vocabulary and n-gram rows are the kept ones.
    result.model.wv.adjust_vectors()
    np.testing.assert_allclose(result.model.wv.vectors, result.embeddings.vectors, rtol=1e-5,
                               atol=1e-6)


def test_word2vec_has_no_vector_for_unseen_words(corpus: Path) -> None:
    result = train_word2vec(corpus, Word2VecParams(**SMALL, epochs=1))
    with pytest.raises(WorkbenchError, match="only fastText"):
        fasttext_oov_vector(result.model, "glorioustastic")


def test_min_count_too_high_fails_before_training(corpus: Path) -> None:
    progress = RecordingProgress()
    with pytest.raises(ParameterError, match=r"No word occurs at least 10,000,000 times in "
                                             r"corpus\.txt.*lower min_count"):
        train_word2vec(corpus, Word2VecParams(**SMALL, min_count=10_000_000), progress=progress)
    assert not progress.partials


def test_empty_corpus_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="contains no words"):
        train_word2vec(path, Word2VecParams(**SMALL))


@pytest.mark.parametrize("kwargs,name", [
    (dict(vector_size=0), "vector_size"), (dict(window=0), "window"),
    (dict(min_count=0), "min_count"), (dict(alpha=0.0), "alpha"),
    (dict(min_alpha=0.5), "min_alpha"), (dict(epochs=0), "epochs"),
    (dict(workers=0), "workers"), (dict(sample=1.5), "sample"),
    (dict(hs=False, negative=0), "negative"), (dict(max_vocab=0), "max_vocab"),
    (dict(ns_exponent=float("nan")), "ns_exponent"), (dict(vector_size=2.5), "vector_size"),
])
def test_bad_parameters_name_the_parameter(kwargs: dict[str, Any], name: str) -> None:
    with pytest.raises(ParameterError, match=name):
        Word2VecParams(**kwargs)


def test_bad_fasttext_parameters() -> None:
    with pytest.raises(ParameterError, match="max_n"):
        FastTextParams(min_n=5, max_n=3)
    with pytest.raises(ParameterError, match="bucket"):
        FastTextParams(bucket=0)
    with pytest.raises(ParameterError, match="FastTextParams"):
        train_fasttext("x.txt", Word2VecParams())  # type: ignore[arg-type]


def test_evaluate_hook_and_early_stopping(corpus: Path) -> None:
    scores = iter([0.5, 0.6, 0.55, 0.52, 0.9, 0.9])
    seen: list[int] = []

    def evaluate(emb: Embeddings) -> dict[str, float]:
        seen.append(len(emb))
        return {"fake": next(scores)}

    result = train_word2vec(corpus, Word2VecParams(**SMALL, epochs=6), evaluate=evaluate,
                            patience=2)
    assert [e.evaluation["fake"] for e in result.epochs] == [0.5, 0.6, 0.55, 0.52]
    assert result.params["stopped_early"] and result.params["best_epoch"] == 1
    assert result.embeddings.source.endswith("epoch 2")


def test_save_and_load_the_gensim_model(corpus: Path, tmp_path: Path) -> None:
    from workbench.core.static.gensim_models import (
        UnsafePickleError,
        load_gensim_model,
        save_gensim_model,
    )

    result = train_fasttext(corpus, FastTextParams(**SMALL, epochs=1, bucket=5000))
    workspace = tmp_path / "ws"
    path = save_gensim_model(result.model, workspace / "runs" / "1" / "model.gensim")
    assert [p.name for p in path.parent.iterdir()] == ["model.gensim"]  # one file, no temp left
    loaded = load_gensim_model(path, workspace_root=workspace)
    np.testing.assert_array_equal(loaded.wv.vectors, result.model.wv.vectors)
    np.testing.assert_allclose(fasttext_oov_vector(loaded, "glorioustastic"),
                               fasttext_oov_vector(result.model, "glorioustastic"))

    outside = tmp_path / "elsewhere" / "model.gensim"
    save_gensim_model(result.model, outside)
    with pytest.raises(UnsafePickleError, match="outside the workspace"):
        load_gensim_model(outside, workspace_root=workspace)
    # A path that only looks as if it were inside is still outside.
    with pytest.raises(UnsafePickleError):
        load_gensim_model(workspace / ".." / "elsewhere" / "model.gensim", workspace_root=workspace)
    assert load_gensim_model(outside, workspace_root=workspace, allow_outside=True) is not None
    (workspace / "junk.gensim").write_bytes(b"not a pickle")
    with pytest.raises(WorkbenchError, match="cannot be read"):
        load_gensim_model(workspace / "junk.gensim", workspace_root=workspace)


def test_cli_trains_and_saves_vectors(corpus: Path, tmp_path: Path) -> None:
    from workbench.cli_static import add_train_command, run_train
    from workbench.core.static.formats import load_vectors

    parser = argparse.ArgumentParser(prog="workbench")
    add_train_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["train", "word2vec", str(corpus), "--pretokenized", "--out",
                              str(tmp_path / "out"), "--sg", "--dim", "16", "--epochs", "2",
                              "--window", "3", "--workers", "2", "--save-model",
                              "--format", "word2vec-bin"])
    out, err = io.StringIO(), io.StringIO()
    assert run_train(args, out=out, err=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("epoch 1/2  loss ") and lines[1].startswith("epoch 2/2  loss ")
    emb = load_vectors(tmp_path / "out" / "vectors.bin")
    assert emb.dim == 16 and emb.words[0] == "the"
    assert (tmp_path / "out" / "model.gensim").is_file()

    bad = parser.parse_args(["train", "fasttext", str(corpus), "--pretokenized", "--out",
                             str(tmp_path / "out2"), "--min-count", "0"])
    err = io.StringIO()
    assert run_train(bad, out=io.StringIO(), err=err) == 2
    assert "min_count" in err.getvalue()


def test_cli_tokenizes_a_raw_corpus_through_the_corpus_core(shared_data: Path,
                                                           tmp_path: Path) -> None:
    from workbench.cli_static import add_train_command, run_train

    raw = tmp_path / "raw.txt"
    with gzip.open(shared_data / "nltk-english-corpora" / "plain" / "brown.txt.gz", "rt",
                   encoding="utf-8") as src:
        raw.write_text("".join(next(src) for _ in range(1500)), encoding="utf-8")
    parser = argparse.ArgumentParser(prog="workbench")
    add_train_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["train", "word2vec", str(raw), "--out", str(tmp_path / "o"),
                              "--dim", "8", "--epochs", "1", "--format", "glove",
                              "--workspace", str(tmp_path / "ws"), "--quiet"])
    out, err = io.StringIO(), io.StringIO()
    assert run_train(args, out=out, err=err) == 0, err.getvalue()
    assert "Saved" in out.getvalue() and (tmp_path / "o" / "vectors.glove.txt").is_file()
    assert any((tmp_path / "ws" / "cache").rglob("*")), "the tokenized corpus is cached"


def test_cli_evaluates_each_epoch_and_sets_glove_threads(corpus: Path, tmp_path: Path) -> None:
    from workbench.cli_static import add_train_command, run_train
    from workbench.core.workspace import Workspace

    parser = argparse.ArgumentParser(prog="workbench")
    add_train_command(parser.add_subparsers(dest="command"))
    ws = tmp_path / "ws"
    args = parser.parse_args(["train", "word2vec", str(corpus), "--pretokenized", "--out",
                              str(tmp_path / "out"), "--dim", "8", "--epochs", "2",
                              "--workers", "1", "--evaluate", "ws353", "--patience", "3",
                              "--workspace", str(ws)])
    out, err = io.StringIO(), io.StringIO()
    assert run_train(args, out=out, err=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert all("ws353 Spearman" in line for line in lines[:2]), lines
    (run,) = Workspace(ws).runs.list()
    assert run.params["patience"] == 3 and run.params["evaluation"]["benchmark"] == "ws353"
    scores = [e["ws353 Spearman"] for e in run.metrics["evaluation"]]
    assert lines[1].endswith(f"ws353 Spearman {scores[1]:.4f}")

    tiny = tmp_path / "tok.txt"
    tiny.write_text("the cat sat on the mat\nthe dog sat on the log\n" * 30)
    args = parser.parse_args(["train", "glove", str(tiny), "--pretokenized", "--out",
                              str(tmp_path / "g"), "--dim", "4", "--epochs", "1",
                              "--min-count", "1", "--window", "2", "--threads", "1",
                              "--device", "cpu", "--workspace", str(ws)])
    assert run_train(args, out=io.StringIO(), err=err) == 0, err.getvalue()
    assert Workspace(ws).runs.list()[0].params["threads"] == 1
    bad = parser.parse_args(["train", "fasttext", str(tiny), "--pretokenized", "--out",
                             str(tmp_path / "f"), "--patience", "2", "--workspace", str(ws)])
    err = io.StringIO()
    assert run_train(bad, out=io.StringIO(), err=err) == 2
    assert "error: Early stopping of fastText needs an evaluation" in err.getvalue()


def test_cli_helpers_turn_ctrl_c_into_a_cancel_and_outcomes_into_exit_codes() -> None:
    import os
    import signal

    from workbench.cli import (
        EXIT_CANCELLED,
        EXIT_ERROR,
        _stderr_progress,
        run_guarded,
        sigint_cancels,
        stderr_progress,
    )
    from workbench.core.tasks import CancelToken

    assert _stderr_progress is stderr_progress  # the name other command modules import
    token = CancelToken()
    before = signal.getsignal(signal.SIGINT)
    with sigint_cancels(token):
        os.kill(os.getpid(), signal.SIGINT)
        deadline = time.monotonic() + 5
        while not token.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
    assert token.cancelled and signal.getsignal(signal.SIGINT) is before
    err = io.StringIO()

    def cancelled() -> int:
        raise Cancelled()

    def bad() -> int:
        raise ParameterError("window must be at least 1; got 0.")

    assert run_guarded(cancelled, err) == EXIT_CANCELLED and err.getvalue() == "cancelled\n"
    err = io.StringIO()
    assert run_guarded(bad, err) == EXIT_ERROR
    assert err.getvalue() == "error: window must be at least 1; got 0.\n"
    assert run_guarded(lambda: 0, err) == 0
    p = stderr_progress(token, io.StringIO(), on_partial=lambda x: None)
    assert p.cancelled  # it watches the token it was given


@pytest.mark.slow
def test_quality_matches_bare_gensim(shared_data: Path, tmp_path: Path) -> None:
    """Same data, same seed: our vectors score like ``Word2Vec(LineSentence(path))``'s.

    About 2.7 M tokens (Brown + movie reviews), CBOW, 5 epochs.  At this size
    gensim's own two input modes (iterable, corpus_file) differ by up to ~5
    points of WS353 Spearman from one another, so the similarity tolerances
    are that wide; the analogy accuracy is steadier (see
    benchmarks/static_train.py for the full-corpus figures).
    """
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    from gensim.test.utils import datapath

    plain = shared_data / "nltk-english-corpora" / "plain"
    path = _write_tokenized(tmp_path / "c.txt", [(plain / "brown.txt.gz", 10**6),
                                                 (plain / "movie_reviews.txt.gz", 10**6)])
    kw = dict(sg=False, epochs=5, workers=2, seed=1)
    ours = train_word2vec(path, Word2VecParams(**kw)).model.wv
    theirs = Word2Vec(LineSentence(str(path)), **{**kw, "sg": 0}).wv
    analogies = datapath("questions-words.txt")
    a, b = ours.evaluate_word_analogies(analogies)[0], theirs.evaluate_word_analogies(analogies)[0]
    assert a > 0.03 and abs(a - b) < 0.02, (a, b)
    for name in ("wordsim353.tsv", "simlex999.txt"):
        a = ours.evaluate_word_pairs(datapath(name))[1].statistic
        b = theirs.evaluate_word_pairs(datapath(name))[1].statistic
        assert abs(a - b) < 0.05, (name, a, b)


def test_cancel_during_the_evaluation_keeps_the_finished_epoch(corpus: Path) -> None:
    calls: list[int] = []

    def evaluate(emb: Embeddings) -> dict[str, float]:
        calls.append(len(emb))
        if len(calls) == 2:
            raise Cancelled()
        return {"fake": 0.5}

    with pytest.raises(Cancelled) as info:
        train_word2vec(corpus, Word2VecParams(**SMALL, epochs=4), evaluate=evaluate)
    kept = info.value.result
    assert kept is not None and kept.cancelled
    assert [e.epoch for e in kept.epochs] == [0, 1]
    assert kept.epochs[0].evaluation == {"fake": 0.5} and kept.epochs[1].evaluation == {}
    assert kept.embeddings.source.endswith("epoch 2")
    assert kept.model.workbench_state["epochs_done"] == 2


def test_early_stopping_rules() -> None:
    from workbench.core.static.result import EarlyStopping

    def report(epoch: int, loss: float | None = None, **scores: float) -> EpochReport:
        return EpochReport(epoch, loss, 1.0, 1.0, dict(scores))

    stop = EarlyStopping(patience=2)
    assert [stop.update(report(e, loss=x), e) for e, x in enumerate([3.0, 2.0, 2.5, 2.1])] \
        == [False, False, False, True]
    assert stop.best == (-2.0, 1, 1)
    nan = EarlyStopping(patience=1)  # a NaN score (no benchmark word known) never improves
    assert not nan.update(report(0, s=float("nan")), "a")
    assert not nan.update(report(1, s=0.1), "b") and nan.best[1] == 1
    assert nan.update(report(2, s=float("nan")), "c")
    watch = EarlyStopping(patience=1, monitor="b")
    assert not watch.update(report(0, a=0.9, b=0.1), 0)
    assert watch.update(report(1, a=0.1, b=0.1), 1)  # b did not improve, a does not count
    with pytest.raises(ParameterError, match="monitor='b' is not among"):
        watch.update(report(2, a=0.5), 2)
    silent = EarlyStopping(patience=1)  # fastText without scores: nothing to watch
    assert not any(silent.update(report(e), e) for e in range(5))
