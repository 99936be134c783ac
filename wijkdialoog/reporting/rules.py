"""Permissions of the reporting app. Reports read from every other app and write nothing back;
what an organiser edits here are the words a report needs and the population figures."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

# The evaluation figures of a series or of the whole organisation (what it did for people).
rules.add_perm("reporting.view_evaluation", is_organiser_of_subject)
# Mailing a report to everyone who asked to be kept posted.
rules.add_perm("reporting.send_newsletter", is_organiser_of_subject)
