"""The user guide (``docs/guide``): its links, its pictures and the script that makes them.

The screenshot script itself is not run here (it trains models: about a minute);
``python tools/guide_screenshots.py`` regenerates the pictures.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
SCRIPT = ROOT / "tools" / "guide_screenshots.py"
PAGES = ("README.md", "welcome.md", "corpus.md", "static.md", "bert.md", "explore.md",
         "inspect.md", "settings.md")
#: page -> the picture at its top
TOP_PICTURE = {"welcome.md": "welcome.png", "corpus.md": "corpus.png",
               "static.md": "static.png", "bert.md": "bert.png", "explore.md": "explore.png",
               "inspect.md": "inspect-attention.png", "settings.md": "settings.png"}
PICTURES = ("welcome", "corpus", "static", "explore", "bert", "inspect-attention",
            "inspect-senses", "settings")
MAX_PNG_BYTES = 300 * 1024

_LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HTML_IMG = re.compile(r"<img\s[^>]*src=\"([^\"]+)\"", re.IGNORECASE)


def local_targets(page: Path) -> list[tuple[bool, str]]:
    """``(is_image, target)`` of every relative link and image of a Markdown page."""
    text = page.read_text(encoding="utf-8")
    found = [(bang == "!", target) for bang, target in _LINK.findall(text)]
    found += [(True, src) for src in _HTML_IMG.findall(text)]
    return [(img, t.split("#", 1)[0]) for img, t in found
            if not re.match(r"^[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")]


def broken_targets(page: Path) -> list[str]:
    """The relative links and images of ``page`` that point at no file."""
    return [t for _img, t in local_targets(page) if not (page.parent / t).is_file()]


def test_every_page_is_there() -> None:
    missing = [p for p in PAGES if not (GUIDE / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_links_and_images_of_a_page_exist(name: str) -> None:
    page = GUIDE / name
    assert broken_targets(page) == []
    images = [t for img, t in local_targets(page) if img]
    assert images, f"{name} shows no picture"
    for target in images:
        path = (page.parent / target).resolve()
        assert path.suffix == ".png" and path.parent == (GUIDE / "images").resolve(), target


@pytest.mark.parametrize("name", PAGES[1:])
def test_the_picture_comes_first(name: str) -> None:
    lines = [line for line in (GUIDE / name).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert lines[0].startswith("# "), lines[0]
    first_body = lines[1]
    assert first_body.startswith("!["), f"{name}: the screenshot is not at the top"
    assert f"images/{TOP_PICTURE[name]})" in first_body


def test_the_index_links_every_page() -> None:
    linked = {t for _img, t in local_targets(GUIDE / "README.md")}
    assert set(PAGES) - {"README.md"} <= linked


def test_every_picture_exists_is_shown_and_is_small() -> None:
    shown = {Path(t).name for page in PAGES for img, t in local_targets(GUIDE / page) if img}
    for name in PICTURES:
        path = GUIDE / "images" / f"{name}.png"
        assert path.is_file(), path
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
        assert len(data) <= MAX_PNG_BYTES, f"{path} has {len(data):,} bytes"
        assert path.name in shown, f"no page shows {path.name}"
    # the script makes exactly these pictures
    script = SCRIPT.read_text(encoding="utf-8")
    names = re.search(r"^NAMES = \(([^)]*)\)", script, re.MULTILINE | re.DOTALL)
    assert names is not None
    assert set(re.findall(r'"([^"]+)"', names.group(1))) == set(PICTURES)


def test_the_link_checker_finds_a_missing_picture(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "there.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page = tmp_path / "page.md"
    page.write_text("# P\n\n![a](images/there.png)\n\n![b](images/gone.png) [c](other.md) "
                    "[web](https://example.org/x.png) <img src=\"images/lost.png\">\n",
                    encoding="utf-8")
    assert broken_targets(page) == ["images/gone.png", "other.md", "images/lost.png"]


#: Standard keys the code uses, on Linux and Windows.
_STANDARD_KEYS = {"Open": "Ctrl+O", "Save": "Ctrl+S", "Find": "Ctrl+F", "Copy": "Ctrl+C"}


def test_every_keyboard_shortcut_in_the_code_is_in_the_guide() -> None:
    code = "\n".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "workbench" / "ui").rglob("*.py"))
    keys = set(re.findall(r'QKeySequence\("([^"{}]+)"\)', code))
    keys |= {_STANDARD_KEYS[k] for k in re.findall(r"QKeySequence\.StandardKey\.(\w+)", code)}
    keys |= set(re.findall(r'shortcut\s*=\s*"([^"{}]+)"', code))
    keys |= set(re.findall(r'"(Ctrl\+Shift\+\w)"', code))
    if "Key_Escape" in code:
        keys.add("Esc")
    assert {"Ctrl+O", "Ctrl+,", "Ctrl+Return", "Ctrl+M", "F5"} <= keys   # the scan works
    text = "\n".join((GUIDE / p).read_text(encoding="utf-8") for p in PAGES)
    missing = sorted(k for k in keys if k not in text)
    assert missing == []


def test_script_help_and_bad_names() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True,
                          text=True, timeout=60, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "--only" in proc.stdout and "inspect-senses" in proc.stdout
    assert "--child" not in proc.stdout
    proc = subprocess.run([sys.executable, str(SCRIPT), "--only", "corpus,nonsense"],
                          capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert proc.returncode == 2
    assert "nonsense" in proc.stderr
