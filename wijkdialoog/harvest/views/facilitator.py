"""Facilitator mode: phases, timer, rules, turns, capturing and approving cards, closing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.methods.kinds import CardKind

from .. import capture, qr_sheet, running
from ..access import get_table_for_facilitator
from ..forms import CardForm, CloseForm, PhotoForm
from ..models import Card, Photo, TableRun
from .responses import card_saved_response, invalid_card_response, wants_json

RECENT_CARDS = 8


def _run_of(table) -> TableRun | None:
    try:
        return table.run
    except TableRun.DoesNotExist:
        return None


def _started_run(table) -> TableRun:
    run = _run_of(table)
    if run is None or run.started_at is None:
        raise Http404
    run.table = table
    return run


def _back(table, anchor=""):
    return redirect(reverse("table-run", args=[table.pk]) + (f"#{anchor}" if anchor else ""))


def _refusal(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _run_page(request, table, *, card_form=None, status=200):
    run = _run_of(table)
    people = list(running.people_at_table(table))
    context = {
        "table": table,
        "meeting": table.meeting,
        "run": run,
        "people": people,
        "show_needs": request.user.has_perm("harvest.see_needs_at_table", table),
        "checked_in": sum(1 for registration in people if registration.checked_in_at),
        "with_needs": [registration for registration in people if registration.access_needs],
    }
    if run is None or run.started_at is None:
        try:
            method = running.method_for_run(table)
        except ValidationError as error:
            method, context["method_problem"] = None, error.messages[0]
        context["method"] = method
        context["phases"] = list(method.phases.order_by("position")) if method else []
        return render(request, "harvest/facilitator_start.html", context, status=status)
    run.table = table
    phases = running.phases_of(run)
    phase = running.current_phase(run, phases)
    if phase is None:
        # Every phase was removed from the method after the start.
        context.update(
            method=None,
            phases=[],
            method_problem=_("The method of this meeting has no phases."),
        )
        return render(request, "harvest/facilitator_start.html", context, status=status)
    table_cards = Card.objects.filter(table=table).select_related("owner")
    context.update(
        {
            "method": run.method,
            "phases": phases,
            "phase": phase,
            "phase_number": phases.index(phase) + 1,
            "is_first": phase == phases[0],
            "is_last": phase == phases[-1],
            "clock": running.phase_clock(run, phase),
            "spoken": running.spoken_in_current_phase(run),
            "form": card_form or CardForm(phase=phase, people=people, phases=phases),
            "pending": list(table_cards.filter(status=Card.Status.PENDING)),
            "recent": list(
                table_cards.filter(status=Card.Status.APPROVED).order_by("-created_at", "-pk")[
                    :RECENT_CARDS
                ]
            ),
            "participant_url": qr_sheet.participant_url(run),
            "participant_qr": qr_sheet.qr_data_uri(qr_sheet.participant_url(run)),
        }
    )
    return render(request, "harvest/facilitator_run.html", context, status=status)


@never_cache
@require_GET
def table_run(request, pk):
    table = get_table_for_facilitator(request, pk)
    return _run_page(request, table)


@require_POST
def table_run_start(request, pk):
    table = get_table_for_facilitator(request, pk)
    try:
        running.start_run(table=table, actor=request.user)
    except ValidationError as error:
        _refusal(request, error)
    return _back(table)


@require_POST
def table_run_phase(request, pk):
    table = get_table_for_facilitator(request, pk)
    run = _started_run(table)
    direction = request.POST.get("direction")
    if direction not in (running.NEXT, running.PREVIOUS):
        return HttpResponse(status=400)
    try:
        from_position = int(request.POST.get("from_position", ""))
    except ValueError:
        from_position = None
    try:
        running.go_to_phase(
            run=run, direction=direction, from_position=from_position, actor=request.user
        )
    except ValidationError as error:
        _refusal(request, error)
    # Back to the new phase, not to the top of the page.
    return _back(table, "phase")


TIMER_ACTIONS = {
    "pause": running.pause_timer,
    "resume": running.resume_timer,
    "extend": running.extend_timer,
}


@require_POST
def table_run_timer(request, pk):
    """Pause the phase timer, let it run again, or give the phase five more minutes."""
    table = get_table_for_facilitator(request, pk)
    run = _started_run(table)
    action = TIMER_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return HttpResponse(status=400)
    extra: dict[str, int | None] = {}
    if action is running.extend_timer:
        try:
            extra["from_extra"] = int(request.POST.get("from_extra", ""))
        except ValueError:
            extra["from_extra"] = None
    try:
        action(run=run, actor=request.user, **extra)
    except ValidationError as error:
        _refusal(request, error)
    return _back(table, "phase")


@require_POST
def table_run_turn(request, pk, registration):
    table = get_table_for_facilitator(request, pk)
    run = _started_run(table)
    person = get_object_or_404(running.people_at_table(table), pk=registration)
    if request.POST.get("spoken") == "no":
        running.unmark_turn(run=run, registration=person, actor=request.user)
    else:
        running.mark_turn(run=run, registration=person, actor=request.user)
    return _back(table, "people")


@require_POST
def table_run_card(request, pk):
    """Saves a card from the capture form: a plain POST without JavaScript, or the capture
    script's fetch (201 new, 200 already saved, so a retry never makes a second card)."""
    table = get_table_for_facilitator(request, pk)
    run = _run_of(table)
    if run is None:
        try:
            run = running.prepare_run(table=table, actor=request.user)
        except ValidationError as error:
            return invalid_card_response(request, errors={"__all__": error.messages})
    run.table = table
    phases = running.phases_of(run)
    people = list(running.people_at_table(table))
    form = CardForm(
        request.POST,
        phase=running.current_phase(run, phases),
        people=people,
        phases=phases,
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            card, created = capture.add_card_reporting(
                table=table,
                client_id=data["client_id"],
                kind=data["kind"],
                text=data["text"],
                phase=data["phase_id"],
                first_name=form.chosen_first_name(),
                publication=data["publication"],
                source=Card.Source.FACILITATOR,
                actor=request.user,
                owner=form.owner_person(),
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            if wants_json(request):
                return card_saved_response(card, created)
            messages.success(request, _("The card has been saved."))
            return _back(table, "capture")
    if wants_json(request):
        return invalid_card_response(request, form=form)
    return _run_page(request, table, card_form=form)


@require_POST
def table_run_review(request, pk, card):
    table = get_table_for_facilitator(request, pk)
    card = get_object_or_404(Card, pk=card, table=table, source=Card.Source.PARTICIPANT)
    if request.POST.get("decision") == "approve":
        capture.approve_card(card=card, actor=request.user)
        messages.success(request, _("The card is approved."))
    elif request.POST.get("decision") == "reject":
        capture.reject_card(card=card, actor=request.user)
        messages.success(request, _("The card is not added to the harvest."))
    else:
        return HttpResponse(status=400)
    return _back(table, "review")


@never_cache
@require_http_methods(["GET", "POST"])
def table_run_cards(request, pk):
    """Every card of this table, and photos of flip-charts and paper cards."""
    table = get_table_for_facilitator(request, pk)
    run = _started_run(table)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            _photo, created = capture.add_photo(
                table=table,
                client_id=form.cleaned_data["client_id"],
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                publication=form.cleaned_data["publication"],
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            if created:
                messages.success(request, _("The photo has been saved."))
            return redirect("table-run-cards", pk=table.pk)
    cards = list(
        Card.objects.filter(table=table).select_related("owner").order_by("created_at", "pk")
    )
    return render(
        request,
        "harvest/facilitator_cards.html",
        {
            "table": table,
            "meeting": table.meeting,
            "run": run,
            "cards": cards,
            "photos": list(Photo.objects.filter(table=table).order_by("created_at", "pk")),
            "form": form,
        },
    )


@require_GET
def table_run_photo(request, pk, photo):
    """A photo, only for those who may run the table (an internal photo is not public)."""
    table = get_table_for_facilitator(request, pk)
    photo = get_object_or_404(Photo, pk=photo, table=table)
    response = FileResponse(photo.image.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def table_run_close(request, pk):
    table = get_table_for_facilitator(request, pk)
    run = _started_run(table)
    form = CloseForm(request.POST or None, initial={"closing_note": run.closing_note})
    if request.method == "POST" and form.is_valid():
        running.close_run(
            run=run, closing_note=form.cleaned_data["closing_note"], actor=request.user
        )
        messages.success(request, _("The conversation is closed. Thank you!"))
        return redirect("table-run-close", pk=table.pk)
    evaluation_url = qr_sheet.evaluation_url(run)
    return render(
        request,
        "harvest/facilitator_close.html",
        {
            "table": table,
            "meeting": table.meeting,
            "run": run,
            "form": form,
            "evaluation_url": evaluation_url,
            "evaluation_qr": qr_sheet.qr_data_uri(evaluation_url),
            "evaluation_count": run.table.evaluations.count(),
            "open_actions": Card.objects.filter(
                table=table, kind=CardKind.PERSONAL_ACTION, status=Card.Status.APPROVED
            ).count(),
        },
    )


@require_POST
def table_run_reopen(request, pk):
    table = get_table_for_facilitator(request, pk)
    running.reopen_run(run=_started_run(table), actor=request.user)
    return _back(table)


@never_cache
@require_http_methods(["GET", "POST"])
def table_run_qr_sheet(request, pk):
    """A printable A4 with the QR codes for participants' cards and the evaluation. Printing it
    before the meeting prepares the table's conversation, which needs a POST: a GET only reads,
    and offers the button when there is nothing to print yet."""
    table = get_table_for_facilitator(request, pk)
    if request.method == "POST":
        try:
            running.prepare_run(table=table, actor=request.user)
        except ValidationError as error:
            _refusal(request, error)
            return _back(table)
        return redirect("table-run-qr-sheet", pk=table.pk)
    run = _run_of(table)
    if run is None:
        return render(
            request,
            "harvest/facilitator_qr_prepare.html",
            {"table": table, "meeting": table.meeting},
        )
    run.table = table
    return pdf.response(qr_sheet.render_pdf(run), qr_sheet.filename(run))


urlpatterns = [
    path("tafel/<int:pk>/", table_run, name="table-run"),
    path("tafel/<int:pk>/starten/", table_run_start, name="table-run-start"),
    path("tafel/<int:pk>/ronde/", table_run_phase, name="table-run-phase"),
    path("tafel/<int:pk>/klok/", table_run_timer, name="table-run-timer"),
    path("tafel/<int:pk>/beurt/<int:registration>/", table_run_turn, name="table-run-turn"),
    path("tafel/<int:pk>/kaart/", table_run_card, name="table-run-card"),
    path("tafel/<int:pk>/kaart/<int:card>/beoordelen/", table_run_review, name="table-run-review"),
    path("tafel/<int:pk>/kaarten/", table_run_cards, name="table-run-cards"),
    path("tafel/<int:pk>/fotos/<int:photo>/", table_run_photo, name="table-run-photo"),
    path("tafel/<int:pk>/afsluiten/", table_run_close, name="table-run-close"),
    path("tafel/<int:pk>/heropenen/", table_run_reopen, name="table-run-reopen"),
    path("tafel/<int:pk>/qr-codes.pdf", table_run_qr_sheet, name="table-run-qr-sheet"),
]
