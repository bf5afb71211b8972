"""Static training as the app and the CLI run it: tokenize, train, save, record.

:func:`train_static` is the one job behind the Static training panel and
``workbench train``: it makes sure the corpus is tokenized (the workspace's
cache, shared with the Corpus panel), trains word2vec, fastText or GloVe,
saves the vectors (and the gensim model, for resuming) into the run's folder
and records the run (parameters, corpus fingerprint, per-epoch metrics,
outputs, status) in the workspace registry.  A cancelled run keeps and saves
the vectors of its last finished epoch and is recorded as ``cancelled``.

A request may ask for an evaluation after every epoch
(:class:`EpochEvaluation`: a benchmark, read once, scored on the first
``restrict_vocab`` words) and for early stopping (``patience``).
:func:`resume_static` continues a recorded word2vec/fastText run for more
epochs from the model saved in its folder; the continuation is recorded as a
new run (``resumed_from``) whose per-epoch metrics hold the whole history.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, scaled

if TYPE_CHECKING:
    from workbench.core.corpus import Corpus, TokenizerSettings
    from workbench.core.embeddings import Embeddings
    from workbench.core.static.glove import GloveParams
    from workbench.core.static.result import StaticTrainResult
    from workbench.core.static.word2vec import FastTextParams, Word2VecParams
    from workbench.core.workspace import RunHandle, Workspace

__all__ = ["METHODS", "RESUMABLE", "EpochEvaluation", "StaticResumeRequest",
           "StaticTrainRequest", "file_fingerprint", "resume_static", "train_static"]

METHODS = ("word2vec", "fasttext", "glove")
#: Methods whose runs :func:`resume_static` can continue (GloVe keeps no optimizer state).
RESUMABLE = ("word2vec", "fasttext")
_TOKENIZE_SHARE = 0.1
#: Default ``restrict_vocab`` of the per-epoch evaluation (keeps it cheap).
EVAL_RESTRICT_VOCAB = 30_000

Evaluator = Callable[["Embeddings"], "dict[str, float]"]


def _check_patience(patience: Any) -> None:
    if patience is None:
        return
    if isinstance(patience, bool) or not isinstance(patience, int) or patience < 1:
        raise ParameterError(msg("patience must be a whole number of at least 1 (or None for no "
                                 "early stopping); it is {patience!r}.", patience=patience))


@dataclass(frozen=True)
class EpochEvaluation:
    """A benchmark scored after every epoch (for the score curve and early stopping).

    Attributes
    ----------
    benchmark
        A built-in benchmark name (``ws353``, ``simlex999``, ``google``, ...;
        see :func:`workbench.core.evaluation.builtin_benchmarks`) or a file.
    kind
        ``"analogy"`` or ``"similarity"``; ``None``: the built-in's kind, or
        for a file whichever reader accepts it.
    restrict_vocab
        Only the first (most frequent) this-many words are looked up, which
        bounds the cost of an analogy evaluation; ``None``: all words.
    method
        Analogy scoring, ``"3cosadd"`` or ``"3cosmul"``.
    lowercase
        Match benchmark words case-insensitively.
    """

    benchmark: str
    kind: str | None = None
    restrict_vocab: int | None = EVAL_RESTRICT_VOCAB
    method: str = "3cosadd"
    lowercase: bool = True

    def __post_init__(self) -> None:
        if not str(self.benchmark).strip():
            raise ParameterError(msg("Choose a benchmark for the per-epoch evaluation."))
        if self.kind not in (None, "analogy", "similarity"):
            raise ParameterError(msg("The evaluation kind must be 'analogy' or 'similarity', "
                                     "not {kind!r}.", kind=self.kind))
        if self.restrict_vocab is not None and (
                isinstance(self.restrict_vocab, bool) or not isinstance(self.restrict_vocab, int)
                or self.restrict_vocab < 1):
            raise ParameterError(msg("restrict_vocab must be at least 1 (or None for all "
                                     "words); it is {restrict_vocab!r}.",
                                     restrict_vocab=self.restrict_vocab))
        if self.method not in ("3cosadd", "3cosmul"):
            raise ParameterError(msg("The analogy method must be '3cosadd' or '3cosmul', not "
                                     "{method!r}.", method=self.method))

    @property
    def name(self) -> str:
        """The benchmark's short name (a built-in name, or the file name without suffix)."""
        path = Path(self.benchmark)
        return path.stem if path.suffix or len(path.parts) > 1 else str(self.benchmark)

    def score_name(self, kind: str) -> str:
        """The key of the score in :attr:`EpochReport.evaluation`."""
        return f"{self.name} {'accuracy' if kind == 'analogy' else 'Spearman'}"

    def make_evaluator(self, progress: Progress = NULL_PROGRESS) -> Evaluator:
        """Read the benchmark (once) and return ``evaluate(embeddings) -> {score name: value}``.

        Parameters
        ----------
        progress
            Only its cancellation is used: a cancel stops an evaluation within
            one batch of questions.

        Raises
        ------
        WorkbenchError
            When the benchmark is neither a known name nor a readable file.
        """
        from workbench.core.evaluation import (
            builtin_benchmarks,
            evaluate_analogies,
            evaluate_similarity,
            find_benchmark,
            load_analogy_file,
            load_similarity_file,
        )

        kind = self.kind
        if kind is None:
            known = {b.name: b.kind for b in builtin_benchmarks()}
            kind = known.get(str(self.benchmark).lower())
        path = find_benchmark(self.benchmark, kind)
        data: Any
        if kind == "analogy":
            data = load_analogy_file(path)
        elif kind == "similarity":
            data = load_similarity_file(path)
        else:
            try:
                data, kind = load_analogy_file(path), "analogy"
            except WorkbenchError:
                data, kind = load_similarity_file(path), "similarity"
        key = self.score_name(kind)
        quiet = _CancelOnly(progress)

        def evaluate(emb: Embeddings) -> dict[str, float]:
            if kind == "analogy":
                result = evaluate_analogies(emb, data, method=self.method,
                                            restrict_vocab=self.restrict_vocab,
                                            lowercase=self.lowercase, progress=quiet)
                return {key: float(result.accuracy)}
            sim = evaluate_similarity(emb, data, restrict_vocab=self.restrict_vocab,
                                      lowercase=self.lowercase, progress=quiet)
            return {key: float(sim.spearman)}

        return evaluate


class _CancelOnly:
    """Passes cancellation through but drops reports (an evaluation inside an epoch end)."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def report(self, fraction: float | None, message: str = "") -> None:
        pass

    def partial(self, result: Any) -> None:
        pass

    def raise_if_cancelled(self) -> None:
        self._progress.raise_if_cancelled()

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled


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
    evaluation
        A benchmark to score after every epoch (``None``: no evaluation).
    patience
        Stop when the score (without ``evaluation``: the epoch loss) has not
        improved for this many epochs, keeping the best epoch's vectors;
        ``None``: train all epochs.  fastText needs ``evaluation`` for it
        (gensim computes no fastText loss).
    """

    method: str
    params: Word2VecParams | FastTextParams | GloveParams
    evaluation: EpochEvaluation | None = None
    patience: int | None = None

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ParameterError(msg("Unknown training method {method!r}; choose one of "
                                     "{METHODS}.", method=self.method, METHODS=', '.join(METHODS)))
        expected = {"word2vec": "Word2VecParams", "fasttext": "FastTextParams",
                    "glove": "GloveParams"}[self.method]
        if type(self.params).__name__ != expected:
            raise ParameterError(msg("{method} needs {expected}, not {value}.", method=self.method,
                                     expected=expected, value=type(self.params).__name__))
        _check_patience(self.patience)
        if self.patience is not None and self.method == "fasttext" and self.evaluation is None:
            raise ParameterError(msg("Early stopping of fastText needs an evaluation after each "
                                     "epoch: gensim computes no fastText training loss to watch."))

    def params_dict(self) -> dict[str, Any]:
        """Method and parameters as a plain dict (for the run registry)."""
        return {"method": self.method, **asdict(self.params),
                **_extras(self.evaluation, self.patience)}


def _extras(evaluation: EpochEvaluation | None, patience: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if evaluation is not None:
        out["evaluation"] = asdict(evaluation)
    if patience is not None:
        out["patience"] = patience
    return out


@dataclass(frozen=True)
class StaticResumeRequest:
    """Continue a recorded word2vec/fastText run.

    Attributes
    ----------
    run_id
        The run whose saved model (``outputs["model"]``) is trained further.
    more_epochs
        Epochs to add to those it has done.
    evaluation, patience
        As for :class:`StaticTrainRequest`, for the new epochs.
    workers
        Worker threads (``None``: those the run used).
    """

    run_id: int
    more_epochs: int
    evaluation: EpochEvaluation | None = None
    patience: int | None = None
    workers: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.more_epochs, bool) or not isinstance(self.more_epochs, int) \
                or not 1 <= self.more_epochs <= 100_000:
            raise ParameterError(msg("more_epochs must be a whole number between 1 and 100,000; "
                                     "it is {more_epochs!r}.", more_epochs=self.more_epochs))
        _check_patience(self.patience)
        if self.workers is not None and (isinstance(self.workers, bool)
                                         or not isinstance(self.workers, int)
                                         or not 1 <= self.workers <= 1024):
            raise ParameterError(msg("workers must be between 1 and 1024; it is {workers!r}.",
                                     workers=self.workers))


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
    WorkbenchError
        For a bad corpus, parameters or evaluation benchmark (the benchmark is
        read before any work starts).
    """
    evaluate = None if request.evaluation is None else \
        request.evaluation.make_evaluator(progress)
    corpus_file, fingerprint = _tokenized_file(source, settings, workspace, progress)
    train_progress = scaled(progress, _TOKENIZE_SHARE, 1.0)
    params = request.params_dict()
    params["corpus"] = str(source if isinstance(source, (str, Path)) else source.display_name)
    if settings is not None:
        params["tokenizer"] = asdict(settings)
    if workspace is None:
        return _train(corpus_file, request, train_progress, evaluate)
    with workspace.recorded(f"train_{request.method}", params, fingerprint) as run:
        try:
            result = _train(corpus_file, request, train_progress, evaluate)
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
            raise ParameterError(msg("The tokenized corpus {path} does not exist.", path=path))
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


def _train(corpus_file: Path, request: StaticTrainRequest, progress: Progress,
           evaluate: Evaluator | None) -> StaticTrainResult:
    hooks: dict[str, Any] = {"progress": progress, "evaluate": evaluate,
                             "patience": request.patience}
    if request.method == "word2vec":
        from workbench.core.static.word2vec import train_word2vec

        return train_word2vec(corpus_file, request.params, **hooks)  # type: ignore[arg-type]
    if request.method == "fasttext":
        from workbench.core.static.word2vec import train_fasttext

        return train_fasttext(corpus_file, request.params, **hooks)  # type: ignore[arg-type]
    from workbench.core.static.glove import train_glove

    return train_glove(corpus_file, request.params, **hooks)  # type: ignore[arg-type]


def resume_static(request: StaticResumeRequest, *, workspace: Workspace,
                  progress: Progress = NULL_PROGRESS) -> StaticTrainResult:
    """Train a recorded word2vec/fastText run for ``more_epochs`` more epochs.

    The run's saved gensim model (inside the workspace, so trusted) is loaded
    and trained further on the tokenized corpus it was trained on (the file in
    the workspace cache).  The learning rate follows a linear schedule over
    the new total number of epochs, from where that schedule stands after the
    epochs already done (a warm restart when the run had finished).  The
    continuation is saved and recorded as a new run of the same kind, with
    ``resumed_from`` and ``resumed_at_epoch`` in its parameters and the whole
    per-epoch history (the earlier epochs first) in its metrics.

    Parameters
    ----------
    request
        The run and how many epochs to add.
    workspace
        The workspace holding the run.
    progress
        As for :func:`train_static`; partial reports number epochs from the
        start of the original run.

    Returns
    -------
    StaticTrainResult
        The new epochs only (``epochs``), the vectors, the model; ``run_id``
        is the new run's.

    Raises
    ------
    ParameterError
        When the run does not exist, is not word2vec/fastText, has no saved
        model, or its tokenized corpus is gone from the cache.
    Cancelled
        With the result of the last finished epoch (saved and recorded), or
        ``None``.
    """
    from workbench.core.static.gensim_models import load_gensim_model
    from workbench.core.static.word2vec import resume_training

    try:
        old = workspace.runs.get(request.run_id)
    except KeyError:
        raise ParameterError(msg("There is no run #{run_id} in {workspace}.",
                                 run_id=request.run_id, workspace=workspace.root)) from None
    method = old.kind.removeprefix("train_")
    if method not in RESUMABLE:
        raise ParameterError(msg("Run #{old_id} trained {method}; only word2vec and fastText "
                                 "runs can be continued (GloVe keeps no training state).",
                                 old_id=old.id, method=method))
    model_path = old.outputs.get("model")
    if not model_path or not Path(model_path).is_file():
        raise ParameterError(
            msg("Run #{run_id} has no saved model to continue ({path} is gone).",
                run_id=old.id, path=model_path) if model_path else
            msg("Run #{run_id} has no saved model to continue.", run_id=old.id))
    evaluate = None if request.evaluation is None else \
        request.evaluation.make_evaluator(progress)
    progress.report(None, msg("Loading the model of run #{old_id}…", old_id=old.id))
    model = load_gensim_model(model_path, workspace_root=workspace.root)
    state = getattr(model, "workbench_state", None) or {}
    corpus = Path(str(state.get("corpus", "")))
    if not corpus.is_file():
        raise ParameterError(
            msg("The tokenized corpus run #{old_id} was trained on ({corpus}) no longer exists "
                "(the workspace cache may have been cleared), so its training cannot be "
                "continued; train a new run instead.", old_id=old.id, corpus=corpus))
    done = int(state.get("epochs_done", 0))
    if method == "fasttext" and request.patience is not None and evaluate is None:
        raise ParameterError(msg("Early stopping of fastText needs an evaluation after each "
                                 "epoch: gensim computes no fastText training loss to watch."))
    total = done + request.more_epochs
    params = dict(old.params)
    params.pop("evaluation", None)
    params.pop("patience", None)
    params.update(epochs=total, resumed_from=old.id, resumed_at_epoch=done,
                  **_extras(request.evaluation, request.patience))
    if request.workers is not None:
        params["workers"] = request.workers

    def train(p: Progress) -> StaticTrainResult:
        return resume_training(model, corpus, epochs=total, progress=p, evaluate=evaluate,
                               patience=request.patience, workers=request.workers)

    with workspace.recorded(old.kind, params, old.input_fingerprint) as run:
        try:
            result = train(progress)
        except Cancelled as stop:
            if stop.result is not None:
                _save(stop.result, workspace, run, previous=old.metrics)
            raise
        _save(result, workspace, run, previous=old.metrics)
    return result


def _history(previous: dict[str, Any] | None, key: str) -> list[Any]:
    values = (previous or {}).get(key)
    return list(values) if isinstance(values, list) else []


def _save(result: StaticTrainResult, workspace: Workspace, run: RunHandle, *,
          previous: dict[str, Any] | None = None) -> None:
    """Write the run's vectors (and model) into its folder and fill in the record.

    ``previous`` holds the metrics of the run this one continues: its
    per-epoch lists come first.
    """
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
    earlier = len(_history(previous, "epoch_loss"))
    metrics: dict[str, Any] = {
        "epoch_loss": _history(previous, "epoch_loss") + [e.loss for e in result.epochs],
        "epoch_seconds": _history(previous, "epoch_seconds")
        + [e.seconds for e in result.epochs],
        "words_per_second": _history(previous, "words_per_second")
        + [e.words_per_second for e in result.epochs],
        "evaluation": (_history(previous, "evaluation") + [{}] * earlier)[:earlier]
        + [_finite(e.evaluation) for e in result.epochs],
        "epochs_done": earlier + len(result.epochs),
        "vocab_size": len(result.embeddings),
        "seconds": result.seconds,
    }
    if result.params.get("stopped_early"):
        metrics["stopped_early"] = True
        metrics["best_epoch"] = result.params.get("best_epoch")
    run.metrics.update(metrics)


def _finite(scores: dict[str, float]) -> dict[str, float | None]:
    """Scores with NaN (no benchmark word in the vocabulary) as ``None`` (valid JSON)."""
    return {k: (v if isinstance(v, (int, float)) and math.isfinite(v) else None)
            for k, v in scores.items()}
