"""How contextual are a model's word vectors, layer by layer (Ethayarajh 2019).

Kawin Ethayarajh, "How Contextual are Contextualized Word Representations?
Comparing the Geometry of BERT, ELMo, and GPT-2 Embeddings", EMNLP 2019.
Over a sample of sentences, for every layer (the embedding output included):

self-similarity
    For a word seen in several contexts, the mean cosine similarity between
    its occurrences' vectors (all pairs), averaged over words.  1 would mean
    the layer gives the word one vector whatever the context (static).
intra-sentence similarity
    The mean cosine similarity between each word's vector and the mean
    vector of its sentence, averaged over sentences (of two words or more).
maximum explainable variance (MEV)
    For a word's occurrence matrix ``M`` (occurrences x hidden, not
    centred, as in the paper), ``sigma_1^2 / sum_i sigma_i^2`` with
    ``sigma_i`` the singular values of ``M``: the share of the variance a
    single static vector could explain, averaged over words.

Anisotropy baselines (the paper's correction): vectors of a layer share a
common direction, so even unrelated words have a positive cosine.  The
baseline is the mean cosine between ``pairs`` random pairs of occurrences of
*different* words; the MEV baseline is the MEV of groups of random
occurrences (groups as large as a typical word's).  ``*_adjusted`` = raw -
baseline.

Words are runs of letters and digits (lower-cased), each the average of its
word pieces.  Words seen at least ``min_occurrences`` times are kept, most
frequent first, up to ``max_words``; at most ``max_per_word`` occurrences of
each (a random sample) enter the statistics.  Sentences longer than the
model's maximum are cut at the end.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.inspect.contextual import _pieces_in, forward_hidden_states, words_in
from workbench.core.inspect.senses import STOPWORDS
from workbench.core.messages import msg
from workbench.core.tasks import NULL_PROGRESS, Progress, ScaledProgress

if TYPE_CHECKING:
    from workbench.core.inspect.model import InspectModel

__all__ = ["ContextualityResult", "contextuality", "max_explainable_variance",
           "self_similarity"]

_MEV_GROUPS = 50


@dataclass(frozen=True)
class ContextualityResult:
    """Contextuality statistics per layer (index 0 = the embedding layer's output).

    Attributes
    ----------
    layers
        ``[0, 1, ..., num_layers]``.
    self_similarity, intra_similarity, mev
        ``(layers + 1,)`` raw statistics (see the module notes).
    baseline
        ``(layers + 1,)`` mean cosine between random occurrences of different
        words (the anisotropy baseline).
    mev_baseline
        ``(layers + 1,)`` MEV of groups of random occurrences.
    self_similarity_adjusted, intra_similarity_adjusted, mev_adjusted
        Raw minus baseline.
    words
        How many words entered self-similarity and MEV.
    occurrences
        How many occurrences of those words.
    sentences
        Sentences that gave at least one word.
    word_list
        The words, most frequent first.
    word_self_similarity
        ``(words, layers + 1)`` self-similarity of each word.
    word_mev
        ``(words, layers + 1)`` MEV of each word.
    """

    layers: list[int]
    self_similarity: np.ndarray
    intra_similarity: np.ndarray
    mev: np.ndarray
    baseline: np.ndarray
    mev_baseline: np.ndarray
    self_similarity_adjusted: np.ndarray
    intra_similarity_adjusted: np.ndarray
    mev_adjusted: np.ndarray
    words: int
    occurrences: int
    sentences: int = 0
    word_list: list[str] = field(default_factory=list)
    word_self_similarity: np.ndarray | None = None
    word_mev: np.ndarray | None = None


def self_similarity(vectors: np.ndarray) -> np.ndarray:
    """Mean pairwise cosine of ``(n, layers, hidden)`` occurrence vectors, per layer.

    Uses ``|sum of unit vectors|^2 = n + 2 * sum over pairs of cosines``.
    """
    v = np.asarray(vectors, dtype=np.float64)
    n = v.shape[0]
    if n < 2:
        raise ParameterError(msg("Self-similarity needs at least two occurrences."))
    norms = np.linalg.norm(v, axis=2, keepdims=True)
    norms[norms == 0] = 1.0
    s = (v / norms).sum(axis=0)                              # (layers, hidden)
    return ((s * s).sum(axis=1) - n) / (n * (n - 1))


def max_explainable_variance(vectors: np.ndarray) -> np.ndarray:
    """``sigma_1^2 / sum sigma_i^2`` of each layer's ``(n, hidden)`` matrix, not centred."""
    v = np.asarray(vectors, dtype=np.float64)
    gram = np.einsum("nlh,mlh->lnm", v, v)                   # (layers, n, n)
    top = np.linalg.eigvalsh(gram)[:, -1]
    total = np.trace(gram, axis1=1, axis2=2)
    return np.where(total > 0, top / np.where(total > 0, total, 1.0), 0.0)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of matching rows along the last axis."""
    num = (a * b).sum(axis=-1)
    den = np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1)
    return num / np.where(den > 0, den, 1.0)


def contextuality(model: InspectModel, sentences: Sequence[str], *, min_occurrences: int = 5,
                  max_words: int = 200, pairs: int = 1000, seed: int = 0,
                  progress: Progress = NULL_PROGRESS, skip_stopwords: bool = False,
                  max_per_word: int = 100, batch_size: int = 32) -> ContextualityResult:
    """Self-similarity, intra-sentence similarity and MEV per layer, with baselines.

    Parameters
    ----------
    model
        A model from :func:`~workbench.core.inspect.model.load_for_inspection`.
    sentences
        The sample (one sentence or line each).
    min_occurrences
        A word enters self-similarity and MEV when seen this often (at least 2).
    max_words
        At most this many words, the most frequent first.
    pairs
        Random pairs of occurrences of different words for the baseline.
    seed
        Random seed (sampling of occurrences and pairs).
    progress
        One report and cancel check per batch of sentences.
    skip_stopwords
        Leave out a short list of English function words.
    max_per_word
        At most this many occurrences of a word (a random sample).
    batch_size
        Sentences per forward pass.

    Raises
    ------
    WorkbenchError
        When no word occurs ``min_occurrences`` times.
    """
    if min_occurrences < 2:
        raise ParameterError(msg("min_occurrences must be 2 or more, not {min_occurrences}.",
                                 min_occurrences=min_occurrences))
    if max_words < 1 or pairs < 1 or max_per_word < 2:
        raise ParameterError(msg("max_words and pairs must be 1 or more, max_per_word 2 or more."))
    rng = np.random.default_rng(seed)
    tok = model.tokenizer
    texts = [s for s in sentences if s and s.strip()]
    progress.report(0.0, msg("Tokenizing {n_texts:,} sentences", n_texts=len(texts)))
    seqs: list[list[int]] = []
    words_pos: list[list[list[int]]] = []       # per sentence: piece positions of each word
    words_key: list[list[str]] = []
    if texts:
        enc = tok(texts, add_special_tokens=True, truncation=True,
                  max_length=model.max_length, return_offsets_mapping=True,
                  return_special_tokens_mask=True)
    for i, text in enumerate(texts):
        offsets = enc["offset_mapping"][i]
        special = enc["special_tokens_mask"][i]
        pos_list, keys = [], []
        for w, s, e in words_in(text):
            pos = _pieces_in(offsets, special, s, e)
            if pos:
                pos_list.append(pos)
                keys.append(w.lower())
        if keys:
            seqs.append(list(enc["input_ids"][i]))
            words_pos.append(pos_list)
            words_key.append(keys)
    counts = Counter(k for keys in words_key for k in keys)
    eligible = [w for w, c in counts.items() if c >= min_occurrences
                and not (skip_stopwords and w in STOPWORDS)]
    eligible.sort(key=lambda w: (-counts[w], w))
    chosen = eligible[:max_words]
    if not chosen:
        raise WorkbenchError(
            msg("No word occurs at least {min_occurrences} times in the {n_texts:,} sentences; "
                "add sentences or lower the minimum number of occurrences.",
                min_occurrences=min_occurrences, n_texts=len(texts)))
    chosen_set = set(chosen)
    # which occurrences of the chosen words to keep (a random sample of max_per_word)
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for si, keys in enumerate(words_key):
        for wi, k in enumerate(keys):
            if k in chosen_set:
                where[k].append((si, wi))
    keep: dict[tuple[int, int], str] = {}
    for w in chosen:
        places = where[w]
        if len(places) > max_per_word:
            idx = np.sort(rng.choice(len(places), size=max_per_word, replace=False))
            places = [places[j] for j in idx]
        for p in places:
            keep[p] = w
    # a uniform random sample of all word occurrences, for the baselines
    all_places = [(si, wi) for si, keys in enumerate(words_key) for wi in range(len(keys))]
    n_res = min(len(all_places), max(2 * pairs, 500))
    res_idx = rng.choice(len(all_places), size=n_res, replace=False)
    reservoir = [all_places[j] for j in np.sort(res_idx)]
    wanted = set(keep) | set(reservoir)

    layers = model.num_layers + 1
    intra_sum = np.zeros(layers)
    intra_n = 0
    store: dict[tuple[int, int], np.ndarray] = {}
    for si, states in forward_hidden_states(model, seqs, batch_size=batch_size,
                                            progress=ScaledProgress(progress, 0.02, 0.9),
                                            message="Contextuality"):
        vecs = np.stack([states[:, pos, :].mean(axis=1) for pos in words_pos[si]])
        vecs = vecs.astype(np.float64)                          # (words, layers, hidden)
        if len(vecs) >= 2:
            mean = vecs.mean(axis=0, keepdims=True)
            intra_sum += _cos(vecs, mean).mean(axis=0)
            intra_n += 1
        for wi in range(len(vecs)):
            if (si, wi) in wanted:
                store[(si, wi)] = vecs[wi]
    progress.report(0.92, msg("Self-similarity and MEV"))
    progress.raise_if_cancelled()
    by_word: dict[str, list[np.ndarray]] = defaultdict(list)
    for p, w in sorted(keep.items()):
        by_word[w].append(store[p])
    word_self = np.stack([self_similarity(np.stack(by_word[w])) for w in chosen])
    word_mev = np.stack([max_explainable_variance(np.stack(by_word[w])) for w in chosen])
    n_occ = sum(len(by_word[w]) for w in chosen)

    progress.report(0.96, msg("Random baselines"))
    res_vecs = np.stack([store[p] for p in reservoir])
    res_words = np.array([words_key[si][wi] for si, wi in reservoir])
    baseline = np.zeros(layers)
    got = 0
    if len(set(res_words.tolist())) > 1:
        tries = 0
        while got < pairs and tries < 50:
            tries += 1
            i = rng.integers(0, len(reservoir), size=2 * pairs)
            j = rng.integers(0, len(reservoir), size=2 * pairs)
            ok = res_words[i] != res_words[j]
            i, j = i[ok][: pairs - got], j[ok][: pairs - got]
            baseline += _cos(res_vecs[i], res_vecs[j]).sum(axis=0)
            got += len(i)
    baseline = baseline / got if got else np.zeros(layers)
    size = int(np.clip(np.median([len(by_word[w]) for w in chosen]), 2, len(reservoir)))
    groups = [res_vecs[rng.choice(len(reservoir), size=size, replace=False)]
              for _ in range(min(len(chosen), _MEV_GROUPS))]
    mev_baseline = np.mean([max_explainable_variance(g) for g in groups], axis=0)

    self_sim = word_self.mean(axis=0)
    intra = intra_sum / intra_n if intra_n else np.full(layers, np.nan)
    mev = word_mev.mean(axis=0)
    progress.report(1.0, msg("Contextuality of {n_chosen:,} words in {n_seqs:,} sentences",
                             n_chosen=len(chosen), n_seqs=len(seqs)))
    return ContextualityResult(
        layers=list(range(layers)), self_similarity=self_sim, intra_similarity=intra, mev=mev,
        baseline=baseline, mev_baseline=mev_baseline,
        self_similarity_adjusted=self_sim - baseline, intra_similarity_adjusted=intra - baseline,
        mev_adjusted=mev - mev_baseline, words=len(chosen), occurrences=n_occ,
        sentences=len(seqs), word_list=list(chosen), word_self_similarity=word_self,
        word_mev=word_mev)
