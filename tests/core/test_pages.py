"""The public pages of the core app, the error pages and the choice of language."""

import re

from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.builders import make_organisation
from wijkdialoog.core import views


def lang_of(content: str) -> str:
    return re.search(r'<html lang="([^"]+)"', content).group(1)


def test_the_home_page_is_in_dutch_by_default(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert lang_of(content) == "nl"
    with translation.override("nl"):
        heading = translation.gettext("Talk together about your neighbourhood")
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in content
    assert heading == "Praat mee over je buurt"


def test_the_home_page_follows_the_browsers_language(client, db):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    content = response.content.decode()
    assert lang_of(content) == "en"
    assert "Talk together about your neighbourhood" in content


def test_the_language_switch_sets_a_cookie_and_the_next_page_is_in_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("privacy")})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    content = client.get(reverse("privacy")).content.decode()
    assert lang_of(content) == "en"
    with translation.override("en"):
        assert translation.gettext("Privacy: what we store and why") in content
    # And back to Dutch: the switch offers the other language.
    assert 'name="language" value="nl"' in content
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert lang_of(client.get(reverse("home")).content.decode()) == "nl"


def test_the_language_switch_does_not_send_you_to_another_site(client, db):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example.com/"}
    )
    assert response["Location"] == "/"


def test_the_language_switch_comes_back_to_the_page_you_were_on(client, db):
    content = client.get(f"{reverse('privacy')}?x=1").content.decode()
    assert '<input name="next" type="hidden" value="/privacy/?x=1">' in content


def test_the_privacy_page_names_every_organisation_and_its_privacy_address(
    client, db, django_assert_max_num_queries
):
    organisations = [make_organisation(name=f"Stichting {n:02}") for n in range(12)]
    with django_assert_max_num_queries(3):
        response = client.get(reverse("privacy"))
    content = response.content.decode()
    for organisation in organisations:
        assert organisation.name in content
        assert f'href="mailto:{organisation.privacy_email}"' in content


def test_the_privacy_page_runs_the_same_queries_for_one_or_many_organisations(client, db):
    make_organisation()
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("privacy"))
    for _ in range(20):
        make_organisation()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("privacy"))
    assert len(one.captured_queries) == len(many.captured_queries)


def test_the_health_check_answers_ok_without_logging_in(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_an_unknown_address_shows_the_404_page_in_the_sites_style(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "404.html" in [t.name for t in response.templates]
    assert 'class="wd-header"' in content
    assert "wijkdialoog/site.css" in content
    assert lang_of(content) == "nl"
    assert f'href="{reverse("home")}"' in content


def test_the_404_page_follows_the_chosen_language(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = client.get("/bestaat-niet/").content.decode()
    assert lang_of(content) == "en"
    with translation.override("en"):
        assert translation.gettext("This page does not exist") in content


def test_the_500_page_renders_in_the_sites_style_without_a_working_request():
    """The 500 handler runs when something is broken; it must not need the database, a session,
    a user or the middleware."""
    request = RequestFactory().get("/kapot/")
    with translation.override("nl"):
        response = views.server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert "wijkdialoog/site.css" in content
    assert 'class="wd-header"' in content
    assert lang_of(content) == "nl"


def test_the_500_page_speaks_the_active_language():
    request = RequestFactory().get("/kapot/")
    with translation.override("en"):
        content = views.server_error(request).content.decode()
        assert translation.gettext("Something went wrong on our side") in content
    assert lang_of(content) == "en"


def test_the_403_page_renders_in_the_sites_style(client_for):
    response = client_for("facilitator").get(reverse("dashboard"))
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    assert 'class="wd-header"' in response.content.decode()


def test_the_400_and_429_pages_render_in_the_sites_style(rf, db):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    for response, status in [
        (views.bad_request(request), 400),
        (views.rate_limited(request), 429),
        (views.permission_denied(request), 403),
        (views.page_not_found(request), 404),
    ]:
        assert response.status_code == status
        assert 'class="wd-header"' in response.content.decode()


def test_the_footer_offers_the_login_only_to_visitors(client_for, db):
    anonymous = client_for("anonymous").get(reverse("home")).content.decode()
    assert f'href="{reverse("login")}"' in anonymous
    member = client_for("facilitator").get(reverse("home")).content.decode()
    assert f'href="{reverse("login")}"' not in member
    assert f'action="{reverse("logout")}"' in member


def test_only_organisers_see_the_dashboard_in_the_menu(client_for):
    assert f'href="{reverse("dashboard")}"' in client_for("organiser").get("/").content.decode()
    assert f'href="{reverse("dashboard")}"' not in client_for("partner").get("/").content.decode()


def test_a_form_sent_without_its_security_token_gets_a_page_in_the_sites_style(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("magic-link-request"), {"email": "a@example.org"})
    assert response.status_code == 403
    content = response.content.decode()
    assert "403_csrf.html" in [t.name for t in response.templates]
    assert 'class="wd-header"' in content
    assert lang_of(content) == "nl"
    assert "CSRF" not in content
