"""Permissions of the outreach app."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("outreach.manage_channels", is_organiser_of_subject)
