"""Choosing people in organiser forms: a compact select (searchable with JavaScript) whose
options tell two people with the same name apart, instead of dozens of identical checkboxes."""

import re

import pytest
from django.urls import reverse

from tests.builders import make_person
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.community.person_picker import person_label
from wijkdialoog.dialogues.models import Series, Table


@pytest.fixture
def two_annas(organisation, neighbourhood):
    rietveld = Neighbourhood.objects.create(
        organisation=organisation, name="Rietveld", slug="rietveld", municipality="Westerlaan"
    )
    return (
        make_person(
            organisation,
            first_name="Anna",
            last_name="de Vries",
            email="anna.kers@example.org",
            neighbourhood=neighbourhood,
        ),
        make_person(organisation, first_name="Anna", last_name="de Vries", neighbourhood=rietveld),
    )


def options(html: str, name: str) -> dict[str, str]:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return dict(re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select))


def test_people_with_the_same_name_are_told_apart_by_neighbourhood_and_email(two_annas):
    kers, riet = two_annas
    assert person_label(kers) == "Anna de Vries (Kersenbuurt, anna.kers@example.org)"
    assert person_label(riet) == "Anna de Vries (Rietveld)"


def test_the_initiators_are_one_searchable_select_not_a_wall_of_checkboxes(client_for, two_annas):
    html = client_for("organiser").get(reverse("series-create")).content.decode()
    assert 'type="checkbox" name="initiators"' not in html
    tag = re.search(r'<select[^>]*name="initiators"[^>]*>', html).group(0)
    assert "multiple" in tag and "data-person-picker" in tag and 'size="8"' in tag
    assert 'data-search-label="Zoek op naam, wijk of e-mailadres"' in tag
    labels = set(options(html, "initiators").values())
    assert {"Anna de Vries (Kersenbuurt, anna.kers@example.org)", "Anna de Vries (Rietveld)"} <= (
        labels
    )
    assert "wijkdialoog/person-picker.js" in html


def test_several_initiators_are_saved_from_the_select(client_for, neighbourhood, two_annas):
    response = client_for("organiser").post(
        reverse("series-create"),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": "Thuis",
            "description": "Buren praten over thuis zijn.",
            "initiators": [p.pk for p in two_annas],
            "cadence_weeks": "8",
        },
    )
    assert response.status_code == 302
    assert set(Series.objects.get().initiators.all()) == set(two_annas)


def test_someone_of_another_organisation_cannot_be_an_initiator(
    client_for, neighbourhood, other_organisation
):
    stranger = make_person(other_organisation, first_name="Xander")
    response = client_for("organiser").post(
        reverse("series-create"),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": "Thuis",
            "description": "Buren.",
            "initiators": [stranger.pk],
            "cadence_weeks": "8",
        },
    )
    assert response.status_code == 200
    assert 'id="id_initiators_error"' in response.content.decode()


def test_the_harvester_and_facilitator_pickers_tell_people_apart(
    client_for, meeting, two_annas, facilitator
):
    html = client_for("organiser").get(reverse("table-create", args=[meeting.pk])).content
    html = html.decode()
    for name in ("harvester", "facilitator"):
        tag = re.search(rf'<select[^>]*name="{name}"[^>]*>', html).group(0)
        assert "data-person-picker" in tag and "multiple" not in tag
    assert "Anna de Vries (Rietveld)" in options(html, "harvester").values()
    assert "Fenna (fenna@example.org)" in options(html, "facilitator").values()


def test_a_harvester_is_chosen_from_the_select(client_for, meeting, two_annas):
    kers, _riet = two_annas
    response = client_for("organiser").post(
        reverse("table-create", args=[meeting.pk]),
        {"number": "1", "seats": "8", "language": "nl", "harvester": kers.pk},
    )
    assert response.status_code == 302
    assert Table.objects.get().harvester == kers


def test_the_series_form_asks_the_same_few_queries_for_many_people(
    client_for, organisation, neighbourhood, django_assert_max_num_queries
):
    client = client_for("organiser")
    url = reverse("series-create")
    for number in range(60):
        make_person(organisation, first_name=f"Buur {number}", neighbourhood=neighbourhood)
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert len(options(response.content.decode(), "initiators")) >= 60


def test_the_table_form_asks_the_same_few_queries_for_many_people(
    client_for, organisation, neighbourhood, meeting, django_assert_max_num_queries
):
    client = client_for("organiser")
    for number in range(60):
        make_person(organisation, first_name=f"Buur {number}", neighbourhood=neighbourhood)
    with django_assert_max_num_queries(16):
        client.get(reverse("table-create", args=[meeting.pk]))
