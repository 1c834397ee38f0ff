#!/usr/bin/env bash
# One command: set up (first time) and run the kiosk with the embedded SQLite
# database, the built-in demo catalogue and the preview printer. Extra arguments
# go to `kiosk`, e.g. `scripts/run-kiosk.sh --config my.toml --fullscreen`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kiosk "$@"
