"""Corpus scan speed and memory: ``compute_stats`` against a gensim baseline.

Builds (once, under ``benchmarks/_data/``, gitignored) plain-text corpora of at
least the requested sizes by concatenating the decompressed English corpora of
``../shared/data/nltk-english-corpora/plain`` repeatedly, then runs, each in
its own child process so that peak memory is measured per run:

``ours``         :func:`workbench.core.corpus.compute_stats` as the app runs it
                 (default settings, tokenized cache written, default workers)
``ours-1proc``   the same with ``workers=1`` (no tokenizer processes)
``gensim``       the baseline: iterate the file's lines and count
                 ``gensim.utils.simple_preprocess(line)`` into a ``Counter``
                 (``--baseline linesentence``: ``for s in LineSentence(path):
                 counter.update(simple_preprocess(" ".join(s)))``)

CPU seconds are those of the child and its tokenizer processes: on a shared
machine they show the work done even when wall time is inflated by other
load.  Peak RSS is the largest sum of resident memory over the child and its own
children (tokenizer processes), polled every 20 ms with psutil.  Tokens are
counted by each side's own rules (gensim drops 1-letter words, numbers and
words over 15 letters), so the speed ratio is given on input MB/s too.

Usage::

    python benchmarks/corpus_scan.py [--sizes 100,400] [--baseline lines|linesentence]
                                     [--runs ours,ours-1proc,gensim]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain"
OUT = ROOT / "benchmarks" / "_data"


def build_corpus(size_mb: int) -> Path:
    """Return a plain-text file of at least ``size_mb`` MB, building it once."""
    target = OUT / f"corpus_scan_{size_mb}mb.txt"
    if target.exists() and target.stat().st_size >= size_mb * 1_000_000:
        return target
    OUT.mkdir(parents=True, exist_ok=True)
    sources = sorted(DATA.glob("*.txt.gz"))
    if not sources:
        sys.exit(f"no corpora found in {DATA}")
    blob = b"".join(gzip.decompress(p.read_bytes()).rstrip(b"\n") + b"\n" for p in sources)
    tmp = target.with_suffix(".tmp")
    written = 0
    with open(tmp, "wb") as f:
        while written < size_mb * 1_000_000:
            f.write(blob)
            written += len(blob)
    tmp.replace(target)
    return target


# ---------------------------------------------------------------- children
def _measure_ours(path: str, workers: int | None) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from workbench.core.corpus import Corpus, compute_stats

    cache = tempfile.mkdtemp(prefix="scan-cache-", dir=OUT)
    try:
        start = time.perf_counter()
        stats = compute_stats(Corpus.open(path), cache_dir=Path(cache), workers=workers)
        seconds = time.perf_counter() - start
        cache_mb = stats.cache_path.stat().st_size / 1e6 if stats.cache_path else 0.0
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {"tokens": stats.tokens, "types": stats.types, "seconds": seconds,
            "cache_mb": round(cache_mb, 1)}


def _measure_gensim(path: str, baseline: str) -> dict[str, object]:
    from collections import Counter

    from gensim.utils import simple_preprocess

    counter: Counter[str] = Counter()
    start = time.perf_counter()
    if baseline == "linesentence":
        from gensim.models.word2vec import LineSentence

        for sentence in LineSentence(path):
            counter.update(simple_preprocess(" ".join(sentence)))
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                counter.update(simple_preprocess(line))
    seconds = time.perf_counter() - start
    return {"tokens": sum(counter.values()), "types": len(counter), "seconds": seconds}


def _cpu_seconds() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _child_main(argv: list[str]) -> None:
    kind, path, extra = argv
    cpu0 = _cpu_seconds()
    if kind == "ours":
        result = _measure_ours(path, None)
    elif kind == "ours-1proc":
        result = _measure_ours(path, 1)
    else:
        result = _measure_gensim(path, extra)
    result["cpu_seconds"] = _cpu_seconds() - cpu0      # this process and its tokenizer workers
    print("RESULT " + json.dumps(result), flush=True)


# ---------------------------------------------------------------- parent
def _tree_rss(proc: object) -> int:
    import psutil

    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)  # type: ignore[attr-defined]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_child(kind: str, path: Path, baseline: str) -> dict[str, object]:
    """Run one measurement in a child process; add its peak RSS (MB) to the result."""
    import psutil

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, __file__, "--_child", kind, str(path), baseline],
                            stdout=subprocess.PIPE, text=True, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps))
        time.sleep(0.02)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        sys.exit(f"{kind} run failed with exit code {proc.returncode}")
    result = json.loads(out.split("RESULT ", 1)[1])
    result["peak_rss_mb"] = round(peak / 2**20)
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_child":
        _child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--baseline", choices=("lines", "linesentence"), default="lines")
    parser.add_argument("--runs", default="ours,ours-1proc,gensim",
                        help="which measurements, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    baseline_desc = ("for line in open(path): counter.update(simple_preprocess(line))"
                     if args.baseline == "lines" else
                     "for s in LineSentence(path): counter.update(simple_preprocess(' '.join(s)))")
    print(f"baseline: gensim {baseline_desc}")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    rows = []
    for size in sizes:
        path = build_corpus(size)
        mb = path.stat().st_size / 1e6
        results = {}
        for kind in runs:
            r = run_child(kind, path, args.baseline)
            r["mb_per_s"] = mb / r["seconds"]
            r["tokens_per_s"] = r["tokens"] / r["seconds"]
            results[kind] = r
            print(f"{mb:7.1f} MB  {kind:11s} {r['seconds']:7.1f} s  {r['tokens']:>12,} tokens  "
                  f"{r['tokens_per_s']:>11,.0f} tok/s  {r['mb_per_s']:5.2f} MB/s  "
                  f"cpu {r['cpu_seconds']:6.1f} s  peak RSS {r['peak_rss_mb']:>4} MB", flush=True)
        rows.append((mb, results))
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    print("\n| corpus | run | wall s | CPU s | tokens/s | MB/s | speed vs gensim (MB/s) "
          "| peak RSS |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for mb, results in rows:
        base = results.get("gensim")
        for kind, r in results.items():
            ratio = f"{r['mb_per_s'] / base['mb_per_s']:.2f}×" if base else "–"
            print(f"| {mb:.0f} MB | {kind} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | "
                  f"{r['tokens_per_s']:,.0f} | "
                  f"{r['mb_per_s']:.2f} | {ratio} | {r['peak_rss_mb']} MB |")


if __name__ == "__main__":
    main()
