"""Does initialising BERT's word embeddings from word2vec make pretraining converge faster?

The claim under test (issue 5, "static initialisation"): copying trained
static vectors into BERT's word-embedding matrix before MLM pretraining
reaches a given loss in fewer steps than BERT's random initialisation.

Procedure, on the shared English NLTK corpora (Brown, movie reviews, ABC,
State of the Union, inaugural addresses, web text under ``../shared/data``;
the same sources as ``benchmarks/static_train.py``):

1. write a plain-text slice of the corpora (``--max-lines`` lines, sources
   interleaved, a blank line every 20 lines so that documents exist for the
   held-out slice) and a lower-cased, word-tokenised copy for word2vec;
2. train word2vec (gensim skip-gram, ``--w2v-epochs`` epochs, dimension
   ``--w2v-dim``; the workbench projects it to the hidden size);
3. train one WordPiece tokenizer on the slice (the first run does; all others
   reuse it);
4. for every seed, pretrain the ``--preset`` model with MLM only (NSP off, so
   the training loss *is* the MLM loss) for ``--steps`` steps twice: with
   random initialisation and with the word2vec initialisation, everything
   else equal (data, seed, masks, batch order);
5. report, per run, the first step at which the training loss, smoothed over
   ``--smooth`` logged steps, is at or below ``--target-loss``, the final
   smoothed training loss, the final held-out MLM loss and the static
   vectors' vocabulary coverage; then the means per initialisation.

Without ``--target-loss`` the target is chosen from the runs themselves: the
highest of the runs' lowest smoothed losses, i.e. a loss every run reaches
(state the value you used when you report the table).

The real measurement (as the issue asks; run it when the machine is quiet)::

    python benchmarks/bert_static_init.py --preset mini --steps 2000 --seeds 0,1,2

A smoke run that only shows the script works::

    python benchmarks/bert_static_init.py --preset tiny --steps 30 --seeds 0
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "_data"
SHARED = ROOT.parent / "shared" / "data" / "nltk-english-corpora" / "plain"
SOURCES = ("brown", "movie_reviews", "abc", "state_union", "inaugural", "webtext")
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")

sys.path.insert(0, str(ROOT))


def prepare_corpus(max_lines: int) -> tuple[Path, Path]:
    """Write the text slice (for BERT) and its tokenised copy (for word2vec) once."""
    DATA.mkdir(parents=True, exist_ok=True)
    text = DATA / f"static-init-{max_lines}.txt"
    tokens = DATA / f"static-init-{max_lines}.tok.txt"
    if text.is_file() and tokens.is_file():
        return text, tokens
    readers = [gzip.open(SHARED / f"{name}.txt.gz", "rt", encoding="utf-8")  # noqa: SIM115
               for name in SOURCES]
    written = 0
    try:
        with open(text, "w", encoding="utf-8") as out, \
                open(tokens, "w", encoding="utf-8") as tok:
            alive = list(readers)
            while alive and written < max_lines:
                for f in list(alive):
                    line = f.readline()
                    if not line:
                        alive.remove(f)
                        continue
                    line = line.strip()
                    if not line:
                        continue
                    out.write(line + "\n")
                    words = TOKEN.findall(line.lower())
                    if words:
                        tok.write(" ".join(words) + "\n")
                    written += 1
                    if written % 20 == 0:
                        out.write("\n")                # a document boundary
                    if written >= max_lines:
                        break
    finally:
        for f in readers:
            f.close()
    return text, tokens


def train_word2vec(tokens: Path, dim: int, epochs: int, seed: int, threads: int) -> Path:
    """Skip-gram word2vec with gensim; the vectors as word2vec text."""
    from gensim.models import Word2Vec

    out = DATA / f"{tokens.stem}.w2v-{dim}d-{epochs}ep-s{seed}.txt"
    if out.is_file():
        return out
    model = Word2Vec(corpus_file=str(tokens), vector_size=dim, window=5, min_count=2, sg=1,
                     epochs=epochs, workers=threads, seed=seed)
    tmp = out.with_suffix(".tmp")
    model.wv.save_word2vec_format(str(tmp), binary=False)
    tmp.replace(out)
    return out


def smoothed(history: tuple[dict[str, Any], ...], window: int) -> list[tuple[int, float]]:
    """``(step, mean of the last ``window`` logged training losses)`` per logged step."""
    points = [(int(h["step"]), float(h["loss"])) for h in history
              if "loss" in h and "step" in h and "eval_loss" not in h]
    out = []
    for i, (step, _) in enumerate(points):
        recent = [v for _, v in points[max(0, i - window + 1): i + 1]]
        out.append((step, sum(recent) / len(recent)))
    return out


def steps_to(curve: list[tuple[int, float]], target: float) -> int | None:
    """The first step whose smoothed loss is at or below ``target``."""
    return next((step for step, value in curve if value <= target), None)


def run(args: argparse.Namespace, corpus: Path, tokenizer: str | None, seed: int,
        vectors: Path | None, out: Path) -> Any:
    from workbench.core.bert.data import MaskingSettings
    from workbench.core.bert.engine import TrainingSettings
    from workbench.core.bert.pretrain import PretrainRequest, pretrain

    training = TrainingSettings(
        max_steps=args.steps, batch_size=args.batch_size, learning_rate=args.lr,
        warmup_ratio=0.06, log_every=1, device=args.device, seed=seed, keep_checkpoints=1)
    request = PretrainRequest(
        corpus=str(corpus), tokenizer=tokenizer, size=args.preset, vocab_size=args.vocab_size,
        seq_len=args.seq_len, nsp=False, masking=MaskingSettings(), training=training,
        eval_fraction=0.05, static_vectors=str(vectors) if vectors else None,
        output_dir=str(out), resume=False, seed=seed)
    return pretrain(request, None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", default="mini", help="model size preset (default mini)")
    parser.add_argument("--steps", type=int, default=2000, help="pretraining steps per run")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds")
    parser.add_argument("--target-loss", type=float, default=None,
                        help="MLM loss to reach (default: one every run reaches)")
    parser.add_argument("--smooth", type=int, default=10,
                        help="logged steps in the moving average of the training loss")
    parser.add_argument("--max-lines", type=int, default=200_000,
                        help="lines of the corpora to use")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--vocab-size", type=int, default=8000)
    parser.add_argument("--w2v-dim", type=int, default=128)
    parser.add_argument("--w2v-epochs", type=int, default=3)
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"))
    parser.add_argument("--threads", type=int, default=2, help="torch and gensim CPU threads")
    args = parser.parse_args()
    try:
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--seeds must be whole numbers separated by commas, not {args.seeds!r}")
    if not seeds or args.steps < 1:
        parser.error("give at least one seed and one step")

    import tempfile

    import torch

    torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    corpus, tokens = prepare_corpus(args.max_lines)
    print(f"corpus: {corpus.name} ({args.max_lines:,} lines of {', '.join(SOURCES)})",
          flush=True)
    vectors = train_word2vec(tokens, args.w2v_dim, args.w2v_epochs, 0, args.threads)
    print(f"word2vec: {vectors.name} ({time.perf_counter() - t0:.0f} s)", flush=True)

    rows: list[dict[str, Any]] = []
    tokenizer: str | None = None
    with tempfile.TemporaryDirectory(prefix="bert-static-init-") as tmp:
        for seed in seeds:
            for init, vec in (("random", None), ("word2vec", vectors)):
                start = time.perf_counter()
                result = run(args, corpus, tokenizer, seed, vec,
                             Path(tmp) / f"seed{seed}-{init}")
                tokenizer = tokenizer or str(result.tokenizer_dir)
                curve = smoothed(result.history, args.smooth)
                last_eval = result.evals[-1] if result.evals else {}
                rows.append({"seed": seed, "init": init, "curve": curve,
                             "final": curve[-1][1] if curve else float("nan"),
                             "eval": last_eval.get("mlm_loss", last_eval.get("loss")),
                             "seconds": time.perf_counter() - start})
                print(f"seed {seed} {init:8s}: {result.steps} steps, smoothed loss "
                      f"{rows[-1]['final']:.3f}, {rows[-1]['seconds']:.0f} s", flush=True)
    target = args.target_loss
    chosen = target is None
    if target is None:
        target = max(min(v for _, v in r["curve"]) for r in rows if r["curve"])
    print()
    print(f"Static initialisation (word2vec {args.w2v_dim}d, {args.w2v_epochs} epochs) vs "
          f"random, {args.preset} preset, MLM only, {args.steps} steps, batch "
          f"{args.batch_size} x {args.seq_len} tokens, seeds {', '.join(map(str, seeds))}.")
    how = ("chosen from these runs: the highest of their lowest losses" if chosen
           else "given")
    print(f"Target MLM loss {target:.3f} ({how}); training loss smoothed over "
          f"{args.smooth} steps.")
    print()
    print(f"| seed | init | steps to loss {target:.2f} | final train loss | final eval MLM "
          "loss |")
    print("|---:|---|---:|---:|---:|")
    for r in rows:
        reached = steps_to(r["curve"], target)
        r["reached"] = reached
        ev = f"{r['eval']:.3f}" if isinstance(r["eval"], (int, float)) else "–"
        print(f"| {r['seed']} | {r['init']} | {reached if reached is not None else 'not reached'}"
              f" | {r['final']:.3f} | {ev} |")
    means = {}
    for init in ("random", "word2vec"):
        group = [r for r in rows if r["init"] == init]
        reached = [r["reached"] for r in group if r["reached"] is not None]
        means[init] = sum(reached) / len(reached) if len(reached) == len(group) else None
        final = sum(r["final"] for r in group) / len(group)
        shown = f"{means[init]:.0f}" if means[init] is not None else "not all reached"
        print(f"| mean | {init} | {shown} | {final:.3f} | |")
    if means["random"] and means["word2vec"]:
        print(f"\nSteps with static init / steps with random init: "
              f"{means['word2vec'] / means['random']:.2f}")
    print(f"\nTotal time {time.perf_counter() - t0:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
