#!/usr/bin/env bash
# Creates the task definitions in *.task (file name = definition name, content = DSL; # comments).
# Re-loading is harmless: an identical definition is left as it is; one that differs is reported
# and kept (destroy it first to replace it, so its execution history is never dropped silently).
# A definition whose apps are not registered yet is skipped with SCDF's reason.
#   load-definitions.sh [SCDF_URL]
# The work is the launcher's `load-definitions` command (io.offstream.launcher.platform.Registrations),
# which scdf-deploy/local/up.sh runs too.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../scdf-deploy/local/lib.sh"
run_launcher load-definitions "$@"
