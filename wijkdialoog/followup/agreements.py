"""Wijkafspraken: made by the organiser of a series (from scratch, a wijkagenda item, a question
for partners or a theme), with parties that each keep their own commitment up to date: partners
after logging in, residents through their personal link. Every change is audited; every update
and status change is a row on the agreement's timeline."""

from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis.models import Theme

from .editing import save_changes
from .links import hash_token, new_token, plausible
from .models import Agreement, AgreementParty, AgreementStatus, AgreementUpdate

Kind = AgreementParty.Kind
Response = AgreementParty.Response
Event = AgreementUpdate.Event
LINK_LABEL = "the party, through their personal link"
# What an organiser may change after making the agreement.
AGREEMENT_FIELDS = ("title", "title_en", "description", "description_en", "is_public")


def link_url(token: str) -> str:
    return str(settings.SITE_URL) + reverse("agreement-party-link", args=[token])


def check_source(
    series: Series,
    *,
    agenda_item: AgendaItem | None = None,
    card: Card | None = None,
    theme: Theme | None = None,
) -> None:
    """A source must belong to the same series; a card must be a question for partners."""
    if agenda_item is not None and agenda_item.agenda.series_id != series.pk:
        raise ValidationError(_("This wijkagenda item is not of this series."), code="source")
    if card is not None and (card.meeting.series_id != series.pk or card.kind != CardKind.QUESTION):
        raise ValidationError(_("This card is not a question for partners of this series."))
    if theme is not None and theme.series_id != series.pk:
        raise ValidationError(_("This theme is not of this series."), code="source")


@transaction.atomic
def create_agreement(
    *,
    series: Series,
    title: str,
    description: str,
    actor: Any,
    is_public: bool = False,
    title_en: str = "",
    description_en: str = "",
    **source: Any,
) -> Agreement:
    check_source(series, **source)
    agreement = Agreement.objects.create(
        series=series,
        title=title.strip(),
        title_en=title_en.strip(),
        description=description.strip(),
        description_en=description_en.strip(),
        is_public=is_public,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **source,
    )
    origin = {name: value.pk for name, value in source.items() if value is not None}
    audit.record(
        actor=actor,
        action="followup.agreement_created",
        subject=agreement,
        payload={"series": series.pk, **origin},
    )
    return agreement


@transaction.atomic
def edit_agreement(*, agreement: Agreement, actor: Any, **changes: Any) -> Agreement:
    """The organiser changes what is agreed (in Dutch and English) and whether the neighbourhood
    sees it; the audit entry holds each changed field before and after."""
    stored, changed = save_changes(agreement, changes, AGREEMENT_FIELDS)
    if changed:
        audit.record(
            actor=actor,
            action="followup.agreement_edited",
            subject=stored,
            payload={"changes": changed},
        )
    return stored


@transaction.atomic
def add_party(
    *,
    agreement: Agreement,
    commitment: str,
    due_on: Any,
    actor: Any,
    partner_kind: str = "",
    partner_name: str = "",
    person: Person | None = None,
) -> AgreementParty:
    """A partner (by kind or name) or a resident of the organisation; a resident with an email
    address gets their personal link by mail after the commit."""
    if person is not None and person.organisation_id != agreement.organisation_id:
        raise ValidationError(_("This person is not known to this organisation."), code="person")
    if person is None and not (partner_kind or partner_name.strip()):
        raise ValidationError(
            {"partner_kind": _("Choose a kind of partner or type the partner's name.")}
        )
    party = AgreementParty.objects.create(
        agreement=agreement,
        kind=Kind.RESIDENT if person else Kind.PARTNER,
        partner_kind="" if person else partner_kind,
        partner_name="" if person else partner_name.strip(),
        person=person,
        commitment=commitment.strip(),
        due_on=due_on,
    )
    AgreementUpdate.objects.create(
        agreement=agreement, party=party, author=_user(actor), event=Event.PARTY_ADDED
    )
    audit.record(
        actor=actor,
        action="followup.party_added",
        subject=agreement,
        payload={"party": party.pk, "kind": party.kind, "due_on": str(due_on or "")},
    )
    if person is not None:
        transaction.on_commit(partial(send_link, party.pk))
    return party


def send_link(party_id: int) -> bool:
    """A new personal link for a resident party, by mail; the old link stops working."""
    from .mails import send_agreement_link

    party = (
        AgreementParty.objects.select_related("person", "agreement__series__organisation")
        .filter(pk=party_id, kind=Kind.RESIDENT, revoked_at__isnull=True)
        .first()
    )
    if party is None or party.person is None or not party.person.email:
        return False
    token = new_token()
    AgreementParty.objects.filter(pk=party.pk).update(token_hash=hash_token(token))
    send_agreement_link(party, url=link_url(token))
    return True


def party_by_token(token: str) -> AgreementParty | None:
    """The resident party behind a personal link; None when unknown or revoked."""
    if not plausible(token):
        return None
    return (
        AgreementParty.objects.select_related(
            "person", "agreement__series__organisation", "agreement__series__neighbourhood"
        )
        .filter(token_hash=hash_token(token), revoked_at__isnull=True, kind=Kind.RESIDENT)
        .first()
    )


@transaction.atomic
def revoke_link(*, party: AgreementParty, actor: Any) -> None:
    AgreementParty.objects.filter(pk=party.pk).update(revoked_at=timezone.now())
    audit.record(
        actor=actor,
        action="followup.party_link_revoked",
        subject=party.agreement,
        payload={"party": party.pk},
    )


@transaction.atomic
def set_status(*, agreement: Agreement, status: str, text: str, actor: Any) -> AgreementUpdate:
    """The organiser changes the agreement's status (the row is locked, so two changes at once
    are applied one after the other) and says why on the timeline."""
    stored = Agreement.objects.select_for_update().get(pk=agreement.pk)
    before = stored.status
    stored.status = status
    stored.save(update_fields=["status", "updated_at"])
    update = AgreementUpdate.objects.create(
        agreement=stored, author=_user(actor), text=text.strip(), status=status
    )
    audit.record(
        actor=actor,
        action="followup.agreement_status",
        subject=stored,
        payload={"from": before, "to": status, "update": update.pk},
    )
    return update


@transaction.atomic
def post_update(
    *, party: AgreementParty, text: str, status: str, actor: Any = None
) -> AgreementUpdate:
    """A party's own update: always a new row; a new status of its commitment is written with
    the agreement locked, so two parties at once lose nothing."""
    Agreement.objects.select_for_update().filter(pk=party.agreement_id).first()
    stored = AgreementParty.objects.select_for_update().get(pk=party.pk)
    if stored.revoked_at is not None and actor is None:
        raise ValidationError(_("This link no longer works."), code="revoked")
    if not text.strip() and (not status or status == stored.status):
        raise ValidationError({"text": _("Write what happened, or choose a new status.")})
    changed = bool(status) and status != stored.status
    if changed:
        stored.status = status
        stored.save(update_fields=["status", "updated_at"])
    update = AgreementUpdate.objects.create(
        agreement_id=stored.agreement_id,
        party=stored,
        author=_user(actor),
        text=text.strip(),
        status=status if changed else "",
    )
    audit.record(
        actor=actor,
        action="followup.commitment_updated",
        subject=stored.agreement,
        payload={"party": stored.pk, "update": update.pk, "status": update.status},
        actor_label="" if _user(actor) else _(LINK_LABEL),
    )
    return update


@transaction.atomic
def respond(*, party: AgreementParty, response: str, reason: str, actor: Any = None) -> None:
    """The party commits to its part, or declines it with a reason."""
    if response == Response.DECLINED and not reason.strip():
        raise ValidationError({"reason": _("Say why, so the others know where they stand.")})
    stored = AgreementParty.objects.select_for_update().get(pk=party.pk)
    stored.response = response
    stored.decline_reason = reason.strip() if response == Response.DECLINED else ""
    stored.save(update_fields=["response", "decline_reason", "updated_at"])
    AgreementUpdate.objects.create(
        agreement_id=stored.agreement_id,
        party=stored,
        author=_user(actor),
        text=stored.decline_reason,
        event=Event.DECLINED if response == Response.DECLINED else Event.COMMITTED,
    )
    audit.record(
        actor=actor,
        action="followup.commitment_answered",
        subject=stored.agreement,
        payload={"party": stored.pk, "response": response},
        actor_label="" if _user(actor) else _(LINK_LABEL),
    )


def is_overdue(party: AgreementParty, today: Any = None) -> bool:
    today = today or timezone.localdate()
    return bool(party.due_on and party.due_on < today and party.status in OPEN_STATUSES)


OPEN_STATUSES = (AgreementStatus.AGREED, AgreementStatus.BUSY, AgreementStatus.DELAYED)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
