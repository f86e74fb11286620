"""Is a field required? Attributes, framework classes, asterisks and words, in that order of trust.

Attributes (``required``, ``aria-required``, ``data-val-required``, Layui ``lay-verify="required"``)
are decisive. Then the classes UI frameworks put on the field, its label or its row (Element
``is-required``, Ant Design ``ant-form-item-required``, Vant, Magento, Contact Form 7, Gravity
Forms, Drupal, WeUI...), where the asterisk comes only from CSS. Then text: an asterisk leading or
trailing the label, or standing alone right after the field (old Chinese table forms put
``<font color=red>*</font>`` after the input), 必填 / (required); 选填 / 可选 / optional win over it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from privacy_hygiene.forms.describe import FieldDescription
from privacy_hygiene.forms.dom import Element, attr, classes, is_field, norm, own_text, tag_of
from privacy_hygiene.forms.layout import enclosing_cell
from privacy_hygiene.forms.lexicon import FieldLexicon

_WORDY = re.compile(r"[^\W\d_]")
_INLINE_RULE = re.compile(r"validate\[[^\]]*required|required\s*:\s*true", re.IGNORECASE)
_FALSE_VALUES = frozenset({"false", "0", "no", "off"})
#: how many ancestors up a row's "required" class may sit
_ROW_DEPTH = 4
_SPLIT_KINDS = frozenset({"birth_date", "card_expiry"})
_PART_TYPES = frozenset({"select", "text", "number", "tel"})
_ROW_STOP = frozenset({"form", "fieldset", "table", "tbody", "body", "ul", "ol"})


def is_required(description: FieldDescription, lexicon: FieldLexicon, *, all_required: bool) -> bool:
    """True when the page marks the field as required."""
    element = description.element
    verdict = _by_attributes(element, lexicon)
    if verdict is not None:
        return verdict
    if _optional_said(description, lexicon):
        return False
    if _by_classes(element, description.label_element, lexicon):
        return True
    if _by_text(description, lexicon):
        return True
    return all_required and description.input_type not in ("checkbox", "radio")


def _by_attributes(element: Element, lexicon: FieldLexicon) -> bool | None:
    if attr(element, "ignore").lower() == "ignore":
        return False  # Validform: validated only when filled in
    if _INLINE_RULE.search(attr(element, "class")):
        return True  # jQuery Validation Engine / metadata rules written into the class
    for name in lexicon.required_attributes:
        value = element.get(name)
        if value is None:
            continue
        negatable = name == "aria-required" or (name.endswith("-required") and name != "data-val-required")
        if negatable and value.strip().lower() in _FALSE_VALUES:
            continue
        return True
    for name in lexicon.required_value_attributes:
        value = element.get(name)
        if value and ("required" in value.lower() or (name in ("datatype", "nullmsg") and value.strip())):
            return True
    return None


def _optional_said(description: FieldDescription, lexicon: FieldLexicon) -> bool:
    marker = lexicon.optional_marker
    return any(
        marker.search(text)
        for text in (
            description.label,
            description.placeholder,
            description.after,
            description.before_marks,
            description.aria,
        )
        if text
    ) or (not description.label and bool(description.before) and marker.search(description.before) is not None)


def _by_classes(element: Element, label: Element, lexicon: FieldLexicon) -> bool:
    wanted = lexicon.required_classes
    if any(name in wanted for name in classes(element)):
        return True
    if label is not None and any(name in wanted for name in classes(label)):
        return True
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= _ROW_DEPTH or tag_of(ancestor) in _ROW_STOP:
            break
        if any(name in wanted for name in classes(ancestor)):
            return True
        if tag_of(ancestor) == "label" and attr(ancestor, "for") not in ("", attr(element, "id")):
            break
    return False


def _by_text(description: FieldDescription, lexicon: FieldLexicon) -> bool:
    marker = lexicon.required_marker
    texts = [description.label, description.aria, description.placeholder, description.before_marks]
    if not description.label:
        texts.append(description.before)
    if any(text and marker.search(text) for text in texts):
        return True
    after = description.after
    if after:
        # an asterisk in the field's own cell marks it; past a cell boundary only a lone asterisk
        # does (a "*" that starts the next cell's words is the next field's label: "<dt>* 手機</dt>");
        # on a flat layout, unless what follows is the next field's label ("* Email:")
        head = after.strip()
        cell = description.after_cell.strip()
        if cell[:1] == "*":
            return True
        rest = head[1:].strip()
        badge = lexicon.badge is not None and lexicon.badge.search(rest) is not None
        if head[:1] == "*" and (not _WORDY.search(rest) or badge or (cell == head and not head.endswith(":"))):
            return True
        # words past the field's cell ("<dd>[..]</dd><dt>お名前 ※必須</dt>") belong to the next label
        # unless they are nothing but a badge ("<td>[..]</td><td>必填</td>")
        if marker.search(cell) and not cell.startswith("*"):
            return True
        if cell != head and lexicon.badge is not None and lexicon.badge.search(head):
            return True
    return _row_header_says(description.element, lexicon)


def _row_header_says(element: Element, lexicon: FieldLexicon) -> bool:
    """The row's header cell marks every field of the row ("<th>お名前 必須</th><td>姓 [..] 名 [..]</td>"),
    even when each field has its own little label inside the cell."""
    cell = enclosing_cell(element, ("td", "dd"), depth=2)
    if cell is None:
        return False
    header = cell.getprevious()
    if header is None or tag_of(header) not in ("th", "td", "dt") or any(is_field(node) for node in header.iter()):
        return False
    text = norm(own_text(header, 80))
    if not text or lexicon.optional_marker.search(text):
        return False
    return lexicon.required_marker.search(text) is not None


def spread_over_date_groups(
    descriptions: Sequence[FieldDescription], kinds: Sequence[str], flags: list[bool]
) -> list[bool]:
    """One asterisk marks a whole "[年] [月] [日] *" group: adjacent selects of one split date share it
    (``flags`` is updated in place and returned)."""
    start = 0
    while start < len(kinds):
        end = start
        if kinds[start] in _SPLIT_KINDS and descriptions[start].input_type in _PART_TYPES:
            while (
                end + 1 < len(kinds)
                and kinds[end + 1] == kinds[start]
                and descriptions[end + 1].input_type in _PART_TYPES
            ):
                end += 1
        if end > start and any(flags[start : end + 1]):
            flags[start : end + 1] = [True] * (end + 1 - start)
        start = end + 1
    return flags
