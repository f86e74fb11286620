"""What a form is for: the field composition plus the words of its buttons, headings, id/class,
action URL and the page title, in zh and en. ``other`` when nothing is convincing.

Composition first (a form with two passwords creates an account; a card number means payment; a
message box means contact), then the purpose lexicons of ``purposes.toml`` weighted by where the
words are. Survey, quiz and fortune words count on page level (title, ``h1``) too, because such a
form often holds only 姓名 and 生日.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from privacy_hygiene.forms.describe import FieldDescription, name_tokens
from privacy_hygiene.forms.dom import Element, attr, norm, own_text, tag_of
from privacy_hygiene.forms.lexicon import PurposeTable
from privacy_hygiene.forms.stream import Token

_SPACED_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "legend"})
#: how many elements the look-back for a heading before the form may visit (bounded on huge pages)
_HEADING_STEPS = 40


@dataclass(frozen=True, slots=True)
class FormText:
    """The words around a form, normalised, by where they were found."""

    button: str
    heading: str
    form: str
    action: str
    page: str


def heading_before(form: Element) -> Element | None:
    """The nearest heading before the form: a preceding sibling of the form or of an ancestor, or
    the last heading inside a small preceding block. A bounded walk, never a document scan."""
    steps = 0
    node = form
    while node is not None and steps < _HEADING_STEPS:
        previous = node.getprevious()
        while previous is not None and steps < _HEADING_STEPS:
            steps += 1
            if tag_of(previous) in _HEADING_TAGS:
                return previous
            if len(previous) <= 6:
                for child in reversed(previous):
                    if tag_of(child) in _HEADING_TAGS:
                        return child
            previous = previous.getprevious()
        node = node.getparent()
    return None


def form_text(form: Element, stream: Sequence[Token], action: str, page_text: str) -> FormText:
    """Collect the purpose-revealing words of one form."""
    # a reset button ("重置", "Reset") says nothing about the form (and "重置" would read as a password
    # reset); Chinese buttons are often letter-spaced ("登 录", "查 询")
    buttons = " | ".join(
        _SPACED_HAN.sub("", token.text)
        for token in stream
        if token.kind == "button" and token.text and attr(token.element, "type").strip().lower() != "reset"
    )
    headings = [own_text(node, 80) for node in form.iter("h1", "h2", "h3", "h4", "h5", "legend")]
    before = heading_before(form)
    if before is not None:
        headings.append(own_text(before, 80))
    headings.extend(value for value in (attr(form, "aria-label"), attr(form, "title")) if value)
    try:
        parts = urlsplit(action)
        action_words = name_tokens(parts.path, parts.query)
    except ValueError:
        action_words = ""
    return FormText(
        button=norm(buttons),
        heading=norm(" | ".join(headings)),
        form=name_tokens(attr(form, "id"), attr(form, "class"), attr(form, "name")),
        action=action_words,
        page=page_text,
    )


def composition(
    kinds: Sequence[str], descriptions: Sequence[FieldDescription], method: str, table: PurposeTable
) -> dict[str, float]:
    """Points each purpose earns from the fields alone."""
    remark, current, new = table.remark, table.current_password, table.new_password
    identifier_kinds, names = table.identifiers, table.names
    count: defaultdict[str, int] = defaultdict(int)
    for kind, item in zip(kinds, descriptions, strict=True):
        if (
            kind == "message"
            and remark
            and remark.search(f"{item.label} {item.before} {item.placeholder} {item.tokens}")
        ):
            continue  # 备注 / special requests annotate an order or booking; they do not make a contact form
        count[kind] += 1
    points: defaultdict[str, float] = defaultdict(float)
    passwords = count["password"]
    typed = [
        kind
        for kind, item in zip(kinds, descriptions, strict=True)
        if item.input_type not in ("checkbox", "radio", "hidden")
    ]
    identifiers = sum(count[kind] for kind in identifier_kinds)
    personal = sum(1 for kind in kinds if kind in table.personal)
    extras = [kind for kind in typed if kind not in identifier_kinds | {"password", "captcha", "sms_code", "other"}]
    radio_groups = len({item.group for item in descriptions if item.input_type == "radio" and item.group})
    if count["search_query"] and len(typed) <= 3 and not passwords:
        points["search"] += 5
    if passwords == 1 and identifiers <= 1 and not extras:
        points["login"] += 4
    changing = passwords >= 2 and any(
        kind == "password"
        and (
            "current-password" in item.autocomplete
            or (current is not None and current.search(f"{item.label} {item.before} {item.placeholder} {item.tokens}"))
        )
        for kind, item in zip(kinds, descriptions, strict=True)
    )
    resetting = (
        passwords
        and not changing
        and not extras
        # a reset proves who you are with a code, or names no account at all (the link was the proof)
        and (count["sms_code"] or count["captcha"] or not identifiers)
        and new is not None
        and any(
            kind == "password" and new.search(f"{item.label} {item.before} {item.placeholder} {item.tokens}")
            for kind, item in zip(kinds, descriptions, strict=True)
        )
    )
    if resetting:
        points["password_recovery"] += 5  # a code or an account number and a new password: a reset
    elif changing and len(typed) <= passwords + 1:
        points["other"] += 5  # current + new (+ confirm) password: a password change, not a new account
    elif passwords >= 2 and len(typed) == passwords:
        points["password_recovery"] += 4  # new + confirm and nothing else: the last step of a reset
    elif passwords >= 2 or (passwords == 1 and personal >= 3):
        points["registration"] += 4
    if not passwords and typed and set(typed) == {"sms_code"}:
        points["login"] += 3  # a one-time code alone: the second step of a sign-in
    if not passwords and count["sms_code"] and count["phone"] and len(typed) <= 4 and not extras:
        points["login"] += 2  # phone + SMS code: sign-in by code (registration when the words say so)
    # a mailing list may ask a name and, optionally, a birthday for a greeting or a coupon
    extras_but_names = [kind for kind in extras if kind not in names | {"birth_date"}]
    if not passwords and identifiers == 1 and not count["message"]:
        if count["email"] and len(typed) <= 4 and not extras_but_names:
            points["newsletter"] += 2.5  # an email, perhaps with a name: a mailing list
        if len(typed) <= 3 and not extras:
            points["password_recovery"] += 1
    if count["message"] and (identifiers or count["full_name"]):
        points["contact"] += 4
    elif count["message"] and len(typed) <= 2 and not passwords:
        points["contact"] += 3  # a lone comment box
    if passwords == 1 and identifiers >= 2:
        points["registration"] += 3  # username and email beside one password: a new account
    order_item = table.order_item
    if (
        not passwords
        and order_item is not None
        and any(order_item.search(f"{item.tokens} {item.label}") for item in descriptions)
    ):
        points["checkout"] += 3  # a quantity box (add to cart) or a coupon code (applied to an order)
    if count["card_cvc"] or count["card_expiry"]:
        points["checkout"] += 4
    elif count["bank_card"] and count["national_id"]:
        points["other"] += 2  # name + ID + card number: a real-name check, a loan or a card application
    elif count["bank_card"]:
        points["checkout"] += 2  # a card number alone is as often where a loan or refund is paid to
    if count["address"] and count["phone"] and not passwords:
        points["checkout"] += 1
    if count["birth_time"]:
        points["fortune_telling"] += 4
    if count["birth_date"] and (count["full_name"] or count["gender"]) and not passwords and not count["email"]:
        points["fortune_telling"] += 1.5
    if radio_groups >= 3 or (radio_groups >= 2 and not identifiers):
        points["survey"] += 2.5
    elif radio_groups >= 2:
        points["survey"] += 1.5
    if descriptions and all(item.input_type == "select" for item in descriptions) and not personal:
        points["other"] += 2  # nothing but selects: a jump-to, sort, language or region menu
        navigation = table.navigation
        if navigation is not None and any(
            navigation.search(f"{item.label} {item.before} {item.tokens}") for item in descriptions
        ):
            points["other"] += 2  # "Sort by", "每页", "Jump to": it moves through the page
    if radio_groups == 1 and not typed and all(item.input_type == "radio" for item in descriptions):
        points["other"] += 3  # one question and nothing else: a poll, not a survey
    if method == "get" and not passwords and len(typed) <= 2 and not points:
        points["search"] += 1
    return points


def classify(
    kinds: Sequence[str],
    descriptions: Sequence[FieldDescription],
    text: FormText,
    table: PurposeTable,
    *,
    method: str,
) -> str:
    """The purpose of one form."""
    scores = composition(kinds, descriptions, method, table)
    weights = table.weights
    sources = (
        (weights.button, text.button),
        (weights.heading, text.heading),
        (weights.form, text.form),
        (weights.action, text.action),
    )
    # the page's title speaks for a form only when the form asks for something personal: a sort
    # select on a "Register" page is not a registration
    personal = any(kind not in table.impersonal for kind in kinds)
    for purpose in table.purposes.values():
        if purpose.terms is None:
            continue
        for weight, words in sources:
            if words and purpose.terms.search(words):
                scores[purpose.id] += weight
        if personal and text.page and purpose.terms.search(text.page):
            scores[purpose.id] += purpose.page_weight
    if "password" in kinds and scores["search"]:
        scores["search"] = 0  # a search box in a sign-in form's header is not the form's purpose
    if "password" not in kinds and set(kinds) <= table.mailing_list:
        scores["registration"] /= 2  # "Sign up" under a lone email box: a mailing list, not an account
    if not scores:
        return "other"
    best = max(scores.items(), key=lambda item: (item[1], -table.purposes[item[0]].order))
    if best[1] < weights.threshold:
        return "other"
    if best[0] in table.campaigns and _signs_in(kinds, table):
        return "login"  # a lucky draw's "log in with your phone and code" box asks only how to sign in
    return best[0]


def _signs_in(kinds: Sequence[str], table: PurposeTable) -> bool:
    """An account and a password or one-time code, nothing else a person would type (one box left
    over at most: "remember me" or "I agree"; a quiz's answers are more)."""
    if list(kinds).count("other") > 1:
        return False
    asked = set(kinds)
    secrets = asked & table.sign_in_secrets
    account = asked & table.identifiers
    return bool(secrets and account) and asked <= table.identifiers | table.sign_in_secrets | table.sign_in_extras
