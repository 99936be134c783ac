"""Collective initiatives in a browser, axe on every page: the organiser turns a dream card into
an initiative and adds a neighbour to the team; she posts an update with a photo from her 360 px
phone and lets her name be shown; the update shows on the public page and the initiative on the
neighbourhood page. And an initiative made from a wijkagenda priority, and its contact moments
planned, moved and removed later."""

import io
import re

from django.core import mail
from django.urls import reverse
from PIL import Image

from tests.agenda.organiser_data import make_agenda
from tests.followup.initiative_builders import dream_meeting, make_initiative
from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.followup.models import ContactMoment, Initiative, InitiativePhoto

PHONE_WIDTH = 360


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, format="JPEG")
    return buffer.getvalue()


def photos_loaded(page, selector):
    return page.evaluate(
        "s => [...document.querySelectorAll(s)].map(i => i.complete && i.naturalWidth > 0)",
        selector,
    )


def test_from_a_dream_card_to_an_update_on_the_public_page(page, phone, neighbourhood, organiser):
    meeting, card = dream_meeting(neighbourhood)
    page.log_in(organiser.person.user)
    page.goto(reverse("series-harvest", args=[meeting.series_id]))
    page.click_and_wait(f"#card-{card.pk}-initiative")
    assert page.input_value("#id_what") == card.text
    page.fill("#id_name", "Moestuin achter het buurthuis")
    page.check("#id_is_public")
    page.click_and_wait("#initiative-form button[type=submit]")
    initiative = Initiative.objects.get(name="Moestuin achter het buurthuis")
    assert list(initiative.cards.all()) == [card]

    page.fill("#member-form #id_first_name", "Anna")
    page.fill("#member-form #id_email", "anna@example.org")
    page.click_and_wait("#member-form button[type=submit]")
    assert "Anna" in page.locator("#team-list").inner_text()
    page.screenshot(path="/tmp/initiative-manage-desktop.png", full_page=True)
    link = re.search(r"https?://\S+/initiatief/team/\S+/", mail.outbox[-1].body).group(0)

    phone.goto(link)
    assert fits(phone)
    phone.fill("#team-update-form #id_text", "De eerste bakken staan er!")
    phone.set_input_files(
        "#team-update-form #id_photos",
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()},
    )
    phone.click_and_wait("#team-update-form button[type=submit]")
    assert InitiativePhoto.objects.filter(update__initiative=initiative).count() == 1
    assert photos_loaded(phone, "#initiative-updates img") == [True]
    phone.check("#consent-form #id_name_public")
    phone.click_and_wait("#consent-form button[type=submit]")
    assert phone.is_checked("#consent-form #id_name_public")
    assert fits(phone)
    phone.screenshot(path="/tmp/initiative-team-phone.png", full_page=True)

    place = neighbourhood
    phone.goto(
        reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])
    )
    assert "De eerste bakken staan er!" in phone.locator("#initiative-updates").inner_text()
    assert "Anna" in phone.locator("#team-names").inner_text()
    assert "Idee sinds" in phone.locator("#initiative-status").inner_text()
    assert photos_loaded(phone, "#initiative-updates img") == [True]
    assert fits(phone)
    phone.screenshot(path="/tmp/initiative-public-phone.png", full_page=True)

    phone.goto(reverse("neighbourhood-public", args=[place.organisation.slug, place.slug]))
    assert phone.locator(f"#progress-initiative-{initiative.pk}").is_visible()
    assert fits(phone)
    phone.screenshot(path="/tmp/initiative-neighbourhood-phone.png", full_page=True)

    page.goto(
        reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])
    )
    page.screenshot(path="/tmp/initiative-public-desktop.png", full_page=True)


def test_from_a_wijkagenda_priority_with_a_status_on_the_timeline(page, neighbourhood, organiser):
    meeting, _card = dream_meeting(neighbourhood)
    agenda = make_agenda(meeting.series)
    item = AgendaItem.objects.create(agenda=agenda, title="Meer groen", why="Te veel stenen")
    page.log_in(organiser.person.user)
    page.goto(reverse("wijkagenda-compose", args=[agenda.pk]))
    page.click_and_wait(f"#item-{item.pk}-initiative")
    assert page.locator("#from-agenda-item").is_visible()
    assert page.input_value("#id_why") == "Te veel stenen"
    page.click_and_wait("#initiative-form button[type=submit]")
    initiative = Initiative.objects.get(agenda_item=item)

    page.select_option("#status-form #id_status", "gestopt")
    page.click_and_wait("#status-form button[type=submit]")
    assert page.locator("#status-form .utrecht-form-field-error-message").count() >= 1
    page.fill("#status-form #id_reason", "Geen plek gevonden")
    page.click_and_wait("#status-form button[type=submit]")
    page.select_option("#status-form #id_status", "bezig")
    page.click_and_wait("#status-form button[type=submit]")
    assert "weer begint" in page.locator("#status-form").inner_text()
    page.fill("#status-form #id_reason", "De school doet mee")
    page.click_and_wait("#status-form button[type=submit]")
    initiative.refresh_from_db()
    assert initiative.status == "bezig"
    assert "De school doet mee" in page.locator("#initiative-updates").inner_text()
    page.screenshot(path="/tmp/initiative-agenda-desktop.png", full_page=True)


def test_the_organiser_changes_the_contact_moments_later_on_a_phone(
    phone, neighbourhood, organiser
):
    meeting, _card = dream_meeting(neighbourhood)
    initiative = make_initiative(meeting.series)
    phone.log_in(organiser.person.user)
    phone.goto(reverse("initiative-manage", args=[initiative.pk]))
    phone.click_and_wait("#contact-moment-add")
    phone.fill("#contact-moment-form #id_on", "2027-03-04")
    phone.fill("#contact-moment-form #id_what", "De werkgroep komt samen")
    assert fits(phone)
    phone.click_and_wait("#contact-moment-form button[type=submit]")
    moment = ContactMoment.objects.get(initiative=initiative)
    assert "De werkgroep komt samen" in phone.locator("#contact-moments").inner_text()
    phone.click_and_wait(f"#contact-moment-edit-{moment.pk}")
    phone.fill("#contact-moment-form #id_on", "2027-04-01")
    phone.click_and_wait("#contact-moment-form button[type=submit]")
    moment.refresh_from_db()
    assert str(moment.on) == "2027-04-01"
    assert "1 april 2027" in phone.locator("#contact-moments").inner_text()
    phone.click_and_wait(f"#contact-moment-edit-{moment.pk}")
    assert fits(phone)
    phone.click_and_wait("#contact-moment-remove-form button[type=submit]")
    assert not ContactMoment.objects.filter(pk=moment.pk).exists()
    assert "De werkgroep komt samen" not in phone.locator("#contact-moments").inner_text()


def test_the_initiative_list_fits_a_phone(phone, neighbourhood, organiser):
    meeting, _card = dream_meeting(neighbourhood)
    make_initiative(meeting.series, name="Moestuin achter De Kersenboom")
    make_initiative(meeting.series, name="Buurtkamer op zaterdag")
    phone.log_in(organiser.person.user)
    phone.goto(reverse("initiative-list", args=[meeting.series.pk]))
    assert phone.locator("#initiative-table").is_visible()
    assert fits(phone)
