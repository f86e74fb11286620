"""Schema of `heuristics/transport.toml`."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef


class TransportFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The transport rules, and how a page's scripts send what is typed (``script_submit``)."""

    schema: Literal[1]
    meta: Meta
    rule: list[RuleDef] = []
    #: regexes over inline scripts whose group 1 is the URL typed data is sent to
    script_submit: list[str] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for index, pattern in enumerate(self.script_submit):
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                problems.append((f"$.script_submit[{index}]", f"invalid regular expression: {exc}"))
                continue
            if compiled.groups < 1:
                problems.append((f"$.script_submit[{index}]", "needs a group that captures the URL"))
        return problems
