"""{% series_channel_figures series as figures %}: sign-ups per invitation channel, for the
include outreach/includes/channel_stats.html on other pages."""

from django import template

from wijkdialoog.dialogues.models import Series

from ..channels import SeriesFigures, series_figures

register = template.Library()


@register.simple_tag
def series_channel_figures(series: Series) -> SeriesFigures:
    return series_figures(series)
