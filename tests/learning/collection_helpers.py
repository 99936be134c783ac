"""Builders for the Wijkdialogen in beweging tests: sharing organisations with published
reports and stories, built through the apps' own domain functions."""

from django.urls import reverse

from tests.builders import make_harvest_meeting
from wijkdialoog.community.models import Neighbourhood, Organisation
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.learning.collection import change_sharing
from wijkdialoog.reporting import reports
from wijkdialoog.synthesis import story
from wijkdialoog.synthesis.models import Theme

URL = reverse("collection")


def share(organisation: Organisation, shares: bool = True) -> None:
    change_sharing(organisation=organisation, actor=None, shares=shares)


def neighbourhood_of(organisation: Organisation, name: str) -> Neighbourhood:
    from django.utils.text import slugify

    return Neighbourhood.objects.create(
        organisation=organisation, name=name, slug=slugify(name), municipality="Westerlaan"
    )


def published_meeting_report(neighbourhood: Neighbourhood, *, theme: str = "") -> Meeting:
    """A past meeting with its report online, and a named theme when `theme` is given."""
    meeting = make_harvest_meeting(neighbourhood, days=-2)
    if theme:
        Theme.objects.create(series=meeting.series, name=theme, curated=True)
    reports.publish(subject=meeting, actor=None)
    return meeting


def published_story(neighbourhood: Neighbourhood, title: str = "Ons verhaal") -> Meeting:
    meeting = make_harvest_meeting(neighbourhood, days=-2)
    story.save_story(series=meeting.series, actor=None, title=title, dream="Een moestuin")
    story.publish_story(series=meeting.series, actor=None)
    return meeting
