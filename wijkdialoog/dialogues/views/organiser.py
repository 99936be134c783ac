"""Organiser pages: venues, series, meetings and tables."""

urlpatterns = []
