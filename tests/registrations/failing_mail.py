"""A mail backend that cannot reach its server, to test that a failed send can be retried."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("The mail server is not reachable.")
