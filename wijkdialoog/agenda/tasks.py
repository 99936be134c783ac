"""Background work of the agenda app: one task per announcement mail."""

from django.tasks import task

from .announcing import deliver_announcement


@task
def send_announcement(agenda_id: int, person_id: int) -> bool:
    return deliver_announcement(agenda_id, person_id)
