"""Samen verder later: the organiser plans, moves, rewords and removes an initiative's contact
moments from the initiative's page; only the organiser may, and each change is audited."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS, expect_denied
from tests.followup.initiative_builders import add_anna, dream_meeting, make_initiative
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import contact_moments
from wijkdialoog.followup.models import ContactMoment

DAY = datetime.date(2027, 3, 4)


@pytest.fixture
def moment(neighbourhood, organiser, facilitator, partner, trainer, outsider):
    meeting, _card = dream_meeting(neighbourhood)
    initiative = make_initiative(meeting.series)
    return ContactMoment.objects.create(initiative=initiative, on=DAY, what="Werkgroep komt samen")


def test_the_pages_are_for_the_organiser_only(moment, assert_access):
    assert_access(reverse("contact-moment-edit", args=[moment.pk]), allowed={"organiser"})
    assert_access(reverse("contact-moment-add", args=[moment.initiative_id]), allowed={"organiser"})


def test_changes_are_for_the_organiser_only(moment, assert_access, user_for):
    new = {"on": "2027-04-01", "what": "Verslag aan de buurt"}
    assert_access(
        reverse("contact-moment-edit", args=[moment.pk]),
        allowed={"organiser"},
        method="post",
        data=new,
        status=302,
    )
    assert_access(
        reverse("contact-moment-add", args=[moment.initiative_id]),
        allowed={"organiser"},
        method="post",
        data=new,
        status=302,
    )
    assert ContactMoment.objects.filter(what="Verslag aan de buurt").count() == 2
    # The organiser last: after the removal there is nothing left to refuse.
    url = reverse("contact-moment-remove", args=[moment.pk])
    for persona in sorted(PERSONAS, key=lambda name: name == "organiser"):
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        response = client.post(url)
        if persona == "organiser":
            assert response.status_code == 302
        else:
            expect_denied(response, persona)
    assert not ContactMoment.objects.filter(pk=moment.pk).exists()


def test_a_team_members_link_does_not_open_the_organiser_pages(
    moment, django_capture_on_commit_callbacks
):
    _member, link = add_anna(moment.initiative, django_capture_on_commit_callbacks)
    visitor = Client()
    assert visitor.get(link).status_code == 200
    response = visitor.post(reverse("contact-moment-remove", args=[moment.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert ContactMoment.objects.filter(pk=moment.pk).exists()


def test_moving_a_moment_is_audited_with_before_and_after(moment, client_for):
    client = client_for("organiser")
    manage = client.get(reverse("initiative-manage", args=[moment.initiative_id])).content.decode()
    assert reverse("contact-moment-edit", args=[moment.pk]) in manage
    response = client.post(
        reverse("contact-moment-edit", args=[moment.pk]),
        {"on": "2027-04-01", "what": "Werkgroep komt samen"},
    )
    assert response["Location"].endswith("#contact-moments")
    moment.refresh_from_db()
    assert moment.on == datetime.date(2027, 4, 1)
    entry = AuditEntry.objects.get(action="initiative.contact_moment_changed")
    assert entry.object_id == str(moment.initiative_id)
    assert entry.payload == {"moment": moment.pk, "changes": {"on": ["2027-03-04", "2027-04-01"]}}


def test_saving_the_same_moment_writes_no_audit_entry(moment, organiser):
    contact_moments.edit_contact_moment(
        moment=moment, actor=organiser.person.user, on=DAY, what=" Werkgroep komt samen "
    )
    assert not AuditEntry.objects.filter(action="initiative.contact_moment_changed").exists()


def test_removing_a_moment_takes_it_off_the_public_page(moment, client_for):
    initiative = moment.initiative
    series = initiative.series
    public = reverse(
        "initiative-public",
        args=[series.organisation.slug, series.neighbourhood.slug, initiative.pk],
    )
    assert "Werkgroep komt samen" in Client().get(public).content.decode()
    client_for("organiser").post(reverse("contact-moment-remove", args=[moment.pk]))
    assert "Werkgroep komt samen" not in Client().get(public).content.decode()
    entry = AuditEntry.objects.get(action="initiative.contact_moment_removed")
    assert entry.payload == {
        "moment": moment.pk,
        "on": "2027-03-04",
        "what": "Werkgroep komt samen",
    }
    # Removing it twice (two tabs) is harmless.
    again = client_for("organiser").post(reverse("contact-moment-remove", args=[moment.pk]))
    assert again.status_code == 404


def test_a_moment_without_a_date_or_text_keeps_what_was_typed(moment, client_for):
    response = client_for("organiser").post(
        reverse("contact-moment-add", args=[moment.initiative_id]), {"on": "", "what": "Feest"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "utrecht-form-field-error-message" in page and 'value="Feest"' in page
    assert ContactMoment.objects.count() == 1
