"""Questions for partners: routed by the organiser, answered or declined by the partner it is
routed to, internal cards only where the organisation shares them; the partner's Mijn pagina."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_harvest_meeting
from tests.conftest import PERSONAS, expect_denied
from tests.followup.agreement_builders import make_other_partner, make_question
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import partner_questions
from wijkdialoog.followup.models import PartnerQuestion
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import HarvestSharing


def test_routing_page_per_persona_and_routing(neighbourhood, assert_access, client_for):
    meeting = make_harvest_meeting(neighbourhood)
    card = make_question(meeting)
    url = reverse("series-questions", args=[meeting.series_id])
    assert_access(url, allowed={"organiser"})
    client = client_for("organiser")
    bad = client.post(url, {"card": card.pk, f"c{card.pk}-partner_name": ""})
    assert bad.status_code == 400
    assert not PartnerQuestion.objects.exists()
    ok = client.post(url, {"card": card.pk, f"c{card.pk}-partner_kind": "gemeente"})
    assert ok.status_code == 302
    assert PartnerQuestion.objects.get().partner_kind == "gemeente"
    assert AuditEntry.objects.filter(action="followup.question_routed").exists()


def test_only_the_routed_partner_answers(neighbourhood, organiser, user_for, other_organisation):
    meeting = make_harvest_meeting(neighbourhood)
    question = partner_questions.route(
        card=make_question(meeting),
        partner_kind="",
        partner_name="gemeente westerlaan",
        actor=organiser.person.user,
    )
    other = make_other_partner(other_organisation)
    url = reverse("partner-question-answer", args=[question.pk])
    data = {"answer": "Het zebrapad komt in mei.", "is_public": "on"}
    for persona in [*PERSONAS, "other_partner"]:
        client = Client()
        if persona == "other_partner":
            client.force_login(other.person.user)
        elif persona != "anonymous":
            client.force_login(user_for(persona))
        response = client.post(url, data)
        if persona == "partner":
            assert response.status_code == 302, persona
        elif persona == "other_partner":
            assert response.status_code == 403
        else:
            expect_denied(response, persona)
    question.refresh_from_db()
    assert question.answer_is_public and question.answered_at
    assert partner_questions.public_answers([question.card_id])[question.card_id] == question


def test_decline_with_reason_and_bad_input(neighbourhood, organiser, client_for, partner):
    meeting = make_harvest_meeting(neighbourhood)
    question = partner_questions.route(
        card=make_question(meeting), partner_kind="gemeente", partner_name="", actor=None
    )
    client = client_for("partner")
    url = reverse("partner-question-answer", args=[question.pk])
    assert client.post(url, {"answer": "", "decline_reason": ""}).status_code == 400
    assert client.post(url, {"decline_reason": "Dit is niet van de gemeente."}).status_code == 302
    question.refresh_from_db()
    assert question.declined_at and not question.answered_at


def test_internal_questions_only_where_shared(neighbourhood, organiser, client_for, partner):
    meeting = make_harvest_meeting(neighbourhood)
    card = make_question(meeting, "Interne vraag", publication=Card.Publication.INTERNAL)
    question = partner_questions.route(
        card=card, partner_kind="gemeente", partner_name="", actor=None
    )
    client = client_for("partner")
    url = reverse("partner-question-answer", args=[question.pk])
    assert client.get(url).status_code == 403
    assert "Interne vraag" not in client.get(reverse("partner-questions")).content.decode()
    HarvestSharing.objects.create(
        organisation=neighbourhood.organisation, partners_see_internal=True
    )
    client = client_for("partner")
    assert client.get(url).status_code == 200
    assert "Interne vraag" in client.get(reverse("partner-questions")).content.decode()


def test_partner_questions_list_per_persona(neighbourhood, assert_access):
    assert_access(reverse("partner-questions"), allowed={"partner"})


def test_my_page_lists_questions_agreements_and_neighbourhoods(
    neighbourhood, organiser, client_for, partner
):
    from tests.followup.agreement_builders import make_agreement

    make_agreement(neighbourhood, organiser)
    meeting = make_harvest_meeting(neighbourhood)
    partner_questions.route(
        card=make_question(meeting), partner_kind="gemeente", partner_name="", actor=None
    )
    client = client_for("partner")
    page = client.get(reverse("my-page")).content.decode()
    assert "Wanneer komt er een zebrapad?" in page
    assert "Een veilige oversteek bij de school" in page
    assert neighbourhood.name in page
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("my-page"))
    for number in range(3):
        partner_questions.route(
            card=make_question(meeting, f"Vraag {number}"),
            partner_kind="gemeente",
            partner_name="",
            actor=None,
        )
        make_agreement(neighbourhood, organiser, email=f"r{number}@example.org")
    with CaptureQueriesContext(connection) as second:
        client.get(reverse("my-page"))
    assert len(second) == len(first)
