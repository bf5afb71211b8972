"""Word tokenization for corpus statistics and training.

A token is a Unicode word that may contain internal hyphens and apostrophes
(``state-of-the-art``, ``don't``, ``o'clock``, ``l'homme``, ``l’homme``) or a
number with internal ``.``/``,`` (``3.14``, ``1,000``).  Punctuation becomes a
token only with ``keep_punctuation`` (one character per token).  Tokens never
contain whitespace, so a tokenized sentence joined by spaces can be split
again (the format of gensim's ``corpus_file``).

Chinese (Han characters) is handled by :attr:`TokenizerSettings.chinese`:

``"off"``    Han runs are ordinary words (a run between punctuation is one token).
``"chars"``  every Han character is a token; other words use the regex.
``"jieba"``  Han runs are segmented with jieba (``pip install jieba``).
``"auto"``   each chunk is checked: when Han characters make up at least
             25 % of its letters, jieba is used if installed (else ``chars``);
             otherwise ``chars`` (stray Han characters become one-character
             tokens).

Sentence splitting (``split_sentences``) is a deliberately simple rule: a
sentence ends after ``.``, ``!`` or ``?`` (optionally followed by a closing
quote or bracket) when whitespace follows, and after ``。！？`` always, except
after a few common abbreviations (Mr. Mrs. Ms. Dr. Prof. St. Jr. Sr. vs. etc.
e.g. i.e. No. Inc. Ltd. Co. Gen. Gov. Sen. Rep. Rev. Capt. Col. Lt. Mt.) and
single capital letters (initials, ``U.S.``).  It works on running prose; text
that is already one sentence per line needs no splitting.

Speed
=====
Measured while choosing (``/tmp`` scripts, 30 MB of English: the NLTK corpora
of ``shared/data/nltk-english-corpora/plain`` decompressed and concatenated,
counted into a :class:`collections.Counter`).  The 2-core machine was shared
with other jobs (load average 2.5-6), so wall times vary; CPU seconds are the
steadier figure.

==========================================================  =========  =====
candidate                                                   wall s     CPU s
==========================================================  =========  =====
gensim ``simple_preprocess`` per line                       12.0-20.8  11.2
``tokenizers`` ``BertPreTokenizer`` per line (lower-cased)  11.6-20.5  13.1
one regex per file line, ``Counter.update`` per line        3.0-7.2    4.7
one regex on 1 MB chunks, one flat ``findall`` (no lines)   2.8-4.4    3.9
1 MB chunks, ``findall`` per line, ``Counter`` + cache (*)  3.9-7.9    4.9
1 MB chunks, one pattern also matching ``"\\n"`` + cache    4.6-10.3   4.6
:func:`compute_stats`, 1 process (cache written)            7.0-9.4    4.1-4.6
:func:`compute_stats`, 2 tokenizer processes                4.9-10.4   5.2-6.0
==========================================================  =========  =====

(*) chosen.  Regex variants (``\\w+`` alone, ASCII-only classes, possessive
groups) were within 10 % of each other; the regex (~65 %) and ``Counter``
(~25 %) are the cost.  Two processes win only with a core to spare (4.9 s
against 7.5 s at load 2.7; no win at load 6, as they use 12-25 % more CPU in
all), so :func:`~workbench.core.corpus.stats.compute_stats` starts them only
for big corpora on a machine with an idle core.  The chosen path lower-cases a
~1 MB chunk once, runs one compiled pattern per line with ``re.findall`` and
counts with ``Counter.update`` over ``itertools.chain`` (C speed).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterable

from workbench.core.errors import MissingDependency, ParameterError
from workbench.core.messages import msg

__all__ = ["TokenizerSettings", "Tokenizer", "CHINESE_MODES", "is_cjk_dominated"]

CHINESE_MODES = ("auto", "jieba", "chars", "off")

_HAN = ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        "\U00020000-\U0002ebef\U00030000-\U0003134f")
_HAN_RE = re.compile(f"[{_HAN}]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# A word: starts with a letter or digit, may contain underscores, and internal
# hyphens/apostrophes joining further word characters.
_WORD = r"[^\W_]+(?:[-'’_][^\W_]+|(?<=\d)[.,]\d+)*"
_WORD_NO_HAN = rf"[^\W_{_HAN}]+(?:[-'’_][^\W_{_HAN}]+|(?<=\d)[.,]\d+)*"
_PUNCT = r"[^\w\s]"
_MARKS_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DIGIT_RE = re.compile(r"\d")

_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "e.g",
                  "i.e", "No", "Inc", "Ltd", "Co", "Gen", "Gov", "Sen", "Rep", "Rev",
                  "Capt", "Col", "Lt", "Mt", "Fig", "cf", "al")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
_SENTENCE_END_RE = re.compile(
    # Western: an end mark not closing an abbreviation, then horizontal whitespace ...
    rf"(?<=[.!?]){_NOT_AFTER}[ \t]+"
    # ... or an end mark and closing quotes/brackets, then whitespace.
    r"|(?<=[.!?][\"'”’»)\]])[ \t]+"
    # Chinese: after 。！？ (and any closing quotes) unless the line ends there.
    r"|(?<=[。！？])(?![。！？”’」』）\"\n])(?=.)"
    r"|(?<=[。！？][”’」』）\"])(?![”’」』）\"\n])(?=.)")


@dataclass(frozen=True)
class TokenizerSettings:
    """How text is cut into tokens.

    Attributes
    ----------
    lowercase
        Lower-case everything.
    strip_accents
        Remove accents (``café`` -> ``cafe``): NFKD, drop combining marks,
        recompose (Chinese, Japanese and Korean text is left intact).
    fold_numbers
        Replace every digit by ``0`` (``1984`` -> ``0000``).
    keep_punctuation
        Keep punctuation characters as one-character tokens.
    split_sentences
        Split lines into sentences at ``. ! ? 。！？`` (see the module doc).
    chinese
        ``"auto"``, ``"jieba"``, ``"chars"`` or ``"off"`` (see the module doc).
    """

    lowercase: bool = True
    strip_accents: bool = False
    fold_numbers: bool = False
    keep_punctuation: bool = False
    split_sentences: bool = False
    chinese: str = "auto"

    def __post_init__(self) -> None:
        if self.chinese not in CHINESE_MODES:
            raise ParameterError(msg("The Chinese mode must be one of {CHINESE_MODES}, not "
                                     "{chinese!r}.", CHINESE_MODES=', '.join(CHINESE_MODES),
                                     chinese=self.chinese))

    def key(self) -> str:
        """Return a stable short hash of the settings (used in cache file names)."""
        payload = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(b"tok1:" + payload).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as a plain dict (for run parameters and JSON)."""
        return asdict(self)


def is_cjk_dominated(text: str, sample: int = 20_000) -> bool:
    """Whether Han characters make up at least 25 % of the letters at the start of ``text``."""
    head = text[:sample]
    han = len(_HAN_RE.findall(head))
    if han == 0:
        return False
    letters = len(_LETTER_RE.findall(head))
    return han >= 0.25 * max(letters, 1)


def _jieba() -> Any | None:
    """Import jieba quietly, or return ``None`` when it is not installed."""
    try:
        import jieba  # noqa: PLC0415 - heavy/optional, imported on use
    except ImportError:
        return None
    jieba.setLogLevel(60)
    return jieba


class Tokenizer:
    """Turns lines and chunks of text into lists of tokens.

    Parameters
    ----------
    settings
        The :class:`TokenizerSettings`.

    Raises
    ------
    MissingDependency
        ``chinese="jieba"`` while jieba is not installed.
    """

    def __init__(self, settings: TokenizerSettings = TokenizerSettings()) -> None:
        self.settings = settings
        punct = f"|{_PUNCT}" if settings.keep_punctuation else ""
        # One pattern per Chinese handling: Han runs as words, single Han chars,
        # or whole Han runs captured for jieba.
        self._re_plain = re.compile(f"{_WORD}{punct}")
        self._re_chars = re.compile(f"[{_HAN}]|{_WORD_NO_HAN}{punct}")
        self._re_runs = re.compile(f"[{_HAN}]+|{_WORD_NO_HAN}{punct}")
        self._jieba: Any | None = None
        if settings.chinese == "jieba":
            self._jieba = _jieba()
            if self._jieba is None:
                raise MissingDependency(
                    msg("Chinese word segmentation needs the jieba package, which is not "
                        "installed. Install it with:  pip install jieba  (or choose the 'chars' "
                        "Chinese mode)."))
        self._jieba_checked = settings.chinese == "jieba"

    # ------------------------------------------------------------ pieces
    def normalize(self, text: str) -> str:
        """Apply accent stripping, lower-casing and number folding to ``text``."""
        s = self.settings
        if s.strip_accents and not text.isascii():
            text = unicodedata.normalize("NFKD", text)
            text = _MARKS_RE.sub("", text)
            text = unicodedata.normalize("NFC", text)
        if s.lowercase:
            text = text.lower()
        if s.fold_numbers:
            text = _DIGIT_RE.sub("0", text)
        return text

    @staticmethod
    def split_sentences_in(text: str) -> str:
        """Return ``text`` with a line break at every sentence end (see the module doc)."""
        return _SENTENCE_END_RE.sub("\n", text)

    def _mode_for(self, text: str) -> str:
        mode = self.settings.chinese
        if mode == "auto":
            if is_cjk_dominated(text):
                if not self._jieba_checked:
                    self._jieba = _jieba()
                    self._jieba_checked = True
                return "jieba" if self._jieba is not None else "chars"
            return "chars"
        return mode

    def _line_tokenizer(self, mode: str) -> Callable[[str], list[str]]:
        if mode == "off":
            return self._re_plain.findall
        if mode == "chars":
            return self._re_chars.findall
        runs = self._re_runs.findall
        cut = self._jieba.lcut  # type: ignore[union-attr]
        han_start = _HAN_RE.match

        def jieba_line(line: str) -> list[str]:
            out: list[str] = []
            for tok in runs(line):
                if han_start(tok):
                    out.extend(w for w in cut(tok, HMM=True) if not w.isspace())
                else:
                    out.append(tok)
            return out
        return jieba_line

    # ------------------------------------------------------------ public
    def tokenize(self, line: str) -> list[str]:
        """Return the tokens of one line (sentence splitting is not applied)."""
        text = self.normalize(line)
        return self._line_tokenizer(self._mode_for(text))(text)

    def sentences(self, text_chunk: str) -> list[list[str]]:
        """Return the tokenized sentences of a chunk of lines; empty ones are dropped.

        With ``split_sentences`` the lines are first split at sentence ends.
        """
        if self.settings.split_sentences:
            text_chunk = self.split_sentences_in(text_chunk)
        text = self.normalize(text_chunk)
        find = self._line_tokenizer(self._mode_for(text))
        return [toks for toks in map(find, text.split("\n")) if toks]

    def tokenize_lines(self, lines: Iterable[str]) -> list[list[str]]:
        """Tokenize many lines at once (sentences split as in :meth:`sentences`)."""
        return self.sentences("\n".join(lines))
