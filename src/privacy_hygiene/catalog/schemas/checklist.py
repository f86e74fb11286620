"""Schema of ``heuristics/checklist/``: habit items per principle, and the intake and score bands.

``checklist/pNN-*.toml`` hold ``[[item]]`` entries (:class:`ChecklistFile`); ``checklist/setup.toml``
holds the intake questions and the score bands (:class:`SetupFile`). Answers are keyed by the item
``id`` and never by wording, so an id is never reused or renamed once shipped.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

import msgspec

from privacy_hygiene.catalog.schema import Meta, PrincipleId
from privacy_hygiene.i18n import LocalText

#: where a how-to step applies; only the person's own platforms (from the intake) are shown
Platform = Literal[
    "windows",
    "macos",
    "linux",
    "android",
    "ios",
    "harmonyos",
    "chrome",
    "edge",
    "firefox",
    "360",
    "qqbrowser",
    "wechat",
    "qq",
    "alipay",
]
PLATFORMS: tuple[str, ...] = get_args(Platform)

#: browser settings the browser inspector can read to answer an item automatically (branch `browser`)
BrowserCheck = Literal[
    "password_saving",
    "auto_signin",
    "clear_cookies_on_exit",
    "clear_history_on_exit",
    "telemetry",
    "studies",
    "private_by_default",
    "https_only",
    "safe_browsing",
    "address_autofill",
    "card_autofill",
    "notifications",
    "session_restore",
    "secure_dns",
    "tracking_protection",
    "saved_logins",
]
BROWSER_CHECKS: tuple[str, ...] = get_args(BrowserCheck)

#: setting: a switch to flip once; habit: what you keep doing; one-off: do it once;
#: periodic: re-check every ``review_days``; knowledge: a short quiz
Kind = Literal["setting", "habit", "one-off", "periodic", "knowledge"]

Level = Annotated[int, msgspec.Meta(ge=1, le=5)]
ItemId = Annotated[str, msgspec.Meta(pattern=r"^p(0[1-9]|1[0-2])\.[a-z0-9]+(-[a-z0-9]+)*$")]
#: an intake condition: ``key:value`` (the answer includes value) or ``key:*`` (any answer but none)
Condition = Annotated[str, msgspec.Meta(pattern=r"^[a-z_]+:([a-z0-9_]+|\*)$")]


class Steps(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Numbered steps in both languages (the same number of steps in each)."""

    zh: list[str]
    en: list[str]

    def get(self, lang: str) -> list[str]:
        return self.zh if lang == "zh" else self.en


class Quiz(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A one-question quiz for a knowledge item: ``answer`` is the index of the right option."""

    question: LocalText
    options: list[LocalText]
    answer: Annotated[int, msgspec.Meta(ge=0)]
    explain: LocalText


class Item(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One habit item: what to check, why it matters, and how to do it on each platform."""

    id: ItemId
    principle: PrincipleId
    title: LocalText
    question: LocalText
    why: LocalText
    weight: Level
    effort: Level
    kind: Kind
    #: steps that do not depend on the platform
    steps: Steps | None = None
    how: dict[Platform, Steps] = {}
    review_days: Annotated[int, msgspec.Meta(ge=7, le=730)] | None = None
    #: the item applies when any condition holds (an unanswered intake question counts as holding)
    applies_if: list[Condition] = []
    #: each condition that holds moves the item up the list
    boost_if: list[Condition] = []
    browser_checks: list[BrowserCheck] = []
    quiz: Quiz | None = None


class ChecklistFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``checklist/pNN-*.toml``: the items of one principle."""

    schema: Literal[1]
    meta: Meta
    item: list[Item] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for index, item in enumerate(self.item):
            problems += [(f"$.item[{index}]{where}", message) for where, message in _check_item(item)]
        return problems


def _check_item(item: Item) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if int(item.id[1:3]) != item.principle:
        problems.append((".id", f"id {item.id} does not match principle {item.principle}"))
    if (item.kind == "periodic") != (item.review_days is not None):
        problems.append((".review_days", "periodic items, and only they, need review_days"))
    if (item.kind == "knowledge") != (item.quiz is not None):
        problems.append((".quiz", "knowledge items, and only they, need a quiz"))
    quiz = item.quiz
    if quiz is not None and (len(quiz.options) < 2 or quiz.answer >= len(quiz.options)):
        problems.append((".quiz", "a quiz needs 2+ options and an answer index among them"))
    if item.steps is None and not item.how and item.quiz is None:
        problems.append((".steps", "say how: general steps, per-platform steps, or a quiz"))
    texts = [("title", item.title), ("question", item.question), ("why", item.why)]
    for name, text in texts:
        if not text.zh.strip() or not text.en.strip():
            problems.append((f".{name}", "needs both zh and en"))
        elif _HAN.search(text.en) or not _HAN.search(text.zh):
            problems.append((f".{name}", "zh must be Chinese and en must not contain Chinese"))
    for where, steps in [(".steps", item.steps), *((f".how.{key}", value) for key, value in item.how.items())]:
        if steps is not None and (len(steps.zh) != len(steps.en) or not steps.zh):
            problems.append((where, "zh and en need the same (non-zero) number of steps"))
    return problems


_HAN = re.compile(r"[\u4e00-\u9fff]")


class IntakeOption(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One possible answer to an intake question (``value`` is what conditions name)."""

    value: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_]+$")]
    label: LocalText


class IntakeQuestion(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A question asked once that decides which items apply and which come first."""

    key: Annotated[str, msgspec.Meta(pattern=r"^[a-z_]+$")]
    text: LocalText
    options: list[IntakeOption]
    multiple: bool = False


class Band(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The lowest score that earns a band (Lynis-style: a number, a bar and a word)."""

    name: str
    min_score: Annotated[int, msgspec.Meta(ge=0, le=100)]
    label: LocalText


class SetupFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``checklist/setup.toml``: intake questions and score bands."""

    schema: Literal[1]
    meta: Meta
    question: list[IntakeQuestion]
    band: list[Band]
    #: how much each matching ``boost_if`` condition raises an item's priority (×(1 + boost))
    boost: Annotated[float, msgspec.Meta(ge=0, le=5)] = 0.5

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        keys = [question.key for question in self.question]
        if len(set(keys)) != len(keys):
            problems.append(("$.question", "question keys must be unique"))
        for index, question in enumerate(self.question):
            values = [option.value for option in question.options]
            if len(set(values)) != len(values) or len(values) < 2:
                problems.append((f"$.question[{index}].options", "needs 2+ options with unique values"))
        scores = [band.min_score for band in self.band]
        if scores != sorted(scores, reverse=True) or not scores or scores[-1] != 0:
            problems.append(("$.band", "bands must be in descending min_score order ending at 0"))
        return problems
