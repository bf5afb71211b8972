"""The welcome page: three clicks from nothing to a trained word2vec, its map and an analogy.

:class:`WelcomePanel` is the page (three numbered steps and links to every
panel); :class:`WelcomeFlow` drives the real panels through their public
methods when a step is clicked, so what the page starts is exactly what the
user would start by hand, and it keeps running if the user switches tabs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.resources import resources_dir
from workbench.ui.i18n import core_text
from workbench.ui.notifications import MessageBar

__all__ = ["STEPS", "WelcomeFlow", "WelcomePanel", "sample_corpus_path"]

#: Step names, in order.
STEPS = ("corpus", "train", "explore")


def sample_corpus_path() -> Path:
    """The welcome page's corpus: US inaugural and State of the Union addresses (public domain)."""
    return resources_dir() / "corpora" / "us-speeches.txt.gz"


class WelcomePanel(QWidget):
    """Three numbered steps and links to the panels.

    Signals
    -------
    step_requested : Signal(str)
        A step's button was clicked (one of :data:`STEPS`).
    panel_requested : Signal(str)
        A link to a panel was clicked (``"corpus"``, ``"static"``, ``"bert"``,
        ``"explore"``, ``"inspect"``).
    """

    step_requested = Signal(str)
    panel_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePanel")
        self.message_bar = MessageBar(self)
        title = QLabel(self.tr("<h1>Embedding Workbench</h1>"))
        intro = QLabel(self.tr(
            "Train word embeddings and BERT on your own text, then see what they learned. "
            "Three clicks show the whole path on a sample corpus of US presidential speeches "
            "(public domain)."))
        intro.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        self.status: dict[str, QLabel] = {}
        grid = QGridLayout()
        texts = {
            "corpus": (self.tr("1 · Open the sample corpus"),
                       self.tr("Opens 488,000 words of speeches and counts them")),
            "train": (self.tr("2 · Train word2vec"),
                      self.tr("Skip-gram, 100 dimensions, 5 epochs: about ten seconds")),
            "explore": (self.tr("3 · See its map and an analogy"),
                        self.tr("A PCA map of every word and an analogy the vectors solve")),
        }
        for row, step in enumerate(STEPS):
            text, tip = texts[step]
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, s=step: self.step_requested.emit(s))
            label = QLabel(tip)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.buttons[step], self.status[step] = button, label
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()

        links = QHBoxLayout()
        links.addWidget(QLabel(self.tr("Or go straight to:")))
        self.links: dict[str, QPushButton] = {}
        for name, text, tip in (
            ("corpus", self.tr("Corpus"), self.tr("Open your own corpus and see its statistics")),
            ("static", self.tr("Static training"), self.tr("word2vec, fastText, GloVe")),
            ("bert", self.tr("BERT"), self.tr("Pretrain and fine-tune BERT")),
            ("explore", self.tr("Explore"), self.tr("Neighbours, maps, analogies")),
            ("inspect", self.tr("Inspect"), self.tr("Attention, fill-mask, senses")),
        ):
            link = QPushButton(text)
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setToolTip(tip)
            link.clicked.connect(lambda _=False, n=name: self.panel_requested.emit(n))
            self.links[name] = link
            links.addWidget(link)
        links.addStretch(1)

        box = QFrame()
        box.setMaximumWidth(820)
        inner = QVBoxLayout(box)
        inner.addWidget(self.message_bar)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        inner.addWidget(self.progress)
        inner.addSpacing(12)
        inner.addLayout(links)
        inner.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        self.set_enabled_steps(("corpus",))

    def set_enabled_steps(self, steps: tuple[str, ...]) -> None:
        """Enable the buttons of ``steps`` and disable the others."""
        for step, button in self.buttons.items():
            button.setEnabled(step in steps)

    def set_status(self, step: str, text: str) -> None:
        """Show ``text`` beside ``step``'s button."""
        self.status[step].setText(text)

    @Slot(float, str)
    def set_progress(self, fraction: float, message: str = "") -> None:
        """Show a running step's progress (``fraction`` < 0: unknown)."""
        self.progress.show()
        if fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(1.0, fraction)))
        if message:
            self.progress.setToolTip(message)

    def hide_progress(self) -> None:
        self.progress.hide()


class WelcomeFlow(QObject):
    """Connects the welcome page's steps to the window's panels.

    Parameters
    ----------
    page
        The page.
    window
        The main window: ``tabs``, ``corpus_panel``, ``static_panel``,
        ``explore_panel`` and a ``show_panel(name)`` method.
    """

    def __init__(self, page: WelcomePanel, window: Any) -> None:
        super().__init__(page)
        self.page = page
        self.window = window
        self._running: str | None = None
        self.analogy: Any = None
        page.step_requested.connect(self.run_step)
        page.panel_requested.connect(window.show_panel)
        window.corpus_panel.stats_changed.connect(self._on_corpus_ready)
        runner = window.static_panel.runner
        runner.progress_changed.connect(self._on_train_progress)
        runner.finished.connect(self._on_trained)
        runner.failed.connect(lambda *_: self._on_train_stopped(self.tr(
            "Training failed; the Static training panel says why.")))
        runner.cancelled.connect(lambda *_: self._on_train_stopped(self.tr(
            "Training was cancelled.")))

    @Slot(str)
    def run_step(self, step: str) -> None:
        """Do ``step`` (one of :data:`STEPS`)."""
        {"corpus": self.open_sample, "train": self.train,
         "explore": self.explore}[step]()

    def open_sample(self) -> None:
        """Step 1: open the sample corpus in the Corpus panel and count it."""
        self._running = "corpus"
        self.page.set_enabled_steps(())
        self.page.set_status("corpus", self.tr("Counting the words…"))
        self.page.set_progress(-1)
        self.window.corpus_panel.open_path(sample_corpus_path(), compute=True)

    @Slot()
    def _on_corpus_ready(self) -> None:
        if self._running != "corpus":
            if self.window.corpus_panel.path():
                self.page.set_enabled_steps(("corpus", "train"))
            return
        self._running = None
        self.page.hide_progress()
        stats = getattr(self.window.corpus_panel, "stats", None)
        tokens = getattr(stats, "tokens", None)
        types = getattr(stats, "types", None)
        text = self.tr("Opened {name}").format(name=sample_corpus_path().name)
        if isinstance(tokens, int) and isinstance(types, int):
            text += self.tr(": {tokens:,} words, {types:,} different ones.").format(
                tokens=tokens, types=types)
        self.page.set_status("corpus", text)
        self.page.set_enabled_steps(("corpus", "train"))

    def train(self) -> None:
        """Step 2: train skip-gram word2vec on the open corpus in the Static training panel."""
        static = self.window.static_panel
        combo = static.method_combo
        for index in range(combo.count()):      # findData cannot match tuple data
            if combo.itemData(index) == ("word2vec", True):
                combo.setCurrentIndex(index)
                break
        static.vector_size_spin.setValue(100)
        static.epochs_spin.setValue(5)
        static.min_count_spin.setValue(5)
        self._running = "train"
        self.page.set_enabled_steps(())
        self.page.set_status("train", self.tr("Training…"))
        self.page.set_progress(0.0)
        static.train()
        if not static.runner.is_running:        # refused: the panel says why
            self._on_train_stopped(self.tr("Training could not start: {reason}").format(
                reason=static.message_bar.text()))

    @Slot(float, str)
    def _on_train_progress(self, fraction: float, message: str) -> None:
        if self._running == "train":
            self.page.set_progress(fraction, message)
            if message:
                self.page.set_status("train", message)

    @Slot(object)
    def _on_trained(self, result: Any) -> None:
        if self._running != "train":
            return
        self._running = None
        self.page.hide_progress()
        emb = getattr(result, "embeddings", None)
        size = f"{len(emb):,}" if emb is not None else "the"
        self.page.set_status("train", self.tr("Trained vectors for {n} words.").format(n=size))
        self.page.set_enabled_steps(STEPS)

    def _on_train_stopped(self, sentence: str) -> None:
        if self._running != "train":
            return
        self._running = None
        self.page.hide_progress()
        self.page.set_status("train", sentence)
        self.page.set_enabled_steps(("corpus", "train"))

    def explore(self) -> None:
        """Step 3: a PCA map of the vectors and the first analogy they solve, in Explore."""
        from workbench.core.explore.demo import demo_analogy

        explore = self.window.explore_panel
        emb = explore.embeddings
        if emb is None:
            self.page.set_status("explore", self.tr("Train vectors first (step 2)."))
            return
        self.window.show_panel("explore")
        explore.set_method("pca")
        explore.compute_map()
        analogy = self.analogy = demo_analogy(emb)
        if analogy is None:
            self.page.set_status("explore", self.tr(
                "Map computed; none of the demo analogies' words are in this vocabulary."))
            return
        view = explore.analogy_view
        explore.tools.setCurrentWidget(view)
        view.a_edit.setText(analogy.a)
        view.b_edit.setText(analogy.b)
        view.c_edit.setText(analogy.c)
        view.solve()
        self.page.set_status("explore", core_text(analogy.sentence()))
