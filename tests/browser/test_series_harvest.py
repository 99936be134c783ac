"""The harvest of a series in one place: an organiser filters and marks a highlight at 1280 px;
a resident reads the public version on a phone (360 px) and filters it. Axe checks each page."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import make_membership
from tests.synthesis.harvestview_data import build_harvest


def a_harvest(organisation, neighbourhood, other_organisation):
    return build_harvest(organisation, neighbourhood, other_organisation)


def test_an_organiser_filters_the_series_harvest_and_marks_a_highlight(
    page, organisation, neighbourhood, other_organisation, tmp_path
):
    harvest = a_harvest(organisation, neighbourhood, other_organisation)
    organiser = make_membership(organisation, "organiser", first_name="Olga", email="o@example.org")
    page.log_in(organiser.person.user)
    page.goto(reverse("series-detail", args=[harvest.series.pk]))
    page.click_and_wait("#series-harvest-link")

    expect(page.locator("#harvest-summary")).to_contain_text("7 kaarten, 1 intern")
    expect(page.locator("#harvest-cards > li")).to_have_count(7)
    page.screenshot(path=tmp_path / "organiser.png", full_page=True)

    page.select_option("#filter-kind", "concern")
    page.click_and_wait("#filter-button")
    internal = harvest.cards["internal"]
    expect(page.locator("#harvest-cards > li")).to_have_count(1)
    expect(page.locator(f"#card-{internal.pk}")).to_contain_text("intern")
    expect(page.locator("#filter-kind")).to_have_value("concern")

    page.click_and_wait(page.locator(f"#highlight-{internal.pk} button").first)
    expect(page.locator(".wd-messages")).to_contain_text("hoogtepunt voor intern gebruik")
    expect(page.locator(f"#card-{internal.pk}")).to_contain_text("hoogtepunt, intern")
    # Still filtered after the POST: the page came back with its filters.
    expect(page.locator("#filter-kind")).to_have_value("concern")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.assert_accessible()
    page.assert_no_script_errors()


def test_a_resident_reads_and_filters_the_public_harvest_on_a_phone(
    phone, organisation, neighbourhood, other_organisation, tmp_path
):
    harvest = a_harvest(organisation, neighbourhood, other_organisation)
    phone.goto(reverse("meeting-public", args=[harvest.first.pk]))
    phone.click_and_wait("#meeting-harvest-public-link a")
    phone.click_and_wait("#series-harvest-link")

    expect(phone.locator("#harvest-cards > li")).to_have_count(4)
    expect(phone.locator("body")).not_to_contain_text("Overlast")
    assert phone.locator("#filter-publication").count() == 0
    phone.screenshot(path=tmp_path / "public.png", full_page=True)

    phone.fill("#filter-q", "moestuin")
    phone.click_and_wait("#filter-button")
    expect(phone.locator("#harvest-cards > li")).to_have_count(2)
    expect(phone.locator("#harvest-summary")).to_contain_text("2 kaarten")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.assert_accessible()
