"""Every personal link of the follow-up that does not work (any more) gets the one shared page:
404, not indexed, saying why that may be and whom to ask, in the visitor's language."""

import pytest
from django.test import Client
from django.urls import reverse

FORGED = "niet-echt-maar-lang-genoeg-om-te-proberen"
# (address name, what the page explains, whom to ask), in Dutch.
PAGES = [
    (
        "follow-up-answer",
        "Misschien is de tijd om te antwoorden voorbij",
        "Wil je hulp bij je stap?",
    ),
    ("initiative-team", "niet meer in het team van dit initiatief", "Wil je nog steeds helpen?"),
    ("kerngroep-link", "niet meer in de kerngroep", "Een nieuwe link nodig?"),
    ("agreement-party-link", "Gebruik de link in de nieuwste e-mail over je afspraak", ""),
]


@pytest.mark.parametrize(("name", "explanation", "ask"), PAGES)
def test_a_link_that_does_not_work_gets_the_shared_page(db, name, explanation, ask):
    response = Client().get(reverse(name, args=[FORGED]))
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "followup/link_invalid.html"
    page = response.content.decode()
    assert "<h1" in page and "Deze link werkt niet (meer)" in page
    assert '<meta name="robots" content="noindex">' in page
    assert explanation in page
    if ask:
        assert ask in page
    assert page.count('class="utrecht-paragraph"') == (3 if ask else 2)


def test_the_shared_page_speaks_english_to_an_english_visitor(db):
    visitor = Client(headers={"accept-language": "en"})
    response = visitor.get(reverse("kerngroep-link", args=[FORGED]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "This link does not work (any more)" in page
    assert "Need a new link? Ask the organisation of the dialogue series." in page
