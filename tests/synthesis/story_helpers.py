"""Builders for the story tests: a series with a harvest, themes and highlights made directly."""

from django.urls import reverse

from tests.builders import make_card, make_harvest_meeting
from wijkdialoog.synthesis import story
from wijkdialoog.synthesis.models import Highlight, Theme


def harvested_series(neighbourhood, theme="Thuis in je buurt"):
    meeting = make_harvest_meeting(neighbourhood)
    series = meeting.series
    if theme != series.theme:
        series.theme = theme
        series.save(update_fields=["theme"])
    return series, meeting


def make_theme(series, name="Groen in de buurt", **extra) -> Theme:
    values = {"description": "Bomen, bloemen en een moestuin.", **extra}
    return Theme.objects.create(series=series, name=name, **values)


def make_highlight(
    meeting, text="Iedereen groet elkaar hier", *, for_public=True, **card
) -> Highlight:
    made = make_card(meeting, text, **card)
    return Highlight.objects.create(card=made, series=meeting.series, for_public=for_public)


def publish(series, actor=None, **content):
    story.save_story(series=series, actor=actor, **content)
    return story.publish_story(series=series, actor=actor)


def public_url(series) -> str:
    place = series.neighbourhood
    return reverse("story-public", args=[place.organisation.slug, place.slug, series.pk])


def neighbourhood_url(place) -> str:
    return reverse("neighbourhood-public", args=[place.organisation.slug, place.slug])
