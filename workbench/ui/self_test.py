"""``workbench --self-test``: the whole path, offscreen, in a throw-away workspace.

The same code runs from a source checkout and inside a PyInstaller bundle, so
a bundle that passes it can open its window, read its bundled corpus, train
word2vec (gensim), compute and draw a PCA map, pretrain a tiny BERT
(tokenizers, transformers, torch, safetensors) and draw its attention.  Each
step drives the real panels of a real :class:`~workbench.ui.main_window.MainWindow`
through their public methods and waits for their runners' signals (a job
that fails in a worker thread ends the step at once, it never hangs)::

    self-test: window        1.9 s  OK  (6 tabs, Qt platform offscreen)
    self-test: corpus        0.5 s  OK  (inaugural.txt.gz: 137,863 tokens, 9,446 types)
    ...
    self-test: total        33.2 s  OK  (6 steps)

On a failure the line names the step and says why, and the exit code is 1.
The workspace, the settings store and every file the test writes live in a
temporary folder that is deleted afterwards; the user's are never touched.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

__all__ = ["STEPS", "STEP_TIMEOUT_S", "UMAP_STEP", "AppDriver", "SelfTestFailure", "StepResult",
           "StepRunner", "driven_app", "image_is_blank", "install_startup_probe",
           "run_self_test"]

log = logging.getLogger(__name__)

#: The steps, in order.
STEPS = ("window", "corpus", "word2vec", "map", "bert", "attention")
#: With ``umap=True`` (``--self-test-umap``) this step follows ``map``: a UMAP map computed
#: in the app's child process (numba compiles first: a minute or two on 2 cores).
UMAP_STEP = "umap"
#: Seconds the UMAP step may take (numba's first compile included).
UMAP_TIMEOUT_S = 600.0
#: Seconds a step may take before it fails.
STEP_TIMEOUT_S = 120.0
#: The sentence the attention step feeds the model.
SENTENCE = "The people of the United States elect a president every four years."


class SelfTestFailure(Exception):
    """A step failed; the message says why, in words."""


@dataclass(frozen=True)
class StepResult:
    """The outcome of one step.

    Attributes
    ----------
    name
        One of :data:`STEPS`.
    seconds
        Wall time of the step.
    ok
        Whether it passed.
    detail
        What it produced (passed) or why it failed.
    """

    name: str
    seconds: float
    ok: bool
    detail: str = ""


def image_is_blank(image: QImage, min_colours: int = 3) -> bool:
    """Whether ``image`` is empty or shows fewer than ``min_colours`` different colours."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    import numpy as np
    from PySide6.QtGui import QImage as _QImage

    rgb = image.convertToFormat(_QImage.Format.Format_RGB32)
    w, h = rgb.width(), rgb.height()
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.bytesPerLine() // 4 * h)
    pixels = buffer.reshape(h, rgb.bytesPerLine() // 4)[:, :w]
    return len(np.unique(pixels)) < min_colours


def _ensure_application() -> Any:
    """The QApplication, made offscreen when none exists yet (the self-test needs no display)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from workbench.ui.app import create_application

        app = create_application([])
    return app


class StepRunner:
    """Runs steps, waits for signals with a timeout, writes one line per step."""

    def __init__(self, out: TextIO | None, timeout: float) -> None:
        self.out = out
        self.timeout = timeout
        self.results: list[StepResult] = []
        self._slot_errors: list[str] = []

    def say(self, line: str) -> None:
        log.debug("%s", line)
        if self.out is not None:
            try:
                self.out.write(line + "\n")
                self.out.flush()
            except (OSError, ValueError):   # a closed or missing stream (windowed app)
                pass

    def slot_error(self, exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        """``sys.excepthook`` while the test runs: an exception in a Qt slot fails the step."""
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected exception during the self-test:\n%s", text)
        self._slot_errors.append(f"{exc_type.__name__}: {exc}")

    def check_slot_errors(self) -> None:
        if self._slot_errors:
            raise SelfTestFailure("an exception escaped into Qt's event loop: "
                                  + self._slot_errors[0])

    def wait(self, what: str, start: Callable[[], None], done: Sequence[Any],
             runners: Sequence[TaskRunner] = (),
             refused: Callable[[], str] | None = None) -> tuple[Any, ...]:
        """Call ``start`` and wait until one of the ``done`` signals fires.

        Fails when a ``runners`` job fails or is cancelled, when ``start``
        started no job (``refused`` gives the panel's reason), when an
        exception escapes into the event loop, or after :attr:`timeout` seconds.
        Returns the arguments of the ``done`` signal.
        """
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        outcome: list[tuple[str, tuple[Any, ...]]] = []

        def finish(kind: str) -> Callable[..., None]:
            def slot(*args: Any) -> None:
                if not outcome:
                    outcome.append((kind, args))
                loop.quit()
            return slot

        connections: list[tuple[Any, Callable[..., None]]] = []
        for signal in done:
            connections.append((signal, finish("done")))
        for runner in runners:
            connections.append((runner.failed, finish("failed")))
            connections.append((runner.cancelled, finish("cancelled")))
        for signal, slot in connections:
            signal.connect(slot)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(finish("timeout"))
        try:
            start()
            self.check_slot_errors()
            if not outcome and runners and not any(r.is_running for r in runners):
                why = refused() if refused is not None else ""
                raise SelfTestFailure(f"{what} did not start" + (f": {why}" if why else "."))
            if not outcome:
                timer.start(int(self.timeout * 1000))
                poll = QTimer()
                poll.setInterval(100)
                poll.timeout.connect(lambda: loop.quit() if self._slot_errors else None)
                poll.start()
                loop.exec()
                poll.stop()
            self.check_slot_errors()
        finally:
            timer.stop()
            for signal, slot in connections:
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        if not outcome:
            raise SelfTestFailure(f"{what} did not finish.")
        kind, args = outcome[0]
        if kind == "timeout":
            raise SelfTestFailure(f"{what} did not finish within {self.timeout:.0f} s.")
        if kind == "failed":
            from workbench.core.errors import WorkbenchError

            error, details = (args + (None, ""))[:2]
            if not isinstance(error, WorkbenchError):   # a bug, not a sentence: keep the trace
                log.error("%s failed:\n%s", what, details)
            text = str(error) or type(error).__name__
            raise SelfTestFailure(f"{what} failed: {text}")
        if kind == "cancelled":
            raise SelfTestFailure(f"{what} was cancelled.")
        return args

    def pump(self, ms: int) -> None:
        """Let the event loop run for ``ms`` milliseconds (painting, queued signals)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def step(self, name: str, fn: Callable[[], str]) -> bool:
        """Run step ``name``; write its line; return whether it passed."""
        t0 = time.perf_counter()
        try:
            detail = fn()
            ok = True
        except SelfTestFailure as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # noqa: BLE001 - the self-test reports, it never crashes
            log.error("step %s raised:\n%s", name, traceback.format_exc())
            detail, ok = f"{type(exc).__name__}: {exc}", False
        seconds = time.perf_counter() - t0
        self.results.append(StepResult(name, seconds, ok, detail))
        if ok:
            self.say(f"self-test: {name:<10} {seconds:6.1f} s  OK" + (f"  ({detail})"
                                                                       if detail else ""))
        else:
            self.say(f"self-test: {name:<10} {seconds:6.1f} s  FAILED: {detail}")
        return ok


@contextmanager
def _temporary_settings(folder: Path) -> Any:
    """Point the app's settings store and default workspace at ``folder`` meanwhile."""
    from PySide6.QtCore import QSettings

    before_format = QSettings.defaultFormat()
    before_env = os.environ.get("WORKBENCH_WORKSPACE")
    settings_dir = folder / "settings"
    settings_dir.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    os.environ["WORKBENCH_WORKSPACE"] = str(folder / "workspace")
    try:
        yield settings_dir
    finally:
        QSettings.setDefaultFormat(before_format)
        if before_env is None:
            os.environ.pop("WORKBENCH_WORKSPACE", None)
        else:
            os.environ["WORKBENCH_WORKSPACE"] = before_env


class AppDriver:
    """The steps, sharing one window.

    Each ``*_step`` method drives the real panels through their public methods and
    returns a sentence about what it produced (``tools/guide_screenshots.py`` reuses
    them through :func:`driven_app` to put the app in the states its pictures show).
    """

    def __init__(self, runner: StepRunner, folder: Path, workspace: Path, corpus: Path) -> None:
        self.r = runner
        self.folder = folder
        self.workspace_dir = workspace
        self.corpus = corpus
        self.window: MainWindow | None = None
        self.model_folder: str | None = None

    @property
    def w(self) -> MainWindow:
        if self.window is None:
            raise SelfTestFailure("the main window is not open.")
        return self.window

    def window_step(self) -> str:
        from workbench.core.workspace import Workspace
        from workbench.ui.main_window import MainWindow, app_settings

        window = MainWindow(workspace=Workspace(self.workspace_dir), settings=app_settings())
        self.window = window
        window.resize(1360, 860)
        painted: list[bool] = []
        window.show()
        # The fallback fires after the deadline below, so only a real paint counts.
        window.call_after_first_paint(lambda: painted.append(True),
                                      int(self.r.timeout * 1000) + 60_000)
        deadline = time.perf_counter() + self.r.timeout
        while not painted and time.perf_counter() < deadline:
            self.r.pump(20)
        self.r.check_slot_errors()
        if not painted:
            raise SelfTestFailure(f"the main window was not painted within "
                                  f"{self.r.timeout:.0f} s.")
        if not window.isVisible():
            raise SelfTestFailure("the main window is not visible.")
        return f"{window.tabs.count()} tabs, Qt platform {_platform_name()}"

    def corpus_step(self) -> str:
        window = self.w
        panel = window.corpus_panel
        self.r.wait(f"Reading {self.corpus.name}", lambda: window.open_corpus(self.corpus),
                    [panel.stats_changed], [panel.runner],
                    refused=panel.message_bar.text)
        stats = panel.stats
        if stats is None or stats.tokens <= 0:
            raise SelfTestFailure(f"no statistics for {self.corpus.name}: "
                                  f"{panel.message_bar.text() or 'the corpus looks empty'}")
        return f"{self.corpus.name}: {stats.tokens:,} tokens, {stats.types:,} types"

    def word2vec_step(self) -> str:
        window = self.w
        window.show_panel("static")
        static = window.static_panel
        combo = static.method_combo
        # findData does not match tuples in every PySide6 version: compare the items.
        index = next((i for i in range(combo.count())
                      if tuple(combo.itemData(i) or ()) == ("word2vec", True)), -1)
        if index < 0:
            raise SelfTestFailure("word2vec skip-gram is not offered in Static training.")
        combo.setCurrentIndex(index)
        static.vector_size_spin.setValue(20)
        static.epochs_spin.setValue(1)
        static.min_count_spin.setValue(5)
        (result,) = self.r.wait("word2vec training", static.train, [static.runner.finished],
                                [static.runner], refused=static.message_bar.text)
        emb = getattr(result, "embeddings", None)
        if emb is None or len(emb) == 0 or emb.dim != 20:
            raise SelfTestFailure("training returned no 20-dimensional vectors.")
        import numpy as np

        if not np.all(np.isfinite(emb.vectors)):
            raise SelfTestFailure("the trained vectors are not all finite.")
        return f"{len(emb):,} words x {emb.dim} dimensions"

    def _explore_with(self, method: str, name: str) -> Any:
        """The Explore panel, shown, with the trained vectors and ``method`` chosen."""
        self.w.show_panel("explore")
        explore = self.w.explore_panel
        if explore.embeddings is None:
            raise SelfTestFailure("the trained vectors did not reach the Explore panel.")
        explore.set_method(method)
        if explore.method() != method:
            raise SelfTestFailure(f"{name} is not offered in Explore.")
        return explore

    def map_step(self) -> str:
        explore = self._explore_with("pca", "PCA")

        def compute() -> None:
            explore.compute_map()
        self.r.wait("The PCA map", compute, [explore.map_changed], [explore.map_runner],
                    refused=explore.message_bar.text)
        projection = explore.projection
        if projection is None or len(projection.words) == 0:
            raise SelfTestFailure("no map was shown.")
        self.r.pump(300)                    # let the map draw itself
        image = explore.map_view.grab().toImage()
        path = self.folder / "map.png"
        image.save(str(path))
        if image_is_blank(image):
            raise SelfTestFailure(f"the map is blank ({image.width()}x{image.height()} px).")
        return f"{len(projection.words):,} points, {image.width()}x{image.height()} px drawn"

    def umap_step(self) -> str:
        explore = self._explore_with("umap", "UMAP")
        before, self.r.timeout = self.r.timeout, max(self.r.timeout, UMAP_TIMEOUT_S)
        try:
            self.r.wait("The UMAP map", explore.compute_map, [explore.map_changed],
                        [explore.map_runner], refused=explore.message_bar.text)
        finally:
            self.r.timeout = before
        projection = explore.projection
        if projection is None or projection.params.method != "umap":
            raise SelfTestFailure("no UMAP map was shown.")
        import numpy as np

        coords = np.asarray(projection.coords)
        if not np.all(np.isfinite(coords)) or float(coords.std()) == 0.0:
            raise SelfTestFailure("the UMAP coordinates are not finite or all equal.")
        return f"{len(projection.words):,} points, computed in a child process"

    def bert_step(self, steps: int = 2, eval_every: int = 0) -> str:
        window = self.w
        window.show_panel("bert")
        page = window.bert_panel.pretrain_page
        page.tokenizer_combo.setCurrentIndex(page.tokenizer_combo.findData("train"))
        page.vocab_spin.setValue(500)
        page.set_size("custom")
        page.layers_spin.setValue(2)
        page.hidden_spin.setValue(32)
        page.heads_spin.setValue(2)
        page.intermediate_spin.setValue(64)
        page.seq_len_spin.setValue(32)
        page.batch_spin.setValue(4)
        page.max_steps_spin.setValue(steps)
        page.eval_every_spin.setValue(eval_every)
        page.save_every_spin.setValue(0)
        page.split_check.setChecked(True)
        page.nsp_check.setChecked(False)     # the bundled corpus is one document (no blank lines)
        cpu = page.device_combo.findData("cpu")
        if cpu >= 0:
            page.device_combo.setCurrentIndex(cpu)
        (result,) = self.r.wait("BERT pretraining", page.start, [page.runner.finished],
                                [page.runner], refused=page.message_bar.text)
        if getattr(result, "status", "") != "success" or getattr(result, "steps", 0) != steps:
            raise SelfTestFailure(f"pretraining ended with status "
                                  f"{getattr(result, 'status', '?')!r} after "
                                  f"{getattr(result, 'steps', '?')} steps ({steps} expected).")
        folder = page.result_model_folder()
        if not folder or not (Path(folder) / "config.json").is_file():
            raise SelfTestFailure(f"no model folder was saved ({folder}).")
        self.model_folder = folder
        loss = (result.metrics or {}).get("train_loss")
        loss_text = f", train loss {loss:.2f}" if isinstance(loss, float) else ""
        return f"{steps} steps, masked LM, 2 layers x hidden 32, vocabulary 500{loss_text}"

    def attention_step(self) -> str:
        window = self.w
        if not self.model_folder:
            raise SelfTestFailure("there is no pretrained model to inspect.")
        window.show_panel("inspect")
        panel = window.inspect_panel
        self.r.wait("Loading the model in Inspect", lambda: panel.load_model(self.model_folder),
                    [panel.model_changed], [panel.load_runner],
                    refused=panel.message_bar.text)
        if panel.model is None:
            raise SelfTestFailure("the model did not load.")
        view = panel.attention_view
        panel.show_view(view)
        panel.set_text(SENTENCE)
        self.r.wait("Computing attention", panel.run, [view.result_changed], [view.runner],
                    refused=lambda: panel.message_bar.text() or view.message_bar.text())
        result = view.result
        if result is None:
            raise SelfTestFailure("no attention was shown.")
        self.r.pump(200)
        image = view.detail_image
        image.save(str(self.folder / "attention.png"))
        if image_is_blank(image):
            raise SelfTestFailure("the attention heatmap is blank.")
        layers, heads = int(result.weights.shape[0]), int(result.weights.shape[1])
        return (f"{len(result.tokens)} tokens, {layers} layers x {heads} heads, heatmap "
                f"{image.width()}x{image.height()} px")

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.shutdown(10.0)
            self.window.deleteLater()
            self.window = None
            self.r.pump(50)


def _platform_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


@contextmanager
def driven_app(runner: StepRunner, *, workspace: Path | None = None,
               corpus: str | Path | None = None) -> Iterator[AppDriver]:
    """An :class:`AppDriver` in a throw-away settings store and workspace.

    Makes the (offscreen) QApplication when none exists, sends uncaught slot
    exceptions to ``runner`` (they fail the running step), quiets the jobs'
    logging, and closes the window and deletes the temporary folder afterwards.
    No window is open yet: run the driver's ``window_step`` first.

    Parameters
    ----------
    runner
        Runs the steps and waits for the panels' signals.
    workspace
        The workspace folder; a temporary one (deleted afterwards) when ``None``.
    corpus
        The corpus ``corpus_step`` reads; the bundled one when ``None``.

    Yields
    ------
    AppDriver
        Its ``folder`` is the temporary folder, kept until the block ends.
    """
    from workbench.core.resources import default_corpus_path

    app = _ensure_application()
    before_hook = sys.excepthook
    root = logging.getLogger()
    before_level = root.level
    root.setLevel(max(before_level, logging.WARNING))   # the step lines, not the jobs' chatter
    with tempfile.TemporaryDirectory(prefix="workbench-self-test-") as tmp:
        folder = Path(tmp)
        test = AppDriver(runner, folder, Path(workspace) if workspace else folder / "workspace",
                         Path(corpus) if corpus is not None else default_corpus_path())
        sys.excepthook = runner.slot_error
        try:
            with _temporary_settings(folder):
                try:
                    yield test
                finally:
                    test.close()
        finally:
            sys.excepthook = before_hook
            root.setLevel(before_level)
        app.processEvents()


def run_self_test(*, workspace: Path | None = None, out: TextIO | None = sys.stderr,
                  corpus: str | Path | None = None, timeout: float = STEP_TIMEOUT_S,
                  umap: bool = False) -> int:
    """Run every step of the self-test and return the exit code (0: all passed).

    Parameters
    ----------
    workspace
        The workspace folder to use; a new temporary one (deleted afterwards)
        when ``None``.
    out
        Where the step lines go (``None``: only to the log).
    corpus
        The corpus to read; the bundled one
        (:func:`~workbench.core.resources.default_corpus_path`) when ``None``.
    timeout
        Seconds each step may take.
    umap
        Also compute a UMAP map (in the app's child process) after ``map``: the
        frozen multiprocessing and numba path of a bundle.  Slow (numba compiles
        umap-learn first), so off by default.

    Returns
    -------
    int
        0 when every step passed, 1 otherwise (the failed step's line says why).
    """
    runner = StepRunner(out, timeout)
    t0 = time.perf_counter()
    with driven_app(runner, workspace=workspace, corpus=corpus) as test:
        steps = list(STEPS)
        if umap:
            steps.insert(steps.index("map") + 1, UMAP_STEP)
        for name in steps:
            if not runner.step(name, getattr(test, f"{name}_step")):
                break
    total = time.perf_counter() - t0
    failed = [r for r in runner.results if not r.ok]
    if failed:
        runner.say(f"self-test: FAILED at step '{failed[0].name}' after {total:.1f} s: "
                   f"{failed[0].detail}")
        return 1
    runner.say(f"self-test: {'total':<10} {total:6.1f} s  OK  ({len(runner.results)} steps)")
    return 0


def install_startup_probe(t0: float) -> None:
    """Print ``{"seconds": ...}`` once a main window has painted, then exit at once.

    ``t0`` is the ``time.time()`` the caller took just before starting this
    process; ``workbench --startup-time T0`` (a hidden option) uses it so that
    ``packaging/build.py`` measures the bundle and the source the same way.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    def report() -> None:
        sys.stdout.write(json.dumps({"seconds": time.time() - t0}) + "\n")
        sys.stdout.flush()
        os._exit(0)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow)):
                self.done = True
                QTimer.singleShot(0, report)
            return False

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("install_startup_probe needs a QApplication")
    probe = FirstPaint(app)
    app.installEventFilter(probe)
