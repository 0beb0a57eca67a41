#!/usr/bin/env python3
"""Dump the real AWS CLI v1 command tree to ``tests/golden/cli-commands.json.gz``.

The golden file is the ground truth for the C# catalogue test: every
top-level command, every command and every argument the installed CLI
(awscli 1.45.11 / botocore 1.43.11) really has, built in-process from
``awscli.clidriver`` command tables (see ``cli_tables.py`` for the walking
and hidden/group rules).

Format (all lists sorted by ``name``, ordinal string order)::

    {"awscli": "1.45.11", "botocore": "1.43.11",
     "services": [
       {"name": "ec2", "hidden": false,
        "commands": [
          {"name": "describe-instances", "hidden": false,
           "operation": "DescribeInstances",      # null for custom commands
           "arguments": [
             {"name": "--instance-ids", "required": false, "hidden": false,
              "positional": false, "member": "InstanceIds"}]}]}]}

* ``name`` of an argument is spelled as on the command line: ``--x``,
  ``--no-x``, or the bare name of a positional argument (``outfile``, ``paths``).
* ``member`` is the botocore input member the argument serialises to, or null
  for arguments invented by the CLI.
* Global options (``--region``, ``--output``, ...) are not included.
* Groups (``wait``, ``configure``, ``s3``...) are not commands unless they take
  arguments themselves (``cloudformation deploy``, ``ecs deploy``).

Output is deterministic: sorted, compact JSON, gzip with mtime 0.

Usage: python scripts/cli/dump_golden.py [--output PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import cli_dialect
import cli_tables
from jsonio import REPO_ROOT, write_json_gz

DEFAULT_OUTPUT = cli_dialect.golden_path()


def build_golden() -> dict[str, Any]:
    """Walk the CLI and return the golden document."""
    driver = cli_tables.create_isolated_driver()
    services = []
    for service in cli_tables.iter_services(driver):
        commands = []
        for node in cli_tables.iter_commands(service):
            arguments = [cli_tables.describe_argument(arg) for arg in node.arg_table.values()]
            commands.append({
                "name": node.name,
                "hidden": node.hidden,
                "operation": node.operation_name,
                "arguments": sorted(arguments, key=lambda a: a["name"]),
            })
        services.append({
            "name": service.name,
            "hidden": service.hidden,
            "commands": sorted(commands, key=lambda c: c["name"]),
        })
    return {
        "awscli": cli_tables.AWSCLI_VERSION,
        "botocore": cli_tables.BOTOCORE_VERSION,
        "services": services,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    golden = build_golden()
    write_json_gz(args.output, golden)
    n_commands = sum(len(s["commands"]) for s in golden["services"])
    print(f"wrote {args.output}: {len(golden['services'])} top-level commands, {n_commands} commands")


if __name__ == "__main__":
    main()
