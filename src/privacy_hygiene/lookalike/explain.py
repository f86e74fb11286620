"""Human explanations of verdicts, in Chinese and English ("uses Cyrillic 'а' in place of Latin 'a'
to imitate alipay.com")."""

from __future__ import annotations

from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.lookalike.skeleton import script_of
from privacy_hygiene.lookalike.verdict import Verdict
from privacy_hygiene.sanitize import one_line

_SCRIPTS = frozenset({"latin", "cyrillic", "greek", "armenian"})
_EDITS = frozenset(
    {"transposition", "omission", "insertion", "repetition", "hyphenation", "bitsquatting", "replacement", "typo"}
)


def _script(char: str, lang: Lang) -> str:
    script = script_of(char[0]) if char else "other"
    return t(f"domain.script_{script if script in _SCRIPTS else 'other'}", lang)


def _substitutions(pairs: list[tuple[str, str]], lang: Lang) -> str:
    parts = []
    for fake, real in pairs:
        if fake.isascii():
            parts.append(t("domain.ascii_substitution", lang, fake=fake, real=real))
        else:
            parts.append(
                t(
                    "domain.substitution",
                    lang,
                    fake=fake,
                    real=real,
                    fake_script=_script(fake, lang),
                    real_script=_script(real, lang),
                )
            )
    return t("domain.and", lang).join(parts)


def explain(verdict: Verdict, lang: Lang, registrable: str = "") -> str:
    """One sentence saying why the verdict is what it is."""
    if verdict.note == "no-host":
        return t("domain.verdict_no_host", lang)
    if verdict.note == "ip":
        return t("domain.verdict_ip", lang)
    if verdict.note == "official":
        return t("domain.verdict_official", lang)
    if verdict.note == "trusted-suffix":
        return t("domain.verdict_trusted", lang)
    technique = verdict.technique
    if technique is None:
        return t("domain.verdict_clean", lang)
    detail = verdict.detail
    brand = verdict.brand_zh if lang == "zh" else verdict.brand_en
    values: dict[str, object] = {"target": verdict.lookalike_of or "", "brand": brand}
    if technique == "mixed-script":
        scripts = [t(f"domain.script_{name}", lang) for name in detail.get("scripts", []) if name in _SCRIPTS]
        return t("domain.mixed-script", lang, scripts=t("domain.and", lang).join(scripts))
    if technique in ("homoglyph", "ascii-lookalike"):
        values["subs"] = _substitutions(detail.get("subs", []), lang)
    elif technique in _EDITS:
        values["label"] = detail.get("edit", ("", 0, ""))[2]
    values.update(
        split=detail.get("split", ""),
        suffix=detail.get("suffix", ""),
        words="、".join(detail.get("words", [])) if lang == "zh" else "', '".join(detail.get("words", [])),
        embedded=detail.get("embedded", ""),
        registrable=registrable,
        name=detail.get("name", ""),
    )
    return one_line(t(f"domain.{technique}", lang, **values), limit=400)
