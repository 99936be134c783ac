"""Het verhaal van de buurt: the organiser's draft, its published versions and taking it offline.

The draft (`Story`) is what the organiser works on; publishing copies it into a new
`StoryVersion`, and the public sees the newest version that was not taken offline. A page reads
a story through `StoryText`, so the draft and an old version look the same to templates.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Series

from .models import Story, StoryVersion
from .story_data import story_data
from .story_text import Block, References, StoryData, references, render

PARTS: tuple[tuple[str, Promise], ...] = (
    ("appreciate", _("What we appreciate")),
    ("dream", _("What we dream of")),
    ("needed", _("What is needed")),
    ("ourselves", _("What we will do ourselves")),
)
PART_NAMES = tuple(name for name, _label in PARTS)
CONTENT_FIELDS = ("title", "title_en") + tuple(
    f"{name}{suffix}" for name in PART_NAMES for suffix in ("", "_en")
)


@dataclass(frozen=True)
class RenderedPart:
    name: str
    heading: Promise
    text: PublicText
    blocks: list[Block]


@dataclass(frozen=True)
class StoryText:
    """A story as a page shows it: the title and the parts in the page's language, rendered."""

    series: Series
    title: PublicText
    parts: list[RenderedPart]

    @property
    def first_part(self) -> RenderedPart | None:
        return self.parts[0] if self.parts else None


def content_of(story: Story) -> dict[str, str]:
    return {name: getattr(story, name) or "" for name in CONTENT_FIELDS}


def is_empty(content: dict[str, Any]) -> bool:
    return not any((content.get(name) or "").strip() for name in PART_NAMES)


def references_in(content: dict[str, Any]) -> References:
    return references(*(content.get(name) or "" for name in CONTENT_FIELDS))


def story_text(
    series: Series, content: dict[str, Any], data: StoryData, *, preview: bool = False
) -> StoryText:
    """The story in the active language: English where written, else Dutch marked as such."""
    values = SimpleNamespace(**{name: content.get(name) or "" for name in CONTENT_FIELDS})
    title = public_text(values, "title")
    if not title:
        title = PublicText(
            str(_("The story of %(name)s") % {"name": series.neighbourhood.name}), "nl"
        )
    parts = []
    for name, heading in PARTS:
        text = public_text(values, name)
        if text:
            parts.append(
                RenderedPart(name, heading, text, render(text.text, data, preview=preview))
            )
    return StoryText(series=series, title=title, parts=parts)


def draft_for(series: Series) -> Story:
    """The series' draft, or a new empty one (not saved yet)."""
    story = Story.objects.filter(series=series).first()
    return story if story is not None else Story(series=series)


@transaction.atomic
def save_story(*, series: Series, actor: Any, **changes: str) -> Story:
    """Keeps the draft. Nothing changes in public until it is published."""
    story, _created = Story.objects.select_for_update().get_or_create(series=series)
    before = audit.snapshot(story, CONTENT_FIELDS)
    for name, value in changes.items():
        if name in CONTENT_FIELDS:
            setattr(story, name, value)
    story.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    story.full_clean(exclude=["series"])
    story.save()
    changed = audit.changed_fields(story, before, CONTENT_FIELDS)
    audit.record(
        actor=actor, action="story.saved", subject=story, payload={"fields": sorted(changed)}
    )
    return story


@transaction.atomic
def publish_story(*, series: Series, actor: Any) -> StoryVersion:
    """Publishes the saved draft as the next version; the neighbourhood page shows it."""
    story = Story.objects.select_for_update().filter(series=series).first()
    content = content_of(story) if story is not None else {}
    if story is None or is_empty(content):
        raise ValidationError(
            _("The story is still empty. Write at least one part before you publish it."),
            code="empty",
        )
    newest = story.versions.aggregate(newest=Max("number"))["newest"] or 0
    version = StoryVersion.objects.create(
        story=story,
        number=newest + 1,
        content=content,
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record(
        actor=actor, action="story.published", subject=story, payload={"version": version.number}
    )
    return version


@transaction.atomic
def withdraw_story(*, series: Series, actor: Any) -> StoryVersion:
    """Takes the version the public sees offline; the one before it (if any) shows again."""
    version = (
        StoryVersion.objects.select_for_update()
        .filter(story__series=series, withdrawn_at__isnull=True)
        .order_by("-number")
        .first()
    )
    if version is None:
        raise ValidationError(_("No version of the story is online."), code="not_online")
    version.withdrawn_at = timezone.now()
    version.save(update_fields=["withdrawn_at"])
    audit.record(
        actor=actor,
        action="story.withdrawn",
        subject=version.story,
        payload={"version": version.number},
    )
    return version


def online_versions(series: Iterable[Series] | QuerySet[Series]) -> dict[int, StoryVersion]:
    """For each series, the version the public sees: the newest one not taken offline (one
    query, however many series)."""
    newest = (
        StoryVersion.objects.filter(story=OuterRef("story"), withdrawn_at__isnull=True)
        .order_by("-number")
        .values("pk")[:1]
    )
    versions = (
        StoryVersion.objects.filter(story__series__in=series, withdrawn_at__isnull=True)
        .annotate(newest_pk=Subquery(newest))
        .filter(pk=F("newest_pk"))
        .select_related("story__series__neighbourhood", "story__series__organisation")
    )
    return {version.story.series_id: version for version in versions}


def online_version(series: Series) -> StoryVersion | None:
    return online_versions([series]).get(series.pk)


def published_stories(versions: Iterable[StoryVersion]) -> list[StoryText]:
    """The public text of these versions, with their data loaded together."""
    versions = list(versions)
    data = story_data(
        {version.story.series_id: references_in(version.content) for version in versions}
    )
    return [
        story_text(version.story.series, version.content, data[version.story.series_id])
        for version in versions
    ]


def rendered(series: Series, content: dict[str, Any], *, preview: bool = False) -> StoryText:
    data = story_data({series.pk: references_in(content)}, preview=preview)
    return story_text(series, content, data[series.pk], preview=preview)


def history(series: Series) -> list[StoryVersion]:
    return list(
        StoryVersion.objects.filter(story__series=series)
        .select_related("published_by")
        .prefetch_related("published_by__persons")
        .order_by("-number")
    )


def online_number(versions: list[StoryVersion]) -> int | None:
    """The number of the version the public sees, from the history's rows."""
    return next((item.number for item in versions if item.withdrawn_at is None), None)
