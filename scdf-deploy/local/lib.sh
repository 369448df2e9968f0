# Shared by the scripts of scdf-deploy/local. Sourced, not run.
# up.sh, down.sh, status.sh and run-demo.sh are thin wrappers over the launcher (scdf-deploy/launcher,
# plain Java): it starts, stops and inspects the platform, records every process it starts by pid
# under .offstream/pids/ with the jar it runs, and runs the main job. Tests start the platform
# through the same launcher classes.

OFFSTREAM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OFFSTREAM_HOME=${OFFSTREAM_HOME:-$OFFSTREAM_ROOT/.offstream}

# The service catalogue (one folder per service: service.yaml, request/, response/): a local path or
# any Hadoop URI. up.sh hands it to every task and starts a service consumer per entry.
OFFSTREAM_SERVICES=${OFFSTREAM_SERVICES:-$OFFSTREAM_ROOT/schemas/services}

# Read by the launcher from the environment, not here: OFFSTREAM_BIND_ADDRESS (default 127.0.0.1),
# OFFSTREAM_REGIONS (default "region-a:8 region-b:6 region-c:4"), OFFSTREAM_JAVA_OPTS (default -Xmx1g),
# OFFSTREAM_TASK_JAVA_OPTS (default -Xmx1g -XX:TieredStopAtLevel=1), OFFSTREAM_CDS_DIR. The ports are README's
# (io.offstream.launcher.platform.PlatformPorts); the SCDF server's URL, for scripts and benchmarks:
SCDF_URL=http://localhost:9393

say() { printf '[offstream] %s\n' "$*"; }
fail() { printf '[offstream] ERROR: %s\n' "$*" >&2; exit 1; }

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi
}

# The launcher cannot say that Java is missing or too old: this does, before starting it.
require_java17() {
  local java; java=$(java_cmd)
  [[ -n "$java" ]] || fail "Java 17 or newer is required and no 'java' was found (install openjdk-17-jdk-headless, or set JAVA_HOME)."
  local version; version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ "${version%%.*}" -ge 17 ]] 2>/dev/null || fail "Java 17 or newer is required; $java is Java $version (set JAVA_HOME to a JDK 17)."
}

# The built jar of a module: <module>/target/<artifactId>-<version>.jar (SCDF parses that name).
module_jar() {
  local dir=$OFFSTREAM_ROOT/$1/target
  ls "$dir"/*.jar 2>/dev/null | grep -vE '(-sources|-javadoc|-tests|\.original)' | head -1
}

# The catalogue as a local folder, or empty when it is on another file system (hdfs://...).
catalogue_dir() {
  case "$OFFSTREAM_SERVICES" in
    file://*) echo "${OFFSTREAM_SERVICES#file://}" ;;
    *://*) echo "" ;;
    *) (cd "$OFFSTREAM_SERVICES" 2>/dev/null && pwd) || echo "$OFFSTREAM_SERVICES" ;;
  esac
}

# The catalogue's location as a URI, as tasks and consumers are given it.
catalogue_uri() {
  local dir; dir=$(catalogue_dir)
  if [[ -n "$dir" ]]; then echo "file://$dir"; else echo "$OFFSTREAM_SERVICES"; fi
}
# run_launcher COMMAND [ARGS...]: replaces this shell with the local platform's launcher
# (scdf-deploy/launcher, plain Java), building it first if it is missing. Its exit code is the script's.
run_launcher() {
  require_java17
  local jar=$OFFSTREAM_ROOT/scdf-deploy/launcher/target/offstream-launcher.jar
  if [[ ! -f "$jar" ]]; then
    say "building the launcher (first run only; ./mvnw -DskipTests -pl scdf-deploy/launcher -am package)"
    (cd "$OFFSTREAM_ROOT" && ./mvnw -q -DskipTests -pl scdf-deploy/launcher -am package) >&2 || fail "building scdf-deploy/launcher failed"
  fi
  OFFSTREAM_ROOT=$OFFSTREAM_ROOT OFFSTREAM_HOME=$OFFSTREAM_HOME OFFSTREAM_SERVICES=$OFFSTREAM_SERVICES \
    exec "$(java_cmd)" ${OFFSTREAM_LAUNCHER_JAVA_OPTS--Xmx256m} -jar "$jar" "$@"
}
