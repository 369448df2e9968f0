#!/usr/bin/env bash
# Spark SQL over the landing (local[*]). Each service is a view named after it (risk), with the
# partition columns run and dt; rejected rows are the view quarantine_<service> (reason codes).
#
#   scdf-deploy/local/sql.sh "SELECT decision, count(*) FROM risk GROUP BY decision"
#   scdf-deploy/local/sql.sh "SELECT run, dt, count(*) FROM risk GROUP BY run, dt ORDER BY run, dt"
#   scdf-deploy/local/sql.sh "SELECT reason_code, count(*) FROM quarantine_risk GROUP BY reason_code"
#   OFFSTREAM_LANDING=hdfs://namenode/offstream/landing scdf-deploy/local/sql.sh "..."
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_java17
[[ $# -ge 1 ]] || { sed -n '2,8p' "$0"; exit 2; }

JOB=$OFFSTREAM_ROOT/tasks/spark-ingress-job/target
JAR=$(ls "$JOB"/offstream-spark-ingress-job-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$JAR" || ! -d "$JOB/engine-lib" ]]; then
  say "building the Spark job module (first run only)"
  (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests -pl tasks/spark-ingress-job -am package)
  JAR=$(ls "$JOB"/offstream-spark-ingress-job-*.jar | head -1)
fi
LANDING=${OFFSTREAM_LANDING:-file://$OFFSTREAM_HOME/landing}
# Spark on Java 17 needs these opens (the same list the ingress task gives its Spark JVM).
OPENS=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
exec "$(java_cmd)" "${OPENS[@]}" -cp "$JAR:$JOB/engine-lib/*" io.offstream.tasks.analytics.LandingSql \
  --landing="$LANDING" "$@"
