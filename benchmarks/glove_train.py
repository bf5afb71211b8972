"""GloVe speed on the English corpora of ``../shared/data``: co-occurrence build and epochs.

Tokenizes ``nltk-english-corpora/plain/*.txt.gz`` once (lower case, words and
numbers, one line per input line) into ``benchmarks/_data/glove_english.txt``
(gitignored), then measures

* the vocabulary pass and the co-occurrence count (time, non-zero cells, MB),
* seconds per epoch of :func:`workbench.core.static.glove.fit_glove` with the
  hand-written sparse AdaGrad and, with ``--compare-dense``, with dense
  parameters + ``torch.optim.Adagrad``,

and prints a markdown table.  Usage::

    python benchmarks/glove_train.py [--vocab 50000] [--min-count 2] [--epochs 2]
                                     [--device auto|cpu|cuda] [--compare-dense]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.static.glove import (  # noqa: E402
    GloveParams,
    build_vocabulary,
    count_cooccurrences,
    fit_glove,
    resolve_device,
)

DATA = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain"
OUT = ROOT / "benchmarks" / "_data"
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokenized_corpus() -> Path:
    """Tokenize the shared English corpora once; return the file."""
    target = OUT / "glove_english.txt"
    if target.exists():
        return target
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for src in sorted(DATA.glob("*.txt.gz")):
            with gzip.open(src, "rt", encoding="utf-8") as f:
                for line in f:
                    tokens = WORD.findall(line.lower())
                    if tokens:
                        out.write(" ".join(tokens) + "\n")
    tmp.replace(target)
    return target


def _quality(words: list[str], vectors: object) -> str:
    """Google analogy accuracy and WS353/SimLex Spearman x100, gensim's rules."""
    from workbench.core.embeddings import Embeddings
    from workbench.core.evaluation import evaluate_analogies, evaluate_similarity, find_benchmark

    emb = Embeddings(words, vectors)  # type: ignore[arg-type]
    google = evaluate_analogies(emb, find_benchmark("google"), restrict_vocab=300_000)
    ws = evaluate_similarity(emb, find_benchmark("ws353"))
    sl = evaluate_similarity(emb, find_benchmark("simlex999"))
    return (f"{100 * google.accuracy:.1f} / {100 * ws.spearman:.1f} / "
            f"{100 * sl.spearman:.1f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a markdown table."""
    import torch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vocab", type=int, default=50_000)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32768)
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"])
    ap.add_argument("--threads", type=int, default=None,
                    help="torch intra-op threads (default: torch's choice)")
    ap.add_argument("--compare-dense", action="store_true",
                    help="also time dense parameters + torch.optim.Adagrad")
    ap.add_argument("--quality", action="store_true",
                    help="also score the sparse-AdaGrad vectors on Google analogies, WS353 "
                         "and SimLex (as benchmarks/static_train.py does for gensim)")
    args = ap.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)

    corpus = tokenized_corpus()
    device = resolve_device(args.device)
    rows: list[tuple[str, str]] = []
    t, c = time.perf_counter(), time.process_time()
    vocab = build_vocabulary(corpus, args.min_count, args.vocab)
    rows.append(("vocabulary pass (wall / CPU)",
                 f"{time.perf_counter() - t:.1f} s / {time.process_time() - c:.1f} s"))
    cap = "capped at --vocab" if len(vocab) == args.vocab else \
        f"all words with count >= {args.min_count}"
    rows.append(("corpus", f"{vocab.tokens:,} tokens, {vocab.types:,} types, "
                           f"{vocab.lines:,} lines"))
    rows.append(("vocabulary", f"{len(vocab):,} words ({cap})"))
    c = time.process_time()
    cooc = count_cooccurrences(corpus, vocab, args.window, True)
    rows.append((f"co-occurrence build, window {args.window}, symmetric (wall / CPU)",
                 f"{cooc.seconds:.1f} s / {time.process_time() - c:.1f} s"))
    rows.append(("non-zero cells", f"{cooc.nnz:,} ({cooc.nbytes / 2**20:.0f} MB as "
                                   "int32 rows/cols + float64 values)"))
    methods = ["sparse"] + (["dense"] if args.compare_dense else [])
    for method in methods:
        params = GloveParams(vector_size=args.dim, window=args.window, epochs=args.epochs,
                             batch_size=args.batch_size, device=device,
                             min_count=args.min_count, max_vocab=args.vocab)
        t, c = time.perf_counter(), time.process_time()
        vectors, epochs = fit_glove(cooc, params, optimizer=method)
        if args.quality and method == "sparse":
            rows.append(("quality (Google analogy % / WS353 / SimLex Spearman x100)",
                         _quality(list(vocab.words), vectors)))
        total, cpu = time.perf_counter() - t, time.process_time() - c
        per = [e.seconds for e in epochs]
        label = "hand-written sparse AdaGrad" if method == "sparse" else \
            "dense params + torch.optim.Adagrad"
        rows.append((f"seconds/epoch, {label} ({device}, {args.dim}d, batch "
                     f"{args.batch_size:,})",
                     f"{min(per):.1f} s (epochs: {', '.join(f'{s:.1f}' for s in per)}; "
                     f"total incl. setup {total:.1f} s wall, {cpu:.1f} s CPU; "
                     f"final loss {epochs[-1].loss:.4f})"))
    import os

    print(f"GloVe benchmark: torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"device {device}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    if not torch.cuda.is_available():
        print("(no GPU available: CUDA figures not measured)")
    print()
    print("| measure | value |")
    print("|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
