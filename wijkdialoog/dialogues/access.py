"""Access helpers for dialogue pages: the one loader per kind of object (series, meeting,
table) that every app's views use. The rules themselves are in rules.py."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import current_organisation
from wijkdialoog.community.models import Organisation, Role
from wijkdialoog.core.access import require

from .models import Meeting, Series, Table

SERIES_RELATED = ("organisation", "neighbourhood")
MEETING_RELATED = ("organisation", "series__neighbourhood", "venue")
TABLE_RELATED = tuple(f"meeting__{name}" for name in MEETING_RELATED)


def _check(request, permission: str | None, subject, *, hide: bool) -> None:
    if permission is None:
        return
    if hide:
        if not request.user.has_perm(permission, subject):
            raise Http404
        return
    require(request, permission, subject)


def get_series_for(request, pk: int, permission: str) -> Series:
    """The series `pk` after checking `permission` on it (login page or 403 without it)."""
    series = get_object_or_404(Series.objects.select_related(*SERIES_RELATED), pk=pk)
    require(request, permission, series)
    return series


def get_meeting_for(
    request,
    pk: int,
    permission: str | None,
    *,
    hide: bool = False,
    related: tuple[str, ...] = (),
    queryset: QuerySet[Meeting] | None = None,
) -> Meeting:
    """The meeting `pk` after checking `permission` on it: without it anonymous visitors go to
    the login page and others get 403; with `hide` everyone gets 404, for pages whose address
    must not reveal that a meeting is being planned. `permission=None` leaves the check to the
    view, for the one page that checks a permission on a registration instead."""
    meetings = Meeting.objects.all() if queryset is None else queryset
    meeting = get_object_or_404(meetings.select_related(*MEETING_RELATED, *related), pk=pk)
    _check(request, permission, meeting, hide=hide)
    return meeting


def get_visible_meeting(request, pk: int) -> Meeting:
    """A meeting the visitor may see. Unpublished ones do not exist for the public (404, not a
    login page: the address should not reveal that something is being planned)."""
    return get_meeting_for(request, pk, "dialogues.view_meeting", hide=True)


def get_table_for(request, pk: int, permission: str, *, related: tuple[str, ...] = ()) -> Table:
    """The table `pk` after checking `permission` on it (login page or 403 without it)."""
    table = get_object_or_404(Table.objects.select_related(*TABLE_RELATED, *related), pk=pk)
    require(request, permission, table)
    return table


def organisation_for(request, permission: str) -> Organisation:
    """The organisation the organiser works in now, after checking `permission` on it."""
    organisation = current_organisation(request, Role.ORGANISER)
    require(request, permission, organisation)
    if organisation is None:  # pragma: no cover - the permission needs an organisation
        raise Http404
    return organisation
