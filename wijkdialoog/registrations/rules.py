"""Permissions of the registrations app."""

import rules

from wijkdialoog.community.access import has_role
from wijkdialoog.community.rules import is_organiser_of_subject


@rules.predicate
def is_facilitator_of_subject(user, subject):
    return subject is not None and has_role(user, "facilitator", subject)


# Volunteers (facilitators) register people by phone or from paper and help at the door.
rules.add_perm(
    "registrations.register_on_behalf", is_organiser_of_subject | is_facilitator_of_subject
)
rules.add_perm("registrations.check_in", is_organiser_of_subject | is_facilitator_of_subject)
rules.add_perm("registrations.manage_registrations", is_organiser_of_subject)
rules.add_perm("registrations.divide_tables", is_organiser_of_subject)
rules.add_perm("registrations.manage_channels", is_organiser_of_subject)
# Names, contact details and needs (health data) leave the application only with an organiser.
rules.add_perm("registrations.export_registrations", is_organiser_of_subject)
