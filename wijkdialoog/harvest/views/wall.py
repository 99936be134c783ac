"""The harvest wall: public cards from all tables of a meeting, for a projector."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("bijeenkomst/<int:pk>/oogstmuur/", under_construction, name="harvest-wall"),
]
