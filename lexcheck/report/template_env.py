"""The Jinja2 environment in which report templates are rendered: a sandbox with fixed bounds.

A report template is a Word file that travels between organisations by e-mail, so its tags are code
from a stranger. They are rendered in Jinja2's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`
(no access to Python internals, no changes to the report's data), with autoescape on (a law's ``& <``
stays text, never Word XML) and with bounds on everything that could make one tag cost minutes or
gigabytes:

- only a whitelist of globals (``range``, ``dict``, ``namespace``) and of harmless filters; calls only to macros,
  loops, those globals and read-only methods of texts, lists and mappings;
- ``range()`` may give at most :data:`MAX_RANGE_ITEMS` items and all loops together at most
  :data:`MAX_LOOP_ITEMS` iterations in one render;
- ``* ** % +`` and ``~`` (joining texts) are checked before they run, as are the sizes of the numbers
  and texts handed to calls and filters;
- each rendered part (or ``{% set %}`` block, macro) is at most :data:`MAX_PART_CHARS` characters, the
  whole render at most :data:`MAX_TOTAL_CHARS`;
- the render must finish within :data:`TIME_BUDGET` seconds (checked at every call, filter, operator,
  attribute lookup and loop step);
- ``{% include %}``, ``{% import %}``, ``{% extends %}`` and ``{% autoescape %}`` are refused.

Breaking a bound raises :class:`TemplateRefused` (a Jinja ``SecurityError``); the report builder turns
it, like a syntax error, into one line naming the template.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro, Undefined, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, _PassArg
from jinja2.visitor import NodeTransformer

#: Items that all ``range()`` calls of one render may produce together.
MAX_RANGE_ITEMS = 100_000
#: Iterations that all ``{% for %}`` loops of one render may make together.
MAX_LOOP_ITEMS = 1_000_000
#: Bytes of one part of a template that jinja compiles (document.xml, a header ...).
MAX_SOURCE_BYTES = 5_000_000
#: Characters of one rendered part (document.xml, a header, a ``{% set %}`` block, a macro).
MAX_PART_CHARS = 10_000_000
#: Characters produced by the whole render (all parts and blocks counted).
MAX_TOTAL_CHARS = 40_000_000
#: Characters of one text built by ``~``, ``+``, ``*`` or a filter.
MAX_TEXT_CHARS = 1_000_000
#: Characters of a text, or items of a list, given as an argument to a call or filter.
MAX_ARG_SIZE = 100_000
#: Largest number (in absolute value) given as an argument to a call or filter.
MAX_ARG_INT = 10_000
#: Largest number, in bits, that ``*`` and ``**`` may produce.
MAX_INT_BITS = 4096
#: Seconds a render may take.
TIME_BUDGET = 10.0

_ITER = "lexcheck_loop_items"
_JOIN = "lexcheck_join"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FORBIDDEN = {
    nodes.Extends: "{% extends %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.EvalContextModifier: "{% autoescape %}",
}
_STR_METHODS = _words(
    "upper lower title capitalize casefold swapcase strip lstrip rstrip startswith endswith split "
    "rsplit splitlines partition rpartition removeprefix removesuffix count find rfind index rindex "
    "isdigit isalpha isalnum isspace islower isupper istitle isnumeric isdecimal replace"
)
_MAPPING_METHODS = frozenset({"items", "keys", "values", "get"})
_SEQUENCE_METHODS = frozenset({"index", "count"})
_FILTERS = _words(
    "abs batch capitalize center count d default dictsort e escape first float forceescape groupby "
    "int items join last length list lower map max min reject rejectattr replace reverse round select "
    "selectattr slice sort string striptags sum title trim truncate unique upper urlencode wordcount"
)


class TemplateRefused(SecurityError):
    """A template that tries to leave the sandbox or goes beyond a bound."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set | frozenset) else 0


def _replaced_size(text: str, old: str, new: str, count: int = -1) -> int:
    """How long ``text.replace(old, new, count)`` would be, computed without building it."""
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


class _Budget:
    """What one render has used so far."""

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.range_items = 0
        self.loop_items = 0
        self.chars = 0

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateRefused(f"the template took longer than {self.seconds:g} seconds to render")


def _check_args(args, kwargs) -> None:
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, bool):
            continue
        if isinstance(arg, int) and abs(arg) > MAX_ARG_INT:
            raise TemplateRefused(f"the number {arg} is too large for a template (at most {MAX_ARG_INT})")
        if _size(arg) > MAX_ARG_SIZE:
            raise TemplateRefused(
                f"an argument of {_size(arg)} characters or items is too large for a template"
            )


def _check_text(size: int, what: str) -> None:
    if size > MAX_TEXT_CHARS:
        raise TemplateRefused(f"{what} would make a text of {size} characters (at most {MAX_TEXT_CHARS})")


class _Rewrite(NodeTransformer):
    """Refuses the forbidden tags and routes loops and ``~`` through the budgeted helpers."""

    def generic_visit(self, node, *args, **kwargs):
        for kind, tag in _FORBIDDEN.items():
            if isinstance(node, kind):
                raise TemplateRefused(f"{tag} is not allowed in a report template")
        return super().generic_visit(node, *args, **kwargs)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = self.generic_visit(node)
        node.iter = nodes.Call(nodes.Name(_ITER, "load"), [node.iter], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = self.generic_visit(node)
        return nodes.Call(nodes.Name(_JOIN, "load"), list(node.nodes), [], None, None, lineno=node.lineno)


class ReportTemplateEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox for one render (its budget starts when it is made: make one per report)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, seconds: float | None = None):
        super().__init__(autoescape=True)
        self.budget = _Budget(TIME_BUDGET if seconds is None else seconds)
        helpers = {
            "range": self._range,
            "dict": dict,
            "namespace": Namespace,  # safe: what it holds is built by the bounded ~ + *
            _ITER: self._loop_items,
            _JOIN: self._join,
        }
        self.globals.clear()
        self.globals.update(helpers)
        self._own = tuple(helpers.values())  # the very objects (a bound method is new at each access)
        self.filters = {name: self._guard(self.filters[name]) for name in _FILTERS}
        self.concat = self._concat  # every rendered part, block and macro is joined here

    # ----- parsing: forbidden tags, loops and ~ through the helpers
    def _parse(self, source, name, filename):
        tree = _Rewrite().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    # ----- the helpers the rewritten template calls
    def _range(self, *args: int) -> range:
        rng = range(*args)
        try:
            self.budget.range_items += len(rng)
        except OverflowError:  # more items than an index can count
            self.budget.range_items = MAX_RANGE_ITEMS + 1
        if self.budget.range_items > MAX_RANGE_ITEMS:
            raise TemplateRefused(f"range() gave more than {MAX_RANGE_ITEMS} items in one render")
        return rng

    def _loop_items(self, iterable):
        """The items of a ``{% for %}`` loop, counted against the render's budget."""
        budget = self.budget
        for item in iterable:
            budget.loop_items += 1
            if budget.loop_items > MAX_LOOP_ITEMS:
                raise TemplateRefused(f"the loops of the template ran more than {MAX_LOOP_ITEMS} times")
            if not budget.loop_items & 0x3FF:
                budget.check_time()
            yield item

    def _join(self, *parts):
        """``a ~ b ~ c``: Jinja's own join (escaping as autoescape does) once the size is known to be fine."""
        texts = [p if isinstance(p, str) else str(p) for p in parts]
        _check_text(sum(map(len, texts)), "joining texts with ~")
        return markup_join(parts)

    def _concat(self, pieces) -> str:
        """Join the output of a part, block or macro, stopping as soon as it grows too large."""
        out: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > MAX_PART_CHARS:
                raise TemplateRefused(f"a rendered part grew beyond {MAX_PART_CHARS} characters")
            out.append(piece)
        self.budget.chars += size
        if self.budget.chars > MAX_TOTAL_CHARS:
            raise TemplateRefused(f"the render produced more than {MAX_TOTAL_CHARS} characters")
        self.budget.check_time()
        return "".join(out)

    # ----- sandbox hooks
    def getattr(self, obj, attribute):
        self.budget.check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self.budget.check_time()
        return super().getitem(obj, argument)

    def call_binop(self, context, operator: str, left, right):
        self.budget.check_time()
        _check_binop(operator, left, right)
        try:
            return super().call_binop(context, operator, left, right)
        except ArithmeticError as exc:
            raise TemplateRefused(f"arithmetic error in the template: {exc}") from None

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - the sandbox's own signature
        __self.budget.check_time()
        if not any(__obj is own for own in __self._own):
            __self._check_callable(__obj, args)
            _check_args(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def _check_callable(self, obj, args) -> None:
        """Allow only macros, loops and read-only methods of texts, lists and mappings."""
        if isinstance(obj, Macro | LoopContext | Undefined):
            return
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        if isinstance(owner, LoopContext):
            return
        if (
            isinstance(owner, str)
            and name in _STR_METHODS
            and type(obj).__name__ == "builtin_function_or_method"
        ):
            if name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
                _check_text(_replaced_size(owner, args[0], args[1], *args[2:3]), "replace()")
            return
        if isinstance(owner, dict) and name in _MAPPING_METHODS:
            return
        if isinstance(owner, list | tuple) and name in _SEQUENCE_METHODS:
            return
        raise TemplateRefused(f"calling {name or type(obj).__name__!r} is not allowed in a report template")

    def _guard(self, func):
        """A filter that first checks the time and the sizes of its arguments."""
        lead = 0 if _PassArg.from_obj(func) is None else 1
        name = func.__name__

        @functools.wraps(func)
        def checked(*args, **kwargs):
            self.budget.check_time()
            value, rest = (args[lead], args[lead + 1 :]) if len(args) > lead else (None, ())
            if _size(value) > MAX_TEXT_CHARS:
                raise TemplateRefused(f"the filter {name} got a value too large for a template")
            _check_args(rest, kwargs)
            if name == "do_replace" and isinstance(value, str) and len(rest) >= 2:
                _check_text(_replaced_size(value, str(rest[0]), str(rest[1]), *rest[2:3]), "replace")
            if name == "do_join" and value is not None:
                items = list(value)
                sep = rest[0] if rest else kwargs.get("d", "")
                _check_text(sum(len(str(x)) for x in items) + len(items) * len(str(sep)), "join")
                args = (*args[:lead], items, *rest)
            if name == "do_sum" and not isinstance(
                kwargs.get("start", rest[1] if len(rest) > 1 else 0), int | float
            ):
                raise TemplateRefused("sum() of anything but numbers is not allowed in a report template")
            return func(*args, **kwargs)

        return checked


def _check_binop(operator: str, left, right) -> None:
    """Refuse an operation whose result would be too large, before Python builds it."""
    if operator == "%" and isinstance(left, str):
        raise TemplateRefused("formatting texts with % is not allowed in a report template; use ~")
    if operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and right > 0
            and max(abs(left).bit_length(), 1) * right > MAX_INT_BITS
        ):
            raise TemplateRefused(f"{left} ** {right} is too large for a template")
        return
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if _size(seq) and isinstance(n, int):
                _check_text(len(seq) * max(n, 0), "*")
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > MAX_INT_BITS
        ):
            raise TemplateRefused("a product too large for a template")
    if operator == "+" and _size(left) and _size(right):
        _check_text(_size(left) + _size(right), "+")


def report_environment(seconds: float | None = None) -> ReportTemplateEnvironment:
    """A fresh sandbox for one report (its time budget starts now)."""
    return ReportTemplateEnvironment(seconds)
