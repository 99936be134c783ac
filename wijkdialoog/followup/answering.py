"""The person's side: the personal link, their answers per action, and the organiser marking a
request for help as handled."""

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.harvest.models import Card

from .asking import answerable_until, personal_actions
from .links import hash_token
from .models import FollowUp, StepAnswer

Status = StepAnswer.Status


def follow_up_by_token(token: str) -> FollowUp | None:
    """The follow-up behind a personal link; None when unknown, revoked or expired."""
    if not token or len(token) > 100:
        return None
    follow_up = (
        FollowUp.objects.select_related(
            "person", "meeting__organisation", "meeting__series__neighbourhood"
        )
        .filter(token_hash=hash_token(token), mailed_at__isnull=False, revoked_at__isnull=True)
        .first()
    )
    if follow_up is None:
        return None
    until = answerable_until(follow_up)
    if until is None or until <= timezone.now():
        return None
    return follow_up


def actions_of(follow_up: FollowUp) -> QuerySet[Card]:
    """Only this person's own actions of this meeting."""
    return personal_actions(follow_up.meeting, follow_up.person).order_by("created_at", "pk")


def answers_by_card(follow_up: FollowUp) -> dict[int, StepAnswer]:
    return {answer.card_id: answer for answer in follow_up.answers.all()}


@transaction.atomic
def save_answers(
    *, follow_up: FollowUp, answers: Mapping[int, tuple[str, str]]
) -> list[StepAnswer]:
    """Store the person's answers ({card id: (status, note)}); an empty status leaves a card
    unanswered. A new "I would like help" mails the organisers after the commit. The audit log
    records that answers came in, never what they say."""
    from .tasks import send_help_request

    FollowUp.objects.select_for_update().filter(pk=follow_up.pk).first()
    cards = set(actions_of(follow_up).values_list("pk", flat=True))
    if set(answers) - cards:
        raise ValidationError(_("That is not one of your steps."), code="foreign_card")
    existing = answers_by_card(follow_up)
    saved = []
    for card_id, (status, note) in answers.items():
        if not status:
            continue
        answer = existing.get(card_id) or StepAnswer(follow_up=follow_up, card_id=card_id)
        newly_wants_help = status == Status.WANTS_HELP and answer.status != Status.WANTS_HELP
        answer.status, answer.note = status, note.strip()
        if newly_wants_help:
            answer.help_handled_at, answer.help_handled_by = None, None
        answer.save()
        saved.append(answer)
        if newly_wants_help:
            transaction.on_commit(partial(send_help_request.enqueue, answer.pk))
    if saved:
        audit.record(
            actor=None,
            action="followup.answered",
            subject=follow_up,
            payload={"answers": len(saved)},
            actor_label=_("the person, through their personal link"),
        )
    return saved


@transaction.atomic
def mark_help_handled(*, answer: StepAnswer, handled: bool, actor: Any) -> StepAnswer:
    """The organiser has (or has not yet) taken up someone's request for help."""
    stored = StepAnswer.objects.select_for_update().get(pk=answer.pk)
    if stored.status != Status.WANTS_HELP:
        raise ValidationError(_("This person no longer asks for help."), code="no_help")
    stored.help_handled_at = timezone.now() if handled else None
    authenticated = handled and getattr(actor, "is_authenticated", False)
    stored.help_handled_by = actor if authenticated else None
    stored.save(update_fields=["help_handled_at", "help_handled_by", "updated_at"])
    audit.record(
        actor=actor,
        action="followup.help_handled" if handled else "followup.help_reopened",
        subject=stored,
        payload={"meeting": stored.follow_up.meeting_id},
    )
    return stored
