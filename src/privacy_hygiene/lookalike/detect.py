"""The detector: one pass per host, best candidate wins.

Order of evidence (each named in the verdict): the brand's own domains are never flagged; then
exact skeleton matches (homoglyph, ASCII look-alike, TLD swap and suffix games), typing slips from
the deletion index, the brand's name or domain embedded in the host (combosquatting, target
embedding), Chinese brand names in Unicode hosts, and finally mixed scripts with no brand found.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.domains import is_private_suffix
from privacy_hygiene.lookalike.explain_detail import substitutions
from privacy_hygiene.lookalike.index import BrandIndex, Target, brand_index, common_words
from privacy_hygiene.lookalike.normalise import NormalHost, normalise
from privacy_hygiene.lookalike.scan import scan_embedded
from privacy_hygiene.lookalike.skeleton import ascii_fold, script_of, scripts_of, to_ascii_shape
from privacy_hygiene.lookalike.techniques import classify_edit, osa_distance, segment
from privacy_hygiene.lookalike.verdict import TECHNIQUES, Candidate, Verdict

_LOOKALIKE_SCRIPTS = frozenset({"cyrillic", "greek", "armenian"})
#: techniques whose evidence is not the registrable label alone (the label may be a plain word)
_BEYOND_LABEL = frozenset({"target-embedding", "dot-insertion"})


def _is_country(suffix: str) -> bool:
    tld = suffix.rsplit(".", 1)[-1]
    return len(tld) == 2 or not tld.isascii()


#: per brand index (indexes live as long as the process): one set object each, because segment()
#: caches on it and two equal 63,000-word sets would be compared element by element on every lookup
_VOCABULARIES: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _vocabularies(catalog: Catalog, index: BrandIndex) -> tuple[frozenset[str], frozenset[str]]:
    """(English words + every keyword and domain word as written, the keywords as written)."""
    found = _VOCABULARIES.get(id(index))
    if found is None:
        words = index.rules.keywords
        keywords = frozenset((*words.en, *words.pinyin))
        everything = common_words(catalog) | keywords | frozenset((*words.suffix_like, *words.country_like))
        found = _VOCABULARIES.setdefault(id(index), (everything, keywords))
    return found


class Detector:
    """Lookalike verdicts against the catalog's brands plus the person's own (``extra``)."""

    def __init__(self, catalog: Catalog | None = None, extra: Iterable[str] = ()) -> None:
        self.catalog = catalog or get_catalog()
        self.index: BrandIndex = brand_index(self.catalog, extra)
        self.scores = self.index.rules.scores.technique
        self.flag = self.index.rules.scores.flag
        #: name occurrences per label text ("www", "mail" and brand-ish labels repeat across hosts)
        self.occurrence_cache: dict[str, list[tuple[int, int, str]]] = {}
        self._folds: dict[str, str] = {}

    def fold(self, part: str) -> str:
        """The skeleton of a subdomain label or suffix (cached: "www", "com" recur in every host)."""
        folded = self._folds.get(part)
        if folded is None:
            folded = ascii_fold(part if part.isascii() else to_ascii_shape(part, self.index.confusables))
            if len(self._folds) < 50_000:
                self._folds[part] = folded
        return folded

    def words_and_vocabulary(self) -> frozenset[str]:
        """English words plus the keywords (raw spelling), for splitting what surrounds a name."""
        return _vocabularies(self.catalog, self.index)[0]

    def raw_keywords(self) -> frozenset[str]:
        """The combosquatting keywords as written (English and pinyin)."""
        return _vocabularies(self.catalog, self.index)[1]

    def is_word(self, label: str) -> bool:
        """True when ``label`` is an ordinary English word (chosen on purpose, not a slip)."""
        return label in common_words(self.catalog) or ascii_fold(label) in self.index.ordinary

    def candidate(self, technique: str, target: Target, score_key: str = "", **detail: Any) -> Candidate:
        if technique not in TECHNIQUES:
            raise ValueError(f"unknown technique {technique!r}")
        score = self.scores[score_key or technique]
        return Candidate(technique, target.domain, target.en, target.zh, score, detail, target.rank)

    # -- entry point --------------------------------------------------------------------------------
    def check(self, text: str) -> Verdict:
        """The verdict for one URL or host."""
        host = normalise(text)
        if host is None:
            return Verdict(text, "", note="no-host")
        if host.is_ip:
            return Verdict(text, host.host, note="ip")
        registrable = host.registrable
        if not registrable:
            return Verdict(text, host.host, note="no-host")
        if registrable in self.index.allowed:
            return Verdict(text, host.host, note="official", registrable=registrable)
        if _under_trusted(host.suffix, self.index.trusted_suffixes):
            return Verdict(text, host.host, note="trusted-suffix", registrable=registrable)
        best = self._best(host)
        if best is None:
            return Verdict(text, host.host, registrable=registrable)
        score = best.score
        tld = host.suffix.rsplit(".", 1)[-1]
        if tld in self.index.risky_tlds or host.suffix in self.index.risky_tlds:
            score = min(1.0, score + self.index.rules.scores.risky_tld_bonus)
        if score < self.flag:
            return Verdict(text, host.host, registrable=registrable)
        flagged = best.technique != "mixed-script"
        return Verdict(
            text,
            host.host,
            lookalike_of=best.target if flagged else None,
            technique=best.technique,
            score=score,
            brand_en=best.brand_en,
            brand_zh=best.brand_zh,
            detail=best.detail,
            registrable=registrable,
        )

    def _best(self, host: NormalHost) -> Candidate | None:
        index = self.index
        shape = to_ascii_shape(host.label, index.confusables)
        key = ascii_fold(shape)
        found: list[Candidate] = []
        exact = index.exact.get(key)
        if exact is not None:
            hit = self._exact(host, exact, key)
            if hit is not None:
                if hit.score >= self.scores["homoglyph"] - 1e-9:
                    return hit
                found.append(hit)
        if host.subdomain:
            found.extend(self._dot_insertion(host, key))
        if exact is None and key not in index.ordinary:
            found.extend(self._typos(host, key))
            if "-" in key:
                found.extend(self._token_typos(host, key))
        found.extend(scan_embedded(self, host, key))
        if host.is_unicode:
            found.extend(self._unicode(host))
        if not found:
            return None
        if host.label.isascii() and self.is_word(host.label):
            # "goodie", "lower", "battlefield", "accounting": a dictionary word is a name picked on
            # purpose; only evidence outside the label itself still counts
            found = [item for item in found if item.technique in _BEYOND_LABEL or item.detail.get("beyond")]
            if not found:
                return None
        # ties go to the brand listed first (brands.toml lists the most imitated first)
        return max(found, key=lambda item: (item.score, -item.rank), default=None)

    # -- exact skeleton -----------------------------------------------------------------------------
    def _exact(self, host: NormalHost, target: Target, key: str) -> Candidate | None:
        label = host.label
        if label != target.label:
            technique = "ascii-lookalike" if label.isascii() else "homoglyph"
            if technique == "ascii-lookalike" and len(key) < 3 and key not in self.index.short_affixes:
                return None  # lg / ig: two letters read alike by accident
            subs = substitutions(label, target.label, self.index.confusables)
            return self.candidate(technique, target, subs=subs)
        return self._tld_swap(host, target)

    def _tld_swap(self, host: NormalHost, target: Target) -> Candidate | None:
        suffix = host.suffix
        tld = suffix.rsplit(".", 1)[-1]
        risky = tld in self.index.risky_tlds or suffix in self.index.risky_tlds
        country = _is_country(suffix)
        parts, own = set(suffix.split(".")), set(target.suffix.split("."))
        if target.any_cctld and country and not risky:
            return None
        if target.common and not risky:
            return None  # target.com.au, office.com.au: an ordinary word under another suffix
        if len(parts) > 1 and parts & own and suffix != target.suffix:
            return self.candidate("suffix-game", target, suffix=suffix)
        if is_private_suffix(suffix) and suffix not in self.index.risky_tlds:
            return None  # netflix.github.io: a project page on a hosting platform, often the brand's own
        if risky:
            return self.candidate("tld-swap", target, suffix=suffix)
        lengths = self.index.rules.lengths
        if len(target.key) < lengths.min_typo or self.is_word(host.label):
            return None  # battle.jp, customs.de: short names and words recur under every TLD
        return self.candidate("tld-swap", target, "tld-swap-cctld" if country else "tld-swap", suffix=suffix)

    def _dot_insertion(self, host: NormalHost, key: str) -> list[Candidate]:
        last = host.subdomain.rsplit(".", 1)[-1]
        if last == "www" or len(last) > 3:
            return []
        joined = ascii_fold(to_ascii_shape(last, self.index.confusables)) + key
        target = self.index.exact.get(joined)
        if target is None or target.common or len(target.key) < self.index.rules.lengths.one_edit:
            return []
        return [self.candidate("dot-insertion", target, split=f"{last}.{host.label}")]

    # -- typing slips -------------------------------------------------------------------------------
    def _typos(self, host: NormalHost, key: str) -> list[Candidate]:
        index = self.index
        # relaxed thresholds only for look-alike letters; ordinary accented Latin (bücher, café)
        # is a language, not a trick, and gets the ASCII rules
        unicode_label = not host.label.isascii() and self._tricky(host.label)
        size = len(key)
        if size < index.shortest_key - 2 or size > index.longest_key + 2:
            return []
        if not unicode_label and not index.may_be_typo(key):
            return []
        # Brands carry their 1- and (long ones) 2-deletions; the query carries its 1-deletions. That
        # finds every single edit, and two edits except two substitutions, cheaply. Unicode labels
        # (rare, and suspicious by themselves) also get their 2-deletions.
        deletes = index.deletes
        keys: set[str] = set()
        hits = deletes.get(key)
        if hits:
            keys.update(hits)
        variants = [key[:i] + key[i + 1 :] for i in range(size)]
        if unicode_label and size >= 6:
            variants += [v[:i] + v[i + 1 :] for v in variants for i in range(len(v))]
        for variant in variants:
            hits = deletes.get(variant)
            if hits:
                keys.update(hits)
        found = []
        for brand_key in keys:
            candidate = self._typo(host, key, brand_key, unicode_label)
            if candidate is not None:
                found.append(candidate)
        return found

    def _token_typos(self, host: NormalHost, key: str) -> list[Candidate]:
        """A slip inside one hyphen-separated token next to keywords: paypa-login, wellsfarg0-alert."""
        index = self.index
        tokens = key.split("-")
        if len(tokens) > 5:
            return []
        found = []
        for position, token in enumerate(tokens):
            if len(token) < index.rules.lengths.one_edit or token in index.exact or token in index.ordinary:
                continue
            words: list[str] = []
            for other in tokens[:position] + tokens[position + 1 :]:
                pieces = segment(other, index.vocabulary, index.longest_word)
                if pieces is None:
                    break
                words.extend(pieces)
            else:
                if not any(word in index.keywords or word in index.suffix_like for word in words):
                    continue
                if self.is_word(token):
                    continue
                for candidate in self._typos(host, token):
                    found.append(dataclasses.replace(candidate, score=candidate.score - 0.05))
        return found

    def _tricky(self, label: str) -> bool:
        """True when the label holds a look-alike letter from another script, or a hooked or
        small-capital Latin letter (not just accents: ü, é, ñ)."""
        origin = self.index.confusables.origin
        for char in label:
            if char.isascii():
                continue
            if script_of(char) != "latin" or origin.get(char, "marks") != "marks":
                return True
        return False

    def _typo(self, host: NormalHost, key: str, brand_key: str, unicode_label: bool) -> Candidate | None:
        target = self.index.exact[brand_key]
        lengths = self.index.rules.lengths
        size = len(brand_key)
        if unicode_label:
            limit = 2 if size >= 6 else 1
            if osa_distance(key, brand_key, limit) > limit:
                return None
            subs = substitutions(host.label, target.label, self.index.confusables)
            return self.candidate("homoglyph", target, "homoglyph-typo", subs=subs)
        if key.rstrip("0123456789") == brand_key.rstrip("0123456789"):
            return None  # site45 / site35: numbered sites, not slips
        edit = classify_edit(key, brand_key)
        if edit is None:
            if size < lengths.two_edits or target.common:
                return None
            if osa_distance(key, brand_key, 2) > 2:
                return None
            return self.candidate("typo", target, edit=("typo", 0, host.label))
        technique, position = edit
        careful = size < lengths.one_edit or target.common
        same_suffix = (
            host.suffix == target.suffix  # a country's second level (com.cn), not .com: cnbc/cibc
            and "." in target.suffix
            and not target.common
            and len(key) >= size
            and position > 0
        )
        tld = host.suffix.rsplit(".", 1)[-1]
        aimed = same_suffix or (tld in self.index.risky_tlds and position > 0)
        if careful and not target.common and technique == "insertion" and position > 0:
            # ebays.com, hsbcs.com: a letter added to a four-letter name under its own ending
            # (bosch.com is not bosc.cn)
            aimed = aimed or tld == target.suffix.rsplit(".", 1)[-1]
        if careful and technique not in ("transposition", "repetition", "hyphenation") and not aimed:
            # cnbc/cmbc, bose/bosc: on short names even look-alike letters make words; under the
            # brand's own suffix (icbcs.com.cn) the slip is aimed at it
            return None
        if position == 0 and size < lengths.first_letter and technique not in ("ascii-lookalike", "transposition"):
            return None
        score_key = technique
        return self.candidate(technique, target, score_key, edit=(technique, position, host.label))

    # -- Unicode-only evidence ----------------------------------------------------------------------
    def _unicode(self, host: NormalHost) -> list[Candidate]:
        found = []
        for zh_name, target in self.index.zh_names:
            if zh_name in host.host:
                found.append(self.candidate("brand-embedding", target, name=zh_name))
        scripts = scripts_of(host.label)
        lookalike = scripts & _LOOKALIKE_SCRIPTS
        if lookalike and ("latin" in scripts or self._whole_script(host, lookalike)):
            found.append(
                Candidate("mixed-script", "", "", "", self.scores["mixed-script"], {"scripts": sorted(scripts)})
            )
        return found

    def _whole_script(self, host: NormalHost, scripts: set[str]) -> bool:
        shape = to_ascii_shape(host.label, self.index.confusables)
        if not shape.isascii():
            return False
        tld = host.suffix.rsplit(".", 1)[-1]
        allowed = self.index.rules.script_tlds
        return not any(tld in allowed.get(script, ()) for script in scripts)


def _under_trusted(suffix: str, trusted: frozenset[str] | set[str]) -> bool:
    """True for a trusted suffix, or a private suffix registered under one (``service.gov.uk``)."""
    labels = suffix.split(".")
    return any(".".join(labels[i:]) in trusted for i in range(len(labels)))
