"""Extract the UI's strings into ``.ts`` files and compile them into ``.qm`` files.

Usage::

    python tools/translations.py update    # workbench/ui (pyside6-lupdate) and core → translations/*.ts
    python tools/translations.py release   # pyside6-lrelease: translations/*.ts → resources/translations/*.qm
    python tools/translations.py fill      # fill translations/*.ts from translations/<lang>/*.json
    python tools/translations.py check     # list untranslated entries; exit 1 if any
    python tools/translations.py check-files FILE.py ...   # the same for some files only

Translations are written as JSON dictionaries (English source → translation)
in ``translations/<lang>/*.json``, one file per area of the UI, so several
people can translate at once; ``fill`` copies them into the ``.ts`` file
(every context with the same source text gets the same translation, unless a
key ``"Context::source"`` gives one context its own).

The core's messages (``msg("...")`` templates in ``workbench/core``, see
:mod:`workbench.core.messages`) go into the context ``core``; translations
keep their ``{fields}``.  ``update`` keeps existing translations and marks strings that disappeared
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
PACKAGE = ROOT / "workbench"
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
    """Extract the UI's ``tr()`` strings and the core's ``msg()`` templates into the ``.ts`` files."""
    TS_DIR.mkdir(exist_ok=True)
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lupdate"), *files, "-no-obsolete",
                        "-target-language", language, "-ts", str(ts_path(language))],
                       check=True, cwd=ROOT)
        add_core_messages(ts_path(language))


def core_messages(root: Path = PACKAGE) -> dict[str, tuple[str, int]]:
    """Every ``msg("template", ...)`` template under ``root``: template → (file, line).

    Mostly the core's messages; UI code that builds a message before the
    translators are installed (the settings' notices) uses ``msg`` too.

    A ``msg`` call whose template is not a string literal is an error (it
    could not be translated), reported with its place.
    """
    import ast

    found: dict[str, tuple[str, int]] = {}
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "msg"):
                continue
            first = node.args[0] if node.args else None
            where = (str(path.relative_to(ROOT)), node.lineno)
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, where)
            else:
                bad.append("{}:{}".format(*where))
    if bad:
        raise SystemExit("msg() needs a string literal as its template: " + ", ".join(bad))
    return found


def add_core_messages(ts: Path) -> int:
    """Put the core's templates into ``ts`` as the context ``core`` (replacing an old one)."""
    from workbench.core.messages import CONTEXT

    tree = ET.parse(ts)
    root = tree.getroot()
    for old in [c for c in root.iter("context") if c.findtext("name") == CONTEXT]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    messages = core_messages()
    for source, (file, line) in sorted(messages.items(), key=lambda kv: kv[1]):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=f"../{file}", line=str(line))
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return len(messages)


def release() -> None:
    """Compile the ``.ts`` files into ``resources/translations/*.qm``."""
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), str(ts_path(language)), "-qm",
                        str(QM_DIR / f"workbench_{language}.qm")], check=True, cwd=ROOT)


def dictionary(language: str) -> dict[str, str]:
    """Every ``translations/<language>/*.json`` merged (later files win)."""
    import json

    merged: dict[str, str] = {}
    for path in sorted((TS_DIR / language).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def fill(language: str, ts: Path | None = None) -> tuple[int, int]:
    """Write the dictionary's translations into the ``.ts`` file; return (filled, missing)."""
    ts = ts or ts_path(language)
    words = dictionary(language)
    tree = ET.parse(ts)
    filled = missing = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            # "Context::source" keys win over plain ones, for words that differ by place.
            text = words.get(f"{name}::{source}") or words.get(source) or ""
            if not text.strip():
                missing += 1
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled, missing


def untranslated(language: str, ts: Path | None = None) -> list[tuple[str, str]]:
    """``(context, source)`` of every message without a finished translation."""
    tree = ET.parse(ts or ts_path(language))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = (translation is not None and translation.get("type") is None
                    and (translation.text or "").strip())
            if not done:
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "fill", "check", "check-files"))
    parser.add_argument("files", nargs="*", help="source files (check-files)")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "release":
        release()
    elif args.command == "fill":
        for language in LANGUAGES:
            filled, missing = fill(language)
            print(f"{language}: {filled} translated, {missing} missing")
    elif args.command == "check-files":
        import tempfile

        bad = 0
        for language in LANGUAGES:
            with tempfile.TemporaryDirectory() as tmp:
                ts = Path(tmp) / "check.ts"
                subprocess.run([_tool("pyside6-lupdate"), *args.files, "-no-obsolete",
                                "-target-language", language, "-ts", str(ts)], check=True,
                               cwd=ROOT, capture_output=True)
                fill(language, ts)
                for context, source in untranslated(language, ts):
                    print(f"{language}\t{context}\t{source}")
                    bad += 1
        print(f"{bad} untranslated", file=sys.stderr)
        return 1 if bad else 0
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
