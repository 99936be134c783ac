from dataclasses import dataclass

from django import template

from wijkdialoog.dialogues import availability
from wijkdialoog.dialogues.bilingual import public_text

register = template.Library()


@dataclass(frozen=True)
class Availability:
    state: str
    places_left: int
    seats: int


@register.simple_tag
def meeting_availability(meeting) -> Availability:
    """{% meeting_availability meeting as availability %}: the state and places for templates.
    Lists pass meetings from `with_availability`, so this costs no query there."""
    return Availability(
        state=str(availability.state(meeting)),
        places_left=availability.places_left(meeting),
        seats=availability.seats_total(meeting),
    )


@register.inclusion_tag("dialogues/includes/availability.html")
def availability_badge(meeting):
    return {"availability": meeting_availability(meeting), "meeting": meeting}


@register.inclusion_tag("dialogues/includes/dashboard_planning.html", takes_context=True)
def dashboard_planning(context, organisation):
    """The planning part of the organiser's dashboard: series and the meetings to come."""
    from wijkdialoog.dialogues.dashboard import planning_overview

    return {"request": context.get("request"), **planning_overview(organisation)}


@register.filter(name="public_text")
def public_text_filter(obj, field: str):
    """{{ series|public_text:"description" }}: the text in the page's language (see bilingual)."""
    return public_text(obj, field)


@register.inclusion_tag("dialogues/includes/public_text.html")
def show_public_text(obj, field: str, inline: bool = False):
    """{% show_public_text series "description" %}: the text as paragraphs (or `inline=True`
    as a phrase), with lang="nl" and a note when the Dutch text stands in for English."""
    return {"text": public_text(obj, field), "inline": inline}
