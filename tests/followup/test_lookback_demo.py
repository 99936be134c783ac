"""The demo: the Kersenbuurt's next meeting looks back on the initiative, the kerngroep and the
personal steps, and the neighbourhood page says what happened with the plans."""

from django.test import Client
from django.urls import reverse

from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_next_kersenbuurt_meeting_shows_since_last_time(db):
    load_demo()
    series_meetings = Meeting.objects.filter(series__slug="thuis-in-de-kersenbuurt")
    next_meeting = (
        series_meetings.filter(starts_at__gt=series_meetings.order_by("starts_at")[1].starts_at)
        .order_by("starts_at")
        .first()
    )
    html = Client().get(reverse("meeting-public", args=[next_meeting.pk])).content.decode()
    look_back = html.split('id="look-back"')[1].split("</section>")[0]
    assert "Moestuin achter De Kersenboom" in look_back
    assert 'id="look-back-kerngroep"' in look_back and 'id="look-back-steps"' in look_back
    place = next_meeting.series.neighbourhood
    page = (
        Client()
        .get(reverse("neighbourhood-public", args=[place.organisation.slug, place.slug]))
        .content.decode()
    )
    assert 'id="neighbourhood-progress"' in page and "Moestuin achter De Kersenboom" in page
