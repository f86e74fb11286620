"""Lookalike: the page's host imitates a protected brand's domain (lookalike-domain).

Principle 1 (don't register at unreliable sites). Rules: PH-LOOKALIKE-010 the host imitates a brand
(typos, combosquats, TLD swaps, embedded domains) · PH-LOOKALIKE-020 look-alike letters from other
alphabets (critical) · PH-LOOKALIKE-030 mixed scripts with no brand found. The verdict comes from
:mod:`privacy_hygiene.lookalike`, the same detector as ``privacy-hygiene domain``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Evidence, Finding, Page


class LookalikeAnalyzer:
    """The page's (final) host judged against the protected brands."""

    id: ClassVar[str] = "lookalike"
    rules: ClassVar[tuple[str, ...]] = ("PH-LOOKALIKE-010", "PH-LOOKALIKE-020", "PH-LOOKALIKE-030")

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        url = page.effective_url
        if not url:
            return
        from privacy_hygiene.lookalike.explain import explain

        verdict = ctx.detector.check(url)
        if verdict.technique is None:
            return
        if verdict.lookalike_of is None:
            rule_id = "PH-LOOKALIKE-030"
        elif verdict.technique == "homoglyph":
            rule_id = "PH-LOOKALIKE-020"
        else:
            rule_id = "PH-LOOKALIKE-010"
        rule = ctx.catalog.rule(rule_id)
        # the title says how, in both languages ("uses Cyrillic 'а' in place of Latin 'a' ...")
        title = LocalText(
            zh=f"{rule.title.zh}：{explain(verdict, 'zh', verdict.registrable)}",
            en=f"{rule.title.en}: {explain(verdict, 'en', verdict.registrable)}",
        )
        evidence = [Evidence("domain", verdict.host, f"{verdict.technique} · {verdict.score:.2f}")]
        if verdict.lookalike_of:
            evidence.append(Evidence("domain", verdict.lookalike_of, verdict.brand_en))
        yield ctx.finding(rule_id, evidence, title=title)
