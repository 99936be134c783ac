"""A Polis upload that cannot be imported: the message names file, row and column next to the
file field, the title stays, and nothing at all is stored."""

import pytest

from tests.agenda.polis_uploads import (
    COMMENTS,
    SMALLEST,
    VOTES,
    folder_zip,
    post_import,
    row_counts,
    upload,
    zip_bytes,
)
from tests.builders import make_series

pytestmark = pytest.mark.django_db
HEADER = "timestamp,datetime,comment-id,voter-id,vote\n"


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


def refused(client, series, field, **files) -> str:
    before = row_counts()
    response = post_import(client, series, title="Mijn eigen titel", **files)
    assert response.status_code == 400
    assert row_counts() == before
    form = response.context["form"]
    assert list(form.errors) == [field], form.errors
    html = response.content.decode()
    assert 'value="Mijn eigen titel"' in html
    return form.errors[field][0]


def csv_pair(comments=COMMENTS, votes=VOTES, votes_name="votes.csv"):
    return {
        "comments": upload("comments.csv", comments),
        "votes": upload(votes_name, votes),
    }


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        (HEADER + "1,x,0,5,2\n", "votes.csv, rij 2, kolom vote: 2 is niet een van -1, 0, 1"),
        (HEADER + "1,x,0,5,1\n1,x,9,5,1\n", "votes.csv, rij 3, kolom comment-id: er is geen"),
        (HEADER + "1,x,0,vijf,1\n", "votes.csv, rij 2, kolom voter-id: “vijf” is geen heel getal"),
        ("timestamp,comment-id,vote\n1,0,1\n", "votes.csv, rij 1, kolom voter-id: deze kolom"),
        ("\n", "votes.csv: het bestand is leeg"),
        ("", "Het verstuurde bestand is leeg."),  # Django's own check
    ],
)
def test_a_bad_votes_file_is_refused_naming_file_row_and_column(
    client_for, series, votes, expected
):
    message = refused(client_for("organiser"), series, "votes", **csv_pair(votes=votes))
    assert message.startswith(expected), message


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        (COMMENTS.replace("1,Meer groen", "7,Meer groen"), "comments.csv, rij 2, kolom moderated"),
        (COMMENTS.replace("x,2,,", "x,0,,"), "comments.csv, rij 4, kolom comment-id: reactie 0"),
        (COMMENTS.replace("Meer groen", ""), "comments.csv, rij 2, kolom comment-body: deze"),
        (COMMENTS.replace("Meer groen", "x" * 1001), "comments.csv, rij 2, kolom comment-body"),
        (COMMENTS.splitlines()[0] + "\n", "comments.csv: er staan geen reacties"),
        ("\n", "comments.csv: het bestand is leeg"),
    ],
)
def test_a_bad_comments_file_is_refused_naming_file_row_and_column(
    client_for, series, comments, expected
):
    files = csv_pair(comments=comments, votes=HEADER)
    message = refused(client_for("organiser"), series, "comments", **files)
    assert message.startswith(expected), message


def test_a_file_that_is_not_utf8_is_refused(client_for, series):
    files = csv_pair()
    files["comments"] = upload("comments.csv", COMMENTS.replace("groen", "grün").encode("latin-1"))
    message = refused(client_for("organiser"), series, "comments", **files)
    assert message.startswith("comments.csv: dit is geen UTF-8-tekst"), message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip at all", "Dit is geen zipbestand."),
        (zip_bytes({"votes.csv": VOTES}), "In het zipbestand staat geen comments.csv"),
        (zip_bytes({"a/b/comments.csv": COMMENTS, "a/b/votes.csv": VOTES}), "In het zipbestand"),
        (zip_bytes({"comments.csv": COMMENTS}), "votes.csv: er is geen votes.csv"),
        (
            zip_bytes({"../comments.csv": COMMENTS, "votes.csv": VOTES}),
            "In het zipbestand staat een pad",
        ),
        (zip_bytes({"/etc/comments.csv": COMMENTS}), "In het zipbestand staat een pad"),
        (
            zip_bytes({"a/comments.csv": COMMENTS, "b/comments.csv": COMMENTS}),
            "In het zipbestand staat meer dan één comments.csv",
        ),
        (
            zip_bytes({"comments.csv": COMMENTS, "votes.csv": HEADER + "1,x,0,5,7\n"}),
            "votes.csv, rij 2, kolom vote: 7 is niet een van -1, 0, 1",
        ),
    ],
)
def test_a_bad_zip_is_refused_next_to_the_zip_field(client_for, series, content, expected):
    message = refused(client_for("organiser"), series, "archive", archive=upload("e.zip", content))
    assert message.startswith(expected), message


def test_a_zip_that_unpacks_too_large_is_refused_before_it_is_unpacked(
    client_for, series, settings
):
    settings.POLIS_IMPORT_MAX_UNPACKED_BYTES = 1024 * 1024
    bomb = zip_bytes({"comments.csv": COMMENTS + "#" * (2 * 1024 * 1024), "votes.csv": VOTES})
    assert len(bomb) < 10_000
    archive = upload("bomb.zip", bomb)
    message = refused(client_for("organiser"), series, "archive", archive=archive)
    assert message == "Uitgepakt is deze export groter dan 1 MB."


def test_a_zip_whose_header_hides_its_size_is_stopped_while_unpacking(client_for, series):
    content = bytearray(zip_bytes({"comments.csv": COMMENTS * 200, "votes.csv": VOTES}))
    # Claim 10 bytes for comments.csv in the central directory (the one zipfile trusts).
    at = content.rindex(b"PK\x01\x02", 0, content.rindex(b"votes.csv"))
    content[at + 24 : at + 28] = (10).to_bytes(4, "little")
    message = refused(
        client_for("organiser"), series, "archive", archive=upload("lie.zip", bytes(content))
    )
    assert message.startswith(("Uitgepakt", "Het zipbestand is beschadigd")), message


def test_an_upload_over_the_size_limit_is_refused(client_for, series, settings):
    settings.POLIS_IMPORT_MAX_BYTES = 1024 * 1024
    archive = upload("big.zip", folder_zip(SMALLEST) + b"\0" * (1024 * 1024))
    message = refused(client_for("organiser"), series, "archive", archive=archive)
    assert message == "Dit bestand is groter dan 1 MB."


def test_missing_files_are_named_next_to_the_right_field(client_for, series):
    client = client_for("organiser")
    message = refused(client, series, "archive")
    assert message == "Kies een zipbestand, of comments.csv en een bestand met stemmen."
    only_comments = {"comments": upload("comments.csv", COMMENTS)}
    assert refused(client, series, "votes", **only_comments) == "Kies ook het bestand met stemmen."
    both = {**csv_pair(), "archive": upload("s.zip", folder_zip(SMALLEST))}
    assert refused(client, series, "archive", **both).startswith("Kies een zipbestand óf")


def test_the_page_is_in_english_for_an_english_organiser(client_for, series):
    client = client_for("organiser")
    client.cookies["wijkdialoog_language"] = "en"
    response = post_import(client, series, **csv_pair(votes=HEADER + "1,x,0,5,2\n"))
    assert response.status_code == 400
    assert response.context["form"].errors["votes"] == [
        "votes.csv, row 2, column vote: 2 is not one of -1, 0, 1"
    ]


def _patched_zip(*, method: int | None = None, encrypted: bool = False) -> bytes:
    """A valid export whose comments.csv claims another compression method or encryption, in
    both its local header and the central directory (zipfile cannot write either)."""
    data = bytearray(zip_bytes({"comments.csv": COMMENTS, "votes.csv": VOTES}))
    for signature, flags_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = data.index(signature)
        if encrypted:
            data[start + flags_at] |= 0x1
        if method is not None:
            data[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
    return bytes(data)


@pytest.mark.parametrize(
    "content", [_patched_zip(encrypted=True), _patched_zip(method=99)], ids=["encrypted", "packed"]
)
def test_an_encrypted_or_unknown_packed_zip_is_refused_with_one_message(
    client_for, series, content
):
    message = refused(client_for("organiser"), series, "archive", archive=upload("e.zip", content))
    assert message.startswith("Het zipbestand is beschadigd"), message
