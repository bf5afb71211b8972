"""Corpus reading: formats, encodings, bad input, long lines, progress."""

from __future__ import annotations

import bz2
import codecs
import csv
import gzip
import json
import lzma
import os
import zipfile
from pathlib import Path

import pytest

from workbench.core.corpus import Corpus, ReaderOptions
from workbench.core.errors import CorpusError, EncodingProblem
from workbench.core.tasks import Cancelled, RecordingProgress

LINES = [
    "The quick brown fox jumps over the lazy dog.",
    "State-of-the-art models don't need 3.14 or 1,000 examples.",
    "",
    "Café, naïve, Ünïcödé and 中文 text.",
    "last line",
]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _text() -> str:
    return "\n".join(LINES) + "\n"


def _write_formats(folder: Path) -> dict[str, Path]:
    """Write LINES in every supported format; return {format: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    data = _text().encode("utf-8")
    out = {}
    out["txt"] = folder / "plain.txt"
    out["txt"].write_bytes(data)
    out["gz"] = folder / "plain.txt.gz"
    out["gz"].write_bytes(gzip.compress(data))
    out["bz2"] = folder / "plain.txt.bz2"
    out["bz2"].write_bytes(bz2.compress(data))
    out["xz"] = folder / "plain.txt.xz"
    out["xz"].write_bytes(lzma.compress(data))
    out["zip"] = folder / "archive.zip"
    with zipfile.ZipFile(out["zip"], "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("docs/nested/part1.txt", "\n".join(LINES[:2]) + "\n")
        zf.writestr("docs/part2.txt", "\n".join(LINES[2:]) + "\n")
    out["jsonl"] = folder / "records.jsonl"
    out["jsonl"].write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                    for i, t in enumerate(LINES)), encoding="utf-8")
    for kind, delim in (("csv", ","), ("tsv", "\t")):
        path = folder / f"table.{kind}"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=delim,
                           quoting=csv.QUOTE_MINIMAL if kind == "csv" else csv.QUOTE_NONE,
                           escapechar="\\" if kind == "tsv" else None)
            w.writerow(["label", "text"])
            for i, t in enumerate(LINES):
                w.writerow([i, t])
        out[kind] = path
    return out


@pytest.mark.parametrize("fmt", ["txt", "gz", "bz2", "xz", "zip", "jsonl", "csv", "tsv"])
def test_every_format_yields_the_same_lines(tmp_path: Path, fmt: str) -> None:
    path = _write_formats(tmp_path)[fmt]
    corpus = Corpus.open(path)
    assert list(corpus.lines()) == LINES
    assert corpus.paths == [path]
    assert corpus.display_name == path.name
    assert corpus.total_bytes == path.stat().st_size
    assert corpus.warnings == []


def test_folder_glob_and_order(tmp_path: Path) -> None:
    paths = _write_formats(tmp_path / "texts")
    (tmp_path / "texts" / "image.png").write_bytes(PNG)        # unsupported: ignored
    (tmp_path / "texts" / ".hidden.txt").write_text("secret\n")
    corpus = Corpus.open(tmp_path / "texts", ReaderOptions(glob="*.txt*"))
    assert [p.name for p in corpus.paths] == sorted(
        p.name for k, p in paths.items() if k in ("txt", "gz", "bz2", "xz"))
    assert list(corpus.lines()) == LINES * 4
    assert corpus.display_name == "texts/ (4 files)"
    every = Corpus.open(tmp_path / "texts")
    assert len(every.paths) == 8
    assert list(every.lines()) == LINES * 8


def test_folder_recursive_and_multiple_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("deep\n")
    (tmp_path / "a" / "top.txt").write_text("top\n")
    (tmp_path / "single.txt").write_text("single\n")
    corpus = Corpus.open([tmp_path / "a", tmp_path / "single.txt"])
    assert list(corpus.lines()) == ["deep", "top", "single"]


def test_folder_without_matching_files(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# not matched\n")
    with pytest.raises(CorpusError, match=r"no files matching '\*\.txt' in folder .*docs"):
        Corpus.open(tmp_path / "docs", ReaderOptions(glob="*.txt"))


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="nothing.txt does not exist"):
        Corpus.open(tmp_path / "nothing.txt")


def test_reiterable_and_chunks(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    lines = [f"line {i} with some words" for i in range(20_000)]
    path.write_text("\n".join(lines) + "\n")
    corpus = Corpus.open(path)
    assert list(corpus.lines()) == lines
    assert list(corpus) == lines                      # second pass starts over
    chunks = list(corpus.chunks(chunk_chars=10_000))
    assert len(chunks) > 1
    assert "\n".join(chunks).split("\n") == lines
    assert all(not c.endswith("\n") for c in chunks)


def test_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n\r\nfour")
    assert list(Corpus.open(path).lines()) == ["one", "two", "three", "", "four"]


def test_crlf_split_across_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.corpus import reader

    monkeypatch.setattr(reader, "READ_BYTES", 4)
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"abc\r\ndef\r\nghi\r\n")
    assert list(Corpus.open(path).lines()) == ["abc", "def", "ghi"]


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"),
                                          (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(tmp_path: Path, bom: bytes, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + _text().encode(encoding))
    assert list(Corpus.open(path).lines()) == LINES


def test_gbk_file_is_read_as_gb18030(tmp_path: Path) -> None:
    text = "第一回  甄士隐梦幻识通灵　贾雨村风尘怀闺秀\n此开卷第一回也。作者自云：曾历过一番梦幻之后。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk") * 50)
    assert list(Corpus.open(path).lines()) == (text * 50).splitlines()


def test_gbk_after_a_long_ascii_start(tmp_path: Path) -> None:
    from workbench.core.corpus.reader import READ_BYTES

    head = "plain ascii header line\n" * (2 * READ_BYTES // 24)
    path = tmp_path / "late_gbk.txt"
    path.write_bytes(head.encode("ascii") + "红楼梦 第一回\n".encode("gbk"))
    lines = list(Corpus.open(path).lines())
    assert lines[-1] == "红楼梦 第一回" and len(lines) == head.count("\n") + 1


def test_utf8_then_gbk_is_an_error(tmp_path: Path) -> None:
    from workbench.core.corpus.reader import READ_BYTES

    # A first block of real (non-ASCII) UTF-8, then GBK bytes: no silent switch.
    n = READ_BYTES // 6 + 10
    head = ("café\n" * n).encode("utf-8")
    path = tmp_path / "mixed.txt"
    path.write_bytes(head + "红楼梦\n".encode("gbk"))
    with pytest.raises(EncodingProblem, match=rf"mixed.txt is not valid UTF-8: byte offset "
                                              rf"{len(head)}, line {n + 1} ") as info:
        list(Corpus.open(path).lines())
    assert info.value.offset == len(head) and info.value.line == n + 1


def test_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café crème\n".encode("latin-1"))
    assert list(Corpus.open(path, ReaderOptions(encoding="latin-1")).lines()) == ["café crème"]
    with pytest.raises(CorpusError, match="not a text encoding"):
        Corpus.open(path, ReaderOptions(encoding="no-such-codec"))


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    head = b"hello world\n" * 100 + b"caf"
    path.write_bytes(head + b"\xff\xfe and more\n")       # \xff is neither UTF-8 nor GB18030
    with pytest.raises(EncodingProblem) as info:
        list(Corpus.open(path).lines())
    err = info.value
    assert err.offset == len(head)
    assert f"byte offset {len(head)}" in str(err)
    assert "bad.txt" in str(err) and "line 101" in str(err)


def test_invalid_utf8_late_in_stream(tmp_path: Path) -> None:
    from workbench.core.corpus.reader import READ_BYTES

    path = tmp_path / "late.txt"
    head = ("ascii text é\n" * (3 * READ_BYTES // 14)).encode("utf-8")
    path.write_bytes(head + b"\xc3\x28 broken\n")
    assert len(head) > 2 * READ_BYTES
    with pytest.raises(EncodingProblem) as info:
        list(Corpus.open(path).lines())
    assert info.value.offset == len(head)
    assert f"byte offset {len(head)}" in str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt is empty"):
        Corpus.open(path)
    gz = tmp_path / "empty.txt.gz"
    gz.write_bytes(gzip.compress(b""))
    with pytest.raises(CorpusError, match="empty.txt.gz is empty"):
        list(Corpus.open(gz).lines())


def test_png_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(PNG)
    with pytest.raises(CorpusError, match=r"picture.txt looks like a binary file \(PNG image\)"):
        list(Corpus.open(path).lines())


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"text\x00\x01\x02 binary\n" * 10)
    with pytest.raises(CorpusError, match="data.txt looks like a binary file .*NUL"):
        list(Corpus.open(path).lines())


def test_truncated_gzip(tmp_path: Path, shared_data: Path) -> None:
    real = (shared_data / "nltk-english-corpora" / "plain" / "inaugural.txt.gz").read_bytes()
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(real[: len(real) // 2])
    with pytest.raises(CorpusError, match="cut.txt.gz is truncated"):
        list(Corpus.open(path).lines())


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_corrupt_compressed(tmp_path: Path, suffix: str) -> None:
    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[suffix]
    data = bytearray(compress(("some text to compress\n" * 2000).encode()))
    mid = len(data) // 2
    data[mid:mid + 16] = b"\x00" * 16
    path = tmp_path / f"broken.txt{suffix}"
    path.write_bytes(bytes(data))
    with pytest.raises(CorpusError, match=rf"broken.txt\{suffix} is (corrupt|truncated)"):
        list(Corpus.open(path).lines())


def test_not_really_gzip(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt.gz"
    path.write_text("this is not gzip data\n")
    with pytest.raises(CorpusError, match="plain.txt.gz is corrupt"):
        list(Corpus.open(path).lines())


def test_zip_skips_binary_member_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("img/logo.png", PNG)
        zf.writestr("text/a.txt", "hello zip\n")
    corpus = Corpus.open(path)
    assert list(corpus.lines()) == ["hello zip"]
    assert any("mixed.zip:img/logo.png" in w and "PNG" in w for w in corpus.warnings)
    list(corpus.lines())
    assert len(corpus.warnings) == 1                           # not repeated per pass


def test_zip_with_only_binary_members(tmp_path: Path) -> None:
    path = tmp_path / "images.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("logo.png", PNG)
    with pytest.raises(CorpusError, match="images.zip contains no text file"):
        list(Corpus.open(path).lines())


def test_bad_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.zip"
    path.write_text("not a zip\n")
    with pytest.raises(CorpusError, match="fake.zip is not a valid zip archive"):
        list(Corpus.open(path).lines())


def test_real_zip_corpus(shared_data: Path) -> None:
    corpus = Corpus.open(shared_data / "nltk-english-corpora" / "original" / "inaugural.zip")
    lines = list(corpus.lines())
    assert len(lines) > 1000
    assert any("Fellow-Citizens" in line for line in lines[:50])


def test_jsonl_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n\n{"text": "fine"}\n{"text": broken}\n')
    with pytest.raises(CorpusError, match="Line 4 of .*bad.jsonl is not valid JSON") as info:
        list(Corpus.open(path).lines())
    assert info.value.line == 4
    path.write_text('{"body": "x"}\n')
    with pytest.raises(CorpusError, match="Line 1 of .*bad.jsonl has no field 'text'"):
        list(Corpus.open(path).lines())
    assert list(Corpus.open(path, ReaderOptions(jsonl_field="body")).lines()) == ["x"]


def test_jsonl_multiline_text_and_strings(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "first\nsecond"}) + "\n" + json.dumps("plain") + "\n")
    assert list(Corpus.open(path).lines()) == ["first", "second", "plain"]


def test_csv_column_by_name_and_index(tmp_path: Path, shared_data: Path) -> None:
    path = _write_formats(tmp_path)["csv"]
    assert list(Corpus.open(path, ReaderOptions(csv_column=1)).lines()) == LINES
    assert list(Corpus.open(path, ReaderOptions(csv_column="TEXT")).lines()) == LINES
    with pytest.raises(CorpusError, match=r"has no column 'review' \(its columns are 'label', "
                                          r"'text'\)"):
        list(Corpus.open(path, ReaderOptions(csv_column="review")).lines())
    reviews = Corpus.open(shared_data / "chinese-sentiment-reviews" / "ChnSentiCorp_htl_all.csv.gz",
                          ReaderOptions(csv_column="review"))
    first = next(iter(reviews.lines()))
    assert first.startswith("距离川沙公路较近")


def test_csv_huge_field(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    big = "word " * 100_000
    path.write_text(f'text\n"{big}"\n')
    assert list(Corpus.open(path).lines()) == [big]


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("secret\n")
    path.chmod(0)
    try:
        if not os.access(path, os.R_OK):           # not root: the real thing
            with pytest.raises(CorpusError, match="secret.txt cannot be read: permission denied"):
                Corpus.open(path)
            return
        import builtins

        real_open = builtins.open

        def deny(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", deny)
        with pytest.raises(CorpusError, match="secret.txt cannot be read: permission denied"):
            Corpus.open(path)
    finally:
        path.chmod(0o644)


def test_long_line_is_split_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    long_line = " ".join(f"w{i}" for i in range(400_000))        # ~2.7 MB, one line
    path.write_text("short\n" + long_line + "\n" + long_line + "\nend\n")
    cap = 10_000
    corpus = Corpus.open(path, ReaderOptions(max_line_chars=cap))
    lines = list(corpus.lines())
    assert lines[0] == "short" and lines[-1] == "end"
    assert max(map(len, lines)) <= cap
    assert " ".join(lines[1:-1]) == long_line + " " + long_line    # nothing lost at the cuts
    assert len([w for w in corpus.warnings if "longer than" in w]) == 1
    assert "line 2 of" in corpus.warnings[0] and "split into pieces" in corpus.warnings[0]


def test_long_line_without_spaces(tmp_path: Path) -> None:
    path = tmp_path / "nospace.txt"
    path.write_text("x" * 25_000 + "\n")
    lines = list(Corpus.open(path, ReaderOptions(max_line_chars=10_000)).lines())
    assert [len(line) for line in lines] == [10_000, 10_000, 5_000]


def test_short_long_lines_within_one_block(tmp_path: Path) -> None:
    path = tmp_path / "medium.txt"
    path.write_text("a b c d e f g h\nok\n")
    corpus = Corpus.open(path, ReaderOptions(max_line_chars=5))
    assert list(corpus.lines()) == ["a b c", "d e f", "g h", "ok"]
    assert corpus.warnings == [f"line 1 of {path} is longer than 5 characters; "
                               "it was split into pieces"]


def test_progress_reaches_one_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(os.urandom(3_000_000).hex().encode() + b"\n", 1))
    progress = RecordingProgress()
    n = sum(1 for _ in Corpus.open(path).lines(progress))
    assert n > 1                                   # the 6 MB line was split
    fractions = [f for f, _ in progress.reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(fractions) > 5
    cancelling = RecordingProgress(cancel_after=2)
    with pytest.raises(Cancelled):
        for _ in Corpus.open(path).lines(cancelling):
            pass


def test_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one\n")
    a = Corpus.open(path).fingerprint()
    assert a == Corpus.open(path).fingerprint()
    assert a != Corpus.open(path, ReaderOptions(glob="*.txt")).fingerprint()
    path.write_text("one two\n")
    assert a != Corpus.open(path).fingerprint()


@pytest.mark.slow
def test_200_mb_single_line_streams_in_bounded_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "one_line.txt"
    piece = ("lorem ipsum dolor sit amet consectetur " * 1000).encode()
    with open(path, "wb") as f:
        for _ in range(200_000_000 // len(piece) + 1):
            f.write(piece)
    assert path.stat().st_size >= 200_000_000
    code = (
        "import resource, sys\n"
        "from workbench.core.corpus import Corpus, compute_stats\n"
        "c = Corpus.open(sys.argv[1])\n"
        "n = 0; longest = 0\n"
        "for line in c.lines():\n"
        "    n += 1; longest = max(longest, len(line))\n"
        "s = compute_stats(c, cache_dir=sys.argv[2], workers=1)\n"
        "print(n, longest, s.tokens, len(c.warnings),\n"
        "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(tmp_path / "cache")],
                         capture_output=True, text=True, timeout=900, check=True)
    n, longest, tokens, warnings, peak_mb = map(int, out.stdout.split())
    assert n > 200 and longest <= 1_000_000
    assert tokens == 6 * 1000 * (200_000_000 // len(piece) + 1)
    assert warnings == 1
    assert peak_mb < 400, f"peak RSS {peak_mb} MB"
