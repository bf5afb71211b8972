"""The user's preferences, kept in QSettings under a schema version.

:func:`load_preferences` is the one way the app reads its settings store.  It
first migrates the store to :data:`SCHEMA_VERSION`, then validates every
preference, so an old, hand-edited or corrupt settings file never crashes the
app: what cannot be read is replaced by its default and reported in a notice
the window shows once.

Schema history
==============

1. (no ``schema_version`` key) Releases before the settings dialog:
   ``workspace/path``, ``recent_files`` (sometimes one string instead of a
   list), ``window/*`` and ``corpus/splitter``.
2. Adds ``schema_version`` and the ``preferences/*`` keys (device, threads,
   theme, language); ``recent_files`` is always a list; ``window/tab`` counts
   the Welcome tab, now the first.

A store written by a *newer* version is read as far as it is understood and
left as it is: the keys this version does not know are kept.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from workbench.core.messages import msg

__all__ = ["DEVICES", "LANGUAGES", "SCHEMA_VERSION", "THEMES", "Preferences",
           "apply_preferences", "apply_theme", "load_preferences", "migrate_settings",
           "save_preferences"]

SCHEMA_VERSION = 2

#: Compute devices: the first one picks CUDA, then Apple's MPS, then the CPU.
DEVICES = ("auto", "cuda", "mps", "cpu")
#: ``system`` follows the desktop's light/dark setting.
THEMES = ("system", "light", "dark")
#: ``system`` follows the system locale (Chinese locales get Chinese).
LANGUAGES = ("system", "en", "zh_CN")
MAX_THREADS = 256

_KEYS = {
    "workspace": "workspace/path",
    "device": "preferences/device",
    "threads": "preferences/threads",
    "theme": "preferences/theme",
    "language": "preferences/language",
}


@dataclass(frozen=True)
class Preferences:
    """What the settings dialog edits.

    Attributes
    ----------
    workspace
        The workspace folder; ``""`` for the default one.
    device
        One of :data:`DEVICES`, for BERT jobs and GloVe.
    threads
        CPU threads for training jobs; 0 for one per core.
    theme
        One of :data:`THEMES`.
    language
        One of :data:`LANGUAGES`.
    """

    workspace: str = ""
    device: str = "auto"
    threads: int = 0
    theme: str = "system"
    language: str = "system"


def _choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    text = str(value) if isinstance(value, (str, int)) else None
    return text if text in allowed else None


def _threads(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 <= number <= MAX_THREADS else None


_VALIDATORS = {
    "workspace": lambda v: v if isinstance(v, str) else None,
    "device": lambda v: _choice(v, DEVICES),
    "threads": _threads,
    "theme": lambda v: _choice(v, THEMES),
    "language": lambda v: _choice(v, LANGUAGES),
}


def _stored_version(settings: QSettings) -> int | None:
    value = settings.value("schema_version")
    if value is None:
        return 1
    try:
        return int(str(value))
    except ValueError:
        return None


def _reset(settings: QSettings, why: str) -> str:
    """Move the unreadable store aside, start from defaults and say so."""
    backup = ""
    path = Path(settings.fileName())
    is_file = settings.format() == QSettings.Format.IniFormat or path.suffix in (".ini", ".conf")
    if is_file and path.is_file():
        target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            shutil.copy2(path, target)
            backup = msg(" The old file was kept as {path}.", path=target)
        except OSError:
            backup = ""
    settings.clear()
    settings.setValue("schema_version", SCHEMA_VERSION)
    settings.sync()
    return msg("The settings file could not be read ({why}); the defaults were restored.{backup}",
               why=why, backup=backup)


def migrate_settings(settings: QSettings) -> list[str]:
    """Bring ``settings`` to :data:`SCHEMA_VERSION`; return notices for the user.

    Never raises: a store that cannot be parsed is moved aside and cleared.
    """
    status = settings.status()
    keys = settings.allKeys()
    if status == QSettings.Status.FormatError or any(not k.strip() for k in keys):
        return [_reset(settings, msg("it is not a valid settings file"))]
    if status == QSettings.Status.AccessError:
        return [msg("The settings file cannot be read or written; changes will not be kept "
                    "after the app closes.")]
    version = _stored_version(settings)
    if version is None:
        return [_reset(settings, msg("its schema_version is not a number"))]
    notices: list[str] = []
    if version > SCHEMA_VERSION:
        notices.append(msg("The settings were written by a newer version of the app (schema "
                           "{version}); the settings this version knows are used, the others "
                           "are kept unchanged.", version=version))
        return notices
    if version < 2:
        recent = settings.value("recent_files")
        if isinstance(recent, str):
            settings.setValue("recent_files", [recent] if recent else [])
        elif recent is not None and not isinstance(recent, list):
            settings.remove("recent_files")
        tab = settings.value("window/tab")
        if tab is not None:             # schema 2 put the Welcome tab first
            try:
                settings.setValue("window/tab", int(str(tab)) + 1)
            except ValueError:
                settings.remove("window/tab")
        settings.setValue("schema_version", SCHEMA_VERSION)
        settings.sync()
    return notices


def load_preferences(settings: QSettings) -> tuple[Preferences, list[str]]:
    """Migrate, then read and validate the preferences.

    Returns
    -------
    preferences, notices
        Invalid values are replaced by their defaults, each with a notice
        naming the setting and the value found.
    """
    notices = migrate_settings(settings)
    defaults = Preferences()
    values: dict[str, Any] = {}
    for f in fields(Preferences):
        raw = settings.value(_KEYS[f.name])
        if raw is None:
            continue
        valid = _VALIDATORS[f.name](raw)
        if valid is None:
            notices.append(msg("The setting {key} had the value {value!r}, which is not valid; "
                               "the default ({default!r}) is used.", key=_KEYS[f.name],
                               value=raw, default=getattr(defaults, f.name)))
            settings.remove(_KEYS[f.name])
        else:
            values[f.name] = valid
    return replace(defaults, **values), notices


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    """Write ``preferences`` (and the schema version) to ``settings``."""
    for f in fields(Preferences):
        settings.setValue(_KEYS[f.name], getattr(preferences, f.name))
    settings.setValue("schema_version", SCHEMA_VERSION)
    settings.sync()


def apply_theme(theme: str) -> None:
    """Use light or dark colours, or follow the desktop (``"system"``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        return
    hints = QGuiApplication.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()


def apply_preferences(preferences: Preferences, *, language: bool = False) -> list[str]:
    """Apply what takes effect at once: threads and theme (and the language at start).

    Returns notices for the user (a missing translation).
    """
    from workbench.core.params import set_default_threads

    set_default_threads(preferences.threads or None)
    apply_theme(preferences.theme)
    if not language:
        return []
    from workbench.ui.i18n import install_translation, resolve_language

    notice = install_translation(resolve_language(preferences.language))
    return [notice] if notice else []
