"""An organiser on a phone suggests themes for a series' harvest, moves a card and deletes a
theme: every page passes axe and fits 360 px."""

import pytest
from playwright.sync_api import expect

from tests.synthesis.themes_data import make_harvest
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import CardTheme, Theme

SHOTS = ""  # a folder path keeps screenshots while working on the pages


@pytest.fixture
def harvest(neighbourhood):
    cards = make_harvest(neighbourhood)
    Card.objects.filter(pk=cards[0].pk).update(publication=Card.Publication.INTERNAL)
    return cards


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_an_organiser_finds_themes_moves_a_card_and_deletes_a_theme_on_a_phone(
    phone, organiser, harvest
):
    series = harvest[0].meeting.series
    phone.log_in(organiser.person.user)
    phone.goto(f"/beheer/wijkdialogen/{series.pk}/")
    phone.click_and_wait("#series-themes-link")
    expect(phone.locator("#unsorted")).to_contain_text("Nog niet ingedeeld (24)")
    phone.fill("#id_k", "3")
    phone.click_and_wait("#suggest-themes")
    expect(phone.locator("section.wd-theme[id^=theme-]")).to_have_count(3)
    expect(phone.locator(".wd-badge--muted").first).to_have_text("intern")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "series-themes")

    card = harvest[1]
    phone.select_option(f"#move-{card.pk}", "unsorted")
    phone.click_and_wait(f"#card-{card.pk} button")
    expect(phone.locator(f"#unsorted #card-{card.pk}")).to_contain_text("bevestigd")
    assert CardTheme.objects.get(card=card).confirmed

    phone.click_and_wait("section.wd-theme[id^=theme-] .wd-actions a >> nth=0")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "theme-detail")
    phone.click_and_wait("#delete-theme")
    shot(phone, "theme-delete")
    phone.click_and_wait("#delete-confirm")
    expect(phone.locator("section.wd-theme[id^=theme-]")).to_have_count(2)


def test_the_themes_page_on_a_wide_screen_passes_axe(page, organiser, harvest):
    series = harvest[0].meeting.series
    page.log_in(organiser.person.user)
    page.goto(f"/beheer/wijkdialogen/{series.pk}/themas/")
    page.click_and_wait("#suggest-themes")
    shot(page, "series-themes-wide")
    # Every theme the system suggested (k chosen by the engine) and "Nog niet ingedeeld".
    themes = Theme.objects.filter(series=series).count()
    assert themes >= 2
    expect(page.locator("#theme-index li")).to_have_count(themes + 1)
