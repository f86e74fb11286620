"""Forms: required fields a form has no business asking for (unneeded-data).

Principle 2 (非必要不填真实信息) and the bank guidance that collection must be lawful, reasonable and
necessary. Rules: PH-FORMS-010 a required sensitive field the form's purpose does not need
(severity by kind: phone, birth date, address... medium) · PH-FORMS-020 the same for an identity
or payment secret (ID number, card number, CVC, payment PIN, security answer; high or critical,
with scam points). The policy is data: ``heuristics/purposes.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.forms.analyze import lexicons
from privacy_hygiene.forms.necessity import judge
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Evidence, Finding, Page


class FormsAnalyzer:
    """One finding per required sensitive field that the form's purpose does not need."""

    id: ClassVar[str] = "forms"
    rules: ClassVar[tuple[str, ...]] = ("PH-FORMS-010", "PH-FORMS-020")

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        fields_lexicon, table = lexicons(ctx.catalog)
        for form in ctx.forms:
            policy = table.purposes.get(form.purpose) or table.purposes["other"]
            for field in form.fields:
                if not field.unneeded:
                    continue
                # unneeded on a mainland site implies unneeded anywhere, so this recovers the
                # severity and advice of the analysis's verdict
                verdict = judge(field.kind, True, form.purpose, table, mainland=False)
                label = fields_lexicon.kind_name(field.kind)
                title = LocalText(
                    zh=f"{policy.name.zh}表单要求填写{label.zh}，但它用不着",
                    en=f"The {policy.name.en} form requires your {label.en}, which it doesn't need",
                )
                reason = field.reason or verdict.reason
                advice = verdict.advice or LocalText(zh="", en="")
                if reason is not None:
                    advice = LocalText(zh=f"{advice.zh}（{reason.zh}）", en=f"{advice.en} ({reason.en})")
                locator = f"form[{form.index}] {field.name or field.id or field.kind}"
                evidence = Evidence("field", locator, f"{field.label or field.kind} → {field.kind}")
                rule_id = "PH-FORMS-020" if verdict.secret else "PH-FORMS-010"
                yield ctx.finding(rule_id, [evidence], severity=verdict.severity, title=title, advice=advice)
