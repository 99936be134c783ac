"""A team member's personal link, photos without metadata, and the public pages: only public
initiatives, names only with consent."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from tests.followup.initiative_builders import add_anna, dream_meeting, make_initiative
from tests.harvest.test_photo_privacy import GPS_IFD, phone_photo
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import initiatives
from wijkdialoog.followup.models import InitiativePhoto, InitiativeUpdate


@pytest.fixture
def team(neighbourhood, django_capture_on_commit_callbacks):
    meeting, _card = dream_meeting(neighbourhood)
    initiative = make_initiative(meeting.series, is_public=False)
    member, url = add_anna(initiative, django_capture_on_commit_callbacks)
    return initiative, member, url


def public_url(initiative):
    place = initiative.series.neighbourhood
    return reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])


def test_a_team_member_posts_an_update_with_a_photo_through_their_link(team):
    initiative, member, url = team
    page = Client().get(url)
    assert page.status_code == 200 and "noindex" in page.content.decode()
    response = Client().post(
        url,
        {
            "text": "De eerste tomaten!",
            "photos": [SimpleUploadedFile("IMG_1.jpg", phone_photo(), content_type="image/jpeg")],
        },
    )
    assert response.status_code == 302
    update = InitiativeUpdate.objects.get(initiative=initiative)
    assert (update.text, update.member) == ("De eerste tomaten!", member)
    photo = InitiativePhoto.objects.get(update=update)
    with Image.open(photo.image.path) as stored:
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert "xmp" not in stored.info
    entry = AuditEntry.objects.get(action="initiative.update_posted")
    assert entry.actor is None and entry.actor_label
    # The member sees the photo through their link; a stranger does not see it at all.
    assert (
        Client()
        .get(reverse("initiative-team-photo", args=[url.split("/")[3], photo.pk]))
        .status_code
        == 200
    )
    assert Client().get(reverse("initiative-photo", args=[photo.pk])).status_code == 302


def test_a_file_that_is_no_photo_is_refused_and_nothing_is_posted(team):
    _initiative, _member, url = team
    response = Client().post(
        url,
        {
            "text": "Mijn tekst blijft staan",
            "photos": [SimpleUploadedFile("foto.jpg", b"%PDF-1.4 nep", content_type="image/jpeg")],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mijn tekst blijft staan" in page and "JPEG, PNG of WebP" in page
    assert not InitiativeUpdate.objects.exists()


def test_two_updates_at_once_are_both_kept(team):
    initiative, _member, url = team
    Client().post(url, {"text": "Eerste"})
    Client().post(url, {"text": "Tweede"})
    assert sorted(initiative.updates.values_list("text", flat=True)) == ["Eerste", "Tweede"]


def test_a_revoked_or_forged_link_shows_a_clear_page_without_data(team):
    initiative, member, url = team
    forged = Client().get("/initiatief/team/niet-echt-maar-lang-genoeg/")
    assert forged.status_code == 404 and "Moestuin" not in forged.content.decode()
    initiatives.revoke_member(member=member, actor=None)
    revoked = Client().get(url)
    assert revoked.status_code == 404
    assert "Moestuin" not in revoked.content.decode()
    assert "niet meer in het team" in revoked.content.decode()
    Client().post(url, {"text": "Nog even"})
    assert not InitiativeUpdate.objects.exists()


@pytest.mark.parametrize("persona", ["anonymous", "organiser", "partner", "outsider"])
def test_the_team_page_works_for_whoever_holds_the_link(team, client_for, persona):
    _initiative, _member, url = team
    assert client_for(persona).get(url).status_code == 200


def test_the_public_page_exists_only_once_the_organiser_makes_it_public(team, client_for):
    initiative, _member, _url = team
    for persona in ("anonymous", "organiser", "partner", "outsider"):
        assert client_for(persona).get(public_url(initiative)).status_code == 404
    initiative.is_public = True
    initiative.save()
    assert Client().get(public_url(initiative)).status_code == 200


def test_names_are_public_only_with_consent(team):
    initiative, _member, url = team
    initiative.is_public = True
    initiative.save()
    Client().post(url, {"text": "We zijn begonnen"})
    page = Client().get(public_url(initiative)).content.decode()
    assert "We zijn begonnen" in page and "Anna" not in page
    Client().post(url, {"action": "consent", "name_public": "on"})
    page = Client().get(public_url(initiative)).content.decode()
    assert "Anna" in page
    assert AuditEntry.objects.filter(action="initiative.name_consent").exists()


def test_the_neighbourhood_page_lists_public_initiatives_with_status_and_last_update(
    team, neighbourhood
):
    initiative, _member, url = team
    place = reverse(
        "neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]
    )
    assert "Moestuin" not in Client().get(place).content.decode()
    initiative.is_public = True
    initiative.save()
    Client().post(url, {"text": "Nieuws"})
    page = Client().get(place).content.decode()
    assert f'id="progress-initiative-{initiative.pk}"' in page
    assert "Moestuin" in page and "laatste nieuws" in page


def test_the_neighbourhood_panel_takes_the_same_number_of_queries_with_more_initiatives(
    team, neighbourhood
):
    initiative, _member, _url = team
    place = reverse(
        "neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]
    )
    make_initiative(initiative.series, name="Plan A")
    Client().get(place)
    with CaptureQueriesContext(connection) as few:
        Client().get(place)
    for number in range(4):
        made = make_initiative(initiative.series, name=f"Plan {number}")
        InitiativeUpdate.objects.create(initiative=made, text="Nieuws")
    with CaptureQueriesContext(connection) as many:
        Client().get(place)
    assert len(many) == len(few)
