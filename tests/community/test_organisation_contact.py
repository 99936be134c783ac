"""Whom residents can contact: organisers keep their organisation's phone and email up to date,
and every public page shows them in its footer."""

import pytest
from django.urls import reverse

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry

URL = "/beheer/contact/"
ALLOWED = {"organiser", "outsider"}  # the outsider edits their own organisation


@pytest.fixture
def contact(organisation):
    organisation.phone = "0201 234 567"
    organisation.contact_email = "vragen@buurtwerk.example.org"
    organisation.save()
    return organisation


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_open_the_contact_page(client_for, persona, organisation):
    response = client_for(persona).get(URL)
    if persona in ALLOWED:
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 403


def test_an_organiser_changes_the_contact_details_and_the_log_says_which(
    client_for, organiser, organisation
):
    response = client_for("organiser").post(
        URL, {"phone": " 0201  234 567 ", "contact_email": "vragen@buurtwerk.example.org"}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "0201 234 567"
    assert organisation.contact_email == "vragen@buurtwerk.example.org"
    entry = AuditEntry.objects.get(action="organisation.contact_changed")
    assert entry.payload == {"fields": ["contact_email", "phone"]}


def test_an_organiser_of_another_organisation_changes_only_their_own(
    client_for, outsider, organisation, other_organisation
):
    client_for("outsider").post(URL, {"phone": "", "contact_email": "otto@andere.example.org"})
    organisation.refresh_from_db()
    other_organisation.refresh_from_db()
    assert organisation.contact_email == ""
    assert other_organisation.contact_email == "otto@andere.example.org"


def test_a_wrong_email_address_is_refused_with_the_error_summary(client_for, organiser):
    response = client_for("organiser").post(URL, {"phone": "", "contact_email": "not-an-email"})
    assert response.status_code == 200
    assert 'href="#id_contact_email"' in response.content.decode()


def test_the_dashboard_shows_the_contact_details_and_links_to_change_them(client_for, contact):
    html = client_for("organiser").get(reverse("dashboard")).content.decode()
    assert "vragen@buurtwerk.example.org" in html
    assert f'href="{URL}"' in html


def public_urls(meeting) -> list[str]:
    neighbourhood = meeting.series.neighbourhood
    return [
        reverse("meeting-public", args=[meeting.pk]),
        reverse("meeting-register", args=[meeting.pk]),
        reverse("neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]),
        reverse("home"),
        reverse("privacy"),
    ]


def test_every_public_page_shows_whom_to_contact(client, contact, neighbourhood):
    meeting = make_meeting(neighbourhood)
    for url in public_urls(meeting):
        html = client.get(url).content.decode()
        assert 'id="contact"' in html, url
        assert 'href="tel:0201234567"' in html, url
        assert 'href="mailto:vragen@buurtwerk.example.org"' in html, url


def test_without_a_contact_email_the_privacy_email_is_shown(client, organisation, neighbourhood):
    meeting = make_meeting(neighbourhood)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    assert f'href="mailto:{organisation.privacy_email}"' in html
    assert 'href="tel:' not in html


def test_a_page_about_one_organisation_shows_only_that_one(
    client, contact, neighbourhood, other_organisation
):
    meeting = make_meeting(neighbourhood)
    for url in (reverse("meeting-public", args=[meeting.pk]), reverse("home")):
        html = client.get(url).content.decode()
        assert "vragen@buurtwerk.example.org" in html
        assert other_organisation.privacy_email not in html


def test_the_home_page_without_meetings_shows_every_organisation(
    client, contact, other_organisation
):
    html = client.get(reverse("home")).content.decode()
    assert "vragen@buurtwerk.example.org" in html
    assert other_organisation.privacy_email in html
