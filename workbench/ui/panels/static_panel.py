"""The Static training panel: train word2vec, fastText or GloVe and watch them learn.

Besides training, the panel evaluates the vectors after each epoch on a
built-in benchmark (a score curve under the loss curve) and stops early when
that score (or the loss) stops improving; it continues a finished
word2vec/fastText run for more epochs (its own last run, or any run picked in
the Runs tab); and it loads vector files (word2vec text/binary, GloVe text,
fastText ``.bin`` models with vectors for unseen words) and gensim models.  A
gensim model is a Python pickle: one from outside the workspace is opened
only after the user says so in a warning box ("Open anyway" / "Cancel").
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.notifications import MessageBar, show_job_error
from workbench.ui.plots.loss_plot import LossPlot, ScorePlot
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.evaluation_view import EvaluationView
from workbench.ui.widgets.runs_view import RunsView, epoch_scores
from workbench.ui.widgets.spin_boxes import float_spin, int_spin

if TYPE_CHECKING:
    from workbench.core.corpus import ReaderOptions, TokenizerSettings
    from workbench.core.embeddings import Embeddings
    from workbench.core.static.jobs import (
        EpochEvaluation,
        StaticResumeRequest,
        StaticTrainRequest,
    )
    from workbench.core.static.result import StaticTrainResult
    from workbench.core.workspace import Workspace

__all__ = ["LOAD_FILTERS", "CorpusChoice", "LoadedModel", "StaticPanel"]

#: (label, method, sg) for the method combo box (method names: not translated).
_METHODS = (
    ("word2vec skip-gram", "word2vec", True),
    ("word2vec CBOW", "word2vec", False),
    ("fastText skip-gram", "fasttext", True),
    ("fastText CBOW", "fasttext", False),
    ("GloVe", "glove", False),
)


def _tr(text: str) -> str:
    """``text`` in the interface language (context ``StaticPanel``; works in worker threads)."""
    return QCoreApplication.translate("StaticPanel", text)


@dataclass(frozen=True)
class CorpusChoice:
    """The corpus to train on, as the Corpus panel describes it."""

    path: str
    reader: ReaderOptions
    tokenizer: TokenizerSettings


def _train_job(choice: CorpusChoice, request: StaticTrainRequest,
               workspace: Workspace | None, *,
               progress: Progress = NULL_PROGRESS) -> StaticTrainResult:
    """Worker-thread job: open the corpus and run the shared training job."""
    from workbench.core.corpus import Corpus
    from workbench.core.static.jobs import train_static

    corpus = Corpus.open(choice.path, choice.reader)
    return train_static(corpus, request, settings=choice.tokenizer, workspace=workspace,
                        progress=progress)


def _continue_job(request: StaticResumeRequest, workspace: Workspace, *,
                  progress: Progress = NULL_PROGRESS) -> StaticTrainResult:
    """Worker-thread job: train a recorded run for more epochs."""
    from workbench.core.static.jobs import resume_static

    return resume_static(request, workspace=workspace, progress=progress)


@dataclass(frozen=True)
class LoadedModel:
    """A gensim model opened with "Load vectors…": its vectors and the model itself."""

    embeddings: Embeddings
    model: Any
    path: str


def _load_job(path: str, workspace_root: str | None = None, allow_outside: bool = False, *,
              progress: Progress = NULL_PROGRESS) -> Embeddings | LoadedModel:
    """Worker-thread job: read a vector file, a fastText ``.bin`` or a gensim model.

    A gensim model (a pickle) from outside ``workspace_root`` raises
    :class:`~workbench.core.static.gensim_models.UnsafePickleError` unless
    ``allow_outside`` (the user agreed).
    """
    from workbench.core.static.formats import detect_format, load_vectors

    fmt = detect_format(path)
    if fmt == "gensim-model":
        from workbench.core.static.gensim_models import (
            gensim_model_embeddings,
            load_gensim_model,
        )

        progress.report(None, QCoreApplication.translate(
            "StaticPanel", "Opening the gensim model {name}…").format(name=Path(path).name))
        model = load_gensim_model(path, workspace_root=workspace_root,
                                  allow_outside=allow_outside)
        emb = gensim_model_embeddings(model, str(path))
        emb.check_finite()
        return LoadedModel(emb, model, str(path))
    emb = load_vectors(path, fmt, progress=progress)
    emb.check_finite()
    return emb


#: File-dialog filters of "Load vectors…" (English; translated when the dialog opens).
LOAD_FILTERS = (
    QT_TRANSLATE_NOOP("StaticPanel",
                      "Word vectors and models (*.txt *.vec *.bin *.gz *.bz2 *.xz *.model "
                      "*.gensim)"),
    QT_TRANSLATE_NOOP("StaticPanel", "word2vec / GloVe text (*.txt *.vec *.txt.gz *.vec.gz)"),
    QT_TRANSLATE_NOOP("StaticPanel", "word2vec binary or fastText .bin model (*.bin *.bin.gz)"),
    QT_TRANSLATE_NOOP("StaticPanel", "gensim model, a Python pickle (*.model *.gensim)"),
    QT_TRANSLATE_NOOP("StaticPanel", "All files (*)"),
)

#: Analogy benchmarks cheap enough to run after every epoch (similarity sets all are).
_EPOCH_ANALOGIES = ("google", "msr")


#: File-dialog filter -> vector format for "Save vectors as…" (filters translated when shown).
SAVE_FILTERS = {
    QT_TRANSLATE_NOOP("StaticPanel", "word2vec text (*.txt *.vec)"): "word2vec",
    QT_TRANSLATE_NOOP("StaticPanel", "word2vec binary (*.bin)"): "word2vec-bin",
    QT_TRANSLATE_NOOP("StaticPanel", "GloVe text, no header (*.txt)"): "glove",
    QT_TRANSLATE_NOOP("StaticPanel",
                      "TensorFlow Projector folder (vectors.tsv + metadata.tsv) (*)"): "projector",
}


def _save_job(emb: Embeddings, path: str, fmt: str, *,
              progress: Progress = NULL_PROGRESS) -> str:
    from workbench.core.static.formats import save_vectors

    return str(save_vectors(emb, path, fmt, progress=progress))


class StaticPanel(QWidget):
    """Train static embeddings on the Corpus panel's corpus, with live curves and cancel.

    Parameters
    ----------
    corpus_choice
        Returns the corpus to train on (path, reader options, tokenizer
        settings), or ``None`` when none is open.
    workspace
        Returns the workspace runs are recorded and saved in.

    Attributes
    ----------
    runner : TaskRunner
        Runs training.
    load_runner : TaskRunner
        Loads vector files.
    loss_plot : LossPlot
        Live loss curves.
    score_plot : ScorePlot
        The evaluation score after each epoch (under the loss curve; shown
        when the run evaluates).
    evaluation_view : EvaluationView
        Benchmarks for the current vectors (slot A) and a kept set (slot B).
    runs_view : RunsView
        The workspace's training runs; its "Continue training" comes here.
    evaluate_check, epoch_benchmark_combo, patience_spin
        "Evaluate after each epoch" on a built-in benchmark, and "stop early
        after N epochs without improvement" (0 = off).
    continue_button, more_epochs_spin
        Train the last run for more epochs.
    consent_box : QMessageBox or None
        The open "Open anyway / Cancel" question about a pickle from outside
        the workspace.
    embeddings : Embeddings or None
        The vectors trained or loaded last (what the Explore panel will show);
        :class:`~workbench.core.static.formats.SubwordEmbeddings` for fastText
        models, with vectors for unseen words.
    loaded_model : object or None
        The gensim model opened last with "Load vectors…".
    result : StaticTrainResult or None
        The last training result (also after a cancel that kept an epoch).
    message_bar : MessageBar
        Errors and notes.
    embeddings_changed : Signal(object)
        New vectors are available.
    """

    embeddings_changed = Signal(object)

    def __init__(self, corpus_choice: Callable[[], CorpusChoice | None],
                 workspace: Callable[[], Workspace | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaticPanel")
        self._corpus_choice = corpus_choice
        self._workspace = workspace
        self.embeddings: Embeddings | None = None
        self.loaded_model: Any = None
        self.result: StaticTrainResult | None = None
        self.consent_box: QMessageBox | None = None
        self._consent_open: QPushButton | None = None
        self._consent_path = ""
        self._loading: tuple[str, bool] = ("", False)
        self._epochs_planned = 1
        self._continuing: int | None = None  # the run being continued
        self._patience: int | None = None
        self.runner = TaskRunner(self.tr("Static training"), self)
        self.load_runner = TaskRunner(self.tr("Load vectors"), self)
        self._build()
        self._connect()
        self._on_method_changed()
        self._set_busy(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)
        self.corpus_label = QLabel(self)
        self.corpus_label.setWordWrap(True)
        self.corpus_label.setToolTip(self.tr("Training reads the corpus open in the Corpus "
                                             "panel, tokenized with that panel's settings "
                                             "(cached)."))

        self.method_combo = QComboBox(self)
        for label, method, sg in _METHODS:
            self.method_combo.addItem(label, (method, sg))
        self.method_combo.setToolTip(self.tr(
            "Skip-gram predicts context words from a word; CBOW predicts a word from its "
            "context; fastText adds character n-grams (vectors for unseen words); GloVe fits "
            "word co-occurrence counts."))
        self.objective_combo = QComboBox(self)
        self.objective_combo.addItem(self.tr("Negative sampling"), False)
        self.objective_combo.addItem(self.tr("Hierarchical softmax"), True)
        self.objective_combo.setToolTip(self.tr("How the output layer is trained (word2vec, "
                                                "fastText)"))

        p = self
        self.vector_size_spin = int_spin(p, 2, 2000, 100, self.tr("Dimensions of each vector"))
        self.window_spin = int_spin(p, 1, 100, 5, self.tr("Largest distance between a word and a "
                                                          "context word"))
        self.min_count_spin = int_spin(p, 1, 1_000_000, 5, self.tr("Ignore words rarer than this"))
        self.epochs_spin = int_spin(p, 1, 1000, 5, self.tr("Passes over the corpus"))
        self.negative_spin = int_spin(p, 1, 100, 5, self.tr("Negative samples per positive "
                                                            "example"))
        self.alpha_spin = float_spin(p, 0.0001, 1.0, 0.025, 4, self.tr(
            "Starting learning rate (word2vec and fastText decay it linearly; GloVe uses "
            "AdaGrad)"))
        self.workers_spin = int_spin(p, 1, 256, min(os.cpu_count() or 1, 256), self.tr(
            "Worker threads (word2vec, fastText); torch CPU threads (GloVe on the CPU). "
            "Default: one per core"))
        self.seed_spin = int_spin(p, 0, 2**31 - 1, 1, self.tr("Random seed"))
        self.min_n_spin = int_spin(p, 1, 20, 3, self.tr("Shortest character n-gram (fastText)"))
        self.max_n_spin = int_spin(p, 1, 20, 6, self.tr("Longest character n-gram (fastText)"))
        self.x_max_spin = float_spin(p, 1.0, 1e6, 100.0, 1, self.tr(
            "GloVe: co-occurrence count at which the weight reaches 1"))

        self.params_box = QGroupBox(self.tr("Parameters"), self)
        self.form = QFormLayout(self.params_box)
        self.form.addRow(self.tr("Method:"), self.method_combo)
        self.form.addRow(self.tr("Output layer:"), self.objective_combo)
        self.form.addRow(self.tr("Dimensions:"), self.vector_size_spin)
        self.form.addRow(self.tr("Window:"), self.window_spin)
        self.form.addRow(self.tr("Min count:"), self.min_count_spin)
        self.form.addRow(self.tr("Epochs:"), self.epochs_spin)
        self.form.addRow(self.tr("Negative samples:"), self.negative_spin)
        self.form.addRow(self.tr("Learning rate:"), self.alpha_spin)
        self.form.addRow(self.tr("Threads:"), self.workers_spin)
        self.form.addRow(self.tr("Seed:"), self.seed_spin)
        self.form.addRow(self.tr("Min n-gram:"), self.min_n_spin)
        self.form.addRow(self.tr("Max n-gram:"), self.max_n_spin)
        self.form.addRow("x_max:", self.x_max_spin)     # GloVe's parameter name

        self.evaluate_check = QCheckBox(self.tr("Evaluate after each epoch"), self)
        self.evaluate_check.setToolTip(self.tr(
            "Score the vectors on a benchmark after every epoch and draw the score under the "
            "loss curve (only the 30,000 most frequent words are looked up)"))
        self.epoch_benchmark_combo = QComboBox(self)
        self.epoch_benchmark_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.epoch_benchmark_combo.setMinimumContentsLength(14)
        self.epoch_benchmark_combo.setToolTip(self.tr(
            "The benchmark scored after each epoch: similarity sets (Spearman) are cheap; "
            "analogy sets (accuracy) take longer"))
        self._fill_epoch_benchmarks()
        self.patience_spin = int_spin(p, 0, 1000, 0, self.tr(
            "Stop when the score (without evaluation: the loss) has not improved for this many "
            "epochs, and keep the vectors of the best epoch. 0 = off"))
        self.patience_spin.setSpecialValueText(self.tr("off"))
        self.patience_spin.setSuffix(self.tr(" epochs"))
        self.epoch_box = QGroupBox(self.tr("After each epoch"), self)
        epoch_form = QFormLayout(self.epoch_box)
        epoch_form.addRow(self.evaluate_check)
        epoch_form.addRow(self.tr("Benchmark:"), self.epoch_benchmark_combo)
        stop_label = QLabel(self.tr("Stop early after N epochs\nwithout improvement:"), self)
        stop_label.setToolTip(self.patience_spin.toolTip())
        epoch_form.addRow(stop_label, self.patience_spin)

        self.train_button = QPushButton(self.tr("Train"), self)
        self.train_button.setToolTip(self.tr("Train on the Corpus panel's corpus (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop training; the vectors of the last finished "
                                              "epoch are kept and saved"))
        self.load_button = QPushButton(self.tr("Load vectors…"), self)
        self.load_button.setToolTip(self.tr("Open word2vec (text or binary), fastText .vec or "
                                            "GloVe text vectors"))
        self.save_button = QPushButton(self.tr("Save vectors as…"), self)
        self.save_button.setToolTip(self.tr("Save the current vectors as word2vec text or "
                                            "binary, GloVe text, or a TensorFlow Projector "
                                            "folder (Ctrl+S)"))
        self.save_runner = TaskRunner(self.tr("Save vectors"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 1)
        buttons.addWidget(self.cancel_button)
        self.continue_button = QPushButton(self.tr("Continue training"), self)
        self.more_epochs_spin = int_spin(p, 1, 1000, 5, self.tr("Epochs to add to the last run"))
        self.more_epochs_spin.setPrefix("+")
        self.more_epochs_spin.setSuffix(self.tr(" epochs"))
        more = QHBoxLayout()
        more.addWidget(self.continue_button, 1)
        more.addWidget(self.more_epochs_spin)

        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        self.live_label = QLabel("", self)
        self.live_label.setToolTip(self.tr("Epoch, learning rate, words per second and time "
                                           "left"))
        self.vectors_label = QLabel(self.tr("No vectors yet."), self)
        self.vectors_label.setWordWrap(True)
        self.vectors_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(self.corpus_label)
        left.addWidget(self.params_box)
        left.addWidget(self.epoch_box)
        left.addLayout(buttons)
        left.addLayout(more)
        left.addWidget(self.status_label)
        files = QHBoxLayout()
        files.addWidget(self.load_button)
        files.addWidget(self.save_button)
        left.addLayout(files)
        left.addWidget(self.vectors_label)
        left.addStretch(1)
        left_box = QWidget(self)
        left_box.setLayout(left)
        # Scrolls on small screens instead of forcing a tall window.
        left_scroll = QScrollArea(self)
        left_scroll.setWidget(left_box)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMaximumWidth(400)
        left_scroll.setMinimumWidth(300)

        self.loss_plot = LossPlot(self)
        self.score_plot = ScorePlot(self)
        self.score_plot.setVisible(False)
        self.loss_tab = QSplitter(Qt.Orientation.Vertical, self)
        self.loss_tab.addWidget(self.loss_plot)
        self.loss_tab.addWidget(self.score_plot)
        self.loss_tab.setChildrenCollapsible(False)
        self.loss_tab.setStretchFactor(0, 3)
        self.loss_tab.setStretchFactor(1, 2)
        right = QVBoxLayout()
        self.evaluation_view = EvaluationView(self)
        self.runs_view = RunsView(self._workspace, self)
        self.right_tabs = QTabWidget(self)
        self.right_tabs.addTab(self.loss_tab, self.tr("Loss"))
        self.right_tabs.addTab(self.evaluation_view, self.tr("Evaluation"))
        self.right_tabs.addTab(self.runs_view, self.tr("Runs"))
        self.right_tabs.setTabToolTip(1, self.tr("Analogy and similarity benchmarks, two vector "
                                                 "sets side by side"))
        self.right_tabs.setTabToolTip(2, self.tr("Earlier training runs: compare their loss "
                                                 "curves, reopen their vectors"))
        right.addWidget(self.right_tabs, 1)
        right.addWidget(self.live_label)

        body = QHBoxLayout()
        body.addWidget(left_scroll)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.message_bar)
        outer.addLayout(body, 1)

    def _connect(self) -> None:
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self.objective_combo.currentIndexChanged.connect(self._on_method_changed)
        self.train_button.clicked.connect(self.train)
        self.cancel_button.clicked.connect(self.cancel)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.evaluate_check.toggled.connect(self._on_evaluate_toggled)
        self.runs_view.continue_requested.connect(self.continue_training)
        self.save_button.clicked.connect(self._on_save_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_clicked)
        self.save_runner.finished.connect(
            lambda path: self.status_label.setText(
                self.tr("Saved the vectors to {path}.").format(path=path)))
        self.save_runner.failed.connect(self._on_failed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.train)
        self.runner.started.connect(self._on_training_started)
        self.runner.done.connect(self._on_training_done)
        self.runner.progress_changed.connect(self._on_progress_changed)
        self.runner.partial_result_ready.connect(self._on_partial_result)
        self.runner.finished.connect(self._on_training_finished)
        self.runner.cancelled.connect(self._on_training_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.embeddings_changed.connect(self.evaluation_view.set_embeddings_a)
        self.runs_view.open_vectors_requested.connect(self.load_vectors)
        self.runner.done.connect(self.runs_view.refresh)
        self.load_runner.finished.connect(self._on_vectors_loaded)
        self.load_runner.failed.connect(self._on_load_failed)

    def runners(self) -> list[TaskRunner]:
        """The panel's task runners (the window registers them with its job list)."""
        return [self.runner, self.load_runner, self.save_runner, self.evaluation_view.runner]

    # ------------------------------------------------------------- state
    def method(self) -> tuple[str, bool]:
        """The chosen back end and whether it is skip-gram."""
        return self.method_combo.currentData()

    @Slot()
    def _on_method_changed(self) -> None:
        method, _ = self.method()
        gensim = method in ("word2vec", "fasttext")
        hs = bool(self.objective_combo.currentData())
        for widget, visible in ((self.objective_combo, gensim),
                                (self.negative_spin, gensim and not hs),
                                (self.min_n_spin, method == "fasttext"),
                                (self.max_n_spin, method == "fasttext"),
                                (self.x_max_spin, method == "glove")):
            self.form.setRowVisible(widget, visible)
        if method == "glove" and self.window_spin.value() == 5:
            self.window_spin.setValue(10)
        elif method != "glove" and self.window_spin.value() == 10:
            self.window_spin.setValue(5)
        self.alpha_spin.setValue(0.05 if method == "glove" else 0.025)

    def _fill_epoch_benchmarks(self) -> None:
        from workbench.core.evaluation import builtin_benchmarks

        combo = self.epoch_benchmark_combo
        combo.clear()
        found = [b for b in builtin_benchmarks() if b.language == "en"
                 and (b.kind == "similarity" or b.name in _EPOCH_ANALOGIES)]
        found.sort(key=lambda b: (b.kind != "similarity", b.name != "ws353", b.name))
        for b in found:
            if b.kind == "similarity":
                text = self.tr("{name} (Spearman)").format(name=b.name)
            else:
                text = self.tr("{name} (accuracy)").format(name=b.name)
            combo.addItem(text, (b.name, b.kind))
            combo.setItemData(combo.count() - 1, f"{b.description}\n{b.path}",
                              Qt.ItemDataRole.ToolTipRole)
        if not found:
            combo.addItem(self.tr("no built-in benchmark found"), None)

    @Slot(bool)
    def _on_evaluate_toggled(self, on: bool) -> None:
        self.epoch_benchmark_combo.setEnabled(on)

    def epoch_evaluation(self) -> EpochEvaluation | None:
        """The per-epoch evaluation the widgets ask for (``None`` when unchecked)."""
        from workbench.core.errors import ParameterError
        from workbench.core.static.jobs import EpochEvaluation

        if not self.evaluate_check.isChecked():
            return None
        chosen = self.epoch_benchmark_combo.currentData()
        if chosen is None:
            raise ParameterError(self.tr("No built-in benchmark was found on this machine, so "
                                         "the vectors cannot be evaluated after each epoch."))
        name, kind = chosen
        return EpochEvaluation(name, kind)

    def patience(self) -> int | None:
        """Early-stopping patience (``None`` when off)."""
        return self.patience_spin.value() or None

    def request(self) -> StaticTrainRequest:
        """The training request the widgets describe (``ParameterError`` when invalid)."""
        from workbench.core.static.jobs import StaticTrainRequest

        method, sg = self.method()
        extras = {"evaluation": self.epoch_evaluation(), "patience": self.patience()}
        common = {"vector_size": self.vector_size_spin.value(),
                  "window": self.window_spin.value(), "min_count": self.min_count_spin.value(),
                  "epochs": self.epochs_spin.value(), "seed": self.seed_spin.value()}
        if method == "glove":
            from workbench.core.static.glove import GloveParams

            return StaticTrainRequest(method, GloveParams(
                learning_rate=self.alpha_spin.value(), x_max=self.x_max_spin.value(),
                threads=self.workers_spin.value(), **common), **extras)
        hs = bool(self.objective_combo.currentData())
        gensim = dict(sg=sg, hs=hs, negative=0 if hs else self.negative_spin.value(),
                      alpha=self.alpha_spin.value(), workers=self.workers_spin.value(),
                      **common)
        if method == "fasttext":
            from workbench.core.static.word2vec import FastTextParams

            return StaticTrainRequest(method, FastTextParams(
                min_n=self.min_n_spin.value(), max_n=self.max_n_spin.value(), **gensim),
                **extras)
        from workbench.core.static.word2vec import Word2VecParams

        return StaticTrainRequest(method, Word2VecParams(**gensim), **extras)

    def refresh_corpus(self) -> None:
        """Show which corpus Train will use."""
        choice = self._corpus_choice()
        if choice is None:
            self.corpus_label.setText(self.tr("Open a corpus in the Corpus panel first."))
        else:
            self.corpus_label.setText(self.tr("Corpus: <b>{name}</b> (from the Corpus panel)")
                                      .format(name=Path(choice.path).name))
        self.train_button.setEnabled(choice is not None and not self.runner.is_running)

    def showEvent(self, event: Any) -> None:
        self.refresh_corpus()
        super().showEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.params_box.setEnabled(not busy)
        self.epoch_box.setEnabled(not busy)
        self.epoch_benchmark_combo.setEnabled(self.evaluate_check.isChecked())
        self.load_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.embeddings is not None)
        self.cancel_button.setEnabled(busy)
        self.runs_view.set_training(busy)
        self.refresh_corpus()
        if busy:
            self.train_button.setEnabled(False)
        self._update_continue_button()

    def _continuable_run(self) -> int | None:
        """The run "Continue training" acts on: the last result's, if it can be continued."""
        from workbench.core.static.jobs import RESUMABLE

        r = self.result
        if r is None or r.run_id is None or not r.outputs.get("model"):
            return None
        method = r.params.get("model", r.params.get("algorithm"))
        return r.run_id if method in RESUMABLE else None

    def _update_continue_button(self) -> None:
        run_id = self._continuable_run()
        ok = run_id is not None and not self.runner.is_running
        self.continue_button.setEnabled(ok)
        if run_id is not None:
            tip = self.tr("Train run #{run} for more epochs from its saved model (recorded as a "
                          "new run; the loss curve continues)").format(run=run_id)
        else:
            tip = self.tr("Train a word2vec or fastText run first (or pick one in the Runs tab)")
        self.continue_button.setToolTip(tip)

    # ----------------------------------------------------------- actions
    @Slot()
    def train(self) -> None:
        """Start training with the current settings on the Corpus panel's corpus."""
        if self.runner.is_running:
            return
        choice = self._corpus_choice()
        if choice is None:
            self.message_bar.show_error(self.tr("Open a corpus in the Corpus panel first."))
            return
        try:
            request = self.request()
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        self.message_bar.clear()
        self.loss_plot.clear_data()
        self._prepare_score_plot(request.evaluation)
        self._epochs_planned = request.params.epochs
        self._continuing = None
        self._patience = request.patience
        self.live_label.setText("")
        if request.method == "fasttext":
            text = self.tr("Starting {method}… gensim computes no training loss for fastText, "
                           "so no curve is drawn.")
        else:
            text = self.tr("Starting {method}…")
        self.status_label.setText(text.format(method=self.method_combo.currentText()))
        self.runner.start(_train_job, choice, request, self._workspace())

    def _prepare_score_plot(self, evaluation: EpochEvaluation | None) -> None:
        self.score_plot.clear_data()
        self.score_plot.setVisible(evaluation is not None)
        if evaluation is not None:
            total = sum(self.loss_tab.sizes()) or 500
            self.loss_tab.setSizes([total * 3 // 5, total - total * 3 // 5])
            self.score_plot.set_metric(evaluation.score_name(
                evaluation.kind or "similarity"))

    @Slot()
    def _on_continue_clicked(self) -> None:
        run_id = self._continuable_run()
        if run_id is not None:
            self.continue_training(run_id, self.more_epochs_spin.value())

    @Slot(int, int)
    def continue_training(self, run_id: int, more_epochs: int) -> None:
        """Train recorded run ``run_id`` for ``more_epochs`` more epochs (word2vec, fastText).

        The curves show the run's recorded epochs first and continue from
        there; the per-epoch evaluation and early stopping settings apply to
        the new epochs.
        """
        from workbench.core.static.jobs import StaticResumeRequest

        if self.runner.is_running:
            self.message_bar.show_error(self.tr("Wait for the current training to end (or "
                                                "cancel it) before continuing a run."))
            return
        workspace = self._workspace()
        if workspace is None:
            self.message_bar.show_error(self.tr("Open a workspace first: runs are continued "
                                                "from the models saved in it."))
            return
        try:
            run = workspace.runs.get(run_id)
            request = StaticResumeRequest(run_id, more_epochs, self.epoch_evaluation(),
                                          self.patience())
        except KeyError:
            self.message_bar.show_error(self.tr("There is no run #{run} in {folder}.").format(
                run=run_id, folder=workspace.root))
            return
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        self.message_bar.clear()
        self.loss_plot.clear_data()
        self._prepare_score_plot(request.evaluation)
        done = run.metrics.get("epochs_done")
        done = int(done) if isinstance(done, int) else len(run.metrics.get("epoch_loss") or [])
        for epoch, loss in enumerate(run.metrics.get("epoch_loss") or []):
            if isinstance(loss, (int, float)) and math.isfinite(loss):
                self.loss_plot.add_epoch(epoch + 1, float(loss))
        name, scores = epoch_scores(run)
        if request.evaluation is not None and name == self.score_plot.metric:
            for epoch, value in enumerate(scores):
                self.score_plot.add_score(epoch + 1, math.nan if value is None else value)
        self._epochs_planned = done + more_epochs
        self._continuing = run_id
        self._patience = request.patience
        self.live_label.setText("")
        self.status_label.setText(self.tr(
            "Continuing run #{run} ({method}) from epoch {done} for {more} more epochs…").format(
            run=run_id, method=run.kind.removeprefix("train_"), done=done, more=more_epochs))
        self.right_tabs.setCurrentWidget(self.loss_tab)
        self.runner.start(_continue_job, request, workspace)

    @Slot()
    def cancel(self) -> None:
        """Stop training (the last finished epoch is kept)."""
        self.runner.cancel()

    def load_vectors(self, path: str | Path, *, allow_outside: bool = False) -> None:
        """Load vectors, a fastText ``.bin`` or a gensim model in the background.

        A gensim model from outside the workspace is opened only with
        ``allow_outside``; without it the panel asks the user first.
        """
        self.message_bar.clear()
        workspace = self._workspace()
        root = str(workspace.root) if workspace is not None else None
        self._loading = (str(path), allow_outside)
        self.load_runner.start(_load_job, str(path), root, allow_outside)

    def save_vectors(self, path: str | Path, fmt: str) -> None:
        """Save the current vectors to ``path`` in ``fmt`` in the background."""
        if self.embeddings is None:
            self.message_bar.show_error(self.tr("There are no vectors to save yet: train or "
                                                "load some."))
            return
        self.message_bar.clear()
        self.save_runner.start(_save_job, self.embeddings, str(path), fmt)

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.embeddings is None or self.runner.is_running:
            return
        filters = {_tr(text): fmt for text, fmt in SAVE_FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save vectors as"),
                                                   "vectors.txt", ";;".join(filters))
        if path:
            self.save_vectors(path, filters.get(chosen, SAVE_FILTERS.get(chosen, "word2vec")))

    @Slot()
    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load word vectors"), "",
                                              ";;".join(_tr(f) for f in LOAD_FILTERS))
        if path:
            self.load_vectors(path)

    def ask_pickle_consent(self, path: str) -> QMessageBox:
        """Ask (without blocking) whether to open the gensim model ``path`` from outside.

        "Open anyway" loads it with ``allow_outside=True``; "Cancel" (the
        default, also Esc) leaves everything as it was.
        """
        if self.consent_box is not None:
            self.consent_box.close()
        name = Path(path).name
        box = QMessageBox(self)
        box.setObjectName("PickleConsentBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Open a file that can run code?"))
        box.setText(self.tr("“{name}” is a gensim model saved as a Python pickle, and it is not "
                            "in the workspace.").format(name=name))
        box.setInformativeText(self.tr("Opening a pickle can run any code hidden in it. Open it "
                                       "only if you trust where it came from."))
        box.setDetailedText(str(path))
        self._consent_open = box.addButton(self.tr("Open anyway"),
                                           QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_consent_finished)
        self.consent_box = box
        self._consent_path = str(path)
        box.open()  # window-modal, returns at once
        return box

    @Slot(int)
    def _on_consent_finished(self, _result: int) -> None:
        box, path = self.consent_box, self._consent_path
        self.consent_box = None
        if box is None:
            return
        if box.clickedButton() is self._consent_open:
            self.load_vectors(path, allow_outside=True)
        else:
            self.message_bar.show_info(self.tr("{name} was not opened: it is a pickle from "
                                               "outside the workspace.").format(
                                                   name=Path(path).name))

    # ------------------------------------------------------- job results
    @Slot(float, str)
    def _on_progress_changed(self, fraction: float, message: str) -> None:
        if message:
            self.status_label.setText(message)

    @Slot(object)
    def _on_partial_result(self, report: object) -> None:
        from workbench.core.static.result import EpochReport, StepReport

        if isinstance(report, StepReport):
            position = report.fraction * self._epochs_planned
            if report.loss is not None:
                self.loss_plot.add_step(position, report.loss)
            eta = ("–" if report.eta_seconds is None
                   else self.tr("{seconds:,.0f} s").format(seconds=report.eta_seconds))
            self.live_label.setText(self.tr(
                "Epoch {epoch} of {epochs} · learning rate {rate:.5f} · {speed:,.0f} words/s · "
                "time left {eta}").format(
                epoch=report.epoch + 1, epochs=self._epochs_planned, rate=report.learning_rate,
                speed=report.words_per_second, eta=eta))
        elif isinstance(report, EpochReport):
            if report.loss is not None:
                self.loss_plot.add_epoch(report.epoch + 1, report.loss)
            if report.evaluation:
                name, value = next(iter(report.evaluation.items()))
                if not self.score_plot.metric:
                    self.score_plot.set_metric(name)
                self.score_plot.add_score(report.epoch + 1, value)
                shown = "–" if not math.isfinite(value) else f"{value:.4f}"
                self.live_label.setText(self.tr("Epoch {epoch} of {epochs}: {metric} {score}")
                                        .format(epoch=report.epoch + 1,
                                                epochs=self._epochs_planned, metric=name,
                                                score=shown))

    def _show_vectors(self, emb: Embeddings, where: str) -> None:
        self.embeddings = emb
        self.save_button.setEnabled(not self.runner.is_running)
        self.vectors_label.setText(self.tr("{words:,} words × {dim} dimensions {where}").format(
            words=len(emb), dim=emb.dim, where=where))
        self.embeddings_changed.emit(emb)

    def _saved_to(self, saved: object) -> str:
        return self.tr("(saved to {path})").format(path=saved) if saved else ""

    @Slot()
    def _on_training_started(self) -> None:
        self._set_busy(True)

    @Slot()
    def _on_training_done(self) -> None:
        self._set_busy(False)

    def _mark_best(self, result: StaticTrainResult) -> str:
        """Mark the epoch early stopping kept; return a sentence about it ("" if none).

        The sentence starts with a space: it follows the "Done" sentence.
        """
        if not result.params.get("stopped_early"):
            return ""
        best = int(result.params.get("best_epoch", 0))
        report = next((e for e in result.epochs if e.epoch == best), None)
        if report is not None and report.evaluation:
            value = next(iter(report.evaluation.values()))
            if math.isfinite(value):
                self.score_plot.mark_best(best + 1, value)
        elif report is not None and report.loss is not None:
            self.loss_plot.mark_best(best + 1, report.loss)
        last = result.epochs[-1].epoch + 1 if result.epochs else best + 1
        if self._patience:
            text = self.tr("Stopped early after epoch {last}: no improvement for {patience} "
                           "epochs; the vectors of epoch {best} are kept.")
        else:
            text = self.tr("Stopped early after epoch {last}: no improvement; the vectors of "
                           "epoch {best} are kept.")
        return " " + text.format(last=last, patience=self._patience, best=best + 1)

    @Slot(object)
    def _on_training_finished(self, result: StaticTrainResult) -> None:
        self.result = result
        saved = result.outputs.get("vectors")
        self._show_vectors(result.embeddings, self._saved_to(saved))
        early = self._mark_best(result)
        if self._continuing is not None:
            done = result.epochs[-1].epoch + 1 if result.epochs else 0
            self.status_label.setText(self.tr(
                "Done: run #{run} continued run #{old} to {done} epochs ({more} more in "
                "{seconds:,.1f} s).").format(
                run=result.run_id, old=self._continuing, done=done, more=len(result.epochs),
                seconds=result.seconds) + early)
        else:
            self.status_label.setText(self.tr("Done: {epochs} epochs in {seconds:,.1f} s.").format(
                epochs=len(result.epochs), seconds=result.seconds) + early)
        self._update_continue_button()

    @Slot(object)
    def _on_training_cancelled(self, kept: StaticTrainResult | None) -> None:
        if kept is None:
            self.status_label.setText(self.tr("Cancelled before the first epoch finished; "
                                              "nothing was kept."))
            return
        self.result = kept
        saved = kept.outputs.get("vectors")
        self._show_vectors(kept.embeddings, self._saved_to(saved))
        last = kept.epochs[-1].epoch + 1 if kept.epochs else len(kept.epochs)
        self.status_label.setText(self.tr("Cancelled: the vectors of epoch {epoch} are kept.")
                                  .format(epoch=last))
        self._update_continue_button()

    @Slot(object)
    def _on_vectors_loaded(self, loaded: Embeddings | LoadedModel) -> None:
        from workbench.core.static.formats import SubwordEmbeddings

        if isinstance(loaded, LoadedModel):
            self.loaded_model = loaded.model
            emb = loaded.embeddings
            kind = "fastText" if isinstance(emb, SubwordEmbeddings) else "word2vec"
            where = self.tr("loaded from the gensim {kind} model {name}").format(
                kind=kind, name=Path(loaded.path).name)
        else:
            emb = loaded
            where = self.tr("loaded from {name}").format(name=Path(emb.source).name)
        if isinstance(emb, SubwordEmbeddings):
            where = self.tr("{where} (with vectors for unseen words)").format(where=where)
        self._show_vectors(emb, where)

    @Slot(object, str)
    def _on_load_failed(self, error: BaseException, details: str) -> None:
        from workbench.core.static.gensim_models import UnsafePickleError

        path, allowed = self._loading
        if isinstance(error, UnsafePickleError) and not allowed:
            self.ask_pickle_consent(path)
            return
        self._on_failed(error, details)

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        self.status_label.setText("")
        if not show_job_error(self, self.message_bar.show_error, error, details):
            self.status_label.setText(self.tr("Training failed."))


def main() -> int:
    """Run the panel alone on the bundled corpus (a quick way to try it)."""
    from workbench.ui.preview import bundled_corpus, run_preview

    return run_preview(lambda workspace: StaticPanel(bundled_corpus, workspace))


if __name__ == "__main__":
    import sys

    sys.exit(main())
