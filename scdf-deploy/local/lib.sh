# Shared by up.sh, down.sh, status.sh and run-demo.sh (a wrapper over the launcher). Sourced, not run.
# Every process these scripts start is recorded by pid under .offstream/pids/ with the jar it
# runs, so down.sh stops exactly what up.sh started (and the tasks its SCDF server launched) and nothing else.

OFFSTREAM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OFFSTREAM_HOME=${OFFSTREAM_HOME:-$OFFSTREAM_ROOT/.offstream}
LOG_DIR=$OFFSTREAM_HOME/logs
PID_DIR=$OFFSTREAM_HOME/pids

# The service catalogue (one folder per service: service.yaml, request/, response/): a local path or
# any Hadoop URI. up.sh hands it to every task and starts a service consumer per entry.
OFFSTREAM_SERVICES=${OFFSTREAM_SERVICES:-$OFFSTREAM_ROOT/schemas/services}

# The address every component listens on: this machine only by default. A cluster, whose tasks or
# users reach the components from other hosts, sets the address to listen on (0.0.0.0: every
# interface) and should turn on the SCDF server's security first (scdf-deploy/SECURITY.md).
BIND_ADDRESS=${OFFSTREAM_BIND_ADDRESS:-127.0.0.1}

# Passwords, generated on the first up.sh, one file per property (mode 0600) in directories only
# this user can read; processes import a directory as a Spring config tree, so no password is ever
# on a command line: dataflow/ (the H2 database's), platform/ (writes to the registry and actuators).
SECRETS_DIR=$OFFSTREAM_HOME/secrets

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
SCDF_PORT=9393
H2_PORT=19092
CONSUMER_PORT=8081
REALTIME_PORT=8082
PRICING_PORT=8083
# Consumers of catalogue entries other than risk take the first free port from here on.
FIRST_EXTRA_CONSUMER_PORT=8084
REGISTRY_PORT=8090
REGISTRY_URL=http://localhost:$REGISTRY_PORT
SCDF_URL=http://localhost:$SCDF_PORT
# The SCDF server serves this H2 file database over TCP; launched tasks use the same URL.
# DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close the database under the server's feet.
SCDF_DATASOURCE_URL="jdbc:h2:tcp://localhost:$H2_PORT/$OFFSTREAM_HOME/h2/dataflow;DB_CLOSE_ON_EXIT=FALSE"

say() { printf '[offstream] %s\n' "$*"; }

# ensure_secret DIR PROPERTY: the file DIR/PROPERTY with a random password, made once (mode 0600).
ensure_secret() {
  local dir=$SECRETS_DIR/$1 file=$SECRETS_DIR/$1/$2
  (umask 077; mkdir -p "$dir")
  chmod 700 "$SECRETS_DIR" "$dir"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  fi
  chmod 600 "$file"
}

# curl's config (read with -K -) for writes to the registry and the consumers' actuators: the
# platform password goes through a pipe, not curl's command line.
platform_credentials() {
  printf 'user = "offstream:%s"\n' "$(cat "$SECRETS_DIR/platform/offstream.security.password")"
}

# The config tree import that hands a process the passwords of DIR.
secrets_import() { echo "--spring.config.import=optional:configtree:$SECRETS_DIR/$1/"; }
fail() { printf '[offstream] ERROR: %s\n' "$*" >&2; exit 1; }

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi
}

require_java17() {
  local java; java=$(java_cmd)
  [[ -n "$java" ]] || fail "Java 17 or newer is required and no 'java' was found (install openjdk-17-jdk-headless, or set JAVA_HOME)."
  local version; version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ "${version%%.*}" -ge 17 ]] 2>/dev/null || fail "Java 17 or newer is required; $java is Java $version (set JAVA_HOME to a JDK 17)."
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'
  fi
}

pid_of() { [[ -f "$PID_DIR/$1.pid" ]] && cat "$PID_DIR/$1.pid"; }

# A component runs when its recorded pid is alive and still runs the recorded jar (pids get reused).
is_running() {
  local pid; pid=$(pid_of "$1") || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  local jar; jar=$(cat "$PID_DIR/$1.jar" 2>/dev/null) || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$jar"
}

# start_component NAME PORT JAR [ARGS...]: starts the jar detached, logs to .offstream/logs/NAME.log.
start_component() {
  local name=$1 port=$2 jar=$3; shift 3
  [[ -f "$jar" ]] || is_running "$name" || fail "$name: $jar is missing (build it: ./mvnw -DskipTests package)"
  # a heap bound by default: unbounded, a JVM's heap grows toward a quarter of the machine's memory
  # with the rows a run passes through it, though nothing it holds needs more than this
  start_process "$name" "$port" "$jar" "$(java_cmd)" ${OFFSTREAM_JAVA_OPTS--Xmx1g} -jar "$jar" "$@"
}

# start_process NAME PORT MARKER COMMAND...: starts any command detached; MARKER (a path on its
# command line) tells this component's process from a reused pid.
start_process() {
  local name=$1 port=$2 marker=$3; shift 3
  if is_running "$name"; then say "$name already running (pid $(pid_of "$name"))"; return 0; fi
  if port_open "$port"; then
    local owner; owner=$(port_owner "$port")
    fail "$name cannot start: port $port is already taken${owner:+ by $owner}. Stop that process or free the port."
  fi
  mkdir -p "$LOG_DIR" "$PID_DIR"
  say "starting $name on port $port (log: ${LOG_DIR#"$OFFSTREAM_ROOT"/}/$name.log)"
  # setsid: the component outlives this script and ignores the terminal's signals.
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$PID_DIR/$name.pid"
  echo "$marker" >"$PID_DIR/$name.jar"
  [[ -z "$port" ]] || echo "$port" >"$PID_DIR/$name.port"
}

# wait_until NAME TIMEOUT_SECONDS COMMAND...: polls COMMAND until it succeeds or NAME dies.
wait_until() {
  local name=$1 timeout=$2; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if ! is_running "$name"; then
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      fail "$name exited during start-up; see ${LOG_DIR#"$OFFSTREAM_ROOT"/}/$name.log"
    fi
    (( SECONDS - start < timeout )) || fail "$name not ready after ${timeout}s; see ${LOG_DIR#"$OFFSTREAM_ROOT"/}/$name.log"
    sleep 1
  done
  say "$name ready after $(( SECONDS - start ))s"
}

stop_component() {
  local name=$1
  if ! is_running "$name"; then
    rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.jar" "$PID_DIR/$name.port"
    return 0
  fi
  local pid; pid=$(pid_of "$name")
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  # 45 s: the service consumer drains its in-flight records for up to 30 s before it commits.
  for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "$name did not stop in 45s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.jar" "$PID_DIR/$name.port"
}

http_ok() { curl -sf -o /dev/null --max-time 5 "$1"; }

# The session of the recorded SCDF server, when it runs: SCDF's local deployer starts every task
# (phase tasks, composed runners, the engine JVMs they start) as its child, in that session, and a
# task keeps the session after the server is gone. Linux keeps the id reserved while any of them lives.
server_session() {
  is_running dataflow || return 0
  ps -o sid= -p "$(pid_of dataflow)" 2>/dev/null | tr -d ' '
}

# platform_task_pids [SERVER_SESSION]: the task processes of this platform (its OFFSTREAM_HOME), not
# setsid-started components: those in the server's session, and those an earlier server left behind
# (it was killed, then up.sh started another): a JVM whose working directory is under task-work/
# (the deployer's work dirs; a shell of the user's reading a task's log there is left alone), or a
# process that carries --spring.cloud.task.executionid= and this platform's database (command line
# or environment). Nothing in this script's own session (the user's terminal) and no other process
# of the user's is matched.
platform_task_pids() {
  local server_sid=${1:-} own_sid work_dir pid sid stat cwd
  own_sid=$(ps -o sid= -p $$ | tr -d ' ')
  work_dir=$(readlink -f "$OFFSTREAM_HOME/task-work" 2>/dev/null || echo "$OFFSTREAM_HOME/task-work")
  local components; components=" $(cat "$PID_DIR"/*.pid 2>/dev/null | tr '\n' ' ') "
  while read -r pid sid stat; do
    [[ $sid == "$own_sid" || $stat == Z* || $components == *" $pid "* ]] && continue
    if [[ -n $server_sid && $sid == "$server_sid" ]]; then echo "$pid"; continue; fi
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || continue
    if [[ $cwd == "$work_dir"/* && $(readlink "/proc/$pid/exe" 2>/dev/null) == */java ]]; then echo "$pid"; continue; fi
    # grep reads all its input (no -q): an early exit would SIGPIPE tr and, with pipefail, fail the match
    if tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -- '^--spring.cloud.task.executionid=' >/dev/null \
        && cat "/proc/$pid/cmdline" "/proc/$pid/environ" 2>/dev/null | tr '\0' '\n' | grep -F -- "$OFFSTREAM_HOME/h2/dataflow" >/dev/null; then
      echo "$pid"
    fi
  done < <(ps -e -o pid= -o sid= -o stat=)
  return 0
}

# A process that runs (a zombie waiting for its parent to reap it does not).
process_alive() {
  local stat; stat=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $stat != Z* ]]
}

# What a task process is, for the log: its definition (from the deployer's work dir) and execution id.
describe_task() {
  local pid=$1 cwd execution
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
  execution=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^--spring.cloud.task.executionid=//p' | head -1)
  local name; name=$(basename "${cwd:-?}" | sed -E 's/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$//')
  [[ $cwd == "$(readlink -f "$OFFSTREAM_HOME/task-work" 2>/dev/null)"/* ]] || name=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-80)
  echo "$name${execution:+, task execution $execution}"
}

# stop_platform_tasks [SERVER_SESSION]: SIGTERM to every task process of this platform, SIGKILL to
# those still there after 30 s. A composed runner records its job STOPPED (restartable) within 20 s,
# and a phase its end, while the server's database is still up: so this runs before the server stops.
stop_platform_tasks() {
  local pids pid; pids=$(platform_task_pids "${1:-}")
  [[ -n $pids ]] || return 0
  for pid in $pids; do say "stopping task process $pid ($(describe_task "$pid"))"; done
  kill -TERM $pids 2>/dev/null || true
  local left=$pids
  for _ in $(seq 1 60); do
    left=$(for pid in $left; do if process_alive "$pid"; then echo "$pid"; fi; done)
    [[ -n $left ]] || return 0
    sleep 0.5
  done
  say "task process(es) $(echo $left) did not stop in 30s; killing them"
  kill -KILL $left 2>/dev/null || true
}

# The built jar of a module: <module>/target/<artifactId>-<version>.jar (SCDF parses that name).
module_jar() {
  local dir=$OFFSTREAM_ROOT/$1/target
  ls "$dir"/*.jar 2>/dev/null | grep -vE '(-sources|-javadoc|-tests|\.original)' | head -1
}

# The local regions: three SCDF platform accounts on the one server, each a "data center" with its
# own maximum-concurrent-tasks (Cap_max). "name:max" pairs; OFFSTREAM_REGIONS overrides them.
REGIONS=${OFFSTREAM_REGIONS:-"region-a:8 region-b:6 region-c:4"}

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

# The catalogue's entries (folders with a service.yaml); OFFSTREAM_SERVICE_NAMES names them when
# the catalogue is not a local folder.
catalogue_services() {
  local dir; dir=$(catalogue_dir)
  if [[ -z "$dir" ]]; then echo "${OFFSTREAM_SERVICE_NAMES:-}"; return; fi
  for f in "$dir"/*/service.yaml; do [[ -f "$f" ]] && basename "$(dirname "$f")"; done
}

# The actuator port of a service's consumer: risk keeps 8081; others keep the port they were
# started on, or take the first free one from FIRST_EXTRA_CONSUMER_PORT.
consumer_port() {
  local service=$1
  [[ "$service" == risk ]] && { echo "$CONSUMER_PORT"; return; }
  [[ -f "$PID_DIR/consumer-$service.port" ]] && is_running "consumer-$service" && { cat "$PID_DIR/consumer-$service.port"; return; }
  local port=$FIRST_EXTRA_CONSUMER_PORT taken
  while :; do
    taken=$(cat "$PID_DIR"/consumer-*.port 2>/dev/null | grep -qx "$port" && echo yes || true)
    if [[ -z "$taken" ]] && ! port_open "$port" && (( port != PRICING_PORT && port != REGISTRY_PORT )); then echo "$port"; return; fi
    port=$((port + 1))
  done
}

consumer_name() { [[ "$1" == risk ]] && echo consumer || echo "consumer-$1"; }

# run_layout LANDING SERVICE RUN_KEY PART: a run's path as the run contract defines it (scripts
# never build landing paths themselves). PART: run, validation-report, report, quarantine, staging.
run_layout() {
  local jar; jar=$(ls "$OFFSTREAM_ROOT"/tasks/run-contract/target/offstream-run-contract-*.jar 2>/dev/null | head -1)
  [[ -n "$jar" ]] || fail "tasks/run-contract is not built (./mvnw -DskipTests package)"
  "$(java_cmd)" -cp "$jar" io.offstream.contract.layout.RunLayout "$@"
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
