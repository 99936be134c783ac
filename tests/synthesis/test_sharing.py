"""The organisation's choice of what partners see of the harvest: a page for organisers."""

from django.urls import reverse

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.synthesis.models import HarvestSharing

URL = reverse("harvest-sharing")


def test_only_organisers_open_the_sharing_page(organisation, assert_access):
    # The outsider is an organiser too: of their own organisation, whose setting they see.
    assert_access(URL, allowed={"organiser", "outsider"})


def test_an_organiser_shares_internal_cards_and_takes_them_back_audited(
    organiser, client_for, organisation
):
    client = client_for("organiser")
    page = client.get(URL)
    assert page.context["form"]["partners_see"].value() == "public"

    response = client.post(URL, {"partners_see": "internal"})

    assert response.status_code == 302
    assert HarvestSharing.objects.get(organisation=organisation).partners_see_internal
    client.post(URL, {"partners_see": "internal"})
    client.post(URL, {"partners_see": "public"})
    assert not HarvestSharing.objects.get(organisation=organisation).partners_see_internal
    payloads = [
        e.payload
        for e in AuditEntry.objects.filter(action="harvest_sharing.changed").order_by("pk")
    ]
    assert payloads == [{"partners_see_internal": True}, {"partners_see_internal": False}]


def test_a_choice_is_required(organiser, client_for):
    response = client_for("organiser").post(URL, {})

    assert response.status_code == 200
    assert not HarvestSharing.objects.exists()


def test_the_outsider_changes_their_own_organisation_only(
    outsider, client_for, organisation, other_organisation
):
    client_for("outsider").post(URL, {"partners_see": "internal"})

    assert HarvestSharing.objects.get(organisation=other_organisation).partners_see_internal
    assert not HarvestSharing.objects.filter(organisation=organisation).exists()


def test_the_dashboard_links_to_the_setting(organiser, client_for):
    body = client_for("organiser").get(reverse("dashboard")).content.decode()

    assert reverse("harvest-sharing") in body
    assert "Partners zien alleen de openbare kaarten." in body
