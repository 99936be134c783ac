"""Downloading an agenda made in Wijkdialoog as a Polis export: no personal data, voters
numbered 0..n-1, statements by their numbers, moderation as Polis writes it."""

import io
import zipfile

import pytest
from django.urls import reverse

from tests.agenda.organiser_data import make_agenda, make_statement
from tests.builders import make_series
from wijkdialoog.agenda.models import Statement, Vote, Voter
from wijkdialoog.agenda.polis import read_export
from wijkdialoog.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_export_numbers_voters_from_zero_and_holds_no_tokens_or_keys(
    client_for, neighbourhood, tmp_path
):
    agenda = make_agenda(make_series(neighbourhood))
    green = make_statement(agenda, "Meer groen in de straat.")
    waiting = make_statement(agenda, "Een bankje.", status=Statement.Status.PENDING)
    out = make_statement(agenda, "Weg met de auto's.", status=Statement.Status.REJECTED)
    online = Voter.objects.create(agenda=agenda, number=40, token_hash="f" * 64)
    paper = Voter.objects.create(agenda=agenda, number=41, source=Voter.Source.PAPER)
    waiting.proposed_by = online
    waiting.save()
    for voter, statement, value in [(online, green, 1), (online, out, -1), (paper, green, 0)]:
        Vote.objects.create(voter=voter, statement=statement, value=value)

    response = client_for("organiser").get(reverse("agenda-export", args=[agenda.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(tmp_path)
        text = b"".join(archive.read(name) for name in archive.namelist()).decode()
    export = read_export(tmp_path)
    assert [(c.id, c.text, c.moderated, c.author_id) for c in export.comments] == [
        (1, "Meer groen in de straat.", 1, None),
        (2, "Een bankje.", 0, 0),
        (3, "Weg met de auto's.", -1, None),
    ]
    assert export.votes == [(0, 1, 1), (0, 3, -1), (1, 1, 0)]
    assert "f" * 64 not in text
    assert "Voter ids are numbered" in text or "nummers van stemmers" in text
    entry = AuditEntry.objects.get(action="agenda.exported")
    assert entry.payload == {"statements": 3, "voters": 2, "votes": 3}
