"""Who may open the voting pages and the paper pages: every persona, and a voter's token."""

import pytest
import rules
from django.urls import reverse

from tests.agenda.voting_builders import device, make_agenda, vote
from tests.conftest import PERSONAS
from wijkdialoog.agenda.models import Vote

pytestmark = pytest.mark.django_db


def test_manage_agenda_is_for_the_organiser_of_the_series_only(neighbourhood, user_for):
    agenda = make_agenda(neighbourhood, statements=1)
    for persona in PERSONAS:
        if persona == "anonymous":
            continue
        allowed = rules.has_perm("agenda.manage_agenda", user_for(persona), agenda)
        assert allowed == (persona == "organiser"), persona


def test_the_ballot_and_paper_entry_are_for_the_organiser(neighbourhood, assert_access):
    agenda = make_agenda(neighbourhood, statements=1)
    assert_access(reverse("agenda-ballot", args=[agenda.pk]), allowed={"organiser"})
    assert_access(reverse("agenda-paper-entry", args=[agenda.pk]), allowed={"organiser"})
    assert_access(
        reverse("agenda-paper-entry", args=[agenda.pk]),
        allowed={"organiser"},
        method="post",
        data={"s1": "e"},
        status=302,
    )


def test_the_voting_pages_are_open_to_everyone(neighbourhood, assert_access):
    agenda = make_agenda(neighbourhood, statements=1)
    everyone = set(PERSONAS)
    assert_access(reverse("agenda-vote", args=[agenda.token]), allowed=everyone)
    assert_access(reverse("agenda-my-votes", args=[agenda.token]), allowed=everyone)


def test_a_voter_token_sees_and_changes_only_its_own_votes(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=2)
    mine, theirs = device(agenda), device(agenda)
    vote(mine, agenda, 1, "agree")
    vote(theirs, agenda, 2, "disagree")

    page = mine.get(reverse("agenda-my-votes", args=[agenda.token]))
    assert [v.statement.number for v, _text in page.context["votes"]] == [1]
    vote(mine, agenda, 2, "agree")
    assert Vote.objects.filter(value=-1).count() == 1  # theirs is untouched
