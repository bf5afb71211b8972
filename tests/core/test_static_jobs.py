"""The static training job: tokenize through the cache, train, save, record."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.core.progress_fixtures import CancelWhen
from workbench.core.corpus import Corpus, TokenizerSettings
from workbench.core.errors import ParameterError
from workbench.core.resources import default_corpus_path
from workbench.core.static import load_vectors
from workbench.core.static.glove import GloveParams
from workbench.core.static.jobs import StaticTrainRequest, train_static
from workbench.core.static.result import EpochReport
from workbench.core.static.word2vec import FastTextParams, Word2VecParams
from workbench.core.tasks import Cancelled, RecordingProgress
from workbench.core.workspace import Workspace


@pytest.fixture
def corpus() -> Corpus:
    return Corpus.open(default_corpus_path())


def test_word2vec_run_is_tokenized_saved_and_recorded(corpus: Corpus, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = StaticTrainRequest("word2vec", Word2VecParams(vector_size=16, epochs=2, workers=1))
    p = RecordingProgress()
    result = train_static(corpus, request, settings=TokenizerSettings(), workspace=ws, progress=p)

    assert p.reports[-1][0] == 1.0
    assert [e.epoch for e in p.partials if isinstance(e, EpochReport)] == [0, 1]
    assert len(list((ws.cache_dir / "tokenized").iterdir())) == 1  # shared with the Corpus panel
    run = ws.runs.get(result.run_id)
    assert run.status == "success" and run.kind == "train_word2vec"
    assert run.params["vector_size"] == 16 and run.params["corpus"] == "inaugural.txt.gz"
    assert run.metrics["epochs_done"] == 2 and len(run.metrics["epoch_loss"]) == 2
    assert set(run.outputs) == {"vectors", "model"}
    back = load_vectors(run.outputs["vectors"])
    assert back.words == result.embeddings.words
    np.testing.assert_array_equal(back.vectors, result.embeddings.vectors)
    assert "the" in back


def cancel_after_first_epoch() -> CancelWhen:
    """A recording progress that cancels once an epoch's report arrives."""
    return CancelWhen(partial=lambda r: isinstance(r, EpochReport))


def test_cancel_after_an_epoch_saves_its_vectors(corpus: Corpus, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = StaticTrainRequest("fasttext", FastTextParams(vector_size=8, epochs=50, workers=1,
                                                            bucket=20_000))
    with pytest.raises(Cancelled) as stop:
        train_static(corpus, request, workspace=ws, progress=cancel_after_first_epoch())
    kept = stop.value.result
    assert kept is not None and kept.cancelled and len(kept.epochs) == 1
    (run,) = ws.runs.list()
    assert run.status == "cancelled" and run.metrics["epochs_done"] == 1
    assert load_vectors(run.outputs["vectors"]).words == kept.embeddings.words


def test_glove_from_a_tokenized_file_without_workspace(tmp_path: Path) -> None:
    path = tmp_path / "tok.txt"
    path.write_text("the cat sat on the mat\nthe dog sat on the log\n" * 50)
    result = train_static(path, StaticTrainRequest("glove", GloveParams(
        vector_size=4, epochs=2, min_count=1, window=2)))
    assert result.run_id is None
    assert sorted(result.embeddings.words) == ["cat", "dog", "log", "mat", "on", "sat", "the"]


def test_bad_requests_are_refused_before_work(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="Unknown training method"):
        StaticTrainRequest("lsa", Word2VecParams())
    with pytest.raises(ParameterError, match="glove needs GloveParams"):
        StaticTrainRequest("glove", Word2VecParams())
    with pytest.raises(ParameterError, match="does not exist"):
        train_static(tmp_path / "missing.txt", StaticTrainRequest("word2vec", Word2VecParams()))


# --------------------------------------------------------------------------- evaluation, resume

def _ws353_by_gensim(emb: object) -> float:
    """The WS353 Spearman of ``emb`` computed by gensim (an independent implementation)."""
    from gensim.models import KeyedVectors
    from gensim.test.utils import datapath

    kv = KeyedVectors(emb.dim)  # type: ignore[attr-defined]
    kv.add_vectors(emb.words, emb.vectors)  # type: ignore[attr-defined]
    _, spearman, _ = kv.evaluate_word_pairs(datapath("wordsim353.tsv"), restrict_vocab=30_000)
    return float(spearman.statistic if hasattr(spearman, "statistic") else spearman[0])


def test_evaluation_after_each_epoch_is_streamed_and_recorded(corpus: Corpus,
                                                              tmp_path: Path) -> None:
    from workbench.core.static.jobs import EpochEvaluation

    ws = Workspace(tmp_path / "ws")
    seen: list[object] = []
    request = StaticTrainRequest(
        "word2vec", Word2VecParams(vector_size=16, epochs=2, workers=1, min_count=3),
        evaluation=EpochEvaluation("ws353"))

    class Snap(RecordingProgress):
        def partial(self, result: object) -> None:
            super().partial(result)
            if isinstance(result, EpochReport):
                seen.append(result)

    result = train_static(corpus, request, workspace=ws, progress=Snap())
    assert [list(e.evaluation) for e in seen] == [["ws353 Spearman"]] * 2
    # The last epoch's score is the WS353 Spearman of the final vectors, as gensim computes it.
    assert seen[-1].evaluation["ws353 Spearman"] == pytest.approx(
        _ws353_by_gensim(result.embeddings), abs=1e-6)
    run = ws.runs.get(result.run_id)
    assert run.metrics["evaluation"] == [e.evaluation for e in seen]
    assert run.params["evaluation"]["benchmark"] == "ws353"
    assert run.params["evaluation"]["restrict_vocab"] == 30_000


def test_patience_is_wired_and_the_best_epoch_recorded(corpus: Corpus, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.static.jobs import EpochEvaluation

    scores = iter([0.2, 0.5, 0.4, 0.3, 0.9])
    monkeypatch.setattr(EpochEvaluation, "make_evaluator",
                        lambda self, progress=None: lambda emb: {"fake": next(scores)})
    ws = Workspace(tmp_path / "ws")
    request = StaticTrainRequest("fasttext", FastTextParams(vector_size=8, epochs=5, workers=1,
                                                            bucket=5000),
                                 evaluation=EpochEvaluation("ws353"), patience=2)
    result = train_static(corpus, request, workspace=ws)
    run = ws.runs.get(result.run_id)
    assert run.metrics["evaluation"] == [{"fake": 0.2}, {"fake": 0.5}, {"fake": 0.4},
                                         {"fake": 0.3}]
    assert run.metrics["stopped_early"] and run.metrics["best_epoch"] == 1
    assert run.params["patience"] == 2 and run.metrics["epochs_done"] == 4
    assert result.embeddings.source.endswith("epoch 2")


def test_bad_evaluation_requests(corpus: Corpus) -> None:
    from workbench.core.errors import WorkbenchError
    from workbench.core.static.jobs import EpochEvaluation

    with pytest.raises(ParameterError, match="Early stopping of fastText needs an evaluation"):
        StaticTrainRequest("fasttext", FastTextParams(), patience=2)
    with pytest.raises(ParameterError, match="patience"):
        StaticTrainRequest("word2vec", Word2VecParams(), patience=0)
    with pytest.raises(ParameterError, match="restrict_vocab"):
        EpochEvaluation("ws353", restrict_vocab=0)
    request = StaticTrainRequest("word2vec", Word2VecParams(epochs=1),
                                 evaluation=EpochEvaluation("no-such-benchmark"))
    p = RecordingProgress()
    with pytest.raises(WorkbenchError, match="'no-such-benchmark' is neither a file nor"):
        train_static(corpus, request, progress=p)
    assert not p.partials  # refused before tokenizing or training


def test_continue_a_recorded_run(corpus: Corpus, tmp_path: Path) -> None:
    from workbench.core.static.gensim_models import load_gensim_model
    from workbench.core.static.jobs import StaticResumeRequest, resume_static

    ws = Workspace(tmp_path / "ws")
    first = train_static(corpus, StaticTrainRequest(
        "word2vec", Word2VecParams(vector_size=12, epochs=2, workers=1)), workspace=ws)
    p = RecordingProgress()
    more = resume_static(StaticResumeRequest(first.run_id, 2), workspace=ws, progress=p)
    assert [e.epoch for e in more.epochs] == [2, 3]
    assert [e.epoch for e in p.partials if isinstance(e, EpochReport)] == [2, 3]
    assert more.run_id != first.run_id
    old, new = ws.runs.get(first.run_id), ws.runs.get(more.run_id)
    assert new.kind == "train_word2vec" and new.status == "success"
    assert new.params["resumed_from"] == first.run_id and new.params["resumed_at_epoch"] == 2
    assert new.params["epochs"] == 4 and new.params["corpus"] == old.params["corpus"]
    assert new.metrics["epochs_done"] == 4
    assert new.metrics["epoch_loss"] == old.metrics["epoch_loss"] + [e.loss for e in more.epochs]
    assert len(new.metrics["evaluation"]) == 4
    assert new.input_fingerprint == old.input_fingerprint
    # the new run's files: vectors of epoch 4 and a model that knows it did 4 epochs
    back = load_vectors(new.outputs["vectors"])
    np.testing.assert_array_equal(back.vectors, more.embeddings.vectors)
    model = load_gensim_model(new.outputs["model"], workspace_root=ws.root)
    assert model.workbench_state["epochs_done"] == 4
    # the first run is untouched
    np.testing.assert_array_equal(load_vectors(old.outputs["vectors"]).vectors,
                                  first.embeddings.vectors)


def test_continue_cancelled_after_an_epoch_is_recorded(corpus: Corpus, tmp_path: Path) -> None:
    from workbench.core.static.jobs import StaticResumeRequest, resume_static

    ws = Workspace(tmp_path / "ws")
    first = train_static(corpus, StaticTrainRequest(
        "fasttext", FastTextParams(vector_size=8, epochs=1, workers=1, bucket=5000)),
        workspace=ws)
    with pytest.raises(Cancelled) as stop:
        resume_static(StaticResumeRequest(first.run_id, 5), workspace=ws,
                      progress=cancel_after_first_epoch())
    kept = stop.value.result
    assert kept is not None and [e.epoch for e in kept.epochs] == [1]
    run = ws.runs.get(kept.run_id)
    assert run.status == "cancelled" and run.metrics["epochs_done"] == 2
    assert run.metrics["epoch_loss"] == [None, None]
    assert load_vectors(run.outputs["vectors"]).words == kept.embeddings.words


def test_what_cannot_be_continued(tmp_path: Path) -> None:
    from workbench.core.static.jobs import StaticResumeRequest, resume_static

    ws = Workspace(tmp_path / "ws")
    with pytest.raises(ParameterError, match="There is no run #42"):
        resume_static(StaticResumeRequest(42, 1), workspace=ws)
    path = tmp_path / "tok.txt"
    path.write_text("the cat sat on the mat\nthe dog sat on the log\n" * 50)
    glove = train_static(path, StaticTrainRequest("glove", GloveParams(
        vector_size=4, epochs=1, min_count=1, window=2)), workspace=ws)
    with pytest.raises(ParameterError, match="only word2vec and fastText runs can be continued"):
        resume_static(StaticResumeRequest(glove.run_id, 1), workspace=ws)
    w2v = train_static(path, StaticTrainRequest("word2vec", Word2VecParams(
        vector_size=4, epochs=1, min_count=1, workers=1)), workspace=ws)
    path.unlink()  # the tokenized corpus is gone
    with pytest.raises(ParameterError, match="no longer exists"):
        resume_static(StaticResumeRequest(w2v.run_id, 1), workspace=ws)
    with pytest.raises(ParameterError, match="more_epochs"):
        StaticResumeRequest(w2v.run_id, 0)
