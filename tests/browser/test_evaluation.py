"""A participant fills in the whole evaluation on a 360 px phone, Kom erbij included, without
the page growing sideways; the organiser reads what it did for people, per series and for the
organisation. axe checks every page."""

import uuid

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import make_meeting, make_method, seat
from wijkdialoog.harvest import capture, evaluations, running
from wijkdialoog.harvest.models import Evaluation

SCALE = {
    "scale_emptiness": "yes",
    "scale_rely_on": "no",
    "scale_miss_people": "yes",
    "scale_trust": "more-or-less",
    "scale_close": "no",
    "scale_rejected": "more-or-less",
}


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_participant_evaluates_on_a_small_phone(phone, neighbourhood, facilitator, organiser):
    meeting = make_meeting(
        neighbourhood, default_method=make_method(), seats=(8,), days=0, hours=-0.5
    )
    table = meeting.tables.get()
    seat(table, "Anna")
    evaluations.set_kom_erbij(series=meeting.series, ask=True, actor=organiser.person.user)
    run = running.start_run(table=table, actor=organiser.person.user)

    phone.goto(reverse("participant-evaluation", args=[run.participant_token]))
    assert fits_the_screen(phone)
    expect(phone.locator("#kom-erbij-heading")).to_be_visible()

    phone.locator("label[for='id_rating_3']").click()
    phone.locator("#id_grade").select_option("8")
    phone.locator("label[for='id_met_someone_new_0']").click()
    phone.locator("label[for='id_feel_more_connected_2']").click()
    phone.locator("label[for='id_view_changed_1']").click()
    phone.locator("label[for='id_exchanged_contacts_0']").click()
    phone.locator("#id_takeaway").fill("Ik ken nu drie buren bij naam.")
    for field, answer in SCALE.items():
        index = ["yes", "more-or-less", "no"].index(answer)
        phone.locator(f"label[for='id_{field}_{index}']").click()
    phone.click_and_wait("#send-evaluation")

    evaluation = Evaluation.objects.get()
    assert evaluation.rating == 4 and evaluation.grade == 8
    assert (evaluation.met_someone_new, evaluation.feel_more_connected) == ("yes", "unsure")
    assert (evaluation.view_changed, evaluation.exchanged_contacts) == ("no", "yes")
    assert {field: getattr(evaluation, field) for field in SCALE} == SCALE


def test_the_organiser_reads_what_it_did_for_people(page, neighbourhood, organiser):
    first = make_meeting(neighbourhood, seats=(8,), days=-60)
    evaluations.set_kom_erbij(series=first.series, ask=True, actor=organiser.person.user)
    later = make_meeting(first.series, seats=(8,), days=-3)
    for meeting, scale in ((first, SCALE), (later, dict.fromkeys(SCALE, "more-or-less"))):
        for grade in (6, 7, 8, 9, 8):
            capture.add_evaluation(
                table=meeting.tables.get(),
                client_id=uuid.uuid4(),
                rating=3,
                grade=grade,
                met_someone_new="yes",
                scale=scale,
            )
    page.log_in(organiser.person.user)

    page.goto(reverse("dashboard"))
    page.click_and_wait("#evaluation-overview-link")
    expect(page.locator("#what-it-did-figures")).to_contain_text("10")
    expect(page.locator("#evaluation-per-series")).to_contain_text(first.series.theme)

    page.goto(reverse("series-detail", args=[first.series.pk]))
    expect(page.locator("#kom-erbij-table")).to_be_visible()
    assert page.locator("#series-evaluation svg[role='img']").count() >= 3
