"""The organiser's overview of what came of a meeting: on the dashboard and on a meeting's page.

The dashboard (community) and the meeting page (dialogues) sit below harvest, so they include
these tags' templates instead of importing from here.
"""

from django import template

from .. import overview

register = template.Library()


@register.inclusion_tag("harvest/includes/dashboard_harvest.html")
def dashboard_harvest(organisation):
    return {
        "past_meetings": overview.past_meetings(organisation),
        "closing_notes": overview.recent_closing_notes(organisation),
    }


@register.inclusion_tag("harvest/includes/meeting_outcome.html", takes_context=True)
def meeting_outcome(context, meeting):
    """Downloads always; attendance, evaluations and closing notes once the meeting began."""
    return {"request": context.get("request"), **overview.meeting_outcome(meeting)}
