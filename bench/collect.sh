#!/usr/bin/env bash
# The collection benchmark (README, "Collecting a tenant"): collect against a throttle-faithful loopback Graph
# (bench/LoopbackGraph.java: Graph's reports limit of 5 requests per 10 s per tenant, enforced with 429s, every
# window divided by the time scale) and report, for
#   (a) today's full pull (--all-sign-ins), (b) the filtered first collection (the default),
#   (c) the nightly incremental run one simulated day later into (b)'s folder,
# the sign-ins fetched, the requests (sign-in pages, all reports-API requests, all requests), 429s met, the wall
# time measured at the time scale, the wall time modelled at Graph's real limit (reports requests x 10 s / 5: the
# floor the limit sets for one tenant), and collect's peak heap (GC log) and RSS at -Xmx256m.
#
#   bench/collect.sh            50,000 users, 2,000,000 sign-ins in 30 days, ~2% to listed applications (minutes)
#   bench/collect.sh --quick    500 users, 20,000 sign-ins: checks every figure is produced (CI), judges no target
#   options: --users N, --sign-ins N (per 30 days), --time-scale F (default 200; quick 1000),
#            --xmx SIZE (collect's heap, default 256m), --work DIR (default target/bench-collect; deleted at the end
#            unless --keep), --keep
# Needs: JDK 17, Maven (to build the jar if needed), curl, jq, GNU time (/usr/bin/time).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=false
keep=false
work="$root/target/bench-collect"
users=50000
signins=2000000
scale=200
xmx=256m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; users=500; signins=20000; scale=1000 ;;
    --keep) keep=true ;;
    --work) work="$2"; shift ;;
    --users) users="$2"; shift ;;
    --sign-ins) signins="$2"; shift ;;
    --time-scale) scale="$2"; shift ;;
    --xmx) xmx="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in curl jq /usr/bin/time java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done

"$root/mfa-eval" --version >/dev/null   # builds the jar when it is missing or stale
jar="$root/target/mfa-eval.jar"
end=2026-12-01T00:00:00Z
next=2026-12-02T00:00:00Z
rm -rf "$work"
mkdir -p "$work"

java -Xmx512m "$root/bench/LoopbackGraph.java" --users "$users" --sign-ins "$signins" --end "$end" --time-scale "$scale" >"$work/graph.out" 2>"$work/graph.err" &
graph=$!
trap 'kill $graph 2>/dev/null || true; $keep || rm -rf "$work"' EXIT
for _ in $(seq 1 600); do grep -q '^port ' "$work/graph.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^port //p' "$work/graph.out")
[[ -n "$port" ]] || { echo "bench: the loopback Graph did not start: $(cat "$work/graph.err")" >&2; exit 1; }
graph_url="http://127.0.0.1:$port"

echo "collect benchmark ($($quick && echo quick || echo full)) $(date -u '+%Y-%m-%d %H:%M UTC') on $(hostname): $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "collect at -Xmx$xmx; tenant: $users users, $signins sign-ins per 30 days (~2% to listed applications); Graph's limits run ${scale}x faster"
printf '%-28s %10s %8s %8s %8s %5s %9s %11s %9s %8s\n' run sign-ins pages reports all 429s "wall(s)" "at-limit" "heap(MB)" "rss(MB)"

# run KEY FOLDER NOW [collect options...]   (KEY: a, b or c)
run() {
  local key=$1 folder=$2 now=$3; shift 3
  local name="($key)"
  curl -fsS -X POST "$graph_url/bench/reset" >/dev/null
  MFA_EVAL_GRAPH_TOKEN=bench /usr/bin/time -f "%e %M" -o "$work/$key.time" \
    java -XX:+UseSerialGC -Xmx"$xmx" -Xlog:gc:file="$work/$key.gc" -jar "$jar" collect --tenant bench.example --out "$folder" --auth token \
    --graph-endpoint "$graph_url" --no-arm --now "$now" --time-scale "$scale" --retry-base-ms 50 "$@" >"$work/$key.out" 2>"$work/$key.err" || {
      echo "bench: collect $name failed (exit $?): $(tail -5 "$work/$key.err")" >&2; exit 1; }
  local s; s=$(curl -fsS "$graph_url/bench/stats")
  local wall rss; read -r wall rss < <(tail -1 "$work/$key.time")
  local heap; heap=$( (grep -oE "[0-9]+M->[0-9]+M" "$work/$key.gc" || true) | sed "s/M->.*//" | sort -n | tail -1)
  local served pages reports others throttled
  served=$(jq .signInsServed <<<"$s"); pages=$(jq .signInPages <<<"$s"); reports=$(jq .reportsRequests <<<"$s")
  others=$(jq .otherRequests <<<"$s"); throttled=$(jq .throttled <<<"$s")
  local model; model=$(awk -v r="$reports" 'BEGIN { s = r * 10 / 5; if (s < 5400) printf "%.0f min", s / 60; else printf "%.1f h", s / 3600 }')
  printf '%-28s %10d %8d %8d %8d %5d %9.1f %11s %9s %8d\n' "$name" "$served" "$pages" "$reports" $((reports + others)) "$throttled" "$wall" \
    "$model" "${heap:-?}" $((rss / 1024))
  printf -v "${key}_served" '%s' "$served"; printf -v "${key}_pages" '%s' "$pages"
}

run a "$work/full" "$end" --all-sign-ins
run b "$work/filtered" "$end"
run c "$work/filtered" "$next"

echo
echo "columns: sign-ins fetched; sign-in pages; reports-API requests (sign-in pages + registration details, retries included);"
echo "all requests (+ users, per-user MFA batches of 20, policies...); 429s met; wall time measured at ${scale}x;"
echo "at-limit: reports requests x 2 s, the floor Graph's 5-per-10-s limit sets for one tenant; peak heap before a GC; peak RSS"
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y == 0) print "n/a"; else printf "1/%.0f", y / (x > 0 ? x : 1) }'; }
echo "(b)/(a) sign-ins: $(ratio "${b_served:-0}" "${a_served:-0}") (target <= 1/10); sign-in pages: $(ratio "${b_pages:-0}" "${a_pages:-0}")"
echo "(c)/(b) sign-ins: $(ratio "${c_served:-0}" "${b_served:-0}") (target <= 1/20)"
jq -r '"(c) window: \(.signInWindow.from) to \(.signInWindow.to), mode \(.signInWindow.mode), fetched from \(.signInWindow.fetchedFrom); complete \(.complete)"' "$work/filtered/collection.json"
