from django import template

from wijkdialoog.core import audit

register = template.Library()


@register.inclusion_tag("core/includes/history.html", takes_context=True)
def object_history(context, subject, limit=20):
    """Shows an object's audit trail to those who may see it (organisers)."""
    user = context["request"].user
    allowed = user.has_perm("core.view_history", subject)
    return {"entries": list(audit.history(subject, limit)) if allowed else [], "allowed": allowed}
