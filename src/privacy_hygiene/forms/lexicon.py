"""The compiled lexicons of ``heuristics/forms.toml`` and ``purposes.toml`` (compiled once per file)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from privacy_hygiene.catalog.schemas.brands import BrandsFile
from privacy_hygiene.catalog.schemas.forms import FormsFile, SourceWeights
from privacy_hygiene.catalog.schemas.purposes import PurposesFile, PurposeWeights, SensitiveDef
from privacy_hygiene.i18n import LocalText

Pattern = re.Pattern[str]


def any_of(patterns: list[str]) -> Pattern | None:
    """One regex matching any of ``patterns`` (``None`` for an empty list)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{item})" for item in patterns))


def optional(pattern: str) -> Pattern | None:
    return re.compile(pattern) if pattern else None


@dataclass(frozen=True, slots=True)
class KindLexicon:
    id: str
    order: int
    name: LocalText
    choice: bool
    autocomplete: frozenset[str]
    types: frozenset[str]
    terms: Pattern | None
    names: Pattern | None
    options: Pattern | None
    exclude: Pattern | None
    maxlength: frozenset[int]
    numeric: bool = True
    question: Pattern | None = None


@dataclass(frozen=True, slots=True)
class DemotionRule:
    kind: str
    to: str
    when_text: Pattern | None
    unless_form_has: frozenset[str]
    unless_text: Pattern | None
    when_form_has: frozenset[str] = frozenset()
    when_buttons: Pattern | None = None


@dataclass(frozen=True, slots=True)
class FieldLexicon:
    """``forms.toml`` ready to use."""

    weights: SourceWeights
    kinds: tuple[KindLexicon, ...]
    by_autocomplete: dict[str, str]
    demotions: tuple[DemotionRule, ...]
    birth: Pattern
    expiry: Pattern
    months: Pattern
    shichen: Pattern
    alternation: Pattern
    identifier_kinds: tuple[KindLexicon, ...]
    search_names: frozenset[str]
    honeypot: Pattern | None
    honeypot_hint: Pattern | None
    dialing_code: Pattern | None
    contact_way: Pattern | None
    badge: Pattern | None
    required_attributes: tuple[str, ...]
    required_value_attributes: tuple[str, ...]
    required_classes: frozenset[str]
    required_marker: Pattern
    optional_marker: Pattern
    all_required: Pattern
    pager: Pattern | None = None
    not_search: Pattern | None = None
    security_question: Pattern | None = None
    locator: Pattern | None = None

    def kind_name(self, kind: str) -> LocalText:
        for item in self.kinds:
            if item.id == kind:
                return item.name
        return LocalText(zh=kind, en=kind)


@dataclass(frozen=True, slots=True)
class PurposeLexicon:
    id: str
    order: int
    name: LocalText
    why: LocalText
    terms: Pattern | None
    needs: frozenset[str]
    needs_cn: frozenset[str]
    critical: frozenset[str]
    page_weight: float


@dataclass(frozen=True, slots=True)
class ServiceLexicon:
    """A service that needs more than its form's purpose (``[[service]]`` of purposes.toml)."""

    id: str
    terms: Pattern | None
    needs: frozenset[str]
    needs_cn: frozenset[str]


@dataclass(frozen=True, slots=True)
class PurposeTable:
    """``purposes.toml`` ready to use."""

    weights: PurposeWeights
    purposes: dict[str, PurposeLexicon]
    sensitive: dict[str, SensitiveDef]
    real_name_kinds: frozenset[str]
    real_name_terms: Pattern | None
    real_name_hosts: tuple[str, ...]
    #: kinds also needed on a regulated brand's official domain, and those brands' categories
    official_kinds: frozenset[str] = frozenset()
    official_categories: frozenset[str] = frozenset()
    services: tuple[ServiceLexicon, ...] = ()
    remark: Pattern | None = None
    current_password: Pattern | None = None
    new_password: Pattern | None = None
    navigation: Pattern | None = None
    order_item: Pattern | None = None
    #: the kind groups of ``[composition.groups]``
    identifiers: frozenset[str] = frozenset()
    personal: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()
    mailing_list: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    sign_in_secrets: frozenset[str] = frozenset()
    sign_in_extras: frozenset[str] = frozenset()
    campaigns: frozenset[str] = frozenset()


_cache: dict[int, tuple[Any, Any]] = {}
_lock = threading.Lock()


def _cached(source: Any, build: Any) -> Any:
    key = id(source)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is source:
            return hit[1]
    value = build(source)
    with _lock:
        _cache[key] = (source, value)
    return value


def brand_sectors(data: BrandsFile) -> dict[str, str]:
    """Every registrable domain a protected brand owns → the brand's category (cached per loaded file)."""
    result: dict[str, str] = _cached(data, _build_sectors)
    return result


def _build_sectors(data: BrandsFile) -> dict[str, str]:
    sectors: dict[str, str] = {}
    for brand in data.brand:
        for domain in (*brand.domains, *brand.related):
            sectors.setdefault(domain, brand.category)
    return sectors


def field_lexicon(data: FormsFile) -> FieldLexicon:
    """The compiled ``forms.toml`` (cached per loaded file)."""
    result: FieldLexicon = _cached(data, _build_fields)
    return result


def purpose_table(data: PurposesFile) -> PurposeTable:
    """The compiled ``purposes.toml`` (cached per loaded file)."""
    result: PurposeTable = _cached(data, _build_purposes)
    return result


def _build_fields(data: FormsFile) -> FieldLexicon:
    kinds = tuple(
        KindLexicon(
            id=item.id,
            order=order,
            name=item.name,
            choice=item.choice,
            autocomplete=frozenset(item.autocomplete),
            types=frozenset(item.types),
            terms=any_of(item.terms),
            names=any_of(item.names),
            options=any_of(item.options),
            exclude=any_of(item.exclude),
            maxlength=frozenset(item.maxlength),
            numeric=item.numeric,
            question=optional(item.question),
        )
        for order, item in enumerate(data.kind)
    )
    by_autocomplete = {token: item.id for item in kinds for token in item.autocomplete}
    context = data.context
    required = data.required
    return FieldLexicon(
        weights=data.weights,
        kinds=kinds,
        by_autocomplete=by_autocomplete,
        demotions=tuple(
            DemotionRule(
                kind=item.kind,
                to=item.to,
                when_text=optional(item.when_text),
                unless_form_has=frozenset(item.unless_form_has),
                unless_text=optional(item.unless_text),
                when_form_has=frozenset(item.when_form_has),
                when_buttons=optional(item.when_buttons),
            )
            for item in data.demote
        ),
        birth=re.compile("|".join(context.birth)),
        expiry=re.compile("|".join(context.expiry)),
        months=re.compile(context.months),
        shichen=re.compile(context.shichen),
        alternation=re.compile(context.alternation),
        identifier_kinds=tuple(item for item in kinds if item.id in context.identifier_kinds),
        search_names=frozenset(context.search_names),
        honeypot=optional(context.honeypot),
        honeypot_hint=optional(context.honeypot_hint),
        dialing_code=optional(context.dialing_code),
        contact_way=optional(context.contact_way),
        pager=optional(context.pager),
        not_search=optional(context.not_search),
        security_question=optional(context.security_question),
        locator=optional(context.locator),
        badge=optional(required.badge),
        required_attributes=tuple(required.attributes),
        required_value_attributes=tuple(required.attributes_with_value),
        required_classes=frozenset(required.classes),
        required_marker=re.compile(required.marker),
        optional_marker=re.compile(required.optional),
        all_required=re.compile(required.all_required),
    )


def _build_purposes(data: PurposesFile) -> PurposeTable:
    return PurposeTable(
        weights=data.weights,
        purposes={
            item.id: PurposeLexicon(
                id=item.id,
                order=order,
                name=item.name,
                why=item.why,
                terms=any_of(item.terms),
                needs=frozenset(item.needs),
                needs_cn=frozenset(item.needs_cn),
                critical=frozenset(item.critical),
                page_weight=data.weights.page if item.page_weight is None else item.page_weight,
            )
            for order, item in enumerate(data.purpose)
        },
        sensitive={item.kind: item for item in data.sensitive},
        real_name_kinds=frozenset(data.real_name.kinds),
        real_name_terms=any_of(data.real_name.terms),
        remark=any_of(data.composition.remark),
        current_password=any_of(data.composition.current_password),
        new_password=any_of(data.composition.new_password),
        navigation=any_of(data.composition.navigation),
        order_item=any_of(data.composition.order_item),
        identifiers=frozenset(data.composition.groups.identifiers),
        personal=frozenset(data.composition.groups.personal),
        impersonal=frozenset(data.composition.groups.impersonal),
        mailing_list=frozenset(data.composition.groups.mailing_list),
        names=frozenset(data.composition.groups.names),
        sign_in_secrets=frozenset(data.composition.groups.sign_in_secrets),
        sign_in_extras=frozenset(data.composition.groups.sign_in_extras),
        campaigns=frozenset(data.composition.campaigns),
        real_name_hosts=tuple(data.real_name.hosts),
        official_kinds=frozenset(data.real_name.official_kinds),
        official_categories=frozenset(data.real_name.brand_categories),
        services=tuple(
            ServiceLexicon(item.id, any_of(item.terms), frozenset(item.needs), frozenset(item.needs_cn))
            for item in data.service
        ),
    )
