"""Render the app offscreen at first start and save ``docs/screenshot.png`` for the README.

Usage::

    python tools/screenshot.py [--out docs/screenshot.png] [CORPUS]

Runs ``run_app(["--screenshot", OUT])`` in a fresh process with the
``offscreen`` Qt platform and an empty settings store and workspace, so the
window shows what a new user sees: the bundled corpus (or ``CORPUS``) opened
and its statistics computed.  The PNG is written once the scan has finished
and the plots have painted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; return the app's exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="corpus to show (default: the bundled one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    app_args = ["--screenshot", str(out)] + ([args.corpus] if args.corpus else [])
    code = f"import sys; from workbench.ui.app import run_app; sys.exit(run_app({app_args!r}))"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   WORKBENCH_WORKSPACE=str(Path(tmp) / "workspace"))
        proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, timeout=300,
                              check=False)
    if proc.returncode == 0:
        print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
