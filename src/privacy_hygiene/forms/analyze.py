"""Extract the page's forms and classify their fields (first version: by input type only).

Field kinds, labels, required markers, purposes and necessity are refined by the form-intelligence
work (heuristics/forms.toml, heuristics/purposes.toml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from privacy_hygiene.models import FormField, FormInfo, Page

if TYPE_CHECKING:
    from bs4 import Tag

_SKIPPED_TYPES = frozenset({"hidden", "submit", "button", "image", "reset"})
_TYPE_KINDS = {"password": "password", "email": "email", "tel": "phone", "search": "search_query"}
SENSITIVE_KINDS = frozenset(
    {
        "password",
        "national_id",
        "passport",
        "bank_card",
        "card_cvc",
        "card_expiry",
        "payment_pin",
        "security_answer",
        "sms_code",
    }
)


def base_url(page: Page) -> str | None:
    """The URL relative links resolve against: ``<base href>``, else the page's effective URL."""
    url = page.effective_url
    base = page.soup.find("base", href=True)
    href = base.get("href") if base is not None else None
    if isinstance(href, str) and href.strip():
        return urljoin(url or "", href.strip()) if url else href.strip()
    return url


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def analyze_forms(page: Page, catalog: object) -> tuple[FormInfo, ...]:
    """The page's ``<form>`` elements in document order, with their fields."""
    if not page.is_html:
        return ()
    base = base_url(page)
    forms = []
    for index, form in enumerate(page.soup.find_all("form")):
        action_attr = _attr(form, "action").strip()
        action = (urljoin(base, action_attr) if action_attr else base) if base else action_attr
        method = _attr(form, "method").strip().lower() or "get"
        method = method if method in ("get", "post", "dialog") else "get"
        fields = []
        for element in form.find_all(("input", "select", "textarea")):
            input_type = _attr(element, "type").strip().lower() if element.name == "input" else element.name
            if input_type in _SKIPPED_TYPES:
                continue
            kind = _TYPE_KINDS.get(input_type or "text", "other")
            fields.append(
                FormField(
                    name=_attr(element, "name"),
                    id=_attr(element, "id"),
                    kind=kind,
                    required=element.has_attr("required"),
                    sensitive=kind in SENSITIVE_KINDS,
                    input_type=input_type or "text",
                )
            )
        forms.append(FormInfo(index=index, action=action, method=method, fields=tuple(fields)))
    return tuple(forms)
