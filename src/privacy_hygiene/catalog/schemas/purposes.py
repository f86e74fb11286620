"""Schema of `heuristics/purposes.toml`: form purposes, the words that reveal them, the kinds each
one legitimately needs, and how bad it is to demand a sensitive kind it does not need."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef, SeverityName
from privacy_hygiene.catalog.schemas.brands import BrandCategory
from privacy_hygiene.catalog.schemas.forms import FIELD_KINDS, compiles
from privacy_hygiene.i18n import LocalText

#: the purposes of the DESIGN.md `forms` contract
PURPOSES: tuple[str, ...] = (
    "login",
    "registration",
    "search",
    "password_recovery",
    "contact",
    "newsletter",
    "checkout",
    "survey",
    "fortune_telling",
    "prize_claim",
    "other",
)

Weight = Annotated[float, msgspec.Meta(ge=0, le=100)]


class PurposeWeights(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How much a purpose word counts, by where it was found."""

    button: Weight
    heading: Weight
    form: Weight
    action: Weight
    page: Weight
    #: the lowest score that names a purpose (below it the form is ``other``)
    threshold: Weight


class PurposeDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A purpose: its words, and the personal data it legitimately needs (with why)."""

    id: str
    name: LocalText
    why: LocalText
    terms: list[str] = []
    #: kinds this purpose needs anywhere (data minimisation)
    needs: list[str] = []
    #: kinds it also needs on Chinese sites (2021 necessary-personal-information rules, real-name law)
    needs_cn: list[str] = []
    #: sensitive kinds that are critical when this purpose demands them without need
    critical: list[str] = []
    #: weight of this purpose's words in the page title and h1 (default: ``weights.page``); survey,
    #: fortune and prize forms often hold only 姓名/生日 and say what they are on page level only
    page_weight: Weight | None = None


class SensitiveDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A sensitive kind: how bad an unneeded demand for it is, and what to do about it."""

    kind: str
    severity: SeverityName
    reason: LocalText
    advice: LocalText
    #: a "payment or identity secret": findings go to the stronger rule with scam points
    secret: bool = False


class RealName(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where law requires identity verification, ``kinds`` are needed whatever the purpose."""

    kinds: list[str]
    #: words of the page (title, h1, the form's headings) that show such a service
    terms: list[str]
    #: host suffixes of such services (government domains)
    hosts: list[str] = []
    #: kinds also needed on the official domain of a brand of ``brand_categories`` (know your customer)
    official_kinds: list[str] = []
    brand_categories: list[BrandCategory] = []


class ServiceDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A service that must identify the person whatever its form's purpose (a clinic, an airline)."""

    id: str
    #: words of the page title, its h1 or the form's headings that show the service
    terms: list[str]
    #: kinds it needs on top of the purpose's, anywhere / on Chinese sites
    needs: list[str]
    needs_cn: list[str] = []


class CompositionGroups(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Sets of field kinds the purpose's composition counts together."""

    #: kinds that name an account (one of them beside a password: a sign-in)
    identifiers: list[str] = []
    #: kinds that identify a person (three of them beside one password: a registration)
    personal: list[str] = []
    #: kinds that ask nothing of the person (a form of only these takes no words from the page title)
    impersonal: list[str] = []
    #: kinds a mailing-list sign-up holds ("Sign up" over these is a newsletter, not an account)
    mailing_list: list[str] = []
    #: name kinds (a mailing list may ask a name for its greeting)
    names: list[str] = []
    #: what signs you in beside an account (a password, a one-time code) and what may sit beside them
    sign_in_secrets: list[str] = []
    sign_in_extras: list[str] = []


class CompositionCues(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Words that change what a field counts for in the purpose's composition."""

    #: a text box for remarks on an order, booking or appointment (备注, notes): not a message
    remark: list[str] = []
    #: a password field asking for the one you have now: the form changes a password
    current_password: list[str] = []
    #: a password field asking for a new one (with no current one): the last step of a reset
    new_password: list[str] = []
    #: the label of a select that moves through the page (sort order, page size, jump-to)
    navigation: list[str] = []
    #: a box of an order: a quantity, a coupon or gift-card code (add to cart, apply a discount)
    order_item: list[str] = []
    #: purposes a campaign page's words give (a lucky draw, a quiz): its sign-in box stays a sign-in
    campaigns: list[str] = []
    groups: CompositionGroups = CompositionGroups()


class PurposesFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``purposes.toml``."""

    schema: Literal[1]
    meta: Meta
    weights: PurposeWeights
    purpose: list[PurposeDef]
    sensitive: list[SensitiveDef]
    real_name: RealName
    rule: list[RuleDef] = []
    service: list[ServiceDef] = []
    composition: CompositionCues = CompositionCues()

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        ids = [item.id for item in self.purpose]
        if sorted(ids) != sorted(PURPOSES):
            problems.append(("$.purpose", f"purposes must be the DESIGN.md set once each, got {ids}"))
        for index, item in enumerate(self.purpose):
            for key in ("needs", "needs_cn", "critical"):
                for kind in getattr(item, key):
                    if kind not in FIELD_KINDS:
                        problems.append((f"$.purpose[{index}].{key}", f"unknown kind {kind!r}"))
            for number, pattern in enumerate(item.terms):
                problems.extend(compiles(pattern, f"$.purpose[{index}].terms[{number}]"))
        for key in ("remark", "current_password", "new_password", "navigation", "order_item"):
            for number, pattern in enumerate(getattr(self.composition, key)):
                problems.extend(compiles(pattern, f"$.composition.{key}[{number}]"))
        for purpose in self.composition.campaigns:
            if purpose not in PURPOSES:
                problems.append(("$.composition.campaigns", f"unknown purpose {purpose!r}"))
        groups = self.composition.groups
        for key in (
            "identifiers",
            "personal",
            "impersonal",
            "mailing_list",
            "names",
            "sign_in_secrets",
            "sign_in_extras",
        ):
            for kind in getattr(groups, key):
                if kind not in FIELD_KINDS:
                    problems.append((f"$.composition.groups.{key}", f"unknown kind {kind!r}"))
        for number, pattern in enumerate(self.real_name.terms):
            problems.extend(compiles(pattern, f"$.real_name.terms[{number}]"))
        for kind in (*self.real_name.kinds, *self.real_name.official_kinds):
            if kind not in FIELD_KINDS:
                problems.append(("$.real_name.kinds", f"unknown kind {kind!r}"))
        for index, service in enumerate(self.service):
            for key in ("needs", "needs_cn"):
                for kind in getattr(service, key):
                    if kind not in FIELD_KINDS:
                        problems.append((f"$.service[{index}].{key}", f"unknown kind {kind!r}"))
            for number, pattern in enumerate(service.terms):
                problems.extend(compiles(pattern, f"$.service[{index}].terms[{number}]"))
        for index, entry in enumerate(self.sensitive):
            if entry.kind not in FIELD_KINDS:
                problems.append((f"$.sensitive[{index}].kind", f"unknown kind {entry.kind!r}"))
        return problems
