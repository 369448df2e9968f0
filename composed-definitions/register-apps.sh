#!/usr/bin/env bash
# Registers every task app in apps.properties with an SCDF server as a boot2 app, and the service
# consumer as a stream app (processor, boot 3+: SCDF shows its options; streams stay off here).
#   register-apps.sh [SCDF_URL]      register (re-registering is harmless: force=true)
#   register-apps.sh --check-built   exit 1 if a listed module exists but has no built jar
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SCDF_URL=${1:-http://localhost:9393}

jar_of() {
  ls "$ROOT/$1"/target/*.jar 2>/dev/null | grep -vE '(-sources|-javadoc|-tests|-exec)\.jar$' | head -1 || true
}

register() { # type name module bootVersion
  local type=$1 name=$2 module=$3 boot=$4 jar code
  jar=$(jar_of "$module")
  if [[ "$SCDF_URL" == --check-built ]]; then
    [[ -n "$jar" ]] || exit 1
    return
  fi
  [[ -n "$jar" ]] || { echo "[offstream] ERROR: $name: no jar in $module/target (./mvnw -DskipTests package)" >&2; exit 1; }
  code=$(curl -s -o /tmp/offstream-register.$$ -w '%{http_code}' -X POST "$SCDF_URL/apps/$type/$name" \
    --data-urlencode "uri=file://$jar" -d bootVersion="$boot" -d force=true)
  if [[ "$code" != 201 ]]; then
    echo "[offstream] ERROR: registering $name answered $code: $(cat /tmp/offstream-register.$$)" >&2
    rm -f /tmp/offstream-register.$$; exit 1
  fi
  echo "[offstream] registered $type app $name -> ${jar#"$ROOT"/}"
}

while IFS='=' read -r name module; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [[ ! -d "$ROOT/$module" ]]; then
    [[ "$SCDF_URL" == --check-built ]] || echo "[offstream] $name: $module does not exist yet; not registered"
    continue
  fi
  register task "$name" "$module" 2
done <"$HERE/apps.properties"
register processor offstream-service-consumer stream-apps/service-consumer 3
rm -f /tmp/offstream-register.$$
