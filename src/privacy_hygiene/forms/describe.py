"""Field description: everything a page says about one input, found the way browsers find labels.

For each field of a form: name/id tokens (camelCase, snake_case and ``a[b][c]`` split), type,
WHATWG autocomplete tokens, inputmode, pattern, maxlength, the explicit label (``label[for]``, a
wrapping ``<label>``, ``aria-labelledby``), ``aria-label``/``title``, placeholder, the text before
the field (Chromium-style inference: the preceding text, the table cell to the left, the ``dt`` of
a ``dd``), the text right after it (hints, asterisks, "获取验证码" buttons), and the options of a
select or of a radio/checkbox group. The form is read once as a linear stream of text, fields,
buttons and line breaks, so each look-back or look-ahead is a short walk, never a tree search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from privacy_hygiene.forms.dom import Element, attr, fold, input_type, norm, own_text, tag_of
from privacy_hygiene.forms.layout import column_header, form_item_label, wrapper_classes
from privacy_hygiene.forms.stream import IMAGE_MARK, build_stream

_WORDY = re.compile(r"[^\W\d_]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_SEPARATORS = re.compile(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: autocomplete tokens that qualify rather than name a kind
_AUTOCOMPLETE_QUALIFIERS = frozenset({"on", "off", "shipping", "billing", "home", "work", "fax", "pager", "webauthn"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LOOK_BACK = 14
_LOOK_AHEAD = 10
_MAX_OPTIONS = 80
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


@dataclass(slots=True)
class FieldDescription:
    """What the page says about one field; text values are normalised (:func:`dom.norm`)."""

    element: Element
    tag: str
    input_type: str
    name: str
    id: str
    tokens: str
    autocomplete: tuple[str, ...]
    inputmode: str
    pattern: str
    maxlength: int | None
    label: str = ""
    aria: str = ""
    placeholder: str = ""
    before: str = ""
    #: text on the label's line that is not the label (a leading ``*``, "(必填)" after the label)
    before_marks: str = ""
    after: str = ""
    #: the part of ``after`` in the field's own cell (before any table/definition-list cell boundary)
    after_cell: str = ""
    options: str = ""
    option_values: tuple[str, ...] = ()
    legend: str = ""
    #: the radio/checkbox group (its name) or "" for a single field
    group: str = ""
    #: the element of the explicit label, when there is one (its classes can say "required")
    label_element: Element = None
    #: the label to show: the first non-empty of label, aria, placeholder, before (unnormalised)
    display: str = ""
    #: each option's text of a select, normalised (for day/month/year and 时辰 detection)
    option_texts: tuple[str, ...] = ()
    #: the field's class attribute as words (spam-trap classes)
    classes: str = ""
    #: the field hides itself (``style="display:none"``): page machinery, not a question to the person
    self_hidden: bool = False

    def all_text(self) -> str:
        """Every text of the field joined (for demotion and required checks)."""
        return " | ".join(
            part for part in (self.label, self.aria, self.placeholder, self.before, self.after, self.tokens) if part
        )


def name_tokens(*values: str) -> str:
    """``signup[mailAddress]`` → ``signup mail address``; ``user_phone1`` → ``user phone 1``."""
    seen: list[str] = []
    for value in values:
        if not value:
            continue
        spaced = _LETTER_DIGIT.sub(" ", _CAMEL.sub(" ", value[:120]))
        for token in _SEPARATORS.split(spaced.lower()):
            if token and token not in seen:
                seen.append(token)
    return " ".join(seen)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese characters."""
    return _CJK.search(text) is not None


class FormReader:
    """Describes the fields of one form; ``labels`` maps ids to their ``<label for>`` elements."""

    def __init__(
        self,
        form: Element,
        labels: dict[str, Element],
        root: Element,
        *,
        limit: int = 400,
        badge: re.Pattern[str] | None = None,
    ) -> None:
        self.form = form
        #: a required/optional badge ("必須", "(required)"): a mark before a label, never the label
        self.badge = badge
        self.labels = labels
        self.root = root
        self.limit = limit
        self.stream = build_stream(form) if limit > 0 else []

    def fields(self) -> list[FieldDescription]:
        """Every field of the form, in document order, described."""
        result: list[FieldDescription] = []
        groups: dict[str, list[FieldDescription]] = {}
        previous_position = -2
        for position, token in enumerate(self.stream):
            if token.kind != "field":
                continue
            if len(result) >= self.limit:
                break
            description = self.describe(token.element, position)
            if result and not (description.label or description.aria or description.before):
                _inherit_split_label(result[-1], description, adjacent=self._adjacent(previous_position, position))
            previous_position = position
            result.append(description)
            if description.input_type in ("radio", "checkbox") and description.name:
                groups.setdefault(description.name, []).append(description)
        for members in groups.values():
            if len(members) > 1:
                _merge_group(members)
        return result

    def _adjacent(self, first: int, second: int) -> bool:
        """True when only inline text (no line break) separates two fields: parts of one value."""
        if first < 0:
            return False
        between = self.stream[first + 1 : second]
        return len(between) <= 3 and all(token.kind == "text" for token in between)

    def describe(self, element: Element, position: int) -> FieldDescription:
        kind = input_type(element)
        name, ident = attr(element, "name"), attr(element, "id")
        tokens = name_tokens(*_own_names(name, ident))
        if kind == "file":
            tokens = f"{tokens} {name_tokens(attr(element, 'accept'))}".strip()
        maxlength_text = attr(element, "maxlength").strip()
        description = FieldDescription(
            element=element,
            tag=tag_of(element),
            input_type=kind,
            name=name,
            id=ident,
            tokens=tokens,
            autocomplete=tuple(
                token
                for token in attr(element, "autocomplete").lower().split()
                if token not in _AUTOCOMPLETE_QUALIFIERS
            ),
            inputmode=attr(element, "inputmode").strip().lower(),
            pattern=attr(element, "pattern")[:100],
            maxlength=int(maxlength_text) if maxlength_text.isdigit() and len(maxlength_text) < 7 else None,
        )
        raw_label, description.label_element = self._explicit_label(element, ident)
        raw_aria = " ".join(part for part in (attr(element, "aria-label"), attr(element, "title")) if part.strip())
        raw_placeholder = attr(element, "placeholder") or attr(element, "data-placeholder")
        raw_before, marks = self._before(position, ident)
        raw_after, raw_cell = self._after(position)
        description.label = norm(raw_label)
        description.aria = norm(raw_aria)
        description.placeholder = norm(raw_placeholder)
        description.before = norm(raw_before)
        description.before_marks = norm(marks)
        description.after = norm(raw_after)
        description.after_cell = norm(raw_cell)
        description.legend = norm(self._legend(element))
        if kind == "select":
            self._options(element, description)
        elif kind in ("radio", "checkbox"):
            own = raw_label or raw_after
            description.options = norm(own)
            description.option_values = (attr(element, "value").strip().lower(),)
            description.group = name
        description.display = fold(raw_label or raw_aria or raw_placeholder or raw_before, 60)
        description.classes = name_tokens(attr(element, "class"), *wrapper_classes(element))
        description.self_hidden = _HIDING_STYLE.search(attr(element, "style")) is not None
        return description

    def _explicit_label(self, element: Element, ident: str) -> tuple[str, Element]:
        label = self.labels.get(ident) if ident else None
        if label is None:
            for ancestor in element.iterancestors():
                tag = tag_of(ancestor)
                if tag == "label":
                    label = ancestor
                    break
                if tag in ("form", "fieldset", "table", "body"):
                    break
        if label is None:
            label = form_item_label(element)
        text = own_text(label, 120) if label is not None else ""
        labelled_by = attr(element, "aria-labelledby").split()
        if labelled_by:
            parts = []
            for target_id in labelled_by[:4]:
                found = self.root.xpath("//*[@id=$value]", value=target_id)
                if found:
                    parts.append(own_text(found[0], 120))
            text = " ".join(part for part in (*parts, text) if part)
        return text, label

    def _before(self, position: int, ident: str) -> tuple[str, str]:
        """The nearest wordy text before the field, and the marks on the same line (``*``)."""
        label = ""
        #: an image's alt text: the label only when no text on the line (or in the row's cells) is
        alt = ""
        marks: list[str] = []
        #: how many marks were on the field's own line (before the walk crossed a line break)
        own_line = -1
        stream = self.stream
        index = position - 1
        stop = max(position - _LOOK_BACK, 0)
        while index >= stop:
            token = stream[index]
            index -= 1
            row_start = token.kind == "break" and tag_of(token.element) == "tr"
            if not label and (row_start or token.kind in ("field", "button")):
                # nothing before the field in its row: the label may be the column's header above
                header = column_header(stream[position].element)
                if header:
                    return header, " ".join(reversed(marks))
            if token.kind in ("field", "button"):
                if not label and own_line >= 0:
                    del marks[own_line:]  # a "*" past a line break trails the previous field
                break
            if token.kind == "break":
                if label or alt:
                    break
                if own_line < 0:
                    own_line = len(marks)
                continue
            if token.kind == "soft":
                if label:
                    break
                continue
            if token.kind == "label":
                continue
            holder = token.element
            if tag_of(holder) == "img" and token.text != IMAGE_MARK:
                # "Kod z obrazka: [img alt=kod] [..]": the alt names the picture; the row's text names the field
                alt = alt or token.text
                continue
            if tag_of(holder) == "label" and attr(holder, "for") not in ("", ident):
                if label:
                    break
                continue  # another field's label
            if not label:
                if _WORDY.search(token.text) and not (self.badge and self.badge.search(norm(token.text))):
                    label = token.text
                else:
                    marks.append(token.text)
            else:
                marks.append(token.text)
                if len(marks) > 3:
                    break
        return label or alt, " ".join(reversed(marks))

    def _after(self, position: int) -> tuple[str, str]:
        """Text after the field on the same line (a table row's next cell counts): hints, ``*``, buttons;
        and the part of it inside the field's own cell."""
        parts: list[str] = []
        cell = -1
        stream = self.stream
        past_button = False
        for token in stream[position + 1 : position + 1 + _LOOK_AHEAD]:
            if token.kind in ("field", "break", "label"):
                break
            if token.kind == "soft":
                if cell < 0:
                    cell = len(parts)
                continue
            if tag_of(token.element) == "label" and attr(token.element, "for"):
                break
            if past_button and (token.kind == "button" or _WORDY.search(token.text)):
                break  # past an inline button ("获取验证码") only its marks ("*") still belong to the field
            parts.append(token.text)
            past_button = past_button or token.kind == "button"
        return " ".join(parts), " ".join(parts if cell < 0 else parts[:cell])

    def _legend(self, element: Element) -> str:
        for ancestor in element.iterancestors():
            tag = tag_of(ancestor)
            if tag == "fieldset":
                legend = ancestor.find("legend")
                return own_text(legend, 80) if legend is not None else ""
            if tag == "form":
                return ""
        return ""

    def _options(self, element: Element, description: FieldDescription) -> None:
        texts: list[str] = []
        values: list[str] = []
        for number, option in enumerate(element.iter("option")):
            if number >= _MAX_OPTIONS:
                break
            texts.append(fold(option.text_content(), 40))
            values.append(attr(option, "value").strip().lower()[:40])
        description.options = norm(" | ".join(texts))
        description.option_values = tuple(value or norm(text) for value, text in zip(values, texts, strict=True))
        description.option_texts = tuple(norm(text) for text in texts)


def _own_names(name: str, ident: str) -> tuple[str, str]:
    """The field's own part of ASP.NET naming-container names: ``ctl00$ContentPlaceHolder1$txtEmail``
    (id ``ctl00_ContentPlaceHolder1_txtEmail``) is ``txtEmail`` — the container words ("content",
    "place holder") would otherwise read as a message box."""
    if "$" not in name:
        inner = _BRACKETS.findall(name)
        if inner and all(len(part) >= 3 and not part.isdigit() for part in inner):
            # ``user[profile_bio]``: the record (``user``) is every field's prefix, the field is ``profile_bio``
            record = name[: name.index("[")]
            if record and ident.startswith(f"{record}_"):
                ident = ident[len(record) + 1 :]  # Rails ids repeat the record: ``user_profile_bio``
            return " ".join(inner), ident
        return name, ident
    own = name.rsplit("$", 1)[1]
    return own, own if ident == name.replace("$", "_") else ident


def _inherit_split_label(previous: FieldDescription, description: FieldDescription, *, adjacent: bool) -> None:
    """An unlabelled field right after another in the same container is the next part of a split
    value (省/市/区 selects, phone parts, day/month/year): it shares the first part's label."""
    same_parent = previous.element.getparent() is description.element.getparent()
    if not (adjacent or same_parent) or "radio" in (previous.input_type, description.input_type):
        return
    if "checkbox" in (previous.input_type, description.input_type):
        return
    if previous.input_type != description.input_type:
        # a country-code select and its number, a title select and the name: one row, one "*"
        description.before_marks = previous.before_marks
        return
    description.before = previous.label or previous.before
    description.before_marks = previous.before_marks
    description.display = previous.display


def _merge_group(members: list[FieldDescription]) -> None:
    """A radio/checkbox group shares one question: the first member's label, all members' options."""
    first = members[0]
    options = " | ".join(member.options for member in members if member.options)
    values = tuple(value for member in members for value in member.option_values)
    question = first.label if first.label and first.label != first.options else first.before
    marks = first.before_marks
    for member in members:
        member.before_marks = marks
        member.options = options
        member.option_values = values
        member.before = question
        if member.label == member.options or member.label in options:
            member.label = ""
        member.display = first.display if not question else question[:60]
