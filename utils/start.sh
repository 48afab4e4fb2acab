#!/usr/bin/env bash
# Set up (a virtual environment in .venv with the course installed) and start the course as a web
# app. Re-running is safe and quick: pip skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/facilitator-course start "$@"
