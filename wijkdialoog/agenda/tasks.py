"""Background work of the agenda: the analysis after new votes (see analysing.py)."""

from django.tasks import task

from .analysing import run_analysis_task


@task
def analyse_agenda_task(agenda_id: int) -> None:
    """Bring the agenda's analysis up to date, unless it already is."""
    run_analysis_task(agenda_id)
