"""Reading and writing word vectors in the standard formats.

=================  =========================================================
``word2vec``       text, header ``<count> <dim>``, then ``word v1 ... vd``
                   (also fastText's ``.vec``)
``word2vec-bin``   header line, then ``word<space><dim float32 LE>[\\n]``
``glove``          text like ``word2vec`` without the header line
``projector``      a folder with ``vectors.tsv`` + ``metadata.tsv`` for the
                   TensorFlow Embedding Projector (write only)
``fasttext-bin``   Facebook fastText's native ``.bin`` model (read only,
                   recognised by its magic number): vectors *and* the
                   character n-gram table, so unseen words get vectors
=================  =========================================================

A fastText ``.bin`` file loads as :class:`SubwordEmbeddings`, an
:class:`Embeddings` whose :meth:`SubwordEmbeddings.oov_vector` gives a vector
for any word (the mean of its character n-gram vectors for words outside
the vocabulary, gensim's rule).  That is the one way
to reach the OOV ability: ``isinstance(emb, SubwordEmbeddings)`` or
``hasattr(emb, "oov_vector")`` tells callers it is there.  The file is read
with gensim's ``load_facebook_vectors``, which parses the binary layout (no
pickle involved).  Full gensim models (``model.save``) are Python pickles;
:func:`detect_format` reports them as ``gensim-model`` and
:func:`load_vectors` refuses them: they go through
:func:`workbench.core.static.gensim_models.load_gensim_model`, which guards
against files from outside the workspace.

Text files may be gzip/bz2/xz-compressed (by extension).  Readers stream the
file, report progress, honour cancellation and raise :class:`WorkbenchError`
naming the file and line for every defect: a wrong header, a line with the
wrong number of values, a value that is not a number, NaN or infinity, a
truncated binary file.  Writers go through :func:`atomic_write`, so a failed
or cancelled save leaves the previous file intact.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from workbench.core.embeddings import Embeddings
from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["FORMATS", "READ_FORMATS", "SubwordEmbeddings", "detect_format", "load_fasttext_bin",
           "load_vectors", "save_vectors"]

#: Formats :func:`save_vectors` writes.
FORMATS = ("word2vec", "word2vec-bin", "glove", "projector")
#: Formats :func:`load_vectors` reads.
READ_FORMATS = ("word2vec", "word2vec-bin", "glove", "fasttext-bin")
#: First four bytes of a fastText ``.bin`` model (int32 793712314, little-endian).
FASTTEXT_MAGIC = (793712314).to_bytes(4, "little")
_OPENERS: dict[str, Callable[..., IO[Any]]] = {
    ".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_CHECK_EVERY = 2000


def _open_binary(path: Path) -> IO[bytes]:
    opener = _OPENERS.get(path.suffix.lower())
    try:
        return opener(path, "rb") if opener else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise WorkbenchError(msg("{path} cannot be opened: {value}.", path=path,
                                 value=exc.strerror or exc), path=path)\
            from exc


@dataclass(eq=False)
class SubwordEmbeddings(Embeddings):
    """:class:`Embeddings` that also have vectors for words outside the vocabulary.

    Made by :func:`load_fasttext_bin` (and for gensim fastText models).  The
    ``words``/``vectors`` are the model's vocabulary and full-word vectors, as
    for any :class:`Embeddings`; :meth:`oov_vector` composes a vector for any
    other word from its character n-grams.  :meth:`subset` returns plain
    :class:`Embeddings` (the n-gram table is not carried along).

    Parameters
    ----------
    subwords
        gensim's ``FastTextKeyedVectors`` holding the n-gram table.
    """

    subwords: Any = field(default=None, repr=False)

    def oov_vector(self, word: str) -> NDArray[np.float32]:
        """The vector of ``word``, also when it is not in the vocabulary.

        In-vocabulary words get their vector; other words the mean of their
        character n-gram vectors (gensim's and fastText's rule).

        Raises
        ------
        WorkbenchError
            When the model has no n-gram table (``bucket=0``).
        """
        if word in self:
            return np.array(self.vector(word), dtype=np.float32, copy=True)
        from workbench.core.static.word2vec import fasttext_oov_vector

        if self.subwords is None:
            raise WorkbenchError(msg("'{word}' is not in the vocabulary and these vectors carry "
                                     "no character n-grams.", word=word))
        return fasttext_oov_vector(self.subwords, word)


def detect_format(path: str | Path) -> str:
    """Guess the format of a vector file from its name and first bytes.

    Returns one of :data:`READ_FORMATS`, or ``"gensim-model"`` for a pickled
    gensim model (which :func:`load_vectors` does not open).
    """
    path = Path(path)
    if path.is_dir():
        raise WorkbenchError(msg("{path} is a folder, not a vector file.", path=path), path=path)
    with _open_binary(path) as f:
        try:
            head = f.read(4096)
        except (OSError, EOFError) as exc:
            raise WorkbenchError(msg("{path} cannot be read: it is corrupt or not what its name "
                                     "says ({exc}).", path=path, exc=exc), path=path) from exc
    if not head:
        raise WorkbenchError(msg("{path} is empty.", path=path), path=path)
    if head[:4] == FASTTEXT_MAGIC:
        return "fasttext-bin"
    if len(head) > 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return "gensim-model"  # a pickle (protocol 2-5), as gensim's model.save writes
    first = head.split(b"\n", 1)[0].split()
    has_header = len(first) == 2 and all(p.isdigit() for p in first)
    if has_header:
        rest = head.split(b"\n", 1)[1] if b"\n" in head else b""
        try:
            rest[:200].decode("utf-8")
            binary = b"\x00" in rest[:400] and path.suffix.lower() != ".vec"
        except UnicodeDecodeError:
            binary = True
        return "word2vec-bin" if binary else "word2vec"
    if path.suffix.lower() == ".bin":
        raise WorkbenchError(
            msg("{path} is neither a word2vec binary file (its first line should be '<number of "
                "words> <dimensions>') nor a fastText .bin model (it does not start with "
                "fastText's magic number).", path=path), path=path)
    return "glove"


def load_vectors(path: str | Path, fmt: str = "auto", *, limit: int | None = None,
                 progress: Progress = NULL_PROGRESS) -> Embeddings:
    """Read word vectors from ``path``.

    Parameters
    ----------
    path
        The file.
    fmt
        One of :data:`READ_FORMATS` or ``auto`` (guess with :func:`detect_format`).
    limit
        Read only the first ``limit`` vectors (files are usually frequency-sorted).
    progress
        Receives the fraction of the file read; cancelling stops the read.

    Returns
    -------
    Embeddings
        For ``fasttext-bin`` a :class:`SubwordEmbeddings` (vectors for unseen
        words through :meth:`SubwordEmbeddings.oov_vector`).
    """
    path = Path(path)
    if not path.exists():
        raise WorkbenchError(msg("{path} does not exist.", path=path), path=path)
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt == "word2vec-bin":
        emb = _read_binary(path, limit, progress)
    elif fmt in ("word2vec", "glove"):
        emb = _read_text(path, fmt == "word2vec", limit, progress)
    elif fmt == "fasttext-bin":
        emb = load_fasttext_bin(path, limit=limit, progress=progress)
    elif fmt == "gensim-model":
        raise WorkbenchError(
            msg("{path} is a gensim model saved as a Python pickle, not a vector file. Open it "
                "as a model (the Static panel asks before opening one from outside the "
                "workspace, because a pickle can run code).", path=path), path=path)
    else:
        raise WorkbenchError(msg("Unknown vector format {fmt!r}; choose one of {READ_FORMATS}.",
                                 fmt=fmt, READ_FORMATS=', '.join(READ_FORMATS)))
    progress.report(1.0, msg("Read {n_emb:,} vectors of {emb_dim} dimensions", n_emb=len(emb),
                             emb_dim=emb.dim))
    return emb


def load_fasttext_bin(path: str | Path, *, limit: int | None = None,
                      progress: Progress = NULL_PROGRESS) -> SubwordEmbeddings:
    """Read a fastText ``.bin`` model (Facebook's native binary format).

    Parameters
    ----------
    path
        The ``.bin`` file (``.gz``/``.bz2`` allowed).  Supervised (classifier)
        models are refused.
    limit
        Keep only the first ``limit`` words (most frequent first) in
        ``words``/``vectors``; :meth:`SubwordEmbeddings.oov_vector` still
        covers every word.
    progress
        gensim reads the file in one call: progress is reported before and
        after it and cancellation is checked afterwards.

    Returns
    -------
    SubwordEmbeddings
        The vocabulary (most frequent first) with counts, the full-word vectors
        and the n-gram table for unseen words.

    Raises
    ------
    WorkbenchError
        When the file is not an unsupervised fastText model or is truncated.
    """
    path = Path(path)
    if not path.is_file():
        raise WorkbenchError(msg("{path} does not exist.", path=path), path=path)
    from gensim.models.fasttext import load_facebook_vectors

    try:
        if path.suffix.lower() in _OPENERS:
            # gensim's reader needs a real file (numpy.fromfile): decompress to one first.
            import tempfile

            with tempfile.TemporaryDirectory(prefix="workbench-fasttext-") as folder:
                plain = Path(folder) / path.stem
                _decompress(path, plain, progress)
                progress.report(None, msg("Reading the fastText model {path_name}…",
                                          path_name=path.name))
                wv = load_facebook_vectors(str(plain))
        else:
            progress.report(None, msg("Reading the fastText model {path_name}…",
                                      path_name=path.name))
            wv = load_facebook_vectors(str(path))
    except (WorkbenchError, Cancelled):
        raise
    except NotImplementedError as exc:
        raise WorkbenchError(msg("{path} cannot be loaded: {exc}. Only unsupervised fastText "
                                 "models (word vectors) are supported.", path=path, exc=exc),
                             path=path) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in struct, numpy, ...
        raise WorkbenchError(msg("{path} cannot be read as a fastText .bin model: it is "
                                 "truncated or damaged ({value}: {exc}).", path=path,
                                 value=type(exc).__name__, exc=exc),
                             path=path) from exc
    progress.raise_if_cancelled()
    n = len(wv) if limit is None else min(len(wv), int(limit))
    words = list(wv.index_to_key[:n])
    counts = wv.expandos.get("count") if hasattr(wv, "expandos") else None
    vectors = np.array(wv.vectors[:n], dtype=np.float32, copy=True)
    if not np.isfinite(vectors).all():
        row = int(np.argmax(~np.isfinite(vectors).all(axis=1)))
        raise WorkbenchError(msg("The vector of '{words}' in {path} contains NaN or infinity.",
                                 words=words[row][:40], path=path), path=path)
    emb = SubwordEmbeddings(
        words, vectors, None if counts is None else np.asarray(counts[:n], dtype=np.int64),
        str(path), subwords=wv)
    progress.report(1.0, msg("Read {n_emb:,} vectors of {emb_dim} dimensions (and their "
                             "character n-grams)", n_emb=len(emb), emb_dim=emb.dim))
    return emb


def _decompress(path: Path, target: Path, progress: Progress) -> None:
    """Copy the decompressed content of ``path`` to ``target``, reporting and cancellable."""
    total = _size(path)
    with _open_binary(path) as src, open(target, "wb") as out:
        while True:
            try:
                block = src.read(1 << 22)
            except (OSError, EOFError) as exc:
                raise WorkbenchError(msg("{path} is truncated or not a valid {path_suffix} file "
                                         "({exc}).", path=path, path_suffix=path.suffix, exc=exc),
                                     path=path) from exc
            if not block:
                break
            out.write(block)
            progress.raise_if_cancelled()
            progress.report(0.5 * _raw_position(src) / total, msg("Decompressing {path_name}",
                                                                  path_name=path.name))


def _size(path: Path) -> int:
    return max(os.path.getsize(path), 1)


def _raw_position(f: IO[bytes]) -> int:
    raw = getattr(f, "fileobj", None) or getattr(f, "_fp", None) or f
    try:
        return int(raw.tell())
    except (OSError, ValueError, AttributeError):
        return 0


def _parse_header(line: bytes, path: Path) -> tuple[int, int]:
    parts = line.split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or int(parts[1]) == 0:
        shown = line[:60].decode("utf-8", "replace").strip()
        raise WorkbenchError(
            msg("Line 1 of {path} should be '<number of words> <dimensions>', not '{shown}'. If "
                "the file has no header, load it as GloVe text.", path=path, shown=shown),
            path=path, line=1)
    return int(parts[0]), int(parts[1])


def _read_text(path: Path, has_header: bool, limit: int | None,
               progress: Progress) -> Embeddings:
    total = _size(path)
    words: list[str] = []
    rows: list[np.ndarray] = []
    dim: int | None = None
    expected: int | None = None
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
        lineno = 0
        try:
            for lineno, line in enumerate(text, 1):
                if has_header and lineno == 1:
                    expected, dim = _parse_header(line.encode(), path)
                    continue
                line = line.rstrip("\r\n").rstrip(" ")
                if not line:
                    continue
                parts = line.split(" ")
                if dim is None:
                    dim = len(parts) - 1
                    if dim < 1:
                        raise WorkbenchError(msg("Line {lineno} of {path} holds a word without "
                                                 "a vector.", lineno=lineno, path=path),
                                             path=path, line=lineno)
                if len(parts) < dim + 1:
                    raise WorkbenchError(
                        msg("Line {lineno} of {path} has {value} values where the vectors have "
                            "{dim} dimensions.", lineno=lineno, path=path, value=len(parts) - 1,
                            dim=dim), path=path, line=lineno)
                word = " ".join(parts[:-dim])
                try:
                    vec = np.array(parts[-dim:], dtype=np.float32)
                except ValueError:
                    raise WorkbenchError(
                        msg("Line {lineno} of {path} has a value that is not a number (word "
                            "'{word}').", lineno=lineno, path=path, word=word[:40]),
                        path=path, line=lineno) from None
                if not np.isfinite(vec).all():
                    raise WorkbenchError(
                        msg("Line {lineno} of {path}: the vector of '{word}' contains NaN or "
                            "infinity.", lineno=lineno, path=path, word=word[:40]),
                        path=path, line=lineno)
                words.append(word)
                rows.append(vec)
                if limit is not None and len(words) >= limit:
                    break
                if lineno % _CHECK_EVERY == 0:
                    progress.raise_if_cancelled()
                    progress.report(_raw_position(raw) / total, msg("Read {n_words:,} vectors",
                                                                    n_words=len(words)))
        except UnicodeDecodeError as exc:
            raise WorkbenchError(msg("Line {value} of {path} is not valid UTF-8 text. Is it a "
                                     "binary file?", value=lineno + 1, path=path),
                                 path=path, line=lineno + 1) from exc
        except (EOFError, OSError) as exc:
            if isinstance(exc, WorkbenchError):
                raise
            raise WorkbenchError(msg("{path} is truncated or corrupt after line {lineno}.",
                                     path=path, lineno=lineno),
                                 path=path, line=lineno) from exc
    if dim is None or not words:
        raise WorkbenchError(msg("{path} holds no vectors.", path=path), path=path)
    if expected is not None and limit is None and len(words) != expected:
        raise WorkbenchError(
            msg("The header of {path} announces {expected:,} vectors but the file holds "
                "{n_words:,}: it may be truncated.", path=path, expected=expected,
                n_words=len(words)), path=path)
    return _build(words, rows, dim, path)


def _build(words: list[str], rows: list[np.ndarray] | np.ndarray, dim: int,
           path: Path) -> Embeddings:
    matrix = np.vstack(rows) if len(rows) else np.zeros((0, dim), np.float32)
    seen: dict[str, int] = {}
    for i, w in enumerate(words):
        if w in seen:
            raise WorkbenchError(msg("The word '{w}' appears twice in {path} (vectors {value} "
                                     "and {value2}).", w=w[:40], path=path, value=seen[w] + 1,
                                     value2=i + 1), path=path)
        seen[w] = i
    return Embeddings(words, matrix, source=str(path))


def _read_binary(path: Path, limit: int | None, progress: Progress) -> Embeddings:
    total = _size(path)
    with _open_binary(path) as f:
        header = f.readline(1024)
        count, dim = _parse_header(header, path)
        n = count if limit is None else min(count, limit)
        matrix = np.empty((n, dim), dtype=np.float32)
        words: list[str] = []
        vec_bytes = dim * 4
        buf = b""
        pos = 0
        for i in range(n):
            while True:
                space = buf.find(b" ", pos)
                if space >= 0 and len(buf) - space - 1 >= vec_bytes:
                    break
                more = f.read(1 << 20)
                if not more:
                    raise WorkbenchError(
                        msg("{path} ends after {i:,} of {count:,} vectors: the file is "
                            "truncated.", path=path, i=i, count=count),
                        path=path)
                buf = buf[pos:] + more
                pos = 0
            word_bytes = buf[pos:space].lstrip(b"\n")
            try:
                word = word_bytes.decode("utf-8")
            except UnicodeDecodeError:
                word = word_bytes.decode("utf-8", "replace")
            matrix[i] = np.frombuffer(buf, dtype="<f4", count=dim, offset=space + 1)
            if not np.isfinite(matrix[i]).all():
                raise WorkbenchError(msg("Vector {value} ('{word}') of {path} contains NaN or "
                                         "infinity.", value=i + 1, word=word[:40], path=path),
                                     path=path)
            words.append(word)
            pos = space + 1 + vec_bytes
            if i % _CHECK_EVERY == 0:
                progress.raise_if_cancelled()
                progress.report(_raw_position(f) / total, msg("Read {i:,} of {n:,} vectors", i=i,
                                                              n=n))
    return _build(words, matrix, dim, path)


def save_vectors(emb: Embeddings, path: str | Path, fmt: str = "word2vec", *,
                 progress: Progress = NULL_PROGRESS) -> Path:
    """Write ``emb`` to ``path`` in ``fmt`` (see :data:`FORMATS`) and return the path.

    ``projector`` writes a folder ``path`` with ``vectors.tsv`` and ``metadata.tsv``.
    """
    path = Path(path)
    if fmt not in FORMATS:
        raise WorkbenchError(msg("Unknown vector format {fmt!r}; choose one of {FORMATS}.",
                                 fmt=fmt, FORMATS=', '.join(FORMATS)))
    for w in emb.words:
        if not w or any(c in w for c in " \t\n\r"):
            raise WorkbenchError(msg("The word {w!r} cannot be saved: words may not be empty or "
                                     "contain spaces, tabs or line breaks in these formats.", w=w))
    n = len(emb)
    if fmt == "projector":
        path.mkdir(parents=True, exist_ok=True)
        row_fmt = "\t".join(["%.9g"] * emb.dim) + "\n"
        with atomic_write(path / "vectors.tsv", "w") as f:
            for i in range(n):
                f.write(row_fmt % tuple(emb.vectors[i].tolist()))
                _tick(i, n, progress)
        with atomic_write(path / "metadata.tsv", "w") as f:
            if emb.counts is not None:
                f.write("word\tcount\n")
                f.writelines(f"{w}\t{c}\n" for w, c in zip(emb.words, emb.counts.tolist()))
            else:
                f.writelines(f"{w}\n" for w in emb.words)
        return path
    row_fmt = " ".join(["%.9g"] * emb.dim) + "\n"
    with atomic_write(path, "wb") as f:
        if fmt in ("word2vec", "word2vec-bin"):
            f.write(f"{n} {emb.dim}\n".encode())
        for i, word in enumerate(emb.words):
            if fmt == "word2vec-bin":
                f.write(word.encode("utf-8") + b" " + emb.vectors[i].astype("<f4").tobytes()
                        + b"\n")
            else:
                # 9 significant digits read back to the identical float32.
                f.write((word + " " + row_fmt % tuple(emb.vectors[i].tolist())).encode("utf-8"))
            _tick(i, n, progress)
    progress.report(1.0, msg("Saved {n:,} vectors to {path_name}", n=n, path_name=path.name))
    return path


def _tick(i: int, n: int, progress: Progress) -> None:
    if i % _CHECK_EVERY == 0:
        progress.raise_if_cancelled()
        progress.report(i / max(n, 1), msg("Wrote {i:,} of {n:,} vectors", i=i, n=n))
