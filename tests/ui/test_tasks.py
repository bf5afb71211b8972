"""TaskRunner, JobRegistry and the status-bar job widget, with plain job functions."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from workbench.core.tasks import Cancelled, Progress
from workbench.ui.tasks import JobRegistry, JobStatusWidget, TaskRunner


class Recorder:
    """Records every signal of a runner, in order."""

    def __init__(self, runner: TaskRunner) -> None:
        self.events: list[tuple[str, Any]] = []
        runner.started.connect(lambda: self.events.append(("started", None)))
        runner.progress_changed.connect(lambda f, m: self.events.append(("progress", (f, m))))
        runner.partial_result_ready.connect(lambda v: self.events.append(("partial", v)))
        runner.finished.connect(lambda v: self.events.append(("finished", v)))
        runner.cancelled.connect(lambda kept: self.events.append(("cancelled", kept)))
        runner.failed.connect(lambda e, tb: self.events.append(("failed", (e, tb))))
        runner.done.connect(lambda: self.events.append(("done", None)))

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events]

    def values(self, kind: str) -> list[Any]:
        return [v for k, v in self.events if k == kind]


@pytest.fixture
def runner(qtbot: Any) -> TaskRunner:
    r = TaskRunner("Test job")
    yield r
    r.cancel()
    assert r.wait(5.0)


def wait_until_blocked(job_started: threading.Event) -> None:
    assert job_started.wait(5.0), "the job did not start"


def blocking_job(started: threading.Event, *, progress: Progress) -> str:
    """Run until cancelled."""
    started.set()
    while not progress.cancelled:
        progress.report(None, "waiting")
        threading.Event().wait(0.002)
    progress.raise_if_cancelled()
    return "never"


def test_finished_delivers_result_then_done(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)

    def add(a: int, b: int, *, progress: Progress) -> int:
        progress.report(0.5, "half way")
        return a + b

    with qtbot.waitSignal(runner.done, timeout=5000):
        runner.start(add, 2, 3)
        assert runner.is_running
    assert rec.kinds() == ["started", "progress", "finished", "done"]
    assert rec.values("progress") == [(0.5, "half way")]
    assert rec.values("finished") == [5]
    assert not runner.is_running


def test_progress_is_throttled_but_last_report_arrives(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)

    def chatty(*, progress: Progress) -> None:
        for i in range(20_000):
            progress.report(i / 20_000, f"step {i}")
        progress.report(None, "almost done")

    with qtbot.waitSignal(runner.done, timeout=10_000):
        runner.start(chatty)
    reports = rec.values("progress")
    assert 1 <= len(reports) < 200
    assert reports[-1] == (-1.0, "almost done")  # unknown fraction is -1
    assert rec.kinds()[-2:] == ["finished", "done"]


def test_partial_results_are_delivered_in_order(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)

    def stream(*, progress: Progress) -> str:
        for i in range(5):
            progress.partial(("loss", i))
        return "ok"

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(stream)
    assert rec.values("partial") == [("loss", i) for i in range(5)]


def test_cancel_gives_cancelled_outcome_not_error(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)
    started = threading.Event()
    runner.start(blocking_job, started)
    wait_until_blocked(started)
    with qtbot.waitSignal(runner.done, timeout=5000):
        runner.cancel()
        assert runner.is_cancelling
    assert "cancelled" in rec.kinds()
    assert not rec.values("failed") and not rec.values("finished")
    assert rec.kinds()[-1] == "done"
    assert not runner.is_running


def test_failure_carries_exception_and_traceback(qtbot: Any, runner: TaskRunner) -> None:
    def broken(*, progress: Progress) -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(broken)
    error, tb = blocker.args
    assert isinstance(error, ValueError) and str(error) == "boom"
    assert "Traceback" in tb and "broken" in tb


def test_starting_a_new_job_supersedes_the_old_one(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)
    gate = threading.Event()
    a_started = threading.Event()

    def slow_a(*, progress: Progress) -> str:
        a_started.set()
        assert gate.wait(5.0)
        progress.partial("from A")
        return "A"  # ignores its cancel request on purpose

    b_ran_after_a = []

    def quick_b(*, progress: Progress) -> str:
        b_ran_after_a.append(gate.is_set())
        return "B"

    runner.start(slow_a)
    wait_until_blocked(a_started)
    runner.start(quick_b)
    gate.set()
    with qtbot.waitSignal(runner.done, timeout=5000):
        pass
    assert runner.wait(5.0)
    qtbot.waitUntil(lambda: not runner.is_running)
    assert rec.values("finished") == ["B"]
    assert rec.values("partial") == []  # A's stream is stale
    assert rec.kinds().count("done") == 1
    assert b_ran_after_a == [True]  # jobs of one runner never overlap


def test_wait_returns_when_the_job_stopped(qtbot: Any, runner: TaskRunner) -> None:
    started = threading.Event()
    runner.start(blocking_job, started)
    wait_until_blocked(started)
    assert not runner.wait(0.05)
    runner.cancel()
    assert runner.wait(5.0)
    assert not runner.threads_alive()
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        pass  # the outcome still arrives through the event loop


def test_status_widget_shows_active_job_and_cancels_it(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = JobRegistry(window)
    widget = JobStatusWidget(registry, window)
    window.statusBar().addPermanentWidget(widget)
    window.show()
    runner = registry.add(TaskRunner("Counting words", window))
    assert registry.runners() == [runner]
    assert not widget.isVisible()

    started = threading.Event()

    def job(*, progress: Progress) -> None:
        started.set()
        progress.report(0.25, "a quarter")
        while not progress.cancelled:
            threading.Event().wait(0.002)
        progress.raise_if_cancelled()

    runner.start(job)
    qtbot.waitUntil(lambda: "a quarter" in widget.label.text(), timeout=5000)
    assert widget.isVisible()
    assert widget.label.text() == "Counting words: a quarter"
    assert widget.progress_bar.value() == 250
    assert registry.active() is runner
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert not widget.isVisible()
    assert registry.active() is None
    assert runner.wait(5.0)


def test_registry_shutdown_cancels_and_waits(qtbot: Any) -> None:
    registry = JobRegistry()
    runners = [registry.add(TaskRunner(f"job {i}")) for i in range(2)]
    events = [threading.Event() for _ in runners]
    for r, e in zip(runners, events):
        r.start(blocking_job, e)
    for e in events:
        wait_until_blocked(e)
    assert len(registry.running()) == 2
    assert registry.shutdown(5.0)
    assert not any(r.threads_alive() for r in runners)
    qtbot.waitUntil(lambda: not registry.running(), timeout=5000)


def test_cancelled_job_hands_over_what_it_kept(qtbot: Any, runner: TaskRunner) -> None:
    rec = Recorder(runner)
    started = threading.Event()

    def keeps_epoch_one(*, progress: Progress) -> None:
        started.set()
        while not progress.cancelled:
            time.sleep(0.005)
        raise Cancelled({"epoch": 1})

    runner.start(keeps_epoch_one)
    wait_until_blocked(started)
    with qtbot.waitSignal(runner.done, timeout=5000):
        runner.cancel()
    assert rec.values("cancelled") == [{"epoch": 1}]
