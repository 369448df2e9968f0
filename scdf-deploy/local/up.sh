#!/usr/bin/env bash
# Brings the local Offstream platform up (idempotent): builds what is missing, starts the Kafka
# broker, the SCDF server, the sample service's real-time app and the service consumer, waits until
# each answers, registers every task app as a boot2 app and loads the composed task definitions.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_java17
command -v curl >/dev/null || fail "curl is required (apt-get install curl)."

KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar 2>/dev/null | head -1 || true)
SCDF_JAR=$OFFSTREAM_ROOT/scdf-deploy/server/target/offstream-dataflow-server.jar
REALTIME_JAR=$OFFSTREAM_ROOT/stream-apps/sample-risk-service-app/target/offstream-sample-risk-service-app.jar
CONSUMER_JAR=$OFFSTREAM_ROOT/stream-apps/service-consumer/target/offstream-service-consumer.jar

if [[ -z "$KAFKA_JAR" || ! -f "$SCDF_JAR" || ! -f "$REALTIME_JAR" || ! -f "$CONSUMER_JAR" ]] \
    || ! "$OFFSTREAM_ROOT/composed-definitions/register-apps.sh" --check-built; then
  say "building the deployables (first run only; ./mvnw -DskipTests package)"
  (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests package)
  KAFKA_JAR=$(ls "$OFFSTREAM_ROOT"/scdf-deploy/kafka-broker/target/*-exec.jar | head -1)
fi

mkdir -p "$OFFSTREAM_HOME"/{kafka,h2,task-work}

start_component kafka "$KAFKA_PORT" "$KAFKA_JAR" \
  --port="$KAFKA_PORT" --controller-port="$KAFKA_CONTROLLER_PORT" --data-dir="$OFFSTREAM_HOME/kafka"
wait_until kafka 90 grep -q "Kafka broker ready" "$LOG_DIR/kafka.log"

start_component dataflow "$SCDF_PORT" "$SCDF_JAR" \
  --server.port="$SCDF_PORT" \
  --spring.datasource.url="$SCDF_DATASOURCE_URL" \
  --offstream.home="$OFFSTREAM_ROOT" \
  --spring.cloud.dataflow.task.platform.local.accounts.default.working-directories-root="$OFFSTREAM_HOME/task-work" \
  --spring.cloud.dataflow.task.platform.local.accounts.default.delete-files-on-exit=false \
  --spring.cloud.dataflow.task.platform.local.accounts.default.java-cmd="$(java_cmd)"
wait_until dataflow 180 http_ok "$SCDF_URL/about"

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
