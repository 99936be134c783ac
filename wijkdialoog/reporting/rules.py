"""Permissions of the reporting app. Reports read from every other app and write nothing back;
what an organiser edits here are the words a report needs and the population figures."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

# Population figures of a neighbourhood (subject: a Neighbourhood): import, type in, delete.
rules.add_perm("reporting.manage_population", is_organiser_of_subject)
# Who came against who lives there (subject: a Series): aggregates for the organiser.
rules.add_perm("reporting.view_participation", is_organiser_of_subject)
