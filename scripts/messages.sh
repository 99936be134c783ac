#!/usr/bin/env bash
# Updates the Dutch and English catalogues of every app that has a locale/ folder, then compiles
# them. Run from anywhere; `make messages` calls it. Needs GNU gettext (xgettext, msgmerge, msgfmt).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python="$root/.venv/bin/python"

for app in wijkdialoog/*/; do
  [ -d "$app/locale" ] || continue
  echo "Updating the catalogues of $app"
  # -P keeps the app folder off sys.path, so an app module named like a standard library module
  # (dialogues/calendar.py) cannot shadow it.
  (cd "$app" && WIJKDIALOOG_TESTING=true "$python" -P -m wijkdialoog \
    makemessages -l nl -l en --no-obsolete >/dev/null)
done

WIJKDIALOOG_TESTING=true "$python" -m wijkdialoog compilemessages \
  --ignore=.venv --ignore=node_modules >/dev/null
