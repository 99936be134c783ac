"""Background work of the follow-up: the one mail per person, the sweep that finds what is due
(run by `wijkdialoog send_follow_ups` from cron), and the mail to the organisers when someone
would like help."""

import logging

from django.tasks import task

from . import asking, mails
from .models import StepAnswer

logger = logging.getLogger(__name__)


@task
def send_follow_up(follow_up_id: int) -> bool:
    """The question to one person; sent at most once, whoever asks for it."""
    return asking.ask(follow_up_id)


@task
def send_due_follow_ups() -> int:
    """The sweep: prepare and send every follow-up that is due. Safe to run often; returns how
    many mails were sent."""
    sent = 0
    for meeting in asking.due_meetings():
        for follow_up_id in asking.prepare_follow_ups(meeting):
            try:
                if send_follow_up.call(follow_up_id):
                    sent += 1
            except Exception:
                logger.exception("Follow-up %s could not be sent", follow_up_id)
    return sent


@task
def send_help_request(answer_id: int) -> int:
    """Tell the organisers that someone would like help, if they still do."""
    answer = (
        StepAnswer.objects.select_related(
            "card", "follow_up__person", "follow_up__meeting__organisation"
        )
        .filter(pk=answer_id, status=StepAnswer.Status.WANTS_HELP, help_handled_at__isnull=True)
        .first()
    )
    if answer is None:
        return 0
    recipients = asking.help_recipients(answer.follow_up)
    for address, language in recipients:
        mails.send_help_request(answer, to=address, language=language)
    return len(recipients)


@task
def send_kerngroep_digests() -> int:
    """The weekly digest of every kerngroep member with something due (once per week each)."""
    from .kerngroep_digest import send_due_digests

    return send_due_digests()
