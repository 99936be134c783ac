"""The error summary at the top of every page after a failed submit (the GOV.UK / NL Design
System pattern): it finds the bound forms with errors among the page's context, so every form
of the site gets it without its view or template doing anything."""

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()


class ErrorSummary(list):
    """The items, and whether the summary takes the focus: not when an invalid field asks for it
    itself (fast keyboard entry such as typing in paper cards keeps the cursor in its field, where
    the error is read out with it)."""

    takes_focus = True


@register.simple_tag(takes_context=True)
def error_summary_items(context) -> ErrorSummary:
    """One item per error, in the order of the fields: `text`, and `href` to the field's input."""
    items = ErrorSummary()
    seen: set[int] = set()
    for value in context.flatten().values():
        # type() and not isinstance(): isinstance would evaluate lazy objects such as `user`.
        kind = type(value)
        forms = []
        if issubclass(kind, BaseForm):
            forms = [value]
        elif issubclass(kind, BaseFormSet) and value.is_bound:
            items.extend({"text": error, "href": ""} for error in value.non_form_errors())
            forms = value.forms
        for form in forms:
            if id(form) not in seen and form.is_bound and form.errors:
                seen.add(id(form))
                items.extend(_form_items(form))
                if any(
                    form[name].field.widget.attrs.get("autofocus")
                    for name in form.errors
                    if name in form.fields
                ):
                    items.takes_focus = False
    return items


def _form_items(form: BaseForm) -> list[dict]:
    items = [{"text": error, "href": ""} for error in form.non_field_errors()]
    for field in form:
        target = _target_id(field)
        for error in field.errors:
            if field.is_hidden or field.widget_type == "checkbox" or not field.label:
                text = error
            else:
                text = f"{field.label}: {error}"
            items.append({"text": text, "href": f"#{target}" if target else ""})
    return items


def _target_id(field) -> str:
    """The id of the input to focus; a group of radio buttons or checkboxes: its first one."""
    if field.is_hidden or not field.auto_id:
        return ""
    return field.id_for_label or f"{field.auto_id}_0"
