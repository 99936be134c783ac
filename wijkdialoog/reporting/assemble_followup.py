"""The follow-up part of a report: the published wijkagenda with its minority voices, the
decisions with what the minority needs, initiatives and agreements with their status (public
ones only outside the organisation), and the partners named in them."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from wijkdialoog.agenda.models import Agenda, AgendaItem
from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.followup.models import Agreement, AgreementParty, Decision, Initiative

from .assemble_audience import Audience
from .models import Report


@dataclass(frozen=True)
class MinorityVoice:
    """A Deep Democracy step: on what, who sees it differently, what they need to come along."""

    about: PublicText
    view: PublicText
    needs: PublicText


@dataclass(frozen=True)
class ItemShown:
    """A priority of the published wijkagenda, in the page's language."""

    title: PublicText
    why: PublicText


@dataclass(frozen=True)
class AgreementShown:
    agreement: Agreement
    partners: list[str]
    with_residents: bool


@dataclass
class FollowUp:
    agendas: list[Agenda]
    items: list[ItemShown]
    minority_voices: list[MinorityVoice]
    decisions: list[Decision]
    initiatives: list[Initiative]
    agreements: list[AgreementShown]
    partner_names: list[str]


def _agenda(series: Series) -> tuple[list[Agenda], list[AgendaItem]]:
    agendas = list(
        Agenda.objects.filter(series=series, published_at__lte=timezone.now())
        .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.order_by("position", "pk")))
        .order_by("published_at", "pk")
    )
    return agendas, [item for agenda in agendas for item in agenda.items.all()]


def _minority(items: list[AgendaItem], decisions: list[Decision]) -> list[MinorityVoice]:
    voices = [
        MinorityVoice(
            about=public_text(item, "title"),
            view=public_text(item, "minority_view"),
            needs=public_text(item, "minority_needs"),
        )
        for item in items
        if item.minority_view.strip() or item.minority_needs.strip()
    ]
    voices += [
        MinorityVoice(
            about=PublicText(decision.title, "nl"),
            view=public_text(decision, "minority_view"),
            needs=public_text(decision, "minority_needs"),
        )
        for decision in decisions
        if decision.minority_view.strip() or decision.minority_needs.strip()
    ]
    return voices


def _decisions(series: Series, meetings: list[Meeting], report: Report) -> list[Decision]:
    decisions = Decision.objects.filter(series=series, winner__isnull=False)
    if report.meeting_id:
        decisions = decisions.filter(meeting_id=report.meeting_id)
    return list(decisions.select_related("winner").order_by("decided_at", "pk"))


def _agreements(series: Series, audience: Audience) -> list[AgreementShown]:
    agreements = Agreement.objects.filter(series=series).prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.order_by("pk"))
    )
    if audience != Audience.INTERNAL:
        agreements = agreements.filter(is_public=True)
    shown = []
    for agreement in agreements.order_by("created_at", "pk"):
        parties = list(agreement.parties.all())
        shown.append(
            AgreementShown(
                agreement=agreement,
                # Partner organisations by name; residents are never named here.
                partners=sorted({p.display_name for p in parties if p.is_partner}),
                with_residents=any(not p.is_partner for p in parties),
            )
        )
    return shown


def followup(
    series: Series, meetings: list[Meeting], *, report: Report, audience: Audience
) -> FollowUp:
    agendas, items = _agenda(series)
    decisions = _decisions(series, meetings, report)
    initiatives = Initiative.objects.filter(series=series)
    if audience != Audience.INTERNAL:
        initiatives = initiatives.filter(is_public=True)
    agreements = _agreements(series, audience)
    names = sorted({name for shown in agreements for name in shown.partners})
    return FollowUp(
        agendas=agendas,
        items=[ItemShown(public_text(item, "title"), public_text(item, "why")) for item in items],
        minority_voices=_minority(items, decisions),
        decisions=decisions,
        initiatives=list(initiatives.filter(~Q(status="")).order_by("created_at", "pk")),
        agreements=agreements,
        partner_names=names,
    )
