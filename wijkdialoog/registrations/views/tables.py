"""Dividing people over tables, moving by hand, check-in at the door, table cards."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/tafelindeling/", under_construction, name="table-division"),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmelden-bij-de-deur/", under_construction, name="check-in"
    ),
    path("beheer/bijeenkomsten/<int:pk>/tafelkaarten.pdf", under_construction, name="table-cards"),
]
