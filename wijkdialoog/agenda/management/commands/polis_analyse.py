"""`wijkdialoog polis_analyse FOLDER [FOLDER ...] --json OUT [--repeat N]`: the same as
`wijkdialoog polis-analyse`, for call_command. No database; the work is in agenda/polis_cli.py."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkdialoog.agenda import polis_cli


class Command(BaseCommand):
    help = "Analyse Polis exports (folders) and write the results as JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folders", nargs="+")
        parser.add_argument("--json", required=True)
        parser.add_argument("--repeat", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [*options["folders"], "--json", options["json"], "--repeat", str(options["repeat"])]
        if polis_cli.main(argv) != 0:
            raise CommandError("The Polis export could not be read (see above).")
