"""The readability hint under Dutch public texts: the Flesch-Douma score, the B1 target and the
long sentences, shown by the server next to the field."""

import textstat
from django.urls import reverse

from tests.builders import make_meeting, make_series
from wijkdialoog.core.readability import B1_SCORE, dutch_readability, sentences

EASY = (
    "De buurt is van ons allemaal. We praten samen over wat beter kan. Iedereen is welkom. "
    "Er is koffie en thee."
)
HARD = (
    "In het kader van de gemeentelijke beleidsvoornemens inzake participatie en "
    "maatschappelijke betrokkenheid organiseren wij, in nauwe samenwerking met diverse "
    "maatschappelijke organisaties en belanghebbende partijen, een interactieve "
    "bijeenkomst waarin bewoners hun perspectieven kunnen inbrengen."
)


def test_an_easy_dutch_text_meets_the_b1_target():
    result = dutch_readability(EASY)

    assert result is not None
    assert result.score >= B1_SCORE
    assert result.meets_b1
    assert result.sentences == 4
    assert result.long_sentences == ()


def test_a_long_official_sentence_is_hard_and_flagged():
    result = dutch_readability(HARD)

    assert result is not None
    assert not result.meets_b1
    assert result.long_sentences == (HARD,)


def test_the_score_is_flesch_douma_from_textstats_counts():
    text = EASY
    textstat.set_lang("nl")
    expected = textstat.flesch_reading_ease(text)

    assert abs(dutch_readability(text).score - expected) < 1.5


def test_a_short_text_gets_no_score():
    assert dutch_readability("Welkom!") is None
    assert dutch_readability("") is None


def test_sentences_end_at_punctuation_and_empty_lines():
    assert sentences("Eén. Twee!\n\nDrie") == ["Eén.", "Twee!", "Drie"]


def test_the_score_is_dutch_whatever_language_textstat_was_left_in():
    textstat.set_lang("nl")
    dutch = dutch_readability(HARD)
    textstat.set_lang("en_US")

    assert dutch_readability(HARD) == dutch


def test_the_series_form_shows_the_hint_under_the_dutch_text_only(client_for, neighbourhood):
    series = make_series(neighbourhood, description=HARD, description_en=HARD)

    page = client_for("organiser").get(reverse("series-edit", args=[series.pk])).content.decode()

    assert page.count("wd-readability") == 1
    assert 'id="id_description_readability"' in page
    assert "Lange zinnen (meer dan 20 woorden)" in page


def test_the_hint_follows_what_was_typed_when_the_form_comes_back(client_for, neighbourhood):
    series = make_series(neighbourhood)
    url = reverse("series-edit", args=[series.pk])

    response = client_for("organiser").post(url, {"description": EASY, "theme": ""})

    assert response.status_code in (200, 400)
    assert "Goed: het doel voor B1 is 60 of meer." in response.content.decode()


def test_the_meeting_form_shows_the_hint_under_what_to_expect(client_for, neighbourhood):
    meeting = make_meeting(neighbourhood, what_to_expect=HARD)

    page = client_for("organiser").get(reverse("meeting-edit", args=[meeting.pk])).content.decode()

    assert 'id="id_what_to_expect_readability"' in page
    assert "Moeilijker dan B1" in page


def test_after_saving_the_story_the_hint_shows_under_the_dutch_part(client_for, neighbourhood):
    series = make_series(neighbourhood)
    client = client_for("organiser")
    url = reverse("story-edit", args=[series.pk])

    saved = client.post(url, {"title": "Ons verhaal", "dream": HARD, "dream_en": HARD})
    page = client.get(url).content.decode()

    assert saved.status_code == 302
    assert 'id="id_dream_readability"' in page
    assert 'id="id_dream_en_readability"' not in page
    assert "Lange zinnen" in page
