"""Permissions of the registrations app."""

import rules
from django.db.models import Q

from wijkdialoog.community.access import has_role
from wijkdialoog.community.models import Membership
from wijkdialoog.community.rules import is_organiser_of_subject

from .check_in import check_in_window_has_opened, in_check_in_window


@rules.predicate
def is_facilitator_of_subject(user, subject):
    return subject is not None and has_role(user, Membership.Role.FACILITATOR, subject)


@rules.predicate
def within_check_in_window(user, meeting):
    return meeting is not None and in_check_in_window(meeting)


@rules.predicate
def after_check_in_window_opened(user, meeting):
    return meeting is not None and check_in_window_has_opened(meeting)


@rules.predicate
def sits_at_a_table_of_meeting(user, meeting):
    """The user facilitates or harvests one of the meeting's tables (and is a facilitator)."""
    if meeting is None or not user.is_authenticated:
        return False
    if not has_role(user, Membership.Role.FACILITATOR, meeting):
        return False
    return meeting.tables.filter(Q(facilitator__user=user) | Q(harvester__user=user)).exists()


@rules.predicate
def registered_it(user, registration):
    return registration is not None and registration.registered_by_id == user.pk


# Volunteers (facilitators) register people by phone or from paper and help at the door.
rules.add_perm(
    "registrations.register_on_behalf", is_organiser_of_subject | is_facilitator_of_subject
)
# The check-in list shows names and access needs (health data): only organisers, and the
# people at the meeting's own tables from the day before until the day after. The window is
# checked first, so outside it no query is needed.
_at_the_door = within_check_in_window & sits_at_a_table_of_meeting
rules.add_perm("registrations.view_check_in", is_organiser_of_subject | _at_the_door)
# Organisers may still correct attendance after the window (from a paper list, say), but nobody
# checks people in before the day before the meeting.
rules.add_perm(
    "registrations.check_in",
    (is_organiser_of_subject & after_check_in_window_opened) | _at_the_door,
)
rules.add_perm("registrations.manage_registrations", is_organiser_of_subject)
# Names, contact details and needs (health data) leave the application only with an organiser.
rules.add_perm("registrations.export_registrations", is_organiser_of_subject)
# The result of registering someone (their email address and codes): only for whoever
# registered them, while still a volunteer there, and for organisers.
rules.add_perm(
    "registrations.view_registered_on_behalf",
    is_organiser_of_subject | (is_facilitator_of_subject & registered_it),
)
