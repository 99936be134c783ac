"""Choosing people in organiser forms: a compact select whose options tell people with the same
name apart (neighbourhood, email), with a search box added by `person-picker.js`. Without
JavaScript it is an ordinary select; with it, typing part of a name, neighbourhood or email
narrows the list, and in a multiple choice a click toggles a person."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from .models import Person

PICKER_SCRIPT = "wijkdialoog/person-picker.js"
SEARCH_LABEL = gettext_lazy("Search by name, neighbourhood or email")
MULTIPLE_HELP = gettext_lazy(
    "Hold Ctrl (Cmd on a Mac) to choose more than one; on a phone, tap each name."
)


def person_label(person: Person) -> str:
    """ "Anna de Vries (Kersenbuurt, anna@example.org)": enough to tell two Annas apart."""
    hints = [h for h in (_neighbourhood_name(person), person.email) if h]
    if not hints:
        return person.full_name
    return f"{person.full_name} ({', '.join(hints)})"


def _neighbourhood_name(person: Person) -> str:
    return person.neighbourhood.name if person.neighbourhood is not None else ""


if TYPE_CHECKING:
    _WidgetBase = forms.Select  # the mixin is only used on selects
else:
    _WidgetBase = object


class _SearchableMixin(_WidgetBase):
    """The search box's label goes on the select as a data attribute for the script, translated
    when the page is rendered (fields are built once, at import)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-person-picker"] = ""
        widget_attrs["data-search-label"] = str(SEARCH_LABEL)
        return context


class PersonSelect(_SearchableMixin, forms.Select):
    pass


class PersonSelectMultiple(_SearchableMixin, forms.SelectMultiple):
    def __init__(self, attrs=None, choices=()):
        super().__init__({"size": 8, **(attrs or {})}, choices)


class PersonChoiceField(forms.ModelChoiceField):
    widget = PersonSelect

    def __init__(self, queryset: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(queryset.select_related("neighbourhood"), **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        return person_label(obj)


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = PersonSelectMultiple

    def __init__(self, queryset: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(queryset.select_related("neighbourhood"), **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        return person_label(obj)
