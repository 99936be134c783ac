"""Reading real PDFs in tests with Debian's poppler-utils and zbar: the page size, the text, and
the QR codes on the first page."""

import re
import subprocess
from pathlib import Path


def pdf_info(path: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in output.stdout.splitlines() if ":" in line)


def page_size(path: Path) -> tuple[int, int]:
    """The size of the pages in points (A4 is 595 x 842)."""
    match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", pdf_info(path)["Page size"])
    assert match, "pdfinfo gave no page size"
    width, height = match.groups()
    return round(float(width)), round(float(height))


def pdf_text(path: Path) -> str:
    """The text of every page, laid out as on paper."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    """Renders the first page at 150 dpi and reads every QR code on it with zbarimg."""
    prefix = tmp_path / "page"
    first_page = ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", *first_page, str(path), str(prefix)], check=True
    )
    output = subprocess.run(
        ["zbarimg", "-q", "--raw", f"{prefix}.png"], capture_output=True, text=True, check=True
    )
    return output.stdout.splitlines()
