"""Startup time: process start to first painted main window, app vs. a bare PySide6 window.

Usage::

    python benchmarks/startup.py [--repeats 5]

Each measurement runs in a fresh interpreter.  The parent takes a timestamp
just before starting the child; the child prints the seconds elapsed since
that timestamp once its main window has received its first paint event and
the event loop has come back (``QTimer.singleShot(0)`` after the paint).

* ``baseline``: ``import pyqtgraph``, a ``QMainWindow`` holding a
  ``PlotWidget``, shown: the least a PySide6 + pyqtgraph app pays.
* ``app``: ``workbench.ui.app.run_app([])`` as ``python -m workbench`` runs it,
  at a *first start* (empty settings and workspace), so the bundled corpus
  scan is scheduled too; it must not delay the first paint.

The two kinds alternate, ``--repeats`` times each; the medians and their
ratio are printed (target: app / baseline <= 1.3).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _install_first_paint_probe(app: object, t0: float) -> None:
    """Print the elapsed time after the first paint of a main window, then exit at once."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow)):
                self.done = True
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        elapsed = time.time() - t0
        sys.stdout.write(json.dumps({"seconds": elapsed}) + "\n")
        sys.stdout.flush()
        os._exit(0)  # skip teardown: only the time to first paint is measured

    probe = FirstPaint(app)
    app.installEventFilter(probe)  # type: ignore[attr-defined]


def _child(kind: str, t0: float) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    _install_first_paint_probe(app, t0)
    if kind == "baseline":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setCentralWidget(pg.PlotWidget())
        window.resize(1360, 860)
        window.show()
        return app.exec()
    from workbench.ui.app import run_app

    return run_app([])


def _measure(kind: str, env: dict[str, str]) -> float:
    t0 = time.time()
    proc = subprocess.run([sys.executable, __file__, "--_child", kind, repr(t0)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            return float(json.loads(line)["seconds"])
    raise RuntimeError(f"{kind} child failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--_child", nargs=2, metavar=("KIND", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._child:
        return _child(args._child[0], float(args._child[1]))

    times: dict[str, list[float]] = {"baseline": [], "app": []}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        _measure("baseline", env)  # warm the OS file cache once, not counted
        for i in range(args.repeats):
            for kind in ("baseline", "app"):
                # A fresh settings store and workspace each time: a first start.
                env["XDG_CONFIG_HOME"] = str(Path(tmp) / f"config-{kind}-{i}")
                env["WORKBENCH_WORKSPACE"] = str(Path(tmp) / f"workspace-{kind}-{i}")
                times[kind].append(_measure(kind, env))
    base = statistics.median(times["baseline"])
    app = statistics.median(times["app"])
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'native')}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    for kind in ("baseline", "app"):
        runs = ", ".join(f"{t * 1000:.0f}" for t in times[kind])
        print(f"{kind:>8}: median {statistics.median(times[kind]) * 1000:6.0f} ms  "
              f"(runs: {runs} ms)")
    print(f"   ratio: {app / base:.2f}x app / baseline (target <= 1.30)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
