"""Magic links: one use, short-lived, opened with a POST, the same answer for every address."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.builders import make_membership, make_person
from wijkdialoog.community.magic_links import login_url
from wijkdialoog.community.models import Membership

NOW = datetime.datetime(2026, 3, 2, 10, 5, tzinfo=datetime.UTC)


def request_link(client, email):
    return client.post(reverse("magic-link-request"), {"email": email})


def link_in(message) -> str:
    return re.search(r"http://testserver/\S+", message.body).group(0)


def token_of(url: str) -> str:
    return re.search(r"sesame=([^&\s]+)", url).group(1)


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_a_known_address_gets_a_link_by_email(client, facilitator):
    response = request_link(client, "Fenna@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("magic-link-sent")
    assert [message.to for message in mail.outbox] == [["fenna@example.org"]]
    assert path_of(link_in(mail.outbox[0])).startswith(reverse("magic-link-open"))


def test_known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_gets_mail(
    client, facilitator
):
    known = request_link(client, "fenna@example.org")
    unknown = request_link(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["fenna@example.org"]]


def test_a_resident_without_a_role_gets_no_link(client, resident):
    response = request_link(client, resident.email)
    assert response["Location"] == reverse("magic-link-sent")
    assert mail.outbox == []


def test_someone_whose_role_has_ended_gets_no_link(client, facilitator):
    facilitator.is_active = False
    facilitator.save()
    request_link(client, facilitator.person.email)
    assert mail.outbox == []


def test_a_bad_address_is_shown_next_to_the_field(client, db):
    response = request_link(client, "not-an-address")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_email_error"' in content
    assert 'aria-invalid="true"' in content
    assert 'value="not-an-address"' in content


def test_opening_the_link_only_shows_a_button_and_does_not_log_in(client, facilitator):
    request_link(client, facilitator.person.email)
    link = link_in(mail.outbox[0])
    response = client.get(path_of(link))  # what a mail scanner does
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert f'value="{token_of(link)}"' in response.content.decode()
    # The link still works afterwards.
    response = client.post(reverse("magic-link-open"), {"sesame": token_of(link)})
    assert response.status_code == 302
    assert response["Location"] == reverse("after-login")
    assert client.session["_auth_user_id"] == str(facilitator.person.user.pk)


def test_the_link_works_only_once(client, facilitator):
    request_link(client, facilitator.person.email)
    token = token_of(link_in(mail.outbox[0]))
    assert client.post(reverse("magic-link-open"), {"sesame": token}).status_code == 302
    client.logout()
    response = client.post(reverse("magic-link-open"), {"sesame": token})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_expired_link_does_not_log_in(client, facilitator):
    with time_machine.travel(NOW, tick=False):
        request_link(client, facilitator.person.email)
        token = token_of(link_in(mail.outbox[0]))
    late = NOW + datetime.timedelta(seconds=settings.SESAME_MAX_AGE + 60)
    with time_machine.travel(late, tick=False):
        response = client.post(reverse("magic-link-open"), {"sesame": token})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_link_still_works_just_before_it_expires(client, facilitator):
    with time_machine.travel(NOW, tick=False):
        request_link(client, facilitator.person.email)
        token = token_of(link_in(mail.outbox[0]))
    almost = NOW + datetime.timedelta(seconds=settings.SESAME_MAX_AGE - 60)
    with time_machine.travel(almost, tick=False):
        response = client.post(reverse("magic-link-open"), {"sesame": token})
    assert response.status_code == 302


def test_a_made_up_token_does_not_log_in(client, facilitator):
    response = client.post(reverse("magic-link-open"), {"sesame": "made-up-token"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_login_link_cannot_be_used_as_an_invitation_and_the_other_way_round(client, facilitator):
    user = facilitator.person.user
    login_token = token_of(login_url(user))
    invitation_token = token_of(login_url(user, invitation=True))
    assert client.post(reverse("invitation-open"), {"sesame": login_token}).status_code == 400
    assert client.post(reverse("magic-link-open"), {"sesame": invitation_token}).status_code == 400


def test_the_link_takes_you_back_to_the_page_you_wanted(client, facilitator):
    token = token_of(login_url(facilitator.person.user))
    response = client.post(reverse("magic-link-open"), {"sesame": token, "next": "/mijn/"})
    assert response["Location"] == "/mijn/"


def test_a_link_asked_for_from_a_protected_page_brings_you_back_there(client, facilitator):
    url = f"{reverse('magic-link-request')}?next=/mijn/"
    client.post(url, {"email": facilitator.person.email})
    link = link_in(mail.outbox[0])
    page = client.get(path_of(link)).content.decode()
    assert 'name="next" value="/mijn/"' in page
    response = client.post(reverse("magic-link-open"), {"sesame": token_of(link), "next": "/mijn/"})
    assert response["Location"] == "/mijn/"


def test_a_link_request_ignores_a_next_address_on_another_site(client, facilitator):
    url = f"{reverse('magic-link-request')}?next=https://evil.example.com/"
    client.post(url, {"email": facilitator.person.email})
    assert "evil" not in mail.outbox[0].body


def test_the_link_does_not_send_you_to_another_site(client, facilitator):
    token = token_of(login_url(facilitator.person.user))
    data = {"sesame": token, "next": "https://evil.example.com/"}
    response = client.post(reverse("magic-link-open"), data)
    assert response["Location"] == reverse("after-login")


def test_after_the_rate_limit_no_more_mail_is_sent_but_the_answer_stays_the_same(
    client, facilitator
):
    assert settings.MAGIC_LINK_RATE == "5/h"
    with time_machine.travel(NOW, tick=False):
        answers = [request_link(client, facilitator.person.email) for _ in range(8)]
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, reverse("magic-link-sent"))}
    assert len(mail.outbox) == 5


def test_the_rate_limit_per_network_address_covers_many_email_addresses(client, organisation):
    for n in range(7):
        make_membership(organisation, "facilitator", first_name=f"F{n}", email=f"f{n}@example.org")
    with time_machine.travel(NOW, tick=False):
        answers = [request_link(client, f"f{n}@example.org") for n in range(7)]
    assert {a["Location"] for a in answers} == {reverse("magic-link-sent")}
    assert len(mail.outbox) == 5


def test_the_rate_limit_lifts_after_an_hour(client, facilitator):
    with time_machine.travel(NOW, tick=False):
        for _ in range(6):
            request_link(client, facilitator.person.email)
    assert len(mail.outbox) == 5
    with time_machine.travel(NOW + datetime.timedelta(hours=1, minutes=1), tick=False):
        request_link(client, facilitator.person.email)
    assert len(mail.outbox) == 6


def test_the_mail_is_in_the_language_of_the_page_the_link_was_asked_on(client, facilitator):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    request_link(client, facilitator.person.email)
    with translation.override("en"):
        expected = translation.gettext("Your login link for Wijkdialoog")
    assert mail.outbox[0].subject == expected


@pytest.mark.parametrize("persona", ["organiser", "partner", "trainer"])
def test_every_role_can_log_in_with_a_link(client, request, persona):
    membership = request.getfixturevalue(persona)
    request_link(client, membership.person.email)
    token = token_of(link_in(mail.outbox[0]))
    client.post(reverse("magic-link-open"), {"sesame": token})
    assert client.session["_auth_user_id"] == str(membership.person.user.pk)


def test_a_person_who_has_a_role_but_no_login_yet_gets_one_with_the_link(client, organisation):

    person = make_person(organisation, first_name="Kofi", email="kofi@example.org")
    Membership.objects.create(person=person, role="facilitator")
    request_link(client, "kofi@example.org")
    person.refresh_from_db()
    assert person.user is not None
    assert not person.user.has_usable_password()
    assert len(mail.outbox) == 1
    client.post(reverse("magic-link-open"), {"sesame": token_of(link_in(mail.outbox[0]))})
    assert client.session["_auth_user_id"] == str(person.user.pk)


def test_the_mail_and_the_page_say_how_long_the_link_works_as_configured(
    client, facilitator, settings
):
    settings.SESAME_MAX_AGE = 10 * 60
    response = request_link(client, facilitator.person.email)
    page = client.get(response["Location"]).content.decode()
    with translation.override("nl"):
        on_page = translation.ngettext(
            "If we know this email address, a login link is on its way. It works once, for "
            "%(minutes)s minute.",
            "If we know this email address, a login link is on its way. It works once, for "
            "%(minutes)s minutes.",
            10,
        ) % {"minutes": 10}
        in_mail = translation.ngettext(
            "Open this link to log in. It works once, for %(minutes)s minute:",
            "Open this link to log in. It works once, for %(minutes)s minutes:",
            10,
        ) % {"minutes": 10}
    assert "10 minuten" in on_page
    assert on_page in page
    assert in_mail in mail.outbox[0].body


def test_the_rate_limit_per_address_holds_across_networks_and_ways_of_typing_it(
    client, facilitator
):
    spellings = [
        "fenna@example.org",
        "Fenna@example.org",
        " FENNA@EXAMPLE.ORG",
        "fenna@Example.org",
    ]
    with time_machine.travel(NOW, tick=False):
        for n in range(8):
            client.post(
                reverse("magic-link-request"),
                {"email": spellings[n % len(spellings)]},
                REMOTE_ADDR=f"192.0.2.{n + 1}",
            )
    assert len(mail.outbox) == 5
