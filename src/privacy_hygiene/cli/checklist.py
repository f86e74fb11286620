"""``privacy-hygiene checklist``: show and answer the habit checklist; ``checklist show ID`` for one
item, ``checklist intake`` for the intake questions. State lives in the local store, so answers
given in one run are there in the next."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click

from privacy_hygiene.cli.common import lang_option, print_json, resolve_lang
from privacy_hygiene.errors import UsageError

if TYPE_CHECKING:
    from privacy_hygiene.catalog.schemas.checklist import Item
    from privacy_hygiene.i18n import Lang
    from privacy_hygiene.store import Answer


def _pairs(values: Iterable[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise UsageError(f"expected {what}, got {value!r}")
        pairs.append((key.strip(), rest.strip()))
    return pairs


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@click.group(name="checklist", invoke_without_command=True)
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print the checklist as JSON.")
@click.option("--principle", type=click.IntRange(1, 12), multiple=True, help="Only these principles (1–12).")
@click.option("--remaining", is_flag=True, help="Only items that can still earn points.")
@click.option("--stale", is_flag=True, help="Only periodic items due for review.")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="ID=STATE",
    help="Answer an item: pass, partial, fail, unknown, na, or snoozed:YYYY-MM-DD (repeatable).",
)
@click.option("--note", default=None, metavar="TEXT", help="A note kept with every --set of this run.")
@click.option("--quiz", "quiz_answers", multiple=True, metavar="ID=OPTION", help="Answer a knowledge quiz.")
@click.option(
    "--intake",
    "intake_values",
    multiple=True,
    metavar="KEY=VALUE",
    help="Answer an intake question, e.g. devices=windows,android (see 'checklist intake').",
)
@click.pass_context
def checklist(
    ctx: click.Context,
    lang: str | None,
    as_json: bool,
    principle: tuple[int, ...],
    remaining: bool,
    stale: bool,
    assignments: tuple[str, ...],
    note: str | None,
    quiz_answers: tuple[str, ...],
    intake_values: tuple[str, ...],
) -> None:
    """Show or answer the habit checklist (twelve principles, scored, remembered).

    \b
    Examples:
      privacy-hygiene checklist --intake devices=windows,android --intake browsers=chrome
      privacy-hygiene checklist --set p08.telemetry=pass --set p05.shred-waybills=partial
      privacy-hygiene checklist --set p11.wipe-drives=snoozed:2027-01-31 --note "after the move"
      privacy-hygiene checklist --quiz p12.three-nos=1
      privacy-hygiene checklist --remaining --principle 8
      privacy-hygiene checklist show p08.telemetry
    """
    if ctx.invoked_subcommand is not None:
        return
    from privacy_hygiene.checklist import (
        diff,
        grade_quiz,
        load_checklist,
        parse_state,
        record_answers,
        record_intake,
        report,
    )
    from privacy_hygiene.checklist import intake as intake_rules
    from privacy_hygiene.i18n import t
    from privacy_hygiene.store import Answer, clock, open_store

    language = resolve_lang(lang)
    items = load_checklist()
    now = clock.now()
    answers: list[Answer] = []
    for item_id, value in _pairs(assignments, "--set ID=STATE"):
        state, until = parse_state(value, now)
        answers.append(Answer(items.item(item_id).id, state, now, "self", note, until))
    quizzes = [(items.item(item_id), choice) for item_id, choice in _pairs(quiz_answers, "--quiz ID=OPTION")]
    answers += [grade_quiz(item, choice, now) for item, choice in quizzes]
    intake_pairs = dict(_pairs(intake_values, "--intake KEY=VALUE"))
    if note is not None and not assignments:
        raise UsageError("--note goes with --set ID=STATE")
    messages: list[str] = []
    with open_store() as store:
        previous = store.latest_snapshot()
        if intake_pairs:
            record_intake(store, items, intake_pairs)
            messages.append(t("checklist.saved_intake", language, keys=", ".join(intake_pairs)))
        if answers:
            record_answers(store, items, answers)
            messages.append(t("checklist.saved", language, count=len(answers)))
        for item, _ in quizzes:
            messages.append(_quiz_feedback(item, store.answer(item.id), language))
        result = report(store, items, now)
        history = store.snapshots(limit=50)
        intake = intake_rules.parse(store.intake())
    change = diff(previous, result) if previous is not None else None
    todo = {entry.id for entry in result.todo()}
    shown = [
        entry
        for entry in result.items
        if (not principle or entry.status.item.principle in principle)
        and (not remaining or entry.id in todo)
        and (not stale or entry.status.due)
    ]
    if as_json:
        from privacy_hygiene.checklist.payload import report_json

        print_json(report_json(items, result, items=shown, change=change, history=history, intake=intake))
        return
    from privacy_hygiene.checklist import render

    console = _console()
    for message in messages:
        console.print(message, markup=False)
    scores = [snap.score for snap in history[-20:]]
    for line in render.summary(result, change, language, has_history=bool(history), history=scores):
        console.print(line)
    for line in render.item_lines(result, shown, language):
        console.print(line)
    console.print("")
    if not intake:
        console.print(t("checklist.intake_hint", language, count=len(items.questions)), markup=False)
    console.print(t("checklist.answer_hint", language), markup=False, style="bright_black")


def _quiz_feedback(item: Item, answer: Answer | None, language: Lang) -> str:
    from privacy_hygiene.i18n import t

    quiz = item.quiz
    assert quiz is not None  # only knowledge items reach here (grade_quiz checked)
    explain = quiz.explain.get(language)
    if answer is not None and answer.state == "pass":
        return t("checklist.quiz_right", language, id=item.id, explain=explain)
    right = f"{quiz.answer + 1}. {quiz.options[quiz.answer].get(language)}"
    return t("checklist.quiz_wrong", language, id=item.id, answer=right, explain=explain)


@checklist.command(name="show")
@click.argument("item_id", metavar="ID")
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print the item as JSON (with its texts).")
def show(item_id: str, lang: str | None, as_json: bool) -> None:
    """Everything about one item: why, how (your platforms only), quiz, answer history."""
    import msgspec

    from privacy_hygiene.checklist import intake as intake_rules
    from privacy_hygiene.checklist import load_checklist, render, report
    from privacy_hygiene.checklist.payload import item_json
    from privacy_hygiene.store import clock, open_store

    language = resolve_lang(lang)
    items = load_checklist()
    item = items.item(item_id)
    with open_store() as store:
        result = report(store, items, clock.now())
        history = store.answer_history(item.id)
        intake = intake_rules.parse(store.intake())
    entry = next(entry for entry in result.items if entry.id == item.id)
    if as_json:
        payload = item_json(entry)
        payload["definition"] = msgspec.to_builtins(item)
        payload["history"] = [
            {"at": clock.to_text(answer.at), "state": answer.state, "source": answer.source, "note": answer.note}
            for answer in history
        ]
        print_json(payload)
        return
    _console().print(render.item_details(items, entry, history, intake, language))


@checklist.command(name="intake")
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print the questions and your answers as JSON.")
def intake_command(lang: str | None, as_json: bool) -> None:
    """The intake questions, their options and your answers (set them with --intake KEY=VALUE)."""
    from privacy_hygiene.checklist import intake as intake_rules
    from privacy_hygiene.checklist import load_checklist
    from privacy_hygiene.i18n import t
    from privacy_hygiene.store import open_store

    language = resolve_lang(lang)
    items = load_checklist()
    with open_store() as store:
        answers = intake_rules.parse(store.intake())
    if as_json:
        print_json(
            [
                {
                    "key": question.key,
                    "multiple": question.multiple,
                    "text": {"zh": question.text.zh, "en": question.text.en},
                    "options": [option.value for option in question.options],
                    "answer": sorted(answers[question.key]) if question.key in answers else None,
                }
                for question in items.questions
            ]
        )
        return
    console = _console()
    console.print(t("checklist.intake_heading", language), style="bold", markup=False)
    for question in items.questions:
        chosen = answers.get(question.key)
        current = ",".join(sorted(chosen)) if chosen else t("checklist.intake_unanswered", language)
        console.print(f"\n{question.key} = {current}", style="bold", markup=False)
        console.print("  " + question.text.get(language), markup=False)
        for option in question.options:
            console.print(f"    {option.value:<10} {option.label.get(language)}", markup=False)


@checklist.command(name="ask")
@lang_option
@click.option("--all", "every_item", is_flag=True, help="Also re-confirm items already answered.")
def ask(lang: str | None, every_item: bool) -> None:
    """Answer the intake and the open items one by one (each answer is saved at once; q quits)."""
    import sys

    from privacy_hygiene.checklist import ask as asking
    from privacy_hygiene.checklist import load_checklist, render, report
    from privacy_hygiene.i18n import t
    from privacy_hygiene.store import open_store

    language = resolve_lang(lang)
    items = load_checklist()

    def prompt(text: str) -> str | None:
        click.echo(text, nl=False)
        line = sys.stdin.readline()
        return line.rstrip("\n") if line else None

    with open_store() as store:
        saved = asking.run(store, items, language, prompt, click.echo, every_item=every_item)
        result = report(store, items)
    click.echo("")
    click.echo(t("checklist.ask_done", language, count=saved))
    console = _console()
    for line in render.summary(result, None, language, has_history=True):
        console.print(line)
