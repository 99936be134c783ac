"""Named domain functions for planning: venues, series, meetings and tables.

Each one is a transaction that writes the audit log together with the change. Rules that people
may dispute later (who may lead a table) live here, not in forms or views.
"""

from collections.abc import Iterable
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Membership, Neighbourhood, Organisation, Person
from wijkdialoog.core import audit, mail
from wijkdialoog.core.audit import changed_fields
from wijkdialoog.core.signals import send_on_commit

from . import signals
from .models import Meeting, Series, Table, Venue
from .tasks import send_table_assignment

VENUE_FIELDS = (
    "name",
    "street_address",
    "postcode",
    "city",
    "step_free_entrance",
    "accessible_toilet",
    "hearing_loop",
    "quiet_room",
    "public_transport",
    "public_transport_en",
    "notes",
    "notes_en",
)
SERIES_FIELDS = (
    "neighbourhood_id",
    "theme",
    "theme_en",
    "slug",
    "description",
    "description_en",
    "cadence_weeks",
    "default_method_id",
)
MEETING_FIELDS = (
    "kind",
    "title",
    "starts_at",
    "ends_at",
    "venue_id",
    "method_id",
    "what_to_expect",
    "what_to_expect_en",
    "publish_at",
    "registration_closes_at",
    "reminder_hours_before",
)
TABLE_FIELDS = ("number", "name", "seats", "language", "facilitator_id", "harvester_id")


# Venues


@transaction.atomic
def create_venue(*, organisation: Organisation, actor, **fields) -> Venue:
    venue = Venue(organisation=organisation, **fields)
    venue.full_clean()
    venue.save()
    audit.record(actor=actor, action="venue.created", subject=venue)
    return venue


@transaction.atomic
def update_venue(*, venue: Venue, actor, **changes) -> Venue:
    venue, original = audit.stored_with_changes(venue, changes, VENUE_FIELDS)
    changes = changed_fields(venue, original, VENUE_FIELDS)
    venue.full_clean()
    venue.save()
    if changes:
        audit.record(actor=actor, action="venue.changed", subject=venue, payload=changes)
    return venue


# Series


def _check_people_of(organisation_id: int, people: Iterable[Person], field: str) -> None:
    if any(person.organisation_id != organisation_id for person in people):
        raise ValidationError({field: _("Choose people of your own organisation.")})


@transaction.atomic
def create_series(
    *, neighbourhood: Neighbourhood, actor, initiators: Iterable[Person] = (), **fields
) -> Series:
    initiators = list(initiators)
    _check_people_of(neighbourhood.organisation_id, initiators, "initiators")
    series = Series(
        organisation_id=neighbourhood.organisation_id, neighbourhood=neighbourhood, **fields
    )
    series.full_clean()
    series.save()
    series.initiators.set(initiators)
    audit.record(
        actor=actor,
        action="series.created",
        subject=series,
        payload={"initiators": sorted(p.pk for p in initiators)},
    )
    return series


@transaction.atomic
def update_series(
    *, series: Series, actor, initiators: Iterable[Person] | None = None, **changes
) -> Series:
    """Change a series; the changes (and the initiators, when given) as keyword arguments."""
    series, original = audit.stored_with_changes(series, changes, SERIES_FIELDS)
    changes = changed_fields(series, original, SERIES_FIELDS)
    series.organisation_id = series.neighbourhood.organisation_id
    series.full_clean()
    series.save()
    # Its meetings follow, so that a meeting and its series never disagree on the owner.
    series.meetings.exclude(organisation_id=series.organisation_id).update(
        organisation_id=series.organisation_id
    )
    if initiators is not None:
        initiators = list(initiators)
        _check_people_of(series.organisation_id, initiators, "initiators")
        before = sorted(series.initiators.values_list("pk", flat=True))
        after = sorted(p.pk for p in initiators)
        if before != after:
            series.initiators.set(initiators)
            changes["initiators"] = [before, after]
    if changes:
        audit.record(actor=actor, action="series.changed", subject=series, payload=changes)
    return series


# Meetings


def _check_venue(meeting: Meeting) -> None:
    if meeting.venue is not None and meeting.venue.organisation_id != meeting.organisation_id:
        raise ValidationError({"venue": _("Choose a venue of your own organisation.")})


@transaction.atomic
def create_meeting(*, series: Series, actor, **fields) -> Meeting:
    meeting = Meeting(organisation_id=series.organisation_id, series=series, **fields)
    meeting.full_clean()
    _check_venue(meeting)
    meeting.save()
    audit.record(
        actor=actor,
        action="meeting.created",
        subject=meeting,
        payload={"starts_at": meeting.starts_at, "published_from": meeting.publish_at},
    )
    return meeting


@transaction.atomic
def update_meeting(*, meeting: Meeting, actor, **changes) -> Meeting:
    meeting, original = audit.stored_with_changes(meeting, changes, MEETING_FIELDS)
    changes = changed_fields(meeting, original, MEETING_FIELDS)
    meeting.full_clean()
    _check_venue(meeting)
    meeting.save()
    if changes:
        audit.record(actor=actor, action="meeting.changed", subject=meeting, payload=changes)
    return meeting


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Marks the meeting as cancelled; its page and calendar entries then say so."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting has already been cancelled."))
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at", "updated_at"])
    audit.record(
        actor=actor, action="meeting.cancelled", subject=meeting, payload={"reason": reason}
    )
    send_on_commit(signals.meeting_cancelled, sender=Meeting, meeting=meeting, actor=actor)
    return meeting


def proposed_rounds(series: Series, count: int = 3) -> list[dict]:
    """The next rounds from the cadence, each with what the meeting form needs to pre-fill."""
    last = series.meetings.order_by("-starts_at").first()
    if last is None:
        return []
    duration = last.ends_at - last.starts_at
    return [
        {"starts_at": starts, "ends_at": starts + duration, "venue_id": last.venue_id}
        for starts in series.proposed_dates(count)
    ]


# Tables and who leads them


def is_trained_facilitator(person: Person | None) -> bool:
    """Trained: an active facilitator role in the person's organisation with a training date."""
    if person is None:
        return False
    return Membership.objects.filter(
        person=person,
        role=Membership.Role.FACILITATOR,
        is_active=True,
        trained_since__isnull=False,
    ).exists()


def check_facilitator(
    *, table: Table, facilitator: Person | None, override_reason: str = ""
) -> str:
    """Raises when `facilitator` may not lead `table`; returns the override reason to keep
    (empty for a trained facilitator, who needs none)."""
    if facilitator is None:
        return ""
    if facilitator.organisation_id != table.meeting.organisation_id:
        raise ValidationError({"facilitator": _("Choose a person of your own organisation.")})
    elsewhere = Table.objects.filter(meeting=table.meeting, facilitator=facilitator)
    if table.pk:
        elsewhere = elsewhere.exclude(pk=table.pk)
    other = elsewhere.first()
    if other is not None:
        raise ValidationError(
            {
                "facilitator": _("%(name)s already leads table %(number)s at this meeting.")
                % {"name": facilitator.full_name, "number": other.number}
            }
        )
    if is_trained_facilitator(facilitator):
        return ""
    reason = override_reason.strip()
    if not reason:
        raise ValidationError(
            {
                "facilitator_override_reason": _(
                    "%(name)s has not been trained as a facilitator. Choose a trained "
                    "facilitator, or write down why %(name)s may lead this table."
                )
                % {"name": facilitator.full_name}
            }
        )
    return reason


def _record_override(table: Table, actor, reason: str) -> None:
    audit.record(
        actor=actor,
        action="table.facilitator_override",
        subject=table,
        payload={"table": table.number, "facilitator": table.facilitator_id, "reason": reason},
    )


@transaction.atomic
def save_table(
    *,
    meeting: Meeting,
    actor,
    table: Table | None = None,
    facilitator: Person | None = None,
    harvester: Person | None = None,
    override_reason: str = "",
    **fields,
) -> Table:
    """Creates a table, or saves the changes to `table`, checking who may lead it."""
    creating = table is None
    table = table or Table(meeting=meeting)
    before = None if creating else Table.objects.get(pk=table.pk)
    original = {} if before is None else audit.snapshot(before, TABLE_FIELDS)
    for name, value in fields.items():
        setattr(table, name, value)
    if harvester is not None and harvester.organisation_id != meeting.organisation_id:
        raise ValidationError({"harvester": _("Choose a person of your own organisation.")})
    table.harvester = harvester
    reason = check_facilitator(
        table=table, facilitator=facilitator, override_reason=override_reason
    )
    # Log an override once: when it is new, for another person, or with another reason.
    # A reason is only kept for a facilitator, so there is one here.
    overridden = (
        bool(reason)
        and facilitator is not None
        and (
            before is None
            or before.facilitator_id != facilitator.pk
            or before.facilitator_override_reason != reason
        )
    )
    table.facilitator = facilitator
    table.facilitator_override_reason = reason
    table.full_clean()
    table.save()
    if creating:
        audit.record(
            actor=actor,
            action="table.created",
            subject=table,
            payload={"number": table.number, "seats": table.seats},
        )
    else:
        changes = changed_fields(table, original, TABLE_FIELDS)
        if changes:
            audit.record(actor=actor, action="table.changed", subject=table, payload=changes)
    if overridden:
        _record_override(table, actor, reason)
    _tell_new_facilitator(table, before_id=None if before is None else before.facilitator_id)
    if before is None or table.seats > before.seats:
        # New seats go to the people who have waited longest (registrations listens).
        send_on_commit(signals.places_added, sender=Meeting, meeting=meeting, actor=actor)
    return table


@transaction.atomic
def assign_facilitator(
    *, table: Table, facilitator: Person | None, actor, override_reason: str = ""
) -> Table:
    """Puts `facilitator` at `table` (None: nobody yet). Untrained only with a written reason."""
    table = Table.objects.select_for_update().select_related("meeting__series").get(pk=table.pk)
    reason = check_facilitator(
        table=table, facilitator=facilitator, override_reason=override_reason
    )
    before = table.facilitator_id
    table.facilitator = facilitator
    table.facilitator_override_reason = reason
    table.save(update_fields=["facilitator", "facilitator_override_reason", "updated_at"])
    if before != table.facilitator_id:
        audit.record(
            actor=actor,
            action="table.facilitator_assigned",
            subject=table,
            payload={"facilitator": [before, table.facilitator_id]},
        )
    if reason:
        _record_override(table, actor, reason)
    _tell_new_facilitator(table, before_id=before)
    return table


def _tell_new_facilitator(table: Table, *, before_id: int | None) -> None:
    """A new person at the head of the table gets the table, the meeting, the guide and a link
    into facilitator mode; once the change is committed, so a refused save mails nobody."""
    if table.facilitator_id is None or table.facilitator_id == before_id:
        return
    if mail.is_suppressed():
        return  # the demo data: nobody to mail
    transaction.on_commit(partial(send_table_assignment.enqueue, table.pk, table.facilitator_id))


@transaction.atomic
def delete_table(*, table: Table, actor) -> None:
    """Removes a table; people placed at it keep their registration, without a table."""
    meeting = table.meeting
    number = table.number
    table.delete()
    audit.record(actor=actor, action="table.deleted", subject=meeting, payload={"table": number})


def next_table_number(meeting: Meeting) -> int:
    numbers = set(meeting.tables.values_list("number", flat=True))
    return next(n for n in range(1, len(numbers) + 2) if n not in numbers)
