"""Capturing cards: each device id makes one card, also when the same card arrives twice at the
same moment; participants' cards wait for approval; internal cards and private actions are
never public."""

import threading
import time
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection, transaction

from tests.builders import make_meeting, png_bytes
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest import capture, running
from wijkdialoog.harvest.models import Card, Evaluation, Photo

Publication = Card.Publication
Status = Card.Status
Source = Card.Source


def add(table, *, client_id=None, phase=None, **values):
    fields = {
        "kind": "experience",
        "text": "Mijn buurvrouw bracht soep toen ik ziek was.",
        "first_name": "Anna",
        "publication": Publication.PUBLIC,
        "source": Source.FACILITATOR,
        "actor": None,
    }
    fields.update(values)
    return capture.add_card_reporting(
        table=table, client_id=client_id or uuid.uuid4(), phase=phase, **fields
    )


def test_a_card_is_saved_with_its_phase_and_an_audit_entry(run, facilitator):
    phase = running.current_phase(run, running.phases_of(run))
    client_id = uuid.uuid4()

    card = capture.add_card(
        table=run.table,
        client_id=str(client_id),
        kind="value",
        text="  Omzien naar elkaar  ",
        phase=phase,
        first_name="Bram",
        publication=Publication.ANONYMOUS,
        source=Source.FACILITATOR,
        actor=facilitator.person.user,
    )

    assert card.client_id == client_id
    assert card.meeting == run.table.meeting
    assert card.phase == phase
    assert card.phase_name == "Opening"
    assert card.text == "Omzien naar elkaar"
    assert card.status == Status.APPROVED
    assert card.created_by == facilitator.person.user
    entry = AuditEntry.objects.get(action="card.added", object_id=str(card.pk))
    assert entry.actor == facilitator.person.user
    # No text and no names in the log.
    assert "Omzien" not in str(entry.payload)
    assert "Bram" not in str(entry.payload)


def test_a_retry_with_the_same_device_id_returns_the_first_card_and_creates_nothing(table):
    client_id = uuid.uuid4()
    first, created = add(table, client_id=client_id)
    again, created_again = add(table, client_id=client_id, text="Anders geschreven")

    assert created is True
    assert created_again is False
    assert again.pk == first.pk
    assert again.text == first.text
    assert Card.objects.count() == 1
    assert AuditEntry.objects.filter(action="card.added").count() == 1


def test_a_device_id_of_another_tables_card_is_refused_and_that_card_left_alone(table):
    other_table = table.meeting.tables.get(number=2)
    client_id = uuid.uuid4()
    card, _ = add(other_table, client_id=client_id, text="Van tafel 2")

    with pytest.raises(ValidationError):
        add(table, client_id=client_id)

    card.refresh_from_db()
    assert card.table == other_table
    assert Card.objects.count() == 1


@pytest.mark.parametrize(
    "values",
    [
        {"client_id": "not-a-uuid"},
        {"kind": "gossip"},
        {"publication": "everyone"},
        {"text": "   "},
    ],
)
def test_a_card_without_what_it_needs_is_refused(table, values):
    with pytest.raises(ValidationError):
        add(table, **values)
    assert not Card.objects.exists()


def _at_once(count, work):
    """Runs `work()` in `count` threads, each with its own database connection, released at the
    same moment. SQLite's in-memory test database turns a second writer away at once ("table is
    locked") instead of waiting; the thread then tries again, as the phone would."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            for attempt in range(400):
                try:
                    results.append(work())
                    break
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.005 * (1 + attempt % 10))
        except Exception as error:  # asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_the_same_card_sent_twice_at_the_same_moment_is_saved_once(neighbourhood):
    table = make_meeting(neighbourhood, days=0, hours=-0.5).tables.get()
    client_id = uuid.uuid4()

    results, errors = _at_once(2, lambda: add(table, client_id=client_id))

    assert errors == []
    assert sorted(created for _card, created in results) == [False, True]
    assert len({card.pk for card, _created in results}) == 1
    assert Card.objects.filter(client_id=client_id).count() == 1
    assert AuditEntry.objects.filter(action="card.added").count() == 1


@pytest.mark.django_db(transaction=True)
def test_many_copies_of_one_card_at_once_still_make_one_card(neighbourhood):
    table = make_meeting(neighbourhood, days=0, hours=-0.5).tables.get()
    client_id = uuid.uuid4()

    results, errors = _at_once(6, lambda: add(table, client_id=client_id))

    assert errors == []
    assert [created for _card, created in results].count(True) == 1
    assert Card.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_card_saved_by_another_request_while_this_one_waits_is_returned(neighbourhood):
    """One request has written the card but not committed yet; the second cannot see it, tries
    to write it too and waits (PostgreSQL: on the unique index; SQLite: for the write lock).
    Once the first commits, the second returns that card instead of failing or duplicating."""
    table = make_meeting(neighbourhood, days=0, hours=-0.5).tables.get()
    client_id = uuid.uuid4()
    written, release = threading.Event(), threading.Event()
    first_result = []

    def first():
        try:
            with transaction.atomic():
                first_result.append(add(table, client_id=client_id))
                written.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    holder = threading.Thread(target=first)
    holder.start()
    assert written.wait(timeout=10)
    results, errors = [], []

    def second():
        results_, errors_ = _at_once(1, lambda: add(table, client_id=client_id))
        results.extend(results_)
        errors.extend(errors_)

    waiter = threading.Thread(target=second)
    waiter.start()
    time.sleep(0.3)
    release.set()
    holder.join(timeout=30)
    waiter.join(timeout=30)

    assert errors == []
    ((card, created),) = results
    assert created is False
    assert card.pk == first_result[0][0].pk
    assert Card.objects.count() == 1


def test_a_participants_card_waits_and_is_hidden_until_approved(table, facilitator):
    card, _ = add(table, source=Source.PARTICIPANT, publication=Publication.PUBLIC)

    assert card.status == Status.PENDING
    assert card.created_by is None
    assert not card.is_public
    assert not Card.objects.public().exists()

    capture.approve_card(card=card, actor=facilitator.person.user)
    card.refresh_from_db()

    assert card.status == Status.APPROVED
    assert card.reviewed_by == facilitator.person.user
    assert card.reviewed_at is not None
    assert list(Card.objects.public()) == [card]


def test_a_rejected_card_is_kept_but_never_public(table, facilitator):
    card, _ = add(table, source=Source.PARTICIPANT)

    capture.reject_card(card=card, actor=facilitator.person.user)
    capture.reject_card(card=card, actor=facilitator.person.user)

    card.refresh_from_db()
    assert card.status == Status.REJECTED
    assert not Card.objects.public().exists()
    assert list(
        AuditEntry.objects.filter(object_id=str(card.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["card.added", "card.rejected"]


def test_internal_cards_are_never_public(table):
    add(table, publication=Publication.INTERNAL)
    public, _ = add(table, publication=Publication.PUBLIC)
    anonymous, _ = add(table, publication=Publication.ANONYMOUS)

    assert set(Card.objects.public()) == {public, anonymous}
    assert anonymous.public_name == ""
    assert public.public_name == "Anna"


def test_a_personal_action_belongs_to_someone_and_stays_private_until_they_share_it(table, people):
    anna = people[0]
    action, _ = add(table, kind="action", owner=anna.person, publication=Publication.INTERNAL)

    assert action.owner == anna.person
    assert not action.shared
    assert not Card.objects.public().exists()

    capture.set_action_shared(card=action, shared=True)
    action.refresh_from_db()
    assert action.shared
    # Internal until shared; shared, it is shown without a name.
    assert action.publication == Publication.ANONYMOUS
    assert list(Card.objects.public()) == [action]

    capture.set_action_shared(card=action, shared=False)
    assert not Card.objects.public().exists()
    assert list(
        AuditEntry.objects.filter(object_id=str(action.pk), action__startswith="card.")
        .order_by("id")
        .values_list("action", "actor_label")
    ) == [
        ("card.added", "system"),
        ("card.shared", "manage link"),
        ("card.unshared", "manage link"),
    ]


def test_a_public_action_is_still_private_until_its_owner_shares_it(table, people):
    action, _ = add(table, kind="action", owner=people[0].person, publication=Publication.PUBLIC)

    assert not Card.objects.public().exists()
    capture.set_action_shared(card=action, shared=True)
    action.refresh_from_db()
    assert action.publication == Publication.PUBLIC


def test_only_a_personal_action_has_an_owner_and_only_an_owned_one_can_be_shared(table, people):
    with pytest.raises(ValidationError):
        add(table, kind="idea", owner=people[0].person)
    idea, _ = add(table, kind="idea")
    unowned, _ = add(table, kind="action")

    for card in (idea, unowned):
        with pytest.raises(ValidationError):
            capture.set_action_shared(card=card, shared=True)


def test_an_owner_from_another_organisation_is_refused(table, other_organisation):
    from tests.builders import make_person

    stranger = make_person(other_organisation, first_name="Xander")
    with pytest.raises(ValidationError):
        add(table, kind="action", owner=stranger)


def test_a_photo_is_kept_once_per_device_id(table, facilitator):
    client_id = uuid.uuid4()
    for _ in range(2):
        photo, created = capture.add_photo(
            table=table,
            client_id=client_id,
            image=SimpleUploadedFile("flap.png", png_bytes(), content_type="image/png"),
            caption="Flip-over ronde 2",
            publication=Publication.INTERNAL,
            actor=facilitator.person.user,
        )
    assert created is False
    assert Photo.objects.count() == 1
    assert photo.image.name.startswith(f"harvest/{table.meeting_id}/")
    assert AuditEntry.objects.filter(action="photo.added").count() == 1


def test_an_evaluation_is_kept_once_per_device_id(table):
    client_id = uuid.uuid4()
    for _ in range(3):
        evaluation, created = capture.add_evaluation(
            table=table,
            client_id=client_id,
            rating=4,
            met_someone_new="yes",
            takeaway="Ik ken nu mijn buren.",
        )
    assert created is False
    assert Evaluation.objects.count() == 1
    assert evaluation.rating == Evaluation.Rating.VERY_GOOD


def test_an_evaluation_needs_one_of_the_four_answers(table):
    with pytest.raises(ValidationError):
        capture.add_evaluation(
            table=table, client_id=uuid.uuid4(), rating=7, met_someone_new="", takeaway=""
        )
    with pytest.raises(ValidationError):
        capture.add_evaluation(
            table=table, client_id=uuid.uuid4(), rating=3, met_someone_new="maybe", takeaway=""
        )


def test_cards_from_paper_can_be_added_for_a_meeting_without_a_table(meeting):
    card = capture.add_card(
        table=None,
        meeting=meeting,
        client_id=uuid.uuid4(),
        kind="idea",
        text="Een buurtmoestuin",
        phase=None,
        source=Source.PAPER,
    )
    assert card.meeting == meeting
    assert card.table is None
    assert card.status == Status.APPROVED


def test_a_card_is_public_exactly_when_the_public_queryset_holds_it(table, people):
    owner = people[0].person
    cards = []
    for status in Status.values:
        for publication in Publication.values:
            for kind, shared in [("idea", False), ("action", False), ("action", True)]:
                card, _ = add(
                    table,
                    kind=kind,
                    publication=publication,
                    owner=owner if kind == "action" else None,
                )
                Card.objects.filter(pk=card.pk).update(status=status, shared=shared)
                card.refresh_from_db()
                cards.append(card)

    public = set(Card.objects.public())

    assert {card for card in cards if card.is_public} == public
    assert len(public) == 2 * 2  # approved, public or anonymous: an idea and a shared action
