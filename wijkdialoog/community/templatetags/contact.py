"""Whom residents can contact: the footer of every public page shows the phone and email of the
organisation behind what the page is about. The tag only reads what the page's context holds
already, so it adds no query to any page."""

from collections.abc import Iterable

from django import template

from ..models import Organisation

register = template.Library()

# Where a page's context leads to its organisation, nearest first.
PATHS = [
    ("organisation",),
    ("neighbourhood", "organisation"),
    ("series", "organisation"),
    ("meeting", "organisation"),
    ("registration", "meeting", "organisation"),
]
MEETING_TO_ORGANISATION = ("organisation",)


def _follow(value, attributes: Iterable[str]):
    for attribute in attributes:
        value = getattr(value, attribute, None)
    return value


def organisations_of_page(context) -> list[Organisation]:
    """The page's organisation; on a page listing meetings (home), theirs; on a page about all
    organisations (privacy, and home without meetings), all of them."""
    for name, *attributes in PATHS:
        organisation = _follow(context.get(name), attributes)
        if isinstance(organisation, Organisation):
            return [organisation]
    found: dict[int, Organisation] = {}
    for meeting in context.get("upcoming") or []:
        organisation = _follow(meeting, MEETING_TO_ORGANISATION)
        if isinstance(organisation, Organisation):
            found.setdefault(organisation.pk, organisation)
    if found:
        return sorted(found.values(), key=lambda organisation: organisation.name)
    return [item for item in context.get("organisations") or [] if isinstance(item, Organisation)]


@register.inclusion_tag("community/includes/contact.html", takes_context=True)
def organisation_contact(context):
    return {"organisations": organisations_of_page(context)}
