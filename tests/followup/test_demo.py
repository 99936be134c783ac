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


def test_the_demo_has_the_moestuin_with_a_team_updates_and_a_celebration(db):
    from wijkdialoog.followup.models import Initiative

    load_demo()
    moestuin = Initiative.objects.get(name="Moestuin achter De Kersenboom")
    assert moestuin.status == "gevierd" and moestuin.celebration_story
    assert moestuin.team.count() == 3 and moestuin.updates.count() == 3
    page = Client().get("/initiatief/team/demo-moestuin-team/")
    assert page.status_code == 200 and "Moestuin" in page.content.decode()
    place = moestuin.series.neighbourhood
    public = Client().get(f"/wijk/{place.organisation.slug}/{place.slug}/initiatief/{moestuin.pk}/")
    html = public.content.decode()
    assert "Sanne" in html and "Greet" not in html
