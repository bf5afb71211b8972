"""Readers for word-analogy and word-similarity benchmark files.

Analogy layouts (``load_analogy_file`` detects them):

``questions-words``  word2vec's ``questions-words.txt`` (Google), CA8, MSR in that
                     layout: ``: category`` lines, then ``a b c d`` per line
                     (a:b = c:d), whitespace separated.
``bats``             BATS 3.0: a folder of category files (searched recursively)
                     or one such file; each line ``word<TAB>target1/target2/...``.
                     The questions of a category are all ordered pairs of its
                     pairs, as in Gladkova et al. (2016) and vecto: for pairs
                     ``(a, a')`` and ``(b, b')`` with ``a != b`` the question is
                     a:a' = b:?, where ``a'`` is the first alternative in the
                     vocabulary and any alternative of ``b'`` is correct.
``csv``              vecto word-benchmarks (MSR, SAT, SemEval, JAIR):
                     ``,type,word1,word2,word3,target`` with a leading index
                     column; ``type`` is the category.

Similarity layouts (``load_similarity_file``): ``word1 word2 score`` per line,
tab- or whitespace-separated (gensim's ``wordsim353.tsv``/``simlex999.txt``,
the wordvectors.org ``EN-*.txt`` files, also comma-separated CSV); ``#``
comment lines and blank lines are ignored, a first line whose score is not a
number is taken for a header.

Lines that cannot be read are skipped and counted (``skipped_lines``, with the
first few line numbers in ``skipped_examples``); a reader raises
:class:`WorkbenchError` only when the file cannot be opened or holds nothing
usable.  Words keep their case; the evaluators lower-case on request.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg

__all__ = [
    "AnalogyQuestion",
    "AnalogyCategory",
    "AnalogySet",
    "SimilarityPair",
    "SimilaritySet",
    "BenchmarkInfo",
    "detect_analogy_layout",
    "load_analogy_file",
    "load_similarity_file",
    "read_questions_words",
    "read_bats",
    "read_analogy_csv",
    "builtin_benchmarks",
    "find_benchmark",
    "shared_data_dir",
]

_MAX_EXAMPLES = 5
_BAD = "\x00"  # marks a line that is not valid UTF-8


# --------------------------------------------------------------------------- data types

@dataclass(frozen=True)
class AnalogyQuestion:
    """``a : b = c : d``; ``b`` and ``d`` may have alternatives (BATS).

    Attributes
    ----------
    a, c
        The two query words.
    b
        ``a``'s partner; the first alternative found in the vocabulary is used.
    d
        The accepted answers (any of them counts as correct).
    """

    a: str
    b: tuple[str, ...]
    c: str
    d: tuple[str, ...]

    @classmethod
    def simple(cls, a: str, b: str, c: str, d: str) -> AnalogyQuestion:
        """A question with one word in each place."""
        return cls(a, (b,), c, (d,))


@dataclass(frozen=True)
class AnalogyCategory:
    """The questions of one relation (``capital-common-countries``, ``I01 [noun - plural_reg]``)."""

    name: str
    questions: tuple[AnalogyQuestion, ...]


@dataclass(frozen=True)
class AnalogySet:
    """An analogy benchmark read from a file or folder.

    Attributes
    ----------
    name
        Display name (the file or folder name).
    path
        Where it was read from.
    layout
        ``questions-words``, ``bats`` or ``csv``.
    categories
        The questions by category, in file order.
    skipped_lines
        Lines that could not be read as a question.
    skipped_examples
        ``(file, line number)`` of the first few skipped lines.
    """

    name: str
    path: str
    layout: str
    categories: tuple[AnalogyCategory, ...]
    skipped_lines: int = 0
    skipped_examples: tuple[tuple[str, int], ...] = ()

    @property
    def n_questions(self) -> int:
        """Number of questions over all categories."""
        return sum(len(c.questions) for c in self.categories)

    def questions(self) -> Iterator[tuple[str, AnalogyQuestion]]:
        """Yield ``(category, question)`` for every question."""
        for cat in self.categories:
            for q in cat.questions:
                yield cat.name, q


@dataclass(frozen=True)
class SimilarityPair:
    """Two words and their human similarity score."""

    a: str
    b: str
    score: float


@dataclass(frozen=True)
class SimilaritySet:
    """A word-similarity benchmark read from a file (fields as in :class:`AnalogySet`)."""

    name: str
    path: str
    pairs: tuple[SimilarityPair, ...]
    skipped_lines: int = 0
    skipped_examples: tuple[tuple[str, int], ...] = ()
    layout: str = "pairs"


@dataclass
class _Skips:
    count: int = 0
    examples: list[tuple[str, int]] = field(default_factory=list)

    def add(self, path: Path, lineno: int) -> None:
        self.count += 1
        if len(self.examples) < _MAX_EXAMPLES:
            self.examples.append((path.name, lineno))


# --------------------------------------------------------------------------- low-level reading

def _read_lines(path: Path, skips: _Skips) -> list[tuple[int, str]]:
    """``(line number, text)`` of every line; an undecodable line has the text ``"\x00"``.

    The callers count such a line as skipped where it occurs (so the first
    skipped line numbers stay in file order).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbenchError(msg("{path} cannot be read: {value}.", path=path,
                                 value=exc.strerror or exc),
                             path=path) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out = []
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        try:
            text = raw.decode("utf-8").replace("\x00", "")
        except UnicodeDecodeError:
            text = _BAD
        out.append((lineno, text.rstrip("\r")))
    return out


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise WorkbenchError(msg("The benchmark {path} does not exist.", path=path), path=path)


# --------------------------------------------------------------------------- analogies

def read_questions_words(path: str | Path) -> AnalogySet:
    """Read the ``questions-words`` layout (``: category`` lines, then ``a b c d`` lines).

    Question lines before the first ``:`` header go to a category named after
    the file.  Lines that do not hold exactly four words are skipped.
    """
    path = Path(path)
    _check_exists(path)
    skips = _Skips()
    categories: list[tuple[str, list[AnalogyQuestion]]] = []
    for lineno, line in _read_lines(path, skips):
        stripped = line.strip()
        if not stripped:
            continue
        if line == _BAD:
            skips.add(path, lineno)
            continue
        if stripped.startswith(":"):
            name = stripped.lstrip(":").strip() or f"category {len(categories) + 1}"
            categories.append((name, []))
            continue
        words = stripped.split()
        if len(words) != 4:
            skips.add(path, lineno)
            continue
        if not categories:
            categories.append((path.stem, []))
        categories[-1][1].append(AnalogyQuestion.simple(*words))
    cats = tuple(AnalogyCategory(n, tuple(qs)) for n, qs in categories if qs)
    return _analogy_set(path, "questions-words", cats, skips)


def _bats_pairs(path: Path, skips: _Skips) -> list[tuple[str, tuple[str, ...]]]:
    pairs: list[tuple[str, tuple[str, ...]]] = []
    seen: set[str] = set()
    for lineno, line in _read_lines(path, skips):
        if not line.strip():
            continue
        if line == _BAD:
            skips.add(path, lineno)
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) != 2:
            skips.add(path, lineno)
            continue
        left = parts[0]
        sep = "/" if "/" in parts[1] else ","
        targets = tuple(dict.fromkeys(t.strip() for t in parts[1].split(sep) if t.strip()))
        if not targets or left in seen:
            skips.add(path, lineno)
            continue
        seen.add(left)
        pairs.append((left, targets))
    return pairs


def read_bats(path: str | Path) -> AnalogySet:
    """Read BATS 3.0: a folder of category files (recursively) or one category file.

    Each line is ``word<TAB>target1/target2/...``; a category with ``n`` pairs
    yields ``n (n - 1)`` questions (every ordered pair of distinct pairs).
    Files are read in sorted path order; files without any pair are ignored.
    """
    path = Path(path)
    _check_exists(path)
    files = sorted(p for p in path.rglob("*.txt") if p.is_file()) if path.is_dir() else [path]
    skips = _Skips()
    cats = []
    for f in files:
        if f.name.upper().startswith(("README", "SOURCE", "LICENSE")):
            continue
        pairs = _bats_pairs(f, skips)
        questions = tuple(AnalogyQuestion(a, a_alts, b, b_alts)
                          for a, a_alts in pairs for b, b_alts in pairs if a != b)
        if questions:
            cats.append(AnalogyCategory(f.stem, questions))
    return _analogy_set(path, "bats", tuple(cats), skips)


def read_analogy_csv(path: str | Path) -> AnalogySet:
    """Read vecto's CSV layout ``,type,word1,word2,word3,target`` (MSR, SAT, SemEval, JAIR).

    Cells are stripped (JAIR pads them with spaces); ``type`` is the category.
    """
    path = Path(path)
    _check_exists(path)
    skips = _Skips()
    lines = _read_lines(path, skips)
    if not lines:
        return _analogy_set(path, "csv", (), skips)
    header = next(csv.reader([lines[0][1]]))
    cols = [h.strip().lower() for h in header]
    try:
        at = [cols.index(c) for c in ("word1", "word2", "word3", "target")]
    except ValueError:
        raise WorkbenchError(msg("{path} is not an analogy CSV file: its first line should name "
                                 "the columns word1, word2, word3 and target.", path=path),
                             path=path) from None
    cat_col = cols.index("type") if "type" in cols else None
    categories: dict[str, list[AnalogyQuestion]] = {}
    for lineno, line in lines[1:]:
        if not line.strip():
            continue
        if line == _BAD:
            skips.add(path, lineno)
            continue
        try:
            row = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            skips.add(path, lineno)
            continue
        if len(row) < len(cols):
            skips.add(path, lineno)
            continue
        words = [row[i].strip() for i in at]
        if not all(words) or any(len(w.split()) != 1 for w in words):
            skips.add(path, lineno)
            continue
        name = row[cat_col].strip() if cat_col is not None else path.stem
        categories.setdefault(name or path.stem, []).append(AnalogyQuestion.simple(*words))
    cats = tuple(AnalogyCategory(n, tuple(q)) for n, q in categories.items())
    return _analogy_set(path, "csv", cats, skips)


def _analogy_set(path: Path, layout: str, cats: tuple[AnalogyCategory, ...],
                 skips: _Skips) -> AnalogySet:
    return AnalogySet(name=path.name, path=str(path), layout=layout, categories=cats,
                      skipped_lines=skips.count, skipped_examples=tuple(skips.examples))


def _sniff(path: Path) -> list[str]:
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as exc:
        raise WorkbenchError(msg("{path} cannot be read: {value}.", path=path,
                                 value=exc.strerror or exc),
                             path=path) from exc
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#")][:20]


def detect_analogy_layout(path: str | Path) -> str:
    """``questions-words``, ``bats`` or ``csv`` for a benchmark file or folder."""
    path = Path(path)
    _check_exists(path)
    if path.is_dir():
        return "bats"
    lines = _sniff(path)
    if not lines:
        raise WorkbenchError(msg("{path} is empty.", path=path), path=path)
    first = lines[0].lower()
    if "," in first and all(c in first for c in ("word1", "word2", "word3")):
        return "csv"
    if any(ln.startswith(":") for ln in lines) or \
            sum(len(ln.split()) == 4 for ln in lines) > len(lines) / 2:
        return "questions-words"
    if sum(len(ln.split("\t")) == 2 or len(ln.split()) == 2 for ln in lines) > len(lines) / 2:
        return "bats"
    raise WorkbenchError(
        msg("{path} is not in a known analogy layout: expected ': category' lines followed by "
            "'a b c d' lines, BATS lines 'word<TAB>target1/target2', or a CSV file with the "
            "columns word1, word2, word3, target.", path=path), path=path)


def load_analogy_file(path: str | Path) -> AnalogySet:
    """Read an analogy benchmark in any supported layout (detected from its content).

    Parameters
    ----------
    path
        A ``questions-words`` file, a BATS folder or category file, or a vecto CSV file.

    Raises
    ------
    WorkbenchError
        When the path does not exist, cannot be read, is in no known layout
        or holds no question.
    """
    path = Path(path)
    layout = detect_analogy_layout(path)
    reader = {"questions-words": read_questions_words, "bats": read_bats,
              "csv": read_analogy_csv}[layout]
    result = reader(path)
    if not result.n_questions:
        raise WorkbenchError(msg("{path} holds no analogy question that could be read "
                                 "({result_skipped_lines:,} lines skipped).", path=path,
                                 result_skipped_lines=result.skipped_lines), path=path)
    return result


# --------------------------------------------------------------------------- similarity

def _parse_score(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def load_similarity_file(path: str | Path) -> SimilaritySet:
    """Read ``word1 word2 score`` lines (tab, whitespace or comma separated).

    Raises
    ------
    WorkbenchError
        When the file does not exist, cannot be read or holds no pair.
    """
    path = Path(path)
    _check_exists(path)
    if path.is_dir():
        raise WorkbenchError(msg("{path} is a folder; a similarity benchmark is one file.",
                                 path=path),
                             path=path)
    skips = _Skips()
    pairs: list[SimilarityPair] = []
    first_data = True
    for lineno, line in _read_lines(path, skips):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line == _BAD:
            skips.add(path, lineno)
            first_data = False
            continue
        if "\t" in stripped:
            parts = [p.strip() for p in stripped.split("\t")]
        elif "," in stripped and len(stripped.split()) < 3:
            parts = [p.strip() for p in stripped.split(",")]
        else:
            parts = stripped.split()
        score = _parse_score(parts[2]) if len(parts) == 3 else None
        if score is None or not parts[0] or not parts[1] or \
                len(parts[0].split()) != 1 or len(parts[1].split()) != 1:
            if not (first_data and len(parts) == 3):  # a header line is no error
                skips.add(path, lineno)
            first_data = False
            continue
        first_data = False
        pairs.append(SimilarityPair(parts[0], parts[1], score))
    if not pairs:
        raise WorkbenchError(msg("{path} holds no 'word1 word2 score' line that could be read "
                                 "({skips_count:,} lines skipped).", path=path,
                                 skips_count=skips.count), path=path)
    return SimilaritySet(name=path.name, path=str(path), pairs=tuple(pairs),
                         skipped_lines=skips.count, skipped_examples=tuple(skips.examples))


# --------------------------------------------------------------------------- built-ins

@dataclass(frozen=True)
class BenchmarkInfo:
    """A benchmark found on this machine.

    Attributes
    ----------
    name
        Short name used by the CLI (``google``, ``bats``, ``ws353``, ...).
    kind
        ``"analogy"`` or ``"similarity"``.
    path
        The file or folder.
    description
        One line for menus.
    language
        ``"en"`` or ``"zh"``.
    """

    name: str
    kind: str
    path: Path
    description: str
    language: str = "en"


def shared_data_dir() -> Path | None:
    """The ``shared/data`` folder beside the checkout (or ``$WORKBENCH_SHARED_DATA``)."""
    env = os.environ.get("WORKBENCH_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[4] / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def _gensim_test_data() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("gensim")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        folder = Path(loc) / "test" / "test_data"
        if folder.is_dir():
            return folder
    return None


_GENSIM = [
    ("google", "analogy", "questions-words.txt",
     "Google analogies (Mikolov et al. 2013), 19,544 questions"),
    ("ws353", "similarity", "wordsim353.tsv", "WordSim-353 (Finkelstein et al. 2002)"),
    ("simlex999", "similarity", "simlex999.txt", "SimLex-999 (Hill et al. 2015)"),
]
_SHARED = [
    ("bats", "analogy", "BATS_3.0", "BATS 3.0 (Gladkova et al. 2016), ~98k questions", "en"),
    ("msr", "analogy", "vecto-word-benchmarks/word-analogy/monolingual/en/msr.csv",
     "MSR syntactic analogies (Mikolov et al. 2013), 8,000 questions", "en"),
    ("sat", "analogy", "vecto-word-benchmarks/word-analogy/monolingual/en/sat.csv",
     "SAT analogies", "en"),
    ("semeval", "analogy", "vecto-word-benchmarks/word-analogy/monolingual/en/semeval.csv",
     "SemEval-2012 Task 2 analogies", "en"),
    ("jair", "analogy", "vecto-word-benchmarks/word-analogy/monolingual/en/jair.csv",
     "JAIR analogies", "en"),
    ("ca8-morphological", "analogy", "CA8/morphological.txt",
     "CA8 Chinese morphological analogies (Li et al. 2018)", "zh"),
    ("ca8-semantic", "analogy", "CA8/semantic.txt",
     "CA8 Chinese semantic analogies (Li et al. 2018)", "zh"),
    ("ca-translated", "analogy", "CA8/ca_translated.txt",
     "Google analogies translated to Chinese (Chen et al. 2015)", "zh"),
]
_SIM_FILES = {
    "EN-MC-30.txt": ("mc30", "MC-30 (Miller & Charles 1991)"),
    "EN-RG-65.txt": ("rg65", "RG-65 (Rubenstein & Goodenough 1965)"),
    "EN-MTurk-287.txt": ("mturk287", "MTurk-287 (Radinsky et al. 2011)"),
    "EN-MTurk-771.txt": ("mturk771", "MTurk-771 (Halawi et al. 2012)"),
    "EN-RW-STANFORD.txt": ("rw", "Stanford Rare Words (Luong et al. 2013)"),
    "EN-SimVerb-3500.txt": ("simverb3500", "SimVerb-3500 (Gerz et al. 2016)"),
    "EN-VERB-143.txt": ("verb143", "VERB-143 (Baker et al. 2014)"),
    "EN-WS-353-REL.txt": ("ws353-rel", "WordSim-353 relatedness (Agirre et al. 2009)"),
    "EN-WS-353-SIM.txt": ("ws353-sim", "WordSim-353 similarity (Agirre et al. 2009)"),
    "EN-YP-130.txt": ("yp130", "YP-130 (Yang & Powers 2006)"),
}


def builtin_benchmarks() -> list[BenchmarkInfo]:
    """The benchmarks available on this machine, with their paths.

    gensim's test data (Google analogies, WordSim-353, SimLex-999) and, when
    the ``shared/data`` folder exists, BATS, the vecto CSV sets, CA8 and the
    wordvectors.org similarity files.  Nothing is bundled with the app.
    """
    found: list[BenchmarkInfo] = []
    gensim_dir = _gensim_test_data()
    if gensim_dir is not None:
        for name, kind, file, desc in _GENSIM:
            if (gensim_dir / file).is_file():
                found.append(BenchmarkInfo(name, kind, gensim_dir / file, desc))
    shared = shared_data_dir()
    if shared is not None:
        for name, kind, rel, desc, lang in _SHARED:
            if (shared / rel).exists():
                found.append(BenchmarkInfo(name, kind, shared / rel, desc, lang))
        sim_dir = shared / "word-similarity-benchmarks"
        if sim_dir.is_dir():
            for file in sorted(sim_dir.glob("EN-*.txt")):
                name, desc = _SIM_FILES.get(file.name, (file.stem.lower(), file.stem))
                found.append(BenchmarkInfo(name, "similarity", file, desc))
    return found


def find_benchmark(name_or_path: str | Path, kind: str | None = None) -> Path:
    """Resolve a builtin benchmark name or a path to a path.

    Raises
    ------
    WorkbenchError
        When it is neither an existing path nor a known name.
    """
    path = Path(name_or_path)
    if path.exists():
        return path
    key = str(name_or_path).lower()
    known = [b for b in builtin_benchmarks() if kind is None or b.kind == kind]
    for b in known:
        if b.name == key:
            return b.path
    names = ", ".join(b.name for b in known) or msg("none found")
    if kind == "analogy":
        raise WorkbenchError(msg("'{name}' is neither a file nor a known analogy benchmark "
                                 "(known: {names}).", name=name_or_path, names=names))
    if kind == "similarity":
        raise WorkbenchError(msg("'{name}' is neither a file nor a known similarity benchmark "
                                 "(known: {names}).", name=name_or_path, names=names))
    raise WorkbenchError(msg("'{name}' is neither a file nor a known benchmark (known: "
                             "{names}).", name=name_or_path, names=names))
