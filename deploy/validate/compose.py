"""Checks the output of `docker-compose config` for compose.yaml: both Parley instances with
their own PARLEY_INSTANCE_ID and the same secrets, on PostgreSQL and Redis, nginx in front, and
every file or directory a service mounts present. Usage: python3 compose.py RESOLVED_YAML"""
import os
import sys

import yaml

config = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
services = config["services"]
problems = []
for name in ("parley-1", "parley-2", "nginx", "postgres", "redis", "prometheus", "grafana"):
    if name not in services:
        problems.append(f"no service {name}")
instances = [services.get(n, {}).get("environment", {}) for n in ("parley-1", "parley-2")]
ids = [env.get("PARLEY_INSTANCE_ID") for env in instances]
if None in ids or len(set(ids)) != 2:
    problems.append(f"the instances need distinct PARLEY_INSTANCE_ID, have {ids}")
for key in ("PARLEY_JWT_SECRET", "PARLEY_MASTER_KEY", "SPRING_DATASOURCE_URL", "PARLEY_REDIS_URL"):
    values = {env.get(key) for env in instances}
    if len(values) != 1 or None in values or "" in values:
        problems.append(f"{key} differs between the instances or is empty: {values}")
if not instances[0].get("SPRING_DATASOURCE_URL", "").startswith("jdbc:postgresql://postgres:"):
    problems.append("the instances do not use the postgres service")
for name, service in services.items():
    for volume in service.get("volumes", []):
        source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
        if source.startswith("/") and not os.path.exists(source):
            problems.append(f"{name} mounts {source}, which does not exist")
if problems:
    for p in problems:
        print(f"  compose: {p}", file=sys.stderr)
    sys.exit(1)
print(f"  compose: {len(services)} services, instances {ids}, every mounted file present")
