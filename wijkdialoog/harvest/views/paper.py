"""Typing in cards from paper afterwards, keyboard only."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/papieren-oogst/", under_construction, name="paper-entry"),
]
