"""Parties: people who registered together (a lead and the companions they brought). They wait,
move up, sit and move together. This is the one place that says who belongs to whose party; the
key of a party is its lead's registration id (`Registration.party_key`)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .models import Registration


@dataclass
class Party:
    """People who registered together: the lead first (when among them), then the others."""

    key: int
    lead: Registration
    members: list[Registration] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.members)


def group_into_parties(registrations: Iterable[Registration]) -> list[Party]:
    """The registrations grouped by party, parties in the order their first member comes, each
    with its lead first and the others in the order given."""
    parties: dict[int, Party] = {}
    for registration in registrations:
        key = registration.party_key
        party = parties.get(key)
        if party is None:
            party = parties[key] = Party(key=key, lead=registration)
        if registration.pk == key:
            party.lead = registration
            party.members.insert(0, registration)
        else:
            party.members.append(registration)
    return list(parties.values())


def party_of(registration: Registration) -> QuerySet[Registration]:
    """The registrations of this one's party at its meeting (itself included), of any status."""
    key = registration.party_key
    return Registration.objects.filter(meeting_id=registration.meeting_id).filter(
        Q(pk=key) | Q(party_lead_id=key)
    )
