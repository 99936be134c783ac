"""The organiser's side of the neighbourhood story: who may write it, the draft and its
published versions, the preview with its warnings, the history and taking it offline."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS
from tests.synthesis.story_helpers import (
    harvested_series,
    make_highlight,
    make_theme,
    neighbourhood_url,
    public_url,
    publish,
)
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Story, StoryVersion
from wijkdialoog.synthesis.story_text import Figures, Paragraph, QuoteInfo, StoryData, render

DENIED = {"facilitator", "partner", "trainer", "outsider"}


@pytest.fixture
def series_and_meeting(neighbourhood):
    return harvested_series(neighbourhood)


@pytest.fixture
def series(series_and_meeting):
    return series_and_meeting[0]


def _as(user_for, persona) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(user_for(persona))
    return client


def _draft(**values):
    fields = ["title", "title_en", "appreciate", "appreciate_en", "dream", "dream_en"]
    fields += ["needed", "needed_en", "ourselves", "ourselves_en"]
    return {name: values.get(name, "") for name in fields}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("name", "method", "extra"),
    [
        ("story-edit", "get", ()),
        ("story-edit", "post", ()),
        ("story-preview", "get", ()),
        ("story-publish", "post", ()),
        ("story-withdraw", "post", ()),
        ("story-version", "get", (1,)),
    ],
)
def test_only_the_organiser_of_the_series_reaches_the_story_pages(
    series, organiser, user_for, persona, name, method, extra
):
    publish(series, appreciate="De buren helpen elkaar.")
    url = reverse(name, args=[series.pk, *extra])
    data = _draft(appreciate="Gewijzigd") if name == "story-edit" else {}
    response = getattr(_as(user_for, persona), method)(url, data)
    if persona == "organiser":
        assert response.status_code in (200, 302)
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        # Even that the series has a story is not theirs to know.
        assert response.status_code == 404, persona
    assert Story.objects.get().appreciate == (
        "Gewijzigd"
        if (persona, name, method) == ("organiser", "story-edit", "post")
        else "De buren helpen elkaar."
    )
    assert StoryVersion.objects.count() == (
        2 if (persona, name) == ("organiser", "story-publish") else 1
    )


def test_saving_keeps_a_draft_that_the_public_does_not_see(series, organiser, client_for):
    client = client_for("organiser")
    response = client.post(
        reverse("story-edit", args=[series.pk]),
        _draft(title="Ons verhaal", appreciate="Het park is mooi.\n\nDe buren groeten."),
    )
    assert response.status_code == 302
    story = Story.objects.get(series=series)
    assert story.appreciate.startswith("Het park")
    assert story.updated_by == organiser.person.user
    entry = AuditEntry.objects.get(action="story.saved")
    assert entry.payload == {"fields": ["appreciate", "title"]}
    assert not StoryVersion.objects.exists()
    assert Client().get(public_url(series)).status_code == 404
    assert "Ons verhaal" not in Client().get(neighbourhood_url(series.neighbourhood)).text


def test_save_and_preview_shows_the_draft_as_the_public_would(series, organiser, client_for):
    client = client_for("organiser")
    response = client.post(
        reverse("story-edit", args=[series.pk]),
        {**_draft(title="Ons verhaal", dream="Een moestuin <b>voor iedereen</b>."), "preview": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("story-preview", args=[series.pk])
    assert "Waar we van dromen" in response.text
    # Typed text stays text: no HTML from the organiser gets into the page.
    assert "Een moestuin &lt;b&gt;voor iedereen&lt;/b&gt;." in response.text
    assert 'id="story-publish"' in response.text


def test_publishing_makes_a_new_version_and_the_public_sees_the_newest(
    series, organiser, client_for
):
    client = client_for("organiser")
    client.post(reverse("story-edit", args=[series.pk]), _draft(appreciate="Eerste tekst."))
    response = client.post(reverse("story-publish", args=[series.pk]), follow=True)
    assert "Versie 1 van het verhaal staat nu op de wijkpagina." in response.text
    first = StoryVersion.objects.get()
    assert (first.number, first.published_by) == (1, organiser.person.user)
    assert first.content["appreciate"] == "Eerste tekst."
    assert AuditEntry.objects.get(action="story.published").payload == {"version": 1}

    # A new draft changes nothing in public until it is published too.
    client.post(reverse("story-edit", args=[series.pk]), _draft(appreciate="Tweede tekst."))
    assert "Eerste tekst." in Client().get(public_url(series)).text
    client.post(reverse("story-publish", args=[series.pk]))
    page = Client().get(public_url(series)).text
    assert "Tweede tekst." in page
    assert "Eerste tekst." not in page


def test_publishing_an_empty_story_says_what_to_do(series, organiser, client_for):
    client = client_for("organiser")
    client.post(reverse("story-edit", args=[series.pk]), _draft(title="Alleen een titel"))
    response = client.post(reverse("story-publish", args=[series.pk]), follow=True)
    assert "Het verhaal is nog leeg. Schrijf minstens één deel voordat u het publiceert." in (
        response.text
    )
    assert not StoryVersion.objects.exists()
    preview = client.get(reverse("story-preview", args=[series.pk])).text
    assert 'id="story-empty"' in preview
    assert 'id="story-publish"' not in preview


def test_taking_the_story_offline_shows_the_version_before_it_or_nothing(
    series, organiser, client_for
):
    publish(series, appreciate="Versie een.")
    publish(series, appreciate="Versie twee.")
    client = client_for("organiser")
    client.post(reverse("story-withdraw", args=[series.pk]))
    assert StoryVersion.objects.get(number=2).withdrawn_at is not None
    assert AuditEntry.objects.get(action="story.withdrawn").payload == {"version": 2}
    assert "Versie een." in Client().get(public_url(series)).text
    assert "Versie een." in Client().get(neighbourhood_url(series.neighbourhood)).text

    client.post(reverse("story-withdraw", args=[series.pk]))
    assert Client().get(public_url(series)).status_code == 404
    assert "Versie" not in Client().get(neighbourhood_url(series.neighbourhood)).text
    response = client.post(reverse("story-withdraw", args=[series.pk]), follow=True)
    assert "Er staat geen versie van het verhaal online." in response.text


def test_the_history_lists_every_version_with_who_and_when(series, organiser, client_for):
    user = organiser.person.user
    publish(series, user, appreciate="Versie een.")
    publish(series, user, appreciate="Versie twee.")
    client = client_for("organiser")
    client.post(reverse("story-withdraw", args=[series.pk]))
    page = client.get(reverse("story-edit", args=[series.pk])).text
    assert page.count("Olga") >= 2
    assert "Versie 2" in page and "offline gehaald op" in page
    assert "Versie 1" in page and "online" in page

    old = client.get(reverse("story-version", args=[series.pk, 1])).text
    assert "Versie een." in old
    assert "Versie 1, gepubliceerd op" in old
    assert client.get(reverse("story-version", args=[series.pk, 3])).status_code == 404


def test_the_editor_lists_themes_and_highlights_with_their_codes(
    series_and_meeting, organiser, client_for
):
    series, meeting = series_and_meeting
    theme = make_theme(series, name="Spelen op straat")
    shown = make_highlight(meeting, "De speeltuin is ons hart")
    internal = make_highlight(
        meeting, "Alleen voor ons", publication=Card.Publication.INTERNAL, for_public=False
    )
    page = client_for("organiser").get(reverse("story-edit", args=[series.pk])).text
    assert f"[thema:{theme.pk}]" in page and "Spelen op straat" in page
    assert f"[citaat:{shown.pk}]" in page and "De speeltuin is ons hart" in page
    assert f"[citaat:{internal.pk}]" in page
    assert page.count("niet openbaar te zien") == 1
    assert "[cijfers]" in page
    assert 'src="/static/synthesis/story.js"' in page


def test_the_preview_warns_about_codes_that_show_nothing_in_public(
    series_and_meeting, organiser, client_for
):
    series, meeting = series_and_meeting
    hidden = make_highlight(meeting, "Niet voor buiten", for_public=False)
    text = f"Zo is het.\n\n[thema:9999]\n\n[citaat:{hidden.pk}]\n\n[citaat:8888]"
    publish(series, appreciate=text)
    preview = client_for("organiser").get(reverse("story-preview", args=[series.pk])).text
    assert preview.count("data-story-warning") == 3
    assert "Er is geen thema met dit nummer in deze reeks." in preview
    assert "Dit citaat mag niet openbaar getoond worden" in preview
    page = Client().get(public_url(series)).text
    assert "data-story-warning" not in page
    assert "Niet voor buiten" not in page
    assert "[thema:9999]" not in page and "[citaat:" not in page


def test_a_theme_of_another_series_is_not_shown(series, neighbourhood, organiser):
    other, _meeting = harvested_series(neighbourhood, theme="Ander gesprek")
    theme = make_theme(other, name="Van een andere reeks")
    publish(series, appreciate=f"[thema:{theme.pk}]")
    assert "Van een andere reeks" not in Client().get(public_url(series)).text


def test_paragraphs_come_from_blank_lines_and_single_lines_stay_together():
    blocks = render("Regel een\nregel twee\n\n\n  Nieuwe alinea  \n\n", StoryData())
    assert blocks == [Paragraph(["Regel een", "regel twee"]), Paragraph(["Nieuwe alinea"])]


def test_a_code_in_the_middle_of_a_sentence_splits_it_but_figures_stay_in_it():
    data = StoryData(quotes={3: QuoteInfo("Mooi hier", "")}, figures=Figures(2, 1, 5))
    blocks = render("Wij zagen [cijfers] en hoorden [citaat:3] van buren.", data)
    assert [block.shape for block in blocks] == ["paragraph", "quote", "paragraph"]
    assert blocks[0].lines == ["Wij zagen 2 kaarten, 1 tafel, 5 mensen en hoorden"]
    assert blocks[2].lines == ["van buren."]


def test_the_series_page_links_to_the_story(series, organiser, client_for):
    client = client_for("organiser")
    page = client.get(reverse("series-detail", args=[series.pk])).text
    assert reverse("story-edit", args=[series.pk]) in page
    assert 'id="story-public-link"' not in page
    publish(series, appreciate="Gepubliceerd.")
    page = client.get(reverse("series-detail", args=[series.pk])).text
    assert public_url(series) in page
