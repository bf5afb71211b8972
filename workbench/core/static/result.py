"""What every static trainer (word2vec, fastText, GloVe) streams and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.embeddings import Embeddings

__all__ = ["EpochReport", "StepReport", "StaticTrainResult"]


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
