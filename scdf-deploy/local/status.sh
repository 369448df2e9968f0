#!/usr/bin/env bash
# Shows each local component: running or not, pid, port, health. Exit 0 when all started ones answer.
#
# The work is the launcher's `status` command (scdf-deploy/launcher, io.offstream.launcher.platform).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_launcher status "$@"
