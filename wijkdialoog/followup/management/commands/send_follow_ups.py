"""`wijkdialoog send_follow_ups`: ask everyone whose follow-up is due how their personal actions
went. Run it from cron (every hour, say) next to `send_reminders`; each person is mailed once."""

from typing import Any

from django.core.management.base import BaseCommand

from wijkdialoog.followup.tasks import send_due_follow_ups


class Command(BaseCommand):
    help = "Send the follow-up mails about personal actions that are due (each one only once)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_follow_ups.call()
        self.stdout.write(f"Follow-up mails sent: {sent}")
