"""The user documentation holds together: the README stays a short quick start that links every
page of docs/, every relative link and #anchor in them points at a file and heading that exist,
and the README's test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
# Issue 14: a 700-line README hid the quick start. The reference lives in docs/.
README_MAX_LINES = 160

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _prose(path: Path) -> str:
    """The page without its code blocks, where brackets are output, not links."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#{1,6} (.+)$", _prose(path), re.MULTILINE)
    return {_anchor(heading) for heading in headings}


def test_the_readme_is_a_short_quick_start() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, (
        f"README.md has {len(lines)} lines; move reference material into docs/"
    )


def test_the_readme_links_every_page_of_docs() -> None:
    assert PAGES
    links = set(LINK.findall(_prose(README)))
    for page in PAGES:
        assert f"docs/{page.name}" in links, page.name


def test_every_relative_link_and_anchor_exists() -> None:
    for source in [README, *PAGES]:
        for target in LINK.findall(_prose(source)):
            if re.match(r"[a-z]+:", target):
                continue  # http(s) and mailto links are not checked offline
            file_part, _, anchor = target.partition("#")
            linked = (source.parent / file_part).resolve() if file_part else source
            assert linked.is_file(), f"{source.name}: {target} names no file"
            if anchor:
                assert anchor in _anchors(linked), f"{source.name}: {target} names no heading"


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci_command = ci_lines[ci_lines.index("# The README's test command:") + 1].strip()
    assert ci_command == "python -m pytest"
    assert f"&& {ci_command}\n" in README.read_text(encoding="utf-8")
