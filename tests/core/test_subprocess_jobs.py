"""Jobs in a child process: progress, partials, results, errors, cancel, crashes."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.subprocess_jobs import ChildTraceback, JobWorker, run_in_child
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, RecordingProgress

# The child imports this module by name to find the job functions (spawn pickles them by
# reference), so the repository root must be on the path the child inherits.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)


# --------------------------------------------------------------------------- jobs (run in the child)

def counting_job(n: int, *, progress: Progress = NULL_PROGRESS) -> dict[str, int]:
    for i in range(n):
        progress.partial(("step", i))
        progress.report((i + 1) / n, f"step {i + 1} of {n}")
        time.sleep(0.06)           # slower than the child's report throttle
    return {"pid": os.getpid(), "total": sum(range(n))}


def array_job(x: np.ndarray, small: np.ndarray, *, progress: Progress = NULL_PROGRESS
              ) -> tuple[bool, float, float]:
    return isinstance(x, np.memmap), float(x.astype(np.float64).sum()), float(small.sum())


def failing_job(*, progress: Progress = NULL_PROGRESS) -> None:
    raise ParameterError("n_neighbors is 0; choose 2 or more.")


def buggy_job(*, progress: Progress = NULL_PROGRESS) -> None:
    raise KeyError("no such key")


def cooperative_job(*, progress: Progress = NULL_PROGRESS) -> None:
    for i in range(100_000):
        progress.report(None, f"tick {i}")
        progress.raise_if_cancelled()
        time.sleep(0.05)
    raise AssertionError("the cancel never arrived")


def keeping_job(*, progress: Progress = NULL_PROGRESS) -> None:
    while not progress.cancelled:
        progress.report(None, "working")
        time.sleep(0.05)
    raise Cancelled({"kept": 7})


def stubborn_job(*, progress: Progress = NULL_PROGRESS) -> None:
    progress.report(0.0, "started; never checks for a cancel")
    time.sleep(600)


def dying_job(*, progress: Progress = NULL_PROGRESS) -> None:
    progress.report(0.1, "about to die")
    os._exit(3)


def pid_job(*, progress: Progress = NULL_PROGRESS) -> int:
    return os.getpid()


# --------------------------------------------------------------------------- tests

@pytest.fixture(scope="module")
def worker() -> Iterator[JobWorker]:
    # A generous grace: on a busy machine a cooperative stop must not become a terminate.
    w = JobWorker("test jobs", grace=10.0)
    yield w
    w.shutdown()


def test_progress_partials_and_result_arrive(worker: JobWorker) -> None:
    progress = RecordingProgress()
    out = worker.run(counting_job, 5, progress=progress)
    assert out["total"] == 10 and out["pid"] != os.getpid()
    assert progress.partials == [("step", i) for i in range(5)]
    messages = [m for _, m in progress.reports]
    assert messages[-1] == "step 5 of 5" and progress.reports[-1][0] == 1.0
    assert len(messages) >= 3
    # The child stays up: the next job runs in the same process.
    assert worker.run(pid_job) == out["pid"] and worker.starts == 1


def test_large_arrays_travel_through_a_memory_mapped_file(worker: JobWorker,
                                                          tmp_path: Path) -> None:
    x = np.random.default_rng(0).standard_normal((3000, 100)).astype(np.float32)  # 1.2 MB
    small = np.arange(10.0)
    mapped, total, small_total = worker.call(array_job, (x, small), scratch_dir=tmp_path)
    assert mapped and small_total == 45.0
    assert total == pytest.approx(float(x.astype(np.float64).sum()), rel=1e-9)
    assert not list(tmp_path.iterdir()), "the temporary .npy file was left behind"


def test_workbench_errors_keep_class_and_message(worker: JobWorker) -> None:
    with pytest.raises(ParameterError, match=r"^n_neighbors is 0; choose 2 or more\.$"):
        worker.run(failing_job)
    with pytest.raises(KeyError) as info:
        worker.run(buggy_job)
    assert isinstance(info.value.__cause__, ChildTraceback)
    assert "buggy_job" in info.value.__cause__.text
    assert worker.starts == 1      # an exception in a job does not cost the process


def test_cancel_reaches_the_child(worker: JobWorker) -> None:
    with pytest.raises(Cancelled) as info:
        worker.run(cooperative_job, progress=RecordingProgress(cancel_after=3))
    assert info.value.result is None
    with pytest.raises(Cancelled) as info:
        worker.run(keeping_job, progress=RecordingProgress(cancel_after=2))
    assert info.value.result == {"kept": 7}
    assert worker.starts == 1 and worker.is_alive   # stopped by itself: nothing killed
    assert worker.run(pid_job) == worker.pid


def test_a_child_that_ignores_cancel_is_terminated_after_the_grace_period() -> None:
    worker = JobWorker("stubborn", grace=0.5)
    try:
        start = time.perf_counter()
        with pytest.raises(Cancelled):
            worker.run(stubborn_job, progress=RecordingProgress(cancel_after=1))
        took = time.perf_counter() - start
        assert not worker.is_alive
        assert took < 60, f"cancel took {took:.0f} s; the job would have slept 600 s"
        # Restarted lazily for the next job.
        assert isinstance(worker.run(pid_job), int) and worker.starts == 2
    finally:
        worker.shutdown()
    assert not worker.is_alive


def test_a_child_that_dies_gives_a_clear_error() -> None:
    worker = JobWorker("dying map", grace=0.5)
    try:
        progress = RecordingProgress()
        with pytest.raises(WorkbenchError, match=r"computing the dying map stopped "
                                                 r"unexpectedly \(exit code 3\)"):
            worker.run(dying_job, progress=progress)
        assert progress.reports == [(0.1, "about to die")]
        assert worker.run(pid_job) > 0 and worker.starts == 2
    finally:
        worker.shutdown()


def test_run_in_child_stops_its_process() -> None:
    assert run_in_child(pid_job) != os.getpid()


@pytest.mark.slow
def test_umap_in_the_worker_equals_umap_in_process(tmp_path: Path) -> None:
    """Slow: the child compiles UMAP's numba code (about 20 s on two cores)."""
    from tests.core.progress_fixtures import CancelWhen
    from workbench.core.embeddings import Embeddings
    from workbench.core.explore import ProjectionParams, project, warm_umap
    from workbench.core.explore.projections import umap_worker

    rng = np.random.default_rng(4)
    centres = rng.normal(0, 4, (4, 12))
    x = (centres[rng.integers(0, 4, 300)] + rng.normal(0, 1, (300, 12))).astype(np.float32)
    emb = Embeddings([f"w{i}" for i in range(300)], x)
    params = ProjectionParams("umap", n_neighbors=10, iterations=60, seed=3)
    local = project(emb, params)
    progress = RecordingProgress()
    assert warm_umap(in_child=True) > 0
    child = project(emb, params, progress, cache_dir=tmp_path, in_child=True)
    assert umap_worker().is_alive
    assert np.array_equal(local.coords, child.coords)
    assert any("epoch" in m for _, m in progress.reports)
    # A cancel reaches UMAP's epoch loop in the child: it stops there by itself (the
    # process is not terminated) and nothing is cached.
    pid, starts = umap_worker().pid, umap_worker().starts
    progress = CancelWhen(report=lambda message: "epoch" in message)
    cache = tmp_path / "cancelled"
    with pytest.raises(Cancelled):
        project(emb, ProjectionParams("umap", n_neighbors=10, iterations=100_000, seed=3),
                progress, cache_dir=cache, in_child=True)
    assert umap_worker().pid == pid and umap_worker().starts == starts
    assert not list(cache.glob("projection-*"))
    umap_worker().shutdown()
