"""Time to show attention: from "Run" to the grid and a heatmap drawn, on a base-size BERT.

A random-initialised BERT of preset ``--size`` (default ``base``: 12 layers × 12
heads, hidden 768) is built in this process (``bert_config(PRESETS[size],
vocab)``, a WordPiece tokenizer trained on the first ``--lines`` lines of
WikiText-2 from ``../shared/data``), saved to a temporary folder and loaded
with :func:`~workbench.core.inspect.model.load_for_inspection` (CPU).  Loading
is not timed: the target counts from "Run" with the model loaded.

For each input length (default 128 and 512 tokens; WikiText text cut to
exactly that many tokens):

* **ours (shown)**: :func:`~workbench.core.inspect.attention.compute_attention`
  + :meth:`AttentionView.set_result` (offscreen), which draws the layers ×
  heads grid and the large heatmap of the selected head into their cached
  QImages, exactly what the app does when the worker's result arrives;
* **of which compute** and **of which drawing**, separately;
* **baseline**: a bare forward pass of the same model with
  ``output_attentions=True`` (eager attention), nothing drawn, the lower
  bound of any attention view.

Median of ``--repeat`` (default 5) runs after one warm-up, printed against the
0.5 s target (issue 6: 128 tokens on a base-size model on CPU), and the ratio
ours / baseline (the cost of everything beyond the forward pass).

Usage::

    python benchmarks/inspect_attention.py                    # base, 128 and 512 tokens
    python benchmarks/inspect_attention.py --size tiny --lengths 128
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 0.5


def wikitext_lines(limit: int) -> list[str]:
    path = ROOT.parent / "shared" / "data" / "wikitext-2" / "valid.txt"
    if not path.is_file():
        path = Path("/work/shared/data/wikitext-2/valid.txt")
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("="):
                lines.append(line)
            if len(lines) >= limit:
                break
    return lines


def build_model(size: str, lines: list[str], folder: Path) -> Path:
    import torch
    from transformers import BertForMaskedLM

    from workbench.core.bert.models import PRESETS, bert_config, save_model
    from workbench.core.bert.tokenizer import WordPieceSettings, load_tokenizer, train_wordpiece

    tok = load_tokenizer(train_wordpiece(lines, WordPieceSettings(vocab_size=8000),
                                         folder / "tok"))
    torch.manual_seed(0)
    model = BertForMaskedLM(bert_config(PRESETS[size], len(tok), pad_token_id=tok.pad_token_id))
    model.eval()
    return save_model(model, tok, folder / "model")


def text_of(model, lines: list[str], n_tokens: int) -> str:
    """WikiText text cut to exactly ``n_tokens`` tokens ([CLS] and [SEP] included)."""
    text = " ".join(lines[:80])
    ids = model.tokenizer(text, add_special_tokens=False)["input_ids"][:n_tokens - 2]
    out = model.tokenizer.decode(ids)
    assert len(model.encode(out)) <= n_tokens
    return out


def median_time(fn, repeat: int) -> tuple[float, list[float]]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="base", help="model preset (default base)")
    parser.add_argument("--lengths", type=int, nargs="+", default=[128, 512])
    parser.add_argument("--lines", type=int, default=400, help="WikiText lines (400)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: all)")
    args = parser.parse_args(argv)

    import torch
    from PySide6.QtWidgets import QApplication

    from workbench.core.inspect.attention import compute_attention
    from workbench.core.inspect.model import load_for_inspection
    from workbench.ui.plots import attention_render as ar
    from workbench.ui.widgets.attention_view import AttentionView, attention_job

    if args.threads:
        torch.set_num_threads(args.threads)
    app = QApplication.instance() or QApplication([])
    lines = wikitext_lines(args.lines)
    with tempfile.TemporaryDirectory(prefix="bench-attention-") as tmp:
        t0 = time.perf_counter()
        folder = build_model(args.size, lines, Path(tmp))
        model = load_for_inspection(folder, device="cpu")
        print(f"Model: {args.size} ({model.num_layers} layers × {model.num_heads} heads, hidden "
              f"{model.hidden_size}), random weights, built and loaded in "
              f"{time.perf_counter() - t0:.1f} s; torch threads {torch.get_num_threads()}, "
              f"{os.cpu_count()} CPUs")
        view = AttentionView()
        view.resize(1400, 900)
        view.show()
        app.processEvents()
        view.set_model(model)
        print(f"{'tokens':>6}  {'baseline':>9}  {'compute':>8}  {'drawing':>8}  "
              f"{'ours shown':>10}  {'ours/base':>9}  {'best':>7}  target (median)")
        for n in args.lengths:
            text = text_of(model, lines, n)
            n_real = len(model.encode(text))
            enc = model.encode(text)

            def baseline(enc=enc) -> None:
                with model.eager_attention(), torch.inference_mode():
                    model.encoder(**enc.tensors(), output_attentions=True)

            holder: dict[str, Any] = {}

            def compute(text=text, holder=holder) -> None:
                holder["r"] = compute_attention(model, text)

            def draw(holder=holder) -> None:
                view.set_result(holder["r"])

            def ours(text=text) -> None:
                # What the app does: the job in the worker (attention + grid thumbnails),
                # then the view on the GUI thread (grid and heatmap images).
                geometry = ar.grid_geometry(model.num_layers, model.num_heads,
                                            view.thumb_spin.value())
                view.set_result(attention_job(model, text, None, geometry))

            base_s, base_times = median_time(baseline, args.repeat)
            compute_s, _ = median_time(compute, args.repeat)
            draw_s, _ = median_time(draw, args.repeat)
            ours_s, times = median_time(ours, args.repeat)
            assert view.grid_image.width() > 0 and view.detail_image.width() > 0
            verdict = "met" if ours_s <= TARGET_S else "MISSED"
            print(f"{n_real:>6}  {base_s:>8.3f}s  {compute_s:>7.3f}s  {draw_s:>7.3f}s  "
                  f"{ours_s:>9.3f}s  {ours_s / base_s:>8.2f}x  {min(times):>6.3f}s  "
                  f"<= {TARGET_S} s: {verdict}")
            print(f"        runs ours: {', '.join(f'{t:.3f}' for t in times)}; baseline: "
                  f"{', '.join(f'{t:.3f}' for t in base_times)}")
        view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
