"""The harvest in one place: every persona sees what it may, with filters, counts and pages."""

import pytest
from django.urls import reverse

from tests.builders import make_card, make_membership
from tests.synthesis.harvestview_data import build_harvest
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import CardTheme, HarvestSharing, Theme

ALL = {"anonymous", "organiser", "facilitator", "partner", "trainer", "outsider"}
PUBLIC_TEXTS = {
    "Een moestuin op het plein",
    "Meer bankjes in het park",
    "Ik maak de moestuin schoon",
    "Kan de gemeente het plein vergroenen?",
}


@pytest.fixture
def harvest(organisation, neighbourhood, other_organisation):
    return build_harvest(organisation, neighbourhood, other_organisation)


def series_url(harvest, **query):
    return reverse("series-harvest", args=[harvest.series.pk])


def texts(response) -> set[str]:
    return {row.card.text for row in response.context["collection"].rows}


def test_everyone_may_open_the_harvest_of_a_series_with_a_published_meeting(harvest, assert_access):
    assert_access(series_url(harvest), allowed=ALL)
    assert_access(reverse("meeting-harvest", args=[harvest.first.pk]), allowed=ALL)


def test_an_unpublished_meeting_does_not_exist_for_anyone_but_organisers_and_partners(
    harvest, assert_access
):
    url = reverse("meeting-harvest", args=[harvest.planned.pk])
    assert_access(url, allowed={"organiser", "partner"}, hidden=True)


def test_a_series_without_a_published_meeting_is_hidden_from_the_public(harvest, assert_access):
    harvest.series.meetings.update(publish_at=None)
    assert_access(series_url(harvest), allowed={"organiser", "partner"}, hidden=True)


def test_organisers_see_internal_and_waiting_cards_but_never_private_actions_or_rejected(
    harvest, client_for
):
    response = client_for("organiser").get(series_url(harvest))

    assert texts(response) == PUBLIC_TEXTS | {
        "Overlast bij de flat aan de Kerslaan",
        "Een buurtfeest in juni",
        "Kaart van een bijeenkomst die nog komt",
    }
    body = response.content.decode()
    assert "Ik ga mijn buurvrouw helpen" not in body
    assert "Iets wat niet mag" not in body
    assert "wacht op goedkeuring" in body
    assert "7 kaarten" in body and "1 intern" in body


@pytest.mark.parametrize("persona", ["anonymous", "facilitator", "partner", "trainer", "outsider"])
def test_everyone_else_sees_only_public_cards_of_published_meetings(harvest, client_for, persona):
    response = client_for(persona).get(series_url(harvest))

    assert texts(response) == PUBLIC_TEXTS
    body = response.content.decode()
    assert "Overlast" not in body and "Geheim" not in body
    assert "private" in response["Cache-Control"]


def test_partners_see_internal_cards_only_when_the_organisation_shares_them(
    harvest, client_for, organisation
):
    HarvestSharing.objects.create(organisation=organisation, partners_see_internal=True)

    partner = texts(client_for("partner").get(series_url(harvest)))

    assert partner == PUBLIC_TEXTS | {"Overlast bij de flat aan de Kerslaan"}


def test_sharing_of_one_organisation_never_opens_another_organisations_internal_cards(
    harvest, client, organisation, other_organisation
):
    HarvestSharing.objects.create(organisation=organisation, partners_see_internal=True)
    HarvestSharing.objects.create(organisation=other_organisation, partners_see_internal=True)
    partner_here = make_membership(
        organisation, "partner", first_name="Petra", email="p2@example.org"
    )
    client.force_login(partner_here.person.user)

    response = client.get(reverse("series-harvest", args=[harvest.other_series.pk]))

    assert texts(response) == set()


def test_names_show_only_where_the_card_is_public_with_a_name(harvest, client_for):
    body = client_for("organiser").get(series_url(harvest)).content.decode()

    # The publication level decides, also for organisers and cards waiting for approval.
    assert "<span>Anna</span>" in body and "<span>Dina</span>" in body
    assert "Bram" not in body and "Cem" not in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "dream"}, {"Een moestuin op het plein"}),
        ({"round": "Dromen"}, {"Een moestuin op het plein", "Meer bankjes in het park"}),
        ({"table": "2"}, {"Meer bankjes in het park", "Overlast bij de flat aan de Kerslaan"}),
        ({"publication": "internal"}, {"Overlast bij de flat aan de Kerslaan"}),
        ({"q": "MOESTUIN"}, {"Een moestuin op het plein", "Ik maak de moestuin schoon"}),
        ({"kind": "dream", "q": "bankjes"}, set()),
        ({"kind": "no-such-kind", "table": "x"}, None),
    ],
)
def test_each_filter_narrows_the_cards(harvest, client_for, query, expected):
    response = client_for("organiser").get(series_url(harvest), query)

    if expected is None:
        expected = texts(client_for("organiser").get(series_url(harvest)))
    assert texts(response) == expected


def test_the_meeting_filter_and_its_counts(harvest, client_for):
    response = client_for("organiser").get(series_url(harvest), {"meeting": harvest.second.pk})

    assert texts(response) == {"Kan de gemeente het plein vergroenen?"}
    collection = response.context["collection"]
    assert collection.count_of("meeting", str(harvest.first.pk)) == 5
    assert collection.count_of("meeting", str(harvest.second.pk)) == 1
    # The counts of the other filters follow the chosen meeting.
    assert collection.count_of("kind", "question") == 1
    assert collection.count_of("kind", "dream") == 0


def test_the_public_cannot_filter_on_publication(harvest, client_for):
    response = client_for("anonymous").get(series_url(harvest), {"publication": "internal"})

    assert texts(response) == PUBLIC_TEXTS
    assert 'name="publication"' not in response.content.decode()


def test_the_theme_filter_and_unsorted_cards(harvest, client_for):
    cards = harvest.cards
    green = Theme.objects.create(series=harvest.series, name="Groen", curated=True)
    suggested = Theme.objects.create(series=harvest.series, name="overlast flat", curated=False)
    CardTheme.objects.create(card=cards["public"], series=harvest.series, theme=green)
    CardTheme.objects.create(card=cards["internal"], series=harvest.series, theme=suggested)
    CardTheme.objects.create(card=cards["anonymous"], series=harvest.series, theme=None)

    organiser = client_for("organiser")
    assert texts(organiser.get(series_url(harvest), {"theme": green.pk})) == {
        "Een moestuin op het plein"
    }
    assert texts(organiser.get(series_url(harvest), {"theme": suggested.pk})) == {
        "Overlast bij de flat aan de Kerslaan"
    }
    unsorted = texts(organiser.get(series_url(harvest), {"theme": "unsorted"}))
    assert "Meer bankjes in het park" in unsorted and "Een moestuin op het plein" not in unsorted


def test_suggested_theme_names_are_for_organisers_only(harvest, client_for):
    suggested = Theme.objects.create(series=harvest.series, name="kerslaan overlast")
    CardTheme.objects.create(card=harvest.cards["public"], series=harvest.series, theme=suggested)

    response = client_for("anonymous").get(series_url(harvest), {"theme": suggested.pk})

    assert "kerslaan overlast" not in response.content.decode()
    assert texts(response) == set()
    unsorted = client_for("anonymous").get(series_url(harvest), {"theme": "unsorted"})
    assert texts(unsorted) == PUBLIC_TEXTS


def test_the_page_keeps_the_filters_in_the_form_and_in_the_paging_links(harvest, client_for):
    for number in range(60):
        make_card(harvest.first, f"Idee nummer {number}", kind="idea")

    response = client_for("organiser").get(series_url(harvest), {"kind": "idea", "q": "idee"})

    body = response.content.decode()
    assert len(response.context["collection"].rows) == 50
    assert 'value="idea" selected' in body
    assert 'value="idee"' in body
    assert "kind=idea&amp;q=idee&amp;page=2" in body
    second = client_for("organiser").get(series_url(harvest), {"kind": "idea", "page": 2})
    assert len(second.context["collection"].rows) == 11


def _grow(harvest, meetings: int, cards_per_meeting: int) -> None:
    from tests.builders import make_meeting

    for m in range(meetings):
        meeting = make_meeting(harvest.series, days=-30 - m, seats=(8, 8))
        theme = Theme.objects.create(series=harvest.series, name=f"Thema {m}", curated=True)
        for c in range(cards_per_meeting):
            card = make_card(meeting, f"Kaart {m}-{c}", publication=Card.Publication.INTERNAL)
            CardTheme.objects.create(card=card, series=harvest.series, theme=theme)


@pytest.mark.parametrize("persona", ["organiser", "anonymous"])
def test_the_page_runs_in_a_fixed_number_of_queries(
    harvest, client_for, persona, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(persona)
    client.get(series_url(harvest))  # a first visit fills the session
    with CaptureQueriesContext(connection) as small:
        client.get(series_url(harvest), {"q": "e"})
    _grow(harvest, meetings=4, cards_per_meeting=30)
    with CaptureQueriesContext(connection) as large:
        response = client.get(series_url(harvest), {"q": "e"})

    assert len(response.context["collection"].rows) >= 1
    assert len(large) == len(small)
    with django_assert_max_num_queries(20):
        client.get(series_url(harvest))
