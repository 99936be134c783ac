"""Logging in with email and password, throttled by django-axes, and logging out."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.conftest import PASSWORD
from wijkdialoog.community.forms import LoginForm
from wijkdialoog.community.magic_links import login_url


def log_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_an_organiser_logs_in_with_a_password_and_lands_on_the_dashboard(client, organiser):
    response = log_in(client, "olga@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("after-login")
    assert client.get(response["Location"])["Location"] == reverse("dashboard")


def test_the_email_address_is_not_case_sensitive(client, organiser):
    response = log_in(client, "Olga@Example.ORG", PASSWORD)
    assert response.status_code == 302


def test_a_wrong_password_shows_a_dutch_error_above_the_form_and_keeps_the_email(client, organiser):
    response = log_in(client, "olga@example.org", "wrong password")
    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("nl"):
        dutch = str(LoginForm.error_messages["invalid_login"])
    with translation.override("en"):
        english = str(LoginForm.error_messages["invalid_login"])
    assert dutch != english
    alert = re.search(r'class="utrecht-alert utrecht-alert--error">(.*?)</div>', content, re.S)
    assert alert and dutch in alert.group(1)
    assert alert.start() < content.index('name="password"')
    assert 'value="olga@example.org"' in content
    assert "wrong password" not in content
    assert "_auth_user_id" not in client.session


def test_after_too_many_wrong_passwords_the_login_is_paused(client, organiser):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "olga@example.org", "wrong").status_code == 200
    response = log_in(client, "olga@example.org", "wrong")
    assert response.status_code == 429
    assert "community/login_locked.html" in [t.name for t in response.templates]
    # Even the right password does not get in while the login is paused.
    response = log_in(client, "olga@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_pause_page_offers_a_login_link_instead(client, organiser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "olga@example.org", "wrong")
    assert f'href="{reverse("magic-link-request")}"' in response.content.decode()


def test_a_login_that_was_deactivated_cannot_log_in(client, organiser):
    user = organiser.person.user
    user.is_active = False
    user.save()
    response = log_in(client, "olga@example.org", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logging_out_is_a_post_and_ends_the_session(client, organiser):
    client.force_login(organiser.person.user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session


def test_the_login_page_passes_the_page_you_wanted_on_to_the_link_request(client, db):
    response = client.get(reverse("login"), {"next": "/beheer/mensen/"})
    assert f'href="{reverse("magic-link-request")}?next=/beheer/mensen/"' in (
        response.content.decode()
    )


def test_a_protected_page_sends_you_to_log_in_and_back(client, organiser):
    response = client.get(reverse("person-list"))
    assert response["Location"] == f"{reverse('login')}?next={reverse('person-list')}"
    response = client.post(
        response["Location"],
        {"username": "olga@example.org", "password": PASSWORD, "next": reverse("person-list")},
    )
    assert response["Location"] == reverse("person-list")


def test_old_login_links_do_not_count_as_wrong_passwords(client, organiser):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(reverse("magic-link-open"), {"sesame": "an-old-or-used-link"})
        assert response.status_code == 400
    assert log_in(client, "olga@example.org", PASSWORD).status_code == 302


def test_while_the_password_login_is_paused_a_login_link_still_works(client, organiser):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "olga@example.org", "wrong")
    assert log_in(client, "olga@example.org", PASSWORD).status_code == 429
    token = re.search(r"sesame=([^&]+)", login_url(organiser.person.user)).group(1)
    response = client.post(reverse("magic-link-open"), {"sesame": token})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(organiser.person.user.pk)


def test_the_pause_page_says_how_long_the_pause_lasts_as_configured(client, organiser, settings):
    settings.AXES_COOLOFF_TIME = 30 / 60
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "olga@example.org", "wrong")
    with translation.override("nl"):
        text = translation.ngettext(
            "The password was wrong too many times. For your safety, logging in with a password "
            "is paused for %(minutes)s minute.",
            "The password was wrong too many times. For your safety, logging in with a password "
            "is paused for %(minutes)s minutes.",
            30,
        ) % {"minutes": 30}
    assert "30 minuten" in text
    assert text in response.content.decode()
