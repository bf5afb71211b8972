"""Speed and quality of the workbench's word2vec/fastText trainers against bare gensim.

For each model (skip-gram, CBOW, fastText) the same corpus is trained twice
with identical parameters and seed: once by ``workbench.core.static.word2vec``
(``train_word2vec``/``train_fasttext``, end to end from the tokenized file)
and once by gensim the way a user would write it,
``Word2Vec(LineSentence(path), ...)`` (with ``--corpus-file``: also
``Word2Vec(corpus_file=path, ...)``).  Speed is end-to-end words/s (vocabulary
pass included: corpus words x epochs / wall seconds), with the process CPU
seconds beside it because this machine may be shared.  Quality is the Google
analogy accuracy (gensim's ``questions-words.txt``, ``evaluate_word_analogies``)
and the Spearman correlation on WordSim-353 and SimLex-999.

The corpus is the English NLTK corpora under ``../shared/data`` (Brown, movie
reviews, ABC, State of the Union, inaugural addresses, web text: ~3.8 M tokens),
lower-cased and tokenized once with a simple regex into
``benchmarks/_data/english.tok.txt`` (git-ignored).  ``--quick`` uses its first
~1 M tokens.

With ``--repeat N`` each side is timed N times in alternating order and the
fastest run counts (the machine this was written on is shared with other jobs).

Usage::

    python benchmarks/static_train.py                 # full corpus, 5 epochs
    python benchmarks/static_train.py --quick --epochs 2
    python benchmarks/static_train.py --models sg,cbow --corpus-file
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "_data"
SHARED = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain"
SOURCES = ("brown", "movie_reviews", "abc", "state_union", "inaugural", "webtext")
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
QUICK_TOKENS = 1_000_000

sys.path.insert(0, str(ROOT))


def prepare_corpus(quick: bool) -> tuple[Path, int]:
    """Tokenize the shared English corpora once; return the file and its token count."""
    DATA.mkdir(parents=True, exist_ok=True)
    full = DATA / "english.tok.txt"
    if not full.is_file():
        tmp = full.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            for name in SOURCES:
                with gzip.open(SHARED / f"{name}.txt.gz", "rt", encoding="utf-8") as f:
                    for line in f:
                        tokens = TOKEN.findall(line.lower())
                        if tokens:
                            out.write(" ".join(tokens) + "\n")
        os.replace(tmp, full)
    if not quick:
        return full, _count(full)
    # An interleaved ~1M-token slice: every 4th line keeps all six sources in it.
    part = DATA / "english-1M.tok.txt"
    if not part.is_file():
        n = 0
        with open(full, encoding="utf-8") as f, open(part, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i % 4 == 0:
                    out.write(line)
                    n += len(line.split())
                    if n >= QUICK_TOKENS:
                        break
    return part, _count(part)


def _count(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(len(line.split()) for line in f)


def quality(wv: Any) -> dict[str, float]:
    """Analogy accuracy and word-similarity Spearman (x100) of gensim KeyedVectors."""
    from gensim.test.utils import datapath

    analogy = wv.evaluate_word_analogies(datapath("questions-words.txt"))[0]
    ws = wv.evaluate_word_pairs(datapath("wordsim353.tsv"))[1].statistic
    sl = wv.evaluate_word_pairs(datapath("simlex999.txt"))[1].statistic
    return {"analogy": 100 * analogy, "ws353": 100 * ws, "simlex": 100 * sl}


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def run_ours(model: str, path: Path, kw: dict[str, Any]) -> tuple[Any, float, float]:
    from workbench.core.static.word2vec import (
        FastTextParams,
        Word2VecParams,
        train_fasttext,
        train_word2vec,
    )

    if model == "fasttext":
        res, wall, cpu = _timed(lambda: train_fasttext(path, FastTextParams(**kw)))
    else:
        res, wall, cpu = _timed(lambda: train_word2vec(path, Word2VecParams(**kw)))
    return res.model, wall, cpu


def run_gensim(model: str, path: Path, kw: dict[str, Any], corpus_file: bool) \
        -> tuple[Any, float, float]:
    from gensim.models import FastText, Word2Vec
    from gensim.models.word2vec import LineSentence

    cls = FastText if model == "fasttext" else Word2Vec
    args = dict(kw)
    args["sg"] = int(args.pop("sg"))
    if corpus_file:
        return _timed(lambda: cls(corpus_file=str(path), **args))
    return _timed(lambda: cls(LineSentence(str(path)), **args))


def cancel_latency(path: Path, workers: int) -> tuple[float, float]:
    """Seconds from cancel to ``Cancelled`` for skip-gram and fastText, 2 s into epoch 1."""
    from workbench.core.static.result import StepReport
    from workbench.core.static.word2vec import (
        FastTextParams,
        Word2VecParams,
        train_fasttext,
        train_word2vec,
    )
    from workbench.core.tasks import CallbackProgress, Cancelled, CancelToken

    out = []
    for train, params in ((train_word2vec, Word2VecParams(sg=True, workers=workers)),
                          (train_fasttext, FastTextParams(sg=True, workers=workers))):
        state: dict[str, float] = {}
        token = CancelToken()

        def on_partial(obj: Any, state: dict[str, float] = state,
                       token: CancelToken = token) -> None:
            if isinstance(obj, StepReport):
                state.setdefault("first", time.perf_counter())
                if "at" not in state and time.perf_counter() - state["first"] > 2.0:
                    state["at"] = time.perf_counter()
                    token.cancel()

        progress = CallbackProgress(on_partial=on_partial, token=token)
        try:
            train(path, params, progress=progress)  # type: ignore[operator]
        except Cancelled:
            out.append(time.perf_counter() - state["at"])
        gc.collect()
    return out[0], out[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="~1M-token slice")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--models", default="sg,cbow,fasttext",
                    help="comma-separated: sg, cbow, fasttext (CBOW), fasttext-sg")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus-file", action="store_true",
                    help="also time gensim's corpus_file mode")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time each side this many times, alternating the order; the "
                         "fastest run counts (quality: the first run)")
    ap.add_argument("--no-cancel", action="store_true", help="skip the cancel-latency check")
    args = ap.parse_args(argv)

    import logging

    logging.getLogger("gensim").setLevel(logging.WARNING)
    # Import everything before timing anything (gensim's import takes seconds).
    import gensim.models.fasttext_corpusfile  # noqa: F401
    import gensim.models.word2vec_corpusfile  # noqa: F401
    import gensim.test.utils  # noqa: F401

    import workbench.core.static.word2vec  # noqa: F401
    path, words = prepare_corpus(args.quick)
    print(f"Corpus: {path.name}, {words:,} tokens; {args.epochs} epochs, "
          f"{args.workers} workers, seed {args.seed}; {os.cpu_count()} CPU cores\n", flush=True)
    speed_rows, quality_rows = [], []
    for name in args.models.split(","):
        model = "fasttext" if name.startswith("fasttext") else "word2vec"
        kw = dict(sg=name in ("sg", "fasttext-sg"), epochs=args.epochs, workers=args.workers,
                  seed=args.seed)
        order = ["ours", "gensim"] + (["gensim-file"] if args.corpus_file else [])
        best: dict[str, tuple[Any, float, float]] = {}
        for rep in range(args.repeat):
            # Alternate the order so that a change in machine load hits both sides.
            for who in (order if rep % 2 == 0 else order[::-1]):
                if who == "ours":
                    m, wall, cpu = run_ours(model, path, kw)
                else:
                    m, wall, cpu = run_gensim(model, path, kw, corpus_file=who == "gensim-file")
                q = quality(m.wv) if who not in best else best[who][0]
                print(f"  {name:<12} {who:<12} {wall:7.1f} s wall {cpu:7.1f} s CPU  "
                      f"{words * args.epochs / wall:>10,.0f} words/s  analogy "
                      f"{q['analogy']:.1f}  ws353 {q['ws353']:.1f}  simlex {q['simlex']:.1f}",
                      flush=True)
                if who not in best or wall < best[who][1]:
                    best[who] = (q, wall, cpu)
                del m
                gc.collect()
        ours = best["ours"]
        for who in order[1:]:
            _, wall, cpu = best[who]
            speed_rows.append((name, who, words * args.epochs / ours[1],
                               words * args.epochs / wall, wall / ours[1], cpu / ours[2]))
        for who in order:
            quality_rows.append((name, who, best[who][0]))

    print("\n| model | vs | ours words/s | gensim words/s | speed ratio ours/gensim (wall) "
          "| CPU seconds gensim/ours |")
    print("|---|---|---:|---:|---:|---:|")
    for name, who, o, g, r, c in speed_rows:
        print(f"| {name} | {who} | {o:,.0f} | {g:,.0f} | {r:.2f}x | {c:.2f}x |")
    print("\n| model | run | analogy % | WS353 rho x100 | SimLex rho x100 |")
    print("|---|---|---:|---:|---:|")
    for name, who, q in quality_rows:
        print(f"| {name} | {who} | {q['analogy']:.1f} | {q['ws353']:.1f} | {q['simlex']:.1f} |")
    if not args.no_cancel:
        sg, ft = cancel_latency(path, args.workers)
        print(f"\nCancel latency 2 s into epoch 1 (default params, sg): word2vec {sg:.2f} s, "
              f"fastText {ft:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
