"""Shared helpers: build the AWS CLI v1 command tables in-process and walk them.

The AWS CLI (v1, package ``awscli``) assembles its command tree lazily from
botocore models plus a large set of event-handler "customizations".  This
module builds that tree exactly as ``aws`` would, but inside this Python
process (no ``aws help`` sub-processes), and exposes it as a flat list of
:class:`CommandNode` objects.

The CLI reads user configuration (``~/.aws/config``, ``~/.aws/cli/alias``,
``AWS_*`` environment variables) while building its tables: e.g. a
``[preview]`` section enables preview services and aliases add top-level
commands.  :func:`create_isolated_driver` hides all of that so every dump is
reproducible on any machine.

Walking rules (shared by every dump script):

* Top-level commands are the keys of the driver's command table (service
  commands, aliases such as ``runtime.sagemaker``, and the custom top-level
  commands ``configure``, ``history`` and ``s3``).
* A service command's children come from ``ServiceCommand._get_command_table()``;
  a custom (``BasicCommand``) command's children from its ``subcommand_table``.
* Nested command names are joined with a single space (``wait instance-running``).
* A command that has children is a *group*.  A group is emitted as a command of
  its own only when it is invocable with arguments, i.e. its own argument
  table is non-empty (``cloudformation deploy``, ``ecs deploy``).  Pure groups
  such as ``<svc> wait`` (which only prints a usage error) and ``configure``
  (interactive prompt without arguments) are not emitted.
* Order matters: a custom command's subcommand table is always built before
  its argument table, as ``BasicCommand.__call__`` does.  Building the
  subcommand table fires ``building-command-table.<name>`` events that some
  customisations use to register argument providers (``s3 sync`` gets
  ``--delete``, ``--size-only`` and ``--exact-timestamps`` that way).
* Hidden: a command is hidden when it carries an ``_UNDOCUMENTED`` attribute
  (the test ``docevents.py`` uses) or when the parent's help page does not
  list it (``BasicCommand`` help only lists the class-level ``SUBCOMMANDS``,
  so subcommands injected by events are invisible there).  An argument is
  hidden when ``getattr(arg, '_UNDOCUMENTED', False)`` is true.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Iterator

# Isolation must happen before awscli/botocore read any configuration, which
# only occurs when a session is created; importing the modules is harmless.
# cli_dialect picks the CLI (installed v1, or a v2 source tree) before awscli is imported.
import cli_dialect  # noqa: F401  (must come first)
import awscli
import botocore
from awscli.arguments import CLIArgument
from awscli.clidriver import CLIDriver, ServiceCommand, ServiceOperation, create_clidriver
from awscli.customizations.commands import BasicCommand

AWSCLI_VERSION: str = awscli.__version__
BOTOCORE_VERSION: str = cli_dialect.models_version(botocore.__version__)


@dataclass
class CommandNode:
    """One invocable CLI command (a leaf, or a group that takes arguments)."""

    service: str                 # top-level CLI name, e.g. "s3api", "configure"
    name: str                    # path below the service, e.g. "wait bucket-exists"
    command: Any                 # the awscli command object
    hidden: bool
    children: list[str] = field(default_factory=list)  # subcommand names, if a group

    @property
    def operation_name(self) -> str | None:
        """The botocore operation behind the command, or None for custom commands."""
        if isinstance(self.command, ServiceOperation):
            return self.command._operation_model.name
        return None

    @property
    def arg_table(self) -> dict[str, Any]:
        return self.command.arg_table


@dataclass
class ServiceNode:
    """One top-level CLI command (a service, an alias or a custom command)."""

    name: str
    command: Any
    hidden: bool

    @property
    def botocore_name(self) -> str | None:
        """botocore service name for model-driven services, None for custom ones."""
        if isinstance(self.command, ServiceCommand):
            return self.command._service_name
        return None


def create_isolated_driver() -> CLIDriver:
    """Create a CLIDriver that ignores the user's configuration and environment.

    All ``AWS_*`` variables are removed and ``HOME`` plus the config and
    credentials file locations point at an empty temporary directory, so no
    profile, preview flag, alias or api_versions pin can change the tables.
    """
    empty_home = tempfile.mkdtemp(prefix="awscli-dump-home-")
    for key in list(os.environ):
        if key.startswith("AWS_"):
            del os.environ[key]
    os.environ["HOME"] = empty_home
    os.environ["AWS_CONFIG_FILE"] = os.path.join(empty_home, "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(empty_home, "credentials")
    return create_clidriver()


def _child_table(command: Any) -> dict[str, Any]:
    """The subcommand table of any command object (empty for leaves)."""
    if isinstance(command, ServiceCommand):
        return command._get_command_table()
    if isinstance(command, BasicCommand):
        return command.subcommand_table
    return {}


def _documented_children(command: Any, children: dict[str, Any]) -> set[str]:
    """Names of the subcommands that ``<command> help`` lists."""
    if isinstance(command, BasicCommand):
        # BasicCommand help lists only the class-level SUBCOMMANDS (WaitCommand
        # overrides create_help_command to use the full subcommand table).
        help_table = command.create_help_command().command_table
    else:
        help_table = children
    return {name for name, cmd in help_table.items() if not hasattr(cmd, "_UNDOCUMENTED")}


def iter_services(driver: CLIDriver) -> Iterator[ServiceNode]:
    """Yield every top-level command, sorted by name."""
    table = driver._get_command_table()
    for name in sorted(table):
        command = table[name]
        yield ServiceNode(name=name, command=command, hidden=hasattr(command, "_UNDOCUMENTED"))


def iter_commands(service: ServiceNode) -> Iterator[CommandNode]:
    """Yield every emitted command below a top-level command (unsorted).

    A custom top-level command that takes arguments itself (v2's ``login`` and
    ``logout``) is emitted as a command with the empty name.
    """
    if isinstance(service.command, BasicCommand) and service.command.arg_table:
        yield CommandNode(service.name, "", service.command, service.hidden,
                          sorted(_child_table(service.command)))
    yield from _walk(service.name, [], service.command, parent_hidden=False)


def _walk(service: str, path: list[str], parent: Any, parent_hidden: bool) -> Iterator[CommandNode]:
    children = _child_table(parent)
    documented = _documented_children(parent, children)
    for child_name, child in children.items():
        child_path = path + [child_name]
        hidden = parent_hidden or child_name not in documented
        # Subcommand table first (see the module docstring), then arguments.
        grandchildren = _child_table(child) if isinstance(child, BasicCommand) else {}
        if grandchildren:
            if child.arg_table:
                yield CommandNode(service, " ".join(child_path), child, hidden, sorted(grandchildren))
            yield from _walk(service, child_path, child, hidden)
        else:
            yield CommandNode(service, " ".join(child_path), child, hidden)


def argument_member(argument: Any) -> str | None:
    """The botocore input member an argument serialises to, or None if custom.

    Only ``CLIArgument`` (and subclasses: list, boolean, and customisations that
    keep the model-driven behaviour) map one-to-one onto an input member;
    every other argument class is a CLI invention (pagination, skeletons,
    ``outfile``, the ec2 security-group shortcuts, ...).
    """
    if isinstance(argument, CLIArgument):
        return argument._serialized_name
    return None


def is_positional(argument: Any) -> bool:
    """Whether argparse parses the argument positionally.

    argparse treats any name without a leading dash as positional; the
    streaming ``outfile`` argument relies on that without setting
    ``positional_arg``.
    """
    return bool(argument.positional_arg) or not argument.cli_name.startswith("-")


def is_required(argument: Any) -> bool:
    """Whether the command fails without the argument.

    This is ``argument.required``, except that a positional argument is
    required unless its ``nargs`` is ``?`` or ``*`` (argparse semantics;
    ``s3 cp``'s ``paths`` has ``required`` unset but ``nargs=2``).
    """
    if is_positional(argument) and argument.nargs not in ("?", "*"):
        return True
    return bool(argument.required)


def parser_action(argument: Any) -> argparse.Action:
    """The argparse action the CLI's parser gets for the argument.

    The argument adds itself to a parser exactly as the CLI's own parser does;
    its class alone does not say how many values it takes (a ``CustomArgument``
    may be a list with ``nargs='+'``, an ec2 boolean attribute takes ``?``).
    """
    parser = argparse.ArgumentParser(add_help=False)
    argument.add_to_parser(parser)
    return parser._actions[-1]


def value_count(action: argparse.Action) -> str | int | None:
    """argparse's ``nargs``: None (one value), 0 (a flag), ``?``, ``*``, ``+`` or a count."""
    if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction, argparse._StoreConstAction)):
        return 0
    return action.nargs


def describe_argument(argument: Any) -> dict[str, Any]:
    """The golden-file record of one argument."""
    action = parser_action(argument)
    return {
        "name": argument.cli_name,
        "required": is_required(argument),
        "hidden": bool(getattr(argument, "_UNDOCUMENTED", False)),
        "positional": is_positional(argument),
        "member": argument_member(argument),
        "nargs": value_count(action),
        # A repeated option adds to the earlier values instead of replacing them (s3 --include/--exclude).
        "repeatable": isinstance(action, argparse._AppendAction),
    }
