"""HTML to text, one line per block, in the forms users save laws in.

* paragraphs (``<p>``): one line each, an empty paragraph a blank line (as a word processor exports
  the text it came from); headings (``<h2>`` ...): one line each, a blank line after;
* line breaks (``<br>``): a new line; two in a row leave a blank line, as in the text they came from;
* preformatted text (``<pre>``: LibreOffice's "save as HTML" of a .txt, older government sites): its
  own line breaks are kept, one line per line;
* tables: one line per row; a row whose first cell is only a number or label (``2``, ``(1)``, ``(a)``)
  and whose other cells hold the text (a *table of sections*) reads as ``(1) text``, the label before
  the first line of the text, even when the text cell has several paragraphs;
* numbered lists (``<ol>``): each item gets its number unless it writes one itself.

Scripts, styles, navigation, forms, comments and the document type are dropped. The walk over the
element tree is iterative, so nesting of any depth cannot exhaust Python's stack.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .text_reader import decode_bytes

_BLOCK = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote",
    "pre", "dd", "dt", "dl", "ul", "ol", "br", "hr", "header", "footer", "main", "aside", "figure",
    "figcaption", "caption", "address", "body", "center", "form", "fieldset", "legend",
}  # fmt: skip
_BLANK_AFTER = {"h1", "h2", "h3", "h4", "h5", "h6", "table", "pre"}
_DROP = {"script", "style", "nav", "noscript", "template", "head", "iframe", "svg", "button", "select", "option"}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
#: The first cell of a table-of-sections row: a number or label and nothing else.
_LABEL_CELL = re.compile(
    r"^\(?(?:\d+[a-z]{0,2}(?:[.-]\d+)*\)?[.:]?|(?:[a-z]{1,2}|[ivxlcdm]{1,6})[.)])$", re.I
)
_OWN_NUMBER = re.compile(r"^\(?[\w\d]{1,4}[.)]\s")


def read_html(raw: bytes, path: Path) -> str:
    """The text of an HTML page, one line per block (see the module docstring)."""
    from bs4 import BeautifulSoup

    text = None
    m = _META_CHARSET.search(raw[:4096])
    if m and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            text = raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(raw, path)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:
        raise InputError(f"not valid HTML ({exc})", path) from None
    return _Lines().read(soup)


class _Lines:
    """The lines of a parsed page, built by one iterative walk (a stack of things still to do)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.prefix = ""  # a table row's label, waiting for the first line of the row's text
        self.pre = 0  # how many <pre> elements the walk is inside
        self.paragraphs: list[int] = []  # for each open <p>, the number of lines before it
        self.cells = 0  # how many table cells the walk is inside

    def flush(self, blank: bool = False) -> None:
        """End the current line; ``blank``: keep it even when empty (a blank line in preformatted text)."""
        line = " ".join("".join(self.buf).split())
        self.buf.clear()
        if line and self.prefix:
            line, self.prefix = f"{self.prefix} {line}", ""
        if line or (blank and not self.prefix):
            self.lines.append(line)

    def text(self, s: str) -> None:
        if not self.pre:
            self.buf.append(s)
            return
        first, *rest = s.split("\n")
        self.buf.append(first)
        for part in rest:
            self.flush(blank=True)
            self.buf.append(part)

    def read(self, soup) -> str:
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

        skip = (Comment, Declaration, Doctype, ProcessingInstruction)
        todo: list = [(child, None) for child in reversed(list(soup.children))]
        while todo:
            item = todo.pop()
            if callable(item):
                item()
                continue
            node, counter = item
            if isinstance(node, NavigableString):
                if not isinstance(node, skip):
                    self.text(str(node))
            elif isinstance(node, Tag):
                todo.extend(reversed(self.open(node, counter)))
        self.flush()
        out: list[str] = []
        for line in self.lines:  # collapse runs of blank lines
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out)

    def open(self, tag, counter: list[int] | None) -> list:
        """What to do for ``tag``, in order: its children (with the list counter they see) and closing steps."""
        name = tag.name.lower()
        if name in _DROP:
            return []
        if name == "br":
            return [lambda: self.flush(blank=True)]
        kids = list(tag.children)
        if name in ("td", "th"):
            return [self._enter_cell, *((k, None) for k in kids), self._leave_cell]
        if name not in _BLOCK:
            return [(k, counter) for k in kids]
        steps: list = [self.flush]
        if name == "p":
            steps.append(self._enter_p)
        if name == "pre":
            steps.append(self._enter_pre)
        if name == "ol":
            start = tag.get("start")
            inner = [int(start) - 1 if start and str(start).isdigit() else 0]
            steps += [(k, inner) for k in kids]
        else:
            if name == "li" and counter is not None:
                counter[0] += 1
                if not _OWN_NUMBER.match(tag.get_text(" ", strip=True)):
                    steps.append(lambda n=counter[0]: self.buf.append(f"{n}. "))
            elif name == "tr":
                kids = self._label_row(kids, steps)
            steps += [(k, None) for k in kids]
        if name == "pre":
            steps.append(self._leave_pre)
        steps.append(self._leave_p if name == "p" else self.flush)
        if name in _BLANK_AFTER:
            steps.append(lambda: self.lines.append(""))
        return steps

    def _enter_cell(self) -> None:
        self.cells += 1
        self.buf.append(" ")

    def _leave_cell(self) -> None:
        self.buf.append(" ")
        self.cells -= 1

    def _enter_p(self) -> None:
        self.paragraphs.append(len(self.lines))

    def _leave_p(self) -> None:
        """End a paragraph; an empty one (``<p><br></p>``, ``<p>&nbsp;</p>``) outside tables is a blank line."""
        self.flush()
        if len(self.lines) == self.paragraphs.pop() and not self.cells:
            self.lines.append("")

    def _enter_pre(self) -> None:
        self.pre += 1

    def _leave_pre(self) -> None:
        self.flush()
        self.pre -= 1

    def _label_row(self, kids: list, steps: list) -> list:
        """A table-of-sections row: a step that holds its label for the first line of its text, and the
        other cells; any other row: all its cells."""
        from bs4 import Tag

        cells = [k for k in kids if isinstance(k, Tag) and k.name in ("td", "th")]
        if len(cells) < 2:
            return kids
        label = cells[0].get_text(" ", strip=True)
        if not _LABEL_CELL.match(label) or not any(c.get_text(strip=True) for c in cells[1:]):
            return kids

        def hold() -> None:
            self.prefix = label

        steps.append(hold)
        return [k for k in kids if k is not cells[0]]
