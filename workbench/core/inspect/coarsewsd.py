"""CoarseWSD-20 (Loureiro et al. 2021): 20 ambiguous nouns with gold coarse senses.

The dataset folder holds one folder per word with ``classes_map.txt`` (JSON:
class id -> sense name such as ``bank_bank_(geography)``),
``<split>.data.txt`` (``<token index><TAB><tokenized, lower-cased sentence>``)
and ``<split>.gold.txt`` (one class id per line).  :func:`load_coarsewsd`
turns them into :class:`~workbench.core.inspect.contextual.Occurrence` objects
whose ``label`` is the gold sense, so :func:`~workbench.core.inspect.senses.analyse_senses`
can score its clusters against it.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.inspect.contextual import Occurrence
from workbench.core.messages import msg

__all__ = ["COARSEWSD_WORDS", "coarsewsd_folder", "coarsewsd_senses", "load_coarsewsd"]

#: The 20 words of CoarseWSD-20.
COARSEWSD_WORDS: tuple[str, ...] = (
    "apple", "arm", "bank", "bass", "bow", "chair", "club", "crane", "deck", "digit",
    "hood", "java", "mole", "pitcher", "pound", "seal", "spring", "square", "trunk", "yard")

_SPLITS = ("train", "test")


def coarsewsd_folder(root: str | Path) -> Path:
    """The CoarseWSD-20 folder: ``root`` itself, or ``root/CoarseWSD-20``.

    Raises
    ------
    WorkbenchError
        When neither holds the word folders.
    """
    root = Path(root).expanduser()
    for candidate in (root, root / "CoarseWSD-20"):
        if (candidate / "bank" / "classes_map.txt").is_file():
            return candidate
    raise WorkbenchError(msg("{root} is not the CoarseWSD-20 folder (it should hold one folder "
                             "per word, such as bank/ with classes_map.txt).", root=root),
                         path=root)


def _check_word(word: str) -> str:
    w = word.strip().lower()
    if w not in COARSEWSD_WORDS:
        raise WorkbenchError(msg("'{word}' is not a CoarseWSD-20 word; the 20 words are "
                                 "{COARSEWSD_WORDS}.", word=word,
                                 COARSEWSD_WORDS=', '.join(COARSEWSD_WORDS)))
    return w


def coarsewsd_senses(root: str | Path, word: str) -> dict[str, str]:
    """``classes_map.txt`` of ``word``: class id (a string) -> sense name."""
    folder = coarsewsd_folder(root) / _check_word(word)
    path = folder / "classes_map.txt"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkbenchError(msg("Cannot read the sense list {path}: {exc}", path=path, exc=exc),
                             path=path) from exc
    if not isinstance(data, dict) or not data:
        raise WorkbenchError(msg("{path} should map class ids to sense names.", path=path),
                             path=path)
    return {str(k): str(v) for k, v in data.items()}


def load_coarsewsd(root: str | Path, word: str, split: str = "train",
                   limit: int | None = None) -> list[Occurrence]:
    """Occurrences of a CoarseWSD-20 word with their gold senses.

    Parameters
    ----------
    root
        The CoarseWSD-20 folder (or the folder holding it, such as ``shared/data``).
    word
        One of :data:`COARSEWSD_WORDS`.
    split
        ``"train"`` or ``"test"``.
    limit
        Read only the first ``limit`` sentences.

    Returns
    -------
    list of Occurrence
        ``text`` the tokenized sentence, ``start``/``end`` the target token's
        character span (tokens are separated by single spaces), ``source``
        ``"bank/train.data.txt:12"``, ``label`` the sense name from
        ``classes_map.txt``.

    Raises
    ------
    WorkbenchError
        For a word not in the dataset (the message lists the 20 words), an
        unknown split, a missing file or a malformed line (file and line named).
    """
    w = _check_word(word)
    if split not in _SPLITS:
        raise WorkbenchError(msg("The split must be 'train' or 'test', not {split!r}.",
                                 split=split))
    if limit is not None and limit < 0:
        raise WorkbenchError(msg("The sentence limit must be 0 or more, not {limit}.", limit=limit))
    senses = coarsewsd_senses(root, w)
    folder = coarsewsd_folder(root) / w
    data_path = folder / f"{split}.data.txt"
    gold_path = folder / f"{split}.gold.txt"
    try:
        data = data_path.read_text(encoding="utf-8").splitlines()
        gold = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise WorkbenchError(msg("Cannot read {exc_filename}: {exc_strerror}.",
                                 exc_filename=exc.filename, exc_strerror=exc.strerror),
                             path=exc.filename) from exc
    if len(gold) < len(data):
        raise WorkbenchError(msg("{gold_path} has {n_gold:,} labels for {n_data:,} sentences in "
                                 "{data_path_name}.", gold_path=gold_path, n_gold=len(gold),
                                 n_data=len(data), data_path_name=data_path.name), path=gold_path)
    out: list[Occurrence] = []
    for n, (line, label) in enumerate(zip(data, gold), 1):
        if limit is not None and len(out) >= limit:
            break
        if not line.strip():
            continue
        index_text, sep, sentence = line.partition("\t")
        try:
            index = int(index_text)
        except ValueError:
            index = -1
        tokens = sentence.split(" ")
        if not sep or not 0 <= index < len(tokens):
            raise WorkbenchError(msg("{data_path}, line {n}: expected '<token "
                                     "index><TAB><sentence>' with the index inside the sentence.",
                                     data_path=data_path, n=n),
                                 path=data_path, line=n)
        sense = senses.get(label.strip())
        if sense is None:
            raise WorkbenchError(msg("{gold_path}, line {n}: class {strip!r} is not in "
                                     "classes_map.txt.", gold_path=gold_path, n=n,
                                     strip=label.strip()), path=gold_path, line=n)
        start = sum(len(t) + 1 for t in tokens[:index])
        end = start + len(tokens[index])
        out.append(Occurrence(sentence, start, end, f"{w}/{data_path.name}:{n}", sense))
    return out
