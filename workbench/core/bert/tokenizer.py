"""Train a WordPiece tokenizer on a corpus; load tokenizers from local folders.

:func:`train_wordpiece` writes a folder that ``transformers`` loads with
``BertTokenizerFast.from_pretrained(folder)`` (or ``AutoTokenizer``):
``tokenizer.json``, ``tokenizer_config.json``, ``vocab.txt`` and
``special_tokens_map.json``, plus ``workbench_tokenizer.json`` with the
settings and the :class:`WordPieceStats` of the run.  The pipeline is the
standard BERT one: ``BertNormalizer`` (clean text, optional lowercasing with
accent stripping, spaces around Chinese characters), ``BertPreTokenizer``
(whitespace and punctuation), the WordPiece model with the ``##``
continuation prefix, ``[CLS] A [SEP] B [SEP]`` templates and the WordPiece
decoder.

What the ``tokenizers`` "WordPiece trainer" really does
=======================================================

``tokenizers.trainers.WordPieceTrainer`` does not implement Google's
likelihood-based WordPiece training (tokenizers issue #1777; the Hugging Face
course says the same).  It runs the **BPE** trainer with
``continuing_subword_prefix="##"`` and converts the result into a WordPiece
vocabulary.  For users that means:

* **The vocabulary holds what BPE learned, in BPE's order**: the special
  tokens (ids 0, 1, ... in the order given, so ``[PAD]=0 [UNK]=1 [CLS]=2
  [SEP]=3 [MASK]=4`` by default), then the alphabet (every character kept,
  and a ``##``-form of each character seen inside a word), then one token per
  merge, most frequent pair first.
* **It can be smaller than asked.**  BPE stops when no pair of symbols occurs
  ``min_frequency`` times any more; a small corpus therefore gives fewer
  tokens than ``vocab_size`` (300 lines of WikiText-2 give ~3,600 tokens when
  8,000 are asked for).  :class:`WordPieceStats` reports the real size and
  a note; nothing is padded with unused tokens.
* **It can need more than asked.**  The alphabet always goes in, whatever
  ``vocab_size`` says; when specials + alphabet exceed it the trainer returns
  *more* tokens than requested.  We refuse that with a
  :class:`~workbench.core.errors.ParameterError` naming the smallest
  workable size (or lower ``limit_alphabet``).
* **Segmentation is WordPiece's, not BPE's.**  At encoding time the model
  takes the longest vocabulary entry at each position (greedy
  longest-match), not BPE's merge order, so words are sometimes split
  differently from how training counted them, and some merge intermediates
  are never used.
* **A word that cannot be spelled becomes one whole ``[UNK]``.**  WordPiece
  has no byte fallback: if any piece of a word is missing, the *entire* word
  is ``[UNK]``.  Two trainer details make this happen more often than
  needed: (1) ``limit_alphabet`` keeps only the most frequent characters
  (1,000 by default; a Chinese corpus easily has 4,000+, so raise it there),
  and (2) BPE adds ``##c`` only for characters it saw *inside* a word and
  ``c`` only for characters it saw *starting* one, so with a cased vocabulary
  "NY" becomes ``[UNK]`` when ``Y`` never appeared mid-word in training.
  With ``complete_alphabet=True`` (the default) we add the missing
  counterpart of every kept character that can occur inside a word (the
  tokenizer's own normaliser and pre-tokenizer decide; punctuation and
  split Chinese characters are always words of their own and need none),
  dropping the same number of the *last* merges so the size stays within
  ``vocab_size``: that is exactly the vocabulary BPE would have produced
  with a smaller ``vocab_size`` plus the completed alphabet.
* **The continuation prefix is fixed to ``##``**: the trainer sets it on its
  internal BPE trainer, and the WordPiece model, the decoder and
  ``transformers``' BERT tokenizer all assume it.  We set it everywhere
  explicitly so the saved files agree.
* Words longer than 100 characters become ``[UNK]`` (WordPiece's
  ``max_input_chars_per_word``; ``transformers`` rebuilds the model with this
  default when it loads the folder).  Without ``split_chinese_chars`` a run
  of Chinese characters without spaces is one "word"; segment such text
  first (e.g. with jieba) or keep the split on.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import CorpusError, ParameterError, WorkbenchError
from workbench.core.messages import msg
from workbench.core.params import check_int as _check_int
from workbench.core.tasks import NULL_PROGRESS, Progress, scaled
from workbench.core.workspace import atomic_write

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerFast

__all__ = [
    "BERT_SPECIAL_TOKENS",
    "CONTINUATION_PREFIX",
    "STATS_FILE",
    "TOKENIZER_FILES",
    "WordPieceSettings",
    "WordPieceStats",
    "load_tokenizer",
    "read_wordpiece_stats",
    "replace_folder",
    "staging_folder",
    "tokenizer_files_in",
    "train_wordpiece",
]

#: The special tokens of BERT, in the order that gives them ids 0..4.
BERT_SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
_ROLES = {"pad_token": "[PAD]", "unk_token": "[UNK]", "cls_token": "[CLS]",
          "sep_token": "[SEP]", "mask_token": "[MASK]"}
#: Prefix of WordPiece tokens that continue a word.
CONTINUATION_PREFIX = "##"
#: Settings and statistics of a tokenizer trained here.
STATS_FILE = "workbench_tokenizer.json"
#: Files a tokenizer folder written by :func:`train_wordpiece` holds.
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt",
                   "special_tokens_map.json", STATS_FILE)
# Any one of these makes a folder hold a tokenizer transformers can load.
_TOKENIZER_MARKERS = ("tokenizer.json", "vocab.txt", "tokenizer.model", "spiece.model",
                      "sentencepiece.bpe.model", "vocab.json")
_MAX_WORD_CHARS = 100            # WordPiece's (and transformers') max_input_chars_per_word
_SAMPLE_TEXTS = 2000             # texts kept to measure the [UNK] rate after training
_SAMPLE_CHARS = 1_000_000
_BATCH = 1000                    # texts handed to the trainer at a time
_TRAIN_SHARE = 0.9               # progress share of reading the corpus



@dataclass(frozen=True)
class WordPieceSettings:
    """How to train a WordPiece tokenizer.

    Attributes
    ----------
    vocab_size
        Largest number of tokens, special tokens included.  The result can be
        smaller (see the module notes); it is never larger.
    lowercase
        Lowercase (and strip accents, as BERT-uncased does) before tokenizing.
    min_frequency
        A pair of symbols must occur this often to be merged into a token.
    special_tokens
        Tokens that get the first ids, in this order; must include the five
        BERT roles ``[PAD] [UNK] [CLS] [SEP] [MASK]`` (extras such as
        ``[unused0]`` are allowed and never split).
    limit_alphabet
        Keep at most this many distinct characters (the most frequent);
        words with any other character become ``[UNK]``.  ``None``: all.
    split_chinese_chars
        Put spaces around CJK characters so each is a word of its own.
    complete_alphabet
        Add the ``##`` form of every kept character that can occur inside a
        word, and the plain form of every ``##`` character (see the module
        notes); costs a few of the last merges.
    model_max_length
        Longest sequence the tokenizer will produce when truncating (the
        model's position embeddings); stored in ``tokenizer_config.json``.
    """

    vocab_size: int = 8000
    lowercase: bool = True
    min_frequency: int = 2
    special_tokens: tuple[str, ...] = BERT_SPECIAL_TOKENS
    limit_alphabet: int | None = 1000
    split_chinese_chars: bool = True
    complete_alphabet: bool = True
    model_max_length: int = 512

    def __post_init__(self) -> None:
        if isinstance(self.special_tokens, str) or not isinstance(
                self.special_tokens, (tuple, list)):
            raise ParameterError(msg("special_tokens must be a list of token strings, not "
                                     "{special_tokens!r}.", special_tokens=self.special_tokens))
        object.__setattr__(self, "special_tokens", tuple(self.special_tokens))
        for tok in self.special_tokens:
            if not isinstance(tok, str) or not tok or tok != tok.strip() or " " in tok:
                raise ParameterError(msg("The special token {tok!r} must be a non-empty string "
                                         "without spaces.", tok=tok))
        dup = [t for t, n in collections.Counter(self.special_tokens).items() if n > 1]
        if dup:
            raise ParameterError(msg("The special token {dup} is listed twice.", dup=dup[0]))
        missing = [t for t in BERT_SPECIAL_TOKENS if t not in self.special_tokens]
        if missing:
            raise ParameterError(
                msg("special_tokens must include {BERT_SPECIAL_TOKENS} (BERT needs them); "
                    "{missing} is missing.", BERT_SPECIAL_TOKENS=', '.join(BERT_SPECIAL_TOKENS),
                    missing=', '.join(missing)))
        n_special = len(self.special_tokens)
        if isinstance(self.vocab_size, int) and not isinstance(self.vocab_size, bool) \
                and self.vocab_size <= n_special:
            raise ParameterError(
                msg("vocab_size ({vocab_size:,}) must be larger than the number of special "
                    "tokens ({n_special}); a useful WordPiece vocabulary has thousands of "
                    "tokens.", vocab_size=self.vocab_size, n_special=n_special))
        _check_int("vocab_size", self.vocab_size, n_special + 1, 10_000_000)
        _check_int("min_frequency", self.min_frequency, 1)
        if self.limit_alphabet is not None:
            _check_int("limit_alphabet", self.limit_alphabet, 1)
        _check_int("model_max_length", self.model_max_length, 8)
        for name in ("lowercase", "split_chinese_chars", "complete_alphabet"):
            if not isinstance(getattr(self, name), bool):
                raise ParameterError(msg("{name} must be true or false, not {getattr!r}.",
                                         name=name, getattr=getattr(self, name)))


@dataclass(frozen=True)
class WordPieceStats:
    """What :func:`train_wordpiece` produced (also in ``workbench_tokenizer.json``).

    Attributes
    ----------
    requested_vocab_size, vocab_size
        What was asked for and what came out (never more).
    alphabet_size
        Single characters in the vocabulary.
    continuation_chars
        ``##`` forms of single characters in the vocabulary.
    completed
        Alphabet entries added by ``complete_alphabet``.
    dropped_merges
        Last merges dropped to make room for them.
    texts
        Non-empty texts the tokenizer was trained on.
    sample_texts, sample_tokens, sample_unk
        The first texts (up to 2,000 / 1 MB) encoded with the result: how
        many, their tokens, and how many of those are ``[UNK]``.
    tokens_per_word
        Average tokens per word in the sample (1.0: every word is a token).
    unknown_examples
        The most frequent words of the sample that became ``[UNK]``.
    notes
        Sentences for the user about surprises (smaller vocabulary, ``[UNK]``).
    """

    requested_vocab_size: int
    vocab_size: int
    alphabet_size: int
    continuation_chars: int
    completed: int
    dropped_merges: int
    texts: int
    sample_texts: int
    sample_tokens: int
    sample_unk: int
    tokens_per_word: float
    unknown_examples: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def sample_unk_rate(self) -> float:
        """Fraction of the sample's tokens that are ``[UNK]``."""
        return self.sample_unk / self.sample_tokens if self.sample_tokens else 0.0


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def train_wordpiece(texts: Iterable[str], settings: WordPieceSettings, out_dir: str | Path,
                    progress: Progress = NULL_PROGRESS) -> Path:
    """Train a WordPiece tokenizer and write it as a ``transformers`` tokenizer folder.

    Parameters
    ----------
    texts
        The corpus, one text (line, sentence, document) per item; blank
        items are skipped.  A :class:`~workbench.core.corpus.Corpus` (anything
        with a ``lines(progress=...)`` method) is read with byte progress.
    settings
        Vocabulary size, case, special tokens, ...
    out_dir
        The folder to write.  It is built beside its final place and moved
        there when complete, so a failed or cancelled run leaves an existing
        folder as it was.  An existing folder may only hold tokenizer files.
    progress
        Reading the corpus takes the first 90 %; ``partial`` receives the
        :class:`WordPieceStats` at the end; cancellation is checked every
        1,000 texts (not during the merge phase, which runs in Rust).

    Returns
    -------
    Path
        ``out_dir``.

    Raises
    ------
    CorpusError
        When the corpus has no text.
    ParameterError
        When ``vocab_size`` cannot hold the special tokens and the alphabet.
    Cancelled
        When cancelled while reading; nothing is written.
    """
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, trainers
    from tokenizers.models import WordPiece

    if not isinstance(settings, WordPieceSettings):
        raise ParameterError(msg("settings must be WordPieceSettings, not {value}.",
                                 value=type(settings).__name__))
    out_dir = Path(out_dir)
    _check_replaceable(out_dir, TOKENIZER_FILES, msg("tokenizer"))
    unk = _ROLES["unk_token"]
    tok = Tokenizer(WordPiece(unk_token=unk, continuing_subword_prefix=CONTINUATION_PREFIX,
                              max_input_chars_per_word=_MAX_WORD_CHARS))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=settings.split_chinese_chars,
        strip_accents=None, lowercase=settings.lowercase)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix=CONTINUATION_PREFIX)
    trainer_kwargs: dict[str, Any] = {
        "vocab_size": settings.vocab_size, "min_frequency": settings.min_frequency,
        "special_tokens": list(settings.special_tokens), "show_progress": False,
        "continuing_subword_prefix": CONTINUATION_PREFIX}
    if settings.limit_alphabet is not None:
        trainer_kwargs["limit_alphabet"] = settings.limit_alphabet
    trainer = trainers.WordPieceTrainer(**trainer_kwargs)

    reader = _TextReader(texts, progress)
    progress.report(0.0, msg("Reading the corpus…"))
    tok.train_from_iterator(reader.batches(), trainer=trainer)
    progress.raise_if_cancelled()
    if reader.count == 0:
        raise CorpusError(msg("The corpus has no text to train a tokenizer on (all {seen:,} "
                              "texts are blank).", seen=reader.seen) if reader.seen else
                          msg("The corpus has no text to train a tokenizer on."))

    progress.report(_TRAIN_SHARE, msg("Checking the vocabulary…"))
    vocab, completed, dropped = _final_vocabulary(tok, settings)
    tok.model = WordPiece({t: i for i, t in enumerate(vocab)}, unk_token=unk,
                          continuing_subword_prefix=CONTINUATION_PREFIX,
                          max_input_chars_per_word=_MAX_WORD_CHARS)
    _set_post_processor(tok)
    stats = _stats(tok, settings, vocab, completed, dropped, reader)

    progress.raise_if_cancelled()
    progress.report(0.95, msg("Writing the tokenizer…"))
    staging = staging_folder(out_dir)
    try:
        _save_tokenizer_folder(tok, settings, vocab, stats, staging)
        replace_folder(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress.partial(stats)
    progress.report(1.0, msg("Tokenizer with {stats_vocab_size:,} tokens written to {out_dir}.",
                             stats_vocab_size=stats.vocab_size, out_dir=out_dir))
    return out_dir


class _TextReader:
    """Feeds texts to the trainer in batches, with progress, cancel checks and a sample."""

    def __init__(self, texts: Iterable[str], progress: Progress) -> None:
        self.progress = progress
        self.count = 0          # non-empty texts
        self.seen = 0           # all texts
        self.sample: list[str] = []
        self._sample_chars = 0
        lines = getattr(texts, "lines", None)
        if callable(lines) and not isinstance(texts, (str, bytes)):
            # A Corpus reports its own byte progress.
            self._items: Iterable[Any] = lines(progress=scaled(progress, 0.0, _TRAIN_SHARE))
            self._total: int | None = None
            self._own_progress = False
        else:
            if isinstance(texts, (str, bytes)):
                raise ParameterError(msg("texts must be a list or iterable of texts, not a "
                                         "single string."))
            self._items = texts
            sized = hasattr(texts, "__len__")
            self._total = len(texts) if sized else None  # type: ignore[arg-type]
            self._own_progress = True

    def batches(self) -> Iterator[list[str]]:
        batch: list[str] = []
        for item in self._items:
            self.seen += 1
            if not isinstance(item, str):
                raise ParameterError(msg("Text {seen:,} is a {value}, not a string.",
                                         seen=self.seen, value=type(item).__name__))
            if item and not item.isspace():
                self.count += 1
                if len(self.sample) < _SAMPLE_TEXTS and self._sample_chars < _SAMPLE_CHARS:
                    self.sample.append(item)
                    self._sample_chars += len(item)
                batch.append(item)
            if self.seen % _BATCH == 0:
                self.progress.raise_if_cancelled()
                if self._own_progress:
                    frac = None if not self._total else _TRAIN_SHARE * self.seen / self._total
                    self.progress.report(frac, msg("Read {seen:,} texts", seen=self.seen))
                if batch:
                    yield batch
                    batch = []
        self.progress.raise_if_cancelled()
        if batch:
            yield batch
        self.progress.report(None if self._total is None else _TRAIN_SHARE,
                             msg("Read {seen:,} texts; learning merges…", seen=self.seen))


def _is_single(token: str) -> bool:
    return len(token) == 1


def _is_single_continuation(token: str) -> bool:
    return len(token) == len(CONTINUATION_PREFIX) + 1 and token.startswith(CONTINUATION_PREFIX)


def _final_vocabulary(tok: Any, settings: WordPieceSettings) -> tuple[list[str], int, int]:
    """The trained vocabulary in id order, completed and cut to ``vocab_size``."""
    id_to_token = {i: t for t, i in tok.get_vocab(with_added_tokens=True).items()}
    vocab = [id_to_token[i] for i in range(len(id_to_token))]
    specials = set(settings.special_tokens)
    present = set(vocab)
    additions: list[str] = []
    if settings.complete_alphabet:
        for token in vocab:
            if token in specials:
                continue
            if _is_single(token):
                cont = CONTINUATION_PREFIX + token
                if cont not in present and _can_continue_word(tok, token):
                    additions.append(cont)
            elif _is_single_continuation(token):
                char = token[len(CONTINUATION_PREFIX):]
                if char not in present:
                    additions.append(char)
        additions = list(dict.fromkeys(additions))
    excess = len(vocab) + len(additions) - settings.vocab_size
    dropped = 0
    if excess > 0:
        droppable = [i for i in range(len(vocab) - 1, -1, -1)
                     if vocab[i] not in specials and not _is_single(vocab[i])
                     and not _is_single_continuation(vocab[i])]
        if len(droppable) < excess:
            needed = len(vocab) - len(droppable) + len(additions)
            raise ParameterError(
                msg("vocab_size ({settings_vocab_size:,}) is too small for this corpus: the "
                    "{n_settings_special_tokens} special tokens and the {value:,} characters "
                    "and ##-pieces of its alphabet alone need {needed:,} entries. Choose a "
                    "vocab_size of at least {needed:,} (a few thousand is usual), or lower "
                    "limit_alphabet.", settings_vocab_size=settings.vocab_size,
                    n_settings_special_tokens=len(settings.special_tokens),
                    value=needed - len(settings.special_tokens), needed=needed))
        cut = set(droppable[:excess])
        vocab = [t for i, t in enumerate(vocab) if i not in cut]
        dropped = excess
    return vocab + additions, len(additions), dropped


def _can_continue_word(tok: Any, char: str) -> bool:
    """Whether ``char`` can sit inside a word after normalising and pre-tokenizing."""
    text = tok.normalizer.normalize_str(f"a{char}a")
    return len(tok.pre_tokenizer.pre_tokenize_str(text)) == 1


def _set_post_processor(tok: Any) -> None:
    from tokenizers import processors

    cls, sep = _ROLES["cls_token"], _ROLES["sep_token"]
    cls_id, sep_id = tok.token_to_id(cls), tok.token_to_id(sep)
    tok.post_processor = processors.TemplateProcessing(
        single=f"{cls}:0 $A:0 {sep}:0",
        pair=f"{cls}:0 $A:0 {sep}:0 $B:1 {sep}:1",
        special_tokens=[(cls, cls_id), (sep, sep_id)])


def _stats(tok: Any, settings: WordPieceSettings, vocab: list[str], completed: int,
           dropped: int, reader: _TextReader) -> WordPieceStats:
    unk_id = tok.token_to_id(_ROLES["unk_token"])
    n_tokens = n_unk = n_words = 0
    unknown: collections.Counter[str] = collections.Counter()
    for text, enc in zip(reader.sample,
                         tok.encode_batch(reader.sample, add_special_tokens=False)):
        n_tokens += len(enc.ids)
        n_words += len({w for w in enc.word_ids if w is not None})
        for tid, (start, end) in zip(enc.ids, enc.offsets):
            if tid == unk_id:
                n_unk += 1
                unknown[text[start:end]] += 1
    specials = set(settings.special_tokens)
    stats = {
        "requested_vocab_size": settings.vocab_size, "vocab_size": len(vocab),
        "alphabet_size": sum(1 for t in vocab if _is_single(t) and t not in specials),
        "continuation_chars": sum(1 for t in vocab if _is_single_continuation(t)),
        "completed": completed, "dropped_merges": dropped, "texts": reader.count,
        "sample_texts": len(reader.sample), "sample_tokens": n_tokens, "sample_unk": n_unk,
        "tokens_per_word": round(n_tokens / n_words, 4) if n_words else 0.0,
        "unknown_examples": tuple(w for w, _ in unknown.most_common(10))}
    notes = []
    if len(vocab) < settings.vocab_size:
        notes.append(msg(
            "The vocabulary has {n:,} tokens, fewer than the {asked:,} asked for: no pair of "
            "pieces occurs {min_frequency} times or more any more. A larger corpus or a lower "
            "min_frequency gives more tokens.", n=len(vocab), asked=settings.vocab_size,
            min_frequency=settings.min_frequency))
    if n_tokens and n_unk / n_tokens > 0.001:
        limit = (msg("all characters were kept") if settings.limit_alphabet is None
                 else msg("limit_alphabet={limit:,} kept only the most frequent characters",
                          limit=settings.limit_alphabet))
        notes.append(msg(
            "{share:.2%} of the tokens of the first {n_texts:,} texts are [UNK] (e.g. "
            "{examples}): a word with a character outside the alphabet ({limit}) or longer "
            "than {max_chars} characters becomes one [UNK]. Raise limit_alphabet, or split "
            "Chinese characters, to lower it.", share=n_unk / n_tokens,
            n_texts=len(reader.sample),
            examples=", ".join(repr(w) for w, _ in unknown.most_common(3)), limit=limit,
            max_chars=_MAX_WORD_CHARS))
    return WordPieceStats(**stats, notes=tuple(notes))  # type: ignore[arg-type]


def _save_tokenizer_folder(tok: Any, settings: WordPieceSettings, vocab: list[str],
                           stats: WordPieceStats, folder: Path) -> None:
    from transformers import BertTokenizerFast

    extras = [t for t in settings.special_tokens if t not in BERT_SPECIAL_TOKENS]
    kwargs: dict[str, Any] = dict(_ROLES)
    if extras:
        kwargs["additional_special_tokens"] = extras
    hf = BertTokenizerFast(tokenizer_object=tok, do_lower_case=settings.lowercase,
                           tokenize_chinese_chars=settings.split_chinese_chars,
                           strip_accents=None, model_max_length=settings.model_max_length,
                           **kwargs)
    hf.save_pretrained(str(folder))
    _write_vocab_txt(vocab, folder / "vocab.txt")
    special_map: dict[str, Any] = dict(_ROLES)
    if extras:
        special_map["additional_special_tokens"] = extras
    _write_json(folder / "special_tokens_map.json", special_map)
    _write_json(folder / STATS_FILE, {"settings": asdict(settings), "stats": asdict(stats)})


def _write_vocab_txt(vocab: list[str], path: Path) -> None:
    """``vocab.txt`` as BERT has it: one token per line, line number = id."""
    bad = next((t for t in vocab if "\n" in t or "\r" in t), None)
    if bad is not None:
        raise WorkbenchError(msg("The token {bad!r} contains a line break and cannot be written "
                                 "to vocab.txt.", bad=bad))
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(t + "\n" for t in vocab))


def _write_json(path: Path, data: Any) -> None:
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=2, default=str)
        f.write("\n")


def read_wordpiece_stats(folder: str | Path) -> WordPieceStats | None:
    """The :class:`WordPieceStats` saved by :func:`train_wordpiece`, or ``None``."""
    path = Path(folder) / STATS_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["stats"]
        data["unknown_examples"] = tuple(data.get("unknown_examples", ()))
        data["notes"] = tuple(data.get("notes", ()))
        return WordPieceStats(**data)
    except (ValueError, KeyError, TypeError):
        return None


# ---------------------------------------------------------------------------
# Folders
# ---------------------------------------------------------------------------


def tokenizer_files_in(folder: str | Path) -> tuple[str, ...]:
    """Names of the files in ``folder`` that make up a ``transformers`` tokenizer."""
    folder = Path(folder)
    names = (*_TOKENIZER_MARKERS, "merges.txt", "tokenizer_config.json",
             "special_tokens_map.json", "added_tokens.json")
    return tuple(n for n in names if (folder / n).is_file())


def load_tokenizer(folder: str | Path) -> PreTrainedTokenizerFast:
    """Load the tokenizer of a local folder (ours or a Hugging Face model's).

    Only local files are read (``local_files_only``) and no code from the
    folder runs (``trust_remote_code=False``).

    Raises
    ------
    WorkbenchError
        When the folder is missing, holds no tokenizer (the message names
        the files looked for) or the tokenizer cannot be read.
    """
    from transformers import AutoTokenizer

    folder = Path(folder)
    if not folder.is_dir():
        raise WorkbenchError(msg("The tokenizer folder {folder} does not exist.", folder=folder),
                             path=folder)
    if not any((folder / n).is_file() for n in _TOKENIZER_MARKERS):
        raise WorkbenchError(
            msg("The folder {folder} has no tokenizer: tokenizer.json (or vocab.txt for a BERT "
                "WordPiece vocabulary) is missing. Train a tokenizer or copy the model's "
                "tokenizer files into the folder.", folder=folder), path=folder)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True,
                                                  trust_remote_code=False)
    except Exception as exc:
        raise WorkbenchError(msg("The tokenizer in {folder} cannot be loaded: {exc}",
                                 folder=folder, exc=exc),
                             path=folder) from exc
    if not getattr(tokenizer, "is_fast", False):
        raise WorkbenchError(msg("The tokenizer in {folder} has no fast (Rust) version; the "
                                 "workbench needs tokenizer.json or a BERT vocab.txt.",
                                 folder=folder), path=folder)
    return tokenizer


def _check_replaceable(target: Path, allowed: Iterable[str] | Callable[[str], bool],
                       what: str) -> None:
    """Refuse to replace a folder that holds files other than a previous ``what``."""
    if not target.exists():
        return
    if not target.is_dir():
        raise WorkbenchError(msg("{target} is a file; choose a folder to write the {what} to.",
                                 target=target, what=what),
                             path=target)
    ok = allowed if callable(allowed) else set(allowed).__contains__
    others = sorted(p.name for p in target.iterdir() if not ok(p.name))
    if others:
        raise WorkbenchError(
            msg("The folder {target} already holds other files (e.g. {others!r}); writing the "
                "{what} there would replace them. Choose an empty or new folder.", target=target,
                others=others[0], what=what), path=target)


def staging_folder(target: str | Path) -> Path:
    """A new empty folder beside ``target`` to build its replacement in.

    Unlike ``tempfile.mkdtemp`` (mode 0700) it gets the usual permissions
    (the umask applies), which the finished folder keeps after the rename.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        path = target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.tmp"
        try:
            path.mkdir()
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        return path
    raise WorkbenchError(  # pragma: no cover
        msg("No temporary folder can be made beside {target}.", target=target))


def replace_folder(staging: str | Path, target: str | Path) -> Path:
    """Move the complete folder ``staging`` to ``target``, replacing it.

    ``staging`` must be on the same file system (beside ``target``).  Its
    files are fsynced first; an existing ``target`` is moved aside, the new
    one renamed into place, and the old one deleted, so ``target`` is always
    either the old or the new folder, never a mixture.
    """
    staging, target = Path(staging), Path(target)
    for path in staging.rglob("*"):
        if path.is_file():
            with open(path, "rb") as f, contextlib.suppress(OSError):
                os.fsync(f.fileno())          # Windows cannot fsync a read-only handle
    if not target.exists():
        os.replace(staging, target)
        return target
    backup = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    backup.rmdir()
    os.replace(target, backup)
    try:
        os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.replace(backup, target)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return target
