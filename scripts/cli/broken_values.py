"""Broken values inside option values: JSON and shorthand syntax errors, unknown members, members of the wrong type.

Part of the variant generator (``broken_variants`` has the classes, the order and the seeding); these classes look
inside a value, at the botocore shape the argument serialises to (``--cli-input-json``: the operation's input).
"""

from __future__ import annotations

import copy
import json
import random
import re

from awscli.shorthand import ShorthandParser
from command_shape import (Parsed, json_sites, json_value, model_of, one_edit, set_option, structure_of,
                           with_values)


def bad_json(p: Parsed, rng: random.Random):
    # Only where the CLI reads the value as JSON: a string (a policy, a schema; or a list of them written as one
    # object) takes any text.
    options = [o for o, _v, shape in _json_options(p) if shape.type_name in ("structure", "map") or (
        shape.type_name == "list" and (shape.member.type_name in ("structure", "list", "map")
                                       or o.values[0].strip().startswith("[")))]
    if not options:
        return None
    option = rng.choice(options)
    text = option.values[0].strip()
    broken = rng.choice([text[:-1], text[:-1] + "," + text[-1], text + text[-1], text.replace(":", "=", 1),
                         text.replace('"', "", 1)])
    try:
        json.loads(broken)
        return None
    except ValueError:
        return with_values(p, option, [broken])


def _shorthand_fails(text: str) -> bool:
    try:
        ShorthandParser().parse(text)
        return False
    except Exception:  # noqa: BLE001  the parser's syntax errors
        return True


def bad_shorthand(p: Parsed, rng: random.Random):
    present = [o for o in p.options if o.values and structure_of(o.shape) and json_value(o.values[0]) is None
               and "=" in o.values[0]]
    if present:
        option = rng.choice(present)
        text = option.values[0]
        at = text.index("=") + 1
        broken = rng.choice(["justaword", text[:at] + "[" + text[at:], text[:at] + "{" + text[at:],
                             text.replace(",", " ", 1) + "=", text + ",="])
        if _shorthand_fails(broken):
            return with_values(p, option, [broken, *option.values[1:]])
    names = [name for name, argument, action in p.arguments() if structure_of(model_of(argument))]
    return set_option(p, rng.choice(names), ["justaword"]) if names else None


def _json_options(p: Parsed):
    """(option, value, shape) of every JSON value; --cli-input-json is the operation's input."""
    for o in p.options:
        value = json_value(o.values[0]) if len(o.values) == 1 else None
        shape = o.shape if o.name != "--cli-input-json" or not p.operation_model else p.operation_model.input_shape
        if value is not None and shape is not None:
            yield o, value, shape


def _set_in(value, path, key, new_key=None, new_value=None):
    """A copy of a JSON value with one member renamed or given a new value (member order kept)."""
    value = copy.deepcopy(value)
    target = value
    for step in path:
        target = target[step]
    items = list(target.items())
    target.clear()
    for k, v in items:
        if k != key:
            target[k] = v
        else:
            target[new_key or k] = v if new_value is None else new_value
    return value


_KEY = re.compile(r"(?:^|(?<=[,{\[]))([A-Za-z][A-Za-z0-9_]*)=")


def _member_names(shape, seen=None) -> set[str]:
    seen = set() if seen is None else seen
    if shape is None or shape.name in seen:
        return set()
    seen.add(shape.name)
    if shape.type_name == "structure":
        names = set(shape.members)
        for member in shape.members.values():
            names |= _member_names(member, seen)
        return names
    return _member_names(getattr(shape, "member", None) or getattr(shape, "value", None), seen)


def unknown_member(p: Parsed, rng: random.Random):
    sites = [(o, v, s, path, key, parent) for o, v, s in _json_options(p)
             for path, key, _m, parent in json_sites(v, s)]
    if sites and rng.random() < 0.5:
        option, value, _s, path, key, parent = rng.choice(sites)
        for _ in range(20):
            new = one_edit(rng, key)
            if new and new not in parent.members:
                return with_values(p, option, [json.dumps(_set_in(value, path, key, new_key=new))])
    shorthand = [(o, i, m) for o in p.options if structure_of(o.shape) for i, v in enumerate(o.values)
                 if json_value(v) is None for m in _KEY.finditer(v) if m.group(1) in _member_names(o.shape)]
    if not shorthand:
        return None
    option, index, match = rng.choice(shorthand)
    names = _member_names(option.shape)
    for _ in range(20):
        new = one_edit(rng, match.group(1))
        if new and new[0].isalpha() and new not in names:
            text = option.values[index]
            values = list(option.values)
            values[index] = text[:match.start(1)] + new + text[match.end(1):]
            return with_values(p, option, values)
    return None


def _value_end(text: str, i: int) -> int:
    """End of the shorthand value starting at ``i``: nested brackets and quotes skipped, up to a top-level comma."""
    depth, quote = 0, None
    while i < len(text):
        c = text[i]
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return i


_WANTS_NOT_STRING = ("list", "structure", "integer", "long", "map")


def wrong_member_type(p: Parsed, rng: random.Random):
    sites = [(o, v, path, key) for o, v, s in _json_options(p)
             for path, key, member, _parent in json_sites(v, s) if member.type_name in _WANTS_NOT_STRING]
    if sites and rng.random() < 0.5:
        option, value, path, key = rng.choice(sites)
        return with_values(p, option, [json.dumps(_set_in(value, path, key, new_value="oops"))])
    shorthand = []
    for o in p.options:
        structure = structure_of(o.shape)
        for i, v in enumerate(o.values if structure else []):
            for m in _KEY.finditer(v) if json_value(v) is None else []:
                member = structure.members.get(m.group(1))
                if member is not None and member.type_name in _WANTS_NOT_STRING:
                    shorthand.append((o, i, m))
    if not shorthand:
        return None
    option, index, match = rng.choice(shorthand)
    text = option.values[index]
    values = list(option.values)
    values[index] = text[:match.end()] + "oops" + text[_value_end(text, match.end()):]
    return with_values(p, option, values)
