"""The agenda's results and wijkagenda in a browser: the public results on a 360 px phone, the
organiser composing and publishing the wijkagenda, and every organiser agenda page checked with
axe (the fixtures run axe on every document they load)."""

import os
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import expect

from tests.agenda.organiser_data import harvest_agenda, harvest_cards, make_agenda, make_statement
from tests.agenda.results_data import analysed
from tests.builders import make_series
from wijkdialoog.agenda.models import Statement

PHONE_WIDTH = 360


def shot(page, name):
    folder = os.environ.get("WD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def assert_no_sideways_scroll(phone):
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the page scrolls sideways: {width} px"


def test_the_public_results_fit_a_phone_with_consensus_first(phone, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    phone.goto(reverse("agenda-results", args=[agenda.token]))

    headings = phone.locator("main h2").all_inner_texts()
    assert headings[0] == "Wat (bijna) iedereen steunt", headings
    # Only what more than half of every group agrees with: the divisive one is not consensus.
    expect(phone.locator("#consensus li")).to_have_count(1)
    expect(phone.locator("#consensus li")).to_contain_text("Meer groen in de straat.")
    expect(phone.get_by_role("img", name="Meningenkaart")).to_be_visible()
    expect(phone.locator("#map-table")).to_be_visible()
    assert phone.locator("#map-table tbody tr").count() == 2
    assert_no_sideways_scroll(phone)
    shot(phone, "results-phone")


def test_the_closed_vote_page_says_whom_to_ask_on_a_phone(phone, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    organisation = agenda.series.organisation
    organisation.phone = "020 123 4567"
    organisation.contact_email = "vragen@buurtwerk.example.org"
    organisation.save()
    phone.goto(reverse("agenda-vote", args=[agenda.token]))

    expect(phone.locator("#contact")).to_contain_text("vragen@buurtwerk.example.org")
    expect(phone.locator("#contact")).to_contain_text("020 123 4567")
    assert_no_sideways_scroll(phone)
    shot(phone, "vote-closed-phone")


def _public_wijkagenda(agenda):
    series = agenda.series
    return reverse(
        "wijkagenda-public",
        args=[series.organisation.slug, series.neighbourhood.slug, agenda.pk],
    )


def test_the_organiser_composes_and_publishes_the_wijkagenda_and_a_phone_reads_it(
    page, phone, neighbourhood, user_for
):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    green, _house, parking = analysed(agenda)
    page.log_in(user_for("organiser"))
    for statement in (green, parking):
        page.goto(reverse("wijkagenda-compose", args=[agenda.pk]))
        page.select_option("#id_statement", str(statement.pk))
        page.click_and_wait("#item-add-form button[type=submit]")
        # The new priority opens at once, to check its "why".
        expect(page.locator("#id_title")).to_have_value(statement.text)

    expect(page.locator("#id_divisive")).to_be_checked()
    page.fill("#id_minority_view", "Bewoners met een auto en weinig parkeerplek.")
    page.fill("#id_minority_needs", "Eerst een plan voor parkeren om de hoek.")
    page.fill("#id_minority_recorded_at", "2026-03-12")
    page.click_and_wait("#item-form button[type=submit]")
    page.goto(reverse("wijkagenda-compose", args=[agenda.pk]))
    expect(page.locator("#compose-items li")).to_have_count(2)
    page.click_and_wait("#publish")
    expect(page.locator("#published-note")).to_be_visible()
    page.goto(_public_wijkagenda(agenda))
    shot(page, "wijkagenda-page")

    series = agenda.series
    phone.goto(reverse("neighbourhood-public", args=[series.organisation.slug, neighbourhood.slug]))
    panel = phone.locator("#neighbourhood-wijkagenda")
    expect(panel).to_contain_text("Meer groen in de straat.")
    expect(panel).to_contain_text("Eerst een plan voor parkeren om de hoek.")
    assert_no_sideways_scroll(phone)
    shot(phone, "neighbourhood-phone")
    phone.goto(_public_wijkagenda(agenda))
    expect(phone.locator("main")).to_contain_text("Bewoners met een auto en weinig parkeerplek.")
    assert_no_sideways_scroll(phone)
    shot(phone, "wijkagenda-phone")
    phone.goto(reverse("agenda-results", args=[agenda.token]))
    page.goto(reverse("agenda-results", args=[agenda.token]))
    shot(page, "results-page")


def test_every_organiser_agenda_page_passes_axe(page, neighbourhood, user_for):
    meeting, agenda = harvest_agenda(neighbourhood)
    harvest_cards(meeting)
    green = make_statement(agenda, "Meer groen in de straat.")
    make_statement(agenda, "Meer bomen in de straat.")
    make_statement(agenda, "Een bankje bij de speeltuin.", status=Statement.Status.PENDING)
    page.log_in(user_for("organiser"))

    page.goto(reverse("agenda-create", args=[agenda.series_id]))
    page.click_and_wait("main form button[type=submit]")  # empty: the errors are shown
    page.goto(reverse("agenda-manage", args=[agenda.pk]))
    expect(page.locator("main")).to_contain_text("Een bankje bij de speeltuin.")
    page.click_and_wait("#statement-form button[type=submit]")  # empty: the error
    page.goto(reverse("agenda-manage", args=[agenda.pk]))
    page.fill("#id_agenda-title", "")
    page.click_and_wait("#agenda-edit-form button[type=submit]")  # empty title: the error
    page.goto(reverse("agenda-manage", args=[agenda.pk]))
    page.click_and_wait(page.get_by_role("button", name="Goedkeuren"))  # statement-moderate
    page.goto(reverse("statement-from-sources", args=[agenda.pk]))
    page.click_and_wait("#sources-form button[type=submit]")  # empty: the errors are shown
    page.goto(reverse("statement-edit", args=[green.pk]))
    page.click_and_wait("#merge-form button[type=submit]")  # nothing chosen: the error
    page.goto(reverse("agenda-announce", args=[agenda.pk]))
    page.click_and_wait("#agenda-channel-form button[type=submit]")  # no kind: the error
    page.select_option("#id_kind", "share")
    page.fill("#id_label", "WhatsApp buurtgroep")
    page.click_and_wait("#agenda-channel-form button[type=submit]")
    expect(page.locator("#agenda-channel-table")).to_contain_text("WhatsApp buurtgroep")
    page.click_and_wait("[data-tool=share]")
    expect(page.locator("#share-text")).to_contain_text("/d/")
    page.goto(reverse("agenda-results-manage", args=[agenda.pk]))
    analysed(agenda)
    page.goto(reverse("agenda-results-manage", args=[agenda.pk]))
    page.goto(reverse("wijkagenda-compose", args=[agenda.pk]))
    page.click_and_wait("#item-add-form button[type=submit]")  # empty: the error
    page.goto(reverse("wijkagenda-compose", args=[agenda.pk]))
    page.fill("#id_title", "Een buurtfeest.")
    page.click_and_wait("#item-add-form button[type=submit]")
    assert page.path() == reverse("agenda-item-edit", args=[agenda.items.get().pk])
    page.fill("#id_title", "")
    page.click_and_wait("#item-form button[type=submit]")  # empty title: the error
    page.goto(reverse("agenda-import", args=[agenda.series_id]))
    page.click_and_wait("#polis-import-form button[type=submit]")  # no file: the error
    page.goto(reverse("agenda-paper-entry", args=[agenda.pk]))
    page.keyboard.type("x")
    page.click_and_wait("main form button[type=submit]")
    page.assert_accessible()
    assert len(page.checked) >= 21, page.checked


def test_the_organiser_agenda_pages_fit_a_phone(phone, neighbourhood, user_for, settings):
    """The public link is long: it wraps instead of pushing the page sideways."""
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default: no place to break the line
    meeting, agenda = harvest_agenda(neighbourhood)
    make_statement(agenda, "Meer groen in de straat.")
    phone.log_in(user_for("organiser"))
    for name in ("agenda-manage", "agenda-announce", "agenda-results-manage", "wijkagenda-compose"):
        phone.goto(reverse(name, args=[agenda.pk]))
        assert_no_sideways_scroll(phone)
    phone.goto(reverse("agenda-import", args=[agenda.series_id]))
    assert_no_sideways_scroll(phone)
