"""Residents' proposals wait for the organiser; duplicates are merged with their votes."""

from django.urls import reverse

from tests.agenda.organiser_data import make_agenda, make_statement, make_voter, vote
from tests.builders import make_series
from wijkdialoog.agenda.models import Statement, Vote
from wijkdialoog.core.models import AuditEntry


def test_the_organiser_accepts_and_rejects_proposals(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    good = make_statement(
        agenda, "Een bankje bij de speeltuin.", status="pending", origin="resident"
    )
    bad = make_statement(agenda, "Iets onaardigs.", status="pending", origin="resident")
    client = client_for("organiser")
    page = client.get(reverse("agenda-manage", args=[agenda.pk])).content.decode()
    assert 'id="moderation"' in page and good.text in page
    client.post(reverse("statement-moderate", args=[good.pk]), {"decision": "accept"})
    client.post(reverse("statement-moderate", args=[bad.pk]), {"decision": "reject"})
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == Statement.Status.ACCEPTED
    assert bad.status == Statement.Status.REJECTED
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"agenda.statement_accepted", "agenda.statement_rejected"} <= actions


def test_merging_moves_the_votes_of_voters_who_did_not_vote_on_the_other(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    a = make_statement(agenda, "Meer bomen.")
    b = make_statement(agenda, "Meer groen.")
    both, only_a = make_voter(agenda, 1), make_voter(agenda, 2)
    vote(both, a, -1)
    vote(both, b, 1)
    vote(only_a, a, 1)
    response = client_for("organiser").post(
        reverse("statement-merge", args=[a.pk]), {"merge-into": b.pk}
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == Statement.Status.REJECTED and a.merged_into == b
    assert set(Vote.objects.filter(statement=b).values_list("voter__number", "value")) == {
        (1, 1),
        (2, 1),
    }
    entry = AuditEntry.objects.get(action="agenda.statements_merged")
    assert entry.payload["votes_moved"] == 1


def test_a_statement_cannot_be_merged_into_another_agenda(client_for, neighbourhood):
    series = make_series(neighbourhood)
    a = make_statement(make_agenda(series), "Meer bomen.")
    elsewhere = make_statement(make_agenda(series), "Meer groen.")
    response = client_for("organiser").post(
        reverse("statement-merge", args=[a.pk]), {"merge-into": elsewhere.pk}
    )
    assert response.status_code == 400
    a.refresh_from_db()
    assert a.status == Statement.Status.ACCEPTED
