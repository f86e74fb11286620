"""A verdict on one host: which brand it imitates, how, how sure we are, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: every technique a verdict may name; each has a score in lookalike.toml and an explanation in
#: locales/domain.toml (a test checks both)
TECHNIQUES: tuple[str, ...] = (
    "homoglyph",
    "ascii-lookalike",
    "transposition",
    "omission",
    "insertion",
    "repetition",
    "hyphenation",
    "bitsquatting",
    "replacement",
    "typo",
    "dot-insertion",
    "tld-swap",
    "suffix-game",
    "target-embedding",
    "brand-embedding",
    "combosquatting",
    "mixed-script",
)
#: score variants of a technique (same name in the verdict, another base score)
SCORE_VARIANTS = {"homoglyph-typo": "homoglyph", "tld-swap-cctld": "tld-swap"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way a host may imitate a brand's domain."""

    technique: str
    #: the official domain imitated ("alipay.com")
    target: str
    brand_en: str
    brand_zh: str
    score: float
    #: what the explanation needs: substitutions [(fake, real)], edit (kind, what), words [...]
    detail: dict[str, Any] = field(default_factory=dict)
    #: the brand's position in brands.toml (ties go to the first)
    rank: int = 0


@dataclass(slots=True)
class Verdict:
    """The answer for one input (as given)."""

    domain: str
    host: str
    lookalike_of: str | None = None
    technique: str | None = None
    score: float = 0.0
    brand_en: str = ""
    brand_zh: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    #: why there is no verdict: "no-host", "ip", "official" (the brand's own domain),
    #: "trusted-suffix" (gov.cn, edu ...), "" otherwise
    note: str = ""
    #: the host's registrable domain (ASCII), when it has one
    registrable: str = ""

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md contract: ``{"domain", "lookalike_of", "technique", "score"}``."""
        return {
            "domain": self.domain,
            "lookalike_of": self.lookalike_of,
            "technique": self.technique,
            "score": round(self.score, 3),
        }

    @property
    def flagged(self) -> bool:
        return self.lookalike_of is not None
