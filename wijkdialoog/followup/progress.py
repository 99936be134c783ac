"""Public progress (issue 11, item 8): what became of the agreements and initiatives of a
neighbourhood, each with its status, the date of its last update and that update's text.

One query per kind: the latest update is a subquery, so the lists cost the same however long.
"""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.bilingual import PublicText
from wijkdialoog.dialogues.models import Series

from .models import Agreement, AgreementUpdate, Initiative, InitiativeUpdate


@dataclass(frozen=True)
class Progress:
    """One line of progress: an agreement or an initiative, what it is now and what last
    happened. `kind` is the model name (for ids in pages, never compared in
    templates)."""

    kind: str
    pk: int
    # An agreement's title in the page's language where the organiser wrote one.
    title: PublicText | str
    status: str
    status_label: str
    last_update_at: datetime.datetime | None
    last_update_text: str
    subject: Agreement | Initiative

    @property
    def is_initiative(self) -> bool:
        return isinstance(self.subject, Initiative)

    @property
    def changed_at(self) -> datetime.datetime:
        return self.last_update_at or self.subject.created_at


def _latest(model: type[AgreementUpdate] | type[InitiativeUpdate], field: str) -> Subquery:
    """The latest update's `field` of the outer agreement or initiative."""
    owner = "agreement" if model is AgreementUpdate else "initiative"
    updates = model.objects.filter(**{owner: OuterRef("pk")}).order_by("-created_at", "-pk")
    if model is AgreementUpdate:
        # A status change without words still counts as an update; its text may be empty.
        updates = updates.exclude(Q(text="") & Q(status=""))
    return Subquery(updates.values(field)[:1])


def agreements_with_latest(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    return agreements.select_related("series").annotate(
        last_at=_latest(AgreementUpdate, "created_at"),
        last_text=_latest(AgreementUpdate, "text"),
    )


def initiatives_with_latest(initiatives: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return initiatives.select_related("series").annotate(
        last_at=_latest(InitiativeUpdate, "created_at"),
        last_text=_latest(InitiativeUpdate, "text"),
    )


def _lines(agreements: QuerySet[Agreement], initiatives: QuerySet[Initiative]) -> list[Progress]:
    lines = [
        Progress(
            kind=str(Agreement._meta.model_name),
            pk=agreement.pk,
            title=agreement.public_title,
            status=agreement.status,
            status_label=str(agreement.get_status_display()),
            last_update_at=agreement.last_at,  # type: ignore[attr-defined]
            last_update_text=agreement.last_text or "",  # type: ignore[attr-defined]
            subject=agreement,
        )
        for agreement in agreements_with_latest(agreements)
    ]
    lines += [
        Progress(
            kind=str(Initiative._meta.model_name),
            pk=initiative.pk,
            title=initiative.name,
            status=initiative.status,
            status_label=str(initiative.get_status_display()),
            last_update_at=initiative.last_at,  # type: ignore[attr-defined]
            last_update_text=initiative.last_text or "",  # type: ignore[attr-defined]
            subject=initiative,
        )
        for initiative in initiatives_with_latest(initiatives)
    ]
    return sorted(lines, key=lambda line: (line.changed_at, line.kind, line.pk), reverse=True)


def for_neighbourhood(neighbourhood: Neighbourhood) -> list[Progress]:
    """The public agreements and initiatives of the neighbourhood, newest change first."""
    return _lines(
        Agreement.objects.filter(series__neighbourhood=neighbourhood, is_public=True),
        Initiative.objects.filter(series__neighbourhood=neighbourhood, is_public=True),
    )


def for_series(series: Series, *, public_only: bool) -> list[Progress]:
    agreements = Agreement.objects.filter(series=series)
    initiatives = Initiative.objects.filter(series=series)
    if public_only:
        agreements, initiatives = (
            agreements.filter(is_public=True),
            initiatives.filter(is_public=True),
        )
    return _lines(agreements, initiatives)
