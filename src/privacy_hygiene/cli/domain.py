"""``privacy-hygiene domain``: lookalike verdicts for hosts or URLs, one per input, in order.

Imports only click, the catalog and the lookalike package (no Textual, httpx or bs4): it must
start in a fraction of a second and stream thousands of hosts from standard input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from privacy_hygiene.cli.common import EXIT_USAGE, fail, lang_option, resolve_lang

if TYPE_CHECKING:
    from privacy_hygiene.i18n import Lang
    from privacy_hygiene.lookalike.verdict import Verdict


def read_brands_file(path: str, lang: str) -> list[str]:
    """Registrable domains from a ``--brands`` file (one a line, ``#`` comments; a URL counts as its domain)."""
    from privacy_hygiene.i18n import t
    from privacy_hygiene.lookalike.normalise import normalise

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        fail(t("domain.error_brands_file", lang, path=path, reason=reason))  # type: ignore[arg-type]
    domains = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        host = normalise(entry)
        if host is None or host.is_ip or not host.registrable:
            fail(t("domain.error_brands_line", lang, path=path, line=number, text=entry[:80]))  # type: ignore[arg-type]
            continue
        domains.append(host.registrable)
    return domains


def stored_brands(lang: Lang) -> list[str]:
    """The registrable domains the person protected with ``--add-brand`` (none if there is no state yet)."""
    from privacy_hygiene.store import default_path

    if not default_path().exists():
        return []  # reading must not create the state file
    from privacy_hygiene.errors import StateError
    from privacy_hygiene.i18n import t
    from privacy_hygiene.lookalike.normalise import normalise
    from privacy_hygiene.store import open_store

    try:
        with open_store() as store:
            stored = store.brands()
    except StateError as exc:
        click.echo(f"privacy-hygiene: {t('domain.warning_store', lang, reason=exc)}", err=True)
        return []
    found = []
    for domain in stored:
        host = normalise(domain)
        if host is not None and host.registrable:
            found.append(host.registrable)
    return found


def _manage_brands(add: tuple[str, ...], remove: tuple[str, ...], show: bool, lang: Lang) -> None:
    from privacy_hygiene.i18n import t
    from privacy_hygiene.lookalike.normalise import normalise
    from privacy_hygiene.store import default_path, open_store

    if not add and not remove and not default_path().exists():
        click.echo(t("domain.no_brands", lang))  # listing must not create the state file
        return
    with open_store() as store:
        for domain in add:
            host = normalise(domain)
            if host is None or host.is_ip or not host.registrable:
                fail(t("domain.error_brand_arg", lang, text=domain[:80]))
                return
            store.add_brand(host.registrable)
            click.echo(t("domain.brand_added", lang, domain=host.registrable))
        for domain in remove:
            host = normalise(domain)
            registrable = host.registrable if host is not None and host.registrable else domain
            removed = store.remove_brand(registrable)
            click.echo(t("domain.brand_removed" if removed else "domain.brand_unknown", lang, domain=registrable))
        if show:
            brands = store.brands()
            click.echo("\n".join(brands) if brands else t("domain.no_brands", lang))


def _inputs(domains: tuple[str, ...]) -> list[str]:
    if domains == ("-",) or "-" in domains:
        # undecodable bytes become U+FFFD and that line is "not a host", never a crash
        stdin = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace").splitlines()
        items: list[str] = []
        for domain in domains:
            if domain == "-":
                items.extend(line.strip() for line in stdin if line.strip())
            else:
                items.append(domain)
        return items
    return list(domains)


@click.command(name="domain")
@click.argument("domains", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="JSON list of {domain, lookalike_of, technique, score}.")
@click.option(
    "--brands",
    "brands_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Extra protected brands: one registrable domain per line, '#' comments. 额外保护的品牌域名文件。",
)
@click.option(
    "--add-brand",
    "add",
    multiple=True,
    metavar="DOMAIN",
    help="Protect DOMAIN from now on (kept in the local state). 保护该域名。",
)
@click.option("--remove-brand", "remove", multiple=True, metavar="DOMAIN", help="Stop protecting DOMAIN. 取消保护。")
@click.option("--list-brands", "show", is_flag=True, help="List the domains you protect. 列出自己保护的域名。")
@lang_option
def domain(
    domains: tuple[str, ...],
    as_json: bool,
    brands_file: str | None,
    add: tuple[str, ...],
    remove: tuple[str, ...],
    show: bool,
    lang: str | None,
) -> None:
    """Lookalike verdicts for hosts or URLs ('-' reads one per line from stdin).

    仿冒域名判断：每个输入给出一个结论（按输入顺序）。
    """
    language = resolve_lang(lang)
    if add or remove or show:
        _manage_brands(add, remove, show, language)
        if not domains:
            return
    if not domains:
        from privacy_hygiene.i18n import t

        fail(t("domain.error_no_input", language))
    extra = read_brands_file(brands_file, language) if brands_file else []
    extra += stored_brands(language)
    from privacy_hygiene.lookalike import Detector

    detector = Detector(extra=extra)
    verdicts = [detector.check(item) for item in _inputs(domains)]
    if as_json:
        import msgspec

        from privacy_hygiene.sanitize import one_line

        payload = []
        for verdict in verdicts:
            entry = verdict.to_json()
            entry["domain"] = one_line(entry["domain"], limit=2000)
            payload.append(entry)
        sys.stdout.flush()
        sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(payload), indent=1) + b"\n")
        sys.stdout.buffer.flush()
        return
    sys.stdout.write("".join(_text(verdict, language) for verdict in verdicts))
    sys.stdout.flush()
    if any(verdict.note == "no-host" for verdict in verdicts) and len(verdicts) == 1:
        sys.exit(EXIT_USAGE)


def _text(verdict: Verdict, lang: Lang) -> str:
    from privacy_hygiene.i18n import t
    from privacy_hygiene.lookalike.explain import explain
    from privacy_hygiene.sanitize import one_line

    shown = one_line(verdict.domain, limit=200)
    if verdict.host and verdict.host != verdict.domain.strip().lower() and not verdict.host.isascii():
        shown += f" ({one_line(verdict.host, limit=100)})"
    reason = explain(verdict, lang, verdict.registrable)
    if verdict.flagged:
        brand = verdict.brand_zh if lang == "zh" else verdict.brand_en
        head = t(
            "domain.verdict_lookalike",
            lang,
            target=verdict.lookalike_of,
            brand=brand,
            technique=verdict.technique,
            score=f"{verdict.score:.2f}",
        )
        return f"{shown}  ⚠ {head}\n    {reason}\n"
    if verdict.technique == "mixed-script":
        return f"{shown}  ? {t('domain.verdict_mixed', lang, reason=reason)}\n"
    mark = "·" if verdict.note in ("no-host", "ip") else "✓"
    return f"{shown}  {mark} {reason}\n"
