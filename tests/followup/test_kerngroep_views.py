"""The kerngroep pages for every persona: the organiser's page per series, and the member's page
by personal link or login (first names and roles only), with tasks added, marked done and
edited, each change in the audit log with who made it."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_membership, make_person, make_series
from tests.conftest import PERSONAS, expect_denied
from tests.followup.kerngroep_builders import add, link_in_mail_to, make_kerngroep
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup.models import KerngroepMember, KerngroepTask


@pytest.fixture
def group(neighbourhood, facilitator):
    series, members = make_kerngroep(neighbourhood, facilitator)
    links = {name: link_in_mail_to(f"{name}@example.org") for name in ("anna", "ben")}
    return series, members, links


def manage_url(series):
    return reverse("kerngroep-manage", args=[series.pk])


def task(text):
    return KerngroepTask.objects.get(text=text)


def test_only_organisers_of_the_series_open_the_organiser_page(group, assert_access):
    series, _members, _links = group
    assert_access(manage_url(series), allowed={"organiser"})
    flyers = task("Flyers rondbrengen")
    assert_access(reverse("kerngroep-task", args=[series.pk, flyers.pk]), allowed={"organiser"})


def test_a_partner_of_another_organisation_is_denied_everywhere(group, other_organisation):
    series, _members, links = group
    partner = make_membership(
        other_organisation, "partner", first_name="Paula", email="paula@example.org"
    )
    client = Client()
    client.force_login(partner.person.user)
    assert client.get(manage_url(series)).status_code == 403
    assert client.get(reverse("kerngroep-mine", args=[series.pk])).status_code == 404
    # The personal link works for whoever holds it, but only as that member.
    assert "Hallo Anna" in client.get(links["anna"]).content.decode()


def test_the_member_page_by_login_is_only_for_members(group, user_for):
    series, _members, _links = group
    url = reverse("kerngroep-mine", args=[series.pk])
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        response = client.get(url)
        if persona == "facilitator":
            assert response.status_code == 200
            assert "Hallo Fenna" in response.content.decode()
        else:
            expect_denied(response, persona, hidden=persona != "anonymous")


def test_the_member_page_shows_first_names_and_roles_only(group):
    _series, _members, links = group
    page = Client().get(links["anna"]).content.decode()
    assert "Anna: programmering, werving" in page
    assert "Ben: evaluatie" in page
    assert "Achterberg" not in page
    assert "ben@example.org" not in page
    assert "Flyers rondbrengen" in page and "data-overdue" in page
    assert "noindex" in page


def test_the_welcome_mail_is_in_the_members_language(group):
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["anna@example.org"] == "Je link naar de kerngroep: Samen in de Kersenbuurt"
    assert subjects["ben@example.org"] == "Your link to the kerngroep: Samen in de Kersenbuurt"
    assert "/kerngroep/mijn/" in next(m for m in mail.outbox if m.to == ["fenna@example.org"]).body


def test_a_renewed_link_or_one_after_leaving_shows_a_clear_page_without_data(
    group, organiser, django_capture_on_commit_callbacks
):
    series, members, links = group
    client = Client()
    client.force_login(organiser.person.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(series), {"action": "link", "member": members["anna"].pk})
    old = Client().get(links["anna"])
    assert old.status_code == 404
    assert "Flyers" not in old.content.decode() and "Anna" not in old.content.decode()
    assert Client().get(link_in_mail_to("anna@example.org")).status_code == 200

    client.post(manage_url(series), {"action": "remove", "member": members["ben"].pk})
    assert Client().get(links["ben"]).status_code == 404
    assert task("Zaal reserveren").owner is None
    assert Client().get("/kerngroep/niet-echt-maar-lang-genoeg/").status_code == 404
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"followup.kerngroep_link_sent", "followup.kerngroep_member_left"} <= actions


def test_a_member_of_another_series_cannot_touch_these_tasks(group, neighbourhood):
    series, _members, _links = group
    other_series = make_series(neighbourhood, theme="Andere reeks")
    carla = make_person(neighbourhood.organisation, "Carla", email="carla@example.org")
    add(other_series, carla, ["werving"])
    link = link_in_mail_to("carla@example.org")
    flyers = task("Flyers rondbrengen")
    client = Client()
    page = client.get(link).content.decode()
    assert "Flyers" not in page and "Anna" not in page
    response = client.post(link, {"action": "done", "task": flyers.pk})
    assert response.status_code == 404
    assert client.get(f"{link}taak/{flyers.pk}/").status_code == 404
    assert task("Flyers rondbrengen").done_at is None


def test_a_member_adds_a_task_and_marks_it_done_audited_with_their_name(group):
    series, members, links = group
    client = Client()
    response = client.post(
        links["ben"],
        {"action": "add-task", "text": "Buren bellen", "owner": members["ben"].pk, "due_on": ""},
    )
    assert response.status_code == 302
    new = task("Buren bellen")
    assert new.created_by == members["ben"]
    client.post(links["anna"], {"action": "done", "task": new.pk})
    again = client.post(links["ben"], {"action": "done", "task": new.pk}, follow=True)
    assert "al op klaar gezet" in again.content.decode()
    new.refresh_from_db()
    assert new.done_by == members["anna"]
    [done] = AuditEntry.objects.filter(action="followup.kerngroep_task_done")
    assert done.actor is None and "Anna" in done.actor_label
    assert done.payload["member"] == members["anna"].pk


def test_bad_task_input_is_shown_next_to_the_field_and_keeps_what_was_typed(group):
    _series, _members, links = group
    before = KerngroepTask.objects.count()
    response = Client().post(links["anna"], {"action": "add-task", "text": "", "due_on": "morgen"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_text_error"' in page and 'id="id_due_on_error"' in page
    assert 'value="morgen"' in page
    assert KerngroepTask.objects.count() == before


def test_members_edit_their_own_tasks_only(group):
    series, members, links = group
    flyers, hall = task("Flyers rondbrengen"), task("Zaal reserveren")
    client = Client()
    assert client.get(f"{links['anna']}taak/{hall.pk}/").status_code == 403
    refused = client.post(f"{links['anna']}taak/{hall.pk}/", {"text": "Weg ermee"})
    assert refused.status_code == 403 and task("Zaal reserveren").text == "Zaal reserveren"
    response = client.post(
        f"{links['anna']}taak/{flyers.pk}/",
        {"text": "Flyers in de hele buurt", "owner": members["anna"].pk, "due_on": "2030-01-02"},
    )
    assert response.status_code == 302
    flyers.refresh_from_db()
    assert flyers.text == "Flyers in de hele buurt" and str(flyers.due_on) == "2030-01-02"
    [entry] = AuditEntry.objects.filter(action="followup.kerngroep_task_changed")
    assert entry.payload["fields"] == ["due_on", "text"]


def test_the_organiser_adds_members_sets_roles_and_adds_tasks(
    group, organiser, django_capture_on_commit_callbacks
):
    series, members, _links = group
    client = Client()
    client.force_login(organiser.person.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            manage_url(series),
            {
                "action": "add-member",
                "first_name": "Dirk",
                "email": "dirk@example.org",
                "language": "en",
                "roles": ["opvolging"],
            },
        )
    assert response.status_code == 302
    dirk = KerngroepMember.objects.get(person__first_name="Dirk")
    assert dirk.roles == ["opvolging"]
    [welcome] = mail.outbox
    assert welcome.to == ["dirk@example.org"] and welcome.subject.startswith("Your link")
    client.post(
        manage_url(series),
        {
            "action": "roles",
            "member": members["ben"].pk,
            f"m{members['ben'].pk}-roles": ["werving"],
        },
    )
    assert KerngroepMember.objects.get(pk=members["ben"].pk).roles == ["werving"]
    client.post(manage_url(series), {"action": "add-task", "text": "Evaluatie plannen"})
    entries = AuditEntry.objects.filter(actor=organiser.person.user)
    assert {
        "followup.kerngroep_member_added",
        "followup.kerngroep_roles_changed",
        "followup.kerngroep_task_added",
    } <= set(entries.values_list("action", flat=True))


def test_adding_without_a_name_shows_the_error_and_changes_nothing(group, organiser):
    series, _members, _links = group
    client = Client()
    client.force_login(organiser.person.user)
    before = KerngroepMember.objects.count()
    response = client.post(
        manage_url(series), {"action": "add-member", "email": "nieuw@example.org"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_first_name_error"' in page and 'value="nieuw@example.org"' in page
    assert KerngroepMember.objects.count() == before


def test_the_series_page_shows_the_summary_to_organisers(group, organiser, facilitator):
    series, _members, _links = group
    client = Client()
    client.force_login(organiser.person.user)
    page = client.get(reverse("series-detail", args=[series.pk])).content.decode()
    assert 'id="kerngroep-summary"' in page
    assert 'data-count="members">3<' in page
    assert 'data-count="open">2<' in page and 'data-count="overdue">1<' in page


def test_page_queries_do_not_grow_with_the_group(group, organiser, neighbourhood):
    series, members, links = group
    client = Client()
    client.force_login(organiser.person.user)

    def count(url, c):
        with CaptureQueriesContext(connection) as queries:
            assert c.get(url).status_code == 200
        return len(queries)

    before = (count(links["anna"], Client()), count(manage_url(series), client))
    for n in range(5):
        person = make_person(neighbourhood.organisation, f"Extra{n}", email=f"x{n}@example.org")
        extra = add(series, person, ["werving"])
        KerngroepTask.objects.create(series=series, text=f"Taak {n}", owner=extra)
    after = (count(links["anna"], Client()), count(manage_url(series), client))
    assert after == before
