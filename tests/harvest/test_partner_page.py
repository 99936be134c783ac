"""A partner's My page shows the public harvest of past meetings in their organisation's
neighbourhoods, grouped by meeting with links to the walls, and the public questions for
partners. Internal cards stay with the organisers: the page only counts internal questions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest.for_partners import CARDS_PER_MEETING, MEETINGS_SHOWN
from wijkdialoog.harvest.models import Card

Publication, Status = Card.Publication, Card.Status


def card(meeting, text, kind="dream", publication=Publication.ANONYMOUS, **extra):
    return Card.objects.create(
        meeting=meeting, kind=kind, text=text, publication=publication, **extra
    )


@pytest.fixture
def past(neighbourhood):
    return make_meeting(neighbourhood, days=-7, hours=-0.5)


def my_page(client, persona):
    client.force_login(persona.person.user)
    response = client.get(reverse("my-page"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_partner_sees_the_public_cards_of_past_meetings_with_a_link_to_the_wall(
    client, partner, past
):
    card(past, "Een moestuin op het plein")
    card(past, "Samen koken", kind="idea", publication=Publication.PUBLIC, first_name="Anna")

    html = my_page(client, partner)

    section = html.split('id="partner-harvest"', 1)[1]
    assert f'id="partner-meeting-{past.pk}"' in section
    assert "Een moestuin op het plein" in section
    assert "Samen koken" in section
    assert reverse("harvest-wall", args=[past.pk]) in section


def test_a_partner_never_sees_internal_pending_or_private_cards(client, partner, past):
    card(past, "Intern verhaal", publication=Publication.INTERNAL)
    card(past, "Nog niet goedgekeurd", status=Status.PENDING)
    card(past, "Afgewezen", status=Status.REJECTED)
    card(past, "Mijn eigen stap", kind="action", owner=None)
    card(past, "Vraag alleen intern", kind="question", publication=Publication.INTERNAL)

    html = my_page(client, partner)

    for hidden in (
        "Intern verhaal",
        "Nog niet goedgekeurd",
        "Afgewezen",
        "Mijn eigen stap",
        "Vraag alleen intern",
    ):
        assert hidden not in html
    assert f'id="partner-meeting-{past.pk}"' not in html
    assert 'id="partner-internal-questions"' in html


def test_a_partner_sees_the_public_questions_for_partners_and_a_count_of_internal_ones(
    client, partner, past
):
    card(past, "Kan de gemeente een bankje plaatsen?", kind="question")
    card(
        past,
        "Wie maait het gras?",
        kind="question",
        publication=Publication.PUBLIC,
        first_name="Bram",
    )
    card(past, "Een zorg over de buurman", kind="question", publication=Publication.INTERNAL)
    card(past, "Een droom, geen vraag")

    html = my_page(client, partner)

    questions = html.split('id="partner-questions"', 1)[1].split('id="partner-harvest"', 1)[0]
    assert "Kan de gemeente een bankje plaatsen?" in questions
    assert "Wie maait het gras?" in questions
    assert "Bram" in questions
    assert "Een zorg over de buurman" not in html
    assert "Een droom, geen vraag" not in questions
    assert "1 vraag die alleen voor de organisatoren is" in questions
    # The harvest below shows the other cards, so a question is not listed twice.
    harvest = html.split('id="partner-harvest"', 1)[1]
    assert "Een droom, geen vraag" in harvest
    assert "Kan de gemeente een bankje plaatsen?" not in harvest


def test_only_meetings_that_are_over_published_and_not_cancelled_count(
    client, partner, neighbourhood, past
):
    now_running = make_meeting(neighbourhood, days=0, hours=-0.5)
    cancelled = make_meeting(neighbourhood, days=-3, hours=-0.5)
    Meeting.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    unpublished = make_meeting(neighbourhood, days=-2, hours=-0.5)
    Meeting.objects.filter(pk=unpublished.pk).update(publish_at=None)
    for meeting in (now_running, cancelled, unpublished):
        card(meeting, f"Kaart van {meeting.pk}", kind="question")

    html = my_page(client, partner)

    for meeting in (now_running, cancelled, unpublished):
        assert f"Kaart van {meeting.pk}" not in html
        assert f'id="partner-meeting-{meeting.pk}"' not in html


def test_a_partner_sees_nothing_of_another_organisation(client, partner, past, other_organisation):
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    theirs = make_meeting(elsewhere, days=-4, hours=-0.5)
    card(theirs, "Kaart van elders", kind="question")

    html = my_page(client, partner)

    assert "Kaart van elders" not in html
    assert f'id="partner-meeting-{theirs.pk}"' not in html


def test_a_partner_without_harvest_gets_a_plain_explanation(client, partner):
    html = my_page(client, partner)
    assert "Er zijn nog geen openbare vragen voor partners." in html
    assert "Er is nog geen openbare oogst van eerdere bijeenkomsten." in html


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in ("anonymous", "partner")])
def test_only_partners_get_the_partner_sections(client_for, persona, past):
    card(past, "Een openbare vraag", kind="question")
    response = client_for(persona).get(reverse("my-page"))
    html = response.content.decode()
    assert 'id="partner-questions"' not in html
    assert 'id="partner-harvest"' not in html
    assert "Een openbare vraag" not in html


def test_an_anonymous_visitor_is_sent_to_the_login_page(client_for):
    response = client_for("anonymous").get(reverse("my-page"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_partner_page_shows_the_newest_meetings_and_cards_within_limits(
    client, partner, neighbourhood
):
    meetings = [
        make_meeting(neighbourhood, days=-30 + n, hours=-0.5) for n in range(MEETINGS_SHOWN + 2)
    ]
    for meeting in meetings:
        for n in range(CARDS_PER_MEETING + 2):
            card(meeting, f"Kaart {meeting.pk}-{n}")

    html = my_page(client, partner)

    shown = [m for m in meetings if f'id="partner-meeting-{m.pk}"' in html]
    assert shown == meetings[-MEETINGS_SHOWN:]
    newest = meetings[-1]
    assert f"Kaart {newest.pk}-{CARDS_PER_MEETING + 1}" in html
    assert f"Kaart {newest.pk}-0<" not in html


def test_the_partner_page_takes_a_fixed_number_of_queries(
    client, partner, neighbourhood, django_assert_max_num_queries
):
    client.force_login(partner.person.user)

    def count(limit):
        with django_assert_max_num_queries(limit) as captured:
            assert client.get(reverse("my-page")).status_code == 200
        return len(captured)

    card(make_meeting(neighbourhood, days=-20, hours=-0.5), "Een vraag", kind="question")
    small = count(25)
    for days in (-10, -9, -8, -7):
        meeting = make_meeting(neighbourhood, days=days, hours=-0.5)
        for n in range(10):
            card(meeting, f"Kaart {n}", kind="question" if n % 2 else "dream")
            card(meeting, f"Intern {n}", kind="question", publication=Publication.INTERNAL)
    assert count(small) == small
