#!/usr/bin/env bash
# Brings the local Offstream platform up (idempotent): builds what is missing, starts the Kafka
# broker, the SCDF server (with the local regions as platform accounts), the region registry, the
# sample service's real-time app and the service consumer, waits until each answers, registers the
# regions with the registry, every task app as a boot2 app, and loads the composed task definitions.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_java17
command -v curl >/dev/null || fail "curl is required (apt-get install curl)."

KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar 2>/dev/null | head -1 || true)
SCDF_JAR=$OFFSTREAM_ROOT/scdf-deploy/server/target/offstream-dataflow-server.jar
REALTIME_JAR=$OFFSTREAM_ROOT/stream-apps/sample-risk-service-app/target/offstream-sample-risk-service-app.jar
CONSUMER_JAR=$OFFSTREAM_ROOT/stream-apps/service-consumer/target/offstream-service-consumer.jar
REGISTRY_JAR=$OFFSTREAM_ROOT/region-registry/registry-service/target/offstream-region-registry.jar

if [[ -z "$KAFKA_JAR" || ! -f "$SCDF_JAR" || ! -f "$REALTIME_JAR" || ! -f "$CONSUMER_JAR" || ! -f "$REGISTRY_JAR" ]] \
    || ! "$OFFSTREAM_ROOT/composed-definitions/register-apps.sh" --check-built; then
  say "building the deployables (first run only; ./mvnw -DskipTests package)"
  (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests package)
  KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar | head -1)
fi

mkdir -p "$OFFSTREAM_HOME"/{kafka,h2,task-work}

start_component kafka "$KAFKA_PORT" "$KAFKA_JAR" \
  --port="$KAFKA_PORT" --controller-port="$KAFKA_CONTROLLER_PORT" --data-dir="$OFFSTREAM_HOME/kafka"
wait_until kafka 90 grep -q "Kafka broker ready" "$LOG_DIR/kafka.log"

# Every account (default and each region) keeps its tasks' files under .offstream/task-work.
account_args=()
for account in default $(for r in $REGIONS; do echo "${r%%:*}"; done); do
  prefix=--spring.cloud.dataflow.task.platform.local.accounts.$account
  account_args+=("$prefix.working-directories-root=$OFFSTREAM_HOME/task-work/$account"
    "$prefix.delete-files-on-exit=false" "$prefix.java-cmd=$(java_cmd)")
done
for r in $REGIONS; do
  account_args+=("--spring.cloud.dataflow.task.platform.local.accounts.${r%%:*}.maximum-concurrent-tasks=${r##*:}")
done
start_component dataflow "$SCDF_PORT" "$SCDF_JAR" \
  --server.port="$SCDF_PORT" \
  --spring.datasource.url="$SCDF_DATASOURCE_URL" \
  --offstream.home="$OFFSTREAM_ROOT" \
  "${account_args[@]}"
wait_until dataflow 180 http_ok "$SCDF_URL/about"
platforms=$(curl -sf "$SCDF_URL/tasks/platforms?size=100" || true)
for r in $REGIONS; do
  [[ "$platforms" == *"\"name\":\"${r%%:*}\""* ]] || fail "the running SCDF server has no platform account ${r%%:*} \
(it was started with other regions): run scdf-deploy/local/down.sh, then up.sh"
done

# The region registry (its own H2 file database) and the regions it routes to.
start_component region-registry "$REGISTRY_PORT" "$REGISTRY_JAR" --server.port="$REGISTRY_PORT" \
  --spring.datasource.url="jdbc:h2:file:$OFFSTREAM_HOME/h2/region-registry"
wait_until region-registry 120 http_ok "$REGISTRY_URL/actuator/health"
for r in $REGIONS; do
  name=${r%%:*}
  curl -sf -o /dev/null -X POST "$REGISTRY_URL/regions" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"scdfUrl\":\"$SCDF_URL\",\"platformAccount\":\"$name\",\"kafkaBootstrap\":\"localhost:$KAFKA_PORT\",\"capacitySource\":\"scdf\"}" \
    || fail "the region registry refused region $name (see $LOG_DIR/region-registry.log)"
done
say "regions: $(curl -sf "$REGISTRY_URL/regions" | grep -o '"name":"[^"]*"[^}]*"headroom":[0-9-]*' | sed 's/"name":"\([^"]*\)".*"headroom":\([0-9-]*\)/\1 (headroom \2)/' | paste -sd ' ' -)"

# The sample production service: its real-time REST app, and the same service hosted as the
# consumer of every run's ingress topic (group offstream-risk).
start_component realtime "$REALTIME_PORT" "$REALTIME_JAR" --server.port="$REALTIME_PORT"
start_component consumer "$CONSUMER_PORT" "$CONSUMER_JAR" --server.port="$CONSUMER_PORT" \
  --offstream.consumer.bootstrap-servers="localhost:$KAFKA_PORT"
wait_until realtime 120 http_ok "http://localhost:$REALTIME_PORT/actuator/health"
wait_until consumer 120 http_ok "http://localhost:$CONSUMER_PORT/actuator/health"

"$OFFSTREAM_ROOT/composed-definitions/register-apps.sh" "$SCDF_URL"
"$OFFSTREAM_ROOT/composed-definitions/load-definitions.sh" "$SCDF_URL"

say "up: SCDF $SCDF_URL (dashboard $SCDF_URL/dashboard), Kafka localhost:$KAFKA_PORT, H2 $SCDF_DATASOURCE_URL"
say "    service consumer http://localhost:$CONSUMER_PORT/actuator, real-time service http://localhost:$REALTIME_PORT/score"
say "    region registry $REGISTRY_URL/regions ($REGIONS)"
