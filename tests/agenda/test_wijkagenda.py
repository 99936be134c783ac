"""From results to the wijkagenda: compose, order, record the Deep Democracy step, publish."""

import subprocess

from django.urls import reverse

from tests.agenda.organiser_data import make_agenda
from tests.agenda.results_data import analysed
from tests.builders import make_series
from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.core.models import AuditEntry


def _public_url(agenda):
    series = agenda.series
    return reverse(
        "wijkagenda-public",
        args=[series.organisation.slug, series.neighbourhood.slug, agenda.pk],
    )


def _composed(client, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    green, house, parking = analysed(agenda)
    for statement in (green, parking):
        client.post(reverse("agenda-item-add", args=[agenda.pk]), {"statement": statement.pk})
    client.post(reverse("agenda-item-add", args=[agenda.pk]), {"title": "Een buurtfeest."})
    return agenda


def test_an_item_from_a_statement_is_prefilled_with_support_and_divisiveness(
    client_for, neighbourhood
):
    agenda = _composed(client_for("organiser"), neighbourhood)
    green, parking, party = agenda.items.all()
    assert green.title == "Meer groen in de straat." and not green.divisive
    assert "100%" in green.why and "80%" in green.why
    assert parking.divisive
    assert party.statement is None and party.position == 3


def test_the_organiser_orders_the_items_with_up_and_down(client_for, neighbourhood):
    client = client_for("organiser")
    agenda = _composed(client, neighbourhood)
    party = agenda.items.get(title="Een buurtfeest.")
    client.post(reverse("agenda-item-move", args=[party.pk]), {"direction": "up"})
    client.post(reverse("agenda-item-move", args=[party.pk]), {"direction": "up"})
    assert [item.title for item in agenda.items.all()][0] == "Een buurtfeest."
    assert AuditEntry.objects.filter(action="agenda.item_moved").count() == 2


def test_the_published_wijkagenda_shows_the_minority_condition_everywhere(
    client_for, client, neighbourhood
):
    organiser = client_for("organiser")
    agenda = _composed(organiser, neighbourhood)
    parking = agenda.items.get(divisive=True)
    organiser.post(
        reverse("agenda-item-edit", args=[parking.pk]),
        {
            "title": parking.title,
            "divisive": "on",
            "minority_view": "Bewoners met een auto en weinig parkeerplek.",
            "minority_needs": "Eerst een plan voor parkeren om de hoek.",
            "minority_recorded_at": "2026-03-12",
        },
    )
    assert client.get(_public_url(agenda)).status_code == 404  # not published yet
    organiser.post(reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"})
    agenda.refresh_from_db()
    assert agenda.published_at is not None
    assert AuditEntry.objects.filter(action="agenda.published").exists()
    client.logout()
    page = client.get(_public_url(agenda)).content.decode()
    assert "Eerst een plan voor parkeren om de hoek." in page
    assert "Bewoners met een auto" in page
    series = agenda.series
    hood = client.get(
        reverse("neighbourhood-public", args=[series.organisation.slug, neighbourhood.slug])
    ).content.decode()
    assert 'id="neighbourhood-wijkagenda"' in hood
    assert "Eerst een plan voor parkeren om de hoek." in hood
    response = client.get(_public_url(agenda) + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Meer groen in de straat." in text
    assert "Eerst een plan voor parkeren om de hoek." in text


def test_the_english_page_shows_the_english_texts(client_for, client, neighbourhood):
    organiser = client_for("organiser")
    agenda = _composed(organiser, neighbourhood)
    AgendaItem.objects.filter(title="Een buurtfeest.").update(title_en="A street party.")
    organiser.post(reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"})
    page = client.get(_public_url(agenda), headers={"accept-language": "en"})
    assert "A street party." in page.content.decode()


def test_unpublishing_takes_it_off_the_neighbourhood_page(client_for, client, neighbourhood):
    organiser = client_for("organiser")
    agenda = _composed(organiser, neighbourhood)
    organiser.post(reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"})
    organiser.post(reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "unpublish"})
    agenda.refresh_from_db()
    assert agenda.published_at is None
    client.logout()
    assert client.get(_public_url(agenda)).status_code == 404


def test_an_empty_wijkagenda_cannot_be_published(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    response = client_for("organiser").post(
        reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"}
    )
    assert response.status_code == 400
    agenda.refresh_from_db()
    assert agenda.published_at is None


def test_the_wijkagenda_pages_use_a_fixed_number_of_queries(
    client_for, client, neighbourhood, django_assert_max_num_queries
):
    organiser = client_for("organiser")
    agenda = _composed(organiser, neighbourhood)
    organiser.post(reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"})
    client.logout()
    with django_assert_max_num_queries(6):
        assert client.get(_public_url(agenda)).status_code == 200
    series = agenda.series
    url = reverse("neighbourhood-public", args=[series.organisation.slug, neighbourhood.slug])
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200
