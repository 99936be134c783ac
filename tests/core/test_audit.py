"""The audit log: written only inside the transaction of the change it describes."""

import pytest
from django.db import transaction

from wijkdialoog.community.models import Organisation
from wijkdialoog.core import audit
from wijkdialoog.core.models import ACTION_LABELS, AuditEntry, describe_action


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_refused():
    organisation = Organisation.objects.create(name="Los", slug="los", privacy_email="p@e.org")
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        audit.record(actor=None, action="organisation.changed", subject=organisation)
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_entry_disappears_with_the_transaction_that_is_rolled_back():
    organisation = Organisation.objects.create(name="Los", slug="los", privacy_email="p@e.org")
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit.record(actor=None, action="organisation.changed", subject=organisation)
        1 / 0  # noqa: B018 - the change fails after the entry was written
    assert not AuditEntry.objects.exists()
    with transaction.atomic():
        audit.record(actor=None, action="organisation.changed", subject=organisation)
    assert AuditEntry.objects.count() == 1


def test_an_entry_names_its_subject_actor_and_action(organisation, organiser):
    with transaction.atomic():
        entry = audit.record(
            actor=organiser.person.user,
            action="person.created",
            subject=organiser.person,
            payload={"fields": ["email"]},
        )
    entry.refresh_from_db()
    assert entry.subject == organiser.person
    assert entry.actor_display == "Olga"
    assert entry.object_repr == "Olga"
    assert entry.payload == {"fields": ["email"]}
    assert str(entry.action_display) != "person.created"  # a human label is registered


def test_an_entry_without_a_logged_in_actor_keeps_a_description(organisation):
    with transaction.atomic():
        entry = audit.record(
            actor=None, action="x.done", subject=organisation, actor_label="manage link"
        )
    assert entry.actor is None
    assert entry.actor_display == "manage link"


def test_a_payload_is_a_small_summary_not_a_copy(organisation):
    with pytest.raises(ValueError), transaction.atomic():
        audit.record(
            actor=None,
            action="x.done",
            subject=organisation,
            payload={f"field{n}": n for n in range(audit.MAX_PAYLOAD_KEYS + 1)},
        )


def test_an_action_without_a_label_shows_its_code(organisation, monkeypatch):
    with transaction.atomic():
        entry = audit.record(actor=None, action="nothing.known", subject=organisation)
    assert entry.action_display == "nothing.known"
    # The registry is global: restore it after the test.
    monkeypatch.setattr("wijkdialoog.core.models.ACTION_LABELS", dict(ACTION_LABELS))
    describe_action("nothing.known", "Iets bekends")
    assert entry.action_display == "Iets bekends"


def test_the_history_lists_the_newest_entries_of_one_object_first(organisation, resident):
    with transaction.atomic():
        for n in range(3):
            audit.record(actor=None, action=f"step.{n}", subject=resident)
        audit.record(actor=None, action="other.object", subject=organisation)
    assert [e.action for e in audit.history(resident)] == ["step.2", "step.1", "step.0"]
    assert [e.action for e in audit.history(resident, limit=1)] == ["step.2"]


@pytest.mark.django_db(transaction=True)
def test_a_change_starts_from_the_stored_row_and_says_what_it_was_before():
    organisation = Organisation.objects.create(name="De Brug", slug="de-brug", phone="0201")
    organisation.phone = "edited by a form"

    with transaction.atomic():
        stored, before = audit.stored_with_changes(
            organisation, {"phone": "0209"}, ("name", "phone")
        )
        changes = audit.changed_fields(stored, before, ("name", "phone"))

    assert before == audit.snapshot(Organisation(name="De Brug", phone="0201"), ("name", "phone"))
    assert stored.phone == "0209"
    assert changes == {"phone": ["0201", "0209"]}
