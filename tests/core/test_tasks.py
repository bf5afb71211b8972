"""The progress / cancel protocol every job uses."""

from __future__ import annotations

import threading

import pytest

from workbench.core.tasks import (
    NULL_PROGRESS,
    CallbackProgress,
    CancelToken,
    Cancelled,
    Progress,
    RecordingProgress,
    run_task,
    scaled,
)


def _job(n: int, *, progress: Progress = NULL_PROGRESS) -> int:
    total = 0
    for i in range(n):
        progress.raise_if_cancelled()
        total += i
        progress.partial(i)
        progress.report((i + 1) / n, f"step {i + 1}")
    return total


def test_null_progress_runs_job_to_the_end() -> None:
    assert _job(10) == 45
    assert not NULL_PROGRESS.cancelled
    assert isinstance(NULL_PROGRESS, Progress)


def test_recording_progress_sees_reports_and_partials() -> None:
    p = RecordingProgress()
    outcome = run_task(_job, 4, progress=p)
    assert outcome.ok and outcome.value == 6
    assert [f for f, _ in p.reports] == [0.25, 0.5, 0.75, 1.0]
    assert p.reports[-1][1] == "step 4"
    assert p.partials == [0, 1, 2, 3]


def test_cancel_is_an_outcome_not_a_failure() -> None:
    p = RecordingProgress(cancel_after=2)
    outcome = run_task(_job, 100, progress=p)
    assert outcome.status == "cancelled"
    assert outcome.error is None
    assert len(p.reports) == 2


def test_failure_keeps_the_exception_and_traceback() -> None:
    def broken(*, progress: Progress) -> None:
        raise ValueError("bad value")

    outcome = run_task(broken)
    assert outcome.status == "failed"
    assert isinstance(outcome.error, ValueError)
    assert "bad value" in outcome.traceback


def test_cancel_from_another_thread_stops_the_job() -> None:
    token = CancelToken()
    started = threading.Event()

    def forever(*, progress: Progress) -> None:
        started.set()
        while True:
            progress.raise_if_cancelled()

    p = CallbackProgress(token=token)
    result: list[str] = []
    t = threading.Thread(target=lambda: result.append(run_task(forever, progress=p).status))
    t.start()
    assert started.wait(5)
    token.cancel()
    t.join(5)
    assert result == ["cancelled"]


def test_scaled_maps_into_the_parent_range() -> None:
    p = RecordingProgress()
    _job(2, progress=scaled(p, 0.5, 1.0))
    assert [f for f, _ in p.reports] == [0.75, 1.0]
    p.token.cancel()
    with pytest.raises(Cancelled):
        scaled(p, 0, 0.5).raise_if_cancelled()


def test_throttle_drops_reports_but_keeps_the_final_one() -> None:
    seen: list[float | None] = []
    p = CallbackProgress(on_report=lambda f, m: seen.append(f), min_interval=3600)
    for i in range(1, 101):
        p.report(i / 100)
    assert seen == [0.01, 1.0]


def test_fractions_are_clamped() -> None:
    seen: list[float | None] = []
    p = CallbackProgress(on_report=lambda f, m: seen.append(f))
    p.report(1.7)
    p.report(-1)
    p.report(None, "unknown")
    assert seen == [1.0, 0.0, None]
