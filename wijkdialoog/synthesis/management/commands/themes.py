"""`wijkdialoog themes CARDS.csv --json OUT [--k N] [--themes THEMES.csv]`: suggest or assign
themes for cards in a CSV file. No database; the work is in synthesis/engine/cli.py."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkdialoog.synthesis.engine import cli


class Command(BaseCommand):
    help = "Suggest themes for harvest cards in a CSV file (id,text), or assign them to themes."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            document = cli.execute(
                options["cards"],
                options["json_path"],
                options["k"],
                options["themes"],
                options["seed"],
            )
        except cli.InputError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{len(document['cards'])} cards, {len(document['themes'])} themes "
            f"-> {options['json_path']} ({document['runtime_s']} s)"
        )
