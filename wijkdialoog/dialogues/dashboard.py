"""What the organiser's dashboard shows about planning."""

from django.utils import timezone

from .availability import with_availability
from .models import Meeting, Series

DASHBOARD_MEETINGS = 6


def planning_overview(organisation) -> dict:
    now = timezone.now()
    series = Series.objects.for_organisation(organisation).select_related("neighbourhood")
    meetings = with_availability(
        Meeting.objects.for_organisation(organisation)
        .filter(ends_at__gt=now, cancelled_at__isnull=True)
        .select_related("series__neighbourhood", "venue")
    ).order_by("starts_at", "pk")[:DASHBOARD_MEETINGS]
    return {"series_list": list(series), "meetings": list(meetings)}
