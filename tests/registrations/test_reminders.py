"""Reminders: sent once, shortly before the meeting, by a deferred task or by the sweep."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tests.builders import make_meeting, sign_up
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.tasks import send_due_reminders, send_reminder

Status = Registration.Status
REMINDER_TASK = "wijkdialoog.registrations.tasks.send_reminder"


@pytest.fixture
def meeting(neighbourhood):
    """In ten days, one table; the reminder goes out 48 hours before."""
    return make_meeting(neighbourhood, days=10, seats=(4,))


def test_the_sweep_sends_nothing_before_the_reminder_moment(meeting):
    sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=49)):
        assert send_due_reminders.call() == 0

    assert mail.outbox == []


def test_the_sweep_sends_a_reminder_exactly_once(meeting):
    anna = sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=47)):
        assert send_due_reminders.call() == 1
        assert send_due_reminders.call() == 0
        assert send_reminder.call(anna.pk) is False
    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=2)):
        assert send_due_reminders.call() == 0

    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    anna.refresh_from_db()
    assert anna.reminder_sent_at is not None


def test_the_reminder_moment_follows_the_meetings_setting(meeting):
    meeting.reminder_hours_before = 6
    meeting.save()
    sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=7)):
        assert send_due_reminders.call() == 0
    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=5)):
        assert send_due_reminders.call() == 1


def test_only_confirmed_people_with_an_email_address_get_a_reminder(meeting):
    sign_up(meeting, "Anna", companions=["Bert"])
    registering.register(meeting=meeting, first_name="Henk", phone="0612345678")
    cancelled = sign_up(meeting, "Cor")
    registering.cancel(registration=cancelled)
    sign_up(meeting, "Dirk")
    sign_up(meeting, "Eva")  # waiting
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=1)):
        assert send_due_reminders.call() == 2

    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "dirk@example.org"]


def test_no_reminders_for_a_cancelled_meeting_or_one_that_has_started(meeting):
    sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=1)):
        assert send_due_reminders.call() == 0
    meeting.cancelled_at = timezone.now()
    meeting.save()
    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=1)):
        assert send_due_reminders.call() == 0
    assert mail.outbox == []


def test_a_confirmation_close_to_the_meeting_counts_as_the_reminder(neighbourhood):
    meeting = make_meeting(neighbourhood, days=1, seats=(4,))

    anna = sign_up(meeting, "Anna")
    assert send_due_reminders.call() == 0

    anna.refresh_from_db()
    assert anna.reminder_sent_at is not None
    assert len(mail.outbox) == 1


def test_the_reminder_mail_has_the_code_and_the_manage_link(meeting):
    anna = sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=24)):
        send_due_reminders.call()

    (message,) = mail.outbox
    assert anna.check_in_code in message.body
    assert f"http://testserver/aanmelding/{anna.manage_token}/" in message.body
    assert message.attachments == []


def test_the_send_reminders_command_runs_the_sweep(meeting):
    sign_up(meeting, "Anna")
    mail.outbox.clear()

    with time_machine.travel(meeting.starts_at - datetime.timedelta(hours=3)):
        out = io.StringIO()
        call_command("send_reminders", stdout=out)

    assert out.getvalue().strip().endswith("1")
    assert len(mail.outbox) == 1


def test_the_immediate_backend_cannot_wait_so_nothing_is_deferred(meeting):
    anna = sign_up(meeting, "Anna")

    assert registering.schedule_reminder(anna) is None
    assert not DBTaskResult.objects.exists()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `wijkdialoog db_worker` does, one due task after another, without its loop (which
    closes database connections between tasks, and so the test's transaction)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (task_result := DBTaskResult.objects.ready().get_locked()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)


def test_with_the_database_queue_the_reminder_waits_for_its_moment(meeting, database_tasks):
    anna = sign_up(meeting, "Anna")

    reminder = DBTaskResult.objects.get(task_path=REMINDER_TASK)
    assert reminder.run_after == meeting.starts_at - datetime.timedelta(hours=48)
    assert reminder.args_kwargs == {"args": [anna.pk], "kwargs": {}}
    assert mail.outbox == []

    run_worker()  # sends the confirmation; the reminder is not due yet
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    reminder.refresh_from_db()
    assert reminder.status == "READY"

    with time_machine.travel(reminder.run_after + datetime.timedelta(minutes=1)):
        run_worker()
        assert send_due_reminders.call() == 0

    reminder.refresh_from_db()
    assert reminder.status == "SUCCESSFUL"
    assert reminder.return_value is True
    assert len(mail.outbox) == 2
    anna.refresh_from_db()
    assert anna.reminder_sent_at is not None


def test_a_deferred_reminder_waits_again_when_the_meeting_moved_later(meeting, database_tasks):
    anna = sign_up(meeting, "Anna")
    first_due = meeting.starts_at - datetime.timedelta(hours=48)
    meeting.starts_at += datetime.timedelta(days=7)
    meeting.ends_at += datetime.timedelta(days=7)
    meeting.save()

    with time_machine.travel(first_due + datetime.timedelta(minutes=1)):
        assert send_reminder.call(anna.pk) is False

    rescheduled = DBTaskResult.objects.filter(task_path=REMINDER_TASK).order_by("-run_after")[0]
    assert rescheduled.run_after == meeting.starts_at - datetime.timedelta(hours=48)
    anna.refresh_from_db()
    assert anna.reminder_sent_at is None


def test_people_who_move_up_get_their_reminder_scheduled(meeting, database_tasks):
    people = [sign_up(meeting, name) for name in ["Anna", "Bert", "Cor", "Dirk", "Eva"]]
    eva = people[-1]
    assert eva.status == Status.WAITING
    assert not DBTaskResult.objects.filter(task_path=REMINDER_TASK, args_kwargs__args=[eva.pk])

    registering.cancel(registration=people[0])

    assert DBTaskResult.objects.filter(task_path=REMINDER_TASK, args_kwargs__args=[eva.pk]).exists()
