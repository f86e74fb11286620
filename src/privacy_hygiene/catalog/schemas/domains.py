"""Schema of `heuristics/domains.toml`: suspicious TLDs (weights with source and date), URL
shorteners and free-hosting suffixes."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta


class SuspiciousTld(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A top-level domain and the scam points it adds (never decisive: at most 2)."""

    tld: str
    weight: Annotated[int, msgspec.Meta(ge=1, le=2)]
    #: phishing domains per 100k registrations in the source, kept for the next recalibration
    rate: float
    source: str
    date: str


class DomainsFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``domains.toml``."""

    schema: Literal[1]
    meta: Meta
    tld: list[SuspiciousTld] = []
    #: registrable domains of general-purpose URL shorteners (brand shorteners are not listed)
    shorteners: list[str] = []
    #: suffixes (registrable domains) under which anyone can publish a site for free
    free_hosting: list[str] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for name in ("shorteners", "free_hosting"):
            for index, host in enumerate(getattr(self, name)):
                if host != host.strip().lower().strip(".") or not host or "/" in host:
                    problems.append((f"$.{name}[{index}]", "hosts are bare lower-case names"))
        for index, item in enumerate(self.tld):
            if item.tld != item.tld.lower().strip(".") or not item.tld:
                problems.append((f"$.tld[{index}].tld", "TLDs are lower-case, without dots"))
        return problems
