"""``workbench attention``: PNG/SVG pictures of a tiny model's attention, errors as sentences."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.cli_attention import add_attention_command, run_attention

TEXT = "The cat sat on the mat."


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_attention_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(["attention", *argv])


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_attention(parse(*argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_grid_heatmap_and_lines(qapp: Any, tiny_bert_folder: Path, tmp_path: Path) -> None:
    # qapp: the test process's one QApplication (the command reuses it).
    from PySide6.QtGui import QImage
    from transformers import AutoTokenizer

    from workbench.ui.plots import attention_render as ar

    n = len(AutoTokenizer.from_pretrained(tiny_bert_folder)(TEXT)["input_ids"])
    code, out, err = run(str(tiny_bert_folder), TEXT, "--out", str(tmp_path / "heads.png"))
    assert code == 0, err
    assert "grid of 2 layers × 2 heads" in out
    image = QImage(str(tmp_path / "heads.png"))
    assert image.size() == ar.grid_geometry(2, 2, 64).size

    code, out, err = run(str(tiny_bert_folder), TEXT, "--layer", "2", "--head", "1",
                         "--cell", "12", "--out", str(tmp_path / "heat.png"))
    assert code == 0, err
    tokens = AutoTokenizer.from_pretrained(tiny_bert_folder).tokenize(TEXT)
    geometry = ar.heatmap_geometry(n, n, 12, row_tokens=["[CLS]", *tokens, "[SEP]"],
                                   col_tokens=["[CLS]", *tokens, "[SEP]"])
    assert QImage(str(tmp_path / "heat.png")).size() == geometry.size
    assert f"{n} × {n}" in out

    code, out, err = run(str(tiny_bert_folder), TEXT, "--pair", "A dog ran.", "--view", "lines",
                         "--hide-special", "--direction", "a_to_b",
                         "--out", str(tmp_path / "lines.svg"))
    assert code == 0, err
    assert (tmp_path / "lines.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_errors_are_sentences(qapp: Any, tiny_bert_folder: Path, tmp_path: Path) -> None:
    code, _, err = run(str(tiny_bert_folder), TEXT, "--out", str(tmp_path / "x.bmp"))
    assert code == 2 and "error:" in err and ".png or .svg" in err
    code, _, err = run(str(tiny_bert_folder), TEXT, "--layer", "7",
                       "--out", str(tmp_path / "x.png"))
    assert code == 2 and "the model has 2 layers" in err
    code, _, err = run(str(tmp_path), TEXT, "--out", str(tmp_path / "x.png"))
    assert code == 2 and err.startswith("error:")
    code, _, err = run(str(tiny_bert_folder), TEXT, "--direction", "a_to_b",
                       "--out", str(tmp_path / "x.png"))
    assert code == 2 and "--pair" in err
    long_text = " ".join(["cat"] * 100)
    code, _, err = run(str(tiny_bert_folder), long_text, "--out", str(tmp_path / "long.png"))
    assert code == 0 and "note:" in err and "maximum of 64" in err
    assert not (tmp_path / "x.png").exists()


def test_the_command_module_does_not_import_qt() -> None:
    code = ("import sys, workbench.cli, workbench.cli_attention\n"
            "workbench.cli.build_parser()\n"
            "print([m for m in ('PySide6', 'torch', 'transformers') if m in sys.modules])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
