#!/usr/bin/env bash
# Checks a catalogue entry before a run, as plan does, without the platform: the descriptor, the
# request and response schema histories, the fields the descriptor names and, with a dataset, every
# day's columns against the request. Exit 0 when the service can run over the dataset.
#
#   scdf-deploy/local/check-service.sh <service> [<dataset path or URI> <from yyyy-MM-dd> <to yyyy-MM-dd>]
#   OFFSTREAM_SERVICES=/path/to/catalogue scdf-deploy/local/check-service.sh pricing .offstream/warehouse/orders 2026-01-01 2026-01-07
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_java17
[[ $# -eq 1 || $# -eq 4 ]] || { sed -n '2,8p' "$0"; exit 2; }

PLAN_JAR=$(module_jar tasks/plan)
if [[ -z "$PLAN_JAR" ]]; then
  say "building the plan task (first run only)"
  (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests -pl tasks/plan -am package)
  PLAN_JAR=$(module_jar tasks/plan)
fi
exec "$(java_cmd)" -cp "$PLAN_JAR" -Dloader.main=io.offstream.tasks.plan.CheckServiceCommand \
  org.springframework.boot.loader.PropertiesLauncher "$(catalogue_uri)" "$@"
