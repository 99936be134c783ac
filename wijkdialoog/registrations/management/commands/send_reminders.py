"""`wijkdialoog send_reminders`: send every reminder that is due. Run it from cron (every 15
minutes, say) next to the task worker, so no reminder is missed when a meeting moves."""

from django.core.management.base import BaseCommand

from wijkdialoog.registrations.tasks import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminders that are due for upcoming meetings (each one only once)."

    def handle(self, *args, **options):
        sent = send_due_reminders.call()
        self.stdout.write(f"Reminders sent: {sent}")
