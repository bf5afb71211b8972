"""Analogy and similarity evaluation: readers, agreement with gensim, progress, CLI."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workbench.cli_eval import add_eval_command, run_eval
from workbench.core.embeddings import Embeddings
from workbench.core.errors import WorkbenchError
from workbench.core.evaluation import (
    AnalogyCategory,
    AnalogyQuestion,
    AnalogySet,
    builtin_benchmarks,
    evaluate_analogies,
    evaluate_similarity,
    find_benchmark,
    load_analogy_file,
    load_similarity_file,
    solve_analogy,
)
from workbench.core.static.formats import save_vectors
from workbench.core.tasks import Cancelled, RecordingProgress

pytestmark = pytest.mark.filterwarnings("ignore:Call to deprecated:DeprecationWarning")

GENSIM_DATA = Path(__import__("importlib.util").util.find_spec("gensim")
                   .submodule_search_locations[0]) / "test" / "test_data"
GOOGLE = GENSIM_DATA / "questions-words.txt"
WS353 = GENSIM_DATA / "wordsim353.tsv"
SIMLEX = GENSIM_DATA / "simlex999.txt"


# --------------------------------------------------------------------------- fixtures

def _planted_embeddings(bench: AnalogySet, categories: tuple[int, ...],
                        seed: int = 0) -> Embeddings:
    """Random vectors with analogy offsets planted for part of the questions.

    The vocabulary holds the words of the ``categories`` (indices) in
    lower case *and* as written (``athens`` and ``Athens`` get different
    vectors, exercising the case-insensitive rules), the words of the
    similarity benchmarks, and fillers; it is shuffled so that
    ``restrict_vocab`` cuts through it.
    """
    rng = np.random.default_rng(seed)
    words: dict[str, None] = {}
    chosen = [bench.categories[i] for i in categories]
    for cat in chosen:
        for q in cat.questions:
            for w in (q.a, q.b[0], q.c, q.d[0]):
                words[w.lower()] = None
                words[w] = None
    for path in (WS353, SIMLEX):
        for p in load_similarity_file(path).pairs[::2]:
            words[p.a] = None
            words[p.b.upper()] = None
    vocab = list(words) + [f"filler{i}" for i in range(1500)]
    rng.shuffle(vocab)
    dim = 40
    vec = {w: rng.standard_normal(dim) for w in vocab}
    for cat in chosen:
        offset = rng.standard_normal(dim) * 1.5
        for q in cat.questions[::5]:
            vec[q.b[0].lower()] = vec[q.a.lower()] + offset + 0.6 * rng.standard_normal(dim)
            vec[q.d[0].lower()] = vec[q.c.lower()] + offset + 0.6 * rng.standard_normal(dim)
    return Embeddings(vocab, np.array([vec[w] for w in vocab], dtype=np.float32))


@pytest.fixture(scope="module")
def google() -> AnalogySet:
    return load_analogy_file(GOOGLE)


@pytest.fixture(scope="module")
def emb(google: AnalogySet) -> Embeddings:
    # capital-common-countries, currency, family: ~1,900 questions keep gensim quick.
    return _planted_embeddings(google, categories=(0, 2, 4))


def _keyed_vectors(emb: Embeddings) -> Any:
    from gensim.models import KeyedVectors

    kv = KeyedVectors(emb.dim)
    kv.add_vectors(emb.words, emb.vectors)
    return kv


# --------------------------------------------------------------------------- readers

def test_google_questions_words(google: AnalogySet) -> None:
    assert google.layout == "questions-words" and google.n_questions == 19_544
    assert len(google.categories) == 14 and google.skipped_lines == 0
    assert google.categories[0].name == "capital-common-countries"
    assert google.categories[0].questions[0] == AnalogyQuestion.simple(
        "Athens", "Greece", "Baghdad", "Iraq")
    assert google.categories[-1].name == "gram9-plural-verbs"


def test_malformed_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_bytes(b"a b c d\n: first\nw x y z\nonly three words\n\n"
                     b"one two three four five\nbad \xff\xfe x y\n: second\nk l m n\n")
    bench = load_analogy_file(path)
    assert [c.name for c in bench.categories] == ["mine", "first", "second"]
    assert bench.n_questions == 3
    assert bench.skipped_lines == 3
    assert [n for _, n in bench.skipped_examples] == [4, 6, 7]
    sims = tmp_path / "sims.txt"
    sims.write_text("# comment\nword1\tword2\tscore\ncat\tdog\t7.5\ncar\tbus\n"
                    "tiger\tcat\tlots\nsun moon 3\nnew,old,1.5\n\n", encoding="utf-8")
    s = load_similarity_file(sims)
    assert [(p.a, p.b, p.score) for p in s.pairs] == [("cat", "dog", 7.5), ("sun", "moon", 3.0),
                                                     ("new", "old", 1.5)]
    assert s.skipped_lines == 2 and [n for _, n in s.skipped_examples] == [4, 5]


def test_bats_reader(shared_data: Path, tmp_path: Path) -> None:
    bats = load_analogy_file(shared_data / "BATS_3.0")
    assert bats.layout == "bats" and len(bats.categories) == 40
    assert bats.n_questions == 40 * 50 * 49 and bats.skipped_lines == 0
    assert bats.categories[0].name.startswith("I01")
    hypernyms = next(c for c in bats.categories if c.name.startswith("L01"))
    q = hypernyms.questions[0]
    assert len(q.b) > 1 and len(q.d) > 1 and "" not in q.b + q.d   # "a/b/" alternatives

    one = tmp_path / "E99 [toy].txt"
    one.write_text("france\tparis\ngermany\tberlin/bonn\nmalformed line here\nitaly\trome\n",
                   encoding="utf-8")
    toy = load_analogy_file(one)
    assert toy.n_questions == 6 and toy.skipped_lines == 1
    assert AnalogyQuestion("france", ("paris",), "germany", ("berlin", "bonn")) in \
        toy.categories[0].questions


def test_csv_and_ca8_readers(shared_data: Path) -> None:
    msr = load_analogy_file(find_benchmark("msr"))
    assert msr.layout == "csv" and msr.n_questions == 8000 and len(msr.categories) == 16
    assert msr.categories[0].questions[0] == AnalogyQuestion.simple("good", "better", "rough",
                                                                    "rougher")
    jair = load_analogy_file(find_benchmark("jair"))   # multi-word items are skipped
    assert jair.n_questions + jair.skipped_lines == 430 and jair.skipped_lines > 0
    ca8 = load_analogy_file(shared_data / "CA8" / "semantic.txt")
    assert ca8.n_questions == 7636 and [c.name for c in ca8.categories] == [
        "geography", "nature", "history", "people"]


def test_similarity_readers(shared_data: Path) -> None:
    assert len(load_similarity_file(WS353).pairs) == 353
    assert len(load_similarity_file(SIMLEX).pairs) == 999
    mturk = load_similarity_file(shared_data / "word-similarity-benchmarks" / "EN-MTurk-771.txt")
    assert len(mturk.pairs) == 771 and mturk.skipped_lines == 0       # CRLF endings
    assert mturk.pairs[0] == load_similarity_file(find_benchmark("mturk771")).pairs[0]


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="does not exist"):
        load_analogy_file(tmp_path / "nope.txt")
    junk = tmp_path / "junk.txt"
    junk.write_text("this is\nnot anything useful at all here\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="not in a known analogy layout"):
        load_analogy_file(junk)
    with pytest.raises(WorkbenchError, match="no 'word1 word2 score'"):
        load_similarity_file(junk)
    with pytest.raises(WorkbenchError, match="neither a file nor a known"):
        find_benchmark("no-such-benchmark")


def test_builtin_benchmarks_without_importing_gensim() -> None:
    names = {b.name: b for b in builtin_benchmarks()}
    for name in ("google", "ws353", "simlex999", "bats", "msr", "ca8-semantic", "rw"):
        assert names[name].path.exists()
    assert names["google"].kind == "analogy" and names["ws353"].kind == "similarity"
    code = ("import sys\nfrom workbench.core.evaluation import builtin_benchmarks\n"
            "assert builtin_benchmarks()\nassert 'gensim' not in sys.modules\n"
            "assert 'scipy' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --------------------------------------------------------------------------- analogies vs gensim

@pytest.mark.parametrize("restrict_vocab", [300_000, 1200])
def test_analogy_accuracy_equals_gensim(emb: Embeddings, google: AnalogySet,
                                        restrict_vocab: int) -> None:
    kv = _keyed_vectors(emb)
    score, sections = kv.evaluate_word_analogies(str(GOOGLE), restrict_vocab=restrict_vocab)
    ours = evaluate_analogies(emb, google, "3cosadd", restrict_vocab=restrict_vocab,
                              keep_failures=True)
    assert ours.questions == 19_544
    total = sections[-1]
    assert (ours.total.correct, ours.total.answered) == (
        len(total["correct"]), len(total["correct"]) + len(total["incorrect"]))
    assert ours.oov == 19_544 - ours.total.answered > 0
    assert ours.accuracy == pytest.approx(score)
    assert 0.05 < ours.accuracy < 0.95           # the check is not vacuous
    by_name = {s["section"]: s for s in sections[:-1]}
    for cat in ours.categories:
        s = by_name.get(cat.name, {"correct": [], "incorrect": []})
        assert (cat.correct, cat.answered) == (len(s["correct"]),
                                               len(s["correct"]) + len(s["incorrect"]))
        # The kept failures are exactly gensim's incorrect questions (it upper-cases them).
        mine = sorted((f.a.upper(), f.b.upper(), f.c.upper(), f.expected[0].upper())
                      for f in ours.failures if f.category == cat.name)
        assert mine == sorted(tuple(q) for q in s["incorrect"])
    assert len(ours.failures) == ours.total.answered - ours.total.correct > 0
    assert all(f.got.lower() not in {x.lower() for x in f.expected} for f in ours.failures)


def test_solve_analogy_equals_gensim_most_similar(emb: Embeddings) -> None:
    kv = _keyed_vectors(emb)
    for a, b, c in [("athens", "greece", "baghdad"), ("Athens", "Greece", "Berlin"),
                    ("filler1", "filler2", "filler3")]:
        ours = solve_analogy(emb, a, b, c, k=8)
        theirs = kv.most_similar(positive=[b, c], negative=[a], topn=8)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-5)
        ours = solve_analogy(emb, a, b, c, k=8, method="3cosmul", epsilon=1e-6)
        theirs = kv.most_similar_cosmul(positive=[b, c], negative=[a], topn=8)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-5)
        assert not {a, b, c} & {w for w, _ in ours}
    with pytest.raises(WorkbenchError, match="not in the vocabulary"):
        solve_analogy(emb, "athens", "greece", "no-such-word")


def test_3cosmul_evaluation_mirrors_gensim_rules(emb: Embeddings, google: AnalogySet) -> None:
    """gensim has no 3CosMul evaluation; mirror its loop with ``most_similar_cosmul``."""
    kv = _keyed_vectors(emb)
    cat = google.categories[1]
    questions = [q for q in cat.questions if all(w.lower() in emb for w in
                                                 (q.a, q.b[0], q.c, q.d[0]))][:150]
    lowered = AnalogySet("sub", "", "questions-words", (AnalogyCategory("c", tuple(
        AnalogyQuestion.simple(q.a.lower(), q.b[0].lower(), q.c.lower(), q.d[0].lower())
        for q in questions)),))
    ours = evaluate_analogies(emb, lowered, "3cosmul", lowercase=False, epsilon=1e-6)
    correct = 0
    for q in lowered.categories[0].questions:
        best = kv.most_similar_cosmul(positive=[q.b[0], q.c], negative=[q.a], topn=1)[0][0]
        correct += best == q.d[0]
    assert ours.total.answered == len(questions) and ours.total.correct == correct
    assert 0 < correct < len(questions)
    plain = evaluate_analogies(emb, lowered, "3cosmul", lowercase=False)   # epsilon 1e-3
    assert plain.method == "3cosmul" and plain.total.answered == len(questions)


def test_bats_alternatives_and_progress_and_cancel(shared_data: Path) -> None:
    bats = load_analogy_file(shared_data / "BATS_3.0")
    words = sorted({w for _, q in bats.questions() for w in (q.a, *q.b, q.c, *q.d)})
    rng = np.random.default_rng(1)
    emb = Embeddings(words, rng.standard_normal((len(words), 4)).astype(np.float32))
    progress = RecordingProgress()
    result = evaluate_analogies(emb, bats, progress=progress)
    assert result.questions == 98_000 and result.total.answered == 98_000
    assert progress.reports[-1][0] == 1.0 and len(progress.reports) > 5
    with pytest.raises(Cancelled):
        evaluate_analogies(emb, bats, progress=RecordingProgress(cancel_after=2))
    # An answer counts when it is any alternative; a' is the first in-vocabulary one.
    toy = AnalogySet("toy", "", "bats", (AnalogyCategory("c", (
        AnalogyQuestion("x", ("missing", "y"), "z", ("nope", "w")),)),))
    e = Embeddings(["x", "y", "z", "w", "v"], np.array(
        [[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [0, -1, 1]], dtype=np.float32))
    assert evaluate_analogies(e, toy).total.correct == 1
    assert solve_analogy(e, "x", "y", "z", k=1)[0][0] == "w"


# --------------------------------------------------------------------------- similarity vs gensim

@pytest.mark.parametrize("path", [WS353, SIMLEX])
@pytest.mark.parametrize("restrict_vocab", [300_000, 1500])
def test_similarity_equals_gensim(emb: Embeddings, path: Path, restrict_vocab: int) -> None:
    kv = _keyed_vectors(emb)
    pearson, spearman, oov_ratio = kv.evaluate_word_pairs(str(path),
                                                          restrict_vocab=restrict_vocab)
    ours = evaluate_similarity(emb, path, restrict_vocab=restrict_vocab)
    assert ours.used > 20 and ours.oov > 0
    assert ours.spearman == pytest.approx(spearman.statistic, abs=1e-9)
    assert ours.pearson == pytest.approx(pearson.statistic, abs=1e-6)
    assert ours.spearman_pvalue == pytest.approx(spearman.pvalue, rel=1e-6, abs=1e-12)
    assert ours.oov_ratio * 100 == pytest.approx(oov_ratio)


def test_similarity_with_too_few_pairs_is_nan() -> None:
    e = Embeddings(["a", "b"], np.eye(2, dtype=np.float32))
    r = evaluate_similarity(e, WS353)
    assert r.used == 0 and np.isnan(r.spearman) and r.oov == 353
    assert r.to_dict()["spearman"] is None


# --------------------------------------------------------------------------- CLI

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench")
    add_eval_command(parser.add_subparsers(dest="command"))
    return parser


def _run(argv: list[str]) -> tuple[int, str, str]:
    args = _parser().parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    return run_eval(args, out=out, err=err), out.getvalue(), err.getvalue()


def test_cli_analogy_and_similarity(emb: Embeddings, tmp_path: Path) -> None:
    vectors = save_vectors(emb, tmp_path / "v.txt", "word2vec")
    code, out, err = _run(["eval", "analogy", str(vectors), "--json"])
    assert code == 0, err
    payload = json.loads(out)
    total = payload["results"][0]["total"]
    assert total["questions"] == 19_544 and payload["results"][0]["method"] == "3cosadd"
    assert total["accuracy"] == pytest.approx(
        evaluate_analogies(emb, GOOGLE).accuracy)

    code, out, err = _run(["eval", "analogy", str(vectors), str(GOOGLE), "--method", "3cosmul"])
    assert code == 0, err
    assert "capital-common-countries" in out and "3cosmul" in out and "total" in out

    code, out, err = _run(["eval", "similarity", str(vectors)])
    assert code == 0, err
    assert "wordsim353.tsv" in out and "simlex999.txt" in out and "spearman" in out

    code, out, _ = _run(["eval", "similarity", "--list"])
    assert code == 0 and "ws353" in out


def test_cli_errors(emb: Embeddings, tmp_path: Path) -> None:
    vectors = save_vectors(emb, tmp_path / "v.txt", "word2vec")
    code, out, err = _run(["eval", "analogy", str(vectors), "no-such-benchmark"])
    assert code == 2 and err.startswith("error: ") and "no-such-benchmark" in err and not out
    code, _, err = _run(["eval", "similarity", str(tmp_path / "missing.vec")])
    assert code == 2 and "does not exist" in err
    code, _, err = _run(["eval", "analogy", str(vectors), "--restrict-vocab", "0"])
    assert code == 2 and "--restrict-vocab" in err
