"""The organisation's choice to share in Wijkdialogen in beweging: a page for organisers,
off by default, audited, linked from the dashboard."""

from django.urls import reverse

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.learning.collection import sharing_of
from wijkdialoog.learning.models import CollectionSharing

URL = reverse("collection-sharing")


def test_only_organisers_open_the_sharing_page(organisation, assert_access):
    # The outsider is an organiser too: of their own organisation, whose setting they see.
    assert_access(URL, allowed={"organiser", "outsider"})


def test_only_organisers_change_the_choice(organisation, assert_access):
    assert_access(
        URL, allowed={"organiser", "outsider"}, method="post", data={"choice": "share"}, status=302
    )


def test_an_organisation_does_not_share_until_it_chooses(organisation):
    assert sharing_of(organisation).shares is False
    assert not CollectionSharing.objects.exists()


def test_the_page_states_the_purpose_plainly(organiser, client_for):
    page = client_for("organiser").get(URL)

    assert page.context["form"]["choice"].value() == "keep"
    body = page.content.decode()
    assert "Wijkdialogen in beweging" in body
    assert "geen namen" in body


def test_an_organiser_shares_and_stops_sharing_audited(organiser, client_for, organisation):
    client = client_for("organiser")

    response = client.post(URL, {"choice": "share"})

    assert response.status_code == 302
    sharing = CollectionSharing.objects.get(organisation=organisation)
    assert sharing.shares
    assert sharing.changed_by == organiser.person.user
    assert sharing.changed_at is not None
    client.post(URL, {"choice": "share"})
    client.post(URL, {"choice": "keep"})
    assert not CollectionSharing.objects.get(organisation=organisation).shares
    entries = AuditEntry.objects.filter(action="collection_sharing.changed").order_by("pk")
    assert [entry.payload for entry in entries] == [{"shares": True}, {"shares": False}]


def test_a_choice_is_required(organiser, client_for):
    response = client_for("organiser").post(URL, {})

    assert response.status_code == 200
    assert not CollectionSharing.objects.exists()


def test_the_outsider_changes_their_own_organisation_only(
    outsider, client_for, organisation, other_organisation
):
    client_for("outsider").post(URL, {"choice": "share"})

    assert CollectionSharing.objects.get(organisation=other_organisation).shares
    assert not CollectionSharing.objects.filter(organisation=organisation).exists()


def test_the_dashboard_links_to_the_choice(organiser, client_for):
    client = client_for("organiser")
    body = client.get(reverse("dashboard")).content.decode()

    assert reverse("collection-sharing") in body
    assert "worden niet gedeeld met andere wijken" in body
    client.post(URL, {"choice": "share"})
    assert "worden gedeeld met andere wijken" in client.get(reverse("dashboard")).content.decode()


def test_every_page_links_to_the_collection_in_its_footer(client, db):
    assert reverse("collection") in client.get("/").content.decode()
