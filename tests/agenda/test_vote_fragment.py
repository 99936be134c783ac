"""A vote sent by vote.js gets the vote area alone (progress and the next statement) from the
same view, and every refusal gets the same status and message as without JavaScript."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.agenda.voting_builders import (
    add_statement,
    device,
    make_agenda,
    vote,
    vote_in_background,
)
from wijkdialoog.agenda import voting
from wijkdialoog.agenda.models import Statement, Vote, Voter

pytestmark = pytest.mark.django_db

BOTH_WAYS = pytest.mark.parametrize("send", [vote, vote_in_background], ids=["form", "script"])


def is_fragment(response) -> bool:
    html = response.content.decode()
    return html.lstrip().startswith('<div class="wd-stack') and "<html" not in html


def test_a_background_vote_answers_with_progress_and_the_next_statement(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    phone = device(agenda)
    first = phone.get(reverse("agenda-vote", args=[agenda.token])).context["statement"]

    response = vote_in_background(phone, agenda, first.number, "disagree")

    html = response.content.decode()
    assert response.status_code == 200 and is_fragment(response)
    assert 'id="vote-area"' in html and "1 van de 3" in html
    following = response.context["statement"]
    assert following != first and f'name="statement" value="{following.number}"' in html
    assert 'id="my-votes-link"' in html and "csrfmiddlewaretoken" in html
    assert Vote.objects.get().value == Vote.Value.DISAGREE


def test_the_last_background_vote_answers_with_the_end_of_the_vote(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=2)
    phone = device(agenda)
    vote(phone, agenda, 1)

    response = vote_in_background(phone, agenda, 2, "pass")

    html = response.content.decode()
    assert response.status_code == 200 and is_fragment(response)
    assert "2 van de 2" in html and "Je hebt over elke stelling gestemd" in html
    assert 'id="vote-form"' not in html


def test_a_background_vote_from_the_own_votes_page_still_goes_back_there(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=2)
    phone = device(agenda)
    vote(phone, agenda, 1)

    response = vote_in_background(phone, agenda, 1, "disagree", back="mine")

    assert response.status_code == 302
    assert response["Location"] == reverse("agenda-my-votes", args=[agenda.token])


@BOTH_WAYS
@pytest.mark.parametrize("cookie", [None, "forged", "copied"])
def test_a_missing_forged_or_copied_token_is_refused_the_same_way(neighbourhood, send, cookie):
    agenda = make_agenda(neighbourhood, statements=1)
    other = make_agenda(neighbourhood, statements=1)
    phone = Client()
    if cookie == "forged":
        phone.cookies[voting.COOKIE_NAME] = "a" * 43 + ":forgedsignature"
    if cookie == "copied":
        phone.cookies[voting.COOKIE_NAME] = device(other).cookies[voting.COOKIE_NAME].value

    response = send(phone, agenda, 1)

    assert response.status_code == 403
    assert "Je browser stuurde de stemcode" in response.content.decode()
    assert is_fragment(response) == (send is vote_in_background)
    assert not Voter.objects.filter(agenda=agenda).exists() and not Vote.objects.exists()


@BOTH_WAYS
def test_a_vote_after_the_agenda_closed_meanwhile_is_refused_the_same_way(neighbourhood, send):
    agenda = make_agenda(neighbourhood, statements=2)
    phone = device(agenda)
    agenda.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    agenda.save()

    response = send(phone, agenda, 1)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Stemmen is gesloten voor deze agenda" in html and "Er is niets veranderd" in html
    assert is_fragment(response) == (send is vote_in_background)
    assert not Vote.objects.exists()


@BOTH_WAYS
@pytest.mark.parametrize("status", [Statement.Status.PENDING, Statement.Status.REJECTED])
def test_a_vote_on_a_hidden_statement_is_refused_the_same_way(neighbourhood, send, status):
    agenda = make_agenda(neighbourhood, statements=1)
    add_statement(agenda, 2, status=status)
    phone = device(agenda)

    response = send(phone, agenda, 2)

    assert response.status_code == 400
    assert "Er is niets veranderd" in response.content.decode()
    assert is_fragment(response) == (send is vote_in_background)
    assert not Vote.objects.exists()


@BOTH_WAYS
def test_a_vote_on_an_unknown_agenda_is_not_found(db, send):
    made_up = SimpleNamespace(token="niet-bestaand")
    assert send(Client(), made_up, 1).status_code == 404


@BOTH_WAYS
def test_the_rate_limit_refuses_the_same_way(neighbourhood, settings, send):
    settings.AGENDA_VOTE_RATE_PER_DEVICE = "2/h"
    agenda = make_agenda(neighbourhood, statements=4)
    phone = device(agenda)

    statuses = [send(phone, agenda, n).status_code for n in range(1, 5)]

    assert statuses[2:] == [429, 429]
    response = send(phone, agenda, 4)
    assert "te vaak" in response.content.decode().lower()
    assert Vote.objects.count() == 2


@pytest.mark.parametrize("count", [5, 50])
def test_the_fragment_needs_a_fixed_number_of_queries(
    neighbourhood, count, django_assert_max_num_queries
):
    agenda = make_agenda(neighbourhood, statements=count)
    phone = device(agenda)
    vote(phone, agenda, 1)
    with django_assert_max_num_queries(20):
        assert vote_in_background(phone, agenda, 2).status_code == 200


def test_the_device_limit_holds_while_the_page_renews_its_cookie(neighbourhood, settings):
    settings.AGENDA_VOTE_RATE_PER_DEVICE = "2/h"
    agenda = make_agenda(neighbourhood, statements=3)
    phone = device(agenda)
    statuses = []
    for number in range(1, 4):
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=number)):
            phone.get(reverse("agenda-vote", args=[agenda.token]))  # a fresh signature
            statuses.append(vote(phone, agenda, number).status_code)
    assert statuses == [302, 302, 429]
