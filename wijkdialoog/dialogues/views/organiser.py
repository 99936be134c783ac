"""Organiser pages: venues, series, meetings and tables."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("beheer/wijkdialogen/", under_construction, name="series-list"),
    path("beheer/wijkdialogen/<int:pk>/", under_construction, name="series-detail"),
    path("beheer/bijeenkomsten/<int:pk>/", under_construction, name="meeting-manage"),
]
