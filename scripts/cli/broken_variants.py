"""Broken (and tricky but valid) variants of accepted documentation examples, for the parsing corpus.

Each class names what was *done* to an example, not what the CLI makes of it: the referee judges every variant and
its verdict goes in the corpus (``abbreviated-option``, ``enum-case``, ``list-no-values``, ``region-any-string``,
``good-query``, ``repeated-option`` are expected to pass; the others to fail, but nothing here assumes so). Members,
types, min/max and enums come from the botocore model behind each argument (``command_shape``), never from lists.

Determinism: every class has its own RNG seeded with ``"<seed>:<class>"`` (string seeds hash with SHA-512, not with
Python's randomised ``hash``), walks the parsed examples in a shuffled order that takes one example per service in
turn (so no service dominates), and keeps the first ``per_class`` variants that differ from every example and every
earlier variant.
"""

from __future__ import annotations

import random

import jmespath

import awscli.paramfile
from awscli.arguments import CLIArgument
from broken_values import bad_json, bad_shorthand, unknown_member, wrong_member_type
from command_shape import (Parsed, Shapes, one_edit, rename_option, replace_option, scalar_args,
                           set_option)

PER_CLASS = 80
_STRAY = ["stray", "extra", "surplus", "leftover"]
_BAD_QUERIES = ["Items[?Name==", "Reservations[].Instances[", "length(", "foo.", "a || ", "[[", "`unterminated",
                "Items[?State=='running'"]
_BAD_TIMES = ["yesterday", "tomorrow", "last week", "2023-13-45T25:61:00"]
_REGIONS = ["Region", "moon-base-1", "xx-nowhere-9", "US-EAST-1"]
_URLS = ["http://127.0.0.1:9/x", "https://127.0.0.1:9/x.json"]
_FLAG_VALUES = ["yes", "true", "false", "1"]
_SYLLABLES = ["ka", "zo", "qu", "rix", "ble", "mo", "vex", "tan", "plo", "dri"]


# --- the classes -------------------------------------------------------------------------------------------------

def unknown_option(p: Parsed, rng: random.Random):
    names = p.option_names()
    for _ in range(20):
        invented = "--" + "".join(rng.choice(_SYLLABLES) for _ in range(3)) + "-" + rng.choice(_SYLLABLES) * 2
        if not any(n.startswith(invented) for n in names):
            break
    else:
        return None
    at = rng.choice([o.start for o in p.options] + [len(p.words)])
    tokens = [invented] + (["value"] if rng.random() < 0.5 else [])
    return p.words[:at] + tokens + p.words[at:]


def misspelled_option(p: Parsed, rng: random.Random):
    options = [o for o in p.options if len(o.name) > 5]
    if not options:
        return None
    option, names = rng.choice(options), p.option_names()
    for _ in range(20):
        name = "--" + one_edit(rng, option.name[2:])
        # Not a real option, and no prefix of one: argparse would take a prefix as an abbreviation.
        if len(name) > 3 and name[2].isalnum() and not any(n.startswith(name) for n in names):
            return rename_option(p, option, name)
    return None


def abbreviated_option(p: Parsed, rng: random.Random):
    names = p.option_names()
    choices = [(o, o.name[:k]) for o in p.options for k in range(4, len(o.name))
               if [n for n in names if n.startswith(o.name[:k])] == [o.name]]
    if not choices:
        return None
    option, prefix = rng.choice(choices)
    return rename_option(p, option, prefix)


def ambiguous_abbreviation(p: Parsed, rng: random.Random):
    # Ambiguous among the command's options only: a prefix a global option also has goes to the main parser first.
    choices = [(o, o.name[:k]) for o in p.options for k in range(4, len(o.name))
               if o.name[:k] not in p.actions and sum(n.startswith(o.name[:k]) for n in p.actions) >= 2
               and not any(n.startswith(o.name[:k]) for n in p.global_actions)]
    if not choices:
        return None
    option, prefix = rng.choice(choices)
    return rename_option(p, option, prefix)


def abbreviated_global(p: Parsed, rng: random.Random):
    choices = []
    for name, action in sorted(p.global_actions.items()):
        if not name.startswith("--") or any(s in name for s in ("version", "debug", "profile", "prompt", "query",
                                                                  "endpoint", "bundle")):
            continue  # these print, log, need a file or a profile, or prompt: not what this class is about
        if action.nargs == 0:
            values = []
        elif action.choices:
            values = [rng.choice(sorted(action.choices))]
        elif name == "--region":
            values = ["us-west-2"]
        elif "timeout" in name:
            values = ["30"]
        else:
            continue
        for k in range(5, len(name)):
            prefix = name[:k]
            if [n for n in p.global_actions if n.startswith(prefix)] == [name] and \
                    not any(n.startswith(prefix) for n in p.actions):
                choices.append([prefix, *values])
    if not choices:
        return None
    tokens = rng.choice(choices)
    return tokens + p.words if rng.random() < 0.5 else p.words + tokens


def missing_value(p: Parsed, rng: random.Random):
    options = [o for o in p.options if o.nargs is None and not o.inline and len(o.values) == 1]
    if not options:
        return None
    option = max(options, key=lambda o: o.start)
    rest = p.words[:option.start] + p.words[option.end:]
    return rest + [option.name]


def bad_integer(p: Parsed, rng: random.Random):
    names = [name for name, argument, action in p.arguments()
             if action.nargs is None and getattr(argument, "cli_type_name", None) in ("integer", "long")]
    return set_option(p, rng.choice(names), [rng.choice(["two", "1.5", "ten", "3x", "0x10"])]) if names else None


def bad_timestamp(p: Parsed, rng: random.Random):
    names = scalar_args(p, lambda s: s.type_name == "timestamp")
    return set_option(p, rng.choice(names)[0], [rng.choice(_BAD_TIMES)]) if names else None


def below_min_length(p: Parsed, rng: random.Random):
    names = scalar_args(p, lambda s: s.type_name == "string" and s.metadata.get("min", 0) >= 1)
    return set_option(p, rng.choice(names)[0], [""]) if names else None


def above_max(p: Parsed, rng: random.Random):
    choices = []
    for name, shape in scalar_args(p, lambda s: "max" in s.metadata):
        top = shape.metadata["max"]
        if shape.type_name in ("integer", "long"):
            choices.append((name, str(int(top) + 1)))
        elif shape.type_name == "string" and top <= 1024:
            choices.append((name, "a" * (int(top) + 1)))
    if not choices:
        return None
    name, value = rng.choice(choices)
    return set_option(p, name, [value])


def missing_required(p: Parsed, rng: random.Random):
    options = [o for o in p.options if getattr(o.argument, "required", False)]
    if not options:
        return None
    option = rng.choice(options)
    return p.words[:option.start] + p.words[option.end:]


def extra_positional(p: Parsed, rng: random.Random):
    return p.words[:p.body] + [rng.choice(_STRAY)] + p.words[p.body:]


def flag_with_value(p: Parsed, rng: random.Random):
    flags = [name for name, _a, action in p.arguments() if action.nargs == 0]
    if not flags:
        return None
    name = rng.choice(flags)
    word = f"{name}={rng.choice(_FLAG_VALUES)}"
    option = p.find(name)
    return replace_option(p, option, [word]) if option else p.words + [word]


def enum_case(p: Parsed, rng: random.Random):
    names = scalar_args(p, lambda s: s.type_name == "string" and bool(getattr(s, "enum", None)))
    if not names:
        return None
    name, shape = rng.choice(names)
    enum = list(shape.enum)
    option = p.find(name)
    value = option.values[0] if option and option.values and option.values[0] in enum else rng.choice(enum)
    changed = value.lower() if value != value.lower() else value.upper()
    return None if changed in enum else set_option(p, name, [changed])


def list_no_values(p: Parsed, rng: random.Random):
    names = [name for name, _a, action in p.arguments() if action.nargs in ("*", "+")]
    if not names:
        return None
    name = rng.choice(names)
    option = p.find(name)
    words = p.words[:option.start] + p.words[option.end:] if option else list(p.words)
    starts = [i for i in range(p.body, len(words)) if words[i].startswith("--")] + [len(words)]
    at = rng.choice(starts)
    return words[:at] + [name] + words[at:]


def region_any_string(p: Parsed, rng: random.Random):
    return set_option(p, "--region", [rng.choice(_REGIONS)])


def bad_query(p: Parsed, rng: random.Random):
    query = rng.choice(_BAD_QUERIES)
    try:
        jmespath.compile(query)
        return None
    except Exception:  # noqa: BLE001  what we want: a query JMESPath cannot parse
        return set_option(p, "--query", [query])


def good_query(p: Parsed, rng: random.Random):
    output = p.operation_model.output_shape if p.operation_model else None
    queries = ["@", "keys(@)"] if output is not None else ["@"]
    for name, member in (output.members.items() if output is not None else []):
        queries += [name, f"length({name})"] if member.type_name == "list" else [name]
        if member.type_name == "list" and member.member.type_name == "structure" and member.member.members:
            queries.append(f"{name}[].{next(iter(member.member.members))}")
    return set_option(p, "--query", [rng.choice(queries)])


def url_paramfile(p: Parsed, rng: random.Random):
    disabled = getattr(awscli.paramfile, "PARAMFILE_DISABLED", set())
    command = ".".join([p.service, *p.path])
    # Member arguments only: a CLI-made one (--max-items, --cli-input-yaml) reads its value its own way.
    members = {name for name, argument, _a in p.arguments() if isinstance(argument, CLIArgument)}
    names = [n for n, _s in scalar_args(p, lambda s: s.type_name == "string")
             if n in members and f"{command}.{n[2:]}" not in disabled]
    present = [n for n in names if p.find(n)]
    pool = present or names
    return set_option(p, rng.choice(pool), [rng.choice(_URLS)]) if pool else None


def generate_skeleton(p: Parsed, rng: random.Random):
    if "--generate-cli-skeleton" not in p.actions or p.find("--generate-cli-skeleton"):
        return None
    base = list(p.words) if rng.random() < 0.3 else list(p.head)  # mostly alone, sometimes after the example
    return base + ["--generate-cli-skeleton", *rng.choice([[], ["input"], ["output"]])]


def repeated_option(p: Parsed, rng: random.Random):
    if not p.options:
        return None
    option = rng.choice(p.options)
    return p.words + p.words[option.start:option.end]


GENERATORS = {
    "unknown-option": unknown_option, "misspelled-option": misspelled_option,
    "abbreviated-option": abbreviated_option, "ambiguous-abbreviation": ambiguous_abbreviation,
    "abbreviated-global": abbreviated_global, "missing-value": missing_value, "bad-integer": bad_integer,
    "bad-json": bad_json, "bad-shorthand": bad_shorthand, "unknown-member": unknown_member,
    "wrong-member-type": wrong_member_type, "bad-timestamp": bad_timestamp, "below-min-length": below_min_length,
    "above-max": above_max, "missing-required": missing_required, "extra-positional": extra_positional,
    "flag-with-value": flag_with_value, "enum-case": enum_case, "list-no-values": list_no_values,
    "region-any-string": region_any_string, "bad-query": bad_query, "good-query": good_query,
    "url-paramfile": url_paramfile, "generate-skeleton": generate_skeleton, "repeated-option": repeated_option,
}


def _diverse(parsed: list[tuple[str, Parsed]], rng: random.Random) -> list[tuple[str, Parsed]]:
    """Shuffled, one example per service in turn."""
    by_service: dict[str, list] = {}
    for item in parsed:
        by_service.setdefault(item[1].service, []).append(item)
    services = sorted(by_service)
    rng.shuffle(services)
    for service in services:
        rng.shuffle(by_service[service])
    order, depth = [], 0
    while len(order) < len(parsed):
        order += [by_service[s][depth] for s in services if depth < len(by_service[s])]
        depth += 1
    return order


def generate(examples: list[tuple[str, list[str]]], shapes: Shapes, seed: int,
             per_class: int = PER_CLASS) -> tuple[list[tuple[str, str, list[str]]], dict[str, int]]:
    """(class, source, words) of the variants of the accepted ``examples`` ((source, words) pairs), and how often
    each generator failed on an example (a model corner it does not handle; the example is skipped)."""
    parsed = [(source, p) for source, words in examples if (p := shapes.parse(words)) is not None]
    seen = {tuple(words) for _source, words in examples}
    variants, failures = [], {}
    for name, make in GENERATORS.items():
        rng, count = random.Random(f"{seed}:{name}"), 0
        for source, p in _diverse(parsed, rng):
            try:
                words = make(p, rng)
            except Exception:  # noqa: BLE001  counted and reported: the next example is tried
                failures[name] = failures.get(name, 0) + 1
                words = None
            if words is None or tuple(words) in seen:
                continue
            seen.add(tuple(words))
            variants.append((name, source, words))
            count += 1
            if count >= per_class:
                break
    return variants, failures
