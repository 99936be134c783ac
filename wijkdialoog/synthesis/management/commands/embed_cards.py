"""`wijkdialoog embed_cards`: embed every card whose vector is missing or stale. Run it from cron
(nightly, say) to catch up on failed tasks, and once after an upgrade of the embedding model."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.vectors import BATCH_SIZE, embed_missing


class Command(BaseCommand):
    help = "Embed the harvest cards that have no vector yet, or one of an older text or model."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        done = embed_missing(Card.objects.all(), batch_size=options["batch_size"])
        self.stdout.write(f"Cards embedded: {done}")
