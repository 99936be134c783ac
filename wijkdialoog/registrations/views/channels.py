"""Invitation channels: tracked links, posters and flyers, email lists, share texts."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("d/<str:code>/", under_construction, name="channel-link"),
    path("beheer/wijkdialogen/<int:pk>/kanalen/", under_construction, name="channel-list"),
]
