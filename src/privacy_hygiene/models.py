"""The typed, frozen data that flows through the engine, with the JSON of DESIGN.md.

``Page`` is what was loaded (parsed once, lazily); analyzers turn it into ``Finding`` objects;
scoring turns findings into a grade and a scam-risk level; ``AuditReport`` is the result for one
target, rendered as text by :mod:`privacy_hygiene.render` or as JSON by :meth:`AuditReport.to_json`.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from privacy_hygiene.i18n import Lang, LocalText
from privacy_hygiene.sanitize import clean

if TYPE_CHECKING:
    from bs4 import BeautifulSoup


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so ``max()`` gives the worst."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        """The JSON name: ``info`` .. ``critical``."""
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        """``"high"`` → ``Severity.HIGH``; raises ``KeyError`` for unknown names."""
        return cls[name.upper()]


class Confidence(enum.IntEnum):
    """How sure the analyzer is: structure is high, combinations medium, keywords alone low."""

    LOW = 0
    MEDIUM = 1
    HIGH = 2

    @property
    def label(self) -> str:
        """The JSON name: ``low|medium|high``."""
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Confidence:
        """``"high"`` → ``Confidence.HIGH``."""
        return cls[name.upper()]


Category = Literal[
    "insecure-transport",
    "unneeded-data",
    "cross-site-form",
    "lookalike-domain",
    "brand-impersonation",
    "fortune-harvest",
    "prize-bait",
    "tracking",
    "untrustworthy-site",
    "site-care",
    "tls",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

#: report groups, in display order, and the categories each holds
GROUPS: dict[str, tuple[str, ...]] = {
    "connection": ("insecure-transport", "tls", "site-care"),
    "forms": ("unneeded-data", "cross-site-form"),
    "scam": ("lookalike-domain", "brand-impersonation", "fortune-harvest", "prize-bait"),
    "tracking": ("tracking",),
    "reliability": ("untrustworthy-site",),
}

ScamLevel = Literal["low", "guarded", "high", "very_high"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a finding points at: ``kind`` (header, form, field, script, text, domain, url),
    ``locator`` (header name, form/field path, host) and a short ``excerpt``, all sanitised."""

    kind: str
    locator: str
    excerpt: str = ""

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "locator": clean(self.locator), "excerpt": clean(self.excerpt)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the audit found, with the wording of its rule copied in both languages."""

    rule_id: str
    category: str
    severity: Severity
    confidence: Confidence
    principle: int
    title: LocalText
    advice: LocalText
    evidence: tuple[Evidence, ...] = ()
    #: scam-risk points this finding contributes and the signal family it counts in
    scam_points: int = 0
    scam_family: str = ""
    #: the rule's "Already entered it? Do this" advice (not part of the JSON contract)
    if_entered: LocalText | None = None

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "severity": self.severity.label,
            "confidence": self.confidence.label,
            "principle": self.principle,
            "title": self.title.get(lang),
            "evidence": [item.to_json() for item in self.evidence],
            "advice": self.advice.get(lang),
        }


@dataclass(frozen=True, slots=True)
class FormField:
    """One input/select/textarea of a form, as classified by the form analysis."""

    name: str
    id: str
    kind: str = "other"
    required: bool = False
    sensitive: bool = False
    unneeded: bool = False
    #: the label the analysis found (not part of the JSON contract; sanitised when shown)
    label: str = ""
    #: the element's ``type`` attribute (``text``, ``password``...), lower-cased
    input_type: str = ""
    #: the name/id split into words (``signup[mailAddress]`` → ``signup mail address``); not in the JSON
    tokens: str = ""
    #: why the field is unneeded (purpose and kind), when it is; not in the JSON
    reason: LocalText | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": clean(self.name),
            "id": clean(self.id),
            "kind": self.kind,
            "required": self.required,
            "sensitive": self.sensitive,
            "unneeded": self.unneeded,
        }


@dataclass(frozen=True, slots=True)
class FormInfo:
    """A ``<form>`` (``index`` = its position among the page's forms) and its fields."""

    index: int
    action: str
    method: str
    purpose: str = "other"
    fields: tuple[FormField, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "action": clean(self.action),
            "method": self.method,
            "purpose": self.purpose,
            "fields": [item.to_json() for item in self.fields],
        }


@dataclass(frozen=True, slots=True)
class RedirectHop:
    """One response in a redirect chain."""

    url: str
    status: int


@dataclass(frozen=True, slots=True)
class TlsInfo:
    """What is known about the TLS connection; ``error`` holds a verification failure's kind."""

    verified: bool
    error: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Page:
    """A loaded page: where it came from, its headers and its decoded HTML (parsed once, lazily).

    ``url`` is the address the page is audited as (``None`` for a local file with no known origin);
    ``final_url`` is where redirects ended. ``notes`` lists what could not be checked.
    """

    target: str
    url: str | None
    html: str
    final_url: str | None = None
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/html"
    encoding: str = "utf-8"
    source: Literal["file", "http"] = "file"
    redirects: tuple[RedirectHop, ...] = ()
    truncated: bool = False
    tls: TlsInfo | None = None
    notes: tuple[LocalText, ...] = ()
    #: False when the body is not an HTML page (then analyzers that need HTML skip it)
    is_html: bool = True
    #: the file name a ``Content-Disposition`` header offered ("" when none)
    download_filename: str = ""

    @property
    def effective_url(self) -> str | None:
        """The URL the page content was actually served from (final URL, else the audited URL)."""
        return self.final_url or self.url

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), or ``None``."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        """Every header called ``name`` (case-insensitive), e.g. each ``Set-Cookie``."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @functools.cached_property
    def soup(self) -> BeautifulSoup:
        """The parsed document (lxml); analyzers must treat it as read-only."""
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.html, "lxml")

    @functools.cached_property
    def title(self) -> str:
        """The page's ``<title>``, whitespace folded (unsanitised: clean before showing)."""
        node = self.soup.title
        if node is None:
            return ""
        return " ".join(node.get_text(" ").split())

    @functools.cached_property
    def lang(self) -> str:
        """The page's declared language (``<html lang>``), else a guess from its text."""
        root = self.soup.find("html")
        declared = root.get("lang") if root is not None else None
        if isinstance(declared, str) and declared.strip():
            return declared.strip().lower()[:16]
        sample = self.soup.get_text(" ")[:4000] if self.is_html else ""
        han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
        latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
        if han == 0 and latin == 0:
            return ""
        return "zh" if han * 3 >= latin else "en"


@dataclass(frozen=True, slots=True)
class ScamRisk:
    """The scam-risk level, its points, and the reasons (one per counted signal family)."""

    level: ScamLevel = "low"
    points: int = 0
    reasons: tuple[LocalText, ...] = ()

    @property
    def warn(self) -> bool:
        """True at high and above: the report leads with "Do not enter any information"."""
        return self.level in ("high", "very_high")


@dataclass(frozen=True, slots=True)
class Grade:
    """The privacy-hygiene grade of a page, with "why this grade" lines."""

    letter: str = "A+"
    score: int = 100
    why: tuple[LocalText, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportError:
    """Why a target could not be audited (``local``: the message in both languages, when known)."""

    kind: str
    message: str
    local: LocalText | None = None

    def text(self, lang: Lang) -> str:
        """The message in ``lang`` when it exists in both languages, else as raised."""
        return self.local.get(lang) if self.local is not None else self.message


@dataclass(frozen=True)
class AuditReport:
    """The audit of one target."""

    target: str
    url: str | None = None
    final_url: str | None = None
    status: int | None = None
    title: str = ""
    lang: str = ""
    grade: Grade | None = None
    scam_risk: ScamRisk = field(default_factory=ScamRisk)
    findings: tuple[Finding, ...] = ()
    forms: tuple[FormInfo, ...] = ()
    error: ReportError | None = None
    redirects: tuple[RedirectHop, ...] = ()
    #: what could not be checked (truncated body, not HTML, TLS failure...)
    notes: tuple[LocalText, ...] = ()
    #: analyzers that crashed: "<analyzer>: <exception>" (the audit still completed)
    diagnostics: tuple[str, ...] = ()
    #: False when the body was not an HTML page: only the connection could be judged
    content_checked: bool = True

    @property
    def worst(self) -> Severity | None:
        """The most severe finding's severity, or ``None`` when there are none."""
        return max((item.severity for item in self.findings), default=None)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        """The JSON object of DESIGN.md (plus ``redirects``, ``notes`` and ``diagnostics``)."""
        grade = self.grade
        return {
            "target": clean(self.target),
            "url": self.url,
            "final_url": self.final_url,
            "status": self.status,
            "title": clean(self.title),
            "lang": self.lang,
            "grade": grade.letter if grade else None,
            "score": grade.score if grade else None,
            "scam_risk": {"level": self.scam_risk.level, "points": self.scam_risk.points},
            "findings": [item.to_json(lang) for item in self.findings],
            "forms": [item.to_json() for item in self.forms],
            "error": ({"kind": self.error.kind, "message": clean(self.error.text(lang))} if self.error else None),
            "redirects": [{"url": hop.url, "status": hop.status} for hop in self.redirects],
            "notes": [note.get(lang) for note in self.notes],
            "diagnostics": list(self.diagnostics),
        }
