"""`wijkdialoog send_kerngroep_digests`: mail each kerngroep member what is overdue or due in
the next seven days. Run it weekly from cron (Monday morning, say); running it more often is
safe: each member gets at most one mail per week, and none when nothing is due."""

from typing import Any

from django.core.management.base import BaseCommand

from wijkdialoog.followup.tasks import send_kerngroep_digests


class Command(BaseCommand):
    help = "Send the weekly kerngroep mail of tasks that are due (at most once a week each)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_kerngroep_digests.call()
        self.stdout.write(f"Kerngroep mails sent: {sent}")
