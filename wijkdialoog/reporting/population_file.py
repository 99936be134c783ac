"""Reading the CBS table "Kerncijfers wijken en buurten" as an organiser downloads it from CBS
StatLine: the CSV (semicolon separated, every value quoted, the coded column names such as
`AantalInwoners_5`, or the column titles of the download with statistical symbols) or the Excel
file (title rows above the header). Pure: no database.

A file is read whole and refused whole: the first problems name their row and column, and the
caller imports nothing. Column numbers change between years (`HuishoudensTotaal_28` in 2022,
`_29` in 2024), so columns are found by their name without the number.
"""

import contextlib
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_PROBLEMS = 5
HEADER_SEARCH_ROWS = 25
CODE_PATTERN = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")
# CBS symbols: "." unknown or kept back, "x" secret, "-" nil (zero), empty nothing.
MISSING = {"", ".", "x", "?"}

# What we read, and the names a column has: the code without its number, and the title.
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("codering", "regiocode"),
    "region": ("wijkenenbuurten", "wijken en buurten", "regio's", "regios"),
    "name": ("gemeentenaam", "regionaam"),
    "inhabitants": ("aantalinwoners", "aantal inwoners"),
    "age_0_15": ("k_0tot15jaar", "0 tot 15 jaar"),
    "age_15_25": ("k_15tot25jaar", "15 tot 25 jaar"),
    "age_25_45": ("k_25tot45jaar", "25 tot 45 jaar"),
    "age_45_65": ("k_45tot65jaar", "45 tot 65 jaar"),
    "age_65_plus": ("k_65jaarofouder", "65 jaar of ouder"),
    "households": ("huishoudenstotaal", "huishoudens totaal", "particuliere huishoudens"),
    # Since 2023: inhabitants by land of origin; before: a western or non-western background.
    "origin_europe": ("europaexclusiefnederland", "europa (exclusief nederland)"),
    "origin_outside_europe": ("buiteneuropa", "buiten europa"),
    "background_western": ("westerstotaal", "westers totaal"),
    "background_non_western": ("nietwesterstotaal", "niet-westers totaal"),
}
AGE_KEYS = ("age_0_15", "age_15_25", "age_25_45", "age_45_65", "age_65_plus")
UNIT = re.compile(r"\s*\((aantal|%|x 1 000|aantal per km2|aantal per km²)\)\s*$")


@dataclass(frozen=True)
class RegionFigures:
    """One region's row: where it was in the file, and its figures."""

    row: int
    code: str
    name: str
    inhabitants: int | None
    ages: tuple[int | None, ...]
    households: int | None
    migration_background_percent: Decimal | None


def _normalise(header: Any) -> str:
    text = str(header or "").strip().lstrip("\ufeff").lower()
    text = text.rsplit("/", 1)[-1].strip()
    text = UNIT.sub("", text)
    return re.sub(r"_\d+$", "", text)


def _columns(header: Sequence[Any]) -> dict[str, int]:
    names = [_normalise(cell) for cell in header]
    found: dict[str, int] = {}
    for key, aliases in COLUMNS.items():
        for index, name in enumerate(names):
            if name in aliases:
                found[key] = index
                break
    return found


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _columns(row)
        if "inhabitants" in columns and ("code" in columns or "region" in columns):
            return index, columns
    raise ValidationError(
        _(
            "This is not the CBS table “Kerncijfers wijken en buurten”: no header row with the "
            "columns “Codering” and “AantalInwoners” (aantal inwoners) in the first %(rows)s rows."
        )
        % {"rows": HEADER_SEARCH_ROWS}
    )


def _csv_rows(content: bytes) -> list[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    dialect = "excel" if text.count(";") < text.count(",") else None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if dialect is None else ",")
    try:
        return list(reader)
    except csv.Error as error:
        raise ValidationError(
            _("The file could not be read as CSV (row %(row)s).") % {"row": reader.line_num}
        ) from error


def _excel_rows(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError(_("The file could not be read as an Excel file.")) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def is_excel(content: bytes) -> bool:
    return content[:4] == b"PK\x03\x04"


def title_year(content: bytes, file_name: str) -> int | None:
    """The year in the file's name ("kwb-2024.csv") or in an Excel title row, if any."""
    texts = [file_name]
    if is_excel(content):
        with contextlib.suppress(ValidationError):
            texts += [" ".join(str(c) for c in row if c) for row in _excel_rows(content)[:5]]
    for text in texts:
        match = re.search(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)", text)
        if match:
            return int(match.group(1))
    return None


class _Problems:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, *, row: int, column: str, problem: str) -> None:
        if len(self.messages) < MAX_PROBLEMS:
            self.messages.append(
                _("Row %(row)s, column “%(column)s”: %(problem)s")
                % {"row": row, "column": column, "problem": problem}
            )


def _number(
    value: Any, *, row: int, column: str, problems: _Problems, whole: bool = True
) -> Decimal | None:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = str(value if value is not None else "").strip()
        if text.lower() in MISSING:
            return None
        if text == "-":
            return Decimal(0)
        try:
            number = Decimal(text.replace(",", "."))
        except ArithmeticError:
            problems.add(
                row=row,
                column=column,
                problem=_("“%(value)s” is not a number.") % {"value": text[:30]},
            )
            return None
    if not number.is_finite() or number < 0 or (whole and number != number.to_integral_value()):
        problems.add(
            row=row,
            column=column,
            problem=_("“%(value)s” is not a whole number of 0 or more.") % {"value": value},
        )
        return None
    return number


def _count(row_values: list[Any], key: str, context: "_RowContext") -> int | None:
    index = context.columns.get(key)
    if index is None:
        return None
    number = _number(
        row_values[index],
        row=context.row,
        column=context.header_names[index],
        problems=context.problems,
    )
    return None if number is None else int(number)


@dataclass
class _RowContext:
    row: int
    columns: dict[str, int]
    header_names: list[str]
    problems: _Problems


def _migration_share(counts: dict[str, int | None], inhabitants: int | None) -> Decimal | None:
    pairs = [
        ("origin_europe", "origin_outside_europe"),
        ("background_western", "background_non_western"),
    ]
    for first, second in pairs:
        one, other = counts.get(first), counts.get(second)
        if one is not None and other is not None and inhabitants:
            share = Decimal(100 * (one + other)) / Decimal(inhabitants)
            return min(share, Decimal(100)).quantize(Decimal("0.1"))
    return None


def _region(values: list[Any], context: _RowContext) -> RegionFigures | None:
    if len(values) < len(context.header_names):
        missing = context.header_names[len(values)]
        context.problems.add(
            row=context.row, column=missing, problem=_("this row stops before this column.")
        )
        return None
    # "Codering" holds the code; without it, "Wijken en buurten" holds it in the raw dataset.
    index = context.columns.get("code", context.columns.get("region", 0))
    code = str(values[index] or "").strip().upper()
    if not CODE_PATTERN.match(code):
        context.problems.add(
            row=context.row,
            column=context.header_names[index],
            problem=_("“%(value)s” is not a CBS region code (such as WK036301).")
            % {"value": str(values[index] or "")[:30]},
        )
        return None
    counts = {
        key: _count(values, key, context)
        for key in COLUMNS
        if key not in ("code", "region", "name")
    }
    name_index = context.columns.get("name")
    return RegionFigures(
        row=context.row,
        code=code,
        name="" if name_index is None else str(values[name_index] or "").strip(),
        inhabitants=counts["inhabitants"],
        ages=tuple(counts[key] for key in AGE_KEYS),
        households=counts["households"],
        migration_background_percent=_migration_share(counts, counts["inhabitants"]),
    )


def read_figures(content: bytes) -> list[RegionFigures]:
    """Every region in the file, or a ValidationError naming the first problems."""
    if not content.strip():
        raise ValidationError(_("The file is empty."))
    rows = _excel_rows(content) if is_excel(content) else _csv_rows(content)
    header_index, columns = _find_header(rows)
    header_names = [str(cell or "").strip().lstrip("\ufeff") for cell in rows[header_index]]
    problems = _Problems()
    figures: list[RegionFigures] = []
    for offset, values in enumerate(rows[header_index + 1 :], start=header_index + 2):
        filled = sum(1 for value in values if str(value or "").strip())
        # Empty rows, and the source and footnote lines under an Excel download.
        if filled <= 1:
            continue
        context = _RowContext(offset, columns, header_names, problems)
        region = _region(list(values), context)
        if region is not None:
            figures.append(region)
    if problems.messages:
        raise ValidationError(problems.messages)
    if not figures:
        raise ValidationError(_("The file has a header but no regions."))
    return figures
