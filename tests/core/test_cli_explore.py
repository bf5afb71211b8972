"""``workbench neighbours`` and ``workbench project`` through ``workbench.cli.main``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from workbench.cli import main
from workbench.core.embeddings import Embeddings
from workbench.core.explore import ProjectionParams, nearest, project

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::FutureWarning")


@pytest.fixture(scope="module")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Embeddings]:
    """A word2vec text file written by hand (not by our writer), and what it holds."""
    rng = np.random.default_rng(0)
    words = ["king", "queen", "man", "woman", "paris", "france", "北京", "naïve"] + \
        [f"w{i}" for i in range(112)]
    matrix = rng.standard_normal((len(words), 6)).astype(np.float32)
    path = tmp_path_factory.mktemp("vectors") / "tiny.txt"
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} 6\n")
        f.writelines(w + " " + " ".join(f"{v:.6f}" for v in row) + "\n"
                     for w, row in zip(words, matrix))
    emb = Embeddings(words, np.round(matrix, 6))
    return path, emb


def test_neighbours_table_and_json(vectors: tuple[Path, Embeddings],
                                   capsys: pytest.CaptureFixture) -> None:
    path, emb = vectors
    assert main(["neighbours", str(path), "king - man + woman", "-k", "4"]) == 0
    out = capsys.readouterr().out
    expected = nearest(emb, "king - man + woman", k=4)
    lines = out.splitlines()
    assert "king - man + woman" in lines[0] and "cosine" in lines[0] and "120 words" in lines[0]
    rows = [line.split() for line in lines[2:6]]
    assert [r[1] for r in rows] == expected.words
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4]
    np.testing.assert_allclose([float(r[2]) for r in rows],
                               [n.score for n in expected.neighbours], atol=1e-4)
    assert "Left out of the list: king, man, woman." in out

    assert main(["neighbours", str(path), "北京", "--metric", "euclidean", "--json", "-k", "3",
                 "--exclude", "w1,w2"]) == 0
    payload = json.loads(capsys.readouterr().out)
    expected = nearest(emb, "北京", k=3, metric="euclidean", exclude=["w1", "w2"])
    assert payload["query"] == "北京" and payload["metric"] == "euclidean"
    assert [n["word"] for n in payload["neighbours"]] == expected.words
    assert payload["excluded"][0] == "北京"
    # An expression starting with '-' after '--'.
    assert main(["neighbours", str(path), "-k", "2", "--", "-paris"]) == 0


@pytest.mark.parametrize(("argv", "fragment"), [
    (["kinq"], "'kinq' is not in the vocabulary"),
    (["king man"], "Expected '+' or '-'"),
    (["king -"], "word is missing"),
    (["king", "-k", "0"], "-k must be 1 or more"),
])
def test_neighbours_errors_exit_2(vectors: tuple[Path, Embeddings], argv: list[str],
                                  fragment: str, capsys: pytest.CaptureFixture) -> None:
    path, _ = vectors
    assert main(["neighbours", str(path), *argv]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and fragment in err[0]
    assert captured.out == ""


def test_neighbours_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["neighbours", str(tmp_path / "nope.vec"), "king"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "does not exist" in err


def _read_csv(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]]
                                                        for r in rows[1:]])


def test_project_pca_writes_csv_and_uses_the_cache(vectors: tuple[Path, Embeddings],
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    path, emb = vectors
    out = tmp_path / "coords.csv"
    ws = tmp_path / "ws"
    argv = ["project", str(path), "--method", "pca", "--dims", "3", "--top", "100",
            "--out", str(out), "--workspace", str(ws)]
    assert main(argv) == 0
    summary = capsys.readouterr().out
    assert "Wrote 100 points (PCA, 3-D" in summary and "explained variance" in summary
    header, words, coords = _read_csv(out)
    assert header == ["word", "x", "y", "z"] and words == emb.words[:100]
    ref = project(emb, ProjectionParams("pca", dims=3, top_n=100))
    np.testing.assert_allclose(coords, ref.coords, atol=1e-4)
    assert len(list((ws / "cache" / "projections").glob("*.npy"))) == 1
    assert main(argv) == 0
    assert "from the cache" in capsys.readouterr().out
    assert main([*argv, "--no-cache", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_project_tsne_2d(vectors: tuple[Path, Embeddings], tmp_path: Path) -> None:
    path, emb = vectors
    out = tmp_path / "tsne.csv"
    assert main(["project", str(path), "--method", "tsne", "--perplexity", "5",
                 "--iterations", "260", "--out", str(out), "--no-cache"]) == 0
    header, words, coords = _read_csv(out)
    assert header == ["word", "x", "y"] and words == emb.words and coords.shape == (120, 2)
    assert out.read_text(encoding="utf-8").count("北京") == 1


@pytest.mark.parametrize(("extra", "fragment"), [
    (["--method", "tsne"], "perplexity 30 needs at least 91 points; the map has 50"),
    (["--method", "umap", "--n-neighbors", "60"], "needs at least 61 points"),
    (["--method", "tsne", "--iterations", "10"], "at least 251 iterations"),
    (["--top", "0"], "--top must be 1 or more"),
])
def test_project_errors_exit_2(vectors: tuple[Path, Embeddings], tmp_path: Path,
                               extra: list[str], fragment: str,
                               capsys: pytest.CaptureFixture) -> None:
    path, _ = vectors
    out = tmp_path / "c.csv"
    top = [] if "--top" in extra else ["--top", "50"]
    assert main(["project", str(path), *top, *extra, "--out", str(out), "--no-cache"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and fragment in err[0]
    assert not out.exists()


def test_project_bad_arguments(vectors: tuple[Path, Embeddings], tmp_path: Path,
                               capsys: pytest.CaptureFixture) -> None:
    path, _ = vectors
    assert main(["project", str(path), "--dims", "4", "--out", str(tmp_path / "c.csv")]) == 2
    assert main(["project", str(path)]) == 2            # --out is required
    assert main(["project", str(tmp_path / "missing.txt"), "--out",
                 str(tmp_path / "c.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["project", str(path), "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
