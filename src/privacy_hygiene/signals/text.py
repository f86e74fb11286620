"""The page's readable text, normalised against evasion, and phrase matching on it.

Normalisation (site-audit.md §4.6): NFKC (full-width → half-width), Traditional → Simplified for the
characters our phrases use, zero-width characters removed, lower case, and spaces between CJK
characters dropped so that 中 奖 or 中\u200b奖 still read 中奖.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import Tag

    from privacy_hygiene.catalog import Catalog
    from privacy_hygiene.catalog.schemas.content import ContentFile, Phrase
    from privacy_hygiene.models import Page

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
_SPACES = re.compile(r"\s+")
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")
#: attributes whose text a person sees (or hears from a screen reader)
_TEXT_ATTRS = ("alt", "placeholder", "title", "aria-label", "value")
_ASCII_WORD = re.compile(r"[a-z0-9]")
#: phrases are looked for in the first this-many characters of a page's text (scam copy is short;
#: megabyte pages are articles, and the headline is matched separately)
_MAX_TEXT_CHARS = 400_000
_LATIN_LETTER = re.compile(r"[a-z]")


def normalise(text: str, fold: dict[int, str] | None = None) -> str:
    """``text`` folded for matching (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    if fold:
        text = text.translate(fold)
    text = _SPACES.sub(" ", text.lower())
    return _CJK_GAP.sub("", text)


def content_files(catalog: Catalog) -> list[ContentFile]:
    """Every topic file under ``heuristics/content/``."""
    from privacy_hygiene.catalog.schemas.content import ContentFile

    return [value for value in catalog.files("content").values() if isinstance(value, ContentFile)]


def fold_table(catalog: Catalog) -> dict[int, str]:
    """The Traditional → Simplified folding of every topic file, as a ``str.translate`` table."""
    table: dict[int, str] = {}
    for topic in content_files(catalog):
        table.update({ord(a): b for a, b in zip(topic.fold_from, topic.fold_to, strict=True)})
    return table


def visible_text(page: Page, fold: dict[int, str] | None = None) -> str:
    """Title, meta description, body text and the text-bearing attributes, normalised."""
    soup = page.soup
    parts: list[str] = [page.title]
    for meta in soup.find_all("meta", attrs={"name": re.compile("^(description|keywords)$", re.I)}):
        content = meta.get("content")
        if isinstance(content, str):
            parts.append(content)
    body = soup.body or soup
    for string in body.find_all(string=True):
        parent = string.parent
        if parent is not None and parent.name in _INVISIBLE_TAGS:
            continue
        parts.append(str(string))
    for tag in body.find_all(True):
        for attr in _TEXT_ATTRS:
            value = tag.get(attr)
            if not isinstance(value, str) or not value:
                continue
            if attr == "value" and not (tag.name == "button" or tag.get("type") in ("submit", "button")):
                continue
            parts.append(value)
    return normalise(" ".join(parts)[: _MAX_TEXT_CHARS * 2], fold)[:_MAX_TEXT_CHARS]


def prominent_text(page: Page, fold: dict[int, str] | None = None) -> str:
    """What a page is *about*: its title, meta description and headings (normalised)."""
    soup = page.soup
    parts = [page.title]
    for meta in soup.find_all("meta", attrs={"name": re.compile("^description$", re.I)}):
        content = meta.get("content")
        if isinstance(content, str):
            parts.append(content)
    parts += [tag.get_text(" ") for tag in soup.find_all(("h1", "h2", "h3"))[:30]]
    return normalise(" ".join(parts), fold)


def element_text(tag: Tag, fold: dict[int, str] | None = None, limit: int = 600) -> str:
    """The normalised visible text of one element (with ``alt`` texts), at most ``limit`` characters."""
    parts = [str(s) for s in tag.find_all(string=True) if s.parent is None or s.parent.name not in _INVISIBLE_TAGS]
    parts += [str(img.get("alt") or "") for img in tag.find_all("img")]
    return normalise(" ".join(parts), fold)[:limit]


@dataclass(frozen=True)
class Hit:
    """A phrase found on the page."""

    phrase: Phrase
    excerpt: str


def negations(catalog: Catalog) -> tuple[str, ...]:
    """The words that turn a following phrase into a warning, from every topic file."""
    return tuple(word for topic in content_files(catalog) for word in topic.negations)


#: a phrase inside quotation marks is a mention ("你是否参加过“免费领取”活动？", a bank's warning
#: quoting the scam text “您的账户已被冻结，请点击链接验证”), not an offer; 【】 is left out: scam kits
#: use it for emphasis
_OPEN_QUOTES = "“「『‘"
_CLOSE_QUOTES = "”」』’"
#: how far a quotation may reach around the phrase
_QUOTE_REACH = 30


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _QUOTE_REACH) : start]
    opened = max(before.rfind(mark) for mark in _OPEN_QUOTES)
    if opened < 0 or any(mark in before[opened:] for mark in _CLOSE_QUOTES):
        if not before.endswith('"'):
            return False
        return '"' in text[end : end + _QUOTE_REACH]
    after = text[end : end + _QUOTE_REACH]
    closed = [after.find(mark) for mark in _CLOSE_QUOTES if mark in after]
    reopened = [after.find(mark) for mark in _OPEN_QUOTES if mark in after]
    return bool(closed) and (not reopened or min(closed) < min(reopened))


#: how far before a phrase a negation still applies ("will never ask you to pay a")
_NEGATION_WINDOW = 18
#: English puts more words between them ("we will never text you asking for a redelivery fee")
_NEGATION_WINDOW_LATIN = 36
#: occurrences of one phrase examined before giving up (a negated first mention must not hide a later one)
_MAX_OCCURRENCES = 8


class PhraseMatcher:
    """Compiled phrases; :meth:`find` returns the hits in a text that no negation precedes.

    Plain phrases are found with ``str.find`` (fast on megabyte pages); latin ones must also sit on
    word boundaries ("prize" must not match "prized"). Only ``regex`` phrases use the regex engine.
    """

    def __init__(self, phrases: list[Phrase], negations: tuple[str, ...] = ()) -> None:
        self._negations = negations
        self._compiled: list[tuple[Phrase, re.Pattern[str] | None, bool]] = []
        for item in phrases:
            if item.regex and item.text.startswith("\\b"):
                # a leading \b stops the regex engine's literal-prefix scan (50 ms per MB per phrase):
                # drop it and check the boundary by hand
                self._compiled.append((item, re.compile(item.text[2:]), True))
            elif item.regex:
                self._compiled.append((item, re.compile(item.text), False))
            else:
                latin = bool(_ASCII_WORD.match(item.text[:1]) and _ASCII_WORD.search(item.text[-1:]))
                self._compiled.append((item, None, latin))

    def _negated(self, text: str, start: int) -> bool:
        window = _NEGATION_WINDOW_LATIN if _LATIN_LETTER.match(text[start : start + 1]) else _NEGATION_WINDOW
        before = text[max(0, start - window) : start]
        return any(word in before for word in self._negations)

    def _accept(self, text: str, start: int, end: int, latin: bool) -> bool:
        if latin and ((start > 0 and _LATIN_LETTER.match(text[start - 1])) or _LATIN_LETTER.match(text[end : end + 1])):
            return False
        return not self._negated(text, start) and not _quoted(text, start, end)

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for item, pattern, latin in self._compiled:
            if pattern is None:
                start = text.find(item.text)
                for _ in range(_MAX_OCCURRENCES):
                    if start < 0 or self._accept(text, start, start + len(item.text), latin):
                        break
                    start = text.find(item.text, start + 1)
                else:
                    start = -1
                if start >= 0:
                    hits.append(Hit(item, item.text))
                continue
            for number, match in enumerate(pattern.finditer(text)):
                if number >= _MAX_OCCURRENCES:
                    break
                start = match.start()
                if latin and start > 0 and _LATIN_LETTER.match(text[start - 1]):
                    continue
                if not self._negated(text, start) and not _quoted(text, start, match.end()):
                    hits.append(Hit(item, match.group(0)[:60]))
                    break
        return hits
