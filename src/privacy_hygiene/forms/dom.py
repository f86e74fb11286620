"""The document the form analysis reads: lxml's HTML tree, plus small text helpers.

The analysis parses the page's decoded HTML with lxml directly. That is the same libxml2 parser
BeautifulSoup's ``"lxml"`` builder drives, so the forms (and their document-order ``index``) are
the ones the rest of the audit sees, at a fraction of the cost of building a BeautifulSoup tree
(see ``bench/forms.py``). Everything here treats the page as hostile: no recursion over the tree,
text folded and bounded.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

#: an lxml ``HtmlElement`` (lxml ships no type information)
Element = Any

FIELD_TAGS = frozenset({"input", "select", "textarea"})
#: ``<input type>`` values that are not something a person fills in
NOT_FIELDS = frozenset({"hidden", "submit", "button", "image", "reset"})
BUTTON_TYPES = frozenset({"submit", "button", "image", "reset"})
#: elements whose text is never a label
SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "option", "optgroup", "datalist", "textarea"})
#: elements that end a line of text: a label never reaches across them to a required marker
BLOCK_TAGS = frozenset(
    {
        "br",
        "div",
        "p",
        "tr",
        "td",
        "th",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "form",
        "fieldset",
        "legend",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "label",
    }
)

_SPACE = re.compile(r"\s+")
#: spaces between Chinese characters are layout ("姓　　名", "密 码"), not word breaks
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def parse(html: str) -> Element | None:
    """The root ``<html>`` element of ``html``, or ``None`` when there is nothing to parse."""
    if not html or not html.strip():
        return None
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def fold(text: str | None, limit: int = 200) -> str:
    """Whitespace folded to single spaces, trimmed, cut to ``limit`` characters."""
    if not text:
        return ""
    return _SPACE.sub(" ", text).strip()[:limit]


def norm(text: str) -> str:
    """The form the lexicons match: NFKC (full-width ＊：Ａ → * : a), lower case, folded."""
    return _HAN_GAP.sub("", fold(unicodedata.normalize("NFKC", text).lower(), 400))


def tag_of(element: Element) -> str:
    """The element's tag name, lower-cased ("" for comments and other non-elements)."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def attr(element: Element, name: str) -> str:
    """An attribute's value ("" when absent)."""
    value = element.get(name)
    return value if isinstance(value, str) else ""


def input_type(element: Element) -> str:
    """``text``/``password``/... for inputs; ``select``/``textarea``/``button`` for those elements."""
    tag = tag_of(element)
    if tag != "input":
        return tag
    return attr(element, "type").strip().lower() or "text"


def is_field(element: Element) -> bool:
    """True for an input/select/textarea a person fills in."""
    tag = tag_of(element)
    return tag in FIELD_TAGS and (tag != "input" or input_type(element) not in NOT_FIELDS)


def is_button(element: Element) -> bool:
    """True for ``<button>`` and button-like inputs."""
    tag = tag_of(element)
    return tag == "button" or (tag == "input" and input_type(element) in BUTTON_TYPES)


def button_text(element: Element) -> str:
    """What a button says: its text, else its value, alt or title."""
    if tag_of(element) == "button":
        text = fold(element.text_content(), 80)
        if text:
            return text
    return fold(attr(element, "value") or attr(element, "alt") or attr(element, "title"), 80)


def own_text(element: Element, limit: int = 200) -> str:
    """The visible text of ``element``, without the options of selects inside it."""
    parts: list[str] = []
    size = 0
    for node in element.iter():
        tag = tag_of(node)
        if tag in SILENT_TAGS:
            continue
        parent = node.getparent()
        if node is not element and parent is not None and tag_of(parent) in SILENT_TAGS:
            continue
        for piece in (node.text if tag else None, node.tail if node is not element else None):
            if piece and piece.strip():
                parts.append(piece)
                size += len(piece)
        if tag == "img":
            parts.append(attr(node, "alt"))
        if size > limit * 2:
            break
    return fold(" ".join(parts), limit)


def classes(element: Element) -> list[str]:
    """The element's class tokens, lower-cased."""
    return attr(element, "class").lower().split()
