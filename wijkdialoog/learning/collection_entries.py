"""Wijkdialogen in beweging: the published reports and stories of every organisation that
shares them, for everyone, searchable by free text, theme, neighbourhood, year and kind.

Only what is public anyway shows: a report that is published (of a meeting that is published and
not cancelled), the story version that is online, the themes a person named. A report taken
offline or an organisation that stops sharing is gone at the next page view. No personal data:
titles, organisation and neighbourhood names, years and theme names only.

A page costs three queries however many entries there are: the reports, the stories and the
themes of their series. Filtering, counting and paging happen on that list.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.dialogues.models import Series
from wijkdialoog.reporting.models import Report
from wijkdialoog.reporting.reports import published_reports
from wijkdialoog.reporting.reports_render import public_path
from wijkdialoog.synthesis.models import StoryVersion, Theme
from wijkdialoog.synthesis.story import online_versions

PER_PAGE = 20
FILTER_NAMES = ("q", "theme", "neighbourhood", "year", "kind")


class EntryKind(models.TextChoices):
    MEETING_REPORT = "meeting-report", _("Report of a meeting")
    SERIES_REPORT = "series-report", _("Report of a dialogue series")
    STORY = "story", _("Story of the neighbourhood")


@dataclass(frozen=True)
class Entry:
    kind: EntryKind
    title: str
    organisation: str
    neighbourhood: str
    year: int
    path: str
    series_id: int
    date: datetime
    themes: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return str(self.kind.label)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Collection:
    page: Page[Entry]
    total: int
    filters: dict[str, str]
    options: dict[str, list[Option]] = field(default_factory=dict)

    def page_query(self, number: int) -> str:
        """The query string of another page with the same filters."""
        values = {name: value for name, value in self.filters.items() if value}
        return urlencode({**values, "page": number})

    @property
    def filtered(self) -> bool:
        return any(self.filters.values())


def _sharing_series() -> Q:
    return Q(organisation__collection_sharing__shares=True)


def _report_entries(now: datetime) -> list[Entry]:
    reports = (
        published_reports()
        .filter(_sharing_series())
        .filter(
            Q(series__isnull=False)
            | Q(meeting__publish_at__lte=now, meeting__cancelled_at__isnull=True)
        )
    )
    return [_report_entry(report) for report in reports]


def _report_entry(report: Report) -> Entry:
    if report.meeting is not None:
        meeting = report.meeting
        series = meeting.series
        kind, title, date = EntryKind.MEETING_REPORT, meeting.display_title, meeting.starts_at
    else:
        assert report.series is not None
        series = report.series
        kind, title = EntryKind.SERIES_REPORT, str(public_text(series, "theme"))
        date = report.published_at or report.updated_at
    return Entry(
        kind=kind,
        title=title,
        organisation=report.organisation.name,
        neighbourhood=series.neighbourhood.name,
        year=timezone.localtime(date).year,
        path=public_path(report),
        series_id=series.pk,
        date=date,
    )


def _story_entry(version: StoryVersion) -> Entry:
    series = version.story.series
    content = version.content
    title = public_text(
        SimpleNamespace(title=content.get("title", ""), title_en=content.get("title_en", "")),
        "title",
    )
    path = reverse(
        "story-public", args=[series.organisation.slug, series.neighbourhood.slug, series.pk]
    )
    return Entry(
        kind=EntryKind.STORY,
        title=str(title) or str(public_text(series, "theme")),
        organisation=series.organisation.name,
        neighbourhood=series.neighbourhood.name,
        year=timezone.localtime(version.published_at).year,
        path=path,
        series_id=series.pk,
        date=version.published_at,
    )


def _themes_by_series(series_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The themes a person named (as on the public harvest pages), in their order."""
    names: dict[int, list[str]] = {}
    themes = Theme.objects.filter(series_id__in=set(series_ids), curated=True).order_by(
        "position", "pk"
    )
    for theme in themes.only("series_id", "name", "name_en", "position"):
        names.setdefault(theme.series_id, []).append(str(public_text(theme, "name")))
    return {series_id: tuple(found) for series_id, found in names.items()}


def all_entries() -> list[Entry]:
    """Every entry of the collection, newest first (three queries)."""
    entries = _report_entries(timezone.now())
    stories = online_versions(Series.objects.filter(_sharing_series()))
    entries += [_story_entry(version) for version in stories.values()]
    themes = _themes_by_series(entry.series_id for entry in entries)
    with_themes = [replace(entry, themes=themes.get(entry.series_id, ())) for entry in entries]
    return sorted(with_themes, key=lambda entry: (entry.date, entry.path), reverse=True)


def _text_matches(entry: Entry, text: str) -> bool:
    words = text.casefold().split()
    haystack = " ".join(
        [entry.title, entry.organisation, entry.neighbourhood, str(entry.year), *entry.themes]
    ).casefold()
    return all(word in haystack for word in words)


Test = Callable[[Entry, str], bool]
TESTS: dict[str, Test] = {
    "q": _text_matches,
    "theme": lambda entry, value: value in entry.themes,
    "neighbourhood": lambda entry, value: entry.neighbourhood == value,
    "year": lambda entry, value: str(entry.year) == value,
    "kind": lambda entry, value: entry.kind.value == value,
}
# The values an entry has for each facet, to count.
VALUES: dict[str, Callable[[Entry], Iterable[str]]] = {
    "theme": lambda entry: entry.themes,
    "neighbourhood": lambda entry: [entry.neighbourhood],
    "year": lambda entry: [str(entry.year)],
    "kind": lambda entry: [entry.kind.value],
}


def _matching(entries: list[Entry], filters: Mapping[str, str], *, but: str = "") -> list[Entry]:
    active = [(name, value) for name, value in filters.items() if value and name != but]
    return [entry for entry in entries if all(TESTS[name](entry, value) for name, value in active)]


def _options(entries: list[Entry], filters: Mapping[str, str]) -> dict[str, list[Option]]:
    """Per facet, each value with how many entries have it under the other filters."""
    labels = {kind.value: str(kind.label) for kind in EntryKind}
    options: dict[str, list[Option]] = {}
    for name, values_of in VALUES.items():
        counts = Counter(
            value for entry in _matching(entries, filters, but=name) for value in values_of(entry)
        )
        chosen = filters.get(name, "")
        if chosen and chosen not in counts:
            counts[chosen] = 0
        ordered = sorted(counts, key=lambda value: value.casefold(), reverse=name == "year")
        options[name] = [
            Option(value, labels.get(value, value), counts[value], value == chosen)
            for value in ordered
        ]
    return options


def clean_filters(data: Mapping[str, Any]) -> dict[str, str]:
    return {name: str(data.get(name, "") or "").strip()[:100] for name in FILTER_NAMES}


def collection(data: Mapping[str, Any], page_number: Any = 1) -> Collection:
    """The entries matching the visitor's filters, one page of them, with counts per facet."""
    filters = clean_filters(data)
    entries = all_entries()
    matching = _matching(entries, filters)
    page = Paginator(matching, PER_PAGE).get_page(page_number)
    return Collection(
        page=page, total=len(matching), filters=filters, options=_options(entries, filters)
    )
