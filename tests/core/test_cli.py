"""The Qt-free command line: ``python -m workbench corpus stats``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import workbench
from workbench import cli


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_stats_prints_table(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "nltk-english-corpora" / "plain" / "inaugural.txt.gz"
    vocab = tmp_path / "vocab.tsv"
    out = run("corpus", "stats", str(path), "--top", "5", "--min-count", "3",
              "--vocab-out", str(vocab))
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for label in ("Tokens:", "Types:", "Sentences:", "Hapax:", "OOV rate (min count 3)",
                  "Vocabulary (min count 3)"):
        assert label in text
    assert "   1  the" in text
    assert out.stderr == ""                           # no progress when stderr is not a TTY
    assert vocab.read_text(encoding="utf-8").startswith("the\t")


def test_stats_json_and_options(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"body": "Hello, World! Hello again."}\n{"body": "Café 1984"}\n',
                    encoding="utf-8")
    out = run("corpus", "stats", str(path), "--jsonl-field", "body", "--json", "--punctuation",
              "--split-sentences", "--strip-accents", "--fold-numbers", "--no-lowercase",
              "--min-count", "1", "--no-cache")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["tokens"] == 9 and data["sentences"] == 3
    assert ["Hello", 2] in data["top"] and ["Cafe", 1] in data["top"] and ["0000", 1] in data["top"]
    assert data["cache_path"] is None and data["oov_rate"] == 0.0


def test_workspace_records_run(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one two three\n")
    ws = tmp_path / "ws"
    out = run("corpus", "stats", str(path), "--workspace", str(ws), "--json")
    assert out.returncode == 0, out.stderr
    cache = Path(json.loads(out.stdout)["cache_path"])
    assert cache.is_relative_to(ws) and cache.read_text() == "one two three\n"
    from workbench.core.workspace import Workspace

    assert Workspace(ws).runs.list("corpus_stats")[0].status == "success"


def test_bad_input_exits_2_with_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"ok\n\xff\xfe\xfd\n")
    out = run("corpus", "stats", str(bad))
    assert out.returncode == 2
    assert out.stderr.startswith("error: ") and "broken.txt" in out.stderr
    assert "Traceback" not in out.stderr
    missing = run("corpus", "stats", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and "missing.txt does not exist" in missing.stderr


def test_version_and_help() -> None:
    out = run("--version")
    assert out.returncode == 0 and workbench.__version__ in out.stdout
    helped = run("corpus", "stats", "--help")
    assert helped.returncode == 0 and "--min-count" in helped.stdout
    assert "corpus" in cli.COMMANDS
    assert cli.main(["--version"]) == 0
    assert cli.main(["corpus", "stats"]) == 2            # missing PATH: usage error
    assert cli.main(["corpus", "stats", "x", "--chinese", "klingon"]) == 2


def test_cli_does_not_import_qt(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("hello world\n")
    code = ("import sys\nfrom workbench.__main__ import main\n"
            f"rc = main(['corpus', 'stats', {str(path)!r}, '--no-cache'])\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph', 'torch', 'gensim')"
            " or m.startswith('workbench.ui'))\n"
            "print('LOADED', bad, rc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "LOADED [] 0" in out.stdout


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery")
def test_ctrl_c_cancels_with_130(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "w") as f:
        for i in range(400_000):
            f.write(f"line {i} with several words to tokenize here and there\n")
    env = dict(os.environ, WORKBENCH_TOKENIZER_WORKERS="1")
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "corpus", "stats", str(path),
                             "--workspace", str(tmp_path / "ws")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the scan finished before the signal arrived")
    assert proc.returncode == 130 and "cancelled" in err
    assert [p for p in (tmp_path / "ws" / "cache").rglob("*") if p.is_file()] == []


def test_train_glove_and_eval_from_the_shell(tmp_path: Path) -> None:
    from workbench.core.static import load_vectors
    from workbench.core.workspace import Workspace

    corpus = tmp_path / "tok.txt"
    corpus.write_text("the king rules the land\nthe queen rules the land\n" * 40)
    out, ws = tmp_path / "out", tmp_path / "ws"
    done = subprocess.run(
        [sys.executable, "-m", "workbench", "train", "glove", str(corpus), "--pretokenized",
         "--out", str(out), "--epochs", "2", "--min-count", "1", "--vector-size", "8",
         "--workspace", str(ws), "--quiet"],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Saved 5 vectors of 8 dimensions" in done.stdout
    emb = load_vectors(out / "vectors.txt")
    assert set(emb.words) == {"the", "king", "queen", "rules", "land"}
    (run,) = Workspace(ws).runs.list()
    assert run.kind == "train_glove" and run.status == "success"
    assert load_vectors(run.outputs["vectors"]).words == emb.words

    sims = tmp_path / "sims.txt"
    sims.write_text("king\tqueen\t9.0\nking\tland\t2.0\nqueen\tland\t2.5\n")
    done = subprocess.run([sys.executable, "-m", "workbench", "eval", "similarity",
                           str(out / "vectors.txt"), str(sims)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "sims.txt" in done.stdout
