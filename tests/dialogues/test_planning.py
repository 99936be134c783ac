import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tests.builders import (
    make_meeting,
    make_membership,
    make_person,
    make_series,
    make_table,
    make_venue,
)
from wijkdialoog.core.models import ACTION_LABELS, AuditEntry
from wijkdialoog.dialogues import planning
from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue


def _actions(subject=None):
    entries = AuditEntry.objects.order_by("id")
    if subject is not None:
        entries = entries.filter(object_id=str(subject.pk))
    return list(entries.values_list("action", flat=True))


def test_every_planning_action_has_a_human_label():
    codes = [
        "venue.created",
        "venue.changed",
        "series.created",
        "series.changed",
        "meeting.created",
        "meeting.changed",
        "meeting.cancelled",
        "table.created",
        "table.changed",
        "table.deleted",
        "table.facilitator_assigned",
        "table.facilitator_override",
    ]
    assert all(code in ACTION_LABELS for code in codes)


def test_creating_and_changing_a_venue_is_audited(organisation, organiser):
    user = organiser.person.user
    venue = planning.create_venue(
        organisation=organisation,
        actor=user,
        name="Buurthuis",
        street_address="Plein 1",
        city="Westerlaan",
    )
    planning.update_venue(venue=venue, actor=user, hearing_loop=True)

    entries = AuditEntry.objects.filter(object_id=str(venue.pk)).order_by("id")
    assert [e.action for e in entries] == ["venue.created", "venue.changed"]
    assert entries[1].payload == {"hearing_loop": [False, True]}
    assert entries[1].actor == user


def test_saving_without_a_change_writes_no_audit_entry(venue, organiser):
    planning.update_venue(venue=venue, actor=organiser.person.user)
    assert _actions(venue) == []


def test_a_series_is_created_with_its_initiators_and_audited(neighbourhood, organisation):
    anneke = make_person(organisation, first_name="Anneke")
    series = planning.create_series(
        neighbourhood=neighbourhood,
        actor=None,
        initiators=[anneke],
        theme="Thuis",
        slug="thuis",
        description="Over thuis.",
        cadence_weeks=8,
    )
    assert list(series.initiators.all()) == [anneke]
    entry = AuditEntry.objects.get(action="series.created")
    assert entry.payload == {"initiators": [anneke.pk]}


def test_initiators_must_be_people_of_the_organisation(neighbourhood, other_organisation):
    stranger = make_person(other_organisation, first_name="Stranger")
    with pytest.raises(ValidationError) as error:
        planning.create_series(
            neighbourhood=neighbourhood,
            actor=None,
            initiators=[stranger],
            theme="Thuis",
            slug="thuis",
            description="Over thuis.",
        )
    assert "initiators" in error.value.message_dict
    assert not Series.objects.exists()


def test_changing_the_initiators_of_a_series_is_audited(series, organisation):
    wim = make_person(organisation, first_name="Wim")
    planning.update_series(series=series, actor=None, theme="Thuis in je straat", initiators=[wim])

    entry = AuditEntry.objects.get(action="series.changed")
    assert entry.payload["theme"] == ["Thuis in de Kersenbuurt", "Thuis in je straat"]
    assert entry.payload["initiators"] == [[], [wim.pk]]


def test_a_meeting_is_created_changed_and_cancelled_with_audit_entries(series, venue):
    starts = timezone.now() + datetime.timedelta(days=20)
    meeting = planning.create_meeting(
        series=series,
        actor=None,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        venue=venue,
    )
    planning.update_meeting(meeting=meeting, actor=None, title="Eerste ronde")
    planning.cancel_meeting(meeting=meeting, actor=None, reason="De zaal is dicht.")

    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    assert _actions(meeting) == ["meeting.created", "meeting.changed", "meeting.cancelled"]
    assert AuditEntry.objects.get(action="meeting.cancelled").payload == {
        "reason": "De zaal is dicht."
    }


def test_a_meeting_cannot_be_cancelled_twice(meeting):
    planning.cancel_meeting(meeting=meeting, actor=None)
    with pytest.raises(ValidationError):
        planning.cancel_meeting(meeting=meeting, actor=None)
    assert _actions(meeting).count("meeting.cancelled") == 1


def test_a_meeting_that_ends_before_it_starts_is_refused(series):
    starts = timezone.now() + datetime.timedelta(days=5)
    with pytest.raises(ValidationError):
        planning.create_meeting(
            series=series, actor=None, starts_at=starts, ends_at=starts - datetime.timedelta(1)
        )
    assert not Meeting.objects.exists()


def test_a_meeting_cannot_use_a_venue_of_another_organisation(series, other_organisation):
    elsewhere = make_venue(other_organisation, name="Elders")
    starts = timezone.now() + datetime.timedelta(days=5)
    with pytest.raises(ValidationError) as error:
        planning.create_meeting(
            series=series,
            actor=None,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            venue=elsewhere,
        )
    assert "venue" in error.value.message_dict


def test_a_trained_facilitator_leads_a_table_without_a_reason(meeting, facilitator):
    table = planning.save_table(
        meeting=meeting, actor=None, number=1, seats=8, facilitator=facilitator.person
    )
    assert table.facilitator == facilitator.person
    assert table.facilitator_override_reason == ""
    assert _actions(table) == ["table.created"]


def test_an_untrained_facilitator_is_refused_without_a_reason(meeting, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    with pytest.raises(ValidationError) as error:
        planning.save_table(
            meeting=meeting, actor=None, number=1, seats=8, facilitator=lotte.person
        )
    assert "facilitator_override_reason" in error.value.message_dict
    assert not Table.objects.exists()


def test_an_organiser_may_allow_an_untrained_facilitator_with_a_reason(
    meeting, organisation, organiser
):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    table = planning.save_table(
        meeting=meeting,
        actor=organiser.person.user,
        number=1,
        seats=8,
        facilitator=lotte.person,
        override_reason="Training is next month; she has joined two tables.",
    )
    assert table.facilitator_override_reason.startswith("Training is next month")
    override = AuditEntry.objects.get(action="table.facilitator_override")
    assert override.payload["reason"] == "Training is next month; she has joined two tables."
    assert override.payload["facilitator"] == lotte.person.pk
    assert override.actor == organiser.person.user


def test_an_inactive_trained_facilitator_counts_as_untrained(meeting, facilitator):
    facilitator.is_active = False
    facilitator.save()
    assert not planning.is_trained_facilitator(facilitator.person)
    with pytest.raises(ValidationError):
        planning.save_table(
            meeting=meeting, actor=None, number=1, seats=8, facilitator=facilitator.person
        )


def test_a_facilitator_leads_only_one_table_per_meeting(meeting, facilitator):
    planning.save_table(
        meeting=meeting, actor=None, number=1, seats=8, facilitator=facilitator.person
    )
    with pytest.raises(ValidationError) as error:
        planning.save_table(
            meeting=meeting, actor=None, number=2, seats=8, facilitator=facilitator.person
        )
    assert "facilitator" in error.value.message_dict


def test_a_facilitator_of_another_organisation_is_refused(meeting, outsider):
    with pytest.raises(ValidationError) as error:
        planning.save_table(
            meeting=meeting, actor=None, number=1, seats=8, facilitator=outsider.person
        )
    assert "facilitator" in error.value.message_dict


def test_assigning_a_facilitator_is_audited(table, facilitator, organisation):
    planning.assign_facilitator(table=table, facilitator=facilitator.person, actor=None)
    assert _actions(table) == ["table.facilitator_assigned"]

    bram = make_membership(organisation, "facilitator", first_name="Bram", email="b@example.org")
    with pytest.raises(ValidationError):
        planning.assign_facilitator(table=table, facilitator=bram.person, actor=None)
    planning.assign_facilitator(
        table=table, facilitator=bram.person, actor=None, override_reason="Fenna is ill."
    )
    table.refresh_from_db()
    assert table.facilitator == bram.person
    assert _actions(table)[-2:] == ["table.facilitator_assigned", "table.facilitator_override"]


def test_changing_a_table_logs_the_changed_fields(table):
    planning.save_table(meeting=table.meeting, actor=None, table=table, number=1, seats=6)
    entry = AuditEntry.objects.get(action="table.changed")
    assert entry.payload == {"seats": [8, 6]}


def test_a_table_has_from_four_to_nine_seats(meeting):
    for seats in (3, 10):
        with pytest.raises(ValidationError) as error, transaction.atomic():
            planning.save_table(meeting=meeting, actor=None, number=1, seats=seats)
        assert "seats" in error.value.message_dict
    assert planning.save_table(meeting=meeting, actor=None, number=1, seats=4).seats == 4
    assert planning.save_table(meeting=meeting, actor=None, number=2, seats=9).seats == 9


def test_deleting_a_table_is_audited_on_the_meeting(table):
    meeting = table.meeting
    planning.delete_table(table=table, actor=None)
    assert not Table.objects.exists()
    entry = AuditEntry.objects.get(action="table.deleted")
    assert entry.object_id == str(meeting.pk)
    assert entry.payload == {"table": 1}


def test_capacity_is_the_sum_of_the_seats(meeting):
    make_table(meeting, number=1, seats=8)
    make_table(meeting, number=2, seats=6)
    assert meeting.capacity() == 14


def test_the_next_table_number_fills_the_first_gap(meeting):
    assert planning.next_table_number(meeting) == 1
    make_table(meeting, number=1)
    make_table(meeting, number=3)
    assert planning.next_table_number(meeting) == 2


def test_proposed_rounds_follow_the_cadence_after_the_last_meeting(series, venue):
    first = make_meeting(series, days=-50, venue=venue)
    last = make_meeting(series, days=6, venue=venue)

    rounds = planning.proposed_rounds(series)

    local = timezone.localtime
    assert [local(r["starts_at"]).date() for r in rounds] == [
        local(last.starts_at).date() + datetime.timedelta(weeks=8 * n) for n in (1, 2, 3)
    ]
    assert {local(r["starts_at"]).time() for r in rounds} == {local(last.starts_at).time()}
    assert all(r["ends_at"] - r["starts_at"] == last.ends_at - last.starts_at for r in rounds)
    assert all(r["venue_id"] == venue.pk for r in rounds)
    assert first.starts_at < last.starts_at


def test_proposed_rounds_keep_the_local_time_across_summer_time(series):
    # 19:30 in Amsterdam on 3 March 2026 (winter time); the next rounds fall in summer time.
    starts = datetime.datetime(2026, 3, 3, 18, 30, tzinfo=datetime.UTC)
    make_meeting(series, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))

    rounds = planning.proposed_rounds(series, count=2)

    local = [timezone.localtime(r["starts_at"]) for r in rounds]
    assert [(t.date().isoformat(), t.hour, t.minute) for t in local] == [
        ("2026-04-28", 19, 30),
        ("2026-06-23", 19, 30),
    ]
    assert all(r["ends_at"] - r["starts_at"] == datetime.timedelta(hours=2) for r in rounds)


def test_no_rounds_are_proposed_without_a_cadence_or_a_first_meeting(neighbourhood):
    no_rhythm = make_series(neighbourhood, slug="geen-ritme", cadence_weeks=None)
    make_meeting(no_rhythm)
    assert planning.proposed_rounds(no_rhythm) == []
    assert planning.proposed_rounds(make_series(neighbourhood, slug="leeg")) == []


def test_a_venue_is_kept_with_its_accessibility_facts(organisation):
    venue = planning.create_venue(
        organisation=organisation,
        actor=None,
        name="Dorpshuis",
        street_address="Dorpsstraat 4",
        city="Rietveld",
        step_free_entrance=True,
        quiet_room=True,
    )
    stored = Venue.objects.get(pk=venue.pk)
    assert (stored.step_free_entrance, stored.accessible_toilet, stored.quiet_room) == (
        True,
        False,
        True,
    )


def test_a_change_is_logged_from_the_stored_row_even_when_a_form_edited_the_object(
    venue, organiser
):
    # A ModelForm sets the new values on its instance while it validates.
    venue.name = "Het nieuwe buurthuis"

    planning.update_venue(venue=venue, actor=organiser.person.user, name="Het nieuwe buurthuis")

    entry = AuditEntry.objects.get(action="venue.changed")
    assert entry.payload["name"][1] == "Het nieuwe buurthuis"
    assert entry.payload["name"][0] != "Het nieuwe buurthuis"
