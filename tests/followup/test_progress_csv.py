"""CSV export and import of agreement statuses: organisers only, all or nothing, errors by row
and column next to the file field, audited."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.followup.agreement_builders import make_agreement
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup.models import Agreement, AgreementUpdate


@pytest.fixture
def agreement(neighbourhood, organiser):
    agreement, _gemeente, _resident = make_agreement(neighbourhood, organiser)
    return agreement


def upload(text, name="statussen.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_the_export_lists_each_agreement_with_parties_and_due_dates(agreement, client_for):
    response = client_for("organiser").get(reverse("agreements-export", args=[agreement.series_id]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["id", "title", "status", "parties", "due_dates", "last_update"]
    assert rows[1][:3] == [str(agreement.pk), agreement.title, "afgesproken"]
    assert "Gemeente Westerlaan" in rows[1][3] and "Rita" in rows[1][3]
    assert rows[1][4].count("-") == 4  # two ISO dates


def test_only_organisers_export_and_import(agreement, assert_access):
    series = agreement.series_id
    assert_access(reverse("agreements-export", args=[series]), allowed={"organiser"})
    assert_access(reverse("agreements-import", args=[series]), allowed={"organiser"})


def test_an_import_changes_statuses_adds_notes_and_is_audited(agreement, client_for):
    client = client_for("organiser")
    text = f"id;status;note\n{agreement.pk};bezig;De aannemer is begonnen.\n"
    response = client.post(
        reverse("agreements-import", args=[agreement.series_id]), {"file": upload(text)}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "bezig"
    # Adding the parties left lines on the timeline too; the import adds one progress line.
    update = AgreementUpdate.objects.get(agreement=agreement, event=AgreementUpdate.Event.PROGRESS)
    assert update.status == "bezig" and update.text == "De aannemer is begonnen."
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"followup.agreement_status", "followup.agreements_imported"} <= actions


def test_a_label_in_either_language_is_a_status_too(agreement, client_for):
    text = f"id,status\n{agreement.pk},Delayed\n"
    client_for("organiser").post(
        reverse("agreements-import", args=[agreement.series_id]), {"file": upload(text)}
    )
    agreement.refresh_from_db()
    assert agreement.status == "vertraagd"


def test_one_wrong_row_changes_nothing_and_says_where(
    agreement, neighbourhood, organiser, client_for
):
    other = Agreement.objects.create(series=agreement.series, title="Bankje")
    text = f"id,status,note\n{agreement.pk},klaar,Klaar!\n{other.pk},misschien,\n999999,klaar,\n"
    before = AuditEntry.objects.count()
    response = client_for("organiser").post(
        reverse("agreements-import", args=[agreement.series_id]), {"file": upload(text)}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Row 3" in html or "Rij 3" in html
    assert "misschien" in html and "999999" in html
    assert Agreement.objects.get(pk=agreement.pk).status == "afgesproken"
    assert not AgreementUpdate.objects.filter(event=AgreementUpdate.Event.PROGRESS).exists()
    assert AuditEntry.objects.count() == before


def test_an_agreement_of_another_series_cannot_be_changed(
    agreement, neighbourhood, organiser, client_for
):
    other, _g, _r = make_agreement(neighbourhood, organiser, email="rob@example.org")
    assert other.series_id != agreement.series_id
    text = f"id,status\n{other.pk},klaar\n"
    response = client_for("organiser").post(
        reverse("agreements-import", args=[agreement.series_id]), {"file": upload(text)}
    )
    assert response.status_code == 400
    assert Agreement.objects.get(pk=other.pk).status == "afgesproken"


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"naam,wat\nA,B\n"],
)
def test_a_file_that_is_not_a_status_csv_gets_a_clear_message(agreement, client_for, content):
    response = client_for("organiser").post(
        reverse("agreements-import", args=[agreement.series_id]),
        {"file": SimpleUploadedFile("x.csv", content, content_type="text/csv")},
    )
    assert response.status_code == 400
    assert 'id="id_file' in response.content.decode()
    assert not AgreementUpdate.objects.filter(event=AgreementUpdate.Event.PROGRESS).exists()
