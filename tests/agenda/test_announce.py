"""Announcing an agenda: the public link and the one mail to the series' participants (never to
anyone else), with its stop link and the tracked link of its own email channel. The channels,
posters and flyers are in test_announce_channels.py."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.agenda.organiser_data import make_agenda
from tests.builders import make_meeting, make_organisation, make_registration, make_series
from wijkdialoog.agenda import announce_channels, announcing
from wijkdialoog.agenda.models import Agenda, AgendaChannel
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.outreach.models import EmailOptOut
from wijkdialoog.registrations.models import Registration


@pytest.fixture
def agenda(neighbourhood):
    return make_agenda(make_series(neighbourhood))


def test_the_announce_page_shows_the_link_and_how_many_get_the_mail(client_for, agenda):
    meeting = make_meeting(agenda.series)
    make_registration(meeting, "Anna", email="anna@example.org")
    response = client_for("organiser").get(reverse("agenda-announce", args=[agenda.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert announcing.vote_url(agenda) in page
    assert "anna@example.org" not in page
    assert response.context["recipient_count"] == 1
    manage = client_for("organiser").get(reverse("agenda-manage", args=[agenda.pk]))
    assert reverse("agenda-announce", args=[agenda.pk]) in manage.content.decode()


def test_only_registered_people_with_an_address_and_no_opt_out_get_it_once(agenda):
    series = agenda.series
    first, second = make_meeting(series), make_meeting(series, days=20)
    anna = make_registration(first, "Anna", email="Anna@Example.org")
    make_registration(second, anna.person)  # two meetings: one mail
    make_registration(first, "Cees", email="cees@example.org")
    make_registration(first, "Dirk")  # no address
    make_registration(first, "Eva", email="eva@example.org", status=Registration.Status.CANCELLED)
    make_registration(first, "Fien", email="fien@example.org", status=Registration.Status.WAITING)
    make_registration(first, "Gert", email="gert@example.org")
    EmailOptOut.objects.create(organisation=series.organisation, email="GERT@example.org")
    other_series = make_series(series.neighbourhood, theme="Anders")
    make_registration(make_meeting(other_series), "Hans", email="hans@example.org")
    elsewhere = make_series(make_neighbourhood_elsewhere())
    make_registration(make_meeting(elsewhere), "Ina", email="ina@example.org")

    emails = [r.email for r in announcing.recipients(agenda)]
    assert emails == ["anna@example.org", "cees@example.org", "fien@example.org"]


def make_neighbourhood_elsewhere():
    from wijkdialoog.community.models import Neighbourhood

    organisation = make_organisation(name="Elders", slug="elders")
    return Neighbourhood.objects.create(organisation=organisation, name="Elders", slug="elders")


def test_the_mail_goes_out_once_in_each_persons_language_with_a_stop_link(
    client_for, agenda, django_capture_on_commit_callbacks
):
    meeting = make_meeting(agenda.series)
    anna = make_registration(meeting, "Anna", email="anna@example.org")
    anna.person.language = "en"
    anna.person.save()
    make_registration(meeting, "Bram", email="bram@example.org")
    client = client_for("organiser")
    url = reverse("agenda-announce-mail", args=[agenda.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bram@example.org"]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Vote on the wijkagenda" in by_address["anna@example.org"].subject
    assert "Stem" in by_address["bram@example.org"].subject
    channel = AgendaChannel.objects.get(agenda=agenda, for_announcement=True).channel
    assert channel.kind == channel.Kind.EMAIL_LIST and channel.series == agenda.series
    link = announce_channels.announcement_link(agenda)
    assert link is not None and link.endswith(f"/d/{channel.code}/")
    for message in mail.outbox:
        assert link in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert AuditEntry.objects.get(action="agenda.channel_created").payload["announcement"]
    entry = AuditEntry.objects.get(action="agenda.announced")
    assert entry.payload == {"queued": 2}
    assert "example.org" not in str(entry.payload)

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, follow=True)
    assert len(mail.outbox) == 2
    assert "already been sent" in again.content.decode() or "al verstuurd" in again.content.decode()
    assert AuditEntry.objects.filter(action="agenda.announced").count() == 1
    assert AgendaChannel.objects.filter(agenda=agenda).count() == 1


def test_a_closed_vote_is_not_announced(agenda):
    Agenda.objects.filter(pk=agenda.pk).update(closes_at=agenda.opens_at)
    agenda.refresh_from_db()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        announcing.announce_by_mail(agenda=agenda, actor=None)
    agenda.refresh_from_db()
    assert agenda.announced_at is None
    assert not AgendaChannel.objects.exists()


def test_the_stop_link_records_an_opt_out_and_the_next_mail_skips_the_address(client, agenda):
    meeting = make_meeting(agenda.series)
    registration = make_registration(meeting, "Anna", email="anna@example.org")
    url = announcing.opt_out_url(agenda.pk, "Anna@example.org").split("://", 1)[1]
    path = url[url.index("/") :]
    assert client.get(path).status_code == 200
    assert not EmailOptOut.objects.exists()
    response = client.post(path)
    assert response.status_code == 200
    assert EmailOptOut.objects.get().email == "anna@example.org"
    assert AuditEntry.objects.filter(action="agenda.opt_out").count() == 1
    client.post(path)
    assert EmailOptOut.objects.count() == 1
    assert announcing.recipients(agenda) == []
    assert not announcing.deliver_announcement(agenda.pk, registration.person_id)
    assert not mail.outbox


def test_a_forged_stop_link_changes_nothing(client, agenda):
    token = announcing.opt_out_token(agenda.pk, "anna@example.org")
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for path in (
        reverse("agenda-opt-out", args=[forged]),
        reverse("agenda-opt-out", args=["nonsense"]),
    ):
        assert client.post(path).status_code == 404
    assert not EmailOptOut.objects.exists()


def test_a_task_for_someone_no_longer_registered_sends_nothing(agenda):
    meeting = make_meeting(agenda.series)
    registration = make_registration(meeting, "Anna", email="anna@example.org")
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.CANCELLED)
    assert not announcing.deliver_announcement(agenda.pk, registration.person_id)
    assert not announcing.deliver_announcement(agenda.pk + 1000, registration.person_id)
    assert not mail.outbox


@pytest.mark.parametrize("persona", ["anonymous", "facilitator", "partner", "trainer", "outsider"])
def test_nobody_but_the_organiser_announces(client_for, agenda, persona):
    make_registration(make_meeting(agenda.series), "Anna", email="anna@example.org")
    client = client_for(persona)
    for method, name in (
        ("get", "agenda-announce"),
        ("post", "agenda-announce-mail"),
    ):
        response = getattr(client, method)(reverse(name, args=[agenda.pk]))
        expected = {"anonymous": 302, "outsider": 404}.get(persona, 403)
        assert response.status_code == expected, (persona, name)
    assert not mail.outbox
    agenda.refresh_from_db()
    assert agenda.announced_at is None
    assert not AgendaChannel.objects.exists()
