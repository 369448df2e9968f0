#!/usr/bin/env bash
# Brings the local Offstream platform up (idempotent): builds what is missing, starts the Kafka
# broker, the SCDF server (with the local regions as platform accounts, and the service catalogue
# OFFSTREAM_SERVICES handed to every task), the region registry, the services this repository
# ships (the risk service's real-time app; the Python pricing service when python3 is there) and
# one service consumer per catalogue entry, waits until each answers, registers the regions with
# the registry, every task app as a boot2 app, and loads the composed task definitions.
# Re-running it after adding a catalogue entry starts that entry's consumer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_java17
command -v curl >/dev/null || fail "curl is required (apt-get install curl)."

KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar 2>/dev/null | head -1 || true)
SCDF_JAR=$OFFSTREAM_ROOT/scdf-deploy/server/target/offstream-dataflow-server.jar
REALTIME_JAR=$OFFSTREAM_ROOT/stream-apps/sample-risk-service-app/target/offstream-sample-risk-service-app.jar
CONSUMER_JAR=$(ls "$OFFSTREAM_ROOT"/stream-apps/service-consumer/target/offstream-service-consumer-*.jar 2>/dev/null | head -1 || true)
REGISTRY_JAR=$OFFSTREAM_ROOT/region-registry/registry-service/target/offstream-region-registry.jar

if [[ -z "$KAFKA_JAR" || ! -f "$SCDF_JAR" || ! -f "$REALTIME_JAR" || -z "$CONSUMER_JAR" || ! -f "$REGISTRY_JAR" ]] \
    || ! "$OFFSTREAM_ROOT/composed-definitions/register-apps.sh" --check-built; then
  say "building the deployables (first run only; ./mvnw -DskipTests package)"
  (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests package)
  KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar | head -1)
  CONSUMER_JAR=$(ls "$OFFSTREAM_ROOT"/stream-apps/service-consumer/target/offstream-service-consumer-*.jar | head -1)
fi

mkdir -p "$OFFSTREAM_HOME"/{kafka,h2,task-work}
ensure_secret dataflow spring.datasource.password
ensure_secret platform offstream.security.password

start_component kafka "$KAFKA_PORT" "$KAFKA_JAR" \
  --bind-address="$BIND_ADDRESS" --port="$KAFKA_PORT" --controller-port="$KAFKA_CONTROLLER_PORT" --data-dir="$OFFSTREAM_HOME/kafka"
wait_until kafka 90 grep -q "Kafka broker ready" "$LOG_DIR/kafka.log"

# Every account (default and each region) keeps its tasks' files under .offstream/task-work and
# starts task JVMs through cds-java (class-data sharing: a phase's JVM starts in about half the
# time; OFFSTREAM_CDS=off runs the plain java). The local deployer hands a task only the variables
# it is told to (its defaults, plus cds-java's).
export OFFSTREAM_JAVA; OFFSTREAM_JAVA=$(java_cmd)
export OFFSTREAM_CDS_DIR=${OFFSTREAM_CDS_DIR:-$OFFSTREAM_HOME/cds}
inherit="TMP,LANG,LANGUAGE,LC_.*,PATH,SPRING_APPLICATION_JSON,JAVA_HOME,OFFSTREAM_JAVA,OFFSTREAM_CDS,OFFSTREAM_CDS_DIR"
account_args=()
for account in default $(for r in $REGIONS; do echo "${r%%:*}"; done); do
  prefix=--spring.cloud.dataflow.task.platform.local.accounts.$account
  account_args+=("$prefix.working-directories-root=$OFFSTREAM_HOME/task-work/$account"
    "$prefix.delete-files-on-exit=false" "$prefix.java-cmd=$OFFSTREAM_ROOT/scdf-deploy/local/cds-java" "$prefix.env-vars-to-inherit=$inherit"
    "$prefix.java-opts=${OFFSTREAM_TASK_JAVA_OPTS--Xmx1g}")
done
for r in $REGIONS; do
  account_args+=("--spring.cloud.dataflow.task.platform.local.accounts.${r%%:*}.maximum-concurrent-tasks=${r##*:}")
done
# Common task properties: every task SCDF launches knows the catalogue and the landing root.
common=--spring.cloud.dataflow.application-properties.task
start_component dataflow "$SCDF_PORT" "$SCDF_JAR" \
  --server.port="$SCDF_PORT" --server.address="$BIND_ADDRESS" \
  --spring.datasource.url="$SCDF_DATASOURCE_URL" "$(secrets_import dataflow)" \
  --offstream.embedded-database.bind-address="$BIND_ADDRESS" \
  --offstream.home="$OFFSTREAM_ROOT" \
  "$common.offstream.services.location=$(catalogue_uri)" \
  "$common.offstream.run.landing=file://$OFFSTREAM_HOME/landing" \
  "$common.offstream.kafka.bootstrap-servers=localhost:$KAFKA_PORT" \
  "$common.spring.config.import=optional:configtree:$SECRETS_DIR/platform/" \
  "${account_args[@]}"
wait_until dataflow 180 http_ok "$SCDF_URL/about"
platforms=$(curl -sf "$SCDF_URL/tasks/platforms?size=100" || true)
for r in $REGIONS; do
  [[ "$platforms" == *"\"name\":\"${r%%:*}\""* ]] || fail "the running SCDF server has no platform account ${r%%:*} \
(it was started with other regions): run scdf-deploy/local/down.sh, then up.sh"
done

# The region registry (its own H2 file database) and the regions it routes to.
start_component region-registry "$REGISTRY_PORT" "$REGISTRY_JAR" --server.port="$REGISTRY_PORT" \
  --server.address="$BIND_ADDRESS" "$(secrets_import platform)" \
  --spring.datasource.url="jdbc:h2:file:$OFFSTREAM_HOME/h2/region-registry"
wait_until region-registry 120 http_ok "$REGISTRY_URL/actuator/health"
for r in $REGIONS; do
  name=${r%%:*}
  platform_credentials | curl -sf -o /dev/null -K - -X POST "$REGISTRY_URL/regions" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"scdfUrl\":\"$SCDF_URL\",\"platformAccount\":\"$name\",\"kafkaBootstrap\":\"localhost:$KAFKA_PORT\",\"capacitySource\":\"scdf\"}" \
    || fail "the region registry refused region $name (see $LOG_DIR/region-registry.log)"
done
say "regions: $(curl -sf "$REGISTRY_URL/regions" | grep -o '"name":"[^"]*"[^}]*"headroom":[0-9-]*' | sed 's/"name":"\([^"]*\)".*"headroom":\([0-9-]*\)/\1 (headroom \2)/' | paste -sd ' ' -)"

# The services this repository ships: the risk service's real-time REST app, and the Python
# pricing service (an HTTP service the pricing consumer calls).
start_component realtime "$REALTIME_PORT" "$REALTIME_JAR" --server.port="$REALTIME_PORT" --server.address="$BIND_ADDRESS"
PRICING_PY=$OFFSTREAM_ROOT/stream-apps/sample-pricing-service/pricing_service.py
if command -v python3 >/dev/null 2>&1; then
  start_process pricing-service "$PRICING_PORT" "$PRICING_PY" python3 "$PRICING_PY" --host "$BIND_ADDRESS" --port "$PRICING_PORT"
else
  say "python3 is not installed: the pricing service (port $PRICING_PORT) is not started, so pricing runs would dead-letter"
  say "    every record (apt-get install python3, then re-run up.sh)"
fi

# One service consumer per catalogue entry (group offstream-<service>), each hosting its service.
services=$(catalogue_services)
[[ -n "$services" ]] || say "the catalogue $OFFSTREAM_SERVICES has no service (folders with a service.yaml)"
for service in $services; do
  start_component "$(consumer_name "$service")" "$(consumer_port "$service")" "$CONSUMER_JAR" \
    --server.port="$(consumer_port "$service")" --server.address="$BIND_ADDRESS" "$(secrets_import platform)" \
    --offstream.consumer.service="$service" \
    --offstream.services.location="$(catalogue_uri)" \
    --spring.cloud.stream.kafka.binder.brokers="localhost:$KAFKA_PORT"
done
wait_until realtime 120 http_ok "http://localhost:$REALTIME_PORT/actuator/health"
if is_running pricing-service; then wait_until pricing-service 30 http_ok "http://localhost:$PRICING_PORT/health"; fi
for service in $services; do
  wait_until "$(consumer_name "$service")" 120 http_ok "http://localhost:$(consumer_port "$service")/actuator/health"
done

"$OFFSTREAM_ROOT/composed-definitions/register-apps.sh" "$SCDF_URL"
"$OFFSTREAM_ROOT/composed-definitions/load-definitions.sh" "$SCDF_URL"

say "up: SCDF $SCDF_URL (dashboard $SCDF_URL/dashboard), Kafka localhost:$KAFKA_PORT, H2 $SCDF_DATASOURCE_URL"
for service in $services; do
  say "    $service: consumer http://localhost:$(consumer_port "$service")/actuator"
done
say "    catalogue $(catalogue_uri); real-time risk service http://localhost:$REALTIME_PORT/score\
$(is_running pricing-service && echo ", pricing service http://localhost:$PRICING_PORT/price")"
say "    region registry $REGISTRY_URL/regions ($REGIONS)"
say "    listening on $BIND_ADDRESS only$([[ $BIND_ADDRESS == 127.* ]] && echo " (this machine; OFFSTREAM_BIND_ADDRESS opens it)")"
say "    security: the SCDF server has NO authentication here (a local demo on $BIND_ADDRESS); production turns on"
say "    its OAuth2/OIDC security (scdf-deploy/SECURITY.md). Writes to the registry and the consumers' actuators"
say "    need user offstream with the password in ${SECRETS_DIR#"$OFFSTREAM_ROOT"/}/platform/offstream.security.password;"
say "    H2 needs user sa with ${SECRETS_DIR#"$OFFSTREAM_ROOT"/}/dataflow/spring.datasource.password"
