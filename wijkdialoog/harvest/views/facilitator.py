"""Facilitator mode: phases, timer, rules, turns, capturing and approving cards, closing."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("tafel/<int:pk>/", under_construction, name="table-run"),
]
