"""Form rendering with NL Design System (Utrecht) components: label, description, the error next
to the field, and the field itself with the right classes and ARIA attributes."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.ClearableFileInput: "utrecht-textbox utrecht-textbox--html-input",
}
DEFAULT_CLASS = "utrecht-textbox utrecht-textbox--html-input"
# Our own words for the empty choice: plain, and translated (Django's own label is not in Dutch).
EMPTY_CHOICE = _("Choose…")
NO_ANSWER = _("No answer")


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


# Widgets whose role takes aria-required (a radio or a file input does not).
ARIA_REQUIRED_WIDGETS = (
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.PasswordInput,
    forms.DateInput,
    forms.DateTimeInput,
    forms.Textarea,
    forms.Select,
    forms.CheckboxInput,
)


class StyledBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if (
            self.field.required
            and isinstance(widget, ARIA_REQUIRED_WIDGETS)
            and not isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
            and not widget.is_hidden
        ):
            attrs["aria-required"] = "true"
        return attrs


if TYPE_CHECKING:
    # The mixin is only ever mixed into a Django form: type-check it as one.
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class StyledFormMixin(_FormBase):
    """Gives every widget its Utrecht classes and marks invalid fields for assistive technology.

    No `required` attribute: a browser marks an empty required field `:invalid` from the start,
    and the Utrecht styles paint that red before anyone typed. `aria-required` tells assistive
    technology the same; errors come from the server, next to the field, after a submit."""

    use_required_attribute = False
    bound_field_class: type[BoundField] | None = StyledBoundField
    # Fields are looked up by name and their kind is fixed by the form's own declaration; the
    # stubs type them all as the base Field, which has no `queryset`, `choices` or `empty_label`.
    fields: dict[str, Any]

    if TYPE_CHECKING:
        # Django's own clean() returns cleaned_data; the stubs allow None for overrides.
        def clean(self) -> dict[str, Any]: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)),
                DEFAULT_CLASS,
            )
            widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
            _label_empty_choice(field)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            field = self.fields[name]
            field_id = self[name].auto_id
            described = [f"{field_id}_error"]
            if field.help_text:
                described.append(f"{field_id}_helptext")
            field.widget.attrs["aria-invalid"] = "true"
            field.widget.attrs["aria-describedby"] = " ".join(described)


def _label_empty_choice(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = (
                NO_ANSWER if isinstance(field.widget, forms.RadioSelect) else EMPTY_CHOICE
            )
        return
    if not isinstance(field, forms.ChoiceField) or isinstance(field, forms.MultipleChoiceField):
        return
    # Django normalises choices when they are set; the stubs type the getter as the raw input.
    choices = list(field.choices)  # type: ignore[arg-type]
    if choices and choices[0][0] in ("", None) and not isinstance(choices[0][1], list | tuple):
        label = NO_ANSWER if isinstance(field.widget, forms.RadioSelect) else EMPTY_CHOICE
        field.choices = [("", label), *choices[1:]]


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


def show_domain_error(form: forms.BaseForm, error: ValidationError, *, field=None) -> None:
    """Show a refusal from a domain function on the form: each message next to the field it
    names when the form has that field, else next to `field`, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else field, errors)
