"""Typing in paper ballots with the keyboard, one ballot at a time."""

import pytest
from django.urls import reverse

from tests.agenda.voting_builders import make_agenda
from wijkdialoog.agenda.models import Vote, Voter
from wijkdialoog.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_ballot_becomes_a_paper_voter_with_its_votes(neighbourhood, client_for):
    agenda = make_agenda(neighbourhood, statements=4)
    url = reverse("agenda-paper-entry", args=[agenda.pk])
    client = client_for("organiser")
    response = client.post(url, {"s1": "e", "s2": "O", "s3": "-1", "s4": ""})

    assert response.status_code == 302
    voter = Voter.objects.get()
    assert voter.source == Voter.Source.PAPER and voter.token_hash == ""
    assert dict(voter.votes.values_list("statement__number", "value")) == {1: 1, 2: -1, 3: -1}
    assert AuditEntry.objects.filter(action="agenda.ballot_entered").count() == 1
    page = client.get(url).content.decode()
    assert "Stembiljet 1 is opgeslagen" in page and "3 antwoorden" in page


def test_a_wrong_answer_is_shown_next_to_its_field_and_typed_input_is_kept(
    neighbourhood, client_for
):
    agenda = make_agenda(neighbourhood, statements=2)
    url = reverse("agenda-paper-entry", args=[agenda.pk])
    response = client_for("organiser").post(url, {"s1": "x", "s2": "e"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Typ e (eens), o (oneens) of s (sla over)" in html
    assert 'value="e"' in html and 'value="x"' in html
    assert not Vote.objects.exists() and not Voter.objects.exists()


def test_an_empty_ballot_is_refused(neighbourhood, client_for):
    agenda = make_agenda(neighbourhood, statements=2)
    url = reverse("agenda-paper-entry", args=[agenda.pk])
    response = client_for("organiser").post(url, {"s1": "", "s2": ""})

    assert response.status_code == 200
    assert "Dit stembiljet is leeg" in response.content.decode()
    assert not Voter.objects.exists()


def test_the_entry_page_needs_a_fixed_number_of_queries(
    neighbourhood, client_for, django_assert_max_num_queries
):
    agenda = make_agenda(neighbourhood, statements=30)
    client = client_for("organiser")
    url = reverse("agenda-paper-entry", args=[agenda.pk])
    for _ in range(3):
        client.post(url, {"s1": "e", "s2": "o"})
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
