"""Collective initiatives: made from scratch, from cards or from a wijkagenda priority; a team
with a contact person, each member with a personal link; status changes with a reason; dated
updates with photos; and the celebration. Every organiser change goes to the audit log."""

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Membership, Neighbourhood, Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card, CardKind
from wijkdialoog.harvest.photo_metadata import without_metadata
from wijkdialoog.synthesis.models import Theme

from .initiative_mails import send_team_link
from .links import hash_token, new_token, plausible
from .models import (
    Initiative,
    InitiativePhoto,
    InitiativeStatusChange,
    InitiativeUpdate,
    TeamMember,
)
from .partners import partner_memberships

Status = Initiative.Status
# Going back from these needs a reason.
ENDED = (Status.CELEBRATED, Status.STOPPED)
# The kinds of card an initiative can grow from.
SEED_KINDS = (CardKind.INITIATIVE, CardKind.DREAM, CardKind.IDEA)
INITIATIVE_FIELDS = ("name", "what", "why", "needs", "is_public")


def _link_label() -> str:
    return _("the team member, through their personal link")


def seed_cards(series: Series) -> QuerySet[Card]:
    """Cards of the series an initiative may be linked to: never personal actions."""
    return (
        Card.objects.filter(meeting__series=series, kind__in=SEED_KINDS)
        .exclude(status=Card.Status.REJECTED)
        .select_related("meeting")
        .order_by("meeting__starts_at", "pk")
    )


def series_themes(series: Series) -> QuerySet[Theme]:
    return Theme.objects.filter(series=series).order_by("position", "pk")


def with_last_update(initiatives: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return initiatives.select_related("series__organisation", "series__neighbourhood").annotate(
        last_update_at=Max("updates__created_at")
    )


def for_series(series: Series) -> QuerySet[Initiative]:
    return with_last_update(Initiative.objects.filter(series=series)).order_by("-created_at")


def public_initiatives(neighbourhood: Neighbourhood) -> QuerySet[Initiative]:
    return with_last_update(
        Initiative.objects.filter(series__neighbourhood=neighbourhood, is_public=True)
    ).order_by("-created_at")


def team_of(initiative: Initiative) -> QuerySet[TeamMember]:
    return initiative.team.select_related("person").order_by("-is_contact", "pk")


def public_team_names(initiative: Initiative) -> list[str]:
    """First names of the members who agreed to be shown, never of a revoked member."""
    return [
        member.person.first_name
        for member in team_of(initiative).filter(name_public=True, revoked_at__isnull=True)
    ]


def updates_of(initiative: Initiative) -> QuerySet[InitiativeUpdate]:
    return initiative.updates.select_related("member__person").prefetch_related(
        Prefetch("photos", queryset=InitiativePhoto.objects.order_by("pk"))
    )


def celebration_photos(initiative: Initiative) -> QuerySet[InitiativePhoto]:
    return initiative.photos.filter(for_celebration=True).order_by("pk")


def seeds_from(series: Series, *, card: Card | None, item: AgendaItem | None) -> dict[str, Any]:
    """What a new initiative starts with when made from a card or a wijkagenda priority."""
    if card is not None and card.meeting.series_id == series.pk and card.kind in SEED_KINDS:
        return {"name": card.text[:160], "what": card.text, "cards": [card.pk]}
    if item is not None and item.agenda.series_id == series.pk:
        return {"name": item.title[:160], "what": item.title, "why": item.why}
    return {}


@transaction.atomic
def create_initiative(
    *,
    series: Series,
    data: dict[str, Any],
    cards: Iterable[Card] = (),
    themes: Iterable[Theme] = (),
    agenda_item: AgendaItem | None = None,
    actor: Any,
) -> Initiative:
    initiative = Initiative.objects.create(
        series=series,
        agenda_item=agenda_item,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{field: data[field] for field in INITIATIVE_FIELDS if field in data},
    )
    initiative.cards.set(list(cards))
    initiative.themes.set(list(themes))
    audit.record(
        actor=actor,
        action="initiative.created",
        subject=initiative,
        payload={
            "series": series.pk,
            "cards": [card.pk for card in initiative.cards.all()],
            "agenda_item": agenda_item.pk if agenda_item else None,
        },
    )
    return initiative


@transaction.atomic
def edit_initiative(
    *,
    initiative: Initiative,
    data: dict[str, Any],
    cards: Iterable[Card],
    themes: Iterable[Theme],
    actor: Any,
) -> Initiative:
    stored = Initiative.objects.select_for_update().get(pk=initiative.pk)
    changed = [field for field in INITIATIVE_FIELDS if getattr(stored, field) != data[field]]
    for field in changed:
        setattr(stored, field, data[field])
    stored.save(update_fields=[*changed, "updated_at"])
    stored.cards.set(list(cards))
    stored.themes.set(list(themes))
    audit.record(
        actor=actor, action="initiative.edited", subject=stored, payload={"fields": changed}
    )
    return stored


@transaction.atomic
def change_status(*, initiative: Initiative, status: str, reason: str, actor: Any) -> Initiative:
    """Move the initiative to another status, as a step on its timeline. Stopping, and starting
    again after it stopped or was celebrated, need a reason; the celebration has its own step
    (`celebrate`). The row is locked, so two changes at once follow each other."""
    reason = reason.strip()
    if status not in Status.values or status == Status.CELEBRATED:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    if status == Status.STOPPED and not reason:
        raise ValidationError({"reason": _("Tell us why the initiative stops.")})
    stored = Initiative.objects.select_for_update().get(pk=initiative.pk)
    previous = stored.status
    if status == previous and status != Status.STOPPED:
        return stored
    if previous in ENDED and status != previous and not reason:
        raise ValidationError({"reason": _("Tell us why the initiative starts again.")})
    stored.status = status
    stored.stopped_reason = reason if status == Status.STOPPED else ""
    stored.save(update_fields=["status", "stopped_reason", "updated_at"])
    _record_step(stored, previous, reason=reason, actor=actor)
    audit.record(
        actor=actor,
        action="initiative.status_changed",
        subject=stored,
        payload={"from": previous, "to": status, "reason": reason},
    )
    return stored


def _record_step(stored: Initiative, previous: str, *, reason: str, actor: Any) -> None:
    InitiativeStatusChange.objects.create(
        initiative=stored,
        from_status=previous,
        to_status=stored.status,
        reason=reason,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def status_history(initiative: Initiative) -> list[InitiativeStatusChange]:
    return list(initiative.status_changes.order_by("created_at", "pk"))


def status_since(initiative: Initiative, history: Sequence[InitiativeStatusChange]) -> Any:
    """When the initiative reached its current status: its last step there, else its start."""
    for step in reversed(history):
        if step.to_status == initiative.status:
            return step.created_at
    return initiative.created_at


def timeline(initiative: Initiative) -> dict[str, Any]:
    """The updates and status changes together, newest first, and since when the initiative
    has its current status (for the pages' context)."""
    history = status_history(initiative)
    entries: list[InitiativeUpdate | InitiativeStatusChange] = [
        *updates_of(initiative),
        *history,
    ]
    entries.sort(key=lambda entry: (entry.created_at, entry.pk), reverse=True)
    return {"updates": entries, "status_since": status_since(initiative, history)}


def _find_or_add_person(initiative: Initiative, *, first_name: str, email: str) -> Person:
    organisation_id = initiative.organisation_id
    person = (
        Person.objects.filter(organisation_id=organisation_id, email__iexact=email)
        .order_by("pk")
        .first()
    )
    if person is None:
        person = Person.objects.create(
            organisation_id=organisation_id, first_name=first_name, email=email
        )
    return person


@transaction.atomic
def add_member(
    *, initiative: Initiative, person: Person, kind: str, actor: Any
) -> tuple[TeamMember, str]:
    """Add someone to the team with a fresh personal link, mailed after the commit; (member,
    token). Adding someone who is already in the team gives them a new link."""
    if person.organisation_id != initiative.organisation_id:
        raise ValidationError(_("This person does not belong to this organisation."))
    token = new_token()
    member, created = TeamMember.objects.get_or_create(
        initiative=initiative, person=person, defaults={"kind": kind}
    )
    member.token_hash, member.revoked_at = hash_token(token), None
    member.save(update_fields=["token_hash", "revoked_at", "updated_at"])
    if not initiative.team.filter(is_contact=True).exists():
        TeamMember.objects.filter(pk=member.pk).update(is_contact=True)
        member.is_contact = True
    audit.record(
        actor=actor,
        action="initiative.member_added" if created else "initiative.member_new_link",
        subject=member,
        payload={"initiative": initiative.pk, "kind": member.kind},
    )
    # Straight after the commit, not through the task queue: the token is stored nowhere.
    transaction.on_commit(partial(send_team_link, member.pk, token))
    return member, token


def add_resident(
    *, initiative: Initiative, first_name: str, email: str, kind: str, actor: Any
) -> tuple[TeamMember, str]:
    with transaction.atomic():
        person = _find_or_add_person(initiative, first_name=first_name.strip(), email=email)
        return add_member(initiative=initiative, person=person, kind=kind, actor=actor)


def partners_of(initiative: Initiative) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(
            person__organisation_id=initiative.organisation_id,
            role=Membership.Role.PARTNER,
            is_active=True,
        )
        .select_related("person")
        .order_by("person__first_name", "pk")
    )


@transaction.atomic
def make_contact(*, member: TeamMember, actor: Any) -> TeamMember:
    Initiative.objects.select_for_update().get(pk=member.initiative_id)
    TeamMember.objects.filter(initiative_id=member.initiative_id, is_contact=True).update(
        is_contact=False
    )
    TeamMember.objects.filter(pk=member.pk).update(is_contact=True)
    member.is_contact = True
    audit.record(
        actor=actor,
        action="initiative.contact_changed",
        subject=member,
        payload={"initiative": member.initiative_id},
    )
    return member


@transaction.atomic
def revoke_member(*, member: TeamMember, actor: Any) -> TeamMember:
    """Take someone out of the team: their link stops working at once."""
    TeamMember.objects.filter(pk=member.pk).update(
        revoked_at=timezone.now(), is_contact=False, name_public=False
    )
    member.refresh_from_db()
    audit.record(
        actor=actor,
        action="initiative.member_revoked",
        subject=member,
        payload={"initiative": member.initiative_id},
    )
    return member


def is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def partner_member(initiative: Initiative, user: Any) -> TeamMember | None:
    """The user's place in the team as a partner of the initiative's organisation, if any."""
    if not is_user(user):
        return None
    organisations = {m.person.organisation_id for m in partner_memberships(user)}
    if initiative.organisation_id not in organisations:
        return None
    return (
        TeamMember.objects.select_related(
            "person", "initiative__series__organisation", "initiative__series__neighbourhood"
        )
        .filter(
            initiative=initiative,
            person__user=user,
            kind=TeamMember.Kind.PARTNER,
            revoked_at__isnull=True,
        )
        .first()
    )


def partner_initiatives(user: Any) -> QuerySet[Initiative]:
    """The initiatives whose team the user is in as a partner (for their own page)."""
    organisations = {m.person.organisation_id for m in partner_memberships(user)}
    return (
        Initiative.objects.filter(
            series__organisation_id__in=organisations,
            team__person__user=user,
            team__kind=TeamMember.Kind.PARTNER,
            team__revoked_at__isnull=True,
        )
        .select_related("series")
        .distinct()
        .order_by("-created_at", "pk")
    )


def member_by_token(token: str) -> TeamMember | None:
    """The team member behind a personal link; None when unknown or revoked."""
    if not plausible(token):
        return None
    return (
        TeamMember.objects.select_related(
            "person", "initiative__series__organisation", "initiative__series__neighbourhood"
        )
        .filter(token_hash=hash_token(token), revoked_at__isnull=True)
        .first()
    )


def _store_photos(
    initiative: Initiative, photos: Sequence[Any], **extra: Any
) -> list[InitiativePhoto]:
    # Where and with what it was taken stays on the phone.
    return [
        InitiativePhoto.objects.create(
            initiative=initiative, image=without_metadata(photo), **extra
        )
        for photo in photos
    ]


@transaction.atomic
def post_update(
    *,
    initiative: Initiative,
    text: str,
    photos: Sequence[Any] = (),
    member: TeamMember | None = None,
    actor: Any = None,
) -> InitiativeUpdate:
    """A dated update by a team member (through their link) or by staff. Each update is its own
    row: two posted at the same moment are both kept."""
    if member is not None and (member.initiative_id != initiative.pk or member.revoked_at):
        raise ValidationError(_("You are no longer in the team of this initiative."))
    update = InitiativeUpdate.objects.create(
        initiative=initiative,
        text=text.strip(),
        member=member,
        created_by=actor if is_user(actor) else None,
    )
    _store_photos(initiative, photos, update=update)
    audit.record(
        actor=actor,
        action="initiative.update_posted",
        subject=update,
        payload={"initiative": initiative.pk, "photos": len(photos)},
        actor_label=_link_label() if member is not None and not is_user(actor) else "",
    )
    return update


@transaction.atomic
def set_name_consent(*, member: TeamMember, name_public: bool) -> TeamMember:
    TeamMember.objects.filter(pk=member.pk).update(name_public=name_public)
    member.name_public = name_public
    audit.record(
        actor=None,
        action="initiative.name_consent",
        subject=member,
        payload={"name_public": name_public},
        actor_label=_link_label(),
    )
    return member


def celebration_meetings(initiative: Initiative) -> QuerySet[Meeting]:
    """Meetings of the series to link the celebration to; celebrations first."""
    return (
        Meeting.objects.filter(series_id=initiative.series_id)
        .select_related("series")
        .order_by("-starts_at")
    )


@transaction.atomic
def celebrate(
    *,
    initiative: Initiative,
    meeting: Meeting | None,
    story: str,
    photos: Sequence[Any] = (),
    actor: Any,
) -> Initiative:
    """Vieren: the initiative is celebrated, with the meeting where it happened, a short story
    and photos. Celebrating again replaces the story and adds the photos."""
    stored = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if meeting is not None and meeting.series_id != stored.series_id:
        raise ValidationError({"meeting": _("Choose a meeting of this dialogue series.")})
    previous = stored.status
    stored.status, stored.stopped_reason = Status.CELEBRATED, ""
    stored.celebration_meeting, stored.celebration_story = meeting, story.strip()
    stored.celebrated_at = stored.celebrated_at or timezone.now()
    stored.save()
    if previous != Status.CELEBRATED:
        _record_step(stored, previous, reason="", actor=actor)
    _store_photos(stored, photos, for_celebration=True)
    audit.record(
        actor=actor,
        action="initiative.celebrated",
        subject=stored,
        payload={
            "from": previous,
            "meeting": meeting.pk if meeting else None,
            "photos": len(photos),
        },
    )
    return stored
