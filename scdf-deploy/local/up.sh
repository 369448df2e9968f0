#!/usr/bin/env bash
# Brings the local Offstream platform up (idempotent): builds what is missing, starts the Kafka
# broker, the SCDF server (with the local regions as platform accounts, and the service catalogue
# OFFSTREAM_SERVICES handed to every task), the region registry, the services this repository
# ships (the risk service's real-time app; the Python pricing service when python3 is there) and
# one service consumer per catalogue entry, waits until each answers, registers the regions with
# the registry, every task app as a boot2 app, and loads the composed task definitions.
# Re-running it after adding a catalogue entry starts that entry's consumer.
#
# The work is the launcher's `up` command (scdf-deploy/launcher, io.offstream.launcher.platform).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_launcher up "$@"
