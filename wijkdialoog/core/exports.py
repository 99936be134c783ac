"""Tables for spreadsheets: CSV that Dutch Excel opens as it is, and XLSX.

CSV is UTF-8 with a byte order mark (without it Excel reads UTF-8 as Windows-1252 and breaks
every é and ë) and separated by semicolons, because Excel with Dutch regional settings expects
`;` (the comma is the decimal separator there). XLSX is written with XlsxWriter.

A cell that starts with = + - @ (or a tab or carriage return) would run as a formula in a
spreadsheet (CSV injection); such text gets a leading apostrophe in CSV, and XLSX cells are
always written as plain strings, never as formulas.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import xlsxwriter
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify

FORMATS = ("csv", "xlsx")
CSV_DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_TEXT = "%Y-%m-%d %H:%M"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

Cell = str | int | bool | datetime.datetime | None


@dataclass(frozen=True)
class Sheet:
    """A table to export: a title (the worksheet's name), column headers and rows of cells."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]

    def __len__(self) -> int:
        return len(self.rows)


def defuse(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return _local(value).strftime(DATETIME_TEXT)
    return defuse(str(value))


def to_csv(sheet: Sheet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([defuse(str(header)) for header in sheet.headers])
    writer.writerows([_csv_cell(value) for value in row] for row in sheet.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _worksheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a worksheet name.
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return (cleaned or "Export")[:31]


def to_xlsx(sheet: Sheet) -> bytes:
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        worksheet = workbook.add_worksheet(_worksheet_title(sheet.title))
        bold = workbook.add_format({"bold": True})
        moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        for column, header in enumerate(sheet.headers):
            worksheet.write_string(0, column, str(header), bold)
        for number, row in enumerate(sheet.rows, start=1):
            _write_row(worksheet, number, row, moment)
        worksheet.freeze_panes(1, 0)
        worksheet.autofit()
    return buffer.getvalue()


def _write_row(worksheet, number: int, row: Iterable[Cell], moment) -> None:
    for column, value in enumerate(row):
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            worksheet.write_boolean(number, column, value)
        elif isinstance(value, int):
            worksheet.write_number(number, column, value)
        elif isinstance(value, datetime.datetime):
            worksheet.write_datetime(number, column, _local(value), moment)
        else:
            worksheet.write_string(number, column, str(value))


def download_name(label: str, meeting) -> str:
    """What, the theme and the day, e.g. aanmeldingen-thuis-in-de-buurt-2026-12-01."""
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return slugify(f"{label} {meeting.series.theme} {day}")[:80]


def response(sheet: Sheet, *, file_format: str, filename: str) -> HttpResponse:
    """The sheet as a download. Never cached: exports may hold personal data."""
    body = to_csv(sheet) if file_format == "csv" else to_xlsx(sheet)
    result = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    result["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    add_never_cache_headers(result)
    return result
