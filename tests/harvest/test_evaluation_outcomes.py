"""Every evaluation question is captured in the three ways people fill it in: on their own
phone through the QR code, with the facilitator, and typed in from paper. Kom erbij is asked
only in a series that switched it on, and the export shows no Kom erbij answers."""

import io
import uuid

import openpyxl
import pytest
from django.urls import reverse

from tests.builders import make_meeting
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest import capture, evaluations, kom_erbij
from wijkdialoog.harvest.models import Evaluation, SeriesEvaluation

SCALE = {
    "scale_emptiness": "no",
    "scale_rely_on": "yes",
    "scale_miss_people": "more-or-less",
    "scale_trust": "yes",
    "scale_close": "no",
    "scale_rejected": "no",
}


def answers(**values):
    data = {
        "client_id": str(uuid.uuid4()),
        "rating": "4",
        "grade": "8",
        "met_someone_new": "yes",
        "feel_more_connected": "unsure",
        "view_changed": "no",
        "exchanged_contacts": "yes",
        "takeaway": "Dat de buurvrouw ook wil tuinieren.",
        **SCALE,
    }
    data.update(values)
    return data


def assert_every_question_kept(evaluation, *, with_scale):
    assert evaluation.rating == 4
    assert evaluation.grade == 8
    assert evaluation.met_someone_new == Evaluation.Answer.YES
    assert evaluation.feel_more_connected == Evaluation.Answer.NOT_SURE
    assert evaluation.view_changed == Evaluation.Answer.NO
    assert evaluation.exchanged_contacts == Evaluation.Answer.YES
    assert evaluation.takeaway == "Dat de buurvrouw ook wil tuinieren."
    kept = {field: getattr(evaluation, field) for field in kom_erbij.FIELDS}
    assert kept == (SCALE if with_scale else dict.fromkeys(kom_erbij.FIELDS, ""))


@pytest.fixture
def kom_erbij_on(meeting, organiser):
    evaluations.set_kom_erbij(series=meeting.series, ask=True, actor=organiser.person.user)


@pytest.mark.parametrize("with_scale", [True, False])
def test_a_participant_answers_every_question_on_their_phone(client, run, request, with_scale):
    if with_scale:
        request.getfixturevalue("kom_erbij_on")
    url = reverse("participant-evaluation", args=[run.participant_token])
    page = client.get(url).content.decode()
    assert ("Kom erbij" in page) is with_scale
    assert "eenzaam" not in page.lower() and "lonel" not in page.lower()

    response = client.post(url, answers())

    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.source == Evaluation.Source.PHONE
    assert_every_question_kept(evaluation, with_scale=with_scale)


def test_the_facilitator_fills_it_in_with_someone_without_a_phone(client_for, run, kom_erbij_on):
    client = client_for("facilitator")
    url = reverse("table-run-evaluation", args=[run.table.pk])
    assert "kom-erbij-credit" in client.get(url).content.decode()

    response = client.post(url, answers())

    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.source == Evaluation.Source.FACILITATOR
    assert_every_question_kept(evaluation, with_scale=True)
    entry = AuditEntry.objects.get(action="evaluation.added")
    assert entry.payload == {"table": run.table.pk, "source": "facilitator"}


def test_an_organiser_types_in_a_paper_form(client_for, meeting, kom_erbij_on):
    table = meeting.tables.get(number=2)
    client = client_for("organiser")
    url = reverse("paper-evaluation-entry", args=[meeting.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, answers(table=table.pk))

    assert response.status_code == 302
    assert response["Location"] == f"{url}?table={table.pk}"
    evaluation = Evaluation.objects.get()
    assert evaluation.source == Evaluation.Source.PAPER
    assert evaluation.table == table
    assert_every_question_kept(evaluation, with_scale=True)


def test_only_the_rating_is_needed_and_the_rest_stays_empty(client, run):
    url = reverse("participant-evaluation", args=[run.participant_token])
    client.post(url, {"client_id": str(uuid.uuid4()), "rating": "2"})

    evaluation = Evaluation.objects.get()
    assert evaluation.grade is None
    assert evaluation.feel_more_connected == evaluation.view_changed == ""


@pytest.mark.parametrize("grade", ["0", "11", "acht"])
def test_a_grade_outside_1_to_10_is_refused(client, run, grade):
    url = reverse("participant-evaluation", args=[run.participant_token])
    response = client.post(url, answers(grade=grade))
    assert response.status_code == 200
    assert not Evaluation.objects.exists()


def test_the_domain_refuses_a_grade_outside_1_to_10(table):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        capture.add_evaluation(table=table, client_id=uuid.uuid4(), rating=3, grade=11)


def test_scale_answers_are_dropped_when_the_series_does_not_ask_them(table):
    evaluation, _created = capture.add_evaluation(
        table=table, client_id=uuid.uuid4(), rating=3, scale=SCALE
    )
    assert evaluation.scale_emptiness == ""


def test_the_organiser_switches_kom_erbij_on_and_off_for_a_series(client_for, meeting):
    client = client_for("organiser")
    url = reverse("series-evaluation-settings", args=[meeting.series.pk])

    client.post(url, {"ask_kom_erbij": "on"})
    assert SeriesEvaluation.objects.get(series=meeting.series).ask_kom_erbij
    assert capture.asks_kom_erbij(meeting.series_id)
    client.post(url, {})
    assert not capture.asks_kom_erbij(meeting.series_id)
    assert AuditEntry.objects.filter(action="series_evaluation.changed").count() == 2


def test_the_series_page_links_to_the_evaluation_questions(client_for, meeting):
    page = client_for("organiser").get(reverse("series-detail", args=[meeting.series.pk]))
    assert reverse("series-evaluation-settings", args=[meeting.series.pk]) in page.content.decode()


def test_the_export_holds_every_answer_but_no_kom_erbij(client_for, run, kom_erbij_on):
    capture.add_evaluation(
        table=run.table,
        client_id=uuid.uuid4(),
        rating=4,
        grade=9,
        met_someone_new="yes",
        takeaway="Nieuwe buren",
        scale=SCALE,
    )
    meeting = run.table.meeting
    response = client_for("organiser").get(reverse("evaluations-export", args=[meeting.pk, "xlsx"]))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert 9 in rows[1] and "Nieuwe buren" in rows[1]
    assert not any("Kom erbij" in str(header) for header in rows[0])
    assert AuditEntry.objects.filter(action="evaluations.exported").exists()


@pytest.fixture
def other_meeting(neighbourhood):
    return make_meeting(neighbourhood, seats=(8,), days=0, hours=-0.5)


def test_who_may_open_the_evaluation_pages(assert_access, table, meeting):
    assert_access(
        reverse("table-run-evaluation", args=[table.pk]), allowed={"organiser", "facilitator"}
    )
    assert_access(reverse("paper-evaluation-entry", args=[meeting.pk]), allowed={"organiser"})
    assert_access(
        reverse("series-evaluation-settings", args=[meeting.series.pk]), allowed={"organiser"}
    )
    assert_access(reverse("evaluations-export", args=[meeting.pk, "csv"]), allowed={"organiser"})


def test_nobody_without_the_right_posts_an_evaluation_or_a_setting(assert_access, table, meeting):
    assert_access(
        reverse("paper-evaluation-entry", args=[meeting.pk]),
        allowed={"organiser"},
        method="post",
        data=answers(table=table.pk),
        status=302,
    )
    assert_access(
        reverse("series-evaluation-settings", args=[meeting.series.pk]),
        allowed={"organiser"},
        method="post",
        data={"ask_kom_erbij": "on"},
        status=302,
    )
    assert Evaluation.objects.count() == 1
