"""The facilitator finds their tables on My page; facilitator mode and its lists take a fixed
number of queries however many people and cards a table has."""

import datetime
import uuid

import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting, seat
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest import capture, running
from wijkdialoog.harvest.models import Card


def test_my_page_lists_the_facilitators_tables_of_today_and_later(
    client, facilitator, table, neighbourhood, method, other_facilitator
):
    later = make_meeting(neighbourhood, default_method=method, days=14, hours=-0.5).tables.get()
    later.harvester = facilitator.person
    later.save()
    past = make_meeting(neighbourhood, default_method=method, days=-3, hours=-0.5).tables.get()
    past.facilitator = facilitator.person
    past.save()
    cancelled = make_meeting(neighbourhood, default_method=method, days=5, hours=-0.5)
    Meeting.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    cancelled_table = cancelled.tables.get()
    cancelled_table.facilitator = facilitator.person
    cancelled_table.save()
    someone_elses = table.meeting.tables.get(number=2)
    someone_elses.facilitator = other_facilitator.person
    someone_elses.save()
    client.force_login(facilitator.person.user)

    html = client.get(reverse("my-page")).content.decode()

    assert 'id="my-tables"' in html
    assert f'id="my-table-{table.pk}"' in html
    assert f'id="my-table-{later.pk}"' in html
    assert html.index(f'id="my-table-{table.pk}"') < html.index(f'id="my-table-{later.pk}"')
    assert reverse("table-run", args=[table.pk]) in html
    for hidden in (past, cancelled_table, someone_elses):
        assert f'id="my-table-{hidden.pk}"' not in html


def test_my_page_without_tables_has_no_tables_section(client, partner):
    client.force_login(partner.person.user)
    html = client.get(reverse("my-page")).content.decode()
    assert 'id="my-tables"' not in html


def test_a_table_whose_facilitator_lost_the_role_is_not_listed(client, facilitator, table):
    facilitator.is_active = False
    facilitator.save()
    client.force_login(facilitator.person.user)
    html = client.get(reverse("my-page")).content.decode()
    assert f'id="my-table-{table.pk}"' not in html


def fill(run, people: int, cards: int):
    for n in range(people):
        registration = seat(run.table, f"Persoon{n}")
        running.mark_turn(run=run, registration=registration, actor=None)
    for n in range(cards):
        capture.add_card(
            table=run.table,
            client_id=uuid.uuid4(),
            kind="experience",
            text=f"Verhaal {n}",
            phase=None,
            source=Card.Source.PARTICIPANT if n % 2 else Card.Source.FACILITATOR,
            owner=None,
        )


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_facilitator_mode_takes_the_same_queries_for_a_full_table(
    client, facilitator, run, django_assert_max_num_queries
):
    client.force_login(facilitator.person.user)
    url = reverse("table-run", args=[run.table.pk])
    small = count_queries(client, url, django_assert_max_num_queries, 20)

    fill(run, people=6, cards=30)
    full = count_queries(client, url, django_assert_max_num_queries, 20)

    assert full == small


def test_the_card_list_takes_the_same_queries_for_many_cards(
    client, facilitator, run, django_assert_max_num_queries
):
    client.force_login(facilitator.person.user)
    url = reverse("table-run-cards", args=[run.table.pk])
    small = count_queries(client, url, django_assert_max_num_queries, 15)

    fill(run, people=3, cards=40)
    full = count_queries(client, url, django_assert_max_num_queries, 15)

    assert full == small


# At noon UTC the Dutch and UTC dates agree, so exactly one of these meetings (tomorrow's) has
# its check-in open; the link for a meeting with check-in open costs one query of its own.
@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_my_page_takes_the_same_queries_for_many_tables(
    client, facilitator, neighbourhood, method, django_assert_max_num_queries
):
    client.force_login(facilitator.person.user)
    url = reverse("my-page")

    def add_table(days):
        table = make_meeting(
            neighbourhood, default_method=method, days=days, hours=-0.5
        ).tables.get()
        table.facilitator = facilitator.person
        table.save()

    add_table(1)
    small = count_queries(client, url, django_assert_max_num_queries, 15)
    for days in range(2, 8):
        add_table(days)
    full = count_queries(client, url, django_assert_max_num_queries, 15)

    assert full == small


def test_the_participant_page_takes_few_queries(client, run, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert (
            client.get(reverse("participant-card", args=[run.participant_token])).status_code == 200
        )
