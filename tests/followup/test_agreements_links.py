"""Where wijkafspraken and partners' answers show beyond their own pages: the timeline records
parties joining, committing and declining; an agreement from a wijkagenda priority links back and
is shown with the priority; a public partner answer shows with its card on the harvest page, in
one query for the whole page."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.agenda.organiser_data import make_agenda
from tests.builders import make_harvest_meeting
from tests.followup.agreement_builders import make_agreement, make_question
from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.followup import agreements, partner_questions
from wijkdialoog.followup.models import AgreementUpdate

Event = AgreementUpdate.Event


def test_the_timeline_shows_parties_joining_committing_and_declining(
    neighbourhood, organiser, client_for
):
    agreement, gemeente, resident = make_agreement(neighbourhood, organiser)
    agreements.respond(party=gemeente, response="committed", reason="", actor=None)
    agreements.respond(party=resident, response="declined", reason="Ik verhuis.", actor=None)

    events = list(
        AgreementUpdate.objects.filter(agreement=agreement)
        .order_by("pk")
        .values_list("party_id", "event")
    )
    assert events == [
        (gemeente.pk, Event.PARTY_ADDED),
        (resident.pk, Event.PARTY_ADDED),
        (gemeente.pk, Event.COMMITTED),
        (resident.pk, Event.DECLINED),
    ]
    page = client_for("organiser").get(reverse("agreement-detail", args=[agreement.pk]))
    timeline = page.content.decode().split('id="timeline"')[1]
    assert timeline.count("neemt deel aan de afspraak") == 2
    assert "zegt toe" in timeline
    assert "doet niet mee" in timeline and "Ik verhuis." in timeline
    assert "De gemeente legt een zebrapad aan." in timeline


def test_an_agreement_from_a_wijkagenda_priority_links_back_and_shows_there(
    neighbourhood, organiser, client_for
):
    meeting = make_harvest_meeting(neighbourhood)
    agenda = make_agenda(meeting.series)
    item = AgendaItem.objects.create(agenda=agenda, title="Meer groen", why="Te veel stenen")
    other = AgendaItem.objects.create(agenda=agenda, title="Een bankje", why="Om te rusten")
    client = client_for("organiser")
    compose_url = reverse("wijkagenda-compose", args=[agenda.pk])
    compose = client.get(compose_url).content.decode()
    assert f'id="item-{item.pk}-agreement"' in compose
    form_url = reverse("series-agreements", args=[meeting.series_id]) + f"?agenda_item={item.pk}"
    assert "Te veel stenen" in client.get(form_url).content.decode()
    response = client.post(form_url, {"title": "Tegels eruit", "description": ""})
    agreement = agreement_of(response)
    assert agreement.agenda_item == item

    page = client.get(reverse("agreement-detail", args=[agreement.pk])).content.decode()
    assert "Meer groen" in page
    assert f"{compose_url}#item-{item.pk}" in page
    with CaptureQueriesContext(connection) as one_item:
        compose = client.get(compose_url).content.decode()
    assert f'id="item-{item.pk}-agreement-{agreement.pk}"' in compose
    assert f'id="item-{other.pk}-agreement-' not in compose.replace(
        f'id="item-{other.pk}-agreement"', ""
    )
    for n in range(3):
        agreements.create_agreement(
            series=meeting.series,
            title=f"Afspraak {n}",
            description="",
            actor=None,
            agenda_item=other,
        )
    with CaptureQueriesContext(connection) as more:
        compose = client.get(compose_url).content.decode()
    assert compose.count(f'id="item-{other.pk}-agreement-') == 3
    assert len(more) == len(one_item)
    # Other personas do not reach the compose page, so they never see the link.
    assert client_for("partner").get(compose_url).status_code in (403, 404)


def agreement_of(response):
    from wijkdialoog.followup.models import Agreement

    assert response.status_code == 302, response.content.decode()[:500]
    return Agreement.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def answered(card, *, public, name="", kind="gemeente", text="Het zebrapad komt in mei."):
    question = partner_questions.route(card=card, partner_kind=kind, partner_name=name, actor=None)
    return partner_questions.answer(
        question=question, text=text, is_public=public, decline_reason="", actor=None
    )


def test_a_public_partner_answer_shows_with_the_card_on_the_harvest_page(neighbourhood, client_for):
    meeting = make_harvest_meeting(neighbourhood)
    public = make_question(meeting, "Wanneer komt er een zebrapad?")
    private = make_question(meeting, "Wie maait het gras?")
    answered(public, public=True)
    answered(private, public=False, name="Wijkteam Oost", kind="", text="Geheim antwoord")
    url = reverse("series-harvest", args=[meeting.series_id])
    for persona in ("anonymous", "organiser", "partner", "facilitator"):
        response = client_for(persona).get(url) if persona != "anonymous" else Client().get(url)
        page = response.content.decode()
        assert response.status_code == 200, persona
        assert f'id="card-{public.pk}-answer"' in page, persona
        assert "Reactie van de gemeente" in page and "Het zebrapad komt in mei." in page
        assert f'id="card-{private.pk}-answer"' not in page
        assert "Geheim antwoord" not in page
    english = Client(headers={"accept-language": "en"}).get(url).content.decode()
    assert "Reply from the municipality" in english


def test_the_answers_of_a_harvest_page_cost_one_query(neighbourhood):
    meeting = make_harvest_meeting(neighbourhood)
    answered(make_question(meeting, "Vraag 1"), public=True, name="Gemeente Westerlaan")
    url = reverse("series-harvest", args=[meeting.series_id])
    client = Client()
    with CaptureQueriesContext(connection) as one:
        first = client.get(url).content.decode()
    assert "Reactie van Gemeente Westerlaan" in first
    for n in range(2, 7):
        answered(make_question(meeting, f"Vraag {n}"), public=True, text=f"Antwoord {n}")
    with CaptureQueriesContext(connection) as six:
        page = client.get(url).content.decode()
    assert page.count('class="wd-card wd-partner-answer"') == 6
    assert len(six) == len(one)
    answer_queries = [q for q in six.captured_queries if "followup_partnerquestion" in q["sql"]]
    assert len(answer_queries) == 1
