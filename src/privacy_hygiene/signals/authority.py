"""Official costumes: a page that presents itself as a government body, off government domains,
asking for secrets (PH-CONTENT-330, phrases and emblem patterns in ``heuristics/content/authority.toml``).

Agencies are too many to list as brands, so the page's own claim is the evidence: an agency-shaped
name in its title or headings (``named``), an "official government website" banner anywhere
(``claimed``, weight 2) or a national emblem image. The claim matters only on a host outside the
government-only registries and the protected brands' own domains, and only when a form asks for a
secret beyond a plain sign-in (a ministry's research centre on a .com may have a staff login).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from privacy_hygiene.domains import host_of
from privacy_hygiene.models import Evidence, Finding, Severity
from privacy_hygiene.signals.overreach import institution_site, own_named_site

if TYPE_CHECKING:
    from bs4 import Tag

    from privacy_hygiene.analyzers.base import AnalysisContext
    from privacy_hygiene.signals.fields import FormAsk
    from privacy_hygiene.signals.text import Hit


def official_costume(
    asks: Sequence[FormAsk],
    *,
    named: list[Hit],
    claimed: list[Hit],
    emblems: list[Tag],
    ctx: AnalysisContext,
) -> Iterator[Finding]:
    """One finding for the first form asking for a secret under an official costume."""
    if not (named or claimed or emblems) or institution_site(ctx) or own_named_site(ctx):
        return
    for ask in asks:
        secrets = ask.kinds & ask.groups.secret
        if not secrets or ask.signs_in:
            continue
        target = host_of(ask.action) if ask.action else ""
        evidence = [Evidence("text", hit.phrase.family, hit.excerpt) for hit in [*claimed, *named][:3]]
        evidence += [Evidence("image", str(img.get("src") or img.get("alt") or "img")[:80]) for img in emblems[:1]]
        evidence.append(Evidence("form", ask.locator, f"→ {target}" if target else ""))
        evidence += [Evidence("field", item.locator, item.kind) for item in ask.fields if item.kind in secrets][:6]
        if named and (claimed or emblems):
            # the agency's name *and* the trappings of an official site: a full costume
            yield ctx.finding("PH-CONTENT-330", evidence, severity=Severity.HIGH, scam_points=5)
        else:
            yield ctx.finding("PH-CONTENT-330", evidence)
        return
