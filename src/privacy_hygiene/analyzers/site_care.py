"""Site care: security headers, cookie flags and mixed content (Observatory-style, capped in scoring).

Principles 6 (encryption on open networks), 7 (sessions that outlive you) and 8 (what the browser
tells other sites). Header and cookie checks need the server's answer, so they run only on fetched
pages; mixed content also runs on saved pages audited as an https address. Rules:
PH-SITECARE-010 HSTS missing or too short · PH-SITECARE-020 no CSP · PH-SITECARE-030 no nosniff ·
PH-SITECARE-040 Referrer-Policy that leaks full addresses · PH-SITECARE-050 cookie without Secure ·
PH-SITECARE-060 session cookie without HttpOnly · PH-SITECARE-070 session cookie without SameSite ·
PH-SITECARE-080 scripts/frames/styles over http on an https page · PH-SITECARE-090 images/media over
http on an https page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urljoin

from bs4 import Tag

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.catalog.schemas.site_care import ResourceRef, SiteCareFile
from privacy_hygiene.models import Evidence, Finding, Page, Severity

_MAX_AGE = re.compile(r"max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
#: evidence items kept per finding (a page with 300 http images needs only a few examples)
_MAX_EVIDENCE = 5


@dataclass(frozen=True)
class SetCookie:
    """The parts of a ``Set-Cookie`` header that matter here (never the value: it may be a secret)."""

    name: str
    secure: bool
    http_only: bool
    same_site: str

    @classmethod
    def parse(cls, header: str) -> SetCookie:
        first, _, rest = header.partition(";")
        attributes = {}
        for item in rest.split(";"):
            key, _, value = item.partition("=")
            attributes[key.strip().lower()] = value.strip().strip('"').lower()
        return cls(
            name=first.partition("=")[0].strip()[:80],
            secure="secure" in attributes,
            http_only="httponly" in attributes,
            same_site=attributes.get("samesite", ""),
        )


def _is_https(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith("https:")


def _meta_content(metas: list[Tag], attribute: str, value: str) -> str | None:
    for node in metas:
        if str(node.get(attribute, "")).strip().lower() == value:
            return str(node.get("content", ""))
    return None


class SiteCareAnalyzer:
    """HSTS, CSP, nosniff, Referrer-Policy, cookie flags and mixed content."""

    id: ClassVar[str] = "site_care"
    rules: ClassVar[tuple[str, ...]] = tuple(f"PH-SITECARE-0{n}0" for n in range(1, 10))

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        if not page.is_html:
            return
        data = ctx.catalog.file("site_care.toml", SiteCareFile)
        https = _is_https(page.effective_url)
        if page.source == "http":
            metas = page.soup.find_all("meta")
            yield from self._headers(page, ctx, data, https, metas)
            yield from self._cookies(page, ctx, data, https)
        if https:
            yield from self._mixed(page, ctx, data)

    def _headers(
        self, page: Page, ctx: AnalysisContext, data: SiteCareFile, https: bool, metas: list[Tag]
    ) -> Iterator[Finding]:
        if https:
            hsts = page.header("strict-transport-security")
            match = _MAX_AGE.search(hsts or "")
            if match is None or int(match.group(1)) < data.hsts_min_max_age:
                yield ctx.finding("PH-SITECARE-010", [Evidence("header", "strict-transport-security", hsts or "")])
        csp = page.header("content-security-policy") or _meta_content(metas, "http-equiv", "content-security-policy")
        if not (csp or "").strip():
            yield ctx.finding("PH-SITECARE-020", [Evidence("header", "content-security-policy")])
        nosniff = (page.header("x-content-type-options") or "").strip().lower()
        if nosniff != "nosniff":
            yield ctx.finding("PH-SITECARE-030", [Evidence("header", "x-content-type-options", nosniff)])
        # a <meta name="referrer"> overrides the header; in a list the last known token wins
        policy_text = _meta_content(metas, "name", "referrer") or page.header("referrer-policy") or ""
        tokens = [token.strip().lower() for token in policy_text.split(",") if token.strip()]
        if tokens and tokens[-1] in data.referrer_unsafe:
            yield ctx.finding("PH-SITECARE-040", [Evidence("header", "referrer-policy", policy_text)])

    def _cookies(self, page: Page, ctx: AnalysisContext, data: SiteCareFile, https: bool) -> Iterator[Finding]:
        words = tuple(word.lower() for word in data.session_cookie_words)
        insecure: list[Evidence] = []
        insecure_session = False
        readable: list[Evidence] = []
        cross_site: list[Evidence] = []
        for header in page.header_all("set-cookie"):
            cookie = SetCookie.parse(header)
            if not cookie.name:
                continue
            session = any(word in cookie.name.lower() for word in words)
            if https and not cookie.secure:
                insecure.append(Evidence("cookie", cookie.name))
                insecure_session = insecure_session or session
            if session and not cookie.http_only:
                readable.append(Evidence("cookie", cookie.name))
            if session and cookie.same_site in ("", "none"):
                cross_site.append(Evidence("cookie", cookie.name, f"SameSite={cookie.same_site or '-'}"))
        if insecure:
            severity = Severity.MEDIUM if insecure_session else None
            yield ctx.finding("PH-SITECARE-050", insecure[:_MAX_EVIDENCE], severity=severity)
        if readable:
            yield ctx.finding("PH-SITECARE-060", readable[:_MAX_EVIDENCE])
        if cross_site:
            yield ctx.finding("PH-SITECARE-070", cross_site[:_MAX_EVIDENCE])

    def _mixed(self, page: Page, ctx: AnalysisContext, data: SiteCareFile) -> Iterator[Finding]:
        # one pass over the tree (a hostile page may hold 100 000 tags), then resolve against <base>
        refs: dict[str, list[tuple[ResourceRef, bool]]] = {}
        for ref in data.active_resources:
            refs.setdefault(ref.tag, []).append((ref, True))
        for ref in data.passive_resources:
            refs.setdefault(ref.tag, []).append((ref, False))
        wanted = {*refs, "base"}  # bs4's find_all(list) tests every name against every tag: slow
        nodes = [node for node in page.soup.descendants if isinstance(node, Tag) and node.name in wanted]
        base = page.effective_url or ""
        base_node = next((node for node in nodes if node.name == "base" and node.get("href")), None)
        if base_node is not None:
            base = urljoin(base, str(base_node.get("href", "")).strip())
        active: list[Evidence] = []
        passive: list[Evidence] = []
        for node in nodes:
            for ref, is_active in refs.get(node.name, ()):
                url = _http_load(node, ref, base)
                if url:
                    (active if is_active else passive).append(Evidence(ref.tag, url[:200], f"<{ref.tag} {ref.attr}>"))
        if active:
            yield ctx.finding("PH-SITECARE-080", active[:_MAX_EVIDENCE])
        if passive:
            yield ctx.finding("PH-SITECARE-090", passive[:_MAX_EVIDENCE])


def _http_load(node: Tag, ref: ResourceRef, base: str) -> str:
    """The absolute http URL ``node`` loads through ``ref``, or ""."""
    value = node.get(ref.attr)
    if not isinstance(value, str) or not value.strip():
        return ""
    if ref.rel:
        rel = node.get("rel")
        words = rel if isinstance(rel, list) else str(rel or "").split()
        if ref.rel not in (word.lower() for word in words):
            return ""
    try:
        url = urljoin(base, value.strip())
    except ValueError:
        return ""
    return url if url.lower().startswith("http:") else ""
