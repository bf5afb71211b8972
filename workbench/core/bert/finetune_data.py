"""Fine-tuning data: readers for labelled files and their encoding into model inputs.

Readers (plain Python, no torch) turn files into examples and check them, naming
the file and line of the first problem:

* :func:`read_classification_file`: TSV/CSV with a header row, one text (or a
  text pair) and a label per row.  The GLUE layouts are recognised by their
  headers: SST-2 (``sentence label``), MRPC (``Quality #1 ID #2 ID #1 String
  #2 String``), RTE/MNLI-style (``index sentence1 sentence2 label``), QQP and
  QNLI; other files name their columns.  TSV rows are split on tabs with no
  quoting (GLUE's convention: texts contain ``"``); CSV uses standard quoting.
* :func:`read_conll`: CoNLL token files (one ``word ... tag`` line per token,
  a blank line between sentences, ``-DOCSTART-`` lines skipped).
* :func:`read_squad`: SQuAD JSON (v1.1, and v2 with ``is_impossible``).

Encoders (they take a Hugging Face *fast* tokenizer) turn examples into
feature dicts of plain lists; :class:`PaddingCollator` pads a batch of them
into tensors:

* :func:`encode_classification`, :func:`encode_tagging` (only the first
  sub-token of a word carries its tag; the others get -100, see
  :func:`align_labels`), :func:`prepare_qa_features` (long contexts are cut
  into overlapping windows; the answer's character span is mapped to token
  positions through the offset mapping) and :func:`postprocess_qa` (the best
  valid span of each question over all its windows).

Files may be gzip-compressed (``.gz``); text is UTF-8 (a byte-order mark is
ignored).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import CorpusError, ParameterError
from workbench.core.messages import msg

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = [
    "IGNORE_INDEX",
    "ClassificationData",
    "Features",
    "PaddingCollator",
    "QaAnswer",
    "QaData",
    "QaExample",
    "QaFeatures",
    "QaPrediction",
    "TaggedSentence",
    "TaggingData",
    "TaggingFeatures",
    "TextExample",
    "align_labels",
    "encode_classification",
    "encode_tagging",
    "postprocess_qa",
    "prepare_qa_features",
    "read_classification_file",
    "read_conll",
    "read_squad",
    "sort_labels",
    "word_level_predictions",
]

IGNORE_INDEX = -100
"""Label value the loss ignores (special tokens, non-first sub-tokens, padding)."""


# --------------------------------------------------------------------------- reading text


def _open_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(1-based line number, line without its newline)``; gzip-aware, UTF-8 strict."""
    if not path.is_file():
        raise CorpusError(msg("{path} does not exist or is not a file.", path=path), path=path)
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as f:
            for number, data in enumerate(f, start=1):
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise CorpusError(
                        msg("Line {number} of {path} is not valid UTF-8 (byte {value} of the "
                            "line). Save the file as UTF-8 and try again.", number=number,
                            path=path, value=exc.start + 1),
                        path=path, line=number) from None
                if number == 1:
                    line = line.lstrip("\ufeff")
                yield number, line.rstrip("\r\n")
    except (OSError, EOFError) as exc:
        raise CorpusError(msg("{path} cannot be read ({exc}).", path=path, exc=exc),
                          path=path) from exc


def _first_line(path: Path) -> tuple[int, str] | None:
    lines = _open_lines(path)
    try:
        return next(lines, None)
    finally:
        lines.close()


def _base_suffix(path: Path) -> str:
    name = path.name.lower()
    name = name.removesuffix(".gz")
    return Path(name).suffix


def sort_labels(labels: Sequence[str]) -> tuple[str, ...]:
    """Distinct labels in a stable, readable order.

    Numbers sort numerically (``"2"`` before ``"10"``), other labels
    alphabetically; tags put ``O`` first, then group ``B-X``/``I-X`` by type.
    """
    distinct = set(labels)

    def key(label: str) -> tuple[Any, ...]:
        try:
            return (0, float(label), "")
        except ValueError:
            pass
        if label == "O":
            return (1, "", "")
        if len(label) > 2 and label[1] in "-_" and label[0] in "BIEST":
            return (2, label[2:], label[0])
        return (2, label, "")

    return tuple(sorted(distinct, key=key))


# --------------------------------------------------------------------------- classification


@dataclass(frozen=True)
class TextExample:
    """One labelled text (or text pair) and the line it came from (1-based)."""

    text: str
    text_pair: str | None
    label: str
    line: int


@dataclass(frozen=True)
class ClassificationData:
    """The examples of one classification file and how its columns were read.

    Attributes
    ----------
    layout
        ``"sst2"``, ``"mrpc"``, ``"rte"``, ``"qqp"``, ``"qnli"``, ``"text"`` or
        ``"custom"`` (columns given by the caller).
    labels
        The label set: the one given to the reader, or the labels found, sorted
        (:func:`sort_labels`).
    """

    path: Path
    examples: tuple[TextExample, ...]
    labels: tuple[str, ...]
    text_column: str
    text_pair_column: str | None
    label_column: str
    layout: str

    @property
    def is_pair(self) -> bool:
        """Whether the examples are sentence pairs."""
        return self.text_pair_column is not None


# (layout, text, pair, label); header names match case-insensitively.
_LAYOUTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("mrpc", "#1 String", "#2 String", "Quality"),
    ("rte", "sentence1", "sentence2", "label"),
    ("rte", "sentence1", "sentence2", "gold_label"),
    ("qqp", "question1", "question2", "is_duplicate"),
    ("qnli", "question", "sentence", "label"),
    ("sst2", "sentence", None, "label"),
    ("text", "text", None, "label"),
    ("text", "review", None, "label"),
    ("text", "content", None, "label"),
    ("text", "sentence", None, "class"),
    ("text", "text", None, "class"),
)
_LABEL_NAMES = ("label", "labels", "class", "category", "quality", "is_duplicate", "gold_label")


def _detect_delimiter(path: Path, header: str) -> str:
    suffix = _base_suffix(path)
    if suffix == ".tsv":
        return "\t"
    if suffix == ".csv":
        return ","
    if "\t" in header:
        return "\t"
    if "," in header:
        return ","
    raise CorpusError(msg("Cannot tell how the columns of {path} are separated: its first line "
                          "has neither tabs nor commas. Use a .tsv or .csv file with a header "
                          "row (for example 'sentence<TAB>label').", path=path), path=path)


def _rows(path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line number, fields)`` for every row, header included."""
    lines = _open_lines(path)
    if delimiter == "\t":
        for number, line in lines:
            yield number, line.split("\t")
        return
    # CSV: quoted fields may span lines; track the line each record starts on.
    numbers: list[int] = []

    def texts() -> Iterator[str]:
        for number, line in lines:
            numbers.append(number)
            yield line + "\n"

    reader = csv.reader(texts(), delimiter=delimiter, strict=True)
    while True:
        before = len(numbers)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = numbers[-1] if numbers else 1
            raise CorpusError(msg("Line {line} of {path} is not valid CSV ({exc}).", line=line,
                                  path=path, exc=exc),
                              path=path, line=line) from None
        yield (numbers[before] if before < len(numbers) else numbers[-1]), row


def _find_column(header: list[str], name: str, path: Path, what: str) -> int:
    lowered = [h.strip().lower() for h in header]
    try:
        return lowered.index(name.strip().lower())
    except ValueError:
        raise ParameterError(msg("{path} has no {what} column {name!r}; its columns are {items}.",
                                 path=path, what=what, name=name,
                                 items=', '.join(repr(h) for h in header)), path=path) from None


def _choose_columns(header: list[str], path: Path, text_column: str | None,
                    text_pair_column: str | None, label_column: str | None,
                    pair: bool | None) -> tuple[str, int, int | None, int]:
    """Return ``(layout, text index, pair index or None, label index)``."""
    lowered = [h.strip().lower() for h in header]
    if text_column is None:
        for layout, text, second, label in _LAYOUTS:
            if text.lower() not in lowered:
                continue
            if second is not None and second.lower() not in lowered:
                continue
            if label_column is None and label.lower() not in lowered:
                continue
            text_i = lowered.index(text.lower())
            pair_i = lowered.index(second.lower()) if second is not None else None
            if text_pair_column is not None:
                pair_i = _find_column(header, text_pair_column, path, msg("second-text"))
            label_i = (_find_column(header, label_column, path, msg("label"))
                       if label_column is not None else lowered.index(label.lower()))
            return (layout if label_column is None and text_pair_column is None else "custom",
                    text_i, pair_i, label_i)
        expect = msg("two text columns and a label column") if pair else \
            msg("a text and a label column")
        hint = ("sentence1/sentence2/label (RTE), #1 String/#2 String/Quality (MRPC)"
                if pair else "sentence/label (SST-2), text/label")
        raise ParameterError(
            msg("Cannot tell which columns of {path} hold the texts and labels: its header is "
                "{items}. Expected {expect} such as {hint}; or name the columns in the settings.",
                path=path, items=', '.join(repr(h) for h in header), expect=expect, hint=hint),
            path=path, line=1)
    text_i = _find_column(header, text_column, path, msg("text"))
    pair_i = (_find_column(header, text_pair_column, path, msg("second-text"))
              if text_pair_column is not None else None)
    if label_column is not None:
        label_i = _find_column(header, label_column, path, msg("label"))
    else:
        found = [i for i, h in enumerate(lowered) if h in _LABEL_NAMES]
        if not found:
            raise ParameterError(msg("{path} has no label column (looked for {_LABEL_NAMES}); "
                                     "name it in the settings.", path=path,
                                     _LABEL_NAMES=', '.join(_LABEL_NAMES)),
                                 path=path, line=1)
        label_i = found[0]
    return "custom", text_i, pair_i, label_i


def read_classification_file(path: str | Path, *, text_column: str | None = None,
                             text_pair_column: str | None = None,
                             label_column: str | None = None, pair: bool | None = None,
                             labels: Sequence[str] | None = None,
                             label_source: str | None = None,
                             limit: int | None = None) -> ClassificationData:
    """Read a TSV/CSV file of labelled texts or text pairs.

    Parameters
    ----------
    path
        A ``.tsv`` or ``.csv`` file (optionally ``.gz``) whose first row names
        the columns.  Other suffixes: tab-separated if the header has a tab.
    text_column, text_pair_column, label_column
        Column names (case-insensitive).  When ``text_column`` is ``None`` the
        layout is recognised from the header (SST-2, MRPC, RTE, QQP, QNLI,
        ``text``/``review`` + ``label``).
    pair
        ``True``: a sentence-pair file is required; ``False``: single texts
        are required; ``None``: whatever the header says.
    labels
        The allowed labels.  A row with any other label is an error naming its
        line.  Pass the training file's labels when reading an evaluation file.
    label_source
        How to name ``labels`` in that error, e.g. ``"the training file
        train.tsv"`` (default: ``"the label set"``).
    limit
        Read only the first ``limit`` examples.

    Raises
    ------
    CorpusError
        A row with the wrong number of columns, an empty text or label, an
        unknown label, invalid UTF-8, or a file without examples; the message
        names the file and line.
    ParameterError
        Unknown column names or an unrecognised header.
    """
    path = Path(path)
    first = _first_line(path)
    if first is None or not first[1].strip():
        raise CorpusError(msg("{path} is empty or its first line is blank: it needs a header "
                              "row naming the columns (for example 'sentence<TAB>label').",
                              path=path), path=path)
    delimiter = _detect_delimiter(path, first[1])
    rows = _rows(path, delimiter)
    _, header = next(rows)
    header = [h.strip() for h in header]
    layout, text_i, pair_i, label_i = _choose_columns(header, path, text_column,
                                                      text_pair_column, label_column, pair)
    if pair is True and pair_i is None:
        raise ParameterError(msg("{path} has a single text column ({header!r}); sentence-pair "
                                 "classification needs two.", path=path, header=header[text_i]),
                             path=path)
    if pair is False and pair_i is not None:
        raise ParameterError(msg("{path} holds sentence pairs ({header!r}, {header2!r}); choose "
                                 "sentence-pair classification.", path=path, header=header[text_i],
                                 header2=header[pair_i]),
                             path=path)
    allowed = set(labels) if labels is not None else None
    source = label_source or msg("the label set")
    sep_name = msg("tab") if delimiter == "\t" else msg("comma")
    examples: list[TextExample] = []
    for number, row in rows:
        if limit is not None and len(examples) >= limit:
            break
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) != len(header):
            raise CorpusError(
                msg("Line {number} of {path} has {n_row} {sep_name}-separated columns but the "
                    "header has {n_header} ({header}).", number=number, path=path, n_row=len(row),
                    sep_name=sep_name, n_header=len(header), header=', '.join(header)),
                path=path, line=number)
        text = row[text_i].strip()
        if not text:
            raise CorpusError(msg("Line {number} of {path}: the text column {header!r} is empty.",
                                  number=number, path=path, header=header[text_i]),
                              path=path, line=number)
        second = None
        if pair_i is not None:
            second = row[pair_i].strip()
            if not second:
                raise CorpusError(msg("Line {number} of {path}: the second text column "
                                      "{header!r} is empty.", number=number, path=path,
                                      header=header[pair_i]), path=path, line=number)
        label = row[label_i].strip()
        if not label:
            raise CorpusError(msg("Line {number} of {path}: the label column {header!r} is "
                                  "empty.", number=number, path=path, header=header[label_i]),
                              path=path, line=number)
        if allowed is not None and label not in allowed:
            raise CorpusError(
                msg("Line {number} of {path}: the label {label!r} does not occur in {source} "
                    "({sort_labels}).", number=number, path=path, label=label, source=source,
                    sort_labels=', '.join(sort_labels(list(allowed)))), path=path, line=number)
        examples.append(TextExample(text, second, label, number))
    if not examples:
        raise CorpusError(msg("{path} has a header but no examples.", path=path), path=path)
    found = tuple(labels) if labels is not None else sort_labels([e.label for e in examples])
    return ClassificationData(path, tuple(examples), found, header[text_i],
                              header[pair_i] if pair_i is not None else None, header[label_i],
                              layout)


# --------------------------------------------------------------------------- tagging


@dataclass(frozen=True)
class TaggedSentence:
    """The words of one sentence, their tags, and the line the sentence starts on."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class TaggingData:
    """The sentences of one CoNLL file and its tag set (``O`` first, then by type)."""

    path: Path
    sentences: tuple[TaggedSentence, ...]
    labels: tuple[str, ...]
    n_columns: int


def read_conll(path: str | Path, *, word_column: int = 0, tag_column: int = -1,
               labels: Sequence[str] | None = None, label_source: str | None = None,
               limit: int | None = None) -> TaggingData:
    """Read a CoNLL-style token file.

    Each token line holds columns separated by whitespace (by tabs when the
    line has a tab, so a word may contain spaces then); a blank line ends a
    sentence; ``-DOCSTART-`` lines are skipped.  Every token line must have as
    many columns as the first one.

    Parameters
    ----------
    path
        The file (optionally ``.gz``), e.g. CoNLL-2003 ``word POS chunk NER``.
    word_column, tag_column
        0-based column indices (negative counts from the end): by default the
        first column is the word and the last one the tag.
    labels, label_source
        The allowed tags and how to name them in errors (see
        :func:`read_classification_file`).
    limit
        Read only the first ``limit`` sentences.

    Raises
    ------
    CorpusError
        A line with a different number of columns, fewer than two columns,
        an unknown tag, or a file without sentences; the message names the line.
    """
    path = Path(path)
    allowed = set(labels) if labels is not None else None
    source = label_source or msg("the label set")
    n_columns: int | None = None
    first_line = 0
    sentences: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    start = 0

    def close() -> None:
        nonlocal words, tags
        if words:
            sentences.append(TaggedSentence(tuple(words), tuple(tags), start))
        words, tags = [], []

    for number, line in _open_lines(path):
        if limit is not None and len(sentences) >= limit:
            break
        if not line.strip():
            close()
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols]
        if cols[0] == "-DOCSTART-":
            close()
            continue
        if n_columns is None:
            n_columns, first_line = len(cols), number
            if n_columns < 2:
                raise CorpusError(msg("Line {number} of {path} has a single column; a CoNLL "
                                      "file needs a word and a tag on every token line.",
                                      number=number, path=path),
                                  path=path, line=number)
            for name, index in ((msg("word"), word_column), (msg("tag"), tag_column)):
                if not -n_columns <= index < n_columns:
                    raise ParameterError(msg("The {name} column {index} does not exist: line "
                                             "{number} of {path} has {n_columns} columns.",
                                             name=name, index=index, number=number, path=path,
                                             n_columns=n_columns),
                                         path=path, line=number)
        elif len(cols) != n_columns:
            raise CorpusError(
                msg("Line {number} of {path} has {n_cols} columns but line {first_line} has "
                    "{n_columns}; every token line needs the same columns (word ... tag).",
                    number=number, path=path, n_cols=len(cols), first_line=first_line,
                    n_columns=n_columns),
                path=path, line=number)
        word, tag = cols[word_column], cols[tag_column]
        if not word or not tag:
            raise CorpusError(msg("Line {number} of {path} has an empty word or tag.",
                                  number=number, path=path),
                              path=path, line=number)
        if allowed is not None and tag not in allowed:
            raise CorpusError(
                msg("Line {number} of {path}: the tag {tag!r} does not occur in {source} "
                    "({sort_labels}).", number=number, path=path, tag=tag, source=source,
                    sort_labels=', '.join(sort_labels(list(allowed)))), path=path, line=number)
        if not words:
            start = number
        words.append(word)
        tags.append(tag)
    if limit is None or len(sentences) < limit:
        close()
    if not sentences:
        raise CorpusError(msg("{path} contains no tagged sentences.", path=path), path=path)
    found = (tuple(labels) if labels is not None
             else sort_labels([t for s in sentences for t in s.tags]))
    return TaggingData(path, tuple(sentences), found, n_columns or 0)


# --------------------------------------------------------------------------- SQuAD


@dataclass(frozen=True)
class QaAnswer:
    """A gold answer: its text and character offset in the context."""

    text: str
    start: int


@dataclass(frozen=True)
class QaExample:
    """One question about one context (``answers`` is empty when ``is_impossible``)."""

    id: str
    question: str
    context: str
    answers: tuple[QaAnswer, ...]
    is_impossible: bool = False
    title: str = ""


@dataclass(frozen=True)
class QaData:
    """The questions of one SQuAD file; ``version_2`` when any question is impossible."""

    path: Path
    examples: tuple[QaExample, ...]
    version_2: bool


def _fix_answer_start(context: str, text: str, start: int) -> int | None:
    """The offset of ``text`` in ``context`` nearest to ``start`` (``None`` if absent)."""
    if context[start:start + len(text)] == text:
        return start
    best: int | None = None
    pos = context.find(text)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = context.find(text, pos + 1)
    return best


def read_squad(path: str | Path, *, limit: int | None = None,
               require_answers: bool = False) -> QaData:
    """Read a SQuAD-layout JSON file (v1.1, or v2 with ``is_impossible``).

    Parameters
    ----------
    path
        ``{"data": [{"title", "paragraphs": [{"context", "qas": [{"id",
        "question", "answers": [{"text", "answer_start"}], "is_impossible"}]}]}]}``.
    limit
        Read only the first ``limit`` questions.
    require_answers
        Reject answerable questions without answers (training files).

    Raises
    ------
    CorpusError
        Invalid JSON (with its line), a missing field, an empty question or
        context, or an answer that does not occur in its context (naming the
        question id).
    """
    path = Path(path)
    chunks = [line for _, line in _open_lines(path)]
    try:
        doc = json.loads("\n".join(chunks))
    except json.JSONDecodeError as exc:
        raise CorpusError(msg("Line {exc_lineno} of {path} is not valid JSON ({exc_msg}, column "
                              "{exc_colno}).", exc_lineno=exc.lineno, path=path, exc_msg=exc.msg,
                              exc_colno=exc.colno), path=path, line=exc.lineno) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
        raise CorpusError(msg("{path} is not in the SQuAD layout: it needs a top-level \"data\" "
                              "list of articles with \"paragraphs\".", path=path), path=path)
    examples: list[QaExample] = []
    v2 = False
    seen: set[str] = set()
    for a, article in enumerate(doc["data"]):
        title = str(article.get("title", "")) if isinstance(article, dict) else ""
        paragraphs = article.get("paragraphs") if isinstance(article, dict) else None
        if not isinstance(paragraphs, list):
            raise CorpusError(msg("Article {value} ({title!r}) of {path} has no \"paragraphs\" "
                                  "list.", value=a + 1, title=title, path=path), path=path)
        for p, para in enumerate(paragraphs):
            if not isinstance(para, dict) or not isinstance(para.get("context"), str) \
                    or not isinstance(para.get("qas"), list):
                raise CorpusError(msg("Paragraph {value} of article {value2} ({title!r}) in "
                                      "{path} needs a \"context\" string and a \"qas\" list.",
                                      value=p + 1, value2=a + 1, title=title, path=path), path=path)
            context = para["context"]
            if not context.strip():
                raise CorpusError(msg("Paragraph {value} of article {value2} ({title!r}) in "
                                      "{path} has an empty context.", value=p + 1, value2=a + 1,
                                      title=title, path=path), path=path)
            for q in para["qas"]:
                if limit is not None and len(examples) >= limit:
                    break
                qid = str(q.get("id", "")) if isinstance(q, dict) else ""
                where = msg("question {qid!r}", qid=qid) if qid else \
                    msg("a question of paragraph {number}", number=p + 1)
                if not isinstance(q, dict) or not qid:
                    raise CorpusError(msg("In {path}, {where} of article {value} has no \"id\".",
                                          path=path, where=where, value=a + 1),
                                      path=path)
                if qid in seen:
                    raise CorpusError(msg("In {path}, the question id {qid!r} occurs twice.",
                                          path=path, qid=qid),
                                      path=path)
                seen.add(qid)
                question = str(q.get("question", "")).strip()
                if not question:
                    raise CorpusError(msg("In {path}, {where} has an empty question.", path=path,
                                          where=where), path=path)
                impossible = bool(q.get("is_impossible", False))
                v2 = v2 or "is_impossible" in q
                answers: list[QaAnswer] = []
                for ans in ([] if impossible else q.get("answers", [])):
                    try:
                        text, start = str(ans["text"]), int(ans["answer_start"])
                    except (KeyError, TypeError, ValueError):
                        raise CorpusError(msg("In {path}, an answer of {where} needs \"text\" "
                                              "and an integer \"answer_start\".", path=path,
                                              where=where), path=path) from None
                    if not text.strip():
                        raise CorpusError(msg("In {path}, {where} has an empty answer text.",
                                              path=path, where=where),
                                          path=path)
                    fixed = _fix_answer_start(context, text, start)
                    if fixed is None:
                        raise CorpusError(msg("In {path}, the answer {text!r} of {where} does "
                                              "not occur in its context.", path=path, text=text,
                                              where=where), path=path)
                    answers.append(QaAnswer(text, fixed))
                if require_answers and not impossible and not answers:
                    raise CorpusError(msg("In {path}, {where} has no answer and is not marked "
                                          "\"is_impossible\".", path=path, where=where), path=path)
                examples.append(QaExample(qid, question, context, tuple(answers), impossible,
                                          title))
    if not examples:
        raise CorpusError(msg("{path} contains no questions.", path=path), path=path)
    return QaData(path, tuple(examples), v2)


# --------------------------------------------------------------------------- encoding


class Features:
    """A list of feature dicts (plain Python lists), usable as a map-style dataset."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self.items[index]

    def n_tokens(self) -> int:
        """Total number of (unpadded) tokens."""
        return sum(len(item["input_ids"]) for item in self.items)


def _require_fast(tokenizer: PreTrainedTokenizerBase, what: str) -> None:
    if not getattr(tokenizer, "is_fast", False):
        raise ParameterError(msg("{what} needs a fast tokenizer (a tokenizer.json file in the "
                                 "model folder) for its offset mapping; this model has a slow "
                                 "one.", what=what))


def _model_inputs(enc: Any, i: int) -> dict[str, Any]:
    """Compact arrays (int32 ids, int8 masks): a SQuAD-sized set stays in a few hundred MB."""
    import numpy as np

    item = {"input_ids": np.asarray(enc["input_ids"][i], dtype=np.int32),
            "attention_mask": np.asarray(enc["attention_mask"][i], dtype=np.int8)}
    if "token_type_ids" in enc:
        item["token_type_ids"] = np.asarray(enc["token_type_ids"][i], dtype=np.int8)
    return item


def encode_classification(examples: Sequence[TextExample], tokenizer: PreTrainedTokenizerBase,
                          label2id: dict[str, int], max_length: int = 128,
                          token_type_ids: bool | None = None) -> Features:
    """Tokenize texts (or pairs, joined by ``[SEP]``) with their label ids.

    Pairs are truncated longest-first so both texts keep a share of
    ``max_length``.  ``token_type_ids``: ask the tokenizer for segment ids
    (``True`` for BERT models; ``None``: the tokenizer's default).
    """
    if not examples:
        return Features([])
    firsts = [e.text for e in examples]
    pairs = [e.text_pair for e in examples]
    if any(p is not None for p in pairs):
        enc = tokenizer(firsts, [p or "" for p in pairs], truncation="longest_first",
                        max_length=max_length, return_token_type_ids=token_type_ids)
    else:
        enc = tokenizer(firsts, truncation=True, max_length=max_length,
                        return_token_type_ids=token_type_ids)
    items = []
    for i, e in enumerate(examples):
        item = _model_inputs(enc, i)
        item["labels"] = label2id[e.label]
        items.append(item)
    return Features(items)


def align_labels(word_ids: Sequence[int | None], word_labels: Sequence[int]) -> list[int]:
    """Token labels for one sentence: the first sub-token of each word gets the word's label.

    Parameters
    ----------
    word_ids
        For each token, the index of the word it came from (``None`` for
        ``[CLS]``, ``[SEP]``, padding), as ``BatchEncoding.word_ids()`` gives it.
    word_labels
        One label id per word.

    Returns
    -------
    list of int
        One per token: the word's label on its first sub-token,
        :data:`IGNORE_INDEX` (-100) on special tokens and later sub-tokens.
    """
    out: list[int] = []
    previous: int | None = None
    for w in word_ids:
        if w is None:
            out.append(IGNORE_INDEX)
        elif w != previous:
            out.append(word_labels[w])
        else:
            out.append(IGNORE_INDEX)
        previous = w
    return out


@dataclass
class TaggingFeatures:
    """Encoded sentences plus, per sentence, the word index of every token."""

    features: Features
    word_ids: list[list[int | None]] = field(default_factory=list)

    def truncated_words(self, sentences: Sequence[TaggedSentence]) -> int:
        """How many words fell beyond ``max_length`` (they are predicted ``O``)."""
        lost = 0
        for ids, s in zip(self.word_ids, sentences):
            seen = {w for w in ids if w is not None}
            lost += len(s.words) - len(seen)
        return lost


def encode_tagging(sentences: Sequence[TaggedSentence], tokenizer: PreTrainedTokenizerBase,
                   label2id: dict[str, int], max_length: int = 128,
                   token_type_ids: bool | None = None) -> TaggingFeatures:
    """Tokenize pre-split words and align their tags (see :func:`align_labels`)."""
    import numpy as np

    _require_fast(tokenizer, msg("Token tagging"))
    if not sentences:
        return TaggingFeatures(Features([]), [])
    enc = tokenizer([list(s.words) for s in sentences], is_split_into_words=True,
                    truncation=True, max_length=max_length,
                    return_token_type_ids=token_type_ids)
    items, all_ids = [], []
    for i, s in enumerate(sentences):
        ids = enc.word_ids(i)
        item = _model_inputs(enc, i)
        item["labels"] = np.asarray(align_labels(ids, [label2id[t] for t in s.tags]),
                                    dtype=np.int32)
        items.append(item)
        all_ids.append(list(ids))
    return TaggingFeatures(Features(items), all_ids)


def word_level_predictions(word_ids: Sequence[int | None], token_predictions: Sequence[Any],
                           n_words: int, default: Any) -> list[Any]:
    """Read each word's prediction off its first sub-token.

    Words that have no token (cut off by ``max_length``) get ``default``.
    """
    out = [default] * n_words
    previous: int | None = None
    for pos, w in enumerate(word_ids):
        if w is not None and w != previous and pos < len(token_predictions):
            out[w] = token_predictions[pos]
        previous = w
    return out


@dataclass
class QaFeatures:
    """Windows of (question, context) pairs.

    Attributes
    ----------
    features
        Model inputs; in training mode also ``start_positions`` and
        ``end_positions`` (both 0, the ``[CLS]`` token, when the window does
        not contain the whole answer or the question has none).
    example_index
        For each window, the index of its example.
    offsets
        For each window and token, the ``(start, end)`` character span in the
        context, or ``None`` for question and special tokens.
    """

    features: Features
    example_index: list[int]
    offsets: list[list[tuple[int, int] | None]]


def prepare_qa_features(examples: Sequence[QaExample], tokenizer: PreTrainedTokenizerBase,
                        max_length: int = 384, doc_stride: int = 128,
                        training: bool = True, token_type_ids: bool | None = None
                        ) -> QaFeatures:
    """Tokenize questions with their contexts, cutting long contexts into windows.

    Parameters
    ----------
    examples
        The questions.
    tokenizer
        A fast tokenizer (for the offset mapping).
    max_length
        Tokens per window: ``[CLS] question [SEP] context part [SEP]``.
    doc_stride
        How many context tokens consecutive windows share (Hugging Face's
        ``stride``).  It must be smaller than the room left for the context.
    training
        Add ``start_positions``/``end_positions`` of the first gold answer.
    token_type_ids
        Ask the tokenizer for segment ids (``None``: its default).
    """
    _require_fast(tokenizer, msg("Question answering"))
    if not examples:
        return QaFeatures(Features([]), [], [])
    pad_right = getattr(tokenizer, "padding_side", "right") == "right"
    if not pad_right:
        raise ParameterError(msg("Question answering expects a tokenizer that pads on the right."))
    questions = [e.question.lstrip() for e in examples]
    contexts = [e.context for e in examples]
    # tokenizers panics (not a Python error) when the stride leaves no room: check first.
    q_lens = [len(ids) for ids in tokenizer(questions, add_special_tokens=False)["input_ids"]]
    longest = max(q_lens)
    room = max_length - longest - tokenizer.num_special_tokens_to_add(pair=True)
    if doc_stride < 0 or room <= doc_stride:
        worst = examples[q_lens.index(longest)].id
        raise ParameterError(
            msg("Windows of {max_length} tokens leave {max} tokens for the context after the "
                "longest question ({worst!r}, {longest} tokens), which is not more than the "
                "document stride of {doc_stride}: raise the maximum length or lower the stride.",
                max_length=max_length, max=max(room, 0), worst=worst, longest=longest,
                doc_stride=doc_stride))
    try:
        enc = tokenizer(questions, contexts, truncation="only_second", max_length=max_length,
                        stride=doc_stride, return_overflowing_tokens=True,
                        return_offsets_mapping=True, return_token_type_ids=token_type_ids)
    except Exception as exc:  # tokenizers raises plain exceptions for impossible truncation
        raise ParameterError(
            msg("Questions and contexts cannot be cut into windows of {max_length} tokens with "
                "a document stride of {doc_stride} (the longest question takes {longest} "
                "tokens): raise the maximum length or lower the stride ({exc}).",
                max_length=max_length, doc_stride=doc_stride, longest=longest, exc=exc)) from exc
    sample_map = enc["overflow_to_sample_mapping"]
    items: list[dict[str, Any]] = []
    example_index: list[int] = []
    all_offsets: list[list[tuple[int, int] | None]] = []
    for i in range(len(enc["input_ids"])):
        ex_i = int(sample_map[i])
        seq_ids = enc.sequence_ids(i)
        offsets = [tuple(o) if s == 1 else None for o, s in zip(enc["offset_mapping"][i], seq_ids)]
        item = _model_inputs(enc, i)
        if training:
            start_pos = end_pos = 0
            ex = examples[ex_i]
            if ex.answers and not ex.is_impossible:
                a_start = ex.answers[0].start
                a_end = a_start + len(ex.answers[0].text)
                ctx = [k for k, o in enumerate(offsets) if o is not None]
                if ctx and offsets[ctx[0]][0] <= a_start and offsets[ctx[-1]][1] >= a_end:  # type: ignore[index]
                    s = ctx[0]
                    while s <= ctx[-1] and offsets[s][1] <= a_start:  # type: ignore[index]
                        s += 1
                    e = ctx[-1]
                    while e >= ctx[0] and offsets[e][0] >= a_end:  # type: ignore[index]
                        e -= 1
                    if s <= e:
                        start_pos, end_pos = s, e
            item["start_positions"] = start_pos
            item["end_positions"] = end_pos
        items.append(item)
        example_index.append(ex_i)
        all_offsets.append(offsets)  # type: ignore[arg-type]
    return QaFeatures(Features(items), example_index, all_offsets)


@dataclass(frozen=True)
class QaPrediction:
    """The chosen answer of one question.

    ``text`` is ``""`` for "no answer"; ``start``/``end`` are character offsets
    in the context (-1 for no answer); ``confidence`` is the softmax
    probability of the chosen candidate among the n-best candidates (and the
    null answer, for SQuAD v2).
    """

    id: str
    text: str
    start: int
    end: int
    score: float
    confidence: float


def postprocess_qa(examples: Sequence[QaExample], features: QaFeatures,
                   start_logits: Sequence[Sequence[float]], end_logits: Sequence[Sequence[float]],
                   n_best: int = 20, max_answer_length: int = 30,
                   allow_no_answer: bool = False, null_threshold: float = 0.0
                   ) -> list[QaPrediction]:
    """Pick the best valid answer span of every question over all its windows.

    A span is valid when both ends lie in the context part of a window, the end
    is not before the start, and it is at most ``max_answer_length`` tokens
    long.  Its score is ``start_logit + end_logit``; only the ``n_best``
    highest start and end logits of each window are combined.  With
    ``allow_no_answer`` (SQuAD v2), the answer is empty when the best null
    score (``[CLS]`` start + end, smallest over windows) beats the best span's
    score by more than ``null_threshold``.

    Parameters
    ----------
    start_logits, end_logits
        One row per window (rows may be padded longer than the window).

    Returns
    -------
    list of QaPrediction
        One per example, in order.
    """
    import numpy as np

    by_example: dict[int, list[int]] = {}
    for f, ex_i in enumerate(features.example_index):
        by_example.setdefault(ex_i, []).append(f)
    out: list[QaPrediction] = []
    for ex_i, ex in enumerate(examples):
        candidates: list[tuple[float, int, int]] = []
        null_score: float | None = None
        for f in by_example.get(ex_i, []):
            offsets = features.offsets[f]
            s_log = np.asarray(start_logits[f], dtype=np.float64)[:len(offsets)]
            e_log = np.asarray(end_logits[f], dtype=np.float64)[:len(offsets)]
            cls = float(s_log[0] + e_log[0])
            null_score = cls if null_score is None else min(null_score, cls)
            starts = np.argsort(-s_log, kind="stable")[:n_best]
            ends = np.argsort(-e_log, kind="stable")[:n_best]
            for s in starts:
                if offsets[s] is None:
                    continue
                for e in ends:
                    if offsets[e] is None or e < s or e - s + 1 > max_answer_length:
                        continue
                    candidates.append((float(s_log[s] + e_log[e]), offsets[s][0],  # type: ignore[index]
                                       offsets[e][1]))  # type: ignore[index]
        candidates.sort(key=lambda c: -c[0])
        candidates = candidates[:n_best]
        scores = [c[0] for c in candidates]
        if allow_no_answer and null_score is not None:
            scores.append(null_score)
        if not scores:
            out.append(QaPrediction(ex.id, "", -1, -1, float("-inf"), 0.0))
            continue
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        if candidates and not (allow_no_answer and null_score is not None
                               and null_score > candidates[0][0] + null_threshold):
            score, start, end = candidates[0]
            out.append(QaPrediction(ex.id, ex.context[start:end], start, end, score,
                                    weights[0] / total))
        else:
            conf = weights[-1] / total if allow_no_answer and null_score is not None else 0.0
            out.append(QaPrediction(ex.id, "", -1, -1, null_score if null_score is not None
                                    else float("-inf"), conf))
    return out


# --------------------------------------------------------------------------- batching


class PaddingCollator:
    """Pad a list of feature dicts into a batch of ``int64`` tensors.

    ``input_ids`` are padded with the tokenizer's pad id, ``attention_mask``
    and ``token_type_ids`` with 0, sequence ``labels`` with -100; scalar
    labels and ``start_positions``/``end_positions`` are stacked.  Values may
    be lists or numpy arrays.  Keys not listed are dropped.

    Parameters
    ----------
    pad_token_id
        The tokenizer's ``pad_token_id``.
    pad_to_multiple_of
        Round the padded length up (8 helps tensor cores on GPUs).
    """

    _KEYS = ("input_ids", "attention_mask", "token_type_ids", "labels", "start_positions",
             "end_positions")

    def __init__(self, pad_token_id: int, pad_to_multiple_of: int | None = None) -> None:
        self.pad_token_id = int(pad_token_id)
        self.pad_to_multiple_of = pad_to_multiple_of

    def __call__(self, features: Sequence[dict[str, Any]]) -> dict[str, Any]:
        import numpy as np
        import torch

        length = max(len(f["input_ids"]) for f in features)
        if self.pad_to_multiple_of:
            m = self.pad_to_multiple_of
            length = (length + m - 1) // m * m
        batch: dict[str, Any] = {}
        for key in self._KEYS:
            if key not in features[0]:
                continue
            values = [f[key] for f in features]
            if np.ndim(values[0]) == 0:
                batch[key] = torch.tensor(np.asarray(values, dtype=np.int64))
                continue
            pad = {"input_ids": self.pad_token_id, "labels": IGNORE_INDEX}.get(key, 0)
            rows = np.full((len(values), length), pad, dtype=np.int64)
            for j, v in enumerate(values):
                rows[j, :len(v)] = v
            batch[key] = torch.from_numpy(rows)
        return batch
