"""A resident votes on a 360 px phone without an account: opens the agenda from the poster's QR
link, votes on ten statements with the big buttons, changes one vote, proposes a statement of
their own, and sees the results after closing. Every page is checked with axe."""

import datetime
import os
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.agenda.voting_builders import make_agenda
from wijkdialoog.agenda.analysing import analyse_agenda
from wijkdialoog.agenda.announce_channels import create_agenda_channel
from wijkdialoog.agenda.models import Statement, Vote, Voter
from wijkdialoog.registrations.models import Channel

MIN_TARGET = 48


def shot(page, name):
    folder = os.environ.get("WD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_a_resident_votes_changes_a_vote_and_proposes_on_a_phone(phone, neighbourhood, user_for):
    agenda = make_agenda(neighbourhood, statements=12)
    poster = create_agenda_channel(
        agenda=agenda, actor=user_for("organiser"), kind=Channel.Kind.POSTER, label="Buurthuis"
    )
    # What the poster's QR code holds: the channel's tracked link, which leads to the vote.
    phone.goto(reverse("channel-link", args=[poster.channel.code]))
    assert phone.path() == reverse("agenda-vote", args=[agenda.token])
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
    assert set(Voter.objects.filter(agenda=agenda).values_list("channel", flat=True)) == {
        poster.channel_id
    }

    # After closing, the same link leads to the results; the vote page says voting is over.
    agenda.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    agenda.save(update_fields=["closes_at"])
    analyse_agenda(agenda)
    phone.goto(reverse("channel-link", args=[poster.channel.code]))
    assert phone.path() == reverse("agenda-results", args=[agenda.token])
    expect(phone.locator("main")).to_contain_text("1 persoon heeft gestemd")
    shot(phone, "results-after-closing")
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    phone.click_and_wait("#results-link")
    assert phone.path() == reverse("agenda-results", args=[agenda.token])
