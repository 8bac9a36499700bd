#!/usr/bin/env bash
# Spark benchmark (docs/spark.md): the same generated tenant evaluated by `evaluate` and by `mfa-eval spark`
# in local mode on 2 cores, wall clock of each whole command (JVM and Spark start included), sign-ins read per
# second. The sign-ins are written in the storage-account layout (Azure Monitor records, one file per category and
# hour: insights-logs-*/tenantId=<id>/y=/m=/d=/h=/m=00/PT1H.json); spark reads that tree, evaluate a folder holding
# the tenant's configuration and a copy of each of those files. The load average is printed beside the figures:
# the machine may be shared.
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
generated="$work/tenants/tenant-00001"
tid=$(jq -r .tenantId "$generated/tenant.json")
# The storage-account layout: each Graph record in its Azure Monitor envelope, in its category's hourly file.
storage="$work/storage"
cat "$generated"/signIns*.json | jq -r --arg t "$tid" '
  (.signInEventTypes[0] // "interactiveUser") as $type
  | ({"nonInteractiveUser": "NonInteractiveUserSignInLogs", "servicePrincipal": "ServicePrincipalSignInLogs",
      "managedIdentity": "ManagedIdentitySignInLogs"}[$type] // "SignInLogs") as $cat
  | (.createdDateTime | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601 | gmtime) as $tm
  | "insights-logs-\($cat | ascii_downcase)/tenantId=\($t)/y=\($tm[0])/m=\($tm[1] + 1 | tostring | if length < 2 then "0" + . else . end)/d=\($tm[2] | tostring | if length < 2 then "0" + . else . end)/h=\($tm[3] | tostring | if length < 2 then "0" + . else . end)/m=00/PT1H.json"
    + "\t" + ({time: .createdDateTime, resourceId: "/tenants/\($t)/providers/Microsoft.aadiam", operationName: "Sign-in activity",
               operationVersion: "1.0", category: $cat, tenantId: $t, resultType: (.status.errorCode // 0 | tostring),
               Level: 4, location: "EU", properties: .} | tojson)' \
  | LC_ALL=C sort -s -T "$work" -t$'\t' -k1,1 \
  | awk -F'\t' -v root="$storage" '$1 != last { if (last != "") close(out); last = $1; out = root "/" $1;
        d = out; sub(/\/[^\/]*$/, "", d); system("mkdir -p \"" d "\""); } { print $2 > out }'
config="$work/config"; mkdir -p "$config/tenant-00001"
tenant="$work/evaluate/tenant-00001"; mkdir -p "$tenant"
for f in "$generated"/*; do
  case "$(basename "$f")" in signIns*) ;; *) cp "$f" "$config/tenant-00001/"; cp "$f" "$tenant/" ;; esac
done
(cd "$storage" && find . -type f -name PT1H.json | sed 's|^\./||' | while read -r p; do cp "$p" "$tenant/${p//\//_}"; done)
files=$(find "$storage" -type f | wc -l)
bytes=$(du -cb $(find "$storage" -type f) | tail -1 | cut -f1)
# Warm the rule cache and build both jars first: neither figure should include a build.
"$root/mfa-eval" evaluate "$root/examples/tenants/contoso-ready" --as-of "$asof" >/dev/null || true
"$root/mfa-eval" spark --help >/dev/null

now() { date +%s.%N; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# CPU seconds (user + system) of each command: on a shared machine wall clock depends on the others, CPU time much less.
t0=$(now)
/usr/bin/time -f "%U %S" -o "$work/evaluate.cpu" "$root/mfa-eval" evaluate "$tenant" --format json --as-of "$asof" -o "$work/evaluate.json" \
  || [[ $? -le 1 ]]
t1=$(now)
# Spark's event log gives each stage's task CPU time and shuffle bytes (the per-core rates of docs/spark.md's plan).
mkdir -p "$work/events"
MFA_EVAL_SPARK_JAVA_OPTS="-Xmx4g -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=file://$work/events" \
  /usr/bin/time -f "%U %S" -o "$work/spark.cpu" \
  "$root/mfa-eval" spark --master 'local[2]' --config "$config" --sign-ins "$storage" --out "$work/spark" --as-of "$asof" 2>"$work/spark.log" \
  || [[ $? -le 1 ]]
t2=$(now)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

read_e=$(jq .summary.signInsRead "$work/evaluate.json")
read_s=$(jq .summary.signInsRead "$work/spark/tenants/tenant-00001/report.json")
[[ "$read_e" == "$read_s" ]] || { echo "bench/spark: evaluate read $read_e sign-ins, spark $read_s" >&2; exit 1; }
ecpu=$(tail -1 "$work/evaluate.cpu" | awk '{print $1 + $2}')
scpu=$(tail -1 "$work/spark.cpu" | awk '{print $1 + $2}')
awk -v n="$read_e" -v b="$bytes" -v files="$files" -v e="$(echo "$t1 - $t0" | bc)" -v s="$(echo "$t2 - $t1" | bc)" \
    -v ec="$ecpu" -v sc="$scpu" -v lb="$load_before" -v la="$load_after" 'BEGIN {
  printf "sign-ins: %d in %d hourly files (%.0f MB of Azure Monitor JSON); load average before %s, after %s\n", n, files, b / 1048576, lb, la
  printf "evaluate (2 threads):  %7.1f s wall %8.0f sign-ins/s; %7.1f CPU s, %7.0f sign-ins per CPU second\n", e, n / e, ec, n / ec
  printf "spark local[2]:        %7.1f s wall %8.0f sign-ins/s; %7.1f CPU s, %7.0f sign-ins per CPU second\n", s, n / s, sc, n / sc
  printf "spark / evaluate:      %7.2f (wall)\n", (n / s) / (n / e)
}'
# Per stage of the Spark job: tasks, task CPU seconds, sign-ins per task CPU second, shuffle written and read.
# Spark 4 writes the event log as a folder (eventlog_v2_<app>/events_1_<app>, beside an appstatus file and the
# Hadoop checksum files .*.crc, which are binary: only the events_* files are read).
jq -r --argjson n "$read_e" -s '
  def acc($name): ([.["Stage Info"].Accumulables[]? | select(.Name == $name) | .Value | tonumber] | add // 0);
  .[] | select(.Event == "SparkListenerStageCompleted")
  | [.["Stage Info"]["Stage ID"], .["Stage Info"]["Number of Tasks"], (acc("internal.metrics.executorCpuTime") / 1e9),
     (acc("internal.metrics.executorRunTime") / 1e3), acc("internal.metrics.shuffle.write.bytesWritten"),
     acc("internal.metrics.shuffle.write.recordsWritten"),
     (acc("internal.metrics.shuffle.read.localBytesRead") + acc("internal.metrics.shuffle.read.remoteBytesRead")),
     (.["Stage Info"]["Stage Name"] | split(" at ")[0])]
  | "stage \(.[0]) \(.[7]): \(.[1]) tasks, \(.[2] * 10 | floor / 10) task CPU s (\(if .[2] > 0 then ($n / .[2] | floor) else "-" end) sign-ins per CPU s), run \(.[3] * 10 | floor / 10) s, shuffle written \(.[4] / 1048576 * 10 | floor / 10) MB in \(.[5]) records (\(.[4] / $n | floor) bytes per sign-in), read \(.[6] / 1048576 * 10 | floor / 10) MB"
' $(find "$work/events" -type f -name 'events_*' ! -name '*.crc') || echo "bench/spark: no Spark event log to read" >&2
$keep || rm -rf "$work"
