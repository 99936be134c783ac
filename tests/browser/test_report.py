"""An organiser writes the report's texts, previews and publishes it; a resident reads it from
the neighbourhood page on a phone, and at desktop width. axe checks every page."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.reporting.test_report_seed import HIGHLIGHT, INTERNAL_CARD, THEME_NAME, seed_report


def test_an_organiser_publishes_the_report_and_a_resident_reads_it_on_a_phone(
    page, phone, organiser, neighbourhood
):
    seeded = seed_report(neighbourhood, organiser, publish=False)

    page.log_in(organiser.person.user)
    page.goto(reverse("meeting-manage", args=[seeded.meeting.pk]))
    page.click_and_wait("#meeting-report-manage-link")
    page.fill("#id_participants_said", "Mensen vonden het gezellig en leerzaam.")
    page.click_and_wait("#report-save-preview")
    expect(page.locator("#report-preview-notice")).to_be_visible()
    expect(page.locator("#report-participants-said")).to_contain_text("gezellig en leerzaam")
    page.goto(reverse("report-meeting-manage", args=[seeded.meeting.pk]))
    page.click_and_wait("#report-publish")
    expect(page.locator("#report-public-link")).to_be_visible()

    phone.goto(
        reverse("neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug])
    )
    phone.click_and_wait("#neighbourhood-reports a")
    expect(phone.locator("#report-title")).to_be_visible()
    expect(phone.locator("#report-themes")).to_contain_text(THEME_NAME)
    expect(phone.locator("#report-harvest")).to_contain_text(HIGHLIGHT)
    expect(phone.locator("main")).not_to_contain_text(INTERNAL_CARD)
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_the_public_report_reads_well_at_desktop_width(page, organiser, neighbourhood):
    seeded = seed_report(neighbourhood, organiser)

    page.goto(reverse("report-meeting-public", args=[seeded.meeting.pk]))

    expect(page.locator("#report-contents li")).not_to_have_count(0)
    expect(page.locator("#report-pdf-link")).to_be_visible()
    expect(page.locator("#report-poster-link")).to_be_visible()
