"""Registering without an account, the personal manage link, registering on behalf."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("bijeenkomst/<int:pk>/aanmelden/", under_construction, name="meeting-register"),
    path("aanmelding/<str:token>/", under_construction, name="registration-manage"),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmeldingen/", under_construction, name="registration-list"
    ),
]
