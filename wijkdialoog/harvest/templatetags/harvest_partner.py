"""The harvest on a partner's My page."""

from django import template

from wijkdialoog.harvest.for_partners import partner_harvest

register = template.Library()


@register.simple_tag
def harvest_for_partner(user):
    """{% harvest_for_partner user as harvest %}: None for someone who is nowhere a partner."""
    return partner_harvest(user)
