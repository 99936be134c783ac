"""The harvest of a series or a meeting in one place, with filters, pages and downloads.

Everyone with `synthesis.view_harvest` opens the same address; what it shows follows the viewer
(collection.Viewer). The page is never stored in a shared cache: its content depends on who
looks.
"""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, re_path
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkdialoog.core import exports
from wijkdialoog.dialogues.models import Meeting, Series

from .. import exports as harvest_exports
from ..access import get_meeting_harvest, get_series_harvest
from ..collection import Filters, collect, viewer_for


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _page(request: Any, scope: Series | Meeting, series: Series) -> HttpResponse:
    viewer = viewer_for(request.user, scope)
    filters = Filters.from_query(request.GET, viewer)
    collection = collect(scope, viewer, filters, request.GET.get("page"))
    context = {
        "collection": collection,
        "series": series,
        "meeting": scope if isinstance(scope, Meeting) else None,
        "filters": filters,
        "query": filters.query_string(),
        "can_mark_highlights": request.user.has_perm("synthesis.mark_highlights", scope),
        "can_manage": request.user.has_perm("dialogues.manage_series", series),
    }
    return _private(render(request, "synthesis/harvest.html", context))


@require_GET
def series_harvest(request: Any, pk: int) -> HttpResponse:
    series = get_series_harvest(request, pk)
    return _page(request, series, series)


@require_GET
def meeting_harvest(request: Any, pk: int) -> HttpResponse:
    meeting = get_meeting_harvest(request, pk)
    return _page(request, meeting, meeting.series)


def _export(request: Any, scope: Series | Meeting, file_format: str) -> HttpResponse:
    viewer = viewer_for(request.user, scope)
    sheet = harvest_exports.export_harvest(
        scope=scope,
        viewer=viewer,
        filters=Filters.from_query(request.GET, viewer),
        actor=request.user,
        file_format=file_format,
    )
    if isinstance(scope, Meeting):
        filename = exports.download_name(_("harvest"), scope)
    else:
        filename = exports.slugify(f"{_('harvest')} {scope.theme}")[:80]
    return exports.response(sheet, file_format=file_format, filename=filename)


@require_GET
def series_harvest_export(request: Any, pk: int, file_format: str) -> HttpResponse:
    return _export(request, get_series_harvest(request, pk), file_format)


@require_GET
def meeting_harvest_export(request: Any, pk: int, file_format: str) -> HttpResponse:
    return _export(request, get_meeting_harvest(request, pk), file_format)


urlpatterns = [
    path("wijkdialogen/<int:pk>/oogst/", series_harvest, name="series-harvest"),
    re_path(
        r"^wijkdialogen/(?P<pk>[0-9]+)/oogst\.(?P<file_format>csv|xlsx)$",
        series_harvest_export,
        name="series-harvest-export",
    ),
    path("bijeenkomst/<int:pk>/oogst-overzicht/", meeting_harvest, name="meeting-harvest"),
    re_path(
        r"^bijeenkomst/(?P<pk>[0-9]+)/oogst-overzicht\.(?P<file_format>csv|xlsx)$",
        meeting_harvest_export,
        name="meeting-harvest-export",
    ),
]
