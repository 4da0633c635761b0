"""The names a catalogue may use, each registered by the code that implements it.

- ``rule``: how a requirement's element results combine into a status (``@rule("all")``);
- ``scope``: where a requirement's elements are looked for (``@scope("offence")``);
- ``parameter``: a figure read from the law and checked against the standard (``@parameter("child_age")``).

A name is written once, on the function that implements it; the catalogue schema
(``standards/schema.json``) lists the same names so that a catalogue file with a misspelt rule is
rejected, and a test checks that the two lists agree. This module imports nothing of lexcheck, so
anything may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Registry:
    """Functions by name, in the order they were registered."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._functions: dict[str, Callable[..., Any]] = {}
        self._internal: set[str] = set()

    def __call__(self, name: str, *, internal: bool = False) -> Callable[[F], F]:
        """Register the decorated function as ``name``; ``internal`` names are not for catalogues."""

        def register(function: F) -> F:
            if name in self._functions:
                raise ValueError(f"{self.what} {name!r} is registered twice")
            self._functions[name] = function
            if internal:
                self._internal.add(name)
            return function

        return register

    def __getitem__(self, name: str) -> Callable[..., Any]:
        return self._functions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._functions

    def items(self) -> list[tuple[str, Callable[..., Any]]]:
        return list(self._functions.items())

    def names(self) -> tuple[str, ...]:
        """The names a catalogue may use, in registration order."""
        return tuple(n for n in self._functions if n not in self._internal)


RULES = Registry("rule")
SCOPES = Registry("scope")
PARAMETERS = Registry("parameter")

rule = RULES
scope = SCOPES
parameter = PARAMETERS
