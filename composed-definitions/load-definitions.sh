#!/usr/bin/env bash
# Creates the task definitions in *.task (file name = definition name, content = DSL; # comments).
# Re-loading is harmless: an identical definition is left as it is; one that differs is reported
# and kept (destroy it first to replace it, so its execution history is never dropped silently).
# A definition whose apps are not registered yet is skipped with SCDF's reason.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCDF_URL=${1:-http://localhost:9393}
out=$(mktemp); trap 'rm -f "$out"' EXIT

for file in "$HERE"/*.task; do
  name=$(basename "$file" .task)
  dsl=$(grep -v '^[[:space:]]*#' "$file" | tr '\n' ' ' | sed 's/[[:space:]]\+/ /g; s/^ //; s/ $//')
  code=$(curl -s -o "$out" -w '%{http_code}' "$SCDF_URL/tasks/definitions/$name")
  if [[ "$code" == 200 ]]; then
    existing=$(sed -n 's/.*"dslText":"\([^"]*\)".*/\1/p' "$out")
    if [[ "$existing" == "$dsl" ]]; then
      echo "[offstream] definition $name unchanged"
    else
      echo "[offstream] definition $name differs from $file (kept; destroy it to reload): $existing"
    fi
    continue
  fi
  code=$(curl -s -o "$out" -w '%{http_code}' -X POST "$SCDF_URL/tasks/definitions" \
    --data-urlencode "name=$name" --data-urlencode "definition=$dsl")
  if [[ "$code" == 200 || "$code" == 201 ]]; then
    echo "[offstream] created definition $name: $dsl"
  else
    echo "[offstream] definition $name not created yet ($code): $(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$out")"
  fi
done
