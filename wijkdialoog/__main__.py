"""The `wijkdialoog` command: Django's manage.py for the installed package."""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["themes"]:
        # The themes command needs no database or settings (and so no SECRET_KEY): analysts run
        # it on an export. It starts before Django does.
        from wijkdialoog.synthesis.engine.cli import main as themes

        sys.exit(themes(sys.argv[2:]))
    if sys.argv[1:2] == ["polis-analyse"]:
        # Likewise without a database: analyse Polis exports (see wijkdialoog/agenda/polis_cli.py).
        from wijkdialoog.agenda.polis_cli import main as polis_analyse

        sys.exit(polis_analyse(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkdialoog.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
