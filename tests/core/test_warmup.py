"""Pre-importing heavy modules off the GUI thread."""

from __future__ import annotations

import logging
import sys

import pytest

from workbench.core.warmup import HEAVY_GIL_IMPORTS, warm_imports


def test_warm_imports_imports_in_a_daemon_thread() -> None:
    sys.modules.pop("colorsys", None)
    thread = warm_imports(["colorsys"])
    assert thread.daemon
    thread.join(10)
    assert "colorsys" in sys.modules
    assert "torch" in HEAVY_GIL_IMPORTS


def test_a_missing_module_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="workbench.core.warmup"):
        warm_imports(["no_such_module_xyz", "colorsys"]).join(10)
    assert "could not pre-import no_such_module_xyz" in caplog.text
