"""Choosing one dream together: the organiser prepares the options, opens and closes the vote,
types in the dots on paper, confirms the winner, records the Deep Democracy step and turns the
chosen dream into an initiative with planned contact moments. Every organiser change goes to the
audit log. Residents vote through the QR link (see decision_voting.py)."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

from .initiatives import SEED_KINDS, create_initiative
from .models import ContactMoment, Decision, DecisionOption, Initiative

Status = Decision.Status
MINORITY_FIELDS = ("minority_view", "minority_view_en", "minority_needs", "minority_needs_en")


def for_series(series: Series) -> QuerySet[Decision]:
    return Decision.objects.filter(series=series).select_related("winner", "meeting")


def option_cards(series: Series) -> QuerySet[Card]:
    """Dream, idea and initiative cards of the series that are public: their text is shown on
    the voting page to anyone with the QR code."""
    return (
        Card.objects.filter(
            meeting__series=series, kind__in=SEED_KINDS, publication=Card.Publication.PUBLIC
        )
        .exclude(status=Card.Status.REJECTED)
        .order_by("meeting__starts_at", "pk")
    )


def option_themes(series: Series) -> QuerySet[Theme]:
    return Theme.objects.filter(series=series).order_by("position", "pk")


def option_items(series: Series) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(agenda__series=series).order_by("agenda", "position", "pk")


def series_meetings(series: Series) -> QuerySet[Meeting]:
    return Meeting.objects.filter(series=series).select_related("series").order_by("-starts_at")


@transaction.atomic
def create_decision(
    *, series: Series, title: str, question: str, meeting: Meeting | None, actor: Any
) -> Decision:
    if meeting is not None and meeting.series_id != series.pk:
        raise ValidationError({"meeting": _("Choose a meeting of this dialogue series.")})
    decision = Decision.objects.create(
        series=series,
        meeting=meeting,
        title=title.strip(),
        question=question.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record(
        actor=actor, action="decision.created", subject=decision, payload={"series": series.pk}
    )
    return decision


def _locked(decision: Decision) -> Decision:
    return Decision.objects.select_for_update().get(pk=decision.pk)


@transaction.atomic
def add_options(
    *,
    decision: Decision,
    cards: Iterable[Card] = (),
    themes: Iterable[Theme] = (),
    items: Iterable[AgendaItem] = (),
    typed: str = "",
    typed_en: str = "",
    actor: Any,
) -> list[DecisionOption]:
    """Options are added while the vote is being prepared; the texts are copied, so the ballot
    does not change under the voters' thumbs."""
    stored = _locked(decision)
    if not stored.is_draft:
        raise ValidationError(_("Options can only be added before the vote opens."))
    start = stored.options.count()
    rows = [DecisionOption(text=card.text[:280], card=card) for card in cards]
    rows += [DecisionOption(text=t.name, text_en=t.name_en, theme=t) for t in themes]
    rows += [DecisionOption(text=i.title, text_en=i.title_en, agenda_item=i) for i in items]
    if typed.strip():
        rows.append(DecisionOption(text=typed.strip(), text_en=typed_en.strip()))
    if not rows:
        raise ValidationError(_("Choose or type at least one option."))
    for number, row in enumerate(rows):
        row.decision, row.position = stored, start + number
    made = DecisionOption.objects.bulk_create(rows)
    audit.record(
        actor=actor,
        action="decision.options_added",
        subject=stored,
        payload={"options": [row.text for row in made]},
    )
    return made


@transaction.atomic
def remove_option(*, option: DecisionOption, actor: Any) -> None:
    stored = _locked(option.decision)
    if not stored.is_draft:
        raise ValidationError(_("Options can only be removed before the vote opens."))
    audit.record(
        actor=actor,
        action="decision.option_removed",
        subject=stored,
        payload={"option": option.text},
    )
    option.delete()


@transaction.atomic
def open_vote(*, decision: Decision, actor: Any) -> Decision:
    stored = _locked(decision)
    if stored.is_decided:
        raise ValidationError(_("The choice is made; the vote cannot open again."))
    if stored.options.count() < 2:
        raise ValidationError(_("Add at least two options before the vote opens."))
    previous, stored.status = stored.status, Status.OPEN
    stored.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action="decision.opened", subject=stored, payload={"from": previous})
    return stored


@transaction.atomic
def close_vote(*, decision: Decision, actor: Any) -> Decision:
    """The decision row is locked: a vote that is being stored finishes first or is refused."""
    stored = _locked(decision)
    if not stored.is_open:
        raise ValidationError(_("The vote is not open."))
    stored.status = Status.CLOSED
    stored.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action="decision.closed", subject=stored, payload={})
    return stored


@transaction.atomic
def record_paper_votes(*, decision: Decision, tallies: dict[int, int], actor: Any) -> Decision:
    """The dots on paper per option, typed in at the meeting; replaces earlier tallies."""
    stored = _locked(decision)
    if stored.is_decided or stored.is_draft:
        raise ValidationError(_("Dots on paper are typed in while the vote is open or closed."))
    if any(count < 0 for count in tallies.values()):
        raise ValidationError(_("A number of dots cannot be negative."))
    options = list(stored.options.filter(pk__in=tallies))
    for option in options:
        option.paper_votes = tallies[option.pk]
    DecisionOption.objects.bulk_update(options, ["paper_votes", "updated_at"])
    audit.record(
        actor=actor,
        action="decision.paper_votes",
        subject=stored,
        payload={str(option.pk): option.paper_votes for option in options},
    )
    return stored


@dataclass(frozen=True)
class Result:
    option: DecisionOption
    phone: int
    paper: int

    @property
    def total(self) -> int:
        return self.phone + self.paper


def results(decision: Decision) -> list[Result]:
    """Every option with its phone votes and dots on paper, most votes first."""
    options = decision.options.annotate(phone=Count("votes")).order_by("position", "pk")
    rows = [Result(option, option.phone, option.paper_votes) for option in options]
    return sorted(rows, key=lambda row: -row.total)


def suggested_winner(rows: Sequence[Result]) -> DecisionOption | None:
    """The option with the most votes; none on a tie for first place or without votes."""
    if not rows or rows[0].total == 0 or (len(rows) > 1 and rows[1].total == rows[0].total):
        return None
    return rows[0].option


@transaction.atomic
def choose_winner(*, decision: Decision, option: DecisionOption, actor: Any) -> Decision:
    stored = _locked(decision)
    if not stored.is_closed:
        raise ValidationError(_("Close the vote before you confirm the choice."))
    if option.decision_id != stored.pk:
        raise ValidationError({"option": _("Choose one of the options of this decision.")})
    stored.winner, stored.decided_at = option, timezone.now()
    stored.save(update_fields=["winner", "decided_at", "updated_at"])
    totals = {str(row.option.pk): row.total for row in results(stored)}
    audit.record(
        actor=actor,
        action="decision.winner_chosen",
        subject=stored,
        payload={"option": option.pk, "totals": totals},
    )
    return stored


@transaction.atomic
def record_minority(*, decision: Decision, data: dict[str, str], actor: Any) -> Decision:
    """Deep Democracy: who sees it differently, and what they need to come along. Stored with
    the decision and shown wherever the decision is."""
    stored = _locked(decision)
    if not stored.is_decided:
        raise ValidationError(_("Confirm the choice first, then ask who sees it differently."))
    for field in MINORITY_FIELDS:
        setattr(stored, field, data.get(field, "").strip())
    if not stored.minority_view and not stored.minority_needs:
        raise ValidationError({"minority_needs": _("Write what the minority needs to come along.")})
    stored.minority_recorded_at = timezone.now()
    stored.save(update_fields=[*MINORITY_FIELDS, "minority_recorded_at", "updated_at"])
    audit.record(actor=actor, action="decision.minority_recorded", subject=stored, payload={})
    return stored


@transaction.atomic
def make_initiative(
    *,
    decision: Decision,
    name: str,
    what: str,
    is_public: bool,
    moments: Sequence[tuple[datetime.date, str]],
    actor: Any,
) -> Initiative:
    """Samen verder: the chosen dream becomes an initiative, linked to the decision, with its
    planned contact moments. The werkgroep is its team, added on the initiative's page."""
    stored = _locked(decision)
    if not stored.is_decided or stored.winner is None:
        raise ValidationError(_("Confirm the choice first."))
    if stored.initiative_id is not None:
        raise ValidationError(_("This choice is already an initiative."))
    winner = stored.winner
    initiative = create_initiative(
        series=stored.series,
        data={"name": name, "what": what, "why": stored.question, "is_public": is_public},
        cards=[winner.card] if winner.card else [],
        themes=[winner.theme] if winner.theme else [],
        agenda_item=winner.agenda_item,
        actor=actor,
    )
    ContactMoment.objects.bulk_create(
        [ContactMoment(initiative=initiative, on=on, what=what) for on, what in moments]
    )
    stored.initiative = initiative
    stored.save(update_fields=["initiative", "updated_at"])
    audit.record(
        actor=actor,
        action="decision.initiative_made",
        subject=stored,
        payload={"initiative": initiative.pk, "contact_moments": len(moments)},
    )
    return initiative


def _public(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """Only decided decisions: the result and the minority's needs are public; who voted is
    never stored."""
    return (
        decisions.filter(winner__isnull=False)
        .select_related("winner", "initiative", "series__organisation", "series__neighbourhood")
        .order_by("-decided_at", "-pk")
    )


def public_decisions(neighbourhood: Neighbourhood) -> QuerySet[Decision]:
    return _public(Decision.objects.filter(series__neighbourhood=neighbourhood))


def public_decisions_of_meeting(meeting: Meeting) -> QuerySet[Decision]:
    return _public(Decision.objects.filter(meeting=meeting))
