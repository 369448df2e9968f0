#!/usr/bin/env bash
# Stops what up.sh started (idempotent). Only processes recorded under .offstream/pids/ are touched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Reverse start order: the services that use Kafka and SCDF's database go first.
consumers=$(for f in "$PID_DIR"/consumer*.pid; do [[ -f "$f" ]] && basename "$f" .pid; done)
for name in region-registry $consumers realtime pricing-service dataflow kafka; do
  stop_component "$name"
done
say "down"
