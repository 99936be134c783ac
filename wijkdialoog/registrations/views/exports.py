"""Downloads of a meeting's registrations (CSV or XLSX) for organisers."""

from django.urls import re_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkdialoog.core import exports
from wijkdialoog.dialogues.access import get_meeting_for

from .. import exports as registration_exports


@require_GET
def registrations_export(request, pk, file_format):
    meeting = get_meeting_for(request, pk, "registrations.export_registrations")
    sheet = registration_exports.export_registrations(
        meeting=meeting, actor=request.user, file_format=file_format
    )
    filename = exports.download_name(_("registrations"), meeting)
    return exports.response(sheet, file_format=file_format, filename=filename)


urlpatterns = [
    re_path(
        r"^beheer/bijeenkomsten/(?P<pk>[0-9]+)/aanmeldingen\.(?P<file_format>csv|xlsx)$",
        registrations_export,
        name="registrations-export",
    ),
]
