"""`wijkdialoog load_methods`: brings the shipped methods up to date with methods/data/."""

from django.core.management.base import BaseCommand

from wijkdialoog.methods.shipped import sync_shipped_methods


class Command(BaseCommand):
    help = "Create or update the methods that come with Wijkdialoog from their data files."

    def handle(self, *args, **options):
        result = sync_shipped_methods()
        self.stdout.write(
            f"Shipped methods: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
