"""Every checklist item validates: both languages, known platforms, browser checks from the fixed
vocabulary, intake conditions that exist, and the guide's concrete advice is really there."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.checklist import PLATFORMS, Item
from privacy_hygiene.checklist import load_checklist
from privacy_hygiene.checklist.items import Checklist
from privacy_hygiene.errors import HeuristicsError
from privacy_hygiene.paths import heuristics_root

ROOT = Path(str(heuristics_root()))
CHECKLIST = load_checklist(Catalog(ROOT))
ITEMS = list(CHECKLIST)

#: the contract with the browser inspector (branch `browser`): exactly these ids
BROWSER_VOCABULARY = {
    "password_saving", "auto_signin", "clear_cookies_on_exit", "clear_history_on_exit", "telemetry", "studies",
    "private_by_default", "https_only", "safe_browsing", "address_autofill", "card_autofill", "notifications",
    "session_restore", "secure_dns", "tracking_protection", "saved_logins",
}  # fmt: skip
KNOWN_PLATFORMS = {
    "windows", "macos", "linux", "android", "ios", "harmonyos",
    "chrome", "edge", "firefox", "360", "qqbrowser", "wechat", "qq", "alipay",
}  # fmt: skip
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_counts_per_principle() -> None:
    assert len(ITEMS) >= 60
    per_principle = Counter(item.principle for item in ITEMS)
    assert sorted(per_principle) == list(range(1, 13))
    assert all(3 <= count <= 6 for count in per_principle.values()), per_principle
    assert len({item.id for item in ITEMS}) == len(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_item_is_complete_in_both_languages(item: Item) -> None:
    assert re.fullmatch(rf"p{item.principle:02d}\.[a-z0-9-]+", item.id)
    for text in (item.title, item.question, item.why):
        assert HAN.search(text.zh) and text.en.strip() and not HAN.search(text.en)
    assert len(item.why.en) > 40 and len(item.why.zh) > 15
    assert set(item.how) <= KNOWN_PLATFORMS and set(PLATFORMS) == KNOWN_PLATFORMS
    for steps in [item.steps, *item.how.values()]:
        if steps is not None:
            assert len(steps.zh) == len(steps.en) >= 1
            assert all(step.strip() for step in steps.zh + steps.en)
    assert item.steps or item.how or item.quiz
    assert set(item.browser_checks) <= BROWSER_VOCABULARY
    assert 1 <= item.weight <= 5 and 1 <= item.effort <= 5
    assert (item.kind == "periodic") == (item.review_days is not None)
    if item.kind == "knowledge":
        assert item.quiz is not None and 0 <= item.quiz.answer < len(item.quiz.options)
        for option in item.quiz.options:
            assert HAN.search(option.zh) and option.en.strip()
    else:
        assert item.quiz is None


def test_conditions_name_real_intake_answers() -> None:
    options = {question.key: {option.value for option in question.options} for question in CHECKLIST.questions}
    assert 5 <= len(options) <= 6
    for item in ITEMS:
        for condition in item.applies_if + item.boost_if:
            key, _, value = condition.partition(":")
            assert key in options and (value == "*" or value in options[key]), (item.id, condition)


def test_every_browser_check_is_used_and_platform_names_come_from_the_intake() -> None:
    used = {check for item in ITEMS for check in item.browser_checks}
    assert used == BROWSER_VOCABULARY
    values = {option.value for question in CHECKLIST.questions for option in question.options}
    assert values >= KNOWN_PLATFORMS


def test_knowledge_quizzes_cover_the_campaigns() -> None:
    quizzes = {item.id for item in ITEMS if item.kind == "knowledge"}
    assert {"p12.three-nos", "p10.pay-to-claim", "p06.qr-codes", "p12.safe-account"} <= quizzes


@pytest.mark.parametrize(
    ("item_id", "phrases"),
    [
        ("p05.shred-waybills", ["运单号", "粉碎"]),
        ("p05.shred-bank-slips", ["POS", "流水号"]),
        ("p12.three-nos", ["不贪便宜、不谈钱、不打款"]),
        ("p11.wipe-drives", ["覆盖", "物理销毁"]),
        ("p11.no-dealer", ["恢复出厂设置"]),
        ("p02.bank-staff", ["密码", "余额"]),
        ("p01.bank-contact", ["客户信息修改", "个人资料修改", "官方"]),
        ("p12.bank-leak-claim", ["赔偿", "诉讼"]),
        ("p02.bank-necessary", ["合法、合理、必要"]),
        ("p12.safe-account", ["安全账户"]),
    ],
)
def test_guide_advice_is_in_the_items(item_id: str, phrases: list[str]) -> None:
    item = CHECKLIST.item(item_id)
    text = " ".join(
        [item.title.zh, item.question.zh, item.why.zh]
        + (item.steps.zh if item.steps else [])
        + ([item.quiz.question.zh, item.quiz.explain.zh] + [o.zh for o in item.quiz.options] if item.quiz else [])
    )
    for phrase in phrases:
        assert phrase in text, (item_id, phrase)


def test_unknown_item_suggests_close_ids() -> None:
    from privacy_hygiene.errors import UsageError

    with pytest.raises(UsageError, match=r"did you mean p08\.telemetry"):
        CHECKLIST.item("p08.telemetri")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "heuristics"
    shutil.copytree(ROOT, target)
    return target


def _break(copy: Path, old: str, new: str, file: str = "p08-browser-privacy.toml") -> None:
    path = copy / "checklist" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('browser_checks = ["telemetry", "studies"]', 'browser_checks = ["telemetry", "cookies"]', "browser_checks"),
        ("how.chrome = {", "how.opera = {", "how"),
        ('id = "p08.telemetry"', 'id = "p09.telemetry"', "does not match principle"),
        ('kind = "setting"', 'kind = "periodic"', "review_days"),
        ("weight = 2", "weight = 7", "weight"),
        ('en = "Turn off the browser', 'zh_tw = "x", en = "Turn off the browser', "zh_tw"),
    ],
)
def test_broken_items_fail_with_file_and_path(copy: Path, old: str, new: str, message: str) -> None:
    _break(copy, old, new)
    with pytest.raises(HeuristicsError, match=r"p08-browser-privacy\.toml") as caught:
        Catalog(copy).validate()
    assert message in str(caught.value)


def test_condition_on_unknown_intake_answer_fails(copy: Path) -> None:
    _break(copy, 'applies_if = ["browsers:*"]', 'applies_if = ["browsers:netscape"]')
    with pytest.raises(HeuristicsError, match="names no intake answer"):
        load_checklist(Catalog(copy))


def test_missing_english_fails(copy: Path) -> None:
    _break(copy, ', en = "Turn on tracking protection and block third-party cookies"', "")
    with pytest.raises(HeuristicsError, match=r"p08-browser-privacy\.toml.*title"):
        Catalog(copy).validate()


def test_checklist_is_iterable_in_principle_order() -> None:
    assert isinstance(CHECKLIST, Checklist)
    principles = [item.principle for item in CHECKLIST]
    assert principles == sorted(principles)
