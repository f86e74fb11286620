"""How the habit checklist's states and score read: coloured words and the one-line summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from privacy_hygiene.i18n import Lang, t

if TYPE_CHECKING:
    from privacy_hygiene.checklist import HabitReport

STATE_STYLE = {
    "pass": "green",
    "partial": "yellow",
    "stale": "yellow",
    "fail": "red",
    "unknown": "dim",
    "not_applicable": "dim",
    "snoozed": "dim",
}
STATE_MARK = {
    "pass": "+",
    "partial": "~",
    "stale": "!",
    "fail": "x",
    "unknown": "?",
    "not_applicable": "-",
    "snoozed": "z",
}


def state_text(state: str, lang: Lang, *, short: bool = False) -> Text:
    """A checklist state as a mark (``short``) or a word, in its colour."""
    style = STATE_STYLE.get(state, "")
    if short:
        return Text(STATE_MARK.get(state, "?"), style=style)
    return Text(t(f"checklist.state_{state}", lang), style=style)


def score_style(score: float) -> str:
    """Green from 80, yellow from 50, red below."""
    return "bold green" if score >= 80 else "bold yellow" if score >= 50 else "bold red"


def habit_line(report: HabitReport, lang: Lang) -> Text:
    """``Score 62/100 · fair · 40% answered``."""
    return Text.assemble(
        (f"{t('tui.habit_score', lang)} ", "bold"),
        (f"{report.rounded}/100", score_style(report.score)),
        f" · {report.band.label.get(lang)} · ",
        (t("tui.coverage", lang, percent=round(report.coverage * 100)), "dim"),
    )


def score_block(report: HabitReport, lang: Lang) -> Text:
    """The dashboard's score: ``62/100  fair`` over ``40% answered``."""
    return Text.assemble(
        (f"{report.rounded}/100", score_style(report.score)),
        f"  {report.band.label.get(lang)}\n",
        (t("tui.coverage", lang, percent=round(report.coverage * 100)), "dim"),
    )
