"""The interface language: Qt translators for the app's strings and Qt's own dialogs.

Every UI string is written in English inside ``self.tr(...)`` (or
``QCoreApplication.translate(context, ...)`` outside a QObject).
``tools/translations.py`` extracts them with ``pyside6-lupdate`` into
``translations/workbench_<lang>.ts`` and compiles the ``.qm`` files into
``resources/translations/``, which :func:`install_translation` loads at
start.  Messages that come from the core (errors, progress) are English
templates made with :func:`workbench.core.messages.msg`; :func:`core_text`
shows them in the interface language.  A language whose ``.qm`` file is
missing falls back to English with a notice; the language is chosen once at
start (a change in the Settings dialog applies after a restart).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench.core.messages import CONTEXT, render
from workbench.core.resources import resources_dir

__all__ = ["SUPPORTED", "core_text", "install_translation", "resolve_language",
           "translations_dir"]

#: Languages with a translation, besides English (the source language).
SUPPORTED = ("zh_CN",)

_installed: list[QTranslator] = []


def core_text(value: object) -> str:
    """A message from the core (or an error carrying one) in the interface language.

    The core writes its messages in English with :func:`workbench.core.messages.msg`;
    their templates are translated in the context ``core``.  Plain strings
    come back as they are, and a translation that does not fit its values
    falls back to English.
    """
    return render(value, lambda template: QCoreApplication.translate(CONTEXT, template))


def translations_dir() -> Path:
    """Where the compiled ``workbench_<lang>.qm`` files are."""
    return resources_dir() / "translations"


def resolve_language(preference: str, system_locale: str | None = None) -> str:
    """The language to show: ``"en"`` or one of :data:`SUPPORTED`.

    ``"system"`` follows ``system_locale`` (default: the system's), so any
    Chinese locale (zh_CN, zh_SG, zh_TW, zh_HK) gets Simplified Chinese, the
    only Chinese translation there is.
    """
    if preference and preference != "system":
        return preference
    name = system_locale if system_locale is not None else QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def install_translation(language: str, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``language``; return a notice ("" when all is well).

    Earlier translators installed by this function are removed first, so it
    can be called again with another language.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        return ""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language in ("en", "", None):
        return ""
    ours = QTranslator(app)
    path = translations_dir() / f"workbench_{language}.qm"
    if not ours.load(str(path)):
        return (f"The {language} translation ({path.name}) is missing from this "
                "installation; the interface is shown in English.")
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return ""
