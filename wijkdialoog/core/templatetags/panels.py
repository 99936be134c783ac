"""`{% panels "place" %}`: renders the panels apps registered for that place (core/panels.py)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from wijkdialoog.core.panels import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, place: str) -> SafeString:
    parts = []
    for panel in panels_for(place):
        if panel.condition is not None and not panel.condition(context):
            continue
        extra = panel.context(context) if panel.context is not None else {}
        chosen = context.template.engine.get_template(panel.template)
        with context.push(**extra):
            parts.append(chosen.render(context))
    # Each part is a rendered template, escaped by the template engine.
    return mark_safe("".join(parts))
