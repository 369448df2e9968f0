#!/usr/bin/env bash
# Stops what up.sh started (idempotent): the processes recorded under .offstream/pids/, and the task
# processes the SCDF server launched (phase tasks, composed runners, dispatchers), which would
# otherwise go on polling a server that is gone. Other processes of the user's are not touched.
#
# The work is the launcher's `down` command (scdf-deploy/launcher, io.offstream.launcher.platform).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_launcher down "$@"
