#!/usr/bin/env bash
# The behaviour guard of a structural change (docs/architecture.md, "How to check a move"): renders what a user
# sees, from this checkout, into one folder of plain files, with run-dependent values masked, so that the folder of
# the code before a move and the folder of the code after it can be compared file by file.
#
#   bench/compare-baseline.sh --out DIR                  render into DIR (replaced if it exists)
#   bench/compare-baseline.sh --out DIR --compare BASE   render into DIR, then compare it with BASE (an earlier DIR):
#                                                        prints IDENTICAL (exit 0) or the differing files (exit 1)
#   bench/compare-baseline.sh --compare-only DIR BASE    compare two folders already rendered
#   options: --skip-batch, --skip-scenarios (quicker while iterating; the guard itself renders everything);
#            --mask-rules-fingerprint: also mask the rules' fingerprint (<RULES>), for a move that edits rules/ (it
#            changes with any byte of rules/; what the edit changes in verdicts and their rule ids still shows)
#
# What is rendered, in both editions (--edition 2024-09-24, the base one, and --edition 2026-04-03; named explicitly,
# so the folder does not change when the default edition does):
#   evaluate/ED/TENANT/  every example tenant (examples/tenants/*) in every format: text, json (default selection and
#                        --sign-ins all), html, markdown, ndjson, csv (the folder), xlsx (unzipped: the sheet XML and the
#                        other parts), and --compare-edition against the other edition; each with its exit code and
#                        standard error
#   batch/ED/examples/   `batch` over examples/tenants (--threads 2): index.html, summary.json/.csv, action-plan.csv,
#                        each tenant's report.json and report.html
#   batch/ED/formats/    `batch --as-of 2025-11-28` over the export-format fixtures (src/test/resources/formats: one
#                        tenant per dialect), so the intake of every dialect is guarded, not only the examples' JSON
#   inspect/TENANT.*     `inspect` (text and json) of every example tenant and format fixture: how each file was read
#   scenarios/ED.txt     `./mfa-eval scenarios --coverage` (every case, and the rule-by-scenario matrix)
#
# Masked, so that two runs of the same code are IDENTICAL: the checkout's absolute path (<ROOT>) and the output
# folder's (<OUT>); any time stamp of the day(s) the run ran (<NOW>; the example tenants are frozen snapshots of
# 2025, so no evidence is dated today) and that date alone (<TODAY>: batch's default as-of date); durations in
# batch's progress lines; the order in which batch's threads finish tenants; the launcher's own notes on standard
# error (building, class-data archive). Nothing else: a number, verdict, message, file name or rule id that changes
# is a difference (even the Log4j line POI prints on standard output with -o x.xlsx: it is what a user sees).
# Needs: bash, python3, unzip; JDK 17 and Maven as ./mfa-eval does. Runs offline. About 9-10 minutes on 2 cores
# shared with other builds (load average 15).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out=""
base=""
compare_only=false
skip_batch=false
skip_scenarios=false
mask_rules=false
usage() { sed -n "2,34p" "$0"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift ;;
    --compare) base="$2"; shift ;;
    --compare-only) compare_only=true; out="$2"; base="$3"; shift 2 ;;
    --skip-batch) skip_batch=true ;;
    --skip-scenarios) skip_scenarios=true ;;
    --mask-rules-fingerprint) mask_rules=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-baseline: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -n "$out" ]] || { echo "compare-baseline: --out DIR is required (see --help)" >&2; exit 2; }
for tool in python3 unzip; do
  command -v "$tool" >/dev/null || { echo "compare-baseline: $tool is required" >&2; exit 2; }
done

# compare OUT BASE: IDENTICAL, or the files that differ or are in one folder only.
compare() {
  python3 - "$1" "$2" <<'EOF'
import filecmp, os, sys
new, old = sys.argv[1], sys.argv[2]
for d in (new, old):
    if not os.path.isdir(d):
        print(f"compare-baseline: {d} is not a folder"); sys.exit(2)
def files(d):
    found = set()
    for dirpath, _, names in os.walk(d):
        for n in names:
            found.add(os.path.relpath(os.path.join(dirpath, n), d))
    return found
a, b = files(new), files(old)
only_new, only_old = sorted(a - b), sorted(b - a)
differ = sorted(f for f in a & b if not filecmp.cmp(os.path.join(new, f), os.path.join(old, f), shallow=False))
if not (only_new or only_old or differ):
    print(f"IDENTICAL ({len(a)} files): {new} and {old}")
    sys.exit(0)
print(f"DIFFERENT: {len(differ)} file(s) differ, {len(only_new)} only in {new}, {len(only_old)} only in {old}")
for f in differ: print(f"  differs   {f}")
for f in only_new: print(f"  only new  {f}")
for f in only_old: print(f"  only old  {f}")
print(f"(see: diff -ru {old} {new})")
sys.exit(1)
EOF
}

if $compare_only; then
  compare "$out" "$base"
  exit $?
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$out" in "$root"|/) echo "compare-baseline: --out must be a folder of its own" >&2; exit 2 ;; esac
rm -rf "${out:?}"/*
day_started="$(date -u +%F)"
export MFA_EVAL_CACHE="${MFA_EVAL_CACHE:-$root/target/compare-baseline-cache}"
mfa="$root/mfa-eval"
"$mfa" --version >/dev/null 2>&1 || "$mfa" --version  # builds the jar when it is missing or stale (says why if it fails)

# run NAME CMD...: NAME.stdout, NAME.stderr (the launcher's own notes left out) and NAME.exit in NAME's folder.
run() {
  local name="$1"; shift
  mkdir -p "$(dirname "$name")"
  local code=0
  "$@" >"$name.stdout" 2>"$name.stderr.raw" || code=$?
  grep -v -e '^mfa-eval: building' -e '^mfa-eval: making a class-data archive' "$name.stderr.raw" >"$name.stderr" || true
  rm -f "$name.stderr.raw"
  echo "$code" >"$name.exit"
}

editions=(2024-09-24 2026-04-03)
other() { [[ "$1" == "${editions[0]}" ]] && echo "${editions[1]}" || echo "${editions[0]}"; }
examples=()
for t in "$root"/examples/tenants/*/; do [[ -f "$t/tenant.json" ]] && examples+=("${t%/}"); done
fixtures=()
for t in "$root"/src/test/resources/formats/*/; do [[ -f "$t/tenant.json" ]] && fixtures+=("${t%/}"); done
tmp="$out/.tmp"
mkdir -p "$tmp"

for ed in "${editions[@]}"; do
  for t in "${examples[@]}"; do
    name="$(basename "$t")"
    d="$out/evaluate/$ed/$name"
    echo "compare-baseline: evaluate $name, edition $ed" >&2
    run "$d/text" "$mfa" evaluate "$t" --edition "$ed"
    run "$d/json" "$mfa" evaluate "$t" --edition "$ed" --format json -o "$d/report.json"
    run "$d/json-all" "$mfa" evaluate "$t" --edition "$ed" --format json --sign-ins all -o "$d/report-all-sign-ins.json"
    run "$d/html" "$mfa" evaluate "$t" --edition "$ed" --format html -o "$d/report.html"
    run "$d/markdown" "$mfa" evaluate "$t" --edition "$ed" --format markdown -o "$d/report.md"
    run "$d/ndjson" "$mfa" evaluate "$t" --edition "$ed" --format ndjson -o "$d/report.ndjson"
    run "$d/csv" "$mfa" evaluate "$t" --edition "$ed" --format csv -o "$d/csv"
    rm -f "$tmp/report.xlsx"
    run "$d/xlsx" "$mfa" evaluate "$t" --edition "$ed" --format xlsx -o "$tmp/report.xlsx"
    if [[ -f "$tmp/report.xlsx" ]]; then unzip -q -o "$tmp/report.xlsx" -d "$d/xlsx"; fi
    run "$d/compare-edition" "$mfa" evaluate "$t" --edition "$ed" --compare-edition "$(other "$ed")"
  done
done

for t in "${examples[@]}" "${fixtures[@]}"; do
  name="$(basename "$t")"
  [[ "$t" == "$root/src/test/resources/formats/"* ]] && name="format-$name"
  echo "compare-baseline: inspect $name" >&2
  run "$out/inspect/$name.text" "$mfa" inspect "$t"
  run "$out/inspect/$name.json" "$mfa" inspect "$t" --format json
done

if ! $skip_batch; then
  for ed in "${editions[@]}"; do
    echo "compare-baseline: batch, edition $ed" >&2
    run "$out/batch/$ed/examples-run" "$mfa" batch "$root/examples/tenants" --out "$out/batch/$ed/examples" --edition "$ed" --threads 2
    # the fixtures have no asOf: evaluated as of the day after their week of sign-ins, not as of today (stale)
    run "$out/batch/$ed/formats-run" "$mfa" batch "$root/src/test/resources/formats" --out "$out/batch/$ed/formats" --edition "$ed" \
      --threads 2 --as-of 2025-11-28
  done
  # the lock of a finished run says nothing about behaviour
  find "$out/batch" -name '.mfa-eval.lock' -delete
fi

if ! $skip_scenarios; then
  for ed in "${editions[@]}"; do
    echo "compare-baseline: scenarios, edition $ed" >&2
    (cd "$root" && run "$out/scenarios/$ed" "$mfa" scenarios --coverage --edition "$ed")
  done
fi
rm -rf "$tmp"
day_ended="$(date -u +%F)"

# Mask what changes from run to run (see the head of this file), in place.
python3 - "$out" "$root" "$day_started" "$day_ended" "$mask_rules" <<'EOF'
import os, re, sys
out, root, days, mask_rules = sys.argv[1], sys.argv[2], sorted(set(sys.argv[3:5])), sys.argv[5] == "true"
day = "|".join(re.escape(d) for d in days)
stamp = re.compile(r"(?:%s)[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?" % day)
today = re.compile(r"(?<![\d-])(?:%s)(?![\d])" % day)
duration = re.compile(r"\(\d+(?:\.\d+)? s\)")
elapsed = re.compile(r"\bin \d+:\d{2}(?::\d{2})?\b")
progress = re.compile(r"\[\d+/(\d+)\]")
rules_fps = set()
if mask_rules:
    key = re.compile(r'"(?:fingerprint|rulesFingerprint)"\s*:\s*"([0-9a-f]{64})"')
    for dirpath, _, names in os.walk(out):
        for n in names:
            if n.endswith(".json") or n.endswith(".stdout"):
                with open(os.path.join(dirpath, n), encoding="utf-8", errors="replace") as f:
                    rules_fps.update(key.findall(f.read()))
for dirpath, _, names in os.walk(out):
    for n in names:
        p = os.path.join(dirpath, n)
        with open(p, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # no binary file is kept (the workbook is unzipped); leave it as it is
        t = text.replace(out, "<OUT>").replace(root, "<ROOT>")
        t = stamp.sub("<NOW>", t)
        t = today.sub("<TODAY>", t)
        for fp in rules_fps:
            t = t.replace(fp, "<RULES>")
        if n.endswith("-run.stderr"):
            # batch's progress: per-tenant durations, the run's time, and lines in the order threads finished
            t = duration.sub("(<DURATION>)", t)
            t = elapsed.sub("in <DURATION>", t)
            t = progress.sub(r"[n/\1]", t)
            lines = t.splitlines()
            t = "\n".join(sorted(lines)) + ("\n" if lines else "")
        if t != text:
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(t)
EOF
count=$(find "$out" -type f | wc -l)
echo "compare-baseline: $count files in $out" >&2

if [[ -n "$base" ]]; then
  compare "$out" "$base"
fi
