"""Check-in at the door: who came, by a button or a code, and people who walk in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import get_meeting_for
from wijkdialoog.dialogues.models import MAX_SEATS, Meeting

from .. import check_in
from ..forms_check_in import CodeForm, WalkInForm
from ..models import Registration

Status = Registration.Status


def _registration(meeting: Meeting, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("person", "meeting"), pk=pk, meeting=meeting
    )


def _check_in_page(request, meeting, *, code_form=None, walk_in_form=None):
    query = request.GET.get("q", "").strip()
    registrations = (
        meeting.registrations.filter(status=Status.CONFIRMED)
        .select_related("person", "table", "party_lead__person")
        .order_by("person__first_name", "pk")
    )
    if query:
        code = check_in.normalise_code(query)
        matches = Q(person__first_name__icontains=query)
        if code:
            matches |= Q(check_in_code__startswith=code)
        registrations = registrations.filter(matches)
    context = {
        "meeting": meeting,
        "registrations": registrations,
        "query": query,
        "can_change": request.user.has_perm("registrations.check_in", meeting),
    }
    if request.htmx and request.htmx.target == "check-in-results":
        # Typing in the search box: only the list changes.
        return render(request, "registrations/includes/check_in_list.html", context)
    seats = sum(table.seats for table in meeting.tables.all())
    context.update(
        counts=check_in.door_counts(meeting, seats),
        window=check_in.check_in_dates(meeting),
        code_form=code_form or CodeForm(),
        walk_in_form=walk_in_form or WalkInForm(),
    )
    return render(request, "registrations/check_in.html", context)


def _back_to_check_in(request, meeting, registration=None):
    url = reverse("check-in", args=[meeting.pk])
    query = request.POST.get("q", "").strip()
    if query:
        url += "?" + urlencode({"q": query})
    if registration is not None:
        url += f"#registration-{registration.pk}"
    return redirect(url)


@require_GET
def check_in_page(request, pk):
    meeting = get_meeting_for(request, pk, "registrations.view_check_in")
    return _check_in_page(request, meeting)


@require_POST
def check_in_person(request, pk, registration_pk):
    meeting = get_meeting_for(request, pk, "registrations.check_in")
    registration = _registration(meeting, registration_pk)
    try:
        check_in.check_in(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _checked_in_message(registration))
    return _back_to_check_in(request, meeting, registration)


@require_POST
def check_in_undo(request, pk, registration_pk):
    meeting = get_meeting_for(request, pk, "registrations.check_in")
    registration = _registration(meeting, registration_pk)
    check_in.undo_check_in(registration=registration, actor=request.user)
    messages.success(
        request,
        _("The check-in of %(name)s is undone.") % {"name": registration.person.first_name},
    )
    return _back_to_check_in(request, meeting, registration)


@require_POST
def check_in_code(request, pk):
    meeting = get_meeting_for(request, pk, "registrations.check_in")
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            registration = check_in.check_in_by_code(
                meeting=meeting, code=form.cleaned_data["code"], actor=request.user
            )
        except ValidationError as error:
            show_domain_error(form, error, field="code")
        else:
            messages.success(request, _checked_in_message(registration))
            return _back_to_check_in(request, meeting, registration)
    return _check_in_page(request, meeting, code_form=form)


@require_POST
def check_in_walk_in(request, pk):
    meeting = get_meeting_for(request, pk, "registrations.check_in")
    form = WalkInForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = check_in.add_walk_in(
                meeting=meeting,
                first_name=data["first_name"],
                phone=data["phone"],
                email=data["email"],
                age_group=data["age_group"],
                relation=data["relation"],
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            _walk_in_message(request, registration)
            return _back_to_check_in(request, meeting, registration)
    return _check_in_page(request, meeting, walk_in_form=form)


def _walk_in_message(request, registration) -> None:
    name = registration.person.first_name
    if not registration.table_id:
        messages.warning(
            request,
            _(
                "%(name)s is checked in, but has no table: every table already has %(most)d "
                "seats, the most a table can have. Add a table on the meeting page."
            )
            % {"name": name, "most": MAX_SEATS},
        )
    elif registration.seat_added:
        registration.refresh_from_db(fields=["table"])
        messages.success(
            request,
            _("%(name)s is checked in. Every table was full, so %(table)s got an extra seat.")
            % {"name": name, "table": registration.table},
        )
    else:
        messages.success(request, _checked_in_message(registration))


def _checked_in_message(registration) -> str:
    registration.refresh_from_db(fields=["table"])
    if registration.table_id:
        return _("%(name)s is checked in: %(table)s.") % {
            "name": registration.person.first_name,
            "table": registration.table,
        }
    return _("%(name)s is checked in. No table yet.") % {"name": registration.person.first_name}


urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/inchecken/", check_in_page, name="check-in"),
    path("beheer/bijeenkomsten/<int:pk>/inchecken/code/", check_in_code, name="check-in-code"),
    path(
        "beheer/bijeenkomsten/<int:pk>/inchecken/binnenloper/",
        check_in_walk_in,
        name="check-in-walk-in",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/inchecken/<int:registration_pk>/",
        check_in_person,
        name="check-in-person",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/inchecken/<int:registration_pk>/ongedaan/",
        check_in_undo,
        name="check-in-undo",
    ),
]
