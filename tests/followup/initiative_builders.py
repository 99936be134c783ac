"""A past meeting with a dream card, and an initiative with a team."""

import re

from django.core import mail

from tests.builders import make_card, make_harvest_meeting
from wijkdialoog.followup import initiatives
from wijkdialoog.followup.models import Initiative


def dream_meeting(neighbourhood):
    meeting = make_harvest_meeting(neighbourhood)
    card = make_card(meeting, "Een moestuin achter het buurthuis", kind="dream")
    return meeting, card


def make_initiative(series, actor=None, **data) -> Initiative:
    fields = {"name": "Moestuin", "what": "Samen groente kweken.", "why": "", "needs": ""}
    fields["is_public"] = data.pop("is_public", True)
    fields.update(data)
    return initiatives.create_initiative(series=series, data=fields, actor=actor)


def add_anna(initiative, django_capture_on_commit_callbacks, *, kind="resident"):
    """Anna joins the team; her personal link from the mail."""
    with django_capture_on_commit_callbacks(execute=True):
        member, _token = initiatives.add_resident(
            initiative=initiative,
            first_name="Anna",
            email="anna@example.org",
            kind=kind,
            actor=None,
        )
    message = [m for m in mail.outbox if m.to == ["anna@example.org"]][-1]
    url = re.search(r"http://testserver(/initiatief/team/[^/\s]+/)", message.body).group(1)
    return member, url
