#!/usr/bin/env bash
# One command: set up (first time) and run every check and test, headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
bash scripts/postgres.sh || [[ ${CI:-} != true ]]

echo "== ruff"; .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== catalogs"; bash scripts/i18n.sh check
echo "== pytest"; .venv/bin/pytest "$@"
