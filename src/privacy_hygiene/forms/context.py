"""The context pass over a form's field kinds: the neighbour rules a form's layout implies.

Day/month/year selects become one birth date (or a card expiry), a select of 时辰 or hours next to
a birth date is a birth time, phone parts join the phone, "username or email" is a username, a
lone box in a GET form is a search, and the demotions of ``forms.toml`` run.
"""

from __future__ import annotations

from collections.abc import Sequence

from privacy_hygiene.forms.dates import birth_times, date_groups
from privacy_hygiene.forms.describe import FieldDescription
from privacy_hygiene.forms.lexicon import FieldLexicon

_IDENTIFYING = frozenset({"email", "phone", "username", "password"})
_TYPED = frozenset({"text", "email", "tel", "number", ""})


def apply_context(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    lexicon: FieldLexicon,
    *,
    form_text: str,
    method: str,
    role_search: bool,
    search_words: bool = False,
    locator_words: bool = False,
    buttons: str = "",
) -> list[str]:
    """The kinds after the neighbour rules (``kinds`` is updated in place and returned).

    ``search_words``: the form's button, id/class or action says "search"; ``locator_words``: they
    say "find a store", "store locator".
    """
    date_groups(descriptions, kinds, lexicon, form_text)
    birth_times(descriptions, kinds, lexicon)
    _phone_parts(descriptions, kinds, lexicon)
    _flags(descriptions, kinds)
    _choosers(descriptions, kinds)
    _name_parts(descriptions, kinds, lexicon)
    _name_pairs(kinds)
    _login_identifier(descriptions, kinds, lexicon)
    _security_question(descriptions, kinds, lexicon)
    _search_box(
        descriptions,
        kinds,
        lexicon,
        method=method,
        role_search=role_search or search_words or locator_words,
        locator=locator_words,
    )
    _demote(descriptions, kinds, lexicon, buttons)
    _honeypots(descriptions, kinds, lexicon)
    return kinds


def _phone_parts(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    """Phone numbers split over boxes of 2–4 digits: the unlabelled boxes beside a phone box; and a
    dialing-code select ("+86", "0086") just before a phone box is part of the number."""
    dialing = lexicon.dialing_code
    for index, item in enumerate(descriptions):
        if (
            dialing is not None
            and item.input_type == "select"
            and kinds[index] in ("other", "address")
            and index + 1 < len(kinds)
            and kinds[index + 1] == "phone"
            and any(dialing.search(text) for text in item.option_texts[:3])
        ):
            kinds[index] = "phone"
            continue
        if kinds[index] != "other" or item.input_type not in ("text", "tel", "number"):
            continue
        short = item.maxlength is not None and item.maxlength <= 4
        if not short:
            continue
        neighbours = (index - 1, index + 1, index - 2)
        if any(0 <= other < len(kinds) and kinds[other] == "phone" for other in neighbours):
            kinds[index] = "phone"


def _flags(descriptions: Sequence[FieldDescription], kinds: list[str]) -> None:
    """A lone checkbox is a yes/no flag ("use as my default address", "remember me", "I agree"),
    never the data its words mention; only a group of boxes can list hobbies and the like."""
    groups: dict[str, int] = {}
    for item in descriptions:
        if item.input_type == "checkbox" and item.group:
            groups[item.group] = groups.get(item.group, 0) + 1
    for index, item in enumerate(descriptions):
        if item.input_type == "checkbox" and groups.get(item.group, 0) <= 1:
            kinds[index] = "other"


def _login_identifier(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    """In a one-password form, the text box before the password is the account name: when its label
    offers a choice with an email or phone ("Gamertag or email", "Kundennummer oder E-Mail", "CPF ou
    e-mail"), and, in a form with no identifier, whatever its label says ("Name", "ID", "Member no.")."""
    if kinds.count("password") != 1:
        return
    position = kinds.index("password")
    for index in range(position):
        item = descriptions[index]
        if kinds[index] not in ("email", "phone", "national_id", "other") or item.input_type not in _TYPED:
            continue
        text = item.label or item.aria or item.placeholder or item.before
        if lexicon.alternation.search(text) and any(
            kind.terms is not None and kind.terms.search(text) for kind in lexicon.identifier_kinds
        ):
            kinds[index] = "username"
    if {"username", "email", "phone"} & set(kinds):
        return
    position = kinds.index("password")
    for index in range(position - 1, -1, -1):
        item = descriptions[index]
        if item.input_type in ("text", "") and kinds[index] in ("other", "full_name"):
            kinds[index] = "username"
            return
        if item.input_type not in ("checkbox", "radio", "hidden"):
            return


def _choosers(descriptions: Sequence[FieldDescription], kinds: list[str]) -> None:
    """A form of nothing but selects (a country/language/currency switcher, a "your city" picker, a
    jump-to or sort menu) sets a preference of the page: the place it names is not your address."""
    if not descriptions or len(descriptions) > 3 or any(item.input_type != "select" for item in descriptions):
        return
    if len(descriptions) > 1 and all(kind in ("address", "postal_code") for kind in kinds):
        return  # a 省/市/区 cascade on its own is still an address
    for index, kind in enumerate(kinds):
        if kind in ("address", "postal_code"):
            kinds[index] = "other"


def _security_question(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    """ "密码问题 [..] 问题答案 [..]": the box for the question is not the secret, its answer is."""
    pattern = lexicon.security_question
    if pattern is None or kinds.count("security_answer") < 2:
        return
    questions = [
        index
        for index, item in enumerate(descriptions)
        if kinds[index] == "security_answer" and pattern.search(item.label or item.aria or item.before)
    ]
    if len(questions) < kinds.count("security_answer"):
        for index in questions:
            kinds[index] = "other"


def _name_parts(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    """ "お名前 [姓] [名]", "Name [First] [Last]": one row label over two boxes whose own placeholders
    name the parts; the part each box asks for wins over the shared label."""
    parts = [kind for kind in lexicon.kinds if kind.id in ("family_name", "given_name")]
    for index, item in enumerate(descriptions):
        if kinds[index] != "full_name" or not item.placeholder or item.label:
            continue
        for part in parts:
            said = part.terms is not None and part.terms.search(item.placeholder) is not None
            if said and (part.exclude is None or not part.exclude.search(item.placeholder)):
                kinds[index] = part.id
                break


def _name_pairs(kinds: list[str]) -> None:
    """ "Prénom" + "Nom", "First name" + "Name": a plain name beside a given name is the family name."""
    for index, kind in enumerate(kinds):
        if kind != "full_name":
            continue
        neighbours = [kinds[other] for other in (index - 1, index + 1) if 0 <= other < len(kinds)]
        if "given_name" in neighbours and "family_name" not in kinds:
            kinds[index] = "family_name"
        elif "family_name" in neighbours and "given_name" not in kinds[:index]:
            kinds[index] = "given_name"  # "Фамилия, Имя, Отчество": a middle name may follow


def _search_box(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    lexicon: FieldLexicon,
    *,
    method: str,
    role_search: bool,
    locator: bool,
) -> None:
    typed = [index for index, item in enumerate(descriptions) if item.input_type in ("text", "search", "")]
    if "password" in kinds:
        return
    # a GET form that says "search" filters listings: a city select or a "街道、社区" keyword box
    # there narrows the results, it does not ask where you live
    filtering = role_search and method == "get"
    if filtering:
        for index, kind in enumerate(kinds):
            if kind == "address":
                kinds[index] = "other"
    identifying = bool(_IDENTIFYING & set(kinds))
    # "City, State or ZIP" in a store locator: what you type is a place to search near, not where
    # you live
    locating = (
        len(typed) == 1
        and not identifying
        and (
            locator
            or (lexicon.locator is not None and lexicon.locator.search(descriptions[typed[0]].all_text()) is not None)
        )
    )
    for index in typed:
        searchable = (
            kinds[index] == "other"
            or (filtering and kinds[index] == "address")
            or (locating and kinds[index] in ("address", "postal_code"))
        )
        pager = lexicon.pager
        item = descriptions[index]
        texts = (item.label, item.before, item.after, item.placeholder, item.tokens)
        if pager is not None and any(text and pager.search(text) for text in texts):
            kinds[index] = "other"  # "跳转到 [..] 页": moving through a listing
            continue
        not_search = lexicon.not_search
        if not_search is not None and any(text and not_search.search(text) for text in texts):
            continue  # a coupon code or a quantity box: part of an order, not a query
        if not searchable:
            continue
        if locating:
            kinds[index] = "search_query"
            continue
        tokens = set(descriptions[index].tokens.split())
        # a lone box beside an email or a password is an account or order number, not a search
        lone = len(typed) == 1 and len(descriptions) <= 4 and not identifying
        if tokens & lexicon.search_names or (lone and (role_search or method == "get")):
            kinds[index] = "search_query"


def _honeypots(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    if lexicon.honeypot is None:
        return
    for index, item in enumerate(descriptions):
        if item.self_hidden and kinds[index] != "captcha":
            # a box the page hides from the person (an encrypted-password carrier, a spam trap) asks
            # nothing of them; a hidden captcha response (reCAPTCHA's textarea) is still a captcha
            kinds[index] = "other"
            continue
        text = f"{item.tokens} {item.label or item.before} {item.aria} {item.placeholder} {item.classes}"
        hint = lexicon.honeypot_hint
        if lexicon.honeypot.search(text) or (hint is not None and item.after and hint.search(item.after)):
            kinds[index] = "other"


def _demote(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon, buttons: str) -> None:
    present = set(kinds)
    for index, item in enumerate(descriptions):
        for rule in lexicon.demotions:
            if kinds[index] != rule.kind:
                continue
            text = item.all_text()
            if rule.when_text is not None and not rule.when_text.search(text):
                continue
            if rule.unless_form_has & present:
                continue
            if rule.when_form_has and not rule.when_form_has & present:
                continue
            if rule.when_buttons is not None and not rule.when_buttons.search(buttons):
                continue
            if rule.unless_text is not None and rule.unless_text.search(text):
                continue
            kinds[index] = rule.to
