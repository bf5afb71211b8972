"""Static training as the app and the CLI run it: tokenize, train, save, record.

:func:`train_static` is the one job behind the Static training panel and
``workbench train``: it makes sure the corpus is tokenized (the workspace's
cache, shared with the Corpus panel), trains word2vec, fastText or GloVe,
saves the vectors (and the gensim model, for resuming) into the run's folder
and records the run (parameters, corpus fingerprint, per-epoch metrics,
outputs, status) in the workspace registry.  A cancelled run keeps and saves
the vectors of its last finished epoch and is recorded as ``cancelled``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from workbench.core.errors import ParameterError
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, scaled

if TYPE_CHECKING:
    from workbench.core.corpus import Corpus, TokenizerSettings
    from workbench.core.static.glove import GloveParams
    from workbench.core.static.result import StaticTrainResult
    from workbench.core.static.word2vec import FastTextParams, Word2VecParams
    from workbench.core.workspace import RunHandle, Workspace

__all__ = ["METHODS", "StaticTrainRequest", "train_static", "file_fingerprint"]

METHODS = ("word2vec", "fasttext", "glove")
_TOKENIZE_SHARE = 0.1


@dataclass(frozen=True)
class StaticTrainRequest:
    """What to train.

    Attributes
    ----------
    method
        ``"word2vec"``, ``"fasttext"`` or ``"glove"``.
    params
        :class:`Word2VecParams`, :class:`FastTextParams` or :class:`GloveParams`
        matching ``method``.
    """

    method: str
    params: Union[Word2VecParams, FastTextParams, GloveParams]

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ParameterError(f"Unknown training method {self.method!r}; choose one of "
                                 f"{', '.join(METHODS)}.")
        expected = {"word2vec": "Word2VecParams", "fasttext": "FastTextParams",
                    "glove": "GloveParams"}[self.method]
        if type(self.params).__name__ != expected:
            raise ParameterError(f"{self.method} needs {expected}, not "
                                 f"{type(self.params).__name__}.")

    def params_dict(self) -> dict[str, Any]:
        """Method and parameters as a plain dict (for the run registry)."""
        return {"method": self.method, **asdict(self.params)}


def file_fingerprint(path: str | Path) -> str:
    """A cheap fingerprint of a file: resolved path, size and modification time."""
    p = Path(path).resolve()
    st = p.stat()
    return hashlib.sha256(f"{p}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()


def train_static(source: Corpus | str | Path, request: StaticTrainRequest, *,
                 settings: TokenizerSettings | None = None,
                 workspace: Workspace | None = None,
                 progress: Progress = NULL_PROGRESS) -> StaticTrainResult:
    """Tokenize (if needed), train, save and record one static embedding run.

    Parameters
    ----------
    source
        A :class:`~workbench.core.corpus.Corpus` (tokenized with ``settings``
        through the workspace cache) or the path of an already tokenized file
        (one sentence per line, tokens separated by spaces).
    request
        Method and parameters.
    settings
        Tokenizer settings for a ``Corpus`` source (defaults when ``None``).
    workspace
        Where the tokenized cache, the run record and the outputs go.  Without
        one the run is neither recorded nor saved (scripts, tests).
    progress
        Overall progress (tokenizing takes the first 10 % when the cache is
        cold), the trainer's :class:`StepReport`/:class:`EpochReport`
        partials, and cancellation.

    Raises
    ------
    Cancelled
        With the result of the last finished epoch (saved, with ``outputs``)
        or ``None`` when no epoch finished.
    """
    corpus_file, fingerprint = _tokenized_file(source, settings, workspace, progress)
    train_progress = scaled(progress, _TOKENIZE_SHARE, 1.0)
    params = request.params_dict()
    params["corpus"] = str(source if isinstance(source, (str, Path)) else source.display_name)
    if settings is not None:
        params["tokenizer"] = asdict(settings)
    if workspace is None:
        return _train(corpus_file, request, train_progress)
    with workspace.recorded(f"train_{request.method}", params, fingerprint) as run:
        try:
            result = _train(corpus_file, request, train_progress)
        except Cancelled as stop:
            if stop.result is not None:
                _save(stop.result, workspace, run)
            raise
        _save(result, workspace, run)
    return result


def _tokenized_file(source: Corpus | str | Path, settings: TokenizerSettings | None,
                    workspace: Workspace | None, progress: Progress) -> tuple[Path, str]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise ParameterError(f"The tokenized corpus {path} does not exist.")
        return path, file_fingerprint(path)
    from workbench.core.corpus import TokenizerSettings, ensure_tokenized

    settings = settings or TokenizerSettings()
    if workspace is not None:
        cache_dir = workspace.cache_dir
    else:
        import tempfile

        cache_dir = Path(tempfile.mkdtemp(prefix="workbench-tokenized-"))
    path = ensure_tokenized(source, settings, cache_dir,
                            progress=scaled(progress, 0.0, _TOKENIZE_SHARE))
    return path, f"{source.fingerprint()}-{settings.key()}"


def _train(corpus_file: Path, request: StaticTrainRequest,
           progress: Progress) -> StaticTrainResult:
    if request.method == "word2vec":
        from workbench.core.static.word2vec import train_word2vec

        return train_word2vec(corpus_file, request.params, progress=progress)  # type: ignore[arg-type]
    if request.method == "fasttext":
        from workbench.core.static.word2vec import train_fasttext

        return train_fasttext(corpus_file, request.params, progress=progress)  # type: ignore[arg-type]
    from workbench.core.static.glove import train_glove

    return train_glove(corpus_file, request.params, progress=progress)  # type: ignore[arg-type]


def _save(result: StaticTrainResult, workspace: Workspace, run: RunHandle) -> None:
    """Write the run's vectors (and model) into its folder and fill in the record."""
    from workbench.core.static.formats import save_vectors

    folder = workspace.run_dir(run.id)
    outputs = {"vectors": str(save_vectors(result.embeddings, folder / "vectors.bin",
                                           "word2vec-bin"))}
    if result.model is not None:
        from workbench.core.static.gensim_models import save_gensim_model

        outputs["model"] = str(save_gensim_model(result.model, folder / "model.gensim"))
    result.run_id = run.id
    result.outputs = outputs
    run.outputs.update(outputs)
    run.metrics.update({
        "epoch_loss": [e.loss for e in result.epochs],
        "epoch_seconds": [e.seconds for e in result.epochs],
        "words_per_second": [e.words_per_second for e in result.epochs],
        "evaluation": [e.evaluation for e in result.epochs],
        "epochs_done": len(result.epochs),
        "vocab_size": len(result.embeddings),
        "seconds": result.seconds,
    })
