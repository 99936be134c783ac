"""The demo's table division: past meetings and the next one divided, one person moved by hand,
check-ins with a walk-in at the past meetings."""

from collections import Counter

from django.utils import timezone

from wijkdialoog.community import demo as community_demo
from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.dialogues import demo as dialogues_demo
from wijkdialoog.registrations.models import Registration
from wijkdialoog.seating import demo as demo_tables
from wijkdialoog.site.management.commands.demo import load_demo

Status = Registration.Status


def register_residents(meeting, people, count):
    residents = [p for key, p in people.items() if p.user_id is None][:count]
    ages = list(Registration.AgeGroup.values)
    for i, person in enumerate(residents):
        Registration.objects.create(
            meeting=meeting,
            person=person,
            age_group=ages[i % len(ages)],
            first_time=i % 2 == 0,
            consent_at=timezone.now(),
            consent_version="test",
        )


def test_the_demo_divides_moves_one_by_hand_and_checks_people_in(db):
    context = DemoContext()
    community_demo.load(context)
    dialogues_demo.load(context)
    meetings = context["meetings"]
    for key in ["kersenbuurt_past_1", "kersenbuurt_past_2", "kersenbuurt_next"]:
        register_residents(meetings[key], context["people"], 12)

    demo_tables.load(context)

    for key in ["kersenbuurt_past_1", "kersenbuurt_past_2", "kersenbuurt_next"]:
        confirmed = meetings[key].registrations.filter(status=Status.CONFIRMED)
        assert not confirmed.filter(table__isnull=True).exists()
    next_meeting = meetings["kersenbuurt_next"].registrations
    assert next_meeting.filter(table_locked=True).count() == 1
    for key in demo_tables.PAST:
        registrations = meetings[key].registrations.filter(status=Status.CONFIRMED)
        walk_ins = registrations.filter(source=Registration.Source.WALK_IN)
        assert walk_ins.count() == 1
        assert walk_ins.get().checked_in_at is not None
        came = registrations.exclude(source=Registration.Source.WALK_IN)
        assert 0 < came.filter(checked_in_at__isnull=False).count() < came.count()
        assert all(
            r.checked_in_at <= meetings[key].starts_at for r in registrations if r.checked_in_at
        )
    assert not meetings["kersenbuurt_later"].registrations.filter(table__isnull=False).exists()


def test_the_whole_demo_never_puts_more_people_at_a_table_than_it_has_seats(db):
    context = load_demo()
    for meeting in context["meetings"].values():
        load = Counter(
            meeting.registrations.filter(table__isnull=False).values_list("table", flat=True)
        )
        for table in meeting.tables.all():
            assert load[table.pk] <= table.seats
