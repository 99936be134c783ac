"""Registering without an account, the personal manage link, registering on behalf."""

urlpatterns = []
