"""Facilitator mode with one hand: run mode without the site menu, the phase comes back at its
place, kinds and people as chips, a timer that pauses and gets five more minutes (kept on the
server), who has checked in and what they need (only for the table's facilitator and
organisers), and the tables run before on My page."""

import datetime
import re
import uuid

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting, seat
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest import capture, running
from wijkdialoog.harvest.models import Card, TableRun


@pytest.fixture
def fenna(client, facilitator):
    client.force_login(facilitator.person.user)
    return client


def page(client, table) -> str:
    response = client.get(reverse("table-run", args=[table.pk]))
    assert response.status_code == 200
    return response.content.decode()


def tap_timer(client, table, action, **data):
    return client.post(reverse("table-run-timer", args=[table.pk]), {"action": action, **data})


def test_run_mode_has_no_site_menu_but_a_small_way_out(fenna, run):
    html = page(fenna, run.table)

    assert 'class="wd-header"' not in html
    assert 'class="wd-nav' not in html
    assert re.search(r'<a class="[^"]*" href="/mijn/" id="exit-run">', html)
    # The phase buttons and the card link sit together in the bar.
    bar = html[html.index('id="run-bar"') : html.index("</nav>", html.index('id="run-bar"'))]
    for control in ('id="next-phase"', 'id="add-card-link"', 'href="#capture"'):
        assert control in bar


def test_other_pages_keep_the_site_menu(fenna, run):
    html = fenna.get(reverse("table-run-cards", args=[run.table.pk])).content.decode()
    assert 'class="wd-header"' in html


def test_changing_phase_without_javascript_comes_back_at_the_phase(fenna, run):
    response = fenna.post(
        reverse("table-run-phase", args=[run.table.pk]),
        {"direction": "next", "from_position": "1"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("table-run", args=[run.table.pk]) + "#phase"
    html = page(fenna, run.table)
    assert re.search(r'<section class="wd-run__phase" id="phase"[^>]*tabindex="-1"', html)
    assert 'id="phase-heading">Kennismaken<' in html


def test_the_phase_buttons_replace_the_phase_in_place_with_htmx(fenna, run):
    html = page(fenna, run.table)
    form = re.search(r'<form method="post" action="/tafel/\d+/ronde/"[^>]*>', html).group(0)

    assert 'hx-target="#phase"' in form
    assert 'hx-select="#phase"' in form
    # The new phase's kinds and its id go into the card form without touching what was typed.
    assert 'hx-select-oob="#run-bar,#people,#id_kind_field,#id_phase_id"' in form
    assert "show:none" in form


def test_the_kinds_are_chips_to_tap_not_a_dropdown(fenna, run):
    html = page(fenna, run.table)

    assert '<select name="kind"' not in html
    chips = re.findall(r'<span class="wd-chip"><input type="radio" name="kind" value="(\w+)"', html)
    assert len(chips) == 10
    # Each chip has a label to tap, tied to its radio button.
    assert re.search(r'<label class="wd-chip__label" for="id_kind_0">', html)


def test_the_person_picker_lists_the_people_at_the_table_and_no_name(fenna, run, people):
    elsewhere = seat(run.table.meeting.tables.get(number=2), "Zeynep")
    html = page(fenna, run.table)
    start = html.index('id="id_person_field"')
    picker = html[start : html.index("</fieldset>", start)]

    labels = re.findall(
        r'<label class="wd-chip__label" for="id_person_\d+">([^<]+)</label>', picker
    )
    assert labels == ["Geen naam", "Anna", "Bram", "Cem"]
    assert re.search(r'value=""[^>]*checked', picker)
    assert elsewhere.person.first_name not in picker
    assert 'name="first_name"' not in html


def test_someone_from_another_table_cannot_be_named_on_a_card(fenna, run):
    elsewhere = seat(run.table.meeting.tables.get(number=2), "Zeynep")
    response = fenna.post(
        reverse("table-run-card", args=[run.table.pk]),
        {
            "client_id": str(uuid.uuid4()),
            "kind": "idea",
            "text": "Een bankje",
            "publication": "public",
            "person": str(elsewhere.pk),
        },
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 400
    assert "person" in response.json()["errors"]
    assert not Card.objects.exists()


def test_pausing_stops_the_timer_and_the_pause_survives_a_reload(fenna, run):
    start = timezone.now()
    TableRun.objects.filter(pk=run.pk).update(phase_started_at=start)
    with time_machine.travel(start + datetime.timedelta(minutes=3), tick=False):
        response = tap_timer(fenna, run.table, "pause")
        assert response["Location"].endswith("#phase")
    with time_machine.travel(start + datetime.timedelta(minutes=30), tick=False):
        html = page(fenna, run.table)
        # Ten minutes for the opening, three gone before the pause: still seven.
        assert 'data-minutes-left="7"' in html
        assert 'data-paused="yes"' in html
        assert 'value="resume"' in html
        tap_timer(fenna, run.table, "resume")
    with time_machine.travel(start + datetime.timedelta(minutes=32), tick=False):
        html = page(fenna, run.table)
    assert 'data-minutes-left="5"' in html
    assert 'data-paused="no"' in html
    actions = list(AuditEntry.objects.filter(action__startswith="table_run.timer_").order_by("pk"))
    assert [entry.action for entry in actions] == [
        "table_run.timer_paused",
        "table_run.timer_resumed",
    ]


def test_five_more_minutes_are_added_once_per_tap(fenna, run):
    tap_timer(fenna, run.table, "extend", from_extra="0")
    # The same tap arriving twice (a slow network) adds nothing more.
    tap_timer(fenna, run.table, "extend", from_extra="0")
    run.refresh_from_db()
    assert run.extra_minutes == 5

    tap_timer(fenna, run.table, "extend", from_extra="5")
    run.refresh_from_db()
    assert run.extra_minutes == 10
    assert 'data-minutes-left="20"' in page(fenna, run.table)


def test_a_new_phase_starts_with_its_own_minutes_and_a_running_timer(run, facilitator):
    user = facilitator.person.user
    running.pause_timer(run=run, actor=user)
    running.extend_timer(run=run, actor=user)

    run = running.go_to_phase(run=run, direction=running.NEXT, actor=user)

    assert run.timer_paused_at is None
    assert run.extra_minutes == 0


def test_the_timer_cannot_be_pushed_on_for_ever(run, facilitator):
    from django.core.exceptions import ValidationError

    TableRun.objects.filter(pk=run.pk).update(extra_minutes=running.MAX_EXTRA_MINUTES)
    run.refresh_from_db()
    with pytest.raises(ValidationError):
        running.extend_timer(run=run, actor=facilitator.person.user)
    assert 'id="timer-extend"' not in page_for(facilitator, run)


def page_for(membership, run):
    from django.test import Client

    client = Client()
    client.force_login(membership.person.user)
    return page(client, run.table)


def test_the_timer_of_a_closed_conversation_does_not_change(fenna, run, facilitator):
    running.close_run(run=run, closing_note="", actor=facilitator.person.user)
    tap_timer(fenna, run.table, "pause")
    run.refresh_from_db()
    assert run.timer_paused_at is None


def test_a_timer_tap_before_the_start_or_with_a_strange_action_is_refused(fenna, table, people):
    assert tap_timer(fenna, table, "pause").status_code == 404
    running.start_run(table=table, actor=None)
    assert tap_timer(fenna, table, "explode").status_code == 400


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in ("facilitator", "organiser")])
def test_only_who_runs_the_table_can_touch_its_timer(client_for, persona, run):
    response = client_for(persona).post(
        reverse("table-run-timer", args=[run.table.pk]), {"action": "pause"}
    )
    assert response.status_code == (302 if persona == "anonymous" else 403)
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    run.refresh_from_db()
    assert run.timer_paused_at is None


@pytest.fixture
def arrived(run, people):
    anna, bram, _cem = people
    for registration, needs in ((anna, "Rolstoel, graag aan de kant"), (bram, "")):
        registration.checked_in_at = timezone.now()
        registration.access_needs = needs
        registration.save()
    people[2].access_needs = "Slechthorend"
    people[2].save()
    return people


@pytest.mark.parametrize("persona", ["facilitator", "organiser"])
def test_the_facilitator_and_organisers_see_who_checked_in_and_what_they_need(
    client_for, persona, run, arrived
):
    html = page(client_for(persona), run.table)

    assert "Ingecheckt: 2 van 3" in html
    not_here = html[
        html.index('id="not-checked-in"') : html.index("</p>", html.index('id="not-checked-in"'))
    ]
    assert "Cem" in not_here
    assert "Anna" not in not_here
    assert "Rolstoel, graag aan de kant" in html
    assert "Slechthorend" in html


def test_the_harvester_of_the_table_does_not_see_access_needs(
    client, run, arrived, other_facilitator
):
    table = run.table
    table.harvester = other_facilitator.person
    table.save()
    client.force_login(other_facilitator.person.user)

    html = page(client, table)

    assert 'id="turn-' in html
    assert 'id="table-people"' not in html
    assert "Rolstoel" not in html
    assert "Slechthorend" not in html


def test_access_needs_are_not_in_the_page_of_another_facilitators_table(client_for, run, arrived):
    response = client_for("facilitator").get(
        reverse("table-run", args=[run.table.meeting.tables.get(number=2).pk])
    )
    assert response.status_code == 403
    assert b"Rolstoel" not in response.content


def test_my_page_keeps_the_tables_run_before_with_their_cards(
    client, facilitator, neighbourhood, method, table
):
    past = make_meeting(neighbourhood, default_method=method, days=-20, hours=-0.5).tables.get()
    past.facilitator = facilitator.person
    past.save()
    past_run = running.start_run(table=past, actor=None)
    for text in ("Samen koken", "Een bankje"):
        capture.add_card(table=past, client_id=uuid.uuid4(), kind="idea", text=text, phase=None)
    never_run = make_meeting(
        neighbourhood, default_method=method, days=-40, hours=-0.5
    ).tables.get()
    never_run.harvester = facilitator.person
    never_run.save()
    client.force_login(facilitator.person.user)

    html = client.get(reverse("my-page")).content.decode()

    assert 'id="my-past-tables"' in html
    item = html[html.index(f'id="my-past-table-{past.pk}"') :]
    assert reverse("table-run-cards", args=[past.pk]) in item[: item.index("</li>")]
    assert "2 kaarten" in item[: item.index("</li>")]
    assert f'id="my-past-table-{never_run.pk}"' in html
    assert reverse("table-run-cards", args=[never_run.pk]) not in html
    # Newest first; today's table is not among the past ones.
    assert html.index(f"my-past-table-{past.pk}") < html.index(f"my-past-table-{never_run.pk}")
    assert f'id="my-past-table-{table.pk}"' not in html
    # The cards page of the past table opens.
    assert client.get(reverse("table-run-cards", args=[past_run.table.pk])).status_code == 200


def test_my_page_takes_the_same_queries_for_many_past_tables(
    client, facilitator, neighbourhood, method, django_assert_max_num_queries
):
    client.force_login(facilitator.person.user)

    def add_past(days):
        table = make_meeting(
            neighbourhood, default_method=method, days=-days, hours=-0.5
        ).tables.get()
        table.facilitator = facilitator.person
        table.save()
        running.start_run(table=table, actor=None)

    add_past(2)
    with django_assert_max_num_queries(15) as small:
        client.get(reverse("my-page"))
    for days in range(3, 9):
        add_past(days)
    with django_assert_max_num_queries(15) as full:
        client.get(reverse("my-page"))

    assert len(full.captured_queries) == len(small.captured_queries)
