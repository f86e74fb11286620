"""Split dates: day/month/year selects (or short boxes) that make one birth date or card expiry,
and the birth time (a select of 时辰 or hours) beside a birth date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from privacy_hygiene.forms.describe import FieldDescription
from privacy_hygiene.forms.lexicon import FieldLexicon

_NUMBER = re.compile(r"^\d{1,4}$")
_HOUR_OPTION = re.compile(r"^\d{1,2}\s*([:：]\s*\d{2}|点|點|时|時|h|am|pm|o.clock)")
_DAY_NAME = re.compile(r"\b(day|dd)\b|^日$|\bdate ?d|\bri\b")
_MONTH_NAME = re.compile(r"\b(month|mm|mon)\b|^月$|\byue\b")
_YEAR_NAME = re.compile(r"\b(year|yyyy|yy|yr)\b|^年$|\bnian\b")
_CURRENT_YEAR = 2026
_MARKS = re.compile(r"[\s*＊:：]+")
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
    unit = _MARKS.sub("", description.after)  # "日 *": the group's asterisk is not part of the unit
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


def date_groups(
    descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon, form_text: str
) -> None:
    parts = [
        date_part(item, lexicon)
        if kinds[index] in ("other", "birth_date", "card_expiry")
        or (kinds[index] == "birth_time" and _year_options(item))
        else ""
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


def _year_options(description: FieldDescription) -> bool:
    """A select of calendar years ("生辰: [1990][05][12][子时]"): a date part, never a birth time."""
    years = [value for value in description.option_values if len(value) == 4 and value.isdigit()]
    return description.input_type == "select" and len(years) >= 3 and all(1900 <= int(year) <= 2100 for year in years)


def _date_group_kind(
    descriptions: Sequence[FieldDescription],
    kinds: list[str],
    members: range,
    lexicon: FieldLexicon,
    form_text: str,
) -> str:
    already = {kinds[member] for member in members} - {"other", "birth_time"}
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


def birth_times(descriptions: Sequence[FieldDescription], kinds: list[str], lexicon: FieldLexicon) -> None:
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
