"""Public dialogue pages: per neighbourhood, per meeting, calendar downloads and feeds."""

urlpatterns = []
