"""The newsletter about a report goes only to people who ticked "Keep me posted" at sign-up,
once each (also when sent twice), in their own language, with the themes people outside may
see, the link and a one-click opt-out that needs no login and refuses a bad token."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.builders import make_meeting, sign_up
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations import keep_posted, registering
from wijkdialoog.registrations.models import Registration
from wijkdialoog.reporting import newsletter
from wijkdialoog.reporting.models import NewsletterRecipient
from wijkdialoog.synthesis.models import Theme

REPORT = "http://testserver/verslag/"


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, days=3, seats=(8, 8))


@pytest.fixture
def people(meeting):
    """Anna (Dutch) and Ben (English) asked to be kept posted; Cor did not; Dirk asked but
    cancelled; Eva asked but has only a phone number."""
    anna = sign_up(meeting, "Anna", keep_me_posted=True, language="nl")
    ben = sign_up(meeting, "Ben", keep_me_posted=True, language="en")
    sign_up(meeting, "Cor")
    dirk = sign_up(meeting, "Dirk", keep_me_posted=True)
    registering.cancel(registration=dirk)
    sign_up(meeting, "Eva", phone="0612345678", keep_me_posted=True)
    mail.outbox.clear()
    return anna, ben


@pytest.fixture
def themes(meeting):
    Theme.objects.create(
        series=meeting.series,
        name="Groen in de straat",
        name_en="Green in the street",
        description="Meer bomen en geveltuinen.",
        curated=True,
    )
    Theme.objects.create(series=meeting.series, name="Nog niet benoemd", curated=False)


def send(meeting, organiser, **kwargs):
    return newsletter.send_newsletter(
        series=meeting.series, report_url=REPORT, actor=organiser.person.user, **kwargs
    )


def test_it_goes_only_to_people_who_asked_and_only_once(meeting, people, organiser):
    later = make_meeting(meeting.series, days=60, seats=(8,))
    sign_up(later, "Anna", keep_me_posted=True)
    mail.outbox.clear()

    assert send(meeting, organiser) == 2
    assert send(meeting, organiser) == 0

    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "ben@example.org",
    ]
    assert NewsletterRecipient.objects.filter(sent_at__isnull=False).count() == 2
    assert AuditEntry.objects.filter(action="newsletter.sent").count() == 2


def test_the_task_run_twice_sends_one_mail(meeting, people, organiser):
    from wijkdialoog.reporting.tasks import send_newsletter_mail

    send(meeting, organiser)
    recipient = NewsletterRecipient.objects.first()
    send_newsletter_mail.call(recipient.pk)

    assert len(mail.outbox) == 2


def test_each_reads_it_in_their_language_with_the_public_themes(meeting, people, themes, organiser):
    send(meeting, organiser)
    by_address = {message.to[0]: message for message in mail.outbox}
    dutch, english = by_address["anna@example.org"], by_address["ben@example.org"]

    assert "Beste Anna" in dutch.body and "Groen in de straat" in dutch.body
    assert "Dear Ben" in english.body and "Green in the street" in english.body
    for message in (dutch, english):
        assert REPORT in message.body
        assert "Nog niet benoemd" not in message.body
        html = message.alternatives[0].content
        assert REPORT in html


def test_every_mail_carries_a_one_click_opt_out(meeting, people, organiser):
    send(meeting, organiser)
    anna, _ben = people
    link = keep_posted.opt_out_url(anna.person)
    (message,) = [m for m in mail.outbox if m.to == ["anna@example.org"]]

    assert link in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_opting_out_asks_first_then_stops_without_a_login(client, meeting, people, organiser):
    anna, _ben = people
    url = keep_posted.opt_out_url(anna.person).removeprefix("http://testserver")

    page = client.get(url)
    assert page.status_code == 200
    assert 'id="keep-posted-stop"' in page.content.decode()
    assert "anna" not in page.content.decode().lower()
    assert Registration.objects.get(pk=anna.pk).keep_me_posted_at is not None

    assert client.post(url).status_code == 200
    assert Registration.objects.get(pk=anna.pk).keep_me_posted_at is None
    assert AuditEntry.objects.filter(action="registration.keep_posted_stopped").exists()

    assert send(meeting, organiser) == 1
    assert [message.to for message in mail.outbox] == [["ben@example.org"]]


def test_a_mail_app_opts_out_with_one_post_and_no_csrf_token(meeting, people):
    anna, _ben = people
    url = keep_posted.opt_out_url(anna.person).removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not keep_posted.is_kept_posted(anna.person)


@pytest.mark.parametrize("token", ["made-up", "1:abc"])
def test_a_bad_token_is_refused_with_a_clear_page(client, meeting, people, token):
    anna, _ben = people
    url = reverse("keep-posted-opt-out", args=[token])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert 'id="keep-posted-link-invalid"' in response.content.decode()
    assert keep_posted.is_kept_posted(anna.person)


def test_a_changed_token_does_not_stop_someone_else(client, meeting, people):
    anna, ben = people
    token = keep_posted.opt_out_token(anna.person)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    client.post(reverse("keep-posted-opt-out", args=[tampered]))

    assert keep_posted.is_kept_posted(anna.person) and keep_posted.is_kept_posted(ben.person)


def test_someone_who_stops_after_the_claim_gets_nothing(meeting, people, organiser):
    anna, _ben = people
    keep_posted.opt_out(person=anna.person)
    assert send(meeting, organiser) == 1


def test_a_meeting_report_is_a_sending_of_its_own(meeting, people, organiser):
    send(meeting, organiser)
    count = newsletter.send_newsletter(
        series=meeting.series, meeting=meeting, report_url=REPORT, actor=organiser.person.user
    )
    assert count == 2
    assert len(mail.outbox) == 4


def test_the_sign_up_form_asks_it_apart_and_optional(client, meeting):
    url = reverse("meeting-register", args=[meeting.pk])
    assert 'name="keep_me_posted"' in client.get(url).content.decode()
    base = {"first_name": "Anna", "email": "anna@example.org", "phone": "", "consent": "on"}

    client.post(url, {**base, "keep_me_posted": "on"})
    client.post(url, {**base, "first_name": "Bo", "email": "bo@example.org"})

    assert Registration.objects.get(person__first_name="Anna").keep_me_posted_at is not None
    assert Registration.objects.get(person__first_name="Bo").keep_me_posted_at is None


def test_a_volunteer_records_it_for_someone_on_the_phone(client_for, meeting):
    client_for("organiser").post(
        reverse("registration-on-behalf", args=[meeting.pk]),
        {
            "first_name": "Fatma",
            "email": "fatma@example.org",
            "phone": "",
            "consent": "on",
            "keep_me_posted": "on",
            "source": "phone",
            "language": "en",
        },
    )
    registration = Registration.objects.get(person__first_name="Fatma")
    assert registration.keep_me_posted_at is not None
    assert registration.person.language == "en"


def test_the_organiser_sees_how_many_before_sending(client_for, meeting, people):
    client = client_for("organiser")
    url = reverse("series-newsletter", args=[meeting.series.pk])

    page = client.get(url).content.decode()
    assert 'id="newsletter-count"' in page and "2" in page
    assert not mail.outbox

    response = client.post(url)

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert newsletter.public_report_url(meeting.series) in mail.outbox[0].body


def test_the_meeting_newsletter_links_to_the_public_meeting_page(client_for, meeting, people):
    client_for("organiser").post(reverse("meeting-newsletter", args=[meeting.pk]))
    link = "http://testserver" + reverse("meeting-public", args=[meeting.pk])
    assert all(link in message.body for message in mail.outbox) and len(mail.outbox) == 2


def test_who_may_send_the_newsletter(assert_access, meeting, people):
    assert_access(reverse("series-newsletter", args=[meeting.series.pk]), allowed={"organiser"})
    assert_access(reverse("meeting-newsletter", args=[meeting.pk]), allowed={"organiser"})
    assert_access(
        reverse("meeting-newsletter", args=[meeting.pk]),
        allowed={"organiser"},
        method="post",
        status=302,
    )
    assert len(mail.outbox) == 2


def test_consent_for_another_dialogue_does_not_count(meeting, people, neighbourhood, organiser):
    elsewhere = make_meeting(neighbourhood, days=5)
    sign_up(elsewhere, "Gijs", keep_me_posted=True)
    mail.outbox.clear()

    send(meeting, organiser)

    assert "gijs@example.org" not in [message.to[0] for message in mail.outbox]
