#!/usr/bin/env python3
"""List the AWS CLI's custom commands, and check custom-command-access.json against them.

A "custom command" is any command in the CLI's command tree that is neither a generated
botocore operation (awscli.clidriver.ServiceOperation) nor a waiter ('<svc> wait ...').
The tree is walked in-process from awscli.clidriver.create_clidriver() in the isolated
environment of scripts/cli/cli_tables.py. By default that is the installed AWS CLI v1 (the
project pins 1.45.11); with AWSCLI_V2_SOURCE it is AWS CLI v2 run from source
(scripts/cli/cli_dialect.py; 2.34.50), checked against the entries whose "dialects" include it.

Usage:
  scripts/access/list_custom_commands.py            # print "<command>\t<class>" lines
  scripts/access/list_custom_commands.py --check    # exit 1 if the JSON misses or has extra commands
  AWSCLI_V2_SOURCE=/tmp/v2src /usr/bin/python3 scripts/access/list_custom_commands.py --check   # the same for v2

Group commands that only dispatch to subcommands (e.g. 's3', 'history') are reported with
class 'group'; custom-command-access.json lists them under "groups" instead of "commands".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "scripts" / "cli"))
import cli_dialect  # noqa: E402  (selects the CLI version before awscli is imported)

ACCESS_FILE = REPO_ROOT / "generators" / "data" / "access" / "custom-command-access.json"
CUSTOMIZATIONS_FILE = cli_dialect.data_path("cli-customizations.json")


def hidden_leaked_commands() -> set[str]:
    """Hidden custom commands from the CLI dump (scripts/cli/dump_customizations.py), e.g. the codedeploy
    subcommands that awscli v1 also attaches to 'cloudformation deploy' and 'ecs deploy', or v2's
    'cli-dev wizard-dev'. They are callable, so they need an access class too, although this walker
    (declared SUBCOMMANDS only) does not see them all."""
    with open(CUSTOMIZATIONS_FILE, encoding="utf-8") as f:
        dump = json.load(f)
    return {f"{c['service']} {c['name']}".strip() for c in dump["commands"] if c["hidden"]}


def walk_custom_commands() -> dict[str, str]:
    """Return {"<cli-service> <command> [<sub>]": python class name, or 'group'}."""
    import awscli
    from awscli.clidriver import ServiceCommand, ServiceOperation
    from cli_tables import create_isolated_driver

    driver = create_isolated_driver()
    found: dict[str, str] = {}

    def walk(prefix: str, table) -> None:
        for name, cmd in table.items():
            full = f"{prefix} {name}".strip()
            if isinstance(cmd, ServiceOperation) or name == "wait":
                continue  # generated operation or waiter
            if isinstance(cmd, ServiceCommand):
                walk(full, cmd._get_command_table())  # a botocore service: look inside
                continue
            # A BasicCommand customization. Only follow its *declared* SUBCOMMANDS: in awscli v1 the
            # lazily built `subcommand_table` of some commands (cloudformation deploy, ecs deploy) is
            # a dict shared through the class hierarchy and shows codedeploy's push/register/... .
            # v2 has no such leak, and builds some tables at run time (the '<svc> wizard' groups list their
            # wizard files, 'cli-dev' its hidden wizard-dev), so there the real table is the truth.
            declared = ([s["name"] for s in getattr(cmd, "SUBCOMMANDS", [])] if cli_dialect.DIALECT == "v1"
                        else list(cmd.subcommand_table))
            runnable_alone = name == "configure"  # `aws configure` is interactive on its own
            found[full] = "group" if declared and not runnable_alone else type(cmd).__name__
            if declared:
                walk(full, {k: v for k, v in cmd.subcommand_table.items() if k in declared})

    walk("", driver._get_command_table())
    found["_awscli_version"] = awscli.__version__
    return found


def in_dialect(entry) -> bool:
    """Whether an access entry (a command's object, or a group's why or {why, dialects}) is for this CLI version."""
    dialects = entry.get("dialects", ["v1", "v2"]) if isinstance(entry, dict) else ["v1", "v2"]
    return cli_dialect.DIALECT in dialects


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help=f"compare with {ACCESS_FILE.name}")
    args = ap.parse_args()

    found = walk_custom_commands()
    version = found.pop("_awscli_version")
    if not args.check:
        print(f"# awscli {version}: {sum(1 for c in found.values() if c != 'group')} commands, "
              f"{sum(1 for c in found.values() if c == 'group')} groups")
        for name in sorted(found):
            print(f"{name}\t{found[name]}")
        return 0

    with open(ACCESS_FILE, encoding="utf-8") as f:
        doc = json.load(f)
    listed = {n for n, e in doc["commands"].items() if in_dialect(e)}
    groups = {n for n, e in doc.get("groups", {}).items() if in_dialect(e)}
    want_cmds = {n for n, c in found.items() if c != "group"} | hidden_leaked_commands()
    want_groups = {n for n, c in found.items() if c == "group"}
    problems = []
    problems += [f"missing command: {n}" for n in sorted(want_cmds - listed)]
    problems += [f"not a {cli_dialect.DIALECT} {version} custom command (its \"dialects\"?): {n}" for n in sorted(listed - want_cmds)]
    problems += [f"missing group: {n}" for n in sorted(want_groups - groups)]
    problems += [f"unknown group: {n}" for n in sorted(groups - want_groups)]
    bad_class = [n for n, e in doc["commands"].items() if e.get("class") not in
                 ("read", "write", "destructive", "sensitive-read") or not e.get("why")
                 or not set(e.get("dialects", ["v1", "v2"])) <= {"v1", "v2"}]
    problems += [f"bad class or missing why: {n}" for n in bad_class]
    for p in problems:
        print(p)
    print(f"awscli {version} ({cli_dialect.DIALECT}): {len(want_cmds)} custom commands, {len(want_groups)} groups; "
          f"{'OK' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
