#!/usr/bin/env bash
# Create nbgrader's shared exchange folder with the modes nbgrader needs on a multi-user server.
#
# Run once, as root:  sudo bash course/hub/setup-exchange.sh [/srv/nbgrader/exchange]
# Why 1777: every trainee must create their submission folder inside it and nbgrader insists the
# root is world-writable; the sticky bit stops anyone deleting or renaming another user's entries.
# A root-owned 0755 folder makes the trainer's first release fail ("permission denied").
set -euo pipefail
exchange="${1:-${FACILITATOR_EXCHANGE:-/srv/nbgrader/exchange}}"
if [ "$(id -u)" != 0 ]; then
  echo "Run this as root (sudo): it creates $exchange owned by root with mode 1777." >&2
  exit 1
fi
install -d -o root -g root -m 0755 "$(dirname "$exchange")"
install -d -o root -g root -m 1777 "$exchange"
chmod 1777 "$exchange"   # also repairs an existing folder made with the wrong mode
echo "Exchange ready: $exchange ($(stat -c '%A %U' "$exchange"))"
