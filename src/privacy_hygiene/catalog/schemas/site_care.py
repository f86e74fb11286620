"""Schema of `heuristics/site_care.toml`: security headers, cookie flags, mixed content."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, RuleDef


class ResourceRef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An element that loads something: ``tag``, the URL ``attr``, and a required ``rel`` word."""

    tag: str
    attr: str
    rel: str = ""


class SiteCareFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Thresholds and lists of the site-care analyzer, and its rules."""

    schema: Literal[1]
    meta: Meta
    #: HSTS shorter than this (seconds) protects too briefly to count
    hsts_min_max_age: Annotated[int, msgspec.Meta(ge=0)]
    #: Referrer-Policy values that hand the full address to other sites
    referrer_unsafe: list[str]
    #: substrings of cookie names that mark a login/session cookie (case-insensitive)
    session_cookie_words: list[str]
    #: loads that can change the page (scripts, frames, styles): high when over http
    active_resources: list[ResourceRef]
    #: loads that can only be seen (images, media): low when over http
    passive_resources: list[ResourceRef]
    rule: list[RuleDef] = []
