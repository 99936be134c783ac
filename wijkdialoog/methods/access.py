"""Access helpers for the method library; the rules themselves are in rules.py."""

from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import current_organisation
from wijkdialoog.community.models import Organisation
from wijkdialoog.core.access import require

from .models import Method, Phase


def library_organisation(request) -> Organisation | None:
    """The organisation whose own methods the library shows: the current one, for any role."""
    return current_organisation(request)


def get_method(request, pk: int, permission: str = "methods.view_method") -> Method:
    method = get_object_or_404(
        Method.objects.select_related("organisation", "based_on__organisation"), pk=pk
    )
    require(request, permission, method)
    return method


def get_phase(request, pk: int) -> Phase:
    """A phase of a method the user may manage (shipped methods are nobody's to change)."""
    phase = get_object_or_404(Phase.objects.select_related("method__organisation"), pk=pk)
    require(request, "methods.manage_methods", phase.method)
    return phase
