"""A resident votes on a 360 px phone without an account: opens the agenda's link, votes on ten
statements with the big buttons, changes one vote, and proposes a statement of their own. Every
page is checked with axe."""

import os
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import expect

from tests.agenda.voting_builders import make_agenda
from wijkdialoog.agenda.models import Statement, Vote

MIN_TARGET = 48


def shot(page, name):
    folder = os.environ.get("WD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_a_resident_votes_changes_a_vote_and_proposes_on_a_phone(phone, neighbourhood):
    agenda = make_agenda(neighbourhood, statements=12)
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    expect(phone.locator("#progress")).to_contain_text("0 van de 12")
    assert phone.locator("#vote-agree").bounding_box()["height"] >= MIN_TARGET
    shot(phone, "vote")

    for n in range(10):
        choice = ["#vote-agree", "#vote-disagree", "#vote-pass"][n % 3]
        phone.click(choice)
        expect(phone.locator("#progress")).to_contain_text(f"{n + 1} van de 12")
    assert Vote.objects.count() == 10

    phone.click("#my-votes-link")
    first = Vote.objects.filter(value=1).select_related("statement").first()
    item = phone.locator(f"#vote-{first.statement.number}")
    item.get_by_role("button", name="Wijzig in: Oneens").click()
    expect(phone.locator(".wd-messages")).to_contain_text("Je stem is gewijzigd")
    first.refresh_from_db()
    assert first.value == -1
    shot(phone, "mine")

    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    phone.fill("#id_text", "Een bankje bij de speeltuin")
    phone.click("#propose-button")
    expect(phone.locator(".wd-messages")).to_contain_text("We kijken eerst naar je stelling")
    proposal = Statement.objects.get(text="Een bankje bij de speeltuin")
    assert proposal.status == Statement.Status.PENDING
    shot(phone, "proposed")
