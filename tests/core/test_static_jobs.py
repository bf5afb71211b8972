"""The static training job: tokenize through the cache, train, save, record."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

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


def test_cancel_after_an_epoch_saves_its_vectors(corpus: Corpus, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    request = StaticTrainRequest("fasttext", FastTextParams(vector_size=8, epochs=50, workers=1,
                                                            bucket=20_000))

    class CancelAfterFirstEpoch(RecordingProgress):
        def partial(self, result: object) -> None:
            super().partial(result)
            if isinstance(result, EpochReport):
                self.token.cancel()

    with pytest.raises(Cancelled) as stop:
        train_static(corpus, request, workspace=ws, progress=CancelAfterFirstEpoch())
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
