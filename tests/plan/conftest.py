"""Plans built in tests: a handful of checklist items in every state, and an audited page whose
title, URL and finding texts carry markup, Markdown image syntax, Rich markup and terminal escapes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from privacy_hygiene.i18n import LocalText
from privacy_hygiene.plan.model import (
    AuditRecord,
    FindingRecord,
    ItemStatus,
    PlanInputs,
    PrincipleScoreInput,
    ScoreSummary,
)

FIXED_NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)

HOSTILE = (
    "<script>alert(1)</script><img src=x onerror=alert(2)> ![x](http://evil/x.png) "
    "[click](javascript:alert(3)) [@click=app.quit]x[/] \x1b[31mred\x1b]8;;http://evil\x07 <http://evil/auto> "
    "**bold** `code` &lt;b&gt; | pipe"
)


def text(zh: str, en: str) -> LocalText:
    return LocalText(zh=zh, en=en)


PRINCIPLES = {number: text(f"准则{number}", f"Principle {number}") for number in range(1, 13)}


def sample_items() -> tuple[ItemStatus, ...]:
    return (
        ItemStatus(
            id="P08.telemetry",
            principle=8,
            title=text("关闭浏览器遥测", "Turn off browser telemetry"),
            weight=2,
            effort=1,
            state="fail",
            how={
                "firefox": (
                    text(
                        "设置 → 隐私与安全 → 取消勾选数据收集", "Settings → Privacy & Security → untick data collection"
                    ),
                ),
                "chrome": (text("设置 → 隐私 → 关闭使用情况统计", "Settings → Privacy → turn off usage statistics"),),
            },
            refs=("https://support.mozilla.org/kb/telemetry", "javascript:alert(4)"),
        ),
        ItemStatus(
            id="P10.pay_to_win",
            principle=10,
            title=text("从不为领奖付费", "Never pay to receive a prize"),
            weight=5,
            effort=1,
            state="unknown",
        ),
        ItemStatus(
            id="P11.phone_reset",
            principle=11,
            title=text("卖手机前先恢复出厂设置", "Reset a phone before selling it"),
            weight=5,
            effort=3,
            state="fail",
            how={
                "android": (text("退出云账号，再恢复出厂设置", "Sign out of cloud accounts, then factory reset"),),
                "ios": (text("关闭“查找”，再抹掉所有内容", "Turn off Find My, then erase all content"),),
                "any": (text("取出 SIM 卡和存储卡", "Remove the SIM and memory cards"),),
            },
        ),
        ItemStatus(
            id="P07.devices_review",
            principle=7,
            title=text("检查已登录的设备", "Review logged-in devices"),
            weight=3,
            effort=2,
            state="pass",
            review_every_days=90,
            confirmed_on=date(2026, 10, 1),
        ),
        ItemStatus(
            id="P12.sim_check",
            principle=12,
            title=text("一证通查名下号码", "Check the numbers in your name"),
            weight=4,
            effort=2,
            state="partial",
            review_every_days=180,
            confirmed_on=date(2026, 1, 5),
        ),
        ItemStatus(
            id="P01.saved_sites_review",
            principle=1,
            title=text("认识浏览器保存了登录的每个网站", "Recognise every saved login"),
            weight=2,
            effort=2,
            state="fail",
            details=("login for bank.example.com", "profile /home/ann/.mozilla/x\x1b[2J"),
        ),
        ItemStatus(
            id="P04.no_public_login",
            principle=4,
            title=text("不在公共电脑登录", "No logins on public computers"),
            weight=4,
            effort=1,
            state="not_applicable",
        ),
        ItemStatus(
            id="P02.optional_fields",
            principle=2,
            title=text("选填项留空", "Leave optional fields empty"),
            weight=3,
            effort=1,
            state="fail",
            relevance=1.5,
        ),
        ItemStatus(
            id="P03.photo_check",
            principle=3,
            title=text("发照片前检查", "Check photos before posting"),
            weight=3,
            effort=2,
            state="fail",
        ),
        ItemStatus(
            id="P05.parcel_labels",
            principle=5,
            title=text("撕掉快递单", "Destroy parcel labels"),
            weight=3,
            effort=1,
            state="partial",
            review_every_days=30,
        ),
        ItemStatus(
            id="P06.qr_codes",
            principle=6,
            title=text("不扫来历不明的二维码", "Don't scan stray QR codes"),
            weight=3,
            effort=1,
            state="fail",
        ),
        ItemStatus(
            id="P09.no_birth_data",
            principle=9,
            title=text("不在算命网站填生辰", "No birth data on fortune sites"),
            weight=3,
            effort=1,
            state="pass",
        ),
    )


def hostile_audit() -> AuditRecord:
    return AuditRecord(
        target="http://evil.example/win?x=<script>",
        url="javascript:alert(5)//" + HOSTILE,
        title=HOSTILE,
        audited_at=datetime(2026, 11, 26, 20, 15, tzinfo=UTC),
        grade="F",
        score=12,
        scam_level="very_high",
        findings=(
            FindingRecord(
                rule_id="PH-SCAM-010",
                severity="critical",
                title=text("标题 " + HOSTILE, "Title " + HOSTILE),
                advice=text("不要填写 " + HOSTILE, "Do not enter " + HOSTILE),
                if_entered=text("立即改密码 " + HOSTILE, "Change the password now " + HOSTILE),
            ),
            FindingRecord(
                rule_id="PH-TRANSPORT-020",
                severity="high",
                title=text("表单未加密", "The form is sent unencrypted"),
                advice=text("不要在此页面输入密码", "Do not type a password on this page"),
            ),
            FindingRecord(
                rule_id="PH-TRACK-010",
                severity="low",
                title=text("有跟踪器", "Has trackers"),
                advice=text("无需处理", "Nothing to do"),
            ),
        ),
    )


#: scores as the checklist would give them for the sample items (the checklist owns scoring)
SCORES = ScoreSummary(
    score=26,
    coverage=91,
    band="needs_work",
    band_label=text("需要改进", "Needs work"),
    principles=tuple(
        PrincipleScoreInput(principle=number, score=score, answered=answered, applicable=applicable)
        for number, score, answered, applicable in [
            (1, 0, 1, 1),
            (2, 0, 1, 1),
            (3, 0, 1, 1),
            (4, None, 0, 0),
            (5, 50, 1, 1),
            (6, 0, 1, 1),
            (7, 100, 1, 1),
            (8, 0, 1, 1),
            (9, 100, 1, 1),
            (10, 0, 0, 1),
            (11, 0, 1, 1),
            (12, 50, 1, 1),
        ]
    ),
)


def sample_inputs(
    *, audits: bool = True, platforms: frozenset[str] | None = frozenset({"firefox", "android"})
) -> PlanInputs:
    return PlanInputs(
        items=sample_items(),
        principles=PRINCIPLES,
        scores=SCORES,
        platform_labels={"firefox": text("火狐 Firefox", "Firefox"), "android": text("安卓手机", "Android")},
        audits=(hostile_audit(),) if audits else (),
        platforms=platforms,
        state={"intake": {"platforms": sorted(platforms or ())}, "answers": [], "audits": []},
    )


@pytest.fixture
def inputs() -> PlanInputs:
    return sample_inputs()
