"""What kind of slip turns a brand's label into another label: named edits, checked exactly.

Candidates come from the deletion index; here they are confirmed with an optimal-string-alignment
distance and named the way a person would describe them (transposition, omission, repetition ...).
"""

from __future__ import annotations

import functools

#: pairs of ASCII letters that look alike in common fonts (for short names, where only a visual
#: slip is evidence: a keyboard slip on a four-letter name is usually another word)
VISUAL_PAIRS = frozenset({frozenset(pair) for pair in ("gq", "bd", "ce", "eo", "uv", "mn", "nr", "yv")})


def osa_distance(left: str, right: str, limit: int = 2) -> int:
    """Optimal string alignment distance (adjacent swaps cost 1); ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, lchar in enumerate(left, 1):
        current = [i] + [0] * len(right)
        best = i
        for j, rchar in enumerate(right, 1):
            cost = 0 if lchar == rchar else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and lchar == right[j - 2] and left[i - 2] == rchar:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _is_bitflip(a: str, b: str) -> bool:
    diff = ord(a) ^ ord(b)
    return diff != 0 and diff & (diff - 1) == 0


def classify_edit(candidate: str, key: str) -> tuple[str, int] | None:
    """The name of the single edit from ``key`` (brand) to ``candidate`` and where it happens.

    ``None`` when they differ by more than one edit (the caller then checks the distance).
    """
    n, m = len(key), len(candidate)
    if m == n:
        diffs = [i for i in range(n) if key[i] != candidate[i]]
        if len(diffs) == 1:
            i = diffs[0]
            a, b = key[i], candidate[i]
            if frozenset((a, b)) in VISUAL_PAIRS:
                return "ascii-lookalike", i
            if _is_bitflip(a, b):
                return "bitsquatting", i
            return "replacement", i
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            if key[i] == candidate[i + 1] and key[i + 1] == candidate[i]:
                return "transposition", i
        return None
    if m == n + 1:
        for i in range(m):
            if candidate[:i] + candidate[i + 1 :] == key:
                inserted = candidate[i]
                if inserted == "-":
                    return "hyphenation", i
                if (i > 0 and candidate[i - 1] == inserted) or (i + 1 < m and candidate[i + 1] == inserted):
                    return "repetition", i
                return "insertion", i
        return None
    if m == n - 1:
        for i in range(n):
            if key[:i] + key[i + 1 :] == candidate:
                return "omission", i
        return None
    return None


@functools.lru_cache(maxsize=65536)
def segment(text: str, vocabulary: frozenset[str], longest: int) -> tuple[str, ...] | None:
    """Split ``text`` into vocabulary words, digit runs and hyphens; ``None`` if it cannot be done.

    Returns the words found (no digits or hyphens).
    """
    if not text:
        return ()
    size = len(text)
    best: list[tuple[str, ...] | None] = [None] * (size + 1)
    best[0] = ()
    for end in range(1, size + 1):
        char = text[end - 1]
        previous = best[end - 1]
        if (char == "-" or char.isdigit()) and previous is not None:
            best[end] = previous
            continue
        for start in range(max(0, end - longest), end):
            found = best[start]
            if found is not None and text[start:end] in vocabulary:
                best[end] = (*found, text[start:end])
                break
    return best[size]
