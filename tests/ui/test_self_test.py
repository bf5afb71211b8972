"""``workbench --self-test``: the bundle's self-test, run from source (the same code path)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from workbench.ui.self_test import STEPS, image_is_blank, run_self_test

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    """A child environment whose home, settings, data and cache folders are all temporary."""
    env = dict(os.environ)
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / var.lower()
        folder.mkdir()
        env[var] = str(folder)
    env.pop("WORKBENCH_WORKSPACE", None)        # the self-test must make its own
    env["QT_QPA_PLATFORM"] = "xcb-not-there"    # it must switch to offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["OMP_NUM_THREADS"] = "1"                # tiny models: one thread is faster here
    env["PYTHONPATH"] = str(ROOT)
    return env


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = _env(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "workbench", "--self-test"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          check=False)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("self-test:")]
    assert proc.returncode == 0, proc.stderr[-4000:]
    for step in STEPS:
        line = next((x for x in lines if re.match(rf"self-test: {step}\s", x)), None)
        assert line is not None, f"no line for step {step!r}:\n" + "\n".join(lines)
        assert re.search(r"\s\d+\.\d s  OK", line), line
    assert re.match(r"self-test: total\s+\d+\.\d s  OK", lines[-1]), lines[-1]
    assert "FAILED" not in proc.stderr
    # the numbers a step reports come from the real work: the corpus has tokens, the
    # vectors 20 dimensions, BERT ran 2 steps, attention has 2 layers x 2 heads
    text = "\n".join(lines)
    tokens = int(re.search(r"inaugural\.txt\.gz: ([\d,]+) tokens", text).group(1).replace(",", ""))
    assert tokens > 100_000
    assert " x 20 dimensions" in text and "2 steps" in text and "2 layers x 2 heads" in text
    # nothing was written to the (temporary) home, settings or data folders
    for var in ("home", "xdg_config_home", "xdg_data_home"):
        assert _files(tmp_path / var) == [], var


def test_a_failing_step_is_named_and_exits_1(tmp_path: Path, capsys: Any) -> None:
    """In-process (pytest-qt's QApplication exists): a corpus that is not there fails step 2."""
    missing = tmp_path / "no-such-corpus.txt"
    out = []

    class Out:
        def write(self, text: str) -> None:
            out.append(text)

        def flush(self) -> None:
            pass

    code = run_self_test(corpus=missing, out=Out(), timeout=60)  # type: ignore[arg-type]
    text = "".join(out)
    assert code == 1, text
    assert re.search(r"self-test: window\s+\d+\.\d s  OK", text)
    assert re.search(r"self-test: corpus\s+\d+\.\d s  FAILED: .*no-such-corpus\.txt", text), text
    assert "self-test: FAILED at step 'corpus'" in text
    assert "word2vec" not in text                   # later steps do not run


def test_self_test_flag_is_in_the_help() -> None:
    code = "from workbench.ui.app import _parse_args; _parse_args(['--help'])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False, cwd=ROOT)
    assert "--self-test" in proc.stdout
    assert "--startup-time" not in proc.stdout and "--self-test-corpus" not in proc.stdout


@pytest.mark.parametrize("colours, blank", [(1, True), (2, True), (3, False)])
def test_image_is_blank_counts_colours(qapp: Any, colours: int, blank: bool) -> None:
    image = QImage(40, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    for i in range(1, colours):
        for x in range(5):
            image.setPixelColor(x + 10 * i, 3, QColor(60 * i, 0, 0))
    pixels = np.array([[image.pixelColor(x, y).rgb() for x in range(40)] for y in range(30)])
    assert len(np.unique(pixels)) == colours     # the independent count
    assert image_is_blank(image) is blank
    assert image_is_blank(QImage()) is True
