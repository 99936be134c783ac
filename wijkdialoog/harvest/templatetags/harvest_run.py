"""Template tags of facilitator mode: the quiet timer, the facilitator's tables on "My page",
and a person's own actions on their registration page."""

from django import template
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.dialogues.models import Table

register = template.Library()

# The timer's words; capture of the same texts by the timer script keeps both in step.
TIMER_TEXTS = {
    "many": _("about %(minutes)s minutes left"),
    "one": _("about 1 minute left"),
    "up": _("time is up"),
    "over_one": _("1 minute over time"),
    "over_many": _("%(minutes)s minutes over time"),
}


def timer_text(minutes_left: int) -> str:
    if minutes_left > 1:
        return str(TIMER_TEXTS["many"]) % {"minutes": minutes_left}
    if minutes_left == 1:
        return str(TIMER_TEXTS["one"])
    if minutes_left == 0:
        return str(TIMER_TEXTS["up"])
    if minutes_left == -1:
        return str(TIMER_TEXTS["over_one"])
    return str(TIMER_TEXTS["over_many"]) % {"minutes": -minutes_left}


@register.inclusion_tag("harvest/includes/phase_timer.html")
def phase_timer(clock):
    """{% phase_timer clock %}: "about 12 minutes left", kept current by run-timer.js (which
    leaves a paused timer alone)."""
    text = timer_text(clock.minutes_left) if clock else ""
    if clock and clock.paused:
        text = _("Paused: %(time)s") % {"time": text}
    return {
        "clock": clock,
        "text": text,
        "texts": {key: str(value) for key, value in TIMER_TEXTS.items()},
    }


PAST_TABLES_SHOWN = 10


def _tables_of(user):
    """The tables this user facilitates or harvests, at meetings that were not cancelled, where
    they still hold the role (or are an organiser)."""
    if not getattr(user, "is_authenticated", False):
        return Table.objects.none()
    person_ids = list(user.persons.values_list("pk", flat=True))
    return Table.objects.filter(
        Q(facilitator_id__in=person_ids) | Q(harvester_id__in=person_ids),
        meeting__cancelled_at__isnull=True,
    ).select_related("meeting__series__neighbourhood", "meeting__venue", "run")


def _allowed(user, tables) -> list:
    from wijkdialoog.community.access import has_role
    from wijkdialoog.community.models import Membership

    return [
        table
        for table in tables
        if has_role(user, Membership.Role.FACILITATOR, table)
        or has_role(user, Membership.Role.ORGANISER, table)
    ]


def _start_of_today():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


@register.simple_tag
def my_tables(user):
    """{% my_tables user as tables %}: the tables this user facilitates or harvests at meetings
    of today and later, with what they may open."""
    tables = _tables_of(user).filter(meeting__ends_at__gte=_start_of_today())
    return _allowed(user, tables.order_by("meeting__starts_at", "number"))


@register.simple_tag
def my_past_tables(user):
    """{% my_past_tables user as tables %}: the latest tables this user ran, newest first, with
    how many cards they harvested."""
    tables = (
        _tables_of(user)
        .filter(meeting__ends_at__lt=_start_of_today())
        .annotate(card_count=Count("cards"))
        .order_by("-meeting__starts_at", "number")
    )
    return _allowed(user, tables[:PAST_TABLES_SHOWN])


@register.simple_tag
def personal_actions(registration):
    """{% personal_actions registration as actions %}: this person's own steps at the meeting."""
    from wijkdialoog.harvest.views.participant import own_actions

    return list(own_actions(registration))
