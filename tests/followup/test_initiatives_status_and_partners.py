"""Status changes on the initiative's timeline (and a reason to go back from gevierd or gestopt),
partners in the team posting while logged in, and the views left over for every persona."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.builders import png_bytes
from tests.conftest import PERSONAS
from tests.followup.initiative_builders import add_anna, dream_meeting, make_initiative
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import initiatives
from wijkdialoog.followup.models import (
    Initiative,
    InitiativePhoto,
    InitiativeStatusChange,
    InitiativeUpdate,
    TeamMember,
)


@pytest.fixture
def setting(neighbourhood, organiser, facilitator, partner, trainer, outsider):
    meeting, _card = dream_meeting(neighbourhood)
    return meeting, make_initiative(meeting.series)


def public_url(initiative):
    place = initiative.series.neighbourhood
    return reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])


def test_status_changes_are_steps_on_the_timeline_and_the_public_page_says_since_when(
    setting, client_for
):
    _meeting, initiative = setting
    client = client_for("organiser")
    url = reverse("initiative-status", args=[initiative.pk])
    client.post(url, {"status": "voorbereiding"})
    client.post(url, {"status": "bezig", "reason": ""})
    steps = list(InitiativeStatusChange.objects.filter(initiative=initiative))
    assert [(s.from_status, s.to_status) for s in steps] == [
        ("idee", "voorbereiding"),
        ("voorbereiding", "bezig"),
    ]
    today = date_format(timezone.localtime(steps[-1].created_at), "j F Y")
    page = Client().get(public_url(initiative)).content.decode()
    assert f"Bezig sinds {today}" in page
    assert f'id="step-{steps[0].pk}"' in page and "Status: in voorbereiding" in page
    # The same status again is no new step.
    client.post(url, {"status": "bezig"})
    assert InitiativeStatusChange.objects.filter(initiative=initiative).count() == 2


def test_going_back_from_stopped_or_celebrated_needs_a_reason(setting, client_for):
    _meeting, initiative = setting
    client = client_for("organiser")
    url = reverse("initiative-status", args=[initiative.pk])
    client.post(url, {"status": "gestopt", "reason": "Geen grond"})
    refused = client.post(url, {"status": "bezig", "reason": ""})
    assert refused.status_code == 200
    assert "Vertel waarom het initiatief weer begint" in refused.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == "gestopt"
    client.post(url, {"status": "bezig", "reason": "De gemeente heeft toch grond"})
    client.post(reverse("initiative-celebrate", args=[initiative.pk]), {"story": "Feest!"})
    assert client.post(url, {"status": "bezig"}).status_code == 200
    client.post(url, {"status": "bezig", "reason": "Een tweede seizoen"})
    initiative.refresh_from_db()
    steps = InitiativeStatusChange.objects.filter(initiative=initiative)
    assert [s.to_status for s in steps] == ["gestopt", "bezig", "gevierd", "bezig"]
    assert steps.last().reason == "Een tweede seizoen"
    assert initiative.status == "bezig" and initiative.stopped_reason == ""
    manage = client.get(reverse("initiative-manage", args=[initiative.pk])).content.decode()
    assert "Een tweede seizoen" in manage
    # The reasons stay off the public page; the stop reason only while it is stopped.
    public = Client().get(public_url(initiative)).content.decode()
    assert "Een tweede seizoen" not in public and "Geen grond" not in public


@pytest.fixture
def partner_in_team(setting, partner, django_capture_on_commit_callbacks):
    _meeting, initiative = setting
    with django_capture_on_commit_callbacks(execute=True):
        member, _token = initiatives.add_member(
            initiative=initiative, person=partner.person, kind="partner", actor=None
        )
    return initiative, member


def test_a_partner_in_the_team_posts_an_update_while_logged_in(partner_in_team, client_for):
    initiative, member = partner_in_team
    client = client_for("partner")
    my_page = client.get(reverse("my-page")).content.decode()
    url = reverse("initiative-team-partner", args=[initiative.pk])
    assert url in my_page
    response = client.post(
        url,
        {
            "text": "De gemeente brengt zaterdag de aarde",
            "photos": [SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")],
        },
    )
    assert response.status_code == 302 and response["Location"] == url
    update = InitiativeUpdate.objects.get(initiative=initiative)
    assert update.member == member and update.created_by == member.person.user
    entry = AuditEntry.objects.get(action="initiative.update_posted")
    assert entry.actor == member.person.user
    # The partner sees the photo of a non-public initiative too.
    initiative.is_public = False
    initiative.save()
    photo = InitiativePhoto.objects.get(update=update)
    assert client.get(reverse("initiative-photo", args=[photo.pk])).status_code == 200


def test_only_a_partner_in_the_team_gets_the_logged_in_team_page(
    partner_in_team, assert_access, partner
):
    initiative, member = partner_in_team
    url = reverse("initiative-team-partner", args=[initiative.pk])
    assert_access(url, allowed={"partner"})
    assert_access(url, allowed={"partner"}, method="post", data={"text": "Hallo"}, status=302)
    initiatives.revoke_member(member=member, actor=None)
    assert_access(url, allowed=set())
    TeamMember.objects.filter(pk=member.pk).update(revoked_at=None)
    partner.is_active = False
    partner.save()
    assert_access(url, allowed=set(), method="post", data={"text": "Nog eens"})
    assert InitiativeUpdate.objects.count() == 1


def test_partner_add_and_celebrate_are_only_for_the_organiser(setting, assert_access, partner):
    _meeting, initiative = setting
    assert_access(
        reverse("initiative-partner-add", args=[initiative.pk]),
        allowed={"organiser"},
        method="post",
        data={"membership": partner.pk},
        status=302,
    )
    assert TeamMember.objects.filter(initiative=initiative).count() == 1
    assert_access(
        reverse("initiative-celebrate", args=[initiative.pk]),
        allowed={"organiser"},
        method="post",
        data={"story": "Feest"},
        status=302,
    )
    assert AuditEntry.objects.filter(action="initiative.celebrated").count() == 1


def test_a_photo_is_for_everyone_only_while_the_initiative_is_public(setting, assert_access):
    _meeting, initiative = setting
    update = initiatives.post_update(
        initiative=initiative,
        text="Foto",
        photos=[SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")],
    )
    url = reverse("initiative-photo", args=[update.photos.get().pk])
    assert_access(url, allowed=set(PERSONAS))
    Initiative.objects.filter(pk=initiative.pk).update(is_public=False)
    assert_access(url, allowed={"organiser"})


def test_team_and_public_pages_for_every_persona(
    setting, assert_access, django_capture_on_commit_callbacks
):
    _meeting, initiative = setting
    _member, team_url = add_anna(initiative, django_capture_on_commit_callbacks)
    assert_access(team_url, allowed=set(PERSONAS))
    assert_access(public_url(initiative), allowed=set(PERSONAS))
    Initiative.objects.filter(pk=initiative.pk).update(is_public=False)
    assert_access(public_url(initiative), allowed=set(), hidden=True)
    assert_access(team_url, allowed=set(PERSONAS))
