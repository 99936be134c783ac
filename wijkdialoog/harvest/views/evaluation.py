"""The evaluation filled in with the facilitator or typed in from paper, a series' choice to
ask Kom erbij, and the download of a meeting's evaluations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, re_path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core import exports
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import get_meeting_for, get_series_for

from .. import capture, evaluations
from ..access import get_table_for_facilitator
from ..evaluation_forms import EvaluationForm, PaperEvaluationForm
from ..forms import KomErbijForm
from ..models import Evaluation, SeriesEvaluation


def _saved(form: EvaluationForm, **kwargs) -> bool:
    try:
        form.save(**kwargs)
    except ValidationError as error:
        show_domain_error(form, error)
        return False
    return True


@never_cache
@require_http_methods(["GET", "POST"])
def table_run_evaluation(request, pk):
    """For someone without a phone: the facilitator hands over theirs, or reads the questions."""
    table = get_table_for_facilitator(request, pk)
    asks = capture.asks_kom_erbij(table.meeting.series_id)
    form = EvaluationForm(request.POST or None, kom_erbij_questions=asks)
    saved = request.method == "POST" and form.is_valid()
    if saved and _saved(
        form, table=table, source=Evaluation.Source.FACILITATOR, actor=request.user
    ):
        messages.success(request, _("Thank you! The evaluation is saved."))
        return redirect("table-run-evaluation", pk=table.pk)
    return render(
        request,
        "harvest/facilitator_evaluation.html",
        {"table": table, "meeting": table.meeting, "form": form},
    )


@require_http_methods(["GET", "POST"])
def paper_evaluation_entry(request, pk):
    meeting = get_meeting_for(request, pk, "harvest.enter_paper_cards")
    asks = capture.asks_kom_erbij(meeting.series_id)
    initial = {"table": request.GET.get("table")} if request.GET.get("table") else {}
    form = PaperEvaluationForm(
        request.POST or None, meeting=meeting, kom_erbij_questions=asks, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        table = form.cleaned_data["table"]
        if _saved(form, table=table, source=Evaluation.Source.PAPER, actor=request.user):
            messages.success(request, _("Evaluation saved. Type the next one."))
            url = reverse("paper-evaluation-entry", args=[meeting.pk])
            return redirect(f"{url}?table={table.pk}")
    return render(
        request,
        "harvest/paper_evaluation_entry.html",
        {
            "meeting": meeting,
            "form": form,
            "count": Evaluation.objects.filter(table__meeting=meeting).count(),
        },
    )


@require_http_methods(["GET", "POST"])
def series_evaluation_settings(request, pk):
    series = get_series_for(request, pk, "dialogues.manage_series")
    current = SeriesEvaluation.objects.filter(series=series).first()
    # An unticked box sends nothing: a POST without data still is a POST.
    form = KomErbijForm(
        request.POST if request.method == "POST" else None,
        initial={"ask_kom_erbij": bool(current and current.ask_kom_erbij)},
    )
    if request.method == "POST" and form.is_valid():
        ask = form.cleaned_data["ask_kom_erbij"]
        evaluations.set_kom_erbij(series=series, ask=ask, actor=request.user)
        if ask:
            messages.success(request, _("The evaluation now asks the Kom erbij questions."))
        else:
            messages.success(request, _("The evaluation no longer asks the Kom erbij questions."))
        return redirect("series-evaluation-settings", pk=series.pk)
    return render(
        request, "harvest/series_evaluation_settings.html", {"series": series, "form": form}
    )


@require_GET
def evaluations_export(request, pk, file_format):
    meeting = get_meeting_for(request, pk, "harvest.export_evaluations")
    sheet = evaluations.export_evaluations(
        meeting=meeting, actor=request.user, file_format=file_format
    )
    filename = exports.download_name(_("evaluations"), meeting)
    return exports.response(sheet, file_format=file_format, filename=filename)


urlpatterns = [
    path("tafel/<int:pk>/evaluatie/", table_run_evaluation, name="table-run-evaluation"),
    path(
        "beheer/bijeenkomsten/<int:pk>/papieren-evaluaties/",
        paper_evaluation_entry,
        name="paper-evaluation-entry",
    ),
    path(
        "beheer/wijkdialogen/<int:pk>/evaluatie/",
        series_evaluation_settings,
        name="series-evaluation-settings",
    ),
    re_path(
        r"^bijeenkomst/(?P<pk>[0-9]+)/evaluaties\.(?P<file_format>csv|xlsx)$",
        evaluations_export,
        name="evaluations-export",
    ),
]
