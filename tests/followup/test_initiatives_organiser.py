"""The organiser's initiative pages: every view for every persona, making an initiative from a
card or a wijkagenda priority, status changes with a reason, the team and the celebration."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.agenda.organiser_data import make_agenda
from tests.builders import make_membership, png_bytes
from tests.followup.initiative_builders import add_anna, dream_meeting, make_initiative
from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup.models import Initiative, InitiativeUpdate, TeamMember


@pytest.fixture
def setting(neighbourhood, organiser, facilitator, partner, trainer, outsider):
    meeting, card = dream_meeting(neighbourhood)
    initiative = make_initiative(meeting.series)
    return meeting, card, initiative


def test_every_organiser_page_is_only_for_the_organiser_of_the_organisation(setting, assert_access):
    meeting, _card, initiative = setting
    series = meeting.series
    for url in (
        reverse("initiative-list", args=[series.pk]),
        reverse("initiative-create", args=[series.pk]),
        reverse("initiative-manage", args=[initiative.pk]),
        reverse("initiative-edit", args=[initiative.pk]),
        reverse("initiative-celebrate", args=[initiative.pk]),
    ):
        assert_access(url, allowed={"organiser"})


def test_every_organiser_change_is_only_for_the_organiser(setting, assert_access):
    _meeting, _card, initiative = setting
    member = TeamMember.objects.create(initiative=initiative, person=_anyone(initiative))
    posts = [
        (reverse("initiative-status", args=[initiative.pk]), {"status": "bezig"}),
        (
            reverse("initiative-member-add", args=[initiative.pk]),
            {"first_name": "B", "email": "b@example.org", "kind": "resident"},
        ),
        (reverse("initiative-update", args=[initiative.pk]), {"text": "Nieuws"}),
        (reverse("team-member-contact", args=[member.pk]), {}),
        (reverse("team-member-revoke", args=[member.pk]), {}),
    ]
    for url, data in posts:
        assert_access(url, allowed={"organiser"}, method="post", data=data, status=302)


def _anyone(initiative):
    from tests.builders import make_person

    return make_person(initiative.series.organisation, "Karel", email="karel@example.org")


def test_a_dream_card_becomes_an_initiative_through_the_button_on_the_harvest(setting, client_for):
    meeting, card, _initiative = setting
    client = client_for("organiser")
    harvest = client.get(reverse("series-harvest", args=[meeting.series_id])).content.decode()
    assert f'id="card-{card.pk}-initiative"' in harvest
    form = client.get(reverse("initiative-create", args=[meeting.series_id]) + f"?card={card.pk}")
    assert "Een moestuin achter het buurthuis" in form.content.decode()
    response = client.post(
        reverse("initiative-create", args=[meeting.series_id]),
        {"name": "Moestuin", "what": "Samen kweken", "cards": [card.pk]},
    )
    made = Initiative.objects.get(name="Moestuin", what="Samen kweken")
    assert response.status_code == 302
    assert list(made.cards.all()) == [card]
    assert made.status == Initiative.Status.IDEA
    assert AuditEntry.objects.filter(action="initiative.created", object_id=str(made.pk)).exists()


def test_a_personal_action_card_never_seeds_an_initiative(setting, client_for):
    from tests.builders import make_card

    meeting, _card, _initiative = setting
    action = make_card(meeting, "Mijn eigen stap", kind="action", publication="internal")
    client = client_for("organiser")
    harvest = client.get(reverse("series-harvest", args=[meeting.series_id])).content.decode()
    assert f'id="card-{action.pk}-initiative"' not in harvest
    form = client.get(reverse("initiative-create", args=[meeting.series_id]) + f"?card={action.pk}")
    assert "Mijn eigen stap" not in form.content.decode()


def test_a_wijkagenda_priority_becomes_an_initiative_linked_to_it(setting, client_for):
    meeting, _card, _initiative = setting
    agenda = make_agenda(meeting.series)
    item = AgendaItem.objects.create(agenda=agenda, title="Meer groen", why="Te veel stenen")
    client = client_for("organiser")
    compose = client.get(reverse("wijkagenda-compose", args=[agenda.pk])).content.decode()
    assert f'id="item-{item.pk}-initiative"' in compose
    url = reverse("initiative-create", args=[meeting.series_id])
    assert "Te veel stenen" in client.get(url + f"?item={item.pk}").content.decode()
    client.post(url, {"name": "Groen", "what": "Tegels eruit", "item": item.pk})
    assert Initiative.objects.get(name="Groen").agenda_item == item


def test_stopping_needs_a_reason_and_the_change_is_audited(setting, client_for):
    _meeting, _card, initiative = setting
    client = client_for("organiser")
    url = reverse("initiative-status", args=[initiative.pk])
    refused = client.post(url, {"status": "gestopt", "reason": ""})
    assert refused.status_code == 200
    assert "Vertel waarom" in refused.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == "idee"
    client.post(url, {"status": "gestopt", "reason": "Geen grond gevonden"})
    initiative.refresh_from_db()
    assert (initiative.status, initiative.stopped_reason) == ("gestopt", "Geen grond gevonden")
    entry = AuditEntry.objects.get(action="initiative.status_changed")
    assert entry.payload == {"from": "idee", "to": "gestopt", "reason": "Geen grond gevonden"}


def test_adding_a_resident_mails_their_link_and_makes_them_the_contact(
    setting, client_for, django_capture_on_commit_callbacks
):
    _meeting, _card, initiative = setting
    with django_capture_on_commit_callbacks(execute=True):
        client_for("organiser").post(
            reverse("initiative-member-add", args=[initiative.pk]),
            {"first_name": "Anna", "email": "anna@example.org", "kind": "volunteer"},
        )
    member = TeamMember.objects.get(initiative=initiative)
    assert member.is_contact and member.kind == "volunteer"
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert "/initiatief/team/" in mail.outbox[0].body
    assert member.token_hash and member.token_hash not in mail.outbox[0].body


def test_a_bad_email_keeps_what_was_typed_and_adds_no_one(setting, client_for):
    _meeting, _card, initiative = setting
    response = client_for("organiser").post(
        reverse("initiative-member-add", args=[initiative.pk]),
        {"first_name": "Anna", "email": "geen-adres", "kind": "resident"},
    )
    assert response.status_code == 200
    assert 'value="geen-adres"' in response.content.decode()
    assert not TeamMember.objects.exists()


def test_a_partner_of_the_organisation_joins_the_team_but_not_one_of_another(
    setting, client_for, other_organisation, django_capture_on_commit_callbacks, partner
):
    _meeting, _card, initiative = setting
    stranger = make_membership(
        other_organisation, "partner", first_name="Vreemd", email="vreemd@example.org"
    )
    client = client_for("organiser")
    url = reverse("initiative-partner-add", args=[initiative.pk])
    client.post(url, {"membership": stranger.pk})
    assert not TeamMember.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"membership": partner.pk})
    assert TeamMember.objects.get().kind == "partner"
    assert mail.outbox[-1].to == ["pieter@example.org"]


def test_the_contact_person_moves_and_a_removed_member_loses_the_contact(
    setting, client_for, django_capture_on_commit_callbacks
):
    _meeting, _card, initiative = setting
    anna, _url = add_anna(initiative, django_capture_on_commit_callbacks)
    ben = TeamMember.objects.create(initiative=initiative, person=_anyone(initiative))
    client = client_for("organiser")
    client.post(reverse("team-member-contact", args=[ben.pk]))
    assert list(TeamMember.objects.filter(is_contact=True)) == [ben]
    client.post(reverse("team-member-revoke", args=[ben.pk]))
    ben.refresh_from_db()
    assert ben.revoked_at is not None and not ben.is_contact
    assert AuditEntry.objects.filter(action="initiative.member_revoked").count() == 1


def test_the_organiser_posts_updates_and_two_at_once_are_both_kept(setting, client_for):
    _meeting, _card, initiative = setting
    client = client_for("organiser")
    url = reverse("initiative-update", args=[initiative.pk])
    client.post(url, {"text": "De grond is er"})
    client.post(url, {"text": "De grond is er"})
    assert InitiativeUpdate.objects.filter(initiative=initiative).count() == 2


def test_the_celebration_links_a_meeting_a_story_and_photos(setting, client_for):
    meeting, _card, initiative = setting
    client = client_for("organiser")
    response = client.post(
        reverse("initiative-celebrate", args=[initiative.pk]),
        {
            "meeting": meeting.pk,
            "story": "Soep van eigen groente!",
            "photos": [SimpleUploadedFile("feest.png", png_bytes(), content_type="image/png")],
        },
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == "gevierd" and initiative.celebration_meeting == meeting
    assert initiative.photos.filter(for_celebration=True).count() == 1
    page = client.get(reverse("initiative-manage", args=[initiative.pk])).content.decode()
    assert "Soep van eigen groente!" in page


def test_the_list_takes_the_same_number_of_queries_with_more_initiatives(setting, client_for):
    meeting, _card, _initiative = setting
    client = client_for("organiser")
    url = reverse("initiative-list", args=[meeting.series_id])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(4):
        made = make_initiative(meeting.series, name=f"Plan {number}")
        InitiativeUpdate.objects.create(initiative=made, text="Nieuws")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).content.decode().count("Plan ") == 4
    assert len(many) == len(few)
