"""Loading what the theme pages work on, after checking the permission: someone logged in who
works for the series' organisation without the right gets 403; anyone else 404, so that another
organisation cannot even learn that a series or a theme exists."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import roles_by_organisation
from wijkdialoog.core.access import LoginRequired
from wijkdialoog.dialogues.models import Series

from .models import Theme


def _check(request: HttpRequest, series: Series) -> None:
    if request.user.has_perm("synthesis.curate_themes", series):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    if series.organisation_id in roles_by_organisation(request.user):
        raise PermissionDenied
    raise Http404


def get_series_to_curate(request: HttpRequest, pk: int) -> Series:
    series = get_object_or_404(
        Series.objects.select_related("organisation", "neighbourhood"), pk=pk
    )
    _check(request, series)
    return series


def get_theme_to_curate(request: HttpRequest, pk: int) -> Theme:
    theme = get_object_or_404(
        Theme.objects.select_related("series__organisation", "series__neighbourhood"), pk=pk
    )
    _check(request, theme.series)
    return theme
