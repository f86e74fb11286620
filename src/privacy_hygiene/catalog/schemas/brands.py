"""Schemas of ``heuristics/brands.toml`` (protected brands) and ``heuristics/lookalike.toml`` (rules).

A brand lists every registrable domain it owns (``domains``, the first is its main one), related
domains that are also its own (CDNs, short links, other products) and the tokens that name it in a
host (``names``: abbreviations and pinyin). ``BrandsFile.check`` refuses malformed domains and a
domain claimed by two brands, because a silent overlap would make one brand's site a lookalike of
another's.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef

BrandCategory = Literal[
    "bank",
    "finance",
    "payment",
    "email",
    "social",
    "messaging",
    "shopping",
    "delivery",
    "crypto",
    "government",
    "telecom",
    "tech",
    "travel",
    "media",
    "gaming",
    "utility",
    "lottery",
]

_DOMAIN = re.compile(r"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_TOKEN = re.compile(r"^[a-z0-9]{2,40}$")
_WORD = re.compile(r"^[a-z0-9]{1,40}$")


class Brand(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One protected brand."""

    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    en: str
    zh: str
    category: BrandCategory
    #: registrable domains the brand owns (ASCII); the first is the one named in verdicts
    domains: list[str]
    #: other registrable domains of the brand or its group (CDNs, short links, products): never flagged
    related: list[str] = []
    #: extra tokens that name the brand inside a host (abbreviations, pinyin): "gongshang", "zhifubao"
    names: list[str] = []
    #: Chinese names that may appear in a Unicode host (工商银行, 支付宝)
    zh_names: list[str] = []
    #: the brand's name is an ordinary word (apple, chase, orange): only a keyword or its own
    #: domain next to it, or a visual trick, makes a host a lookalike
    common_word: bool = False
    #: labels of some of the brand's domains that are ordinary words (origin.com, battle.net): the
    #: same treatment as ``common_word``, for those labels only
    common_labels: list[str] = []
    #: the brand owns its name under most country domains (google.de, amazon.co.jp): the same label
    #: under a country code top-level domain is not a TLD swap
    any_cctld: bool = False


class BrandsFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``brands.toml``: the protected brands and the ``brand-impersonation`` rules."""

    schema: Literal[1]
    meta: Meta
    brand: list[Brand]
    rule: list[RuleDef] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        owner: dict[str, str] = {}
        for index, brand in enumerate(self.brand):
            where = f"$.brand[{index}]"
            if not brand.domains:
                problems.append((f"{where}.domains", f"brand {brand.id} has no domain"))
            for field in ("domains", "related"):
                for domain in getattr(brand, field):
                    if not _DOMAIN.match(domain):
                        problems.append((f"{where}.{field}", f"malformed domain {domain!r}"))
                    elif domain in owner and owner[domain] != brand.id:
                        problems.append((f"{where}.{field}", f"{domain} also belongs to {owner[domain]}"))
                    owner[domain] = brand.id
            for name in brand.names:
                if not _TOKEN.match(name):
                    problems.append((f"{where}.names", f"name {name!r} must be [a-z0-9], 2-40 characters"))
        return problems


class Scores(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base score (0..1) of each technique; a host is flagged at ``flag`` or above."""

    flag: float
    technique: dict[str, float]
    #: added when the host's top-level domain is on the risky list
    risky_tld_bonus: float = 0.1


class Lengths(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Length thresholds (characters of the brand's label) that keep short names from flagging words."""

    #: below this, no edit-distance match at all (only visual tricks, keywords, embedded domains)
    min_typo: int = 4
    #: from this length one edit of any kind; below it only swaps, repeats and look-alike letters
    one_edit: int = 5
    #: from this length two edits
    two_edits: int = 9
    #: a brand name is searched inside longer labels from this length (shorter ones need a keyword)
    min_embedded: int = 5
    #: a label that differs from the brand only in its first letter is a typo only from this length
    first_letter: int = 7


class Keywords(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Words that, next to a brand's name, make a combosquat (English and pinyin)."""

    en: list[str]
    pinyin: list[str]
    #: tokens that imitate a domain's own parts (www, com, cn): brand + these is a suffix game
    suffix_like: list[str]
    #: country codes next to a brand's name (hsbc-uk): a suffix game for names long enough to be sure
    country_like: list[str] = []


class LookalikeFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``lookalike.toml``: thresholds, keywords, risky TLDs and the ``lookalike-domain`` rules."""

    schema: Literal[1]
    meta: Meta
    scores: Scores
    lengths: Lengths
    keywords: Keywords
    #: top-level domains that are cheap and heavily abused: a brand's label there is a TLD swap
    risky_tlds: list[str]
    #: scripts whose look-alike-only labels are normal under these country domains
    script_tlds: dict[str, list[str]]
    #: ordinary words close to a brand's label that are never a typo of it
    ordinary_words: list[str] = []
    #: suffixes only governments and schools can register (gov.cn, edu.cn, gov): never a lookalike
    trusted_suffixes: list[str] = []
    #: two-letter names (jd, qq) that are protected as a prefix or suffix next to a keyword
    short_affixes: list[str] = []
    #: brand aliases that are also everyday words (pinyin zhaoshang "investment", jianshe
    #: "construction"): they name the brand only next to a keyword or a piece of its domain
    weak_names: list[str] = []
    #: brand names that are everyday words in page text (苹果 apple, 小米 millet, Delta): a page
    #: naming them is not presenting itself as the brand
    ambiguous_page_names: list[str] = []
    #: services that give each customer company its own subdomain (paypal.zendesk.com): the brand's
    #: name alone there is a tenant, not a lure
    tenant_platforms: list[str] = []
    #: a hyphen token that reads as pinyin initials of a lure phrase (ybzc, jfdh): next to a brand's
    #: whole name on a risky TLD it is a combosquat even when it is in no keyword list
    lure_initials: str = ""
    rule: list[RuleDef] = []

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not 0 < self.scores.flag <= 1:
            problems.append(("$.scores.flag", "must be in (0, 1]"))
        for name, value in self.scores.technique.items():
            if not 0 <= value <= 1:
                problems.append((f"$.scores.technique.{name}", "must be in [0, 1]"))
        if self.lure_initials:
            try:
                re.compile(self.lure_initials)
            except re.error as exc:
                problems.append(("$.lure_initials", f"invalid regex: {exc}"))
        words = self.keywords
        for word in words.en + words.pinyin + words.suffix_like + words.country_like:
            if not _WORD.match(word):
                problems.append(("$.keywords", f"keyword {word!r} must be [a-z0-9]"))
        return problems
