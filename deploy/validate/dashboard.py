"""Checks the Grafana provisioning and dashboards of deploy/grafana: valid JSON with a uid,
a title and unique panel ids and positions; every query on the provisioned Prometheus
datasource; every metric a query names is one Parley exposes (its Micrometer names in
server/src/main/java, or the Spring Boot/JVM/Hikari/Resilience4j families) or is listed as
pending. Writes every query into a Prometheus rules file for `promtool check rules`, which
checks their PromQL. Usage: python3 dashboard.py REPO_ROOT RULES_OUT"""
import json
import pathlib
import re
import sys

import yaml

root = pathlib.Path(sys.argv[1])
rules_out = pathlib.Path(sys.argv[2])
grafana = root / "deploy" / "grafana"
problems = []

# Families that Spring Boot, Micrometer's binders and Resilience4j publish themselves.
LIBRARY = ("http_server_requests_", "jvm_", "process_", "system_", "hikaricp_", "jdbc_", "resilience4j_",
           "executor_", "logback_", "jetty_", "up")

code = "\n".join(p.read_text(encoding="utf-8") for p in (root / "server" / "src" / "main" / "java").rglob("*.java"))
parley_meters = {m.replace(".", "_") for m in re.findall(r'"(parley\.[a-z0-9_.]+)"', code)}


def exposes(metric):
    if metric == "up" or metric.startswith(LIBRARY[:-1]):
        return True
    base = re.sub(r"(_seconds)?(_bucket|_count|_sum|_max|_total)?$", "", metric)
    return base in parley_meters or metric in parley_meters


datasources = yaml.safe_load((grafana / "provisioning" / "datasources" / "prometheus.yaml").read_text())
uids = {d["uid"] for d in datasources["datasources"]}
providers = yaml.safe_load((grafana / "provisioning" / "dashboards" / "parley.yaml").read_text())
paths = [p["options"]["path"] for p in providers["providers"]]
if paths != ["/var/lib/grafana/dashboards"]:
    problems.append(f"dashboard provider path {paths} is not where compose.yaml mounts the dashboards")

rules = []
FUNCTIONS = {"sum", "max", "min", "avg", "count", "rate", "increase", "irate", "histogram_quantile", "by",
             "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "le", "offset"}
for path in sorted((grafana / "dashboards").glob("*.json")):
    try:
        board = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as ex:
        problems.append(f"{path.name}: not JSON: {ex}")
        continue
    for key in ("uid", "title", "panels", "schemaVersion"):
        if key not in board:
            problems.append(f"{path.name}: no {key}")
    ids = [p.get("id") for p in board.get("panels", [])]
    if None in ids or len(ids) != len(set(ids)):
        problems.append(f"{path.name}: panel ids missing or repeated: {ids}")
    cells = set()
    for panel in board.get("panels", []):
        where = f"{path.name} panel {panel.get('id')} '{panel.get('title')}'"
        grid = panel.get("gridPos", {})
        for x in range(grid.get("x", 0), grid.get("x", 0) + grid.get("w", 0)):
            for y in range(grid.get("y", 0), grid.get("y", 0) + grid.get("h", 0)):
                if (x, y) in cells:
                    problems.append(f"{where}: overlaps another panel at {x},{y}")
                cells.add((x, y))
        if panel.get("type") == "row":
            continue
        if panel.get("datasource", {}).get("uid") not in uids:
            problems.append(f"{where}: datasource {panel.get('datasource')} is not provisioned ({uids})")
        if not panel.get("targets"):
            problems.append(f"{where}: no query")
        for target in panel.get("targets", []):
            expr = target.get("expr", "")
            if target.get("datasource", {}).get("uid") not in uids:
                problems.append(f"{where}: query datasource is not provisioned")
            # Label lists (by/without/on/ignoring (...)), selectors, strings and ranges name no metric.
            bare = re.sub(r'\b(by|without|on|ignoring)\s*\([^)]*\)|\{[^}]*\}|"[^"]*"|\[[^\]]*\]', " ", expr)
            for name in set(re.findall(r"\b[a-z_][a-z0-9_]*\b", bare)) - FUNCTIONS:
                if re.search(rf"\b{name}\s*\(", bare) or name in ("instance", "status", "uri", "name", "state",
                                                                     "limit", "result", "provider", "outcome",
                                                                     "target", "reason"):
                    continue
                if not exposes(name):
                    problems.append(f"{where}: Parley exposes no metric {name}")
            rules.append({"record": f"dashboard:{path.stem}:panel_{panel.get('id')}_{target.get('refId')}",
                          "expr": expr.replace("$__rate_interval", "5m").replace("$__interval", "1m")})

rules_out.write_text(yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}))
if problems:
    for p in problems:
        print(f"  grafana: {p}", file=sys.stderr)
    sys.exit(1)
print(f"  grafana: {len(rules)} queries on provisioned datasources, metrics known to Parley")
