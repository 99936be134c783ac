"""Background work of the agenda: the analysis after new votes (see analysing.py) and one task
per announcement mail (see announcing.py)."""

from django.tasks import task

from .analysing import run_analysis_task
from .announcing import deliver_announcement


@task
def analyse_agenda_task(agenda_id: int) -> None:
    """Bring the agenda's analysis up to date, unless it already is."""
    run_analysis_task(agenda_id)


@task
def send_announcement(agenda_id: int, person_id: int) -> bool:
    return deliver_announcement(agenda_id, person_id)
