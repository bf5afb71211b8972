"""Contextual vectors of one word: every occurrence gets its own vector per layer.

A static model gives *bank* one vector; an encoder gives each occurrence of
*bank* a vector shaped by its sentence.  This module finds occurrences
(:func:`find_occurrences`, over lines streamed by :func:`corpus_lines`) and
extracts their vectors at every layer (:func:`word_vectors`).

Matching
========
:func:`find_occurrences` matches whole words: the word must not touch another
letter, digit or underscore on either side (Unicode-aware, so *café* and
*Straße* work), case-insensitively when ``lowercase`` is true.  Words written
in Chinese, Japanese or Korean characters are matched as plain substrings,
because those scripts do not put spaces between words.

Extraction
==========
Each sentence is tokenized with character offsets; the word's pieces are the
tokens whose span overlaps the word's ``[start, end)``, and their hidden
states are averaged, per layer (``output_hidden_states=True``: the embedding
layer's output and every transformer layer).  Identical token sequences are
run once; the rest are sorted by length and batched, so a batch pads only to
its own longest sequence.  A sentence longer than the model's maximum is
replaced by a window of its text centred on the word (counted in
:attr:`WordVectors.truncated`).  Occurrences whose span yields no token
(whitespace, characters the tokenizer drops) are skipped and counted in
:attr:`WordVectors.skipped`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.errors import ParameterError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Cancelled, Progress, ScaledProgress

if TYPE_CHECKING:
    from workbench.core.corpus.reader import ReaderOptions
    from workbench.core.inspect.model import InspectModel

__all__ = ["LAYER_SPECS", "Occurrence", "WordVectors", "corpus_lines", "find_occurrences",
           "forward_hidden_states", "is_cjk", "similar_words", "word_pattern", "word_vectors",
           "words_in"]

#: The named layer choices :meth:`WordVectors.layer` understands (plus ints and lists).
LAYER_SPECS = ("last", "mean-last-4", "mean-all", "first")

_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_CHECK_EVERY = 1000           # lines between cancel checks / progress reports


# --------------------------------------------------------------------------- occurrences

@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a word in a text.

    Attributes
    ----------
    text
        The sentence (or line) holding the word.
    start, end
        Character span of the word in ``text``.
    source
        Where the text came from (``"file.txt:12"``), for display.
    label
        The gold sense, when known (CoarseWSD-20).
    """

    text: str
    start: int
    end: int
    source: str = ""
    label: str | None = None

    @property
    def word(self) -> str:
        """The word as written in :attr:`text`."""
        return self.text[self.start:self.end]


def is_cjk(text: str) -> bool:
    """Whether ``text`` contains Chinese, Japanese or Korean characters."""
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL")):
            return True
    return False


def word_pattern(word: str, *, lowercase: bool = True) -> re.Pattern[str]:
    """The compiled pattern :func:`find_occurrences` uses for ``word``.

    Whole word (no letter, digit or underscore directly before or after; the
    check is Unicode-aware), case-insensitive when ``lowercase`` is true; a
    plain substring for words in CJK scripts.
    """
    word = word.strip()
    if not word:
        raise ParameterError(msg("Type a word to look for: the word is empty."))
    flags = re.IGNORECASE if lowercase else 0
    if is_cjk(word):
        return re.compile(re.escape(word), flags)
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", flags)


def find_occurrences(lines: Iterable[str | tuple[str, str]], word: str, *, limit: int = 500,
                     lowercase: bool = True, source: str = "",
                     progress: Progress = NULL_PROGRESS,
                     count_all: bool = True) -> tuple[list[Occurrence], int]:
    """Whole-word occurrences of ``word`` in ``lines``.

    Parameters
    ----------
    lines
        Texts, or ``(text, source)`` pairs as :func:`corpus_lines` yields.
    word
        The word (see :func:`word_pattern` for how it matches).
    limit
        Keep the first ``limit`` occurrences.
    lowercase
        Match regardless of case.
    source
        For plain-text ``lines``: each occurrence's source is ``"source:N"``
        (``N`` the 1-based line number), or ``"line N"`` without it.
    progress
        Reports the number of lines read (fraction unknown); cancellation is
        checked every 1,000 lines (:class:`Cancelled` carries the occurrences
        found so far).
    count_all
        Read every line to count all occurrences (the second value); when
        false, stop at the ``limit``-th.

    Returns
    -------
    occurrences, total
        The first ``limit`` occurrences, and how many were seen in all.
    """
    if limit < 0:
        raise ParameterError(msg("The occurrence limit must be 0 or more, not {limit}.",
                                 limit=limit))
    pattern = word_pattern(word, lowercase=lowercase)
    found: list[Occurrence] = []
    total = 0
    for i, item in enumerate(lines, 1):
        if isinstance(item, tuple):
            text, where = item
        else:
            text, where = item, (f"{source}:{i}" if source else f"line {i}")
        if i % _CHECK_EVERY == 0:
            if progress.cancelled:
                raise Cancelled((found, total))
            progress.report(None, msg("Read {i:,} lines, found {total:,} occurrences of '{word}'",
                                      i=i, total=total, word=word))
        if not text:
            continue
        for m in pattern.finditer(text):
            total += 1
            if len(found) < limit:
                found.append(Occurrence(text, m.start(), m.end(), where))
        if not count_all and len(found) >= limit:
            break
    return found, total


def corpus_lines(path: str | Path | Sequence[str | Path],
                 reader_options: ReaderOptions | None = None, *,
                 progress: Progress = NULL_PROGRESS) -> Iterator[tuple[str, str]]:
    """Stream ``(line, "file:N")`` from a corpus file or folder, one line at a time.

    Uses :class:`workbench.core.corpus.Corpus` (every format it reads:
    compressed files, zip archives, JSON lines, CSV columns, folders).  Blank
    lines are skipped; ``N`` counts every line of the file, blank ones
    included (for zip archives, lines across all members; lines longer than
    the reader's ``max_line_chars`` count once per piece).

    Raises
    ------
    CorpusError
        When a path does not exist or cannot be read (from ``Corpus.open``).
    """
    from workbench.core.corpus.reader import Corpus, ReaderOptions

    options = reader_options if reader_options is not None else ReaderOptions()
    corpus = Corpus.open(path, options)
    total = max(corpus.total_bytes, 1)
    done = 0
    multi = len(corpus.paths) > 1
    for file in corpus.paths:
        size = file.stat().st_size
        one = Corpus([file], options)
        name = str(file) if multi else file.name
        sub = ScaledProgress(progress, done / total, (done + size) / total)
        for n, line in enumerate(one.lines(sub), 1):
            if line.strip():
                yield line, f"{name}:{n}"
        done += size


def words_in(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` as ``(word, start, end)``: runs of letters/digits (with inner ' and -)."""
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def similar_words(lines: Iterable[str | tuple[str, str]], word: str, *, n: int = 5,
                  max_lines: int | None = 200_000,
                  progress: Progress = NULL_PROGRESS) -> list[str]:
    """Words that do occur in ``lines`` and look like ``word`` (for "not found" messages).

    Words sharing ``word``'s first letters (longest shared prefix first, then
    frequency) come before close spellings by :func:`difflib.get_close_matches`.
    Reads at most ``max_lines`` lines.
    """
    target = word.strip().lower()
    if not target:
        return []
    counts: Counter[str] = Counter()
    cjk = is_cjk(target)
    for i, item in enumerate(lines, 1):
        text = item[0] if isinstance(item, tuple) else item
        if i % _CHECK_EVERY == 0:
            progress.raise_if_cancelled()
        if cjk:
            counts.update(ch for ch in text.lower() if ch in target)
        else:
            counts.update(w.lower() for w, _, _ in words_in(text))
        if max_lines is not None and i >= max_lines:
            break
    counts.pop(target, None)
    if not counts:
        return []
    out: list[str] = []
    for size in range(min(len(target), 6), 2, -1):
        prefix = target[:size]
        hits = sorted((w for w in counts if w.startswith(prefix) and w not in out),
                      key=lambda w: (-counts[w], w))
        out.extend(hits[: n - len(out)])
        if len(out) >= n:
            return out
    frequent = [w for w, _ in counts.most_common(50_000)]
    for w in difflib.get_close_matches(target, frequent, n=n, cutoff=0.6):
        if w not in out:
            out.append(w)
    return out[:n]


# --------------------------------------------------------------------------- vectors

@dataclass(frozen=True)
class WordVectors:
    """Contextual vectors of a word's occurrences.

    Attributes
    ----------
    occurrences
        The occurrences that got a vector (skipped ones are left out).
    vectors
        float32 ``(n_occ, layers + 1, hidden)``: row 0 of the second axis is
        the embedding layer's output, row ``i`` the output of layer ``i``;
        a word split into several pieces is their average.
    pieces
        The tokens each occurrence was split into (``["em", "##bed", "##ding"]``).
    truncated
        How many occurrences came from a sentence longer than the model's
        maximum (a window of text centred on the word was used).
    skipped
        How many occurrences were dropped because their span held no token.
    """

    occurrences: list[Occurrence]
    vectors: np.ndarray
    pieces: list[list[str]]
    truncated: int = 0
    skipped: int = 0

    def __len__(self) -> int:
        return len(self.occurrences)

    @property
    def num_layers(self) -> int:
        """Transformer layers (the embedding output is layer 0 and not counted)."""
        return int(self.vectors.shape[1]) - 1

    def layer_indices(self, spec: int | str | Sequence[int]) -> list[int]:
        """The rows of the layer axis that ``spec`` averages (see :meth:`layer`)."""
        n = int(self.vectors.shape[1])
        if isinstance(spec, str):
            s = spec.strip().lower()
            if s == "last":
                return [n - 1]
            if s == "first":
                return [min(1, n - 1)]
            if s == "mean-all":
                return list(range(n))
            m = re.fullmatch(r"mean-last-(\d+)", s)
            if m:
                k = int(m.group(1))
                if k < 1:
                    raise ParameterError(msg("Layer choice {spec!r}: average at least one layer.",
                                             spec=spec))
                return list(range(max(n - k, 1 if n > 1 else 0), n))
            if re.fullmatch(r"-?\d+", s):
                return self.layer_indices(int(s))
            raise ParameterError(
                msg("Unknown layer choice {spec!r}; use a layer number (0 = embeddings, {value} "
                    "= last), 'last', 'mean-last-4', 'mean-all' or a list of layers.", spec=spec,
                    value=n - 1))
        if isinstance(spec, (int, np.integer)):
            i = int(spec)
            if not -n <= i < n:
                raise ParameterError(msg("Layer {i} does not exist: this model has layers 0 "
                                         "(embeddings) to {value}.", i=i, value=n - 1))
            return [i % n]
        layers = [int(x) for x in spec]
        if not layers:
            raise ParameterError(msg("Choose at least one layer to average."))
        return [self.layer_indices(i)[0] for i in layers]

    def layer(self, spec: int | str | Sequence[int]) -> np.ndarray:
        """``(n_occ, hidden)`` vectors of one layer or an average of layers.

        Parameters
        ----------
        spec
            An int (0 = embedding output, ``num_layers`` = last; negative
            counts from the end), ``"last"``, ``"first"`` (layer 1),
            ``"mean-last-4"`` (the last four transformer layers; any
            ``"mean-last-N"``), ``"mean-all"`` (every row, embedding output
            included), or a list of layers to average.
        """
        rows = self.layer_indices(spec)
        if len(rows) == 1:
            return self.vectors[:, rows[0], :]
        return self.vectors[:, rows, :].mean(axis=1, dtype=np.float64).astype(np.float32)


@dataclass
class _Sequence:
    """One token sequence to run, shared by the occurrences that produce it."""

    ids: list[int]
    members: list[tuple[int, list[int]]] = field(default_factory=list)  # (occurrence, positions)


def _pieces_in(offsets: Sequence[tuple[int, int]], special: Sequence[int], start: int,
               end: int) -> list[int]:
    """Token positions whose character span overlaps ``[start, end)``."""
    return [i for i, ((a, b), s) in enumerate(zip(offsets, special))
            if not s and b > a and a < end and b > start]


def _tokenize_all(tok: Any, texts: Sequence[str]) -> list[Any]:
    """Tokenize ``texts`` with offsets and special tokens (one batch call, in Rust)."""
    if not texts:
        return []
    enc = tok(list(texts), add_special_tokens=True, truncation=False, verbose=False,
              return_offsets_mapping=True, return_special_tokens_mask=True)
    return [(enc["input_ids"][i], enc["offset_mapping"][i], enc["special_tokens_mask"][i])
            for i in range(len(texts))]


def _window(tok: Any, text: str, start: int, end: int, offsets: Sequence[tuple[int, int]],
            special: Sequence[int], max_length: int) -> tuple[list[int], list[int]] | None:
    """Tokenize a window of ``text`` centred on ``[start, end)`` that fits ``max_length``.

    Returns ``(ids, piece positions)`` or ``None`` when the word has no piece.
    """
    content = [i for i, s in enumerate(special) if not s]
    spans = [offsets[i] for i in content]
    word = [j for j, (a, b) in enumerate(spans) if b > a and a < end and b > start]
    if not word:
        return None
    n_special = len(special) - len(content)
    budget = max_length - n_special
    while budget > 0:
        centre = (word[0] + word[-1]) // 2
        lo = max(0, min(centre - budget // 2, len(spans) - budget))
        hi = min(len(spans), lo + budget)
        # never cut a word in two: a window starts and ends at word boundaries
        while 0 < lo < word[0] and spans[lo - 1][1] == spans[lo][0]:
            lo += 1
        while word[-1] + 1 < hi < len(spans) and spans[hi - 1][1] == spans[hi][0]:
            hi -= 1
        c0 = min(spans[lo][0], start)
        c1 = max(spans[hi - 1][1], end)
        sub = text[c0:c1]
        enc = tok(sub, add_special_tokens=True, truncation=False, verbose=False,
                  return_offsets_mapping=True, return_special_tokens_mask=True)
        ids = list(enc["input_ids"])
        if len(ids) <= max_length:
            pos = _pieces_in(enc["offset_mapping"], enc["special_tokens_mask"],
                             start - c0, end - c0)
            return (ids, pos) if pos else None
        budget -= len(ids) - max_length
    return None


def _plan(model: InspectModel, occurrences: Sequence[Occurrence]
          ) -> tuple[list[_Sequence], list[list[str]], int, list[int]]:
    """Token sequences to run, pieces per occurrence, truncated count, skipped occurrences."""
    tok = model.tokenizer
    max_length = model.max_length
    texts = list(dict.fromkeys(o.text for o in occurrences))
    encoded = dict(zip(texts, _tokenize_all(tok, texts)))
    sequences: dict[tuple[int, ...], _Sequence] = {}
    pieces: list[list[str]] = [[] for _ in occurrences]
    truncated = 0
    skipped: list[int] = []
    for k, occ in enumerate(occurrences):
        ids, offsets, special = encoded[occ.text]
        if len(ids) <= max_length:
            pos = _pieces_in(offsets, special, occ.start, occ.end)
            ids = list(ids)
        else:
            got = _window(tok, occ.text, occ.start, occ.end, offsets, special, max_length)
            if got is not None:
                truncated += 1
                ids, pos = got
            else:
                pos = []
        if not pos:
            skipped.append(k)
            continue
        key = tuple(ids)
        seq = sequences.get(key)
        if seq is None:
            seq = sequences[key] = _Sequence(list(ids))
        seq.members.append((k, pos))
        pieces[k] = tok.convert_ids_to_tokens([ids[p] for p in pos])
    return list(sequences.values()), pieces, truncated, skipped


def forward_hidden_states(model: InspectModel, sequences: Sequence[Sequence[int]], *,
                          positions: Sequence[Sequence[int]] | None = None,
                          batch_size: int = 32, progress: Progress = NULL_PROGRESS,
                          message: str = "Contextual vectors"
                          ) -> Iterator[tuple[int, np.ndarray]]:
    """Run token sequences through the encoder; yield ``(index, hidden)`` per sequence.

    ``hidden`` is float32 ``(layers + 1, tokens, hidden_size)``: every token of
    the sequence, or only ``positions[index]`` when ``positions`` is given
    (in that order; only those are copied off the model).  Sequences are
    sorted by length and batched (padding only to each batch's longest),
    under ``torch.inference_mode()`` with :attr:`InspectModel.lock` held per
    batch (not while the caller handles the results).  Progress and
    cancellation once per batch.
    """
    import torch

    if batch_size < 1:
        raise ParameterError(msg("The batch size must be 1 or more, not {batch_size}.",
                                 batch_size=batch_size))
    order = sorted(range(len(sequences)), key=lambda i: (len(sequences[i]), i))
    pad = model.tokenizer.pad_token_id
    pad = 0 if pad is None else int(pad)
    encoder = model.encoder
    device = model.device
    n = len(order)
    done = 0
    progress.report(0.0, msg("{message}: 0 of {n:,} sentences", message=message, n=n))
    for b in range(0, n, batch_size):
        progress.raise_if_cancelled()
        batch = order[b:b + batch_size]
        width = max(len(sequences[i]) for i in batch)
        ids = torch.full((len(batch), width), pad, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, i in enumerate(batch):
            seq = sequences[i]
            ids[row, :len(seq)] = torch.as_tensor(list(seq), dtype=torch.long)
            mask[row, :len(seq)] = 1
        results: list[np.ndarray] = []
        with model.lock, torch.inference_mode():
            out = encoder(input_ids=ids.to(device), attention_mask=mask.to(device),
                          output_hidden_states=True, return_dict=True)
            states = out.hidden_states                           # (L+1) x (B, T, H)
            for row, i in enumerate(batch):
                if positions is None:
                    picked = [h[row, :len(sequences[i])] for h in states]
                else:
                    idx = torch.as_tensor(list(positions[i]), dtype=torch.long,
                                          device=states[0].device)
                    picked = [h[row].index_select(0, idx) for h in states]
                results.append(torch.stack(picked).float().cpu().numpy())
            del out, states
        for i, hidden in zip(batch, results):
            yield i, hidden
        done += len(batch)
        progress.report(done / n, msg("{message}: {done:,} of {n:,} sentences", message=message,
                                      done=done, n=n))


def word_vectors(model: InspectModel, occurrences: Sequence[Occurrence], *,
                 batch_size: int = 32, progress: Progress = NULL_PROGRESS) -> WordVectors:
    """Contextual vectors of every occurrence at every layer.

    Parameters
    ----------
    model
        A model from :func:`~workbench.core.inspect.model.load_for_inspection`.
    occurrences
        Where the word occurs (from :func:`find_occurrences`,
        :func:`~workbench.core.inspect.coarsewsd.load_coarsewsd` or typed
        sentences).
    batch_size
        Sentences per forward pass.
    progress
        One report and one cancel check per batch; :class:`Cancelled` carries
        a :class:`WordVectors` of the occurrences finished so far.

    Returns
    -------
    WordVectors
        The occurrences that yielded at least one token, in their given order.
    """
    occurrences = list(occurrences)
    for o in occurrences:
        if not (0 <= o.start < o.end <= len(o.text)):
            raise ParameterError(msg("The occurrence span [{o_start}, {o_end}) does not fit its "
                                     "text of {n_o_text} characters ({value!r}).", o_start=o.start,
                                     o_end=o.end, n_o_text=len(o.text),
                                     value=o.source or o.text[:40]))
    layers = model.num_layers + 1
    hidden = model.hidden_size
    plan, pieces, truncated, skipped = _plan(model, occurrences)
    out = np.zeros((len(occurrences), layers, hidden), dtype=np.float32)
    filled = np.zeros(len(occurrences), dtype=bool)

    def result(keep: np.ndarray) -> WordVectors:
        rows = np.flatnonzero(keep)
        return WordVectors([occurrences[i] for i in rows], out[rows],
                           [pieces[i] for i in rows], truncated, len(skipped))

    # only the word pieces' hidden states leave the model: their union per sequence
    wanted = [sorted({p for _, pos in seq.members for p in pos}) for seq in plan]
    try:
        for i, states in forward_hidden_states(model, [s.ids for s in plan], positions=wanted,
                                               batch_size=batch_size, progress=progress):
            where = {p: j for j, p in enumerate(wanted[i])}
            for k, pos in plan[i].members:
                out[k] = states[:, [where[p] for p in pos], :].mean(axis=1)
                filled[k] = True
    except Cancelled as exc:
        raise Cancelled(result(filled)) from exc
    return result(filled)
