"""Pretraining data for BERT: documents, MLM + NSP examples and the masking collator.

The path from text to batches::

    read_documents(path)                 -> [[sentence, ...], ...]   (one list per document)
    build_pretraining_examples(docs, tok) -> PretrainingExamples     (token ids, NSP labels)
    MlmCollator(tok, MaskingSettings())  -> batches with MLM labels  (dynamic masking, padding)

Documents are runs of non-empty lines separated by blank lines (and every
file ends a document); each line is a sentence, or is split into sentences
at ``. ! ?`` with ``split_sentences=True`` (WikiText holds one paragraph per
line).

**Next-sentence pairs.**  With ``nsp=True`` every example is ``[CLS] A [SEP]
B [SEP]``: A is one or more consecutive sentences of a document; B is, with
probability ``1 - nsp_prob``, the sentences that follow A in the same
document (label 0, "is next") and otherwise sentences taken from a random
*other* document (label 1), as in the original BERT.  When a document has
only one sentence left, its example can only be a random pair; the next free
draw then goes the other way, so the share of random pairs stays at
``nsp_prob`` over the whole corpus.  Pairs longer than ``seq_len`` lose
tokens from the longer side, at its front or back at random.  With
``nsp=False`` the token stream of the corpus is cut into full sequences of
``seq_len`` (a sentence that does not fit continues in the next sequence;
documents are separated by ``[SEP]``), so there is no padding except in the
last sequence.

**Masking** happens in the collator, per batch (dynamic masking): a share
``ratio`` of the tokens that are not special tokens or padding is selected;
of those, ``mask_fraction`` become ``[MASK]``, ``random_fraction`` a random
non-special token and the rest stay as they are.  With a ``seed`` and
examples that carry their ``example_id`` (``PretrainingExamples`` items do),
an example's mask is a function of (seed, epoch, example id) only (a
SplitMix64 hash per token position), so a resumed run, another batch size
or another number of processes mask exactly as the uninterrupted run would.

Nothing here imports torch at module level: ``PretrainingExamples`` is a
map-style dataset (``__len__`` and ``__getitem__``, which is all
``torch.utils.data.DataLoader`` needs) and the collator imports torch when
it is called.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.core.errors import CorpusError, ParameterError
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress

if TYPE_CHECKING:

    from workbench.core.corpus.reader import Corpus, ReaderOptions

__all__ = [
    "ExampleSource",
    "MaskingSettings",
    "MaskingStats",
    "MlmCollator",
    "PretrainingExamples",
    "build_pretraining_examples",
    "read_documents",
    "special_token_ids",
    "split_into_sentences",
]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")
_TOKENIZE_BATCH = 4096


# --------------------------------------------------------------------------- documents
def split_into_sentences(line: str) -> list[str]:
    """Split a line after ``. ! ?`` (followed by a space) and after ``。！？``.

    A simple rule, not a linguistic sentence splitter: "Dr. Smith" is split
    too.  Empty pieces are dropped.
    """
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def read_documents(source: str | Path | Corpus | Iterable[str], *,
                   one_per_file: bool = False, split_sentences: bool = False,
                   options: ReaderOptions | None = None,
                   progress: Progress = NULL_PROGRESS) -> list[list[str]]:
    """Read a corpus as documents made of sentences.

    Parameters
    ----------
    source
        A file or folder (read with :class:`~workbench.core.corpus.reader.Corpus`,
        so compressed files, zip archives, JSON lines and CSV work), a
        ``Corpus``, or an iterable of lines (one file).
    one_per_file
        Each file is one document and blank lines are ignored (for folders of
        one text per file).  Otherwise a blank line ends a document, and so
        does the end of every file.
    split_sentences
        Split lines into sentences (:func:`split_into_sentences`); otherwise
        each line is one sentence.
    options
        Reader options for a path.
    progress
        Reading progress and cancellation (per block of the files).

    Returns
    -------
    list of list of str
        The non-empty documents, each a list of sentences (stripped lines).

    Raises
    ------
    CorpusError
        The files cannot be read or hold no text at all.
    """
    from workbench.core.corpus.reader import Corpus, ReaderOptions

    streams: list[Iterator[str]]
    name: str
    if isinstance(source, (str, Path)):
        corpus = Corpus.open(source, options or ReaderOptions())
        streams = _file_streams(corpus, progress)
        name = corpus.display_name
    elif isinstance(source, Corpus):
        streams = _file_streams(source, progress)
        name = source.display_name
    else:
        streams = [iter(source)]
        name = msg("the given lines")
    documents: list[list[str]] = []
    for lines in streams:
        current: list[str] = []
        for raw in lines:
            line = raw.strip()
            if not line:
                if current and not one_per_file:
                    documents.append(current)
                    current = []
                continue
            if split_sentences:
                current.extend(split_into_sentences(line))
            else:
                current.append(line)
        if current:
            documents.append(current)
    if not documents:
        raise CorpusError(msg("{name} holds no text (only empty lines).", name=name))
    return documents


def _file_streams(corpus: Corpus, progress: Progress) -> list[Iterator[str]]:
    """One line iterator per file of ``corpus`` (so a file's end ends a document)."""
    from workbench.core.corpus.reader import Corpus
    from workbench.core.tasks import scaled

    total = max(corpus.total_bytes, 1)
    streams: list[Iterator[str]] = []
    done = 0
    for path in corpus.paths:
        size = path.stat().st_size
        single = Corpus([path], corpus.options)
        sub = scaled(progress, done / total, (done + size) / total)
        streams.append(single.lines(sub))
        done += size
    return streams


# --------------------------------------------------------------------------- examples
def special_token_ids(tokenizer: Any) -> dict[str, int]:
    """The ids of ``[CLS] [SEP] [PAD] [MASK] [UNK]`` in ``tokenizer``.

    Raises
    ------
    ParameterError
        One of them is missing (the tokenizer is not a BERT WordPiece one).
    """
    ids: dict[str, int] = {}
    for name in ("cls", "sep", "pad", "mask", "unk"):
        value = getattr(tokenizer, f"{name}_token_id", None)
        if value is None:
            raise ParameterError(
                msg("The tokenizer has no {upper} token; BERT pretraining needs [CLS], [SEP], "
                    "[PAD], [MASK] and [UNK] (train a WordPiece tokenizer).", upper=name.upper()))
        ids[name] = int(value)
    return ids


@dataclass(frozen=True)
class ExampleSource:
    """Where the two segments of one example come from.

    Segments are the sentences of :func:`read_documents` (a sentence longer
    than the sequence allows is cut into several consecutive segments;
    :attr:`PretrainingExamples.segment_sentence` maps a segment back to its
    sentence).  ``segments_a``/``segments_b`` are ranges of segment indices
    within their document; tokens may be trimmed at either end of each
    segment run when the pair is too long.
    """

    document_a: int
    segments_a: range
    document_b: int
    segments_b: range
    is_random_next: bool


class PretrainingExamples:
    """Tokenized pretraining examples (a map-style dataset for ``DataLoader``/``Trainer``).

    Item ``i`` is a dict of int64 numpy arrays ``input_ids``,
    ``token_type_ids``, ``attention_mask`` (unpadded: the collator pads to the
    longest sequence of each batch), the int ``example_id`` (``i``'s index in
    the examples this set was cut from) and, with NSP,
    ``next_sentence_label`` (0: B follows A, 1: B is random).

    Built by :func:`build_pretraining_examples`; :meth:`subset` cuts
    train/eval slices.
    """

    def __init__(self, ids: np.ndarray, offsets: np.ndarray, a_lengths: np.ndarray,
                 nsp_labels: np.ndarray | None, example_ids: np.ndarray,
                 sources: np.ndarray | None, seq_len: int,
                 segment_sentence: np.ndarray | None = None) -> None:
        self._ids = ids
        self._offsets = offsets
        self._a_lengths = a_lengths
        self._nsp = nsp_labels
        self._example_ids = example_ids
        self._sources = sources
        self.seq_len = seq_len
        #: For each segment index: ``(document, sentence)`` it was cut from.
        self.segment_sentence = segment_sentence

    @property
    def nsp(self) -> bool:
        """Whether the examples are sentence pairs with NSP labels."""
        return self._nsp is not None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @property
    def lengths(self) -> np.ndarray:
        """Number of tokens of every example (special tokens included)."""
        return np.diff(self._offsets)

    @property
    def n_tokens(self) -> int:
        """Total number of tokens (special tokens included, no padding)."""
        return int(self._offsets[-1] - self._offsets[0])

    @property
    def nsp_labels(self) -> np.ndarray | None:
        """The NSP labels (0: is next, 1: random), or ``None`` without NSP."""
        return None if self._nsp is None else self._nsp.copy()

    def __getitem__(self, i: int) -> dict[str, Any]:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        ids = self._ids[start:end].astype(np.int64)
        types = np.zeros(end - start, dtype=np.int64)
        types[int(self._a_lengths[i]):] = 1
        item: dict[str, Any] = {
            "input_ids": ids,
            "token_type_ids": types,
            "attention_mask": np.ones(end - start, dtype=np.int64),
            "example_id": int(self._example_ids[i]),
        }
        if self._nsp is not None:
            item["next_sentence_label"] = int(self._nsp[i])
        return item

    def source(self, i: int) -> ExampleSource:
        """Where example ``i``'s segments come from (NSP examples only)."""
        if self._sources is None:
            raise ValueError("examples built without NSP have no segment pairs")
        da, a0, a1, db, b0, b1 = (int(v) for v in self._sources[i])
        return ExampleSource(da, range(a0, a1), db, range(b0, b1),
                             bool(self._nsp[i]) if self._nsp is not None else False)

    def segments(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Token ids of segment A and segment B of example ``i`` (no special tokens)."""
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        a = int(self._a_lengths[i])
        ids = self._ids[start:end]
        if self._nsp is None:
            return ids[1:-1].copy(), ids[:0].copy()
        return ids[1:a - 1].copy(), ids[a:-1].copy()

    def subset(self, indices: Sequence[int] | np.ndarray) -> PretrainingExamples:
        """A new set holding examples ``indices`` (their ``example_id`` kept)."""
        idx = np.asarray(indices, dtype=np.int64)
        lengths = self.lengths[idx]
        offsets = np.zeros(len(idx) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        if len(idx):
            take = np.concatenate([np.arange(self._offsets[i], self._offsets[i + 1])
                                   for i in idx])
            ids = self._ids[take]
        else:
            ids = self._ids[:0]
        return PretrainingExamples(
            ids, offsets, self._a_lengths[idx],
            None if self._nsp is None else self._nsp[idx], self._example_ids[idx],
            None if self._sources is None else self._sources[idx], self.seq_len,
            self.segment_sentence)

    def __repr__(self) -> str:
        kind = "NSP pairs" if self.nsp else "packed sequences"
        return (f"PretrainingExamples({len(self):,} {kind}, {self.n_tokens:,} tokens, "
                f"seq_len={self.seq_len})")


def _tokenize_sentences(documents: Sequence[Sequence[str]], tokenizer: Any,
                        progress: Progress) -> tuple[list[np.ndarray], list[int]]:
    """Token ids of every sentence (no special tokens), and the sentences per document."""
    flat = [s for doc in documents for s in doc]
    per_doc = [len(doc) for doc in documents]
    backend = getattr(tokenizer, "backend_tokenizer", None)
    out: list[np.ndarray] = []
    for start in range(0, len(flat), _TOKENIZE_BATCH):
        progress.raise_if_cancelled()
        batch = flat[start:start + _TOKENIZE_BATCH]
        if backend is not None:
            encs = backend.encode_batch(batch, add_special_tokens=False)
            out.extend(np.asarray(e.ids, dtype=np.int32) for e in encs)
        else:
            enc = tokenizer(batch, add_special_tokens=False)["input_ids"]
            out.extend(np.asarray(e, dtype=np.int32) for e in enc)
        done = min(start + _TOKENIZE_BATCH, len(flat))
        progress.report(done / max(len(flat), 1),
                        msg("Tokenized {done:,} of {n_flat:,} sentences", done=done,
                            n_flat=len(flat)))
    return out, per_doc


def build_pretraining_examples(documents: Sequence[Sequence[str]], tokenizer: Any,
                               seq_len: int = 128, nsp: bool = True, nsp_prob: float = 0.5,
                               seed: int = 0, progress: Progress = NULL_PROGRESS,
                               short_seq_prob: float = 0.1) -> PretrainingExamples:
    """Tokenize documents and cut them into pretraining examples.

    Parameters
    ----------
    documents
        Lists of sentences (:func:`read_documents`).
    tokenizer
        A BERT tokenizer (``PreTrainedTokenizerFast``) with ``[CLS] [SEP]
        [PAD] [MASK] [UNK]``.
    seq_len
        Longest example in tokens, special tokens included.
    nsp
        Sentence pairs with next-sentence labels (see the module docstring);
        otherwise packed single segments.
    nsp_prob
        Share of pairs whose B segment comes from another document.
    seed
        Seed of the pair construction (split points, random partners,
        truncation).
    progress
        Progress (tokenizing is the first 70 %) and cancellation.
    short_seq_prob
        With NSP, the share of examples built to a shorter random length (as
        in BERT), so the model also sees short inputs.

    Returns
    -------
    PretrainingExamples

    Raises
    ------
    ParameterError
        ``seq_len`` too short, ``nsp_prob`` outside [0, 1], or NSP asked for
        with fewer than two documents.
    """
    if seq_len < 8:
        raise ParameterError(msg("The sequence length must be at least 8 tokens, not {seq_len}.",
                                 seq_len=seq_len))
    if not 0.0 <= nsp_prob <= 1.0:
        raise ParameterError(msg("The share of random next sentences must be between 0 and 1, "
                                 "not {nsp_prob}.", nsp_prob=nsp_prob))
    if not 0.0 <= short_seq_prob <= 1.0:
        raise ParameterError(msg("short_seq_prob must be between 0 and 1, not {short_seq_prob}.",
                                 short_seq_prob=short_seq_prob))
    docs = [d for d in documents if d]
    if nsp and len(docs) < 2 and nsp_prob > 0:
        raise ParameterError(
            msg("Next-sentence prediction needs at least two documents (random partners come "
                "from another document), but the corpus has {n_docs}. Separate documents with "
                "blank lines, or switch NSP off.", n_docs=len(docs)))
    special = special_token_ids(tokenizer)
    from workbench.core.tasks import scaled

    sentence_ids, per_doc = _tokenize_sentences(docs, tokenizer, scaled(progress, 0.0, 0.7))
    max_tokens = seq_len - 3 if nsp else seq_len - 2
    # Segments: sentences, with sentences longer than max_tokens cut into pieces.
    seg_tokens: list[np.ndarray] = []
    seg_sentence: list[tuple[int, int]] = []
    doc_segments: list[tuple[int, int]] = []          # [first, last) segment of each document
    k = 0
    for d, n in enumerate(per_doc):
        first = len(seg_tokens)
        for s in range(n):
            toks = sentence_ids[k]
            k += 1
            if len(toks) == 0:
                continue
            for p in range(0, len(toks), max_tokens):
                seg_tokens.append(toks[p:p + max_tokens])
                seg_sentence.append((d, s))
        doc_segments.append((first, len(seg_tokens)))
    seg_len = np.fromiter((len(t) for t in seg_tokens), dtype=np.int64, count=len(seg_tokens))
    flat = np.concatenate(seg_tokens) if seg_tokens else np.zeros(0, dtype=np.int32)
    seg_off = np.zeros(len(seg_tokens) + 1, dtype=np.int64)
    np.cumsum(seg_len, out=seg_off[1:])
    build = scaled(progress, 0.7, 1.0)
    rng = np.random.default_rng(seed)
    if nsp:
        result = _build_pairs(flat, seg_off, doc_segments, special, max_tokens, nsp_prob,
                              short_seq_prob, rng, build)
    else:
        result = _build_packed(flat, seg_off, doc_segments, special, max_tokens, build)
    ids, offsets, a_len, labels, sources = result
    n = len(offsets) - 1
    build.report(1.0, msg("Built {n:,} examples", n=n))
    return PretrainingExamples(ids, offsets, a_len, labels, np.arange(n, dtype=np.int64),
                               sources, seq_len,
                               np.asarray(seg_sentence, dtype=np.int64).reshape(-1, 2))


def _build_pairs(flat: np.ndarray, seg_off: np.ndarray, doc_segments: list[tuple[int, int]],
                 special: dict[str, int], max_tokens: int, nsp_prob: float,
                 short_seq_prob: float, rng: np.random.Generator, progress: Progress,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    cls, sep = special["cls"], special["sep"]
    docs = [(a, b) for a, b in doc_segments]
    nonempty = [d for d, (a, b) in enumerate(docs) if b > a]
    if len(nonempty) < 2 and nsp_prob > 0:
        raise ParameterError(msg("Next-sentence prediction needs at least two documents with "
                                 "text."))
    pieces: list[np.ndarray] = []
    lengths: list[int] = []
    a_lengths: list[int] = []
    labels: list[int] = []
    sources: list[tuple[int, int, int, int, int, int]] = []
    owed_true = 0         # forced random pairs not yet balanced by a "true" draw
    n_docs = len(nonempty)
    for rank, d in enumerate(nonempty):
        if rank % 500 == 0:
            progress.raise_if_cancelled()
            progress.report(rank / n_docs, msg("Building sentence pairs ({rank:,} of {n_docs:,} "
                                               "documents)", rank=rank, n_docs=n_docs))
        first, last = docs[d]
        i = first
        while i < last:
            target = max_tokens
            if rng.random() < short_seq_prob:
                target = int(rng.integers(2, max_tokens + 1))
            is_random = bool(rng.random() < nsp_prob)
            remaining = last - i
            if not is_random and remaining < 2:
                if nsp_prob <= 0:
                    break                                   # nothing can follow: drop it
                is_random = True
                owed_true += 1
            elif is_random and owed_true > 0 and remaining >= 2:
                is_random = False
                owed_true -= 1
            # A chunk of consecutive segments reaching the target length.
            j = i
            length = 0
            while j < last and (length < target or (not is_random and j - i < 2)):
                length += int(seg_off[j + 1] - seg_off[j])
                j += 1
            if not is_random and j - i < 2:
                j = min(i + 2, last)
            n_chunk = j - i
            if is_random:
                a_end = i + (int(rng.integers(1, n_chunk)) if n_chunk >= 2 else 1)
                a_lo, a_hi = int(seg_off[i]), int(seg_off[a_end])
                other = nonempty[int(rng.integers(0, n_docs - 1))] if n_docs > 1 else d
                if other == d:
                    other = nonempty[-1]
                o_first, o_last = docs[other]
                b_start = int(rng.integers(o_first, o_last))
                want = max(1, target - (a_hi - a_lo))
                b_end = b_start
                got = 0
                while b_end < o_last and got < want:
                    got += int(seg_off[b_end + 1] - seg_off[b_end])
                    b_end += 1
                b_lo, b_hi = int(seg_off[b_start]), int(seg_off[b_end])
                src = (d, i - first, a_end - first, other, b_start - o_first, b_end - o_first)
                next_i = a_end                              # the rest of the chunk is reused
            else:
                a_end = i + int(rng.integers(1, n_chunk))
                a_lo, a_hi = int(seg_off[i]), int(seg_off[a_end])
                b_lo, b_hi = int(seg_off[a_end]), int(seg_off[j])
                src = (d, i - first, a_end - first, d, a_end - first, j - first)
                next_i = j
            a_lo, a_hi, b_lo, b_hi = _truncate_pair(a_lo, a_hi, b_lo, b_hi, max_tokens, rng)
            la, lb = a_hi - a_lo, b_hi - b_lo
            pieces.extend((np.array([cls], dtype=np.int32), flat[a_lo:a_hi],
                           np.array([sep], dtype=np.int32), flat[b_lo:b_hi],
                           np.array([sep], dtype=np.int32)))
            lengths.append(la + lb + 3)
            a_lengths.append(la + 2)
            labels.append(1 if is_random else 0)
            sources.append(src)
            i = next_i
    ids = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.asarray(lengths, dtype=np.int64), out=offsets[1:])
    return (ids, offsets, np.asarray(a_lengths, dtype=np.int32),
            np.asarray(labels, dtype=np.int8),
            np.asarray(sources, dtype=np.int64).reshape(-1, 6))


def _truncate_pair(a_lo: int, a_hi: int, b_lo: int, b_hi: int, max_tokens: int,
                   rng: np.random.Generator) -> tuple[int, int, int, int]:
    """Shorten the longer segment first until both fit; each cut at front or back at random.

    Same result as BERT's token-by-token loop (always trim the longer
    segment), computed in closed form.
    """
    la, lb = a_hi - a_lo, b_hi - b_lo
    over = la + lb - max_tokens
    if over <= 0:
        return a_lo, a_hi, b_lo, b_hi
    cut_a = cut_b = 0
    diff = abs(la - lb)
    first = min(over, diff)
    if la > lb:
        cut_a += first
    else:
        cut_b += first
    rest = over - first
    if rest > 0:                       # now equal: alternate, B first on ties (as BERT does)
        cut_b += (rest + 1) // 2
        cut_a += rest // 2
    # Keep at least one token on each side.
    cut_a = min(cut_a, la - 1)
    cut_b = min(cut_b, lb - 1)
    front_a = int(rng.binomial(cut_a, 0.5)) if cut_a else 0
    front_b = int(rng.binomial(cut_b, 0.5)) if cut_b else 0
    return (a_lo + front_a, a_hi - (cut_a - front_a), b_lo + front_b, b_hi - (cut_b - front_b))


def _build_packed(flat: np.ndarray, seg_off: np.ndarray, doc_segments: list[tuple[int, int]],
                  special: dict[str, int], max_tokens: int, progress: Progress,
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, None, None]:
    """Pack segments one after another into ``[CLS] ... [SEP]`` sequences."""
    cls, sep = special["cls"], special["sep"]
    pieces: list[np.ndarray] = []
    lengths: list[int] = []
    cur: list[np.ndarray] = []
    cur_len = 0
    sep_arr = np.array([sep], dtype=np.int32)

    def emit() -> None:
        nonlocal cur, cur_len
        if cur_len:
            pieces.append(np.array([cls], dtype=np.int32))
            pieces.extend(cur)
            pieces.append(sep_arr)
            lengths.append(cur_len + 2)
        cur, cur_len = [], 0

    n_docs = len(doc_segments)
    for rank, (first, last) in enumerate(doc_segments):
        if rank % 500 == 0:
            progress.raise_if_cancelled()
            progress.report(rank / max(n_docs, 1), msg("Packing sequences"))
        new_document = True
        for s in range(first, last):
            lo, hi = int(seg_off[s]), int(seg_off[s + 1])
            while lo < hi:                       # fill every sequence, cutting where it is full
                boundary = 1 if (cur_len and new_document) else 0  # [SEP] between documents
                room = max_tokens - cur_len - boundary
                if room <= 0:
                    emit()
                    continue
                take = min(room, hi - lo)
                if boundary:
                    cur.append(sep_arr)
                cur.append(flat[lo:lo + take])
                cur_len += boundary + take
                lo += take
                new_document = False
    emit()
    ids = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.asarray(lengths, dtype=np.int64), out=offsets[1:])
    return ids, offsets, offsets[1:] - offsets[:-1], None, None


# --------------------------------------------------------------------------- masking
@dataclass(frozen=True)
class MaskingSettings:
    """How tokens are chosen and corrupted for masked-language modelling.

    Attributes
    ----------
    ratio
        Share of the (non-special, non-padding) tokens selected for
        prediction (BERT: 0.15).
    mask_fraction
        Share of the selected tokens replaced by ``[MASK]`` (BERT: 0.8).
    random_fraction
        Share replaced by a random token (BERT: 0.1); the remaining
        ``1 - mask_fraction - random_fraction`` keep their token.
    """

    ratio: float = 0.15
    mask_fraction: float = 0.8
    random_fraction: float = 0.1

    def __post_init__(self) -> None:
        if not 0.0 < self.ratio <= 1.0:
            raise ParameterError(msg("The masking ratio must be in (0, 1], not {ratio}.",
                                     ratio=self.ratio))
        for name in ("mask_fraction", "random_fraction"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ParameterError(msg("{name} must be between 0 and 1, not {value}.", name=name,
                                         value=value))
        if self.mask_fraction + self.random_fraction > 1.0 + 1e-9:
            raise ParameterError(
                msg("mask_fraction + random_fraction must be at most 1, not {mask_fraction} + "
                    "{random_fraction}.", mask_fraction=self.mask_fraction,
                    random_fraction=self.random_fraction))

    @property
    def keep_fraction(self) -> float:
        """Share of the selected tokens left unchanged."""
        return max(0.0, 1.0 - self.mask_fraction - self.random_fraction)


@dataclass
class MaskingStats:
    """Counts of what the collator did (summed over the batches since the last reset)."""

    eligible: int = 0
    selected: int = 0
    masked: int = 0
    random: int = 0
    kept: int = 0
    batches: int = 0

    def fractions(self) -> dict[str, float]:
        """``selected`` as a share of eligible tokens; the others as shares of selected."""
        sel = max(self.selected, 1)
        return {"selected": self.selected / max(self.eligible, 1), "masked": self.masked / sel,
                "random": self.random / sel, "kept": self.kept / sel}

    def reset(self) -> None:
        """Set every count back to zero."""
        self.eligible = self.selected = self.masked = self.random = self.kept = 0
        self.batches = 0


@dataclass
class MlmCollator:
    """Pads a list of examples into a batch and masks it for MLM.

    Parameters
    ----------
    tokenizer
        The tokenizer of the examples (its special ids and vocabulary size).
    masking
        :class:`MaskingSettings`.
    seed
        ``None``: fresh random masks.  An int: reproducible masks; when the
        features carry ``example_id`` each example's mask depends only on
        (seed, epoch, example id), so batching, processes and resuming do not
        change it; otherwise on the sequence of calls.
    pad_to_multiple_of
        Round the padded length up (8 helps tensor cores on GPUs).

    Returns a dict of int64 tensors ``input_ids``, ``attention_mask``,
    ``labels`` (the original id where a token was selected, -100 elsewhere),
    ``token_type_ids`` and ``next_sentence_label`` when the features have them.
    :attr:`stats` counts selected / ``[MASK]`` / random / kept tokens.
    """

    tokenizer: Any
    masking: MaskingSettings = field(default_factory=MaskingSettings)
    seed: int | None = None
    pad_to_multiple_of: int | None = None
    stats: MaskingStats = field(default_factory=MaskingStats, init=False)
    epoch: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        special = special_token_ids(self.tokenizer)
        self.pad_id = special["pad"]
        self.mask_id = special["mask"]
        all_special = set(special.values())
        all_special.update(int(i) for i in getattr(self.tokenizer, "all_special_ids", []) or [])
        self.special_ids = np.array(sorted(all_special), dtype=np.int64)
        vocab_size = len(self.tokenizer)
        self.random_ids = np.setdiff1d(np.arange(vocab_size, dtype=np.int64), self.special_ids)
        if len(self.random_ids) == 0:
            raise ParameterError(msg("The tokenizer's vocabulary holds only special tokens."))
        self._rng = np.random.default_rng(self.seed)

    def set_epoch(self, epoch: int) -> None:
        """Tell the collator which pass over the data comes next (masks change per epoch)."""
        self.epoch = int(epoch)

    def _uniforms(self, features: Sequence[dict[str, Any]],
                  shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Three arrays of uniforms in [0, 1): selection, kind of corruption, random token.

        Keyed (seed, epoch, example id, position) when the collator has a seed and
        every feature an ``example_id``: an example is masked the same way whatever
        batch, process or resumed run it lands in.  Otherwise from the collator's
        generator.
        """
        if self.seed is not None and features and all("example_id" in f for f in features):
            ids = np.fromiter((int(f["example_id"]) for f in features), dtype=np.int64,
                              count=len(features))
            return _keyed_uniforms(int(self.seed), self.epoch, ids, shape[1])
        return (self._rng.random(shape), self._rng.random(shape), self._rng.random(shape))

    def pad(self, features: Sequence[dict[str, Any]]) -> dict[str, np.ndarray]:
        """Pad ``input_ids`` (and ``token_type_ids``) to the batch's longest sequence."""
        seqs = [np.asarray(f["input_ids"], dtype=np.int64) for f in features]
        longest = max(len(s) for s in seqs)
        if self.pad_to_multiple_of:
            m = self.pad_to_multiple_of
            longest = (longest + m - 1) // m * m
        ids = np.full((len(seqs), longest), self.pad_id, dtype=np.int64)
        attn = np.zeros((len(seqs), longest), dtype=np.int64)
        for row, s in enumerate(seqs):
            ids[row, :len(s)] = s
            attn[row, :len(s)] = 1
        out = {"input_ids": ids, "attention_mask": attn}
        if all("token_type_ids" in f for f in features):
            types = np.zeros((len(seqs), longest), dtype=np.int64)
            for row, f in enumerate(features):
                t = np.asarray(f["token_type_ids"], dtype=np.int64)
                types[row, :len(t)] = t
            out["token_type_ids"] = types
        return out

    def mask(self, ids: np.ndarray, attention_mask: np.ndarray,
             uniforms: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
             ) -> tuple[np.ndarray, np.ndarray]:
        """Return masked ``ids`` (a copy) and the MLM labels; update :attr:`stats`.

        ``uniforms`` are the three random arrays of :meth:`_uniforms` (drawn from
        the collator's generator when omitted).
        """
        if uniforms is None:
            uniforms = (self._rng.random(ids.shape), self._rng.random(ids.shape),
                        self._rng.random(ids.shape))
        u_select, u_kind, u_token = uniforms
        m = self.masking
        ids = ids.copy()
        eligible = (attention_mask > 0) & ~np.isin(ids, self.special_ids)
        selected = (u_select < m.ratio) & eligible
        if not selected.any() and eligible.any():          # never a batch with nothing to predict
            selected.flat[int(np.argmin(np.where(eligible, u_select, 2.0)))] = True
        to_mask = selected & (u_kind < m.mask_fraction)
        to_random = selected & (u_kind >= m.mask_fraction) & (
            u_kind < m.mask_fraction + m.random_fraction)
        labels = np.where(selected, ids, -100)
        ids[to_mask] = self.mask_id
        n_random = int(to_random.sum())
        if n_random:
            pick = (u_token[to_random] * len(self.random_ids)).astype(np.int64)
            ids[to_random] = self.random_ids[np.minimum(pick, len(self.random_ids) - 1)]
        st = self.stats
        n_sel = int(selected.sum())
        n_mask = int(to_mask.sum())
        st.eligible += int(eligible.sum())
        st.selected += n_sel
        st.masked += n_mask
        st.random += n_random
        st.kept += n_sel - n_mask - n_random
        st.batches += 1
        return ids, labels

    def __call__(self, features: Sequence[dict[str, Any]]) -> dict[str, Any]:
        import torch

        if not features:
            raise ValueError("cannot collate an empty batch")
        batch = self.pad(features)
        ids, labels = self.mask(batch["input_ids"], batch["attention_mask"],
                                self._uniforms(features, batch["input_ids"].shape))
        out: dict[str, Any] = {
            "input_ids": torch.from_numpy(ids),
            "attention_mask": torch.from_numpy(batch["attention_mask"]),
            "labels": torch.from_numpy(labels),
        }
        if "token_type_ids" in batch:
            out["token_type_ids"] = torch.from_numpy(batch["token_type_ids"])
        if all("next_sentence_label" in f for f in features):
            out["next_sentence_label"] = torch.tensor(
                [int(f["next_sentence_label"]) for f in features], dtype=torch.long)
        return out


# --------------------------------------------------------------------------- keyed randomness
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_MASK64 = (1 << 64) - 1


def _mix64(z: np.ndarray) -> np.ndarray:
    """SplitMix64's output function (a bijective 64-bit mixer), on uint64 arrays."""
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * _MIX1
        z = (z ^ (z >> np.uint64(27))) * _MIX2
    return z ^ (z >> np.uint64(31))


def _keyed_uniforms(seed: int, epoch: int, example_ids: np.ndarray,
                    length: int, streams: int = 3) -> tuple[np.ndarray, ...]:
    """``streams`` arrays ``(len(example_ids), length)`` of uniforms keyed by position.

    Row ``b`` is a SplitMix64 sequence started from a hash of (seed, epoch,
    example id); element ``(b, t)`` of stream ``s`` is its output number
    ``t * streams + s + 1``.
    """
    with np.errstate(over="ignore"):
        h = _mix64(np.full(len(example_ids), seed & _MASK64, dtype=np.uint64) + _GOLDEN)
        h = _mix64((h ^ np.uint64(epoch & _MASK64)) + _GOLDEN)
        h = _mix64((h ^ example_ids.astype(np.uint64)) + _GOLDEN)
        counter = np.arange(length, dtype=np.uint64) * np.uint64(streams)
        out = []
        for s in range(streams):
            state = h[:, None] + (counter[None, :] + np.uint64(s + 1)) * _GOLDEN
            out.append((_mix64(state) >> np.uint64(11)).astype(np.float64) * (2.0 ** -53))
    return tuple(out)
