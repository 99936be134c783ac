"""The harvest wall: what it shows, to whom, and how it answers its polls."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import (
    PHASES_EN,
    make_card,
    make_harvest_meeting,
    make_method,
    make_person,
    phase,
)
from tests.conftest import PERSONAS
from wijkdialoog.harvest.models import Card
from wijkdialoog.harvest.wall import CARDS_PER_PHASE

Publication = Card.Publication
Status = Card.Status


@pytest.fixture
def meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood, tables=3)


def wall_url(meeting):
    return reverse("harvest-wall", args=[meeting.pk])


def cards_url(meeting):
    return reverse("harvest-wall-cards", args=[meeting.pk])


def card_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="card-(\d+)"', html)]


def wall_count(html: str) -> str:
    return re.search(r'id="wall-count">(.*?)</p>', html, re.S).group(1)


def phase_headings(html: str) -> list[str]:
    return [
        " ".join(h.split())
        for h in re.findall(r'class="wd-wall__phase-name"[^>]*>(.*?)</h3>', html, re.S)
    ]


def test_the_wall_shows_public_cards_grouped_by_phase_in_method_order_newest_first(client, meeting):
    tables = list(meeting.tables.order_by("number"))
    dream_1 = make_card(meeting, "Een groen plein", phase=phase(meeting, 3), table=tables[0])
    story = make_card(meeting, "De buren hielpen", phase=phase(meeting, 2), table=tables[1])
    dream_2 = make_card(meeting, "Samen eten", phase=phase(meeting, 3), table=tables[2])
    meet = make_card(meeting, "Ik woon hier al lang", phase=phase(meeting, 1), table=tables[0])

    html = client.get(wall_url(meeting)).content.decode()

    assert phase_headings(html) == ["Kennismaken", "Ervaringen delen", "Dromen"]
    assert card_ids(html) == [meet.pk, story.pk, dream_2.pk, dream_1.pk]
    assert 'id="wall-count"' in html


def test_internal_pending_rejected_and_private_action_cards_never_appear(client, meeting):
    dreams = phase(meeting, 3)
    doing = phase(meeting, 4)
    owner = make_person(meeting.series.neighbourhood.organisation, first_name="Anneke")
    shown = [
        make_card(meeting, "Openbaar", phase=dreams),
        make_card(meeting, "Zonder naam", phase=dreams, publication=Publication.ANONYMOUS),
        make_card(meeting, "Gedeelde actie", phase=doing, kind="action", owner=owner, shared=True),
    ]
    hidden = [
        make_card(meeting, "Alleen intern", phase=dreams, publication=Publication.INTERNAL),
        make_card(meeting, "Wacht op akkoord", phase=dreams, status=Status.PENDING),
        make_card(meeting, "Afgewezen", phase=dreams, status=Status.REJECTED),
        make_card(meeting, "Mijn eigen stap", phase=doing, kind="action", owner=owner),
        make_card(meeting, "Actie zonder eigenaar", phase=doing, kind="action"),
    ]

    for url in (wall_url(meeting), cards_url(meeting)):
        html = client.get(url).content.decode()
        assert sorted(card_ids(html)) == sorted(c.pk for c in shown)
        for card in hidden:
            assert card.text not in html
    # Only the cards on the wall are counted, and the one table they came from.
    assert re.findall(r"\d+", wall_count(html)) == ["3", "1"]


def test_a_first_name_is_shown_only_when_the_card_is_public_with_name(client, meeting):
    dreams = phase(meeting, 3)
    named = make_card(meeting, "Met naam", phase=dreams, first_name="Fatma")
    anonymous = make_card(
        meeting,
        "Zonder naam",
        phase=dreams,
        first_name="Wilhelmina",
        publication=Publication.ANONYMOUS,
    )

    html = client.get(cards_url(meeting)).content.decode()

    assert named.pk in card_ids(html) and anonymous.pk in card_ids(html)
    assert "Fatma" in html
    assert "Wilhelmina" not in html


def test_the_cards_answer_304_while_nothing_changed_and_200_when_a_card_arrives(client, meeting):
    make_card(meeting, "Eerste kaart", phase=phase(meeting, 2))
    first = client.get(cards_url(meeting))
    etag = first.headers["ETag"]
    assert first.status_code == 200
    assert "no-cache" in first.headers["Cache-Control"]
    assert "private" in first.headers["Cache-Control"]
    # The fragment tells htmx to send its version with the next poll.
    assert "If-None-Match" in first.content.decode()

    again = client.get(cards_url(meeting), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag

    new = make_card(meeting, "Nieuwe kaart", phase=phase(meeting, 3))
    changed = client.get(cards_url(meeting), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert new.pk in card_ids(changed.content.decode())


def test_the_version_changes_when_a_card_leaves_the_wall(client, meeting):
    keep = make_card(meeting, "Blijft", phase=phase(meeting, 2))
    leave = make_card(meeting, "Gaat weg", phase=phase(meeting, 2))
    etag = client.get(cards_url(meeting)).headers["ETag"]

    leave.publication = Publication.INTERNAL
    leave.save()
    after_internal = client.get(cards_url(meeting), HTTP_IF_NONE_MATCH=etag)
    assert after_internal.status_code == 200
    assert card_ids(after_internal.content.decode()) == [keep.pk]

    etag = after_internal.headers["ETag"]
    keep.delete()
    after_delete = client.get(cards_url(meeting), HTTP_IF_NONE_MATCH=etag)
    assert after_delete.status_code == 200
    assert 'id="wall-empty"' in after_delete.content.decode()


def test_a_card_that_is_not_public_does_not_change_the_version(client, meeting):
    make_card(meeting, "Openbaar", phase=phase(meeting, 2))
    etag = client.get(cards_url(meeting)).headers["ETag"]
    make_card(meeting, "Wacht", phase=phase(meeting, 2), status=Status.PENDING)
    make_card(meeting, "Intern", phase=phase(meeting, 2), publication=Publication.INTERNAL)
    assert client.get(cards_url(meeting), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_version_differs_per_language(client, meeting):
    make_card(meeting, "Openbaar", phase=phase(meeting, 2))
    dutch = client.get(cards_url(meeting), HTTP_ACCEPT_LANGUAGE="nl").headers["ETag"]
    english = client.get(cards_url(meeting), HTTP_ACCEPT_LANGUAGE="en").headers["ETag"]
    assert dutch != english


def test_the_number_of_queries_does_not_grow_with_the_number_of_cards(client, meeting):
    tables = list(meeting.tables.all())

    def count_queries(headers=None) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(cards_url(meeting), **(headers or {}))
        assert response.status_code in (200, 304)
        return len(queries)

    make_card(meeting, "Een", phase=phase(meeting, 1))
    few = count_queries()
    for i in range(80):
        make_card(
            meeting,
            f"Kaart {i}",
            phase=phase(meeting, 1 + i % 4),
            table=tables[i % 3],
            first_name="Sam" if i % 2 else "",
            kind="dream" if i % 3 else "idea",
        )
    many = count_queries()
    assert many == few
    assert few <= 4
    etag = client.get(cards_url(meeting)).headers["ETag"]
    assert count_queries({"HTTP_IF_NONE_MATCH": etag}) <= 2


def test_each_phase_shows_its_newest_cards_and_counts_the_others(client, meeting):
    dreams = phase(meeting, 3)
    cards = [make_card(meeting, f"Droom {i}", phase=dreams) for i in range(CARDS_PER_PHASE + 3)]
    story = make_card(meeting, "Een verhaal", phase=phase(meeting, 2))

    html = client.get(cards_url(meeting)).content.decode()

    shown = card_ids(html)
    assert shown == [story.pk] + [c.pk for c in reversed(cards)][:CARDS_PER_PHASE]
    assert "wd-wall__more" in html
    assert str(CARDS_PER_PHASE + 3) in html


def test_the_english_and_dutch_versions_of_a_phase_are_one_group(client, meeting):
    english = make_method(
        meeting.method.organisation, family=meeting.method.family, language="en", phases=PHASES_EN
    )
    tables = list(meeting.tables.order_by("number"))
    dutch_dream = make_card(meeting, "Een speeltuin", phase=phase(meeting, 3), table=tables[0])
    english_dream = make_card(
        meeting, "A community garden", phase=english.phases.get(position=3), table=tables[2]
    )
    no_phase = make_card(meeting, "Zonder fase", phase=None, table=tables[1])

    dutch_html = client.get(cards_url(meeting), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert phase_headings(dutch_html)[0] == "Dromen"
    assert len(phase_headings(dutch_html)) == 2
    assert card_ids(dutch_html) == [english_dream.pk, dutch_dream.pk, no_phase.pk]

    english_html = client.get(cards_url(meeting), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert phase_headings(english_html)[0] == "Dreaming"


def test_the_wall_page_polls_its_cards_and_has_a_plain_refresh_link(client, meeting):
    make_card(meeting, "Openbaar", phase=phase(meeting, 2))
    response = client.get(wall_url(meeting))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'hx-get="{cards_url(meeting)}"' in html
    assert 'hx-trigger="every 3s"' in html
    assert 'hx-swap="outerHTML"' in html
    assert f'id="wall-refresh" href="{wall_url(meeting)}"' in html
    assert "harvest/wall.js" in html
    assert "<script>" not in html


def test_an_empty_wall_says_so(client, meeting):
    html = client.get(wall_url(meeting)).content.decode()
    assert 'id="wall-empty"' in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_wall_of_a_published_meeting_is_open_to_everyone(client_for, meeting, persona):
    client = client_for(persona)
    make_card(meeting, "Openbaar", phase=phase(meeting, 2))
    assert client.get(wall_url(meeting)).status_code == 200
    assert client.get(cards_url(meeting)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 404),
        ("organiser", 200),
        ("facilitator", 404),
        ("partner", 404),
        ("trainer", 404),
        ("outsider", 404),
    ],
)
def test_the_wall_of_an_unpublished_meeting_does_not_exist_except_for_its_organisers(
    client_for, neighbourhood, persona, status
):
    # Like the meeting page: a login page or 403 would tell a stranger something is planned.
    meeting = make_harvest_meeting(neighbourhood, published=False, days=5)
    client = client_for(persona)
    for url in (wall_url(meeting), cards_url(meeting)):
        assert client.get(url).status_code == status


def test_the_wall_of_an_unknown_meeting_is_not_found(client, db):
    assert client.get(reverse("harvest-wall", args=[999999])).status_code == 404
    assert client.get(reverse("harvest-wall-cards", args=[999999])).status_code == 404


def test_the_cards_only_answer_reading(client, meeting):
    assert client.post(cards_url(meeting)).status_code == 405
