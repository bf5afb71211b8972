"""Preferences: schema migration, corrupt files, validation, and the Settings dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from workbench.ui.preferences import (
    SCHEMA_VERSION,
    Preferences,
    load_preferences,
    save_preferences,
)
from workbench.ui.settings_dialog import SettingsDialog


def _ini(tmp_path: Path, text: str | bytes) -> QSettings:
    path = tmp_path / "settings.ini"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_old_file_is_migrated_and_keeps_its_values(tmp_path):
    # Written by hand the way releases before the settings dialog wrote it:
    # no schema_version, recent_files as one string.
    settings = _ini(tmp_path, "[General]\nrecent_files=/data/corpus.txt\n"
                              "[workspace]\npath=/data/ws\n[window]\ntab=2\n")
    prefs, notices = load_preferences(settings)
    assert notices == []
    assert prefs == Preferences(workspace="/data/ws")
    assert int(settings.value("schema_version")) == SCHEMA_VERSION
    assert settings.value("recent_files") == ["/data/corpus.txt"]
    assert int(settings.value("window/tab")) == 3       # the Welcome tab came first


def test_corrupt_file_restores_defaults_with_a_notice_and_a_backup(tmp_path):
    settings = _ini(tmp_path, "[General]\nschema_version=2\npreferences\\device=cpu\n[x\n")
    assert settings.status() == QSettings.Status.FormatError
    prefs, notices = load_preferences(settings)
    assert prefs == Preferences()
    assert len(notices) == 1 and "defaults were restored" in notices[0]
    backups = list(tmp_path.glob("settings.ini.corrupt-*"))
    assert len(backups) == 1 and "[x" in backups[0].read_text()


def test_binary_garbage_restores_defaults(tmp_path):
    settings = _ini(tmp_path, b"\x00\xff\xfe garbage [[[ \n=== \x01\x02\nkey")
    prefs, notices = load_preferences(settings)
    assert prefs == Preferences() and "defaults were restored" in notices[0]


def test_invalid_values_fall_back_one_by_one(tmp_path):
    settings = _ini(tmp_path, "[General]\nschema_version=2\n[preferences]\ndevice=quantum\n"
                              "threads=-3\ntheme=dark\nlanguage=zh_CN\n")
    prefs, notices = load_preferences(settings)
    assert prefs == Preferences(theme="dark", language="zh_CN")
    assert len(notices) == 2
    assert "preferences/device" in notices[0] and "'quantum'" in notices[0]
    assert "preferences/threads" in notices[1]
    # The bad values are gone, so the notice is shown once.
    assert load_preferences(settings)[1] == []


def test_a_newer_schema_is_read_and_left_alone(tmp_path):
    settings = _ini(tmp_path, "[General]\nschema_version=9\nfuture_key=1\n"
                              "[preferences]\ntheme=light\n")
    prefs, notices = load_preferences(settings)
    assert prefs.theme == "light"
    assert "newer version" in notices[0]
    assert settings.value("future_key") == "1" and settings.value("schema_version") == "9"


def test_non_numeric_schema_version_restores_defaults(tmp_path):
    settings = _ini(tmp_path, "[General]\nschema_version=two\n[preferences]\ntheme=dark\n")
    prefs, notices = load_preferences(settings)
    assert prefs == Preferences() and "schema_version" in notices[0]


def test_round_trip(tmp_path):
    settings = _ini(tmp_path, "")
    wanted = Preferences(workspace=str(tmp_path), device="cpu", threads=3, theme="dark",
                         language="en")
    save_preferences(settings, wanted)
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert load_preferences(again) == (wanted, [])


def test_dialog_edits_and_returns_preferences(qtbot, tmp_path):
    dialog = SettingsDialog(Preferences(), default_workspace="/default")
    qtbot.addWidget(dialog)
    assert dialog.workspace_edit.placeholderText() == "/default"
    dialog.workspace_edit.setText(str(tmp_path))
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("cpu"))
    dialog.threads_spin.setValue(2)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.preferences() == Preferences(str(tmp_path), "cpu", 2, "dark", "zh_CN")


def test_dialog_refuses_an_unwritable_workspace(qtbot, tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.workspace_edit.setText(str(not_a_folder))
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "cannot be the workspace" in dialog.error_label.text()
    dialog.workspace_edit.setText(str(tmp_path / "new"))
    dialog.accept()
    assert not dialog.isVisible()


@pytest.mark.parametrize("threads", [None, 0, 3])
def test_default_threads_follow_the_preference(threads):
    import os

    from workbench.core.params import default_threads, set_default_threads
    from workbench.core.static.word2vec import Word2VecParams

    try:
        set_default_threads(threads)
        expected = threads or max(1, os.cpu_count() or 1)
        assert default_threads() == expected
        assert Word2VecParams().workers == expected
    finally:
        set_default_threads(None)


def test_window_applies_the_settings_dialog(qtbot, make_main_window, tmp_path):
    from workbench.core.params import default_threads, set_default_threads

    settings = _ini(tmp_path, "")
    window = make_main_window(settings=settings)
    try:
        assert window.actions["settings"].shortcut().toString() == "Ctrl+,"
        window.actions["settings"].trigger()
        dialog = window._settings_dialog
        qtbot.waitUntil(lambda: dialog.isVisible())
        dialog.threads_spin.setValue(1)
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        dialog.workspace_edit.setText(str(tmp_path / "ws"))
        dialog.accept()
        assert window.preferences.threads == 1 and default_threads() == 1
        assert window.static_panel.workers_spin.value() == 1
        assert window.workspace.root == (tmp_path / "ws").resolve()
        again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
        assert load_preferences(again)[0] == window.preferences
    finally:
        set_default_threads(None)
        from workbench.ui.preferences import apply_theme

        apply_theme("system")


def test_window_shows_a_notice_for_a_corrupt_settings_file(make_main_window, tmp_path):
    settings = _ini(tmp_path, "[General]\nschema_version=2\n[x\n")
    window = make_main_window(settings=settings)
    bar = window.tabs.currentWidget().message_bar
    assert "defaults were restored" in bar.text()
