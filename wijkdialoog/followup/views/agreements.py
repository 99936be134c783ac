"""The organiser's wijkafspraken of a series, and one agreement's page: parties, commitments,
status and timeline. Partners of a party see the page too, and update their own part there."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import get_series_for
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

from .. import agreements
from ..agreement_forms import AgreementForm, PartyForm, PartyUpdateForm, RespondForm, StatusForm
from ..models import Agreement, AgreementParty, AgreementUpdate

PARTIES = Prefetch(
    "parties", queryset=AgreementParty.objects.select_related("person").order_by("due_on", "pk")
)


def _source(request: HttpRequest, series: Any) -> dict[str, Any]:
    """The agenda item, card or theme named in the address, when it is of this series."""
    source: dict[str, Any] = {}
    lookups = (
        ("agenda_item", AgendaItem.objects.filter(agenda__series=series)),
        ("card", Card.objects.filter(meeting__series=series)),
        ("theme", Theme.objects.filter(series=series)),
    )
    for name, queryset in lookups:
        value = request.GET.get(name, "")
        if value.isdigit():
            source[name] = get_object_or_404(queryset, pk=int(value))
    return source


def _initial(source: dict[str, Any]) -> dict[str, str]:
    if "agenda_item" in source:
        return {"title": source["agenda_item"].title, "description": source["agenda_item"].why}
    if "card" in source:
        return {"title": source["card"].text[:200]}
    if "theme" in source:
        return {"title": source["theme"].name, "description": source["theme"].description}
    return {}


@require_http_methods(["GET", "POST"])
def series_agreements(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "followup.manage_agreements")
    source = _source(request, series)
    form = AgreementForm(request.POST or None, initial=_initial(source))
    if request.method == "POST" and form.is_valid():
        try:
            agreement = agreements.create_agreement(
                series=series, actor=request.user, **form.cleaned_data, **source
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The agreement is made. Now add the parties."))
            return redirect("agreement-detail", pk=agreement.pk)
    rows = (
        Agreement.objects.filter(series=series)
        .select_related("agenda_item", "card", "theme")
        .prefetch_related(PARTIES)
    )
    return render(
        request,
        "followup/agreements/series_agreements.html",
        {"series": series, "agreements": rows, "form": form, "source": source},
    )


def _agreement(pk: int) -> Agreement:
    return get_object_or_404(
        Agreement.objects.select_related(
            "series__organisation", "series__neighbourhood", "agenda_item", "card", "theme"
        ).prefetch_related(PARTIES),
        pk=pk,
    )


def _detail_context(request: HttpRequest, agreement: Agreement) -> dict[str, Any]:
    manages = request.user.has_perm("followup.manage_agreements", agreement)
    own = [
        p for p in agreement.parties.all() if request.user.has_perm("followup.update_commitment", p)
    ]
    timeline = AgreementUpdate.objects.filter(agreement=agreement).select_related("party__person")
    return {
        "agreement": agreement,
        "series": agreement.series,
        "manages": manages,
        "own_parties": [(party, *_party_forms(party)) for party in own],
        "timeline": timeline,
        "status_form": StatusForm(initial={"status": agreement.status}) if manages else None,
        "party_form": PartyForm(organisation_id=agreement.organisation_id) if manages else None,
    }


def _party_forms(party: AgreementParty) -> tuple[PartyUpdateForm, RespondForm]:
    """The party's own forms, showing where it stands now: its status and its answer."""
    return (
        PartyUpdateForm(prefix=f"p{party.pk}", initial={"status": party.status}),
        RespondForm(
            prefix=f"r{party.pk}",
            initial={"response": party.response, "reason": party.decline_reason},
        ),
    )


@require_http_methods(["GET"])
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(pk)
    require(request, "followup.view_agreement", agreement)
    return render(request, "followup/agreements/detail.html", _detail_context(request, agreement))


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(pk)
    require(request, "followup.manage_agreements", agreement)
    initial = {name: getattr(agreement, name) for name in agreements.AGREEMENT_FIELDS}
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        agreements.edit_agreement(agreement=agreement, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The agreement is saved."))
        return redirect("agreement-detail", pk=agreement.pk)
    return render(
        request,
        "followup/agreements/agreement_edit.html",
        {"agreement": agreement, "series": agreement.series, "form": form},
    )


def _render_with(request: HttpRequest, agreement: Agreement, **forms: Any) -> HttpResponse:
    context = _detail_context(request, agreement)
    context.update(forms)
    return render(request, "followup/agreements/detail.html", context, status=400)


@require_POST
def agreement_status(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(pk)
    require(request, "followup.manage_agreements", agreement)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render_with(request, agreement, status_form=form)
    agreements.set_status(agreement=agreement, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The status is saved."))
    return redirect("agreement-detail", pk=agreement.pk)


@require_POST
def agreement_party_add(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(pk)
    require(request, "followup.manage_agreements", agreement)
    form = PartyForm(request.POST, organisation_id=agreement.organisation_id)
    if form.is_valid():
        try:
            agreements.add_party(agreement=agreement, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The party is added."))
            return redirect("agreement-detail", pk=agreement.pk)
    return _render_with(request, agreement, party_form=form)


def _party(pk: int) -> AgreementParty:
    return get_object_or_404(
        AgreementParty.objects.select_related("agreement__series__organisation", "person"), pk=pk
    )


@require_POST
def agreement_party_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party(pk)
    require(request, "followup.manage_agreements", party.agreement)
    agreements.revoke_link(party=party, actor=request.user)
    messages.success(request, _("The personal link no longer works."))
    return redirect("agreement-detail", pk=party.agreement_id)


@require_POST
def agreement_party_update(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party(pk)
    require(request, "followup.update_commitment", party)
    form = PartyUpdateForm(request.POST, prefix=f"p{party.pk}")
    if form.is_valid():
        try:
            agreements.post_update(party=party, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Your update is on the timeline."))
            return redirect("agreement-detail", pk=party.agreement_id)
    return _render_party_form(request, party, update_form=form)


@require_POST
def agreement_party_respond(request: HttpRequest, pk: int) -> HttpResponse:
    party = _party(pk)
    require(request, "followup.update_commitment", party)
    form = RespondForm(request.POST, prefix=f"r{party.pk}")
    if form.is_valid():
        try:
            agreements.respond(party=party, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Your answer is saved."))
            return redirect("agreement-detail", pk=party.agreement_id)
    return _render_party_form(request, party, respond_form=form)


def _render_party_form(request: HttpRequest, party: AgreementParty, **forms: Any) -> HttpResponse:
    agreement = _agreement(party.agreement_id)
    context = _detail_context(request, agreement)
    context["own_parties"] = [
        (
            own,
            forms.get("update_form") if own.pk == party.pk and "update_form" in forms else update,
            forms.get("respond_form") if own.pk == party.pk and "respond_form" in forms else reply,
        )
        for own, update, reply in context["own_parties"]
    ]
    return render(request, "followup/agreements/detail.html", context, status=400)


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/afspraken/", series_agreements, name="series-agreements"),
    path("afspraken/<int:pk>/", agreement_detail, name="agreement-detail"),
    path("afspraken/<int:pk>/bewerken/", agreement_edit, name="agreement-edit"),
    path("afspraken/<int:pk>/status/", agreement_status, name="agreement-status"),
    path("afspraken/<int:pk>/partij/", agreement_party_add, name="agreement-party-add"),
    path(
        "afspraken/partij/<int:pk>/link-intrekken/",
        agreement_party_revoke,
        name="agreement-party-revoke",
    ),
    path(
        "afspraken/partij/<int:pk>/bijwerken/",
        agreement_party_update,
        name="agreement-party-update",
    ),
    path(
        "afspraken/partij/<int:pk>/antwoord/",
        agreement_party_respond,
        name="agreement-party-respond",
    ),
]
