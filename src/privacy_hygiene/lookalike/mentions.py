"""Where a page names a brand: title, headings, logo alt text, copyright line, site name, and
images or icons loaded from the brand's own domains."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.brands import Brand, BrandsFile, LookalikeFile
from privacy_hygiene.domains import host_of, is_private_suffix, registrable_domain, split_host

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

_COPYRIGHT = re.compile(r"(©|\(c\)|copyright|版权所有|版权)", re.IGNORECASE)
#: images above the first heading read as the page's logo (scam kits name the file anything)
_TOP_IMAGES = 3
_ICON_RELS = frozenset({"icon", "shortcut", "apple-touch-icon", "mask-icon"})


@dataclass(frozen=True)
class Mention:
    """One place where the page names ``brand``: ``where`` (title, heading, logo, copyright,
    site-name, icon, image) and what it says."""

    brand: Brand
    where: str
    excerpt: str


@dataclass(frozen=True)
class NameIndex:
    """Brand names as one regex per kind, and the domain → brand map."""

    pattern: re.Pattern[str]
    by_name: dict[str, Brand]
    by_domain: dict[str, Brand]


def _english_names(brand: Brand) -> set[str]:
    """The parts of the English name: "Bank of China (BOC)" → "Bank of China", "BOC"."""
    return {part.strip() for part in re.split(r" \(|\)| / |、", brand.en) if part.strip()}


def _variants(brand: Brand, words: frozenset[str], ambiguous: frozenset[str]) -> list[str]:
    names = {brand.zh, *brand.zh_names, *(name for name in brand.names if len(name) >= 5)}
    names.update(_english_names(brand))
    names.update(brand.domains)
    # an ordinary-word brand ("Apple", "Target") is named by its domain or its full English name only
    if brand.common_word:
        names = {name for name in names if "." in name or " " in name or not name.isascii()}
    # nor is a brand whose name is a word of its own ("apple pie", "united", "delta")
    return [name for name in names if len(name) >= 2 and name.lower() not in words and name not in ambiguous]


@functools.cache
def name_index(catalog: Catalog) -> NameIndex:
    from privacy_hygiene.lookalike.index import common_words

    brands = catalog.file("brands.toml", BrandsFile).brand
    words = common_words(catalog)
    ambiguous = frozenset(catalog.file("lookalike.toml", LookalikeFile).ambiguous_page_names)
    by_name: dict[str, Brand] = {}
    by_domain: dict[str, Brand] = {}
    for brand in brands:
        for domain in (*brand.domains, *brand.related):
            by_domain.setdefault(domain, brand)
        for name in _variants(brand, words, ambiguous):
            by_name.setdefault(name.lower(), brand)
    ordered = sorted(by_name, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in ordered)
    # word boundaries for Latin names (ING must not match "shopping"); none needed for Chinese
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)
    return NameIndex(pattern, by_name, by_domain)


def _texts(soup: BeautifulSoup) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if soup.title is not None:
        found.append(("title", soup.title.get_text(" ")))
    for heading in soup.find_all(["h1", "h2", "h3"], limit=20):
        found.append(("heading", heading.get_text(" ")))
    for meta in soup.find_all("meta", attrs={"property": "og:site_name"}, limit=2):
        found.append(("site-name", str(meta.get("content") or "")))
    first_heading = soup.find(["h1", "h2", "h3"])
    above = set(map(id, first_heading.find_all_previous("img", limit=_TOP_IMAGES))) if first_heading else set()
    for image in soup.find_all("img", limit=200):
        marker = " ".join(str(image.get(attr) or "") for attr in ("alt", "src", "class", "id")).lower()
        # an image above the first heading sits where the logo goes, whatever its file is called
        if "logo" in marker or "brand" in marker or id(image) in above:
            found.append(("logo", str(image.get("alt") or image.get("title") or "")))
    for node in soup.find_all(string=_COPYRIGHT, limit=10):
        found.append(("copyright", str(node)))
    return [(where, " ".join(text.split())[:300]) for where, text in found if text.strip()]


def _resources(soup: BeautifulSoup, base: str | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for link in soup.find_all("link", href=True, limit=50):
        rels = {str(rel).lower() for rel in (link.get("rel") or [])}
        if rels & _ICON_RELS:
            found.append(("icon", urljoin(base or "", str(link.get("href")))))
    for image in soup.find_all("img", src=True, limit=200):
        found.append(("image", urljoin(base or "", str(image.get("src")))))
    return found


def _all_names(brand: Brand) -> re.Pattern[str]:
    """Every name of ``brand``, everyday words included ("Apple", "Meta", 苹果), as one pattern."""
    names = {brand.zh, *brand.zh_names, *brand.names, *brand.domains, *_english_names(brand)}
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True) if len(name) >= 2)
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)


def brand_mentions(
    soup: BeautifulSoup, base: str | None, catalog: Catalog, *, host_imitates: str | None = None
) -> list[Mention]:
    """Every mention of a protected brand on the page (text and resources).

    ``host_imitates``: the official domain the page's own host imitates (the lookalike verdict).
    The page's words are then also read for that brand's everyday-word names: "Apple ID" on
    appleid.apple.com-support-unlock.net is Apple, though a recipe titled "Apple pie" is not.
    """
    index = name_index(catalog)
    corroborated = index.by_domain.get(host_imitates) if host_imitates else None
    extra = _all_names(corroborated) if corroborated is not None else None
    mentions: list[Mention] = []
    for where, text in _texts(soup):
        for match in index.pattern.finditer(text):
            brand = index.by_name.get(match.group(0).lower())
            if brand is not None:
                mentions.append(Mention(brand, where, text))
        if corroborated is not None and extra is not None and extra.search(text):
            mentions.append(Mention(corroborated, where, text))
    for where, url in _resources(soup, base):
        host = host_of(url)
        if not host:
            continue
        brand = index.by_domain.get(registrable_domain(host))
        if brand is not None:
            mentions.append(Mention(brand, where, url))
    return mentions


def alias_in_host(host: str, catalog: Catalog) -> str | None:
    """The official domain of a brand whose short or romanised name is a hyphen token of the
    registrable label of ``host`` (the "dy" of fudai.dy-zhibojian.top is Douyin's), or None.

    Too weak for a lookalike verdict (two letters match too many hosts), it only lets the page's
    own words for that brand count when they are also everyday words (抖音, 小米): a page naming
    抖音 in its title on a host carrying "dy" presents itself as Douyin. Tokens that are English
    words ("apple-farm") corroborate nothing: the page may use the same everyday word. Subdomains
    do not count: jira.example.com is a company's own tracker, not Atlassian in costume.
    """
    from privacy_hygiene.lookalike.index import common_words

    _, label, _ = split_host(host.lower())
    tokens = {token for token in label.split("-") if len(token) >= 2} if "-" in label else set()
    tokens -= common_words(catalog)
    if not tokens:
        return None
    for brand in catalog.file("brands.toml", BrandsFile).brand:
        if brand.domains and tokens & {name.lower() for name in brand.names}:
            return brand.domains[0]
    return None


def strongest_brand(mentions: list[Mention]) -> tuple[Brand, list[Mention]] | None:
    """The brand the page presents itself as: named in the most places (an image alone is not enough)."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        grouped[mention.brand.id].append(mention)
    best: tuple[Brand, list[Mention]] | None = None
    for items in grouped.values():
        places = {item.where for item in items}
        if places <= {"image"}:
            continue  # an embedded picture from a CDN names nothing
        if best is None or len(places) > len({item.where for item in best[1]}):
            best = (items[0].brand, items)
    return best


def names_itself(soup: BeautifulSoup, host: str, catalog: Catalog) -> bool:
    """True when the page calls itself by its own domain's name in two places or more (title, logo,
    copyright, site name): "Marriott Bonvoy" and "© Marriott International" on marriott.com.

    Such a page speaks for its own organisation — brand or not — and dresses as nobody else. Labels
    that anyone can make look like a name do not count: short or hyphenated ones, keywords
    (secure-login), cheap TLDs and hosting suffixes (marriott.netlify.app).
    """
    rules = catalog.file("lookalike.toml", LookalikeFile)
    _, label, suffix = split_host(host.lower())
    if len(label) < 5 or not label.isascii() or not label.isalpha() or is_private_suffix(suffix):
        return False
    if suffix in rules.risky_tlds or label in {*rules.keywords.en, *rules.keywords.pinyin}:
        return False
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(label)}(?![a-z0-9])", re.IGNORECASE)
    return len({where for where, text in _texts(soup) if pattern.search(text)}) >= 2
