"""The published story in public: on its own page and on the neighbourhood page, with themes,
quotes and figures from the data, only what may be public, in Dutch and English."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.builders import make_card, make_registration, make_series
from tests.synthesis.story_helpers import (
    harvested_series,
    make_highlight,
    make_theme,
    neighbourhood_url,
    public_url,
    publish,
)
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.harvest.models import Card, TableRun
from wijkdialoog.synthesis.models import CardTheme


@pytest.fixture
def series_and_meeting(neighbourhood):
    return harvested_series(neighbourhood)


def _english() -> Client:
    client = Client()
    client.cookies["wijkdialoog_language"] = "en"
    return client


def _quote_of(page: str) -> str:
    return " ".join(re.findall(r"<figure class=\"wd-story-quote\".*?</figure>", page, re.S))


def test_a_theme_shows_its_name_description_and_cards_but_no_card_text(series_and_meeting):
    series, meeting = series_and_meeting
    theme = make_theme(series, name="Groen", description="Bomen en een moestuin.")
    for text in ("Meer bomen", "Een moestuin"):
        CardTheme.objects.create(card=make_card(meeting, text), series=series, theme=theme)
    secret = make_card(meeting, "Geheime notitie", publication=Card.Publication.INTERNAL)
    CardTheme.objects.create(card=secret, series=series, theme=theme)
    publish(series, appreciate=f"Dit hoorden we.\n\n[thema:{theme.pk}]")
    page = Client().get(public_url(series)).text
    assert "Groen" in page and "Bomen en een moestuin." in page
    assert "(3 kaarten)" in page
    assert "Geheime notitie" not in page and "Meer bomen" not in page


def test_a_quote_shows_the_first_name_only_when_the_card_allows_it(series_and_meeting):
    series, meeting = series_and_meeting
    named = make_highlight(meeting, "Hier groet iedereen", first_name="Joke")
    nameless = make_highlight(
        meeting, "Samen koken", first_name="Kees", publication=Card.Publication.ANONYMOUS
    )
    publish(series, dream=f"[citaat:{named.pk}]\n\n[citaat:{nameless.pk}]")
    quotes = _quote_of(Client().get(public_url(series)).text)
    assert "<blockquote>" in quotes
    assert "Hier groet iedereen" in quotes and "— Joke" in quotes
    assert "Samen koken" in quotes and "Kees" not in quotes


def test_a_highlight_whose_card_became_internal_disappears_from_public(series_and_meeting):
    series, meeting = series_and_meeting
    highlight = make_highlight(meeting, "Eerst openbaar, later niet")
    publish(series, appreciate=f"Een stem:\n\n[citaat:{highlight.pk}]")
    place = series.neighbourhood
    assert "Eerst openbaar, later niet" in Client().get(public_url(series)).text
    assert "Eerst openbaar, later niet" in Client().get(neighbourhood_url(place)).text

    Card.objects.filter(pk=highlight.card_id).update(publication=Card.Publication.INTERNAL)
    for url in (public_url(series), neighbourhood_url(place)):
        page = Client().get(url).text
        assert "Eerst openbaar, later niet" not in page
        assert "Een stem:" in page


@pytest.mark.parametrize(
    "change",
    [
        {"for_public": False},
        {"card_status": Card.Status.PENDING},
        {"card_status": Card.Status.REJECTED},
    ],
)
def test_only_highlights_for_public_use_of_approved_cards_are_shown(series_and_meeting, change):
    series, meeting = series_and_meeting
    highlight = make_highlight(
        meeting,
        "Niet voor iedereen",
        for_public=change.get("for_public", True),
        status=change.get("card_status", Card.Status.APPROVED),
    )
    publish(series, appreciate=f"Tekst.\n\n[citaat:{highlight.pk}]")
    assert "Niet voor iedereen" not in Client().get(public_url(series)).text


def test_the_figures_count_cards_tables_that_ran_and_people_who_came(series_and_meeting):
    series, meeting = series_and_meeting
    first, second = meeting.tables.order_by("number")
    TableRun.objects.create(table=first, method=meeting.method, started_at=timezone.now())
    TableRun.objects.create(table=second, method=meeting.method)  # never started
    make_card(meeting, "Openbaar")
    make_card(meeting, "Intern", publication=Card.Publication.INTERNAL)
    make_card(meeting, "Afgewezen", status=Card.Status.REJECTED)
    anna = make_registration(meeting, "Anna", checked_in=True)
    make_registration(meeting, "Bram", checked_in=True)
    make_registration(meeting, "Cem")  # registered, did not come
    later = make_series_meeting(series)
    make_registration(later, anna.person, checked_in=True)  # the same person again
    publish(series, appreciate="Samen: [cijfers].")
    assert "Samen: 2 kaarten, 1 tafel, 2 mensen." in Client().get(public_url(series)).text
    english = _english().get(public_url(series)).text
    assert "2 cards, 1 table, 2 people" in english


def make_series_meeting(series):
    from tests.builders import make_meeting

    return make_meeting(series, days=-3)


def test_english_visitors_read_english_where_written_and_dutch_marked_as_such(
    series_and_meeting,
):
    series, meeting = series_and_meeting
    theme = make_theme(series, name="Groen", name_en="Green", description="Bomen.")
    publish(
        series,
        title="Ons verhaal",
        title_en="Our story",
        appreciate="We waarderen de buren.",
        appreciate_en="We appreciate the neighbours.",
        dream=f"We dromen van een tuin.\n\n[thema:{theme.pk}]",
    )
    page = _english().get(public_url(series)).text
    assert "Our story" in page and "We appreciate the neighbours." in page
    assert "We waarderen de buren." not in page
    dream = page[page.index('id="story-dream"') :]
    assert re.search(
        r'<div class="wd-stack" lang="nl">\s*<p class="utrecht-paragraph wd-in-dutch">', dream
    )
    assert "We dromen van een tuin." in dream
    assert "Green" in dream and '<p class="utrecht-paragraph" lang="nl">Bomen.</p>' in dream
    assert '<strong lang="en">Green</strong>' in dream
    dutch = Client().get(public_url(series)).text
    assert "Ons verhaal" in dutch and "We waarderen de buren." in dutch
    assert "(in het Nederlands)" not in dutch and 'class="wd-stack" lang="nl"' not in dutch


def test_the_neighbourhood_page_shows_the_title_and_first_part_of_each_published_story(
    neighbourhood,
):
    first, _meeting = harvested_series(neighbourhood, theme="Eerste reeks")
    second, _meeting = harvested_series(neighbourhood, theme="Tweede reeks")
    draft_only, _meeting = harvested_series(neighbourhood, theme="Nog een concept")
    publish(first, title="Verhaal een", appreciate="Deel een van een.", dream="Deel twee van een.")
    publish(second, title="Verhaal twee", dream="Alleen een droom.")
    from wijkdialoog.synthesis import story

    story.save_story(series=draft_only, actor=None, title="Concept", appreciate="Geheim concept.")
    page = Client().get(neighbourhood_url(neighbourhood)).text
    section = page[page.index('id="neighbourhood-stories"') :]
    assert "Verhaal een" in section and "Deel een van een." in section
    assert "Deel twee van een." not in section
    assert "Verhaal twee" in section and "Alleen een droom." in section
    assert "Concept" not in section and "Geheim concept." not in section
    assert public_url(first) in section and public_url(second) in section


def test_a_story_shows_only_on_its_own_neighbourhood_page(neighbourhood, other_organisation):
    series, _meeting = harvested_series(neighbourhood)
    publish(series, title="Kersenverhaal", appreciate="Alleen hier.")
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    make_series(elsewhere)
    assert "Kersenverhaal" not in Client().get(neighbourhood_url(elsewhere)).text
    wrong = public_url(series).replace(neighbourhood.organisation.slug, "andere-stichting")
    assert Client().get(wrong).status_code == 404


def _neighbourhood_queries(place) -> int:
    client = Client()
    client.get(neighbourhood_url(place))  # warm up sessions and content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(neighbourhood_url(place)).status_code == 200
    return len(queries)


def test_the_neighbourhood_page_runs_a_fixed_number_of_queries_however_many_stories(
    neighbourhood,
):
    def add_story(number):
        series, meeting = harvested_series(neighbourhood, theme=f"Reeks {number}")
        theme = make_theme(series, name=f"Thema {number}")
        highlight = make_highlight(meeting, f"Citaat {number}")
        publish(series, appreciate=f"[cijfers]\n\n[thema:{theme.pk}]\n\n[citaat:{highlight.pk}]")

    add_story(1)
    one = _neighbourhood_queries(neighbourhood)
    for number in range(2, 6):
        add_story(number)
    assert _neighbourhood_queries(neighbourhood) == one
    page = Client().get(neighbourhood_url(neighbourhood)).text
    assert all(f"Citaat {number}" in page for number in range(1, 6))


def test_the_story_page_runs_a_fixed_number_of_queries(series_and_meeting):
    series, meeting = series_and_meeting
    codes = []
    for number in range(5):
        codes.append(f"[thema:{make_theme(series, name=f'T{number}').pk}]")
        codes.append(f"[citaat:{make_highlight(meeting, f'C{number}').pk}]")
    publish(series, appreciate="\n\n".join(codes), dream="[cijfers]")
    client = Client()
    client.get(public_url(series))
    with CaptureQueriesContext(connection) as queries:
        client.get(public_url(series))
    assert len(queries) <= 8


def test_the_story_can_be_printed_and_downloaded_as_a_pdf(series_and_meeting):
    series, meeting = series_and_meeting
    publish(series, title="Ons verhaal", appreciate="Goed om te bewaren.")
    page = Client().get(public_url(series)).text
    assert 'href="/static/synthesis/story.css"' in page
    assert "data-print" in page
    response = Client().get(public_url(series) + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_series_without_a_published_story_has_no_story_page(series_and_meeting):
    series, _meeting = series_and_meeting
    assert Client().get(public_url(series)).status_code == 404
    assert Client().get(public_url(series) + "pdf/").status_code == 404
