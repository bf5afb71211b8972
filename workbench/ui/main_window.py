"""The main window: four panels as tabs, menus, shortcuts, recent files, job status bar."""

from __future__ import annotations

import dataclasses
import logging
import os
import platform
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from workbench import __version__
from workbench.core.errors import WorkbenchError
from workbench.core.resources import default_corpus_path
from workbench.ui.i18n import core_text
from workbench.ui.panels.bert_panel import BertPanel
from workbench.ui.panels.corpus_panel import CorpusPanel
from workbench.ui.panels.explore_panel import ExplorePanel
from workbench.ui.panels.inspect_panel import InspectPanel
from workbench.ui.panels.static_panel import CorpusChoice, StaticPanel
from workbench.ui.panels.welcome_panel import WelcomeFlow, WelcomePanel
from workbench.ui.preferences import (
    Preferences,
    apply_preferences,
    load_preferences,
    save_preferences,
)
from workbench.ui.tasks import JobRegistry, JobStatusWidget

if TYPE_CHECKING:
    from workbench.core.workspace import Workspace

__all__ = ["APPLICATION", "MAX_RECENT", "ORGANIZATION", "MainWindow", "app_settings"]

log = logging.getLogger(__name__)

ORGANIZATION = "EmbeddingWorkbench"
APPLICATION = "Embedding Workbench"
MAX_RECENT = 10
#: The tabs, in order; ``show_panel(name)`` and View ▸ use these names.
PANELS = ("welcome", "corpus", "static", "bert", "explore", "inspect")
SHUTDOWN_TIMEOUT = 5.0
_DEFAULT_SIZE = (1360, 860)


def app_settings() -> QSettings:
    """The app's settings store (in the default format, so tests can redirect it)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


class MainWindow(QMainWindow):
    """Embedding Workbench's window: Corpus, Static training, BERT, Explore and Inspect tabs.

    Parameters
    ----------
    workspace
        The workspace jobs record into; ``Workspace()`` (the default folder)
        when ``None``.
    settings
        Where geometry, the current tab and recent files are kept;
        :func:`app_settings` when ``None``.

    Attributes
    ----------
    corpus_panel : CorpusPanel
    tabs : QTabWidget
    jobs : JobRegistry
        Every panel's task runner.
    job_status : JobStatusWidget
        The status-bar view of the active job.
    actions : dict[str, QAction]
        Menu actions by name (``open_file``, ``open_folder``, ``clear_recent``,
        ``quit``, ``view_corpus`` … ``view_inspect``, ``reset_layout``, ``about``).
    recent_menu : QMenu
        File ▸ Open Recent.
    recent_files_changed : Signal()
        The recent-files list changed.
    """

    recent_files_changed = Signal()

    def __init__(self, workspace: Workspace | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(APPLICATION)
        self.setAcceptDrops(True)
        self.settings = settings if settings is not None else app_settings()
        self._workspace = workspace
        self._workspace_ready = workspace is not None
        self.jobs = JobRegistry(self)
        self.actions: dict[str, QAction] = {}
        self._shut_down = False
        self._settings_dialog: Any = None
        # Before any widget exists: translations are looked up when widgets are made.
        self.preferences, notices = load_preferences(self.settings)
        notices += apply_preferences(self.preferences, language=True)

        self.welcome_panel = WelcomePanel(self)
        self.corpus_panel = CorpusPanel(lambda: self.workspace, self)
        self.static_panel = StaticPanel(self._corpus_choice, lambda: self.workspace, self)
        self.bert_panel = BertPanel(self._corpus_choice, lambda: self.workspace, self)
        self.explore_panel = ExplorePanel(lambda: self.workspace, self)
        self.inspect_panel = InspectPanel(lambda: self.workspace, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._add_inspect_views()
        for panel, title, tip in (
            (self.welcome_panel, self.tr("Welcome"),
             self.tr("Three clicks from a corpus to a trained word2vec, its map and an analogy")),
            (self.corpus_panel, self.tr("Corpus"),
             self.tr("Open a corpus and look at its statistics")),
            (self.static_panel, self.tr("Static training"),
             self.tr("Train word2vec, fastText or GloVe")),
            (self.bert_panel, self.tr("BERT"), self.tr("Pretrain and fine-tune BERT models")),
            (self.explore_panel, self.tr("Explore"), self.tr("Neighbours, analogies, word maps")),
            (self.inspect_panel, self.tr("Inspect"),
             self.tr("Attention, input anatomy, fill-mask of a BERT model")),
        ):
            index = self.tabs.addTab(panel, title)
            self.tabs.setTabToolTip(index, tip)
        self.setCentralWidget(self.tabs)
        for runner in (self.corpus_panel.runners() + self.static_panel.runners()
                       + self.bert_panel.runners() + self.explore_panel.runners()
                       + self.inspect_panel.runners()):
            self.jobs.add(runner)
        self.static_panel.embeddings_changed.connect(self.explore_panel.set_embeddings)
        self.static_panel.embeddings_changed.connect(self.bert_panel.set_static_embeddings)
        self.static_panel.embeddings_changed.connect(self.senses_view.set_static_embeddings)
        self.corpus_panel.corpus_opened.connect(lambda _path: self._refresh_inspect_sources())
        self.bert_panel.embeddings_for_explore.connect(lambda emb: (
            self.explore_panel.set_embeddings(emb), self.tabs.setCurrentWidget(self.explore_panel)))
        self.corpus_panel.corpus_opened.connect(self._on_corpus_opened)
        self.corpus_panel.stats_changed.connect(self._on_stats_changed)

        self.job_status = JobStatusWidget(self.jobs, self)
        self.statusBar().addPermanentWidget(self.job_status)
        self.statusBar().showMessage(self.tr("Ready"))

        self.welcome_flow = WelcomeFlow(self.welcome_panel, self)
        self._build_menus()
        self._restore_settings()
        self.show_notices(notices)

    def _add_inspect_views(self) -> None:
        """The Inspect panel's senses, word-in-context and contextuality tabs."""
        from workbench.ui.widgets.senses_views import (
            ContextualityView,
            SensesView,
            WordInContextView,
        )

        self.senses_view = SensesView(self._corpus_choice)
        self.wic_view = WordInContextView(self._corpus_choice)
        self.contextuality_view = ContextualityView(self._corpus_choice)
        panel = self.inspect_panel
        panel.add_view(self.tr("Senses"), self.senses_view,
                       self.tr("Occurrences of a word, clustered into senses, beside its static "
                               "vector"))
        panel.add_view(self.tr("Word in context"), self.wic_view,
                       self.tr("The same word in two sentences: similarity per layer"))
        panel.add_view(self.tr("Contextuality"), self.contextuality_view,
                       self.tr("How contextual each layer is (Ethayarajh 2019)"))

    def _refresh_inspect_sources(self) -> None:
        self.senses_view.refresh_sources()
        self.contextuality_view.refresh_sources()

    def show_panel(self, name: str) -> None:
        """Show the tab called ``name`` (one of :data:`PANELS`)."""
        self.tabs.setCurrentIndex(PANELS.index(name))

    def show_notices(self, notices: list[str]) -> None:
        """Show sentences about settings problems on the current panel (once, at start)."""
        text = " ".join(core_text(n) for n in notices if n)
        if not text:
            return
        log.warning("%s", text)
        bar = getattr(self.tabs.currentWidget(), "message_bar", None)
        if bar is None:
            bar = self.corpus_panel.message_bar
        bar.show_warning(text)
        self.statusBar().showMessage(text, 15_000)

    def show_settings(self) -> None:
        """Open the Settings dialog and apply what was changed."""
        from workbench.core.workspace import default_workspace_dir
        from workbench.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, str(default_workspace_dir()), parent=self)
        dialog.setModal(True)
        dialog.finished.connect(lambda result: self._on_settings_finished(dialog, result))
        dialog.open()
        self._settings_dialog = dialog

    def _on_settings_finished(self, dialog: Any, result: int) -> None:
        from PySide6.QtWidgets import QDialog

        self._settings_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.preferences())

    def apply_settings(self, preferences: Preferences) -> None:
        """Keep ``preferences`` and apply them (the language after a restart)."""
        from workbench.core.workspace import default_workspace_dir

        before = self.preferences
        if preferences.workspace != before.workspace:
            self.set_workspace_folder(preferences.workspace or default_workspace_dir())
        self.preferences = preferences
        save_preferences(self.settings, preferences)
        apply_preferences(preferences)
        setter = getattr(self.bert_panel, "set_default_device", None)
        if setter is not None:
            setter(preferences.device)
        self.static_panel.workers_spin.setValue(preferences.threads or (os.cpu_count() or 1))
        if preferences.language != before.language:
            self.statusBar().showMessage(self.tr(
                "The new language is used from the next start."), 15_000)

    @property
    def workspace(self) -> Workspace | None:
        """The workspace jobs record into, opened on first use (not at startup).

        ``None`` when the default folder cannot be written; the Corpus panel
        then says so, and scans run without cache or record.
        """
        if not self._workspace_ready:
            self._workspace_ready = True
            from workbench.core.workspace import Workspace

            try:
                self._workspace = Workspace(self._chosen_workspace_folder())
            except WorkbenchError as exc:
                self._workspace = None
                self.corpus_panel.message_bar.show_warning(self.tr(
                    "{reason} Statistics are computed but not cached.").format(reason=exc))
        return self._workspace

    def _corpus_choice(self) -> CorpusChoice | None:
        """The Corpus panel's corpus and settings, for training (``None``: none open)."""
        panel = self.corpus_panel
        if not panel.path():
            return None
        try:
            return CorpusChoice(panel.path(), panel.reader_options(), panel.tokenizer_settings())
        except WorkbenchError:
            return None

    def _chosen_workspace_folder(self) -> str | None:
        """The folder chosen with File ▸ Workspace folder…, unless the environment overrides it."""
        import os

        if os.environ.get("WORKBENCH_WORKSPACE"):
            return None  # default_workspace_dir() honours the variable
        value = self.settings.value("workspace/path", "")
        return str(value) if value else None

    def set_workspace_folder(self, folder: str | Path) -> bool:
        """Use ``folder`` as the workspace from now on; say so, or say why not.

        Returns whether the folder was accepted; an unwritable folder leaves
        the current workspace in place and shows the reason in the Corpus panel.
        """
        from workbench.core.workspace import Workspace

        try:
            workspace = Workspace(folder)
        except WorkbenchError as exc:
            self.corpus_panel.message_bar.show_error(str(exc))
            return False
        self._workspace, self._workspace_ready = workspace, True
        self.settings.setValue("workspace/path", str(workspace.root))
        self.preferences = dataclasses.replace(self.preferences, workspace=str(workspace.root))
        self.statusBar().showMessage(self.tr("Workspace: {folder}").format(folder=workspace.root),
                                     5000)
        return True

    @Slot()
    def _on_workspace_folder_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        current = self.workspace.root if self.workspace is not None else Path.home()
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the workspace folder (runs, caches, models)"), str(current))
        if folder:
            self.set_workspace_folder(folder)

    # ---------------------------------------------------------------- menus
    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions[name] = action
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(
            "open_file", self.tr("&Open corpus file…"), self._on_open_file_triggered,
            QKeySequence.StandardKey.Open,
            self.tr("Open a corpus file and compute its statistics")))
        file_menu.addAction(self._action(
            "open_folder", self.tr("Open corpus &folder…"), self._on_open_folder_triggered,
            "Ctrl+Shift+O", self.tr("Open a folder of corpus files and compute its statistics")))
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setToolTipsVisible(True)
        file_menu.addMenu(self.recent_menu)
        self._action("clear_recent", self.tr("&Clear list"), self.clear_recent_files,
                     tip=self.tr("Forget the recently opened corpora"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(
            "workspace_folder", self.tr("&Workspace folder…"),
            self._on_workspace_folder_triggered,
            tip=self.tr("Choose where runs, caches and trained models are kept")))
        file_menu.addAction(self._action(
            "settings", self.tr("&Settings…"), self.show_settings, QKeySequence("Ctrl+,"),
            self.tr("Workspace folder, device, threads, theme and language")))
        self.actions["settings"].setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        quit_action = self._action("quit", self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q"),
                                   self.tr("Cancel running jobs and quit"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        group = QActionGroup(self)
        group.setExclusive(True)
        for index, name in enumerate(PANELS):
            action = self._action(f"view_{name}", self.tabs.tabText(index),
                                  lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                                  f"Ctrl+{index}", self.tr("Show the {panel} panel").format(
                                      panel=self.tabs.tabText(index)))
            action.setCheckable(True)
            group.addAction(action)
            view_menu.addAction(action)
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        view_menu.addSeparator()
        view_menu.addAction(self._action("reset_layout", self.tr("&Reset layout"),
                                         self.reset_layout,
                                         tip=self.tr("Restore the default window size and "
                                                     "panel layout")))

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action("about", self.tr("&About Embedding Workbench"), self.show_about,
                             tip=self.tr("Version, licence and library versions"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)
        self._rebuild_recent_menu()

    # ---------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        """Recently opened corpora, most recent first."""
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        """Put ``path`` first in File ▸ Open Recent (at most :data:`MAX_RECENT` kept)."""
        text = str(Path(path).expanduser().resolve()) if str(path) else ""
        if not text:
            return
        files = [text] + [p for p in self.recent_files() if p != text]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        self._rebuild_recent_menu()
        self.recent_files_changed.emit()

    @Slot()
    def clear_recent_files(self) -> None:
        """Empty File ▸ Open Recent."""
        self.settings.setValue("recent_files", [])
        self._rebuild_recent_menu()
        self.recent_files_changed.emit()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for i, path in enumerate(files):
            label = f"&{i + 1} {Path(path).name}" if i < 9 else f"1&0 {Path(path).name}"
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(self._on_recent_triggered)
        if files:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions["clear_recent"])
        self.actions["clear_recent"].setEnabled(bool(files))

    @Slot()
    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_corpus(str(action.data()))

    # --------------------------------------------------------------- actions
    def open_corpus(self, path: str | Path) -> None:
        """Show the Corpus panel, open ``path`` there and compute its statistics."""
        self.tabs.setCurrentWidget(self.corpus_panel)
        self.corpus_panel.open_path(path, compute=True)

    def start_session(self) -> None:
        """Called once the window is shown: at first start, open the bundled corpus.

        First start means no recent files yet.  The scan starts from the event
        loop, after the window has painted.
        """
        if not self.recent_files() and not self.corpus_panel.path():
            self.call_after_first_paint(self._open_default_corpus)

    def call_after_first_paint(self, fn: Callable[[], None], fallback_ms: int = 1000) -> None:
        """Call ``fn`` from the event loop once the window has painted (or after ``fallback_ms``).

        Work started at startup (the first-start scan) must not delay the
        first frame the user sees.
        """
        called = [False]

        def call() -> None:
            if not called[0] and not self._shut_down:
                called[0] = True
                fn()

        watcher = _FirstPaintWatcher(self, lambda: QTimer.singleShot(0, call))
        self.installEventFilter(watcher)
        QTimer.singleShot(fallback_ms, call)

    @Slot()
    def _open_default_corpus(self) -> None:
        if not self._shut_down and not self.corpus_panel.path():
            self.open_corpus(default_corpus_path())

    @Slot()
    def _on_open_file_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.corpus_panel)
        self.corpus_panel.open_file_dialog()

    @Slot()
    def _on_open_folder_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.corpus_panel)
        self.corpus_panel.open_folder_dialog()

    @Slot()
    def reset_layout(self) -> None:
        """Default window size, first tab, panel splitters back to their defaults."""
        if not self.isMaximized() and not self.isFullScreen():
            self.resize(*_DEFAULT_SIZE)
        self.tabs.setCurrentIndex(0)
        splitter = self.corpus_panel.splitter
        total = max(splitter.width(), 1000)
        splitter.setSizes([360, total - 360])

    @Slot()
    def show_about(self) -> QMessageBox:
        """Open the About box (non-blocking) and return it."""
        box = QMessageBox(self)
        box.setObjectName("AboutBox")
        box.setWindowTitle(self.tr("About Embedding Workbench"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>Embedding Workbench {__version__}</h3>"
            + self.tr("<p>Train, inspect and compare word embeddings and BERT models.</p>")
            + self.tr("<p>Licence: MIT. The bundled inaugural-address corpus is in the public "
                      "domain.</p>")
            + f"<p>Python {platform.python_version()} · Qt {qVersion()} · "
              f"PySide6 {pyside_version} · pyqtgraph {_pyqtgraph_version()}</p>")
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --------------------------------------------------------------- handlers
    @Slot(str)
    def _on_corpus_opened(self, path: str) -> None:
        self.add_recent_file(path)
        self.setWindowTitle(f"{Path(path).name} — {APPLICATION}")

    @Slot()
    def _on_stats_changed(self) -> None:
        stats = self.corpus_panel.stats
        if stats is not None:
            self.statusBar().showMessage(
                self.tr("{corpus}: {tokens:,} tokens, {types:,} types").format(
                    corpus=stats.corpus_name, tokens=stats.tokens, types=stats.types), 10_000)

    @Slot(int)
    def _on_current_tab_changed(self, index: int) -> None:
        if 0 <= index < len(PANELS):
            self.actions[f"view_{PANELS[index]}"].setChecked(True)

    # ------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData().urls() if event.mimeData().hasUrls() else []):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls() if event.mimeData().hasUrls() else [])
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_corpus(paths[0])
        if len(paths) > 1:
            self.corpus_panel.message_bar.show_info(self.tr(
                "Opened {name}; drop one file or a folder at a time ({n} other item(s) "
                "ignored).").format(name=Path(paths[0]).name, n=len(paths) - 1))

    # ------------------------------------------------------------- settings
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*_DEFAULT_SIZE)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("corpus/splitter")
        if splitter is None or not self.corpus_panel.splitter.restoreState(splitter):
            self.corpus_panel.splitter.setSizes([360, _DEFAULT_SIZE[0] - 360])
        try:
            tab = int(self.settings.value("window/tab", 0))
        except (TypeError, ValueError):
            tab = 0
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else 0)
        self._on_current_tab_changed(self.tabs.currentIndex())

    def save_settings(self) -> None:
        """Write geometry, layout and the current tab to the settings store."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("corpus/splitter", self.corpus_panel.splitter.saveState())
        self.settings.sync()

    def shutdown(self, timeout: float = SHUTDOWN_TIMEOUT) -> bool:
        """Cancel every job and wait for them (at most ``timeout`` seconds)."""
        self._shut_down = True
        from workbench.core.subprocess_jobs import shutdown_workers

        self.jobs.cancel_all()
        shutdown_workers()      # child processes (UMAP) stop now, not after a cancel's grace
        return self.jobs.shutdown(timeout)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.shutdown()
        event.accept()
        super().closeEvent(event)


class _FirstPaintWatcher(QObject):
    """Calls ``callback`` once, when its parent widget first receives a paint event."""

    def __init__(self, parent: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self._callback()
            self.deleteLater()
        return False


def _local_paths(urls: list[QUrl]) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


def _pyqtgraph_version() -> str:
    import pyqtgraph

    return str(pyqtgraph.__version__)
