"""The organiser's population pages of a neighbourhood: the figures per year, the CBS import and
figures typed in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.core.access import require

from .. import population as figures
from ..models import Population
from ..population_file import read_figures, title_year
from ..population_forms import PopulationForm, PopulationImportForm


def _neighbourhood(request: HttpRequest, pk: int) -> Neighbourhood:
    neighbourhood = get_object_or_404(Neighbourhood.objects.select_related("organisation"), pk=pk)
    require(request, "reporting.manage_population", neighbourhood)
    return neighbourhood


def _import(request: HttpRequest, form: PopulationImportForm, neighbourhood: Neighbourhood) -> bool:
    upload = form.cleaned_data["file"]
    content = upload.read()
    year = form.cleaned_data["year"] or title_year(content, upload.name)
    if year is None:
        form.add_error("year", _("Fill in the year of the figures: the file does not say."))
        return False
    try:
        population = figures.import_population(
            neighbourhood=neighbourhood,
            figures=read_figures(content),
            region_code=form.cleaned_data["region_code"],
            year=year,
            actor=request.user,
            file_name=upload.name,
        )
    except ValidationError as error:
        form.add_error("file", error)
        return False
    messages.success(
        request,
        _("The figures of %(year)s for %(code)s have been imported.")
        % {"year": population.year, "code": population.region_code},
    )
    return True


@require_http_methods(["GET", "POST"])
def population_manage(request: HttpRequest, pk: int) -> HttpResponse:
    neighbourhood = _neighbourhood(request, pk)
    form = PopulationImportForm(
        request.POST or None, request.FILES or None, neighbourhood=neighbourhood
    )
    if request.method == "POST" and form.is_valid() and _import(request, form, neighbourhood):
        return redirect("neighbourhood-population", neighbourhood.pk)
    rows = Population.objects.filter(neighbourhood=neighbourhood).select_related("entered_by")
    return render(
        request,
        "reporting/population_manage.html",
        {"neighbourhood": neighbourhood, "form": form, "figures": list(rows)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def population_enter(request: HttpRequest, pk: int) -> HttpResponse:
    neighbourhood = _neighbourhood(request, pk)
    form = PopulationForm(request.POST or None, neighbourhood=neighbourhood)
    if request.method == "POST" and form.is_valid():
        try:
            population = figures.enter_population(
                neighbourhood=neighbourhood, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The figures of %(year)s have been saved.") % {"year": population.year}
            )
            return redirect("neighbourhood-population", neighbourhood.pk)
    return render(
        request,
        "reporting/population_enter.html",
        {"neighbourhood": neighbourhood, "form": form},
        status=400 if form.errors else 200,
    )


urlpatterns = [
    path(
        "beheer/wijken/<int:pk>/bevolking/",
        population_manage,
        name="neighbourhood-population",
    ),
    path(
        "beheer/wijken/<int:pk>/bevolking/invoeren/",
        population_enter,
        name="neighbourhood-population-enter",
    ),
]
