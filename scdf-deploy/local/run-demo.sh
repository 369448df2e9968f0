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
# --cluster runs it on the local engine clusters (up.sh --cluster): the sample warehouse and the
# landing on HDFS, ingress on the Spark standalone master, egress on the Flink session cluster.
#
#   run-demo.sh [--service risk|pricing|<yours>] [--dataset-path <path or URI>] [--days 7]
#               [--rows-per-day 30000] [--bad-row-fraction 0.01] [--start-date 2026-01-01]
#               [--run-key demo-...] [--timeout-minutes 60] [--children N]
#               [--simulate [--candidate <entry>]] [--cluster]
#               [--max-rejected-fraction F] [--max-dead-lettered-fraction F]   (validation budgets:
#               default 0.01 rejected, or what a sample plants; 0 dead-lettered)
#
# The work is the launcher's `run` command (scdf-deploy/launcher, io.offstream.launcher.run.DemoRun).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_launcher run "$@"
