"""Invitation channels: tracked links, posters and flyers, email lists, share texts."""

urlpatterns = []
