"""The demo carries follow-up answers, one request for help, and a working personal link."""

from django.test import Client

from wijkdialoog.followup.models import FollowUp, StepAnswer
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_has_answers_a_request_for_help_and_a_working_link(db):
    load_demo()
    assert FollowUp.objects.filter(mailed_at__isnull=False).count() >= 3
    assert StepAnswer.objects.filter(status="wants-help").count() == 1
    assert StepAnswer.objects.filter(status="done").count() >= 1
    page = Client().get("/opvolging/demo-kersenbuurt-stap/")
    assert page.status_code == 200
    assert "Hoe ging het met je stap?" in page.content.decode()
