"""Schema of `heuristics/content/*.toml`: one scam topic per file (phrases, field hints, rules).

A phrase is a term of a signal family in one language with a weight; ``needs_request`` marks words
that are ordinary on their own (领取, claim) and count only when the page also asks for data.
``field_hints`` recognise fields the form analysis cannot classify yet (a birth-hour select, a
"mother's maiden name" box).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef, SeverityName
from privacy_hygiene.catalog.schemas.forms import FIELD_KINDS
from privacy_hygiene.i18n import LocalText

#: kinds a field hint may name: the forms contract's, plus a messenger id (WeChat, QQ), a crypto
#: wallet's recovery phrase or private key and health conditions (病史, medical conditions), kept internal
HINT_KINDS = frozenset(FIELD_KINDS) | {"messenger_id", "wallet_secret", "health"}

#: the phrase families the content analyzer knows (the mechanism keys on these names)
PhraseFamily = Literal[
    "fortune-words",
    "quiz-words",
    "unlock-words",
    "prize-words",
    "gift-words",
    "fee-words",
    "urgency-words",
    "secret-words",
    "pretext-words",
    "offer-words",
    "refund-words",
    "authority-words",
    "bill-words",
]


class Phrase(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A term (or, with ``regex``, a pattern) matched on the page's normalised visible text."""

    text: str
    lang: Literal["zh", "en"]
    family: PhraseFamily
    weight: Annotated[int, msgspec.Meta(ge=1, le=5)] = 1
    needs_request: bool = False
    regex: bool = False


class FieldHint(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A field kind recognised by a regex over a field's name, id, label, placeholder and options."""

    kind: str
    pattern: str
    #: how findings name a kind the forms contract does not know (``health``)
    label: LocalText | None = None


class Marker(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A structural device found by a regex: in inline scripts, in id/class attributes, or in an image's
    src/alt/id/class (``kind`` = ``countdown``, ``qr-image`` or ``emblem``, a national emblem or seal)."""

    kind: Literal["countdown", "qr-image", "emblem"]
    where: Literal["script", "attr", "img"]
    pattern: str


class KindGroups(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Groups of field kinds the analyzers reason with (defined once, in ``content/fields.toml``)."""

    #: personal data a page collects
    personal: frozenset[str]
    #: all a sign-in form asks for
    sign_in: frozenset[str]
    #: what lets someone take money or pass as you
    money_or_identity: frozenset[str]
    #: what opens an account or moves money
    secret: frozenset[str]
    #: what a page dressed as a brand wants
    credentials: frozenset[str]
    #: what is worth protecting in transit
    in_transit: frozenset[str]
    #: what session replay must not watch being typed
    replay_sensitive: frozenset[str]
    #: kinds a field hint knows better than the form analysis (the hint wins over its kind)
    specialist: frozenset[str]
    #: what a page must not collect without a privacy policy
    policy_sensitive: frozenset[str] = frozenset()


class Frame(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What a page offers (a prize, a reading, an "account check", a free download) and the field
    kinds such an offer never needs, each with the severity of asking for it.

    A form is judged by a frame when the page's headline or the text around the form speaks of one
    of ``families`` at ``min_weight`` or more. ``only_required``: fields count only when required
    (an ordinary offer may ask optional extras; a bait page's asking at all is the sign).
    """

    name: str
    label: LocalText
    families: list[PhraseFamily]
    unneeded: dict[str, SeverityName]
    min_weight: Annotated[int, msgspec.Meta(ge=1, le=5)] = 1
    only_required: bool = False
    #: the frame holds whatever the page says (``families`` is then empty): what no web form needs
    always: bool = False
    #: the frame holds only when the form also asks one of these kinds (a payment PIN beside a card)
    needs_any: list[str] = []


class ContentFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One topic file: its phrases, field hints and the rules it defines."""

    schema: Literal[1]
    meta: Meta
    topic: str
    phrase: list[Phrase] = []
    field_hint: list[FieldHint] = []
    marker: list[Marker] = []
    #: characters folded before matching (Traditional → Simplified), ``fold_from[i]`` → ``fold_to[i]``
    #: words that turn a following phrase into a warning (不会要求…, never ask...)
    negations: list[str] = []
    fold_from: str = ""
    fold_to: str = ""
    rule: list[RuleDef] = []
    groups: KindGroups | None = None
    frame: list[Frame] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if self.groups is not None:
            for name in self.groups.__struct_fields__:
                for kind in sorted(getattr(self.groups, name) - HINT_KINDS):
                    problems.append((f"$.groups.{name}", f"unknown field kind {kind!r}"))
        for index, item in enumerate(self.phrase):
            if item.regex:
                problems.extend(_compiles(item.text, f"$.phrase[{index}].text"))
            elif item.text != item.text.strip().lower() or not item.text:
                problems.append((f"$.phrase[{index}].text", "phrases are stored trimmed and lower-case"))
        for index, hint in enumerate(self.field_hint):
            problems.extend(_compiles(hint.pattern, f"$.field_hint[{index}].pattern"))
            if hint.kind not in HINT_KINDS:
                problems.append((f"$.field_hint[{index}].kind", f"unknown field kind {hint.kind!r}"))
        for index, marker in enumerate(self.marker):
            problems.extend(_compiles(marker.pattern, f"$.marker[{index}].pattern"))
        for index, frame in enumerate(self.frame):
            for kind in sorted((set(frame.unneeded) | set(frame.needs_any)) - HINT_KINDS):
                problems.append((f"$.frame[{index}]", f"unknown field kind {kind!r}"))
            if frame.always != (not frame.families):
                problems.append((f"$.frame[{index}].always", "a frame holds always exactly when it has no families"))
        if len(self.fold_from) != len(self.fold_to):
            problems.append(("$.fold_to", "fold_from and fold_to must have the same length"))
        return problems


def _compiles(pattern: str, where: str) -> list[tuple[str, str]]:
    try:
        re.compile(pattern)
    except re.error as exc:
        return [(where, f"invalid regex: {exc}")]
    return []
