"""Permissions of the agenda app. Subjects are an Agenda (or its Series for creating one)."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("agenda.manage_agenda", is_organiser_of_subject)


@rules.predicate
def is_closed_agenda(user: object, subject: object) -> bool:
    """An agenda whose vote has closed: its results are public from then on."""
    from .models import Agenda

    return isinstance(subject, Agenda) and subject.is_closed()


rules.add_perm("agenda.view_results", is_organiser_of_subject | is_closed_agenda)
