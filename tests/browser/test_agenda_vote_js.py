"""The voting page with and without JavaScript on a 360 px phone. With it, a vote goes out in
the background: no page load (a marker on `window` survives), the progress and the next statement
come in, focus moves to the new statement, a double tap votes once, a lost connection says so and
falls back to the plain form. Without it, the same page works with a page load per vote."""

import datetime

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.agenda.voting_builders import make_agenda
from tests.browser.conftest import PHONE, TIMEOUT_MS
from wijkdialoog.agenda.models import Vote

CHOICES = ["#vote-agree", "#vote-disagree", "#vote-pass"]


def mark_window(phone):
    phone.evaluate("window.wdMarker = 'still here'")


def assert_no_page_load(phone):
    assert phone.evaluate("window.wdMarker") == "still here"


def top_on_page(phone, selector):
    return phone.evaluate(
        "(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )


def test_ten_background_votes_and_a_changed_one_on_a_phone(phone, neighbourhood):
    agenda = make_agenda(neighbourhood, statements=12)
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    mark_window(phone)
    button_top = top_on_page(phone, "#vote-agree")

    for n in range(10):
        shown = phone.locator('input[name="statement"]').get_attribute("value")
        phone.click(CHOICES[n % 3])
        expect(phone.locator("#progress")).to_contain_text(f"{n + 1} van de 12")
        assert phone.locator('input[name="statement"]').get_attribute("value") != shown
        expect(phone.locator("#statement-text")).to_be_focused()
    assert_no_page_load(phone)
    assert Vote.objects.count() == 10
    # The statements are one line each: the buttons did not move.
    assert top_on_page(phone, "#vote-agree") == button_top
    phone.assert_accessible()

    # The keyboard: from the new statement, Tab reaches the first button.
    phone.keyboard.press("Tab")
    expect(phone.locator("#vote-agree")).to_be_focused()
    expect(phone.locator("#vote-agree")).to_be_enabled()
    phone.keyboard.press("Enter")
    expect(phone.locator("#progress")).to_contain_text("11 van de 12")
    assert_no_page_load(phone)

    phone.click_and_wait("#my-votes-link")
    first = Vote.objects.filter(value=1).select_related("statement").order_by("pk").first()
    item = phone.locator(f"#vote-{first.statement.number}")
    with phone.expect_navigation():
        item.get_by_role("button", name="Wijzig in: Oneens").click()
    expect(phone.locator(".wd-messages")).to_contain_text("Je stem is gewijzigd")
    first.refresh_from_db()
    assert first.value == Vote.Value.DISAGREE

    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    mark_window(phone)
    phone.click("#vote-pass")
    expect(phone.locator("#done-heading")).to_be_focused()
    expect(phone.locator("#progress")).to_contain_text("12 van de 12")
    assert_no_page_load(phone)
    assert Vote.objects.count() == 12


def test_a_double_tap_votes_once(phone, neighbourhood):
    agenda = make_agenda(neighbourhood, statements=5)
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    mark_window(phone)

    phone.locator("#vote-agree").dblclick()
    expect(phone.locator("#progress")).to_contain_text("1 van de 5")
    # A slower double tap with a finger, straight on the screen (Playwright's own tap would
    # wait until the new buttons take taps): the second tap may land on the next statement.
    expect(phone.locator("#vote-disagree")).to_be_enabled()
    box = phone.locator("#vote-disagree").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    phone.touchscreen.tap(x, y)
    phone.wait_for_timeout(120)
    phone.touchscreen.tap(x, y)
    expect(phone.locator("#progress")).to_contain_text("2 van de 5")

    phone.wait_for_timeout(600)
    assert_no_page_load(phone)
    assert Vote.objects.count() == 2


def test_a_lost_connection_says_so_and_the_next_tap_sends_the_form(phone, neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    expect(phone.locator("#vote-notice")).to_be_hidden()

    def offline(route):
        if route.request.method == "POST":
            route.abort("internetdisconnected")
        else:
            route.continue_()

    phone.page.route("**/stem/**", offline)
    phone.click("#vote-agree")
    expect(phone.locator("#vote-notice")).to_be_visible()
    expect(phone.locator("#vote-notice")).to_contain_text("Er is geen verbinding")
    expect(phone.locator("#vote-agree")).to_be_enabled()
    assert not Vote.objects.exists()
    phone.assert_accessible()

    phone.page.unroute("**/stem/**")
    phone.click_and_wait("#vote-agree")  # the plain form: a page load
    expect(phone.locator("#progress")).to_contain_text("1 van de 3")
    expect(phone.locator("#vote-notice")).to_be_hidden()
    assert Vote.objects.count() == 1


def test_an_agenda_closed_meanwhile_shows_the_refusal_in_place(phone, neighbourhood):
    agenda = make_agenda(neighbourhood, statements=3)
    phone.goto(reverse("agenda-vote", args=[agenda.token]))
    mark_window(phone)
    phone.click("#vote-agree")
    expect(phone.locator("#progress")).to_contain_text("1 van de 3")
    agenda.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    agenda.save()

    phone.click("#vote-agree")
    expect(phone.locator("#refusal")).to_contain_text("Stemmen is gesloten")
    expect(phone.locator("#refusal-heading")).to_be_focused()
    assert_no_page_load(phone)
    assert Vote.objects.count() == 1
    phone.assert_accessible()


def test_without_javascript_every_vote_is_a_page_load(browser, live_server, neighbourhood):
    # axe needs JavaScript in the page, so this page is not checked; its markup is the one the
    # tests above check with JavaScript on.
    agenda = make_agenda(neighbourhood, statements=4)
    context = browser.new_context(
        locale="nl-NL", viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(live_server.url + reverse("agenda-vote", args=[agenda.token]))
        for n in range(3):
            with page.expect_navigation():
                page.click(CHOICES[n % 3])
            expect(page.locator("#progress")).to_contain_text(f"{n + 1} van de 4")
        expect(page.locator("#vote-notice")).to_be_hidden()
        with page.expect_navigation():
            page.click("#my-votes-link")
        with page.expect_navigation():
            page.locator("#my-votes").get_by_role("button", name="Wijzig in: Eens").first.click()
        expect(page.locator(".wd-messages")).to_contain_text("Je stem is gewijzigd")
        assert Vote.objects.count() == 3
        assert Vote.objects.filter(value=Vote.Value.AGREE).count() == 2
    finally:
        context.close()
