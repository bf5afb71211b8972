"""The Settings dialog: workspace folder, device, threads, theme and language."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import core_text
from workbench.ui.preferences import DEVICES, LANGUAGES, MAX_THREADS, THEMES, Preferences

__all__ = ["SettingsDialog", "check_workspace_folder"]

# Translated when the combo boxes are filled; language names stay in their own language.
_DEVICE_TEXT = {"auto": QT_TRANSLATE_NOOP("SettingsDialog", "Automatic (CUDA, then MPS, then CPU)"),
                "cuda": QT_TRANSLATE_NOOP("SettingsDialog", "CUDA GPU"),
                "mps": QT_TRANSLATE_NOOP("SettingsDialog", "Apple GPU (MPS)"), "cpu": "CPU"}
_THEME_TEXT = {"system": QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
               "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
               "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark")}
_LANGUAGE_TEXT = {"system": QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
                  "en": "English", "zh_CN": "简体中文 (Chinese)"}


def check_workspace_folder(folder: str) -> str | None:
    """Return why ``folder`` cannot be the workspace, or ``None`` when it can."""
    from workbench.core.errors import WorkbenchError
    from workbench.core.workspace import Workspace

    if not folder:
        return None
    try:
        Workspace(folder)
    except WorkbenchError as exc:
        return core_text(exc)
    return None


class SettingsDialog(QDialog):
    """Edit :class:`Preferences`; :meth:`preferences` gives the result after OK.

    Parameters
    ----------
    preferences
        The current values.
    default_workspace
        Shown as the placeholder of the workspace field (the folder used when
        it is empty).
    check_folder
        Returns why a folder cannot be the workspace (``None`` if it can);
        OK keeps the dialog open with the reason while it fails.
    """

    def __init__(self, preferences: Preferences, default_workspace: str = "",
                 check_folder: Callable[[str], str | None] = check_workspace_folder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("SettingsDialog")
        self._check_folder = check_folder
        form = QFormLayout()

        self.workspace_edit = QLineEdit(preferences.workspace)
        self.workspace_edit.setPlaceholderText(default_workspace)
        self.workspace_edit.setToolTip(self.tr(
            "Where runs, caches and trained models are kept. Empty: the default folder."))
        browse = QPushButton(self.tr("Browse…"))
        browse.setToolTip(self.tr("Choose the workspace folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.workspace_edit, 1)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Workspace folder"), holder)

        self.device_combo = self._combo(DEVICES, _DEVICE_TEXT, preferences.device)
        self.device_combo.setToolTip(self.tr(
            "Where BERT jobs and GloVe run. Automatic takes a CUDA GPU, then an Apple GPU, "
            "then the CPU."))
        form.addRow(self.tr("Device"), self.device_combo)

        self.threads_spin = QSpinBox()
        self.threads_spin.setRange(0, MAX_THREADS)
        self.threads_spin.setSpecialValueText(self.tr("One per core ({n})").format(
            n=os.cpu_count() or 1))
        self.threads_spin.setValue(preferences.threads)
        self.threads_spin.setToolTip(self.tr(
            "CPU threads for training jobs (word2vec, fastText, GloVe) when a panel does not "
            "set its own."))
        form.addRow(self.tr("Threads"), self.threads_spin)

        self.theme_combo = self._combo(THEMES, _THEME_TEXT, preferences.theme)
        self.theme_combo.setToolTip(self.tr("Light or dark colours, or as the desktop has it"))
        form.addRow(self.tr("Theme"), self.theme_combo)

        self.language_combo = self._combo(LANGUAGES, _LANGUAGE_TEXT, preferences.language)
        self.language_combo.setToolTip(self.tr(
            "The language of the interface; a change applies after a restart."))
        form.addRow(self.tr("Language"), self.language_combo)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @staticmethod
    def _combo(values: tuple[str, ...], texts: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem(QCoreApplication.translate("SettingsDialog", texts[value]), value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    @Slot()
    def _browse(self) -> None:
        start = self.workspace_edit.text() or self.workspace_edit.placeholderText() or str(
            Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the workspace folder"),
                                                  start)
        if folder:
            self.workspace_edit.setText(folder)

    def preferences(self) -> Preferences:
        """The values as edited."""
        return Preferences(
            workspace=self.workspace_edit.text().strip(),
            device=str(self.device_combo.currentData()),
            threads=self.threads_spin.value(),
            theme=str(self.theme_combo.currentData()),
            language=str(self.language_combo.currentData()))

    def accept(self) -> None:
        """Close with OK unless the workspace folder cannot be used; then say why."""
        problem = self._check_folder(self.workspace_edit.text().strip())
        if problem:
            self.error_label.setText(self.tr("This folder cannot be the workspace: {reason} "
                                             "Choose another one.").format(reason=problem))
            self.error_label.show()
            self.workspace_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
