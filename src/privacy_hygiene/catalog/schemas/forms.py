"""Schema of `heuristics/forms.toml`: field kinds, their lexicons, and the required/context cues.

Every pattern is a Python regular expression matched case-insensitively against NFKC-normalised,
lower-cased text; :meth:`FormsFile.check` compiles each one so a typo fails when the catalog loads.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta
from privacy_hygiene.i18n import LocalText

#: the field kinds of the DESIGN.md `forms` contract
FIELD_KINDS: tuple[str, ...] = (
    "email",
    "password",
    "username",
    "phone",
    "full_name",
    "given_name",
    "family_name",
    "national_id",
    "passport",
    "bank_card",
    "card_cvc",
    "card_expiry",
    "payment_pin",
    "birth_date",
    "birth_time",
    "gender",
    "age",
    "address",
    "postal_code",
    "income",
    "hobbies",
    "photo",
    "security_answer",
    "sms_code",
    "captcha",
    "search_query",
    "message",
    "other",
)

Weight = Annotated[float, msgspec.Meta(ge=0, le=100)]


class SourceWeights(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How much a lexicon match counts, by where the text was found."""

    autocomplete: Weight
    type: Weight
    label: Weight
    aria: Weight
    placeholder: Weight
    before: Weight
    after: Weight
    name: Weight
    options: Weight
    #: a ``maxlength`` typical of the kind (11 digits of a Chinese mobile number, 18 of an ID number)
    shape: Weight
    #: the lowest total score that names a kind (below it the field is ``other``)
    threshold: Weight


class KindDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One field kind and the words that reveal it (earlier kinds win ties)."""

    id: str
    name: LocalText
    #: a radio, checkbox or select can be of this kind (a choice among options)
    choice: bool = False
    #: WHATWG autocomplete tokens that decide the kind outright
    autocomplete: list[str] = []
    #: input types (``textarea`` and ``select`` for those elements) that hint at the kind
    types: list[str] = []
    #: patterns over label-like text (label, aria, placeholder, text before/after)
    terms: list[str] = []
    #: patterns over the name/id tokens joined by spaces (``signup[mailAddress]`` → ``signup mail address``)
    names: list[str] = []
    #: patterns over the option texts of a select or radio group
    options: list[str] = []
    #: ``maxlength`` values typical of the kind
    maxlength: list[int] = []
    #: a text matching one of these contributes nothing to this kind (company name is not a name)
    exclude: list[str] = []
    #: a number box (``type=number``, a quantity or a count) can be this kind
    numeric: bool = True
    #: a radio/select asked as a question sentence ("…?") is this kind only when the question also
    #: matches this (a poll mentioning "小区" or "county" does not ask where you live)
    question: str = ""


class Demotion(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Re-label ``kind`` as ``to`` when the field's own text matches ``when_text`` (if given), unless
    the form has one of ``unless_form_has`` or the text matches ``unless_text`` (a lone "security
    code" is a captcha, not a card's CVC)."""

    kind: str
    to: str
    when_text: str = ""
    unless_form_has: list[str] = []
    unless_text: str = ""
    #: the demotion runs only when the form also has one of these kinds
    when_form_has: list[str] = []
    #: ...and only when the form's buttons say this ("获取验证码")
    when_buttons: str = ""


class Context(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Cues for the neighbour rules (split dates, birth time, login identifiers, search boxes)."""

    #: text near split day/month/year selects that makes them a birth date
    birth: list[str]
    #: text that makes a date group a card expiry instead
    expiry: list[str]
    #: month option texts (besides the numbers 1..12)
    months: str
    #: the twelve double-hours 子时..亥时 (a select of them is a birth time)
    shichen: str
    #: separators of "username or email" style labels
    alternation: str
    #: kinds a login identifier can be named by; two of them in one text make it a username
    identifier_kinds: list[str]
    #: name/id tokens of search boxes (``q``, ``wd``, ``kw``...)
    search_names: list[str]
    #: spam-trap fields (over name/id tokens, class and label): always ``other``
    honeypot: str = ""
    #: the hint after a spam-trap field ("should be left unchanged"); only this, since ordinary hints
    #: after real fields say "leave blank if none"
    honeypot_hint: str = ""
    #: option texts of a country dialing-code select ("+86", "0086") that belongs to the phone beside it
    dialing_code: str = ""
    #: text asking how to reach you: "phone or email" there is a contact detail, not a login identifier
    contact_way: str = ""
    #: text around a page-number box or a per-page select ("跳转到 [..] 页", "go to page"): navigation
    pager: str = ""
    #: a lone box that is never a search: a coupon, a quantity, an order or booking reference
    not_search: str = ""
    #: a field that holds the security question itself (picked or written), not its answer
    security_question: str = ""
    #: words of a store or branch locator ("find a store", "near you"): the place typed there is searched
    locator: str = ""


class RequiredCues(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How pages say a field is required (attributes, framework classes, asterisks, words)."""

    #: boolean-ish attributes on the field (``required``, ``data-val-required``...)
    attributes: list[str]
    #: attributes whose value mentions ``required`` (``lay-verify="required|phone"``)
    attributes_with_value: list[str]
    #: class names on the field, its label or an ancestor up to the row (``is-required``...)
    classes: list[str]
    #: text that says required (``*``, 必填, (required)...)
    marker: str
    #: text that says optional; wins over a marker in the same text
    optional: str
    #: a legend saying every field is required
    all_required: str
    #: text that is only a required/optional badge ("必須", "(required)"): never a field's label
    badge: str = ""


class FormsFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``forms.toml``."""

    schema: Literal[1]
    meta: Meta
    weights: SourceWeights
    context: Context
    required: RequiredCues
    kind: list[KindDef]
    demote: list[Demotion] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        ids = [item.id for item in self.kind]
        unknown = sorted(set(ids) - set(FIELD_KINDS))
        missing = sorted(set(FIELD_KINDS) - set(ids))
        if unknown or missing or len(ids) != len(set(ids)):
            problems.append(
                ("$.kind", f"kinds must be the DESIGN.md set once each: unknown {unknown}, missing {missing}")
            )
        for index, item in enumerate(self.kind):
            for key in ("terms", "names", "options", "exclude"):
                for number, pattern in enumerate(getattr(item, key)):
                    problems.extend(compiles(pattern, f"$.kind[{index}].{key}[{number}]"))
            problems.extend(compiles(item.question, f"$.kind[{index}].question"))
        for index, demotion in enumerate(self.demote):
            for kind in (demotion.kind, demotion.to, *demotion.unless_form_has, *demotion.when_form_has):
                if kind not in FIELD_KINDS:
                    problems.append((f"$.demote[{index}]", f"unknown kind {kind!r}"))
            problems.extend(compiles(demotion.unless_text, f"$.demote[{index}].unless_text"))
            problems.extend(compiles(demotion.when_text, f"$.demote[{index}].when_text"))
            problems.extend(compiles(demotion.when_buttons, f"$.demote[{index}].when_buttons"))
        for kind in self.context.identifier_kinds:
            if kind not in FIELD_KINDS:
                problems.append(("$.context.identifier_kinds", f"unknown kind {kind!r}"))
        for key in (
            "months",
            "shichen",
            "alternation",
            "honeypot",
            "honeypot_hint",
            "dialing_code",
            "contact_way",
            "pager",
            "not_search",
            "security_question",
            "locator",
        ):
            problems.extend(compiles(getattr(self.context, key), f"$.context.{key}"))
        for key in ("birth", "expiry"):
            for number, pattern in enumerate(getattr(self.context, key)):
                problems.extend(compiles(pattern, f"$.context.{key}[{number}]"))
        for key in ("marker", "optional", "all_required", "badge"):
            problems.extend(compiles(getattr(self.required, key), f"$.required.{key}"))
        return problems


def compiles(pattern: str, where: str) -> list[tuple[str, str]]:
    """``[(where, message)]`` when ``pattern`` is not a valid regular expression, else ``[]``."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return [(where, f"invalid regular expression {pattern!r}: {exc}")]
    return []
