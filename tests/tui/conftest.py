"""Helpers for the app's tests: run a Pilot scenario from a plain test, read what the screen shows."""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

from privacy_hygiene.tui.app import PrivacyHygieneApp

FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T")

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def run(scenario: Awaitable[T]) -> T:
    """Run an async Pilot scenario inside a plain (sync) test."""
    return asyncio.run(scenario)  # type: ignore[arg-type]


def screen_text(app: PrivacyHygieneApp) -> str:
    """Every character drawn on the screen (from the SVG screenshot), lines joined."""
    svg = app.export_screenshot()
    return html.unescape("".join(_TEXT.findall(svg))).replace("\xa0", " ")


async def settle(pilot: Pilot[None], *, allow_failures: bool = False) -> None:
    """Wait for every worker to finish; a worker cancelled by a newer one (exclusive) is expected,
    a failed one only when ``allow_failures`` (the app shows failures as notifications)."""
    for _ in range(5):
        workers = [worker for worker in pilot.app.workers if not worker.is_finished]
        if not workers:
            break
        for worker in workers:
            if worker.state == WorkerState.PENDING:
                continue  # not started yet: the next round waits for it
            expected: tuple[type[Exception], ...] = (
                (WorkerCancelled, WorkerFailed) if allow_failures else (WorkerCancelled,)
            )
            with contextlib.suppress(*expected):
                await worker.wait()
        await pilot.pause()
    await pilot.pause()


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], *, rounds: int = 200) -> None:
    """Let the app process messages until ``condition`` holds (fails instead of waiting forever)."""
    for _ in range(rounds):
        if condition():
            await pilot.pause()  # let the screen redraw what the condition saw
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def screen_loaded(screen: object) -> bool:
    """Whether a screen that reads its data in a worker has received it (others: always)."""
    for attribute in ("data", "view", "plan"):
        if hasattr(screen, attribute):
            return getattr(screen, attribute) is not None
    return True
