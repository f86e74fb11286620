"""Fixed audit reports for snapshots: the display is tested independently of the analyzers' output
(which grows with every rule added); the Pilot tests run the real engine."""

from __future__ import annotations

from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import (
    AuditReport,
    Confidence,
    Evidence,
    Finding,
    FormField,
    FormInfo,
    Grade,
    ScamRisk,
    Severity,
)

INJECTED = "[@click=app.quit]x[/] \x1b]0;PWNED\x07\x1b[2J\u202e[b]Bank[/b]"


def _finding(rule: str, category: str, severity: Severity, zh: str, en: str, evidence: Evidence) -> Finding:
    return Finding(
        rule_id=rule,
        category=category,
        severity=severity,
        confidence=Confidence.HIGH,
        principle=2,
        title=LocalText(zh=zh, en=en),
        advice=LocalText(zh="不要在这个页面填写任何信息。", en="Do not fill in anything on this page."),
        evidence=(evidence,),
    )


def prize_page(
    title: str = "恭喜您中奖！填写资料领取 iPhone", target: str = "http://gift-win.example/claim"
) -> AuditReport:
    """A prize-bait page over http asking for ID and bank card: high scam risk."""
    fields = (
        FormField("name", "name", kind="full_name", required=True, sensitive=True, label="姓名"),
        FormField("idno", "idno", kind="national_id", required=True, sensitive=True, unneeded=True, label="身份证号"),
        FormField("card", "card", kind="bank_card", required=True, sensitive=True, unneeded=True, label="银行卡号"),
        FormField("phone", "phone", kind="phone", required=True, sensitive=True, label="手机号"),
    )
    return AuditReport(
        target=target,
        url=target,
        final_url=target,
        status=200,
        title=title,
        lang="zh",
        grade=Grade("F", 12, (LocalText(zh="−40：敏感信息会以明文发送", en="−40: sensitive data sent unencrypted"),)),
        scam_risk=ScamRisk(
            "very_high", 14, (LocalText(zh="奖品诱饵加上索要银行卡", en="Prize bait plus a bank-card request"),)
        ),
        findings=(
            _finding(
                "PH-TRANSPORT-020",
                "insecure-transport",
                Severity.CRITICAL,
                "密码或证件、银行卡等敏感信息会以明文发送",
                "A password, ID or card number would be sent unencrypted",
                Evidence("form", "form[0]", title),
            ),
            _finding(
                "PH-CONTENT-110",
                "prize-bait",
                Severity.HIGH,
                "领奖页面要你填写身份证和银行卡",
                "A prize page asks for your ID and bank card",
                Evidence("text", "h1", title),
            ),
            _finding(
                "PH-FORMS-010",
                "unneeded-data",
                Severity.HIGH,
                "表单要的信息比它的用途需要的多",
                "The form asks for more than its purpose needs",
                Evidence("field", "form[0]/idno", "身份证号"),
            ),
            _finding(
                "PH-TRACK-010",
                "tracking",
                Severity.LOW,
                "页面加载了访问统计脚本",
                "The page loads an analytics script",
                Evidence("script", "hm.baidu.com", ""),
            ),
        ),
        forms=(FormInfo(0, "http://gift-win.example/submit", "post", "prize_claim", fields),),
    )
