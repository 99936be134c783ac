"""Swapping two people between full tables (parties move along, or the swap is refused), and
the message when a table has no room, in English and Dutch with proper plurals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.builders import make_meeting, make_registration
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations.models import Registration
from wijkdialoog.seating import table_moves


@pytest.fixture
def full(neighbourhood):
    """Two full tables of four: Anneke (with Joke) and two others at table 1, four at table 2."""
    meeting = make_meeting(neighbourhood, seats=(4, 4), days=7)
    one, two = meeting.tables.order_by("number")
    people = {}
    people["anneke"] = make_registration(meeting, "Anneke", table=one)
    people["joke"] = make_registration(meeting, "Joke", table=one, party_lead=people["anneke"])
    for name in ("Bram", "Carla"):
        people[name.lower()] = make_registration(meeting, name, table=one)
    for name in ("Dirk", "Els", "Fatima", "Gerrit"):
        people[name.lower()] = make_registration(meeting, name, table=two)
    return meeting, one, two, people


def table_of(registration):
    return Registration.objects.get(pk=registration.pk).table


def test_two_people_swap_between_full_tables_and_stay_placed_by_hand(full, organiser):
    meeting, one, two, people = full
    table_moves.swap_seats(first=people["bram"], second=people["dirk"], actor=organiser.person.user)
    assert table_of(people["bram"]) == two
    assert table_of(people["dirk"]) == one
    assert Registration.objects.get(pk=people["bram"].pk).table_locked
    assert Registration.objects.get(pk=people["dirk"].pk).table_locked
    assert Registration.objects.filter(table=one).count() == 4
    assert Registration.objects.filter(table=two).count() == 4
    entry = AuditEntry.objects.get(action="registration.seats_swapped")
    assert entry.object_id == str(people["bram"].pk)
    assert entry.payload == {
        "with_registration": people["dirk"].pk,
        "tables": [one.pk, two.pk],
        "party_sizes": [1, 1],
    }


def test_parties_of_the_same_size_swap_together(full, organiser):
    meeting, one, two, people = full
    people["els"].party_lead = people["dirk"]
    people["els"].save()
    table_moves.swap_seats(first=people["joke"], second=people["dirk"], actor=organiser.person.user)
    assert {table_of(people[n]) for n in ("anneke", "joke")} == {two}
    assert {table_of(people[n]) for n in ("dirk", "els")} == {one}


def test_a_swap_that_would_overfill_a_table_is_refused_with_a_clear_message(full, organiser):
    meeting, one, two, people = full
    with translation.override("en"), pytest.raises(table_moves.TableFull) as refused:
        table_moves.swap_seats(
            first=people["anneke"], second=people["dirk"], actor=organiser.person.user
        )
    assert refused.value.messages == [
        "Anneke comes with 1 other person. Table 2 would then have 1 person too many. "
        "Swap with a group of the same size, or move someone else first."
    ]
    assert table_of(people["anneke"]) == one
    assert table_of(people["joke"]) == one
    assert table_of(people["dirk"]) == two
    assert not AuditEntry.objects.filter(action="registration.seats_swapped").exists()


def test_people_at_the_same_table_or_without_a_table_cannot_swap(full, organiser):
    meeting, one, two, people = full
    loose = make_registration(meeting, "Hans")
    user = organiser.person.user
    with pytest.raises(table_moves.ValidationError):
        table_moves.swap_seats(first=people["bram"], second=people["carla"], actor=user)
    with pytest.raises(table_moves.ValidationError):
        table_moves.swap_seats(first=people["anneke"], second=people["joke"], actor=user)
    with pytest.raises(table_moves.ValidationError):
        table_moves.swap_seats(first=loose, second=people["dirk"], actor=user)


@pytest.mark.parametrize(
    ("language", "taken", "needed", "expected"),
    [
        ("en", 4, 1, "Table 1 is full. 1 seat is needed."),
        ("en", 3, 2, "Table 1 has only 1 free seat. 2 seats are needed."),
        ("en", 2, 3, "Table 1 has only 2 free seats. 3 seats are needed."),
        ("nl", 4, 1, "Tafel 1 is vol. Er is 1 plaats nodig."),
        ("nl", 3, 2, "Tafel 1 heeft nog maar 1 vrije plaats. Er zijn 2 plaatsen nodig."),
        ("nl", 2, 3, "Tafel 1 heeft nog maar 2 vrije plaatsen. Er zijn 3 plaatsen nodig."),
    ],
)
def test_the_no_room_message_uses_the_right_plural(full, language, taken, needed, expected):
    meeting, one, two, people = full
    with translation.override(language):
        assert table_moves.no_room_message(one, taken, needed).startswith(expected)


def swap_url(meeting, registration):
    return reverse("table-swap", args=[meeting.pk, registration.pk])


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_swap_seats(full, client_for, persona):
    meeting, one, two, people = full
    client = client_for(persona)
    page = client.get(swap_url(meeting, people["bram"]))
    done = client.post(swap_url(meeting, people["bram"]), {"other": people["dirk"].pk})
    if persona == "organiser":
        assert page.status_code == 200
        assert done.status_code == 302
        assert (
            done.url
            == reverse("table-division", args=[meeting.pk]) + f"#person-{people['bram'].pk}"
        )
        assert table_of(people["bram"]) == two
    else:
        assert page.status_code in (302, 403)
        assert done.status_code in (302, 403)
        if persona == "anonymous":
            assert done.url.startswith(reverse("login"))
        assert table_of(people["bram"]) == one


def test_the_swap_page_lists_only_people_at_other_tables(full, client_for):
    meeting, one, two, people = full
    html = client_for("organiser").get(swap_url(meeting, people["bram"])).content.decode()
    for name in ("dirk", "els", "fatima", "gerrit"):
        assert f'id="swap-{people[name].pk}"' in html
    for name in ("anneke", "carla"):
        assert f'id="swap-{people[name].pk}"' not in html
    assert f"Bram zit aan {one}." in html


def test_a_refused_swap_stays_on_the_choice_with_the_reason(full, client_for):
    meeting, one, two, people = full
    response = client_for("organiser").post(
        swap_url(meeting, people["anneke"]), {"other": people["dirk"].pk}
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["other"]
    assert "Anneke" in error
    assert 'id="swap-errors"' in response.content.decode()
    assert table_of(people["anneke"]) == one


def test_the_division_page_offers_a_swap_for_everyone_with_a_table(full, client_for):
    meeting, one, two, people = full
    html = client_for("organiser").get(reverse("table-division", args=[meeting.pk])).content
    assert swap_url(meeting, people["bram"]) in html.decode()


def test_the_swap_page_uses_the_same_number_of_queries_for_many_people(
    neighbourhood, client_for, django_assert_max_num_queries
):
    client = client_for("organiser")
    sizes = {}
    for count, seats in ((4, (4, 4)), (48, (8,) * 6)):
        meeting = make_meeting(neighbourhood, seats=seats, days=7)
        tables = list(meeting.tables.all())
        people = [
            make_registration(meeting, f"Gast{i}", table=tables[i % len(tables)])
            for i in range(count)
        ]
        make_registration(meeting, "Joke", table=tables[1], party_lead=people[1])
        sizes[count] = (meeting, people[0])
    small_meeting, small_person = sizes[4]
    with CaptureQueriesContext(connection) as few:
        assert client.get(swap_url(small_meeting, small_person)).status_code == 200
    large_meeting, large_person = sizes[48]
    with django_assert_max_num_queries(len(few)):
        assert client.get(swap_url(large_meeting, large_person)).status_code == 200
