"""Never lose a card. The capture script keeps every card on the phone until the server has it:
cards written while the wifi is down, while the server answers with errors, or while the server
is restarted all arrive, each exactly once (the device id makes a retry harmless)."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse

from tests.browser.conftest import PHONE, CheckedPage
from tests.browser.test_facilitator import table_for
from wijkdialoog.harvest import running
from wijkdialoog.harvest.models import Card

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 30_000


def queued_ids(page, table) -> list[str]:
    """The device ids of the cards the capture script keeps in the phone's storage."""
    return page.evaluate(
        "key => (JSON.parse(localStorage.getItem(key) || '[]')).map(card => card.id)",
        f"wijkdialoog.capture.table-{table.pk}",
    )


def write(page, text):
    page.fill("#id_text", text)
    page.click("#save-card")


def wait_until_waiting(page, count: int, timeout=WAIT_MS):
    page.locator(f"#capture-status[data-waiting='{count}']").wait_for(
        state="attached", timeout=timeout
    )


def test_cards_written_offline_wait_on_the_phone_and_arrive_once_when_back_online(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("table-run", args=[table.pk]))

    phone.context.set_offline(True)
    texts = ["Samen de straat vegen", "Een boekenkastje bij de bushalte", "Koffie op zaterdag"]
    for text in texts:
        write(phone, text)
    wait_until_waiting(phone, 3)

    waiting = phone.locator("#capture-queue li[data-state=waiting]")
    assert waiting.count() == 3
    assert "3" in phone.locator("#capture-summary").inner_text()
    assert phone.locator("#capture-summary").get_attribute("role") == "status"
    ids = queued_ids(phone, table)
    assert len(set(ids)) == 3
    assert [waiting.nth(i).get_attribute("data-client-id") for i in range(3)] == ids
    assert not Card.objects.exists()

    phone.context.set_offline(False)
    wait_until_waiting(phone, 0)
    phone.locator("#capture-queue li[data-state=saved]").nth(2).wait_for()

    cards = Card.objects.filter(table=table)
    assert cards.count() == 3
    assert sorted(str(c) for c in cards.values_list("client_id", flat=True)) == sorted(ids)
    assert sorted(cards.values_list("text", flat=True)) == sorted(texts)
    assert queued_ids(phone, table) == []
    phone.assert_accessible()


def test_cards_refused_by_a_busy_server_are_sent_when_the_page_opens_again(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("table-run", args=[table.pk]))
    card_url = reverse("table-run-card", args=[table.pk])
    attempts = []

    def busy(route):
        attempts.append(route.request.post_data)
        route.fulfill(status=503, body="Even geduld")

    phone.route(f"**{card_url}", busy)
    write(phone, "Een buurtbarbecue")
    write(phone, "Meer bankjes in het park")
    wait_until_waiting(phone, 2)
    # The first card was tried, and is tried again later (with the same device id).
    phone.wait_for_timeout(1500)
    assert len(attempts) >= 2
    ids = queued_ids(phone, table)
    assert all(ids[0] in attempt for attempt in attempts[:2])
    assert not Card.objects.exists()

    phone.unroute(f"**{card_url}")
    phone.goto(reverse("table-run", args=[table.pk]))
    wait_until_waiting(phone, 0)

    cards = Card.objects.filter(table=table)
    assert sorted(str(c) for c in cards.values_list("client_id", flat=True)) == sorted(ids)
    assert phone.locator("#recent-cards li").count() in (0, 2)


def test_a_card_the_server_refuses_is_shown_as_not_saved_and_can_be_removed(
    phone, facilitator, neighbourhood
):
    table, _people = table_for(facilitator, neighbourhood)
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("table-run", args=[table.pk]))
    card_url = reverse("table-run-card", args=[table.pk])

    def refuse(route):
        client_id = dict(pair.split("=", 1) for pair in route.request.post_data.split("&"))[
            "client_id"
        ]
        route.fulfill(
            status=400,
            content_type="application/json",
            body=json.dumps({"client_id": client_id, "saved": False, "errors": {"text": ["x"]}}),
        )

    phone.route(f"**{card_url}", refuse)
    write(phone, "Wordt geweigerd")
    failed = phone.locator("#capture-queue li[data-state=failed]")
    failed.wait_for()
    assert phone.locator("#capture-status").get_attribute("data-waiting") == "0"
    phone.unroute(f"**{card_url}")

    # The next card is not held up by the refused one.
    write(phone, "Wordt bewaard")
    phone.locator("#capture-queue li[data-state=saved]").wait_for()
    failed.locator("button").click()
    assert failed.count() == 0
    assert list(Card.objects.values_list("text", flat=True)) == ["Wordt bewaard"]


# The server restart: a real server process on its own database.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`wijkdialoog runserver` in its own process (no reloader, so one process to stop), on a
    database made for this test: a SQLite file, or a new PostgreSQL database when the tests run
    on PostgreSQL."""

    def __init__(self, tmp_path: Path, database_url: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / "server.log"
        self.process = None
        self.env = {
            **os.environ,
            "WIJKDIALOOG_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": database_url,
            "SECRET_KEY": "restart-test-" + "k" * 40,
            "DEBUG": "false",
            "WIJKDIALOOG_TESTING": "true",
            "HTTPS": "false",
            "STATIC_MANIFEST": "false",
            "TASKS_BACKEND": "immediate",
            "SITE_URL": self.url,
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    def manage(self, *args, timeout=180) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "wijkdialoog", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def python(self, code: str):
        """Runs `code` in the server's Django and returns what it prints as JSON."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def start(self):
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "wijkdialoog",
                    "runserver",
                    f"127.0.0.1:{self.port}",
                    "--noreload",
                    "--skip-checks",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"The server stopped: {self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/gezond/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise AssertionError("The server did not start within a minute.")

    def kill(self):
        """Stops the server at once, as a crash or a power cut would: no clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def server_database(tmp_path):
    """A database for the server process, of the kind the tests run on."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restart.sqlite3'}"
        return
    import psycopg

    name = f"wd_restart_{uuid.uuid4().hex[:10]}"
    params = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{params['password']}" if params["password"] else ""
    yield f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SETUP = """
import json
from django.test import Client
from tests.builders import make_membership, make_organisation
from tests.builders import make_meeting, make_method, seat
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.harvest import running

organisation = make_organisation(name="Buurtwerk Herstart", slug="herstart")
fenna = make_membership(organisation, "facilitator", first_name="Fenna",
                        email="fenna@example.org", trained=True)
neighbourhood = Neighbourhood.objects.create(organisation=organisation, name="Oost", slug="oost")
table = make_meeting(neighbourhood, default_method=make_method(), days=0, hours=-0.5).tables.get()
table.facilitator = fenna.person
table.save()
for name in ("Anna", "Bram"):
    seat(table, name)
running.start_run(table=table, actor=fenna.person.user)
client = Client()
client.force_login(fenna.person.user)
print(json.dumps({"table": table.pk, "session": client.cookies["sessionid"].value}))
"""

SAVED_CARDS = """
import json
from wijkdialoog.harvest.models import Card
print(json.dumps([[str(c), t] for c, t in Card.objects.values_list("client_id", "text")]))
"""


def test_cards_written_while_the_server_restarts_all_arrive_exactly_once(
    browser, tmp_path, server_database
):
    server = Server(tmp_path, server_database)
    server.manage("migrate", "--noinput")
    data = server.python(SETUP)
    server.start()
    context = browser.new_context(locale="nl-NL", viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        phone = CheckedPage(context.new_page(), SimpleNamespace(url=server.url))
        context.add_cookies([{"name": "sessionid", "value": data["session"], "url": server.url}])
        phone.goto(f"/tafel/{data['table']}/")
        table = SimpleNamespace(pk=data["table"])

        write(phone, "Voor de herstart 1")
        write(phone, "Voor de herstart 2")
        wait_until_waiting(phone, 0)
        phone.locator("#capture-queue li[data-state=saved]").nth(1).wait_for()

        # The server goes down while the next card is on its way.
        write(phone, "Tijdens de herstart")
        server.kill()
        write(phone, "Na de val 1")
        write(phone, "Na de val 2")
        waiting = int(phone.locator("#capture-status").get_attribute("data-waiting"))
        assert waiting >= 2
        assert phone.locator("#capture-queue li[data-state=waiting]").count() == waiting
        in_storage = queued_ids(phone, table)
        assert len(in_storage) == waiting

        server.start()
        wait_until_waiting(phone, 0, timeout=60_000)
        phone.locator("#capture-queue li[data-state=saved]").nth(4).wait_for()

        saved = server.python(SAVED_CARDS)
        client_ids = [client_id for client_id, _text in saved]
        assert len(client_ids) == len(set(client_ids)) == 5
        assert sorted(text for _client_id, text in saved) == sorted(
            [
                "Voor de herstart 1",
                "Voor de herstart 2",
                "Tijdens de herstart",
                "Na de val 1",
                "Na de val 2",
            ]
        )
        shown = phone.locator("#capture-queue li[data-state=saved]")
        assert sorted(shown.nth(i).get_attribute("data-client-id") for i in range(5)) == sorted(
            client_ids
        )
        assert queued_ids(phone, table) == []
        phone.assert_accessible()
        phone.assert_no_script_errors()
    finally:
        context.close()
        server.kill()
