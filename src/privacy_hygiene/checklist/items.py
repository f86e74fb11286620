"""The checklist's data: every item of ``heuristics/checklist/``, the intake questions and bands."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.catalog.schemas.checklist import Band, ChecklistFile, IntakeQuestion, Item, SetupFile
from privacy_hygiene.errors import HeuristicsError, UsageError

SETUP_FILE = "checklist/setup.toml"


@dataclass(frozen=True)
class Checklist:
    """All items in principle order, with the intake questions and score bands."""

    items: tuple[Item, ...]
    setup: SetupFile

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @functools.cached_property
    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item:
        """The item ``item_id``; a :class:`UsageError` naming the closest ids if there is none."""
        key = item_id.strip().lower()
        if key in self.by_id:
            return self.by_id[key]
        close = difflib.get_close_matches(key, self.by_id, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see 'privacy-hygiene checklist')"
        raise UsageError(f"no checklist item {item_id!r}{hint}")

    @property
    def questions(self) -> tuple[IntakeQuestion, ...]:
        return tuple(self.setup.question)

    def question(self, key: str) -> IntakeQuestion:
        """The intake question ``key``; a :class:`UsageError` listing the keys if there is none."""
        for question in self.setup.question:
            if question.key == key:
                return question
        keys = ", ".join(question.key for question in self.setup.question)
        raise UsageError(f"no intake question {key!r} (one of: {keys})")

    def band(self, score: float) -> Band:
        """The band a (rounded) score falls in."""
        rounded = round_score(score)
        return next(band for band in self.setup.band if rounded >= band.min_score)


def round_score(score: float) -> int:
    """Half-up rounding (Python's round() would turn 72.5 into 72)."""
    return int(score + 0.5)


def load_checklist(catalog: Catalog | None = None) -> Checklist:
    """Every checklist item from the catalog (validated by its schema), in principle and file order."""
    catalog = catalog if catalog is not None else get_catalog()
    return _load(catalog)


@functools.cache
def _load(catalog: Catalog) -> Checklist:
    setup = catalog.file(SETUP_FILE, SetupFile)
    items: list[Item] = []
    for path, value in catalog.files("checklist").items():
        if path != SETUP_FILE and isinstance(value, ChecklistFile):
            items.extend(value.item)
    items.sort(key=lambda item: item.principle)  # stable: file order within a principle
    _check_conditions(items, setup)
    return Checklist(tuple(items), setup)


def _check_conditions(items: list[Item], setup: SetupFile) -> None:
    """Every ``applies_if`` / ``boost_if`` names an intake question and one of its options."""
    options = {question.key: {option.value for option in question.options} | {"*"} for question in setup.question}
    for item in items:
        for condition in (*item.applies_if, *item.boost_if):
            key, _, value = condition.partition(":")
            if value not in options.get(key, ()):
                raise HeuristicsError("checklist", f"{item.id}: condition {condition!r} names no intake answer")
