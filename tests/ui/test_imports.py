"""The UI opens fast: no heavy library is imported by building the window."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("torch", "transformers", "gensim", "umap", "sklearn", "jieba")


def test_window_imports_no_heavy_library(tmp_path: object) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import workbench.ui.app\n"
        "from workbench.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "print('workbench.core.corpus' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    heavy, corpus_loaded = proc.stdout.strip().splitlines()[-2:]
    assert heavy == "[]"
    assert corpus_loaded == "False"  # loaded with the first scan, after the first paint
