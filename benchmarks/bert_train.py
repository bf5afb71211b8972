"""BERT MLM pretraining throughput: the workbench engine against a plain Hugging Face recipe.

Both sides train the same ``BertForMaskedLM`` (same preset, vocabulary,
initial weights, SDPA attention, fused AdamW, batch size, sequence length,
learning rate and precision) on the same documents, for the same number of
optimizer steps, in the same process:

* **ours**: :func:`workbench.core.bert.data.build_pretraining_examples`
  (``nsp=False``: the token stream cut into full ``seq_len`` sequences),
  :class:`~workbench.core.bert.data.MlmCollator` (dynamic padding, 15 %
  masking, 80/10/10) and :func:`workbench.core.bert.engine.run_training`
  (our Trainer subclass with its callbacks), with the MLM head computed on
  the selected positions only;
* **HF grouped**: the ``run_mlm.py`` recipe: every line tokenized with
  ``[CLS] ... [SEP]``, concatenated and cut into blocks of ``seq_len``,
  ``DataCollatorForLanguageModeling(mlm_probability=0.15)`` and a plain
  ``transformers.Trainer`` on a plain ``BertForMaskedLM``;
* **HF line-by-line**: the same with one example per line, truncated to
  ``seq_len`` (``run_mlm.py --line_by_line``), padded to the batch maximum.

Throughput is **real tokens per second**: non-padding tokens of the timed
steps (after ``--warmup`` steps) divided by their wall time, measured by a
callback at step ends.  **MFU** (model-FLOPs utilisation) = 6 x N x tokens/s /
peak FLOP/s, 6 = 2 (forward) + 4 (backward) FLOPs per parameter per token
(attention-score FLOPs left out, as usual).  Two columns:

* ``MFU 6N``: N = all trainable parameters (the tied embedding/decoder matrix
  counted once), the usual formula, the same N for every side.  It treats the
  vocabulary projection as done for every token, which our engine does not
  do, so for *ours* it is the dense-equivalent figure and can exceed what the
  hardware did (even 100 %).
* ``MFU used``: N = the parameters each side actually multiplies per token:
  all of them for the dense HF head; for ours the MLM head (transform +
  vocabulary projection) counts only for the 15 % of tokens it runs on.

The peak is, on the CPU, a float32 matrix product measured in the same run
(``torch.mm`` of two 2048 x 2048 matrices, best of 5) -- what this machine
can actually sustain, not a datasheet figure; on a GPU the dense bf16/fp16
(or tf32) datasheet peak of known devices, or ``--peak-tflops``.

The corpus is WikiText-2 (validation + test, 455k words) from
``../shared/data``; the WordPiece tokenizer (8,000 tokens) is trained on it
once by the workbench and cached in ``benchmarks/_data/bert_tokenizer``.
Each side runs ``--repeat`` times, alternating, and the best run counts (the
machine may be shared).

Usage::

    python benchmarks/bert_train.py --quick                  # tiny only, a few steps
    python benchmarks/bert_train.py                          # tiny and mini presets
    python benchmarks/bert_train.py --threads 1 --ablation   # + our engine, dense head
    python benchmarks/bert_train.py --device cuda --size base --seq-len 128 --bf16 \\
        --batch-size 64 --steps 100
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "_data"
WIKI = ROOT.parent / "shared" / "data" / "wikitext-2"
sys.path.insert(0, str(ROOT))

#: Dense tensor-core peaks (FLOP/s) of GPUs we may meet, by precision.
GPU_PEAKS = {
    "H200": {"bf16": 989e12, "fp16": 989e12, "fp32": 495e12},
    "H100": {"bf16": 989e12, "fp16": 989e12, "fp32": 495e12},
    "A100": {"bf16": 312e12, "fp16": 312e12, "fp32": 156e12},
    "L4": {"bf16": 121e12, "fp16": 121e12, "fp32": 60e12},
    "A10": {"bf16": 125e12, "fp16": 125e12, "fp32": 62.5e12},
    "T4": {"bf16": 65e12, "fp16": 65e12, "fp32": 8.1e12},
}


# --------------------------------------------------------------------------- data
def documents() -> list[list[str]]:
    from workbench.core.bert.data import read_documents

    docs: list[list[str]] = []
    for name in ("valid.txt", "test.txt"):
        docs.extend(read_documents(WIKI / name, split_sentences=True))
    return docs


def tokenizer(docs: list[list[str]], vocab_size: int) -> Any:
    from workbench.core.bert.tokenizer import WordPieceSettings, load_tokenizer, train_wordpiece

    folder = DATA / f"bert_tokenizer_{vocab_size}"
    if not (folder / "tokenizer.json").is_file():
        train_wordpiece((s for d in docs for s in d), WordPieceSettings(vocab_size=vocab_size),
                        folder)
    return load_tokenizer(folder)


def hf_examples(docs: list[list[str]], tok: Any, seq_len: int, grouped: bool) -> list[dict]:
    """The ``run_mlm.py`` datasets: grouped blocks, or one truncated example per line."""
    lines = [" ".join(d) for d in docs]          # a WikiText paragraph is one line
    if not grouped:
        enc = tok(lines, truncation=True, max_length=seq_len)["input_ids"]
        return [{"input_ids": ids} for ids in enc if len(ids) > 2]
    enc = tok(lines)["input_ids"]
    stream = [t for ids in enc for t in ids]
    n = len(stream) // seq_len
    return [{"input_ids": stream[i * seq_len:(i + 1) * seq_len]} for i in range(n)]


# --------------------------------------------------------------------------- measuring
class Meter:
    """Wraps a collator to count real tokens; a callback stamps step ends."""

    def __init__(self, collator: Any, warmup: int) -> None:
        self.collator = collator
        self.warmup = warmup
        self.tokens: list[int] = []
        self.stamps: dict[int, float] = {}

    def __call__(self, features: list[Any]) -> Any:
        batch = self.collator(features)
        self.tokens.append(int(batch["attention_mask"].sum()))
        return batch

    def __getattr__(self, name: str) -> Any:            # set_epoch and friends
        return getattr(self.collator, name)

    def callback(self) -> Any:
        from transformers import TrainerCallback

        meter = self

        class Stamp(TrainerCallback):
            def on_step_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
                _sync()
                meter.stamps[state.global_step] = time.perf_counter()

        return Stamp()

    def tokens_per_second(self, steps: int) -> float:
        # Step s (1-based) trained on batch s - 1 (one micro-batch per step).
        tokens = sum(self.tokens[self.warmup:steps])
        return tokens / (self.stamps[steps] - self.stamps[self.warmup])


def _sync() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def new_model(cls: Any, size: str, tok: Any, seq_len: int) -> Any:
    from transformers import set_seed

    from workbench.core.bert.models import PRESETS, ModelSize, bert_config

    preset = PRESETS[size]
    shape = ModelSize(preset.layers, preset.hidden, preset.heads, preset.intermediate,
                      max(512, seq_len))
    set_seed(0)
    return cls._from_config(bert_config(shape, len(tok)), attn_implementation="sdpa")


def run_ours(args: argparse.Namespace, size: str, docs: list[list[str]], tok: Any,
             steps: int, dense: bool = False) -> tuple[float, int, int]:
    from transformers import BertForMaskedLM

    from workbench.core.bert.data import MaskingSettings, MlmCollator, build_pretraining_examples
    from workbench.core.bert.engine import TrainingSettings, run_training
    from workbench.core.bert.pretrain import pretraining_model_class

    examples = build_pretraining_examples(docs, tok, seq_len=args.seq_len, nsp=False)
    cls = BertForMaskedLM if dense else pretraining_model_class(nsp=False)
    model = new_model(cls, size, tok, args.seq_len)
    meter = Meter(MlmCollator(tok, MaskingSettings(), seed=0,
                              pad_to_multiple_of=8 if args.device == "cuda" else None),
                  args.warmup)
    settings = TrainingSettings(max_steps=steps, batch_size=args.batch_size,
                                learning_rate=5e-4, device=args.device,
                                precision=args.precision, log_every=10, compile=args.compile)
    out = Path(tempfile.mkdtemp(prefix="bench-ours-"))
    try:
        run_training(model, examples, None, meter, settings, out, callbacks=(meter.callback(),),
                     save_final=False)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return meter.tokens_per_second(steps), _parameters(model), _head_parameters(model)


def run_hf(args: argparse.Namespace, size: str, docs: list[list[str]], tok: Any, steps: int,
           grouped: bool) -> tuple[float, int, int]:
    from transformers import (
        BertForMaskedLM,
        DataCollatorForLanguageModeling,
        Trainer,
        TrainingArguments,
    )
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    examples = hf_examples(docs, tok, args.seq_len, grouped)
    model = new_model(BertForMaskedLM, size, tok, args.seq_len)
    meter = Meter(DataCollatorForLanguageModeling(
        tok, mlm_probability=0.15,
        pad_to_multiple_of=8 if args.device == "cuda" else None), args.warmup)
    out = Path(tempfile.mkdtemp(prefix="bench-hf-"))
    try:
        targs = TrainingArguments(
            output_dir=str(out), per_device_train_batch_size=args.batch_size, max_steps=steps,
            learning_rate=5e-4, warmup_steps=0.06, weight_decay=0.01, logging_steps=10,
            save_strategy="no", report_to="none", disable_tqdm=True,
            use_cpu=args.device == "cpu", bf16=args.precision == "bf16",
            fp16=args.precision == "fp16", torch_compile=args.compile,
            dataloader_pin_memory=args.device == "cuda", seed=0)
        trainer = Trainer(model=model, args=targs, train_dataset=examples, data_collator=meter,
                          callbacks=[meter.callback()])
        from transformers.trainer_callback import PrinterCallback

        trainer.remove_callback(PrinterCallback)           # no log lines in the table
        trainer.train()
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return meter.tokens_per_second(steps), _parameters(model), _head_parameters(model)


def _head_parameters(model: Any) -> int:
    """Weights the MLM head multiplies per predicted token (transform + vocabulary projection)."""
    pred = model.cls.predictions
    return sum(p.numel() for p in pred.transform.parameters()) + pred.decoder.weight.numel()


def _parameters(model: Any) -> int:
    seen: set[int] = set()
    total = 0
    for p in model.parameters():
        if p.requires_grad and id(p) not in seen:
            seen.add(id(p))
            total += p.numel()
    return total


def peak_flops(args: argparse.Namespace) -> tuple[float, str]:
    """The peak the MFU is measured against, and how it was obtained."""
    import torch

    if args.peak_tflops:
        return args.peak_tflops * 1e12, "given with --peak-tflops"
    if args.device == "cuda":
        name = torch.cuda.get_device_name()
        prec = args.precision if args.precision in ("bf16", "fp16") else "fp32"
        for key, peaks in GPU_PEAKS.items():
            if key in name:
                return peaks[prec], f"{name} datasheet dense {prec} peak"
        return float("nan"), f"{name}: unknown peak (use --peak-tflops)"
    n = 2048
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t)
    return 2 * n ** 3 / best, (f"measured fp32 GEMM peak ({torch.get_num_threads()} threads, "
                               f"2048x2048 torch.mm, best of 5)")


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny preset, few steps")
    parser.add_argument("--size", default="tiny,mini",
                        help="comma-separated presets (tiny, mini, small, medium, base, large)")
    parser.add_argument("--device", default="cpu", choices=("cpu", "cuda", "mps", "auto"))
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--steps", type=int, default=30, help="timed steps per run")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps first")
    parser.add_argument("--repeat", type=int, default=2, help="runs per side (best counts)")
    parser.add_argument("--bf16", action="store_true", help="bf16 autocast (GPU)")
    parser.add_argument("--fp16", action="store_true", help="fp16 autocast (GPU)")
    parser.add_argument("--compile", action="store_true", help="torch.compile both models")
    parser.add_argument("--vocab-size", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    parser.add_argument("--peak-tflops", type=float, default=None,
                        help="peak FLOP/s for the MFU, in TFLOP/s")
    parser.add_argument("--no-line-by-line", action="store_true",
                        help="skip the line-by-line HF baseline")
    parser.add_argument("--ablation", action="store_true",
                        help="also run our engine with the ordinary dense MLM head")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.steps, args.repeat, args.batch_size = "tiny", 12, 1, 16
    args.precision = "bf16" if args.bf16 else "fp16" if args.fp16 else "fp32"
    import torch

    from workbench.core.bert.engine import select_device

    args.device = select_device(args.device)
    if args.threads:
        torch.set_num_threads(args.threads)
    DATA.mkdir(parents=True, exist_ok=True)
    docs = documents()
    tok = tokenizer(docs, args.vocab_size)
    peak, peak_note = peak_flops(args)
    steps = args.warmup + args.steps
    print(f"device {args.device} ({torch.get_num_threads()} CPU threads), precision "
          f"{args.precision}, seq_len {args.seq_len}, batch {args.batch_size}, "
          f"{args.steps} timed steps after {args.warmup}, vocabulary {len(tok):,}, "
          f"best of {args.repeat}")
    print(f"peak for MFU: {peak / 1e12:.3g} TFLOP/s ({peak_note})")
    sides = [("ours", lambda s: run_ours(args, s, docs, tok, steps)),
             ("HF grouped", lambda s: run_hf(args, s, docs, tok, steps, True))]
    if not args.no_line_by_line:
        sides.append(("HF line-by-line", lambda s: run_hf(args, s, docs, tok, steps, False)))
    if args.ablation:
        sides.append(("ours, dense head", lambda s: run_ours(args, s, docs, tok, steps, True)))
    for size in args.size.split(","):
        best: dict[str, float] = {}
        params = head = 0
        for _ in range(args.repeat):
            for name, fn in sides:
                gc.collect()
                tps, params, head = fn(size)
                best[name] = max(best.get(name, 0.0), tps)
        print(f"\n{size}: {params / 1e6:.2f} M parameters ({head / 1e6:.2f} M in the MLM head)")
        print(f"{'':18}{'tokens/s':>12}{'MFU 6N':>9}{'MFU used':>10}{'ours / this':>14}")
        for name, tps in best.items():
            used = params - head + 0.15 * head if name == "ours" else params   # sparse head
            ratio = best["ours"] / tps
            print(f"{name:18}{tps:12,.0f}{6 * params * tps / peak:9.1%}"
                  f"{6 * used * tps / peak:10.1%}{ratio:13.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
