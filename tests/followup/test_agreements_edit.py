"""Changing an agreement after it is made: its text in Dutch and English and whether the
neighbourhood sees it; only the organiser may, and the audit log holds the before and after."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS, expect_denied
from tests.followup.agreement_builders import make_agreement
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import agreements
from wijkdialoog.followup.models import Agreement

NEW = {
    "title": "Een zebrapad bij de school",
    "title_en": "A zebra crossing by the school",
    "description": "Voor de zomer.",
    "description_en": "Before the summer.",
    "is_public": "on",
}


@pytest.fixture
def agreement(neighbourhood, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made, _gemeente, _resident = make_agreement(neighbourhood, organiser)
    return made


def test_the_edit_page_is_for_the_organiser_only(agreement, assert_access):
    assert_access(reverse("agreement-edit", args=[agreement.pk]), allowed={"organiser"})


def test_only_the_organiser_saves_a_change(agreement, user_for):
    url = reverse("agreement-edit", args=[agreement.pk])
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        response = client.post(url, {**NEW, "title": f"Door {persona}"})
        if persona == "organiser":
            assert response.status_code == 302
            assert response["Location"] == reverse("agreement-detail", args=[agreement.pk])
        else:
            expect_denied(response, persona)
    agreement.refresh_from_db()
    assert agreement.title == "Door organiser"
    assert AuditEntry.objects.filter(action="followup.agreement_edited").count() == 1


def test_the_change_is_audited_with_before_and_after(agreement, client_for):
    page = client_for("organiser").get(reverse("agreement-detail", args=[agreement.pk]))
    assert reverse("agreement-edit", args=[agreement.pk]) in page.content.decode()
    form = client_for("organiser").get(reverse("agreement-edit", args=[agreement.pk]))
    assert 'value="Een veilige oversteek bij de school"' in form.content.decode()
    response = client_for("organiser").post(reverse("agreement-edit", args=[agreement.pk]), NEW)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.title_en, agreement.description_en) == (NEW["title_en"], "Before the summer.")
    assert agreement.is_public
    entry = AuditEntry.objects.get(action="followup.agreement_edited")
    changes = entry.payload["changes"]
    assert changes["title"] == ["Een veilige oversteek bij de school", NEW["title"]]
    assert changes["title_en"] == ["", NEW["title_en"]]
    assert changes["is_public"] == [False, True]
    assert set(changes) == {"title", "title_en", "description", "description_en", "is_public"}


def test_saving_without_a_change_writes_no_audit_entry(agreement, organiser):
    agreements.edit_agreement(
        agreement=agreement,
        actor=organiser.person.user,
        title=f"  {agreement.title} ",
        title_en="",
        description="",
        description_en="",
        is_public=False,
    )
    assert not AuditEntry.objects.filter(action="followup.agreement_edited").exists()


def test_a_missing_title_shows_on_the_form_and_changes_nothing(agreement, client_for):
    response = client_for("organiser").post(
        reverse("agreement-edit", args=[agreement.pk]), {**NEW, "title": ""}
    )
    assert response.status_code == 200
    assert "utrecht-form-field-error-message" in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).title == "Een veilige oversteek bij de school"


def test_the_neighbourhood_page_shows_the_english_title_in_english(agreement, client_for):
    client_for("organiser").post(reverse("agreement-edit", args=[agreement.pk]), NEW)
    neighbourhood = agreement.series.neighbourhood
    page = reverse(
        "neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]
    )
    agreements.set_status(agreement=agreement, status="bezig", text="", actor=None)
    english = Client().get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    dutch = Client().get(page, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "A zebra crossing by the school" in english
    assert "Een zebrapad bij de school" in dutch and "A zebra crossing" not in dutch
    # Without an English title an English page shows the Dutch one, marked as Dutch.
    client_for("organiser").post(
        reverse("agreement-edit", args=[agreement.pk]), {**NEW, "title_en": ""}
    )
    english = Client().get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<strong lang="nl">Een zebrapad bij de school</strong>' in english


def test_the_agreement_page_in_english_shows_the_english_text(agreement, client_for):
    client = client_for("organiser")
    client.post(reverse("agreement-edit", args=[agreement.pk]), NEW)
    url = reverse("agreement-detail", args=[agreement.pk])
    english = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert '<h1 class="utrecht-heading-1">A zebra crossing by the school</h1>' in english
    assert "Before the summer." in english and "Voor de zomer." not in english
    client.post(reverse("agreement-edit", args=[agreement.pk]), {**NEW, "title_en": ""})
    english = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert '<h1 class="utrecht-heading-1" lang="nl">Een zebrapad bij de school</h1>' in english
