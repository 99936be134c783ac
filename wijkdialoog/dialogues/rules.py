"""Permissions of the dialogues app."""

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

rules.add_perm("dialogues.manage_series", is_organiser_of_subject)
rules.add_perm("dialogues.manage_venues", is_organiser_of_subject)


@rules.predicate
def is_published(user, meeting):
    return meeting is not None and meeting.is_published


rules.add_perm("dialogues.view_meeting", is_published | is_organiser_of_subject)
