"""The CBS table as an organiser downloads it: the CSV and the Excel file import, a malformed
file is refused with its row and column named, and then nothing is imported."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.reporting import population
from wijkdialoog.reporting.models import Population
from wijkdialoog.reporting.population_file import read_figures, title_year

from .population_data import KERSENBUURT, excel_bytes, fixture_bytes, with_value


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def test_the_fixture_reads_every_region_with_its_figures():
    regions = {region.code: region for region in read_figures(fixture_bytes())}

    assert set(regions) == {
        "GM9999",
        "WK999901",
        "WK999902",
        "BU99990101",
        "BU99990102",
        "BU99990103",
    }
    kersenbuurt = regions[KERSENBUURT]
    assert kersenbuurt.row == 3
    assert kersenbuurt.inhabitants == 6240
    assert kersenbuurt.ages == (1010, 870, 1690, 1520, 1150)
    assert sum(kersenbuurt.ages) == kersenbuurt.inhabitants
    assert kersenbuurt.households == 2960
    # Europe without the Netherlands plus outside Europe, of the inhabitants.
    assert kersenbuurt.migration_background_percent == Decimal("33.0")


def test_figures_cbs_keeps_back_are_read_as_unknown():
    tiny = next(r for r in read_figures(fixture_bytes()) if r.code == "BU99990103")

    assert tiny.inhabitants == 35
    assert tiny.ages == (None, None, None, None, None)
    assert tiny.migration_background_percent is None


def test_the_year_comes_from_the_file_name_or_the_excel_title():
    assert title_year(b"", "kerncijfers-wijken-en-buurten-2024-westerlaan.csv") == 2024
    assert title_year(excel_bytes(), "download.xlsx") == 2024
    assert title_year(b"x", "download.csv") is None


def test_importing_the_fixture_stores_the_neighbourhood_figures(neighbourhood, organiser):
    stored = population.import_population(
        neighbourhood=neighbourhood,
        figures=read_figures(fixture_bytes()),
        region_code=KERSENBUURT,
        year=2024,
        actor=organiser.person.user,
        file_name="kwb.csv",
    )

    stored.refresh_from_db()
    assert stored.source == Population.Source.CBS_IMPORT
    assert (stored.inhabitants, stored.age_15_25, stored.households) == (6240, 870, 2960)
    assert stored.migration_background_percent == Decimal("33.0")
    assert stored.entered_by == organiser.person.user
    entry = AuditEntry.objects.get(action="reporting.population_imported")
    assert entry.payload == {"year": 2024, "inhabitants": 6240, "replaced": False}


def test_importing_the_same_year_again_replaces_it(neighbourhood, organiser):
    for _ in range(2):
        population.import_population(
            neighbourhood=neighbourhood,
            figures=read_figures(fixture_bytes()),
            region_code=KERSENBUURT,
            year=2024,
            actor=organiser.person.user,
            file_name="kwb.csv",
        )

    assert Population.objects.filter(neighbourhood=neighbourhood).count() == 1


@pytest.mark.parametrize(
    ("line", "column", "value", "problem"),
    [
        (5, "k_15Tot25Jaar_9", "12a", "“12a” is not a number."),
        (3, "AantalInwoners_5", "-4", "is not a whole number of 0 or more."),
        (7, "HuishoudensTotaal_29", "54.5", "is not a whole number of 0 or more."),
        (4, "Codering_3", "Kersenbuurt", "is not a CBS region code"),
    ],
)
def test_a_malformed_value_is_refused_with_its_row_and_column(line, column, value, problem):
    with pytest.raises(ValidationError) as refused:
        read_figures(with_value(line, column, value))

    [message] = messages(refused.value)
    assert message.startswith(f"Row {line}, column “{column}”:")
    assert problem in message


def test_a_short_row_names_the_first_missing_column():
    text = fixture_bytes().decode("utf-8-sig").split("\r\n")
    text[3] = ";".join(text[3].split(";")[:10])

    with pytest.raises(ValidationError) as refused:
        read_figures("\r\n".join(text).encode())

    assert messages(refused.value) == [
        "Row 4, column “k_15Tot25Jaar_9”: this row stops before this column."
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"naam;adres\nAnna;Kerkstraat 1\n", b"PK\x03\x04 not really a spreadsheet"],
)
def test_a_file_that_is_not_the_cbs_table_is_refused(content):
    with pytest.raises(ValidationError):
        read_figures(content)


def test_the_excel_download_imports_like_the_csv():
    regions = {region.code: region for region in read_figures(excel_bytes())}

    kersenbuurt = regions[KERSENBUURT]
    assert kersenbuurt.row == 6
    assert kersenbuurt.ages == (1010, 870, 1690, 1520, 1150)
    assert kersenbuurt.households == 2960
    assert kersenbuurt.migration_background_percent == Decimal("33.0")


def test_a_malformed_excel_cell_names_the_sheet_row_and_the_column_title():
    with pytest.raises(ValidationError) as refused:
        read_figures(excel_bytes(inhabitants="veel"))

    assert messages(refused.value) == [
        "Row 6, column “Aantal inwoners (aantal)”: “veel” is not a number."
    ]


def test_a_region_that_is_not_in_the_file_imports_nothing(neighbourhood, organiser):
    with pytest.raises(ValidationError, match="no row for the region WK123456"):
        population.import_population(
            neighbourhood=neighbourhood,
            figures=read_figures(fixture_bytes()),
            region_code="WK123456",
            year=2024,
            actor=organiser.person.user,
            file_name="kwb.csv",
        )

    assert not Population.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="reporting.").exists()
