"""Background work of the reporting app: the newsletter mail, one task per person."""

from django.tasks import task

from . import newsletter


@task
def send_newsletter_mail(recipient_id: int) -> None:
    recipient = newsletter.claim(recipient_id)
    if recipient is not None:
        newsletter.mail_recipient(recipient)
