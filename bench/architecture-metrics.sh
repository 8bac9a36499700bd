#!/usr/bin/env bash
# The structure numbers of issue 28 and docs/architecture.md ("Where we start"), counted from the code itself: run it
# before and after a move and put both in the note. Offline, on a fresh clone: bash and python3, nothing built.
#
#   bench/architecture-metrics.sh            the full account
#   bench/architecture-metrics.sh --summary  one line per number (for a closing note)
#
# What counts as what (so that two people get the same numbers):
# - A reference is one (file, project type) pair: an import, or a fully qualified name in code (comments and strings
#   left out). Nested types count as their top-level type. "Imports" below are such references.
# - A package is a Java package under io.github.mfaeval (src/main/java, and spark/src/main/java as "spark").
# - A package cycle is a strongly connected set of packages in the reference graph; a class cycle across packages is
#   one of files (top-level types, same-package uses included) that spans more than one package.
# - The sign-in chain is hand-traced (CHAIN below: read the code, keep it true when code moves) and checked here: every
#   file must exist, and each step's file must name, or be named by, a file of an earlier step (its caller, or the
#   sink it is handed to). Files and packages are counted once; a crossing is a step into another package; a climb
#   back up is a crossing into a package that sits higher in LAYERS than the one the record leaves (a return to the
#   caller, a sink implemented above, or a type declared above that the record must travel in); carriers (model and
#   result types the record travels as) count as files and packages but are not steps. A mark splits the chain:
#   before it the file is found (the folder is read); after it comes the record's part, from the call that reads the
#   sign-ins to report.json (the issue's count). Both are printed. Exit code 1: the chain must be traced again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec python3 - "$root" "$@" <<'EOF'
import os, re, sys
from collections import defaultdict, Counter

root = sys.argv[1]
summary_only = "--summary" in sys.argv[2:]
BASE = "io.github.mfaeval"
SOURCES = [os.path.join(root, "src/main/java"), os.path.join(root, "spark/src/main/java")]
BIG = 450

# The layers, highest first, for the chain's climbs: today's as the README's "Development" describes them (cli on
# top; load/format "which only load sees" below load; the report model and facts at the bottom), with the target's
# new packages (rules, load.signin, load.activity, load.text) in their places. A chain package not listed is reported.
LAYERS = [["cli"], ["batch", "scenario", "collect", "generate", "bench", "spark"], ["pipeline"],
          ["report", "risk", "rules"], ["engine"], ["load"], ["load.format", "load.signin", "load.activity"],
          ["load.text"], ["result"], ["model"], ["text"]]
# The target (docs/architecture.md, "Who may import whom"): package -> the packages it may import.
TARGET = {
    "cli": "*",
    "spark": {"pipeline", "rules", "engine", "load", "report", "result", "model", "text"},
    "batch": {"pipeline", "rules", "engine", "report", "result", "model", "text", "load", "load.text"},
    "scenario": {"pipeline", "rules", "engine", "report", "result", "model", "text", "load"},
    "collect": {"rules", "load.text", "report", "result", "model", "text"},
    "generate": {"model", "text"},
    "pipeline": {"engine", "load", "load.signin", "load.activity", "load.text", "risk", "result", "model", "text"},
    "report": {"result", "model", "text"},
    "risk": {"load", "load.text", "result", "model", "text"},
    "rules": {"engine", "result", "model", "text"},
    "engine": {"load", "result", "model", "text"},
    "load": {"load.text", "load.signin", "load.activity", "result", "model", "text"},
    "load.signin": {"load.text", "result", "model", "text"},
    "load.activity": {"load.text", "result", "model", "text"},
    "load.text": {"text"},
    "result": {"model", "text"},
    "model": {"text"},
    "text": set(),
}

# Where the target allows a package but only some of its types: (importer, imported) -> the types allowed.
# Spark, batch and scenarios take a built RuleBase and run the pipeline's steps; of the engine they see only the rule
# base and what it hands out (scenario coverage reads its catalogue: RuleInfo, Stage). Spark names the one exception
# the steps throw. The engine takes the folder's data (TenantData and the records it holds), never the intake's
# reading of sign-ins. The pipeline passes a record's Position between a cluster's parts and nothing else of the
# text layer. The collector filters sign-ins by the rules' own applications table, read by the toolchain's reader
# (one list of applications, never a copy).
TARGET_ONLY = {("engine", "load"): {"TenantData", "Registration", "CaPolicyRecord"},
               ("spark", "engine"): {"RuleBase"}, ("batch", "engine"): {"RuleBase"},
               ("scenario", "engine"): {"RuleBase", "RuleInfo", "Stage"},
               ("spark", "load"): {"InputException"}, ("pipeline", "load.text"): {"Position"},
               ("collect", "rules"): {"RuleFiles", "TableSheet"}}

# One NDJSON sign-in (a plain UTF-8 line of a Graph export, evaluate with its defaults: 2+ reader threads, JSON report)
# from disk to report.json. (file under io/github/mfaeval or a rules/ glob, what happens to the record there, kind)
# kind: code = the record is handled here; carrier = a type it travels in; rules = DRL the sign-in stage runs.
CHAIN = [
    ("cli/EvaluateCommand", "entry: evaluate --format json streams the report; hands a JsonReportStream as the sink", "code"),
    ("pipeline/TenantPipeline", "step 1, load: reads the folder, settles the date (EvaluationDate)", "code"),
    ("load/TenantLoader", "reads the folder", "code"),
    ("load/Exports", "the table of exports names the sign-in files' reader", "code"),
    ("load/SignInExportNames", "names the .ndjson file a sign-in export", "code"),
    ("load/TenantData", "holds the file; signInIntake() makes the intake (files, detail rows, tenant)", "code"),
    ("pipeline/TenantPipeline", "the folder's data comes back up; Tenant.evaluate(sink): tenantStage, then signIns", "code"),
    ("-", "the record's part starts: the call that reads the folder's sign-ins (the pipeline's sign-in step)", "mark"),
    ("engine/Evaluator", "signIns(intake, ...): the intake, as a SignInReading, handed to the chunking", "code"),
    ("result/SignInReading", "the intake as the engine knows it", "carrier"),
    ("engine/SignInChunks", "evaluate(): one file, so no spool; the intake reads into this feed", "code"),
    ("load/signin/SignInIntake", "read(): the one read of every file", "code"),
    ("load/signin/SignInFilesReader", "the file cut into parts, parsed on reader threads", "code"),
    ("load/signin/SignInReader", "read(Part) -> readLines()", "code"),
    ("load/text/ByteLines", "read 1 of the file: the line's bytes, in a block", "code"),
    ("load/signin/GraphJsonFastPath", "the Graph dialect's fast path: one Jackson parser over the block", "code"),
    ("load/signin/GraphSignInParser", "read(): the token stream mapped to a SignIn", "code"),
    ("load/signin/GraphTokenFields", "fields(): the record's fields taken from the token stream", "code"),
    ("load/signin/GraphEnums", "enum members normalised", "code"),
    ("load/text/Dates", "createdDateTime parsed", "code"),
    ("model/SignIn", "the fact", "carrier"),
    ("load/signin/SignInKind", "the kind decided; its code set on the fact", "code"),
    ("load/signin/GraphJson", "the record's dialect, as its format names it", "code"),
    ("load/signin/RawRecords", "sink 1: mapped()", "code"),
    ("load/signin/SignInReader", "Records.mapped() -> sink 2: PartSink", "code"),
    ("load/signin/SignInFilesReader", "queued by the reader thread, replayed on the calling thread", "code"),
    ("load/signin/SignInReader", "FileAssembler: line moved to the file's numbering; sink 3: Sink/FileSink", "code"),
    ("load/signin/SignInIntake", "the FileSink: another tenant's? seen before?", "code"),
    ("load/signin/OtherTenantRecords", "another tenant's log?", "code"),
    ("load/signin/HashedIdSet", "seen before?", "code"),
    ("load/signin/SignInIntake", "the first sight of its id: sink 4: SignInFeed", "code"),
    ("result/SignInFeed", "sink 4", "carrier"),
    ("engine/SignInChunks", "firstSight(): counted as read, into the chunk", "code"),
    ("engine/ChunkPipeline", "submit(): handed to the rules thread", "code"),
    ("engine/SignInEvaluation", "judgeAndSend(): the sign-in stage", "code"),
    ("engine/SignInStage", "evaluate(): one chunk through the sign-in stage", "code"),
    ("engine/RuleBase", "run(): a fresh session of the sign-in stage", "code"),
    ("rules/signin/*.drl", "scope, satisfaction, enforcement: the verdict", "rules"),
    ("engine/Explainer", "the rule ids onto the fact", "code"),
    ("engine/SignInStage", "verdict(s), count(s)", "code"),
    ("result/SignInVerdict", "the verdict", "carrier"),
    ("result/SignInSink", "sink 5", "carrier"),
    ("report/JsonReportStream", "written into the report as it is decided", "code"),
    ("report/AtomicFile", "report.json written whole and renamed into place", "code"),
]
SINKS = ["load.signin.RawRecords", "load.signin.SignInReader.PartSink", "load.signin.SignInReader.Sink",
         "result.SignInFeed", "result.SignInSink"]

# ---------------------------------------------------------------- reading the sources
def strip(src):
    """Java source without comments, string and char literals (text blocks too)."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i); i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2); i = n if j < 0 else j + 2; out.append(" ")
        elif src.startswith('"""', i):
            j = src.find('"""', i + 3); i = n if j < 0 else j + 3; out.append('""')
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            i = j + 1; out.append('""')
        else:
            out.append(c); i += 1
    return "".join(out)

files = {}     # rel path (load/format/X.java) -> dict
for base_dir in SOURCES:
    top = os.path.join(base_dir, *BASE.split("."))
    if not os.path.isdir(top):
        continue
    for dirpath, _, names in os.walk(top):
        for name in sorted(names):
            if not name.endswith(".java"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                src = f.read()
            m = re.search(r"^\s*package\s+([\w.]+)\s*;", src, re.M)
            pkg = m.group(1)[len(BASE) + 1:] if m and m.group(1).startswith(BASE + ".") else "(none)"
            rel = os.path.relpath(path, top)
            files[rel] = {"pkg": pkg, "type": name[:-5], "src": src, "code": strip(src),
                          "lines": src.count("\n") + (0 if src.endswith("\n") else 1),
                          "main": base_dir.endswith("src/main/java") and not base_dir.startswith(os.path.join(root, "spark"))}

types = {}     # "pkg.Type" -> rel
for rel, f in files.items():
    types[f["pkg"] + "." + f["type"]] = rel

def split_ref(dotted):
    """'load.format.SignInReader.Part' -> ('load.format', 'SignInReader')."""
    parts = dotted.split(".")
    pkg = []
    for p in parts:
        if p[:1].isupper():
            return ".".join(pkg), p
        pkg.append(p)
    return ".".join(pkg[:-1]), pkg[-1] if pkg else ""

refs = defaultdict(set)        # rel -> {(pkg, Type)} of other packages
fqn = re.compile(r"\b" + re.escape(BASE) + r"\.((?:[a-z]\w*\.)+[A-Z]\w*)")
imp = re.compile(r"^\s*import\s+(?:static\s+)?" + re.escape(BASE) + r"\.([\w.]+?)(?:\.\*)?\s*;", re.M)
for rel, f in files.items():
    for m in imp.finditer(f["code"]):
        p, t = split_ref(m.group(1))
        if p != f["pkg"]:
            refs[rel].add((p, t))
    body = re.sub(r"^\s*(?:import|package)\s+[^;]+;", "", f["code"], flags=re.M)
    for m in fqn.finditer(body):
        p, t = split_ref(m.group(1))
        if p != f["pkg"]:
            refs[rel].add((p, t))

# same-package uses (for class cycles): a simple name of a top-level type of the package, in code
by_pkg = defaultdict(list)
for rel, f in files.items():
    by_pkg[f["pkg"]].append(rel)
edges = defaultdict(set)       # rel -> rel
for rel, f in files.items():
    words = set(re.findall(r"\b[A-Z]\w*\b", f["code"]))
    for other in by_pkg[f["pkg"]]:
        if other != rel and files[other]["type"] in words:
            edges[rel].add(other)
    for p, t in refs[rel]:
        target = types.get(p + "." + t)
        if target:
            edges[rel].add(target)

pkg_refs = defaultdict(Counter)  # pkg -> Counter(other pkg -> references)
for rel, rs in refs.items():
    for p, t in rs:
        pkg_refs[files[rel]["pkg"]][p] += 1
packages = sorted({f["pkg"] for f in files.values()})

def scc(nodes, succ):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
        for w in succ(v):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            out.append(sorted(comp))
    for v in nodes:
        if v not in index: visit(v)
    return out

pkg_cycles = [c for c in scc(packages, lambda p: [q for q in pkg_refs[p] if q in packages]) if len(c) > 1]
class_cycles = [c for c in scc(sorted(files), lambda r: sorted(edges[r])) if len({files[r]["pkg"] for r in c}) > 1]

def is_parent(parent, child):
    return child.startswith(parent + ".")
parent_refs = [(rel, p, t) for rel, rs in sorted(refs.items()) for p, t in sorted(rs) if is_parent(p, files[rel]["pkg"])]
load_up = [(rel, p, t) for rel, p, t in parent_refs if files[rel]["pkg"].startswith("load.") and p == "load"]

main = {r: f for r, f in files.items() if f["main"]}
product_lines = sum(f["lines"] for f in main.values())
big = sorted(((f["lines"], r) for r, f in main.items() if f["lines"] > BIG), reverse=True)
bench_files = sorted(r for r, f in main.items() if f["pkg"] == "bench" or f["pkg"].startswith("bench."))
hidden = sorted((r, len(re.findall(r"hidden\s*=\s*true", f["src"]))) for r, f in main.items() if re.search(r"hidden\s*=\s*true", f["src"]))
# comments in src/main that mention tests (a heuristic, to be read by hand: some are hooks, some are not)
test_only = sorted((r, len(re.findall(r"\(tests\b|\bfor tests\b|\btests only\b|\btest-only\b|\(for tests", f["src"])))
                   for r, f in main.items() if re.search(r"\(tests\b|\bfor tests\b|\btests only\b|\btest-only\b", f["src"]))
spark = {r: f for r, f in files.items() if f["pkg"] == "spark"}
spark_refs = Counter(p for r in spark for p, t in refs[r])
spark_reader = sorted({f"{p}.{t}" for r in spark for p, t in refs[r] if p == "load" or p.startswith("load.")})

def violations():
    out = []
    for rel, rs in sorted(refs.items()):
        me = files[rel]["pkg"]
        allowed = TARGET.get(me)
        if allowed is None or allowed == "*":
            continue
        for p, t in sorted(rs):
            only = TARGET_ONLY.get((me, p))
            if p not in allowed or (only is not None and t not in only):
                out.append((me, p, rel, t))
    return out
viol = violations()
unknown_pkgs = sorted(p for p in packages if p not in TARGET)

readme = os.path.join(root, "README.md")
readme_lines = sum(1 for _ in open(readme, encoding="utf-8")) if os.path.exists(readme) else 0
perf_doc = os.path.exists(os.path.join(root, "docs/performance.md"))

# ---------------------------------------------------------------- the chain
rank = {}
for i, layer in enumerate(LAYERS):
    for p in layer:
        rank[p] = len(LAYERS) - i
problems = []
steps = []
for path, what, kind in CHAIN:
    if kind == "mark":
        steps.append({"path": path, "kind": kind, "pkg": None, "files": []})
        continue
    if kind == "rules":
        import glob
        found = glob.glob(os.path.join(root, path))
        if not found:
            problems.append(f"{path}: no such rule file")
        steps.append({"path": path, "kind": kind, "pkg": "(rules)", "files": [os.path.relpath(x, root) for x in sorted(found)]})
        continue
    rel = path + ".java"
    if rel not in files:
        problems.append(f"{path}: no such file (the chain must be traced again)")
        steps.append({"path": path, "kind": kind, "pkg": path.rsplit("/", 1)[0].replace("/", "."), "files": [rel]})
        continue
    steps.append({"path": path, "kind": kind, "pkg": files[rel]["pkg"], "files": [rel]})
    if files[rel]["pkg"] not in rank:
        problems.append(f"{path}: package {files[rel]['pkg']} is not in LAYERS")
def names(a, b):
    return re.search(r"\b%s\b" % files[b]["type"], files[a]["code"]) is not None
earlier = []
for s_ in steps:
    if s_["kind"] in ("rules", "mark"):
        continue
    rel = s_["files"][0]
    if rel in files and earlier and rel not in earlier:
        if not any(names(rel, e) or names(e, rel) for e in earlier):
            problems.append(f"{s_['path']}: names no file of an earlier step, and none names it (the chain must be traced again)")
    if rel in files and rel not in earlier:
        earlier.append(rel)
def count(part):
    files_ = sorted({f for s in part if s["kind"] in ("code", "carrier") for f in s["files"]})
    rules_ = sorted({f for s in part if s["kind"] == "rules" for f in s["files"]})
    pkgs = sorted({s["pkg"] for s in part if s["kind"] in ("code", "carrier")})
    crossings_, climbs_ = [], []
    walk = [s for s in part if s["kind"] == "code"]
    for a, b in zip(walk, walk[1:]):
        if a["pkg"] != b["pkg"]:
            crossings_.append((a["path"], b["path"]))
            if rank.get(b["pkg"], 0) > rank.get(a["pkg"], 0):
                climbs_.append((a["path"], b["path"]))
    return files_, rules_, pkgs, crossings_, climbs_
marks = [i for i, s in enumerate(steps) if s["kind"] == "mark"]
if len(marks) != 1:
    problems.append("CHAIN needs exactly one mark where the record's part starts")
record = steps[marks[0] + 1:] if marks else steps
chain_files, chain_rules, chain_pkgs, crossings, climbs = count(steps)
rec_files, rec_rules, rec_pkgs, rec_crossings, rec_climbs = count(record)
reads = sum(1 for _, what, _ in CHAIN if re.match(r"read \d", what))
sinks_present = []
for s in SINKS:
    p, t = split_ref(s)
    rel = types.get(p + "." + t)
    inner = s.split(".")[-1]
    if rel and (inner == t or re.search(r"\binterface\s+%s\b" % inner, files[rel]["src"])):
        sinks_present.append(s)

# ---------------------------------------------------------------- output
def line(k, v):
    print(f"{k:<58} {v}")
lf = [r for r in main if files[r]["pkg"] == "load.format"]
lf_lines = sum(files[r]["lines"] for r in lf)
eng_lines = sum(files[r]["lines"] for r in main if files[r]["pkg"] == "engine")
ev = files.get("engine/Evaluator.java")
if summary_only:
    line("product lines (src/main/java)", product_lines)
    line("load/format lines (share of the product)", f"{lf_lines} ({100 * lf_lines / max(1, product_lines):.0f}%)")
    line("engine lines", eng_lines)
    if ev: line("engine/Evaluator lines", ev["lines"])
    line("package cycles", len(pkg_cycles))
    line("class cycles across packages", len(class_cycles))
    line("sub-package -> parent references (files)", f"{len(parent_refs)} ({len({r for r, _, _ in parent_refs})})")
    line("references running back up inside load/ (files, types)", f"{len(load_up)} ({len({r for r, _, _ in load_up})} files, {len({t for _, _, t in load_up})} types)")
    line(f"files in src/main over {BIG} lines", len(big))
    line("benchmark package files in src/main", len(bench_files))
    line("hidden options / comments mentioning tests in src/main", f"{sum(n for _, n in hidden)} / {sum(n for _, n in test_only)}")
    line("spark references into load and load/format (types)", f"{sum(1 for r in spark for p, t in refs[r] if p.startswith('load'))} ({len(spark_reader)})")
    line("references the target layering does not allow", len(viol))
    line("packages not in the target layering", ", ".join(unknown_pkgs) or "none")
    line("README lines; docs/performance.md", f"{readme_lines}; {'present' if perf_doc else 'absent'}")
    line("chain, the record's part: files (+ rule files); packages", f"{len(rec_files)} (+{len(rec_rules)}); {len(rec_pkgs)}")
    line("chain, the record's part: crossings; climbs back up", f"{len(rec_crossings)}; {len(rec_climbs)}")
    line("chain, whole (with finding the file): files; packages", f"{len(chain_files)}; {len(chain_pkgs)}")
    line("chain, whole: crossings; climbs back up", f"{len(crossings)}; {len(climbs)}")
    line("chain: sink interfaces; reads of the file", f"{len(sinks_present)}; {reads}")
    if problems: line("chain problems", len(problems))
    sys.exit(1 if problems else 0)

print("# Architecture metrics (bench/architecture-metrics.sh)\n")
print(f"Product: {len(main)} files, {product_lines} lines in src/main/java; spark/: {len(spark)} files.\n")
print("## Packages: files, lines, references to other project packages")
print(f"{'package':<14} {'files':>5} {'lines':>6}  references (package: count)")
for p in packages:
    fs = [r for r in files if files[r]["pkg"] == p]
    lines = sum(files[r]["lines"] for r in fs)
    out = ", ".join(f"{q}: {n}" for q, n in sorted(pkg_refs[p].items()))
    print(f"{p:<14} {len(fs):>5} {lines:>6}  {out or '-'}")
print(f"\nload/format: {lf_lines} lines, {100 * lf_lines / max(1, product_lines):.0f}% of src/main; engine: {eng_lines} lines"
      + (f"; engine/Evaluator: {ev['lines']} lines" if ev else ""))

print(f"\n## Package cycles: {len(pkg_cycles)}")
for c in pkg_cycles:
    print("  " + " <-> ".join(c))
print(f"## Class cycles across packages: {len(class_cycles)}")
for c in class_cycles:
    print("  " + ", ".join(x[:-5] for x in c))

print(f"\n## Sub-packages referring to their parent: {len(parent_refs)} references from {len({r for r, _, _ in parent_refs})} files")
for rel, p, t in parent_refs:
    print(f"  {rel[:-5]:<40} -> {p}.{t}")
print(f"## Inside load/: references running back up (load/* -> load): {len(load_up)}, "
      f"from {len({r for r, _, _ in load_up})} files, onto {len({t for _, _, t in load_up})} types: "
      + ", ".join(f"{t} ({n})" for t, n in sorted(Counter(t for _, _, t in load_up).items())))

print(f"\n## Files in src/main over {BIG} lines: {len(big)}")
for n, r in big:
    print(f"  {n:>5}  {r[:-5]}")

print(f"\n## Benchmark and test hooks in src/main")
print(f"  benchmark package files: {len(bench_files)} " + (", ".join(r[:-5] for r in bench_files)))
print(f"  hidden options: " + (", ".join(f"{r[:-5]} ({n})" for r, n in hidden) or "none"))
print(f"  comments mentioning tests (heuristic, read them): " + (", ".join(f"{r[:-5]} ({n})" for r, n in test_only) or "none"))

print(f"\n## Spark's references to project packages")
print("  " + ", ".join(f"{p}: {n}" for p, n in sorted(spark_refs.items())))
print(f"  reader types it uses (load, load/format): {len(spark_reader)}: " + ", ".join(spark_reader))

print(f"\n## References the target layering (docs/architecture.md) does not allow: {len(viol)}")
for (me, p), n in sorted(Counter((me, p) for me, p, _, _ in viol).items()):
    print(f"  {me:<12} -> {p:<12} {n}")
print(f"  packages not in the target (they go away; their references not counted above): "
      + (", ".join(f"{p} ({sum(pkg_refs[p].values())} references)" for p in unknown_pkgs) or "none"))

print(f"\n## README: {readme_lines} lines; docs/performance.md: {'present' if perf_doc else 'absent'}")

print(f"\n## One NDJSON sign-in from disk to report.json")
n = 0
for i, s in enumerate(steps):
    if s["kind"] == "mark":
        print(f"      ---- {CHAIN[i][1]}")
        continue
    n += 1
    print(f"  {n:>2}. {s['path']:<34} {CHAIN[i][1]}" + (f" [{s['kind']}]" if s["kind"] != "code" else ""))
for title, (fs, rs, ps, cs, cl) in (("the record's part (from the read of the sign-ins)", (rec_files, rec_rules, rec_pkgs, rec_crossings, rec_climbs)),
                                    ("whole (with finding the file)", (chain_files, chain_rules, chain_pkgs, crossings, climbs))):
    print(f"  {title}: {len(fs)} Java files (+ {len(rs)} rule files: {', '.join(os.path.basename(x) for x in rs)}); "
          f"{len(ps)} packages: {', '.join(ps)}")
    print(f"    package crossings: {len(cs)}; climbs back up: {len(cl)}: "
          + "; ".join(f"{a.split('/')[-1]} -> {b.split('/')[-1]}" for a, b in cl))
print(f"  sink interfaces chained: {len(sinks_present)}: {', '.join(sinks_present)}; reads of the file: {reads}")
if problems:
    print("\n## Chain problems (trace it again)")
    for p in problems:
        print("  " + p)
    sys.exit(1)
EOF
