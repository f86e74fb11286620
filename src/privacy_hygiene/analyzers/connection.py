"""Connection: what fetching the page revealed — certificate, redirect chain, download, status.

Principles 6 (encrypted networks, unknown apps) and 1 (unreliable sites). The fetcher records facts
on the :class:`Page` (``tls``, ``redirects``, ``content_type``, ``download_filename``, ``status``);
this analyzer turns them into findings. Rules: PH-CONNECTION-010..050 certificate failures (expired,
self-signed, wrong host, unknown authority, other; critical when the page asks for passwords, IDs or
card numbers) · PH-CONNECTION-060 https→http downgrade in the redirect chain · PH-CONNECTION-070 an
Android package offered as a download · PH-CONNECTION-080 HTTP error status · PH-CONNECTION-090 the
site refused the automated check.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.catalog.schemas.connection import ConnectionFile
from privacy_hygiene.models import Evidence, Finding, Page, Severity


def _scheme(url: str) -> str:
    return url.split(":", 1)[0].lower() if ":" in url else ""


def _path_name(url: str | None) -> str:
    if not url:
        return ""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    return unquote(path).rsplit("/", 1)[-1].lower()


class ConnectionAnalyzer:
    """Certificate failures, downgrades, APK downloads and error statuses from the fetch."""

    id: ClassVar[str] = "connection"
    rules: ClassVar[tuple[str, ...]] = tuple(f"PH-CONNECTION-0{n}0" for n in range(1, 10))

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        if page.source != "http":
            return
        data = ctx.catalog.file("connection.toml", ConnectionFile)
        yield from self._tls(page, ctx, data)
        yield from self._downgrade(page, ctx)
        yield from self._apk(page, ctx, data)
        if page.status is not None and page.status >= 400:
            rule = "PH-CONNECTION-090" if page.status in data.refused_statuses else "PH-CONNECTION-080"
            yield ctx.finding(rule, [Evidence("status", str(page.status), page.effective_url or "")])

    def _tls(self, page: Page, ctx: AnalysisContext, data: ConnectionFile) -> Iterator[Finding]:
        if page.tls is None or page.tls.verified:
            return
        rule = data.tls_rules.get(page.tls.error, data.tls_fallback_rule)
        evidence = [Evidence("certificate", page.tls.error or "untrusted", page.tls.detail)]
        severity = None
        if page.is_html and page.html:
            asked = sorted(
                {field.kind for form in ctx.forms for field in form.fields} & set(data.tls_critical_field_kinds)
            )
            if asked:
                severity = Severity.CRITICAL
                evidence.append(Evidence("field", ", ".join(asked)))
        yield ctx.finding(rule, evidence, severity=severity)

    def _downgrade(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        chain = [hop.url for hop in page.redirects]
        if page.final_url:
            chain.append(page.final_url)
        evidence = [
            Evidence("url", later, f"{earlier} → {later}")
            for earlier, later in itertools.pairwise(chain)
            if _scheme(earlier) == "https" and _scheme(later) == "http"
        ]
        if evidence:
            yield ctx.finding("PH-CONNECTION-060", evidence)

    def _apk(self, page: Page, ctx: AnalysisContext, data: ConnectionFile) -> Iterator[Finding]:
        extensions = tuple(data.apk_extensions)
        name = page.download_filename.lower()
        path_name = _path_name(page.effective_url)
        if page.content_type in data.apk_content_types:
            evidence = Evidence("download", name or path_name or page.effective_url or "", page.content_type)
        elif name.endswith(extensions):
            evidence = Evidence("download", page.download_filename, page.content_type)
        elif not page.is_html and path_name.endswith(extensions):
            evidence = Evidence("download", path_name, page.content_type)
        else:
            return
        yield ctx.finding("PH-CONNECTION-070", [evidence])
