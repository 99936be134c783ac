"""Permissions of the harvest app: who runs a table, who sees which cards."""

import rules

from wijkdialoog.community.access import has_role
from wijkdialoog.community.models import Membership
from wijkdialoog.community.rules import is_organiser_of_subject


@rules.predicate
def is_facilitator_or_harvester_of_table(user, table):
    if table is None or not user.is_authenticated:
        return False
    person_ids = {table.facilitator_id, table.harvester_id} - {None}
    return (
        bool(person_ids)
        and has_role(user, Membership.Role.FACILITATOR, table)
        and user.persons.filter(pk__in=person_ids).exists()
    )


@rules.predicate
def is_facilitator_of_table(user, table):
    if table is None or table.facilitator_id is None or not user.is_authenticated:
        return False
    return (
        has_role(user, Membership.Role.FACILITATOR, table)
        and user.persons.filter(pk=table.facilitator_id).exists()
    )


@rules.predicate
def is_published_meeting(user, meeting):
    return meeting is not None and meeting.is_published


# A facilitator opens only their own table; organisers may open any table of their organisation.
rules.add_perm("harvest.run_table", is_facilitator_or_harvester_of_table | is_organiser_of_subject)
# Access needs are health data: the facilitator of the table (not the harvester) and organisers.
rules.add_perm("harvest.see_needs_at_table", is_facilitator_of_table | is_organiser_of_subject)
rules.add_perm("harvest.enter_paper_cards", is_organiser_of_subject)
rules.add_perm("harvest.view_internal_cards", is_organiser_of_subject)
rules.add_perm("harvest.view_wall", is_published_meeting | is_organiser_of_subject)


@rules.predicate
def is_facilitator_or_partner_of_subject(user, subject):
    return subject is not None and (
        has_role(user, Membership.Role.FACILITATOR, subject)
        or has_role(user, Membership.Role.PARTNER, subject)
    )


# Organisers export every card; facilitators and partners what the wall of a published meeting
# shows (harvest.view_internal_cards decides which of the two).
rules.add_perm(
    "harvest.export_cards",
    is_organiser_of_subject | (is_published_meeting & is_facilitator_or_partner_of_subject),
)

# Evaluations are anonymous, but a takeaway is free text: only organisers download them.
rules.add_perm("harvest.export_evaluations", is_organiser_of_subject)
