"""Capturing the harvest: cards, photos and evaluations, each made once.

Every item carries an id made on the device that captured it. A phone that lost its connection
sends the same item again, perhaps many times and perhaps at the same moment from two tabs: the
unique id in the database decides, and a repeat returns what was saved the first time.
"""

import uuid
from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.core.signals import send_on_commit
from wijkdialoog.dialogues.models import Table
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.methods.models import Phase

from . import kom_erbij, signals
from .models import Card, Evaluation, Photo, SeriesEvaluation
from .photo_metadata import without_metadata

Publication = Card.Publication
Status = Card.Status
Source = Card.Source

# Who made a change when nobody is logged in, for the audit log.
PARTICIPANT_LABEL = "participant (QR code)"
MANAGE_LINK_LABEL = "manage link"


def parse_client_id(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise ValidationError(_("This card has no valid device id."), code="client_id") from None


def _create_once[M: models.Model](
    model: type[M], client_id: uuid.UUID, build: Callable[[], M], same_place: Callable[[M], bool]
) -> tuple[M, bool]:
    """Save what `build` makes unless a row with this client id exists; (row, created).

    Must run inside a transaction. The insert gets its own savepoint, so when another request
    saved the same id a moment earlier the unique constraint stops this one and the outer
    transaction carries on with the row that won."""
    existing = model._default_manager.filter(client_id=client_id).first()
    if existing is None:
        instance = build()
        try:
            with transaction.atomic():
                instance.save()
        except IntegrityError:
            existing = model._default_manager.filter(client_id=client_id).first()
            if existing is None:
                raise
        else:
            return instance, True
    if not same_place(existing):
        # Another table's id: never reveal or touch that row.
        raise ValidationError(_("This device id is already in use."), code="client_id_taken")
    return existing, False


def _actor_label(actor, source: str) -> str:
    if getattr(actor, "is_authenticated", False):
        return ""
    return PARTICIPANT_LABEL if source == Source.PARTICIPANT else "system"


@transaction.atomic
def add_card_reporting(
    *,
    table: Table | None,
    client_id,
    kind: str,
    text: str,
    phase: Phase | None,
    first_name: str = "",
    publication: str = Publication.ANONYMOUS,
    source: str = Source.FACILITATOR,
    actor=None,
    owner: Person | None = None,
    meeting=None,
) -> tuple[Card, bool]:
    """`add_card`, also telling whether this call created the card (True) or found it (False)."""
    client_id = parse_client_id(client_id)
    meeting = meeting or table.meeting  # type: ignore[union-attr]  # a table, or a meeting
    text = (text or "").strip()
    _check_card(
        kind=kind, publication=publication, source=source, text=text, owner=owner, meeting=meeting
    )

    def build() -> Card:
        return Card(
            client_id=client_id,
            meeting=meeting,
            table=table,
            phase=phase,
            phase_name=phase.name if phase else "",
            kind=kind,
            text=text,
            first_name=(first_name or "").strip(),
            publication=publication,
            # What participants send is seen by nobody else before the facilitator approves it.
            status=Status.PENDING if source == Source.PARTICIPANT else Status.APPROVED,
            source=source,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            owner=owner,
            shared=False,
        )

    table_id = table.pk if table else None
    card, created = _create_once(
        Card,
        client_id,
        build,
        lambda card: card.meeting_id == meeting.pk and card.table_id == table_id,
    )
    if created:
        _record_added(card, actor=actor)
        send_on_commit(signals.card_added, sender=Card, card=card)
    return card, created


def _record_added(card: Card, *, actor) -> None:
    audit.record(
        actor=actor,
        actor_label=_actor_label(actor, card.source),
        action="card.added",
        subject=card,
        payload={
            "kind": card.kind,
            "publication": card.publication,
            "source": card.source,
            "status": card.status,
            "table": card.table_id,
            "phase": card.phase.position if card.phase else None,
            "owner": card.owner_id,
        },
    )


def _check_card(*, kind, publication, source, text, owner, meeting) -> None:
    """Raise ValidationError for a card that may not be saved like this."""
    if kind not in CardKind.values:
        raise ValidationError({"kind": _("Choose a kind of card.")}, code="kind")
    if publication not in Publication.values:
        raise ValidationError({"publication": _("Choose who may see this card.")})
    if source not in Source.values:
        raise ValueError(f"unknown source {source!r}")
    if not text:
        raise ValidationError({"text": _("Write what was said.")}, code="text")
    if owner is not None and kind != CardKind.PERSONAL_ACTION:
        raise ValidationError({"owner": _("Only a personal action belongs to someone.")})
    if owner is not None and owner.organisation_id != meeting.organisation_id:
        raise ValidationError({"owner": _("This person is not at this table.")})


def add_card(**fields) -> Card:
    """Save one harvest card, once. A retry with the same `client_id` returns the card saved
    the first time and creates nothing. Cards from participants wait for approval; a personal
    action stays private to its owner until they share it."""
    card, _created = add_card_reporting(**fields)
    return card


def _review(card: Card, status: str, actor) -> Card:
    card = Card.objects.select_for_update().get(pk=card.pk)
    if card.status == status:
        return card
    before = card.status
    card.status = status
    card.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    card.reviewed_at = timezone.now()
    card.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
    audit.record(
        actor=actor,
        action="card.approved" if status == Status.APPROVED else "card.rejected",
        subject=card,
        payload={"status": [before, status]},
    )
    return card


@transaction.atomic
def approve_card(*, card: Card, actor) -> Card:
    """Let a participant's card be seen (at its publication level). Again: nothing changes."""
    return _review(card, Status.APPROVED, actor)


@transaction.atomic
def reject_card(*, card: Card, actor) -> Card:
    """Keep a participant's card out of the harvest. It stays stored, seen by nobody else."""
    return _review(card, Status.REJECTED, actor)


@transaction.atomic
def set_action_shared(*, card: Card, shared: bool, actor=None) -> Card:
    """The owner of a personal action shares it with the neighbourhood, or takes it back.

    Shared, it is shown at its publication level; an action that was internal is then shown
    without a name (the owner chose to share it, not to be named)."""
    card = Card.objects.select_for_update().get(pk=card.pk)
    if card.kind != CardKind.PERSONAL_ACTION or card.owner_id is None:
        raise ValidationError(_("Only your own personal actions can be shared."), code="not_own")
    if card.shared == shared:
        return card
    card.shared = shared
    fields = ["shared", "updated_at"]
    if shared and card.publication == Publication.INTERNAL:
        card.publication = Publication.ANONYMOUS
        fields.append("publication")
    card.save(update_fields=fields)
    audit.record(
        actor=actor,
        actor_label="" if getattr(actor, "is_authenticated", False) else MANAGE_LINK_LABEL,
        action="card.shared" if shared else "card.unshared",
        subject=card,
        payload={"publication": card.publication},
    )
    return card


@transaction.atomic
def add_photo(
    *, table: Table, client_id, image, caption: str, publication: str, actor
) -> tuple[Photo, bool]:
    """Keep a photo of a flip-chart or paper cards, once per device id; (photo, created)."""
    client_id = parse_client_id(client_id)
    if publication not in Publication.values:
        raise ValidationError({"publication": _("Choose who may see this photo.")})

    def build() -> Photo:
        return Photo(
            client_id=client_id,
            meeting=table.meeting,
            table=table,
            # Where and with what it was taken stays on the phone.
            image=without_metadata(image),
            caption=(caption or "").strip(),
            publication=publication,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )

    photo, created = _create_once(
        Photo, client_id, build, lambda existing: existing.table_id == table.pk
    )
    if created:
        audit.record(
            actor=actor,
            action="photo.added",
            subject=photo,
            payload={"table": table.pk, "publication": publication},
        )
    return photo, created


def asks_kom_erbij(series_id: int) -> bool:
    """Whether the series asks the six Kom erbij questions with its evaluation."""
    return SeriesEvaluation.objects.filter(series_id=series_id, ask_kom_erbij=True).exists()


def _check_evaluation(*, rating: int, grade: int | None, outcomes: Mapping[str, str]) -> None:
    if rating not in Evaluation.Rating.values:
        raise ValidationError({"rating": _("Choose how the conversation was for you.")})
    if grade is not None and not 1 <= grade <= 10:
        raise ValidationError({"grade": _("Give a grade from 1 to 10.")})
    for name, answer in outcomes.items():
        if answer and answer not in Evaluation.Answer.values:
            raise ValidationError({name: _("Choose yes, no or not sure.")})


@transaction.atomic
def add_evaluation(
    *,
    table: Table,
    client_id,
    rating: int,
    takeaway: str = "",
    met_someone_new: str = "",
    feel_more_connected: str = "",
    view_changed: str = "",
    exchanged_contacts: str = "",
    grade: int | None = None,
    scale: Mapping[str, str] | None = None,
    source: str = Evaluation.Source.PHONE,
    actor=None,
) -> tuple[Evaluation, bool]:
    """A participant's anonymous evaluation, once per device id; (evaluation, created).

    The Kom erbij answers (`scale`) are kept only when the table's series asks them. A
    facilitator or organiser who types one in is in the audit log; the answers are not."""
    client_id = parse_client_id(client_id)
    outcomes = {
        "met_someone_new": met_someone_new or "",
        "feel_more_connected": feel_more_connected or "",
        "view_changed": view_changed or "",
        "exchanged_contacts": exchanged_contacts or "",
    }
    _check_evaluation(rating=rating, grade=grade, outcomes=outcomes)
    if source not in Evaluation.Source.values:
        raise ValidationError(_("Unknown way of filling in an evaluation."))
    answers = {}
    if scale and asks_kom_erbij(table.meeting.series_id):
        answers = {
            field: scale.get(field) or ""
            for field in kom_erbij.FIELDS
            if (scale.get(field) or "") in (*kom_erbij.ScaleAnswer.values, "")
        }

    def build() -> Evaluation:
        return Evaluation(
            client_id=client_id,
            table=table,
            source=source,
            rating=rating,
            grade=grade,
            takeaway=(takeaway or "").strip(),
            **outcomes,
            **answers,
        )

    evaluation, created = _create_once(
        Evaluation, client_id, build, lambda existing: existing.table_id == table.pk
    )
    if created and getattr(actor, "is_authenticated", False):
        audit.record(
            actor=actor,
            action="evaluation.added",
            subject=table,
            payload={"table": table.pk, "source": source},
        )
    return evaluation, created
