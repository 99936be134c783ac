"""The organiser's decision pages: every view for every persona, options from dream cards,
opening and closing the vote, dots on paper, the result, confirming the choice, the Deep
Democracy step, the initiative with contact moments, the QR sheet, and bad input."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import expect_denied
from tests.followup.decision_builders import decided, dream_decision
from tests.pdfs import page_size, pdf_text, qr_codes
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import decision_sheet, decisions
from wijkdialoog.followup.models import ContactMoment, Decision, DecisionOption, Initiative


@pytest.fixture
def personas(organiser, facilitator, partner, trainer, outsider):
    return True


@pytest.fixture
def decision(neighbourhood, personas):
    return dream_decision(neighbourhood)


def test_every_organiser_page_is_only_for_the_organiser_of_the_organisation(
    decision, assert_access
):
    for url in (
        reverse("decision-list", args=[decision.series_id]),
        reverse("decision-create", args=[decision.series_id]),
        reverse("decision-manage", args=[decision.pk]),
    ):
        assert_access(url, allowed={"organiser"})


def test_every_organiser_change_is_only_for_the_organiser(decision, assert_access, user_for):
    posts = [
        (reverse("decision-create", args=[decision.series_id]), {"title": "T", "question": "V"}),
        (reverse("decision-options", args=[decision.pk]), {"typed": "Nog een droom"}),
    ]
    for url, data in posts:
        assert_access(url, allowed={"organiser"}, method="post", data=data, status=302)
    denied = ["anonymous", "facilitator", "partner", "trainer", "outsider"]
    option = decision.options.first()
    for url in (
        reverse("decision-option-remove", args=[option.pk]),
        reverse("decision-state", args=[decision.pk]),
        reverse("decision-paper", args=[decision.pk]),
        reverse("decision-winner", args=[decision.pk]),
        reverse("decision-minority", args=[decision.pk]),
        reverse("decision-initiative", args=[decision.pk]),
    ):
        for persona in denied:
            client = Client()
            if persona != "anonymous":
                client.force_login(user_for(persona))
            expect_denied(client.post(url, {"to": "open"}), persona)
    decision.refresh_from_db()
    assert decision.is_draft and DecisionOption.objects.filter(pk=option.pk).exists()
    organiser = Client()
    organiser.force_login(user_for("organiser"))
    response = organiser.post(reverse("decision-option-remove", args=[option.pk]))
    assert response.status_code == 302
    assert not DecisionOption.objects.filter(pk=option.pk).exists()


def test_the_qr_sheet_is_an_a4_pdf_whose_code_opens_the_voting_page(
    decision, assert_access, client_for, tmp_path
):
    decisions.open_vote(decision=decision, actor=None)
    assert_access(reverse("decision-qr", args=[decision.pk]), allowed={"organiser"})
    response = client_for("organiser").get(reverse("decision-qr", args=[decision.pk]))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "sheet.pdf"
    path.write_bytes(response.content)
    assert page_size(path) == (595, 842)
    text = " ".join(pdf_text(path).split())
    assert "Welke droom gaan we samen waarmaken?" in text
    assert "1. Een moestuin achter het buurthuis" in text
    assert qr_codes(path, tmp_path) == [decision_sheet.vote_url(decision)]


def test_the_whole_decision_from_options_to_an_initiative_with_contact_moments(
    neighbourhood, personas, client_for
):
    from tests.builders import make_card, make_harvest_meeting

    meeting = make_harvest_meeting(neighbourhood)
    cards = [make_card(meeting, t, kind="dream") for t in ("Moestuin", "Buurtkamer", "Bankje")]
    private = make_card(meeting, "Mijn eigen stap", kind="dream", publication="private")
    client = client_for("organiser")
    response = client.post(
        reverse("decision-create", args=[meeting.series_id]),
        {"title": "Welke droom?", "question": "Welke droom kiezen we?", "meeting": meeting.pk},
    )
    decision = Decision.objects.get(title="Welke droom?")
    assert response.status_code == 302 and decision.meeting == meeting
    page = client.get(reverse("decision-manage", args=[decision.pk])).content.decode()
    assert "Moestuin" in page and "Mijn eigen stap" not in page
    client.post(
        reverse("decision-options", args=[decision.pk]),
        {"cards": [card.pk for card in cards], "typed": "Iets anders"},
    )
    options = list(decision.options.order_by("position"))
    assert [o.text for o in options] == ["Moestuin", "Buurtkamer", "Bankje", "Iets anders"]
    assert options[0].card == cards[0]
    assert not DecisionOption.objects.filter(card=private).exists()
    client.post(reverse("decision-state", args=[decision.pk]), {"to": "open"})
    decision.refresh_from_db()
    assert decision.is_open
    paper = {f"option_{o.pk}": n for o, n in zip(options, (3, 9, 1, 0), strict=True)}
    assert client.post(reverse("decision-paper", args=[decision.pk]), paper).status_code == 302
    client.post(reverse("decision-state", args=[decision.pk]), {"to": "closed"})
    page = client.get(reverse("decision-manage", args=[decision.pk])).content.decode()
    assert f'id="result-{options[1].pk}"' in page and "Meeste stemmen" in page
    client.post(reverse("decision-winner", args=[decision.pk]), {"option": options[1].pk})
    response = client.post(
        reverse("decision-minority", args=[decision.pk]),
        {
            "minority_view": "Een paar buren willen de moestuin.",
            "minority_needs": "Een hoekje voor plantenbakken in de buurtkamer.",
            "minority_needs_en": "A corner for planters in the community room.",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("decision-initiative", args=[decision.pk]),
        {
            "name": "Buurtkamer op zaterdag",
            "what": "Elke zaterdag open.",
            "is_public": "on",
            "moment_1_on": "2027-01-10",
            "moment_1_what": "Werkgroep start",
            "moment_2_on": "2027-03-01",
            "moment_2_what": "Terugkoppeling in de buurt",
        },
    )
    decision.refresh_from_db()
    initiative = decision.initiative
    assert response.status_code == 302
    assert response["Location"] == reverse("initiative-manage", args=[initiative.pk])
    assert initiative.name == "Buurtkamer op zaterdag" and list(initiative.cards.all()) == [
        cards[1]
    ]
    assert [m.what for m in ContactMoment.objects.filter(initiative=initiative)] == [
        "Werkgroep start",
        "Terugkoppeling in de buurt",
    ]
    page = client.get(reverse("initiative-manage", args=[initiative.pk])).content.decode()
    assert "Een hoekje voor plantenbakken in de buurtkamer." in page
    assert "Werkgroep start" in page
    actions = set(
        AuditEntry.objects.filter(object_id=str(decision.pk)).values_list("action", flat=True)
    )
    assert actions >= {
        "decision.created",
        "decision.options_added",
        "decision.opened",
        "decision.paper_votes",
        "decision.closed",
        "decision.winner_chosen",
        "decision.minority_recorded",
        "decision.initiative_made",
    }


def test_bad_input_shows_a_message_keeps_the_text_and_changes_nothing(decision, client_for):
    client = client_for("organiser")
    response = client.post(reverse("decision-options", args=[decision.pk]), {})
    assert response.status_code == 400
    assert "Kies of typ minstens één keuze." in response.content.decode()
    decisions.open_vote(decision=decision, actor=None)
    option = decision.options.first()
    response = client.post(
        reverse("decision-paper", args=[decision.pk]), {f"option_{option.pk}": "-4"}
    )
    assert response.status_code == 400 and 'value="-4"' in response.content.decode()
    option.refresh_from_db()
    assert option.paper_votes == 0
    # Confirming a choice while the vote is open is refused.
    response = client.post(reverse("decision-winner", args=[decision.pk]), {"option": option.pk})
    decision.refresh_from_db()
    assert response.status_code == 400 and decision.winner is None
    assert "Sluit het stemmen voordat je de keuze bevestigt." in response.content.decode()
    decisions.close_vote(decision=decision, actor=None)
    client.post(reverse("decision-winner", args=[decision.pk]), {"option": option.pk})
    response = client.post(
        reverse("decision-initiative", args=[decision.pk]),
        {"name": "Plan", "what": "Iets", "moment_1_what": "Zonder datum"},
    )
    assert response.status_code == 400
    assert "Geef de datum van dit moment." in response.content.decode()
    assert 'value="Zonder datum"' in response.content.decode()
    assert not Initiative.objects.exists()
    response = client.post(reverse("decision-minority", args=[decision.pk]), {})
    assert response.status_code == 400
    assert "Schrijf op wat de minderheid nodig heeft om mee te gaan." in response.content.decode()


def test_options_cannot_change_once_the_vote_is_open(decision, client_for):
    decisions.open_vote(decision=decision, actor=None)
    client = client_for("organiser")
    option = decision.options.first()
    response = client.post(reverse("decision-option-remove", args=[option.pk]))
    assert response.status_code == 409 and DecisionOption.objects.filter(pk=option.pk).exists()


def test_the_choice_suggests_the_most_votes_and_no_winner_on_a_tie(decision):
    decisions.open_vote(decision=decision, actor=None)
    first, second, _third = decision.options.order_by("position")
    decisions.record_paper_votes(decision=decision, tallies={first.pk: 4, second.pk: 4}, actor=None)
    assert decisions.suggested_winner(decisions.results(decision)) is None
    decisions.record_paper_votes(decision=decision, tallies={second.pk: 5}, actor=None)
    assert decisions.suggested_winner(decisions.results(decision)) == second


def test_the_series_page_links_to_the_decisions_for_the_organiser_only(
    decision, client_for, user_for
):
    url = reverse("series-detail", args=[decision.series_id])
    assert 'id="series-decisions-link"' in client_for("organiser").get(url).content.decode()


def test_the_decision_list_takes_a_fixed_number_of_queries(neighbourhood, personas, client_for):
    decided(neighbourhood)
    client = client_for("organiser")
    series_id = Decision.objects.get().series_id
    url = reverse("decision-list", args=[series_id])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        decided(neighbourhood)
    # The new decisions are of other series; make them of this one.
    Decision.objects.update(series_id=series_id)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    assert len(four) == len(one)
