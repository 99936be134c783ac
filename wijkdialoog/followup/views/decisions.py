"""The organiser's pages of a decision moment: the list per series, making one, the options,
opening and closing the vote, the QR sheet, the dots on paper, the result, confirming the
choice, the Deep Democracy step and turning the chosen dream into an initiative."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.models import Series

from .. import decision_sheet, decisions
from ..decision_forms import (
    DecisionForm,
    DecisionInitiativeForm,
    MinorityForm,
    OptionsForm,
    PaperVotesForm,
    WinnerForm,
)
from ..models import Decision, DecisionOption

PERMISSION = "followup.manage_decisions"


def _series(request: HttpRequest, pk: int) -> Series:
    series = get_object_or_404(
        Series.objects.select_related("organisation", "neighbourhood"), pk=pk
    )
    require(request, PERMISSION, series)
    return series


def _decision(request: HttpRequest, pk: int) -> Decision:
    decision = get_object_or_404(
        Decision.objects.select_related(
            "series__organisation", "series__neighbourhood", "meeting", "winner", "initiative"
        ),
        pk=pk,
    )
    require(request, PERMISSION, decision)
    return decision


@require_GET
def decision_list(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    return render(
        request,
        "followup/decisions/decision_list.html",
        {"series": series, "decisions": list(decisions.for_series(series))},
    )


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    form = DecisionForm(request.POST or None, meetings=decisions.series_meetings(series))
    if request.method == "POST" and form.is_valid():
        try:
            decision = decisions.create_decision(
                series=series,
                title=form.cleaned_data["title"],
                question=form.cleaned_data["question"],
                meeting=form.cleaned_data["meeting"],
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The decision is made. Now add the options."))
            return redirect("decision-manage", pk=decision.pk)
    return render(
        request, "followup/decisions/decision_form.html", {"series": series, "form": form}
    )


def _options_form(decision: Decision, data: Any = None) -> OptionsForm:
    series = decision.series
    return OptionsForm(
        data,
        cards=decisions.option_cards(series),
        themes=decisions.option_themes(series),
        items=decisions.option_items(series),
    )


def _manage_page(
    request: HttpRequest, decision: Decision, status: int = 200, **forms: Any
) -> HttpResponse:
    options = decision.options.order_by("position", "pk")
    rows = decisions.results(decision)
    suggested = decisions.suggested_winner(rows)
    winner = decision.winner
    context = {
        "decision": decision,
        "series": decision.series,
        "options": list(options),
        "results": rows,
        "suggested": suggested,
        "vote_url": decision_sheet.vote_url(decision),
        "options_form": forms.get("options_form") or _options_form(decision),
        "paper_form": forms.get("paper_form") or PaperVotesForm(options=options),
        "winner_form": forms.get("winner_form")
        or WinnerForm(options=options, initial={"option": suggested}),
        "minority_form": forms.get("minority_form") or MinorityForm(instance=decision),
        "initiative_form": forms.get("initiative_form")
        or DecisionInitiativeForm(
            initial={"name": winner.text[:160], "what": winner.text} if winner else {}
        ),
        "errors": forms.get("errors"),
    }
    return render(request, "followup/decisions/decision_manage.html", context, status=status)


@require_GET
def decision_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, _decision(request, pk))


def _done(request: HttpRequest, decision: Decision, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("decision-manage", pk=decision.pk)


@require_POST
def decision_options(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    form = _options_form(decision, request.POST)
    if form.is_valid():
        try:
            decisions.add_options(
                decision=decision,
                cards=form.cleaned_data["cards"],
                themes=form.cleaned_data["themes"],
                items=form.cleaned_data["items"],
                typed=form.cleaned_data["typed"],
                typed_en=form.cleaned_data["typed_en"],
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return _done(request, decision, _("The options are added."))
    return _manage_page(request, decision, status=400, options_form=form)


@require_POST
def decision_option_remove(request: HttpRequest, pk: int) -> HttpResponse:
    option = get_object_or_404(DecisionOption.objects.select_related("decision__series"), pk=pk)
    require(request, PERMISSION, option.decision)
    try:
        decisions.remove_option(option=option, actor=request.user)
    except ValidationError as error:
        return _manage_page(request, option.decision, status=409, errors=error.messages)
    return _done(request, option.decision, _("The option is removed."))


@require_POST
def decision_state(request: HttpRequest, pk: int) -> HttpResponse:
    """Open or close the vote (the button says which)."""
    decision = _decision(request, pk)
    opening = request.POST.get("to") == "open"
    change = decisions.open_vote if opening else decisions.close_vote
    try:
        change(decision=decision, actor=request.user)
    except ValidationError as error:
        return _manage_page(request, decision, status=409, errors=error.messages)
    return _done(request, decision, _("The vote is open.") if opening else _("The vote is closed."))


@require_POST
def decision_paper(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    form = PaperVotesForm(request.POST, options=decision.options.order_by("position", "pk"))
    if form.is_valid():
        try:
            decisions.record_paper_votes(
                decision=decision, tallies=form.tallies(), actor=request.user
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return _done(request, decision, _("The dots on paper are counted."))
    return _manage_page(request, decision, status=400, paper_form=form)


@require_POST
def decision_winner(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    form = WinnerForm(request.POST, options=decision.options.all())
    if form.is_valid():
        try:
            decisions.choose_winner(
                decision=decision, option=form.cleaned_data["option"], actor=request.user
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return _done(request, decision, _("The choice is confirmed."))
    return _manage_page(request, decision, status=400, winner_form=form)


@require_POST
def decision_minority(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    form = MinorityForm(request.POST, instance=Decision.objects.get(pk=decision.pk))
    if form.is_valid():
        try:
            decisions.record_minority(decision=decision, data=form.cleaned_data, actor=request.user)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return _done(request, decision, _("What the minority needs is recorded."))
    return _manage_page(request, decision, status=400, minority_form=form)


@require_POST
def decision_initiative(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    form = DecisionInitiativeForm(request.POST)
    if form.is_valid():
        try:
            initiative = decisions.make_initiative(
                decision=decision,
                name=form.cleaned_data["name"],
                what=form.cleaned_data["what"],
                is_public=form.cleaned_data["is_public"],
                moments=form.moments(),
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The initiative is made. Now add its werkgroep."))
            return redirect("initiative-manage", pk=initiative.pk)
    return _manage_page(request, decision, status=400, initiative_form=form)


@require_GET
def decision_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The A4 sheet with the QR code, to print or to show on a screen."""
    decision = _decision(request, pk)
    return decision_sheet.response(decision)


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/keuzes/", decision_list, name="decision-list"),
    path("beheer/wijkdialogen/<int:pk>/keuzes/nieuw/", decision_create, name="decision-create"),
    path("beheer/keuzes/<int:pk>/", decision_manage, name="decision-manage"),
    path("beheer/keuzes/<int:pk>/opties/", decision_options, name="decision-options"),
    path(
        "beheer/keuze-opties/<int:pk>/weg/",
        decision_option_remove,
        name="decision-option-remove",
    ),
    path("beheer/keuzes/<int:pk>/stemming/", decision_state, name="decision-state"),
    path("beheer/keuzes/<int:pk>/papier/", decision_paper, name="decision-paper"),
    path("beheer/keuzes/<int:pk>/keuze/", decision_winner, name="decision-winner"),
    path("beheer/keuzes/<int:pk>/minderheid/", decision_minority, name="decision-minority"),
    path("beheer/keuzes/<int:pk>/initiatief/", decision_initiative, name="decision-initiative"),
    path("beheer/keuzes/<int:pk>/qr.pdf", decision_qr, name="decision-qr"),
]
