"""Two parties updating the same agreement at once lose nothing: each update is its own row,
and the status of each part is written with the agreement locked. Each thread has its own
database connection (PostgreSQL and SQLite; on SQLite a second writer is turned away at once,
so the thread tries again)."""

import pytest

from tests.agenda.test_vote_concurrency import at_once
from tests.followup.agreement_builders import make_agreement
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import agreements
from wijkdialoog.followup.models import AgreementParty, AgreementUpdate


@pytest.mark.django_db(transaction=True)
def test_two_parties_updating_at_once_lose_nothing(neighbourhood, organiser):
    agreement, gemeente, resident = make_agreement(neighbourhood, organiser)
    parties = [gemeente, resident]
    statuses = ["bezig", "klaar"]

    errors = at_once(
        lambda n: agreements.post_update(
            party=parties[n], text=f"Update {n}", status=statuses[n], actor=None
        ),
        count=2,
    )

    assert errors == []
    assert AgreementUpdate.objects.filter(agreement=agreement, event="").count() == 2
    assert AgreementParty.objects.get(pk=gemeente.pk).status == "bezig"
    assert AgreementParty.objects.get(pk=resident.pk).status == "klaar"
    assert AuditEntry.objects.filter(action="followup.commitment_updated").count() == 2


@pytest.mark.django_db(transaction=True)
def test_many_updates_of_one_party_at_once_each_keep_their_row(neighbourhood, organiser):
    agreement, gemeente, _resident = make_agreement(neighbourhood, organiser)

    errors = at_once(
        lambda n: agreements.post_update(party=gemeente, text=f"Regel {n}", status="", actor=None),
        count=4,
    )

    assert errors == []
    updates = AgreementUpdate.objects.filter(agreement=agreement, event="")
    texts = set(updates.values_list("text", flat=True))
    assert texts == {f"Regel {n}" for n in range(4)}
