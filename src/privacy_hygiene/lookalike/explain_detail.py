"""Which characters of a lookalike stand in for which characters of the brand (for explanations)."""

from __future__ import annotations

from privacy_hygiene.lookalike.skeleton import ASCII_PAIRS, ConfusableTable, ascii_fold, to_ascii_shape

_PAIR_STARTS = {pair[0] for pair, _ in ASCII_PAIRS}


def _units(label: str, confusables: ConfusableTable) -> list[tuple[str, str]]:
    """``label`` cut into units (a character or an ASCII pair such as ``rn``) with their folded form."""
    units = []
    index = 0
    while index < len(label):
        pair = label[index : index + 2]
        if label[index] in _PAIR_STARTS and any(pair == multi for multi, _ in ASCII_PAIRS):
            units.append((pair, ascii_fold(pair)))
            index += 2
            continue
        char = label[index]
        units.append((char, ascii_fold(to_ascii_shape(char, confusables))))
        index += 1
    return units


def substitutions(fake: str, real: str, confusables: ConfusableTable) -> list[tuple[str, str]]:
    """``[(fake unit, real unit), ...]`` where ``fake`` uses a look-alike for ``real``'s characters."""
    fake_units = _units(fake, confusables)
    real_units = _units(real, confusables)
    if [f for _, f in fake_units] == [f for _, f in real_units]:
        pairs = [(a, b) for (a, _), (b, _) in zip(fake_units, real_units, strict=True) if a != b]
    else:
        pairs = [(raw, folded) for raw, folded in fake_units if not raw.isascii() or raw != folded]
    return list(dict.fromkeys(pairs))  # each substitution once
