"""The Static training panel: train word2vec, fastText or GloVe and watch them learn."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.tasks import NULL_PROGRESS, Progress
from workbench.ui.notifications import MessageBar, show_unexpected_error
from workbench.ui.plots.loss_plot import LossPlot
from workbench.ui.tasks import TaskRunner
from workbench.ui.widgets.evaluation_view import EvaluationView
from workbench.ui.widgets.runs_view import RunsView

if TYPE_CHECKING:
    from workbench.core.corpus import ReaderOptions, TokenizerSettings
    from workbench.core.embeddings import Embeddings
    from workbench.core.static.jobs import StaticTrainRequest
    from workbench.core.static.result import StaticTrainResult
    from workbench.core.workspace import Workspace

__all__ = ["CorpusChoice", "StaticPanel"]

#: (label, method, sg) for the method combo box.
_METHODS = (
    ("word2vec skip-gram", "word2vec", True),
    ("word2vec CBOW", "word2vec", False),
    ("fastText skip-gram", "fasttext", True),
    ("fastText CBOW", "fasttext", False),
    ("GloVe", "glove", False),
)


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


def _load_job(path: str, *, progress: Progress = NULL_PROGRESS) -> Embeddings:
    from workbench.core.static.formats import load_vectors

    emb = load_vectors(path, progress=progress)
    emb.check_finite()
    return emb


#: File-dialog filter -> vector format for "Save vectors as…".
SAVE_FILTERS = {
    "word2vec text (*.txt *.vec)": "word2vec",
    "word2vec binary (*.bin)": "word2vec-bin",
    "GloVe text, no header (*.txt)": "glove",
    "TensorFlow Projector folder (vectors.tsv + metadata.tsv) (*)": "projector",
}


def _save_job(emb: Embeddings, path: str, fmt: str, *,
              progress: Progress = NULL_PROGRESS) -> str:
    from workbench.core.static.formats import save_vectors

    return str(save_vectors(emb, path, fmt, progress=progress))


def _spin(parent: QWidget, low: int, high: int, value: int, tip: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setToolTip(tip)
    box.setGroupSeparatorShown(True)
    return box


def _dspin(parent: QWidget, low: float, high: float, value: float, decimals: int,
           tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(10 ** -(decimals - 1))
    box.setValue(value)
    box.setToolTip(tip)
    return box


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
    evaluation_view : EvaluationView
        Benchmarks for the current vectors (slot A) and a kept set (slot B).
    runs_view : RunsView
        The workspace's training runs.
    embeddings : Embeddings or None
        The vectors trained or loaded last (what the Explore panel will show).
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
        self.result: StaticTrainResult | None = None
        self._epochs_planned = 1
        self.runner = TaskRunner("Static training", self)
        self.load_runner = TaskRunner("Load vectors", self)
        self._build()
        self._connect()
        self._on_method_changed()
        self._set_busy(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.message_bar = MessageBar(self)
        self.corpus_label = QLabel(self)
        self.corpus_label.setWordWrap(True)
        self.corpus_label.setToolTip("Training reads the corpus open in the Corpus panel, "
                                     "tokenized with that panel's settings (cached).")

        self.method_combo = QComboBox(self)
        for label, method, sg in _METHODS:
            self.method_combo.addItem(label, (method, sg))
        self.method_combo.setToolTip("Skip-gram predicts context words from a word; CBOW "
                                     "predicts a word from its context; fastText adds "
                                     "character n-grams (vectors for unseen words); GloVe fits "
                                     "word co-occurrence counts.")
        self.objective_combo = QComboBox(self)
        self.objective_combo.addItem("Negative sampling", False)
        self.objective_combo.addItem("Hierarchical softmax", True)
        self.objective_combo.setToolTip("How the output layer is trained (word2vec, fastText)")

        p = self
        self.vector_size_spin = _spin(p, 2, 2000, 100, "Dimensions of each vector")
        self.window_spin = _spin(p, 1, 100, 5, "Largest distance between a word and a context "
                                               "word")
        self.min_count_spin = _spin(p, 1, 1_000_000, 5, "Ignore words rarer than this")
        self.epochs_spin = _spin(p, 1, 1000, 5, "Passes over the corpus")
        self.negative_spin = _spin(p, 1, 100, 5, "Negative samples per positive example")
        self.alpha_spin = _dspin(p, 0.0001, 1.0, 0.025, 4, "Starting learning rate (word2vec "
                                 "and fastText decay it linearly; GloVe uses AdaGrad)")
        self.workers_spin = _spin(p, 1, 256, 2, "Worker threads (word2vec, fastText)")
        self.seed_spin = _spin(p, 0, 2**31 - 1, 1, "Random seed")
        self.min_n_spin = _spin(p, 1, 20, 3, "Shortest character n-gram (fastText)")
        self.max_n_spin = _spin(p, 1, 20, 6, "Longest character n-gram (fastText)")
        self.x_max_spin = _dspin(p, 1.0, 1e6, 100.0, 1, "GloVe: co-occurrence count at which "
                                 "the weight reaches 1")

        self.params_box = QGroupBox("Parameters", self)
        self.form = QFormLayout(self.params_box)
        self.form.addRow("Method:", self.method_combo)
        self.form.addRow("Output layer:", self.objective_combo)
        self.form.addRow("Dimensions:", self.vector_size_spin)
        self.form.addRow("Window:", self.window_spin)
        self.form.addRow("Min count:", self.min_count_spin)
        self.form.addRow("Epochs:", self.epochs_spin)
        self.form.addRow("Negative samples:", self.negative_spin)
        self.form.addRow("Learning rate:", self.alpha_spin)
        self.form.addRow("Threads:", self.workers_spin)
        self.form.addRow("Seed:", self.seed_spin)
        self.form.addRow("Min n-gram:", self.min_n_spin)
        self.form.addRow("Max n-gram:", self.max_n_spin)
        self.form.addRow("x_max:", self.x_max_spin)

        self.train_button = QPushButton("Train", self)
        self.train_button.setToolTip("Train on the Corpus panel's corpus (Ctrl+Enter)")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop training; the vectors of the last finished epoch "
                                      "are kept and saved")
        self.load_button = QPushButton("Load vectors…", self)
        self.load_button.setToolTip("Open word2vec (text or binary), fastText .vec or GloVe "
                                    "text vectors")
        self.save_button = QPushButton("Save vectors as…", self)
        self.save_button.setToolTip("Save the current vectors as word2vec text or binary, "
                                    "GloVe text, or a TensorFlow Projector folder (Ctrl+S)")
        self.save_runner = TaskRunner("Save vectors", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 1)
        buttons.addWidget(self.cancel_button)

        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        self.live_label = QLabel("", self)
        self.live_label.setToolTip("Epoch, learning rate, words per second and time left")
        self.vectors_label = QLabel("No vectors yet.", self)
        self.vectors_label.setWordWrap(True)
        self.vectors_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(self.corpus_label)
        left.addWidget(self.params_box)
        left.addLayout(buttons)
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
        right = QVBoxLayout()
        self.evaluation_view = EvaluationView(self)
        self.runs_view = RunsView(self._workspace, self)
        self.right_tabs = QTabWidget(self)
        self.right_tabs.addTab(self.loss_plot, "Loss")
        self.right_tabs.addTab(self.evaluation_view, "Evaluation")
        self.right_tabs.addTab(self.runs_view, "Runs")
        self.right_tabs.setTabToolTip(1, "Analogy and similarity benchmarks, two vector sets "
                                         "side by side")
        self.right_tabs.setTabToolTip(2, "Earlier training runs: compare their loss curves, "
                                         "reopen their vectors")
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
        self.save_button.clicked.connect(self._on_save_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_clicked)
        self.save_runner.finished.connect(
            lambda path: self.status_label.setText(f"Saved the vectors to {path}."))
        self.save_runner.failed.connect(self._on_failed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.train)
        self.runner.started.connect(lambda: self._set_busy(True))
        self.runner.done.connect(lambda: self._set_busy(False))
        self.runner.progress_changed.connect(self._on_progress_changed)
        self.runner.partial_result_ready.connect(self._on_partial_result)
        self.runner.finished.connect(self._on_training_finished)
        self.runner.cancelled.connect(self._on_training_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.embeddings_changed.connect(self.evaluation_view.set_embeddings_a)
        self.runs_view.open_vectors_requested.connect(self.load_vectors)
        self.runner.done.connect(self.runs_view.refresh)
        self.load_runner.finished.connect(self._on_vectors_loaded)
        self.load_runner.failed.connect(self._on_failed)

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
                                (self.workers_spin, gensim),
                                (self.min_n_spin, method == "fasttext"),
                                (self.max_n_spin, method == "fasttext"),
                                (self.x_max_spin, method == "glove")):
            self.form.setRowVisible(widget, visible)
        if method == "glove" and self.window_spin.value() == 5:
            self.window_spin.setValue(10)
        elif method != "glove" and self.window_spin.value() == 10:
            self.window_spin.setValue(5)
        self.alpha_spin.setValue(0.05 if method == "glove" else 0.025)

    def request(self) -> StaticTrainRequest:
        """The training request the widgets describe (``ParameterError`` when invalid)."""
        from workbench.core.static.jobs import StaticTrainRequest

        method, sg = self.method()
        common = dict(vector_size=self.vector_size_spin.value(),
                      window=self.window_spin.value(), min_count=self.min_count_spin.value(),
                      epochs=self.epochs_spin.value(), seed=self.seed_spin.value())
        if method == "glove":
            from workbench.core.static.glove import GloveParams

            return StaticTrainRequest(method, GloveParams(
                learning_rate=self.alpha_spin.value(), x_max=self.x_max_spin.value(),
                **common))
        hs = bool(self.objective_combo.currentData())
        gensim = dict(sg=sg, hs=hs, negative=0 if hs else self.negative_spin.value(),
                      alpha=self.alpha_spin.value(), workers=self.workers_spin.value(),
                      **common)
        if method == "fasttext":
            from workbench.core.static.word2vec import FastTextParams

            return StaticTrainRequest(method, FastTextParams(
                min_n=self.min_n_spin.value(), max_n=self.max_n_spin.value(), **gensim))
        from workbench.core.static.word2vec import Word2VecParams

        return StaticTrainRequest(method, Word2VecParams(**gensim))

    def refresh_corpus(self) -> None:
        """Show which corpus Train will use."""
        choice = self._corpus_choice()
        if choice is None:
            self.corpus_label.setText("Open a corpus in the Corpus panel first.")
        else:
            self.corpus_label.setText(f"Corpus: <b>{Path(choice.path).name}</b> "
                                      "(from the Corpus panel)")
        self.train_button.setEnabled(choice is not None and not self.runner.is_running)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.refresh_corpus()
        super().showEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.params_box.setEnabled(not busy)
        self.load_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.embeddings is not None)
        self.cancel_button.setEnabled(busy)
        self.refresh_corpus()
        if busy:
            self.train_button.setEnabled(False)

    # ----------------------------------------------------------- actions
    @Slot()
    def train(self) -> None:
        """Start training with the current settings on the Corpus panel's corpus."""
        if self.runner.is_running:
            return
        choice = self._corpus_choice()
        if choice is None:
            self.message_bar.show_error("Open a corpus in the Corpus panel first.")
            return
        try:
            request = self.request()
        except WorkbenchError as exc:
            self.message_bar.show_error(str(exc))
            return
        self.message_bar.clear()
        self.loss_plot.clear_data()
        self._epochs_planned = request.params.epochs
        self.live_label.setText("")
        note = (" gensim computes no training loss for fastText, so no curve is drawn."
                if request.method == "fasttext" else "")
        self.status_label.setText(f"Starting {self.method_combo.currentText()}…{note}")
        self.runner.start(_train_job, choice, request, self._workspace())

    @Slot()
    def cancel(self) -> None:
        """Stop training (the last finished epoch is kept)."""
        self.runner.cancel()

    def load_vectors(self, path: str | Path) -> None:
        """Load a vector file in the background."""
        self.message_bar.clear()
        self.load_runner.start(_load_job, str(path))

    def save_vectors(self, path: str | Path, fmt: str) -> None:
        """Save the current vectors to ``path`` in ``fmt`` in the background."""
        if self.embeddings is None:
            self.message_bar.show_error("There are no vectors to save yet: train or load some.")
            return
        self.message_bar.clear()
        self.save_runner.start(_save_job, self.embeddings, str(path), fmt)

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.embeddings is None or self.runner.is_running:
            return
        path, chosen = QFileDialog.getSaveFileName(self, "Save vectors as", "vectors.txt",
                                                   ";;".join(SAVE_FILTERS))
        if path:
            self.save_vectors(path, SAVE_FILTERS.get(chosen, "word2vec"))

    @Slot()
    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Load word vectors", "",
            "Word vectors (*.txt *.vec *.bin *.gz *.bz2 *.xz);;All files (*)")
        if path:
            self.load_vectors(path)

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
            eta = "–" if report.eta_seconds is None else f"{report.eta_seconds:,.0f} s"
            self.live_label.setText(
                f"Epoch {report.epoch + 1} of {self._epochs_planned} · learning rate "
                f"{report.learning_rate:.5f} · {report.words_per_second:,.0f} words/s · "
                f"time left {eta}")
        elif isinstance(report, EpochReport) and report.loss is not None:
            self.loss_plot.add_epoch(report.epoch + 1, report.loss)

    def _show_vectors(self, emb: Embeddings, where: str) -> None:
        self.embeddings = emb
        self.save_button.setEnabled(not self.runner.is_running)
        self.vectors_label.setText(f"{len(emb):,} words × {emb.dim} dimensions {where}")
        self.embeddings_changed.emit(emb)

    @Slot(object)
    def _on_training_finished(self, result: StaticTrainResult) -> None:
        self.result = result
        saved = result.outputs.get("vectors")
        self._show_vectors(result.embeddings, f"(saved to {saved})" if saved else "")
        self.status_label.setText(
            f"Done: {len(result.epochs)} epochs in {result.seconds:,.1f} s.")

    @Slot(object)
    def _on_training_cancelled(self, kept: StaticTrainResult | None) -> None:
        if kept is None:
            self.status_label.setText("Cancelled before the first epoch finished; "
                                      "nothing was kept.")
            return
        self.result = kept
        saved = kept.outputs.get("vectors")
        self._show_vectors(kept.embeddings, f"(saved to {saved})" if saved else "")
        self.status_label.setText(f"Cancelled: the vectors of epoch {len(kept.epochs)} are kept.")

    @Slot(object)
    def _on_vectors_loaded(self, emb: Embeddings) -> None:
        self._show_vectors(emb, f"loaded from {Path(emb.source).name}")

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, WorkbenchError):
            self.message_bar.show_error(str(error))
            self.status_label.setText("")
        else:
            self.status_label.setText("Training failed.")
            show_unexpected_error(self, error, details)


def main() -> int:
    """Run the panel alone on the bundled corpus (a quick way to try it)."""
    from workbench.core.corpus import ReaderOptions, TokenizerSettings
    from workbench.core.resources import default_corpus_path
    from workbench.core.workspace import Workspace
    from workbench.ui.preview import preview

    choice = CorpusChoice(str(default_corpus_path()), ReaderOptions(), TokenizerSettings())
    workspace = Workspace()
    return preview(lambda: StaticPanel(lambda: choice, lambda: workspace))


if __name__ == "__main__":
    import sys

    sys.exit(main())
