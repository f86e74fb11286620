"""What the page's forms ask for: each form's field kinds, made robust to a form analysis that does
not (yet) understand labels, and inputs that sit outside any ``<form>`` (scam kits often post with
a script).

The kinds of :attr:`AnalysisContext.forms` win; a field it left as ``other`` is recognised with the
``field_hint`` patterns of ``heuristics/content/*.toml`` over its name, id, placeholder, label and
options. ``date``/``time`` inputs with no other clue become ``date``/``time`` (the caller decides
whether that means a birth date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy_hygiene.errors import HeuristicsError
from privacy_hygiene.signals.text import content_files

if TYPE_CHECKING:
    from bs4 import Tag

    from privacy_hygiene.analyzers.base import AnalysisContext
    from privacy_hygiene.catalog import Catalog
    from privacy_hygiene.catalog.schemas.content import KindGroups

_SKIPPED_TYPES = frozenset({"hidden", "submit", "button", "image", "reset"})
_FIELD_TAGS = ("input", "select", "textarea")
_TYPE_KINDS = {"password": "password", "email": "email", "tel": "phone"}


def kind_groups(catalog: Catalog) -> KindGroups:
    """The field-kind groups of ``heuristics/content/`` (exactly one topic file defines them)."""
    found = [topic.groups for topic in content_files(catalog) if topic.groups is not None]
    if len(found) != 1:
        raise HeuristicsError("content/", f"must be defined in exactly one topic file, found {len(found)}", "$.groups")
    return found[0]


@dataclass(frozen=True)
class FieldAsk:
    """One field: its kind and how to point at it."""

    kind: str
    locator: str


@dataclass(frozen=True)
class FormAsk:
    """One form (``index`` -1 = inputs outside any form) and what it asks."""

    index: int
    action: str
    fields: tuple[FieldAsk, ...]
    groups: KindGroups = field(repr=False, compare=False)
    #: the raw text around the form (the form and its enclosing sections), to tell what it is for
    context: str = ""

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(item.kind for item in self.fields)

    @property
    def signs_in(self) -> bool:
        """A sign-in form (account + password or SMS code): it uses data you gave before, collects none."""
        return bool(self.kinds & {"password", "sms_code"}) and self.kinds <= self.groups.sign_in

    @property
    def collects(self) -> bool:
        """True when the form asks for personal data (and is not merely a sign-in)."""
        return bool(self.kinds & self.groups.personal) and not self.signs_in

    @property
    def locator(self) -> str:
        return f"form[{self.index}]" if self.index >= 0 else "inputs outside a form"


def _hints(catalog: Catalog) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (hint.kind, re.compile(hint.pattern, re.IGNORECASE))
        for topic in content_files(catalog)
        for hint in topic.field_hint
    ]


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


class _Guesser:
    """Recognises a field's kind from its attributes, label and options with the ``field_hint`` data."""

    def __init__(self, root: Tag, hints: list[tuple[str, re.Pattern[str]]]) -> None:
        self.hints = hints
        #: label text by the id it is "for" (indexed once: a page may have thousands of fields)
        self.labels: dict[str, list[str]] = {}
        for label in root.find_all("label", attrs={"for": True}):
            self.labels.setdefault(_attr(label, "for"), []).append(label.get_text(" "))

    def _label_text(self, tag: Tag) -> str:
        parts = list(self.labels.get(_attr(tag, "id"), [])) if _attr(tag, "id") else []
        wrapping = tag.find_parent("label")
        if wrapping is not None:
            parts.append(wrapping.get_text(" "))
        if not parts:
            previous = tag.find_previous(string=True)
            if previous is not None:
                parts.append(str(previous)[-40:])
        return " ".join(parts)

    def kind(self, tag: Tag) -> str:
        names = ("name", "id", "placeholder", "aria-label", "autocomplete", "title")
        options = ""
        if tag.name == "select":
            options = " ".join(option.get_text(" ") for option in tag.find_all("option")[:30])
        description = f"{' '.join(_attr(tag, name) for name in names)} {self._label_text(tag)} {options}".lower()
        for kind, pattern in self.hints:
            if pattern.search(description):
                return kind
        input_type = _attr(tag, "type").lower()
        if input_type in ("date", "datetime-local", "month"):
            return "date"
        if input_type == "time":
            return "time"
        return "other"

    def fields(self, elements: list[Tag]) -> tuple[FieldAsk, ...]:
        found = []
        for position, tag in enumerate(elements):
            kind = _TYPE_KINDS.get(_attr(tag, "type").lower()) or self.kind(tag)
            found.append(FieldAsk(kind, _attr(tag, "name") or _attr(tag, "id") or f"#{position}"))
        return tuple(found)


def _inputs(container: Tag) -> list[Tag]:
    found = []
    for tag in container.find_all(_FIELD_TAGS):
        input_type = _attr(tag, "type").strip().lower() if tag.name == "input" else tag.name
        if input_type not in _SKIPPED_TYPES:
            found.append(tag)
    return found


def form_asks(ctx: AnalysisContext) -> tuple[FormAsk, ...]:
    """Every form of the page with its field kinds, plus one group for inputs outside any form
    (read once per page: several analyzers ask)."""
    return ctx.asks


def read_asks(ctx: AnalysisContext) -> tuple[FormAsk, ...]:
    """What :func:`form_asks` returns, computed (:attr:`AnalysisContext.asks` caches it)."""
    page = ctx.page
    if not page.is_html:
        return ()
    root = page.soup
    guesser = _Guesser(root, _hints(ctx.catalog))
    groups = kind_groups(ctx.catalog)
    tags = root.find_all("form")
    result: list[FormAsk] = []
    for info in ctx.forms:
        elements = _inputs(tags[info.index]) if info.index < len(tags) else []
        fields = []
        aligned = len(elements) == len(info.fields)
        pins: list[int] = []
        for position, known in enumerate(info.fields):
            kind = known.kind
            guess = guesser.kind(elements[position]) if aligned else "other"
            # security questions and wallet seed phrases are this module's speciality: they win over
            # a general kind ("In which city were you born?" is an address to a form classifier)
            if kind == "other" or guess in groups.specialist:
                kind = guess if guess != "other" else kind
            if kind == "password" and guess == "payment_pin":
                pins.append(position)
            fields.append(FieldAsk(kind, known.name or known.id or f"#{position}"))
        # a masked "PIN" box is a sign-in password on a login page, but beside a card number it is
        # the card's PIN (取款密码, "debit card PIN")
        if pins and any(item.kind == "bank_card" for item in fields):
            for position in pins:
                fields[position] = FieldAsk("payment_pin", fields[position].locator)
        context = _context(tags[info.index]) if info.index < len(tags) else ""
        result.append(FormAsk(info.index, info.action, tuple(fields), groups, context))
    covered = {info.index for info in ctx.forms}
    for index, tag in enumerate(tags):
        if index not in covered:  # the form analysis gave up on this form (too deep, malformed): guess
            guessed = guesser.fields(_inputs(tag))
            result.append(FormAsk(index, _attr(tag, "action"), guessed, groups, _context(tag)))
    loose = [tag for tag in _inputs(root) if tag.find_parent("form") is None]
    if loose:
        result.append(FormAsk(-1, "", guesser.fields(loose), groups, _context(loose[0])))
    return tuple(result)


#: how far up from a form its "context" reaches, and how much text it keeps
_CONTEXT_LEVELS = 3
_CONTEXT_CHARS = 3000


def _context(tag: Tag) -> str:
    """The text of the smallest enclosing element (up to a few levels) that says more than the form."""
    node = tag
    for _ in range(_CONTEXT_LEVELS):
        parent = node.parent
        if parent is None or parent.name in ("body", "html", "[document]"):
            break
        node = parent
    # a form placed straight in <body> is framed by the blocks just above it (the "notice" of a
    # phishing kit, the banner of a prize page), not by the whole page
    framing = [node] if node is not tag else [*reversed(framing_blocks(tag)), tag]
    # banners drawn as images carry their words in alt text ("恭喜您获得 iPhone")
    alts = " ".join(str(img.get("alt") or "") for part in framing for img in part.find_all("img")[:20])
    text = " ".join(part.get_text(" ") for part in framing)
    return f"{alts} {text}"[:_CONTEXT_CHARS]


#: sibling elements above a top-level form that still frame it
_FRAMING_SIBLINGS = 3


def framing_blocks(tag: Tag) -> list[Tag]:
    """The element blocks just above ``tag`` among its siblings (nearest first)."""
    blocks: list[Tag] = []
    for sibling in tag.find_previous_siblings(limit=_FRAMING_SIBLINGS * 4):
        if getattr(sibling, "name", None) in (None, "script", "style", "noscript", "template", "form"):
            continue
        blocks.append(sibling)
        if len(blocks) >= _FRAMING_SIBLINGS:
            break
    return blocks
