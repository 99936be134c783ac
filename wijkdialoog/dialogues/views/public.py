"""Public dialogue pages: per neighbourhood, per meeting, calendar downloads and feeds."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/",
        under_construction,
        name="neighbourhood-public",
    ),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/agenda.ics",
        under_construction,
        name="neighbourhood-feed",
    ),
    path("bijeenkomst/<int:pk>/", under_construction, name="meeting-public"),
    path("bijeenkomst/<int:pk>/agenda.ics", under_construction, name="meeting-ics"),
]
