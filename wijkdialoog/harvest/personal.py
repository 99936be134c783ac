"""One person's own part of the harvest: the tables a facilitator or harvester runs (on "My
page"), and the personal actions a resident noted at a meeting."""

from django.db.models import Count, Q
from django.utils import timezone

from wijkdialoog.community.access import has_role
from wijkdialoog.community.models import Role
from wijkdialoog.dialogues.models import Table
from wijkdialoog.methods.kinds import CardKind

from .models import Card

PAST_TABLES_SHOWN = 10


def _tables_of(user):
    """The tables this user facilitates or harvests, at meetings that were not cancelled."""
    if not getattr(user, "is_authenticated", False):
        return Table.objects.none()
    person_ids = list(user.persons.values_list("pk", flat=True))
    return Table.objects.filter(
        Q(facilitator_id__in=person_ids) | Q(harvester_id__in=person_ids),
        meeting__cancelled_at__isnull=True,
    ).select_related("meeting__series__neighbourhood", "meeting__venue", "run")


def _allowed(user, tables) -> list[Table]:
    """Only where they still hold the role (or are an organiser)."""
    return [
        table
        for table in tables
        if has_role(user, Role.FACILITATOR, table) or has_role(user, Role.ORGANISER, table)
    ]


def _start_of_today():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def upcoming_tables(user) -> list[Table]:
    """The tables this user facilitates or harvests at meetings of today and later."""
    tables = _tables_of(user).filter(meeting__ends_at__gte=_start_of_today())
    return _allowed(user, tables.order_by("meeting__starts_at", "number"))


def past_tables(user, limit: int = PAST_TABLES_SHOWN) -> list[Table]:
    """The latest tables this user ran, newest first, with how many cards they harvested."""
    tables = (
        _tables_of(user)
        .filter(meeting__ends_at__lt=_start_of_today())
        .annotate(card_count=Count("cards"))
        .order_by("-meeting__starts_at", "number")
    )
    return _allowed(user, tables[:limit])


def own_actions(registration):
    """The personal actions recorded for this person at this meeting."""
    return Card.objects.filter(
        meeting_id=registration.meeting_id,
        owner_id=registration.person_id,
        kind=CardKind.PERSONAL_ACTION,
        status=Card.Status.APPROVED,
    ).order_by("created_at", "pk")
