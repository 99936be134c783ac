"""An organiser plans a dialogue through the real pages; a resident finds it on a phone."""

import datetime

from django.utils import timezone

from wijkdialoog.dialogues.models import Meeting, Series, Table

PASSWORD = "a-long-test-password"


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _submit(page):
    page.click_and_wait("form.wd-form button[type=submit]")


def test_an_organiser_plans_a_meeting_that_residents_find_on_a_phone(
    page, phone, organiser, facilitator, neighbourhood
):
    page.goto("/inloggen/?next=/beheer/ontmoetingsplekken/nieuw/")
    page.fill("#id_username", organiser.person.user.email)
    page.fill("#id_password", PASSWORD)
    _submit(page)
    assert page.path().endswith("/beheer/ontmoetingsplekken/nieuw/")

    page.fill("#id_name", "Buurthuis De Kersenboom")
    page.fill("#id_street_address", "Kersenplein 12")
    page.fill("#id_postcode", "1234 KB")
    page.fill("#id_city", "Westerlaan")
    page.check("#id_step_free_entrance")
    page.check("#id_hearing_loop")
    _submit(page)
    assert page.path().endswith("/beheer/ontmoetingsplekken/")

    page.goto("/beheer/")
    page.click_and_wait("#dashboard-planning a[href='/beheer/wijkdialogen/nieuw/']")
    page.fill("#id_theme", "Thuis in de Kersenbuurt")
    page.fill("#id_description", "Buren praten over thuis zijn in de wijk.")
    page.fill("#id_cadence_weeks", "8")
    _submit(page)
    series = Series.objects.get()
    assert page.path().endswith(f"/beheer/wijkdialogen/{series.pk}/")

    # A mistake first: the end before the start. The message shows and the typed values stay.
    starts = timezone.now() + datetime.timedelta(days=20)
    page.click_and_wait("#plan-meeting")
    page.fill("#id_starts_at", _local(starts))
    page.fill("#id_ends_at", _local(starts - datetime.timedelta(hours=1)))
    _submit(page)
    assert page.locator("#id_ends_at_error").is_visible()
    assert page.input_value("#id_starts_at") == _local(starts)

    page.fill("#id_ends_at", _local(starts + datetime.timedelta(hours=2, minutes=30)))
    page.select_option("#id_venue", label="Buurthuis De Kersenboom")
    page.fill("#id_what_to_expect", "Koffie en thee staan klaar. Je praat aan een kleine tafel.")
    page.fill("#id_publish_at", _local(timezone.now() - datetime.timedelta(hours=1)))
    _submit(page)
    meeting = Meeting.objects.get()
    assert page.path().endswith(f"/beheer/bijeenkomsten/{meeting.pk}/")

    page.click_and_wait("#add-table")
    page.select_option("#id_facilitator", str(facilitator.person.pk))
    _submit(page)
    page.click_and_wait("#add-table")
    page.fill("#id_seats", "6")
    page.select_option("#id_language", "en")
    _submit(page)
    assert sorted(Table.objects.values_list("number", "seats")) == [(1, 8), (2, 6)]
    assert page.locator("#seats-total").inner_text() == "14"
    for link in ("#registrations-link", "#division-link", "#check-in-link", "#table-cards-link"):
        assert page.locator(link).count() == 1

    phone.goto(f"/bijeenkomst/{meeting.pk}/")
    assert phone.locator("h1").inner_text() == meeting.display_title
    assert phone.locator("#register-button").is_visible()
    assert phone.locator("#register-button").get_attribute("href") == (
        f"/bijeenkomst/{meeting.pk}/aanmelden/"
    )
    assert phone.locator("#accessibility-facts li").count() == 4
    assert "Kersenplein 12" in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    phone.goto(f"/wijk/{neighbourhood.organisation.slug}/{neighbourhood.slug}/")
    assert phone.locator(f"#upcoming-meetings a[href='/bijeenkomst/{meeting.pk}/']").count() == 1
    phone.goto("/")
    assert phone.locator(f"#upcoming-meetings a[href='/bijeenkomst/{meeting.pk}/']").count() == 1
