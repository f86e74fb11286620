"""Is a field needed for the form's purpose? The policy of ``heuristics/purposes.toml``.

A field is *unneeded* when its kind is sensitive, the page makes it required, and the form's
purpose does not need it. On Chinese sites the 2021 necessary-personal-information rules add
what they make necessary (a phone number at registration, real-name ID where law requires it).
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_hygiene.domains import host_of
from privacy_hygiene.forms.dom import Element, attr
from privacy_hygiene.forms.lexicon import PurposeTable
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Severity

#: languages and hosts of the mainland, where the 2021 rules apply (Hong Kong, Macau, Taiwan differ)
_OUTSIDE_MAINLAND = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
_MAINLAND_SUFFIXES = (".cn", ".中国", ".中國", ".公司", ".网络")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the policy says about one field."""

    sensitive: bool
    unneeded: bool = False
    severity: Severity = Severity.INFO
    secret: bool = False
    reason: LocalText | None = None
    advice: LocalText | None = None


def is_mainland_site(root: Element, url: str | None, han_ratio: float) -> bool:
    """True when the page is (most likely) a mainland Chinese site."""
    host = host_of(url) if url else ""
    if host and host.endswith(_MAINLAND_SUFFIXES):
        return True
    if host and host.endswith((".tw", ".hk", ".mo")):
        return False
    lang = attr(root, "lang").strip().lower()
    if lang:
        return lang.startswith("zh") and not lang.startswith(_OUTSIDE_MAINLAND)
    return han_ratio >= 0.3


def is_real_name_service(text: str, url: str | None, table: PurposeTable) -> bool:
    """True when the page is a service the law requires to verify identity (rail, bank, government)."""
    host = host_of(url) if url else ""
    if host and any(host.endswith(suffix) or host == suffix.lstrip(".") for suffix in table.real_name_hosts):
        return True
    return table.real_name_terms is not None and table.real_name_terms.search(text) is not None


def service_needs(text: str, table: PurposeTable, *, mainland: bool) -> frozenset[str]:
    """The kinds the services named in ``text`` need on top of the form's purpose (a clinic: a birth date)."""
    needed: set[str] = set()
    for service in table.services:
        if service.terms is not None and service.terms.search(text):
            needed |= service.needs | (service.needs_cn if mainland else frozenset())
    return frozenset(needed)


def judge(
    kind: str,
    required: bool,
    purpose: str,
    table: PurposeTable,
    *,
    mainland: bool,
    real_name: bool = False,
    official: bool = False,
    also_needed: frozenset[str] = frozenset(),
) -> Verdict:
    """The verdict for one field of ``kind`` in a form for ``purpose``; ``real_name`` when the law
    requires identity checks here, ``official`` on a regulated brand's own domain (know your customer),
    ``also_needed`` what the service needs beyond the purpose (:func:`service_needs`)."""
    entry = table.sensitive.get(kind)
    if entry is None:
        return Verdict(sensitive=False)
    policy = table.purposes.get(purpose) or table.purposes["other"]
    needed = (
        kind in policy.needs
        or (mainland and kind in policy.needs_cn)
        or (real_name and kind in table.real_name_kinds)
        or (official and kind in table.official_kinds)
        or kind in also_needed
    )
    if needed or not required:
        return Verdict(sensitive=True, secret=entry.secret)
    severity = Severity.CRITICAL if kind in policy.critical else Severity.parse(entry.severity)
    reason = LocalText(
        zh=f"{policy.why.zh}；{entry.reason.zh}",
        en=f"{policy.why.en}; {entry.reason.en}",
    )
    return Verdict(
        sensitive=True,
        unneeded=True,
        severity=severity,
        secret=entry.secret,
        reason=reason,
        advice=entry.advice,
    )
