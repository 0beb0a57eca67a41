"""Apply ``cli-overrides.json`` (and ``cli-customizations.json``) to the baseline.

This is the reference implementation of how the C# catalogue combines its
three inputs into the final CLI command set:

1. the baseline computed from botocore data (``baseline.py``),
2. the delta file ``generators/data/cli-overrides.json`` (schema documented
   in ``compute_overrides.py`` and ``README.md``),
3. the custom commands of ``generators/data/cli-customizations.json``.

The result has exactly the golden-file shape, so ``verify_roundtrip.py`` can
compare it with ``tests/golden/cli-commands.json.gz``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import baseline as baseline_rules


def cli_services(baseline: dict[str, dict], overrides: dict) -> dict[str, str]:
    """Map every model-driven CLI service name to its botocore service name."""
    renames: dict[str, str] = overrides.get("serviceRenames", {})
    removed = set(overrides.get("removedServices", []))
    services = {renames.get(name, name): name for name in baseline if name not in removed}
    for alias, target in overrides.get("serviceAliases", {}).items():
        services[alias] = target
    return services


def apply_command_delta(arguments: dict[str, dict], delta: dict) -> dict[str, dict]:
    """Apply one ``commands[svc][cmd]`` entry: remove, rename, set, add - in that order."""
    arguments = copy.deepcopy(arguments)
    for name in delta.get("remove", []):
        del arguments[name]
    for old, new in delta.get("rename", {}).items():
        record = arguments.pop(old)
        record["name"] = new
        arguments[new] = record
    for name, fields in delta.get("set", {}).items():
        arguments[name].update(fields)
    for record in delta.get("add", []):
        arguments[record["name"]] = dict(record)
    return arguments


def build_model_commands(baseline: dict[str, dict], overrides: dict, data_dir: Path,
                         botocore_service: str, cli_service: str) -> dict[str, dict]:
    """All model-driven (operation and wait) commands of one CLI service."""
    commands = copy.deepcopy(baseline[botocore_service])

    # Extra command names bound to existing operations (hidden legacy aliases,
    # rds add-option-to-option-group, ...): built with the baseline rules.
    added = overrides.get("addedCommands", {}).get(cli_service, {})
    if added:
        source = baseline_rules.ServiceBaseline.load(data_dir / botocore_service)
        for name, operation in added.items():
            commands[name] = source.command(name, operation)

    for name in overrides.get("removedCommands", {}).get(cli_service, []):
        del commands[name]
    for name in overrides.get("hiddenCommands", {}).get(cli_service, []):
        commands[name]["hidden"] = True
    for name in overrides.get("shownCommands", {}).get(cli_service, []):
        commands[name]["hidden"] = False
    for name, delta in overrides.get("commands", {}).get(cli_service, {}).items():
        commands[name]["arguments"] = apply_command_delta(commands[name]["arguments"], delta)
    return commands


def _golden_command(record: dict[str, Any]) -> dict[str, Any]:
    arguments = record["arguments"]
    if isinstance(arguments, dict):
        arguments = list(arguments.values())
    return {
        "name": record["name"],
        "hidden": record["hidden"],
        "operation": record["operation"],
        "arguments": sorted(arguments, key=lambda a: a["name"]),
    }


def _custom_argument(argument: dict[str, Any]) -> dict[str, Any]:
    """Reduce a customisation argument to the golden argument record."""
    return {
        "name": argument["name"],
        "required": argument["required"],
        "hidden": argument["hidden"],
        "positional": argument["positional"],
        "member": None,
        "nargs": argument["nargs"],
        "repeatable": argument["repeatable"],
    }


def build_cli(baseline: dict[str, dict], overrides: dict, customizations: dict,
              data_dir: Path) -> list[dict]:
    """The complete CLI command tree in golden-file format (``services`` list).

    ``baseline`` must have been computed from ``data_dir``.
    """
    hidden_services = set(overrides.get("hiddenServices", []))
    services: dict[str, dict[str, dict]] = {}
    for cli_name, botocore_name in cli_services(baseline, overrides).items():
        services[cli_name] = build_model_commands(baseline, overrides, data_dir, botocore_name, cli_name)

    # Custom commands (botocore-less) come from the customisation dump.
    for group in customizations.get("groups", []):
        if group["topLevel"]:
            services.setdefault(group["service"], {})
    for command in customizations["commands"]:
        services.setdefault(command["service"], {})[command["name"]] = {
            "name": command["name"],
            "hidden": command["hidden"],
            "operation": None,
            "arguments": [_custom_argument(a) for a in command["arguments"]],
        }

    return [
        {
            "name": name,
            "hidden": name in hidden_services,
            "commands": sorted((_golden_command(c) for c in services[name].values()),
                               key=lambda c: c["name"]),
        }
        for name in sorted(services)
    ]
