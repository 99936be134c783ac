"""The organiser's theme pages: what they show, what the buttons and forms do, and that their
queries do not grow with the cards and themes."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.builders import make_card
from tests.synthesis.conftest import by_text
from tests.synthesis.themes_data import LONELY, PLAY, TRAFFIC, make_harvest
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import CardTheme, Theme


def test_the_series_page_links_to_its_themes(client_for, series):
    response = client_for("organiser").get(reverse("series-detail", args=[series.pk]))
    assert reverse("series-themes", args=[series.pk]) in response.content.decode()


def test_suggesting_shows_each_theme_with_its_parts_and_typical_card(client_for, series):
    client = client_for("organiser")
    response = client.post(reverse("themes-suggest", args=[series.pk]), {"k": "3"}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert series.themes.count() == 3
    for theme in series.themes.all():
        assert escape(theme.name) in page
        assert escape(theme.central_card.text) in page
    assert "Wat bewoners zelf oppakken" in page
    assert "Wat we vragen aan partners" in page
    assert page.count("Wat we ook hoorden") == 3


def test_too_few_cards_give_a_clear_message_and_keep_the_typed_number(client_for, neighbourhood):
    cards = make_harvest(neighbourhood, PLAY[:4])
    series = cards[0].meeting.series
    response = client_for("organiser").post(reverse("themes-suggest", args=[series.pk]), {"k": "3"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "te weinig kaarten" in page
    assert 'value="3"' in page
    assert not series.themes.exists()


def test_a_bad_number_of_themes_shows_next_to_the_field(client_for, series):
    response = client_for("organiser").post(
        reverse("themes-suggest", args=[series.pk]), {"k": "40"}
    )
    assert response.status_code == 400
    assert 'value="40"' in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_internal_cards_show_with_a_marker_and_private_actions_never(
    client_for, series, harvest, organiser
):
    meeting = harvest[0].meeting
    make_card(
        meeting, "Een interne opmerking over de wijkagent.", publication=Card.Publication.INTERNAL
    )
    make_card(
        meeting,
        "Mijn eigen geheime voornemen.",
        kind="action",
        owner=organiser.person,
        shared=False,
    )
    make_card(meeting, "Nog niet goedgekeurd.", status=Card.Status.PENDING)
    make_card(meeting, "Met naam gezegd.", first_name="Truus", publication=Card.Publication.PUBLIC)
    make_card(
        meeting, "Zonder naam gezegd.", first_name="Henk", publication=Card.Publication.ANONYMOUS
    )
    page = client_for("organiser").get(reverse("series-themes", args=[series.pk])).content.decode()
    assert "Een interne opmerking over de wijkagent." in page
    assert ">intern<" in page
    assert "Mijn eigen geheime voornemen." not in page
    assert "Nog niet goedgekeurd." not in page
    assert "Truus" in page
    assert "Henk" not in page


def test_an_organiser_makes_a_theme_and_bad_input_is_kept(client_for, series):
    client = client_for("organiser")
    url = reverse("theme-create", args=[series.pk])
    response = client.post(url, {"new-name": "", "new-description": "Over de markt"})
    assert response.status_code == 400
    assert "Over de markt" in response.content.decode()
    response = client.post(url, {"new-name": "Markt", "new-description": "Over de markt"})
    theme = Theme.objects.get(series=series, name="Markt")
    assert response.status_code == 302
    assert theme.curated and not theme.suggested


def test_moving_a_card_confirms_it_and_returns_to_the_page(client_for, series, suggested, harvest):
    card = by_text(harvest, "Auto's rijden")
    target = next(theme for theme in suggested if theme.pk != card.theme_link.theme_id)
    response = client_for("organiser").post(
        reverse("theme-card-move", args=[series.pk, card.pk]),
        {"theme": str(target.pk), "next": reverse("theme-detail", args=[target.pk])},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('theme-detail', args=[target.pk])}#card-{card.pk}"
    link = CardTheme.objects.get(card=card)
    assert (link.theme, link.confirmed) == (target, True)


def test_moving_a_card_to_unsorted(client_for, series, suggested, harvest):
    card = by_text(harvest, "Auto's rijden")
    client_for("organiser").post(
        reverse("theme-card-move", args=[series.pk, card.pk]), {"theme": "unsorted"}
    )
    link = CardTheme.objects.get(card=card)
    assert (link.theme, link.confirmed) == (None, True)


def test_the_theme_page_renames_merges_splits_and_deletes(client_for, series, suggested):
    client = client_for("organiser")
    first, second, third = suggested
    response = client.get(reverse("theme-detail", args=[first.pk]))
    assert response.status_code == 200
    client.post(
        reverse("theme-edit", args=[first.pk]),
        {"edit-name": "Spelen", "edit-description": "Speeltuinen en buiten spelen"},
    )
    first.refresh_from_db()
    assert (first.name, first.curated) == ("Spelen", True)
    client.post(reverse("theme-merge", args=[second.pk]), {"merge-into": str(first.pk)})
    assert not Theme.objects.filter(pk=second.pk).exists()
    moved = list(first.card_links.values_list("card_id", flat=True)[:2])
    response = client.post(
        reverse("theme-split", args=[first.pk]),
        {"split-cards": [str(pk) for pk in moved], "split-name": "Afgesplitst"},
    )
    new = Theme.objects.get(name="Afgesplitst")
    assert set(new.card_links.values_list("card_id", flat=True)) == set(moved)
    assert client.get(reverse("theme-delete", args=[third.pk])).status_code == 200
    client.post(reverse("theme-delete", args=[third.pk]))
    assert not Theme.objects.filter(pk=third.pk).exists()


def test_a_split_without_cards_says_so_next_to_the_field(client_for, suggested):
    response = client_for("organiser").post(
        reverse("theme-split", args=[suggested[0].pk]), {"split-name": "Leeg"}
    )
    assert response.status_code == 400
    assert 'value="Leeg"' in response.content.decode()
    assert not Theme.objects.filter(name="Leeg").exists()


def test_confirm_all_cards_of_a_theme(client_for, suggested):
    theme = suggested[0]
    client_for("organiser").post(reverse("theme-confirm", args=[theme.pk]))
    assert not theme.card_links.filter(confirmed=False).exists()


@pytest.mark.parametrize("size", [1, 3])
def test_the_themes_page_needs_the_same_queries_for_more_cards_and_themes(
    client_for, neighbourhood, organiser, size, django_assert_max_num_queries
):
    from wijkdialoog.synthesis import sorting

    cards = make_harvest(neighbourhood, (PLAY + TRAFFIC + LONELY)[: 8 * size])
    series = cards[0].meeting.series
    sorting.suggest_themes(series=series, actor=organiser.person.user, k=2 * size)
    client = client_for("organiser")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("series-themes", args=[series.pk])).status_code == 200
    theme = series.themes.first()
    with django_assert_max_num_queries(14):
        assert client.get(reverse("theme-detail", args=[theme.pk])).status_code == 200
