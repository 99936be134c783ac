"""Organisers may give the public texts in English too. An English page shows the English text,
or else the Dutch one with lang="nl" and a visible "(in het Nederlands)"; a Dutch page always
shows the Dutch text."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.dialogues import calendar
from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.dialogues.models import Series

NOTE = "(in het Nederlands)"


@pytest.fixture
def english(series, meeting, venue):
    series.theme_en = "At home in the Kersenbuurt"
    series.description_en = "Talking about feeling at home."
    series.save()
    meeting.what_to_expect_en = "Coffee, tea and a good talk."
    meeting.save()
    venue.public_transport = "Bus 15, halte Kersenplein."
    venue.public_transport_en = "Bus 15, stop Kersenplein."
    venue.notes = "De zaal is boven."
    venue.notes_en = "The room is upstairs."
    venue.save()
    return meeting


def page(client, meeting, language):
    client.cookies["wijkdialoog_language"] = language
    response = client.get(reverse("meeting-public", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_public_text_takes_the_english_text_on_an_english_page(series):
    series.description_en = "  In English.  "
    assert public_text(series, "description", "en").text == "In English."
    assert public_text(series, "description", "en").language == "en"
    assert not public_text(series, "description", "en").in_dutch_instead


def test_public_text_falls_back_to_the_dutch_text_and_says_so(series):
    text = public_text(series, "description", "en")
    assert (text.text, text.language, text.in_dutch_instead) == (series.description, "nl", True)


def test_public_text_on_a_dutch_page_is_the_dutch_text_without_a_note(series):
    series.description_en = "In English."
    text = public_text(series, "description", "nl")
    assert (text.text, text.in_dutch_instead) == (series.description, False)


def test_an_empty_text_stays_empty_in_both_languages(venue):
    for language in ("nl", "en"):
        text = public_text(venue, "notes", language)
        assert not text
        assert not text.in_dutch_instead


def test_public_text_follows_the_active_language(series):
    series.theme_en = "Home"
    with translation.override("en"):
        assert str(public_text(series, "theme")) == "Home"
    with translation.override("nl"):
        assert str(public_text(series, "theme")) == series.theme


def test_the_english_meeting_page_shows_the_english_texts(client, english, venue):
    html = page(client, english, "en")
    for text in (
        "At home in the Kersenbuurt",
        "Talking about feeling at home.",
        "Coffee, tea and a good talk.",
        "Bus 15, stop Kersenplein.",
        "The room is upstairs.",
    ):
        assert text in html
    assert "Koffie, thee en een goed gesprek." not in html
    assert "De zaal is boven." not in html
    assert NOTE not in html
    assert 'lang="nl"' not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_english_meeting_page_without_english_texts_marks_the_dutch_ones(
    client, meeting, venue
):
    venue.public_transport = "Bus 15, halte Kersenplein."
    venue.notes = "De zaal is boven."
    venue.save()

    html = page(client, meeting, "en")

    assert html.count(NOTE) == 5  # theme, what to expect, description, bus, notes
    for marked_id in ("what-to-expect", "series-description", "public-transport", "venue-notes"):
        section = html.split(f'id="{marked_id}"', 1)[1]
        assert section.index('lang="nl"') < section.index(NOTE)
    assert '<div class="wd-stack" lang="nl">' in html
    assert '<span lang="nl">Thuis in de Kersenbuurt <span class="wd-in-dutch">' in html
    assert "Koffie, thee en een goed gesprek." in html


def test_the_dutch_meeting_page_shows_the_dutch_texts_without_a_note(client, english):
    html = page(client, english, "nl")
    assert "Koffie, thee en een goed gesprek." in html
    assert "Bus 15, halte Kersenplein." in html
    assert "Coffee, tea and a good talk." not in html
    assert NOTE not in html


def test_the_default_title_uses_the_theme_in_the_page_language(english):
    english.title = ""
    with translation.override("en"):
        assert english.display_title.endswith("At home in the Kersenbuurt")
    with translation.override("nl"):
        assert english.display_title.endswith("Thuis in de Kersenbuurt")


def test_the_meeting_facts_and_mails_mark_a_dutch_only_bus_text(meeting, venue):
    venue.public_transport = "Bus 15, halte Kersenplein."
    venue.save()
    context = {"meeting": meeting, "venue": venue}
    with translation.override("en"):
        facts = render_to_string("registrations/includes/meeting_facts.html", context)
        text_mail = render_to_string("registrations/mail/_meeting.txt", context)
        html_mail = render_to_string("registrations/mail/_meeting.html", context)
    assert f'<span lang="nl">Bus 15, halte Kersenplein. <span class="wd-in-dutch">{NOTE}' in facts
    assert f"Bus 15, halte Kersenplein. {NOTE}" in text_mail
    assert f'<td lang="nl">Bus 15, halte Kersenplein. {NOTE}</td>' in html_mail

    venue.public_transport_en = "Bus 15, stop Kersenplein."
    with translation.override("en"):
        text_mail = render_to_string("registrations/mail/_meeting.txt", context)
    assert "Bus 15, stop Kersenplein." in text_mail
    assert NOTE not in text_mail


def test_the_calendar_file_describes_the_meeting_in_the_language_asked(english):
    with translation.override("en"):
        ics = calendar.meeting_ics(english).decode()
    assert "Coffee\\, tea and a good talk." in ics
    with translation.override("nl"):
        ics = calendar.meeting_ics(english).decode()
    assert "Koffie\\, thee en een goed gesprek." in ics


def test_an_organiser_gives_the_series_texts_in_english(client_for, series):
    response = client_for("organiser").post(
        reverse("series-edit", args=[series.pk]),
        {
            "neighbourhood": series.neighbourhood_id,
            "theme": series.theme,
            "theme_en": "At home",
            "slug": series.slug,
            "description": series.description,
            "description_en": "Talking about home.",
            "cadence_weeks": "8",
        },
    )
    assert response.status_code == 302
    series = Series.objects.get(pk=series.pk)
    assert (series.theme_en, series.description_en) == ("At home", "Talking about home.")
    changed = AuditEntry.objects.get(action="series.changed").payload
    assert {"theme_en", "description_en"} <= set(changed)


def test_the_english_fields_are_optional_and_marked_as_english(client_for, series, meeting):
    client = client_for("organiser")
    for url in (
        reverse("series-edit", args=[series.pk]),
        reverse("meeting-edit", args=[meeting.pk]),
        reverse("venue-create"),
    ):
        html = client.get(url).content.decode()
        assert 'lang="en"' in html
        assert "_en" in html


def test_an_organiser_gives_what_to_expect_and_the_venue_texts_in_english(
    client_for, meeting, venue
):
    client = client_for("organiser")
    local = "%Y-%m-%dT%H:%M"
    response = client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {
            "kind": meeting.kind,
            "starts_at": timezone.localtime(meeting.starts_at).strftime(local),
            "ends_at": timezone.localtime(meeting.ends_at).strftime(local),
            "venue": venue.pk,
            "what_to_expect": meeting.what_to_expect,
            "what_to_expect_en": "Coffee and a talk.",
            "publish_at": timezone.localtime(timezone.now() - datetime.timedelta(days=1)).strftime(
                local
            ),
            "reminder_hours_before": "48",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("venue-edit", args=[venue.pk]),
        {
            "name": venue.name,
            "street_address": venue.street_address,
            "city": venue.city,
            "public_transport": "Bus 15",
            "public_transport_en": "Bus 15, stop Kersenplein",
            "notes_en": "Upstairs",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    venue.refresh_from_db()
    assert meeting.what_to_expect_en == "Coffee and a talk."
    assert (venue.public_transport_en, venue.notes_en) == ("Bus 15, stop Kersenplein", "Upstairs")
