#!/usr/bin/env bash
# The main job: brings the local platform up if it is not, generates a sample warehouse, launches
# the offstream-run composed task through SCDF's REST API, follows it (phase, counts, rate, time
# left) and prints the validation report. Exit 0 only if validation passed.
# With --children N (N >= 2) it launches offstream-multi-region instead: the range is split into N
# child runs placed on the local regions by headroom (region registry), each validated.
# --service picks the catalogue entry (risk: the sample transactions; pricing: the sample orders);
# --dataset-path runs over a warehouse of your own (dt=YYYY-MM-DD folders) instead of a sample.
# --simulate launches offstream-simulate: the same snapshot through the service and a second version
# of it (--candidate, default <service>-candidate, e.g. risk-candidate), then a key-by-key diff.
#
#   run-demo.sh [--service risk|pricing|<yours>] [--dataset-path <path or URI>] [--days 7]
#               [--rows-per-day 30000] [--bad-row-fraction 0.01] [--start-date 2026-01-01]
#               [--run-key demo-...] [--timeout-minutes 60] [--children N]
#               [--simulate [--candidate <entry>]]
#               [--max-rejected-fraction F] [--max-dead-lettered-fraction F]   (validation budgets:
#               default 0.01 rejected, or what a sample plants; 0 dead-lettered)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib.sh"

DAYS=7
ROWS_PER_DAY=30000
BAD_ROW_FRACTION=0.01
START_DATE=2026-01-01
RUN_KEY="demo-$(date -u +%Y%m%d-%H%M%S)"
TIMEOUT_MINUTES=60
CHILDREN=1
SERVICE=risk
DATASET_PATH=""
SIMULATE=0
CANDIDATE=""
REJECT_BUDGET=""
DEAD_LETTER_BUDGET=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --days) DAYS=$2; shift 2 ;;
    --rows-per-day) ROWS_PER_DAY=$2; shift 2 ;;
    --bad-row-fraction) BAD_ROW_FRACTION=$2; shift 2 ;;
    --start-date) START_DATE=$2; shift 2 ;;
    --run-key) RUN_KEY=$2; shift 2 ;;
    --timeout-minutes) TIMEOUT_MINUTES=$2; shift 2 ;;
    --children) CHILDREN=$2; shift 2 ;;
    --service) SERVICE=$2; shift 2 ;;
    --dataset-path) DATASET_PATH=$2; shift 2 ;;
    --simulate) SIMULATE=1; shift ;;
    --candidate) CANDIDATE=$2; SIMULATE=1; shift 2 ;;
    --max-rejected-fraction) REJECT_BUDGET=$2; shift 2 ;;
    --max-dead-lettered-fraction) DEAD_LETTER_BUDGET=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
for budget in "$REJECT_BUDGET" "$DEAD_LETTER_BUDGET"; do
  [[ -z "$budget" ]] || awk -v f="$budget" 'BEGIN { exit !(f ~ /^[0-9]*\.?[0-9]+$/ && f >= 0 && f <= 1) }' || \
    fail "a validation budget is a fraction from 0 to 1, was '$budget'"
done
END_DATE=$(date -u -d "$START_DATE + $((DAYS - 1)) days" +%Y-%m-%d)
# The sample dataset each shipped service runs over; any other service needs --dataset-path.
case "$SERVICE" in
  risk) SAMPLE_DATASET=transactions ;;
  pricing) SAMPLE_DATASET=orders ;;
  *) SAMPLE_DATASET="" ;;
esac
if [[ -n "$DATASET_PATH" ]]; then
  # a relative path is from where the user stands, not from a task's working folder
  if [[ "$DATASET_PATH" == *://* || "$DATASET_PATH" == /* ]]; then WAREHOUSE=$DATASET_PATH; else WAREHOUSE=$(realpath -m "$DATASET_PATH"); fi
else
  [[ -n "$SAMPLE_DATASET" ]] || fail "there is no sample dataset for service '$SERVICE': give your warehouse with --dataset-path"
  WAREHOUSE=$OFFSTREAM_HOME/warehouse/$SAMPLE_DATASET
fi
LANDING=$OFFSTREAM_HOME/landing
[[ -n "$(catalogue_dir)" && ! -f "$(catalogue_dir)/$SERVICE/service.yaml" ]] && \
  fail "service '$SERVICE' is not in the catalogue $OFFSTREAM_SERVICES (entries: $(catalogue_services | paste -sd ' ' -))"
if (( SIMULATE )); then
  (( CHILDREN == 1 )) || fail "--simulate runs in one region: leave out --children"
  CANDIDATE=${CANDIDATE:-$SERVICE-candidate}
  [[ -n "$(catalogue_dir)" && ! -f "$(catalogue_dir)/$CANDIDATE/service.yaml" ]] && \
    fail "candidate '$CANDIDATE' is not in the catalogue $OFFSTREAM_SERVICES (entries: $(catalogue_services | paste -sd ' ' -))"
  [[ "$RUN_KEY" == demo-* ]] && RUN_KEY="sim-${RUN_KEY#demo-}"
fi

"$HERE/up.sh"

RUN_DEFINITION=offstream-run
(( CHILDREN > 1 )) && RUN_DEFINITION=offstream-multi-region
(( SIMULATE )) && RUN_DEFINITION=offstream-simulate
for app in offstream-sample-warehouse offstream-run $RUN_DEFINITION; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$SCDF_URL/tasks/definitions/$app") == 200 ]] || {
    [[ $app == offstream-sample-warehouse ]] && \
      curl -sf -o /dev/null -X POST "$SCDF_URL/tasks/definitions" -d name=offstream-sample-warehouse \
        --data-urlencode definition=offstream-sample-warehouse && continue
    fail "task definition $app is missing: its apps are not built or registered (see up.sh's output)"
  }
done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
launch() { # launch NAME PROPERTIES ARGUMENTS -> execution id
  local id; id=$(curl -s -X POST "$SCDF_URL/tasks/executions" --data-urlencode "name=$1" \
    --data-urlencode "properties=$2" --data-urlencode "arguments=$3")
  [[ "$id" =~ ^[0-9]+$ ]] || fail "launching $1 failed: $id"
  echo "$id"
}
ended() { curl -s "$SCDF_URL/tasks/executions/$1" | json 'd["endTime"] is not None'; }
exit_code() { curl -s "$SCDF_URL/tasks/executions/$1" | json 'd["exitCode"]'; }
ledger_line() { # where the run stands, from the SCDF server's progress endpoint over the run ledger
  local children=false; (( CHILDREN > 1 )) && children=true
  curl -sf "$SCDF_URL/offstream/runs/$RUN_KEY/progress?children=$children" 2>/dev/null | python3 -c "
import json,sys
d=json.load(sys.stdin); c=d.get('current')
if not c: print(d.get('lastEvent') or ''); sys.exit()
fmt=lambda s: '-' if s is None else ('%dh%02dm' % (s//3600, s//60%60) if s>=3600 else '%dm%02ds' % (s//60, s%60) if s>=60 else '%ds' % s)
line='%s %s, %s elapsed' % (c['phase'].lower(), c['status'].lower(), fmt(c['elapsedSeconds']))
if c.get('done') is not None:
  line+=': %s rows' % format(c['done'], ',')
  if c.get('total') is not None: line+=' of %s' % format(c['total'], ',')
  line+=', %s rows/s' % format(round(c['ratePerSecond']), ',')
if c.get('partitionsTotal') is not None: line+=', partitions %d/%d' % (c['partitionsDone'], c['partitionsTotal'])
if c['status']=='RUNNING': line+=', about %s left' % fmt(c.get('secondsLeft'))
lag=', '.join('%s %s' % (g, format(v, ',')) for g, v in (d.get('lag') or {}).items())
if lag: line+='; lag: '+lag
if '$children'=='true' and d.get('lastEvent'): line+=' | '+d['lastEvent']
print(line)" 2>/dev/null || true
}

if [[ -z "$DATASET_PATH" ]]; then
  say "generating the sample $SAMPLE_DATASET warehouse: $DAYS days x $ROWS_PER_DAY rows from $START_DATE, bad-row fraction $BAD_ROW_FRACTION -> ${WAREHOUSE#"$OFFSTREAM_ROOT"/}"
  started=$SECONDS
  sample=$(launch offstream-sample-warehouse "" "--offstream.sample.dataset=$SAMPLE_DATASET --offstream.sample.path=$WAREHOUSE --offstream.sample.days=$DAYS --offstream.sample.rows-per-day=$ROWS_PER_DAY --offstream.sample.start-date=$START_DATE --offstream.sample.bad-row-fraction=$BAD_ROW_FRACTION")
  until [[ $(ended "$sample") == True ]]; do sleep 2; done
  [[ $(exit_code "$sample") == 0 ]] || fail "offstream-sample-warehouse failed (task execution $sample; see the dashboard or .offstream/task-work)"
  say "sample warehouse written in $((SECONDS - started))s"
fi

# Validation allows 1% of the source rejected unless told (offstream.validate.max-rejected-fraction). The demo
# knows what it planted in a sample: it allows that fraction, plus the one row a day its per-day rounding
# may add. A warehouse of your own (--dataset-path) gets the default, passed all the same: SCDF reuses a
# definition's last launch properties, so an earlier demo's allowance would otherwise stay. The same goes
# for the dead-letter budget (0 unless --max-dead-lettered-fraction: a service that sheds load fails the run).
if [[ -n "$REJECT_BUDGET" ]]; then
  say "validation allows $REJECT_BUDGET rejected (--max-rejected-fraction)"
elif [[ -z "$DATASET_PATH" ]] && awk -v f="$BAD_ROW_FRACTION" 'BEGIN { exit !(f > 0) }'; then
  REJECT_BUDGET=$(awk -v f="$BAD_ROW_FRACTION" -v n="$ROWS_PER_DAY" 'BEGIN { b = f + 1 / n; printf "%.6f", (b > 1 ? 1 : b) }')
  say "the sample plants a $BAD_ROW_FRACTION fraction of bad rows: validation allows $REJECT_BUDGET rejected (offstream.validate.max-rejected-fraction)"
else
  REJECT_BUDGET=0.01
fi
[[ "$DEAD_LETTER_BUDGET" == 0 ]] || say "validation allows $DEAD_LETTER_BUDGET dead-lettered (--max-dead-lettered-fraction)"

if (( CHILDREN > 1 )); then
  say "launching offstream-multi-region for run $RUN_KEY ($START_DATE .. $END_DATE) in $CHILDREN child runs"
  run_started=$SECONDS
  dispatcher=$(launch offstream-multi-region "" "--offstream.run.dataset=$WAREHOUSE --offstream.run.from=$START_DATE \
--offstream.run.to=$END_DATE --offstream.run.service=$SERVICE --offstream.run.key=$RUN_KEY --offstream.run.landing=$LANDING \
--offstream.dispatch.children=$CHILDREN --offstream.dispatch.registry-url=$REGISTRY_URL\
${REJECT_BUDGET:+ --offstream.dispatch.child-properties[app.validate.offstream.validate.max-rejected-fraction]=$REJECT_BUDGET} \
--offstream.dispatch.child-properties[app.validate.offstream.validate.max-dead-lettered-fraction]=$DEAD_LETTER_BUDGET")
  say "dispatch task execution $dispatcher; regions and their queue: $REGISTRY_URL/regions, $REGISTRY_URL/dispatches?runKey=$RUN_KEY"
  deadline=$((SECONDS + TIMEOUT_MINUTES * 60))
  last_line=""
  while [[ $(ended "$dispatcher") != True ]]; do
    (( SECONDS < deadline )) || fail "offstream-multi-region did not end within $TIMEOUT_MINUTES minutes"
    line=$(ledger_line)
    [[ -n "$line" && "$line" != "$last_line" ]] && { say "  $line  [$((SECONDS - run_started))s]"; last_line=$line; }
    sleep 5
  done
  code=$(exit_code "$dispatcher")
  say "offstream-multi-region ended with exit code $code after $((SECONDS - run_started))s"
  passed=True
  for report in $(for i in $(seq 1 "$CHILDREN"); do run_layout "$LANDING" "$SERVICE" "$RUN_KEY-c${i}of$CHILDREN" validation-report; done); do
    [[ -f "$report" ]] || { passed=False; continue; }
    say "  $(json '"%s: %s, source %d, landed %d, rejected %d, dead-lettered %d" % (d["runKey"], "PASSED" if d["passed"] else "FAILED", d["sourceRows"], d["landedDistinct"], d["rejectedRows"], d["deadLettered"])' <"$report")"
    [[ $(json 'd["passed"]' <"$report") == True ]] || passed=False
  done
  say "the run's ledger: $(ledger_line)"
  [[ "$code" == 0 && "$passed" == True ]] || fail "the multi-region run did not pass (see the dispatch task's log and $REGISTRY_URL/dispatches?runKey=$RUN_KEY)"
  say "validation PASSED in every child run"
  exit 0
fi

props="app.*.offstream.run.dataset=$WAREHOUSE,app.*.offstream.run.from=$START_DATE,app.*.offstream.run.to=$END_DATE"
props+=",app.*.offstream.run.service=$SERVICE,app.*.offstream.run.key=$RUN_KEY,app.*.offstream.run.landing=$LANDING"
(( SIMULATE )) && props+=",app.*.offstream.run.candidate=$CANDIDATE"
[[ -n "$REJECT_BUDGET" ]] && props+=",app.*.offstream.validate.max-rejected-fraction=$REJECT_BUDGET"
props+=",app.*.offstream.validate.max-dead-lettered-fraction=$DEAD_LETTER_BUDGET"
say "launching $RUN_DEFINITION for run $RUN_KEY ($START_DATE .. $END_DATE)$( (( SIMULATE )) && echo ": $SERVICE against $CANDIDATE")"
run_started=$SECONDS
runner=$(launch "$RUN_DEFINITION" "$props" "")
say "composed task execution $runner: follow it at $SCDF_URL/dashboard/#/tasks-jobs/task-executions/$runner"

declare -A seen=()
deadline=$((SECONDS + TIMEOUT_MINUTES * 60))
last_line=""
while [[ $(ended "$runner") != True ]]; do
  (( SECONDS < deadline )) || fail "$RUN_DEFINITION did not end within $TIMEOUT_MINUTES minutes"
  while IFS='|' read -r id name code endt; do
    [[ -z "$id" ]] && continue
    state=$([[ "$endt" == None ]] && echo running || echo "ended (exit $code)")
    if [[ "${seen[$id]:-}" != "$state" ]]; then
      seen[$id]=$state
      say "phase ${name#"$RUN_DEFINITION"-}: $state  [$((SECONDS - run_started))s]"
    fi
  done < <(curl -s "$SCDF_URL/tasks/executions?size=200" | python3 -c "
import json,sys
for t in json.load(sys.stdin)['_embedded']['taskExecutionResourceList']:
    if t.get('parentExecutionId') == $runner:
        print('%s|%s|%s|%s' % (t['executionId'], t['taskName'], t['exitCode'], t['endTime']))" | sort -n)
  line=$(ledger_line)
  [[ -n "$line" && "$line" != "$last_line" ]] && { say "  $line"; last_line=$line; }
  sleep 5
done

code=$(exit_code "$runner")
say "$RUN_DEFINITION ended with exit code $code after $((SECONDS - run_started))s"
if [[ "$code" != 0 ]]; then # each failed phase's one-line reason (its task exit message)
  curl -s "$SCDF_URL/tasks/executions?size=200" | python3 -c "
import json,sys
for t in json.load(sys.stdin)['_embedded']['taskExecutionResourceList']:
    if t.get('parentExecutionId') == $runner and t.get('exitCode') not in (0, None):
        print('%s (task execution %s): %s' % (t['taskName'], t['executionId'], t.get('exitMessage') or 'no reason recorded; see its log under .offstream/task-work'))" |
    while IFS= read -r line; do say "  failed: $line"; done
fi
passed=True
SIDES=$SERVICE
(( SIMULATE )) && SIDES="$SERVICE $CANDIDATE"
for side in $SIDES; do
  REPORT=$(run_layout "$LANDING" "$side" "$RUN_KEY" validation-report)
  if [[ -f "$REPORT" ]]; then
    say "validation report of $side ($REPORT):"
    python3 -m json.tool "$REPORT"
    [[ $(json 'd["passed"]' <"$REPORT") == True ]] || passed=False
  else
    passed=False
    say "no validation report at $REPORT: the run stopped before validating $side (see the dashboard's task executions)"
  fi
  say "run report of $side: $(run_layout "$LANDING" "$side" "$RUN_KEY" report)index.html"
  say "landed results of $side: $(run_layout "$LANDING" "$side" "$RUN_KEY" run) (query them: scdf-deploy/local/sql.sh \"SELECT dt, count(*) FROM ${side//-/_} WHERE run = '$RUN_KEY' GROUP BY dt\")"
done
say "rejected rows by reason: scdf-deploy/local/sql.sh \"SELECT reason_code, reason_field, count(*) FROM quarantine_${SERVICE//-/_} WHERE run = '$RUN_KEY' GROUP BY 1, 2\""
if (( SIMULATE )); then
  DIFF=$(run_layout "$LANDING" "$SERVICE" "$RUN_KEY" diff)summary.json
  if [[ -f "$DIFF" ]]; then
    say "$SERVICE against $CANDIDATE ($DIFF):"
    say "  $(json '"identical %d, changed %d, only in %s %d, only in %s %d" % (d["identical"], d["changed"], "'"$SERVICE"'", d["onlyA"], "'"$CANDIDATE"'", d["onlyB"])' <"$DIFF")"
    say "  changed keys per field: $(json '", ".join("%s %d" % kv for kv in sorted(d["fields"].items(), key=lambda kv: -kv[1]) if kv[1])' <"$DIFF")"
    say "  changed rows (Parquet, both values of each field): $(dirname "$DIFF")/changed/"
  else
    passed=False
    say "no diff at $DIFF: the run stopped before diff (see the dashboard's task executions)"
  fi
fi
[[ "$code" == 0 && "$passed" == True ]] || fail "the run did not pass"
say "validation PASSED$( (( SIMULATE )) && echo " for both versions; the diff is above")"
