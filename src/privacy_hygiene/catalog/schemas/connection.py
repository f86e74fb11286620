"""Schema of `heuristics/connection.toml`: fetch-level rules and the data they use."""

from __future__ import annotations

from typing import Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef


class ConnectionFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Rules about the connection itself (certificate, redirects, downloads, HTTP status)."""

    schema: Literal[1]
    meta: Meta
    #: certificate failure kind (from engine/tls.py) → the rule that reports it
    tls_rules: dict[str, str]
    #: the rule for a failure kind not listed in ``tls_rules``
    tls_fallback_rule: str
    #: field kinds that make a certificate failure critical when the page asks for them
    tls_critical_field_kinds: list[str]
    #: content types and file extensions of Android packages
    apk_content_types: list[str]
    apk_extensions: list[str]
    #: statuses meaning "the site refused an automated visitor" rather than "the page is broken"
    refused_statuses: list[int]
    rule: list[RuleDef] = []

    def check(self) -> list[tuple[str, str]]:
        ids = {rule.id for rule in self.rule}
        problems = [
            (f"$.tls_rules.{kind}", f"no rule {rule_id} in this file")
            for kind, rule_id in self.tls_rules.items()
            if rule_id not in ids
        ]
        if self.tls_fallback_rule not in ids:
            problems.append(("$.tls_fallback_rule", f"no rule {self.tls_fallback_rule} in this file"))
        problems.extend(
            ("$.apk_extensions", f"{ext!r} must start with a dot")
            for ext in self.apk_extensions
            if not ext.startswith(".")
        )
        return problems
