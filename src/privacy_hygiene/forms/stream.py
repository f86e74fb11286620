"""A form as a flat stream of text, fields, buttons and line breaks, in document order.

Label inference walks this list a few steps back or ahead of a field instead of searching the tree.
Built with ``lxml.etree.iterwalk``: no recursion, whatever the nesting depth of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lxml import etree  # type: ignore[import-untyped]

from privacy_hygiene.forms.dom import BLOCK_TAGS, SILENT_TAGS, Element, attr, button_text, is_button, is_field, tag_of

TokenKind = Literal["text", "field", "button", "break", "soft", "label"]

#: the text an image without ``alt`` leaves in the stream (``forms.toml`` matches it as ``▣``)
IMAGE_MARK = "▣"

#: table and definition-list cells: a label in the cell to the left is still on the same line
_SOFT_BREAKS = frozenset({"td", "th", "dt", "dd"})


@dataclass(slots=True)
class Token:
    """One item of a form's stream: text (with the element that holds it), a field, a button, a break."""

    kind: TokenKind
    text: str = ""
    element: Element = None


def build_stream(form: Element) -> list[Token]:
    """The form as a flat list of text, field, button and break tokens in document order."""
    stream: list[Token] = []
    walker = etree.iterwalk(form, events=("start", "end"))
    for event, element in walker:
        tag = tag_of(element)
        if event == "start":
            if not tag:
                continue
            if tag in BLOCK_TAGS:
                stream.append(Token(_break_kind(tag), element=element))
            if is_field(element):
                stream.append(Token("field", element=element))
                walker.skip_subtree()
            elif is_button(element):
                stream.append(Token("button", button_text(element), element))
                walker.skip_subtree()
            elif tag in SILENT_TAGS or tag in ("select", "input"):
                walker.skip_subtree()
            else:
                if tag == "img":
                    # an image beside a box is usually a captcha picture; the mark (not a letter, so never a
                    # label) lets the lexicon see it; the alt text follows (a label of last resort)
                    stream.append(Token("text", IMAGE_MARK, element))
                    alt = attr(element, "alt").strip()
                    if alt:
                        stream.append(Token("text", alt, element))
                if element.text and element.text.strip():
                    stream.append(Token("text", element.text, element))
        else:
            if tag in BLOCK_TAGS and tag != "br":
                stream.append(Token(_break_kind(tag), element=element))
            if element is not form and element.tail and element.tail.strip():
                stream.append(Token("text", element.tail, element.getparent()))
    return stream


def _break_kind(tag: str) -> TokenKind:
    if tag == "label":
        return "label"  # ends the text after a field, but a "*" before a label still marks it
    return "soft" if tag in _SOFT_BREAKS else "break"
