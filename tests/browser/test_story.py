"""An organiser writes the neighbourhood story, inserts a highlight with the insert button and
publishes it; a resident reads it on the neighbourhood page on a phone."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.synthesis.story_helpers import (
    harvested_series,
    make_highlight,
    make_theme,
    neighbourhood_url,
)


def test_an_organiser_publishes_the_story_and_it_shows_on_a_phone(
    page, phone, organiser, neighbourhood
):
    series, meeting = harvested_series(neighbourhood)
    theme = make_theme(series, name="Groen in de straat")
    highlight = make_highlight(meeting, "Hier kent iedereen elkaar", first_name="Joke")

    page.log_in(organiser.person.user)
    page.goto(reverse("series-detail", args=[series.pk]))
    page.click_and_wait("#story-edit-link")
    page.fill("#id_title", "Samen in de Kersenbuurt")
    part = page.locator("#id_appreciate")
    part.fill(f"We waarderen de buren: [cijfers].\n\n[thema:{theme.pk}]")
    # The cursor at the end of the first part; the button puts the code there.
    part.focus()
    part.press("Control+End")
    page.locator(f"#insert-highlights button[data-insert-code='[citaat:{highlight.pk}]']").click()
    expect(part).to_have_value(
        f"We waarderen de buren: [cijfers].\n\n[thema:{theme.pk}]\n\n[citaat:{highlight.pk}]\n\n"
    )
    page.fill("#id_dream", "Een moestuin op het plein.")
    page.click_and_wait("#story-save-preview")
    expect(page.locator("#story-preview-notice")).to_be_visible()
    expect(page.locator(".wd-story-quote blockquote")).to_have_text("Hier kent iedereen elkaar")
    page.click_and_wait("#story-publish")
    expect(page.locator("#story-versions tbody tr")).to_have_count(1)

    phone.goto(neighbourhood_url(neighbourhood))
    stories = phone.locator("#neighbourhood-stories")
    expect(stories).to_contain_text("Samen in de Kersenbuurt")
    expect(stories).to_contain_text("1 kaart, 0 tafels, 0 mensen")
    expect(stories.locator(".wd-story-quote")).to_contain_text("Hier kent iedereen elkaar")
    expect(stories.locator(".wd-story-quote figcaption")).to_have_text("— Joke")
    expect(stories).not_to_contain_text("Een moestuin op het plein.")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    phone.click_and_wait(stories.get_by_role("link", name="Lees het hele verhaal"))
    expect(phone.locator("#story-dream")).to_contain_text("Een moestuin op het plein.")
    expect(phone.locator("[data-story-theme]")).to_contain_text("Groen in de straat")
