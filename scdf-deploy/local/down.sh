#!/usr/bin/env bash
# Stops what up.sh started (idempotent). Only processes recorded under .offstream/pids/ are touched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Reverse start order: the services that use Kafka and SCDF's database go first.
for name in region-registry realtime consumer dataflow kafka; do
  stop_component "$name"
done
say "down"
