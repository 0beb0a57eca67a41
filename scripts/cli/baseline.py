"""Baseline AWS CLI command model computed from botocore data files alone.

This module is the executable specification of the BASELINE RULES that the
C# catalogue generator implements.  ``compute_overrides.py`` diffs the real
CLI (the golden dump) against exactly these rules, and
``verify_roundtrip.py`` checks that baseline + overrides reproduce the
golden.  Keep this file and the C# port in lock-step: any change here must be
mirrored there (and the overrides regenerated).

Inputs, per service directory ``S`` of ``botocore/data``:

* API version: the ordinal maximum of the version directory names that hold a
  ``service-2.json[.gz]`` (botocore's own choice).
* ``service-2.json.gz``, deep-merged with the ``merge`` object of
  ``service-2.sdk-extras.json`` if present (adds e.g. rds ``SourceRegion``).
* ``paginators-1.json`` deep-merged with the ``merge`` object of
  ``paginators-1.sdk-extras.json`` if present.
* ``waiters-2.json`` if present.

Deep merge (botocore.utils.deep_merge): for every key of the extras object,
if both values are objects merge recursively, otherwise the extras value
replaces the base value.

RULES
=====

a. The CLI service name is ``S`` (renames and aliases live in the overrides).

b. Every operation ``O`` of ``service-2["operations"]`` becomes the command
   ``xform_name(O, '-')`` with ``operation = O``.  The command is hidden iff
   the operation has ``"deprecated": true``.

c. Arguments, one per member ``M`` of the operation's input shape (none when
   the operation has no input):

   * name ``"--" + xform_name(M, '-')``, member ``M``, not hidden,
     not positional;
   * required iff ``M`` is in the input shape's ``required`` list **and** the
     member reference does not carry ``"idempotencyToken": true`` (the CLI
     auto-fills idempotency tokens, so they are always optional);
   * if ``M``'s target shape has ``type == "boolean"``, also ``"--no-" +
     xform_name(M, '-')`` with the same member, never required, not hidden.

d. If the paginator config has an entry for ``O``:

   * every ``input_token`` (a string or a list of strings) and the
     ``limit_key`` (if any) name an input member; the arguments named
     ``"--" + xform_name(token, '-')`` become hidden.  Their ``required``
     flag is left unchanged, exactly as in the CLI (8 operations, e.g.
     cognito-identity list-identity-pools, keep a required hidden
     ``--max-results``);
   * then ``--starting-token``, ``--page-size`` (only if the paginator has a
     ``limit_key``) and ``--max-items`` are added with member null, not
     required, not hidden.  They *replace* any argument of the same name.

e. If the output shape has a ``payload`` member (``shape.payload`` names a
   member) whose target shape has ``type == "blob"`` - with or without
   ``"streaming": true``, botocore does not check the flag - add the
   positional argument ``outfile`` (required, member null, not hidden).

f. Unless rule e added ``outfile``, add ``--cli-input-json`` and
   ``--generate-cli-skeleton`` (member null, not required, not hidden); AWS
   CLI v2 also adds ``--cli-input-yaml`` (the only dialect rule here).  The
   CLI does not offer JSON input/skeletons for streaming-output commands.

g. For every waiter ``W`` of ``waiters-2.json`` (key ``waiters``): command
   ``"wait " + xform_name(W, '-')``, ``operation = W.operation``, hidden iff
   that operation is deprecated, and arguments computed by c-f for that
   operation.  The real CLI builds wait commands with the operation's
   argument machinery (``WaiterStateCommand`` is a ``ServiceOperation``), so
   pagination args, ``outfile`` and the JSON helpers appear on wait commands
   too.  Operation-specific customisations are keyed on the event
   ``building-argument-table.<svc>.<op>`` and do not reach wait commands;
   in awscli 1.45.11 no wait command differs from this rule.

h. Values (argparse ``nargs``, the ``nargs`` field; ``repeatable`` is always
   false here): a member whose target shape is a ``boolean`` and its ``--no-``
   form take none (``0``, store_true/store_false); a ``list`` takes zero or
   more (``*``); ``--generate-cli-skeleton`` takes an optional one (``?``,
   ``input`` by default); every other argument exactly one (``null``).

Ordering: the golden file sorts services, commands and arguments by name
with an ordinal (code point) comparison - ``StringComparer.Ordinal`` in C#.

Command and argument names are unique per service; if two operations ever
mapped to the same command name the later one (model order) would win, as in
the CLI.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import botocore
from botocore import xform_name

import cli_dialect

#: botocore's bundled data directory (what the installed CLI uses).
BOTOCORE_DATA = Path(botocore.__file__).parent / "data"

#: The repository's vendored copy of the same data (what the C# generator uses).
VENDORED_DATA = Path(__file__).resolve().parents[2] / "botocore-data"


def default_data_dir() -> Path:
    """The vendored ``botocore-data`` if present, else the installed botocore data."""
    return VENDORED_DATA if VENDORED_DATA.is_dir() else BOTOCORE_DATA

#: Arguments the CLI adds to every non-streaming operation command (rule f), per dialect.
JSON_HELPERS = {
    "v1": ("--cli-input-json", "--generate-cli-skeleton"),
    "v2": ("--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"),
}[cli_dialect.DIALECT]


def deep_merge(base: dict, extra: dict) -> None:
    """Merge ``extra`` into ``base`` in place (botocore.utils.deep_merge)."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = value


def _load_json(path: Path) -> Any:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(path.read_text(encoding="utf-8"))


def _load_optional(directory: Path, name: str) -> Any | None:
    """Load ``name`` (``.json`` or ``.json.gz``) from ``directory`` if it exists."""
    for candidate in (directory / name, directory / (name + ".gz")):
        if candidate.exists():
            return _load_json(candidate)
    return None


def _load_with_extras(directory: Path, type_name: str) -> dict | None:
    """Load ``<type_name>.json`` and merge ``<type_name>.sdk-extras.json``."""
    model = _load_optional(directory, type_name + ".json")
    if model is None:
        return None
    extras = _load_optional(directory, type_name + ".sdk-extras.json")
    if extras and "merge" in extras:
        deep_merge(model, extras["merge"])
    return model


def latest_version_dir(service_dir: Path) -> Path | None:
    """The ordinal-max API version directory that contains a service-2 model."""
    versions = sorted(
        d.name for d in service_dir.iterdir()
        if d.is_dir() and _exists(d, "service-2.json")
    )
    return service_dir / versions[-1] if versions else None


def _exists(directory: Path, name: str) -> bool:
    """Whether ``name`` or ``name.gz`` exists in ``directory``."""
    return (directory / name).exists() or (directory / (name + ".gz")).exists()


def _arg(name: str, member: str | None, required: bool = False, hidden: bool = False,
         positional: bool = False, nargs: str | int | None = None) -> dict[str, Any]:
    """An argument record in the golden-file format."""
    return {"name": name, "required": required, "hidden": hidden,
            "positional": positional, "member": member, "nargs": nargs, "repeatable": False}


#: argparse nargs of a member argument by its target shape type (rule h).
NARGS_BY_TYPE = {"boolean": 0, "list": "*"}


def _as_list(value: Any) -> list:
    """A paginator ``input_token`` may be a string or a list of strings."""
    return value if isinstance(value, list) else [value]


class ServiceBaseline:
    """Applies the baseline rules to one botocore service."""

    def __init__(self, name: str, model: dict, paginators: dict | None, waiters: dict | None):
        self.name = name
        self.model = model
        self.shapes: dict[str, dict] = model.get("shapes", {})
        self.paginators: dict[str, dict] = (paginators or {}).get("pagination", {})
        self.waiters: dict[str, dict] = (waiters or {}).get("waiters", {})

    @classmethod
    def load(cls, service_dir: Path) -> "ServiceBaseline | None":
        version_dir = latest_version_dir(service_dir)
        if version_dir is None:
            return None
        return cls(
            service_dir.name,
            _load_with_extras(version_dir, "service-2"),
            _load_with_extras(version_dir, "paginators-1"),
            _load_optional(version_dir, "waiters-2.json"),
        )

    # -- rules c-f ---------------------------------------------------------

    def arguments(self, operation_name: str) -> dict[str, dict[str, Any]]:
        """Argument records of an operation command, keyed by CLI name."""
        operation = self.model["operations"][operation_name]
        args: dict[str, dict[str, Any]] = {}

        # c. one argument per input member (+ --no-x for booleans)
        input_ref = operation.get("input")
        if input_ref is not None:
            input_shape = self.shapes[input_ref["shape"]]
            required = set(input_shape.get("required", []))
            for member, ref in input_shape.get("members", {}).items():
                cli = xform_name(member, "-")
                is_required = member in required and not ref.get("idempotencyToken", False)
                shape_type = self.shapes[ref["shape"]].get("type")
                nargs = NARGS_BY_TYPE.get(shape_type)
                args["--" + cli] = _arg("--" + cli, member, required=is_required, nargs=nargs)
                if shape_type == "boolean":
                    args["--no-" + cli] = _arg("--no-" + cli, member, nargs=nargs)

        # d. pagination
        paginator = self.paginators.get(operation_name)
        if paginator is not None:
            tokens = _as_list(paginator["input_token"])
            if "limit_key" in paginator:
                tokens.append(paginator["limit_key"])
            for token in tokens:
                cli = "--" + xform_name(token, "-")
                if cli in args:
                    args[cli]["hidden"] = True
            args["--starting-token"] = _arg("--starting-token", None)
            if "limit_key" in paginator:
                args["--page-size"] = _arg("--page-size", None)
            args["--max-items"] = _arg("--max-items", None)

        # e. streaming (blob payload) output
        output_ref = operation.get("output")
        if output_ref is not None:
            output_shape = self.shapes[output_ref["shape"]]
            payload = output_shape.get("payload")
            if payload is not None:
                payload_target = output_shape["members"][payload]["shape"]
                if self.shapes[payload_target].get("type") == "blob":
                    args["outfile"] = _arg("outfile", None, required=True, positional=True)

        # f. JSON input / skeleton helpers (not for streaming output)
        if "outfile" not in args:
            for name in JSON_HELPERS:
                args[name] = _arg(name, None, nargs="?" if name == "--generate-cli-skeleton" else None)
        return args

    def is_deprecated(self, operation_name: str) -> bool:
        return bool(self.model["operations"][operation_name].get("deprecated", False))

    # -- rules b and g -----------------------------------------------------

    def commands(self) -> dict[str, dict[str, Any]]:
        """All baseline commands of the service, keyed by command name."""
        commands: dict[str, dict[str, Any]] = {}
        for operation_name in self.model.get("operations", {}):
            name = xform_name(operation_name, "-")
            commands[name] = self.command(name, operation_name)
        for waiter_name, waiter in self.waiters.items():
            name = "wait " + xform_name(waiter_name, "-")
            commands[name] = self.command(name, waiter["operation"])
        return commands

    def command(self, name: str, operation_name: str) -> dict[str, Any]:
        """A baseline command record named ``name`` that calls ``operation_name``."""
        return {
            "name": name,
            "hidden": self.is_deprecated(operation_name),
            "operation": operation_name,
            "arguments": self.arguments(operation_name),
        }


def load_baseline(data_dir: Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Baseline commands for every service: ``{service: {command: record}}``.

    ``record`` is ``{"name", "hidden", "operation", "arguments"}`` where
    ``arguments`` is a dict keyed by argument name (the golden format uses a
    sorted list instead).
    """
    data_dir = data_dir or default_data_dir()
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for service_dir in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        service = ServiceBaseline.load(service_dir)
        if service is not None:
            result[service.name] = service.commands()
    return result
