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
# tests/test_hub.py runs a real JupyterHub: configurable-http-proxy comes from npm, and the
# users' servers run from a venv on Debian's python3 (this venv's python may sit under /root).
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's nodejs and npm for the hub test's proxy…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "The hub test needs npm: sudo apt-get install nodejs npm" >&2
    exit 1
  fi
fi
[ -x .venv/hub-proxy/node_modules/.bin/configurable-http-proxy ] ||
  npm install --silent --prefix .venv/hub-proxy configurable-http-proxy@5.3.0
[ -x .venv/hub-venv/bin/python ] || /usr/bin/python3 -m venv .venv/hub-venv
.venv/hub-venv/bin/python -m pip install --quiet -e ".[hub]"
.venv/bin/ruff check utils tests
.venv/bin/ruff format --check utils tests
exec .venv/bin/python -m pytest "$@"
