"""`wijkdialoog demo`: migrate, load the demo organisation and serve it at 127.0.0.1:8000."""

import importlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.db import transaction

from wijkdialoog.core import mail
from wijkdialoog.core.demo_support import DemoContext


class Command(BaseCommand):
    help = "Load the demo organisation (fictional) and run the development server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Load the data, do not serve.")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(
        self, *args: Any, no_serve: bool = False, addrport: str = "127.0.0.1:8000", **options: Any
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        reset_demo(self.stdout)
        context = load_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Log in at http://{addrport}/inloggen/")
        )
        for role, email in context.logins:
            self.stdout.write(f"  {role:<28} {email}  /  {context.password}")
        self.stdout.write(
            "  Magic links and other email appear in this terminal (console email backend)."
        )
        if not no_serve:
            if not settings.DEBUG:
                self.stdout.write(
                    self.style.WARNING("DEBUG is off: run `make demo`, which sets it.")
                )
            call_command("runserver", addrport, use_reloader=False)


def reset_demo(stdout: OutputWrapper) -> None:
    """Start from a clean demo, so its dates stay relative to today. Refuses to touch a database
    that holds anything but the demo organisation."""
    from wijkdialoog.community.demo import DEMO_SLUG
    from wijkdialoog.community.models import Organisation

    organisations = set(Organisation.objects.values_list("slug", flat=True))
    if not organisations:
        return
    if organisations != {DEMO_SLUG}:
        raise CommandError(
            "This database holds real organisations; the demo only runs on its own database."
        )
    call_command("flush", interactive=False, verbosity=0)
    stdout.write("Demo data reset.")


@transaction.atomic
def load_demo() -> DemoContext:
    """Each app with a `demo` module adds its part, in the order of INSTALLED_APPS."""
    context = DemoContext()
    with mail.suppressed():
        _load_apps(context)
    return context


def _load_apps(context: DemoContext) -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("wijkdialoog."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        module.load(context)
