"""Test data for the population pages: the shipped CBS fixture, changed copies of it, and the
same table as StatLine's Excel download."""

import io
from pathlib import Path

from openpyxl import Workbook

FIXTURE = (
    Path(__file__).resolve().parents[2]
    / "wijkdialoog/reporting/fixtures/kerncijfers-wijken-en-buurten-2024-westerlaan.csv"
)
KERSENBUURT = "WK999901"


def fixture_bytes() -> bytes:
    return FIXTURE.read_bytes()


def with_value(line: int, column: str, value: str) -> bytes:
    """The fixture with one value changed: `line` counts from 1 (the header)."""
    text = fixture_bytes().decode("utf-8-sig")
    rows = [row.split(";") for row in text.strip().split("\r\n")]
    header = [cell.strip('"') for cell in rows[0]]
    rows[line - 1][header.index(column)] = f'"{value}"'
    return ("\ufeff" + "\r\n".join(";".join(row) for row in rows) + "\r\n").encode()


# StatLine's Excel download: title rows, column titles with their units, then the regions.
EXCEL_HEADER = [
    "Wijken en buurten",
    "Gemeentenaam",
    "Soort regio",
    "Codering",
    "Aantal inwoners (aantal)",
    "0 tot 15 jaar (aantal)",
    "15 tot 25 jaar (aantal)",
    "25 tot 45 jaar (aantal)",
    "45 tot 65 jaar (aantal)",
    "65 jaar of ouder (aantal)",
    "Europa (exclusief Nederland) (aantal)",
    "Buiten Europa (aantal)",
    "Huishoudens totaal (aantal)",
]


def excel_bytes(*, inhabitants: object = 6240) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Kerncijfers wijken en buurten 2024"])
    sheet.append(["Centraal Bureau voor de Statistiek"])
    sheet.append([])
    sheet.append(EXCEL_HEADER)
    sheet.append(
        [
            "Westerlaan",
            "Westerlaan",
            "Gemeente",
            "GM9999",
            18450,
            2760,
            2330,
            4870,
            4630,
            3860,
            1660,
            3770,
            8420,
        ]
    )
    sheet.append(
        [
            "Kersenbuurt",
            "Westerlaan",
            "Wijk",
            KERSENBUURT,
            inhabitants,
            1010,
            870,
            1690,
            1520,
            1150,
            640,
            1420,
            2960,
        ]
    )
    sheet.append([])
    sheet.append(["Bron: CBS"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
