"""The organiser's population pages: who may open them, the upload with its errors next to the
field, the figures typed in, and the link from the neighbourhood's page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule, permissions_of
from wijkdialoog.reporting.models import Population

from .population_data import KERSENBUURT, excel_bytes, fixture_bytes, with_value

CASES = [
    ("reporting.manage_population", "neighbourhood", {"organiser"}),
    ("reporting.view_participation", "series", {"organiser"}),
]


@pytest.fixture
def series(neighbourhood):
    from tests.builders import make_series

    return make_series(neighbourhood)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_the_population_permissions_are_defined(db):
    assert {permission for permission, _s, _a in CASES} <= permissions_of("reporting")


def test_only_the_organiser_opens_the_population_pages(neighbourhood, assert_access):
    for name in ("neighbourhood-population", "neighbourhood-population-enter"):
        assert_access(reverse(name, args=[neighbourhood.pk]), allowed={"organiser"})


def test_only_the_organiser_may_import(neighbourhood, assert_access):
    assert_access(
        reverse("neighbourhood-population", args=[neighbourhood.pk]),
        allowed={"organiser"},
        method="post",
        data={"region_code": KERSENBUURT},
        status=400,
    )
    assert not Population.objects.exists()


def upload(client, neighbourhood, content: bytes, name: str, **extra):
    return client.post(
        reverse("neighbourhood-population", args=[neighbourhood.pk]),
        {"file": SimpleUploadedFile(name, content), "region_code": KERSENBUURT, **extra},
    )


def test_the_organiser_imports_the_cbs_csv(client_for, neighbourhood):
    client = client_for("organiser")

    response = upload(client, neighbourhood, fixture_bytes(), "kerncijfers-2024.csv")

    assert response.status_code == 302
    stored = Population.objects.get(neighbourhood=neighbourhood)
    assert (stored.year, stored.inhabitants, stored.region_code) == (2024, 6240, KERSENBUURT)
    page = client.get(response["Location"]).content.decode()
    assert "6240" in page
    assert "CC BY 4.0" in page


def test_the_organiser_imports_the_excel_download(client_for, neighbourhood):
    response = upload(client_for("organiser"), neighbourhood, excel_bytes(), "download.xlsx")

    assert response.status_code == 302
    assert Population.objects.get(neighbourhood=neighbourhood).year == 2024


def test_a_malformed_file_is_refused_next_to_the_upload_field(client_for, neighbourhood):
    content = with_value(5, "k_15Tot25Jaar_9", "veel")

    response = upload(client_for("organiser"), neighbourhood, content, "kwb-2024.csv")

    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_file_error"' in page
    assert "Rij 5, kolom “k_15Tot25Jaar_9”" in page
    assert not Population.objects.exists()


def test_the_year_is_asked_when_the_file_does_not_say(client_for, neighbourhood):
    response = upload(client_for("organiser"), neighbourhood, fixture_bytes(), "download.csv")

    assert response.status_code == 400
    assert 'id="id_year_error"' in response.content.decode()
    assert not Population.objects.exists()


def test_the_organiser_types_figures_in(client_for, neighbourhood):
    url = reverse("neighbourhood-population-enter", args=[neighbourhood.pk])
    data = {
        "year": 2025,
        "region_code": "",
        "inhabitants": 1000,
        "age_0_15": 150,
        "age_15_25": 120,
        "age_25_45": 300,
        "age_45_65": 250,
        "age_65_plus": 180,
        "households": 480,
        "migration_background_percent": "22.5",
    }

    response = client_for("organiser").post(url, data)

    assert response.status_code == 302
    stored = Population.objects.get(neighbourhood=neighbourhood)
    assert stored.source == Population.Source.TYPED
    assert stored.age_counts() == [150, 120, 300, 250, 180]


def test_typed_age_groups_may_not_add_up_to_more_than_the_inhabitants(client_for, neighbourhood):
    url = reverse("neighbourhood-population-enter", args=[neighbourhood.pk])

    response = client_for("organiser").post(
        url, {"year": 2025, "inhabitants": 100, "age_0_15": 80, "age_15_25": 80}
    )

    assert response.status_code == 400
    assert not Population.objects.exists()


def test_the_neighbourhood_page_links_to_the_population_for_the_organiser_only(
    client_for, neighbourhood
):
    url = reverse("neighbourhood-edit", args=[neighbourhood.pk])
    target = reverse("neighbourhood-population", args=[neighbourhood.pk])

    page = client_for("organiser").get(url).content.decode()

    assert 'id="population-panel"' in page
    assert target in page


def test_the_population_page_asks_the_database_a_fixed_number_of_times(
    client_for, neighbourhood, organiser, django_assert_max_num_queries
):
    from wijkdialoog.reporting.population import enter_population

    for year in range(2015, 2025):
        enter_population(
            neighbourhood=neighbourhood, year=year, actor=organiser.person.user, inhabitants=900
        )
    client = client_for("organiser")
    url = reverse("neighbourhood-population", args=[neighbourhood.pk])

    with django_assert_max_num_queries(12):
        response = client.get(url)

    assert (
        response.content.decode().count('<th class="utrecht-table__header-cell" scope="row">') == 10
    )
