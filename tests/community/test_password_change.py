"""Choosing a new password asks for the current one, unless a login link was just used: a
session left open on a shared computer must not be enough to take over someone's login."""

import re

import time_machine
from django.urls import reverse

from tests.conftest import PASSWORD
from wijkdialoog.community.magic_links import FRESH_LINK_SECONDS, login_url

NEW = "een-nieuw-lang-wachtwoord"


def use_login_link(client, user):
    token = re.search(r"sesame=([^&]+)", login_url(user)).group(1)
    response = client.post(reverse("magic-link-open"), {"sesame": token})
    assert response.status_code == 302


def test_a_new_password_is_refused_without_the_current_one(client, facilitator):
    client.force_login(facilitator.person.user)
    response = client.post(reverse("set-password"), {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    assert 'id="id_old_password_error"' in response.content.decode()
    facilitator.person.user.refresh_from_db()
    assert facilitator.person.user.check_password(PASSWORD)


def test_a_wrong_current_password_is_refused_next_to_the_field(client, facilitator):
    client.force_login(facilitator.person.user)
    response = client.post(
        reverse("set-password"),
        {"old_password": "not-my-password", "new_password1": NEW, "new_password2": NEW},
    )
    content = response.content.decode()
    assert 'id="id_old_password_error"' in content
    assert 'aria-invalid="true"' in content
    facilitator.person.user.refresh_from_db()
    assert facilitator.person.user.check_password(PASSWORD)


def test_with_the_current_password_the_new_one_is_saved_and_you_stay_logged_in(client, facilitator):
    client.force_login(facilitator.person.user)
    response = client.post(
        reverse("set-password"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert client.get(reverse("my-page")).status_code == 200
    facilitator.person.user.refresh_from_db()
    assert facilitator.person.user.check_password(NEW)


def test_a_weak_password_is_refused_next_to_the_field(client, facilitator):
    client.force_login(facilitator.person.user)
    response = client.post(
        reverse("set-password"),
        {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in response.content.decode()


def test_right_after_a_login_link_no_current_password_is_needed(client, facilitator):
    use_login_link(client, facilitator.person.user)
    page = client.get(reverse("set-password")).content.decode()
    assert 'name="old_password"' not in page
    response = client.post(reverse("set-password"), {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    facilitator.person.user.refresh_from_db()
    assert facilitator.person.user.check_password(NEW)


def test_the_login_link_allows_one_change_only(client, facilitator):
    use_login_link(client, facilitator.person.user)
    client.post(reverse("set-password"), {"new_password1": NEW, "new_password2": NEW})
    page = client.get(reverse("set-password")).content.decode()
    assert 'name="old_password"' in page


def test_a_login_link_used_longer_ago_asks_for_the_current_password_again(client, facilitator):
    with time_machine.travel("2026-03-02 09:00 +0000", tick=False):
        use_login_link(client, facilitator.person.user)
    later = f"2026-03-02 09:{FRESH_LINK_SECONDS // 60 + 1:02d} +0000"
    with time_machine.travel(later, tick=False):
        response = client.post(
            reverse("set-password"), {"new_password1": NEW, "new_password2": NEW}
        )
    assert response.status_code == 200
    assert 'id="id_old_password_error"' in response.content.decode()
    facilitator.person.user.refresh_from_db()
    assert facilitator.person.user.check_password(PASSWORD)


def test_without_a_password_or_a_fresh_link_you_are_sent_a_login_link_first(client, facilitator):
    user = facilitator.person.user
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    page = client.get(reverse("set-password")).content.decode()
    assert "new_password1" not in page
    assert f'href="{reverse("magic-link-request")}?next={reverse("set-password")}"' in page
    response = client.post(reverse("set-password"), {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_the_form_that_asks_the_current_password_offers_a_login_link_instead(client, facilitator):
    client.force_login(facilitator.person.user)
    page = client.get(reverse("set-password")).content.decode()
    assert 'name="old_password"' in page
    assert f'href="{reverse("magic-link-request")}?next={reverse("set-password")}"' in page
