"""Dividing people over tables, moving by hand, check-in at the door, table cards."""

urlpatterns = []
