"""What every static trainer (word2vec, fastText, GloVe) streams and returns."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from workbench.core.embeddings import Embeddings
from workbench.core.errors import ParameterError
from workbench.core.messages import msg

__all__ = ["EarlyStopping", "EpochReport", "StaticTrainResult", "StepReport"]


@dataclass(frozen=True)
class StepReport:
    """Streamed through ``progress.partial`` several times per epoch (live curves).

    Attributes
    ----------
    epoch
        0-based epoch being trained.
    fraction
        Fraction of the whole run done, in [0, 1].
    loss
        Mean loss per trained example (word2vec: per positive pair, GloVe: per
        co-occurrence cell) over the part of the epoch since the last report;
        ``None`` where the back end cannot measure it honestly (fastText).
    learning_rate
        The current learning rate.
    words_per_second
        Throughput over the last interval.
    eta_seconds
        Estimated time left, ``None`` when unknown.
    """

    epoch: int
    fraction: float
    loss: float | None
    learning_rate: float
    words_per_second: float
    eta_seconds: float | None


@dataclass(frozen=True)
class EpochReport:
    """Streamed through ``progress.partial`` at the end of each epoch.

    Attributes
    ----------
    epoch
        0-based epoch just finished.
    loss
        Mean loss per trained example over the whole epoch (``None`` if unknown).
    seconds
        Wall time of the epoch.
    evaluation
        Optional scores computed after the epoch (name -> value).
    """

    epoch: int
    loss: float | None
    seconds: float
    words_per_second: float
    evaluation: dict[str, float] = field(default_factory=dict)


@dataclass
class StaticTrainResult:
    """The outcome of a finished (or cancelled-after-an-epoch) static training run.

    Attributes
    ----------
    embeddings
        The vectors (of the last finished epoch when the run was cancelled).
    epochs
        One :class:`EpochReport` per finished epoch.
    params
        The parameters used, as a plain dict (for the run registry).
    model
        The back end's model object (gensim ``Word2Vec``/``FastText``), kept for
        saving a resumable model in the workspace and for OOV vectors; ``None``
        for GloVe.
    cancelled
        Whether the run stopped early on request.
    seconds
        Total wall time.
    run_id
        The run's id in the workspace registry, when it was recorded.
    outputs
        Files written for the run (``vectors``, ``model``), by name.
    """

    embeddings: Embeddings
    epochs: list[EpochReport]
    params: dict[str, Any]
    model: Any = None
    cancelled: bool = False
    seconds: float = 0.0
    run_id: int | None = None
    outputs: dict[str, str] = field(default_factory=dict)


class EarlyStopping:
    """Watches one value per epoch and says when it stopped improving (every trainer uses it).

    The value is the evaluation score ``monitor`` (default: the first score
    the epoch has; higher is better) or, for epochs without scores, minus the
    epoch loss (lower loss is better).  A score that is NaN (no benchmark
    word in the vocabulary) never counts as an improvement.

    Parameters
    ----------
    patience
        Stop after this many epochs without a new best value.
    monitor
        The evaluation score to watch.

    Attributes
    ----------
    best : tuple of (value, epoch, kept) or None
        The best value so far, its 0-based epoch and what the caller kept with it.
    """

    def __init__(self, patience: int, monitor: str | None = None) -> None:
        self.patience = int(patience)
        self.monitor = monitor
        self.best: tuple[float, int, Any] | None = None

    def value(self, report: EpochReport) -> float | None:
        """The watched value of ``report`` (``None`` when it has neither score nor loss)."""
        scores = report.evaluation
        if scores:
            key = self.monitor or next(iter(scores))
            if key not in scores:
                raise ParameterError(msg("monitor={key!r} is not among the evaluation scores "
                                         "({scores}).", key=key, scores=', '.join(scores)))
            value = float(scores[key])
            return -math.inf if math.isnan(value) else value
        if report.loss is not None:
            return -float(report.loss)
        return None

    def update(self, report: EpochReport, keep: Any) -> bool:
        """Record the epoch of ``report`` (with ``keep``); return whether to stop now."""
        value = self.value(report)
        if value is None:
            return False
        if self.best is None or value > self.best[0]:
            self.best = (value, report.epoch, keep)
            return False
        return report.epoch - self.best[1] >= self.patience
