#!/usr/bin/env bash
# Set up everything the kiosk and its tests need on a fresh Debian/Ubuntu machine:
# system libraries for Qt, CJK fonts, gettext, a virtual environment with the
# project installed, and the compiled message catalogs. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 libxkbcommon0
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
  libpulse0 fonts-noto-cjk gettext python3-venv
  espeak-ng  # the customer kiosk's voice: read aloud and keypad mode (en, cmn, yue)
  xvfb dbus at-spi2-core  # the screen-reader test: an X server, a session bus, the AT-SPI bus
  xdotool wmctrl openbox x11-utils  # the lockdown test: a stranger's keys and window-manager actions
)

missing_packages() {
  local pkg
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
    if [[ $SUDO == none ]]; then
      echo "These system packages are missing; install them with:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# Python 3.12 or newer: None, True and False are immortal there, so a C extension
# that drops a reference to them (PySide6 6.12.0 did, once per Signal.emit) cannot
# abort the kiosk in the middle of a business day.
supported() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
find_python() {
  local candidate
  local pyenv_root
  pyenv_root=$(pyenv root 2>/dev/null || true)
  for candidate in ${PYTHON:-} python3.13 python3.12 python3 \
    $(ls -d "${pyenv_root:-/nonexistent}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
    if command -v "$candidate" >/dev/null 2>&1 && supported "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if [[ -x .venv/bin/python ]] && ! supported .venv/bin/python; then
  echo "Replacing .venv: it was made with $(.venv/bin/python --version), the kiosk needs 3.12 or newer."
  rm -rf .venv
fi
if [[ ! -x .venv/bin/python ]]; then
  if ! PYTHON=$(find_python); then
    echo "The kiosk needs Python 3.12 or newer (python3.12 or python3.13 on PATH, or PYTHON=/path/to/python)." >&2
    echo "  Debian 13 / Ubuntu 24.04: sudo apt-get install python3 python3-venv" >&2
    exit 1
  fi
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/pybabel compile -d translations -D kiosk >/dev/null
# Catalogs merge as the union of both sides' messages (scripts/po_merge.py).
if git rev-parse --git-dir >/dev/null 2>&1; then
  git config merge.po-union.driver ".venv/bin/python scripts/po_merge.py %O %A %B"
fi
# Bytecode ahead of time: the kiosk's first start (and a read-only install) does
# not compile the project's modules.
.venv/bin/python -m compileall -q cli kiosk ui printing translations assets >/dev/null
