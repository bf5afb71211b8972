"""The interface language: the shipped Chinese translation, English, and a missing ``.qm`` file.

These tests load ``resources/translations/workbench_zh_CN.qm`` as shipped
(built with ``python tools/translations.py update && ... fill && ... release``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from workbench.ui import i18n
from workbench.ui.i18n import install_translation, resolve_language
from workbench.ui.widgets.word_table import EXPORT_HEADER_ROLE


def _settings(tmp_path: Path, language: str) -> QSettings:
    path = tmp_path / f"settings-{language}.ini"
    path.write_text(f"[General]\nschema_version=2\n[preferences]\nlanguage={language}\n",
                    encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: object) -> Iterator[None]:
    """Whatever a test installs, the tests after it see English."""
    yield
    install_translation("en")


def _menu_titles(window: object) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_chinese_window(make_main_window, tmp_path):
    window = make_main_window(settings=_settings(tmp_path, "zh_CN"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:3] == ["欢迎", "语料库", "静态词向量训练"]
    assert _menu_titles(window) == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.actions["settings"].text() == "设置(&S)…"
    assert window.actions["view_corpus"].text() == "语料库"         # from the tab title
    assert window.actions["view_corpus"].toolTip() == "显示“语料库”面板"
    assert window.statusBar().currentMessage() == "就绪"
    assert window.tabs.currentWidget().message_bar.text() == ""    # no notice

    corpus = window.corpus_panel
    assert corpus.compute_button.text() == "计算统计信息"
    # Constants marked with QT_TRANSLATE_NOOP are translated when the widget is filled.
    assert corpus.chinese_combo.itemText(0) == "自动"
    assert corpus.chinese_combo.itemData(0) == "auto"                # data stays as it was
    model = corpus.table_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "词"
    # ... but files keep English column names.
    assert model.headerData(1, Qt.Orientation.Horizontal, EXPORT_HEADER_ROLE) == "Word"
    model.set_words([("the", 3), ("cat", 1)], 4)
    header = corpus.table_view.rows_tsv().splitlines()[0]
    assert header == "Rank\tWord\tCount\t% of tokens"
    # Sentences with placeholders keep them working.
    assert window.static_panel.loss_plot.getPlotItem().titleLabel.text == "训练损失"
    window.static_panel.continue_training(999, 2)
    assert window.static_panel.message_bar.text() == \
        f"{window.workspace.root} 中没有运行 #999。"


def test_english_window(make_main_window, tmp_path):
    window = make_main_window(settings=_settings(tmp_path, "en"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:3] == ["Welcome", "Corpus", "Static training"]
    assert _menu_titles(window) == ["&File", "&View", "&Help"]
    assert window.actions["settings"].text() == "&Settings…"
    assert window.corpus_panel.chinese_combo.itemText(0) == "Automatic"


def test_english_again_after_chinese(make_main_window, tmp_path):
    chinese = make_main_window(settings=_settings(tmp_path, "zh_CN"))
    assert chinese.tabs.tabText(1) == "语料库"
    english = make_main_window(settings=_settings(tmp_path, "en"))
    assert english.tabs.tabText(1) == "Corpus"
    assert _menu_titles(english)[0] == "&File"


@pytest.mark.parametrize(("system", "expected"), [
    ("zh_TW", "zh_CN"), ("zh_CN", "zh_CN"), ("zh_HK", "zh_CN"), ("en_US", "en"), ("de_DE", "en"),
])
def test_system_language_follows_the_locale(system, expected):
    assert resolve_language("system", system) == expected
    assert resolve_language("en", system) == "en"


def test_missing_translation_falls_back_to_english_with_a_notice(make_main_window, tmp_path,
                                                                  monkeypatch):
    empty = tmp_path / "no-translations"
    empty.mkdir()
    monkeypatch.setattr(i18n, "translations_dir", lambda: empty)
    window = make_main_window(settings=_settings(tmp_path, "zh_CN"))
    assert window.tabs.tabText(1) == "Corpus"
    assert _menu_titles(window)[0] == "&File"
    bar = window.tabs.currentWidget().message_bar
    assert bar.level() == "warning"
    assert "workbench_zh_CN.qm" in bar.text() and "English" in bar.text()


def test_every_ui_string_has_a_shipped_translation(tmp_path):
    """Extract the UI's strings afresh: each must be translated in the committed .ts file.

    Fails when a string is added or changed without ``python tools/translations.py
    update && ... fill && ... release`` (and a translation in translations/zh_CN/).
    """
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    lupdate = shutil.which("pyside6-lupdate") or shutil.which(
        "pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(root)) for p in (root / "workbench" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-no-obsolete", "-ts", str(fresh)], cwd=root, check=True,
                   capture_output=True)

    def messages(path: Path, translated_only: bool) -> set[tuple[str, str]]:
        out = set()
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                done = (translation is not None and translation.get("type") is None
                        and (translation.text or "").strip())
                if done or not translated_only:
                    out.add((name, message.findtext("source", "")))
        return out

    shipped = messages(root / "translations" / "workbench_zh_CN.ts", True)
    missing = sorted(messages(fresh, False) - shipped)
    assert not missing, f"{len(missing)} UI strings lack a shipped translation: {missing[:10]}"
    assert (root / "resources" / "translations" / "workbench_zh_CN.qm").stat().st_size > 10_000


# ------------------------------------------------------------- messages from the core

def test_core_errors_and_notes_are_shown_in_chinese(make_main_window, tmp_path, qtbot,
                                                     translation_tools):
    """An error raised in a worker by the core reaches the message bar translated."""
    from tests.ui.test_explore_panel import click, royal_vectors

    window = make_main_window(settings=_settings(tmp_path, "zh_CN"))
    window.show_panel("explore")
    panel = window.explore_panel
    panel.set_embeddings(royal_vectors())
    view = panel.neighbours_view
    view.query_edit.setText("kingg")
    with qtbot.waitSignal(view.runner.failed, timeout=10_000):
        click(qtbot, view.find_button)
    catalogue = translation_tools.dictionary("zh_CN")
    template = "'{word}' is not in the vocabulary ({size:,} words). Did you mean {suggestions}?"
    expected = catalogue[template].format(word="kingg", size=310, suggestions="'king'")
    assert panel.message_bar.level() == "error"
    assert panel.message_bar.text() == expected
    assert "vocabulary" not in panel.message_bar.text()
    # A note built by the core from several messages, shown beside the result.
    view.query_edit.setText("king - man + woman")
    with qtbot.waitSignal(view.runner.finished, timeout=10_000):
        click(qtbot, view.find_button)
    left_out = catalogue["Left out of the list: {words}."].format(words="king, man, woman")
    assert left_out in view.note_label.text()


def test_core_progress_is_shown_in_chinese(qapp, qtbot, translation_tools):
    from workbench.core.messages import msg
    from workbench.ui.tasks import TaskRunner

    assert install_translation("zh_CN") == ""

    def job(progress):
        progress.report(0.5, msg("Read {i:,} of {n:,} vectors", i=1200, n=3000))
        return 1

    runner = TaskRunner()
    seen: list[str] = []
    runner.progress_changed.connect(lambda _fraction, text: seen.append(text))
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(job)
    expected = translation_tools.dictionary("zh_CN")["Read {i:,} of {n:,} vectors"].format(
        i=1200, n=3000)
    assert seen == [expected] and "vectors" not in expected


def test_every_core_message_is_in_the_shipped_catalogue(qapp, translation_tools):
    """Every msg() template of the core is translated in the compiled .qm file."""
    from PySide6.QtCore import QCoreApplication

    from workbench.core.messages import CONTEXT

    catalogue = translation_tools.dictionary("zh_CN")
    assert install_translation("zh_CN") == ""
    wrong = [t for t in translation_tools.core_messages()
             if QCoreApplication.translate(CONTEXT, t) != catalogue.get(t)]
    assert wrong == [], f"{len(wrong)} core messages not in the .qm file: {wrong[:5]}"


def test_settings_notices_and_choices_are_chinese(make_main_window, tmp_path, qtbot):
    """Notices made before the translator is installed, and the settings' choices."""
    from workbench.ui.preferences import Preferences
    from workbench.ui.settings_dialog import SettingsDialog

    path = tmp_path / "settings-bad-theme.ini"
    path.write_text("[General]\nschema_version=2\n[preferences]\nlanguage=zh_CN\ntheme=purple\n",
                    encoding="utf-8")
    window = make_main_window(settings=QSettings(str(path), QSettings.Format.IniFormat))
    bar = window.tabs.currentWidget().message_bar
    assert bar.level() == "warning"
    assert bar.text() == "设置项 preferences/theme 的值 'purple' 无效；已改用默认值（'system'）。"
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    themes = [dialog.theme_combo.itemText(i) for i in range(dialog.theme_combo.count())]
    assert themes == ["跟随系统", "浅色", "深色"]
    assert dialog.theme_combo.itemData(1) == "light"
    assert dialog.language_combo.itemText(2) == "简体中文 (Chinese)"
