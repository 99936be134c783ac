"""Voting on a phone through the QR link: no account, one vote per device that may change while
the vote is open, a clear page once it is closed, rate limits, forged cookies refused, and two
votes from one device at once keep one (SQLite and PostgreSQL)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.agenda.test_vote_concurrency import at_once
from tests.followup.decision_builders import decided, dream_decision
from wijkdialoog.followup import decision_voting, decisions
from wijkdialoog.followup.decision_voting import COOKIE_NAME
from wijkdialoog.followup.models import Decision, DecisionVote


@pytest.fixture
def decision(neighbourhood):
    return dream_decision(neighbourhood, status=Decision.Status.OPEN)


def vote_url(decision):
    return reverse("decision-vote", args=[decision.token])


def test_a_resident_votes_and_changes_the_vote_on_one_device_without_an_account(decision):
    phone = Client()
    page = phone.get(vote_url(decision))
    assert page.status_code == 200 and "noindex" in page.content.decode()
    assert DecisionVote.objects.count() == 0  # a GET changes nothing
    cookie = page.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["path"] == vote_url(decision)
    first, second, _third = decision.options.order_by("position")
    response = phone.post(vote_url(decision), {"option": first.pk})
    assert response.status_code == 302
    phone.post(vote_url(decision), {"option": second.pk})
    vote = DecisionVote.objects.get()
    assert vote.option == second and len(vote.token_hash) == 64
    page = phone.get(vote_url(decision)).content.decode()
    assert f'id="option-{second.pk}"' in page and 'aria-pressed="true"' in page
    # Another phone is another voter.
    other = Client()
    other.get(vote_url(decision))
    other.post(vote_url(decision), {"option": first.pk})
    assert DecisionVote.objects.count() == 2


def test_a_vote_without_the_cookie_or_with_a_forged_one_changes_nothing(decision):
    option = decision.options.first()
    response = Client().post(vote_url(decision), {"option": option.pk})
    assert response.status_code == 400
    assert "Je stem is niet bewaard" in response.content.decode()
    forged = Client()
    forged.cookies[COOKIE_NAME] = "x" * 40 + ":forged"
    assert forged.post(vote_url(decision), {"option": option.pk}).status_code == 400
    assert not DecisionVote.objects.exists()


def test_a_cookie_of_another_decision_is_refused(neighbourhood, decision):
    other = dream_decision(neighbourhood, status=Decision.Status.OPEN)
    phone = Client()
    phone.get(vote_url(other))
    raw = phone.cookies[COOKIE_NAME].value
    thief = Client()
    thief.cookies[COOKIE_NAME] = raw
    response = thief.post(vote_url(decision), {"option": decision.options.first().pk})
    assert response.status_code == 400 and not DecisionVote.objects.exists()


def test_an_option_of_another_decision_is_refused(neighbourhood, decision):
    other = dream_decision(neighbourhood, status=Decision.Status.OPEN)
    phone = Client()
    phone.get(vote_url(decision))
    response = phone.post(vote_url(decision), {"option": other.options.first().pk})
    assert response.status_code == 400
    assert "Kies een van de keuzes." in response.content.decode()
    assert not DecisionVote.objects.exists()


def test_a_closed_vote_shows_a_clear_page_and_takes_no_votes(decision):
    phone = Client()
    phone.get(vote_url(decision))
    decisions.close_vote(decision=decision, actor=None)
    page = phone.get(vote_url(decision))
    assert page.status_code == 200 and "Het stemmen is gesloten" in page.content.decode()
    response = phone.post(vote_url(decision), {"option": decision.options.first().pk})
    assert response.status_code == 409 and not DecisionVote.objects.exists()


def test_a_vote_that_is_still_being_prepared_is_not_there(neighbourhood):
    draft = dream_decision(neighbourhood)
    assert Client().get(vote_url(draft)).status_code == 404
    assert Client().get(reverse("decision-vote", args=["nope"])).status_code == 404


def test_the_closed_page_shows_the_choice_with_what_the_minority_needs(neighbourhood):
    decision = decided(neighbourhood, needs="Een hoekje voor plantenbakken.")
    page = Client().get(vote_url(decision)).content.decode()
    assert "Een bankje bij de vijver" in page and "Een hoekje voor plantenbakken." in page


def test_votes_from_one_device_are_rate_limited(decision, settings):
    settings.AGENDA_VOTE_RATE_PER_DEVICE = "3/m"
    phone = Client()
    phone.get(vote_url(decision))
    option = decision.options.first()
    statuses = [phone.post(vote_url(decision), {"option": option.pk}).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_phone_votes_and_dots_on_paper_add_up_in_the_result(decision):
    first, second, third = decision.options.order_by("position")
    for index, option in enumerate((first, second, second)):
        decision_voting.cast_vote(decision=decision, token=f"{index}" * 40, option_id=option.pk)
    decisions.record_paper_votes(decision=decision, tallies={first.pk: 5, third.pk: 1}, actor=None)
    totals = {
        row.option.text: (row.phone, row.paper, row.total) for row in decisions.results(decision)
    }
    assert totals == {
        first.text: (1, 5, 6),
        second.text: (2, 0, 2),
        third.text: (0, 1, 1),
    }


@pytest.mark.django_db(transaction=True)
def test_two_votes_from_one_device_at_once_keep_one(neighbourhood):
    decision = dream_decision(neighbourhood, status=Decision.Status.OPEN)
    options = list(decision.options.order_by("position"))
    token = "t" * 43

    errors = at_once(
        lambda n: decision_voting.cast_vote(
            decision=decision, token=token, option_id=options[n % 3].pk
        )
    )

    assert errors == []
    assert DecisionVote.objects.filter(decision=decision).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_vote_and_closing_the_vote_at_once_never_leave_a_vote_after_closing(neighbourhood):
    decision = dream_decision(neighbourhood, status=Decision.Status.OPEN)
    option = decision.options.first()
    results = []

    def work(n):
        if n == 0:
            decisions.close_vote(decision=decision, actor=None)
        else:
            try:
                decision_voting.cast_vote(decision=decision, token=f"{n}" * 40, option_id=option.pk)
                results.append("stored")
            except ValidationError:
                results.append("refused")

    errors = at_once(work, count=3)

    assert errors == []
    decision.refresh_from_db()
    assert decision.is_closed
    stored = DecisionVote.objects.filter(decision=decision)
    # Every stored vote came before the close: the last vote moment is never after it.
    assert stored.count() == results.count("stored")
    assert set(results) <= {"stored", "refused"}
