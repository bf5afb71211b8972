"""The BERT panel: pretrain a BERT on the Corpus panel's corpus, then fine-tune it.

Two pages:

* **Pretrain** (:class:`PretrainPage`): tokenizer (train WordPiece on the corpus,
  or a folder), model size (presets, custom, or continue from a model folder)
  with a live parameter count and memory estimate, masking and training
  settings, optional initialisation of the word embeddings from the current
  static vectors; Start/Cancel, "Export config…" with the ``torchrun`` launch
  command, live curves (:class:`~workbench.ui.plots.bert_curves.TrainingCurves`)
  and a compare view of the recorded runs
  (:class:`~workbench.ui.widgets.pretrain_runs_view.PretrainRunsView`).
* **Fine-tune** (:class:`FinetunePage`): task, files, model folder (default: the
  last pretraining run's final model), a live loss curve, the metrics, a
  confusion-matrix heatmap and a wrong-predictions browser.

All heavy work (tokenizer training, model building, training) runs in the
pages' :class:`~workbench.ui.tasks.TaskRunner` worker threads; torch and
transformers are imported only there (and by the device check, at first show).
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import ParameterError, WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.i18n import core_text
from workbench.ui.notifications import MessageBar, show_job_error, show_unexpected_error
from workbench.ui.plots.bert_curves import ConfusionHeatmap, TrainingCurves
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.pretrain_runs_view import PretrainRunsView
from workbench.ui.widgets.spin_boxes import float_spin, int_spin

if TYPE_CHECKING:
    from workbench.core.bert.engine import TrainingSettings
    from workbench.core.bert.finetune import FinetuneRequest, FinetuneResult
    from workbench.core.bert.models import ModelSize
    from workbench.core.bert.pretrain import PretrainRequest, PretrainResult
    from workbench.core.embeddings import Embeddings
    from workbench.core.workspace import Workspace
    from workbench.ui.panels.static_panel import CorpusChoice

__all__ = ["BertPanel", "FilePreview", "FinetunePage", "PretrainPage", "load_training_libraries",
           "parse_ratios", "preview_finetune_file", "set_device_items", "static_vectors_file"]

#: ``kind`` of pretraining runs (the same as ``workbench.core.bert.pretrain.RUN_KIND``,
#: repeated here so that building the panel imports no BERT core module).
PRETRAIN_KIND = "bert_pretrain"
_SIZES = ("tiny", "mini", "small", "medium", "base", "large")
_CUSTOM = "custom"
_CONTINUE = "continue"
#: (label, task) of the fine-tuning task combo (labels in English; translated when shown,
#: in the ``FinetunePage`` context).
FINETUNE_TASKS = (
    (QT_TRANSLATE_NOOP("FinetunePage", "Sequence classification"), "classification"),
    (QT_TRANSLATE_NOOP("FinetunePage", "Sentence pair classification"), "pair-classification"),
    (QT_TRANSLATE_NOOP("FinetunePage", "Token tagging (CoNLL)"), "tagging"),
    (QT_TRANSLATE_NOOP("FinetunePage", "Extractive question answering (SQuAD)"), "qa"),
)
#: Metrics shown in the fine-tuning results table, in this order (labels translated when
#: shown, in the ``FinetunePage`` context).
_FINETUNE_METRICS = (
    ("accuracy", QT_TRANSLATE_NOOP("FinetunePage", "Accuracy")),
    ("macro_f1", QT_TRANSLATE_NOOP("FinetunePage", "Macro-F1")),
    ("entity_f1", QT_TRANSLATE_NOOP("FinetunePage", "Entity F1")),
    ("entity_precision", QT_TRANSLATE_NOOP("FinetunePage", "Entity precision")),
    ("entity_recall", QT_TRANSLATE_NOOP("FinetunePage", "Entity recall")),
    ("word_accuracy", QT_TRANSLATE_NOOP("FinetunePage", "Word accuracy")),
    ("exact_match", QT_TRANSLATE_NOOP("FinetunePage", "Exact match")),
    ("f1", QT_TRANSLATE_NOOP("FinetunePage", "F1")),
    ("train_loss", QT_TRANSLATE_NOOP("FinetunePage", "Training loss")),
    ("n_train", QT_TRANSLATE_NOOP("FinetunePage", "Training examples")),
    ("n_eval", QT_TRANSLATE_NOOP("FinetunePage", "Evaluation examples")),
    ("train_steps", QT_TRANSLATE_NOOP("FinetunePage", "Steps")),
    ("seconds", QT_TRANSLATE_NOOP("FinetunePage", "Seconds")),
)


# --------------------------------------------------------------------------- jobs
def static_vectors_file(emb: Embeddings, folder: str | Path) -> Path:
    """Write ``emb`` as word2vec text under ``folder`` (named by content) and return the path.

    The same vectors map to the same file, so repeated runs write it once.
    """
    from workbench.core.static.formats import save_vectors

    digest = hashlib.sha1()
    digest.update("\n".join(emb.words).encode("utf-8"))
    digest.update(np.ascontiguousarray(emb.vectors, dtype=np.float32).tobytes())
    path = Path(folder) / f"static-{digest.hexdigest()[:16]}.txt"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        save_vectors(emb, path, "word2vec")
    return path


def _static_folder(workspace: Workspace | None) -> Path:
    if workspace is not None:
        return workspace.cache_dir / "bert-static-init"
    return Path(tempfile.gettempdir()) / "workbench-bert-static-init"


_LIBRARIES_LOCK = threading.Lock()
_libraries_loaded = False


def load_training_libraries() -> None:
    """Import what BERT training uses with the cyclic GC paused, then freeze what it made.

    Called at the start of the BERT jobs, in their worker thread (once per
    process).  Why: the window's longest pauses during a first pretraining
    run in the app were full (generation-2) garbage collections in the
    worker thread, 70-400 ms each with the GIL held, so the GUI thread could
    not run: importing transformers, accelerate and the Trainer allocates
    ~0.4 M long-lived objects, which sets off several full collections during
    the imports and makes each later one (accelerate runs ``gc.collect()`` at
    the start of every ``Trainer.train``) scan all of them.  With the GC
    paused during the imports and their objects frozen afterwards (as
    ``run_app`` freezes the start-up objects), later full collections only
    scan what was made since.
    """
    global _libraries_loaded
    with _LIBRARIES_LOCK:
        if _libraries_loaded:
            return
        enabled = gc.isenabled()
        gc.disable()
        try:
            import torch  # noqa: F401
            import transformers
            import transformers.models.bert.modeling_bert  # noqa: F401
            from transformers import Trainer, TrainingArguments  # noqa: F401

            from workbench.core.bert import engine, finetune, pretrain  # noqa: F401

            engine._trainer_class()
            engine._callback_classes()
        finally:
            gc.freeze()
            if enabled:
                gc.enable()
        _libraries_loaded = True


def _pretrain_job(request: PretrainRequest, workspace: Workspace | None,
                  static: Embeddings | None, *,
                  progress: Progress = NULL_PROGRESS) -> PretrainResult:
    """Worker-thread job: write the static vectors if asked, then pretrain (and record)."""
    progress.report(None, QCoreApplication.translate("BertPanel",
                                                     "Loading PyTorch and transformers…"))
    load_training_libraries()
    from workbench.core.bert.pretrain import pretrain

    return pretrain(_with_static(request, workspace, static, progress), workspace, progress)


def _with_static(request: PretrainRequest, workspace: Workspace | None,
                 static: Embeddings | None, progress: Progress) -> PretrainRequest:
    if static is None:
        return request
    progress.report(None, QCoreApplication.translate(
        "BertPanel", "Writing the static vectors for initialisation…"))
    return replace(request, static_vectors=str(static_vectors_file(
        static, _static_folder(workspace))))


def _sweep_job(ratios: tuple[float, ...], request: PretrainRequest,
               workspace: Workspace | None, static: Embeddings | None, *,
               progress: Progress = NULL_PROGRESS) -> list[PretrainResult]:
    """Worker-thread job: one pretraining run per mask ratio (same data and seed)."""
    progress.report(None, QCoreApplication.translate("BertPanel",
                                                     "Loading PyTorch and transformers…"))
    load_training_libraries()
    from workbench.core.bert.pretrain import pretrain_sweep

    return pretrain_sweep(ratios, _with_static(request, workspace, static, progress),
                          workspace, progress)


def parse_ratios(text: str) -> tuple[float, ...]:
    """Mask ratios from ``"0.05, 0.15 0.3"`` (commas, semicolons or spaces between).

    Raises
    ------
    ParameterError
        Something that is not a number, a ratio outside (0, 1], or fewer than two.
    """
    import re

    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    ratios: list[float] = []
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            raise ParameterError(QCoreApplication.translate(
                "BertPanel", "{part} in the sweep's mask ratios is not a number; write them "
                "like 0.05, 0.15, 0.3.").format(part=repr(part))) from None
        if not 0.0 < value <= 1.0:
            raise ParameterError(QCoreApplication.translate(
                "BertPanel", "The mask ratio {value} is not between 0 and 1.").format(
                    value=value))
        if value not in ratios:
            ratios.append(value)
    if len(ratios) < 2:
        raise ParameterError(QCoreApplication.translate(
            "BertPanel", "Give at least two mask ratios to sweep, e.g. 0.05, 0.15, 0.3."))
    return tuple(ratios)


def _finetune_job(request: FinetuneRequest, workspace: Workspace | None, *,
                  progress: Progress = NULL_PROGRESS) -> FinetuneResult:
    """Worker-thread job: fine-tune, evaluate, save and record."""
    progress.report(None, QCoreApplication.translate("BertPanel",
                                                     "Loading PyTorch and transformers…"))
    load_training_libraries()
    from workbench.core.bert.finetune import finetune

    return finetune(request, workspace, progress)


@dataclass(frozen=True)
class FilePreview:
    """What the Fine-tune page shows about a training file before training.

    Attributes
    ----------
    task
        The task the file was read for.
    columns
        The header of a TSV/CSV file (empty for CoNLL and SQuAD files).
    labels
        Labels (tags) found, in the order the model gets them (empty for QA).
    examples
        Examples read (sentences for tagging, questions for QA).
    limited
        Whether reading stopped at the page's example limit.
    detail
        How the file was read (columns and layout, CoNLL columns, SQuAD version).
    error
        Why the file cannot be used as it is ("" when it can), naming the line.
    """

    task: str
    columns: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    examples: int = 0
    limited: bool = False
    detail: str = ""
    error: str = ""

    def describe(self) -> str:
        """One or two plain sentences for the page."""
        if not self.examples:
            return self.detail
        if self.task == "tagging":
            count = (QCoreApplication.translate("BertPanel", "{n} sentences (limit reached)")
                     if self.limited else QCoreApplication.translate("BertPanel", "{n} sentences"))
        elif self.task == "qa":
            count = (QCoreApplication.translate("BertPanel", "{n} questions (limit reached)")
                     if self.limited else QCoreApplication.translate("BertPanel", "{n} questions"))
        else:
            count = (QCoreApplication.translate("BertPanel", "{n} examples (limit reached)")
                     if self.limited else QCoreApplication.translate("BertPanel", "{n} examples"))
        parts = [count.format(n=f"{self.examples:,}")]
        if self.labels:
            shown = ", ".join(self.labels[:12]) + (", …" if len(self.labels) > 12 else "")
            noun = (QCoreApplication.translate("BertPanel", "{n} tags: {shown}")
                    if self.task == "tagging"
                    else QCoreApplication.translate("BertPanel", "{n} labels: {shown}"))
            parts.insert(0, noun.format(n=len(self.labels), shown=shown))
        if self.detail:
            parts.append(self.detail)
        return " · ".join(parts)


def preview_finetune_file(task: str, path: str | Path, *, text_column: str | None = None,
                          text_pair_column: str | None = None,
                          label_column: str | None = None, limit: int | None = None,
                          progress: Progress = NULL_PROGRESS) -> FilePreview:
    """Read a fine-tuning file as :func:`~workbench.core.bert.finetune.finetune` will.

    Errors in the file (a ragged row, an unknown column, a bad CoNLL line) are
    returned in :attr:`FilePreview.error`, with the header of a TSV/CSV file
    still listed so that the user can choose its columns.
    """
    from workbench.core.bert import finetune_data as fd

    path = Path(path)
    progress.report(None, QCoreApplication.translate("BertPanel", "Reading {name}…").format(
        name=path.name))
    columns: tuple[str, ...] = ()
    try:
        if task in ("classification", "pair-classification"):
            first = fd._first_line(path)
            if first is not None and first[1].strip():
                rows = fd._rows(path, fd._detect_delimiter(path, first[1]))
                try:
                    columns = tuple(h.strip() for h in next(rows)[1])
                finally:
                    rows.close()
            data = fd.read_classification_file(
                path, text_column=text_column, text_pair_column=text_pair_column,
                label_column=label_column, pair=task == "pair-classification", limit=limit)
            if data.text_pair_column:
                cols = QCoreApplication.translate(
                    "BertPanel", "text column {text}, second text {pair}, label column {label}")
            else:
                cols = QCoreApplication.translate("BertPanel",
                                                  "text column {text}, label column {label}")
            cols = cols.format(text=repr(data.text_column), pair=repr(data.text_pair_column),
                               label=repr(data.label_column))
            names = {"sst2": "SST-2", "mrpc": "MRPC", "rte": "RTE", "qqp": "QQP", "qnli": "QNLI"}
            if data.layout in names:
                cols = QCoreApplication.translate(
                    "BertPanel", "{columns} ({layout} layout)").format(
                        columns=cols, layout=names[data.layout])
            return FilePreview(task, columns, data.labels, len(data.examples),
                               limit is not None and len(data.examples) >= limit, cols)
        if task == "tagging":
            tagged = fd.read_conll(path, limit=limit)
            return FilePreview(task, (), tagged.labels, len(tagged.sentences),
                               limit is not None and len(tagged.sentences) >= limit,
                               QCoreApplication.translate(
                                   "BertPanel", "{n} columns (word first, tag last)").format(
                                       n=tagged.n_columns))
        qa = fd.read_squad(path, limit=limit, require_answers=True)
        version = (QCoreApplication.translate("BertPanel",
                                              "SQuAD 2.0 (with unanswerable questions)")
                   if qa.version_2 else "SQuAD 1.1")
        return FilePreview(task, (), (), len(qa.examples),
                           limit is not None and len(qa.examples) >= limit, version)
    except WorkbenchError as exc:
        return FilePreview(task, columns, error=core_text(exc))


def _html(text: str) -> str:
    import html

    return html.escape(text)


def _detect_devices(*, progress: Progress = NULL_PROGRESS) -> tuple[str, ...]:
    """The training devices PyTorch has here (``cpu`` always; ``cuda``, ``mps`` if present)."""
    import torch

    found = ["cpu"]
    if torch.cuda.is_available():
        found.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append("mps")
    return tuple(found)


def tokenizer_vocab_size(folder: str | Path) -> int | None:
    """Tokens of the tokenizer in ``folder`` (``tokenizer.json`` or ``vocab.txt``), if readable.

    Read without loading the tokenizer: the vocabulary plus added tokens that
    are not in it (what ``len(tokenizer)`` gives).
    """
    folder = Path(folder)
    tj = folder / "tokenizer.json"
    try:
        if tj.is_file():
            data = json.loads(tj.read_text(encoding="utf-8"))
            vocab = data.get("model", {}).get("vocab") or {}
            ids = set(vocab.values()) if isinstance(vocab, dict) else set(range(len(vocab)))
            ids.update(t["id"] for t in data.get("added_tokens") or [] if "id" in t)
            return len(ids) or None
        vt = folder / "vocab.txt"
        if vt.is_file():
            with open(vt, encoding="utf-8") as f:
                return sum(1 for _ in f) or None
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None
    return None


# --------------------------------------------------------------------------- helpers
def _path_row(parent: QWidget, placeholder: str, tip: str,
              browse: Callable[[], None]) -> tuple[QWidget, QLineEdit, QPushButton]:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(tip)
    button = QPushButton("…", parent)
    button.setToolTip(QCoreApplication.translate("BertPanel", "Browse"))
    button.setMaximumWidth(32)
    button.clicked.connect(browse)
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row, edit, button


def _device_combo(parent: QWidget) -> QComboBox:
    """The device choice shared by both pages (``auto`` + what PyTorch has, once known)."""
    combo = QComboBox(parent)
    set_device_items(combo, ("cpu",))
    combo.setToolTip(QCoreApplication.translate(
        "BertPanel", "Where to train: auto = CUDA, then Apple MPS, then CPU (only devices "
        "PyTorch has here are listed)"))
    return combo


def set_device_items(combo: QComboBox, devices: tuple[str, ...]) -> None:
    """List ``auto`` and ``devices`` in ``combo``, keeping the current choice if still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("BertPanel", "auto"), "auto")
    for name in devices:
        combo.addItem(name, name)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def _precision_combo(parent: QWidget) -> QComboBox:
    """The precision choice shared by both pages."""
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("BertPanel", "auto"), "auto")
    for name in ("fp32", "bf16", "fp16"):
        combo.addItem(name, name)
    combo.setToolTip(QCoreApplication.translate(
        "BertPanel", "auto = bf16 (or fp16) on CUDA, fp32 elsewhere; fp16 needs a GPU"))
    return combo


def _explore_row(parent: QWidget) -> tuple[QWidget, QPushButton, QCheckBox]:
    """An "Open in Explore" button with its "## pieces" option (both pages)."""
    button = QPushButton(QCoreApplication.translate("BertPanel", "Open in Explore"), parent)
    button.setToolTip(QCoreApplication.translate(
        "BertPanel", "Explore this model's input word embeddings (BERT's embedding layer) "
        "with neighbours, analogies and maps"))
    check = QCheckBox(QCoreApplication.translate("BertPanel", "## pieces"), parent)
    check.setToolTip(QCoreApplication.translate(
        "BertPanel", "Also show WordPiece continuation pieces (##ing, …)"))
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 1)
    layout.addWidget(check)
    button.setEnabled(False)
    return row, button, check


def _explore_job(folder: str, include_pieces: bool, *,
                 progress: Progress = NULL_PROGRESS) -> Embeddings:
    """Worker-thread job: a model folder's input word embeddings."""
    from workbench.core.bert.export import input_embeddings

    progress.report(None, QCoreApplication.translate(
        "BertPanel", "Reading the word embeddings of {name}…").format(name=Path(folder).name))
    return input_embeddings(folder, include_pieces=include_pieces)


def _scroll(parent: QWidget, inner: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMaximumWidth(420)
    area.setMinimumWidth(280)
    return area


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return "–" if not math.isfinite(value) else f"{value:.4f}"
    return str(value)


class _TrainingPage(QWidget):
    """What the Pretrain and Fine-tune pages share.

    A training job in :attr:`runner`, started and cancelled with Start and
    Cancel (Ctrl+Return, Esc); a scrolling settings column beside tabs of
    results whose first tab is the live curves; a status line, a summary of the
    last run and "Open in Explore" for its model.  A page builds its widgets
    with :meth:`_start_buttons`, :meth:`_optimiser_spins`, :meth:`_device_spins`
    and :meth:`_result_lines` (plus ``epochs_spin``, ``batch_spin`` and
    ``eval_every_spin``, which :meth:`_training_settings` also reads), places
    them with :meth:`_lay_out`, calls :meth:`_connect_runner`, and implements
    ``start``, ``result_model_folder``, ``_on_finished`` and ``_on_cancelled``.

    Parameters
    ----------
    runner_name
        The job's name in the window's job list.
    workspace
        Returns the workspace runs are recorded in.
    parent
        The owning widget.
    """

    #: A model folder to open in Explore, and whether to keep ``##`` pieces.
    open_in_explore = Signal(str, bool)

    def __init__(self, runner_name: str, workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.runner = TaskRunner(runner_name, self)
        self.message_bar = MessageBar(self)

    # ------------------------------------------------------------ building
    def _optimiser_spins(self, lr: float, lr_low: float, lr_decimals: int, lr_step: float,
                         warmup: float) -> None:
        """The learning rate, warm-up and weight decay boxes (``lr_spin``…)."""
        p = self
        self.lr_spin = float_spin(p, lr_low, 1.0, lr, lr_decimals, self.tr(
            "Peak learning rate (AdamW)"), lr_step)
        self.warmup_spin = float_spin(p, 0.0, 0.99, warmup, 3, self.tr(
            "Share of the steps with a linear warm-up of the learning rate"), 0.01)
        self.decay_spin = float_spin(p, 0.0, 1.0, 0.01, 4, self.tr("Decoupled weight decay"), 0.01)

    def _device_spins(self, seed_tip: str) -> None:
        """The device, precision and seed boxes (``device_combo``…)."""
        self.device_combo = _device_combo(self)
        self.precision_combo = _precision_combo(self)
        self.seed_spin = int_spin(self, 0, 2**31 - 1, 0, seed_tip)

    def _start_buttons(self, start_tip: str, cancel_tip: str) -> QHBoxLayout:
        """Start and Cancel (``start_button``, ``cancel_button``), side by side."""
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setToolTip(start_tip)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(cancel_tip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _result_lines(self, status_tip: str = "") -> QWidget:
        """``status_label``, ``summary_label`` and the "Open in Explore" row (returned)."""
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        self.status_label.setToolTip(status_tip)
        self.summary_label = QLabel("", self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        explore_row, self.explore_button, self.pieces_check = _explore_row(self)
        return explore_row

    def _lay_out(self, left: QVBoxLayout, explore_row: QWidget,
                 tabs: tuple[tuple[QWidget, str], ...]) -> None:
        """The settings ``left`` (then the result lines) beside ``right_tabs`` made of ``tabs``."""
        left.addWidget(self.status_label)
        left.addWidget(self.summary_label)
        left.addWidget(explore_row)
        left.addStretch(1)
        inner = QWidget(self)
        inner.setLayout(left)
        self.right_tabs = QTabWidget(self)
        for widget, title in tabs:
            self.right_tabs.addTab(widget, title)
        body = QHBoxLayout()
        body.addWidget(_scroll(self, inner))
        body.addWidget(self.right_tabs, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.message_bar)
        outer.addLayout(body, 1)

    def _connect_runner(self) -> None:
        """Start, Cancel, their shortcuts, "Open in Explore" and the runner's signals."""
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.explore_button.clicked.connect(self._on_explore_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.start)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        self.runner.started.connect(lambda: self._set_busy(True))
        self.runner.done.connect(lambda: self._set_busy(False))
        self.runner.progress_changed.connect(self._on_progress_changed)
        self.runner.partial_result_ready.connect(self._on_partial_result)
        self.runner.finished.connect(self._on_finished)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)

    # ------------------------------------------------------------ state
    def start(self) -> None:
        """Start the job with the current settings (subclasses)."""
        raise NotImplementedError

    def result_model_folder(self) -> str | None:
        """The model folder of the last run ("Open in Explore" opens it), if any."""
        raise NotImplementedError

    def _training_settings(self, **extra: Any) -> TrainingSettings:
        """The settings the boxes both pages have describe, with ``extra`` ones."""
        from workbench.core.bert.engine import TrainingSettings

        return TrainingSettings(
            epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value(),
            learning_rate=self.lr_spin.value(), warmup_ratio=self.warmup_spin.value(),
            weight_decay=self.decay_spin.value(),
            eval_every=self.eval_every_spin.value() or None,
            device=str(self.device_combo.currentData()),
            precision=str(self.precision_combo.currentData()), seed=self.seed_spin.value(),
            **extra)

    def _begin_run(self, read: Callable[[], Any]) -> Any | None:
        """Shared start of a run: ``read()`` the request, then clear the last run's output.

        Returns ``None`` (and shows why in the message bar) when a run is going
        on or the widgets describe no valid request.
        """
        if self.runner.is_running:
            return None
        try:
            request = read()
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return None
        self.message_bar.clear()
        self.curves.clear_data()
        self.summary_label.setText("")
        self.right_tabs.setCurrentWidget(self.curves)
        return request

    @Slot()
    def cancel(self) -> None:
        """Stop the job (the engine saves a checkpoint first)."""
        self.runner.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.explore_button.setEnabled(not busy and self.result_model_folder() is not None)

    @Slot()
    def _on_explore_clicked(self) -> None:
        folder = self.result_model_folder()
        if folder:
            self.open_in_explore.emit(folder, self.pieces_check.isChecked())

    # ------------------------------------------------------- job results
    @Slot(float, str)
    def _on_progress_changed(self, fraction: float, message: str) -> None:
        if message:
            percent = f"{fraction:.0%} · " if fraction >= 0 else ""
            self.status_label.setText(f"{percent}{message}")

    @Slot(object)
    def _on_partial_result(self, point: object) -> None:
        if hasattr(point, "step") and hasattr(point, "eval"):
            self.curves.add_point(point)

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        self.status_label.setText("")
        if not show_job_error(self, self.message_bar.show_error, error, details):
            self.status_label.setText(QCoreApplication.translate("BertPanel", "The job failed."))


# --------------------------------------------------------------------------- pretraining
class PretrainPage(_TrainingPage):
    """Pretrain a BERT on the Corpus panel's corpus, with live curves, cancel and compare.

    Parameters
    ----------
    corpus_choice
        Returns the Corpus panel's corpus, or ``None`` when none is open.
    workspace
        Returns the workspace runs are recorded in.

    Attributes
    ----------
    runner : TaskRunner
        Runs pretraining.
    device_runner : TaskRunner
        Asks PyTorch which devices it has (once, at first show, unless torch is
        already imported).
    curves : TrainingCurves
        Live curves of the running job.
    runs_view : PretrainRunsView
        Recorded pretraining runs, checked ones overlaid.
    size_label : QLabel
        Parameter count and training-memory estimate of the chosen model.
    result : PretrainResult or None
        The last finished (or cancelled, with a checkpoint) run.
    sweep_results : list of PretrainResult
        The runs of the last mask-ratio sweep ("Sweep mask ratio").
    sweep_edit : QLineEdit
        The sweep's mask ratios ("0.05, 0.15, 0.3, 0.5").
    checkpoint_path : str
        The checkpoint a cancelled run kept ("" if none).
    """

    model_trained = Signal(str)
    #: The devices PyTorch has here (``("cpu", "cuda")``...), once checked.
    devices_found = Signal(object)

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None],
                 workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PretrainPage", "BERT pretraining"),
                         workspace, parent)
        self.setObjectName("BertPretrainPage")
        self._corpus_choice = corpus_choice
        self.static_embeddings: Embeddings | None = None
        self.result: PretrainResult | None = None
        self.checkpoint_path = ""
        self.config_path = ""
        self.sweep_results: list[PretrainResult] = []
        self._live_tag = ""
        self._devices_known = False
        self._vocab_cache: dict[str, int | None] = {}
        self.device_runner = TaskRunner(self.tr("Device check"), self)
        self._build()
        self._connect()
        self._on_tokenizer_mode_changed()
        self._on_size_changed()
        self._update_static_check()
        self._update_launch_command()
        self._set_busy(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        p = self
        self.corpus_label = QLabel(self)
        self.corpus_label.setWordWrap(True)
        self.corpus_label.setToolTip(self.tr(
            "Pretraining reads the corpus open in the Corpus panel; documents are blank-line "
            "separated blocks"))

        # tokenizer
        self.tokenizer_combo = QComboBox(self)
        self.tokenizer_combo.addItem(self.tr("Train WordPiece on the corpus"), "train")
        self.tokenizer_combo.addItem(self.tr("Use a tokenizer folder…"), "folder")
        self.tokenizer_combo.setToolTip(self.tr("Train a WordPiece tokenizer on the corpus (cached "
                                                "in the workspace), or use an existing one"))
        self.vocab_spin = int_spin(p, 100, 1_000_000, 8000, self.tr("WordPiece vocabulary size "
                                                                    "(special tokens included)"))
        self.lowercase_check = QCheckBox(self.tr("Lowercase"), self)
        self.lowercase_check.setChecked(True)
        self.lowercase_check.setToolTip(self.tr("Lowercase and strip accents before WordPiece"))
        row, self.tokenizer_edit, self.tokenizer_browse = _path_row(
            p, self.tr("tokenizer folder"), self.tr("A folder with tokenizer.json or vocab.txt"),
            self._on_browse_tokenizer)
        self.tokenizer_row = row
        self.tokenizer_box = QGroupBox(self.tr("Tokenizer"), self)
        tform = QFormLayout(self.tokenizer_box)
        tform.addRow(self.tokenizer_combo)
        tform.addRow(self.tr("Vocabulary:"), self.vocab_spin)
        tform.addRow(self.lowercase_check)
        tform.addRow(self.tr("Folder:"), self.tokenizer_row)
        self.tokenizer_form = tform

        # model
        self.size_combo = QComboBox(self)
        for name in _SIZES:
            self.size_combo.addItem(name, name)
        self.size_combo.addItem(self.tr("custom"), _CUSTOM)
        self.size_combo.addItem(self.tr("continue from a model folder…"), _CONTINUE)
        self.size_combo.setToolTip(self.tr("Model size: tiny 2×128, mini 4×256, small 4×512, "
                                           "medium 8×512, base 12×768, large 24×1024 "
                                           "(layers × hidden), a custom shape, or continue "
                                           "pretraining a saved model"))
        self.layers_spin = int_spin(p, 1, 256, 2, self.tr("Transformer layers"))
        self.hidden_spin = int_spin(p, 2, 65_536, 128, self.tr(
            "Hidden size (a multiple of the heads)"))
        self.heads_spin = int_spin(p, 1, 1024, 2, self.tr("Attention heads per layer"))
        self.intermediate_spin = int_spin(p, 1, 1_000_000, 512, self.tr(
            "Feed-forward width per layer"))
        row, self.model_edit, self.model_browse = _path_row(
            p, self.tr("model folder"),
            self.tr("A saved BERT folder (config.json + weights) to continue from"),
            self._on_browse_model)
        self.model_row = row
        self.size_label = QLabel("", self)
        self.size_label.setWordWrap(True)
        self.size_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_label.setToolTip(self.tr(
            "Exact parameter count and an estimate of the memory training needs (weights, "
            "gradients, AdamW, activations)"))
        self.model_box = QGroupBox(self.tr("Model"), self)
        mform = QFormLayout(self.model_box)
        mform.addRow(self.tr("Size:"), self.size_combo)
        mform.addRow(self.tr("Layers:"), self.layers_spin)
        mform.addRow(self.tr("Hidden:"), self.hidden_spin)
        mform.addRow(self.tr("Heads:"), self.heads_spin)
        mform.addRow(self.tr("Intermediate:"), self.intermediate_spin)
        mform.addRow(self.tr("Folder:"), self.model_row)
        mform.addRow(self.size_label)
        self.model_form = mform

        # objective
        self.mask_ratio_spin = float_spin(p, 0.01, 1.0, 0.15, 3, self.tr(
            "Share of tokens selected for prediction (BERT: 0.15)"), 0.01)
        self.mask_fraction_spin = float_spin(p, 0.0, 1.0, 0.8, 2, self.tr(
            "Share of the selected tokens replaced by [MASK] (BERT: 0.8)"), 0.05)
        self.random_fraction_spin = float_spin(p, 0.0, 1.0, 0.1, 2, self.tr(
            "Share of the selected tokens replaced by a random token (BERT: 0.1); the rest keep "
            "their token"), 0.05)
        self.nsp_check = QCheckBox(self.tr("Next-sentence prediction"), self)
        self.nsp_check.setChecked(True)
        self.nsp_check.setToolTip(self.tr(
            "Also train BERT's next-sentence objective (sentence pairs, half with a random "
            "partner)"))
        self.split_check = QCheckBox(self.tr("Split lines into sentences"), self)
        self.split_check.setToolTip(self.tr(
            "Split lines at . ! ? (for one-paragraph-per-line corpora such as WikiText)"))
        self.objective_box = QGroupBox(self.tr("Objective"), self)
        oform = QFormLayout(self.objective_box)
        oform.addRow(self.tr("Mask ratio:"), self.mask_ratio_spin)
        oform.addRow(self.tr("[MASK] share:"), self.mask_fraction_spin)
        oform.addRow(self.tr("Random share:"), self.random_fraction_spin)
        oform.addRow(self.nsp_check)
        oform.addRow(self.split_check)

        # training
        self.seq_len_spin = int_spin(p, 8, 8192, 128, self.tr("Longest example in tokens"))
        self.batch_spin = int_spin(p, 1, 65_536, 16, self.tr("Examples per forward pass"))
        self.accum_spin = int_spin(p, 1, 1024, 1, self.tr(
            "Forward passes per optimizer step (effective batch = batch × accumulation)"))
        self._optimiser_spins(lr=5e-4, lr_low=1e-6, lr_decimals=6, lr_step=1e-4, warmup=0.06)
        self.max_steps_spin = int_spin(p, 0, 100_000_000, 1000, self.tr(
            "Optimizer steps to run; 'epochs' = use the number of epochs below"), self.tr("epochs"))
        self.epochs_spin = float_spin(p, 0.01, 10000.0, 1.0, 2, self.tr(
            "Passes over the data (when max steps is 'epochs')"), 0.5)
        self.eval_every_spin = int_spin(p, 0, 10_000_000, 200, self.tr(
            "Evaluate on the held-out slice every N steps; 'at the end' = once"),
            self.tr("at the end"))
        self.save_every_spin = int_spin(p, 0, 10_000_000, 0, self.tr(
            "Write a checkpoint every N steps ('off': only on cancel and at the end)"),
            self.tr("off"))
        self._device_spins(self.tr("Seed of the data, the initialisation and the masks"))
        self.training_box = QGroupBox(self.tr("Training"), self)
        trform = QFormLayout(self.training_box)
        trform.addRow(self.tr("Sequence length:"), self.seq_len_spin)
        trform.addRow(self.tr("Batch size:"), self.batch_spin)
        trform.addRow(self.tr("Accumulation:"), self.accum_spin)
        trform.addRow(self.tr("Learning rate:"), self.lr_spin)
        trform.addRow(self.tr("Warm-up ratio:"), self.warmup_spin)
        trform.addRow(self.tr("Weight decay:"), self.decay_spin)
        trform.addRow(self.tr("Max steps:"), self.max_steps_spin)
        trform.addRow(self.tr("Epochs:"), self.epochs_spin)
        trform.addRow(self.tr("Evaluate every:"), self.eval_every_spin)
        trform.addRow(self.tr("Save every:"), self.save_every_spin)
        trform.addRow(self.tr("Device:"), self.device_combo)
        trform.addRow(self.tr("Precision:"), self.precision_combo)
        trform.addRow(self.tr("Seed:"), self.seed_spin)

        # static init
        self.static_check = QCheckBox(self.tr("Initialise word embeddings from the current static "
                                              "vectors"), self)
        self.freeze_spin = int_spin(p, 0, 10_000_000, 0, self.tr(
            "Keep the initialised word embeddings fixed for this many steps"),
            self.tr("no freezing"))
        self.static_box = QGroupBox(self.tr("Static initialisation"), self)
        sform = QFormLayout(self.static_box)
        sform.addRow(self.static_check)
        sform.addRow(self.tr("Freeze for:"), self.freeze_spin)

        # actions
        buttons = self._start_buttons(
            self.tr("Pretrain on the Corpus panel's corpus (Ctrl+Enter)"),
            self.tr("Stop; a resumable checkpoint is saved first (Esc)"))
        self.export_button = QPushButton(self.tr("Export config…"), self)
        self.export_button.setToolTip(self.tr(
            "Save these settings as a JSON config for 'workbench bert pretrain --config FILE' (or "
            "torchrun)"))
        self.nproc_spin = int_spin(p, 1, 1024, 2,
                                   self.tr("Processes (GPUs) for the torchrun command"))
        self.launch_edit = QLineEdit(self)
        self.launch_edit.setReadOnly(True)
        self.launch_edit.setToolTip(self.tr("Runs the exported config on several GPUs"))
        self.sweep_edit = QLineEdit("0.05, 0.15, 0.3, 0.5", self)
        self.sweep_edit.setToolTip(self.tr("Mask ratios for the sweep (commas between); every run "
                                           "uses the same data and seed and is evaluated with the "
                                           "same 15 % masks, so their curves compare"))
        self.sweep_button = QPushButton(self.tr("Sweep mask ratio"), self)
        self.sweep_button.setToolTip(self.tr(
            "Pretrain once per mask ratio with these settings; the runs are checked in Compare "
            "runs"))
        sweep = QHBoxLayout()
        sweep.addWidget(self.sweep_button)
        sweep.addWidget(self.sweep_edit, 1)
        export = QHBoxLayout()
        export.addWidget(self.export_button, 1)
        export.addWidget(QLabel(self.tr("GPUs:"), self))
        export.addWidget(self.nproc_spin)
        explore_row = self._result_lines(self.tr("Step, loss and time left"))

        left = QVBoxLayout()
        for w in (self.corpus_label, self.tokenizer_box, self.model_box, self.objective_box,
                  self.training_box, self.static_box):
            left.addWidget(w)
        left.addLayout(buttons)
        left.addLayout(sweep)
        left.addLayout(export)
        left.addWidget(self.launch_edit)
        self.curves = TrainingCurves(self)
        self.runs_view = PretrainRunsView(self._workspace, PRETRAIN_KIND, self)
        self._lay_out(left, explore_row, ((self.curves, self.tr("Curves")),
                                          (self.runs_view, self.tr("Compare runs"))))
        self.right_tabs.setTabToolTip(1, self.tr("Recorded pretraining runs; check some to overlay "
                                                 "their curves"))

    def _connect(self) -> None:
        self.tokenizer_combo.currentIndexChanged.connect(self._on_tokenizer_mode_changed)
        self.size_combo.currentIndexChanged.connect(self._on_size_changed)
        for spin in (self.layers_spin, self.hidden_spin, self.heads_spin,
                     self.intermediate_spin, self.vocab_spin, self.seq_len_spin,
                     self.batch_spin):
            spin.valueChanged.connect(self._update_size_label)
        self.precision_combo.currentIndexChanged.connect(self._update_size_label)
        self.nsp_check.toggled.connect(self._update_size_label)
        self.tokenizer_edit.editingFinished.connect(self._update_size_label)
        self.model_edit.editingFinished.connect(self._update_size_label)
        self.max_steps_spin.valueChanged.connect(
            lambda v: self.epochs_spin.setEnabled(v == 0 and not self.runner.is_running))
        self.nproc_spin.valueChanged.connect(self._update_launch_command)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._connect_runner()
        self.runner.done.connect(self.runs_view.refresh)
        self.device_runner.finished.connect(self._set_devices)
        self.runs_view.open_in_explore.connect(self.open_in_explore)
        self.sweep_button.clicked.connect(self.start_sweep)

    def runners(self) -> list[TaskRunner]:
        """The page's task runners."""
        return [self.runner, self.device_runner]

    def result_model_folder(self) -> str | None:
        """The last run's final model, or its checkpoint when it was cancelled."""
        r = self.result
        if r is None:
            return None
        folder = r.final_model_dir or r.last_checkpoint
        return str(folder) if folder is not None else None

    # ------------------------------------------------------------ state
    def size_choice(self) -> str:
        """``tiny`` … ``large``, ``custom`` or ``continue``."""
        return str(self.size_combo.currentData())

    def set_size(self, name: str) -> None:
        """Choose a size preset (or ``custom`` / ``continue``)."""
        index = self.size_combo.findData(name)
        if index < 0:
            raise ValueError(f"unknown size {name!r}")
        self.size_combo.setCurrentIndex(index)

    @Slot()
    def _on_tokenizer_mode_changed(self) -> None:
        train = self.tokenizer_combo.currentData() == "train"
        self.tokenizer_form.setRowVisible(self.vocab_spin, train)
        self.tokenizer_form.setRowVisible(self.lowercase_check, train)
        self.tokenizer_form.setRowVisible(self.tokenizer_row, not train)
        self._update_size_label()

    @Slot()
    def _on_size_changed(self) -> None:
        from workbench.core.bert.models import PRESETS

        choice = self.size_choice()
        custom = choice == _CUSTOM
        for spin in (self.layers_spin, self.hidden_spin, self.heads_spin,
                     self.intermediate_spin):
            self.model_form.setRowVisible(spin, custom)
        self.model_form.setRowVisible(self.model_row, choice == _CONTINUE)
        if choice in PRESETS and not custom:
            size = PRESETS[choice]
            for spin, value in ((self.layers_spin, size.layers), (self.hidden_spin, size.hidden),
                                (self.heads_spin, size.heads),
                                (self.intermediate_spin, size.intermediate)):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._update_size_label()

    def model_size(self) -> ModelSize:
        """The shape of a new model (``ParameterError`` when invalid)."""
        from workbench.core.bert.models import PRESETS, ModelSize

        choice = self.size_choice()
        base = PRESETS.get(choice, PRESETS["tiny"])
        if choice == _CUSTOM:
            base = ModelSize(self.layers_spin.value(), self.hidden_spin.value(),
                             self.heads_spin.value(), self.intermediate_spin.value())
        return replace(base, max_position=max(base.max_position, self.seq_len_spin.value()))

    def vocab_size(self) -> int | None:
        """The vocabulary the new model gets (``None`` when the tokenizer folder is unreadable)."""
        if self.tokenizer_combo.currentData() == "train":
            return self.vocab_spin.value()
        folder = self.tokenizer_edit.text().strip()
        if not folder:
            return None
        if folder not in self._vocab_cache:
            self._vocab_cache[folder] = tokenizer_vocab_size(folder)
        return self._vocab_cache[folder]

    @Slot()
    def _update_size_label(self) -> None:
        from workbench.core.bert.models import count_parameters, estimate_memory

        heads = "pretraining" if self.nsp_check.isChecked() else "mlm"
        precision = str(self.precision_combo.currentData())
        try:
            if self.size_choice() == _CONTINUE:
                folder = self.model_edit.text().strip()
                if not folder:
                    self.size_label.setText(self.tr("Choose the model folder to continue from."))
                    return
                from workbench.core.bert.models import inspect_model_folder

                info = inspect_model_folder(folder)
                size, vocab = info.size, info.vocab_size
                if size is None or vocab is None:
                    self.size_label.setText(self.tr("{n} parameters in {folder}.").format(
                        n=f"{info.parameter_count:,}", folder=Path(folder).name))
                    return
                size = replace(size, max_position=max(size.max_position,
                                                      self.seq_len_spin.value()))
            else:
                size, vocab = self.model_size(), self.vocab_size()
                if vocab is None:
                    self.size_label.setText(self.tr(
                        "Choose a tokenizer folder (with tokenizer.json or vocab.txt) to see "
                        "the model's size."))
                    return
            n = count_parameters(size, vocab, heads)
            memory = estimate_memory(size, vocab, self.batch_spin.value(),
                                     self.seq_len_spin.value(), precision, heads=heads)
        except WorkbenchError as exc:
            self.size_label.setText(core_text(exc))
            return
        from workbench.core.bert.models import format_bytes

        self.size_label.setText(self.tr(
            "{n} parameters (vocabulary {vocab}); about {memory} to train at batch {batch} × "
            "{seq_len} tokens, {precision}.").format(
                n=f"{n:,}", vocab=f"{vocab:,}", memory=format_bytes(memory.total),
                batch=self.batch_spin.value(), seq_len=self.seq_len_spin.value(),
                precision=self.precision_combo.currentText()))
        self.size_label.setToolTip(core_text(memory.describe()))

    @Slot(object)
    def set_static_embeddings(self, emb: Embeddings | None) -> None:
        """The static vectors "Initialise word embeddings" uses (``None``: none)."""
        self.static_embeddings = emb
        self._update_static_check()

    def _update_static_check(self) -> None:
        emb = self.static_embeddings
        have = emb is not None
        self.static_check.setEnabled(have and not self.runner.is_running)
        if not have:
            self.static_check.setChecked(False)
            self.static_check.setToolTip(self.tr(
                "Train or load static vectors in the Static training panel first"))
        else:
            self.static_check.setToolTip(self.tr(
                "Copy the vectors of {n} words ({dim} dimensions, projected to the hidden "
                "size) into BERT's word-embedding matrix before training").format(
                    n=f"{len(emb):,}", dim=emb.dim))
        self.freeze_spin.setEnabled(have and not self.runner.is_running)

    def refresh_corpus(self) -> None:
        """Show which corpus Start will use."""
        choice = self._corpus_choice()
        if choice is None:
            self.corpus_label.setText(self.tr("Open a corpus in the Corpus panel first."))
        else:
            self.corpus_label.setText(self.tr(
                "Corpus: <b>{name}</b> (from the Corpus panel)").format(
                    name=Path(choice.path).name))

    def request(self) -> PretrainRequest:
        """The request the widgets describe (``ParameterError`` when invalid or no corpus)."""
        from workbench.core.bert.data import MaskingSettings
        from workbench.core.bert.pretrain import PretrainRequest

        choice = self._corpus_choice()
        if choice is None:
            raise ParameterError(self.tr("Open a corpus in the Corpus panel first."))
        training = self._training_settings(
            max_steps=self.max_steps_spin.value() or None, grad_accum=self.accum_spin.value(),
            save_every=self.save_every_spin.value() or None)
        masking = MaskingSettings(self.mask_ratio_spin.value(), self.mask_fraction_spin.value(),
                                  self.random_fraction_spin.value())
        tokenizer = None
        if self.tokenizer_combo.currentData() == "folder":
            tokenizer = self.tokenizer_edit.text().strip()
            if not tokenizer:
                raise ParameterError(self.tr(
                    "Choose the tokenizer folder (or train WordPiece on the corpus)."))
        values: dict[str, Any] = {}
        choice_size = self.size_choice()
        if choice_size == _CONTINUE:
            model = self.model_edit.text().strip()
            if not model:
                raise ParameterError(self.tr(
                    "Choose the model folder to continue pretraining from."))
            values["model"] = model
        elif choice_size == _CUSTOM:
            size = self.model_size()
            values.update(size="tiny", layers=size.layers, hidden=size.hidden,
                          heads=size.heads, intermediate=size.intermediate)
        else:
            values["size"] = choice_size
        return PretrainRequest(
            corpus=choice.path, tokenizer=tokenizer, vocab_size=self.vocab_spin.value(),
            lowercase=self.lowercase_check.isChecked(), seq_len=self.seq_len_spin.value(),
            nsp=self.nsp_check.isChecked(), split_sentences=self.split_check.isChecked(),
            masking=masking, training=training,
            freeze_steps=self.freeze_spin.value() if self.static_check.isChecked() else 0,
            seed=self.seed_spin.value(), **values)

    def _static_for_run(self) -> Embeddings | None:
        return self.static_embeddings if (self.static_check.isChecked()
                                          and self.static_embeddings is not None) else None

    # ----------------------------------------------------------- actions
    @Slot()
    def start(self) -> None:
        """Start pretraining with the current settings."""
        request = self._begin_run(self.request)
        if request is None:
            return
        self.checkpoint_path = ""
        self.status_label.setText(self.tr("Preparing the data…"))
        self._live_tag = ""
        self.runner.start(_pretrain_job, request, self._workspace(), self._static_for_run())

    @Slot()
    def start_sweep(self) -> None:
        """Pretrain once per mask ratio of :attr:`sweep_edit` (the other settings as set)."""
        read = self._begin_run(lambda: (parse_ratios(self.sweep_edit.text()), self.request()))
        if read is None:
            return
        ratios, request = read
        self.checkpoint_path = ""
        self.status_label.setText(self.tr("Preparing the data for {n} runs…").format(
            n=len(ratios)))
        self._live_tag = ""
        self.runner.start(_sweep_job, ratios, request, self._workspace(),
                          self._static_for_run())

    def export_config(self, path: str | Path) -> Path:
        """Write the current request as JSON to ``path`` and show the launch command.

        With static initialisation on, the vectors are written beside the
        workspace cache and the config names that file.
        """

        request: PretrainRequest = self.request()
        static = self._static_for_run()
        if static is not None:
            request = replace(request, static_vectors=str(static_vectors_file(
                static, _static_folder(self._workspace()))))
        saved = request.save(path)
        self.config_path = str(saved)
        self._update_launch_command()
        self.status_label.setText(self.tr("Saved the config to {path}.").format(path=saved))
        return saved

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export pretraining config"),
                                              "pretrain.json", self.tr("JSON (*.json)"))
        if not path:
            return
        try:
            self.export_config(path)
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
        except OSError as exc:
            self.message_bar.show_error(self.tr(
                "The config could not be written to {path} ({reason}).").format(
                    path=path, reason=exc.strerror or exc))

    @Slot()
    def _update_launch_command(self) -> None:
        from workbench.core.bert.pretrain import launch_command

        self.launch_edit.setText(launch_command(self.config_path or "pretrain.json",
                                                self.nproc_spin.value()))

    @Slot()
    def _on_browse_tokenizer(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Tokenizer folder"))
        if folder:
            self.tokenizer_edit.setText(folder)
            self._update_size_label()

    @Slot()
    def _on_browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder to continue from"))
        if folder:
            self.model_edit.setText(folder)
            self._update_size_label()

    def check_devices(self) -> None:
        """List the devices PyTorch has (now if torch is loaded, else in the background)."""
        if self._devices_known or self.device_runner.is_running:
            return
        if "torch" in sys.modules:
            self._set_devices(_detect_devices())
        else:
            self.device_runner.start(_detect_devices)

    @Slot(object)
    def _set_devices(self, devices: tuple[str, ...]) -> None:
        self._devices_known = True
        set_device_items(self.device_combo, devices)
        self.devices_found.emit(devices)

    def showEvent(self, event: Any) -> None:
        self.refresh_corpus()
        self.check_devices()
        if not self.runs_view.run_ids():
            self.runs_view.refresh()
        super().showEvent(event)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        for w in (self.tokenizer_box, self.model_box, self.objective_box, self.training_box,
                  self.static_box, self.export_button, self.sweep_button, self.sweep_edit):
            w.setEnabled(not busy)
        self._update_static_check()
        self.epochs_spin.setEnabled(self.max_steps_spin.value() == 0 and not busy)

    # ------------------------------------------------------- job results
    @Slot(object)
    def _on_partial_result(self, point: object) -> None:
        if hasattr(point, "step") and hasattr(point, "eval"):
            tag = str(getattr(point, "tag", ""))
            if tag != self._live_tag:            # the next run of a sweep: fresh live curves
                self._live_tag = tag
                self.curves.clear_data()
        super()._on_partial_result(point)

    def _show_sweep(self, results: list[PretrainResult], cancelled: bool) -> None:
        """Check the sweep's runs in Compare runs, on the comparable evaluation loss."""
        self.sweep_results = list(results)
        if results:
            self.result = results[-1]
        view = self.runs_view
        view.refresh()
        for r in results:
            if r.run_id is not None:
                view.set_checked(r.run_id)
        view.curve_combo.setCurrentIndex(view.curve_combo.findData("loss"))
        parts = []
        for r in results:
            last = r.evals[-1] if r.evals else {}
            loss = last.get("mlm_loss", last.get("loss"))
            score = (self.tr("eval MLM loss {loss}").format(loss=_fmt(float(loss)))
                     if isinstance(loss, (int, float)) else self.tr("no evaluation"))
            parts.append(self.tr("mask {ratio}: run #{run}, {steps} steps, {score}").format(
                ratio=f"{r.mask_ratio:.2f}", run=r.run_id, steps=f"{r.steps:,}", score=score))
        if cancelled:
            text = (self.tr("Sweep cancelled (1 run). {runs}. Evaluation uses the same 15 % masks "
                            "for every run.") if len(results) == 1
                    else self.tr("Sweep cancelled ({n} runs). {runs}. Evaluation uses the same "
                                 "15 % masks for every run."))
        else:
            text = (self.tr("Sweep done (1 run). {runs}. Evaluation uses the same 15 % masks for "
                            "every run.") if len(results) == 1
                    else self.tr("Sweep done ({n} runs). {runs}. Evaluation uses the same 15 % "
                                 "masks for every run."))
        self.summary_label.setText(text.format(n=len(results), runs="; ".join(parts)))
        self.right_tabs.setCurrentWidget(view)

    def _static_note(self, result: PretrainResult) -> str:
        ws = self._workspace()
        if result.run_id is None or ws is None:
            return ""
        try:
            description = str(ws.runs.get(result.run_id).metrics.get("model", ""))
        except KeyError:
            return ""
        return self.tr(" Model: {description}.").format(description=description) \
            if description else ""

    @Slot(object)
    def _on_finished(self, result: PretrainResult | list[PretrainResult]) -> None:
        if isinstance(result, list):
            self._show_sweep(result, cancelled=False)
            self.status_label.setText(self.tr("Done."))
            return
        self.result = result
        final = {k.removeprefix("eval_"): v for k, v in result.metrics.items()}
        if result.evals:
            final.update(result.evals[-1])
        parts = []
        for key, label in (("mlm_loss", self.tr("MLM loss")), ("perplexity", self.tr("perplexity")),
                           ("mlm_accuracy", self.tr("masked-token accuracy")),
                           ("nsp_accuracy", self.tr("NSP accuracy"))):
            value = final.get(key)
            if isinstance(value, (int, float)):
                parts.append(f"{label} {_fmt(float(value))}")
        scores = "; ".join(parts) if parts else self.tr("no evaluation (no held-out slice)")
        where = result.final_model_dir or result.output_dir
        self.summary_label.setText(self.tr(
            "Run #{run}: {steps} steps in {seconds} s. {scores}. Model saved in {folder}."
            "{note}").format(run=result.run_id, steps=f"{result.steps:,}",
                             seconds=f"{result.seconds:,.1f}", scores=scores, folder=where,
                             note=self._static_note(result)))
        self.status_label.setText(self.tr("Done."))
        if result.run_id is not None:
            self.runs_view.refresh()
            self.runs_view.select(result.run_id)
        if result.final_model_dir is not None:
            self.model_trained.emit(str(result.final_model_dir))

    @Slot(object)
    def _on_cancelled(self, kept: PretrainResult | list[PretrainResult] | None) -> None:
        if isinstance(kept, list):
            self._show_sweep(kept, cancelled=True)
            kept = kept[-1] if kept else None
        if kept is None or kept.last_checkpoint is None:
            self.status_label.setText(self.tr(
                "Cancelled before training started; nothing was kept."))
            return
        self.result = kept
        self.checkpoint_path = str(kept.last_checkpoint)
        if kept.run_id is not None:
            self.runs_view.refresh()
            self.runs_view.select(kept.run_id)
        self.status_label.setText(self.tr(
            "Cancelled at step {step}. The checkpoint is kept in {checkpoint}; start the same "
            "run again to resume from it.").format(step=f"{kept.steps:,}",
                                                   checkpoint=kept.last_checkpoint))


# --------------------------------------------------------------------------- fine-tuning
class FinetunePage(_TrainingPage):
    """Fine-tune a pretrained BERT on a labelled file; metrics, confusion matrix, mistakes.

    Attributes
    ----------
    runner : TaskRunner
        Runs fine-tuning.
    curves : TrainingCurves
        Live loss (and evaluation accuracy when evaluating periodically).
    metrics_table : QTableWidget
        Metric / value rows of the last result.
    heatmap : ConfusionHeatmap
        The confusion matrix (classification and tagging).
    wrong_table : QTableWidget
        Text, gold, predicted, confidence of the wrong predictions.
    preview_runner : TaskRunner
        Reads the training file when it is chosen (:func:`preview_finetune_file`).
    preview : FilePreview or None
        What that reading found (labels, examples, columns; or the error).
    preview_label : QLabel
        Shows the preview (the label list, or the error naming the line).
    text_column_combo, pair_column_combo, label_column_combo : QComboBox
        TSV/CSV columns: "auto" (recognised from the header) or a header name.
    result : FinetuneResult or None
        The last finished run.
    """

    def __init__(self, workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FinetunePage", "BERT fine-tuning"),
                         workspace, parent)
        self.setObjectName("BertFinetunePage")
        self.result: FinetuneResult | None = None
        self.preview: FilePreview | None = None
        self.preview_runner = TaskRunner(self.tr("Reading the training file"), self)
        self._build()
        self._connect()
        self._set_busy(False)

    def _build(self) -> None:
        p = self
        self.task_combo = QComboBox(self)
        for label, task in FINETUNE_TASKS:
            self.task_combo.addItem(QCoreApplication.translate("FinetunePage", label), task)
        self.task_combo.setToolTip(self.tr("Classification: TSV/CSV text + label (SST-2); sentence "
                                           "pairs: two texts + label (MRPC, RTE); tagging: CoNLL "
                                           "word … tag; QA: SQuAD JSON"))
        row_t, self.train_edit, _ = _path_row(p, self.tr("training file"),
                                              self.tr("The labelled training file"),
                                              lambda: self._browse_file(self.train_edit))
        row_e, self.eval_edit, _ = _path_row(p, self.tr("optional: held out from training"),
                                             self.tr("Evaluation file; empty = hold out 10 % "
                                                     "of the training examples"),
                                             lambda: self._browse_file(self.eval_edit))
        row_m, self.model_edit, _ = _path_row(p, self.tr("pretrained model folder"),
                                              self.tr("A BERT folder with its tokenizer (default: "
                                                      "the last pretraining run's final model)"),
                                              self._browse_model)
        # columns of a TSV/CSV file ("auto": recognised from the header), labels found
        self.text_column_combo = self._column_combo(
            self.tr("The column with the texts (auto: recognised from the header, e.g. SST-2's "
                    "'sentence')"))
        self.pair_column_combo = self._column_combo(
            self.tr("The column with the second texts of the pairs (auto: e.g. RTE's 'sentence2')"))
        self.label_column_combo = self._column_combo(
            self.tr("The column with the labels (auto: 'label', 'class', …)"))
        self.preview_label = QLabel("", self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_label.setToolTip(self.tr("What the training file holds (read with the limit "
                                              "below): the labels, the examples, the columns used"))
        self.max_length_spin = int_spin(p, 8, 8192, 128, self.tr(
            "Tokens per example (per window for QA)"))
        self.doc_stride_spin = int_spin(p, 0, 8191, 64, self.tr(
            "QA: context tokens shared by two consecutive windows of a long context"))
        self.epochs_spin = float_spin(p, 0.01, 1000.0, 3.0, 2,
                                      self.tr("Passes over the training data"), 0.5)
        self.batch_spin = int_spin(p, 1, 65_536, 32, self.tr("Examples per step"))
        self._optimiser_spins(lr=5e-5, lr_low=1e-7, lr_decimals=7, lr_step=1e-5, warmup=0.1)
        self.limit_spin = int_spin(p, 0, 100_000_000, 0, self.tr(
            "Use only the first N examples of each file ('all' = every example)"), self.tr("all"))
        self.eval_every_spin = int_spin(p, 0, 10_000_000, 0, self.tr(
            "Evaluate every N steps for the accuracy curve ('off' = only the final evaluation)"),
                                        self.tr("off"))
        self.patience_spin = int_spin(p, 0, 1000, 0, self.tr(
            "Stop after this many evaluations without a lower evaluation loss (needs 'Evaluate "
            "every')"), self.tr("off"))
        self._device_spins(self.tr("Seed of the hold-out split and the new head"))
        self.params_box = QGroupBox(self.tr("Fine-tuning"), self)
        form = QFormLayout(self.params_box)
        form.addRow(self.tr("Task:"), self.task_combo)
        form.addRow(self.tr("Training file:"), row_t)
        form.addRow(self.tr("Text column:"), self.text_column_combo)
        form.addRow(self.tr("Second text:"), self.pair_column_combo)
        form.addRow(self.tr("Label column:"), self.label_column_combo)
        form.addRow(self.preview_label)
        form.addRow(self.tr("Evaluation file:"), row_e)
        form.addRow(self.tr("Model folder:"), row_m)
        form.addRow(self.tr("Max length:"), self.max_length_spin)
        form.addRow(self.tr("Doc stride:"), self.doc_stride_spin)
        form.addRow(self.tr("Epochs:"), self.epochs_spin)
        form.addRow(self.tr("Batch size:"), self.batch_spin)
        form.addRow(self.tr("Learning rate:"), self.lr_spin)
        form.addRow(self.tr("Warm-up ratio:"), self.warmup_spin)
        form.addRow(self.tr("Weight decay:"), self.decay_spin)
        form.addRow(self.tr("Limit:"), self.limit_spin)
        form.addRow(self.tr("Evaluate every:"), self.eval_every_spin)
        form.addRow(self.tr("Early stopping:"), self.patience_spin)
        form.addRow(self.tr("Device:"), self.device_combo)
        form.addRow(self.tr("Precision:"), self.precision_combo)
        form.addRow(self.tr("Seed:"), self.seed_spin)
        self.form = form
        buttons = self._start_buttons(self.tr("Fine-tune, evaluate and save (Ctrl+Enter)"),
                                      self.tr("Stop; a checkpoint is saved first (Esc)"))
        explore_row = self._result_lines()
        left = QVBoxLayout()
        left.addWidget(self.params_box)
        left.addLayout(buttons)

        self.curves = TrainingCurves(self)
        self.metrics_table = QTableWidget(0, 2, self)
        self.metrics_table.setHorizontalHeaderLabels([self.tr("Metric"), self.tr("Value")])
        self.metrics_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.metrics_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.metrics_table.setToolTip(self.tr("Scores on the evaluation set (fractions)"))
        self.heatmap = ConfusionHeatmap(self)
        self.heatmap.setToolTip(self.tr("Confusion matrix: rows = gold label, columns = predicted"))
        results = QSplitter(Qt.Orientation.Horizontal, self)
        results.addWidget(self.metrics_table)
        results.addWidget(self.heatmap)
        results.setStretchFactor(1, 2)
        self.wrong_table = QTableWidget(0, 4, self)
        self.wrong_table.setHorizontalHeaderLabels(
            [self.tr("Text"), self.tr("Gold"), self.tr("Predicted"), self.tr("Confidence")])
        self.wrong_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.wrong_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.wrong_table.setSortingEnabled(True)
        self.wrong_table.setWordWrap(True)
        self.wrong_table.setToolTip(self.tr(
            "Evaluation examples the model got wrong, most confident first (click a header to "
            "sort)"))
        self.results_tab = results
        self._lay_out(left, explore_row, ((self.curves, self.tr("Curves")),
                                          (results, self.tr("Results")),
                                          (self.wrong_table, self.tr("Wrong predictions"))))

    def _column_combo(self, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("auto"), None)
        combo.setToolTip(tip)
        return combo

    def _connect(self) -> None:
        self._connect_runner()
        self.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.train_edit.editingFinished.connect(self.refresh_preview)
        self.limit_spin.editingFinished.connect(self.refresh_preview)
        for combo in (self.text_column_combo, self.pair_column_combo,
                      self.label_column_combo):
            combo.activated.connect(self.refresh_preview)
        self.preview_runner.finished.connect(self._on_preview_ready)
        self.preview_runner.failed.connect(self._on_preview_failed)
        self._on_task_changed()

    def runners(self) -> list[TaskRunner]:
        """The page's task runners."""
        return [self.runner, self.preview_runner]

    def task(self) -> str:
        """The chosen task (``classification``, ``pair-classification``, ``tagging``, ``qa``)."""
        return str(self.task_combo.currentData())

    @Slot(object)
    def set_devices(self, devices: tuple[str, ...]) -> None:
        """List the devices PyTorch has (the Pretrain page checks them once)."""
        set_device_items(self.device_combo, tuple(devices))

    def columns(self) -> tuple[str | None, str | None, str | None]:
        """The chosen ``(text, second text, label)`` columns (``None`` = auto)."""
        task = self.task()
        if task not in ("classification", "pair-classification"):
            return None, None, None
        pair = self.pair_column_combo.currentData() if task == "pair-classification" else None
        return (self.text_column_combo.currentData(), pair,
                self.label_column_combo.currentData())

    @Slot()
    def _on_task_changed(self) -> None:
        task = self.task()
        table = task in ("classification", "pair-classification")
        self.form.setRowVisible(self.text_column_combo, table)
        self.form.setRowVisible(self.pair_column_combo, task == "pair-classification")
        self.form.setRowVisible(self.label_column_combo, table)
        self.form.setRowVisible(self.doc_stride_spin, task == "qa")
        self.refresh_preview()

    @Slot()
    def refresh_preview(self) -> None:
        """Read the training file in the background: labels, examples, columns."""
        path = self.train_edit.text().strip()
        self.preview = None
        if not path:
            self.preview_runner.cancel()
            self.preview_label.setText("")
            return
        self.preview_label.setText(self.tr("Reading the file…"))
        text, pair, label = self.columns()
        self.preview_runner.start(preview_finetune_file, self.task(), path, text_column=text,
                                  text_pair_column=pair, label_column=label,
                                  limit=self.limit_spin.value() or None)

    @Slot(object)
    def _on_preview_ready(self, preview: FilePreview) -> None:
        self.preview = preview
        if preview.columns:
            for combo in (self.text_column_combo, self.pair_column_combo,
                          self.label_column_combo):
                current = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(self.tr("auto"), None)
                for name in preview.columns:
                    combo.addItem(name, name)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                combo.blockSignals(False)
        text = preview.describe()
        if preview.error:
            text = f"<span style='color:#b00020'>{_html(preview.error)}</span>" + (
                f"<br>{_html(text)}" if text else "")
        else:
            text = _html(text)
        self.preview_label.setText(text)
        self.preview_label.setToolTip(preview.error or preview.describe())

    @Slot(object, str)
    def _on_preview_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, WorkbenchError):
            self.preview_label.setText(f"<span style='color:#b00020'>{_html(core_text(error))}"
                                       "</span>")
        else:
            self.preview_label.setText(self.tr("The file could not be read."))
            show_unexpected_error(self, error, details)

    def set_task(self, task: str) -> None:
        """Choose the task (``classification``, ``pair-classification``, ``tagging``, ``qa``)."""
        index = self.task_combo.findData(task)
        if index < 0:
            raise ValueError(f"unknown task {task!r}")
        self.task_combo.setCurrentIndex(index)

    def request(self) -> FinetuneRequest:
        """The request the widgets describe (``ParameterError`` when invalid)."""
        from workbench.core.bert.finetune import FinetuneRequest

        training = self._training_settings(
            early_stopping_patience=self.patience_spin.value() or None)
        text, pair, label = self.columns()
        extra: dict[str, Any] = {}
        if self.task() == "qa":
            extra["doc_stride"] = self.doc_stride_spin.value()
        return FinetuneRequest(
            task=self.task(), train_file=self.train_edit.text().strip(),
            eval_file=self.eval_edit.text().strip() or None,
            model=self.model_edit.text().strip(), text_column=text, text_pair_column=pair,
            label_column=label, max_length=self.max_length_spin.value(),
            training=training, limit=self.limit_spin.value() or None,
            seed=self.seed_spin.value(), **extra)

    def suggest_model(self, folder: str | None = None) -> None:
        """Fill an empty model field: ``folder``, else the last pretraining run's final model."""
        if self.model_edit.text().strip():
            return
        if folder is None:
            ws = self._workspace()
            if ws is None:
                return
            for run in ws.runs.list(PRETRAIN_KIND, limit=20):
                if run.status == "success" and run.outputs.get("final_model"):
                    folder = run.outputs["final_model"]
                    break
        if folder:
            self.model_edit.setText(folder)

    @Slot()
    def start(self) -> None:
        """Start fine-tuning with the current settings."""
        request = self._begin_run(self.request)
        if request is None:
            return
        self.status_label.setText(self.tr("Reading the files…"))
        self.runner.start(_finetune_job, request, self._workspace())

    def result_model_folder(self) -> str | None:
        """The last run's fine-tuned model."""
        r = self.result
        return str(r.model_dir) if r is not None and r.model_dir is not None else None

    def _browse_file(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Data file"), "",
            self.tr("Data (*.tsv *.csv *.txt *.conll *.json);;All files (*)"))
        if path:
            edit.setText(path)
            if edit is self.train_edit:
                self.refresh_preview()

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pretrained model folder"))
        if folder:
            self.model_edit.setText(folder)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.params_box.setEnabled(not busy)

    def showEvent(self, event: Any) -> None:
        self.suggest_model()
        super().showEvent(event)

    @Slot(object)
    def _on_finished(self, result: FinetuneResult) -> None:
        self.result = result
        rows = [(QCoreApplication.translate("FinetunePage", label), result.metrics[key])
                for key, label in _FINETUNE_METRICS
                if isinstance(result.metrics.get(key), (int, float))]
        self.metrics_table.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            self.metrics_table.setItem(r, 0, QTableWidgetItem(label))
            self.metrics_table.setItem(r, 1, QTableWidgetItem(_fmt(value)))
        if result.confusion is not None:
            self.heatmap.set_matrix(result.confusion.labels, result.confusion.counts)
        else:
            self.heatmap.clear_matrix()
        self.wrong_table.setSortingEnabled(False)
        self.wrong_table.setRowCount(len(result.wrong_predictions))
        for r, wrong in enumerate(result.wrong_predictions):
            conf = QTableWidgetItem()
            conf.setData(Qt.ItemDataRole.DisplayRole, round(float(wrong.confidence), 4))
            for c, item in enumerate((QTableWidgetItem(wrong.text),
                                      QTableWidgetItem(wrong.gold),
                                      QTableWidgetItem(wrong.predicted), conf)):
                item.setToolTip(wrong.text if c == 0 else "")
                self.wrong_table.setItem(r, c, item)
        self.wrong_table.setSortingEnabled(True)
        headline = ", ".join(f"{label} {_fmt(value)}" for label, value in rows[:3])
        self.summary_label.setText(self.tr("Run #{run}: {scores}. Model saved in {folder}.").format(
            run=result.run_id, scores=headline, folder=result.model_dir))
        self.status_label.setText(self.tr("Done."))
        self.right_tabs.setCurrentWidget(self.results_tab)

    @Slot(object)
    def _on_cancelled(self, kept: FinetuneResult | None) -> None:
        checkpoint = getattr(getattr(kept, "training", None), "last_checkpoint", None)
        if checkpoint is not None:
            self.status_label.setText(self.tr(
                "Cancelled; the checkpoint is kept in {checkpoint}.").format(
                    checkpoint=checkpoint))
        else:
            self.status_label.setText(self.tr("Cancelled; nothing was kept."))


# --------------------------------------------------------------------------- panel
class BertPanel(QWidget):
    """The BERT tab: a Pretrain page and a Fine-tune page.

    Parameters
    ----------
    corpus_choice
        Returns the Corpus panel's corpus (``None`` when none is open).
    workspace
        Returns the workspace runs are recorded in.

    Attributes
    ----------
    pretrain_page : PretrainPage
    finetune_page : FinetunePage
    pages : QTabWidget
    explore_runner : TaskRunner
        Reads a model's input word embeddings for "Open in Explore".
    embeddings_for_explore : Signal(object)
        A model's input word embeddings (:class:`~workbench.core.embeddings.Embeddings`),
        read by :meth:`open_in_explore`; the window shows them in the Explore panel.
    """

    embeddings_for_explore = Signal(object)

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None],
                 workspace: Callable[[], Workspace | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BertPanel")
        self.pretrain_page = PretrainPage(corpus_choice, workspace, self)
        self.finetune_page = FinetunePage(workspace, self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.pretrain_page, self.tr("Pretrain"))
        self.pages.addTab(self.finetune_page, self.tr("Fine-tune"))
        self.pages.setTabToolTip(0, self.tr(
            "Pretrain a BERT (masked-language modelling, next-sentence prediction) on the "
            "Corpus panel's corpus"))
        self.pages.setTabToolTip(1, self.tr("Fine-tune a pretrained BERT on a labelled task"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.pretrain_page.model_trained.connect(self._on_model_trained)
        self.pretrain_page.devices_found.connect(self.finetune_page.set_devices)
        self.explore_runner = TaskRunner(self.tr("Opening a BERT model in Explore"), self)
        self.explore_runner.finished.connect(self.embeddings_for_explore)
        self.explore_runner.failed.connect(self._on_explore_failed)
        self.pretrain_page.open_in_explore.connect(self.open_in_explore)
        self.finetune_page.open_in_explore.connect(self.open_in_explore)

    def runners(self) -> list[TaskRunner]:
        """The panel's task runners (the window registers them with its job list)."""
        return (self.pretrain_page.runners() + self.finetune_page.runners()
                + [self.explore_runner])

    @Slot(str, bool)
    def open_in_explore(self, folder: str, include_pieces: bool = False) -> None:
        """Read ``folder``'s input word embeddings, then emit :attr:`embeddings_for_explore`."""
        self.explore_runner.start(_explore_job, folder, include_pieces)

    @Slot(object, str)
    def _on_explore_failed(self, error: BaseException, details: str) -> None:
        page = self.pages.currentWidget()
        if isinstance(error, WorkbenchError) and hasattr(page, "message_bar"):
            page.message_bar.show_error(str(error))
        else:
            show_unexpected_error(self, error, details)

    @Slot(object)
    def set_static_embeddings(self, emb: Embeddings | None) -> None:
        """Static vectors for "Initialise word embeddings" (from the Static training panel)."""
        self.pretrain_page.set_static_embeddings(emb)

    @Slot(str)
    def _on_model_trained(self, folder: str) -> None:
        if not self.finetune_page.runner.is_running:
            self.finetune_page.model_edit.setText(folder)


def main() -> int:
    """Run the panel alone on the bundled corpus (a quick way to try it)."""
    from workbench.ui.preview import bundled_corpus, run_preview

    return run_preview(lambda workspace: BertPanel(bundled_corpus, workspace))


if __name__ == "__main__":
    sys.exit(main())
