"""Marking a card as a highlight from a harvest page: a POST per card, back to the same place."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..access import get_card_to_highlight
from ..harvest_forms import HighlightForm
from ..highlights import mark_highlight, unmark_highlight

MESSAGES = {
    HighlightForm.MARK: _("The card is a highlight for internal use."),
    HighlightForm.MARK_PUBLIC: _("The card is a highlight for public use."),
    HighlightForm.REMOVE: _("The card is no longer a highlight."),
}


def _back(request: Any, form: HighlightForm, card_pk: int, series_pk: int) -> str:
    target = form.cleaned_data.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("series-harvest", args=[series_pk])
    return f"{target.split('#')[0]}#card-{card_pk}"


@require_POST
def card_highlight(request: Any, pk: int) -> HttpResponse:
    card = get_card_to_highlight(request, pk)
    form = HighlightForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    choice = form.cleaned_data["highlight"]
    try:
        if choice == HighlightForm.REMOVE:
            unmark_highlight(card=card, actor=request.user)
        else:
            mark_highlight(
                card=card, actor=request.user, for_public=choice == HighlightForm.MARK_PUBLIC
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, str(MESSAGES[choice]))
    return redirect(_back(request, form, card.pk, card.meeting.series_id))


urlpatterns = [
    path("oogstkaart/<int:pk>/hoogtepunt/", card_highlight, name="card-highlight"),
]
