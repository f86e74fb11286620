"""Generated lookalikes for recall tests: the typing slips, visual tricks and name games of
dnstwist-style generators, written from their descriptions (no generated list is shipped).

Deterministic: the same brand and seed give the same hosts.
"""

from __future__ import annotations

import random

QWERTY = {
    "q": "12wa",
    "w": "23qase",
    "e": "34wsdr",
    "r": "45edft",
    "t": "56rfgy",
    "y": "67tghu",
    "u": "78yhji",
    "i": "89ujko",
    "o": "90iklp",
    "p": "0ol",
    "a": "qwsz",
    "s": "weadzx",
    "d": "erfcxs",
    "f": "rtgvcd",
    "g": "tyhbvf",
    "h": "yujnbg",
    "j": "uikmnh",
    "k": "iolmj",
    "l": "opk",
    "z": "asx",
    "x": "zsdc",
    "c": "xdfv",
    "v": "cfgb",
    "b": "vghn",
    "n": "bhjm",
    "m": "njk",
    "1": "2q",
    "2": "13wq",
    "3": "24ew",
    "4": "35re",
    "5": "46tr",
    "6": "57yt",
    "7": "68uy",
    "8": "79iu",
    "9": "80oi",
    "0": "9po",
}
#: Unicode look-alikes a generator would use (Cyrillic, Greek, Latin with marks or hooks)
UNICODE_GLYPHS = {
    "a": "аàáâãäåɑαạǎăȧąə",
    "b": "ƅьЬḃʙɓḅḇ",
    "c": "сϲçćċƈčĉᴄ",
    "d": "ԁɗđďɖḑḋḍḏḓ",
    "e": "еèéêëėēĕěẹęȩɇḛ",
    "f": "ƒḟ",
    "g": "ɡǵğġɢģĝǧǥ",
    "h": "һħĥȟɦḧḩⱨḣḥḫẖ",
    "i": "іíìïıɩǐĭỉịɨȋī",
    "j": "јʝɉ",
    "k": "кκķḳḵⱪᴋ",
    "l": "ӏḷłĺɫ",
    "m": "ṃмṁᴍɱḿ",
    "n": "ոпñńņṅṇṉǹňꞑ",
    "o": "оοօọöóòȯỏơᴏ",
    "p": "рρþƿƥṕṗ",
    "q": "ԛզʠ",
    "r": "ŕгřʀɼɽŗɍɾȓȑṙṛṟ",
    "s": "ѕʂśşṣṡșŝšꜱ",
    "t": "ţťтŧṫṭțƫ",
    "u": "υսüúùᴜǔŭûũūųưůűȕȗụ",
    "v": "νѵṿⱱṽⱴᴠ",
    "w": "ԝѡŵẁẃẅⱳẇẉẘᴡ",
    "x": "хҳẋẍ",
    "y": "уýÿʏŷƴȳɏỿẏỵ",
    "z": "żźʐᴢƶẓẕⱬ",
}
CYRILLIC = {
    "a": "а",
    "c": "с",
    "e": "е",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "i": "і",
    "j": "ј",
    "s": "ѕ",
    "h": "һ",
    "k": "к",
    "l": "ӏ",
    "d": "ԁ",
    "q": "ԛ",
    "w": "ԝ",
    "b": "Ь",
}
ASCII_GLYPHS = {
    "m": ["rn", "nn"],
    "w": ["vv"],
    "d": ["cl"],
    "o": ["0"],
    "l": ["1", "i"],
    "i": ["1", "l"],
    "g": ["q"],
    "q": ["g"],
}
KEYWORDS = [
    "login",
    "secure",
    "verify",
    "account",
    "update",
    "support",
    "service",
    "help",
    "signin",
    "wallet",
    "kefu",
    "denglu",
    "yinhang",
    "zhengwu",
    "zhifu",
    "tuikuan",
    "online",
    "auth",
    "billing",
    "refund",
]
TLDS = ["top", "xyz", "net", "org", "info", "online", "site", "cc", "vip", "shop", "icu", "co", "live", "club"]


def glyph_swaps(label: str, rng: random.Random, rounds: int) -> str:
    """``label`` with ``rounds`` letters replaced by Unicode look-alikes (dnstwist's two-round homoglyphs)."""
    letters = list(label)
    positions = [i for i, char in enumerate(letters) if char in UNICODE_GLYPHS]
    for i in rng.sample(positions, min(rounds, len(positions))):
        letters[i] = rng.choice(UNICODE_GLYPHS[letters[i]])
    return "".join(letters)


def _labels(label: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    n = len(label)
    out["addition"] = [label + c for c in letters if c.isalpha()] + [c + label for c in "aeiouwm"]
    out["omission"] = [label[:i] + label[i + 1 :] for i in range(n)]
    out["repetition"] = [label[:i] + label[i] + label[i:] for i in range(n) if label[i].isalnum()]
    out["transposition"] = [
        label[:i] + label[i + 1] + label[i] + label[i + 2 :] for i in range(n - 1) if label[i] != label[i + 1]
    ]
    out["replacement"] = [label[:i] + k + label[i + 1 :] for i in range(n) for k in QWERTY.get(label[i], "")]
    out["insertion"] = [label[:i] + k + label[i:] for i in range(1, n) for k in QWERTY.get(label[i], "")[:2]]
    out["hyphenation"] = [label[:i] + "-" + label[i:] for i in range(1, n)]
    out["bitsquatting"] = [
        label[:i] + chr(ord(label[i]) ^ (1 << b)) + label[i + 1 :]
        for i in range(n)
        for b in range(7)
        if chr(ord(label[i]) ^ (1 << b)) in "abcdefghijklmnopqrstuvwxyz0123456789-"
    ]
    out["vowel-swap"] = [
        label[:i] + v + label[i + 1 :] for i in range(n) if label[i] in "aeiou" for v in "aeiou" if v != label[i]
    ]
    out["homoglyph-ascii"] = [label[:i] + g + label[i + 1 :] for i in range(n) for g in ASCII_GLYPHS.get(label[i], [])]
    out["homoglyph-unicode"] = [
        label[:i] + g + label[i + 1 :] for i in range(n) for g in UNICODE_GLYPHS.get(label[i], "")
    ]
    cyr = "".join(CYRILLIC.get(c, c) for c in label)
    out["cyrillic"] = [cyr] if cyr != label else []
    return {kind: [v for v in values if v != label and v.strip("-") == v] for kind, values in out.items()}


def lookalikes(domain: str, label: str, suffix: str, rng: random.Random, per_kind: int = 3) -> list[tuple[str, str]]:
    """``(host, kind)`` lookalikes of ``domain`` (label + suffix)."""
    hosts: list[tuple[str, str]] = []
    for kind, values in _labels(label).items():
        for value in rng.sample(values, min(per_kind, len(values))):
            hosts.append((f"{value}.{suffix}", kind))
    word = rng.choice(KEYWORDS)
    tld = rng.choice(TLDS)
    hosts += [
        (f"{label}-{word}.{tld}", "combosquatting"),
        (f"{word}-{label}.com", "combosquatting"),
        (f"{label}{word}.{tld}", "combosquatting"),
        (f"{domain}.{rng.choice(['secure-check', 'verify-user', 'acc-info'])}.{tld}", "target-embedding"),
        (f"www-{domain.replace('.', '-')}.{tld}", "target-embedding"),
        (f"{label}.{tld}", "tld-swap"),
        (f"{label}{suffix.replace('.', '')}.com", "suffix-game"),
        (f"{label}-{suffix.split('.')[-1]}.{tld}", "suffix-game"),
        (f"{label[:1]}.{label[1:]}.{suffix}", "dot-insertion")
        if len(label) > 4
        else (f"{label}-{word}.top", "combosquatting"),
    ]
    return hosts
