"""Workspace folder, run registry and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import Cancelled
from workbench.core.workspace import (
    RunRegistry,
    Workspace,
    atomic_write,
    default_workspace_dir,
)


def test_default_workspace_honours_environment(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_WORKSPACE", str(tmp_path / "ws"))
    assert default_workspace_dir() == tmp_path / "ws"
    monkeypatch.delenv("WORKBENCH_WORKSPACE")
    assert default_workspace_dir().name == "EmbeddingWorkbench"


def test_atomic_write_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "vocab.tsv"
    with atomic_write(target, "w") as f:
        f.write("the\t10\n")
    assert target.read_text() == "the\t10\n"

    with pytest.raises(RuntimeError), atomic_write(target, "w") as f:
        f.write("half a fi")
        raise RuntimeError("disk full")
    assert target.read_text() == "the\t10\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["vocab.tsv"]


def test_atomic_write_cleans_up_on_cancel(tmp_path: Path) -> None:
    target = tmp_path / "cache.txt"
    with pytest.raises(Cancelled), atomic_write(target, "wb") as f:
        f.write(b"partial")
        raise Cancelled()
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_rejects_read_modes(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_write(tmp_path / "x", "r"):
        pass


def test_registry_records_a_run_lifecycle(tmp_path: Path) -> None:
    reg = RunRegistry(tmp_path / "runs.sqlite")
    run_id = reg.start("word2vec", {"window": 5, "sg": True}, "abc123")
    rec = reg.get(run_id)
    assert (rec.status, rec.kind, rec.params["window"], rec.ended) == ("running", "word2vec", 5,
                                                                        None)
    reg.update_metrics(run_id, {"loss": [3.0, 2.0]})
    assert reg.get(run_id).metrics == {"loss": [3.0, 2.0]}
    reg.finish(run_id, "success", {"loss": [3.0, 2.0, 1.5]}, {"vectors": tmp_path / "v.txt"})
    rec = reg.get(run_id)
    assert rec.status == "success"
    assert rec.outputs == {"vectors": str(tmp_path / "v.txt")}
    assert rec.seconds is not None and rec.seconds >= 0
    with pytest.raises(ValueError):
        reg.finish(run_id, "exploded")
    with pytest.raises(KeyError):
        reg.get(999)


def test_registry_survives_reopening_and_filters(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite"
    reg = RunRegistry(path)
    a = reg.start("a", {})
    b = reg.start("b", {})
    reg2 = RunRegistry(path)
    assert [r.id for r in reg2.list()] == [b, a]
    assert [r.kind for r in reg2.list(kind="a")] == ["a"]
    assert len(reg2.list(limit=1)) == 1


def test_corrupt_registry_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(WorkbenchError, match="runs.sqlite"):
        RunRegistry(path)


def test_workspace_records_success_cancel_and_failure(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    with ws.recorded("job", {"p": 1}, "fp") as run:
        run.metrics["tokens"] = 42
        run.outputs["file"] = tmp_path / "out.txt"
    with pytest.raises(Cancelled), ws.recorded("job", {"p": 2}):
        raise Cancelled()
    with pytest.raises(OSError), ws.recorded("job", {"p": 3}):
        raise OSError("no space left on device")
    runs = {r.params["p"]: r for r in ws.runs.list()}
    assert runs[1].status == "success" and runs[1].metrics == {"tokens": 42}
    assert runs[1].input_fingerprint == "fp"
    assert runs[2].status == "cancelled"
    assert runs[3].status == "failed" and "no space" in runs[3].message
    assert ws.run_dir(runs[1].id).is_dir()


def test_unusable_workspace_is_a_clear_error(tmp_path: Path) -> None:
    # A folder below a regular file cannot be created, even by root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(WorkbenchError, match="cannot be written"):
        Workspace(blocker / "ws")


def test_unwritable_workspace_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(WorkbenchError, match="cannot be written"):
        Workspace(tmp_path / "ws")
