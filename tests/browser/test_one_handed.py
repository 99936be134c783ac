"""Facilitator mode held in one hand on a 360 px phone: the phase buttons and "card" stay in
view after a new phase, which takes the place of the old one without moving the page; kinds
are chips to tap (or to choose with the arrow keys); the timer pauses and gets five more
minutes, and keeps that after a reload. Every page and every swapped state is checked with axe."""

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_facilitator import table_for
from wijkdialoog.harvest import running
from wijkdialoog.harvest.models import Card, TableRun

PHONE = {"width": 360, "height": 740}
MIN_TARGET = 48


def in_view(page, selector) -> bool:
    """Entirely on the screen as it is now, without scrolling."""
    box = page.locator(selector).bounding_box()
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= PHONE["width"]
        and box["y"] + box["height"] <= PHONE["height"]
    )


def scroll_y(page) -> float:
    return page.evaluate("window.scrollY")


def test_the_facilitator_runs_the_table_one_handed_on_a_phone(phone, facilitator, neighbourhood):
    table, people = table_for(facilitator, neighbourhood)
    anna, bram = people[0], people[1]
    anna.checked_in_at = timezone.now()
    anna.access_needs = "Rolstoel, graag aan de kant"
    anna.save()
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("table-run", args=[table.pk]))

    # Run mode: no site menu, a small way out; who is here and what Anna needs.
    assert phone.locator(".wd-header").count() == 0
    assert in_view(phone, "#exit-run")
    expect(phone.locator("#checked-in-count")).to_contain_text("1 van 4")
    expect(phone.locator("#not-checked-in")).to_contain_text(bram.person.first_name)
    expect(phone.locator(f"#needs-{anna.pk}")).to_contain_text("Rolstoel")
    for control in ("#next-phase", "#add-card-link"):
        assert in_view(phone, control), control
        assert phone.locator(control).bounding_box()["height"] >= MIN_TARGET, control

    # Down at the turns, the next phase: the page stays where it is and nothing reloads.
    phone.evaluate("window.stayedOnThePage = true")
    phone.locator("#people").scroll_into_view_if_needed()
    before = scroll_y(phone)
    assert before > 0
    phone.click("#next-phase")
    expect(phone.locator("#phase-heading")).to_have_text("Kennismaken")
    assert phone.evaluate("window.stayedOnThePage") is True
    assert abs(scroll_y(phone) - before) < 2
    for control in ("#previous-phase", "#next-phase", "#add-card-link"):
        assert in_view(phone, control), control
    assert phone.evaluate("document.activeElement.id") == "next-phase"
    # The card form follows the new phase: its kinds first, the first one chosen.
    expect(phone.locator("#id_kind_0")).to_have_attribute("value", "value")
    assert phone.locator("#id_kind_0").is_checked()
    phone.assert_accessible()

    # "+ Card" brings the form; a chip selects a kind, and so do the arrow keys.
    phone.click("#add-card-link")
    chip = phone.locator("label[for=id_kind_1]")
    assert chip.bounding_box()["height"] >= MIN_TARGET
    chip.click()
    assert phone.locator("#id_kind_1").is_checked()
    assert not phone.locator("#id_kind_0").is_checked()
    phone.keyboard.press("ArrowLeft")
    assert phone.locator("#id_kind_0").is_checked()
    phone.keyboard.press("ArrowRight")
    assert phone.locator("#id_kind_1").is_checked()
    phone.click(f"#id_person_field label:text-is('{anna.person.first_name}')")
    phone.fill("#id_text", "Thuis is waar je gegroet wordt")
    phone.click("#save-card")
    phone.locator("#capture-queue li[data-state=saved]").wait_for()
    card = Card.objects.get()
    assert (card.kind, card.phase_name, card.first_name) == ("quote", "Kennismaken", "Anna")
    assert card.owner is None

    # The timer: pause, five more minutes, and both stay after a reload.
    phone.evaluate("window.scrollTo(0, 0)")
    timer = phone.locator("#phase-timer")
    expect(timer).to_have_attribute("data-minutes-left", "20")
    phone.click("#timer-toggle")
    expect(timer).to_have_attribute("data-paused", "yes")
    expect(timer).to_contain_text("Pauze")
    phone.click("#timer-extend")
    expect(timer).to_have_attribute("data-minutes-left", "25")
    assert phone.evaluate("window.stayedOnThePage") is True
    assert in_view(phone, "#next-phase")
    phone.assert_accessible()
    run = TableRun.objects.get(table=table)
    assert run.timer_paused_at is not None
    assert run.extra_minutes == 5

    phone.goto(reverse("table-run", args=[table.pk]))
    expect(phone.locator("#phase-timer")).to_have_attribute("data-paused", "yes")
    expect(phone.locator("#phase-timer")).to_have_attribute("data-minutes-left", "25")
    phone.click("#timer-toggle")
    expect(phone.locator("#phase-timer")).to_have_attribute("data-paused", "no")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_without_a_connection_a_tap_on_next_phase_says_so_and_works_once_back(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("table-run", args=[table.pk]))
    message = phone.locator("#run-connection")
    assert not message.is_visible()

    phone.context.set_offline(True)
    phone.click("#next-phase")
    expect(message).to_contain_text("Geen verbinding")
    assert in_view(phone, "#run-connection")
    assert phone.locator("#phase-heading").inner_text() == "Opening"

    phone.context.set_offline(False)
    phone.click("#next-phase")
    expect(phone.locator("#phase-heading")).to_have_text("Kennismaken")
    expect(message).to_be_empty()
    assert TableRun.objects.get(table=table).phase_position == 2
