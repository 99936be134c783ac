"""Reading exported spreadsheets back in tests, without the library that wrote them."""

import csv
import io
import re
import zipfile
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _column(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference).group()
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in item.iter(f"{{{NS['m']}}}t")) for item in root]


def read_xlsx(body: bytes) -> list[list[str]]:
    """The first worksheet as rows of text; fails when any cell holds a formula."""
    archive = zipfile.ZipFile(io.BytesIO(body))
    strings = _shared_strings(archive)
    root = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    assert root.find(".//m:f", NS) is None, "an exported cell must never be a formula"
    rows = []
    for row in root.iterfind(".//m:sheetData/m:row", NS):
        cells: dict[int, str] = {}
        for cell in row.iterfind("m:c", NS):
            value = cell.find("m:v", NS)
            text = "" if value is None else value.text or ""
            if cell.get("t") == "s":
                text = strings[int(text)]
            cells[_column(cell.get("r", ""))] = text
        rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
    return rows
