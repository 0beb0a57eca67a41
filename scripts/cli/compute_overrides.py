#!/usr/bin/env python3
"""Compute ``generators/data/cli-overrides.json``: golden CLI minus baseline rules.

The C# catalogue derives every model-driven command from botocore with the
rules of ``baseline.py``.  This script records every place where the real
AWS CLI (``tests/golden/cli-commands.json.gz``, from ``dump_golden.py``)
differs from those rules, for botocore-backed commands only (operation
commands and ``wait`` commands).  Custom commands such as ``s3 cp`` are not
part of the delta; they live in ``cli-customizations.json``.

SCHEMA (every key optional; all maps and lists sorted)::

    {
      "removedServices": ["<botocore name>", ...],
          # botocore services the CLI does not expose at all (v2: sms-voice)
      "serviceRenames": {"<botocore name>": "<cli name>"},
          # the botocore service is exposed under another top-level name
      "serviceAliases": {"<cli alias>": "<botocore name>"},
          # an additional top-level name for a botocore service; the alias
          # gets its own copy of the baseline and its own overrides below
      "hiddenServices": ["<cli name>", ...],
          # top-level commands not listed in ``aws help``
      "addedCommands": {"<cli svc>": {"<command>": "<OperationName>"}},
          # extra command names bound to an operation (legacy aliases, rds
          # add-option-to-option-group, ...); arguments come from the baseline
          # rules for that operation, then "commands" below
      "removedCommands": {"<cli svc>": ["<command>", ...]},
          # baseline commands the CLI does not have as model-driven commands
          # (dropped, or replaced by a custom command of the same name)
      "hiddenCommands": {"<cli svc>": ["<command>", ...]},
          # commands hidden although the baseline shows them
      "shownCommands": {"<cli svc>": ["<command>", ...]},
          # commands shown although the baseline hides them (deprecated op)
      "commands": {"<cli svc>": {"<command>": {
          "remove": ["<arg>", ...],            # 1. drop baseline arguments
          "rename": {"<old arg>": "<new arg>"}, # 2. same record, new name
          "set": {"<arg>": {"required": false, "hidden": true,
                            "positional": false, "member": null,
                            "nargs": "?", "repeatable": false}},
                                                # 3. changed fields only
          "add": [{"name": "--x", "required": false, "hidden": false,
                   "positional": false, "member": null}]
                                                # 4. new arguments (full records)
      }}}
    }

Services are keyed by their CLI name (``s3api``, ``deploy``, ``configservice``,
``runtime.sagemaker``); commands by their full name below the service
(``wait bucket-exists``).  The entries of one command are applied in the
order remove, rename, set, add (see ``overrides.apply_command_delta``);
per service, addedCommands, removedCommands, hidden/shownCommands and then
commands are applied in that order (``overrides.build_model_commands``).

Renames are detected through ``member``: a baseline argument missing from the
CLI and a CLI argument missing from the baseline that serialise to the same
input member (exactly one of each) form a rename.  Everything else is a
remove or an add.

Usage: python scripts/cli/compute_overrides.py [--golden PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

import cli_dialect  # noqa: F401  (picks the CLI before botocore is imported)
import baseline as baseline_rules
from jsonio import read_json, write_json

DEFAULT_GOLDEN = cli_dialect.golden_path()
DEFAULT_OUTPUT = cli_dialect.data_path("cli-overrides.json")

ARGUMENT_FIELDS = ("required", "hidden", "positional", "member", "nargs", "repeatable")


def _operations(commands: list[dict] | dict) -> set[str]:
    values = commands.values() if isinstance(commands, dict) else commands
    return {c["operation"] for c in values if c["operation"]}


def match_services(golden: list[dict], baseline: dict[str, dict]) -> dict[str, str]:
    """Map each model-driven golden service to the botocore service behind it.

    A golden service is model-driven when at least one of its commands has an
    operation.  It is matched to the botocore service with the largest
    operation overlap, preferring the same name on ties.
    """
    mapping = {}
    for service in golden:
        operations = _operations(service["commands"])
        if not operations:
            continue  # a custom top-level command (configure, history, s3)
        mapping[service["name"]] = max(
            baseline,
            key=lambda b: (len(operations & _operations(baseline[b])), b == service["name"]),
        )
    return mapping


def diff_arguments(base: dict[str, dict], real: dict[str, dict]) -> dict[str, Any]:
    """The per-command delta (remove/rename/set/add) from ``base`` to ``real``."""
    removed = sorted(set(base) - set(real))
    added = sorted(set(real) - set(base))

    # Pair removed and added arguments through their (non-null) member.
    by_member: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for name in removed:
        if base[name]["member"] is not None:
            by_member[base[name]["member"]][0].append(name)
    for name in added:
        if real[name]["member"] is not None:
            by_member[real[name]["member"]][1].append(name)
    renames = {olds[0]: news[0] for olds, news in by_member.values()
               if len(olds) == 1 and len(news) == 1}

    delta: dict[str, Any] = {}
    remove = [name for name in removed if name not in renames]
    if remove:
        delta["remove"] = remove
    if renames:
        delta["rename"] = dict(sorted(renames.items()))

    settings = {}
    compared = [(n, n) for n in sorted(set(base) & set(real))] + list(renames.items())
    for old, new in sorted(compared, key=lambda pair: pair[1]):
        changed = {f: real[new][f] for f in ARGUMENT_FIELDS if base[old][f] != real[new][f]}
        if changed:
            settings[new] = changed
    if settings:
        delta["set"] = settings

    renamed_to = set(renames.values())
    add = [real[name] for name in added if name not in renamed_to]
    if add:
        delta["add"] = add
    return delta


def compute_overrides(golden: dict, baseline: dict[str, dict], data_dir: Path) -> dict[str, Any]:
    """The overrides document for ``golden`` against ``baseline`` (computed from ``data_dir``)."""
    services = golden["services"]
    mapping = match_services(services, baseline)

    renames, aliases = {}, {}
    for cli_name, botocore_name in mapping.items():
        if cli_name == botocore_name:
            continue
        # If the botocore name is itself a model-driven CLI service, the extra
        # name is an alias; otherwise the service was renamed.
        if mapping.get(botocore_name) == botocore_name:
            aliases[cli_name] = botocore_name
        else:
            renames[botocore_name] = cli_name
    unexposed = sorted(set(baseline) - set(mapping.values()))

    added_commands: dict[str, dict[str, str]] = {}
    removed_commands: dict[str, list[str]] = {}
    hidden_commands: dict[str, list[str]] = {}
    shown_commands: dict[str, list[str]] = {}
    command_deltas: dict[str, dict[str, Any]] = {}
    rules: dict[str, baseline_rules.ServiceBaseline] = {}

    for service in services:
        cli_name = service["name"]
        if cli_name not in mapping:
            continue
        botocore_name = mapping[cli_name]
        base = baseline[botocore_name]
        real = {c["name"]: c for c in service["commands"] if c["operation"] is not None}

        removed = sorted(set(base) - set(real))
        if removed:
            removed_commands[cli_name] = removed
        added = {name: real[name]["operation"] for name in sorted(set(real) - set(base))}
        if added:
            added_commands[cli_name] = added
            if botocore_name not in rules:
                rules[botocore_name] = baseline_rules.ServiceBaseline.load(data_dir / botocore_name)

        hidden, shown, deltas = [], [], {}
        for name in sorted(real):
            if name in base:
                expected = base[name]
                if expected["operation"] != real[name]["operation"]:
                    raise SystemExit(f"{cli_name} {name}: operation differs from baseline")
            else:
                expected = rules[botocore_name].command(name, added[name])
            if real[name]["hidden"] and not expected["hidden"]:
                hidden.append(name)
            elif expected["hidden"] and not real[name]["hidden"]:
                shown.append(name)
            delta = diff_arguments(expected["arguments"],
                                   {a["name"]: a for a in real[name]["arguments"]})
            if delta:
                deltas[name] = delta
        if hidden:
            hidden_commands[cli_name] = hidden
        if shown:
            shown_commands[cli_name] = shown
        if deltas:
            command_deltas[cli_name] = deltas

    hidden_services = sorted(s["name"] for s in services if s["hidden"])
    overrides = {
        "removedServices": unexposed,
        "serviceRenames": dict(sorted(renames.items())),
        "serviceAliases": dict(sorted(aliases.items())),
        "hiddenServices": hidden_services,
        "addedCommands": added_commands,
        "removedCommands": removed_commands,
        "hiddenCommands": hidden_commands,
        "shownCommands": shown_commands,
        "commands": command_deltas,
    }
    return overrides


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--botocore-data", type=Path, default=baseline_rules.default_data_dir(),
                        help="botocore data directory (default: the repository's botocore-data)")
    args = parser.parse_args()
    golden = read_json(args.golden)
    check_data_version(args.botocore_data, golden["botocore"])
    overrides = compute_overrides(golden, baseline_rules.load_baseline(args.botocore_data),
                                  args.botocore_data)
    write_json(args.output, overrides)
    print(f"wrote {args.output}")
    for kind, count in delta_sizes(overrides).items():
        print(f"  {kind:28} {count}")


def check_data_version(data_dir: Path, expected: str) -> None:
    """Refuse to diff against a vendored botocore copy of another version."""
    version_file = data_dir / "VERSION"
    if version_file.exists():
        found = version_file.read_text(encoding="utf-8").strip()
        if found != expected:
            raise SystemExit(f"{data_dir} holds botocore {found}, the golden file {expected}")


def delta_sizes(overrides: dict[str, Any]) -> dict[str, int]:
    """Number of entries of each kind in an overrides document (for reports)."""
    sizes = {
        "removedServices": len(overrides["removedServices"]),
        "serviceRenames": len(overrides["serviceRenames"]),
        "serviceAliases": len(overrides["serviceAliases"]),
        "hiddenServices": len(overrides["hiddenServices"]),
    }
    for key in ("addedCommands", "removedCommands", "hiddenCommands", "shownCommands"):
        sizes[key] = sum(len(v) for v in overrides[key].values())
    commands = [delta for per_service in overrides["commands"].values() for delta in per_service.values()]
    sizes["commands (with arg deltas)"] = len(commands)
    for key in ("remove", "rename", "set", "add"):
        sizes[f"  arguments {key}"] = sum(len(delta.get(key, ())) for delta in commands)
    return sizes


if __name__ == "__main__":
    main()
