"""Wijkafspraken: the organiser's pages, a partner's own part, a resident's link, per persona."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_membership
from tests.conftest import PERSONAS, expect_denied
from tests.followup.agreement_builders import make_agreement, make_other_partner, make_question
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup.models import Agreement, AgreementParty, AgreementUpdate


@pytest.fixture
def setup(neighbourhood, organiser, other_organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement, gemeente, resident = make_agreement(neighbourhood, organiser)
    other = make_other_partner(other_organisation)
    wijkteam = make_membership(
        neighbourhood.organisation,
        "partner",
        first_name="Wim",
        email="wim@example.org",
        partner_kind="wijkteam",
        partner_organisation="Wijkteam Oost",
    )
    return agreement, gemeente, resident, {"other_partner": other, "wijkteam": wijkteam}


def link_of(email):
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return re.search(r"http://testserver(/afspraak/[^/\s]+/)", message.body).group(1)


def clients(extra, user_for):
    result = {}
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        result[persona] = client
    for name, membership in extra.items():
        client = Client()
        client.force_login(membership.person.user)
        result[name] = client
    return result


def test_series_agreements_page_per_persona(setup, assert_access):
    agreement = setup[0]
    assert_access(reverse("series-agreements", args=[agreement.series_id]), allowed={"organiser"})


def test_agreement_page_for_organiser_and_the_partner_party_only(setup, user_for):
    agreement, _gemeente, _resident, extra = setup
    url = reverse("agreement-detail", args=[agreement.pk])
    allowed = {"organiser", "partner"}
    for persona, client in clients(extra, user_for).items():
        response = client.get(url)
        if persona in allowed:
            assert response.status_code == 200, persona
        elif persona in extra:
            assert response.status_code == 403, persona
        else:
            expect_denied(response, persona)


def test_only_the_partner_of_the_party_updates_its_part(setup, user_for):
    agreement, gemeente, resident, extra = setup
    url = reverse("agreement-party-update", args=[gemeente.pk])
    data = {f"p{gemeente.pk}-status": "bezig", f"p{gemeente.pk}-text": "Tekening is klaar."}
    for persona, client in clients(extra, user_for).items():
        response = client.post(url, data)
        if persona == "partner":
            assert response.status_code == 302, persona
        elif persona in extra:
            assert response.status_code == 403, persona
        else:
            expect_denied(response, persona)
    gemeente.refresh_from_db()
    assert gemeente.status == "bezig"
    assert AgreementUpdate.objects.filter(party=gemeente, event="").count() == 1
    assert AuditEntry.objects.filter(action="followup.commitment_updated").count() == 1
    # A partner cannot update the resident's part.
    client = clients({}, user_for)["partner"]
    response = client.post(reverse("agreement-party-update", args=[resident.pk]), {})
    assert response.status_code == 403


def test_organiser_only_changes_status_and_adds_parties(setup, user_for):
    agreement, _g, _r, extra = setup
    status_url = reverse("agreement-status", args=[agreement.pk])
    party_url = reverse("agreement-party-add", args=[agreement.pk])
    party = {"partner_kind": "wijkteam", "commitment": "Het wijkteam belt na.", "due_on": ""}
    for persona, client in clients(extra, user_for).items():
        status = client.post(status_url, {"status": "vertraagd", "text": "Later."})
        added = client.post(party_url, party)
        if persona == "organiser":
            assert status.status_code == 302 and added.status_code == 302
        elif persona in extra:
            assert status.status_code == 403 and added.status_code == 403
        else:
            expect_denied(status, persona)
            expect_denied(added, persona)
    agreement.refresh_from_db()
    assert agreement.status == "vertraagd"
    assert agreement.parties.count() == 3
    assert {"followup.agreement_status", "followup.party_added"} <= set(
        AuditEntry.objects.values_list("action", flat=True)
    )
    # The wijkteam partner now sees the agreement (routed by kind).
    assert (
        clients(extra, user_for)["wijkteam"]
        .get(reverse("agreement-detail", args=[agreement.pk]))
        .status_code
        == 200
    )


def test_bad_party_input_shows_a_message_and_changes_nothing(setup, client_for):
    agreement = setup[0]
    client = client_for("organiser")
    response = client.post(
        reverse("agreement-party-add", args=[agreement.pk]),
        {"commitment": "Iets doen", "due_on": "morgen"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a kind of partner, a name or a resident." in page or "Kies" in page
    assert "Iets doen" in page
    assert agreement.parties.count() == 2


def test_resident_updates_through_link_and_a_revoked_link_shows_a_clear_page(setup, client_for):
    agreement, _g, resident, _extra = setup
    url = link_of("rita@example.org")
    page = Client().get(url)
    assert page.status_code == 200
    assert "Rita vraagt ouders" in page.content.decode()
    response = Client().post(url, {"status": "klaar", "text": "Twaalf ouders telden mee."})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.status == "klaar"
    entry = AuditEntry.objects.get(action="followup.commitment_updated")
    assert entry.actor is None and entry.actor_label
    empty = Client().post(url, {"status": "", "text": ""})
    assert empty.status_code == 400
    client_for("organiser").post(reverse("agreement-party-revoke", args=[resident.pk]))
    revoked = Client().get(url)
    assert revoked.status_code == 404
    assert "Rita" not in revoked.content.decode()
    assert Client().get("/afspraak/niet-echt-maar-lang-genoeg/").status_code == 404


def test_agreement_from_an_agenda_item_card_or_theme_links_back(setup, client_for):
    from wijkdialoog.synthesis.models import Theme

    agreement = setup[0]
    series = agreement.series
    meeting = series.meetings.first()
    card = make_question(meeting)
    theme = Theme.objects.create(series=series, name="Veilig oversteken")
    client = client_for("organiser")
    url = reverse("series-agreements", args=[series.pk])
    for query, source in ((f"?card={card.pk}", "card"), (f"?theme={theme.pk}", "theme")):
        form = client.get(url + query)
        assert form.status_code == 200
        response = client.post(url + query, {"title": "Uit de bron", "description": ""})
        assert response.status_code == 302
        made = Agreement.objects.get(pk=response["Location"].strip("/").split("/")[-1])
        assert getattr(made, f"{source}_id") is not None
    assert card.agreements.count() == 1 and theme.agreements.count() == 1


def test_series_agreements_list_query_count_does_not_grow(setup, client_for, neighbourhood):
    agreement, *_ = setup
    client = client_for("organiser")
    url = reverse("series-agreements", args=[agreement.series_id])
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    for number in range(3):
        more = Agreement.objects.create(series=agreement.series, title=f"Afspraak {number}")
        AgreementParty.objects.create(
            agreement=more, kind="partner", partner_kind="wijkteam", commitment="Bellen"
        )
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).status_code == 200
    assert len(second) == len(first)
