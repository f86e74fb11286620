"""Schema of `heuristics/trackers.toml`: our vendor lists, inline-snippet patterns and host lists.

``host_lists`` name plain-text files under ``heuristics/trackers/`` (one host per line, with a header
giving source, licence and date); ``vendor`` entries are our own curated lists (Chinese analytics,
session replay, ad pixels) and win over the generic lists because they carry a name and a kind.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef

VendorKind = Literal["analytics", "advertising", "session-replay"]


class Vendor(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A tracking vendor: its hosts (matched with their sub-domains) and what it does."""

    name: str
    kind: VendorKind
    hosts: list[str] = []
    #: regexes over inline ``<script>`` text (e.g. ``_hmt.push``, ``fbq('init'``)
    snippets: list[str] = []
    region: str = ""
    #: the company behind it, when it runs several products: one company's analytics, tag manager
    #: and ads count once towards the severity (they share what they learn)
    owner: str = ""


class HostList(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A plain-text host list under ``heuristics/trackers/`` and what its hosts are."""

    path: str
    kind: VendorKind
    name: str


class Thresholds(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Tracker counts at which the finding becomes medium and high."""

    medium: int = 4
    high: int = 10


class TrackersFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``trackers.toml``."""

    schema: Literal[1]
    meta: Meta
    thresholds: Thresholds
    host_lists: list[HostList] = []
    vendor: list[Vendor] = []
    rule: list[RuleDef] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for index, vendor in enumerate(self.vendor):
            for number, pattern in enumerate(vendor.snippets):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    problems.append((f"$.vendor[{index}].snippets[{number}]", f"invalid regex: {exc}"))
            for number, host in enumerate(vendor.hosts):
                if host != host.strip().lower() or "/" in host or not host:
                    problems.append((f"$.vendor[{index}].hosts[{number}]", "hosts are bare lower-case names"))
        for index, item in enumerate(self.host_lists):
            if not item.path.startswith("trackers/") or not item.path.endswith(".txt"):
                problems.append((f"$.host_lists[{index}].path", "must be trackers/<name>.txt"))
        if not 0 < self.thresholds.medium < self.thresholds.high:
            problems.append(("$.thresholds", "need 0 < medium < high"))
        return problems
