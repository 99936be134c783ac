"""An organiser chooses to share in Wijkdialogen in beweging; a resident of another
neighbourhood finds the report on a phone from the footer, filters by theme and opens it. The
collection reads well at desktop width too. axe checks every page."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.learning.collection_helpers import (
    neighbourhood_of,
    published_meeting_report,
    published_story,
    share,
)


def test_an_organiser_shares_and_a_resident_finds_the_report_on_a_phone(
    page, phone, organiser, neighbourhood, other_organisation
):
    published_meeting_report(neighbourhood, theme="Groen in de buurt")
    published_meeting_report(neighbourhood_of(other_organisation, "Appelwijk"), theme="Veilig")
    share(other_organisation)

    page.log_in(organiser.person.user)
    page.goto(reverse("dashboard"))
    page.click_and_wait("#collection-sharing-link")
    page.check("input[name=choice][value=share]")
    page.click_and_wait("#collection-sharing-save")
    expect(page.locator("#collection-sharing")).to_contain_text("worden gedeeld")

    phone.goto("/")
    phone.click_and_wait("#collection-footer-link")
    expect(phone.locator("#collection-entries > li")).to_have_count(2)
    phone.select_option("#filter-theme", "Groen in de buurt")
    phone.click_and_wait("#filter-button")
    expect(phone.locator("#collection-entries > li")).to_have_count(1)
    expect(phone.locator("#collection-count")).to_contain_text("1 verslag of verhaal gevonden")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    phone.click_and_wait("#collection-entries a")
    expect(phone.locator("#report-themes")).to_contain_text("Groen in de buurt")


def test_the_collection_reads_well_at_desktop_width(page, neighbourhood, organisation):
    published_meeting_report(neighbourhood, theme="Groen in de buurt")
    published_story(neighbourhood, title="Het verhaal van de Kersenbuurt")
    share(organisation)

    page.goto(reverse("collection") + "?q=kersenbuurt")

    expect(page.locator("#collection-entries > li")).to_have_count(2)
    expect(page.locator("#filter-q")).to_have_value("kersenbuurt")
    expect(page.locator("#collection-entries")).to_contain_text("Het verhaal van de Kersenbuurt")
