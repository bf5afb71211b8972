"""``workbench attention``: the Inspect panel's attention pictures from the shell.

``workbench attention MODEL "text" [--pair "text B"] --out heads.png [--layer L]
[--head H] [--view grid|heatmap|lines] [--hide-special] [--direction ...]``
computes the attention of every layer and head of a local BERT-family model
(:func:`workbench.core.inspect.attention.compute_attention`) and draws it with
the app's own renderer (:mod:`workbench.ui.plots.attention_render`): the
layers × heads grid, one head's heatmap, or its head view (lines), as PNG or
SVG by the file's suffix.  Layers and heads are numbered from 1, as in the app;
leaving one out averages over it.

Qt is imported only when the command runs, with the offscreen platform when
there is no display, so the other commands stay light.  Exit status: 0 on
success, 2 for a problem with the input or the arguments (one ``error: ...``
line on stderr), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from workbench.cli import EXIT_OK, run_guarded, sigint_cancels, stderr_progress
from workbench.core.errors import ParameterError
from workbench.core.tasks import CancelToken

__all__ = ["add_attention_command", "ensure_gui_application", "run_attention"]

_VIEWS = ("grid", "heatmap", "lines")
_DIRECTIONS = ("all", "a_to_b", "b_to_a", "within_a", "within_b")


def add_attention_command(subparsers: Any) -> None:
    """Add ``attention`` to ``subparsers`` (from ``add_subparsers``)."""
    p = subparsers.add_parser(
        "attention", help="draw a BERT model's attention (grid, heatmap, head view) as PNG/SVG",
        description="Compute the attention of every layer and head of a local BERT-family "
                    "model for a text (or a sentence pair) and draw it as the app does.")
    p.add_argument("model", metavar="MODEL", help="a BERT-family model folder")
    p.add_argument("text", metavar="TEXT", help="the text (quote it)")
    p.add_argument("--pair", default=None, metavar="TEXT_B",
                   help="a second sentence: the input becomes a sentence pair")
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="where to draw: .png or .svg")
    p.add_argument("--layer", type=int, default=None, metavar="L",
                   help="layer (1 = first) of the heatmap or head view; default: mean of layers")
    p.add_argument("--head", type=int, default=None, metavar="H",
                   help="head (1 = first); default: mean of heads")
    p.add_argument("--view", choices=_VIEWS, default=None,
                   help="grid (all layers × heads), heatmap or lines (head view); default: "
                        "grid, or heatmap when --layer or --head is given")
    p.add_argument("--hide-special", action="store_true",
                   help="leave out [CLS], [SEP] and the other special tokens")
    p.add_argument("--direction", choices=_DIRECTIONS, default="all",
                   help="with --pair: only A→B, B→A, within A or within B token pairs")
    p.add_argument("--cell", type=int, default=None, metavar="PX",
                   help="heatmap cell size in pixels (default: 16, smaller for long inputs; "
                        "labels from 8)")
    p.add_argument("--thumb", type=int, default=64, metavar="PX",
                   help="grid thumbnail size in pixels (default 64)")
    p.add_argument("--max-length", type=int, default=None, metavar="N",
                   help="cut the input to N tokens (default: the model's maximum)")
    p.add_argument("--device", default="cpu", help="cpu (default), cuda, mps or auto")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(command="attention")


def ensure_gui_application() -> Any:
    """A QGuiApplication (the existing one, or a new one, offscreen without a display)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["workbench-attention"])
    return app


def run_attention(args: argparse.Namespace, *, out: TextIO | None = None,
                  err: TextIO | None = None) -> int:
    """Run a parsed ``attention`` command; return the exit status."""
    out = sys.stdout if out is None else out
    return run_guarded(lambda: _attention(args, out, err), err)


def _check(args: argparse.Namespace) -> str:
    suffix = Path(args.out).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ParameterError(f"--out must end in .png or .svg, not {Path(args.out).name!r}.")
    for name in ("layer", "head"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise ParameterError(f"--{name} counts from 1, not {value}.")
    if args.cell is not None and not 1 <= args.cell <= 64:
        raise ParameterError(f"--cell must be from 1 to 64 pixels, not {args.cell}.")
    if not 8 <= args.thumb <= 256:
        raise ParameterError(f"--thumb must be from 8 to 256 pixels, not {args.thumb}.")
    if args.direction != "all" and not (args.pair and args.pair.strip()):
        raise ParameterError(f"--direction {args.direction} needs a sentence pair (--pair).")
    if args.view is not None:
        return str(args.view)
    return "heatmap" if args.layer is not None or args.head is not None else "grid"


def _index(value: int | None, count: int, name: str) -> int | None:
    if value is None:
        return None
    if value > count:
        raise ParameterError(f"--{name} {value} is too large: the model has {count} {name}s.")
    return value - 1


def _attention(args: argparse.Namespace, out: TextIO, err: TextIO | None) -> int:
    from workbench.core.inspect.attention import compute_attention
    from workbench.core.inspect.model import load_for_inspection

    view = _check(args)
    token = CancelToken()
    progress = stderr_progress(token, err)
    with sigint_cancels(token):
        progress.report(None, f"Loading {Path(args.model).name}…")
        model = load_for_inspection(args.model, device=args.device)
        progress.raise_if_cancelled()
        progress.report(None, "Computing attention…")
        result = compute_attention(model, args.text, args.pair, max_length=args.max_length)
    layer = _index(args.layer, result.num_layers, "layer")
    head = _index(args.head, result.num_heads, "head")
    if result.notice:
        print(f"note: {result.notice}", file=sys.stderr if err is None else err)

    ensure_gui_application()
    import numpy as np

    from workbench.ui.plots import attention_render as ar

    view_args = {"hide_special": args.hide_special, "direction": args.direction}
    if view == "grid":
        first = result.view(0, 0, **view_args)
        weights = np.asarray(result.weights)[:, :, np.asarray(first.rows, dtype=np.int64)][
            :, :, :, np.asarray(first.cols, dtype=np.int64)]
        geometry = ar.grid_geometry(result.num_layers, result.num_heads, args.thumb)
        ar.export_image(lambda p: ar.render_grid(result, p, geometry, weights=weights),
                        args.out, geometry.size, "Attention grid")
        what = f"grid of {result.num_layers} layers × {result.num_heads} heads"
    else:
        sl = result.view(layer, head, **view_args)
        title = (("mean over layers" if layer is None else f"Layer {layer + 1}") + ", "
                 + ("mean over heads" if head is None else f"head {head + 1}"))
        if view == "lines":
            geometry = ar.head_lines_geometry(sl.row_tokens, sl.col_tokens)
            ar.export_image(lambda p: ar.render_head_lines(sl, p, geometry, title=title),
                            args.out, geometry.size, "Attention head view")
            what = f"head view ({title})"
        else:
            n = max(len(sl.row_tokens), len(sl.col_tokens), 1)
            cell = args.cell if args.cell is not None else max(2, min(16, 2048 // n))
            geometry = ar.heatmap_geometry(len(sl.row_tokens), len(sl.col_tokens), cell,
                                           row_tokens=sl.row_tokens, col_tokens=sl.col_tokens)
            ar.export_image(lambda p: ar.render_heatmap(sl, p, geometry, title=title),
                            args.out, geometry.size, "Attention heatmap")
            what = f"heatmap ({title}, {len(sl.row_tokens)} × {len(sl.col_tokens)})"
    if not args.quiet:
        print(f"Wrote {args.out}: {what}, {len(result.tokens)} tokens.", file=out)
    return EXIT_OK
