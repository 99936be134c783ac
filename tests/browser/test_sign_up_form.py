"""The sign-up form on a 360-px phone: after a failed submit the error summary is focused and in
view and its links move focus to the fields; the optional parts are folded until tapped."""

from tests.builders import make_meeting
from wijkdialoog.registrations.models import Registration

ACTIVE_ID = "document.activeElement.id"


def test_after_a_failed_sign_up_the_focused_summary_leads_to_each_field(phone, neighbourhood):
    meeting = make_meeting(neighbourhood)
    phone.goto(f"/bijeenkomst/{meeting.pk}/aanmelden/")
    phone.fill("#id_phone", "abc")
    phone.click_and_wait("form.wd-form button[type=submit]")

    assert phone.evaluate(ACTIVE_ID) == "error-summary"
    box = phone.locator("#error-summary").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= phone.evaluate("innerHeight")
    error_word = "Fout:" if phone.evaluate("document.documentElement.lang") == "nl" else "Error:"
    assert phone.title().startswith(error_word)

    links = phone.locator("#error-summary a")
    assert [links.nth(n).get_attribute("href") for n in range(links.count())] == [
        "#id_first_name",
        "#id_phone",
        "#id_consent",
    ]
    phone.click("#error-summary a[href='#id_phone']")
    assert phone.evaluate(ACTIVE_ID) == "id_phone"
    phone.click("#error-summary a[href='#id_consent']")
    assert phone.evaluate(ACTIVE_ID) == "id_consent"
    assert phone.locator("#id_consent").is_visible()


def test_the_optional_parts_are_folded_and_open_with_a_tap(phone, neighbourhood):
    meeting = make_meeting(neighbourhood)
    phone.goto(f"/bijeenkomst/{meeting.pk}/aanmelden/")
    assert not phone.locator("#id_companion_1").is_visible()
    assert not phone.locator("#id_access_needs").is_visible()

    phone.tap("#companions summary")
    phone.fill("#id_companion_1", "Kees")
    phone.fill("#id_first_name", "Fatma")
    # Sent without a way to reach her: the page comes back with the companion still in view.
    phone.click_and_wait("form.wd-form button[type=submit]")
    assert phone.locator("#id_companion_1").is_visible()
    assert phone.locator("#id_companion_1").input_value() == "Kees"
    assert not phone.locator("#id_access_needs").is_visible()

    phone.fill("#id_email", "fatma@example.org")
    phone.check("#id_consent")
    phone.click_and_wait("form.wd-form button[type=submit]")
    registration = Registration.objects.get(person__email="fatma@example.org")
    assert registration.companions.count() == 1
