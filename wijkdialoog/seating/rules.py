"""Permissions of the seating app."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("seating.divide_tables", is_organiser_of_subject)
