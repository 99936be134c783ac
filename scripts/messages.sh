#!/usr/bin/env bash
# Updates the Dutch and English catalogues of every app, then compiles them. `make messages` calls
# it. Needs GNU gettext (xgettext, msgmerge, msgfmt). Translate what is new in locale/nl, keep
# locale/en equal to the source, and commit the .po and .mo files.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python="$root/.venv/bin/python"

for config in wijkdialoog/*/apps.py; do
  app=$(dirname "$config")
  # Git keeps no empty folders: a fresh clone may lack an app's locale/ until it has catalogues.
  mkdir -p "$app/locale"
  echo "Updating the catalogues of $app"
  # -P keeps the app folder off sys.path, so an app module named like a standard library module
  # (dialogues/calendar.py) cannot shadow it.
  (cd "$app" && WIJKDIALOOG_TESTING=true "$python" -P -m wijkdialoog \
    makemessages -l nl -l en --no-obsolete >/dev/null)
done

WIJKDIALOOG_TESTING=true "$python" -m wijkdialoog compilemessages \
  --ignore=.venv --ignore=node_modules >/dev/null
