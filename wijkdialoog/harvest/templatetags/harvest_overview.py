"""The organiser's overview of what came of a meeting: on the dashboard and on a meeting's page.

The dashboard (community) and the meeting page (dialogues) sit below harvest, so they include
these tags' templates instead of importing from here.
"""

from django import template
from django.utils import timezone

from wijkdialoog.dialogues import availability
from wijkdialoog.registrations.check_in import door_counts

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
    values = {"request": context.get("request"), "meeting": meeting, "started": False}
    if overview.has_started(meeting):
        counts = door_counts(meeting, availability.seats_total(meeting))
        values.update(
            started=True,
            ended=meeting.ends_at <= timezone.now(),
            attendance=counts,
            no_shows=max(counts.expected - counts.checked_in, 0),
            evaluations=overview.evaluation_summary(meeting),
            tables=overview.tables_with_notes(meeting),
        )
    return values
