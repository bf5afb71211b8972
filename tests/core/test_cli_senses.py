"""``workbench senses MODEL CORPUS WORD --out senses.csv`` on a tiny random BERT."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from tests.core.inspect_fixtures import tiny_texts
from workbench.cli_senses import EXIT_NOT_FOUND, add_senses_command, run_senses


def _run(argv: list[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="workbench")
    add_senses_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["senses", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run_senses(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_senses_from_a_corpus(tiny_bert_folder: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(tiny_texts()) + "\n", encoding="utf-8")
    out_csv = tmp_path / "senses.csv"
    code, out, err = _run([str(tiny_bert_folder), str(corpus), "bank", "--out", str(out_csv),
                           "--k", "2", "--device", "cpu"])
    assert code == 0, err
    rows = _rows(out_csv)
    assert list(rows[0]) == ["source", "sentence", "start", "end", "cluster", "x", "y"]
    texts = tiny_texts()
    expected = [(f"corpus.txt:{i + 1}", t) for i, t in enumerate(texts) if " bank " in t]
    assert [(r["source"], r["sentence"]) for r in rows] == expected
    for r in rows:
        assert r["sentence"][int(r["start"]):int(r["end"])] == "bank"
        float(r["x"]), float(r["y"])
    assert {r["cluster"] for r in rows} == {"0", "1"}
    assert "2 clusters" in out and "8 occurrences used of 8" in out


def test_senses_coarsewsd_with_gold(tiny_bert_folder: Path, tmp_path: Path,
                                    shared_data: Path) -> None:
    out_csv = tmp_path / "bank.csv"
    code, out, err = _run([str(tiny_bert_folder), "coarsewsd", "bank", "--out", str(out_csv),
                           "--limit", "30", "--layer", "last",
                           "--coarsewsd-root", str(shared_data / "CoarseWSD-20")])
    assert code == 0, err
    rows = _rows(out_csv)
    assert len(rows) == 30 and list(rows[0])[-1] == "gold"
    gold = (shared_data / "CoarseWSD-20" / "bank" / "train.gold.txt").read_text().split()[:30]
    names = {"0": "bank_bank", "1": "bank_bank_(geography)"}
    assert [r["gold"] for r in rows] == [names[g] for g in gold]
    assert "Adjusted Rand index" in out


def test_word_not_found_gives_count_zero_and_suggestions(tiny_bert_folder: Path,
                                                         tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("the banker banked at the banks\n", encoding="utf-8")
    out_csv = tmp_path / "s.csv"
    code, _out, err = _run([str(tiny_bert_folder), str(corpus), "bank", "--out", str(out_csv)])
    assert code == EXIT_NOT_FOUND == 1
    assert "occurs 0 times" in err and "banker" in err and "banks" in err
    assert not out_csv.exists()


def test_bad_inputs_are_sentences(tmp_path: Path, tiny_bert_folder: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("a bank\n", encoding="utf-8")
    code, _, err = _run([str(tmp_path), str(corpus), "bank", "--out", str(tmp_path / "o.csv")])
    assert code == 2 and err.startswith("error: ") and "Traceback" not in err
    code, _, err = _run([str(tiny_bert_folder), str(corpus), "bank", "--out",
                         str(tmp_path / "o.csv")])
    assert code == 2 and "at least 3 occurrences" in err
    code, _, err = _run([str(tiny_bert_folder), "coarsewsd", "river", "--out",
                         str(tmp_path / "o.csv")])
    assert code == 2 and "apple, arm, bank" in err
    code, _, err = _run([str(tiny_bert_folder), str(corpus), "bank", "--out", str(tmp_path),
                         "--limit", "10"])
    assert code == 2 and "is a folder" in err
