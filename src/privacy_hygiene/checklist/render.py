"""The checklist as text for a terminal (Rich ``Text``; item texts are ours, notes were sanitised
by the store before they were saved)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from rich.console import Group, RenderableType
from rich.text import Text

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.catalog.schemas.checklist import Item, Steps
from privacy_hygiene.checklist import intake as intake_rules
from privacy_hygiene.checklist.items import Checklist, round_score
from privacy_hygiene.checklist.scoring import Change, HabitReport, ScoredItem
from privacy_hygiene.checklist.states import ItemStatus
from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.store import Answer

MARKS = {
    "pass": ("✓", "green"),
    "partial": ("◐", "yellow"),
    "fail": ("✗", "red"),
    "unknown": ("?", "bright_black"),
    "not_applicable": ("–", "bright_black"),
    "snoozed": ("z", "blue"),
    "stale": ("↻", "yellow"),
}
BAND_STYLE = {"excellent": "bold green", "good": "green", "fair": "yellow", "needs_work": "bold red"}
BAR_WIDTH = 20


def state_label(state: str, lang: Lang) -> str:
    return t(f"checklist.state_{state}", lang)


def _date(moment: datetime) -> str:
    return moment.date().isoformat()


def bar(score: float) -> str:
    """A Lynis-style 20-block bar."""
    filled = round_score(score * BAR_WIDTH / 100)
    return "[" + "#" * filled + " " * (BAR_WIDTH - filled) + "]"


SPARKS = "▁▂▃▄▅▆▇█"


def trend(scores: list[float]) -> str:
    """A sparkline of scores (0–100) with the first and last value."""
    if len(scores) < 2:
        return ""
    marks = "".join(SPARKS[min(len(SPARKS) - 1, int(score * len(SPARKS) / 100.01))] for score in scores)
    return f"{marks} ({round_score(scores[0])} → {round_score(scores[-1])})"


def summary(
    report: HabitReport, change: Change | None, lang: Lang, *, has_history: bool, history: list[float] | None = None
) -> list[RenderableType]:
    """Score, band, coverage, trend, the change since last check, due items, why this score, next step."""
    counted = [entry for entry in report.items if entry.status.counted]
    answered = sum(1 for entry in counted if entry.status.answered)
    lines: list[RenderableType] = [Text(t("checklist.heading", lang), style="bold")]
    score_text = t(
        "checklist.score_line",
        lang,
        score=report.rounded,
        band=report.band.label.get(lang),
        coverage=round_score(report.coverage * 100),
        answered=answered,
        applicable=len(counted),
    )
    lines.append(Text(f"{bar(report.score)} {score_text}", style=BAND_STYLE.get(report.band.name, "")))
    if answered < len(counted):
        lines.append(Text(t("checklist.low_coverage", lang, count=len(counted) - answered), style="bright_black"))
    line = trend(history or [])
    if line:
        lines.append(Text(t("checklist.trend", lang, trend=line)))
    if change is not None:
        lines.append(Text(since_text(change, lang)))
    elif not has_history:
        lines.append(Text(t("checklist.since_none", lang), style="bright_black"))
    due = report.due()
    if due:
        lines.append(Text(t("checklist.due_heading", lang), style="bold yellow"))
        for entry in due:
            answer = entry.status.answer
            when = _date(answer.at) if answer else "?"
            text = t("checklist.due_item", lang, id=entry.id, title=entry.status.item.title.get(lang), date=when)
            lines.append(Text("  " + text))
    why = report.why()
    if why:
        lines.append(Text(t("checklist.why_heading", lang), style="bold"))
        for entry, points in why:
            item = entry.status.item
            state = state_label(entry.status.state, lang)
            text = t(
                "checklist.why_item", lang, points=f"{points:.1f}", id=item.id, title=item.title.get(lang), state=state
            )
            lines.append(Text("  " + text))
    step = report.next_step()
    if step is not None:
        title = step.status.item.title.get(lang)
        lines.append(Text(t("checklist.next_line", lang, id=step.id, title=title), style="bold"))
    return lines


def since_text(change: Change, lang: Lang) -> str:
    parts: list[str] = []
    if round(change.delta, 1) or change.items:
        parts.append(f"{change.delta:+.1f}")
        for item_id, old, new in change.items[:8]:
            parts.append(
                t("checklist.change_item", lang, id=item_id, old=state_label(old, lang), new=state_label(new, lang))
            )
        if len(change.items) > 8:
            parts.append(f"… (+{len(change.items) - 8})")
    delta = t("checklist.list_sep", lang).join(parts) if parts else t("checklist.no_change", lang)
    return t(
        "checklist.since_last", lang, date=_date(change.since.at), old=round_score(change.since.score), delta=delta
    )


def item_lines(report: HabitReport, items: Iterable[ScoredItem], lang: Lang) -> list[RenderableType]:
    """Items grouped under their principle with its sub-score."""
    principles = get_catalog().principles
    chosen = list(items)
    lines: list[RenderableType] = []
    for principle in report.principles:
        mine = [entry for entry in chosen if entry.status.item.principle == principle.id]
        if not mine:
            continue
        sub = t("checklist.principle_na", lang) if principle.score is None else str(round_score(principle.score))
        title = principles[principle.id].title.get(lang)
        lines.append(Text(""))
        lines.append(Text(t("checklist.principle_line", lang, id=principle.id, title=title, score=sub), style="bold"))
        for entry in mine:
            lines.append(_item_line(entry.status, lang))
    if not chosen:
        lines.append(Text(t("checklist.nothing_listed", lang)))
    return lines


def _item_line(status: ItemStatus, lang: Lang) -> Text:
    mark, style = MARKS[status.state]
    line = Text("  ")
    line.append(f"[{mark}]", style=style)
    line.append(f" {status.item.id:<26} ", style="cyan")
    line.append(status.item.title.get(lang))
    line.append(f"  ({state_label(status.state, lang)})", style="bright_black")
    return line


def platform_labels(checklist: Checklist) -> dict[str, dict[str, str]]:
    """Platform id → its name in each language (from the intake options: one source of truth)."""
    labels: dict[str, dict[str, str]] = {}
    for question in checklist.questions:
        for option in question.options:
            labels[option.value] = {"zh": option.label.zh, "en": option.label.en}
    return labels


def _steps(lines: list[RenderableType], heading: str, steps: Steps, lang: Lang) -> None:
    lines.append(Text(f"  {heading}", style="bold"))
    for number, step in enumerate(steps.get(lang), 1):
        lines.append(Text(f"    {number}. {step}"))


def item_details(
    checklist: Checklist,
    entry: ScoredItem,
    history: list[Answer],
    intake: Mapping[str, frozenset[str]],
    lang: Lang,
) -> RenderableType:
    """Everything about one item: state, why, how (only the person's platforms), quiz, history."""
    status, item = entry.status, entry.status.item
    principle = get_catalog().principles[item.principle]
    lines: list[RenderableType] = [Text(f"{item.id}  {item.title.get(lang)}", style="bold")]
    lines.append(Text(t("checklist.field_principle", lang, id=item.principle, title=principle.title.get(lang))))
    lines.append(_item_line(status, lang))
    kind = t(f"checklist.kind_{item.kind}", lang)
    weights = t("checklist.field_weight", lang, weight=item.weight, effort=item.effort)
    lines.append(Text(f"{t('checklist.field_kind', lang)}: {kind} · {weights}"))
    if item.review_days is not None:
        if status.review_at is not None:
            text = t("checklist.field_review", lang, days=item.review_days, date=_date(status.review_at))
        else:
            text = t("checklist.field_review_every", lang, days=item.review_days)
        lines.append(Text(text, style="yellow" if status.due else ""))
    if status.answer is not None and status.state == "snoozed" and status.answer.snooze_until:
        lines.append(Text(t("checklist.field_snoozed", lang, date=_date(status.answer.snooze_until))))
    lines += [Text(""), Text(t("checklist.field_question", lang), style="bold"), Text("  " + item.question.get(lang))]
    lines += [Text(t("checklist.field_why", lang), style="bold"), Text("  " + item.why.get(lang))]
    _how(lines, checklist, item, intake, lang)
    if item.quiz is not None:
        lines += [Text(t("checklist.field_quiz", lang, id=item.id), style="bold")]
        lines.append(Text("  " + item.quiz.question.get(lang)))
        for number, option in enumerate(item.quiz.options, 1):
            lines.append(Text(f"    {number}. {option.get(lang)}"))
    if item.browser_checks:
        lines.append(Text(t("checklist.field_auto", lang, checks=", ".join(item.browser_checks)), style="bright_black"))
    if history:
        lines.append(Text(t("checklist.field_history", lang), style="bold"))
        for answer in history:
            source = t(f"checklist.field_source_{answer.source}", lang)
            note = f" — {answer.note}" if answer.note else ""
            lines.append(Text(f"  {_date(answer.at)}  {state_label(answer.state, lang)} ({source}){note}"))
    return Group(*lines)


def _how(
    lines: list[RenderableType], checklist: Checklist, item: Item, intake: Mapping[str, frozenset[str]], lang: Lang
) -> None:
    mine = intake_rules.platforms(intake)
    shown = {key: steps for key, steps in item.how.items() if mine is None or key in mine}
    if item.steps is None and not shown:
        return
    lines.append(Text(t("checklist.field_how", lang), style="bold"))
    if item.steps is not None:
        _steps(lines, t("checklist.platform_general", lang), item.steps, lang)
    labels = platform_labels(checklist)
    for key, steps in shown.items():
        _steps(lines, labels.get(key, {}).get(lang, key), steps, lang)
