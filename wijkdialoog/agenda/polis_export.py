"""An agenda as a Polis export (zip): comments.csv, votes.csv, participants-votes.csv and a
README.txt. Voters are numbered 0..n-1 in each export, in the order of their numbers, so an
imported conversation keeps its participant ids; statements keep their numbers (the Polis
comment-id for imported ones). No personal data: no names, tokens or database keys."""

import io
import zipfile
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit

from .models import Agenda, Statement, Vote
from .polis import PolisComment, write_export

MODERATED = {
    Statement.Status.REJECTED: -1,
    Statement.Status.PENDING: 0,
    Statement.Status.ACCEPTED: 1,
}
FILES = ("comments.csv", "votes.csv", "participants-votes.csv")


def polis_data(agenda: Agenda) -> tuple[list[PolisComment], list[tuple[int, int, int]]]:
    """The agenda's statements and votes with the export's voter ids."""
    statements = list(
        agenda.statements.order_by("number").values_list(
            "number", "text", "status", "is_meta", "proposed_by__number"
        )
    )
    votes = list(
        Vote.objects.filter(statement__agenda=agenda).values_list(
            "voter__number", "statement__number", "value"
        )
    )
    numbers = {voter for voter, _s, _v in votes}
    numbers |= {author for *_rest, author in statements if author is not None}
    export_id = {number: index for index, number in enumerate(sorted(numbers))}
    comments = [
        PolisComment(
            id=number,
            text=text,
            moderated=MODERATED[Statement.Status(status)],
            is_meta=is_meta,
            author_id=None if author is None else export_id[author],
        )
        for number, text, status, is_meta, author in statements
    ]
    rows = sorted((export_id[voter], statement, value) for voter, statement, value in votes)
    return comments, rows


def _readme(agenda: Agenda, comments: int, voters: int, votes: int) -> str:
    lines = [
        _("Polis export of the agenda “%(title)s”, made by Wijkdialoog on %(date)s.")
        % {"title": agenda.title, "date": timezone.localdate().isoformat()},
        _("%(comments)s statements, %(voters)s voters, %(votes)s votes.")
        % {"comments": comments, "voters": voters, "votes": votes},
        "",
        _(
            "comments.csv: one row per statement; moderated -1 = not in the vote, "
            "0 = waiting, 1 = in the vote."
        ),
        _(
            "votes.csv: the last vote of each voter per statement; "
            "1 = agree, -1 = disagree, 0 = pass."
        ),
        _("participants-votes.csv: one row per voter, one column per statement."),
        _("Voter ids are numbered 0 and up in this export only; they say nothing about who voted."),
    ]
    return "\n".join(lines) + "\n"


@transaction.atomic
def export_zip(*, agenda: Agenda, actor: Any) -> bytes:
    """The zip file's bytes; the download is written to the audit log."""
    comments, votes = polis_data(agenda)
    voters = len({voter for voter, _s, _v in votes})
    buffer = io.BytesIO()
    with (
        TemporaryDirectory(prefix="polis-") as name,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        write_export(Path(name), comments, votes)
        for file in FILES:
            archive.write(Path(name) / file, file)
        archive.writestr("README.txt", _readme(agenda, len(comments), voters, len(votes)))
    audit.record(
        actor=actor,
        action="agenda.exported",
        subject=agenda,
        payload={"statements": len(comments), "voters": voters, "votes": len(votes)},
    )
    return buffer.getvalue()


def export_filename(agenda: Agenda) -> str:
    return f"polis-agenda-{agenda.pk}.zip"
