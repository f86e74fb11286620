"""Content: fortune-telling harvests and prize bait (fortune-harvest, prize-bait).

Principles 9 (don't trust name tests and fortune telling) and 10 (no free lunch). Words alone are
hints (info/low); a finding reaches medium only when the page also asks for data or money — which
fields a form wants and where it sends them. Rules:
PH-CONTENT-010 fortune/quiz words · PH-CONTENT-020 name + birth date/time form on such a page ·
PH-CONTENT-030 security-question answers asked · PH-CONTENT-040 share/pay to unlock ·
PH-CONTENT-110 prize words · PH-CONTENT-120 personal-data form behind a prize ·
PH-CONTENT-130 fee to claim a "free" prize · PH-CONTENT-140 QR code next to a gift offer ·
PH-CONTENT-210 pressure tactics (countdowns, "only N left") ·
PH-CONTENT-310 "account problem" pretext words · PH-CONTENT-320 such a story framing a form that asks
for a password, code, ID or card (bank, payment, courier and government phishing) ·
PH-CONTENT-330 a page dressed as a government body asking for secrets off government domains
(:mod:`privacy_hygiene.signals.authority`) ·
PH-CONTENT-410 a form asks what the page's offer never needs (:mod:`privacy_hygiene.signals.overreach`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.catalog.schemas.content import KindGroups, Marker
from privacy_hygiene.domains import host_of
from privacy_hygiene.i18n import both
from privacy_hygiene.models import Evidence, Finding, Page, Severity
from privacy_hygiene.signals.authority import official_costume
from privacy_hygiene.signals.fields import (
    FormAsk,
    form_asks,
    framing_blocks,
    kind_groups,
)
from privacy_hygiene.signals.overreach import institution_site, overreach_findings, own_named_site
from privacy_hygiene.signals.text import (
    Hit,
    PhraseMatcher,
    content_files,
    element_text,
    fold_table,
    negations,
    normalise,
    prominent_text,
    visible_text,
)

if TYPE_CHECKING:
    from bs4 import Tag

_NAME = frozenset({"full_name", "given_name", "family_name"})
_BIRTH = frozenset({"birth_date", "birth_time"})
#: contact or identity data that turns a birth-data form into a full profile
_CONTACT = frozenset({"phone", "messenger_id", "national_id", "passport", "bank_card", "address", "sms_code"})
_CARD = frozenset({"bank_card", "card_cvc", "card_expiry", "payment_pin"})
#: what an ordinary card payment asks
_CHECKOUT = frozenset({"bank_card", "card_cvc", "card_expiry"})
#: forms examined per page: a page with hundreds of forms is not a scam kit, and each costs a match
_MAX_FORMS = 20
_FORTUNE_FAMILIES = ("fortune-words", "quiz-words")
#: "something is wrong with your account" stories, and the overdue bill with its cut-off threat
_PRETEXT_FAMILIES = ("pretext-words", "bill-words")


@dataclass(frozen=True)
class _Facts:
    """What the page says (phrase hits by family), what it is about, and what it asks (forms)."""

    hits: dict[str, list[Hit]]
    asks: tuple[FormAsk, ...]
    countdown: bool
    #: phrase hits in the title, description and headings: what the page is about
    headline: dict[str, list[Hit]]
    matcher: PhraseMatcher
    fold: dict[int, str]
    groups: KindGroups

    def family(self, name: str, *, min_weight: int = 1) -> list[Hit]:
        return [hit for hit in self.hits.get(name, []) if hit.phrase.weight >= min_weight]

    def about(self, ask: FormAsk, families: tuple[str, ...], *, min_weight: int = 1) -> bool:
        """True when the page's headline or the text around ``ask`` speaks of ``families``.

        A sidebar link to today's horoscope or a points-shop banner on a bank's login page must not
        turn the login form into a "fortune" or "prize" form: the words have to frame the form.
        """
        headline = [hit for family in families for hit in self.headline.get(family, [])]
        if any(hit.phrase.weight >= min_weight for hit in headline):
            return True
        if not ask.context:
            return False
        around = self.matcher.find(normalise(ask.context, self.fold))
        return any(hit.phrase.family in families and hit.phrase.weight >= min_weight for hit in around)


def _text_evidence(hits: list[Hit], limit: int = 4) -> list[Evidence]:
    seen: dict[str, Hit] = {}
    for hit in sorted(hits, key=lambda item: -item.phrase.weight):
        seen.setdefault(hit.excerpt, hit)
    return [Evidence("text", hit.phrase.family, hit.excerpt) for hit in list(seen.values())[:limit]]


def _form_evidence(ask: FormAsk, wanted: frozenset[str]) -> list[Evidence]:
    target = host_of(ask.action) if ask.action else ""
    where = Evidence("form", ask.locator, f"→ {target}" if target else "")
    fields = [Evidence("field", item.locator, item.kind) for item in ask.fields if item.kind in wanted]
    return [where, *fields[:8]]


def _markers(page: Page, markers: list[Marker]) -> tuple[bool, dict[str, list[Tag]]]:
    """Whether a countdown device is present, and the marked images by kind (QR codes, emblems)."""
    soup = page.soup
    countdown = False
    images: dict[str, list[Tag]] = {}
    scripts = [script.get_text()[:20_000] for script in soup.find_all("script") if not script.get("src")]
    tags = soup.find_all(True)
    for marker in markers:
        pattern = re.compile(marker.pattern)
        if marker.kind == "countdown" and marker.where == "script":
            countdown = countdown or any(pattern.search(text) for text in scripts)
        elif marker.kind == "countdown" and marker.where == "attr":
            countdown = countdown or any(pattern.search(_id_and_class(tag)) for tag in tags)
        elif marker.where == "img":
            found = images.setdefault(marker.kind, [])
            for img in soup.find_all("img"):
                described = " ".join(str(img.get(name) or "") for name in ("src", "alt", "title", "data-src"))
                if pattern.search(f"{described} {_id_and_class(img)}") and img not in found:
                    found.append(img)
    return countdown, images


def _id_and_class(tag: Tag) -> str:
    classes = tag.get("class")
    joined = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    return f"{tag.get('id') or ''} {joined}"


class ContentAnalyzer:
    """Fortune-telling harvests and prize bait: words as hints, forms as evidence."""

    id: ClassVar[str] = "content"
    rules: ClassVar[tuple[str, ...]] = (
        "PH-CONTENT-010",
        "PH-CONTENT-020",
        "PH-CONTENT-030",
        "PH-CONTENT-040",
        "PH-CONTENT-110",
        "PH-CONTENT-120",
        "PH-CONTENT-130",
        "PH-CONTENT-140",
        "PH-CONTENT-210",
        "PH-CONTENT-310",
        "PH-CONTENT-320",
        "PH-CONTENT-330",
        "PH-CONTENT-410",
    )

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        if not page.is_html:
            return
        topics = content_files(ctx.catalog)
        fold = fold_table(ctx.catalog)
        text = visible_text(page, fold)
        asks = form_asks(ctx)
        groups = kind_groups(ctx.catalog)
        requests_data = any(ask.kinds & groups.personal for ask in asks)
        matcher = PhraseMatcher([item for topic in topics for item in topic.phrase], negations(ctx.catalog))
        hits: dict[str, list[Hit]] = {}
        for hit in matcher.find(text):
            if hit.phrase.needs_request and not requests_data:
                continue
            hits.setdefault(hit.phrase.family, []).append(hit)
        countdown, images = _markers(page, [marker for topic in topics for marker in topic.marker])
        headline: dict[str, list[Hit]] = {}
        for hit in matcher.find(prominent_text(page, fold)):
            headline.setdefault(hit.phrase.family, []).append(hit)
        facts = _Facts(hits, asks, countdown, headline, matcher, fold, groups)
        yield from self._fortune(facts, ctx)
        yield from self._prize(facts, ctx)
        yield from self._qr(facts, images.get("qr-image", []), matcher, fold, ctx)
        yield from self._pressure(facts, ctx)
        yield from self._pretext(facts, ctx)
        yield from official_costume(
            facts.asks[:_MAX_FORMS],
            named=facts.headline.get("authority-words", []),
            claimed=facts.family("authority-words", min_weight=2),
            emblems=images.get("emblem", []),
            ctx=ctx,
        )
        yield from overreach_findings(facts.asks[:_MAX_FORMS], facts.about, [f for t in topics for f in t.frame], ctx)

    # -- fortune telling, name tests, quizzes ----------------------------------------------------
    def _fortune(self, facts: _Facts, ctx: AnalysisContext) -> Iterator[Finding]:
        words = facts.family("fortune-words") + facts.family("quiz-words")
        fortune_forms = [
            ask
            for ask in facts.asks[:_MAX_FORMS]
            # the form analysis' purpose is not used: it calls any name + birth-date form "fortune
            # telling" (a clinic's booking form too); the page's own words must frame the form
            if ask.collects and facts.about(ask, _FORTUNE_FAMILIES)
        ]
        if words:
            yield ctx.finding("PH-CONTENT-010", _text_evidence(words))
        if not words and not fortune_forms:
            return
        unlock = facts.family("unlock-words")
        if unlock:
            yield ctx.finding("PH-CONTENT-040", _text_evidence(unlock))
        secret_form = False
        for ask in fortune_forms:
            kinds = {"birth_date" if k == "date" else "birth_time" if k == "time" else k for k in ask.kinds}
            if "security_answer" in kinds:
                secret_form = True
                yield ctx.finding("PH-CONTENT-030", _form_evidence(ask, frozenset({"security_answer"})))
            name, birth, contact = kinds & _NAME, kinds & _BIRTH, kinds & _CONTACT
            if not ((name and birth) or (birth and contact)):
                continue
            points = 2 + (1 if "birth_time" in kinds else 0) + (3 if contact else 0)
            evidence = _form_evidence(ask, _NAME | _BIRTH | _CONTACT | _CARD)
            if contact or kinds & facts.groups.money_or_identity:
                yield ctx.finding(
                    "PH-CONTENT-020",
                    evidence,
                    severity=Severity.HIGH,
                    title=both("scam.fortune_form_contact"),
                    scam_points=points,
                )
            else:
                yield ctx.finding("PH-CONTENT-020", evidence, scam_points=points)
        secrets = facts.family("secret-words")
        if secrets and not secret_form:
            yield ctx.finding(
                "PH-CONTENT-030",
                _text_evidence(secrets),
                severity=Severity.LOW,
                title=both("scam.secret_words_only"),
                scam_points=1,
            )

    # -- prizes, gifts, reward surveys -------------------------------------------------------------
    def _prize(self, facts: _Facts, ctx: AnalysisContext) -> Iterator[Finding]:
        words = facts.family("prize-words")
        strong = facts.family("prize-words", min_weight=2)
        bait_forms = [
            ask for ask in facts.asks[:_MAX_FORMS] if ask.collects and facts.about(ask, ("prize-words",), min_weight=2)
        ]
        # "free VIP: log in with your QQ / Apple ID": a gift off the brand's own domain whose sign-in
        # wants an existing account's password is collecting the account itself (a real draw signs in
        # on its own site; a shop's sign-up with a new-user coupon creates an account, not takes one)
        # (a phone + SMS code box is left alone: a shop's or café's own coupon sign-in is just that)
        logins = {form.index for form in ctx.forms if form.purpose == "login"}
        takes_account = [
            ask
            for ask in facts.asks[:_MAX_FORMS]
            if ask.index in logins
            and "password" in ask.kinds
            and ask.signs_in
            and facts.about(ask, ("prize-words",), min_weight=2)
        ]
        if takes_account and not (institution_site(ctx) or own_named_site(ctx)):
            yield ctx.finding(
                "PH-CONTENT-120",
                _form_evidence(takes_account[0], facts.groups.secret),
                severity=Severity.HIGH,
                title=both("scam.prize_form_password"),
                scam_points=4,
            )
        if words:
            severity = Severity.LOW if strong else Severity.INFO
            yield ctx.finding(
                "PH-CONTENT-110", _text_evidence(words), severity=severity, scam_points=2 if strong else 1
            )
        if not strong and not bait_forms:
            return
        fees = facts.family("fee-words")
        for ask in bait_forms:
            kinds = ask.kinds
            personal = kinds & (facts.groups.personal | facts.groups.money_or_identity)
            if not personal:
                continue
            evidence = _form_evidence(ask, facts.groups.personal | facts.groups.money_or_identity)
            # an SMS code alone is how registration works in China; ID and card data are not
            if kinds & (facts.groups.money_or_identity - {"sms_code"}):
                yield ctx.finding(
                    "PH-CONTENT-120",
                    evidence,
                    severity=Severity.HIGH,
                    title=both("scam.prize_form_sensitive"),
                    scam_points=4,
                )
            elif personal <= {"email"}:
                yield ctx.finding(
                    "PH-CONTENT-120",
                    evidence,
                    severity=Severity.LOW,
                    title=both("scam.prize_form_email"),
                    scam_points=1,
                )
            else:
                yield ctx.finding("PH-CONTENT-120", evidence)
        if fees:
            card = any(ask.kinds & _CARD for ask in bait_forms)
            evidence = _text_evidence(fees)
            if card:
                yield ctx.finding("PH-CONTENT-130", evidence, severity=Severity.HIGH, title=both("scam.fee_form"))
            elif any(ask.kinds & facts.groups.personal for ask in bait_forms):
                yield ctx.finding("PH-CONTENT-130", evidence, severity=Severity.MEDIUM, title=both("scam.fee_form"))
            else:
                # words only: a hint in the capped keyword family, so it joins no money combination
                yield replace(ctx.finding("PH-CONTENT-130", evidence, scam_points=2), scam_family="fee-words")

    def _qr(
        self,
        facts: _Facts,
        qr_images: list[Tag],
        matcher: PhraseMatcher,
        fold: dict[int, str],
        ctx: AnalysisContext,
    ) -> Iterator[Finding]:
        for img in qr_images[:10]:
            container: Tag | None = img
            for _ in range(3):
                top = container
                container = container.parent if container is not None else None
                if container is None or container.name in ("body", "html", "[document]"):
                    # a top-level block holding only the code: the blocks above it say what it is for
                    container = None
                    texts = [element_text(block, fold) for block in framing_blocks(top)] if top is not None else []
                else:
                    texts = [element_text(container, fold)]
                nearby = [
                    hit
                    for text in texts
                    for hit in matcher.find(text)
                    if hit.phrase.family in ("prize-words", "gift-words")
                ]
                if nearby:
                    source = str(img.get("src") or img.get("alt") or "img")[:80]
                    yield ctx.finding("PH-CONTENT-140", [Evidence("image", source), *_text_evidence(nearby, 2)])
                    return
                if container is None:
                    break

    def _pressure(self, facts: _Facts, ctx: AnalysisContext) -> Iterator[Finding]:
        words = facts.family("urgency-words")
        if not words and not facts.countdown:
            return
        evidence = _text_evidence(words)
        if facts.countdown:
            evidence.append(Evidence("script", "countdown"))
        yield ctx.finding("PH-CONTENT-210", evidence, scam_points=2 if facts.countdown else 1)

    # -- "your account has a problem" stories: bank, payment, courier and government phishing -------
    def _pretext(self, facts: _Facts, ctx: AnalysisContext) -> Iterator[Finding]:
        words = [hit for family in _PRETEXT_FAMILIES for hit in facts.family(family)]
        if not words:
            return
        yield ctx.finding("PH-CONTENT-310", _text_evidence(words))
        if institution_site(ctx) or own_named_site(ctx):
            # on a protected brand's own domain or a government/education suffix the story is the
            # institution's own notice (a bank's "locked out?" help page, an insurer's claim form);
            # so it is on a site that calls itself by its own domain's name (Marriott on marriott.com)
            return
        for ask in facts.asks[:_MAX_FORMS]:
            secrets = ask.kinds & facts.groups.secret
            if not secrets or not facts.about(ask, _PRETEXT_FAMILIES, min_weight=2):
                continue
            if not facts.about(ask, ("pretext-words",), min_weight=2):
                # an overdue bill is paid with a card (and a utility's account number reads as one):
                # the sign is what a payment never needs — an ID, a PIN, a code, a password
                secrets -= _CHECKOUT
                if not secrets:
                    continue
            evidence = _form_evidence(ask, facts.groups.secret | facts.groups.personal)
            if secrets & _CARD:
                # card data for an "account check": money can leave at once
                yield ctx.finding(
                    "PH-CONTENT-320",
                    evidence,
                    severity=Severity.HIGH,
                    title=both("scam.pretext_form_card"),
                    scam_points=6,
                )
            else:
                yield ctx.finding("PH-CONTENT-320", evidence)
            return
