"""Shared test set-up: no display, and no test touches the user's real workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_workspace(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default workspace at a fresh temporary folder for every test."""
    root = tmp_path_factory.mktemp("workspace")
    monkeypatch.setenv("WORKBENCH_WORKSPACE", str(root))
    # Also where the default folder would be if a test removes the variable.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    return root


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder beside the checkout (skips nothing: it must exist)."""
    assert SHARED_DATA.is_dir(), f"shared datasets not found at {SHARED_DATA}"
    return SHARED_DATA


@pytest.fixture(scope="session")
def translation_tools():
    """``tools/translations.py`` as a module: the extractor and the translation dictionaries."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / "translations.py"
    spec = importlib.util.spec_from_file_location("workbench_translation_tools", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
