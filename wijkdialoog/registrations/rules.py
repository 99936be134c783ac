"""Permissions of the registrations app."""

import rules

from wijkdialoog.community.access import has_role
from wijkdialoog.community.rules import is_organiser_of_subject


@rules.predicate
def is_facilitator_of_subject(user, subject):
    return subject is not None and has_role(user, "facilitator", subject)


@rules.predicate
def registered_it(user, registration):
    return registration is not None and registration.registered_by_id == user.pk


# Volunteers (facilitators) register people by phone or from paper and help at the door.
rules.add_perm(
    "registrations.register_on_behalf", is_organiser_of_subject | is_facilitator_of_subject
)
rules.add_perm("registrations.check_in", is_organiser_of_subject | is_facilitator_of_subject)
rules.add_perm("registrations.manage_registrations", is_organiser_of_subject)
rules.add_perm("registrations.divide_tables", is_organiser_of_subject)
rules.add_perm("registrations.manage_channels", is_organiser_of_subject)
# The result of registering someone (their email address and codes): only for whoever
# registered them, while still a volunteer there, and for organisers.
rules.add_perm(
    "registrations.view_registered_on_behalf",
    is_organiser_of_subject | (is_facilitator_of_subject & registered_it),
)
