"""The demo's synthesis: the Kersenbuurt harvest has themes found with a few organiser
corrections, cards left for a person to sort, highlights, and a published story that the
neighbourhood page shows without internal quotes."""

import pytest
from django.urls import reverse

from wijkdialoog.harvest.models import Card
from wijkdialoog.site.management.commands.demo import load_demo
from wijkdialoog.synthesis.models import CardTheme, CardVector, Highlight, StoryVersion, Theme
from wijkdialoog.synthesis.sorting import theme_cards


@pytest.fixture
def demo(db):
    return load_demo()


@pytest.fixture
def series(demo):
    return demo["series"]["kersenbuurt"]


def test_every_harvest_card_has_a_vector_and_the_themes_mix_system_and_organiser(series):
    # Approved cards, no private actions: what themes are made of (pending ones wait).
    cards = theme_cards(series)
    assert CardVector.objects.filter(card__in=cards).count() == cards.count() > 50
    themes = Theme.objects.filter(series=series)
    names = set(themes.filter(curated=True).values_list("name", flat=True))
    assert {"Het Kersenpark", "Wat thuis voor ons betekent", "Jong en oud samen"} <= names
    assert themes.filter(curated=False).exists(), "some suggestions are left as they came"
    assert CardTheme.objects.filter(series=series, confirmed=True).count() >= 2
    assert CardTheme.objects.filter(series=series, theme=None).exists()


def test_the_story_and_the_public_harvest_show_public_cards_only(series, client):
    assert StoryVersion.objects.filter(story__series=series).count() == 1
    internal = Highlight.objects.get(series=series, for_public=False)
    assert internal.card.publication == Card.Publication.INTERNAL
    page = client.get(
        reverse(
            "neighbourhood-public",
            args=[series.organisation.slug, series.neighbourhood.slug],
        ),
        headers={"accept-language": "nl"},
    ).content.decode()
    assert "Wat de Kersenbuurt vertelde" in page
    assert "Thuis is waar je niet hoeft uit te leggen wie je bent." in page
    assert internal.card.text not in page

    page = client.get(reverse("series-harvest", args=[series.pk])).content.decode()
    internal = Card.objects.filter(meeting__series=series, publication=Card.Publication.INTERNAL)
    assert internal.exists()
    for card in internal:
        assert card.text not in page
