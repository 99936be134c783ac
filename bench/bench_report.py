"""How long the oogstverslag takes to render: a series of 10 meetings, 80 tables and 2,000
harvest cards, as a web page and as an A4 PDF, against the report of one of its meetings.

In a fresh SQLite database in a temporary folder (migrated in a child process): one series with
10 past meetings of 8 tables, 6 people per table, 200 cards per meeting across four rounds
(public, anonymous, internal, pending and private actions mixed), 8 themes with their cards, 20
highlights, a published wijkagenda, initiatives and agreements; the series' report and one
meeting's report published. Then it renders each through the test client (the whole request:
URL, view, assembling, template) and prints the median of REPEAT runs, and the ratios series /
one meeting. The goal in issue 12: the series web page under 1 s, its PDF under 10 s. Asserts
nothing.

Run: python bench/bench_report.py [--repeat 3]
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MEETINGS, TABLES, PEOPLE, CARDS = 10, 8, 6, 200
KINDS = ["experience", "value", "dream", "need", "idea", "initiative", "question", "concern"]


def seed() -> tuple[str, str]:
    """The series and one meeting, each with a published report; their public addresses."""
    from django.urls import reverse
    from django.utils import timezone

    from tests.builders import make_method, make_organisation, make_series, make_venue
    from wijkdialoog.agenda.models import Agenda, AgendaItem
    from wijkdialoog.community.models import Neighbourhood, Person
    from wijkdialoog.dialogues.models import Meeting, Table
    from wijkdialoog.followup.models import Agreement, Initiative
    from wijkdialoog.harvest.models import Card
    from wijkdialoog.registrations.models import Registration
    from wijkdialoog.reporting import reports
    from wijkdialoog.synthesis.models import CardTheme, Highlight, Theme

    organisation = make_organisation()
    place = Neighbourhood.objects.create(
        organisation=organisation, name="Bench", slug="bench", municipality="Bench"
    )
    method = make_method(organisation, phases=["Kennismaken", "Ervaringen", "Dromen", "Doen"])
    series = make_series(place, default_method=method)
    venue = make_venue(organisation)
    phases = list(method.phases.order_by("position"))
    now = timezone.now()
    meetings = [
        Meeting.objects.create(
            organisation=organisation,
            series=series,
            starts_at=now - datetime.timedelta(days=7 * (MEETINGS - n)),
            ends_at=now - datetime.timedelta(days=7 * (MEETINGS - n), hours=-3),
            venue=venue,
            publish_at=now - datetime.timedelta(days=100),
        )
        for n in range(MEETINGS)
    ]
    tables = Table.objects.bulk_create(
        Table(meeting=m, number=n + 1, seats=8) for m in meetings for n in range(TABLES)
    )
    people = Person.objects.bulk_create(
        Person(organisation=organisation, first_name=f"Bewoner{n}")
        for n in range(len(tables) * PEOPLE)
    )
    Registration.objects.bulk_create(
        Registration(
            meeting_id=table.meeting_id,
            person=people[index * PEOPLE + seat],
            table=table,
            consent_at=now,
            consent_version="bench",
            first_time=seat == 0,
            checked_in_at=now,
        )
        for index, table in enumerate(tables)
        for seat in range(PEOPLE)
    )
    publications = ["public", "public", "anonymous", "anonymous", "internal"]
    cards = Card.objects.bulk_create(
        Card(
            meeting=meeting,
            table=tables[m * TABLES + n % TABLES],
            phase=phases[n % 4],
            phase_name=phases[n % 4].name,
            kind=KINDS[n % len(KINDS)],
            text=f"Kaart {n} van bijeenkomst {m}: wat we in de buurt waarderen en willen doen.",
            first_name=f"Naam{n}",
            publication=publications[n % len(publications)],
            status="pending" if n % 17 == 0 else "approved",
        )
        for m, meeting in enumerate(meetings)
        for n in range(CARDS)
    )
    themes = [
        Theme.objects.create(series=series, name=f"Thema {n}", curated=True) for n in range(8)
    ]
    CardTheme.objects.bulk_create(
        CardTheme(card=card, series=series, theme=themes[n % 8]) for n, card in enumerate(cards)
    )
    Highlight.objects.bulk_create(
        Highlight(card=card, series=series, for_public=True) for card in cards[::100]
    )
    agenda = Agenda.objects.create(series=series, title="Wijkagenda", published_at=now)
    AgendaItem.objects.bulk_create(
        AgendaItem(agenda=agenda, position=n, title=f"Prioriteit {n}", why="Omdat het kan.")
        for n in range(10)
    )
    for n in range(5):
        Initiative.objects.create(
            series=series, name=f"Initiatief {n}", what="Samen", is_public=True
        )
        Agreement.objects.create(series=series, title=f"Afspraak {n}", is_public=True)
    reports.publish(subject=series, actor=None)
    reports.publish(subject=meetings[-1], actor=None)
    series_url = reverse("report-series-public", args=[organisation.slug, place.slug, series.slug])
    meeting_url = reverse("report-meeting-public", args=[meetings[-1].pk])
    return series_url, meeting_url


def timed(client, url: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def measure(repeat: int) -> dict[str, float]:
    """Runs inside a child process whose DATABASE_URL is the fresh database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkdialoog.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    series_url, meeting_url = seed()
    client = Client()
    client.get(meeting_url)  # templates compiled, caches warm
    return {
        "series_page_s": timed(client, series_url, repeat),
        "meeting_page_s": timed(client, meeting_url, repeat),
        "series_pdf_s": timed(client, series_url + "verslag.pdf", repeat),
        "meeting_pdf_s": timed(client, meeting_url + "verslag.pdf", repeat),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.repeat)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "WIJKDIALOOG_TESTING": "true",
            "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
            "ALLOWED_HOSTS": "testserver",
        }
        command = [sys.executable, __file__, "--repeat", str(args.repeat), "--child"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"series of {MEETINGS} meetings, {MEETINGS * TABLES} tables, {MEETINGS * CARDS} cards; "
        f"median of {args.repeat} runs (SQLite)"
    )
    print(
        f"web page: series {figures['series_page_s'] * 1000:.0f} ms, one meeting "
        f"{figures['meeting_page_s'] * 1000:.0f} ms, ratio "
        f"{figures['series_page_s'] / figures['meeting_page_s']:.1f} (goal: series under 1 s)"
    )
    print(
        f"A4 PDF:   series {figures['series_pdf_s']:.2f} s, one meeting "
        f"{figures['meeting_pdf_s']:.2f} s, ratio "
        f"{figures['series_pdf_s'] / figures['meeting_pdf_s']:.1f} (goal: series under 10 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
