"""The form analysis: every ``<form>`` of a page with its purpose and its fields' kinds,
required flags and necessity (the entry point :func:`analyze_forms`).

Pipeline per form: describe each field (:mod:`.describe`), score its kind (:mod:`.kinds`), apply
the neighbour rules, decide required (:mod:`.required`), the purpose (:mod:`.purpose`) and what is
sensitive and unneeded (:mod:`.necessity`). Pure: the page and the catalog in, frozen data out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.brands import BrandsFile
from privacy_hygiene.catalog.schemas.forms import FormsFile
from privacy_hygiene.catalog.schemas.purposes import PurposesFile
from privacy_hygiene.domains import host_of, registrable_domain
from privacy_hygiene.forms import dom
from privacy_hygiene.forms.context import apply_context
from privacy_hygiene.forms.describe import FormReader
from privacy_hygiene.forms.kinds import score_kind
from privacy_hygiene.forms.lexicon import FieldLexicon, PurposeTable, brand_sectors, field_lexicon, purpose_table
from privacy_hygiene.forms.necessity import is_mainland_site, is_real_name_service, judge, service_needs
from privacy_hygiene.forms.purpose import classify, form_text
from privacy_hygiene.forms.required import is_required, spread_over_date_groups
from privacy_hygiene.models import FormField, FormInfo, Page

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
#: at most this many forms and fields per form are analysed (a hostile page can hold millions)
MAX_FORMS = 200
MAX_FIELDS = 400
#: fields analysed over the whole page; later forms are listed with no fields
MAX_PAGE_FIELDS = 3000


_SPA_ROOT = re.compile(
    r"""<div[^>]+id=["']?(app|root|__next|__nuxt)["'\s>]|data-reactroot|ng-app|<noscript[^>]*>[^<]*(enable|启用|開啟|开启)\s*javascript""",
    re.IGNORECASE,
)


def looks_script_rendered(html: str) -> bool:
    """True for an application shell whose forms are built by script (a static read sees none)."""
    head = html[:200_000]
    lowered = head.lower()
    if "<form" in lowered or "<input" in lowered or "<script" not in lowered:
        return False
    return _SPA_ROOT.search(head) is not None


def lexicons(catalog: Catalog) -> tuple[FieldLexicon, PurposeTable]:
    """The compiled field and purpose lexicons of ``catalog``."""
    return (
        field_lexicon(catalog.file("forms.toml", FormsFile)),
        purpose_table(catalog.file("purposes.toml", PurposesFile)),
    )


def base_url(root: dom.Element, url: str | None) -> str | None:
    """The URL relative links resolve against: ``<base href>``, else the page's effective URL."""
    base = root.find(".//base[@href]")
    href = dom.attr(base, "href").strip() if base is not None else ""
    if href:
        try:
            return urljoin(url or "", href) if url else href
        except ValueError:
            return url
    return url


def _page_text(root: dom.Element) -> str:
    title = root.find(".//title")
    heading = root.find(".//h1")
    parts = [dom.own_text(node, 120) for node in (title, heading) if node is not None]
    return dom.norm(" | ".join(parts))


def _description(root: dom.Element) -> str:
    """The page's own one-line description (``<meta name="description">``), for what service it is."""
    for meta in root.iter("meta"):
        if dom.attr(meta, "name").strip().lower() == "description":
            return dom.norm(dom.attr(meta, "content")[:300])
    return ""


def _han_ratio(text: str) -> float:
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    return han / (han + latin / 4) if han or latin else 0.0


def _says_search(purposes: PurposeTable, text: str) -> bool:
    return _says(purposes.purposes["search"].terms, text)


def _says(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


@dataclass
class _PageFacts:
    """What every form of one page shares."""

    page: Page
    root: dom.Element
    fields_lexicon: FieldLexicon
    purposes: PurposeTable
    base: str | None
    labels: dict[str, dom.Element]
    page_text: str
    #: the page's meta description: what service it is (a railway's, a clinic's)
    description: str = ""
    #: the page is on the official domain of a bank, payment firm, telecom... (brands.toml)
    regulated: bool = False
    #: decided on the first form that asks something sensitive (None until then)
    mainland: bool | None = None

    def is_mainland(self, form_words: str) -> bool:
        if self.mainland is None:
            ratio = _han_ratio(f"{self.page_text} {form_words[:2000]}")
            self.mainland = is_mainland_site(self.root, self.page.effective_url, ratio)
        return self.mainland


def _regulated_official_site(url: str | None, catalog: Catalog, purposes: PurposeTable) -> bool:
    """True on the official domain of a protected brand of a regulated sector (a bank's own site)."""
    site = registrable_domain(host_of(url)) if url else ""
    if not site:
        return False
    sector = brand_sectors(catalog.file("brands.toml", BrandsFile)).get(site)
    return sector in purposes.official_categories


def analyze_forms(page: Page, catalog: Catalog) -> tuple[FormInfo, ...]:
    """The page's ``<form>`` elements in document order, classified."""
    if not page.is_html:
        return ()
    root = dom.parse(page.html)
    if root is None:
        return ()
    forms = root.findall(".//form")
    if not forms:
        return ()
    fields_lexicon, purposes = lexicons(catalog)
    labels: dict[str, dom.Element] = {}
    for label in root.iter("label"):
        target = dom.attr(label, "for")
        if target and target not in labels:
            labels[target] = label
    facts = _PageFacts(
        page=page,
        root=root,
        fields_lexicon=fields_lexicon,
        purposes=purposes,
        base=base_url(root, page.effective_url),
        labels=labels,
        page_text=_page_text(root),
        description=_description(root),
        regulated=_regulated_official_site(page.effective_url, catalog, purposes),
    )
    results = []
    budget = MAX_PAGE_FIELDS
    for index, form in enumerate(forms[:MAX_FORMS]):
        info = _analyze_form(form, index, facts, limit=min(MAX_FIELDS, budget))
        budget -= len(info.fields)
        results.append(info)
    return tuple(results)


def _analyze_form(form: dom.Element, index: int, facts: _PageFacts, *, limit: int) -> FormInfo:
    fields_lexicon, purposes = facts.fields_lexicon, facts.purposes
    reader = FormReader(form, facts.labels, facts.root, limit=limit, badge=fields_lexicon.badge)
    descriptions = reader.fields()
    action_attr = dom.attr(form, "action").strip()
    base = facts.base
    try:
        action = (urljoin(base, action_attr) if action_attr else base) if base else action_attr
    except ValueError:
        action = action_attr
    method = dom.attr(form, "method").strip().lower() or "get"
    method = method if method in ("get", "post", "dialog") else "get"
    # a form with no action posts back to its own page: the page's URL says what the page is (a
    # "/login" page also holds its "forgot password" form), not what this form does
    texts = form_text(form, reader.stream, action if action_attr else "", facts.page_text)
    all_text = " ".join(token.text for token in reader.stream if token.text)
    kinds = [score_kind(item, fields_lexicon)[0] for item in descriptions]
    apply_context(
        descriptions,
        kinds,
        fields_lexicon,
        form_text=f"{texts.heading} {texts.page}",
        method=method,
        role_search=dom.attr(form, "role").lower() == "search",
        search_words=_says_search(purposes, f"{texts.button} {texts.form} {texts.action}"),
        buttons=texts.button,
        locator_words=_says(fields_lexicon.locator, f"{texts.button} {texts.form} {texts.action} {texts.heading}"),
    )
    everything_required = bool(fields_lexicon.all_required.search(dom.norm(all_text[:4000])))
    purpose = classify(kinds, descriptions, texts, purposes, method=method)
    sensitive = any(kind in purposes.sensitive for kind in kinds)
    mainland = sensitive and facts.is_mainland(all_text)
    service_text = f"{texts.page} {texts.heading} {facts.description}"
    real_name = facts.regulated or (
        any(kind in purposes.real_name_kinds for kind in kinds)
        and is_real_name_service(service_text, facts.page.effective_url, purposes)
    )
    also_needed = service_needs(service_text, purposes, mainland=mainland) if sensitive else frozenset()
    required_flags = spread_over_date_groups(
        descriptions,
        kinds,
        [is_required(item, fields_lexicon, all_required=everything_required) for item in descriptions],
    )
    # HTML: ``required`` on any radio of a group makes the whole group required
    required_groups = {
        item.group
        for item, flag in zip(descriptions, required_flags, strict=True)
        if flag and item.input_type == "radio"
    }
    fields = []
    for description, kind, flag in zip(descriptions, kinds, required_flags, strict=True):
        required = flag or (description.input_type == "radio" and description.group in required_groups)
        verdict = judge(
            kind,
            required,
            purpose,
            purposes,
            mainland=mainland,
            real_name=real_name,
            official=facts.regulated,
            also_needed=also_needed,
        )
        fields.append(
            FormField(
                name=description.name,
                id=description.id,
                kind=kind,
                required=required,
                sensitive=verdict.sensitive,
                unneeded=verdict.unneeded,
                label=description.display,
                input_type=description.input_type,
                tokens=description.tokens,
                reason=verdict.reason,
            )
        )
    return FormInfo(index=index, action=action or "", method=method, purpose=purpose, fields=tuple(fields))
