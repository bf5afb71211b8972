"""Regenerate the user guide's screenshots (``docs/guide/images/``) from the real app, offscreen.

Usage::

    python tools/guide_screenshots.py [--only welcome,corpus,...] [--out docs/guide/images]

Like ``tools/screenshot.py``, the app runs in a fresh process with the
``offscreen`` Qt platform, an empty settings store and a temporary workspace.
The window (1360 x 860) is driven through the panels' public methods, with the
steps of ``workbench --self-test`` (:mod:`workbench.ui.self_test`): the welcome
page's three clicks (sample corpus, word2vec, map and analogy), a neighbours
query, a tiny BERT pretrained for a few dozen steps, its attention and the senses
of a word, and the Settings dialog.  Only the work the chosen pictures need is
done.  Tiny models: a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.ui.self_test import AppDriver, StepRunner

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "guide" / "images"
#: The pictures, in the order they are made.
NAMES = ("corpus", "welcome", "static", "explore", "bert", "inspect-attention",
         "inspect-senses", "settings")
#: Window size of every picture of the main window.
SIZE = (1360, 860)
#: Above this many bytes a picture is scaled down to :data:`MAX_WIDTH` pixels wide.
MAX_BYTES = 300 * 1024
MAX_WIDTH = 1200
#: What the pictures show.
NEIGHBOURS_QUERY = "freedom"
DEFAULT_WORKSPACE_SHOWN = "~/.local/share/EmbeddingWorkbench"
BERT_STEPS = 60
SENSES_WORD = "bank"
SENSES_LIMIT = 120
SENSES_SENTENCES = (
    "She sat on the bank of the river and watched the boats.",
    "The bank raised its interest rates again this year.",
    "They walked along the grassy bank of the stream.",
    "He opened an account at the bank near the station.",
    "The river overflowed its bank after the storm.",
    "The central bank lends money to other banks.",
    "Fishermen lined the muddy bank at dawn.",
    "The bank approved the loan for the new house.",
)


def _coarsewsd_available() -> bool:
    from workbench.core.evaluation.benchmarks import shared_data_dir

    shared = shared_data_dir()
    return shared is not None and (shared / "CoarseWSD-20").is_dir()


def save_image(image: Any, path: Path) -> int:
    """Save ``image`` (a QImage) as PNG at ``path``; scale it down when it is too big.

    Returns the file's size in bytes.
    """
    from PySide6.QtCore import Qt

    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    if path.stat().st_size > MAX_BYTES and image.width() > MAX_WIDTH:
        small = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        small.save(str(path), "PNG")
    return path.stat().st_size


class _Guide:
    """Puts the app in each picture's state (steps shared with the self-test)."""

    def __init__(self, runner: StepRunner, driver: AppDriver, out: Path,
                 wanted: set[str]) -> None:
        self.r = runner
        self.d = driver
        self.out = out
        self.wanted = wanted
        self.done: set[str] = set()

    # ---------------------------------------------------------------- helpers
    def shoot(self, name: str, widget: Any = None, panel: str | None = None) -> str:
        window = self.d.w
        if panel is not None:
            window.show_panel(panel)
        self.r.pump(400)                             # layout, plots and labels paint
        image = (widget or window).grab().toImage()
        from workbench.ui.self_test import SelfTestFailure, image_is_blank

        if image_is_blank(image):
            raise SelfTestFailure(f"the picture {name}.png is blank.")
        size = save_image(image, self.out / f"{name}.png")
        return f"{name}.png {image.width()}x{image.height()} px, {size / 1024:.0f} KiB"

    def needs(self, *names: str) -> bool:
        return bool(self.wanted & set(names))

    # ---------------------------------------------------------------- the pictures
    def welcome_clicks(self) -> str:
        """The welcome page's three clicks, as a user makes them."""
        window = self.d.w
        window.show_panel("welcome")
        page, corpus = window.welcome_panel, window.corpus_panel
        self.r.wait("Step 1 (the sample corpus)", page.buttons["corpus"].click,
                    [corpus.stats_changed], [corpus.runner], refused=page.status["corpus"].text)
        parts = []
        if "corpus" in self.wanted:
            parts.append(self.shoot("corpus", panel="corpus"))
            window.show_panel("welcome")
        if not self.needs("welcome", "static", "explore"):
            return "; ".join(parts)
        static = window.static_panel
        self.r.wait("Step 2 (word2vec)", page.buttons["train"].click, [static.runner.finished],
                    [static.runner], refused=page.status["train"].text)
        explore = window.explore_panel
        view = explore.analogy_view
        self.r.wait("Step 3 (map and analogy)", page.buttons["explore"].click,
                    [explore.map_changed], [explore.map_runner],
                    refused=lambda: page.status["explore"].text() or explore.message_bar.text())
        if view.runner.is_running:
            self.r.wait("The analogy", lambda: None, [view.runner.finished], [view.runner])
        if "welcome" in self.wanted:
            parts.append(self.shoot("welcome", panel="welcome"))
        if "static" in self.wanted:
            static.right_tabs.setCurrentIndex(0)
            parts.append(self.shoot("static", panel="static"))
        return "; ".join(parts)

    def explore(self) -> str:
        window = self.d.w
        window.show_panel("explore")
        explore = window.explore_panel
        view = explore.neighbours_view
        explore.tools.setCurrentWidget(view)
        view.query_edit.setText(NEIGHBOURS_QUERY)
        self.r.wait(f"Neighbours of {NEIGHBOURS_QUERY!r}", view.search, [view.runner.finished],
                    [view.runner], refused=explore.message_bar.text)
        return self.shoot("explore", panel="explore")

    def bert(self) -> str:
        detail = self.d.bert_step(steps=BERT_STEPS, eval_every=BERT_STEPS // 6)
        if "bert" in self.wanted:
            detail += "; " + self.shoot("bert", panel="bert")
        return detail

    def attention(self) -> str:
        detail = self.d.attention_step()
        if "inspect-attention" in self.wanted:
            detail += "; " + self.shoot("inspect-attention", panel="inspect")
        return detail

    def senses(self) -> str:
        window = self.d.w
        panel = window.inspect_panel
        view = window.senses_view
        panel.show_view(view)
        view.word_edit.setText(SENSES_WORD)
        coarsewsd = view.source_combo.findData("coarsewsd")
        if coarsewsd >= 0 and view.source_combo.model().item(coarsewsd).isEnabled() \
                and _coarsewsd_available():
            view.source_combo.setCurrentIndex(coarsewsd)   # gold senses to colour by
            view.limit_spin.setValue(SENSES_LIMIT)
        else:
            view.source_combo.setCurrentIndex(view.source_combo.findData("typed"))
            view.sentences_edit.setPlainText("\n".join(SENSES_SENTENCES))
        self.r.wait(f"Senses of {SENSES_WORD!r}", view.run, [view.runner.finished],
                    [view.runner], refused=view.message_bar.text)
        gold = view.colour_combo.findData("gold")
        if view.source_combo.currentData() == "coarsewsd" and gold >= 0:
            view.colour_combo.setCurrentIndex(gold)
        return self.shoot("inspect-senses", panel="inspect")

    def settings(self) -> str:
        from PySide6.QtWidgets import QApplication

        window = self.d.w
        window.show_panel("welcome")
        window.show_settings()
        dialog = window._settings_dialog            # the open dialog
        if dialog is None:
            from workbench.ui.self_test import SelfTestFailure

            raise SelfTestFailure("the Settings dialog did not open.")
        edit = getattr(dialog, "workspace_edit", None)
        if edit is not None and not edit.text():     # the default, not the temporary folder
            edit.setPlaceholderText(DEFAULT_WORKSPACE_SHOWN)
        dialog.adjustSize()
        dialog.resize(max(dialog.width(), 620), dialog.height())
        QApplication.processEvents()
        try:
            return self.shoot("settings", widget=dialog)
        finally:
            dialog.reject()

    def run(self) -> None:
        steps: list[tuple[str, Callable[[], str], bool]] = [
            ("welcome", self.welcome_clicks, bool(self.wanted - {"settings"})),   # the corpus
            ("explore", self.explore, self.needs("explore")),
            ("bert", self.bert, self.needs("bert", "inspect-attention", "inspect-senses")),
            ("attention", self.attention, self.needs("inspect-attention", "inspect-senses")),
            ("senses", self.senses, self.needs("inspect-senses")),
            ("settings", self.settings, self.needs("settings")),
        ]
        if not self.r.step("window", self.d.window_step):
            return
        self.d.w.resize(*SIZE)
        for name, fn, wanted in steps:
            if wanted and not self.r.step(name, fn):
                return


def _child(out: Path, wanted: set[str], timeout: float) -> int:
    """Run in the fresh offscreen process: drive the app and save the pictures."""
    from workbench.ui.self_test import StepRunner, driven_app

    runner = StepRunner(sys.stderr, timeout)
    with driven_app(runner) as driver:
        _Guide(runner, driver, out, wanted).run()
    failed = [r for r in runner.results if not r.ok]
    return 1 if failed else 0


def _parse_names(text: str | None) -> list[str]:
    if not text:
        return list(NAMES)
    names = [n.strip().removesuffix(".png") for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown picture(s) {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    return names


def main(argv: list[str] | None = None) -> int:
    """Write the pictures; return 0 when all were made."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="pictures: " + ", ".join(NAMES[:4]) + ",\n          " + ", ".join(NAMES[4:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", type=_parse_names, default=None, metavar="NAME,...",
                        help="make only these pictures (comma-separated, e.g. bert,settings)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder for the PNG files (default: docs/guide/images)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds each step may take (default: 300)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = args.only or list(NAMES)
    out = args.out.resolve()
    if args.child:
        return _child(out, set(names), args.timeout)
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--only", ",".join(names),
           "--out", str(out), "--timeout", str(args.timeout)]
    with tempfile.TemporaryDirectory(prefix="workbench-guide-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   WORKBENCH_WORKSPACE=str(Path(tmp) / "workspace"))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        env.setdefault("OMP_NUM_THREADS", "1")      # tiny models: one thread is faster
        proc = subprocess.run(cmd, env=env, cwd=ROOT, check=False)
    if proc.returncode == 0:
        for name in names:
            path = out / f"{name}.png"
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
                  f"({path.stat().st_size / 1024:.0f} KiB)")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
