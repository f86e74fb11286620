"""Schema of `heuristics/trust.toml`: what makes a site hard to trust (privacy-policy wording,
ICP/public-security filing formats, paste blocking) and the rules."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef


class Filing(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where mainland-China filing numbers are expected and how they are written."""

    #: a well-formed ICP filing or licence number, or a public-security filing number
    valid: list[str]
    #: text that claims a filing (ICP备, 公网安备) — when present but no ``valid`` pattern matches
    claimed: str
    #: html lang values (prefixes) of pages that need no mainland filing (Traditional Chinese)
    exempt_langs: list[str] = []
    #: TLDs that need no mainland filing (Hong Kong, Macau, Taiwan)
    exempt_tlds: list[str] = []


class TrustFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``trust.toml``."""

    schema: Literal[1]
    meta: Meta
    #: link text or href fragments (lower-case) that point to a privacy policy
    privacy_link: list[str]
    filing: Filing
    #: regexes over a password field's ``onpaste``/``oncopy`` attribute, or inline scripts, that block pasting
    paste_block: list[str] = []
    rule: list[RuleDef] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        patterns = [("$.filing.claimed", self.filing.claimed)]
        patterns += [(f"$.filing.valid[{i}]", item) for i, item in enumerate(self.filing.valid)]
        patterns += [(f"$.paste_block[{i}]", item) for i, item in enumerate(self.paste_block)]
        for where, pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append((where, f"invalid regex: {exc}"))
        return problems
