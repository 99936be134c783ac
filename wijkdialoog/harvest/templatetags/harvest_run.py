"""Template tags of facilitator mode: the quiet timer, the facilitator's tables on "My page",
and a person's own actions on their registration page."""

from django import template
from django.utils.translation import gettext_lazy as _

from .. import personal

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


@register.simple_tag
def my_tables(user):
    """{% my_tables user as tables %}: the tables this user facilitates or harvests at meetings
    of today and later, with what they may open."""
    return personal.upcoming_tables(user)


@register.simple_tag
def my_past_tables(user):
    """{% my_past_tables user as tables %}: the latest tables this user ran, newest first, with
    how many cards they harvested."""
    return personal.past_tables(user)


@register.simple_tag
def personal_actions(registration):
    """{% personal_actions registration as actions %}: this person's own steps at the meeting."""
    return list(personal.own_actions(registration))
