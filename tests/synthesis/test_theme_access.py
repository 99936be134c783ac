"""Every theme page and every POST, for every persona: only the series' organiser gets in;
colleagues in other roles get 403, another organisation 404, anonymous visitors the login page."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS
from wijkdialoog.synthesis.models import Theme


def _pages(theme: Theme, card_pk: int) -> list[tuple[str, str, dict]]:
    series = theme.series_id
    return [
        ("get", reverse("series-themes", args=[series]), {}),
        ("post", reverse("themes-suggest", args=[series]), {}),
        ("post", reverse("themes-sort", args=[series]), {}),
        ("post", reverse("theme-create", args=[series]), {"new-name": "Nieuw"}),
        ("post", reverse("theme-card-move", args=[series, card_pk]), {"theme": "unsorted"}),
        ("get", reverse("theme-detail", args=[theme.pk]), {}),
        ("post", reverse("theme-edit", args=[theme.pk]), {"edit-name": "Anders"}),
        ("post", reverse("theme-merge", args=[theme.pk]), {}),
        ("post", reverse("theme-split", args=[theme.pk]), {}),
        ("get", reverse("theme-delete", args=[theme.pk]), {}),
        ("post", reverse("theme-delete", args=[theme.pk]), {}),
        ("post", reverse("theme-confirm", args=[theme.pk]), {}),
    ]


@pytest.fixture
def made_theme(neighbourhood, organiser):
    from tests.builders import make_card, make_harvest_meeting

    meeting = make_harvest_meeting(neighbourhood)
    card = make_card(meeting, "De stoep ligt vol hondenpoep.")
    theme = Theme.objects.create(series=meeting.series, name="Schoon", curated=True)
    return theme, card


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "organiser"])
def test_no_one_but_the_organiser_opens_or_changes_a_theme_page(user_for, made_theme, persona):
    theme, card = made_theme
    client = Client()
    if persona != "anonymous":
        client.force_login(user_for(persona))
    for method, url, data in _pages(theme, card.pk):
        response = getattr(client, method)(url, data)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
        elif persona == "outsider":
            assert response.status_code == 404, url
        else:
            assert response.status_code == 403, (persona, url)
    theme.refresh_from_db()
    assert theme.name == "Schoon"
    assert not Theme.objects.filter(name="Nieuw").exists()


def test_the_organiser_opens_every_page(client_for, made_theme):
    theme, _card = made_theme
    client = client_for("organiser")
    assert client.get(reverse("series-themes", args=[theme.series_id])).status_code == 200
    assert client.get(reverse("theme-detail", args=[theme.pk])).status_code == 200
    assert client.get(reverse("theme-delete", args=[theme.pk])).status_code == 200


def test_a_card_of_another_series_cannot_be_moved_here(client_for, made_theme, neighbourhood):
    from tests.builders import make_card, make_harvest_meeting

    theme, _card = made_theme
    elsewhere = make_card(make_harvest_meeting(neighbourhood), "Iets anders.")
    response = client_for("organiser").post(
        reverse("theme-card-move", args=[theme.series_id, elsewhere.pk]), {"theme": str(theme.pk)}
    )
    assert response.status_code == 404
