"""Parties: the one way to say who registered together (registering, waiting list, seating)."""

from tests.builders import make_meeting, sign_up
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.parties import group_into_parties, party_of


def registration(pk, lead=None) -> Registration:
    return Registration(pk=pk, party_lead_id=lead)


def test_a_registration_is_in_the_party_of_its_lead_or_else_its_own():
    assert registration(7).party_key == 7
    assert registration(8, lead=7).party_key == 7


def test_registrations_are_grouped_into_parties_with_the_lead_first():
    rows = [registration(9, lead=7), registration(5), registration(7), registration(8, lead=7)]

    parties = group_into_parties(rows)

    assert [(p.key, p.lead.pk, [m.pk for m in p.members]) for p in parties] == [
        (7, 7, [7, 9, 8]),
        (5, 5, [5]),
    ]
    assert [p.size for p in parties] == [3, 1]


def test_a_party_without_its_lead_in_the_list_is_still_one_party():
    [party] = group_into_parties([registration(8, lead=7), registration(9, lead=7)])

    assert (party.key, party.lead.pk, party.size) == (7, 8, 2)


def test_the_party_of_a_companion_holds_the_lead_and_every_companion(neighbourhood):
    meeting = make_meeting(neighbourhood)
    lead = sign_up(meeting, "Anna", "anna@example.org", companions=["Bram", "Cor"])
    alone = sign_up(meeting, "Dirk", "dirk@example.org")
    bram = lead.companions.get(person__first_name="Bram")

    assert set(party_of(bram)) == set(party_of(lead)) == {lead, *lead.companions.all()}
    assert list(party_of(alone)) == [alone]
