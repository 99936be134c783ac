"""Typing in cards from paper afterwards, keyboard only."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.dialogues.access import get_meeting_for
from wijkdialoog.dialogues.models import Meeting

from .. import paper
from ..models import Card


def _meeting(request, pk: int) -> Meeting:
    return get_meeting_for(
        request, pk, "harvest.enter_paper_cards", related=("method", "series__default_method")
    )


def _back_to_entry(meeting: Meeting, query: str):
    url = reverse("paper-entry", args=[meeting.pk])
    return redirect(f"{url}?{query}" if query else url)


@require_http_methods(["GET", "POST"])
def paper_entry(request, pk):
    meeting = _meeting(request, pk)
    method = paper.method_for_paper(meeting)
    form = paper.PaperCardForm(
        request.POST or None,
        meeting=meeting,
        method=method,
        initial=paper.sticky_initial(request.GET),
    )
    if request.method == "POST" and form.is_valid():
        card = form.save(actor=request.user)
        if card is not None:
            messages.success(request, _("Card saved. Type the next one."))
            return _back_to_entry(meeting, form.sticky_query())
    return render(
        request,
        "harvest/paper_entry.html",
        {
            "meeting": meeting,
            "method": method,
            "form": form,
            "has_tables": form.fields["table"].queryset.exists(),
            "recent": paper.recent_paper_cards(meeting),
            # Undo keeps the choices on the screen, also those of a form sent with a mistake.
            "sticky_query": paper.sticky_query_from(request.POST or request.GET),
        },
    )


@require_POST
def paper_card_delete(request, pk, card_pk):
    meeting = _meeting(request, pk)
    card = get_object_or_404(Card, pk=card_pk, meeting=meeting, source=Card.Source.PAPER)
    paper.delete_paper_card(card=card, actor=request.user)
    messages.success(request, _("The card has been removed."))
    return _back_to_entry(meeting, paper.sticky_query_from(request.GET))


urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/papieren-oogst/", paper_entry, name="paper-entry"),
    path(
        "beheer/bijeenkomsten/<int:pk>/papieren-oogst/<int:card_pk>/weghalen/",
        paper_card_delete,
        name="paper-card-delete",
    ),
]
