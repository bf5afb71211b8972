"""Extract the UI's strings into ``.ts`` files and compile them into ``.qm`` files.

Usage::

    python tools/translations.py update    # pyside6-lupdate: workbench/ui → translations/*.ts
    python tools/translations.py release   # pyside6-lrelease: translations/*.ts → resources/translations/*.qm
    python tools/translations.py check     # list untranslated and obsolete entries; exit 1 if any

``update`` keeps existing translations and marks strings that disappeared
as obsolete; translators edit ``translations/workbench_zh_CN.ts`` (with Qt
Linguist, ``pyside6-linguist``, or any XML editor), then run ``release``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "workbench" / "ui"
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        sys.exit(f"{name} was not found; it comes with PySide6 (pip install PySide6-Essentials).")
    return found


def ts_path(language: str) -> Path:
    return TS_DIR / f"workbench_{language}.ts"


def update() -> None:
    """Extract every ``tr()`` string of ``workbench/ui`` into the ``.ts`` files."""
    TS_DIR.mkdir(exist_ok=True)
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lupdate"), *files, "-no-obsolete",
                        "-target-language", language, "-ts", str(ts_path(language))],
                       check=True, cwd=ROOT)


def release() -> None:
    """Compile the ``.ts`` files into ``resources/translations/*.qm``."""
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), str(ts_path(language)), "-qm",
                        str(QM_DIR / f"workbench_{language}.qm")], check=True, cwd=ROOT)


def untranslated(language: str) -> list[tuple[str, str]]:
    """``(context, source)`` of every message without a finished translation."""
    tree = ET.parse(ts_path(language))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
                if message.find("numerusform") is None and (
                        translation is None or translation.find("numerusform") is None):
                    missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "release":
        release()
    else:
        bad = 0
        for language in LANGUAGES:
            missing = untranslated(language)
            for context, source in missing:
                print(f"{language}\t{context}\t{source}")
            bad += len(missing)
        print(f"{bad} untranslated", file=sys.stderr)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
