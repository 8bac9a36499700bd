#!/usr/bin/env bash
# The mfa-eval benchmark (README, "Benchmark"): one command, not a unit test. Generates its data, then
# prints on that data: end-to-end evaluate throughput; plain Jackson reading every token of the same files
# (bench/JacksonFloor.java, the parser floor) and our ratio to it; the parse-only run (bench/ParseOnly.java: the
# pipeline's readOnly step, the same intake without rules) and our ratio to it; the
# same scope-and-single-factor filter in jq and our ratio to it; peak heap and RSS of the big tenant at -Xmx512m,
# cold and cached start of evaluate on an example tenant, and a batch of small tenants with the overhead per
# tenant beyond parsing.
#
#   bench/run.sh            full sizes: 1,000,000 sign-ins; 1,000 tenants x 1,000 sign-ins (~8 GB of data, ~10 min)
#   bench/run.sh --quick    tiny sizes, seconds: checks every figure is produced (CI), judges no target
#   options: --work DIR (default target/bench; deleted at the end unless --keep), --keep,
#            --sign-ins N (big tenant) and --tenants N (batch) to change the sizes,
#            --shape pages: the same records as Graph page documents ({"value": [...]}, 1,000 records a page, the
#            pages of a file one after another, as `mgraph` or a script saving each page writes them) instead of
#            one record per line (--shape ndjson, the default)
#   JVM options: $MFA_EVAL_JAVA_OPTS as for ./mfa-eval (default -XX:TieredStopAtLevel=1 -XX:+UseParallelGC);
#   -Xmx512m is always added. Start and evaluate run through ./mfa-eval; parse-only and the batch loop are programs
#   of bench/ compiled against the jar (bench/ParseOnly.java maps the launcher's class-data archive too).
# Needs: JDK 17, Maven (to build the jar if needed), jq, GNU time (/usr/bin/time).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=false
keep=false
work="$root/target/bench"
signins_override=""
tenants_override=""
shape=ndjson
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --keep) keep=true ;;
    --work) work="$2"; shift ;;
    --sign-ins) signins_override="$2"; shift ;;
    --tenants) tenants_override="$2"; shift ;;
    --shape) shape="$2"; shift; [[ $shape == ndjson || $shape == pages ]] || { echo "bench: --shape ndjson or pages" >&2; exit 2; } ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if $quick; then
  big_signins=20000; big_users=500; batch_tenants=20; batch_signins=1000; batch_users=50; warmup=5; mode="quick"
else
  big_signins=1000000; big_users=20000; batch_tenants=1000; batch_signins=1000; batch_users=100; warmup=50; mode="full"
fi
if [[ -n "$signins_override" ]]; then big_signins=$signins_override; big_users=$(( signins_override / 50 > 100 ? signins_override / 50 : 100 )); mode="$mode, custom sizes"; fi
if [[ -n "$tenants_override" ]]; then batch_tenants=$tenants_override; mode="${mode%, custom sizes}, custom sizes"; fi

for tool in jq /usr/bin/time java javac; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (apt-get install -y jq time)" >&2; exit 2; }
done

java_opts="${MFA_EVAL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC} -Xmx512m"
"$root/mfa-eval" --version >/dev/null   # builds the jar when it is missing or stale
jar="$root/target/mfa-eval.jar"
example="$root/examples/tenants/contoso-ready"

rm -rf "$work"
mkdir -p "$work"
export MFA_EVAL_CACHE="$work/rule-cache"   # a cache of our own: the cold start is really cold
cleanup() { $keep || rm -rf "$work"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# run NAME CMD...: runs under GNU time; sets wall (s), cpu (s, user+sys: steadier than wall on a shared machine),
# rss (MB) and code.
run() {
  local name="$1"; shift
  # GNU time writes "Command exited with non-zero status N" first when the command fails; our line is the last.
  /usr/bin/time -f "%e %M %x %U %S" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  local user sys
  read -r wall rss_kb code user sys < <(tail -1 "$work/$name.time")
  rss=$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f", k / 1024}')
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
}
fmt() { awk -v x="$1" 'BEGIN {s = sprintf("%.0f", x); r = ""; while (length(s) > 3) {r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3)}; print s r}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
verdict() {  # verdict VALUE OP LIMIT
  if $quick; then echo "(quick: not judged)"; return; fi
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {ok = (op == ">=") ? v >= l : v < l; print ok ? "MET" : "NOT MET"}'
}

echo "mfa-eval benchmark ($mode) $(date -u '+%Y-%m-%d %H:%M UTC') on $(hostname): $(nproc) cores" \
     "($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //' || echo unknown cpu))," \
     "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); JVM options: $java_opts"

# --- data -------------------------------------------------------------------------------------------------
t0=$(now_ms)
java $java_opts -jar "$jar" generate --tenants 1 --users "$big_users" --sign-ins "$big_signins" --out "$work/big" --seed 1 >/dev/null
java $java_opts -jar "$jar" generate --tenants "$batch_tenants" --users "$batch_users" --sign-ins "$batch_signins" --out "$work/batch" --seed 2 >/dev/null
# to_pages FILE: rewrites one record per line as Graph page objects of 1,000 records, one page after another
to_pages() {
  awk -v ctx='https://graph.microsoft.com/beta/$metadata#auditLogs/signIns' '
    NF == 0 { next }
    { if (n % 1000 == 0) {
        if (n > 0) printf "\n],\"@odata.nextLink\":\"https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=p%d\"}\n", n / 1000
        printf "{\"@odata.context\":\"%s\",\"value\":[\n%s", ctx, $0
      } else printf ",\n%s", $0
      n++ }
    END { if (n > 0) print "\n]}" }' "$1" > "$1.pages" && mv "$1.pages" "$1"
}
if [[ $shape == pages ]]; then
  for f in "$work"/big/tenant-*/signIns*.json "$work"/batch/tenant-*/signIns*.json; do to_pages "$f"; done
fi
big="$work/big/tenant-00001"
big_bytes=$(cat "$big"/signIns*.json | wc -c)
echo "data: 1 tenant x $(fmt $big_signins) sign-ins as $shape ($(awk -v b="$big_bytes" 'BEGIN {printf "%.0f MB, %.0f bytes per record", b / 1e6, b / '"$big_signins"'}')), $(fmt $batch_tenants) tenants x $(fmt $batch_signins) sign-ins; generated in $(( ($(now_ms) - t0) / 1000 )) s"

# --- start: cold (rules compiled, cache written), then cached --------------------------------------------------
# Through the launcher, as users run it: the first run also lists the classes it loads, the second makes the
# class-data archive from that list (once per jar; timed apart), which the later runs map (README, "Benchmark").
launch() { env MFA_EVAL_JAVA_OPTS="$java_opts" "$root/mfa-eval" "$@"; }
t0=$(now_ms); launch evaluate "$example" --as-of 2025-11-28 >/dev/null || true; cold_ms=$(( $(now_ms) - t0 ))
t0=$(now_ms); launch evaluate "$example" --as-of 2025-11-28 >/dev/null || true; archive_ms=$(( $(now_ms) - t0 ))
cached=()
for _ in 1 2 3; do
  t0=$(now_ms); launch evaluate "$example" --as-of 2025-11-28 >/dev/null || true; cached+=($(( $(now_ms) - t0 )))
done
cached_ms=$(printf '%s\n' "${cached[@]}" | sort -n | sed -n 2p)   # median of three

# --- throughput and memory on the big tenant -------------------------------------------------------------------
# The floor: Jackson's parser reading every token of the same files from their bytes, one thread, no mapping.
mkdir -p "$work/floor"
jackson_core=$(ls "$root"/target/lib/jackson-core-*.jar | head -1)
javac -d "$work/floor" -cp "$jackson_core" "$root/bench/JacksonFloor.java"
run floor java $java_opts -cp "$work/floor:$jackson_core" JacksonFloor "$big"/signIns*.json
floor_wall=$wall; floor_cpu=$cpu
floor_records=$(sed -n 's/.*records=\([0-9]*\).*/\1/p' "$work/floor.out")
# The benchmark's own programs (bench/*.java), compiled against the jar: they use the pipeline's steps, as evaluate does.
mkdir -p "$work/programs"
javac -d "$work/programs" -cp "$jar" "$root/bench/ParseOnly.java" "$root/bench/BatchLoop.java"
# parse-only as evaluate starts: with the launcher's class-data archive (made by the start runs above; the archive's
# class path is the jar, which the programs' folder may follow)
cds_opts=()
cds_archive=$(ls "$MFA_EVAL_CACHE"/cds/mfa-eval-*.jsa 2>/dev/null | head -1 || true)
[[ -n "$cds_archive" ]] && cds_opts=(-XX:SharedArchiveFile="$cds_archive" '-Xlog:cds*=off')
run parse java $java_opts "${cds_opts[@]}" -cp "$jar:$work/programs" ParseOnly "$big"
parse_wall=$wall; parse_rss=$rss; parse_cpu=$cpu
run evaluate env MFA_EVAL_JAVA_OPTS="$java_opts -Xlog:gc,gc+heap+exit:file=$work/gc.log" "$root/mfa-eval" evaluate "$big" --as-of 2025-11-28 --format json -o "$work/report.json"
eval_wall=$wall; eval_rss=$rss; eval_code=$code; eval_cpu=$cpu
if [[ "$eval_code" == 0 || "$eval_code" == 1 ]] && [[ -s "$work/report.json" ]]; then
  read_count=$(jq '.summary.signInsRead' "$work/report.json")
  completed="completed (exit $eval_code, $(fmt "$read_count") sign-ins, report $(( $(wc -c < "$work/report.json") / 1000000 )) MB)"
else
  read_count=$big_signins
  completed="FAILED (exit $eval_code): $(tail -3 "$work/evaluate.err" | tr '\n' ' ')"
fi
# Heap: the most used just before a collection (the peak) and just after one (what was live), from -Xlog:gc.
heap=$(awk '
  function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0; return u == "K" ? n / 1024 : u == "G" ? n * 1024 : n }
  /Pause/ && match($0, /[0-9]+[KMG]->[0-9]+[KMG]/) {
    split(substr($0, RSTART, RLENGTH), p, "->"); b = mb(p[1]); a = mb(p[2]); if (b > peak) peak = b; if (a > live) live = a; n++ }
  /gc,heap,exit/ && /total [0-9]+K, used [0-9]+K/ && match($0, /used [0-9]+K/) { exitused += substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
  END { if (exitused > peak) peak = exitused; printf "%.0f MB peak used, %.0f MB max live after GC (%d collections)", peak, live, n }' "$work/gc.log")
eval_rate=$(awk -v n="$read_count" -v s="$eval_wall" 'BEGIN {printf "%.0f", n / s}')
parse_rate=$(awk -v n="$read_count" -v s="$parse_wall" 'BEGIN {printf "%.0f", n / s}')
parse_ratio=$(ratio "$eval_rate" "$parse_rate")
jackson_rate=$(awk -v n="${floor_records:-0}" -v s="$floor_wall" 'BEGIN {printf "%.0f", n / s}')
jackson_ratio=$(ratio "$eval_rate" "$jackson_rate")

# --- jq: user sign-ins to a listed application that succeeded without any MFA step --------------------------
apps=$(grep -o '"true","[0-9a-fA-F-]\{36\}' "$root/rules/reference/applications.drl.csv" | cut -d'"' -f4 | jq -R . | jq -cs 'map(ascii_downcase)')
filter='select((.signInEventTypes // []) | any(. == "interactiveUser" or . == "nonInteractiveUser"))
  | select((.appId // "" | ascii_downcase) as $a | $apps | index($a))
  | select(.status.errorCode == 0)
  | select([.authenticationDetails[]? | select(.succeeded == true and .authenticationStepRequirement != "Primary authentication")] | length == 0)
  | .id'
[[ $shape == pages ]] && filter=".value[] | $filter"
run jq jq -r --argjson apps "$apps" "$filter" "$big"/signIns*.json
jq_wall=$wall; jq_cpu=$cpu
jq_selected=$(wc -l < "$work/jq.out")
jq_rate=$(awk -v n="$read_count" -v s="$jq_wall" 'BEGIN {printf "%.0f", n / s}')
jq_ratio=$(ratio "$eval_rate" "$jq_rate")

# --- batch -----------------------------------------------------------------------------------------------------
run batch java $java_opts -cp "$jar:$work/programs" BatchLoop "$work/batch" "$warmup"
batch_line=$(grep '^batch ' "$work/batch.out" || true)
get() { sed -n "s/.*[ ^]$1=\([^ ]*\).*/\1/p" <<<"$batch_line"; }
batch_eval=$(get evaluate_s); batch_parse=$(get parse_s); overhead=$(get overhead_ms_per_tenant)
overhead_cpu=$(get overhead_cpu_ms_per_tenant)

# --- report ----------------------------------------------------------------------------------------------------
echo
printf '%-52s %-46s %s\n' "figure" "value" "target"
printf '%-52s %-46s %s\n' "end-to-end evaluate throughput" "$(fmt "$eval_rate") sign-ins/s ($eval_wall s wall, $eval_cpu s CPU)" ""
printf '%-52s %-46s %s\n' "Jackson floor (every token, one thread, no mapping)" "$(fmt "$jackson_rate") records/s ($floor_wall s wall, $floor_cpu s CPU, $(fmt "${floor_records:-0}") records)" ""
printf '%-52s %-46s %s\n' "evaluate / Jackson floor" "$jackson_ratio" ">= 0.80  $(verdict "$jackson_ratio" '>=' 0.80)"
printf '%-52s %-46s %s\n' "parse-only (same loader, no rules)" "$(fmt "$parse_rate") sign-ins/s ($parse_wall s wall, $parse_cpu s CPU)" ""
printf '%-52s %-46s %s\n' "evaluate / parse-only" "$parse_ratio" ""
printf '%-52s %-46s %s\n' "jq scope-and-single-factor filter" "$(fmt "$jq_rate") sign-ins/s ($jq_wall s wall, $jq_cpu s CPU, $(fmt "$jq_selected") selected)" ""
printf '%-52s %-46s %s\n' "evaluate / jq" "${jq_ratio}x" ">= 4x    $(verdict "$jq_ratio" '>=' 4)"
printf '%-52s %-46s %s\n' "$(fmt "$big_signins") sign-ins at -Xmx512m" "$completed" "completes  $( [[ $completed == completed* ]] && { $quick && echo '(quick: not judged)' || echo MET; } || echo 'NOT MET')"
printf '%-52s %-46s %s\n' "  heap" "$heap" ""
printf '%-52s %-46s %s\n' "  max RSS evaluate / parse-only" "$eval_rss MB / $parse_rss MB" ""
printf '%-52s %-46s %s\n' "cold start, evaluate contoso-ready (compiles rules)" "$cold_ms ms" ""
printf '%-52s %-46s %s\n' "  second run: makes the class-data archive (once)" "$archive_ms ms" ""
printf '%-52s %-46s %s\n' "cached start, evaluate contoso-ready (median of 3)" "$cached_ms ms (${cached[*]})" "< 2000 ms  $(verdict "$cached_ms" '<' 2000)"
printf '%-52s %-46s %s\n' "batch $(fmt "$batch_tenants") tenants x $(fmt "$batch_signins") sign-ins, one JVM" "evaluate ${batch_eval:-?} s total, parse-only ${batch_parse:-?} s" ""
printf '%-52s %-46s %s\n' "  overhead per tenant beyond parsing" "${overhead:-?} ms (CPU of the process: ${overhead_cpu:-?} ms)" "< 15 ms  $(verdict "${overhead:-999}" '<' 15)"
printf '%-52s %-46s %s\n' "per CPU second (user+sys; steadier when busy)" "evaluate / floor $(ratio "$floor_cpu" "$eval_cpu"), / parse-only $(ratio "$parse_cpu" "$eval_cpu"), / jq $(ratio "$jq_cpu" "$eval_cpu")x" ""
echo "(batch: measured by bench/BatchLoop.java, so that parsing can be timed alone on the same tenants: tenants evaluated"
echo " one after the other with one shared rule base, reports rendered as JSON into a discarding writer)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Every figure must be there (CI runs --quick to keep this script from rotting).
missing=()
for v in eval_rate jackson_rate jackson_ratio parse_rate parse_ratio jq_rate jq_ratio eval_rss cold_ms cached_ms batch_eval batch_parse overhead \
         eval_cpu floor_cpu parse_cpu jq_cpu overhead_cpu; do
  [[ -n "${!v:-}" && "${!v}" != "n/a" ]] || missing+=("$v")
done
[[ $completed == completed* ]] || missing+=("big tenant")
[[ $heap == *"MB peak"* ]] || missing+=("heap")
if (( ${#missing[@]} )); then
  echo "bench: figures missing: ${missing[*]} (outputs in $work; rerun with --keep)" >&2
  keep=true
  exit 1
fi
