"""``workbench bert pretrain|finetune --config run.json``, Ctrl-C, and ``torchrun`` (DDP)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.core.bert_fixtures import TOKENIZER, wiki_corpus
from workbench import cli

ROOT = Path(__file__).resolve().parents[2]

# Tiny models run faster on one thread (and do not fight other jobs for cores).
pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wiki_corpus(shared_data, tmp_path_factory.mktemp("corpus"), 200)


def _config(folder: Path, corpus: Path, **training: Any) -> Path:
    values: dict[str, Any] = {
        "corpus": str(corpus), "tokenizer": str(TOKENIZER), "layers": 2, "hidden": 32,
        "heads": 2, "intermediate": 64, "seq_len": 32, "split_sentences": True,
        "output_dir": "out", "eval_fraction": 0.1,
        "training": {"max_steps": 4, "batch_size": 8, "device": "cpu", "log_every": 2,
                     **training}}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "run.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}


def test_pretrain_from_a_config_file(corpus: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.core.workspace import Workspace

    config = _config(tmp_path / "cfg", corpus)
    ws = tmp_path / "ws"
    assert cli.main(["bert", "pretrain", "--config", str(config), "--workspace", str(ws)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("step 4/4  loss ") for line in lines), lines
    assert any(line.startswith("eval  step 4") and "perplexity" in line for line in lines)
    assert "Recorded as run 1." in lines
    final = tmp_path / "cfg" / "out" / "final"          # relative to the config file
    assert (final / "model.safetensors").is_file() and (final / "config.json").is_file()
    (record,) = Workspace(ws).runs.list()
    assert record.status == "success" and record.outputs["final_model"] == str(final)


def test_killed_run_resumes_to_the_same_weights(corpus: Path, tmp_path: Path) -> None:
    """SIGKILL a ``workbench bert pretrain`` process after its first checkpoint; resume.

    The resumed weights must equal an uninterrupted run's: model, optimizer,
    scheduler, RNG (dropout is on) and data position all come back.  The
    constant learning rate makes the schedule independent of ``max_steps``,
    so the killed process can be told to run long.
    """
    from safetensors.torch import load_file

    from workbench.core.bert.engine import CHECKPOINT_MARKER, latest_checkpoint
    from workbench.core.bert.pretrain import PretrainRequest, pretrain

    config = _config(tmp_path / "kill", corpus, max_steps=500, save_every=3,
                     lr_schedule="constant", warmup_ratio=0.0, learning_rate=2e-3)
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "bert", "pretrain", "--config",
                             str(config), "--no-record"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=_env())
    out = tmp_path / "kill" / "out"
    marker = out / "checkpoint-3" / CHECKPOINT_MARKER
    deadline = time.monotonic() + 300
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    _, err = proc.communicate()
    assert marker.exists(), err.decode()[-3000:]
    assert proc.returncode == -signal.SIGKILL
    assert not (out / "final").exists()
    resume_from = latest_checkpoint(out)
    assert resume_from is not None
    killed_at = int(resume_from.name.split("-")[1])
    assert 3 <= killed_at < 24

    base = PretrainRequest.load(config)

    def run(folder: Path) -> Any:
        training = {**base.training.to_dict(), "max_steps": 24}
        return pretrain(PretrainRequest.from_dict({**base.to_dict(), "output_dir": str(folder),
                                                   "training": training}))

    resumed = run(out)
    straight = run(tmp_path / "straight")
    assert resumed.steps == straight.steps == 24
    logged = [h["step"] for h in resumed.history if "loss" in h]   # kept across the kill
    assert logged == sorted(set(logged)) and logged[-1] == 24       # continued, not restarted
    assert any(step > killed_at for step in logged)
    a = load_file(str(resumed.final_model_dir / "model.safetensors"))
    b = load_file(str(straight.final_model_dir / "model.safetensors"))
    worst = max(float((a[k] - b[k]).abs().max()) for k in a)
    assert worst <= 1e-6, f"resumed weights differ by {worst}"
    assert resumed.metrics["eval_loss"] == pytest.approx(straight.metrics["eval_loss"], abs=1e-6)


def test_bad_configs_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"corpus": "x.txt", "mask_ratio": 0.2}', encoding="utf-8")
    assert cli.main(["bert", "pretrain", "--config", str(bad), "--no-record"]) == 2
    assert "Unknown pretraining setting mask_ratio" in capsys.readouterr().err
    bad.write_text('{"corpus": "missing.txt"}', encoding="utf-8")
    assert cli.main(["bert", "pretrain", "--config", str(bad), "--no-record"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "missing.txt does not exist" in err
    assert cli.main(["bert", "pretrain", "--config", str(tmp_path / "none.json")]) == 2
    assert "cannot be read" in capsys.readouterr().err
    bad.write_text('{"task": "classification"}', encoding="utf-8")
    assert cli.main(["bert", "finetune", "--config", str(bad), "--no-record"]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_print_launch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "run.json"
    assert cli.main(["bert", "pretrain", "--config", str(config), "--print-launch", "2"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"torchrun --standalone --nproc_per_node=2 -m workbench.cli bert pretrain "
        f"--config {config}")


@pytest.mark.slow
def test_ctrl_c_checkpoints_and_the_same_command_resumes(corpus: Path, tmp_path: Path) -> None:
    config = _config(tmp_path, corpus, max_steps=400, save_every=1000)
    cmd = [sys.executable, "-m", "workbench", "bert", "pretrain", "--config", str(config),
           "--no-record"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env())
    assert proc.stdout is not None
    for line in proc.stdout:                          # wait until training runs
        if line.startswith("step "):
            break
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "cancelled" in stderr and "Stopped at step" in stdout
    ckpts = list((tmp_path / "out").glob("checkpoint-*"))
    assert len(ckpts) == 1
    step = int(ckpts[0].name.split("-")[1])
    again = subprocess.run([*cmd, "--max-steps", str(step + 2)], capture_output=True,
                           text=True, timeout=300, env=_env(), check=False)
    assert again.returncode == 0, again.stderr
    assert f"Trained {step + 2:,} steps" in again.stdout


@pytest.mark.slow
def test_two_process_ddp_equals_gradient_accumulation(corpus: Path, tmp_path: Path) -> None:
    """torchrun with 2 gloo processes x batch 4 == one process x batch 4 x accumulation 2."""
    from safetensors.torch import load_file

    from workbench.core.bert.engine import TrainingSettings
    from workbench.core.bert.pretrain import PretrainRequest, pretrain

    config = _config(tmp_path / "ddp", corpus, max_steps=4, batch_size=4, save_every=2)
    values = json.loads(config.read_text(encoding="utf-8"))
    values["dropout"] = 0.0
    config.write_text(json.dumps(values), encoding="utf-8")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone",
                          "--nproc_per_node=2", "-m", "workbench.cli", "bert", "pretrain",
                          "--config", str(config), "--no-record"], capture_output=True,
                         text=True, timeout=600, env=_env(), cwd=ROOT, check=False)
    seconds = time.perf_counter() - start
    assert out.returncode == 0, out.stderr[-3000:]
    assert "Training on 2 processes" in out.stdout
    assert out.stdout.count("Trained 4 steps") == 1                 # only the first prints
    ddp_dir = tmp_path / "ddp" / "out"
    assert {p.name for p in (ddp_dir / "checkpoint-4").glob("rng_state_*.pth")} == {
        "rng_state_0.pth", "rng_state_1.pth"}

    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        request = PretrainRequest.load(config)
        single = pretrain(PretrainRequest.from_dict({
            **request.to_dict(), "output_dir": str(tmp_path / "single"),
            "training": TrainingSettings(max_steps=4, batch_size=4, grad_accum=2, device="cpu",
                                         log_every=2).to_dict()}))
    finally:
        torch.set_num_threads(threads)
    a = load_file(str(ddp_dir / "final" / "model.safetensors"))
    b = load_file(str(single.final_model_dir / "model.safetensors"))
    worst = max(float((a[k] - b[k]).abs().max()) for k in a)
    assert worst < 1e-5, f"DDP and accumulation differ by {worst}"
    print(f"DDP run: {seconds:.1f} s wall")
