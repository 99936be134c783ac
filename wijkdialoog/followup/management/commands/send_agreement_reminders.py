"""`wijkdialoog send_agreement_reminders`: remind the parties of wijkafspraken before the date
of their commitment, and once when it is overdue. Run it from cron (daily or hourly); each
reminder goes once."""

from typing import Any

from django.core.management.base import BaseCommand

from wijkdialoog.followup.agreement_reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminders of wijkafspraken that are due (each one only once)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_reminders()
        self.stdout.write(f"Agreement reminders sent: {sent}")
