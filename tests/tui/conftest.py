"""Helpers for the app's tests: run a Pilot scenario from a plain test, read what the screen shows."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from textual.pilot import Pilot

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
