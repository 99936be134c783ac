"""Organiser pages: dialogue series and their meetings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Min, Q
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.forms import show_domain_error

from .. import planning
from ..access import get_meeting_for, get_series_for, organisation_for
from ..availability import confirmed_count, seats_total, with_availability
from ..forms import CancelMeetingForm, MeetingForm, SeriesForm
from ..models import Meeting, Series


@require_GET
def series_list(request):
    organisation = organisation_for(request, "dialogues.manage_series")
    now = timezone.now()
    series = (
        Series.objects.for_organisation(organisation)
        .select_related("neighbourhood")
        .annotate(
            meeting_count=Count("meetings", filter=Q(meetings__cancelled_at__isnull=True)),
            next_start=Min(
                "meetings__starts_at",
                filter=Q(meetings__starts_at__gte=now, meetings__cancelled_at__isnull=True),
            ),
        )
    )
    return render(
        request,
        "dialogues/series_list.html",
        {"organisation": organisation, "series_list": series},
    )


@require_http_methods(["GET", "POST"])
def series_create(request):
    organisation = organisation_for(request, "dialogues.manage_series")
    form = SeriesForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        series = planning.create_series(
            neighbourhood=data.pop("neighbourhood"),
            initiators=data.pop("initiators"),
            actor=request.user,
            **data,
        )
        messages.success(
            request, _("The dialogue “%(theme)s” has been added.") % {"theme": series.theme}
        )
        return redirect("series-detail", pk=series.pk)
    return render(request, "dialogues/series_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def series_edit(request, pk):
    series = get_series_for(request, pk, "dialogues.manage_series")
    form = SeriesForm(request.POST or None, instance=series, organisation=series.organisation)
    if request.method == "POST" and form.is_valid():
        planning.update_series(series=series, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return redirect("series-detail", pk=series.pk)
    return render(request, "dialogues/series_form.html", {"form": form, "series": series})


@require_GET
def series_detail(request, pk):
    series = get_series_for(request, pk, "dialogues.manage_series")
    meetings = with_availability(series.meetings.select_related("venue")).order_by(
        "-starts_at", "-pk"
    )
    return render(
        request,
        "dialogues/series_detail.html",
        {
            "series": series,
            "neighbourhood": series.neighbourhood,
            "meetings": meetings,
            "initiators": series.initiators.all(),
            "proposals": planning.proposed_rounds(series),
            "now": timezone.now(),
        },
    )


def _initial_for_round(series: Series, raw: str | None) -> dict:
    """The meeting form pre-filled for one of the proposed rounds (?round=0, 1, ...)."""
    try:
        index = int(raw or "")
    except ValueError:
        return {}
    proposals = planning.proposed_rounds(series)
    if not 0 <= index < len(proposals):
        return {}
    proposal = proposals[index]
    last = series.meetings.order_by("-starts_at").first()
    if last is None:  # proposals come from the last meeting, so there is one
        return {}
    local = timezone.localtime
    return {
        "starts_at": local(proposal["starts_at"]),
        "ends_at": local(proposal["ends_at"]),
        "venue": proposal["venue_id"],
        "what_to_expect": last.what_to_expect,
        "what_to_expect_en": last.what_to_expect_en,
        "reminder_hours_before": last.reminder_hours_before,
    }


@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    series = get_series_for(request, pk, "dialogues.manage_series")
    organisation = series.organisation
    form = MeetingForm(
        request.POST or None,
        organisation=organisation,
        initial=_initial_for_round(series, request.GET.get("round")),
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = planning.create_meeting(
                series=series, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The meeting has been planned. Now add the tables."))
            return redirect("meeting-manage", pk=meeting.pk)
    return render(request, "dialogues/meeting_form.html", {"form": form, "series": series})


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_meeting_for(request, pk, "dialogues.manage_series")
    form = MeetingForm(
        request.POST or None,
        instance=meeting,
        organisation=meeting.organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            planning.update_meeting(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("meeting-manage", pk=meeting.pk)
    return render(
        request,
        "dialogues/meeting_form.html",
        {"form": form, "series": meeting.series, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = get_meeting_for(request, pk, "dialogues.manage_series")
    if meeting.cancelled_at is not None:
        messages.info(request, _("This meeting has already been cancelled."))
        return redirect("meeting-manage", pk=meeting.pk)
    form = CancelMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        planning.cancel_meeting(
            meeting=meeting, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The meeting has been cancelled."))
        return redirect("meeting-manage", pk=meeting.pk)
    return render(request, "dialogues/meeting_cancel.html", {"form": form, "meeting": meeting})


@require_GET
def meeting_manage(request, pk):
    meeting = get_meeting_for(
        request, pk, "dialogues.manage_series", queryset=with_availability(Meeting.objects.all())
    )
    tables = meeting.tables.select_related("facilitator", "harvester")
    return render(
        request,
        "dialogues/meeting_manage.html",
        {
            "meeting": meeting,
            "series": meeting.series,
            "tables": tables,
            # Both read from what with_availability annotated: no query.
            "over_capacity": confirmed_count(meeting) > seats_total(meeting),
            "now": timezone.now(),
        },
    )


urlpatterns = [
    path("beheer/wijkdialogen/", series_list, name="series-list"),
    path("beheer/wijkdialogen/nieuw/", series_create, name="series-create"),
    path("beheer/wijkdialogen/<int:pk>/", series_detail, name="series-detail"),
    path("beheer/wijkdialogen/<int:pk>/bewerken/", series_edit, name="series-edit"),
    path(
        "beheer/wijkdialogen/<int:pk>/bijeenkomst-plannen/",
        meeting_create,
        name="meeting-create",
    ),
    path("beheer/bijeenkomsten/<int:pk>/", meeting_manage, name="meeting-manage"),
    path("beheer/bijeenkomsten/<int:pk>/bewerken/", meeting_edit, name="meeting-edit"),
    path("beheer/bijeenkomsten/<int:pk>/afzeggen/", meeting_cancel, name="meeting-cancel"),
]
