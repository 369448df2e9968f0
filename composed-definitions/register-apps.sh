#!/usr/bin/env bash
# Registers every task app in apps.properties with an SCDF server as a boot2 app, and the service
# consumer as a stream app (processor, boot 3+: SCDF shows its options; streams stay off here).
#   register-apps.sh [SCDF_URL]      register (re-registering is harmless: force=true)
#   register-apps.sh --check-built   exit 1 if a listed module exists but has no built jar
# The work is the launcher's `register-apps` command (io.offstream.launcher.platform.Registrations),
# which scdf-deploy/local/up.sh runs too.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../scdf-deploy/local/lib.sh"
run_launcher register-apps "$@"
