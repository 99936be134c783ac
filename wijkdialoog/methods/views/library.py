"""The method library: shipped and own methods, copy and adapt, printable guides."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("beheer/werkvormen/", under_construction, name="method-list"),
    path("beheer/werkvormen/<int:pk>/", under_construction, name="method-detail"),
]
