"""Reading and writing Polis exports (the openData format)."""

import os
import shutil
from pathlib import Path

import pytest

from wijkdialoog.agenda.polis import PolisComment, PolisFormatError, read_export, write_export

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("WIJKDIALOOG_POLIS_DATA", ROOT / "tests" / "data" / "polis"))

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body,is-meta\n"
    "1,x,0,5,1,0,1,Meer groen,0\n"
    "2,x,1,5,0,1,-1,Weg ermee,0\n"
    "3,x,2,,0,0,0,Over dit gesprek,1\n"
)


def folder_with(tmp_path, comments=COMMENTS, votes=None, participants=None):
    (tmp_path / "comments.csv").write_text(comments, encoding="utf-8")
    if votes is not None:
        (tmp_path / "votes.csv").write_text(votes, encoding="utf-8")
    if participants is not None:
        (tmp_path / "participants-votes.csv").write_text(participants, encoding="utf-8")
    return tmp_path


def test_reads_comments_and_last_vote(tmp_path):
    votes = (
        "timestamp,datetime,comment-id,voter-id,vote\n"
        "10,x,0,7,1\n5,x,0,7,-1\n20,x,1,7,0\n30,x,1,8,-1\n25,x,1,8,1\n"
    )
    export = read_export(folder_with(tmp_path, votes=votes))
    assert [c.id for c in export.comments] == [0, 1, 2]
    assert export.comments[0] == PolisComment(0, "Meer groen", 1, False, 5)
    assert export.comments[2].author_id is None
    assert export.moderated_out == [1]
    assert export.meta == [2]
    assert export.votes == [(7, 0, 1), (7, 1, 0), (8, 1, -1)]


def test_reads_participants_votes_with_blanks(tmp_path):
    participants = (
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n"
        "3,0,0,2,1,0,1,,0\n4,1,0,1,0,1,,-1,\n"
    )
    export = read_export(folder_with(tmp_path, participants=participants))
    assert export.votes == [(3, 0, 1), (3, 2, 0), (4, 1, -1)]


@pytest.mark.parametrize(
    ("votes", "row", "column"),
    [
        ("timestamp,datetime,comment-id,voter-id,vote\n1,x,0,7,2\n", 2, "vote"),
        ("timestamp,datetime,comment-id,voter-id,vote\n1,x,0,7,1\n1,x,9,7,1\n", 3, "comment-id"),
        ("timestamp,datetime,comment-id,voter-id,vote\n1,x,0,zeven,1\n", 2, "voter-id"),
        ("timestamp,datetime,comment-id,vote\n1,x,0,1\n", 1, "voter-id"),
    ],
)
def test_errors_name_file_row_and_column(tmp_path, votes, row, column):
    with pytest.raises(PolisFormatError) as caught:
        read_export(folder_with(tmp_path, votes=votes))
    error = caught.value
    assert (error.file, error.row, error.column) == ("votes.csv", row, column)
    assert f"votes.csv, row {row}, column {column}" in str(error)


def test_bad_comments_and_missing_votes(tmp_path):
    bad = COMMENTS.replace("1,Meer groen", "3,Meer groen")
    with pytest.raises(PolisFormatError, match=r"comments.csv, row 2, column moderated"):
        read_export(folder_with(tmp_path, comments=bad))
    with pytest.raises(PolisFormatError, match="neither votes.csv"):
        read_export(folder_with(tmp_path))


def test_round_trip_of_a_shared_conversation(tmp_path):
    source = DATA / "15-per-hour-seattle"
    # The conversations are committed under tests/data/polis: missing data is a broken checkout.
    assert source.is_dir(), f"no Polis data in {source} (set WIJKDIALOOG_POLIS_DATA)"
    original = read_export(source)
    write_export(tmp_path / "out", original.comments, original.votes)
    again = read_export(tmp_path / "out")
    assert again == original
    only_matrix = tmp_path / "matrix"
    only_matrix.mkdir()
    shutil.copy(tmp_path / "out" / "comments.csv", only_matrix)
    shutil.copy(tmp_path / "out" / "participants-votes.csv", only_matrix)
    assert read_export(only_matrix).votes == original.votes
