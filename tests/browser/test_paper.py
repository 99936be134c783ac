"""An organiser types in a pile of paper cards with the keyboard only: Enter saves, the choices
stay, the cursor is back in the text field, and a card typed by mistake is undone."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import make_harvest_meeting, make_membership, make_organisation, phase
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.harvest.models import Card


def test_an_organiser_types_in_paper_cards_with_the_keyboard_only(page, db):
    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    organiser = make_membership(
        organisation, "organiser", first_name="Samira", email="samira@example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    meeting = make_harvest_meeting(neighbourhood, tables=3)
    page.log_in(organiser.person.user)

    page.goto(reverse("meeting-manage", args=[meeting.pk]))
    page.click_and_wait("#paper-entry-link")

    # The cursor starts in the text field: type and press Enter.
    expect(page.locator("#id_text")).to_be_focused()
    page.keyboard.type("De buurvrouw bracht soep toen ik ziek was")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.assert_accessible()
    first = Card.objects.get()
    assert first.source == Card.Source.PAPER
    assert first.table.number == 1
    assert first.phase == phase(meeting, 1)

    # Next card: a first name after the text, then Enter in the name field.
    expect(page.locator("#id_text")).to_be_focused()
    page.keyboard.type("Samen de straat vegen in het voorjaar")
    page.keyboard.press("Tab")
    expect(page.locator("#id_first_name")).to_be_focused()
    page.keyboard.type("Wim")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    second = Card.objects.order_by("-pk").first()
    assert second.first_name == "Wim"
    assert second.text == "Samen de straat vegen in het voorjaar"

    # Back from the text to the choices: another phase, then the next card keeps it.
    expect(page.locator("#id_text")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#id_phase")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.locator("#id_text")).to_be_focused()
    page.keyboard.type("Een moestuin bij de school")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    third = Card.objects.order_by("-pk").first()
    assert third.phase == phase(meeting, 3)
    expect(page.locator("#id_phase")).to_have_value(str(phase(meeting, 3).pk))
    expect(page.locator("#id_text")).to_be_focused()

    # An empty card is refused next to the field; the cursor stays in the text field.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#id_text_error")).to_be_visible()
    expect(page.locator("#id_text")).to_be_focused()
    page.assert_accessible()
    assert Card.objects.count() == 3

    # The last cards are listed, newest first; undo the newest with the keyboard.
    rows = page.locator("#recent-cards tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_have_id(f"recent-{third.pk}")
    rows.first.get_by_role("button").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(rows).to_have_count(2)
    assert not Card.objects.filter(pk=third.pk).exists()
    # The choices survived the undo.
    expect(page.locator("#id_phase")).to_have_value(str(phase(meeting, 3).pk))
