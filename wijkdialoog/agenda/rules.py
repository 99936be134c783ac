"""Permissions of the agenda app. Subjects are an Agenda (or its Series for creating one)."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("agenda.manage_agenda", is_organiser_of_subject)
