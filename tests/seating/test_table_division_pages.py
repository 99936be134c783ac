"""Dividing a meeting over its tables, moving people by hand, and who may do it."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import fill, make_meeting, make_registration
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations.models import Registration
from wijkdialoog.seating import table_moves
from wijkdialoog.seating.table_division import divide_over_tables

Status = Registration.Status


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, seats=(6, 6, 6), days=7)


def tables_of(meeting):
    return {t.number: t for t in meeting.tables.all()}


def seated(meeting) -> Counter:
    return Counter(
        meeting.registrations.filter(status=Status.CONFIRMED).values_list(
            "table__number", flat=True
        )
    )


def test_dividing_seats_every_confirmed_person_and_writes_the_counts_to_the_audit_log(
    meeting, organiser
):
    fill(meeting, 15)
    make_registration(meeting, "Wachter", status=Status.WAITING)
    result = divide_over_tables(meeting=meeting, actor=organiser.person.user)
    assert result.placed == 15
    assert result.unplaced == []
    assert seated(meeting) == {1: 5, 2: 5, 3: 5}
    assert meeting.registrations.get(person__first_name="Wachter").table is None
    entry = AuditEntry.objects.get(action="meeting.divided_over_tables")
    assert entry.object_id == str(meeting.pk)
    assert entry.payload["placed"] == 15
    assert entry.payload["tables"] == 3
    assert entry.actor == organiser.person.user


def test_people_beyond_the_seats_are_reported_and_get_no_table(meeting, organiser):
    people = fill(meeting, 20)
    result = divide_over_tables(meeting=meeting, actor=organiser.person.user)
    assert {r.pk for r in result.unplaced} == {p.pk for p in people[-2:]}
    assert max(seated(meeting)[n] for n in (1, 2, 3)) == 6
    assert AuditEntry.objects.get(action="meeting.divided_over_tables").payload["unplaced"] == 2


def test_people_registered_together_sit_at_the_same_table(meeting, organiser):
    fill(meeting, 10)
    lead = make_registration(meeting, "Anneke", age_group="55-74")
    companion = make_registration(meeting, "Joke", party_lead=lead, age_group="55-74")
    divide_over_tables(meeting=meeting, actor=organiser.person.user)
    lead.refresh_from_db()
    companion.refresh_from_db()
    assert lead.table_id is not None
    assert companion.table_id == lead.table_id


def test_dividing_again_keeps_a_person_moved_by_hand(meeting, organiser):
    people = fill(meeting, 12)
    user = organiser.person.user
    divide_over_tables(meeting=meeting, actor=user)
    person = Registration.objects.get(pk=people[0].pk)
    target = next(t for n, t in tables_of(meeting).items() if t.pk != person.table_id)
    table_moves.move_to_table(registration=person, table=target, actor=user)
    for _ in range(3):
        fill(meeting, 1, start=100 + _)
        result = divide_over_tables(meeting=meeting, actor=user)
        person.refresh_from_db()
        assert person.table == target
        assert person.table_locked
        assert result.kept == 1


def test_a_table_filled_by_hand_takes_nobody_else(meeting, organiser):
    people = fill(meeting, 12)
    user = organiser.person.user
    table = tables_of(meeting)[1]
    for person in people[:6]:
        table_moves.move_to_table(registration=person, table=table, actor=user)
    divide_over_tables(meeting=meeting, actor=user)
    assert set(Registration.objects.filter(table=table).values_list("pk", flat=True)) == {
        p.pk for p in people[:6]
    }


def test_moving_someone_moves_their_party_and_records_it(meeting, organiser):
    lead = make_registration(meeting, "Anneke")
    companion = make_registration(meeting, "Joke", party_lead=lead)
    table = tables_of(meeting)[2]
    table_moves.move_to_table(registration=companion, table=table, actor=organiser.person.user)
    for registration in (lead, companion):
        registration.refresh_from_db()
        assert registration.table == table
        assert registration.table_locked
    entry = AuditEntry.objects.get(action="registration.moved_to_table")
    assert entry.payload == {"from_tables": [], "to_table": table.pk, "party_size": 2}


def test_unlocking_lets_the_division_place_them_again(meeting, organiser):
    person = make_registration(meeting, "Anneke")
    user = organiser.person.user
    table_moves.move_to_table(registration=person, table=tables_of(meeting)[3], actor=user)
    table_moves.unlock(registration=person, actor=user)
    person.refresh_from_db()
    assert not person.table_locked
    assert person.table == tables_of(meeting)[3]
    assert AuditEntry.objects.filter(action="registration.table_unlocked").count() == 1


# --- the page --------------------------------------------------------------------------------


def division_url(meeting):
    return reverse("table-division", args=[meeting.pk])


def move_url(meeting, registration):
    return reverse("table-move", args=[meeting.pk, registration.pk])


def test_the_page_shows_each_table_with_its_people_and_the_score(meeting, client_for):
    fill(meeting, 9)
    make_registration(meeting, "Anneke", access_needs="Rolstoel", first_time=True)
    client = client_for("organiser")
    client.post(division_url(meeting))
    response = client.get(division_url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    for number in (1, 2, 3):
        assert f'id="table-{number}"' in page
    assert "Anneke" in page
    assert "Rolstoel" in page
    assert 'id="mix-score"' in page
    plan = table_moves.seating_plan(meeting)
    assert plan.placed == 10
    assert response.context["plan"].score == plan.score


def test_the_divide_button_divides_and_comes_back_to_the_page(meeting, client_for):
    fill(meeting, 8)
    response = client_for("organiser").post(division_url(meeting))
    assert response.status_code == 302
    assert response.url == division_url(meeting)
    assert sum(seated(meeting)[n] for n in (1, 2, 3)) == 8


def test_the_move_form_places_someone_by_hand(meeting, client_for):
    person = make_registration(meeting, "Anneke")
    table = tables_of(meeting)[2]
    response = client_for("organiser").post(move_url(meeting, person), {"table": table.pk})
    assert response.status_code == 302
    assert response.url.endswith(f"#person-{person.pk}")
    person.refresh_from_db()
    assert person.table == table
    assert person.table_locked


def test_the_move_form_refuses_a_full_table(neighbourhood, client_for):
    meeting = make_meeting(neighbourhood, seats=(4, 6), days=7)
    people = fill(meeting, 5)
    full = tables_of(meeting)[1]
    Registration.objects.filter(pk__in=[p.pk for p in people[:4]]).update(table=full)
    client = client_for("organiser")
    response = client.post(move_url(meeting, people[4]), {"table": full.pk}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    people[4].refresh_from_db()
    assert people[4].table is None
    assert not people[4].table_locked
    assert Registration.objects.filter(table=full).count() == 4


def test_the_move_form_refuses_a_party_that_does_not_fit(neighbourhood, client_for):
    meeting = make_meeting(neighbourhood, seats=(4, 6), days=7)
    people = fill(meeting, 3)
    table = tables_of(meeting)[1]
    Registration.objects.filter(pk__in=[p.pk for p in people]).update(table=table)
    lead = make_registration(meeting, "Anneke")
    make_registration(meeting, "Joke", party_lead=lead)
    client_for("organiser").post(move_url(meeting, lead), {"table": table.pk})
    assert Registration.objects.filter(table=table).count() == 3


def test_the_move_form_refuses_a_table_of_another_meeting(meeting, neighbourhood, client_for):
    other = make_meeting(neighbourhood, seats=(6,), days=7)
    person = make_registration(meeting, "Anneke")
    response = client_for("organiser").post(
        move_url(meeting, person), {"table": other.tables.get().pk}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.table is None


def test_the_unlock_button_frees_someone_placed_by_hand(meeting, client_for):
    person = make_registration(meeting, "Anneke", table_locked=True)
    person.table = tables_of(meeting)[1]
    person.save()
    response = client_for("organiser").post(reverse("table-unlock", args=[meeting.pk, person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.table_locked


def test_the_page_uses_the_same_number_of_queries_for_many_people(
    neighbourhood, client_for, django_assert_max_num_queries
):
    small = make_meeting(neighbourhood, seats=(6, 6), days=7)
    fill(small, 6)
    large = make_meeting(neighbourhood, seats=(8,) * 10, days=7)
    fill(large, 70, start=10)
    lead = Registration.objects.filter(meeting=large).first()
    make_registration(large, "Joke", party_lead=lead)
    client = client_for("organiser")
    for meeting in (small, large):
        client.post(division_url(meeting))
    with CaptureQueriesContext(connection) as few:
        assert client.get(division_url(small)).status_code == 200
    with django_assert_max_num_queries(len(few)):
        assert client.get(division_url(large)).status_code == 200


# --- who may do it ---------------------------------------------------------------------------

ALLOWED = {"organiser"}


def _requests(meeting, person, table):
    return [
        ("get", division_url(meeting), {}),
        ("post", division_url(meeting), {}),
        ("post", move_url(meeting, person), {"table": table.pk}),
        ("post", reverse("table-unlock", args=[meeting.pk, person.pk]), {}),
        ("get", reverse("table-cards", args=[meeting.pk]), {}),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_of_the_organisation_divide_move_and_print(meeting, persona, client_for):
    person = make_registration(meeting, "Anneke")
    table = tables_of(meeting)[1]
    client = client_for(persona)
    for method, url, data in _requests(meeting, person, table):
        response = getattr(client, method)(url, data)
        if persona in ALLOWED:
            assert response.status_code in (200, 302), url
        elif persona == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("login")), url
        else:
            assert response.status_code == 403, url
    person.refresh_from_db()
    if persona not in ALLOWED:
        assert person.table is None
        assert not AuditEntry.objects.filter(action__startswith="meeting.divided").exists()


def test_a_registration_of_another_meeting_cannot_be_moved_through_this_one(
    meeting, neighbourhood, client_for
):
    other = make_meeting(neighbourhood, seats=(6,), days=7)
    stranger = make_registration(other, "Anneke")
    response = client_for("organiser").post(
        move_url(meeting, stranger), {"table": tables_of(meeting)[1].pk}
    )
    assert response.status_code == 404


def test_languages_from_the_registration_decide_the_table(neighbourhood, organiser):
    meeting = make_meeting(neighbourhood, seats=(6, 6), languages={2: "en"}, days=7)
    fill(meeting, 5)
    olena = make_registration(meeting, "Olena", languages="Oekraïens, Engels")
    divide_over_tables(meeting=meeting, actor=organiser.person.user)
    olena.refresh_from_db()
    assert olena.table.number == 2
    assert seated(meeting) == {1: 5, 2: 1}


def test_the_page_warns_when_dutch_speakers_fill_up_a_table_in_another_language(
    neighbourhood, client_for
):
    meeting = make_meeting(neighbourhood, seats=(4, 4), languages={2: "en"}, days=7)
    fill(meeting, 6)
    client = client_for("organiser")
    client.post(division_url(meeting))
    assert seated(meeting) == {1: 4, 2: 2}
    response = client.get(division_url(meeting))
    assert response.context["plan"].language_mismatches == 2
    assert 'id="language-warning"' in response.content.decode()
