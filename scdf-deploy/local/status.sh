#!/usr/bin/env bash
# Shows each local component: running or not, pid, port, health. Exit 0 when all started ones answer.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

unhealthy=0
row() {
  local name=$1 port=$2 probe=$3
  if is_running "$name"; then
    local health=down
    if eval "$probe" >/dev/null 2>&1; then health=up; else unhealthy=1; fi
    printf '%-20s %-8s pid %-8s port %-6s %s\n' "$name" running "$(pid_of "$name")" "$port" "$health"
  else
    local note=""
    port_open "$port" && note="(port $port taken by another process)"
    printf '%-20s %-8s %-12s port %-6s %s\n' "$name" stopped "" "$port" "$note"
  fi
}

row kafka "$KAFKA_PORT" "port_open $KAFKA_PORT"
row dataflow "$SCDF_PORT" "http_ok $SCDF_URL/about"
for service in $(catalogue_services); do
  name=$(consumer_name "$service"); port=$(consumer_port "$service")
  row "$name" "$port" "http_ok http://localhost:$port/actuator/health"
done
row realtime "$REALTIME_PORT" "http_ok http://localhost:$REALTIME_PORT/actuator/health"
row pricing-service "$PRICING_PORT" "http_ok http://localhost:$PRICING_PORT/health"
row region-registry "$REGISTRY_PORT" "http_ok $REGISTRY_URL/actuator/health"
if http_ok "$REGISTRY_URL/actuator/health"; then
  curl -sf "$REGISTRY_URL/regions" | python3 -c "
import json,sys
for r in json.load(sys.stdin):
    print('  region %-10s %-4s %-8s capMax %-3d active %-3d queued %-3d headroom %d%s' % (r['name'], r['health'],
        'enabled' if r['enabled'] else 'disabled', r['capMax'], r['active'], r['queued'], r['headroom'],
        '' if not r.get('reason') else '  (' + r['reason'] + ')'))" 2>/dev/null
fi
echo "logs: ${LOG_DIR#"$OFFSTREAM_ROOT"/}/   dashboard: $SCDF_URL/dashboard"
exit $unhealthy
