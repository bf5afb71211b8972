"""Inspect benchmarks: contextual extraction speed and sense clustering on CoarseWSD-20.

Sections (``main()`` runs those asked for; each prints its own figures):

``extraction``
    Contextual vectors for ``--n`` occurrences (default 1,000): CoarseWSD-20
    training sentences of a few words (``--words``), on a random-initialised
    BERT of preset ``--size`` (default ``base``) built in this process
    (``bert_config(PRESETS[size], vocab)``, a WordPiece tokenizer trained on
    the sentences, saved in a temporary folder and loaded with
    :func:`~workbench.core.inspect.model.load_for_inspection`).  Ours:
    :func:`~workbench.core.inspect.contextual.word_vectors` (length-sorted
    batches, padding only within a batch, inference mode, every layer).
    Baseline: a plain ``transformers.pipeline("feature-extraction")`` on the
    same model object and tokenizer and the same sentences, the same batch
    size, ``return_tensors=True`` (so the baseline does not pay for turning
    tensors into nested lists).  One timed run each after a 4-sentence
    warm-up; sentences/s and their ratio (target >= 1.5x).
``ari`` (``--ari MODEL_FOLDER``)
    For each CoarseWSD-20 word (or ``--words``): contextual vectors of the
    first 300 training sentences (``--limit``), layer ``mean-last-4``,
    k-means with k = the number of gold senses and with k chosen by
    silhouette; the adjusted Rand index of the clusters against the gold
    senses, and the static baseline's.  A static model has one vector per
    word, so every occurrence lands in the same cluster, and the ARI of a
    single cluster is 0 by construction (computed here, not assumed).

To add a section (attention timing, ...): write ``def section_x(args) -> None``
and add it to :data:`SECTIONS`.

Usage::

    python benchmarks/inspect_senses.py --size small --n 300           # extraction, quick
    python benchmarks/inspect_senses.py                                # extraction, base, 1,000
    python benchmarks/inspect_senses.py --only ari --ari path/to/bert  # ARI table
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

DEFAULT_WORDS = ("bank", "crane", "java", "mole", "spring", "pitcher", "seal", "bass")


def _coarsewsd_root(args: argparse.Namespace) -> Path:
    from workbench.core.evaluation.benchmarks import shared_data_dir

    if args.coarsewsd_root is not None:
        return Path(args.coarsewsd_root)
    shared = shared_data_dir()
    if shared is None:
        sys.exit("CoarseWSD-20 not found: give --coarsewsd-root")
    return shared / "CoarseWSD-20"


def _words(args: argparse.Namespace, default: tuple[str, ...]) -> list[str]:
    return [w.strip() for w in args.words.split(",") if w.strip()] if args.words else \
        list(default)


def _occurrences(args: argparse.Namespace) -> list[Any]:
    """About ``--n`` CoarseWSD-20 training occurrences, taken evenly from the words."""
    from workbench.core.inspect.coarsewsd import load_coarsewsd

    words = _words(args, DEFAULT_WORDS)
    root = _coarsewsd_root(args)
    per = -(-args.n // len(words))
    out: list[Any] = []
    for w in words:
        out.extend(load_coarsewsd(root, w, "train", limit=per))
    if len(out) < args.n:                      # small words: top up from the first ones
        for w in words:
            more = load_coarsewsd(root, w, "train", limit=per * 4)[per:]
            out.extend(more[: args.n - len(out)])
    return out[: args.n]


def _build_model(sentences: list[str], size: str, folder: Path) -> Path:
    import torch
    from transformers import BertModel

    from workbench.core.bert.models import PRESETS, bert_config, save_model
    from workbench.core.bert.tokenizer import WordPieceSettings, load_tokenizer, train_wordpiece

    tokdir = train_wordpiece(sentences, WordPieceSettings(vocab_size=8000, min_frequency=2),
                             folder / "tok")
    tok = load_tokenizer(tokdir)
    torch.manual_seed(0)
    model = BertModel(bert_config(PRESETS[size], len(tok), pad_token_id=tok.pad_token_id),
                      add_pooling_layer=False)
    return save_model(model, tok, folder / "model")


def _timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def section_extraction(args: argparse.Namespace) -> None:
    """Contextual extraction: word_vectors vs pipeline("feature-extraction")."""
    import torch
    from transformers import pipeline

    from workbench.core.inspect.contextual import word_vectors
    from workbench.core.inspect.model import load_for_inspection

    occ = _occurrences(args)
    sentences = [o.text for o in occ]
    with tempfile.TemporaryDirectory(prefix="wb-inspect-bench-") as tmp:
        t0 = time.perf_counter()
        folder = _build_model(sentences, args.size, Path(tmp))
        model = load_for_inspection(folder, device=args.device)
        build_s = time.perf_counter() - t0
    tok = model.tokenizer
    lengths = [len(ids) for ids in tok(sentences)["input_ids"]]
    print(f"extraction: {len(occ):,} occurrences of {', '.join(_words(args, DEFAULT_WORDS))} "
          f"(CoarseWSD-20 train), BERT-{args.size} random init ({model.num_layers} layers, "
          f"hidden {model.hidden_size}, vocabulary {len(tok):,}; built in {build_s:.1f} s), "
          f"device {model.device}, {torch.get_num_threads()} threads, batch {args.batch_size}")
    print(f"  tokens per sentence: mean {statistics.mean(lengths):.1f}, median "
          f"{statistics.median(lengths):.0f}, max {max(lengths)} (model max "
          f"{model.max_length})")
    extractor = pipeline("feature-extraction", model=model.model, tokenizer=tok,
                         device=torch.device(model.device))
    opts = {"batch_size": args.batch_size, "return_tensors": True,
            "tokenize_kwargs": {"truncation": True, "max_length": model.max_length}}
    extractor(sentences[:4], **opts)                            # warm-up, untimed
    word_vectors(model, occ[:4], batch_size=args.batch_size)
    base_s = _timed(lambda: extractor(sentences, **opts))
    ours_s = _timed(lambda: word_vectors(model, occ, batch_size=args.batch_size))
    n = len(occ)
    print(f"  {'pipeline(feature-extraction)':<32} {base_s:8.2f} s  {n / base_s:9.1f} "
          "sentences/s  (last layer only)")
    print(f"  {'word_vectors (ours)':<32} {ours_s:8.2f} s  {n / ours_s:9.1f} "
          "sentences/s  (every layer, pieces averaged)")
    print(f"  ratio ours / baseline: {base_s / ours_s:.2f}x (target >= 1.5x)")


def section_ari(args: argparse.Namespace) -> None:
    """ARI of sense clusters against CoarseWSD-20 gold senses, per word."""
    from sklearn.metrics import adjusted_rand_score

    from workbench.core.inspect.coarsewsd import COARSEWSD_WORDS, load_coarsewsd
    from workbench.core.inspect.contextual import word_vectors
    from workbench.core.inspect.model import load_for_inspection
    from workbench.core.inspect.senses import analyse_senses

    if not args.ari:
        print("ari: skipped (give --ari MODEL_FOLDER)")
        return
    model = load_for_inspection(args.ari, device=args.device)
    root = _coarsewsd_root(args)
    words = _words(args, COARSEWSD_WORDS)
    print(f"ari: {model.folder} ({model.model_type}, {model.num_layers} layers), CoarseWSD-20 "
          f"train, first {args.limit} sentences per word, layer {args.layer}, k-means")
    head = (f"  {'word':<9} {'n':>4} {'senses':>6} {'ARI k=gold':>10} {'k sil':>5} "
            f"{'ARI k=sil':>9} {'static':>6}")
    print(head)
    rows = []
    for w in words:
        occ = load_coarsewsd(root, w, "train", limit=args.limit)
        gold = [o.label for o in occ]
        n_gold = len(set(gold))
        vec = word_vectors(model, occ, batch_size=args.batch_size)
        fixed = analyse_senses(vec, layer=args.layer, k=n_gold) if n_gold > 1 else None
        free = analyse_senses(vec, layer=args.layer)
        static = adjusted_rand_score(gold, [0] * len(gold))
        a_fixed = fixed.ari if fixed is not None else float("nan")
        rows.append((a_fixed, free.ari, static))
        print(f"  {w:<9} {len(vec):>4} {n_gold:>6} {a_fixed:>10.3f} {free.k:>5} "
              f"{free.ari:>9.3f} {static:>6.3f}", flush=True)
    print(f"  {'mean':<9} {'':>4} {'':>6} {statistics.mean(r[0] for r in rows):>10.3f} "
          f"{'':>5} {statistics.mean(r[1] for r in rows):>9.3f} "
          f"{statistics.mean(r[2] for r in rows):>6.3f}")
    print("  static: one vector per word puts every occurrence in one cluster; the ARI of a "
          "single cluster is 0 by construction (chance level), whatever the gold senses.")


#: Section name -> function; the order is the order they run in.
SECTIONS: dict[str, Callable[[argparse.Namespace], None]] = {
    "extraction": section_extraction,
    "ari": section_ari,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=None,
                        help=f"comma-separated sections ({', '.join(SECTIONS)}); default: "
                             "extraction, plus ari when --ari is given")
    parser.add_argument("--size", default="base",
                        help="extraction: model preset (tiny, mini, small, medium, base)")
    parser.add_argument("--n", type=int, default=1000, help="extraction: occurrences")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--words", default=None,
                        help="comma-separated CoarseWSD-20 words (extraction default: "
                             f"{','.join(DEFAULT_WORDS)}; ari default: all 20)")
    parser.add_argument("--ari", default=None, metavar="MODEL_FOLDER",
                        help="ari: the model to score")
    parser.add_argument("--limit", type=int, default=300, help="ari: sentences per word")
    parser.add_argument("--layer", default="mean-last-4", help="ari: layer choice")
    parser.add_argument("--device", default="cpu", choices=("cpu", "cuda", "mps", "auto"))
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    parser.add_argument("--coarsewsd-root", default=None, help="the CoarseWSD-20 folder")
    args = parser.parse_args(argv)
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()            # no load reports for the random models
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.only:
        names = [s.strip() for s in args.only.split(",") if s.strip()]
        unknown = [s for s in names if s not in SECTIONS]
        if unknown:
            parser.error(f"unknown section(s) {', '.join(unknown)}; choose from "
                         f"{', '.join(SECTIONS)}")
    else:
        names = ["extraction"] + (["ari"] if args.ari else [])
    for name in names:
        SECTIONS[name](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
