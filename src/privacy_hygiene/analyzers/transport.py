"""Transport: is what you type sent encrypted, and to the site you see?

Principles 6 (unencrypted networks) and 1 (unreliable sites). Rules:
PH-TRANSPORT-010 form on an http page · PH-TRANSPORT-020 sensitive field over http (critical) ·
PH-TRANSPORT-030 form action over http · PH-TRANSPORT-040 password in a GET form ·
PH-TRANSPORT-050 form (or a script sending the page's inputs) posts to another registrable domain ·
PH-TRANSPORT-060 ... carrying sensitive fields · PH-TRANSPORT-070 form posts to a bare IP address ·
PH-TRANSPORT-080 ``mailto:`` action.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlsplit

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.analyzers.trackers import tracker_index
from privacy_hygiene.catalog.schemas.transport import TransportFile
from privacy_hygiene.domains import host_of, is_ip, registrable_domain
from privacy_hygiene.models import Evidence, Finding, FormInfo, Page, Severity
from privacy_hygiene.sanitize import one_line
from privacy_hygiene.signals.fields import form_asks, kind_groups

#: inline script text read per page for script submissions (a kit's sender is small; bundles are huge)
_MAX_SCRIPT_CHARS = 200_000


def _scheme(url: str | None) -> str:
    if not url:
        return ""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def _form_locator(form: FormInfo) -> str:
    return f"form[{form.index}]"


def _collected(form: FormInfo) -> list[str]:
    return [field.kind for field in form.fields if field.kind != "search_query"]


class TransportAnalyzer:
    """Forms on http pages, http actions, GET passwords, cross-site and ``mailto:`` submissions."""

    id: ClassVar[str] = "transport"
    rules: ClassVar[tuple[str, ...]] = tuple(f"PH-TRANSPORT-0{n}0" for n in range(1, 9))

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        page_url = page.effective_url
        page_scheme = _scheme(page_url)
        groups = kind_groups(ctx.catalog)
        # secrets (what opens an account or moves money) make an unencrypted or cross-site form
        # critical/high; the rest of what is worth protecting in transit makes it medium
        secret, in_transit = groups.secret, groups.in_transit
        for form in ctx.forms:
            kinds = _collected(form)
            if not kinds:
                continue
            sensitive = sorted({kind for kind in kinds if kind in secret})
            action_scheme = _scheme(form.action)
            where = Evidence("form", _form_locator(form), f"{form.method.upper()} {form.action}")
            field_evidence = [
                Evidence("field", field.name or field.id or field.kind, field.kind)
                for field in form.fields
                if field.kind in secret
            ]
            if action_scheme == "mailto":
                yield ctx.finding("PH-TRANSPORT-080", [where])
                continue
            if page_scheme == "http" or (action_scheme == "http" and page_scheme != "https"):
                if sensitive:
                    yield ctx.finding("PH-TRANSPORT-020", [where, *field_evidence])
                elif any(kind in in_transit for kind in kinds) or page_scheme == "http":
                    yield ctx.finding("PH-TRANSPORT-010", [where])
            elif action_scheme == "http":
                if sensitive:
                    yield ctx.finding("PH-TRANSPORT-020", [where, *field_evidence])
                else:
                    yield ctx.finding("PH-TRANSPORT-030", [where])
            if form.method == "get" and "password" in kinds:
                yield ctx.finding("PH-TRANSPORT-040", [where])
            yield from self._destination(page_url, form, kinds, sensitive, where, ctx)
        posted = {
            registrable_domain(host_of(form.action)) for form in ctx.forms if _scheme(form.action) in ("http", "https")
        }
        if page_scheme == "http" and page.is_html:
            yield from self._loose_on_http(ctx, secret, in_transit)
        yield from self._scripted(page, ctx, posted)

    def _loose_on_http(
        self, ctx: AnalysisContext, secret: frozenset[str], in_transit: frozenset[str]
    ) -> Iterator[Finding]:
        """Inputs outside any ``<form>`` (sent by a script) on an unencrypted page."""
        loose = next((ask for ask in form_asks(ctx) if ask.index < 0 and ask.kinds & in_transit), None)
        if loose is None:
            return
        where = Evidence("form", loose.locator)
        fields = [Evidence("field", item.locator, item.kind) for item in loose.fields if item.kind in in_transit]
        if loose.kinds & secret:
            yield ctx.finding("PH-TRANSPORT-020", [where, *fields[:6]])
        else:
            yield ctx.finding("PH-TRANSPORT-010", [where])

    def _scripted(self, page: Page, ctx: AnalysisContext, reported: set[str]) -> Iterator[Finding]:
        """Inputs a script sends to another site (fetch, XHR, sendBeacon, a script-set action)."""
        page_host = host_of(page.effective_url) if page.effective_url else ""
        page_site = registrable_domain(page_host) if page_host else ""
        if not page.is_html or not page_site:
            return
        groups = kind_groups(ctx.catalog)
        kinds = {kind for ask in form_asks(ctx) for kind in ask.kinds} & groups.in_transit
        if not kinds:
            return
        patterns = [re.compile(item) for item in ctx.catalog.file("transport.toml", TransportFile).script_submit]
        budget = _MAX_SCRIPT_CHARS
        for script in page.soup.find_all("script"):
            if script.get("src") or budget <= 0:
                continue
            text = script.get_text()[:budget]
            budget -= len(text)
            for pattern in patterns:
                for match in pattern.finditer(text):
                    host = host_of(match.group(1))
                    site = registrable_domain(host) if host else ""
                    if not site or site == page_site or site in reported:
                        continue
                    if tracker_index(ctx.catalog).vendor_of(host) is not None:
                        continue  # an analytics beacon, not where the answers go
                    if _between_official_domains(page_host, host, ctx):
                        continue
                    reported.add(site)
                    evidence = [
                        Evidence("script", "inline script", one_line(match.group(0), 160)),
                        Evidence("domain", site, f"{page_site} → {site}"),
                    ]
                    yield ctx.finding("PH-TRANSPORT-060" if kinds & groups.secret else "PH-TRANSPORT-050", evidence)

    def _destination(
        self,
        page_url: str | None,
        form: FormInfo,
        kinds: list[str],
        sensitive: list[str],
        where: Evidence,
        ctx: AnalysisContext,
    ) -> Iterator[Finding]:
        if _scheme(form.action) not in ("http", "https"):
            return
        action_host = host_of(form.action)
        if not action_host:
            return
        page_host = host_of(page_url) if page_url else ""
        if is_ip(action_host) and action_host != page_host:
            yield ctx.finding("PH-TRANSPORT-070", [where, Evidence("domain", action_host)])
            return
        if not page_host:
            return
        target_site = registrable_domain(action_host)
        page_site = registrable_domain(page_host)
        if not target_site or target_site == page_site:
            return
        evidence = [where, Evidence("domain", target_site, f"{page_site or page_host} → {target_site}")]
        if _between_official_domains(page_host, action_host, ctx):
            # a protected brand's own page posting to another protected brand's own domain: the
            # single sign-on of a company group (pages.tmall.com → login.taobao.com), not phishing,
            # which is never hosted on an official domain
            yield ctx.finding("PH-TRANSPORT-050", evidence, severity=Severity.LOW, scam_points=0)
            return
        if sensitive:
            yield ctx.finding("PH-TRANSPORT-060", evidence)
        elif any(kind in kind_groups(ctx.catalog).in_transit for kind in kinds):
            yield ctx.finding("PH-TRANSPORT-050", evidence)
        else:
            yield ctx.finding("PH-TRANSPORT-050", evidence, severity=Severity.LOW, scam_points=0)


def _between_official_domains(page_host: str, action_host: str, ctx: AnalysisContext) -> bool:
    detector = ctx.detector
    return detector.check(page_host).note == "official" and detector.check(action_host).note == "official"
