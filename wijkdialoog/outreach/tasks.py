"""Background work of the invitation channels: one task per invitation email."""

from django.tasks import task

from .invitations import deliver_invitation


@task
def send_invitation_email(invitation_id: int) -> bool:
    return deliver_invitation(invitation_id)
