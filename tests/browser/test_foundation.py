"""The foundation as a person uses it in a browser: logging in, the first organiser steps, the
language switch, a cheap phone and the keyboard. Every page is checked with axe by the fixtures."""

import re

from django.core import mail

from tests.conftest import PASSWORD
from wijkdialoog.community.models import Membership, Neighbourhood

LINK = re.compile(r"https?://\S+")
PHONE_WIDTH = 360


def link_in_mail(to: str, path: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [to]]
    [link] = [url for url in LINK.findall(str(message.body)) if path in url]
    return link


def is_logged_in(page) -> bool:
    return page.locator("form[action='/uitloggen/']").count() == 1


def log_in_with_password(page, email: str):
    page.goto("/inloggen/")
    form = page.locator("main form").filter(has=page.locator("#id_password"))
    form.locator("#id_username").fill(email)
    form.locator("#id_password").fill(PASSWORD)
    page.click_and_wait(form.locator("button[type=submit]"))


def horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth") - PHONE_WIDTH


def test_an_organiser_logs_in_with_a_link_from_the_mail(page, organiser):
    page.goto("/inloggen/")
    page.click_and_wait(page.locator("main a[href^='/inloggen/link/']"))
    assert page.path() == "/inloggen/link/"

    page.locator("#id_email").fill("olga@example.org")
    page.click_and_wait(page.locator("main form button[type=submit]"))
    assert page.path() == "/inloggen/link/verstuurd/"
    link = link_in_mail("olga@example.org", "/inloggen/link/open/")

    # Opening the link only shows a button, so a mail scanner cannot use the link up.
    page.goto(link)
    assert not is_logged_in(page)
    button = page.locator("main form button[type=submit]")
    assert button.count() == 1

    page.click_and_wait(button)
    assert page.path() == "/beheer/"
    assert is_logged_in(page)


def test_an_organiser_adds_a_neighbourhood_and_invites_a_facilitator_who_then_logs_in(
    page, organiser
):
    log_in_with_password(page, "olga@example.org")
    assert page.path() == "/beheer/"

    page.click_and_wait(page.locator("main a[href='/beheer/wijken/nieuw/']"))
    page.locator("#id_name").fill("Lindenhof")
    page.locator("#id_slug").fill("lindenhof")
    page.locator("#id_kind").select_option("buurt")
    page.locator("#id_municipality").fill("Westerlaan")
    page.locator("#id_cbs_code").fill("BU03630101")
    page.click_and_wait(page.locator("main form.wd-form button[type=submit]"))
    assert page.path() == "/beheer/"
    assert page.locator("main table").get_by_role("link", name="Lindenhof").count() == 1
    assert Neighbourhood.objects.get(slug="lindenhof").cbs_code == "BU03630101"

    page.click_and_wait(page.locator("main a[href='/beheer/rollen/uitnodigen/']"))
    page.locator("input[name=role][value=facilitator]").check()
    page.locator("#id_first_name").fill("Femke")
    page.locator("#id_last_name").fill("de Wit")
    page.locator("#id_email").fill("femke@example.org")
    page.click_and_wait(page.locator("main form.wd-form button[type=submit]"))
    assert page.path() == "/beheer/rollen/"
    membership = Membership.objects.get(person__email="femke@example.org")
    assert membership.role == Membership.Role.FACILITATOR
    link = link_in_mail("femke@example.org", "/uitnodiging/open/")

    page.click_and_wait(page.locator("form[action='/uitloggen/'] button"))
    assert not is_logged_in(page)

    page.goto(link)
    assert not is_logged_in(page)
    page.click_and_wait(page.locator("main form button[type=submit]"))
    assert is_logged_in(page)
    assert page.path() == "/mijn/"


def test_the_neighbourhood_form_shows_a_wrong_cbs_code_next_to_the_field_and_keeps_the_input(
    page, organiser
):
    page.log_in(organiser.person.user)
    page.goto("/beheer/wijken/nieuw/")
    page.locator("#id_name").fill("Lindenhof")
    page.locator("#id_slug").fill("lindenhof")
    page.locator("#id_cbs_code").fill("1234")
    page.click_and_wait(page.locator("main form.wd-form button[type=submit]"))

    assert page.path() == "/beheer/wijken/nieuw/"
    field = page.locator(".utrecht-form-field").filter(has=page.locator("#id_cbs_code"))
    assert field.locator("#id_cbs_code_error").is_visible()
    code = page.locator("#id_cbs_code")
    assert code.get_attribute("aria-invalid") == "true"
    assert "id_cbs_code_error" in code.get_attribute("aria-describedby").split()
    assert code.input_value() == "1234"
    assert page.locator("#id_name").input_value() == "Lindenhof"
    assert page.locator("#id_slug").input_value() == "lindenhof"
    assert page.locator("[aria-invalid=true]").count() == 1
    assert not Neighbourhood.objects.exists()


def test_the_language_switch_makes_the_site_english_and_it_stays_english(page, db):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.click_and_wait(page.locator("header button[name=language][value=en]"))
    assert page.path() == "/"
    assert page.locator("html").get_attribute("lang") == "en"

    page.click_and_wait(page.locator("header a[href='/inloggen/']"))
    assert page.path() == "/inloggen/"
    assert page.locator("html").get_attribute("lang") == "en"

    page.click_and_wait(page.locator("header button[name=language][value=nl]"))
    assert page.path() == "/inloggen/"
    assert page.locator("html").get_attribute("lang") == "nl"


def test_on_a_phone_no_page_of_the_foundation_scrolls_sideways(phone, organiser, neighbourhood):
    for path in ["/", "/inloggen/", "/inloggen/link/", "/privacy/"]:
        phone.goto(path)
        assert horizontal_overflow(phone) <= 0, path

    phone.log_in(organiser.person.user)
    for path in [
        "/beheer/",
        "/beheer/wijken/nieuw/",
        f"/beheer/wijken/{neighbourhood.pk}/",
        "/beheer/mensen/",
        "/beheer/rollen/",
        "/beheer/rollen/uitnodigen/",
        "/beheer/training/",
        "/mijn/",
    ]:
        phone.goto(path)
        assert phone.path() == path
        assert horizontal_overflow(phone) <= 0, path


def test_on_a_phone_the_skip_link_comes_first_and_moves_the_focus_to_the_content(phone, db):
    phone.goto("/")
    phone.keyboard.press("Tab")
    focused = phone.locator(":focus")
    assert "wd-skip-link" in focused.get_attribute("class")
    assert focused.get_attribute("href") == "#main"
    assert focused.is_visible()

    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"


def test_the_keyboard_focus_is_clearly_visible(phone, db):
    phone.goto("/")
    for _ in range(3):  # the skip link, the name of the site, the first menu item
        phone.keyboard.press("Tab")
        outline = phone.evaluate(
            """() => {
              const style = getComputedStyle(document.activeElement);
              return {style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
            }"""
        )
        assert outline["style"] != "none"
        assert outline["width"] >= 2


def test_the_login_form_can_be_filled_and_sent_with_the_keyboard_only(page, organiser):
    page.goto("/inloggen/")

    def tab_to(element_id: str):
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"#{element_id} cannot be reached with the Tab key")

    tab_to("id_username")
    page.keyboard.type("olga@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.path() == "/beheer/"
    assert is_logged_in(page)
