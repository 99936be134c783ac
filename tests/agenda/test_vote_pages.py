"""The public voting pages through HTTP, without JavaScript, and every bad input of item 9."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.agenda.voting_builders import add_statement, device, make_agenda, vote
from wijkdialoog.agenda import voting
from wijkdialoog.agenda.models import Statement, Vote, Voter

pytestmark = pytest.mark.django_db


def url(agenda, name="agenda-vote"):
    return reverse(name, args=[agenda.token])


def test_the_page_shows_one_statement_three_buttons_and_progress(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    response = Client().get(url(agenda))
    html = response.content.decode()

    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    assert "Eens" in html and "Oneens" in html and "Sla over" in html
    assert "0 van de 3" in html
    assert not Voter.objects.exists()  # a GET changes nothing


def test_voting_without_javascript_walks_through_every_statement(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    phone = device(agenda)
    for _ in range(3):
        page = phone.get(url(agenda))
        number = page.context["statement"].number
        response = vote(phone, agenda, number, "agree")
        assert response.status_code == 302

    html = phone.get(url(agenda)).content.decode()
    assert "3 van de 3" in html and "Je hebt over elke stelling gestemd" in html
    assert Vote.objects.count() == 3


def test_a_voter_sees_and_changes_their_own_votes(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    phone = device(agenda)
    vote(phone, agenda, 2, "agree")
    someone_else = device(agenda)
    vote(someone_else, agenda, 1, "disagree")

    page = phone.get(url(agenda, "agenda-my-votes"))
    assert [v.statement.number for v, _text in page.context["votes"]] == [2]
    response = vote(phone, agenda, 2, "disagree", back="mine")
    assert response.status_code == 302 and response["Location"] == url(agenda, "agenda-my-votes")
    assert Vote.objects.get(voter__votes__statement__number=2).value == -1


def test_a_resident_proposes_a_statement_that_waits_for_a_check(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    phone = device(agenda)
    response = phone.post(url(agenda, "agenda-propose"), {"text": "Een speeltuin bij de school"})
    assert response.status_code == 302
    page = phone.get(response["Location"]).content.decode()
    assert "We kijken eerst naar je stelling" in page
    statement = Statement.objects.get(number=2)
    assert statement.status == Statement.Status.PENDING
    assert "Een speeltuin" not in Client().get(url(agenda)).content.decode()


def test_an_empty_or_too_long_proposal_shows_the_error_next_to_the_field(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    phone = device(agenda)
    response = phone.post(url(agenda, "agenda-propose"), {"text": "x" * 201})
    assert response.status_code == 400
    assert "x" * 201 in response.content.decode()
    assert phone.post(url(agenda, "agenda-propose"), {"text": "  "}).status_code == 400
    assert agenda.statements.count() == 1


def test_proposals_are_refused_when_the_agenda_does_not_take_them(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1, allow_proposals=False)
    phone = device(agenda)
    assert "propose-form" not in phone.get(url(agenda)).content.decode()
    response = phone.post(url(agenda, "agenda-propose"), {"text": "Nieuw"})
    assert response.status_code == 409
    assert agenda.statements.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"statement": "1", "vote": "maybe"},
        {"statement": "1"},
        {"vote": "agree"},
        {"statement": "abc", "vote": "agree"},
        {"statement": "-1", "vote": "agree"},
        {"statement": "99999999999999999999", "vote": "agree"},
        {"statement": "999", "vote": "agree"},
    ],
)
def test_bad_votes_get_a_clear_answer_and_change_nothing(neighbourhood, data):
    agenda = make_agenda(neighbourhood, statements=2)
    phone = device(agenda)
    response = phone.post(url(agenda), data)
    assert response.status_code == 400
    assert "Er is niets veranderd" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_on_a_hidden_or_another_agendas_statement_changes_nothing(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    add_statement(agenda, 2, status=Statement.Status.PENDING)
    add_statement(agenda, 3, status=Statement.Status.REJECTED)
    other = make_agenda(neighbourhood, statements=5)
    phone = device(agenda)
    for number in (2, 3, 5):
        response = vote(phone, agenda, number)
        assert response.status_code == 400
    assert not Vote.objects.exists()
    assert not other.voters.exists()


@pytest.mark.parametrize("cookie", [None, "forged", "copied"])
def test_a_vote_with_a_missing_forged_or_copied_token_changes_nothing(neighbourhood, cookie):
    agenda = make_agenda(neighbourhood, statements=1)
    other = make_agenda(neighbourhood, statements=1)
    phone = Client()
    if cookie == "forged":
        phone.cookies[voting.COOKIE_NAME] = "a" * 43 + ":forgedsignature"
    if cookie == "copied":
        value = device(other).cookies[voting.COOKIE_NAME].value
        phone.cookies[voting.COOKIE_NAME] = value
    response = vote(phone, agenda, 1)
    assert response.status_code == 403
    assert "Er is niets veranderd" in response.content.decode()
    assert not Voter.objects.filter(agenda=agenda).exists() and not Vote.objects.exists()


def test_a_closed_agenda_shows_a_clear_page_and_refuses_votes(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    phone = device(agenda)
    agenda.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    agenda.save()

    page = phone.get(url(agenda)).content.decode()
    assert "Stemmen is gesloten" in page and "vote-form" not in page
    response = vote(phone, agenda, 1)
    assert response.status_code == 409
    assert not Vote.objects.exists()
    response = phone.post(url(agenda, "agenda-propose"), {"text": "Nieuw"})
    assert response.status_code == 409 and agenda.statements.count() == 1


def test_an_agenda_not_yet_open_says_so(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1, open=False)
    page = Client().get(url(agenda)).content.decode()
    assert "nog niet begonnen" in page
    assert vote(device_less := Client(), agenda, 1).status_code == 409
    assert device_less is not None and not Vote.objects.exists()


def test_an_unknown_agenda_is_not_found(db):
    assert Client().get("/stem/niet-bestaand/").status_code == 404


def test_the_statement_shows_in_english_or_in_dutch_marked_as_dutch(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=0, title_en="What matters?")
    add_statement(agenda, 1, text="Meer bankjes")
    phone = Client(headers={"accept-language": "en"})
    phone.cookies["django_language"] = "en"
    html = phone.get(url(agenda)).content.decode()
    assert "What matters?" in html
    assert 'lang="nl">Meer bankjes' in html
    assert "Agree" in html


def test_votes_are_rate_limited_per_device(neighbourhood, settings):
    settings.AGENDA_VOTE_RATE_PER_DEVICE = "3/h"
    agenda = make_agenda(neighbourhood, statements=5)
    phone = device(agenda)
    statuses = [vote(phone, agenda, n).status_code for n in range(1, 6)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Vote.objects.count() == 3


@pytest.mark.parametrize("count", [5, 50])
def test_the_vote_page_needs_a_fixed_number_of_queries(
    neighbourhood, count, django_assert_max_num_queries
):
    agenda = make_agenda(neighbourhood, statements=count)
    phone = device(agenda)
    for number in range(1, 4):
        vote(phone, agenda, number)
    with django_assert_max_num_queries(10):
        assert phone.get(url(agenda)).status_code == 200
    with django_assert_max_num_queries(10):
        assert phone.get(url(agenda, "agenda-my-votes")).status_code == 200
