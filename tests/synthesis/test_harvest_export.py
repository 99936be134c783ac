"""Downloading the harvest of a series or a meeting: the same cards as the page with the same
filters, all pages at once; the public download holds public cards only. Each one is audited."""

import pytest
from django.urls import reverse

from tests.spreadsheets import read_csv, read_xlsx
from tests.synthesis.harvestview_data import build_harvest
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.synthesis.highlights import mark_highlight
from wijkdialoog.synthesis.models import CardTheme, Theme


@pytest.fixture
def harvest(organisation, neighbourhood, other_organisation, organiser):
    harvest = build_harvest(organisation, neighbourhood, other_organisation)
    theme = Theme.objects.create(series=harvest.series, name="Groen", curated=True)
    CardTheme.objects.create(card=harvest.cards["public"], series=harvest.series, theme=theme)
    actor = organiser.person.user
    mark_highlight(card=harvest.cards["public"], actor=actor, for_public=True)
    mark_highlight(card=harvest.cards["internal"], actor=actor, for_public=False)
    return harvest


def url(harvest, file_format="csv"):
    return reverse("series-harvest-export", args=[harvest.series.pk, file_format])


def by_text(rows, column="Tekst"):
    index = rows[0].index(column)
    return {row[index]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_organisers_download_every_card_they_see_with_theme_highlight_and_publication(
    harvest, client_for
):
    rows = read_csv(client_for("organiser").get(url(harvest)).content)

    assert rows[0] == [
        "Bijeenkomst", "Datum", "Tafel", "Ronde", "Soort", "Tekst", "Voornaam", "Thema",
        "Hoogtepunt", "Zichtbaarheid", "Status",
    ]  # fmt: skip
    cards = by_text(rows)
    assert set(cards) == {
        "Een moestuin op het plein",
        "Meer bankjes in het park",
        "Overlast bij de flat aan de Kerslaan",
        "Een buurtfeest in juni",
        "Ik maak de moestuin schoon",
        "Kan de gemeente het plein vergroenen?",
        "Kaart van een bijeenkomst die nog komt",
    }
    moestuin = cards["Een moestuin op het plein"]
    assert (moestuin["Thema"], moestuin["Hoogtepunt"], moestuin["Voornaam"]) == (
        "Groen",
        "1",
        "Anna",
    )
    assert moestuin["Ronde"] == "Dromen" and moestuin["Tafel"] == "1"
    assert cards["Overlast bij de flat aan de Kerslaan"]["Hoogtepunt"] == "1"
    assert cards["Meer bankjes in het park"]["Voornaam"] == ""
    entry = AuditEntry.objects.get(action="series_harvest.exported")
    assert entry.payload == {"format": "csv", "rows": 7, "internal": True, "filtered": False}


def test_the_public_download_holds_public_cards_and_public_highlights_only(harvest, client_for):
    rows = read_csv(client_for("anonymous").get(url(harvest)).content)

    assert "Zichtbaarheid" not in rows[0] and "Status" not in rows[0]
    cards = by_text(rows)
    assert set(cards) == {
        "Een moestuin op het plein",
        "Meer bankjes in het park",
        "Ik maak de moestuin schoon",
        "Kan de gemeente het plein vergroenen?",
    }
    assert cards["Een moestuin op het plein"]["Hoogtepunt"] == "1"
    assert AuditEntry.objects.get(action="series_harvest.exported").payload["internal"] is False


def test_the_download_follows_the_filters_of_the_page(harvest, client_for):
    response = client_for("organiser").get(url(harvest), {"kind": "concern"})

    assert list(by_text(read_csv(response.content))) == ["Overlast bij de flat aan de Kerslaan"]
    assert AuditEntry.objects.get(action="series_harvest.exported").payload["filtered"] is True


def test_the_xlsx_download_of_a_meeting_holds_the_same_cards(harvest, client_for):
    response = client_for("organiser").get(
        reverse("meeting-harvest-export", args=[harvest.second.pk, "xlsx"])
    )

    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = read_xlsx(response.content)
    assert [row[5] for row in rows[1:]] == ["Kan de gemeente het plein vergroenen?"]


def test_downloads_follow_the_access_of_the_page(harvest, assert_access):
    planned = reverse("meeting-harvest-export", args=[harvest.planned.pk, "csv"])
    assert_access(planned, allowed={"organiser", "partner"}, hidden=True)
    assert_access(url(harvest), allowed={"anonymous", "organiser", "facilitator", "partner",
                                          "trainer", "outsider"})  # fmt: skip


def test_the_download_runs_in_a_fixed_number_of_queries(
    harvest, client_for, django_assert_max_num_queries
):
    client = client_for("organiser")
    with django_assert_max_num_queries(12):
        client.get(url(harvest, "xlsx"))
