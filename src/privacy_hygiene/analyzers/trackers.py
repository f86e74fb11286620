"""Trackers: known tracking and session-replay scripts on the page (tracking).

Principle 8 (browser privacy settings) — and 1: a page that records your typing before you submit
is not one to trust with personal data. Static analysis of the HTML: resource URLs of script, img,
iframe, link, source and embed tags, plus host names and vendor snippets inside inline scripts.
Rules: PH-TRACKERS-010 known trackers (severity by count: thresholds in ``trackers.toml``; the
medium band counts the companies behind them and needs a form asking for personal data beyond an
email) ·
PH-TRACKERS-020 session replay (medium when the page has input boxes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.trackers import TrackersFile, Vendor
from privacy_hygiene.domains import host_of, registrable_domain
from privacy_hygiene.i18n import both
from privacy_hygiene.models import Evidence, Finding, Page, Severity
from privacy_hygiene.signals.fields import form_asks, kind_groups

_RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "link": "href",
    "source": "src",
    "embed": "src",
    "object": "data",
    "audio": "src",
    "video": "src",
}
_URL_IN_SCRIPT = re.compile(r"(?:https?:)?//([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?=[/:'\"?\s]|$)", re.IGNORECASE)
_INPUT_TYPES_SKIPPED = frozenset({"hidden", "submit", "button", "image", "reset"})
_MAX_SCRIPT_CHARS = 200_000


@dataclass(frozen=True)
class TrackerIndex:
    """Vendor hosts (host → vendor), snippet patterns, and the generic host set."""

    by_host: dict[str, Vendor]
    snippets: tuple[tuple[re.Pattern[str], Vendor], ...]
    generic: frozenset[str]

    def vendor_of(self, host: str) -> Vendor | str | None:
        """The vendor owning ``host`` (or a parent domain), the generic list's matching rule, or None."""
        labels = host.lower().strip(".").split(".")
        candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
        for candidate in candidates:
            if candidate in self.by_host:
                return self.by_host[candidate]
        for candidate in candidates:
            if candidate in self.generic:
                return candidate
        return None


@functools.lru_cache(maxsize=4)
def tracker_index(catalog: Catalog) -> TrackerIndex:
    """The compiled tracker data of ``catalog`` (built once per catalog)."""
    data = catalog.file("trackers.toml", TrackersFile)
    by_host = {host: vendor for vendor in data.vendor for host in vendor.hosts}
    snippets = tuple((re.compile(pattern), vendor) for vendor in data.vendor for pattern in vendor.snippets)
    generic: set[str] = set()
    for item in data.host_lists:
        generic.update(line.lower() for line in catalog.text_lines(item.path))
    return TrackerIndex(by_host, snippets, frozenset(generic))


def _resource_hosts(page: Page) -> tuple[list[str], str]:
    """Hosts of the page's resources and the text of its inline scripts (capped)."""
    soup = page.soup
    hosts: list[str] = []
    for tag_name, attr in _RESOURCE_ATTRS.items():
        for tag in soup.find_all(tag_name):
            value = tag.get(attr)
            if isinstance(value, str) and "//" in value:
                host = host_of(value.strip())
                if host:
                    hosts.append(host)
    inline = []
    for tag in soup.find_all(("script", "noscript")):
        if tag.name == "script" and tag.get("src"):
            inline.append(str(tag.get("src")))
            continue
        inline.append(tag.get_text())
    scripts = "\n".join(inline)[:_MAX_SCRIPT_CHARS]
    hosts.extend(match.group(1).lower() for match in _URL_IN_SCRIPT.finditer(scripts))
    return hosts, scripts


def _collects_profile(ctx: AnalysisContext) -> bool:
    """True when a form (or loose inputs) asks for personal data beyond an email address."""
    watched = kind_groups(ctx.catalog).replay_sensitive
    return any(ask.kinds & watched for ask in form_asks(ctx))


def _has_inputs(page: Page) -> bool:
    for tag in page.soup.find_all(("input", "textarea", "select")):
        input_type = str(tag.get("type") or "text").lower() if tag.name == "input" else tag.name
        if input_type not in _INPUT_TYPES_SKIPPED:
            return True
    return False


class TrackersAnalyzer:
    """Known trackers (EasyPrivacy + our vendor lists + inline snippets) and session replay."""

    id: ClassVar[str] = "trackers"
    rules: ClassVar[tuple[str, ...]] = ("PH-TRACKERS-010", "PH-TRACKERS-020")

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        if not page.is_html:
            return
        index = tracker_index(ctx.catalog)
        data = ctx.catalog.file("trackers.toml", TrackersFile)
        page_site = registrable_domain(page.effective_url) if page.effective_url else ""
        hosts, scripts = _resource_hosts(page)
        found: dict[str, tuple[str, Vendor | None]] = {}  # key → (host or snippet, vendor)
        for host in dict.fromkeys(hosts):
            site = registrable_domain(host)
            if page_site and site == page_site:
                continue  # first-party: EasyPrivacy's host rules are third-party rules
            match = index.vendor_of(host)
            if isinstance(match, str):
                found.setdefault(site or match, (host, None))
            elif match is not None:
                found.setdefault(match.name, (host, match))
        for pattern, vendor in index.snippets:
            if vendor.name not in found:
                snippet = pattern.search(scripts)
                if snippet:
                    found[vendor.name] = (snippet.group(0)[:40], vendor)
        if not found:
            return
        count = len(found)
        # the medium band counts companies (Google's analytics, tag manager and ads are one recipient
        # of what you type); ten vendors or more are excessive however they are owned
        companies = len({(vendor.owner or vendor.name) if vendor else name for name, (_, vendor) in found.items()})
        severity = Severity.LOW
        if count >= data.thresholds.high:
            severity = Severity.HIGH
        elif companies >= data.thresholds.medium and _collects_profile(ctx):
            # a news page with a handful of analytics vendors is ordinary; the same vendors watching
            # a form that takes your name, phone or card is what the person should weigh
            severity = Severity.MEDIUM
        evidence = [
            Evidence("script", where, vendor.name if vendor else name)
            for name, (where, vendor) in list(found.items())[:12]
        ]
        yield ctx.finding(
            "PH-TRACKERS-010", evidence, severity=severity, title=both("scam.trackers_count", count=count)
        )
        replay = [(where, vendor) for where, vendor in found.values() if vendor and vendor.kind == "session-replay"]
        if replay:
            evidence = [Evidence("script", where, vendor.name) for where, vendor in replay]
            if _has_inputs(page):
                yield ctx.finding(
                    "PH-TRACKERS-020", evidence, severity=Severity.MEDIUM, title=both("scam.replay_with_inputs")
                )
            else:
                yield ctx.finding("PH-TRACKERS-020", evidence)
