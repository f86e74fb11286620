"""The plan as one printable, self-contained HTML file.

Inline CSS with print styles (a page break per section), score bars as inline SVG, no JavaScript
and no remote assets; a CSP meta forbids loading anything, so a privacy report cannot phone home.
Jinja2 runs with ``autoescape=True`` (not ``select_autoescape``, which leaves templates not named
``.html`` unescaped) and only ``http``/``https`` addresses ever become links, because autoescaping
does not stop ``href="javascript:..."``.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import jinja2

from privacy_hygiene.i18n import t
from privacy_hygiene.plan.model import AuditedSite, Plan, PlanItem
from privacy_hygiene.plan.wording import (
    band_label,
    empty_section_text,
    if_entered_lead,
    item_meta,
    item_sections,
    section_title,
    severity_label,
    site_summary,
    when,
)
from privacy_hygiene.sanitize import clean

TEMPLATE = "plan.html.j2"


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment (autoescape on for every template, whatever its name)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("privacy_hygiene.plan", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["http_href"] = http_href
    return env


def http_href(url: str) -> str | None:
    """``url`` when it is an http(s) address with a host, else ``None`` (then no link is made)."""
    url = clean(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def to_html(plan: Plan) -> str:
    """The plan as an HTML document."""
    lang = plan.lang

    def text(key: str) -> str:
        return t(f"plan.{key}", lang)

    def meta(item: PlanItem) -> str:
        return item_meta(item, lang)

    def audited(site: AuditedSite) -> str:
        return t("plan.site_audited_at", lang, when=when(site.audited_at))

    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            plan=plan,
            html_lang="zh-CN" if lang == "zh" else "en",
            generated=t("plan.generated", lang, when=when(plan.generated_at)),
            band=band_label(plan),
            coverage=t("plan.coverage", lang, percent=plan.coverage),
            sections=item_sections(plan),
            t=text,
            section_title=lambda name: section_title(name, lang),
            meta=meta,
            summary=lambda site: site_summary(site, lang),
            audited=audited,
            severity=lambda name: severity_label(name, lang),
            entered_lead=lambda text: if_entered_lead(text, lang),
            empty=lambda name: empty_section_text(name, plan),
        )
    )
