#!/usr/bin/env bash
# Set up everything the tests need, then run the linters and the whole test suite:
# unit tests, every notebook executed (nbval), nbgrader end to end, and Voilà in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium at /usr/bin/chromium." >&2
    echo "Install it with: sudo apt-get install chromium   (then run this again)" >&2
    exit 1
  fi
fi
if ! command -v bwrap >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's bubblewrap for the grading sandbox…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null
  else
    echo "The grading sandbox test needs bubblewrap: sudo apt-get install bubblewrap" >&2
    exit 1
  fi
fi
.venv/bin/ruff check utils tests
.venv/bin/ruff format --check utils tests
exec .venv/bin/python -m pytest "$@"
