"""Participants at the table, without an account: add a card, evaluate the conversation."""

from django.urls import path

from wijkdialoog.core.views import under_construction

# Each route keeps its name; the feature that owns this module replaces the view.
urlpatterns = [
    path("doe-mee/<str:token>/", under_construction, name="participant-card"),
    path("doe-mee/<str:token>/evaluatie/", under_construction, name="participant-evaluation"),
]
