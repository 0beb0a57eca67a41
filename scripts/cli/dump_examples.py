#!/usr/bin/env python3
"""Dump the AWS CLI's hand-written command examples to ``generators/data/cli-examples.json.gz``.

Where the examples come from
----------------------------
The EXAMPLES section of ``aws <service> <command> help`` is added by
``awscli/customizations/addexamples.py`` (the ``doc-examples.*.*`` handler).
It looks up ``awscli/examples/<event_class with "." -> "/">.rst``, where the
event class is the command's CLI lineage: ``ec2/describe-instances.rst``,
``ec2/wait/instance-running.rst``, ``s3/cp.rst``.  If the file exists it
writes an ``Examples`` heading, a fixed note ("To use the following examples,
you must have the AWS CLI installed and configured ..."), and then the file
verbatim.  Nothing in the file is stripped or rewritten.

This script walks ``awscli/examples`` and maps each ``.rst`` file back to a
command: the first folder is the CLI service name (``s3api``,
``configservice``, ``deploy``), and the remaining path is the command name
with folders joined by a space (``wait/instance-running.rst`` ->
``wait instance-running``).  The fixed note is the same on every page. It is
stored once, as the top-level ``note``, and is not repeated per command.

The folder also holds files that are not command examples: the global
options, the ``_description.rst`` / ``_examples.rst`` fragments that custom
commands load through ``BasicCommand.FROM_FILE`` (their text is already in
``cli-customizations.json``), and examples of commands the CLI no longer
has.  Every key is checked against the golden dump
``tests/golden/cli-commands.json.gz``.  Keys the golden file does not have are
left out and reported.

Text format
-----------
The ReST is converted to plain text with ``rst_text.PlainTextTranslator``,
so inline markup is handled the same way as in the other dumps.  The layout
is changed so the C# renderer can wrap the text itself:

* a paragraph (including a bold "title" paragraph such as
  ``Example 1: To describe an instance``) is one unwrapped line, with its
  whitespace collapsed;
* a literal block (``::``) is kept verbatim, indented by exactly 4 spaces.
  One block is one paragraph;
* a bullet item is ``* text`` and an enumerated item is ``1. text``;
* block quotes, definition lists and admonitions are flattened to
  column 0. In these files they are mostly command lines the author forgot
  to mark with ``::``. The man page fills them as prose too;
* blocks are separated by exactly one blank line, and no line has trailing
  whitespace;
* markup typos that the parser leaves as literal text in prose are cleaned
  up. Examples are unresolved links (``Title <url>`__``, where the title is
  kept), unbalanced ````x`` and stray backticks. The man page prints these
  as they are. Literal blocks are never changed.

Output (gzip mtime 0, compact JSON, keys sorted)::

    {"awscli": "1.45.11",
     "note": "To use the following examples, ...",
     "examples": {"ec2": {"describe-instances": "text",
                          "wait instance-running": "text"}, ...}}

Usage: python scripts/cli/dump_examples.py [--output PATH] [--golden PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import awscli
from awscli.bcdoc.restdoc import ReSTDocument
from docutils import nodes, writers
from docutils.core import publish_string

import rst_text
from jsonio import REPO_ROOT, read_json, write_json_gz

DEFAULT_OUTPUT = REPO_ROOT / "generators" / "data" / "cli-examples.json.gz"
DEFAULT_GOLDEN = REPO_ROOT / "tests" / "golden" / "cli-commands.json.gz"
EXAMPLES_ROOT = Path(awscli.__file__).resolve().parent / "examples"

#: Indentation of literal blocks. The renderer keeps lines indented this far verbatim.
LITERAL_INDENT = 4

_SPACES = re.compile(r"\s+")
# Hyperlinks the parser could not resolve stay raw text: "`Title<https://x>`__",
# "`Title <https://x`__", "`Title`__", "`name`_".  Body = the text between the backticks.
_RAW_LINK = re.compile(r"`(?P<body>[^`]*?)`+_{1,2}(?!\w)")
_LINK_TARGET = re.compile(r"\s*<(?P<url>[^>]*)>?\s*$")
# An unmatched "``": inline literals need a space before the opening and after
# the closing marker, so "tag``Purpose=Test``" is literal text to the parser.
_STRAY_LITERAL = re.compile(r"(?P<before>\w?)``(?P<after>\w?)")


def _link_text(match: re.Match) -> str:
    """Readable text of a raw hyperlink: its title, else its URL."""
    body = match.group("body")
    target = _LINK_TARGET.search(body)
    if target is None:
        return body.rstrip(">")
    return body[:target.start()].strip() or target.group("url").strip()


def _stray_literal(match: re.Match) -> str:
    # Between two words the marker stood for a missing space; elsewhere drop it.
    before, after = match.group("before"), match.group("after")
    return before + (" " if before and after else "") + after


def clean_prose(text: str) -> str:
    """Remove markup that upstream typos left in prose as literal text."""
    text = _RAW_LINK.sub(_link_text, text)
    text = _STRAY_LITERAL.sub(_stray_literal, text)
    # Whatever backtick is left is an unbalanced marker ("``name` example").
    return text.replace("`", "")


class ExampleTranslator(rst_text.PlainTextTranslator):
    """``PlainTextTranslator`` laid out for the renderer: unwrapped and flat."""

    def wrap_lines(self, text: str, maxindent: int) -> list[str]:
        """A paragraph is joined into one line instead of being wrapped (our renderer wraps)."""
        return [_SPACES.sub(" ", text).strip()]

    def depart_title(self, node: nodes.title) -> None:
        # About 40 files use ReST section titles ("Get and put a bucket
        # policy" underlined with "---"). The CLI nests them below its
        # "Examples" heading. Here they are plain paragraphs, not the parent's
        # upper-case or underlined headings.
        text = "".join(x[1] for x in self.states.pop() if x[0] == -1)
        self.stateindent.pop()
        self.states[-1].append((0, [_SPACES.sub(" ", text).strip(), ""]))

    # -- literal blocks: verbatim, exactly LITERAL_INDENT spaces ------------
    def visit_literal_block(self, node: nodes.literal_block) -> None:
        # Literal blocks are the only indented blocks. Every other container
        # below uses indent 0, so the total indentation is exactly LITERAL_INDENT.
        self.new_state(LITERAL_INDENT)

    # -- containers flattened to column 0 -----------------------------------
    def visit_block_quote(self, node: nodes.block_quote) -> None:
        self.new_state(0)

    def visit_definition(self, node: nodes.definition) -> None:
        self.new_state(0)

    def depart_term(self, node: nodes.term) -> None:
        # The stock writer puts the definition on the very next line. Here
        # the term is a paragraph of its own.
        if not self._li_has_classifier:
            self.end_state()

    def visit_list_item(self, node: nodes.list_item) -> None:
        if self.list_counter[-1] == -1:          # bullet list: "* " prefix
            self.new_state(0)
        elif self.list_counter[-1] == -2:        # definition list
            pass
        else:                                    # enumerated list: "1. " prefix
            self.list_counter[-1] += 1
            self.new_state(0)

    def _visit_admonition(self, node: nodes.Element) -> None:
        self.new_state(0)

    visit_note = visit_tip = visit_warning = visit_important = _visit_admonition
    visit_attention = visit_caution = visit_danger = visit_error = _visit_admonition
    visit_hint = _visit_admonition

    def visit_admonition(self, node: nodes.admonition) -> None:  # generic ".. admonition:: Title"
        self.new_state(0)

    # -- prose: clean up markup typos; literal blocks stay verbatim ---------
    def visit_Text(self, node: nodes.Text) -> None:
        text = node.astext()
        if isinstance(node.parent, rst_text._NESTED_MARKUP_PARENTS):
            # As in rst_text: **bold ``code``** keeps the inner markers as text.
            text = rst_text._NESTED_LITERAL.sub(r"\1", text)
        if not isinstance(node.parent, nodes.literal_block):
            text = clean_prose(text)
        self.add_text(text)


class ExampleWriter(writers.Writer):
    supported = ("text",)
    settings_spec = ("No options here.", "", ())
    settings_defaults: dict = {}

    def translate(self) -> None:
        visitor = ExampleTranslator(self.document)
        self.document.walkabout(visitor)
        self.output = visitor.body


_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")


def example_text(rst: str) -> str:
    """Convert one examples file to the plain-text layout described in the module docstring."""
    # Same settings as rst_text.rst_to_text(fragment=True): the file is a
    # fragment of a page, so a leading title is never promoted to the document title.
    settings = dict(rst_text._SETTINGS, doctitle_xform=False)
    text = publish_string(rst, writer=ExampleWriter(), settings_overrides=settings)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    # Typos in prose were already fixed by clean_prose(). Literal blocks are kept as they are.
    text = _TRAILING.sub("", text.replace("\r\n", "\n"))
    return _BLANKS.sub("\n\n", text).strip("\n")


def standard_note() -> str:
    """The note addexamples.py puts before every file, rendered the way the CLI renders it."""
    from awscli.customizations import addexamples

    class _Capture:  # the minimum of a HelpCommand that add_examples touches
        event_class = "ec2.describe-instances"
        doc = ReSTDocument(target="man")

    capture = _Capture()
    addexamples.add_examples(capture)
    rst = capture.doc.getvalue().decode("utf-8")
    # Keep only what sits inside ".. note::", without the file content that follows.
    inside = rst.split(".. note::", 1)[1]
    body = []
    for line in inside.splitlines()[1:]:
        if line and not line.startswith(" "):
            break
        body.append(line)
    return example_text("\n".join(body))


def example_files(root: Path) -> list[tuple[str, str, Path]]:
    """(service, command, path) for every ``.rst`` file below a service folder."""
    found = []
    for path in sorted(root.rglob("*.rst")):
        parts = path.relative_to(root).with_suffix("").parts
        if len(parts) < 2:
            continue  # global_options.rst, global_synopsis.rst: not a command
        found.append((parts[0], " ".join(parts[1:]), path))
    return found


def golden_commands(path: Path) -> set[tuple[str, str]]:
    golden = read_json(path)
    return {(s["name"], c["name"]) for s in golden["services"] for c in s["commands"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    args = parser.parse_args()

    known = golden_commands(args.golden)
    examples: dict[str, dict[str, str]] = {}
    dropped: list[str] = []
    for service, command, path in example_files(EXAMPLES_ROOT):
        if (service, command) not in known:
            dropped.append(str(path.relative_to(EXAMPLES_ROOT)))
            continue
        text = example_text(path.read_text(encoding="utf-8"))
        if "\b" in text:
            raise SystemExit(f"{path}: overstrike in output")
        examples.setdefault(service, {})[command] = text

    data: dict[str, Any] = {
        "awscli": awscli.__version__,
        "note": standard_note(),
        # Sort keys so the output is deterministic. Python dicts keep insertion order.
        "examples": {s: dict(sorted(examples[s].items())) for s in sorted(examples)},
    }
    write_json_gz(args.output, data)

    count = sum(len(c) for c in examples.values())
    size = args.output.stat().st_size
    print(f"{args.output.relative_to(REPO_ROOT) if args.output.is_relative_to(REPO_ROOT) else args.output}: "
          f"{count} commands in {len(examples)} services, {size:,} bytes", file=sys.stderr)
    if dropped:
        print(f"left out {len(dropped)} files that match no command of the golden file:",
              file=sys.stderr)
        for name in dropped:
            print(f"  {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
