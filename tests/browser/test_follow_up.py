"""A person opens the link in their follow-up mail on a 360 px phone and on a desktop, answers
how their steps went (done; I would like help, with a line), sees the confirmation and changes an
answer; a line without a choice and a forged link get a clear page. The organiser of the demo
sees the counts and the request for help on the meeting and series pages. Every page and state
is checked with axe (the fixtures do that on every load; `assert_accessible` after a change)."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.followup.builders import past_meeting_with_actions
from wijkdialoog.community.models import Person
from wijkdialoog.followup.demo import DEMO_TOKEN
from wijkdialoog.followup.models import StepAnswer
from wijkdialoog.followup.tasks import send_due_follow_ups
from wijkdialoog.site.management.commands.demo import load_demo

# WCAG 2.5.8 asks 24 px; the project's public pages give a thumb 44 px.
MIN_TARGET = 44


def shot(page, name, part=None):
    """Screenshots while working on the pages: WD_SHOTS=/tmp/shots pytest ..."""
    folder = os.environ.get("WD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        if part is not None:
            part.screenshot(path=f"{folder}/{name}.png")
        else:
            page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def annas_link(neighbourhood) -> str:
    """A meeting four weeks and a day ago; the sweep mails Anna her link (to the live server)."""
    past_meeting_with_actions(neighbourhood, days=-29)
    assert send_due_follow_ups.call() == 2
    message = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    return re.search(r"(http://\S+/opvolging/[^/\s]+/)", str(message.body)).group(1)


def steps(page):
    return page.locator("#follow-up-form section")


def answer_change_and_err(page, link, size):
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Hoe ging het met je stap?")
    expect(steps(page)).to_have_count(2)
    expect(page.locator("body")).not_to_contain_text("I will join the clean-up.")
    shot(page, f"follow-up-{size}")
    for label in page.locator("#follow-up-form .wd-choices label").all():
        assert label.bounding_box()["height"] >= MIN_TARGET, label.inner_text()

    # A line without a choice: a message next to the step, the line kept, nothing saved.
    first, second = steps(page).nth(0), steps(page).nth(1)
    first.get_by_label("Wil je nog iets kwijt?").fill("Ging best goed")
    page.click_and_wait(page.get_by_role("button", name="Bewaar mijn antwoorden"))
    expect(page.locator("#error-summary")).to_be_focused()
    first = steps(page).nth(0)
    expect(first).to_contain_text("Kies hoe het ging")
    expect(first.get_by_label("Wil je nog iets kwijt?")).to_have_value("Ging best goed")
    assert not StepAnswer.objects.exists()
    page.assert_accessible()
    shot(page, f"follow-up-{size}-error")

    first, second = steps(page).nth(0), steps(page).nth(1)
    first.get_by_label("gedaan").check()
    second.get_by_label("ik wil hulp").check()
    second.get_by_label("Wil je nog iets kwijt?").fill("Wie weet waar de moestuin is?")
    page.click_and_wait(page.get_by_role("button", name="Bewaar mijn antwoorden"))
    expect(page.locator(".wd-messages")).to_contain_text("Dank je wel")
    expect(steps(page).nth(0).get_by_label("gedaan")).to_be_checked()
    expect(steps(page).nth(1).get_by_label("Wil je nog iets kwijt?")).to_have_value(
        "Wie weet waar de moestuin is?"
    )
    page.assert_accessible()
    shot(page, f"follow-up-{size}-saved")

    # Changing an answer later with the same link.
    steps(page).nth(0).get_by_label("niet gelukt").check()
    page.click_and_wait(page.get_by_role("button", name="Bewaar mijn antwoorden"))
    expect(page.locator(".wd-messages")).to_contain_text("Dank je wel")
    statuses = sorted(StepAnswer.objects.values_list("status", flat=True))
    assert statuses == [StepAnswer.Status.NOT_DONE, StepAnswer.Status.WANTS_HELP]
    page.assert_accessible()

    # Printed: the steps and how they went, without the form controls.
    page.emulate_media(media="print")
    shot(page, f"follow-up-{size}-print")
    expect(page.locator(".wd-follow-up__print")).to_be_visible()
    expect(page.locator(".wd-follow-up__print")).to_contain_text("Ik ga mijn buren groeten.")
    expect(page.locator(".wd-follow-up__print")).to_contain_text("niet gelukt")
    expect(page.locator("#follow-up-form")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".wd-follow-up__print")).to_be_hidden()

    forged = page.goto("/opvolging/niet-echt-maar-lang-genoeg-om-te-proberen/")
    assert forged.status == 404
    expect(page.locator("h1")).to_contain_text("Deze link werkt niet")
    expect(page.locator("body")).not_to_contain_text("Anna")
    shot(page, f"follow-up-{size}-forged")


def test_a_person_answers_and_changes_their_steps_on_a_phone(phone, neighbourhood):
    answer_change_and_err(phone, annas_link(neighbourhood), "360")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_a_person_answers_and_changes_their_steps_on_a_desktop(page, neighbourhood):
    answer_change_and_err(page, annas_link(neighbourhood), "1280")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["phone", "page"])
def test_the_demo_organiser_sees_counts_and_who_would_like_help(request, size):
    page = request.getfixturevalue(size)  # first: its live server makes the database shared
    demo = load_demo()
    page.log_in(Person.objects.get(first_name="Samira").user)
    meeting = demo["meetings"]["kersenbuurt_past_2"]

    page.goto(reverse("meeting-manage", args=[meeting.pk]))
    panel = page.locator("#follow-up")
    expect(panel.locator('[data-count="wants-help"]')).to_have_text("1")
    expect(panel.locator("#follow-up-help-list li")).to_have_count(1)
    shot(page, f"follow-up-meeting-{size}", panel)
    page.click_and_wait(panel.get_by_role("button", name=re.compile("^Afgehandeld")))
    expect(page.locator(".wd-messages")).to_contain_text("afgehandeld")
    expect(page.locator("#follow-up-help-list li")).to_have_attribute("data-handled", "yes")
    page.assert_accessible()

    page.goto(reverse("series-detail", args=[meeting.series_id]))
    panel = page.locator("#follow-up")
    expect(panel.locator('[data-count="wants-help"]')).to_have_text("1")
    expect(panel.locator('[data-count="done"]')).not_to_have_text("0")
    shot(page, f"follow-up-series-{size}", panel)
    page.click_and_wait(panel.get_by_role("button", name=re.compile("Nog niet afgehandeld")))
    assert page.path().startswith(reverse("series-detail", args=[meeting.series_id]))
    expect(page.locator("#follow-up-help-list li")).to_have_attribute("data-handled", "no")
    page.assert_accessible()
    if size == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(f"/opvolging/{DEMO_TOKEN}/")
    expect(page.locator("h1")).to_have_text("Hoe ging het met je stap?")
