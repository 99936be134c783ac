"""Dividing people over tables, moving by hand, table cards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import get_meeting_for
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.registrations.models import Registration

from .. import table_cards, table_division, table_moves
from ..forms import MoveForm, SwapForm

Status = Registration.Status


def _registration(meeting: Meeting, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("person", "meeting"), pk=pk, meeting=meeting
    )


# --- dividing over tables ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def division(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request, pk, "seating.divide_tables")
    if request.method == "POST":
        result = table_division.divide_over_tables(meeting=meeting, actor=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d person has a table.", "%(count)d people have a table.", result.placed
            )
            % {"count": result.placed},
        )
        if result.unplaced:
            messages.warning(
                request,
                ngettext(
                    "%(count)d person could not be placed: there is no seat left for them.",
                    "%(count)d people could not be placed: there are not enough seats.",
                    len(result.unplaced),
                )
                % {"count": len(result.unplaced)},
            )
        return redirect("table-division", pk=meeting.pk)
    plan = table_moves.seating_plan(meeting)
    return render(
        request,
        "seating/table_division.html",
        {"meeting": meeting, "plan": plan, "locked": _locked_count(plan)},
    )


def _locked_count(plan: table_moves.SeatingPlan) -> int:
    return sum(1 for seating in plan.tables for person in seating.people if person.table_locked)


@require_POST
def move(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    meeting = get_meeting_for(request, pk, "seating.divide_tables")
    registration = _registration(meeting, registration_pk)
    form = MoveForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Choose a table."))
        return _back_to_division(meeting, registration)
    table = form.cleaned_data["table"]
    try:
        party = table_moves.move_to_table(
            registration=registration, table=table, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(name)s now sits at %(table)s.",
                "%(name)s and the people with them now sit at %(table)s.",
                len(party),
            )
            % {"name": registration.person.first_name, "table": table},
        )
    return _back_to_division(meeting, registration)


@require_POST
def unlock(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    meeting = get_meeting_for(request, pk, "seating.divide_tables")
    registration = _registration(meeting, registration_pk)
    table_moves.unlock(registration=registration, actor=request.user)
    messages.success(
        request,
        _("%(name)s will be placed again when you divide over tables.")
        % {"name": registration.person.first_name},
    )
    return _back_to_division(meeting, registration)


@require_http_methods(["GET", "POST"])
def swap(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Swap someone with a person at another table: works when both tables are full."""
    meeting = get_meeting_for(request, pk, "seating.divide_tables")
    registration = _registration(meeting, registration_pk)
    plan = table_moves.seating_plan(meeting)
    form = SwapForm(request.POST or None, meeting=meeting, registration=registration)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            table_moves.swap_seats(first=registration, second=other, actor=request.user)
        except ValidationError as error:
            # Stay on the choice: the organiser picks someone else.
            show_domain_error(form, error, field="other")
        else:
            messages.success(
                request,
                _("%(name)s and %(other)s have swapped seats.")
                % {"name": registration.person.first_name, "other": other.person.first_name},
            )
            return _back_to_division(meeting, registration)
    # Not "current": base.html uses that name for the language.
    seated_at = next((s for s in plan.tables if s.table.pk == registration.table_id), None)
    others = [s for s in plan.tables if s is not seated_at]
    return render(
        request,
        "seating/table_swap.html",
        {
            "meeting": meeting,
            "registration": registration,
            "others": others,
            "seated_at": seated_at,
            "form": form,
        },
    )


def _back_to_division(meeting: Meeting, registration: Registration) -> HttpResponseRedirect:
    return redirect(
        reverse("table-division", args=[meeting.pk])
        + f"#person-{registration.party_lead_id or registration.pk}"
    )


@require_GET
def cards(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request, pk, "seating.divide_tables")
    content = table_cards.render_pdf(meeting, table_moves.seating_plan(meeting))
    return pdf.response(content, f"tafelkaarten-{meeting.pk}.pdf")


urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/tafelindeling/", division, name="table-division"),
    path(
        "beheer/bijeenkomsten/<int:pk>/tafelindeling/<int:registration_pk>/verplaatsen/",
        move,
        name="table-move",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/tafelindeling/<int:registration_pk>/vrijgeven/",
        unlock,
        name="table-unlock",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/tafelindeling/<int:registration_pk>/ruilen/",
        swap,
        name="table-swap",
    ),
    path("beheer/bijeenkomsten/<int:pk>/tafelkaarten.pdf", cards, name="table-cards"),
]
