"""The demo's Kersenbuurt decision: three dreams, phone votes and dots on paper, the chosen
dream with a recorded minority condition, turned into an initiative with contact moments."""

from django.test import Client
from django.urls import reverse

from wijkdialoog.followup import decisions
from wijkdialoog.followup.models import Decision
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_has_a_chosen_dream_with_the_minority_heard_and_an_initiative(db):
    load_demo()
    decision = Decision.objects.get(series__slug="thuis-in-de-kersenbuurt")
    rows = decisions.results(decision)
    assert len(rows) == 3 and all(row.phone and row.paper for row in rows)
    assert decision.winner == rows[0].option and decision.winner.text == "Buurtkamer op zaterdag"
    assert decision.minority_needs and decision.minority_needs_en
    initiative = decision.initiative
    assert initiative.name == "Buurtkamer op zaterdag" and initiative.team.count() == 2
    assert initiative.contact_moments.count() == 3
    place = decision.series.neighbourhood
    page = (
        Client()
        .get(reverse("neighbourhood-public", args=[place.organisation.slug, place.slug]))
        .content.decode()
    )
    assert "Welke droom gaan we samen waarmaken?" in page and "speelhoek" in page
    url = reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])
    page = Client().get(url).content.decode()
    assert 'id="initiative-decision"' in page and "Terugkoppeling aan de buurt" in page
