"""Fixtures shared by the core tests (plain builders live in ``tests/core/*_fixtures.py``).

Nothing here is autouse: a module asks for what it needs, by argument or with
``pytestmark = pytest.mark.usefixtures("one_torch_thread")``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.core.inspect_fixtures import build_tiny_bert, limit_threads, load_tiny_models

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel


@pytest.fixture(scope="module")
def one_torch_thread() -> Iterator[None]:
    """One torch thread for the whole module, restored afterwards.

    A 2-layer model of hidden size 32-64 gains nothing from threads; on a busy
    2-core machine torch's thread pool makes each step 10-100 times slower
    (measured: 13 s vs 1.7 s), and it fights the other jobs for the cores.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tiny_bert_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random ``BertForMaskedLM`` folder (:func:`build_tiny_bert`), once per module.

    Also limits torch to one thread (:func:`limit_threads`, not restored).
    """
    limit_threads()
    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert") / "mlm")


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, InspectModel]:
    """Tiny random bert, distilbert and roberta masked LMs, loaded for inspection, once per module.

    Built by :func:`load_tiny_models` with the default ``init_range`` 0.02: nearly
    uniform predictions.
    """
    return load_tiny_models(tmp_path_factory.mktemp("tiny-models"))


@pytest.fixture(scope="module")
def peaked_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, InspectModel]:
    """As ``tiny_models`` but with ``init_range`` 0.2, once per module.

    Peaked, well separated predictions (the order of a top k is well defined),
    and position and segment rows visible next to the token rows.
    """
    return load_tiny_models(tmp_path_factory.mktemp("peaked-models"), init_range=0.2)
