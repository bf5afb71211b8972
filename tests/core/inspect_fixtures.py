"""Tiny random encoders for the inspect tests (plain functions, shared by several test files).

Every builder writes a complete model folder (safetensors + fast tokenizer) that
:func:`workbench.core.inspect.model.load_for_inspection` can load, in well under
a second: vocabulary ~300, hidden size 32, 2 layers, 2 heads, 64 positions.

Typical use, once per test module::

    from tests.core.inspect_fixtures import build_tiny_bert, limit_threads

    @pytest.fixture(scope="module")
    def bert_folder(tmp_path_factory):
        limit_threads()
        return build_tiny_bert(tmp_path_factory.mktemp("inspect") / "mlm")

``tests/core/conftest.py`` has that one as the fixture ``tiny_bert_folder``, and
the three masked-LM architectures of :data:`BUILDERS`, loaded by
:func:`load_tiny_models`, as ``tiny_models`` and ``peaked_models``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerFast

    from workbench.core.inspect.model import InspectModel

#: Hidden size, layers, heads, feed-forward size and positions of every tiny model.
HIDDEN = 32
LAYERS = 2
HEADS = 2
INTERMEDIATE = 64
POSITIONS = 64
VOCAB = 300

_TEXTS = (
    "The cat sat on the mat and looked at the dog.",
    "A dog ran across the park to catch the ball.",
    "She went to the bank to deposit her money.",
    "The bank approved the loan for the new house.",
    "He opened an account at the bank last year.",
    "The bank raised its interest rates again.",
    "They walked along the river bank at sunset.",
    "The boat drifted toward the muddy bank of the river.",
    "Fish were resting near the grassy bank of the stream.",
    "We had a picnic on the bank of the lake.",
    "Paris is the capital of France.",
    "Berlin is the capital of Germany.",
    "The children played football in the garden.",
    "My brother reads a book every evening.",
    "The weather was cold and the wind was strong.",
    "A small bird sang in the old tree.",
    "The teacher explained the lesson to the students.",
    "Scientists discovered a new planet near a distant star.",
    "He plays the bass guitar in a rock band.",
    "The bass swam slowly in the deep lake.",
    "Please open the window because it is warm inside.",
    "The train arrived at the station ten minutes late.",
    "Music filled the hall during the concert.",
    "She bought fresh apples and bread at the market.",
    "Quick brown foxes jump over lazy dogs, yes!",
    "Numbers like 1, 2, 3 and 42 appear in texts too.",
)


def tiny_texts() -> list[str]:
    """A few dozen short English sentences (two senses of "bank", of "bass", ...)."""
    return list(_TEXTS)


def limit_threads() -> None:
    """Use one torch thread (the test machine is shared)."""
    import torch

    torch.set_num_threads(1)


def build_tiny_wordpiece(folder: str | Path, texts: Sequence[str] | None = None) -> Path:
    """Train a WordPiece tokenizer (vocabulary ≤ 300) on ``texts`` into ``folder``."""
    from workbench.core.bert.tokenizer import WordPieceSettings, train_wordpiece

    return train_wordpiece(list(texts or _TEXTS),
                           WordPieceSettings(vocab_size=VOCAB, min_frequency=1), Path(folder))


def _wordpiece(texts: Sequence[str] | None) -> PreTrainedTokenizerFast:
    from workbench.core.bert.tokenizer import load_tokenizer

    with tempfile.TemporaryDirectory(prefix="tiny-tok-") as tmp:
        return load_tokenizer(build_tiny_wordpiece(Path(tmp) / "tok", texts))


def _save(model: PreTrainedModel, tokenizer: PreTrainedTokenizerFast,
          folder: str | Path) -> Path:
    from workbench.core.bert.models import save_model

    model.eval()
    return save_model(model, tokenizer, Path(folder))


def build_tiny_bert(folder: str | Path, *, mlm: bool = True, seed: int = 0,
                    texts: Sequence[str] | None = None, layers: int = LAYERS,
                    heads: int = HEADS, positions: int = POSITIONS,
                    init_range: float = 0.02) -> Path:
    """Write a tiny random BERT (``BertForMaskedLM``, or ``BertModel`` when ``mlm=False``).

    Parameters
    ----------
    folder
        The model folder to write (created; must not hold other files).
    mlm
        With the masked-LM head (``BertForMaskedLM``) or the bare encoder.
    seed
        ``torch.manual_seed`` before the weights are drawn.
    texts
        Tokenizer training texts (default :func:`tiny_texts`).
    layers, heads, positions
        Model shape (hidden size 32, feed-forward 64).
    init_range
        Standard deviation of the random weights (``initializer_range``);
        ~0.2 gives peaked, well-separated predictions (0.02 is nearly uniform).

    Returns
    -------
    Path
        ``folder``.
    """
    import torch
    from transformers import BertConfig, BertForMaskedLM, BertModel

    tok = _wordpiece(texts)
    cfg = BertConfig(vocab_size=len(tok), hidden_size=HIDDEN, num_hidden_layers=layers,
                     num_attention_heads=heads, intermediate_size=INTERMEDIATE,
                     max_position_embeddings=positions, pad_token_id=tok.pad_token_id,
                     initializer_range=init_range)
    torch.manual_seed(seed)
    model = BertForMaskedLM(cfg) if mlm else BertModel(cfg)
    return _save(model, tok, folder)


def build_tiny_distilbert(folder: str | Path, *, seed: int = 0,
                          texts: Sequence[str] | None = None, init_range: float = 0.02) -> Path:
    """Write a tiny random ``DistilBertForMaskedLM`` with a WordPiece tokenizer."""
    import torch
    from transformers import DistilBertConfig, DistilBertForMaskedLM

    tok = _wordpiece(texts)
    cfg = DistilBertConfig(vocab_size=len(tok), dim=HIDDEN, n_layers=LAYERS, n_heads=HEADS,
                           hidden_dim=INTERMEDIATE, max_position_embeddings=POSITIONS,
                           pad_token_id=tok.pad_token_id, initializer_range=init_range)
    torch.manual_seed(seed)
    return _save(DistilBertForMaskedLM(cfg), tok, folder)


def tiny_bpe_tokenizer(texts: Sequence[str] | None = None) -> PreTrainedTokenizerFast:
    """A RoBERTa-style byte-level BPE tokenizer (``<s> </s> <pad> <mask> <unk>``) on ``texts``."""
    from tokenizers import AddedToken, ByteLevelBPETokenizer, processors
    from transformers import RobertaTokenizerFast

    # As in roberta-base: the mask swallows the space before it ("the <mask>").
    specials = ["<s>", "<pad>", "</s>", "<unk>",
                AddedToken("<mask>", lstrip=True, special=True, normalized=False)]
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(list(texts or _TEXTS), vocab_size=VOCAB, min_frequency=1,
                            special_tokens=specials, show_progress=False)
    backend = bpe._tokenizer  # the tokenizers.Tokenizer inside the implementation wrapper
    backend.post_processor = processors.RobertaProcessing(
        ("</s>", backend.token_to_id("</s>")), ("<s>", backend.token_to_id("<s>")),
        trim_offsets=True, add_prefix_space=False)
    return RobertaTokenizerFast(tokenizer_object=backend, bos_token="<s>", eos_token="</s>",
                                sep_token="</s>", cls_token="<s>", unk_token="<unk>",
                                pad_token="<pad>", mask_token="<mask>", model_max_length=512)


def build_tiny_roberta(folder: str | Path, *, seed: int = 0,
                       texts: Sequence[str] | None = None, init_range: float = 0.02) -> Path:
    """Write a tiny random ``RobertaForMaskedLM`` with a byte-level BPE tokenizer."""
    import torch
    from transformers import RobertaConfig, RobertaForMaskedLM

    tok = tiny_bpe_tokenizer(texts)
    cfg = RobertaConfig(vocab_size=len(tok), hidden_size=HIDDEN, num_hidden_layers=LAYERS,
                        num_attention_heads=HEADS, intermediate_size=INTERMEDIATE,
                        max_position_embeddings=POSITIONS + 2, type_vocab_size=1,
                        pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id,
                        eos_token_id=tok.eos_token_id, initializer_range=init_range)
    torch.manual_seed(seed)
    return _save(RobertaForMaskedLM(cfg), tok, folder)


def build_tiny_gpt2(folder: str | Path, *, seed: int = 0) -> Path:
    """Write a tiny random GPT-2 (a decoder, which inspection must refuse) with a BERT tokenizer."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    tok = _wordpiece(None)
    cfg = GPT2Config(n_layer=1, n_embd=HIDDEN, n_head=2, vocab_size=len(tok),
                     n_positions=POSITIONS, bos_token_id=tok.cls_token_id,
                     eos_token_id=tok.sep_token_id)
    torch.manual_seed(seed)
    return _save(GPT2LMHeadModel(cfg), tok, folder)


#: The masked-LM builders, by model type.
BUILDERS = {"bert": build_tiny_bert, "distilbert": build_tiny_distilbert,
            "roberta": build_tiny_roberta}
#: A sentence, and a second one to pair with it (two senses of "bank").
TEXT = "The bank raised its interest rates again."
PAIR = "They walked along the river bank."
#: Parametrizes a test over ``pair`` (``None``, then :data:`PAIR`) and ``name`` (each builder).
each_model_and_pair = pytest.mark.parametrize(
    ("pair", "name"), [(pair, name) for pair in (None, PAIR) for name in BUILDERS])


def load_tiny_models(root: str | Path, *, init_range: float = 0.02) -> dict[str, InspectModel]:
    """Build every model of :data:`BUILDERS` under ``root`` and load each for inspection (CPU).

    Calls :func:`limit_threads` first; ``init_range`` as in :func:`build_tiny_bert`.
    """
    from workbench.core.inspect.model import load_for_inspection

    limit_threads()
    return {name: load_for_inspection(build(Path(root) / name, init_range=init_range),
                                      device="cpu")
            for name, build in BUILDERS.items()}
