"""Saving and loading full gensim models (word2vec, fastText), with a pickle guard.

A full model (vocabulary, both weight matrices, n-gram table, training state)
is what :func:`workbench.core.static.word2vec.resume_training` continues and
what gives fastText vectors for unseen words.  gensim stores it as a Python
pickle, and unpickling a file can run any code its author put in it.  Models
the workbench wrote itself live inside the workspace folder; a model from
anywhere else is refused with :class:`UnsafePickleError` unless the caller
passes ``allow_outside=True`` (the UI asks the user first).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from workbench.core.embeddings import Embeddings

__all__ = [
    "UnsafePickleError",
    "gensim_model_embeddings",
    "is_inside",
    "load_gensim_model",
    "save_gensim_model",
]


class UnsafePickleError(WorkbenchError):
    """A model file outside the workspace would have to be unpickled to be loaded."""


def is_inside(path: str | Path, root: str | Path) -> bool:
    """Whether ``path`` lies inside the folder ``root`` once links and ``..`` are resolved."""
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return False
    return True


def save_gensim_model(model: Any, path: str | Path) -> Path:
    """Write the whole gensim model to one file, atomically, and return its path.

    All arrays go into the one pickle file (no ``.npy`` side files), so the
    write is all-or-nothing: a failure leaves any previous file at ``path``
    untouched.

    Parameters
    ----------
    model
        A gensim ``Word2Vec`` or ``FastText`` model.
    path
        The target file, normally inside the workspace (``runs/<id>/model.gensim``).
    """
    path = Path(path)
    if not hasattr(model, "save") or not hasattr(model, "wv"):
        raise WorkbenchError(msg("Only gensim word2vec and fastText models can be saved to "
                                 "{path_name}; got {value}.", path_name=path.name,
                                 value=type(model).__name__))
    try:
        with atomic_write(path, "wb") as f:
            # gensim pickles everything into an open handle (arrays included).
            model.save(f)
    except OSError as exc:
        raise WorkbenchError(msg("The model cannot be saved to {path}: {value}.", path=path,
                                 value=exc.strerror or exc),
                             path=path) from exc
    return path


def load_gensim_model(path: str | Path, *, workspace_root: str | Path | None,
                      allow_outside: bool = False) -> Any:
    """Load a model saved by :func:`save_gensim_model` (or by gensim's ``model.save``).

    Parameters
    ----------
    path
        The model file.
    workspace_root
        The workspace folder; files inside it are trusted.  ``None``: no
        folder is trusted (every file needs ``allow_outside``).
    allow_outside
        Load a file from outside the workspace too.  Only after the user agreed:
        unpickling a file can run code hidden in it.

    Raises
    ------
    UnsafePickleError
        When ``path`` is outside ``workspace_root`` and ``allow_outside`` is false.
    WorkbenchError
        When the file is missing or is not a gensim word2vec/fastText model.
    """
    path = Path(path)
    if not path.is_file():
        raise WorkbenchError(msg("{path} does not exist.", path=path), path=path)
    if not allow_outside and (workspace_root is None or not is_inside(path, workspace_root)):
        where = msg("no workspace is open") if workspace_root is None else \
            msg("it is outside the workspace ({root})", root=Path(workspace_root))
        raise UnsafePickleError(
            msg("{path} was not opened: {where}. A gensim model is a Python pickle, and loading "
                "one can run any code its author put in it; load it only if you trust where it "
                "came from.", path=path, where=where), path=path)
    from gensim.models import Word2Vec

    try:
        model = Word2Vec.load(str(path))
    except Exception as exc:  # noqa: BLE001 - unpickling can fail in many ways
        raise WorkbenchError(msg("{path} cannot be read as a gensim word2vec or fastText model "
                                 "({value}: {exc}).", path=path, value=type(exc).__name__, exc=exc),
                             path=path) from exc
    return model


def gensim_model_embeddings(model: Any, source: str = "") -> Embeddings:
    """The vectors of a gensim model (vocabulary order, with counts).

    A fastText model gives :class:`~workbench.core.static.formats.SubwordEmbeddings`
    (vectors for unseen words from the model's n-gram table), a word2vec model
    plain :class:`~workbench.core.embeddings.Embeddings`.  The n-gram table is
    shared with the model, not copied: train the model further and the
    unseen-word vectors change with it.
    """
    from workbench.core.static.formats import SubwordEmbeddings
    from workbench.core.static.word2vec import model_embeddings

    emb = model_embeddings(model, source)
    if not hasattr(model.wv, "buckets_word"):
        return emb
    return SubwordEmbeddings(emb.words, emb.vectors, emb.counts, emb.source, subwords=model.wv)
