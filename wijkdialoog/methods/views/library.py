"""The method library: shipped and own methods, copy to adapt, printable guides and table cards."""

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijkdialoog.core import pdf
from wijkdialoog.core.access import require

from .. import library, printing
from ..access import get_method, library_organisation
from ..models import Method


def _families(methods) -> list[dict]:
    """Language versions of one method side by side, the Dutch one first."""
    families: dict[tuple, dict] = {}
    for method in methods:
        key = (method.organisation_id, method.family)
        families.setdefault(key, {"versions": []})["versions"].append(method)
    rows = []
    for family in families.values():
        versions = sorted(family["versions"], key=lambda m: (m.language != "nl", m.language))
        rows.append({"method": versions[0], "versions": versions})
    return sorted(rows, key=lambda row: row["method"].name.lower())


@require_GET
def method_list(request):
    require(request, "methods.view_library")
    organisation = library_organisation(request)
    methods = (
        Method.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))
        # The sum stands in for Method.total_minutes() on the list, without a query per method.
        .annotate(  # type: ignore[no-redef]
            total_minutes=Sum("phases__minutes"), phase_count=Count("phases")
        )
        .order_by("name", "language")
    )
    shipped = [m for m in methods if m.organisation_id is None]
    own = [m for m in methods if m.organisation_id is not None]
    return render(
        request,
        "methods/method_list.html",
        {
            "organisation": organisation,
            "shipped": _families(shipped),
            "own": _families(own),
            "can_manage": request.user.has_perm("methods.manage_methods", organisation),
        },
    )


@require_GET
def method_detail(request, pk):
    method = get_method(request, pk)
    organisation = library_organisation(request)
    versions = Method.objects.filter(
        family=method.family,
        organisation_id=method.organisation_id,  # type: ignore[misc]  # None: shipped methods
    ).exclude(pk=method.pk)
    phases = list(method.phases.all())
    return render(
        request,
        "methods/method_detail.html",
        {
            "method": method,
            "phases": phases,
            "total_minutes": sum(phase.minutes for phase in phases),
            "other_versions": versions,
            "can_edit": request.user.has_perm("methods.manage_methods", method),
            "can_copy": request.user.has_perm("methods.manage_methods", organisation),
            "organisation": organisation,
            "default_start": printing.DEFAULT_START,
        },
    )


@require_POST
def method_copy(request, pk):
    method = get_method(request, pk)
    organisation = library_organisation(request)
    require(request, "methods.manage_methods", organisation)
    assert organisation is not None, "someone without an organisation holds no role to copy with"
    copy = library.copy_method(method=method, organisation=organisation, actor=request.user)
    messages.success(
        request,
        _("“%(name)s” is now one of your own methods. Adapt it as you like.") % {"name": copy},
    )
    return redirect("method-detail", pk=copy.pk)


@require_GET
def method_guide(request, pk):
    method = get_method(request, pk)
    if not method.phases.exists():
        raise Http404
    start = printing.parse_start(request.GET.get("start"))
    return pdf.response(
        printing.render_guide(method, start=start), printing.filename(method, "handleiding")
    )


@require_GET
def method_table_cards(request, pk):
    method = get_method(request, pk)
    return pdf.response(
        printing.render_table_cards(method), printing.filename(method, "tafelkaarten")
    )


urlpatterns = [
    path("beheer/werkvormen/", method_list, name="method-list"),
    path("beheer/werkvormen/<int:pk>/", method_detail, name="method-detail"),
    path("beheer/werkvormen/<int:pk>/kopieren/", method_copy, name="method-copy"),
    path("beheer/werkvormen/<int:pk>/handleiding.pdf", method_guide, name="method-guide"),
    path(
        "beheer/werkvormen/<int:pk>/tafelkaarten.pdf",
        method_table_cards,
        name="method-table-cards",
    ),
]
