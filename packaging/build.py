"""Build the one-folder bundle with PyInstaller, self-test it, and measure it.

Usage (from the repository root, with the project and ``.[bundle]`` installed)::

    python packaging/build.py                   # build, self-test, size, cold starts
    python packaging/build.py --skip-build      # measure the bundle already built
    python packaging/build.py --repeats 5       # more cold-start runs
    python packaging/build.py --umap            # self-test also maps with UMAP (slow)

Outputs: ``packaging/dist/EmbeddingWorkbench/`` (the bundle; on macOS also
``EmbeddingWorkbench.app``), build files in ``packaging/build/`` (both
git-ignored).  Then:

* the bundle's ``--self-test`` runs (in a temporary HOME, so no settings or
  workspace of the user's are touched); its step lines are printed and a
  failure makes this script exit 1;
* the bundle's size on disk (MB, as ``du -sm`` counts it);
* cold start to the first painted main window, the bundle against the
  source checkout (``python -m workbench``), measured the same way in the same
  run: a fresh process each time with an empty settings store and workspace
  (a first start), the parent's timestamp handed over with the hidden
  ``--startup-time T0`` option, the child printing the seconds once its main
  window has painted (see :func:`workbench.ui.self_test.install_startup_probe`).
  The two alternate, one warm-up run each is not counted (the OS file cache is
  warm, as it is for any second start), and the medians are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "workbench.spec"
DIST = PACKAGING / "dist"
WORK = PACKAGING / "build"
NAME = "EmbeddingWorkbench"


def executable() -> Path:
    """The bundle's executable for this platform."""
    if sys.platform == "darwin":
        app = DIST / f"{NAME}.app" / "Contents" / "MacOS" / NAME
        if app.exists():
            return app
    suffix = ".exe" if sys.platform == "win32" else ""
    return DIST / NAME / f"{NAME}{suffix}"


def build(clean: bool) -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    print("building:", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.perf_counter() - t0


def folder_megabytes(folder: Path) -> float:
    """Disk usage of ``folder`` in MB (blocks as ``du`` counts them; file sizes on Windows)."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            blocks = getattr(st, "st_blocks", None)
            total += blocks * 512 if blocks is not None else st.st_size
    return total / 2**20


def clean_env(tmp: Path, tag: str) -> dict[str, str]:
    """An environment whose settings, workspace and caches live under ``tmp/tag``."""
    env = dict(os.environ)
    home = tmp / tag
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("WORKBENCH_WORKSPACE", "workspace"), ("APPDATA", "appdata"),
                     ("LOCALAPPDATA", "localappdata")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    if sys.platform.startswith("linux") and not env.get("DISPLAY") \
            and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def self_test(exe: Path, tmp: Path, umap: bool = False) -> tuple[int, float]:
    """Run the bundle's ``--self-test`` (with a UMAP map if ``umap``); return exit code, seconds."""
    env = clean_env(tmp, "self-test")
    cmd = [str(exe), "--self-test"] + (["--self-test-umap"] if umap else [])
    print("self-test:", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=tmp, check=False, timeout=1800)
    return proc.returncode, time.perf_counter() - t0


def startup(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from just before starting ``cmd`` to its main window's first paint."""
    t0 = time.time()
    proc = subprocess.run([*cmd, "--startup-time", repr(t0)], env=env, capture_output=True,
                          text=True, timeout=300, check=False, cwd=env["HOME"])
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            return float(json.loads(line)["seconds"])
    raise RuntimeError(f"{cmd[0]} did not report its first paint (exit {proc.returncode}):\n"
                       f"{proc.stderr[-3000:]}")


def cold_starts(exe: Path, tmp: Path, repeats: int) -> dict[str, list[float]]:
    """First-paint times of the bundle and of the source checkout, alternating."""
    kinds = {"bundle": [str(exe)], "source": [sys.executable, "-m", "workbench"]}
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for kind, cmd in kinds.items():             # warm the file cache once, not counted
        startup(cmd, clean_env(tmp, f"warm-{kind}"))
    for i in range(repeats):
        for kind, cmd in kinds.items():
            env = clean_env(tmp, f"{kind}-{i}")
            if kind == "source":
                env["PYTHONPATH"] = str(ROOT)
            times[kind].append(startup(cmd, env))
    return times


def main(argv: list[str] | None = None) -> int:
    """Build (unless ``--skip-build``), self-test and measure the bundle."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="use the bundle in dist/")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache and packaging/build first")
    parser.add_argument("--repeats", type=int, default=3, help="cold starts of each kind")
    parser.add_argument("--no-startup", action="store_true", help="skip the cold starts")
    parser.add_argument("--umap", action="store_true",
                        help="the self-test also computes a UMAP map in the bundle's child "
                             "process (frozen multiprocessing + numba; minutes)")
    args = parser.parse_args(argv)

    build_seconds = None
    if not args.skip_build:
        if args.clean:
            shutil.rmtree(WORK, ignore_errors=True)
        build_seconds = build(args.clean)
    exe = executable()
    if not exe.exists():
        print(f"no bundle at {exe}; build it first", file=sys.stderr)
        return 1
    bundle_dir = DIST / NAME
    with tempfile.TemporaryDirectory(prefix="workbench-bundle-") as tmp_name:
        tmp = Path(tmp_name)
        code, test_seconds = self_test(exe, tmp, args.umap)
        times = None if args.no_startup or code != 0 else cold_starts(exe, tmp, args.repeats)

    print()
    print(f"platform: {sys.platform}, python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if build_seconds is not None:
        print(f"build:     {build_seconds / 60:.1f} min")
    print(f"bundle:    {bundle_dir} ({folder_megabytes(bundle_dir):,.0f} MB on disk)")
    print(f"self-test: {'passed' if code == 0 else f'FAILED (exit {code})'} in "
          f"{test_seconds:.1f} s")
    if times:
        med = {k: statistics.median(v) for k, v in times.items()}
        for kind, values in times.items():
            runs = ", ".join(f"{t:.2f}" for t in values)
            print(f"start to first window, {kind:>6}: median {med[kind]:.2f} s (runs: {runs})")
        print(f"bundle / source: {med['bundle'] / med['source']:.2f}x")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
