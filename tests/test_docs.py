"""The documentation lives in the repository and stays there: every relative link in README.md,
CONTRIBUTING.md and docs/*.md leads to a file (and heading) in this repository, and no path in
them climbs out of it with `../`, not even one written as code."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]

FENCED_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
# Any path that starts by going up, also inside a code span: `../elsewhere/NOTES.md`.
UPWARD_PATH = re.compile(r"(?<![\w./])(?:\.\./)+[^\s`'\"()<>\[\]]*")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _without_code(text: str) -> str:
    return CODE_SPAN.sub("", FENCED_BLOCK.sub("", text))


def link_targets(text: str) -> list[str]:
    """The targets of Markdown and HTML links, outside code."""
    prose = _without_code(text)
    return [
        match.group(1)
        for pattern in (INLINE_LINK, REFERENCE_LINK, HTML_LINK)
        for match in pattern.finditer(prose)
    ]


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    found: set[str] = set()
    for match in HEADING.finditer(FENCED_BLOCK.sub("", text)):
        anchor = base = heading_anchor(match.group(1))
        number = 0
        while anchor in found:
            number += 1
            anchor = f"{base}-{number}"
        found.add(anchor)
    return found


def _inside_repository(path: Path) -> bool:
    return path.resolve().is_relative_to(ROOT)


def broken_links(text: str, folder: Path) -> list[str]:
    """Relative links whose file is missing, lies outside the repository, or lacks the heading."""
    broken = []
    for target in link_targets(text):
        if SCHEME.match(target):
            continue  # https:, mailto: and the like are not files in the repository
        path_part, _, fragment = unquote(target).partition("#")
        path_part = path_part.split("?", 1)[0]
        path = (folder / path_part) if path_part else None
        if path is not None and (not _inside_repository(path) or not path.exists()):
            broken.append(target)
            continue
        if fragment:
            page = path.read_text(encoding="utf-8") if path is not None else text
            if (path is None or path.suffix == ".md") and fragment not in anchors(page):
                broken.append(target)
    return broken


def paths_leaving_the_repository(text: str, folder: Path) -> list[str]:
    return [
        match.group(0)
        for match in UPWARD_PATH.finditer(text)
        if not _inside_repository(folder / match.group(0))
    ]


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_every_relative_link_leads_to_a_file_in_the_repository(document):
    assert broken_links(document.read_text(encoding="utf-8"), document.parent) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_no_path_in_the_documentation_climbs_out_of_the_repository(document):
    text = document.read_text(encoding="utf-8")
    assert paths_leaving_the_repository(text, document.parent) == []


def test_the_docs_folder_holds_the_design_the_architecture_and_an_index():
    assert {"README.md", "design.md", "architecture.md"} <= {
        path.name for path in DOCS.glob("*.md")
    }


@pytest.mark.parametrize("document", ["README.md", "CONTRIBUTING.md"])
def test_the_readme_and_the_contributing_guide_lead_to_the_docs(document):
    targets = link_targets((ROOT / document).read_text(encoding="utf-8"))
    assert any(target.startswith("docs/") for target in targets)


def test_the_docs_index_links_every_page_in_the_docs_folder():
    targets = {
        unquote(target).partition("#")[0]
        for target in link_targets((DOCS / "README.md").read_text(encoding="utf-8"))
    }
    pages = {path.name for path in DOCS.glob("*.md")} - {"README.md"}
    assert pages <= targets


def test_the_check_finds_a_missing_file_a_missing_heading_and_a_link_out_of_the_repository():
    text = (
        "# Notes\n\nSee [the design](../../elsewhere/DESIGN.md), [gone](docs/gone.md),\n"
        "[contributing](CONTRIBUTING.md#no-such-heading) and `../../elsewhere/STYLE.md`.\n"
    )
    assert broken_links(text, ROOT) == [
        "../../elsewhere/DESIGN.md",
        "docs/gone.md",
        "CONTRIBUTING.md#no-such-heading",
    ]
    assert paths_leaving_the_repository(text, ROOT) == [
        "../../elsewhere/DESIGN.md",
        "../../elsewhere/STYLE.md",
    ]


def test_the_check_accepts_links_inside_the_repository_and_to_the_web():
    text = (
        "# Notes\n\n## A heading, with `code` and more\n\n"
        "[up and back](../docs/README.md), [here](#a-heading-with-code-and-more),\n"
        "[home](https://example.org/#x), [mail](mailto:a@example.org) and `[no](link.md)`.\n"
    )
    assert broken_links(text, DOCS) == []
    assert paths_leaving_the_repository(text, DOCS) == []
