"""Marking highlights from the harvest page: a POST button per card, back to the same card."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.synthesis.harvestview_data import build_harvest
from wijkdialoog.synthesis.models import Highlight


@pytest.fixture
def harvest(organisation, neighbourhood, other_organisation):
    return build_harvest(organisation, neighbourhood, other_organisation)


def toggle(card):
    return reverse("card-highlight", args=[card.pk])


def test_only_organisers_mark_highlights(harvest, assert_access):
    card = harvest.cards["public"]
    assert_access(
        toggle(card), allowed={"organiser"}, method="post", data={"highlight": "public"}, status=302
    )
    assert Highlight.objects.get(card=card).for_public


def test_another_organisations_organiser_cannot_mark_this_card(harvest, client_for):
    response = client_for("outsider").post(toggle(harvest.cards["public"]), {"highlight": "none"})

    assert response.status_code == 403


def test_marking_goes_back_to_the_card_on_the_same_page(harvest, client_for):
    page = reverse("series-harvest", args=[harvest.series.pk]) + "?kind=dream"
    card = harvest.cards["public"]

    response = client_for("organiser").post(toggle(card), {"highlight": "public", "next": page})

    assert response["Location"] == f"{page}#card-{card.pk}"


def test_a_foreign_next_address_is_ignored(harvest, client_for):
    card = harvest.cards["public"]
    response = client_for("organiser").post(
        toggle(card), {"highlight": "internal", "next": "https://evil.example/"}
    )

    series_page = reverse("series-harvest", args=[harvest.series.pk])
    assert response["Location"] == f"{series_page}#card-{card.pk}"


def test_an_internal_card_cannot_be_marked_for_public_use_and_the_page_says_why(
    harvest, client_for
):
    client = client_for("organiser")
    card = harvest.cards["internal"]

    response = client.post(toggle(card), {"highlight": "public"}, follow=True)

    assert not Highlight.objects.exists()
    body = response.content.decode()
    assert "Alleen een openbare kaart kan een hoogtepunt voor openbaar gebruik zijn" in body
    assert "Niet openbaar, dus alleen voor intern gebruik." in body


def test_the_page_shows_the_highlight_and_offers_to_remove_it(harvest, client_for):
    client = client_for("organiser")
    card = harvest.cards["anonymous"]
    client.post(toggle(card), {"highlight": "internal"})

    body = client.get(reverse("series-harvest", args=[harvest.series.pk])).content.decode()

    assert "hoogtepunt, intern" in body
    assert "Openbaar gebruik toestaan" in body and "Hoogtepunt weghalen" in body
    client.post(toggle(card), {"highlight": "none"})
    assert not Highlight.objects.exists()


def test_the_public_sees_only_highlights_for_public_use(harvest, client_for):
    organiser = client_for("organiser")
    organiser.post(toggle(harvest.cards["public"]), {"highlight": "public"})
    organiser.post(toggle(harvest.cards["anonymous"]), {"highlight": "internal"})

    response = Client().get(reverse("series-harvest", args=[harvest.series.pk]))

    shown = {row.card.text for row in response.context["collection"].rows if row.highlight}
    assert shown == {"Een moestuin op het plein"}
    assert "hoogtepunt, intern" not in response.content.decode()


def test_a_bad_choice_is_refused(harvest, client_for):
    response = client_for("organiser").post(toggle(harvest.cards["public"]), {"highlight": "x"})

    assert response.status_code == 400
