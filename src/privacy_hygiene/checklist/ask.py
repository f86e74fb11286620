"""``checklist ask``: answer the intake and the open items one by one at the terminal.

Each answer is saved the moment it is given (so closing the terminal loses nothing); one score
snapshot is taken at the end, however the session ends (quit, end of input, Ctrl-C).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from privacy_hygiene.catalog.schemas.checklist import IntakeQuestion, Item
from privacy_hygiene.checklist import intake as intake_rules
from privacy_hygiene.checklist.items import Checklist
from privacy_hygiene.checklist.session import grade_quiz, report
from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.store import Answer, Store, StoredState, clock

SNOOZE_DAYS = 30
KEYS: dict[str, StoredState | None] = {
    "y": "pass",
    "p": "partial",
    "n": "fail",
    "a": "not_applicable",
    "z": "snoozed",
    "s": None,
}

Prompt = Callable[[str], str | None]
Say = Callable[[str], None]


class _Quit(Exception):
    pass


def _ask(prompt: Prompt, text: str) -> str:
    reply = prompt(text)
    if reply is None or reply.strip().lower() == "q":
        raise _Quit
    return reply.strip()


def _intake(store: Store, checklist: Checklist, question: IntakeQuestion, lang: Lang, prompt: Prompt, say: Say) -> None:
    say("")
    say(question.text.get(lang))
    for number, option in enumerate(question.options, 1):
        say(f"  {number}. {option.label.get(lang)}")
    while True:
        reply = _ask(prompt, t("checklist.ask_intake_prompt", lang))
        if not reply:
            return
        parts = [part.strip() for part in reply.replace("，", ",").split(",") if part.strip()]
        values = [
            question.options[int(part) - 1].value if part.isdigit() and 0 < int(part) <= len(question.options) else part
            for part in parts
        ]
        try:
            key, value = intake_rules.normalise(checklist, question.key, ",".join(values))
        except UsageError as exc:
            say(str(exc))
            continue
        store.set_intake({key: value})
        return


def _item(item: Item, lang: Lang, prompt: Prompt, say: Say) -> Answer | None:
    now = clock.now()
    say(item.question.get(lang))
    if item.quiz is not None:
        say(item.quiz.question.get(lang))
        for number, option in enumerate(item.quiz.options, 1):
            say(f"  {number}. {option.get(lang)}")
        while True:
            reply = _ask(prompt, t("checklist.ask_quiz_prompt", lang))
            if not reply or reply.lower() == "s":
                return None
            try:
                answer = grade_quiz(item, reply, now)
            except UsageError as exc:
                say(str(exc))
                continue
            key = "checklist.ask_quiz_right" if answer.state == "pass" else "checklist.ask_quiz_wrong"
            say(t(key, lang, explain=item.quiz.explain.get(lang)))
            return answer
    while True:
        reply = _ask(prompt, t("checklist.ask_item_prompt", lang)).lower()
        if reply in KEYS:
            state = KEYS[reply]
            if state is None:
                return None
            until = now + timedelta(days=SNOOZE_DAYS) if state == "snoozed" else None
            return Answer(item.id, state, now, "self", None, until)
        say(t("checklist.ask_item_help", lang))


def run(store: Store, checklist: Checklist, lang: Lang, prompt: Prompt, say: Say, *, every_item: bool) -> int:
    """Ask the unanswered intake questions, then the open items; returns how many answers were saved."""
    saved = 0
    changed = False
    try:
        answered = store.intake()
        for question in checklist.questions:
            if question.key not in answered:
                _intake(store, checklist, question, lang, prompt, say)
                changed = changed or question.key in store.intake()
        result = report(store, checklist)
        wanted = ("unknown", "stale", "pass", "partial", "fail") if every_item else ("unknown", "stale")
        open_items = [entry for entry in result.todo() if entry.status.state in wanted]
        if every_item:
            open_items += [entry for entry in result.items if entry.status.state == "pass" and entry not in open_items]
        for number, entry in enumerate(open_items, 1):
            item = entry.status.item
            say("")
            say(f"[{number}/{len(open_items)}] {item.id}  {item.title.get(lang)}")
            answer = _item(item, lang, prompt, say)
            if answer is not None:
                store.set_answers([answer])
                saved += 1
    except (_Quit, KeyboardInterrupt):
        pass
    finally:
        if saved or changed:
            store.add_snapshot(report(store, checklist).snapshot())
    return saved
