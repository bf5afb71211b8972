"""The package boundaries are mechanical, not a matter of goodwill.

* Importing any ``workbench.core`` module (or the CLI) never imports Qt.
* Importing the core, the CLI or the UI package never imports the heavy
  libraries (torch, transformers, gensim, umap, sklearn): they load inside the
  functions that need them, so the window and the CLI start fast.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import workbench
import workbench.core

QT = ("PySide6", "shiboken6", "pyqtgraph", "workbench.ui")
HEAVY = ("torch", "transformers", "gensim", "umap", "sklearn", "jieba")


def _modules(package: object) -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(package.__path__,  # type: ignore[attr-defined]
                                                       package.__name__ + "."))


def _imported_after(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(json.dumps(sorted({n.split('.')[0] if not n.startswith('workbench') else n "
        "for n in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, timeout=120)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_core_modules_exist() -> None:
    mods = _modules(workbench.core)
    assert "workbench.core.tasks" in mods and "workbench.core.workspace" in mods


def test_core_and_cli_import_no_qt_and_no_heavy_libraries() -> None:
    mods = _modules(workbench.core) + ["workbench.cli", "workbench.__main__"]
    loaded = _imported_after(mods)
    assert not [q for q in QT if q in loaded], "core imported Qt"
    assert not [h for h in HEAVY if h in loaded], "core imported a heavy library at import time"


def test_ui_imports_no_heavy_libraries() -> None:
    import workbench.ui

    mods = _modules(workbench.ui)
    loaded = _imported_after(mods)
    assert "PySide6" in loaded  # the check can see what was imported
    assert not [h for h in HEAVY if h in loaded], "a UI module imports a heavy library eagerly"
