"""Brand impersonation: the page names a brand it does not belong to (brand-impersonation).

Principle 1. Rules: PH-BRAND-010 the page presents itself as a protected brand (title, headings,
logo alt text, copyright line, site name, icons or logo images from the brand's domains) while its
registrable domain is not the brand's, or it is served from a bare public IP address ·
PH-BRAND-020 the same page asks for a password, card or ID (critical). A page that only names the
brand and asks nothing is reported at low severity (news and reviews name banks too).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.domains import is_public_ip
from privacy_hygiene.models import Confidence, Evidence, Finding, Page, Severity
from privacy_hygiene.signals.fields import kind_groups


class BrandAnalyzer:
    """Pages dressed as a protected brand on a domain the brand does not own."""

    id: ClassVar[str] = "brand"
    rules: ClassVar[tuple[str, ...]] = ("PH-BRAND-010", "PH-BRAND-020")

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        url = page.effective_url
        if not url or not page.is_html:
            return
        from privacy_hygiene.lookalike.mentions import alias_in_host, brand_mentions, strongest_brand

        verdict = ctx.detector.check(url)
        if verdict.note in ("official", "trusted-suffix", "no-host"):
            return
        # a brand never serves its pages from a bare public IP address; a router's or an intranet's
        # admin page on a private address names its maker (TP-Link, 华为) and asks for a password
        site = verdict.host if verdict.note == "ip" and is_public_ip(verdict.host) else verdict.registrable
        if not site or (verdict.note == "ip" and site != verdict.host):
            return
        found = strongest_brand(brand_mentions(page.soup, url, ctx.catalog, host_imitates=verdict.lookalike_of))
        alias = alias_in_host(verdict.host, ctx.catalog) if found is None and not verdict.lookalike_of else None
        if alias is not None:
            found = strongest_brand(brand_mentions(page.soup, url, ctx.catalog, host_imitates=alias))
        if found is None:
            return
        brand, mentions = found
        evidence = [Evidence("text", item.where, item.excerpt[:160]) for item in mentions[:5]]
        evidence.append(Evidence("domain", site, f"{brand.en}: {', '.join(brand.domains[:3])}"))
        credentials = kind_groups(ctx.catalog).credentials
        asked = sorted(
            {field.kind for form in ctx.forms for field in form.fields if field.kind in credentials}
            | {"password" for form in ctx.forms for field in form.fields if field.input_type == "password"}
        )
        if asked:
            evidence.append(Evidence("form", "fields", ", ".join(asked)))
            yield ctx.finding("PH-BRAND-020", evidence)
        elif alias is not None:
            # only a short name in the host backs the page's everyday word for the brand: a course
            # site on dy-yunying.com teaching 抖音 marketing asks for a name, not for secrets
            return
        elif any(form.fields and form.purpose != "search" for form in ctx.forms):
            yield ctx.finding("PH-BRAND-010", evidence)
        else:
            yield ctx.finding("PH-BRAND-010", evidence, severity=Severity.LOW, confidence=Confidence.LOW, scam_points=1)
