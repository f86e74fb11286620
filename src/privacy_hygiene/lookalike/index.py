"""The brand index: every protected brand's labels, names and domains, in skeleton space.

Built once per set of brands (the catalog's plus the person's own) and cached; every lookup a
verdict makes is a dict access: exact skeletons, a deletion-neighbourhood index for edit distance
(SymSpell-style, so no brand is compared one by one), name prefixes for embedded names, and
token runs for embedded domains.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import msgspec
from msgspec import field

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.brands import Brand, BrandsFile, LookalikeFile
from privacy_hygiene.domains import split_host
from privacy_hygiene.lookalike.skeleton import ConfusableTable, ascii_fold, skeleton, table


class Target(msgspec.Struct, frozen=True, array_like=True):
    """One official domain of a brand, as a lookalike target."""

    brand_id: str
    en: str
    zh: str
    #: the official registrable domain a lookalike of this label imitates ("icbc.com.cn")
    domain: str
    label: str
    suffix: str
    #: skeleton of the label
    key: str
    #: the label is an ordinary word (apple, live): only visual tricks and keywords count
    common: bool
    any_cctld: bool
    rank: int = 0


class BrandIndex(msgspec.Struct):
    """Lookup tables over all protected brands."""

    confusables: ConfusableTable
    rules: LookalikeFile
    #: registrable domains (ASCII) that belong to a protected brand → its id: never a lookalike
    allowed: dict[str, str] = field(default_factory=dict)
    #: skeleton of a label → its target (first brand wins)
    exact: dict[str, Target] = field(default_factory=dict)
    #: deletion variant → skeleton keys it comes from
    deletes: dict[str, list[str]] = field(default_factory=dict)
    #: label length → first / last k characters of the brand keys a single slip can turn into a
    #: label of that length: one edit leaves the first or the last k characters alone (k = 1..3 by
    #: key length), so a label matching neither needs no edit-distance search (most labels)
    typo_starts: dict[int, set[str]] = field(default_factory=dict)
    typo_ends: dict[int, set[str]] = field(default_factory=dict)
    #: a name (folded) inside longer labels → its target
    names: dict[str, Target] = field(default_factory=dict)
    #: first three characters of a name → names (for the substring scan)
    prefixes: dict[str, list[str]] = field(default_factory=dict)
    #: names listed as aliases (pinyin, abbreviations), distinctive even for common-word brands
    aliases: set[str] = field(default_factory=set)
    #: two-letter names (jd, qq): only whole tokens and affixes with keywords count
    short_names: dict[str, Target] = field(default_factory=dict)
    #: folded first label of an official domain → (remaining labels, target) for embedded domains
    domain_runs: dict[str, list[tuple[tuple[str, ...], Target]]] = field(default_factory=dict)
    #: Chinese names → target (for Unicode hosts)
    zh_names: list[tuple[str, Target]] = field(default_factory=list)
    #: folded keywords and domain-like tokens, for splitting what surrounds a brand name
    keywords: frozenset[str] = frozenset()
    suffix_like: frozenset[str] = frozenset()
    country_like: frozenset[str] = frozenset()
    ordinary: frozenset[str] = frozenset()
    #: keywords and domain-like tokens together (what may surround a brand name)
    vocabulary: frozenset[str] = frozenset()
    risky_tlds: frozenset[str] = frozenset()
    trusted_suffixes: frozenset[str] = frozenset()
    short_affixes: frozenset[str] = frozenset()
    weak_names: frozenset[str] = frozenset()
    tenant_platforms: frozenset[str] = frozenset()
    longest_word: int = 0
    shortest_key: int = 0
    longest_key: int = 0
    #: folded word or name → how it is written (for explanations: "login", not "logln")
    display: dict[str, str] = field(default_factory=dict)

    def add_brand(self, brand: Brand, rank: int = 0) -> None:
        for domain in (*brand.domains, *brand.related):
            self.allowed.setdefault(domain, brand.id)
        main = brand.domains[0]
        by_label: dict[str, Target] = {}
        for domain in brand.domains:
            _, label, suffix = split_host(domain)
            if not label:  # the brand's domain is itself a suffix (gov.cn): match it as one token
                label, suffix = domain.replace(".", ""), ""
            if len(label) < 2:
                continue  # x.com, t.me: one letter imitates nothing
            common = brand.common_word or label in brand.common_labels
            target = Target(brand.id, brand.en, brand.zh, domain, label, suffix, "", common, brand.any_cctld, rank)
            key = skeleton(label, self.confusables)
            # amazon.de imitated is amazon.com imitated: name the first domain with this label
            target = by_label.setdefault(label, _with_key(target, key))
            self.display.setdefault(key, label)
            self.exact.setdefault(key, target)
            self._add_name(key, target)
            tokens = tuple(ascii_fold(part) for part in domain.replace("-", ".").split("."))
            self.domain_runs.setdefault(tokens[0], []).append((tokens[1:], target))
        main_target = self.exact.get(skeleton(split_host(main)[1], self.confusables))
        if main_target is None:
            return
        for name in brand.names:
            self.display.setdefault(ascii_fold(name), name)
            self._add_name(ascii_fold(name), main_target)
            self.aliases.add(ascii_fold(name))
        for zh_name in brand.zh_names:
            self.zh_names.append((zh_name, main_target))

    def _add_name(self, folded: str, target: Target) -> None:
        if folded in self.names:
            return
        self.names[folded] = target
        if len(folded) == 2:
            if folded in self.short_affixes:
                self.short_names[folded] = target
        elif len(folded) >= 3:
            self.prefixes.setdefault(folded[:3], []).append(folded)

    def brand_of(self, domain: str) -> str | None:
        """The id of the brand that owns ``domain`` (a registrable domain), if any."""
        return self.allowed.get(domain)

    def build_deletes(self) -> None:
        lengths = self.rules.lengths
        for key, target in self.exact.items():
            if len(key) < lengths.min_typo or target.key != key:
                continue
            variants = _deletions(key)
            if len(key) >= 6:
                variants |= {second for first in variants for second in _deletions(first)}
            for variant in variants | {key}:
                self.deletes.setdefault(variant, []).append(key)
            k = affix_size(len(key))
            for size in range(len(key) - 2, len(key) + 3):
                self.typo_starts.setdefault(size, set()).add(key[:k])
                self.typo_ends.setdefault(size, set()).add(key[-k:])

    def may_be_typo(self, label: str) -> bool:
        """False when no brand key is within reach of an edit of ``label`` (see ``typo_starts``)."""
        size = len(label)
        starts = self.typo_starts.get(size)
        if starts is None:
            return False
        ends = self.typo_ends[size]
        return (
            label[:3] in starts
            or label[:2] in starts
            or label[:1] in starts
            or label[-3:] in ends
            or label[-2:] in ends
            or label[-1:] in ends
        )


def _with_key(target: Target, key: str) -> Target:
    return msgspec.structs.replace(target, key=key)


def affix_size(length: int) -> int:
    """How many first (or last) characters one slip in a key of ``length`` leaves alone on one side."""
    return 1 if length <= 4 else 2 if length <= 6 else 3


def _deletions(text: str) -> set[str]:
    return {text[:index] + text[index + 1 :] for index in range(len(text))}


@functools.cache
def _words_for(catalog: Catalog) -> frozenset[str]:
    # 63,000 lines: read directly rather than through the generic list parser (a third of the time)
    text = catalog.root.joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def common_words(catalog: Catalog) -> frozenset[str]:
    """Ordinary English words (loaded on first use: most hosts never need them)."""
    return _words_for(catalog)


def user_brand(domain: str) -> Brand:
    """A protected brand made from one registrable domain the person named."""
    return Brand(id="user-" + domain.replace(".", "-"), en=domain, zh=domain, category="finance", domains=[domain])


def build_index(catalog: Catalog, extra: tuple[str, ...]) -> BrandIndex:
    """Build the index from the catalog's data (see :mod:`privacy_hygiene.lookalike.cache`)."""
    brands = catalog.file("brands.toml", BrandsFile)
    rules = catalog.file("lookalike.toml", LookalikeFile)
    index = BrandIndex(confusables=table(catalog), rules=rules)
    index.short_affixes = frozenset(rules.short_affixes)
    index.tenant_platforms = frozenset(rules.tenant_platforms)
    index.weak_names = frozenset(ascii_fold(name) for name in rules.weak_names)
    index.trusted_suffixes = frozenset(rules.trusted_suffixes)
    for domain in extra:
        index.add_brand(user_brand(domain))
    for rank, brand in enumerate(brands.brand, 1):
        index.add_brand(brand, rank)
    words = rules.keywords
    index.keywords = frozenset(ascii_fold(word) for word in (*words.en, *words.pinyin))
    for word in (*words.en, *words.pinyin, *words.suffix_like, *words.country_like):
        index.display.setdefault(ascii_fold(word), word)
    index.suffix_like = frozenset(ascii_fold(word) for word in words.suffix_like)
    index.country_like = frozenset(ascii_fold(word) for word in words.country_like)
    index.vocabulary = index.keywords | index.suffix_like | index.country_like
    index.ordinary = frozenset(ascii_fold(word) for word in rules.ordinary_words)
    index.risky_tlds = frozenset(rules.risky_tlds)
    index.longest_word = max(len(word) for word in index.vocabulary)
    index.build_deletes()
    index.shortest_key = min(len(key) for key in index.exact)
    index.longest_key = max(len(key) for key in index.exact)
    return index


@functools.cache
def _cached(catalog: Catalog, extra: tuple[str, ...]) -> BrandIndex:
    from privacy_hygiene.lookalike.cache import load_or_build

    return load_or_build(catalog, extra)


def brand_index(catalog: Catalog, extra: Iterable[str] = ()) -> BrandIndex:
    """The index of the catalog's brands plus ``extra`` registrable domains (cached in memory and on disk)."""
    return _cached(catalog, tuple(sorted(set(extra))))
