"""Field kinds: lexicon scores per field, then the neighbour rules a form's layout implies.

Scoring, not first match: every kind sums the weights of the sources (autocomplete, type, label,
aria, placeholder, text before/after, name/id tokens, options) whose text matches its patterns and
not its exclusions; the best score above the threshold wins, earlier kinds win ties. Then the
context pass: day/month/year selects become one birth date (or a card expiry), a select of 时辰 or
hours next to a birth date is a birth time, phone parts join the phone, "username or email" is a
username, a lone box in a GET form is a search, and the demotions of ``forms.toml`` run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from privacy_hygiene.forms.describe import FieldDescription, has_cjk
from privacy_hygiene.forms.lexicon import FieldLexicon

_TEXT_SOURCES = ("label", "aria", "placeholder", "before", "after")
_IDENTIFYING = frozenset({"email", "phone", "username", "password"})
_CHOICE_TYPES = frozenset({"radio", "checkbox", "select"})
_NUMBER = re.compile(r"^\d{1,4}$")
_HOUR_OPTION = re.compile(r"^\d{1,2}\s*([:：]\s*\d{2}|点|點|时|時|h|am|pm|o.clock)")
_DAY_NAME = re.compile(r"\b(day|dd)\b|^日$|\bdate ?d|\bri\b")
_MONTH_NAME = re.compile(r"\b(month|mm|mon)\b|^月$|\byue\b")
_YEAR_NAME = re.compile(r"\b(year|yyyy|yy|yr)\b|^年$|\bnian\b")
_CURRENT_YEAR = 2026
#: the unit after a date part's box (zh/ja 年月日, ko 년월일)
_UNIT_PARTS = {
    "年": "year",
    "년": "year",
    "月": "month",
    "월": "month",
    "日": "day",
    "号": "day",
    "號": "day",
    "일": "day",
}


def score_kind(description: FieldDescription, lexicon: FieldLexicon) -> tuple[str, float]:
    """The best kind for one field on its own, with its score."""
    for token in description.autocomplete:
        decided = lexicon.by_autocomplete.get(token)
        if decided is not None:
            return decided, lexicon.weights.autocomplete
    weights = lexicon.weights
    type_key = description.input_type
    if description.inputmode in ("tel", "email", "search"):
        type_key = {"tel": "tel", "email": "email", "search": "search"}[description.inputmode]
    texts = [
        (getattr(weights, source), getattr(description, source))
        for source in _TEXT_SOURCES
        if getattr(description, source)
    ]
    if description.label or description.aria:
        # an explicit label makes the inferred text before the field redundant (and often wrong)
        texts = [(weight, text) for weight, text in texts if text is not description.before]
    primary = description.label or description.aria or description.before
    tokens = description.tokens
    tokens_cjk = bool(tokens) and has_cjk(tokens)
    options = description.options
    best_kind, best_score, best_order = "other", 0.0, len(lexicon.kinds)
    choosing = description.input_type in _CHOICE_TYPES
    for kind in lexicon.kinds:
        if choosing and not kind.choice:
            continue
        exclude = kind.exclude
        excluded_by_name = bool(tokens) and exclude is not None and exclude.search(tokens) is not None
        # a name or label the kind excludes (``g-recaptcha-response`` in a textarea, a textarea
        # labelled "How did you hear about us?") cancels the type hint too
        excluded_by_label = exclude is not None and bool(primary) and exclude.search(primary) is not None
        score = weights.type if type_key in kind.types and not (excluded_by_name or excluded_by_label) else 0.0
        if kind.terms is not None:
            for weight, text in texts:
                if kind.terms.search(text) and not (exclude and exclude.search(text)):
                    score += weight
        if (
            tokens
            and not (excluded_by_name or excluded_by_label)
            and (
                (kind.names is not None and kind.names.search(tokens))
                or (tokens_cjk and kind.terms is not None and kind.terms.search(tokens))
            )
        ):
            score += weights.name
        if options and kind.options is not None and not excluded_by_label and kind.options.search(options):
            score += weights.options
        if description.maxlength is not None and description.maxlength in kind.maxlength:
            score += weights.shape
        if score > best_score or (score == best_score and score > 0 and kind.order < best_order):
            best_kind, best_score, best_order = kind.id, score, kind.order
    if not choosing and _names_two_identifiers(texts, lexicon):
        # "email or username" / "手机号/邮箱": the login identifier, whatever its type says
        return "username", best_score + weights.label
    if best_score < weights.threshold:
        return "other", best_score
    return best_kind, best_score


def _names_two_identifiers(texts: list[tuple[float, str]], lexicon: FieldLexicon) -> bool:
    """One text naming two kinds of login identifier, joined by "or" / "或" / "/" — unless the field
    asks how to reach you ("联系方式: 手机号或邮箱"), which is a contact detail, not an account."""
    if lexicon.contact_way is not None and any(lexicon.contact_way.search(text) for _, text in texts):
        return False
    for _, text in texts:
        if not lexicon.alternation.search(text):
            continue
        named = sum(1 for kind in lexicon.identifier_kinds if kind.terms is not None and kind.terms.search(text))
        if named >= 2:
            return True
    return False


# -- the context pass --------------------------------------------------------------------------


def date_part(description: FieldDescription, lexicon: FieldLexicon) -> str:
    """``day``, ``month`` or ``year`` for a select (or short box) that holds one part of a date."""
    values = [value for value in description.option_values if value]
    numbers = [int(value) for value in values if _NUMBER.match(value)]
    if description.input_type == "select" and len(values) >= 5:
        texts = description.option_texts
        if sum(1 for text in texts if lexicon.months.search(text)) >= 10:
            return "month"
        if len(numbers) >= len(values) - 2 and numbers:
            low, high = min(numbers), max(numbers)
            if low >= 1900 and high <= 2100:
                return "year"
            if low >= 0 and 28 <= high <= 31 and len(numbers) >= 27:
                return "day"
            if low >= 0 and high == 12 and 11 <= len(numbers) <= 13:
                return "month"
    # "<select>年<select>月<select>日": the unit written right after the box names its part
    unit = description.after.strip()
    if description.input_type in ("select", "text", "number", "tel") and len(unit) <= 2 and unit:
        part = _UNIT_PARTS.get(unit[0], "")
        if part:
            return part
    text = " ".join((description.tokens, description.label, description.placeholder, description.after))
    if description.input_type in ("select", "text", "number", "tel") and text:
        if _YEAR_NAME.search(text):
            return "year"
        if _MONTH_NAME.search(text):
            return "month"
        if _DAY_NAME.search(text):
            return "day"
    return ""


def apply_context(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    lexicon: FieldLexicon,
    *,
    form_text: str,
    method: str,
    role_search: bool,
    search_words: bool = False,
) -> list[str]:
    """The kinds after the neighbour rules (``kinds`` is updated in place and returned).

    ``search_words``: the form's button, id/class or action says "search".
    """
    _date_groups(descriptions, kinds, lexicon, form_text)
    _birth_time(descriptions, kinds, lexicon)
    _phone_parts(descriptions, kinds, lexicon)
    _flags(descriptions, kinds)
    _name_pairs(kinds)
    _login_identifier(descriptions, kinds)
    _search_box(descriptions, kinds, lexicon, method=method, role_search=role_search or search_words)
    _demote(descriptions, kinds, lexicon)
    _honeypots(descriptions, kinds, lexicon)
    return kinds


def _date_groups(
    descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon, form_text: str
) -> None:
    parts = [
        date_part(item, lexicon) if kinds[index] in ("other", "birth_date", "card_expiry") else ""
        for index, item in enumerate(descriptions)
    ]
    index = 0
    while index < len(descriptions):
        if not parts[index]:
            index += 1
            continue
        end = index
        seen = {parts[index]}
        while end + 1 < len(descriptions) and parts[end + 1] and parts[end + 1] not in seen:
            end += 1
            seen.add(parts[end])
        members = range(index, end + 1)
        if len(seen) >= 2:
            kind = _date_group_kind(descriptions, kinds, members, lexicon, form_text)
            if kind:
                for member in members:
                    kinds[member] = kind
        index = end + 1


def _date_group_kind(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    members: range,
    lexicon: FieldLexicon,
    form_text: str,
) -> str:
    already = {kinds[member] for member in members} - {"other"}
    if len(already) == 1:
        return already.pop()
    first = descriptions[members[0]]
    context = " ".join(
        (first.before, first.before_marks, first.label, first.legend, *(descriptions[m].tokens for m in members))
    )
    if lexicon.expiry.search(context) or "bank_card" in kinds or "card_cvc" in kinds:
        return "card_expiry"
    if lexicon.birth.search(context):
        return "birth_date"
    years = [
        int(value)
        for member in members
        for value in descriptions[member].option_values
        if len(value) == 4 and value.isdigit()
    ]
    if years and max(years) <= _CURRENT_YEAR and min(years) < _CURRENT_YEAR - 40:
        return "birth_date"  # only past years, reaching back decades: a birth year
    if lexicon.birth.search(form_text):
        return "birth_date"
    return ""


def _birth_time(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
    for index, item in enumerate(descriptions):
        if kinds[index] != "other":
            continue
        texts = item.option_texts
        if sum(1 for text in texts if lexicon.shichen.search(text)) >= 6:
            kinds[index] = "birth_time"
            continue
        near_birth = any(kinds[other] == "birth_date" for other in range(max(index - 3, 0), index))
        if not near_birth:
            continue
        hours = [text for text in texts if _HOUR_OPTION.search(text)]
        label = " ".join((item.label, item.before, item.tokens, item.placeholder))
        if len(hours) >= 10 or re.search(r"时|時|hour|time|\bhh\b", label):
            kinds[index] = "birth_time"


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


def _login_identifier(descriptions: Sequence[FieldDescription], kinds: list[str]) -> None:
    """In a one-password form with no identifier, the text box before the password is the account
    name, whatever its label ("Name", "ID", "Member no.")."""
    if kinds.count("password") != 1 or {"username", "email", "phone"} & set(kinds):
        return
    position = kinds.index("password")
    for index in range(position - 1, -1, -1):
        item = descriptions[index]
        if item.input_type in ("text", "") and kinds[index] in ("other", "full_name"):
            kinds[index] = "username"
            return
        if item.input_type not in ("checkbox", "radio", "hidden"):
            return


def _name_pairs(kinds: list[str]) -> None:
    """ "Prénom" + "Nom", "First name" + "Name": a plain name beside a given name is the family name."""
    for index, kind in enumerate(kinds):
        if kind != "full_name":
            continue
        neighbours = [kinds[other] for other in (index - 1, index + 1) if 0 <= other < len(kinds)]
        if "given_name" in neighbours and "family_name" not in kinds:
            kinds[index] = "family_name"
        elif "family_name" in neighbours and "given_name" not in kinds:
            kinds[index] = "given_name"


def _search_box(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    lexicon: FieldLexicon,
    *,
    method: str,
    role_search: bool,
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
    for index in typed:
        searchable = kinds[index] == "other" or (filtering and kinds[index] == "address")
        if not searchable:
            continue
        tokens = set(descriptions[index].tokens.split())
        # a lone box beside an email or a password is an account or order number, not a search
        lone = len(typed) == 1 and len(descriptions) <= 4 and not _IDENTIFYING & set(kinds)
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


def _demote(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
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
            if rule.unless_text is not None and rule.unless_text.search(text):
                continue
            kinds[index] = rule.to
