"""The organiser makes an agenda and its statements, also from themes and cards."""

from django.urls import reverse

from tests.agenda.organiser_data import harvest_agenda, harvest_cards, make_agenda
from tests.builders import make_series
from wijkdialoog.agenda.models import Agenda, Statement
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.synthesis.models import Theme


def test_the_organiser_makes_an_agenda_from_the_series_page(client_for, neighbourhood):
    series = make_series(neighbourhood)
    client = client_for("organiser")
    page = client.get(reverse("series-detail", args=[series.pk]))
    assert reverse("agenda-create", args=[series.pk]) in page.content.decode()
    response = client.post(
        reverse("agenda-create", args=[series.pk]),
        {"title": "Wat moet er gebeuren?", "introduction": "Stem mee.", "allow_proposals": "on"},
    )
    agenda = Agenda.objects.get()
    assert response["Location"] == reverse("agenda-manage", args=[agenda.pk])
    assert agenda.allow_proposals and agenda.series == series
    assert AuditEntry.objects.filter(action="agenda.created").exists()


def test_a_statement_is_added_with_the_next_number_and_audited(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    client = client_for("organiser")
    for text in ["Meer groen in de straat.", "Een buurthuis dat elke dag open is."]:
        response = client.post(
            reverse("statement-add", args=[agenda.pk]), {"new-text": text, "new-text_en": "X"}
        )
        assert response.status_code == 302
    assert list(agenda.statements.values_list("number", "text")) == [
        (1, "Meer groen in de straat."),
        (2, "Een buurthuis dat elke dag open is."),
    ]
    assert AuditEntry.objects.filter(action="agenda.statement_added").count() == 2
    page = client.get(reverse("agenda-manage", args=[agenda.pk])).content.decode()
    assert "Meer groen in de straat." in page


def test_a_statement_longer_than_280_characters_is_refused_next_to_the_field(
    client_for, neighbourhood
):
    agenda = make_agenda(make_series(neighbourhood))
    response = client_for("organiser").post(
        reverse("statement-add", args=[agenda.pk]), {"new-text": "x" * 281}
    )
    assert response.status_code == 400
    assert not agenda.statements.exists()


def test_a_statement_from_sources_keeps_its_cards_and_themes(client_for, neighbourhood):
    meeting, agenda = harvest_agenda(neighbourhood)
    need, secret, story = harvest_cards(meeting)
    theme = Theme.objects.create(series=agenda.series, name="Samen zijn")
    client = client_for("organiser")
    page = client.get(reverse("statement-from-sources", args=[agenda.pk])).content.decode()
    assert need.text in page and secret.text in page and "Samen zijn" in page
    assert story.text not in page  # only needs, ideas, dreams and questions
    response = client.post(
        reverse("statement-from-sources", args=[agenda.pk]),
        {
            "text": "Er moet een ontmoetingsplek komen.",
            "cards": [need.pk, secret.pk],
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert set(statement.source_cards.all()) == {need, secret}
    assert list(statement.source_themes.all()) == [theme]
    manage = client.get(reverse("agenda-manage", args=[agenda.pk])).content.decode()
    assert secret.text in manage  # the organiser sees the sources, internal ones too


def test_a_card_of_another_series_cannot_be_a_source(client_for, neighbourhood):
    meeting, agenda = harvest_agenda(neighbourhood)
    other_meeting, _other = harvest_agenda(neighbourhood)
    foreign, _secret, _story = harvest_cards(other_meeting)
    response = client_for("organiser").post(
        reverse("statement-from-sources", args=[agenda.pk]),
        {"text": "Een plek.", "cards": [foreign.pk]},
    )
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_the_organiser_edits_a_statement(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    statement = Statement.objects.create(agenda=agenda, number=1, text="Oud")
    client = client_for("organiser")
    assert client.get(reverse("statement-edit", args=[statement.pk])).status_code == 200
    client.post(reverse("statement-edit", args=[statement.pk]), {"edit-text": "Nieuw"})
    statement.refresh_from_db()
    assert statement.text == "Nieuw"
    assert AuditEntry.objects.filter(action="agenda.statement_changed").exists()
