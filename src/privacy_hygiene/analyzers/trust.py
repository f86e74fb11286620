"""Trust: signs that a site is hard to hold to account (untrustworthy-site).

Principle 1 (don't register at unreliable sites), and 6 for shortened links. Each sign is weak on
its own and stays a low tip. Medium needs structure: a form that collects personal data on an
IP-address host or free hosting, or with no privacy policy while the host is odd. Rules:
PH-TRUST-010 no privacy policy while collecting personal data ·
PH-TRUST-020 Chinese site without an ICP filing · PH-TRUST-030 filing number shown (cannot be verified
offline: how to check) · PH-TRUST-040 malformed filing number · PH-TRUST-050 suspicious TLD ·
PH-TRUST-060 IP-address host · PH-TRUST-070 URL shortener · PH-TRUST-080 free hosting ·
PH-TRUST-090 paste blocked on a password field · PH-TRUST-100 site first seen today (audit history).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.catalog.schemas.content import KindGroups
from privacy_hygiene.catalog.schemas.domains import DomainsFile
from privacy_hygiene.catalog.schemas.trust import TrustFile
from privacy_hygiene.domains import host_of, is_ip, public_suffix, registrable_domain
from privacy_hygiene.i18n import both
from privacy_hygiene.models import Evidence, Finding, Page, Severity
from privacy_hygiene.signals.fields import form_asks, kind_groups
from privacy_hygiene.signals.text import fold_table, normalise


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def _has_privacy_link(page: Page, terms: list[str], fold: dict[int, str]) -> bool:
    """A real link to a privacy policy, or consent text naming one (「我已阅读并同意《隐私政策》」).

    A link that goes nowhere (``href="#"``, ``javascript:``) is decoration copied by scam kits, so
    neither it nor its text counts.
    """
    for link in page.soup.find_all("a"):
        href = str(link.get("href") or "").strip().lower()
        label = f"{link.get_text(' ')} {href} {link.get('title') or ''}".lower()
        if any(term in label for term in terms) and href not in ("", "#") and not href.startswith("javascript:"):
            return True
    loose = " ".join(str(s) for s in page.soup.find_all(string=True) if s.parent is not None and s.parent.name != "a")
    text = normalise(loose, fold)
    return any(term in text for term in terms if not term.isascii()) or "privacy policy" in text


def _mostly_chinese(text: str) -> bool:
    """True when the page's text is mostly Han characters (templates often keep ``lang="en"``)."""
    sample = text[:4000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return han >= 20 and han * 3 >= latin


class TrustAnalyzer:
    """Privacy policy, filing numbers, host shape, shorteners, free hosting, paste blocking, newness."""

    id: ClassVar[str] = "trust"
    rules: ClassVar[tuple[str, ...]] = tuple(f"PH-TRUST-{n:03d}" for n in range(10, 101, 10))

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        data = ctx.catalog.file("trust.toml", TrustFile)
        domains = ctx.catalog.file("domains.toml", DomainsFile)
        url = page.effective_url
        host = host_of(url) if url else ""
        asks = form_asks(ctx) if page.is_html else ()
        kinds = frozenset(kind for ask in asks for kind in ask.kinds)
        collecting = [ask for ask in asks if ask.collects]
        groups = kind_groups(ctx.catalog)
        host_findings = list(self._host(page, host, kinds, groups, domains, ctx)) if host else []
        yield from host_findings
        if not page.is_html:
            return
        if collecting and not _has_privacy_link(page, data.privacy_link, fold_table(ctx.catalog)):
            asking = collecting[0]
            fields = [
                Evidence("field", item.locator, item.kind) for item in asking.fields if item.kind in groups.personal
            ]
            # many small legitimate sites have no policy page: a tip, unless the site is also hard to
            # trace (odd host) or the form wants sensitive data (ID, card, birth data, address:
            # site-audit.md rates that medium). Data sent to another site is transport's finding.
            sensitive = any(ask.kinds & groups.policy_sensitive for ask in collecting)
            severity = Severity.MEDIUM if host_findings or sensitive else Severity.LOW
            yield ctx.finding("PH-TRUST-010", [Evidence("form", asking.locator), *fields[:6]], severity=severity)
        yield from self._filing(page, host, data, ctx)
        yield from self._paste(page, data, ctx)
        if ctx.history is not None and host and not _is_loopback(host):
            site = registrable_domain(host) or host
            if not ctx.history.seen_before(site):
                yield ctx.finding("PH-TRUST-100", [Evidence("domain", site)])

    def _host(
        self,
        page: Page,
        host: str,
        kinds: frozenset[str],
        groups: KindGroups,
        domains: DomainsFile,
        ctx: AnalysisContext,
    ) -> Iterator[Finding]:
        if is_ip(host):
            if not _is_loopback(host):
                if kinds & (groups.personal | groups.secret):
                    yield ctx.finding(
                        "PH-TRUST-060",
                        [Evidence("domain", host)],
                        severity=Severity.MEDIUM,
                        title=both("scam.ip_host_form"),
                    )
                else:
                    yield ctx.finding("PH-TRUST-060", [Evidence("domain", host)])
            return
        tld = public_suffix(host).rsplit(".", 1)[-1]
        weights = {item.tld: item.weight for item in domains.tld}
        if tld in weights:
            yield ctx.finding("PH-TRUST-050", [Evidence("domain", host, f".{tld}")], scam_points=weights[tld])
        hops = [page.url or "", *(hop.url for hop in page.redirects)]
        shortened = [
            h
            for h in (host_of(item) for item in hops if item)
            if h in domains.shorteners or registrable_domain(h) in domains.shorteners
        ]
        if shortened:
            yield ctx.finding("PH-TRUST-070", [Evidence("url", shortened[0], host)])
        free = next((s for s in domains.free_hosting if host == s or host.endswith("." + s)), None)
        if free:
            if kinds & groups.secret:
                yield ctx.finding(
                    "PH-TRUST-080",
                    [Evidence("domain", host, free)],
                    severity=Severity.MEDIUM,
                    title=both("scam.free_hosting_form"),
                )
            else:
                yield ctx.finding("PH-TRUST-080", [Evidence("domain", host, free)])

    def _filing(self, page: Page, host: str, data: TrustFile, ctx: AnalysisContext) -> Iterator[Finding]:
        filing = data.filing
        lang = page.lang
        tld = host.rsplit(".", 1)[-1] if host and not is_ip(host) else ""
        if tld in filing.exempt_tlds or any(lang.startswith(item) for item in filing.exempt_langs):
            return
        text = " ".join(page.soup.get_text(" ").split())
        if not (lang.startswith("zh") or tld == "cn" or _mostly_chinese(text)):
            return
        text = text[-100_000:] if len(text) > 200_000 else text  # filings sit in the footer
        for pattern in filing.valid:
            match = re.search(pattern, text, re.IGNORECASE)
            if match:
                yield ctx.finding("PH-TRUST-030", [Evidence("text", "filing", match.group(0))])
                return
        claimed = re.search(filing.claimed, text, re.IGNORECASE)
        if claimed:
            start = max(0, claimed.start() - 2)
            yield ctx.finding("PH-TRUST-040", [Evidence("text", "filing", text[start : start + 24])])
        else:
            yield ctx.finding("PH-TRUST-020", [Evidence("domain", host or page.target)])

    def _paste(self, page: Page, data: TrustFile, ctx: AnalysisContext) -> Iterator[Finding]:
        patterns = [re.compile(item) for item in data.paste_block]
        for field in page.soup.find_all("input", attrs={"type": re.compile("^password$", re.I)}):
            handlers = [field.get("onpaste")]
            form = field.find_parent("form")
            handlers += [
                form.get("onpaste") if form is not None else None,
                page.soup.body.get("onpaste") if page.soup.body else None,
            ]
            for handler in handlers:
                if isinstance(handler, str) and any(pattern.search(handler) for pattern in patterns):
                    locator = str(field.get("name") or field.get("id") or "password")
                    yield ctx.finding("PH-TRUST-090", [Evidence("field", locator, f"onpaste={handler[:40]}")])
                    return
