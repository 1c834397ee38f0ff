#!/usr/bin/env bash
# Message catalogs with Babel.
#   scripts/i18n.sh update   extract strings into translations/kiosk.pot and merge into each .po
#   scripts/i18n.sh compile  build the .mo files
#   scripts/i18n.sh check    msgfmt -c on every catalog, and fail on untranslated or fuzzy entries
set -euo pipefail
cd "$(dirname "$0")/.."
LOCALES=(en zh_Hans zh_Hant)
BABEL=.venv/bin/pybabel

case "${1:-check}" in
  update)
    $BABEL extract -F babel.cfg -k tr -k N_ -k ntr:1,2 --no-location --sort-output \
      --project "Lobby kiosk" -o translations/kiosk.pot kiosk ui printing
    for locale in "${LOCALES[@]}"; do
      po=translations/$locale/LC_MESSAGES/kiosk.po
      if [[ -f $po ]]; then
        $BABEL update --no-fuzzy-matching -i translations/kiosk.pot -d translations -D kiosk -l "$locale"
      else
        $BABEL init -i translations/kiosk.pot -d translations -D kiosk -l "$locale"
      fi
    done
    # English messages are their own translation.
    .venv/bin/python - <<'PY'
from babel.messages.pofile import read_po, write_po
path = "translations/en/LC_MESSAGES/kiosk.po"
with open(path, "rb") as handle:
    catalog = read_po(handle, locale="en")
for message in catalog:
    if not message.id:
        continue
    if isinstance(message.id, str):
        message.string = message.string or message.id
    elif not all(message.string):
        message.string = tuple(message.id)
with open(path, "wb") as handle:
    write_po(handle, catalog, width=100, sort_output=True)
PY
    ;;
  compile)
    $BABEL compile -d translations -D kiosk
    ;;
  check)
    status=0
    for locale in "${LOCALES[@]}"; do
      po=translations/$locale/LC_MESSAGES/kiosk.po
      msgfmt -c -o /dev/null "$po" || status=1
      stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
      if [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
        echo "$po: $stats" >&2
        status=1
      fi
    done
    exit $status
    ;;
  *) echo "usage: $0 update|compile|check" >&2; exit 2 ;;
esac
