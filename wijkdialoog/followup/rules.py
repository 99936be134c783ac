"""Permissions of the followup app. Subjects are a Meeting, a Series or a StepAnswer. The
person's own answers go through their personal link, which needs no permission."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

# The counts per meeting or series, and the list of people who asked for help.
rules.add_perm("followup.view_counts", is_organiser_of_subject)
rules.add_perm("followup.handle_help", is_organiser_of_subject)

# Collective initiatives (subject: a Series, an Initiative or a TeamMember). Team members act
# through their personal link, which needs no permission.
rules.add_perm("followup.manage_initiatives", is_organiser_of_subject)
