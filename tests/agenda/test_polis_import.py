"""Importing a Polis export as a new agenda of a series, through the organiser's page."""

import dataclasses
import io
import zipfile

import pytest
from django.urls import reverse

from tests.agenda.polis_uploads import (
    COMMENTS,
    SMALLEST,
    VOTES,
    folder_zip,
    post_import,
    upload,
)
from tests.agenda.voting_builders import device, vote
from tests.builders import make_series
from wijkdialoog.agenda.analysing import analyse_agenda
from wijkdialoog.agenda.models import Agenda, Analysis, Statement, Vote, Voter
from wijkdialoog.agenda.polis import read_export
from wijkdialoog.agenda.polis_cli import evaluate
from wijkdialoog.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


def imported(client, series, **files) -> Agenda:
    response = post_import(client, series, **files)
    assert response.status_code == 302, response.content.decode()[:3000]
    agenda = Agenda.objects.get(title="Uit Polis")
    assert response["Location"] == reverse("agenda-manage", args=[agenda.pk])
    return agenda


def last_votes(agenda) -> set[tuple[int, int, int]]:
    rows = Vote.objects.filter(voter__agenda=agenda)
    return set(rows.values_list("voter__number", "statement__number", "value"))


def test_the_organiser_imports_a_shared_conversation_from_a_zip_with_a_folder(client_for, series):
    original = read_export(SMALLEST)
    archive = upload("seattle.zip", folder_zip(SMALLEST, prefix="15-per-hour-seattle/"))
    agenda = imported(client_for("organiser"), series, archive=archive)

    assert agenda.series == series and agenda.opens_at is None
    statements = list(agenda.statements.all())
    assert [(s.number, s.text, s.is_meta) for s in statements] == [
        (c.id, c.text, c.is_meta) for c in original.comments
    ]
    assert {s.origin for s in statements} == {Statement.Origin.IMPORTED}
    status = {s.number: s.status for s in statements}
    expected = {-1: Statement.Status.REJECTED, 0: Statement.Status.PENDING, 1: "accepted"}
    assert status == {c.id: expected[c.moderated] for c in original.comments}
    assert last_votes(agenda) == set(original.votes)
    voters = agenda.voters.all()
    assert {v.source for v in voters} == {Voter.Source.IMPORTED}
    assert {v.token_hash for v in voters} == {""}
    entry = AuditEntry.objects.get(action="agenda.imported")
    assert entry.payload["votes"] == len(original.votes)


def test_the_analysis_of_the_imported_agenda_finds_the_groups_polis_analyse_finds(
    client_for, series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agenda = imported(
            client_for("organiser"), series, archive=upload("s.zip", folder_zip(SMALLEST))
        )
    queued = Analysis.objects.get(agenda=agenda)  # the task ran after the commit
    expected = evaluate(SMALLEST, read_export(SMALLEST), repeat=0)
    assert len(queued.result["groups"]) == expected["n_groups"]
    assert len(analyse_agenda(agenda).result["groups"]) == expected["n_groups"]


@pytest.mark.parametrize("votes_file", ["votes.csv", "participants-votes.csv"])
def test_the_organiser_imports_the_csv_files_uploaded_separately(client_for, series, votes_file):
    original = read_export(SMALLEST)
    agenda = imported(
        client_for("organiser"),
        series,
        comments=upload("comments.csv", (SMALLEST / "comments.csv").read_bytes()),
        votes=upload("export-votes.csv", (SMALLEST / votes_file).read_bytes()),
    )
    assert agenda.statements.count() == len(original.comments)
    assert last_votes(agenda) == set(original.votes)


def test_a_file_with_a_byte_order_mark_and_meta_comments_is_read(client_for, series):
    agenda = imported(
        client_for("organiser"),
        series,
        comments=upload("comments.csv", b"\xef\xbb\xbf" + COMMENTS.encode()),
        votes=upload("votes.csv", VOTES),
    )
    assert list(agenda.statements.values_list("number", "is_meta", "status")) == [
        (0, False, "accepted"),
        (1, False, "rejected"),
        (2, True, "pending"),
    ]
    # Participant 5 wrote comments 0 and 1 and voted; 6 only voted.
    assert list(agenda.voters.values_list("number", flat=True)) == [5, 6]
    assert agenda.statements.get(number=0).proposed_by.number == 5


def test_no_device_can_vote_as_an_imported_participant(client_for, series):
    agenda = imported(
        client_for("organiser"),
        series,
        comments=upload("comments.csv", COMMENTS),
        votes=upload("votes.csv", VOTES),
    )
    agenda.opens_at = agenda.created_at
    agenda.save()
    before = last_votes(agenda)
    phone = device(agenda)
    assert vote(phone, agenda, 0, "disagree").status_code == 302
    newcomer = agenda.voters.get(source=Voter.Source.ONLINE)
    assert newcomer.number == 7 and newcomer.token_hash
    assert last_votes(agenda) == before | {(7, 0, -1)}


def test_the_organiser_downloads_the_agenda_and_reads_back_the_same_conversation(
    client_for, series, tmp_path
):
    client = client_for("organiser")
    original = read_export(SMALLEST)
    agenda = imported(client, series, archive=upload("s.zip", folder_zip(SMALLEST)))

    response = client.get(reverse("agenda-export", args=[agenda.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"polis-agenda-{agenda.pk}.zip" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == [
            "README.txt",
            "comments.csv",
            "participants-votes.csv",
            "votes.csv",
        ]
        archive.extractall(tmp_path)
    again = read_export(tmp_path)
    # Participants are numbered 0..n-1 in their order: Polis's ids had gaps.
    participants = {v for v, _c, _x in original.votes} | {c.author_id for c in original.comments}
    new_id = {number: index for index, number in enumerate(sorted(participants))}
    assert again.comments == [
        dataclasses.replace(c, author_id=new_id[c.author_id]) for c in original.comments
    ]
    assert again.votes == sorted((new_id[v], c, x) for v, c, x in original.votes)
    assert AuditEntry.objects.filter(action="agenda.exported").count() == 1
