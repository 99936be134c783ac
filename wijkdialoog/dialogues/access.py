"""Access helpers for dialogue pages; the rules themselves are in rules.py."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import current_organisation
from wijkdialoog.community.models import Organisation, Role
from wijkdialoog.core.access import require

from .models import Meeting


def get_visible_meeting(request, pk: int) -> Meeting:
    """A meeting the visitor may see. Unpublished ones do not exist for the public (404, not a
    login page: the address should not reveal that something is being planned)."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("series__neighbourhood__organisation", "venue"), pk=pk
    )
    if not request.user.has_perm("dialogues.view_meeting", meeting):
        raise Http404
    return meeting


def organisation_for(request, permission: str) -> Organisation:
    """The organisation the organiser works in now, after checking `permission` on it."""
    organisation = current_organisation(request, Role.ORGANISER)
    require(request, permission, organisation)
    if organisation is None:  # pragma: no cover - the permission needs an organisation
        raise Http404
    return organisation
