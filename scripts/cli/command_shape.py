"""Where the options of an ``aws …`` command line are, and what the CLI knows about each (for ``broken_variants``).

The arity of every option comes from the CLI's own argparse parsers (the main parser for global options, an
``ArgTableArgParser`` over the command's argument table for the rest), and the botocore shape of a value from the
argument's ``argument_model``: nothing is listed by hand. Only lines the CLI accepted are parsed, so an option that
is neither a command nor a global option (an abbreviation, say) makes the line unusable rather than guessed at.
"""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass, field
from typing import Any

import cli_dialect  # noqa: F401  (picks v1 or the v2 source before awscli is imported)
from awscli.argparser import ArgTableArgParser
from awscli.clidriver import ServiceCommand, ServiceOperation
from awscli.customizations.commands import BasicCommand


@dataclass
class Option:
    name: str                # as written, without any "=value": --instance-ids
    start: int               # index of the option word
    end: int                 # one past its last value
    values: list[str]
    inline: bool             # written --name=value
    nargs: Any               # argparse: None (one value), 0 (flag), "?", "*", "+"
    argument: Any = None     # the command's argument object; None for a global option

    @property
    def shape(self):
        """The botocore shape of the value, or None (custom arguments, globals)."""
        return getattr(self.argument, "argument_model", None) if self.argument is not None else None


@dataclass
class Parsed:
    words: list[str]
    service: str
    path: list[str]                  # command names below the service: ["describe-instances"], ["wait", "x"]
    body: int                        # index of the first word after the command path
    command: Any
    options: list[Option] = field(default_factory=list)          # command options, in order
    global_options: list[Option] = field(default_factory=list)
    actions: dict = field(default_factory=dict)                  # option string -> argparse action (command)
    global_actions: dict = field(default_factory=dict)

    @property
    def operation_model(self):
        return self.command._operation_model if isinstance(self.command, ServiceOperation) else None

    @property
    def head(self) -> list[str]:
        """The words up to and including the command path (global options written before it included)."""
        return self.words[:self.body]

    def option_names(self) -> set[str]:
        """Every option string argparse would match an abbreviation against: the command's and the globals'."""
        return set(self.actions) | set(self.global_actions)

    def arguments(self) -> list[tuple[str, Any, Any]]:
        """(option string, argument, argparse action) of every option of the command, in table order."""
        result = []
        for argument in self.command.arg_table.values():
            name = argument.cli_name
            if name.startswith("--") and name in self.actions and not getattr(argument, "_UNDOCUMENTED", False):
                result.append((name, argument, self.actions[name]))
        return result

    def find(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


def _children(command: Any) -> dict:
    # Subcommand table before argument table, as the CLI builds them (see cli_tables: s3 sync).
    if isinstance(command, ServiceCommand):
        return command._get_command_table()
    if isinstance(command, BasicCommand):
        return command.subcommand_table
    return {}


def _option_at(words: list[str], i: int, actions: dict, arguments: dict) -> Option | None:
    word = words[i]
    name, inline = (word.split("=", 1)[0], True) if "=" in word else (word, False)
    action = actions.get(name)
    if action is None:
        return None
    nargs = action.nargs
    if inline:
        return Option(name, i, i + 1, [word.split("=", 1)[1]], True, nargs, arguments.get(name))
    end = i + 1
    if nargs is None:
        end = min(i + 2, len(words))
    elif nargs == "?":
        end = i + 2 if i + 1 < len(words) and not words[i + 1].startswith("--") else i + 1
    elif nargs in ("*", "+"):
        while end < len(words) and not words[end].startswith("--"):
            end += 1
    elif isinstance(nargs, int):
        end = min(i + 1 + nargs, len(words))
    return Option(name, i, end, words[i + 1:end], False, nargs, arguments.get(name))


class Shapes:
    """Parses command lines against one driver's command tables (build it once per process)."""

    def __init__(self, driver):
        self.driver = driver
        self.table = driver._get_command_table()
        create = getattr(driver, "_create_parser", None) or driver.create_parser
        self.global_actions = dict(create(self.table)._option_string_actions)
        self._parsers: dict[int, dict] = {}

    def parse(self, words: list[str]) -> Parsed | None:
        """The structure of ``aws <words>``, or None when any word is not what the tables say it should be."""
        globals_, i, n = [], 0, len(words)
        while i < n and words[i].startswith("-"):
            option = _option_at(words, i, self.global_actions, {})
            if option is None:
                return None
            globals_.append(option)
            i = option.end
        if i >= n or words[i] not in self.table:
            return None
        service, command, path = words[i], self.table[words[i]], []
        i += 1
        try:
            while i < n and words[i] in (children := _children(command)):
                command = children[words[i]]
                path.append(words[i])
                i += 1
            _children(command)
            arg_table = command.arg_table
        except Exception:  # noqa: BLE001  a command the tables cannot build: not usable for variants
            return None
        if not path and not arg_table:
            return None
        actions = self._actions(command, arg_table)
        arguments = {a.cli_name: a for a in arg_table.values()}
        parsed = Parsed(words, service, path, i, command, [], globals_, actions, self.global_actions)
        while i < n:
            if words[i].startswith("--"):
                name = words[i].split("=", 1)[0]
                if name in actions:
                    option = _option_at(words, i, actions, arguments)
                    parsed.options.append(option)
                elif name in self.global_actions:
                    option = _option_at(words, i, self.global_actions, {})
                    parsed.global_options.append(option)
                else:
                    return None
                i = option.end
            else:
                i += 1
        return parsed

    def _actions(self, command, arg_table) -> dict:
        key = id(command)
        if key not in self._parsers:
            try:
                self._parsers[key] = dict(ArgTableArgParser(arg_table)._option_string_actions)
            except Exception:  # noqa: BLE001
                self._parsers[key] = {}
        return self._parsers[key]


def json_value(text: str):
    """A JSON object or array written as an option value, or None (the CLI reads only these as JSON)."""
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return json.loads(stripped)
    except ValueError:
        return None


def json_sites(value, shape, path=()):
    """(path, key, member shape, structure shape) of every structure member named in a JSON value."""
    if shape is None:
        return
    if shape.type_name == "structure" and isinstance(value, dict):
        for key, item in value.items():
            if key in shape.members:
                yield path, key, shape.members[key], shape
                yield from json_sites(item, shape.members[key], path + (key,))
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_sites(item, shape.member, path + (index,))
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, item in value.items():
            yield from json_sites(item, shape.value, path + (key,))


def structure_of(shape):
    """The structure a shorthand value describes: the shape itself, or a list's member structure."""
    if shape is None:
        return None
    if shape.type_name == "list":
        shape = shape.member
    return shape if shape.type_name == "structure" else None


# --- edits (for broken_variants and broken_values) ------------------------------------------------------------

def model_of(argument):
    return getattr(argument, "argument_model", None)


def replace_option(p: Parsed, option, tokens: list[str]) -> list[str]:
    return p.words[:option.start] + tokens + p.words[option.end:]


def set_option(p: Parsed, name: str, values: list[str]) -> list[str]:
    """The option with these values: in place if the example has it, else appended."""
    option = p.find(name) or next((o for o in p.global_options if o.name == name), None)
    return replace_option(p, option, [name, *values]) if option else p.words + [name, *values]


def with_values(p: Parsed, option, values: list[str]) -> list[str]:
    """The option with other values, written as it was (``--name=value`` stays one word)."""
    tokens = [f"{option.name}={values[0]}", *values[1:]] if option.inline else [option.name, *values]
    return replace_option(p, option, tokens)


def rename_option(p: Parsed, option, name: str) -> list[str]:
    first = name + ("=" + option.values[0] if option.inline else "")
    return p.words[:option.start] + [first] + p.words[option.start + 1:option.end] + p.words[option.end:]


def one_edit(rng: random.Random, text: str) -> str:
    """One edit (delete, insert, substitute, transpose) at a random place."""
    i = rng.randrange(len(text))
    letter = rng.choice(string.ascii_lowercase)
    kind = rng.choice(["delete", "insert", "substitute", "transpose"])
    if kind == "delete":
        return text[:i] + text[i + 1:]
    if kind == "insert":
        return text[:i] + letter + text[i:]
    if kind == "substitute":
        return text[:i] + letter + text[i + 1:]
    j = min(i + 1, len(text) - 1)
    return text[:i] + text[j] + text[i] + text[j + 1:] if j > i else text[:i] + letter


def scalar_args(p: Parsed, test) -> list[tuple[str, object]]:
    """(option string, botocore shape) of one-value arguments whose shape passes ``test``."""
    return [(name, model_of(argument)) for name, argument, action in p.arguments()
            if action.nargs is None and model_of(argument) is not None and test(model_of(argument))]
