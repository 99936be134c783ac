"""The whole second half of a round in one go: an organiser lets the system suggest themes,
merges two of them, moves a card, marks a highlight on the harvest page and publishes the story
with that quote and a theme; a resident reads it on the neighbourhood page on a phone."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.synthesis.themes_data import make_harvest
from wijkdialoog.synthesis.models import CardTheme, Highlight, Theme


def test_an_organiser_goes_from_suggested_themes_to_a_published_story(
    page, phone, organiser, neighbourhood
):
    cards = make_harvest(neighbourhood)
    series = cards[0].meeting.series
    page.log_in(organiser.person.user)

    page.goto(reverse("series-themes", args=[series.pk]))
    page.fill("#id_k", "3")
    page.click_and_wait("#suggest-themes")
    expect(page.locator("section.wd-theme[id^=theme-]")).to_have_count(3)

    first, second, third = Theme.objects.filter(series=series).order_by("position", "pk")
    page.goto(reverse("theme-detail", args=[first.pk]))
    page.select_option("#merge-form select", str(second.pk))
    page.click_and_wait("#merge-form button[type=submit]")
    assert not Theme.objects.filter(pk=first.pk).exists()

    page.goto(reverse("series-themes", args=[series.pk]))
    expect(page.locator("section.wd-theme[id^=theme-]")).to_have_count(2)

    moved = CardTheme.objects.filter(theme=second).select_related("card").first().card
    page.select_option(f"#move-{moved.pk}", str(third.pk))
    page.click_and_wait(f"#card-{moved.pk} button")
    link = CardTheme.objects.get(card=moved)
    assert (link.theme, link.confirmed) == (third, True)

    quoted = cards[2]
    page.goto(reverse("series-harvest", args=[series.pk]))
    page.click_and_wait(f"#highlight-{quoted.pk} button[value=public]")
    highlight = Highlight.objects.get(card=quoted)
    assert highlight.for_public

    page.goto(reverse("story-edit", args=[series.pk]))
    page.fill("#id_title", "Wat de buurt vertelde")
    page.fill("#id_appreciate", f"Dit hoorden we.\n\n[thema:{third.pk}]\n\n[citaat:{highlight.pk}]")
    page.click_and_wait("#story-save-preview")
    page.click_and_wait("#story-publish")
    expect(page.locator("#story-versions tbody tr")).to_have_count(1)

    phone.goto(
        reverse(
            "neighbourhood-public",
            args=[neighbourhood.organisation.slug, neighbourhood.slug],
        )
    )
    stories = phone.locator("#neighbourhood-stories")
    expect(stories).to_contain_text("Wat de buurt vertelde")
    expect(stories.locator(".wd-story-quote blockquote")).to_have_text(quoted.text)
    expect(stories.locator("[data-story-theme]")).to_contain_text(third.name)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
