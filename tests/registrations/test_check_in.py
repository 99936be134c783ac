"""Check-in at the door: by button, by code, undo, walk-ins, the counts, and who may do it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import fill, make_meeting, make_registration
from tests.conftest import PERSONAS
from wijkdialoog.community.models import Person
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations import check_in
from wijkdialoog.registrations.models import Registration

Status = Registration.Status


@pytest.fixture
def meeting(neighbourhood, facilitator):
    """Starting now, with the facilitator persona at table 1 (who else may check in is tested
    in test_check_in_access.py)."""
    meeting = make_meeting(neighbourhood, seats=(4, 4), days=0)
    meeting.tables.filter(number=1).update(facilitator=facilitator.person)
    return meeting


def page_url(meeting):
    return reverse("check-in", args=[meeting.pk])


def person_url(meeting, registration):
    return reverse("check-in-person", args=[meeting.pk, registration.pk])


def undo_url(meeting, registration):
    return reverse("check-in-undo", args=[meeting.pk, registration.pk])


def code_url(meeting):
    return reverse("check-in-code", args=[meeting.pk])


def walk_in_url(meeting):
    return reverse("check-in-walk-in", args=[meeting.pk])


def walk_in_data(**extra):
    data = {"walk_in-first_name": "Kees", "walk_in-consent": "on"}
    data.update(extra)
    return data


def test_the_button_checks_someone_in_and_records_it(meeting, client_for, facilitator):
    person = make_registration(meeting, "Anneke")
    response = client_for("facilitator").post(person_url(meeting, person), {"q": "ann"})
    assert response.status_code == 302
    assert response.url == f"{page_url(meeting)}?q=ann#registration-{person.pk}"
    person.refresh_from_db()
    assert person.checked_in_at is not None
    entry = AuditEntry.objects.get(action="registration.checked_in")
    assert entry.object_id == str(person.pk)
    assert entry.actor == facilitator.person.user


def test_checking_in_twice_keeps_the_first_moment(meeting, organiser):
    person = make_registration(meeting, "Anneke")
    user = organiser.person.user
    assert check_in.check_in(registration=person, actor=user)
    first = Registration.objects.get(pk=person.pk).checked_in_at
    assert not check_in.check_in(registration=person, actor=user)
    assert Registration.objects.get(pk=person.pk).checked_in_at == first
    assert AuditEntry.objects.filter(action="registration.checked_in").count() == 1


def test_undo_takes_a_check_in_back(meeting, client_for):
    person = make_registration(meeting, "Anneke")
    client = client_for("organiser")
    client.post(person_url(meeting, person))
    response = client.post(undo_url(meeting, person))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.checked_in_at is None
    assert AuditEntry.objects.filter(action="registration.check_in_undone").count() == 1


def test_people_on_the_waiting_list_cannot_be_checked_in_by_button(meeting, client_for):
    person = make_registration(meeting, "Anneke", status=Status.WAITING)
    client_for("organiser").post(person_url(meeting, person))
    person.refresh_from_db()
    assert person.checked_in_at is None


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {a}-{b} ", "{a} – {b}"])
def test_the_code_from_the_mail_checks_someone_in_in_any_spelling(meeting, client_for, typed):
    person = make_registration(meeting, "Anneke")
    code = person.check_in_code
    text = typed.format(code=code, lower=code.lower(), a=code[:3], b=code[3:].lower())
    response = client_for("organiser").post(code_url(meeting), {"code": text})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.checked_in_at is not None


def test_an_unknown_code_shows_an_error_next_to_the_field(meeting, neighbourhood, client_for):
    other = make_meeting(neighbourhood, seats=(4,), days=7)
    stranger = make_registration(other, "Anneke")
    response = client_for("organiser").post(code_url(meeting), {"code": stranger.check_in_code})
    assert response.status_code == 200
    assert response.context["code_form"].errors["code"]
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


def test_a_code_of_someone_on_the_waiting_list_is_refused(meeting, client_for):
    person = make_registration(meeting, "Anneke", status=Status.WAITING)
    response = client_for("organiser").post(code_url(meeting), {"code": person.check_in_code})
    assert response.context["code_form"].errors["code"]
    person.refresh_from_db()
    assert person.checked_in_at is None


def test_a_walk_in_is_registered_checked_in_and_seated_at_a_table_with_room(
    meeting, client_for, organiser
):
    full = meeting.tables.get(number=1)
    for person in fill(meeting, 4):
        person.table = full
        person.save()
    response = client_for("organiser").post(
        walk_in_url(meeting),
        walk_in_data(**{"walk_in-phone": "06 1234 5678", "walk_in-age_group": "65+"}),
    )
    assert response.status_code == 302
    walk_in = Registration.objects.get(person__first_name="Kees")
    assert walk_in.status == Status.CONFIRMED
    assert walk_in.source == Registration.Source.WALK_IN
    assert walk_in.checked_in_at is not None
    assert walk_in.table == meeting.tables.get(number=2)
    assert walk_in.consent_version == check_in.VERBAL_CONSENT_VERSION
    assert walk_in.registered_by == organiser.person.user
    assert walk_in.age_group == "65+"
    assert walk_in.person.phone == "06 1234 5678"
    assert walk_in.person.organisation == meeting.series.neighbourhood.organisation
    entry = AuditEntry.objects.get(action="registration.walked_in")
    assert entry.payload["table"] == walk_in.table_id


def test_a_walk_in_prefers_the_table_whose_mix_improves_most(neighbourhood, organiser):
    meeting = make_meeting(neighbourhood, seats=(6, 6), days=0)
    tables = {t.number: t for t in meeting.tables.all()}
    for number, age in [(1, "65+"), (1, "65+"), (2, "15-24"), (2, "25-44"), (2, "u15")]:
        make_registration(meeting, f"Bezoeker{age}", age_group=age, table=tables[number])
    walk_in = check_in.add_walk_in(
        meeting=meeting, first_name="Kees", age_group="65+", actor=organiser.person.user
    )
    assert walk_in.table == tables[2]


def test_a_walk_in_at_a_full_meeting_gets_an_extra_seat_at_the_table_with_the_best_mix(
    neighbourhood, client_for
):
    meeting = make_meeting(neighbourhood, seats=(4, 4), days=0)
    tables = {t.number: t for t in meeting.tables.all()}
    ages = {1: ["65+", "65+", "45-64", "65+"], 2: ["15-24", "25-44", "u15", "45-64"]}
    for number, group in ages.items():
        for i, age in enumerate(group):
            make_registration(meeting, f"Gast{number}{i}", age_group=age, table=tables[number])
    response = client_for("organiser").post(
        walk_in_url(meeting), walk_in_data(**{"walk_in-age_group": "65+"}), follow=True
    )
    [message] = response.context["messages"]
    assert message.level_tag == "success"
    assert "Kees" in str(message)
    assert str(tables[2]) in str(message)
    walk_in = Registration.objects.get(person__first_name="Kees")
    assert walk_in.table == tables[2]
    tables[2].refresh_from_db()
    assert tables[2].seats == 5
    assert Registration.objects.filter(table=tables[2]).count() == 5
    entry = AuditEntry.objects.get(action="registration.walked_in")
    assert entry.payload["seat_added"] is True


def test_a_walk_in_when_every_table_has_the_most_seats_is_checked_in_without_a_table(
    neighbourhood, client_for
):
    meeting = make_meeting(neighbourhood, seats=(9, 9), days=0)
    tables = list(meeting.tables.all())
    for i, person in enumerate(fill(meeting, 18)):
        person.table = tables[i % 2]
        person.save()
    response = client_for("organiser").post(walk_in_url(meeting), walk_in_data(), follow=True)
    [message] = response.context["messages"]
    assert message.level_tag == "warning"
    assert "9" in str(message)
    walk_in = Registration.objects.get(person__first_name="Kees")
    assert walk_in.table is None
    assert walk_in.checked_in_at is not None
    for table in tables:
        table.refresh_from_db()
        assert table.seats == 9


def test_a_walk_in_who_is_known_by_email_keeps_their_record(meeting, organiser, neighbourhood):
    known = Person.objects.create(
        organisation=neighbourhood.organisation, first_name="Kees", email="kees@example.org"
    )
    walk_in = check_in.add_walk_in(
        meeting=meeting, first_name="Kees", email="KEES@example.org", actor=organiser.person.user
    )
    assert walk_in.person == known
    assert Person.objects.filter(email__iexact="kees@example.org").count() == 1


def test_a_walk_in_who_was_registered_already_is_simply_checked_in(meeting, organiser):
    registered = make_registration(meeting, "Kees", email="kees@example.org")
    walk_in = check_in.add_walk_in(
        meeting=meeting, first_name="Kees", email="kees@example.org", actor=organiser.person.user
    )
    assert walk_in.pk == registered.pk
    assert walk_in.source == Registration.Source.ONLINE
    assert walk_in.checked_in_at is not None


def test_a_walk_in_needs_a_first_name_and_spoken_consent(meeting, client_for):
    client = client_for("organiser")
    response = client.post(walk_in_url(meeting), {"walk_in-first_name": "Kees"})
    assert response.status_code == 200
    assert "consent" in response.context["walk_in_form"].errors
    response = client.post(walk_in_url(meeting), {"walk_in-consent": "on"})
    assert "first_name" in response.context["walk_in_form"].errors
    assert not Registration.objects.filter(source=Registration.Source.WALK_IN).exists()


def test_the_counts_show_expected_checked_in_walk_ins_and_seats_left(meeting, organiser):
    people = fill(meeting, 5)
    make_registration(meeting, "Wachter", status=Status.WAITING)
    user = organiser.person.user
    check_in.check_in(registration=people[0], actor=user)
    check_in.check_in(registration=people[1], actor=user)
    check_in.add_walk_in(meeting=meeting, first_name="Kees", actor=user)
    counts = check_in.door_counts(meeting, seats=8)
    assert counts == check_in.DoorCounts(expected=5, checked_in=2, walk_ins=1, seats_left=2)


def test_the_page_lists_confirmed_people_with_their_table(meeting, client_for):
    table = meeting.tables.get(number=2)
    make_registration(meeting, "Anneke", last_name="Smit", table=table)
    make_registration(meeting, "Wachter", status=Status.WAITING)
    response = client_for("organiser").get(page_url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anneke S." in page
    assert "Smit" not in page
    assert "Wachter" not in page
    assert [r.table for r in response.context["registrations"]] == [table]
    assert response.context["counts"].expected == 1


def test_the_search_finds_people_by_first_name_or_code(meeting, client_for):
    anneke = make_registration(meeting, "Anneke")
    make_registration(meeting, "Mohamed")
    client = client_for("organiser")
    by_name = client.get(page_url(meeting), {"q": "anne"})
    assert [r.pk for r in by_name.context["registrations"]] == [anneke.pk]
    code = anneke.check_in_code
    by_code = client.get(page_url(meeting), {"q": f"{code[:3].lower()}-{code[3:]}"})
    assert [r.pk for r in by_code.context["registrations"]] == [anneke.pk]


def test_after_a_wrong_code_the_search_still_goes_to_the_check_in_page(meeting, client_for):
    anneke = make_registration(meeting, "Anneke")
    client = client_for("facilitator")
    wrong = client.post(code_url(meeting), {"code": "ZZZZZZ"})
    html = wrong.content.decode()
    # The search form used to have no action, so it went to the code URL: a blank 405.
    assert f'<form method="get" action="{page_url(meeting)}"' in html
    found = client.get(page_url(meeting), {"q": "anne"})
    assert [r.pk for r in found.context["registrations"]] == [anneke.pk]


def test_typing_in_the_search_box_returns_only_the_list(meeting, client_for):
    anneke = make_registration(meeting, "Anneke", access_needs="Rolstoel")
    make_registration(meeting, "Mohamed")
    response = client_for("facilitator").get(
        page_url(meeting),
        {"q": "ann"},
        headers={"HX-Request": "true", "HX-Target": "check-in-results"},
    )
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="registration-{anneke.pk}"' in html
    assert "Mohamed" not in html
    assert "Rolstoel" in html
    assert '<input type="hidden" name="q" value="ann">' in html


def test_the_search_box_filters_as_you_type_and_works_without_javascript(meeting, client_for):
    html = client_for("organiser").get(page_url(meeting)).content.decode()
    assert 'hx-trigger="input changed delay:300ms, search"' in html
    assert 'hx-target="#check-in-results"' in html
    assert 'id="check-in-results"' in html


def test_the_page_uses_the_same_number_of_queries_for_many_people(
    neighbourhood, client_for, django_assert_max_num_queries
):
    small = make_meeting(neighbourhood, seats=(6,), days=0)
    fill(small, 2)
    large = make_meeting(neighbourhood, seats=(8,) * 8, days=0)
    people = fill(large, 60, start=10)
    make_registration(large, "Joke", party_lead=people[0], access_needs="Rolstoel")
    client = client_for("organiser")
    client.post(reverse("table-division", args=[large.pk]))
    client.post(person_url(large, people[1]))
    client.get(page_url(large))  # the messages of the posts are shown and gone
    with CaptureQueriesContext(connection) as few:
        assert client.get(page_url(small)).status_code == 200
    with django_assert_max_num_queries(len(few)):
        assert client.get(page_url(large)).status_code == 200


# --- who may do it ---------------------------------------------------------------------------

ALLOWED = {"organiser", "facilitator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_organisers_and_the_facilitator_of_a_table_check_people_in(meeting, persona, client_for):
    person = make_registration(meeting, "Anneke")
    client = client_for(persona)
    requests = [
        ("get", page_url(meeting), {}),
        ("post", person_url(meeting, person), {}),
        ("post", undo_url(meeting, person), {}),
        ("post", code_url(meeting), {"code": person.check_in_code}),
        ("post", walk_in_url(meeting), walk_in_data()),
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data)
        if persona in ALLOWED:
            assert response.status_code in (200, 302), url
        elif persona == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("login")), url
        else:
            assert response.status_code == 403, url
    person.refresh_from_db()
    if persona in ALLOWED:
        assert person.checked_in_at is not None
        assert Registration.objects.filter(source=Registration.Source.WALK_IN).count() == 1
    else:
        assert person.checked_in_at is None
        assert not Registration.objects.filter(source=Registration.Source.WALK_IN).exists()


def test_a_walk_in_sharing_a_phone_number_with_someone_else_gets_their_own_record(
    meeting, organiser, neighbourhood
):
    partner = Person.objects.create(
        organisation=neighbourhood.organisation, first_name="Anneke", phone="06 1234 5678"
    )
    walk_in = check_in.add_walk_in(
        meeting=meeting, first_name="Kees", phone="0612345678", actor=organiser.person.user
    )
    assert walk_in.person != partner
    assert walk_in.person.first_name == "Kees"
    again = check_in.add_walk_in(
        meeting=meeting, first_name="anneke", phone="+31 6 1234 5678", actor=organiser.person.user
    )
    assert again.person == partner
