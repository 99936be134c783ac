"""Permissions of the reporting app. Reports read from every other app and write nothing back;
what an organiser edits here are the words a report needs and the population figures."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject
from wijkdialoog.synthesis.rules import is_partner_of_subject

# The oogstverslag (subject: a Meeting or a Series). The public version needs no permission
# once it is published.
rules.add_perm("reporting.manage_report", is_organiser_of_subject)
rules.add_perm("reporting.view_internal_report", is_organiser_of_subject | is_partner_of_subject)

# Population figures of a neighbourhood (subject: a Neighbourhood): import, type in, delete.
rules.add_perm("reporting.manage_population", is_organiser_of_subject)
# Who came against who lives there (subject: a Series): aggregates for the organiser.
rules.add_perm("reporting.view_participation", is_organiser_of_subject)

# The evaluation figures of a series or of the whole organisation (what it did for people).
rules.add_perm("reporting.view_evaluation", is_organiser_of_subject)
# Mailing a report to everyone who asked to be kept posted.
rules.add_perm("reporting.send_newsletter", is_organiser_of_subject)
