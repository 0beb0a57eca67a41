"""Convert the AWS CLI's ReST help to clean plain text.

The CLI renders help as ReST and, on Windows, turns it into text with
``awscli.bcdoc.textwriter.TextWriter`` (a port of Sphinx's text writer).
We reuse that writer with a few changes so the text is pleasant to read
for both people and language models:

* inline markup is dropped instead of decorated: ``code``, *emphasis*,
  **strong** and `title references` become their bare text (the man-page
  renderer shows them as bold/underline, which ``col -b`` also strips);
* top-level section titles are written in upper case without an underline
  (``DESCRIPTION``), like a man page; deeper titles are underlined with ``-``;
* the document title is omitted (callers write their own ``NAME`` section);
* the ``Global Options`` section is omitted (identical on every page);
* nested inline markup the ReST parser leaves alone (``**bold `x`**``) is
  removed too;
* lines wrap at 79 columns and never split words, URLs or hyphenated names;
* docutils diagnostics are suppressed rather than rendered into the text.
"""

from __future__ import annotations

import re
from typing import Any

from awscli.bcdoc import textwriter
from docutils import nodes, writers
from docutils.core import publish_string

#: Wrap width of the generated text.
WIDTH = 79

#: Sections of a help page that are left out of the text.
SKIPPED_SECTIONS = {"Global Options"}

_SETTINGS = {
    "line_length_limit": 50_000,   # the CLI's own override (long JSON syntax lines)
    "report_level": 5,             # never render system messages
    "halt_level": 5,
    "output_encoding": "unicode",
}


#: Inline nodes whose text may contain un-parsed nested markup.
_NESTED_MARKUP_PARENTS = (nodes.strong, nodes.emphasis, nodes.title)
_NESTED_LITERAL = re.compile(r"``?([^`\n]+?)``?")


class _Wrapper(textwriter.TextWrapper):
    """The CLI's word splitter, minus long-word and hyphen breaking."""

    def __init__(self, width: int) -> None:
        super().__init__(width=width, break_long_words=False, break_on_hyphens=False)


class PlainTextTranslator(textwriter.TextTranslator):
    """``TextTranslator`` with the changes listed in the module docstring."""

    def __init__(self, document: nodes.document) -> None:
        super().__init__(document)
        self.nl = "\n"  # the stock writer uses os.linesep

    def wrap_lines(self, text: str, maxindent: int) -> list[str]:
        """How a paragraph becomes lines: wrapped to WIDTH minus the indent (subclasses may differ)."""
        return _Wrapper(max(WIDTH - maxindent, 20)).wrap(text)

    # Same algorithm as TextTranslator.end_state, with our wrapper and width.
    def end_state(self, wrap: bool = True, end: list[str] | None = None,
                  first: str | None = None) -> None:
        end = [""] if end is None else end
        content = self.states.pop()
        maxindent = sum(self.stateindent)
        indent = self.stateindent.pop()
        result: list[tuple[int, list[str]]] = []
        toformat: list[str] = []

        def do_format() -> None:
            if not toformat:
                return
            if wrap:
                lines = self.wrap_lines("".join(toformat), maxindent)
            else:
                lines = "".join(toformat).splitlines()
            if end:
                lines += end
            result.append((indent, lines))

        for itemindent, item in content:
            if itemindent == -1:
                toformat.append(item)
            else:
                do_format()
                result.append((indent + itemindent, item))
                toformat = []
        do_format()
        if first is not None and result:
            itemindent, item = result[0]
            if item:
                result.insert(0, (itemindent - indent, [first + item[0]]))
                result[1] = (itemindent, item[1:])
        self.states[-1].extend(result)

    # -- sections and titles ---------------------------------------------
    def visit_section(self, node: nodes.section) -> None:
        title = node.next_node(nodes.title)
        if title is not None and title.astext() in SKIPPED_SECTIONS:
            raise nodes.SkipNode
        super().visit_section(node)

    def depart_title(self, node: nodes.title) -> None:
        text = "".join(x[1] for x in self.states.pop() if x[0] == -1).strip()
        self.stateindent.pop()
        if not isinstance(node.parent, nodes.section):
            return  # document title: the caller writes NAME itself
        if self.sectionlevel <= 1:
            self.states[-1].append((0, ["", text.upper(), ""]))
        else:
            self.states[-1].append((0, ["", text, "-" * len(text), ""]))

    # -- inline markup: plain text ----------------------------------------
    def _plain(self, node: Any) -> None:
        pass

    visit_literal = depart_literal = _plain
    visit_emphasis = depart_emphasis = _plain
    visit_literal_emphasis = depart_literal_emphasis = _plain
    visit_strong = depart_strong = _plain
    visit_title_reference = depart_title_reference = _plain
    visit_problematic = depart_problematic = _plain
    visit_inline = depart_inline = _plain

    def visit_Text(self, node: nodes.Text) -> None:
        text = node.astext()
        if isinstance(node.parent, _NESTED_MARKUP_PARENTS):
            # ReST does not nest inline markup: in **bold ``code``** the inner
            # markers stay literal text.  Drop them.
            text = _NESTED_LITERAL.sub(r"\1", text)
        self.add_text(text)

    # -- nodes the stock writer does not know ------------------------------
    def _skip(self, node: Any) -> None:
        raise nodes.SkipNode

    visit_system_message = _skip
    visit_comment = _skip
    visit_raw = _skip
    visit_meta = _skip

    def unknown_visit(self, node: nodes.Node) -> None:  # pragma: no cover - safety net
        pass

    def unknown_departure(self, node: nodes.Node) -> None:  # pragma: no cover
        pass


class PlainTextWriter(writers.Writer):
    supported = ("text",)
    settings_spec = ("No options here.", "", ())
    settings_defaults: dict = {}

    def translate(self) -> None:
        visitor = PlainTextTranslator(self.document)
        self.document.walkabout(visitor)
        self.output = visitor.body


_STRAY_LINK_END = re.compile(r">`__?")
_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def rst_to_text(rst: str | bytes, fragment: bool = False) -> str:
    """Render ReST to clean plain text.

    ``fragment=True`` is for pieces of a page (a description, an option's
    help): docutils then never promotes a leading section title to the
    document title, which this writer omits.
    """
    if isinstance(rst, bytes):
        rst = rst.decode("utf-8")
    settings = dict(_SETTINGS, doctitle_xform=not fragment)
    text = publish_string(rst, writer=PlainTextWriter(), settings_overrides=settings)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    text = _TRAILING.sub("\n", text.replace("\r\n", "\n"))
    # Upstream typo: "Title <url>`_" without the opening backtick.
    text = _STRAY_LINK_END.sub(">", text)
    return _BLANKS.sub("\n\n", text).strip("\n")
