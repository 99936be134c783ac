import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("core.view_history", is_organiser_of_subject)
