"""Questions for partners: the organiser routes a "question for partners" card to a partner
organisation (by kind or by name); the partner answers it (publicly, as the reaction of their
organisation, or not) or declines with a reason."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis.visibility import cards_for_organisers

from . import partners
from .models import PartnerQuestion


def question_cards(series: Series) -> QuerySet[Card]:
    """The questions for partners of a series an organiser may route."""
    return (
        cards_for_organisers()
        .filter(meeting__series=series, kind=CardKind.QUESTION)
        .select_related("meeting", "partner_question")
        .order_by("-meeting__starts_at", "pk")
    )


@transaction.atomic
def route(*, card: Card, partner_kind: str, partner_name: str, actor: Any) -> PartnerQuestion:
    question, _created = PartnerQuestion.objects.update_or_create(
        card=card,
        defaults={
            "partner_kind": partner_kind,
            "partner_name": partner_name.strip(),
            "routed_by": actor,
        },
    )
    audit.record(
        actor=actor,
        action="followup.question_routed",
        subject=question,
        payload={"card": card.pk, "kind": partner_kind, "name": partner_name.strip()},
    )
    return question


@transaction.atomic
def answer(
    *, question: PartnerQuestion, text: str, is_public: bool, decline_reason: str, actor: Any
) -> PartnerQuestion:
    stored = PartnerQuestion.objects.select_for_update().get(pk=question.pk)
    now = timezone.now()
    if decline_reason.strip():
        stored.decline_reason, stored.declined_at = decline_reason.strip(), now
        stored.answer, stored.answered_at, stored.answer_is_public = "", None, False
    else:
        stored.answer, stored.answered_at, stored.answer_is_public = text.strip(), now, is_public
        stored.decline_reason, stored.declined_at = "", None
    stored.answered_by = actor
    stored.save()
    audit.record(
        actor=actor,
        action="followup.question_declined" if stored.declined_at else "followup.question_answered",
        subject=stored,
        payload={"card": stored.card_id, "public": stored.answer_is_public},
    )
    return stored


def questions_for(user: Any) -> QuerySet[PartnerQuestion]:
    """The questions routed to this partner whose cards partners may see, newest first."""
    routed = PartnerQuestion.objects.filter(
        partners.routed_to_q(user, organisation_path="card__meeting__organisation_id")
    ).select_related("card__meeting__series__neighbourhood")
    visible = None
    for organisation_id in {m.person.organisation_id for m in partners.partner_memberships(user)}:
        cards = partners.cards_partners_may_see(organisation_id).filter(
            meeting__organisation_id=organisation_id
        )
        part = routed.filter(card__in=cards)
        visible = part if visible is None else visible | part
    return (visible if visible is not None else routed.none()).order_by("-created_at", "pk")


def public_answers(card_ids: list[int]) -> dict[int, PartnerQuestion]:
    """The public answers of these cards, as one query (for the public card lists)."""
    rows = PartnerQuestion.objects.filter(
        card_id__in=card_ids, answer_is_public=True, answered_at__isnull=False
    )
    return {row.card_id: row for row in rows}
