"""Brand names and domains inside a longer host: combosquatting, suffix games, target embedding.

A name found inside a label is judged by what surrounds it: keywords (paypal-login, icbckefu) make
a combosquat; pieces of a domain (icbc-com-cn, paypalcom, www-jd) a suffix game; anything else
counts only for long, distinctive names (paypal-xyz), never for short or ordinary-word ones
(jdsports, pineapple). A run of host tokens that spells a brand's whole domain
(``paypal.com.secure.top``) is target embedding, whatever the brand's length.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from privacy_hygiene.lookalike.index import Target
from privacy_hygiene.lookalike.normalise import NormalHost
from privacy_hygiene.lookalike.techniques import segment
from privacy_hygiene.lookalike.verdict import Candidate

if TYPE_CHECKING:
    from privacy_hygiene.lookalike.detect import Detector


def _occurrences(detector: Detector, text: str) -> list[tuple[int, int, str]]:
    cache = detector.occurrence_cache
    if text in cache:
        return cache[text]
    found = _find(detector, text)
    if len(cache) < 50_000:
        cache[text] = found
    return found


def _find(detector: Detector, text: str) -> list[tuple[int, int, str]]:
    index = detector.index
    found = []
    prefixes = index.prefixes
    for start in range(len(text) - 2):
        names = prefixes.get(text[start : start + 3])
        if names:
            for name in names:
                if text.startswith(name, start):
                    found.append((start, start + len(name), name))
    short = index.short_names
    if len(text) >= 2:
        if text[:2] in short:
            found.append((0, 2, text[:2]))
        if len(text) > 2 and text[-2:] in short:
            found.append((len(text) - 2, len(text), text[-2:]))
    return found


def _judge(
    detector: Detector, text: str, start: int, end: int, name: str, context_words: tuple[str, ...], raw: str
) -> Candidate | None:
    index = detector.index
    target = index.names[name]
    vocabulary = index.vocabulary
    left, right = text[:start], text[end:]
    if len(raw) == len(text) and raw.isascii():
        # digits stay digits around the name ("verify01" must not read as "verlfyol")
        left = "".join(r if r.isdigit() else f for r, f in zip(raw[:start], left, strict=True))
        right = "".join(r if r.isdigit() else f for r, f in zip(raw[end:], right, strict=True))
    left, right = left.strip("-"), right.strip("-")
    left_words = segment(left, vocabulary, index.longest_word)
    right_words = segment(right, vocabulary, index.longest_word)
    distinctive = _distinctive(detector, name)
    short = len(index.display.get(name, name)) < index.rules.lengths.min_embedded
    if left_words is not None and right_words is not None:
        words = left_words + right_words
        domain_like = index.suffix_like if short else index.suffix_like | index.country_like
        if words and all(word in domain_like for word in words):
            return detector.candidate(
                "suffix-game", target, name=_shown(detector, [name])[0], words=_shown(detector, words)
            )
        words += context_words
        keywords = [word for word in words if word in index.keywords]
        strong = 3 if len(name) >= 4 else 4  # icbc + vip is a trick; boc + app may be a word
        if short and not any(len(word) >= strong or word in index.suffix_like for word in words):
            keywords = []  # "boc" + "m", "abc" + "id": too little to say it means the bank
        if keywords:
            return detector.candidate(
                "combosquatting", target, name=_shown(detector, [name])[0], words=_shown(detector, keywords)
            )
        if not left and not right and name == target.key:
            return None
    return _embedded(detector, target, name, distinctive, raw)


def _shown(detector: Detector, words: tuple[str, ...] | list[str]) -> list[str]:
    display = detector.index.display
    return [display.get(word, word) for word in words]


def _inside_word(detector: Detector, raw: str, name: str) -> bool:
    """True when every occurrence of ``name`` in ``raw`` lies inside an ordinary word of ``raw``
    (intuitive, altruist, twitched): a word that contains a brand is not the brand."""
    position = raw.find(name)
    if position < 0:
        return True  # only a look-alike spelling contains it: embedding needs the name itself
    while position >= 0:
        end = position + len(name)
        covered = any(
            detector.is_word(raw[left:right])
            for left in range(max(0, end - 14), position + 1)
            for right in range(end, min(len(raw), left + 14) + 1)
            if right - left > len(name)
        )
        if not covered:
            return False
        position = raw.find(name, position + 1)
    return True


def _plain_words(detector: Detector, raw: str, shown: str) -> bool:
    """True when what surrounds the brand's name is ordinary English (netflixtechblog,
    spotifycharts, dropbox-forum) with no keyword: a fan site or the brand's own side project."""
    position = raw.find(shown)
    if position < 0:
        return False
    words = detector.words_and_vocabulary()
    keywords = detector.raw_keywords()
    for piece in (raw[:position], raw[position + len(shown) :]):
        for part in piece.replace("-", " ").split():
            found = segment(part.strip("0123456789"), words, 14)
            if found is None or any(word in keywords for word in found):
                return False  # random letters, or a lure word next to the brand (nitro-gift, find-my)
    return True


def _embedded(detector: Detector, target: Target, name: str, distinctive: bool, raw: str = "") -> Candidate | None:
    if not distinctive:
        return None
    shown = detector.index.display.get(name, name)
    if raw and raw != shown and (_inside_word(detector, raw, shown) or _plain_words(detector, raw, shown)):
        return None
    return detector.candidate("brand-embedding", target, name=shown)


def _token_combo(detector: Detector, key: str, *, risky: bool = False) -> Candidate | None:
    """A brand's name as a whole hyphen token next to a keyword token, whatever else the label
    holds: ups-delivery-8812x, att-mail-verify01, mi-account-x. On a risky TLD a token that reads
    as a lure phrase's pinyin initials counts as a keyword too (nhsa-ybzc.top: 医保…), whether or
    not that abbreviation is listed: Chinese-aimed kits coin new ones every week."""
    index = detector.index
    tokens = key.split("-")
    keywords = [token for token in tokens if token in index.keywords and len(token) >= 4]
    initials = index.rules.lure_initials
    coined = not keywords and risky and bool(initials)
    if coined:
        keywords = [
            token
            for token in tokens
            if re.fullmatch(initials, token) and token not in index.names and not detector.is_word(token)
        ]
    if not keywords:
        return None
    for token in tokens:
        target = index.names.get(token)
        if target is None or token in keywords or (len(token) == 2 and token not in index.short_affixes):
            continue
        if coined and target.common:
            continue  # an everyday-word brand (target-…) needs a listed keyword, not a few letters
        return detector.candidate(
            "combosquatting", target, name=_shown(detector, [token])[0], words=_shown(detector, keywords)
        )
    return None


def _domain_runs(detector: Detector, tokens: list[str], label_position: int) -> Candidate | None:
    runs = detector.index.domain_runs
    if runs.keys().isdisjoint(tokens[:label_position]):
        return None
    for position, token in enumerate(tokens[:label_position]):
        # from label_position on, the brand's label is the host's own label: a TLD question
        entries = runs.get(token)
        if not entries:
            continue
        for rest, target in entries:
            if rest and tuple(tokens[position + 1 : position + 1 + len(rest)]) == rest:
                return detector.candidate("target-embedding", target, embedded=target.domain)
    return None


def scan_embedded(detector: Detector, host: NormalHost, key: str) -> list[Candidate]:
    """Candidates from names and domains embedded in the host."""
    index = detector.index
    found: list[Candidate] = []
    parts = host.subdomain.split(".") if host.subdomain else []
    folded_parts = [detector.fold(part) for part in parts]
    if folded_parts or "-" in key:  # a domain inside the host starts before its own label
        tokens = [token for part in folded_parts for token in part.split("-")]
        tokens += key.split("-")
        label_position = len(tokens) - 1
        tokens += detector.fold(host.suffix).replace("-", ".").split(".")
        run = _domain_runs(detector, tokens, label_position)
        if run is not None:
            found.append(run)
    for start, end, name in _occurrences(detector, key):
        hit = _judge(detector, key, start, end, name, (), host.label)
        if hit is not None:
            found.append(hit)
    if "-" in key and not found:
        tld = host.suffix.rsplit(".", 1)[-1]
        hit = _token_combo(detector, key, risky=tld in index.risky_tlds or host.suffix in index.risky_tlds)
        if hit is not None:
            found.append(hit)
    label_words: tuple[str, ...] | None = None
    tenant = bool(parts) and f"{host.label}.{host.suffix}" in index.tenant_platforms
    for part, folded in zip(parts, folded_parts, strict=True):
        occurrences = _occurrences(detector, folded)
        if not occurrences:
            continue
        if label_words is None:
            label_words = segment(key, index.vocabulary, index.longest_word) or ()
        for start, end, name in occurrences:
            hit = _judge(detector, folded, start, end, name, label_words, part)
            if hit is None and folded == name and index.names[name].key == name:
                hit = _embedded(detector, index.names[name], name, _distinctive(detector, name), part)
            if hit is not None and hit.technique == "brand-embedding" and tenant:
                continue  # paypal.zendesk.com: the brand's own help desk
            if hit is not None and not (part.isascii() and detector.is_word(part)):
                hit.detail["beyond"] = True  # found in a subdomain, not in the registrable label
                found.append(hit)
    return found


def _distinctive(detector: Detector, name: str) -> bool:
    """Long enough and not an ordinary word, so the name alone says which brand is meant."""
    index = detector.index
    shown = index.display.get(name, name)  # "icloud" folds to "ldoud": judge the written length
    if len(shown) < index.rules.lengths.min_embedded or name.isdigit() or name in index.weak_names:
        return False
    return name in index.aliases or not index.names[name].common
