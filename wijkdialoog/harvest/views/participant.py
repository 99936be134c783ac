"""Participants at the table, without an account: add a card, evaluate the conversation, and
share or keep private their own personal actions (through their registration's personal link)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from wijkdialoog.core.forms import show_domain_error

from .. import capture, personal, running
from ..access import get_registration_by_manage_token, get_run_for_participant
from ..evaluation_forms import EvaluationForm
from ..forms import ParticipantCardForm
from ..models import Card, Evaluation
from .responses import (
    card_saved_response,
    invalid_card_response,
    rate_limited_response,
    wants_json,
)

# A whole venue may share one network address, so the limit per address is generous; the limit
# per table link is a brake on a QR code that ends up on the internet.


def _rate_per_ip(group, request):
    return settings.HARVEST_PARTICIPANT_RATE_PER_IP


def _rate_per_table(group, request):
    return settings.HARVEST_PARTICIPANT_RATE_PER_TABLE


def _token_key(group, request):
    return request.resolver_match.kwargs.get("token", "")


def _limited(view):
    """Rate limits for a participant page's POSTs: per network address and per table link."""
    view = ratelimit(key=_token_key, rate=_rate_per_table, method="POST", block=False)(view)
    return ratelimit(key="ip", rate=_rate_per_ip, method="POST", block=False)(view)


def _link_not_found(request):
    return render(request, "harvest/participant_link_invalid.html", status=404)


def _too_many(request):
    if wants_json(request):
        return rate_limited_response(request)
    return render(request, "core/rate_limited.html", status=429)


@never_cache
@require_http_methods(["GET", "POST"])
@_limited
def participant_card(request, token):
    run = get_run_for_participant(token)
    if run is None:
        return _link_not_found(request)
    if request.method == "POST" and getattr(request, "limited", False):
        return _too_many(request)
    phases = running.phases_of(run)
    phase = running.current_phase(run, phases)
    form = ParticipantCardForm(request.POST or None, phase=phase, phases=phases)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                card, created = capture.add_card_reporting(
                    table=run.table,
                    client_id=data["client_id"],
                    kind=data["kind"],
                    text=data["text"],
                    phase=data["phase_id"],
                    first_name=data["first_name"],
                    publication=data["publication"],
                    source=Card.Source.PARTICIPANT,
                    actor=None,
                )
            except ValidationError as error:
                show_domain_error(form, error)
            else:
                if wants_json(request):
                    return card_saved_response(card, created)
                messages.success(
                    request,
                    _("Thank you! The facilitator looks at your card before others see it."),
                )
                return redirect("participant-card", token=token)
        if wants_json(request):
            return invalid_card_response(request, form=form)
    return render(
        request,
        "harvest/participant_card.html",
        {"run": run, "table": run.table, "meeting": run.table.meeting, "form": form},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_limited
def participant_evaluation(request, token):
    run = get_run_for_participant(token)
    if run is None:
        return _link_not_found(request)
    if request.method == "POST" and getattr(request, "limited", False):
        return _too_many(request)
    form = EvaluationForm(
        request.POST or None,
        kom_erbij_questions=capture.asks_kom_erbij(run.table.meeting.series_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            form.save(table=run.table, source=Evaluation.Source.PHONE)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return redirect("participant-evaluation-done", token=token)
    return render(
        request,
        "harvest/participant_evaluation.html",
        {"run": run, "table": run.table, "meeting": run.table.meeting, "form": form},
    )


@require_GET
def participant_evaluation_done(request, token):
    run = get_run_for_participant(token)
    if run is None:
        return _link_not_found(request)
    return render(
        request,
        "harvest/participant_evaluation_done.html",
        {"run": run, "table": run.table, "meeting": run.table.meeting},
    )


@never_cache
@require_GET
def registration_actions(request, token):
    """A person's own steps from the conversation, also after the meeting (the registration's
    own page closes when the meeting ends)."""
    registration = get_registration_by_manage_token(token)
    if registration is None:
        raise Http404
    return render(
        request,
        "harvest/participant_actions.html",
        {"registration": registration, "meeting": registration.meeting},
    )


@require_POST
def action_share(request, token, card):
    registration = get_registration_by_manage_token(token)
    if registration is None:
        raise Http404
    card = get_object_or_404(personal.own_actions(registration), pk=card)
    shared = request.POST.get("shared") == "yes"
    capture.set_action_shared(card=card, shared=shared)
    if shared:
        messages.success(request, _("Your step is shared. Others can read it now."))
    else:
        messages.success(request, _("Your step is private again. Only you can read it."))
    if registration.meeting.ends_at > timezone.now():
        return redirect("registration-manage", token=token)
    return redirect("registration-actions", token=token)


urlpatterns = [
    path("doe-mee/<str:token>/", participant_card, name="participant-card"),
    path("doe-mee/<str:token>/evaluatie/", participant_evaluation, name="participant-evaluation"),
    path(
        "doe-mee/<str:token>/evaluatie/bedankt/",
        participant_evaluation_done,
        name="participant-evaluation-done",
    ),
    path("aanmelding/<str:token>/acties/", registration_actions, name="registration-actions"),
    path("aanmelding/<str:token>/acties/<int:card>/delen/", action_share, name="action-share"),
]
