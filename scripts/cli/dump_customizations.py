#!/usr/bin/env python3
"""Dump the AWS CLI's custom (non-botocore) commands to ``generators/data/cli-customizations.json``.

A custom command is any command of the CLI tree (see ``cli_tables.py``) that
is not backed by a botocore operation: ``s3 cp``, ``configure set``,
``history show``, ``cloudformation deploy``, ``emr create-cluster``, ...
Operation commands and ``wait`` commands are derived from botocore models by
the C# generator (baseline + ``cli-overrides.json``) and are not dumped here.

Help text is rendered in-process exactly as the CLI does (``awscli`` doc
events -> ReST), then converted to plain text by ``rst_text.py``.

Output format (deterministic; commands sorted by service then name)::

    {"awscli": "1.45.11", "botocore": "1.43.11",
     "groups": [                              # custom command groups
       {"service": "s3", "name": "",          # "" = the top-level command itself
        "topLevel": true, "hidden": false,
        "summary": "one line", "description": "text",
        "subcommands": ["cp", "ls", ...],     # as listed by its help
        "helpPage": "NAME ... DESCRIPTION ... AVAILABLE COMMANDS ..."}],
     "commands": [
       {"service": "s3", "name": "cp", "hidden": false,
        "summary": "one line", "description": "text", "synopsis": "text",
        "arguments": [
          {"name": "--recursive", "required": false, "positional": false,
           "hidden": false, "type": "boolean", "nargs": null,
           "choices": null, "help": "text"}],
        "examples": "text" | null,
        "helpPage": "NAME / DESCRIPTION / SYNOPSIS / OPTIONS / EXAMPLES"}]}

``type`` is the type shown in help (``string``, ``boolean``, ``integer``,
``list``, ``structure``, ...), ``nargs`` the argparse nargs (``+``, ``*``,
``?`` or null), ``choices`` the allowed values or null.  Arguments are sorted
by name; all custom arguments have member null in the golden file.  The
``GLOBAL OPTIONS`` section is left out of every help page (it is the same
everywhere), but the synopsis keeps the global options as the CLI prints them.

Usage: python scripts/cli/dump_customizations.py [--output PATH]
"""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path
from typing import Any

import cli_dialect  # noqa: F401  (picks the CLI before awscli is imported)
from awscli.bcdoc import docevents
from awscli.bcdoc.restdoc import ReSTDocument
from awscli.customizations.commands import BasicCommand
from awscli.customizations.waiters import WaitCommand

import cli_tables
from jsonio import REPO_ROOT, write_json
from rst_text import rst_to_text

DEFAULT_OUTPUT = cli_dialect.data_path("cli-customizations.json")

_SECTION = re.compile(r"^([A-Z][A-Z ]+)$", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def summarize(description: str) -> str:
    """First sentence of the first paragraph, on one line."""
    paragraph = description.strip().split("\n\n", 1)[0]
    paragraph = " ".join(paragraph.split())
    return _SENTENCE_END.split(paragraph, 1)[0] if paragraph else ""


def split_sections(text: str) -> dict[str, str]:
    """Split rendered help text into ``{"DESCRIPTION": body, ...}``."""
    sections: dict[str, str] = {}
    matches = list(_SECTION.finditer(text))
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(text)
        sections[match.group(1)] = text[match.end():end].strip("\n")
    return sections


class HelpRenderer:
    """Renders one command's help page and its parts, the way ``aws ... help`` does."""

    def __init__(self, command: Any) -> None:
        self.help = command.create_help_command()
        self.handler = self.help.EventHandlerClass(self.help)
        try:
            docevents.generate_events(self.help.session, self.help)
            self.page_rst = self.help.doc.getvalue()
            self.page_text = rst_to_text(self.page_rst)
            self.sections = split_sections(self.page_text)
            self.arguments = {name: self._argument_help(name) for name in self.help.arg_table}
            # Grouped arguments (--x | --no-x) are documented once, on the
            # group: every member of the group shares that text.
            for members in self.handler._arg_groups.values():
                for member in members[1:]:
                    self.arguments[member.name] = self.arguments[members[0].name]
        finally:
            self.handler.unregister()

    def _argument_help(self, name: str) -> str:
        """Help of one option: what the OPTIONS section prints, minus the header line."""
        page_doc = self.help.doc
        self.help.doc = ReSTDocument(target="man")
        try:
            # Emit the same two events docevents emits per option, so every
            # registered handler (type, enums, nested structure, shorthand and
            # JSON syntax) contributes exactly as on the full page.
            self.handler._documented_arg_groups = []  # document grouped args individually
            event_class = self.help.event_class
            for event in ("doc-option", "doc-option-example"):
                self.help.session.emit(f"{event}.{event_class}.{name}",
                                       arg_name=name, help_command=self.help)
            rst = self.help.doc.getvalue().decode("utf-8")
        finally:
            self.help.doc = page_doc
        # First line is "``--name`` (type)"; the rest is the documentation.
        return rst_to_text(rst.split("\n", 1)[1] if "\n" in rst else "", fragment=True)

    def type_name(self, argument: Any) -> str:
        return self.handler._get_argument_type_name(argument.argument_model, argument.cli_type_name)

    def description(self) -> str:
        return rst_to_text(self.help.description or "", fragment=True)

    def examples(self) -> str | None:
        examples = self.help.examples
        return rst_to_text(examples, fragment=True) if examples else None

    def synopsis(self) -> str:
        return textwrap.dedent(self.sections.get("SYNOPSIS", "")).strip("\n")

    def help_page(self, full_name: str, summary: str) -> str:
        name = f"NAME\n\n{full_name}" + (f" - {summary}" if summary else "")
        return f"{name}\n\n{self.page_text}\n"


def describe_argument(renderer: HelpRenderer, argument: Any) -> dict[str, Any]:
    record = cli_tables.describe_argument(argument)
    if record["member"] is not None:
        raise SystemExit(f"custom argument {record['name']} maps to member {record['member']}")
    choices = argument.choices
    return {
        "name": record["name"],
        "required": record["required"],
        "positional": record["positional"],
        "hidden": record["hidden"],
        "type": renderer.type_name(argument),
        "nargs": record["nargs"],
        "repeatable": record["repeatable"],
        "choices": list(choices) if choices else None,
        "help": renderer.arguments[argument.name],
    }


def describe_command(node: cli_tables.CommandNode) -> dict[str, Any]:
    renderer = HelpRenderer(node.command)
    description = renderer.description()
    summary = summarize(description)
    arguments = [describe_argument(renderer, arg) for arg in node.arg_table.values()]
    return {
        "service": node.service,
        "name": node.name,
        "hidden": node.hidden,
        "summary": summary,
        "description": description,
        "synopsis": renderer.synopsis(),
        "arguments": sorted(arguments, key=lambda a: a["name"]),
        "examples": renderer.examples(),
        "helpPage": renderer.help_page(" ".join(p for p in ("aws", node.service, node.name) if p), summary),
    }


def describe_group(service: str, name: str, command: Any, hidden: bool) -> dict[str, Any]:
    renderer = HelpRenderer(command)
    description = renderer.description()
    summary = summarize(description)
    listed = renderer.help.command_table or {}
    full_name = " ".join(part for part in ("aws", service, name) if part)
    return {
        "service": service,
        "name": name,
        "topLevel": name == "",
        "hidden": hidden,
        "summary": summary,
        "description": description,
        "subcommands": sorted(n for n, c in listed.items() if not hasattr(c, "_UNDOCUMENTED")),
        "helpPage": renderer.help_page(full_name, summary),
    }


def _custom_groups(service: cli_tables.ServiceNode) -> list[tuple[str, Any]]:
    """(name, command) of every custom group whose help lists subcommands."""
    found = []

    def visit(name: str, command: Any) -> None:
        if not isinstance(command, BasicCommand) or isinstance(command, WaitCommand):
            return
        # Build the subcommand table before anything touches the argument
        # table, as the CLI does (see cli_tables: s3 sync depends on it).
        children = command.subcommand_table
        if command.create_help_command().command_table:
            found.append((name, command))
        for child_name, child in children.items():
            visit(f"{name} {child_name}".strip(), child)

    if service.botocore_name is None:
        visit("", service.command)
    else:
        for child_name, child in service.command._get_command_table().items():
            visit(child_name, child)
    return found


def build_customizations() -> dict[str, Any]:
    driver = cli_tables.create_isolated_driver()
    groups, commands = [], []
    for service in cli_tables.iter_services(driver):
        for name, command in _custom_groups(service):
            groups.append(describe_group(service.name, name, command,
                                         service.hidden if name == "" else hasattr(command, "_UNDOCUMENTED")))
        for node in cli_tables.iter_commands(service):
            if node.operation_name is None:
                commands.append(describe_command(node))
    return {
        "awscli": cli_tables.AWSCLI_VERSION,
        "botocore": cli_tables.BOTOCORE_VERSION,
        "groups": sorted(groups, key=lambda g: (g["service"], g["name"])),
        "commands": sorted(commands, key=lambda c: (c["service"], c["name"])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    data = build_customizations()
    write_json(args.output, data)
    print(f"wrote {args.output}: {len(data['groups'])} groups, {len(data['commands'])} commands, "
          f"{args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
