import pytest
from django.core.exceptions import ValidationError

from tests.agenda.voting_builders import add_statement, device, make_agenda, vote
from wijkdialoog.agenda import voting
from wijkdialoog.agenda.models import Agenda, Analysis, Statement, Vote, Voter
from wijkdialoog.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_device_is_one_voter_and_only_the_hash_of_its_token_is_stored(neighbourhood):
    agenda = make_agenda(neighbourhood)
    phone = device(agenda)
    vote(phone, agenda, 1)
    vote(phone, agenda, 2, "disagree")

    voter = Voter.objects.get()
    cookie = phone.cookies[voting.COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == f"/stem/{agenda.token}/"
    assert voter.token_hash and voter.token_hash not in cookie.value
    assert voter.number == 1 and voter.source == Voter.Source.ONLINE
    assert voter.registration is None
    assert dict(voter.votes.values_list("statement__number", "value")) == {1: 1, 2: -1}


def test_a_vote_can_be_changed_and_stays_one_vote(neighbourhood):
    agenda = make_agenda(neighbourhood)
    phone = device(agenda)
    vote(phone, agenda, 1, "agree")
    vote(phone, agenda, 1, "pass")

    assert list(Vote.objects.values_list("value", flat=True)) == [0]
    agenda.refresh_from_db()
    assert agenda.last_vote_at is not None


def test_a_personal_registration_link_ties_the_voter_to_the_registration(neighbourhood):
    from tests.builders import make_meeting, make_registration

    agenda = make_agenda(neighbourhood)
    meeting = make_meeting(agenda.series)
    registration = make_registration(meeting, "Anna")
    phone = device(agenda, r=registration.manage_token)
    vote(phone, agenda, 1)

    assert Voter.objects.get().registration == registration


def test_a_registration_of_another_series_is_not_tied(neighbourhood):
    from tests.builders import make_meeting, make_registration

    agenda = make_agenda(neighbourhood)
    registration = make_registration(make_meeting(neighbourhood), "Anna")
    phone = device(agenda, r=registration.manage_token)
    vote(phone, agenda, 1)

    assert Voter.objects.get().registration is None


def test_cast_vote_refuses_hidden_foreign_and_closed(neighbourhood):
    agenda = make_agenda(neighbourhood)
    other = make_agenda(neighbourhood)
    voter = voting.new_voter(agenda=agenda, token_hash="a" * 64, source=Voter.Source.ONLINE)
    pending = add_statement(agenda, 9, status=Statement.Status.PENDING)
    rejected = add_statement(agenda, 10, status=Statement.Status.REJECTED)
    for statement in [pending, rejected, other.statements.first()]:
        with pytest.raises(ValidationError):
            voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=1)
    with pytest.raises(ValidationError):
        voting.cast_vote(agenda=agenda, voter=voter, statement=agenda.statements.first(), value=7)
    agenda.closes_at = agenda.opens_at
    agenda.save()
    with pytest.raises(ValidationError) as error:
        voting.cast_vote(agenda=agenda, voter=voter, statement=agenda.statements.first(), value=1)
    assert error.value.code == "closed"
    assert not Vote.objects.exists()


def test_a_vote_on_an_agenda_closed_meanwhile_is_undone(neighbourhood):
    agenda = make_agenda(neighbourhood)
    voter = voting.new_voter(agenda=agenda, token_hash="c" * 64, source=Voter.Source.ONLINE)
    statement = agenda.statements.first()
    voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=1)
    # The organiser closes the agenda after this request read it (still open in memory).
    Agenda.objects.filter(pk=agenda.pk).update(closes_at=agenda.opens_at)

    with pytest.raises(ValidationError) as error:
        voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=-1)

    assert error.value.code == "closed"
    assert list(Vote.objects.values_list("value", flat=True)) == [1]


def test_cast_vote_changes_the_one_vote_and_its_time(neighbourhood):
    agenda = make_agenda(neighbourhood)
    voter = voting.new_voter(agenda=agenda, token_hash="d" * 64, source=Voter.Source.ONLINE)
    statement = agenda.statements.first()
    first = voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=1)
    second = voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=0)

    stored = Vote.objects.get()
    assert (stored.value, stored.pk) == (0, first.pk) and second.value == 0
    assert stored.updated_at == second.updated_at >= first.updated_at
    agenda.refresh_from_db()
    assert agenda.last_vote_at == second.updated_at


def test_next_statement_prefers_statements_with_few_votes(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    others = [
        voting.new_voter(agenda=agenda, token_hash=f"{n}" * 64, source="online") for n in range(3)
    ]
    first, second, third = agenda.statements.order_by("number")
    for voter in others:
        voting.cast_vote(agenda=agenda, voter=voter, statement=first, value=1)
    voting.cast_vote(agenda=agenda, voter=others[0], statement=second, value=1)
    me = voting.new_voter(agenda=agenda, token_hash="f" * 64, source="online")

    assert voting.next_statement(agenda, me) == third
    voting.cast_vote(agenda=agenda, voter=me, statement=third, value=0)
    assert voting.next_statement(agenda, me) == second
    voting.cast_vote(agenda=agenda, voter=me, statement=second, value=0)
    voting.cast_vote(agenda=agenda, voter=me, statement=first, value=0)
    assert voting.next_statement(agenda, me) is None


def test_next_statement_prefers_statements_that_tell_groups_apart(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    groups = [
        {"id": 0, "votes": {"1": {"agree": 5, "seen": 5}, "2": {"agree": 2, "seen": 5}}},
        {"id": 1, "votes": {"1": {"agree": 5, "seen": 5}, "2": {"agree": 5, "seen": 5}}},
    ]
    from django.utils import timezone

    Analysis.objects.create(agenda=agenda, computed_at=timezone.now(), result={"groups": groups})
    me = voting.new_voter(agenda=agenda, token_hash="f" * 64, source="online")

    assert voting.next_statement(agenda, me).number == 2


def test_a_proposal_waits_for_moderation_and_is_audited(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=2)
    voter = voting.new_voter(agenda=agenda, token_hash="f" * 64, source="online")
    statement = voting.propose_statement(agenda=agenda, voter=voter, text="  Een  bankje  ")

    assert statement.text == "Een bankje" and statement.number == 3
    assert statement.status == Statement.Status.PENDING
    assert statement.origin == Statement.Origin.RESIDENT and statement.proposed_by == voter
    assert AuditEntry.objects.filter(action="agenda.statement_proposed").exists()
    assert voting.next_statement(agenda, voter).number != 3


def test_progress_counts_votes_on_statements_in_the_vote(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=4)
    voter = voting.new_voter(agenda=agenda, token_hash="f" * 64, source="online")
    voting.cast_vote(agenda=agenda, voter=voter, statement=agenda.statements.first(), value=1)

    assert voting.progress(agenda, voter) == voting.Progress(1, 4)
    assert voting.progress(agenda, None) == voting.Progress(0, 4)
