"""The harvest wall on a projector: a new public card appears within five seconds without a
reload, an unchanged wall stays as it is on 304, and the page fits a 1920×1080 screen."""

import time

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import make_card, make_harvest_meeting, make_organisation, phase
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.harvest.models import Card

POLL = "/oogstmuur/kaarten/"


def a_meeting():
    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    return make_harvest_meeting(neighbourhood, tables=3)


def test_a_new_public_card_appears_on_the_wall_within_five_seconds(page, db):
    meeting = a_meeting()
    tables = list(meeting.tables.order_by("number"))
    first = make_card(meeting, "De buren hielpen met verhuizen", phase=phase(meeting, 2))
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(reverse("harvest-wall", args=[meeting.pk]))
    expect(page.locator(f"#card-{first.pk}")).to_be_visible()

    # Nothing changed: the poll answers 304 and the wall keeps its card.
    with page.expect_response(lambda r: POLL in r.url and r.status == 304, timeout=5000):
        pass
    expect(page.locator("#wall .wd-wall-card")).to_have_count(1)

    added_at = time.monotonic()
    card = make_card(
        meeting,
        "Een bankje bij de vijver waar iedereen even kan zitten",
        phase=phase(meeting, 3),
        table=tables[2],
        first_name="Joke",
    )
    internal = make_card(
        meeting,
        "Alleen voor de organisatie",
        phase=phase(meeting, 3),
        publication=Card.Publication.INTERNAL,
    )
    expect(page.locator(f"#card-{card.pk}")).to_be_visible(timeout=5000)
    assert time.monotonic() - added_at < 5
    expect(page.locator(f"#card-{card.pk} .wd-wall-card__name")).to_have_text("Joke")
    assert page.locator(f"#card-{internal.pk}").count() == 0
    assert page.locator("#wall .wd-wall-card").count() == 2

    # Readable from the back of the room, and nothing sticks out sideways.
    size = page.locator(f"#card-{card.pk} .wd-wall-card__text").evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 28
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.assert_accessible()


def test_the_wall_works_on_a_phone_without_sideways_scrolling(phone, db):
    meeting = a_meeting()
    for position in (1, 2, 3):
        make_card(meeting, f"Een kaart in ronde {position}", phase=phase(meeting, position))
    phone.goto(reverse("harvest-wall", args=[meeting.pk]))
    expect(phone.locator("#wall .wd-wall-card")).to_have_count(3)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.click_and_wait("#wall-refresh")
    expect(phone.locator("#wall .wd-wall-card")).to_have_count(3)
