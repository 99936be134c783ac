"""A series with a past meeting, a question for partners, and an agreement with the gemeente
(the `partner` persona) and a resident."""

import datetime

from django.utils import timezone

from tests.builders import make_card, make_harvest_meeting, make_membership, make_person
from wijkdialoog.followup import agreements
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind


def make_question(meeting, text="Wanneer komt er een zebrapad?", **extra) -> Card:
    return make_card(meeting, text, kind=CardKind.QUESTION, **extra)


def make_other_partner(other_organisation):
    """A gemeente partner with the same name, but of another organisation."""
    return make_membership(
        other_organisation,
        "partner",
        first_name="Paula",
        email="paula@example.org",
        partner_kind="gemeente",
        partner_organisation="Gemeente Westerlaan",
    )


def make_agreement(neighbourhood, organiser, *, due_in_days=10, email="rita@example.org"):
    """An agreement with the gemeente (by name) and resident Rita; returns it with both parties."""
    meeting = make_harvest_meeting(neighbourhood, days=-14)
    actor = organiser.person.user
    agreement = agreements.create_agreement(
        series=meeting.series,
        title="Een veilige oversteek bij de school",
        description="",
        actor=actor,
    )
    due = timezone.localdate() + datetime.timedelta(days=due_in_days)
    gemeente = agreements.add_party(
        agreement=agreement,
        commitment="De gemeente legt een zebrapad aan.",
        due_on=due,
        actor=actor,
        partner_kind="gemeente",
        partner_name="Gemeente Westerlaan",
    )
    rita = make_person(neighbourhood.organisation, "Rita", email=email)
    resident = agreements.add_party(
        agreement=agreement,
        commitment="Rita vraagt ouders om mee te tellen.",
        due_on=due,
        actor=actor,
        person=rita,
    )
    return agreement, gemeente, resident
