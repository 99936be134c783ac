"""Making an agenda from a Polis export: one statement per comment (its comment-id as number),
one anonymous voter per participant (source IMPORTED, no device token, so no cookie can ever
vote as one of them) and their last votes. All in one transaction: an error leaves nothing."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series

from .analysing import request_analysis
from .models import Agenda, Statement, Vote, Voter
from .polis import PolisExport

BATCH = 2000
STATUS = {
    -1: Statement.Status.REJECTED,
    0: Statement.Status.PENDING,
    1: Statement.Status.ACCEPTED,
}


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _participants(export: PolisExport) -> list[int]:
    voters = {voter for voter, _comment, _value in export.votes}
    authors = {c.author_id for c in export.comments if c.author_id is not None}
    return sorted(voters | authors)


@transaction.atomic
def import_agenda(*, series: Series, actor: Any, title: str, export: PolisExport) -> Agenda:
    """A new agenda of the series holding the export; the analysis is queued after commit."""
    agenda = Agenda(
        series=series,
        title=title.strip(),
        created_by=_user(actor),
        last_vote_at=timezone.now() if export.votes else None,
    )
    agenda.full_clean()
    agenda.save()
    Voter.objects.bulk_create(
        (
            Voter(agenda=agenda, number=number, source=Voter.Source.IMPORTED)
            for number in _participants(export)
        ),
        batch_size=BATCH,
    )
    voter_pks = dict(agenda.voters.values_list("number", "pk"))
    Statement.objects.bulk_create(
        (
            Statement(
                agenda=agenda,
                number=comment.id,
                text=comment.text,
                status=STATUS[comment.moderated],
                origin=Statement.Origin.IMPORTED,
                is_meta=comment.is_meta,
                proposed_by_id=voter_pks.get(comment.author_id),  # type: ignore[arg-type]
                created_by=_user(actor),
            )
            for comment in export.comments
        ),
        batch_size=BATCH,
    )
    statement_pks = dict(agenda.statements.values_list("number", "pk"))
    Vote.objects.bulk_create(
        (
            Vote(voter_id=voter_pks[voter], statement_id=statement_pks[comment], value=value)
            for voter, comment, value in export.votes
        ),
        batch_size=BATCH,
    )
    audit.record(
        actor=actor,
        action="agenda.imported",
        subject=agenda,
        payload={
            "statements": len(export.comments),
            "voters": len(voter_pks),
            "votes": len(export.votes),
        },
    )
    if export.votes:
        request_analysis(agenda)
    return agenda
