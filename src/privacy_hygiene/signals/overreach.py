"""PH-CONTENT-410 for the content analyzer: a form asks what the page's offer never needs.

The offer (a prize, a reading, an "account problem" story, a free download) is a *frame* of
``heuristics/content/*.toml``; each lists the field kinds it never needs. Unlike the form analysis,
which judges required fields by the form's own purpose, a bait page is judged by what it offers:
its forms look like a checkout ("just pay the shipping") and rarely mark anything required.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from privacy_hygiene.domains import host_of
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Evidence, Finding, FormInfo, Severity

if TYPE_CHECKING:
    from privacy_hygiene.analyzers.base import AnalysisContext
    from privacy_hygiene.catalog.schemas.content import Frame
    from privacy_hygiene.forms.lexicon import FieldLexicon
    from privacy_hygiene.signals.fields import FormAsk

#: does the page's headline, or the text around a form, speak of these families (at this weight)?
Framing = Callable[..., bool]


def institution_site(ctx: AnalysisContext) -> bool:
    """True when the page is served from a protected brand's official domain or a trusted suffix."""
    url = ctx.page.effective_url
    if not url:
        return False
    return ctx.detector.check(url).note in ("official", "trusted-suffix")


def own_named_site(ctx: AnalysisContext) -> bool:
    """True when the page names itself by its own domain's name and the host imitates no brand:
    an organisation's own notice (a hotel chain's "points expire" page), not a costume."""
    url = ctx.page.effective_url
    if not url or not ctx.page.is_html:
        return False
    from privacy_hygiene.lookalike.mentions import names_itself

    verdict = ctx.detector.check(url)
    if verdict.technique is not None or not verdict.registrable:
        return False
    return names_itself(ctx.page.soup, verdict.registrable, ctx.catalog)


def _field_facts(ask: FormAsk, forms: dict[int, FormInfo]) -> list[tuple[bool, bool]]:
    """Per field of ``ask``: (required, already reported unneeded by the form analysis)."""
    info = forms.get(ask.index)
    if info is None or len(info.fields) != len(ask.fields):
        return [(False, False)] * len(ask.fields)
    return [(field.required, field.unneeded) for field in info.fields]


def overreach_findings(
    asks: Sequence[FormAsk], about: Framing, frames: list[Frame], ctx: AnalysisContext
) -> Iterator[Finding]:
    """One finding per form that asks what the offer framing it never needs."""
    if not frames or not asks or institution_site(ctx):
        return
    forms = {info.index: info for info in ctx.forms}
    from privacy_hygiene.forms.analyze import lexicons

    lexicon = lexicons(ctx.catalog)[0]
    from privacy_hygiene.signals.text import content_files

    own_site = any(frame.always for frame in frames) and own_named_site(ctx)
    labels = {hint.kind: hint.label for topic in content_files(ctx.catalog) for hint in topic.field_hint if hint.label}
    for ask in asks:
        if not ask.collects:
            continue
        facts = _field_facts(ask, forms)
        # every frame around the form adds what it never needs (a refund story is also an account
        # story); the first frame that finds something names the offer
        label: LocalText | None = None
        found: dict[str, tuple[Severity, str]] = {}
        for frame in frames:
            if frame.always:
                # a card issuer that calls itself by its own domain's name may set a card's PIN
                # (a credit union's "activate your card" page); a costume may not
                if (frame.needs_any and not ask.kinds & set(frame.needs_any)) or own_site:
                    continue
            elif not about(ask, tuple(frame.families), min_weight=frame.min_weight):
                continue
            before = len(found)
            for item, (required, reported) in zip(ask.fields, facts, strict=True):
                level = frame.unneeded.get(item.kind)
                # a field the form analysis already called unneeded is its finding, not a second one
                if level is None or reported or (frame.only_required and not required):
                    continue
                previous = found.get(item.kind)
                if previous is None or Severity.parse(level) > previous[0]:
                    found[item.kind] = (Severity.parse(level), item.locator)
            if label is None and len(found) > before:
                label = frame.label
        if label is not None:
            yield _finding(ask, label, found, lexicon, labels, ctx)


def _finding(
    ask: FormAsk,
    label: LocalText,
    found: dict[str, tuple[Severity, str]],
    lexicon: FieldLexicon,
    labels: dict[str, LocalText],
    ctx: AnalysisContext,
) -> Finding:
    severity = max(level for level, _ in found.values())
    names = [labels.get(kind) or lexicon.kind_name(kind) for kind in found]
    asked_zh, asked_en = "、".join(name.zh for name in names), ", ".join(name.en for name in names)
    title = LocalText(
        zh=f"{label.zh}页面要你填写{asked_zh}，这些它用不着",
        en=f"This {label.en} page asks for your {asked_en}, which it never needs",
    )
    target = host_of(ask.action) if ask.action else ""
    evidence = [Evidence("form", ask.locator, f"→ {target}" if target else "")]
    evidence += [Evidence("field", locator, kind) for kind, (_, locator) in found.items()]
    points = None if severity >= Severity.HIGH else 0
    return ctx.finding("PH-CONTENT-410", evidence[:9], severity=severity, title=title, scam_points=points)
