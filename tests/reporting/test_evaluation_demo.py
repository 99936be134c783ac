"""The demo shows what the dialogue did: the Kersenbuurt evaluations carry the four outcomes and
a grade, Kom erbij is on with at least five people before and after, and some residents asked
to be kept posted."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from wijkdialoog.harvest.models import Evaluation
from wijkdialoog.registrations import keep_posted
from wijkdialoog.reporting import evaluation
from wijkdialoog.reporting.demo_evaluation import load_evaluation
from wijkdialoog.site.management.commands.demo import load_demo


@pytest.fixture
def demo(db):
    context = load_demo()
    if "kom_erbij" not in context.objects:  # until reporting/demo.py calls it
        load_evaluation(context)
    return context


def test_the_demo_shows_what_the_kersenbuurt_dialogue_did(demo, client):
    series = demo["series"]["kersenbuurt"]
    evaluations = Evaluation.objects.filter(table__meeting__series=series)
    assert evaluations.exclude(grade=None).count() >= 10
    assert evaluations.exclude(view_changed="").exists()
    assert evaluations.exclude(exchanged_contacts="").exists()

    summary = evaluation.for_series(series)
    assert summary.shown and summary.grade_average
    assert summary.kom_erbij.before.shown and summary.kom_erbij.after.shown
    assert summary.kom_erbij.after.average_total < summary.kom_erbij.before.average_total

    people = keep_posted.people_kept_posted(series.meetings.all())
    assert people.count() >= 3
    assert {person.language for person in people} >= {"nl"}

    organiser = get_user_model().objects.get(email="organisator@demo.wijkdialoog.nl")
    client.force_login(organiser)
    page = client.get(reverse("series-detail", args=[series.pk]))
    assert 'id="kom-erbij-table"' in page.content.decode()
