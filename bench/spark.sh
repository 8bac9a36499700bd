#!/usr/bin/env bash
# Spark benchmark (docs/spark.md): the same generated tenant evaluated by `evaluate` and by `mfa-eval spark`
# in local mode on 2 cores, wall clock of each whole command (JVM and Spark start included), sign-ins read per
# second. The tenant's sign-in files are in its folder, which both commands read the same way.
#
#   bench/spark.sh [--sign-ins N (default 200000)] [--users U (default N/50)] [--keep]
# Needs: JDK 17, Maven (builds both jars if needed), jq.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
signins=200000
users=""
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sign-ins) signins="$2"; shift ;;
    --users) users="$2"; shift ;;
    --keep) keep=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "bench/spark: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
users="${users:-$((signins / 50 > 0 ? signins / 50 : 1))}"
work="$root/target/bench-spark"
rm -rf "$work"; mkdir -p "$work"
export MFA_EVAL_CACHE="$work/cache"
asof=2026-11-30

"$root/mfa-eval" generate --tenants 1 --users "$users" --sign-ins "$signins" --out "$work/tenants" >/dev/null
tenant="$work/tenants/tenant-00001"
bytes=$(du -cb "$tenant"/signIns*.json | tail -1 | cut -f1)
# Warm the rule cache and build both jars first: neither figure should include a build.
"$root/mfa-eval" evaluate "$root/examples/tenants/contoso-ready" --as-of "$asof" >/dev/null || true
"$root/mfa-eval" spark --help >/dev/null

now() { date +%s.%N; }
t0=$(now)
"$root/mfa-eval" evaluate "$tenant" --format json --as-of "$asof" -o "$work/evaluate.json" || [[ $? -le 1 ]]
t1=$(now)
"$root/mfa-eval" spark --master 'local[2]' --config "$work/tenants" --out "$work/spark" --as-of "$asof" 2>"$work/spark.log" \
  || [[ $? -le 1 ]]
t2=$(now)

read_e=$(jq .summary.signInsRead "$work/evaluate.json")
read_s=$(jq .summary.signInsRead "$work/spark/tenants/tenant-00001/report.json")
[[ "$read_e" == "$read_s" ]] || { echo "bench/spark: evaluate read $read_e sign-ins, spark $read_s" >&2; exit 1; }
awk -v n="$read_e" -v b="$bytes" -v e="$(echo "$t1 - $t0" | bc)" -v s="$(echo "$t2 - $t1" | bc)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "sign-ins: %d (%.0f MB of Graph JSON), load average before: %s\n", n, b / 1048576, load
  printf "evaluate (2 threads):       %7.1f s  %8.0f sign-ins/s\n", e, n / e
  printf "spark local[2]:             %7.1f s  %8.0f sign-ins/s  (%.0f per core)\n", s, n / s, n / s / 2
  printf "spark / evaluate:           %7.2f\n", (n / s) / (n / e)
}'
$keep || rm -rf "$work"
