"""Streaming corpus reader: files, folders, archives and record formats as lines of text.

Supported inputs
================

=====================  ======================================================
plain text             any file name (``.txt`` in folders); one line per line
``.gz .bz2 .xz``       compressed variants of every format below, by suffix
``.zip``               every member (nested folders included) is streamed
                       with :meth:`zipfile.ZipFile.open`, never extracted;
                       members that look binary are skipped with a warning
``.jsonl .ndjson``     one JSON value per line; the text is the object's
                       :attr:`ReaderOptions.jsonl_field` (or the string itself)
``.csv .tsv``          one column, chosen by header name or 0-based index;
                       ``.tsv`` is read without quote processing (``QUOTE_NONE``)
folders                searched recursively for :attr:`ReaderOptions.glob`,
                       sorted, supported extensions only, hidden files skipped
=====================  ======================================================

Encodings: a UTF-8, UTF-16 or UTF-32 byte-order mark wins; otherwise UTF-8,
and when the first block is not valid UTF-8, GB18030 (a superset of GBK and
GB2312) for the whole file.  Bytes that fit neither raise
:class:`~workbench.core.errors.EncodingProblem` naming the file, the byte
offset of the first bad byte and its line.

JSON lines and CSV records are parsed whole (a record cannot be cut);
:attr:`ReaderOptions.max_line_chars` applies to the text taken from them.

Memory is bounded: files are read in blocks of :data:`READ_BYTES` and a line
longer than :attr:`ReaderOptions.max_line_chars` is cut into pieces (at the
last whitespace where there is one) instead of being held whole.  Line endings
``\\r\\n`` and ``\\r`` become ``\\n``.
"""

from __future__ import annotations

import bz2
import codecs
import csv
import gzip
import hashlib
import json
import lzma
import os
import sys
import zipfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from workbench.core.errors import CorpusError, EncodingProblem
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

__all__ = ["ReaderOptions", "Corpus", "READ_BYTES", "SUPPORTED_SUFFIXES"]

#: Bytes read from a stream at a time (progress and cancel checks happen per block).
READ_BYTES = 1 << 19
_BLOCK_CHARS = 1 << 19
_COMPRESSED = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz"}
_RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
                    ".csv": "csv", ".tsv": "tsv"}
_TEXT_SUFFIXES = {".txt", ".text"}
#: Extensions picked up inside folders (compressed variants of these too).
SUPPORTED_SUFFIXES = tuple(sorted(_TEXT_SUFFIXES | {".jsonl", ".ndjson", ".csv", ".tsv",
                                                    ".zip"}))
_FINGERPRINT_VERSION = "1"

# Known file signatures: what a "text" file really is when it starts like this.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", msg("PNG image")),
    (b"%PDF-", msg("PDF document")),
    (b"PK\x03\x04", msg("ZIP archive")),
    (b"PK\x05\x06", msg("ZIP archive")),
    (b"\x1f\x8b", msg("gzip archive")),
    (b"BZh91AY&SY", msg("bzip2 archive")),
    (b"\xfd7zXZ\x00", msg("xz archive")),
    (b"7z\xbc\xaf\x27\x1c", msg("7-Zip archive")),
    (b"Rar!\x1a\x07", msg("RAR archive")),
    (b"\xff\xd8\xff", msg("JPEG image")),
    (b"GIF87a", msg("GIF image")),
    (b"GIF89a", msg("GIF image")),
    (b"II*\x00", msg("TIFF image")),
    (b"MM\x00*", msg("TIFF image")),
    (b"\x7fELF", msg("program (ELF)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", msg("Microsoft Office document")),
    (b"SQLite format 3\x00", msg("SQLite database")),
    (b"\xca\xfe\xba\xbe", msg("Java class file")),
    (b"\x93NUMPY", msg("NumPy array")),
    (b"OggS", msg("Ogg media file")),
    (b"ID3", msg("MP3 audio")),
    (b"fLaC", msg("FLAC audio")),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class ReaderOptions:
    """How to turn files into lines of text.

    Attributes
    ----------
    jsonl_field
        Field of each JSON object holding the text (``.jsonl``).
    csv_column
        Header name, or 0-based column index (``.csv``/``.tsv``).
    csv_has_header
        Whether the first row is a header (skipped either way when true).
    glob
        Pattern for files inside folders, matched recursively (``"*.txt"``).
    encoding
        ``None`` for automatic detection (BOM, UTF-8, then GB18030), or a
        Python codec name used for every file.
    max_line_chars
        Longer lines are split into pieces of at most this many characters.
    """

    jsonl_field: str = "text"
    csv_column: str | int = "text"
    csv_has_header: bool = True
    glob: str = "*"
    encoding: str | None = None
    max_line_chars: int = 1_000_000


class _BinaryContent(CorpusError):
    """A stream that looks binary (zip members catch this and are skipped)."""


class _EmptyContent(CorpusError):
    """A stream with no bytes at all."""


def _format_of(name: str) -> tuple[str | None, str]:
    """Return ``(compression, format)`` for a file name; format is text/jsonl/csv/tsv/zip."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    compression = None
    if suffixes and suffixes[-1] in _COMPRESSED:
        compression = _COMPRESSED[suffixes.pop()]
    last = suffixes[-1] if suffixes else ""
    if last == ".zip" and compression is None:
        return None, "zip"
    return compression, _RECORD_SUFFIXES.get(last, "text")


def _supported_in_folder(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in SUPPORTED_SUFFIXES and not (
        suffixes[-1] == ".zip" and len(path.suffixes) > len(suffixes))


def _binary_kind(head: bytes, encoding: str | None) -> str | None:
    """Return what ``head`` looks like when it is not text, else ``None``."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return None
    if b"\x00" in head:
        return msg("it contains NUL bytes")
    return None


class _Stream:
    """One byte stream to decode: a file, a decompressed file or a zip member."""

    def __init__(self, name: str, path: Path, read: Callable[[int], bytes],
                 compressed: bool, member: bool = False) -> None:
        self.name = name
        self.path = path
        self.read = read
        self.compressed = compressed
        self.member = member


class Corpus:
    """A re-iterable, streamed text corpus made of one or more files.

    Create one with :meth:`open`, which checks cheaply that every path exists
    and can be read.  Iterating (:meth:`lines`, :meth:`chunks`) reads the files
    again each time; nothing is held in memory between passes.

    Attributes
    ----------
    paths
        The files, folders expanded and sorted.
    options
        The :class:`ReaderOptions`.
    total_bytes
        Sum of the files' sizes on disk (the progress denominator).
    display_name
        A short name for titles: ``"inaugural.txt.gz"``, ``"texts/ (12 files)"``.
    warnings
        Problems found while reading that did not stop it (skipped zip members,
        split long lines, ...), each once.
    """

    def __init__(self, paths: Sequence[Path], options: ReaderOptions = ReaderOptions(),
                 display_name: str | None = None) -> None:
        self.paths: list[Path] = [Path(p) for p in paths]
        self.options = options
        self._sizes = [p.stat().st_size for p in self.paths]
        self.total_bytes: int = sum(self._sizes)
        self.display_name: str = display_name or _display_name(self.paths)
        self.warnings: list[str] = []

    # ------------------------------------------------------------------ open
    @classmethod
    def open(cls, path: str | Path | Sequence[str | Path],
             options: ReaderOptions = ReaderOptions()) -> Corpus:
        """Check the paths and return a corpus over them.

        Parameters
        ----------
        path
            A file, a folder, or a sequence of both.
        options
            How to read them.

        Raises
        ------
        CorpusError
            A path does not exist, cannot be read or is empty, or a folder
            holds no supported file matching ``options.glob``.
        """
        if isinstance(path, (str, os.PathLike)):
            inputs = [Path(path)]
        else:
            inputs = [Path(p) for p in path]
        if not inputs:
            raise CorpusError(msg("No corpus file or folder was given."))
        if options.max_line_chars < 1:
            raise CorpusError(msg("The maximum line length must be at least 1 character, not "
                                  "{options_max_line_chars}.",
                                  options_max_line_chars=options.max_line_chars))
        if options.encoding is not None:
            try:
                codecs.lookup(options.encoding)
            except LookupError as exc:
                raise CorpusError(msg("{options_encoding!r} is not a text encoding Python knows "
                                      "(try utf-8, gb18030, latin-1 or cp1252).",
                                      options_encoding=options.encoding)) from exc
        files: list[Path] = []
        skipped: list[str] = []
        folder_names: list[str] = []
        for given in inputs:
            p = given.expanduser()
            if not p.exists():
                raise CorpusError(msg("{p} does not exist.", p=p), path=p)
            if p.is_dir():
                found = _folder_files(p, options.glob)
                nonempty = []
                for f in found:
                    _check_readable(f)
                    if f.stat().st_size == 0:
                        skipped.append(msg("{path} is empty; it was skipped.", path=f))
                    else:
                        nonempty.append(f)
                if not nonempty:
                    if found:
                        raise CorpusError(msg("All files matching {options_glob!r} in folder "
                                              "{p} are empty.", options_glob=options.glob, p=p),
                                          path=p)
                    raise CorpusError(
                        msg("There are no files matching {options_glob!r} in folder {p} "
                            "(supported: {SUPPORTED_SUFFIXES}, optionally "
                            ".gz/.bz2/.xz-compressed).", options_glob=options.glob, p=p,
                            SUPPORTED_SUFFIXES=', '.join(SUPPORTED_SUFFIXES)), path=p)
                files.extend(nonempty)
                folder_names.append(
                    msg("{folder}/ ({n} files)", folder=p.name or str(p), n=len(nonempty))
                    if len(nonempty) != 1 else msg("{folder}/ (1 file)", folder=p.name or str(p)))
            else:
                _check_readable(p)
                if p.stat().st_size == 0:
                    raise CorpusError(msg("{p} is empty.", p=p), path=p)
                files.append(p)
        display = None
        if len(inputs) == 1 and folder_names:
            display = folder_names[0]
        corpus = cls(files, options, display)
        corpus.warnings.extend(skipped)
        return corpus

    # ------------------------------------------------------------ identity
    def fingerprint(self) -> str:
        """Return a hex digest of the files (paths, sizes, mtimes) and options.

        Cheap: no file content is read.  Changes when a file is edited,
        replaced, added or removed, or when a reading option changes.
        """
        h = hashlib.sha256()
        h.update(_FINGERPRINT_VERSION.encode())
        for p in self.paths:
            try:
                st = p.stat()
                stamp = f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n"
            except OSError:
                stamp = f"{p}\0missing\n"
            h.update(stamp.encode("utf-8", "surrogateescape"))
        h.update(json.dumps(asdict(self.options), sort_keys=True).encode())
        return h.hexdigest()

    def __repr__(self) -> str:
        return f"Corpus({self.display_name!r}, {len(self.paths)} files, {self.total_bytes:,} bytes)"

    def __iter__(self) -> Iterator[str]:
        return self.lines()

    # ------------------------------------------------------------ reading
    def lines(self, progress: Progress = NULL_PROGRESS) -> Iterator[str]:
        """Yield every text line (without its newline) of every file, in order.

        Each call starts over.  Progress is the fraction of :attr:`total_bytes`
        consumed (compressed bytes for compressed files); cancellation is
        checked once per block of :data:`READ_BYTES`.
        """
        for block in self._blocks(progress):
            yield from block.split("\n")

    def chunks(self, progress: Progress = NULL_PROGRESS,
               chunk_chars: int = 1 << 20) -> Iterator[str]:
        """Yield the text of :meth:`lines` as strings of whole lines joined by ``"\\n"``.

        Each string holds about ``chunk_chars`` characters (more when one
        line is longer); the fast path for tokenizing.
        """
        parts: list[str] = []
        size = 0
        for block in self._blocks(progress):
            parts.append(block)
            size += len(block) + 1
            if size >= chunk_chars:
                yield "\n".join(parts)
                parts = []
                size = 0
        if parts:
            yield "\n".join(parts)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _blocks(self, progress: Progress) -> Iterator[str]:
        """Yield blocks of whole lines joined by ``"\\n"`` across all files."""
        total = max(self.total_bytes, 1)
        done = 0
        progress.report(0.0, msg("Reading {display_name}", display_name=self.display_name))
        for path, size in zip(self.paths, self._sizes):
            progress.raise_if_cancelled()            # also between many small files
            try:
                raw = open(path, "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise _os_error(path, exc) from exc
            with raw:
                def tell(raw: IO[bytes] = raw) -> int:
                    try:
                        return raw.tell()
                    except (OSError, ValueError):
                        return 0

                def on_block(base: int = done) -> None:
                    progress.raise_if_cancelled()
                    pos = min(tell(), size)
                    progress.report((base + pos) / total,
                                    msg("Read {value:,.1f} of {value2:,.1f} MB ({path_name})",
                                        value=(base + pos) / 1e6, value2=total / 1e6,
                                        path_name=path.name))

                yield from self._file_blocks(path, raw, on_block)
            done += size
            progress.report(done / total, msg("Read {value:,.1f} of {value2:,.1f} MB",
                                              value=done / 1e6, value2=total / 1e6))
        progress.report(1.0, msg("Read {display_name}", display_name=self.display_name))

    def _file_blocks(self, path: Path, raw: IO[bytes],
                     on_block: Callable[[], None]) -> Iterator[str]:
        compression, fmt = _format_of(path.name)
        if fmt == "zip":
            yield from self._zip_blocks(path, raw, on_block)
            return
        name = str(path)
        try:
            stream_obj: IO[bytes]
            if compression == "gzip":
                stream_obj = gzip.GzipFile(fileobj=raw, mode="rb")
            elif compression == "bzip2":
                stream_obj = bz2.BZ2File(raw, "rb")
            elif compression == "xz":
                stream_obj = lzma.LZMAFile(raw, "rb")
            else:
                stream_obj = raw
            stream = _Stream(name, path, stream_obj.read, compressed=compression is not None)
            try:
                yield from self._format_blocks(stream, fmt, on_block)
            except _EmptyContent:
                if compression:
                    raise CorpusError(msg("{name} is empty: it decompresses to nothing.",
                                          name=name),
                                      path=path) from None
                raise
            except _BinaryContent as exc:
                raise CorpusError(exc.message, path=path) from None
        except (EOFError, zlib.error, lzma.LZMAError, OSError) as exc:
            raise _stream_error(path, compression, exc) from exc

    def _zip_blocks(self, path: Path, raw: IO[bytes],
                    on_block: Callable[[], None]) -> Iterator[str]:
        try:
            archive = zipfile.ZipFile(raw)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise CorpusError(msg("{path} is not a valid zip archive ({exc}).", path=path, exc=exc),
                              path=path) from exc
        used = 0
        skipped: list[str] = []
        with archive:
            members = [m for m in archive.infolist() if not m.is_dir()
                       and not _hidden_member(m.filename)]
            for info in members:
                on_block()                               # progress + cancel per member
                label = f"{path.name}:{info.filename}"
                if info.file_size == 0:
                    continue
                _, fmt = _format_of(info.filename)
                if fmt == "zip":
                    self._warn(msg("{label} is a zip archive inside a zip archive; it was "
                                   "skipped.", label=label))
                    skipped.append(info.filename)
                    continue
                try:
                    member = archive.open(info)
                except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
                    raise CorpusError(msg("{label} cannot be read ({exc}).", label=label, exc=exc),
                                      path=path) from exc
                with member:
                    stream = _Stream(label, path, member.read, compressed=True, member=True)
                    try:
                        yield from self._format_blocks(stream, fmt, on_block)
                        used += 1
                    except _BinaryContent as exc:
                        self._warn(msg("{problem} It was skipped.", problem=exc.message))
                        skipped.append(info.filename)
                    except _EmptyContent:
                        continue
                    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
                        raise CorpusError(msg("{label} is corrupt ({exc}).", label=label, exc=exc),
                                          path=path) from exc
        if used == 0:
            names = ", ".join(skipped[:5]) + (", ..." if len(skipped) > 5 else "")
            raise CorpusError(msg("{path} contains no text file (skipped: {names}).", path=path,
                                  names=names) if skipped else
                              msg("{path} contains no text file.", path=path), path=path)

    def _format_blocks(self, stream: _Stream, fmt: str,
                       on_block: Callable[[], None]) -> Iterator[str]:
        cap = self.options.max_line_chars
        texts = _decode(stream, self.options.encoding, on_block)
        if fmt == "text":
            yield from _line_blocks(texts, cap, stream.name, self._warn)
        elif fmt == "jsonl":
            yield from _jsonl_blocks(_line_blocks(texts, None, stream.name, self._warn),
                                     stream, self.options.jsonl_field, cap, self._warn)
        else:
            yield from _csv_blocks(_line_blocks(texts, None, stream.name, self._warn),
                                   stream, fmt, self.options, self._warn)


# ---------------------------------------------------------------- helpers
def _display_name(paths: list[Path]) -> str:
    if len(paths) == 1:
        return paths[0].name
    if not paths:
        return msg("(no files)")
    return msg("{name} + {n} more", name=paths[0].name, n=len(paths) - 1)


def _hidden_member(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts if p)


def _folder_files(folder: Path, pattern: str) -> list[Path]:
    found = []
    for p in folder.rglob(pattern or "*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and _supported_in_folder(p):
            found.append(p)
    return sorted(found, key=lambda q: q.relative_to(folder).as_posix())


def _check_readable(path: Path) -> None:
    try:
        with open(path, "rb"):
            pass
    except PermissionError as exc:
        raise CorpusError(msg("{path} cannot be read: permission denied.", path=path),
                          path=path) from exc
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> CorpusError:
    if isinstance(exc, PermissionError):
        return CorpusError(msg("{path} cannot be read: permission denied.", path=path), path=path)
    if isinstance(exc, IsADirectoryError):
        return CorpusError(msg("{path} is a folder, not a file.", path=path), path=path)
    return CorpusError(msg("{path} cannot be read: {value}.", path=path, value=exc.strerror or exc),
                       path=path)


def _stream_error(path: Path, compression: str | None, exc: BaseException) -> CorpusError:
    if isinstance(exc, CorpusError):
        return exc
    if compression is None:
        if isinstance(exc, OSError):
            return _os_error(path, exc)
        return CorpusError(msg("{path} cannot be read ({exc}).", path=path, exc=exc), path=path)
    if isinstance(exc, EOFError):
        return CorpusError(msg("{path} is truncated: the {compression} data ends before its end "
                               "marker (an interrupted download or copy?).", path=path,
                               compression=compression), path=path)
    if isinstance(exc, PermissionError):
        return _os_error(path, exc)
    return CorpusError(msg("{path} is corrupt: it is not valid {compression} data ({exc}).",
                           path=path, compression=compression, exc=exc),
                       path=path)


def _pending_bytes(decoder: codecs.IncrementalDecoder) -> bytes:
    """Bytes an incremental decoder holds back (the start of an unfinished character)."""
    try:
        state = decoder.getstate()
    except Exception:  # noqa: BLE001 - codecs without state
        return b""
    return state[0] if isinstance(state, tuple) and isinstance(state[0], bytes) else b""


def _decode(stream: _Stream, encoding: str | None,
            on_block: Callable[[], None]) -> Iterator[str]:
    """Decode a byte stream block by block; errors name the byte offset of the bad byte.

    In automatic mode the stream is read as UTF-8; at the first byte that is
    not UTF-8, the decoder switches to GB18030 if everything before it was
    ASCII (where both agree) and the rest of that block is valid GB18030.
    """
    first = stream.read(READ_BYTES)
    if not first:
        raise _EmptyContent(msg("{stream_name} is empty.", stream_name=stream.name),
                            path=stream.path)
    kind = _binary_kind(first[:8192], encoding)
    if kind is not None:
        raise _BinaryContent(msg("{stream_name} looks like a binary file ({kind}), not text.",
                                 stream_name=stream.name, kind=kind),
                             path=stream.path)
    start = 0
    enc = encoding
    if enc is None:
        enc = "utf-8"
        for bom, bom_enc in _BOMS:
            if first.startswith(bom):
                enc, start = bom_enc, len(bom)
                break
    may_switch = encoding is None and start == 0       # UTF-8 by default, no BOM
    ascii_so_far = True
    decoder = codecs.getincrementaldecoder(enc)("strict")
    consumed = start            # bytes of the stream handed to the decoder so far
    newlines = 0                # line breaks decoded so far (for error messages)
    data = first[start:]
    while True:
        final = not data
        pending = _pending_bytes(decoder)
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            seen = bytes(exc.object)                    # pending + data
            tried_gb = False
            text = None
            if may_switch and enc == "utf-8" and ascii_so_far:
                tried_gb = True
                gb = codecs.getincrementaldecoder("gb18030")("strict")
                try:
                    text = gb.decode(seen, final=final)
                    decoder, enc = gb, "gb18030"
                except UnicodeDecodeError:
                    text = None
            if text is None:
                raise _encoding_problem(stream, enc, tried_gb, consumed - len(pending),
                                        seen, exc.start, newlines) from exc
        consumed += len(data)
        if text:
            if ascii_so_far and not text.isascii():
                ascii_so_far = False
            newlines += text.count("\n")
            yield text
        if final:
            return
        on_block()
        data = stream.read(READ_BYTES)


def _encoding_problem(stream: _Stream, enc: str, tried_gb: bool, seen_at: int, seen: bytes,
                      bad: int, newlines: int) -> EncodingProblem:
    """Build the error for byte ``seen[bad]`` (``seen`` starts at stream offset ``seen_at``)."""
    offset = seen_at + bad
    ascii_compatible = enc in ("utf-8", "gb18030") or not enc.startswith(("utf-16", "utf-32"))
    line = newlines + seen[:bad].count(b"\n") + 1 if ascii_compatible else None
    names = {"utf-8": "UTF-8", "gb18030": "GB18030"}
    what = names.get(enc, enc)
    if tried_gb:
        what = msg("UTF-8 (nor GB18030/GBK)")
    where = msg(" of the decompressed text") if stream.compressed and not stream.member else ""
    line_txt = msg(", line {line}", line=line) if line is not None else ""
    return EncodingProblem(
        msg("{stream_name} is not valid {what}: byte offset {offset}{where}{line_txt} (bytes "
            "{hex}) cannot be decoded. Save the file as UTF-8 or choose its encoding in the "
            "corpus options.", stream_name=stream.name, what=what, offset=offset, where=where,
            line_txt=line_txt, hex=seen[bad:bad + 4].hex(' ')), path=stream.path, line=line,
        offset=offset)


def _split_long(text: str, cap: int) -> tuple[list[str], str]:
    """Cut pieces of at most ``cap`` characters off ``text``; return (pieces, rest)."""
    pieces: list[str] = []
    while len(text) > cap:
        window = text[:cap + 1]        # a space right after the piece is a clean cut too
        cut = max(window.rfind(" "), window.rfind("\t"), window.rfind("\u3000"))
        if cut > 0:
            pieces.append(text[:cut])
            text = text[cut + 1:]
        else:
            pieces.append(text[:cap])
            text = text[cap:]
    return pieces, text


def _long_line_warning(line_no: int, name: str, cap: int) -> str:
    return msg("line {line_no} of {name} is longer than {cap:,} characters; it was split into "
               "pieces", line_no=line_no, name=name, cap=cap)


def _cap_lines(block: str, cap: int, first_line: int,
               on_long: Callable[[int], None]) -> str:
    """Split the lines of ``block`` longer than ``cap``; ``first_line`` numbers its first."""
    lines = block.split("\n")
    if max(map(len, lines)) <= cap:
        return block
    out: list[str] = []
    for i, line in enumerate(lines):
        if len(line) > cap:
            on_long(first_line + i)
            pieces, rest = _split_long(line, cap)
            out.extend(pieces)
            if rest:
                out.append(rest)
        else:
            out.append(line)
    return "\n".join(out)


def _line_blocks(texts: Iterable[str], cap: int | None, name: str,
                 warn: Callable[[str], None]) -> Iterator[str]:
    """Regroup decoded text into blocks of whole lines (no trailing newline).

    With ``cap``, no yielded line is longer than ``cap`` characters and the
    held-back partial line never grows past ``cap`` plus one block.
    """
    carry = ""
    lines_done = 0          # original lines completed before ``carry``
    warn_once = _record_warner(name, cap or 0, warn)
    for text in texts:
        if carry:
            text = carry + text
        if "\r" in text:
            hold = text.endswith("\r")
            if hold:
                text = text[:-1]
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if hold:
                text += "\r"
        idx = text.rfind("\n")
        if idx >= 0:
            complete = text[:idx]
            carry = text[idx + 1:]
            out = complete
            if cap is not None and len(complete) > cap:
                out = _cap_lines(complete, cap, lines_done + 1, warn_once)
            lines_done += complete.count("\n") + 1
            yield out
        else:
            carry = text
        if cap is not None and len(carry) > cap:
            warn_once(lines_done + 1)
            pieces, carry = _split_long(carry, cap)
            yield "\n".join(pieces)
    if carry.endswith("\r"):
        carry = carry[:-1]
    if carry:
        yield carry


def _normalize_text(text: str, cap: int, line_no: int,
                    warn_once: Callable[[int], None]) -> str:
    """Normalize line breaks in a record's text and split its over-long lines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > cap:
        parts = text.split("\n")
        if max(map(len, parts)) > cap:
            warn_once(line_no)
            out: list[str] = []
            for part in parts:
                pieces, rest = _split_long(part, cap)
                out.extend(pieces)
                out.append(rest)
            text = "\n".join(out)
    return text


def _record_warner(name: str, cap: int, warn: Callable[[str], None]) -> Callable[[int], None]:
    warned = False

    def warn_once(line_no: int) -> None:
        nonlocal warned
        if not warned:
            warned = True
            warn(_long_line_warning(line_no, name, cap))
    return warn_once


def _jsonl_blocks(blocks: Iterable[str], stream: _Stream, field: str, cap: int,
                  warn: Callable[[str], None]) -> Iterator[str]:
    out: list[str] = []
    size = 0
    line_no = 0
    warn_once = _record_warner(stream.name, cap, warn)
    for block in blocks:
        for raw in block.split("\n"):
            line_no += 1
            s = raw.strip()
            if not s:
                continue
            try:
                obj: Any = json.loads(s)
            except ValueError as exc:
                problem = getattr(exc, "msg", str(exc))
                col = getattr(exc, "colno", None)
                where = msg(" at column {col}", col=col) if col else ""
                raise CorpusError(msg("Line {line_no} of {stream_name} is not valid JSON "
                                      "({problem}{where}).", line_no=line_no,
                                      stream_name=stream.name, problem=problem, where=where),
                                  path=stream.path, line=line_no) from exc
            if isinstance(obj, dict):
                if field not in obj:
                    keys = ", ".join(repr(k) for k in list(obj)[:8])
                    raise CorpusError(
                        msg("Line {line_no} of {stream_name} has no field {field!r} (it has "
                            "{keys}). Choose the JSON field that holds the text.",
                            line_no=line_no, stream_name=stream.name, field=field,
                            keys=keys or msg("no fields")),
                        path=stream.path, line=line_no)
                text = obj[field]
            else:
                text = obj
            if text is None:
                continue
            if isinstance(text, list) and all(isinstance(t, str) for t in text):
                text = " ".join(text)
            if not isinstance(text, str):
                raise CorpusError(
                    msg("Line {line_no} of {stream_name}: the value of {field!r} is {value}, "
                        "not text.", line_no=line_no, stream_name=stream.name, field=field,
                        value=type(text).__name__), path=stream.path, line=line_no)
            text = _normalize_text(text, cap, line_no, warn_once)
            out.append(text)
            size += len(text) + 1
            if size >= _BLOCK_CHARS:
                yield "\n".join(out)
                out, size = [], 0
    if out:
        yield "\n".join(out)


def _csv_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _csv_blocks(blocks: Iterable[str], stream: _Stream, fmt: str, options: ReaderOptions,
                warn: Callable[[str], None]) -> Iterator[str]:
    _csv_field_limit()
    cap = options.max_line_chars

    def lines() -> Iterator[str]:
        for block in blocks:
            for line in block.split("\n"):
                yield line + "\n"

    if fmt == "tsv":
        reader = csv.reader(lines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(lines())
    column = options.csv_column
    index: int | None = None
    warn_once = _record_warner(stream.name, cap, warn)
    out: list[str] = []
    size = 0
    short_rows = 0
    try:
        for row in reader:
            if index is None:
                index = _csv_index(row, column, options.csv_has_header, stream)
                if options.csv_has_header:
                    continue
            if not row:
                continue
            if index >= len(row):
                short_rows += 1
                continue
            text = _normalize_text(row[index], cap, reader.line_num, warn_once)
            out.append(text)
            size += len(text) + 1
            if size >= _BLOCK_CHARS:
                yield "\n".join(out)
                out, size = [], 0
    except csv.Error as exc:
        raise CorpusError(msg("Line {reader_line_num} of {stream_name} is not valid {upper} "
                              "({exc}).", reader_line_num=reader.line_num, stream_name=stream.name,
                              upper=fmt.upper(), exc=exc), path=stream.path,
                          line=reader.line_num) from exc
    if short_rows:
        warn(msg("{n:,} rows of {name} have no column {column!r}; they were skipped.",
                 n=short_rows, name=stream.name, column=column) if short_rows != 1 else
             msg("1 row of {name} has no column {column!r}; it was skipped.", name=stream.name,
                 column=column))
    if out:
        yield "\n".join(out)


def _csv_index(header: list[str], column: str | int, has_header: bool, stream: _Stream) -> int:
    if isinstance(column, int):
        if column < 0:
            raise CorpusError(msg("The column index must be 0 or more, not {column}.",
                                  column=column))
        return column
    if has_header:
        names = [h.strip().lstrip("\ufeff") for h in header]
        if column in names:
            return names.index(column)
        lowered = [n.lower() for n in names]
        if column.strip().lower() in lowered:
            return lowered.index(column.strip().lower())
    if column.strip().isdigit():
        return int(column.strip())
    shown = ", ".join(repr(h) for h in header[:12])
    if has_header:
        raise CorpusError(msg("{stream_name} has no column {column!r} (its columns are "
                              "{shown}). Choose the column that holds the text.",
                              stream_name=stream.name, column=column, shown=shown),
                          path=stream.path)
    raise CorpusError(msg("{stream_name} has no header row, so the text column must be given by "
                          "its 0-based index, not {column!r}.", stream_name=stream.name,
                          column=column), path=stream.path)

