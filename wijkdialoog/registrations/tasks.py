"""Mail about registrations, sent in the background in the registrant's language."""

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from wijkdialoog.core.mail import send_mail
from wijkdialoog.dialogues.calendar import meeting_cancel_ics, meeting_ics

from .models import Registration
from .registering import active_companions, reminder_due_at
from .waiting_list import waiting_position

logger = logging.getLogger(__name__)
Status = Registration.Status
# The longest reminder an organiser can set (see Meeting.reminder_hours_before).
MAX_REMINDER_HOURS = 24 * 14


def manage_url(registration: Registration) -> str:
    return settings.SITE_URL + reverse("registration-manage", args=[registration.manage_token])


def _registration(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related(
            "person", "meeting__organisation", "meeting__series__neighbourhood", "meeting__venue"
        )
        .filter(pk=registration_id)
        .first()
    )


def _send(
    registration: Registration, template: str, *, with_calendar: bool = False, ics=meeting_ics
) -> None:
    """`with_calendar` attaches the meeting's calendar file; `ics=meeting_cancel_ics` makes it
    the file that takes the meeting out of the calendar again."""
    person, meeting = registration.person, registration.meeting
    attachments = []
    if with_calendar:
        with translation.override(person.language):
            attachments.append((f"wijkdialoog-{meeting.pk}.ics", ics(meeting), "text/calendar"))
    send_mail(
        to=person.email,
        template=f"registrations/mail/{template}",
        language=person.language,
        attachments=attachments,
        context={
            "person": person,
            "registration": registration,
            "meeting": meeting,
            "venue": meeting.venue,
            "organisation": meeting.organisation,
            "companions": active_companions(registration),
            "manage_url": manage_url(registration),
            "public_url": settings.SITE_URL + reverse("meeting-public", args=[meeting.pk]),
            "waiting_position": waiting_position(registration),
            "neighbourhood_url": settings.SITE_URL
            + reverse(
                "neighbourhood-public",
                args=[
                    meeting.organisation.slug,
                    meeting.series.neighbourhood.slug,
                ],
            ),
        },
    )


def _claim_reminder(registration: Registration) -> bool:
    """Mark the reminder as sent, once: whoever claims it first sends it."""
    claimed = Registration.objects.filter(
        pk=registration.pk, status=Status.CONFIRMED, reminder_sent_at__isnull=True
    ).update(reminder_sent_at=timezone.now())
    return claimed == 1


def _unclaim_reminder(registration: Registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)


def _within_reminder_window(registration: Registration) -> bool:
    now = timezone.now()
    return reminder_due_at(registration.meeting) <= now < registration.meeting.starts_at


@task
def send_confirmation(registration_id: int) -> None:
    """ "You are registered" with the calendar file, or "you are on the waiting list"."""
    registration = _registration(registration_id)
    if registration is None or not registration.person.email:
        return
    if registration.status == Status.CONFIRMED:
        # Close to the meeting the confirmation is also the reminder: no second mail.
        if _within_reminder_window(registration):
            _claim_reminder(registration)
        _send(registration, "confirmed", with_calendar=True)
    elif registration.status == Status.WAITING:
        _send(registration, "waiting")


@task
def send_promotion(registration_id: int) -> None:
    """ "A place has come free: you can come"."""
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CONFIRMED:
        return
    if not registration.person.email:
        return
    if _within_reminder_window(registration):
        _claim_reminder(registration)
    _send(registration, "promoted", with_calendar=True)


@task
def send_cancellation(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CANCELLED:
        return
    if registration.person.email:
        _send(registration, "cancelled", with_calendar=True, ics=meeting_cancel_ics)


@task
def send_meeting_cancelled(registration_id: int) -> None:
    """The meeting itself does not go ahead."""
    registration = _registration(registration_id)
    if registration is None or registration.status == Status.CANCELLED:
        return
    if registration.person.email:
        _send(registration, "meeting_cancelled", with_calendar=True, ics=meeting_cancel_ics)


@task
def send_reminder(registration_id: int) -> bool:
    """The reminder before the meeting; sent at most once, whoever asks for it. Returns whether
    this call sent it."""
    registration = _registration(registration_id)
    if registration is None or not registration.person.email:
        return False
    meeting = registration.meeting
    now = timezone.now()
    if meeting.cancelled_at is not None or now >= meeting.starts_at:
        return False
    due = reminder_due_at(meeting)
    if now < due:
        # The meeting has moved to a later moment: wait for the new one.
        if send_reminder.get_backend().supports_defer:
            send_reminder.using(run_after=due).enqueue(registration_id)
        return False
    if not _claim_reminder(registration):
        return False
    try:
        _send(registration, "reminder")
    except Exception:
        _unclaim_reminder(registration)
        raise
    return True


def due_reminders(now: datetime.datetime | None = None) -> list[int]:
    """Confirmed registrations whose reminder moment has passed and whose reminder is not sent."""
    now = now or timezone.now()
    candidates = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            meeting__cancelled_at__isnull=True,
            meeting__starts_at__gt=now,
            meeting__starts_at__lte=now + datetime.timedelta(hours=MAX_REMINDER_HOURS),
        )
        .exclude(Q(person__email="") | Q(person__email__isnull=True))
        .select_related("meeting")
        .order_by("meeting__starts_at", "pk")
    )
    return [r.pk for r in candidates if reminder_due_at(r.meeting) <= now]


@task
def send_due_reminders() -> int:
    """The sweep: send every reminder that is due and not sent yet. Safe to run often (cron, or
    the `send_reminders` command); returns how many were sent."""
    sent = 0
    for registration_id in due_reminders():
        try:
            if send_reminder.call(registration_id):
                sent += 1
        except Exception:
            logger.exception("Reminder for registration %s could not be sent", registration_id)
    return sent


@task
def send_already_registered(registration_id: int) -> None:
    """Someone used the form with this person's address while they were registered already: the
    owner gets their link again, the browser learns nothing."""
    registration = _registration(registration_id)
    if registration is None or registration.status == Status.CANCELLED:
        return
    if registration.person.email:
        _send(registration, "already_registered")


def _send_about_address(registration_id: int, *, to: str, template: str, **context) -> None:
    registration = _registration(registration_id)
    if registration is None:
        return
    person, meeting = registration.person, registration.meeting
    send_mail(
        to=to,
        template=f"registrations/mail/{template}",
        language=person.language,
        context={
            "person": person,
            "meeting": meeting,
            "organisation": meeting.organisation,
            **context,
        },
    )


@task
def send_email_confirmation(registration_id: int, email: str, token: str) -> None:
    """The link that makes a new email address count, sent to that new address."""
    confirm_url = settings.SITE_URL + reverse("email-confirm", args=[token])
    _send_about_address(
        registration_id, to=email, template="confirm_email", confirm_url=confirm_url
    )


@task
def send_email_changed(registration_id: int, old_email: str) -> None:
    """A note to the old address that the registration now uses another one."""
    _send_about_address(registration_id, to=old_email, template="email_changed")
