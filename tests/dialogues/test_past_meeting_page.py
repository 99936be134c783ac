"""A meeting that has taken place no longer invites people to take part: its public page leads to
what was said at the tables (the harvest wall)."""

import pytest
from django.urls import reverse

from tests.builders import make_meeting

pytestmark = pytest.mark.django_db


def test_a_past_meeting_links_its_harvest_wall_instead_of_the_sign_up(client, neighbourhood):
    meeting = make_meeting(neighbourhood, days=-3)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()

    wall = reverse("harvest-wall", args=[meeting.pk])
    assert f'id="harvest-wall-link" href="{wall}"' in html
    assert 'id="register-button"' not in html
    assert client.get(wall).status_code == 200


def test_an_upcoming_meeting_still_invites_people_to_sign_up(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    assert 'id="register-button"' in html
    assert 'id="harvest-wall-link"' not in html
