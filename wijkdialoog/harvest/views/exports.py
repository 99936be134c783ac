"""Downloads of a meeting's harvest cards (CSV or XLSX)."""

from django.urls import re_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkdialoog.core import exports
from wijkdialoog.dialogues.access import get_meeting_for

from .. import exports as card_exports


@require_GET
def cards_export(request, pk, file_format):
    meeting = get_meeting_for(request, pk, "harvest.export_cards")
    sheet = card_exports.export_cards(
        meeting=meeting,
        actor=request.user,
        file_format=file_format,
        with_internal=request.user.has_perm("harvest.view_internal_cards", meeting),
    )
    filename = exports.download_name(_("harvest"), meeting)
    return exports.response(sheet, file_format=file_format, filename=filename)


urlpatterns = [
    re_path(
        r"^bijeenkomst/(?P<pk>[0-9]+)/oogst\.(?P<file_format>csv|xlsx)$",
        cards_export,
        name="cards-export",
    ),
]
