"""Recall on generated lookalikes and false positives on legitimate hosts (printed by a test)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.catalog.schemas.brands import BrandsFile
from privacy_hygiene.domains import split_host
from privacy_hygiene.lookalike import Detector

from .fuzz import lookalikes

DATA = Path(__file__).parent / "data"


def legit_hosts() -> list[str]:
    lines = (DATA / "legit_hosts.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def generated(seed: int = 7, brands_per_run: int = 120) -> list[tuple[str, str, str, str]]:
    """``(host, kind, expected brand id, brand domain)`` for a sample of brands."""
    rng = random.Random(seed)
    brands = get_catalog().file("brands.toml", BrandsFile).brand
    chosen = rng.sample(brands, min(brands_per_run, len(brands)))
    out = []
    for brand in chosen:
        domain = brand.domains[0]
        _, label, suffix = split_host(domain)
        government = suffix.split(".")[0] in ("gov", "gouv", "edu")
        if not label or len(label) < 5 or brand.common_word or government:
            continue  # short, ordinary-word and government brands: see test_techniques
        for host, kind in lookalikes(domain, label, suffix, rng):
            out.append((host, kind, brand.id, domain))
    return out


def evaluate(detector: Detector | None = None) -> dict[str, object]:
    detector = detector or Detector()
    legit = legit_hosts()
    false_positives = [(host, v.lookalike_of, v.technique) for host in legit if (v := detector.check(host)).flagged]
    cases = generated()
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong_brand = []
    missed = []
    for host, kind, brand_id, domain in cases:
        total[kind] += 1
        verdict = detector.check(host)
        if verdict.flagged:
            caught[kind] += 1
            owner = detector.index.brand_of(verdict.lookalike_of or "")
            if owner != brand_id:
                wrong_brand.append((host, domain, verdict.lookalike_of))
        else:
            missed.append((host, kind))
    flagged = sum(caught.values())
    return {
        "recall": flagged / max(1, len(cases)),
        "fpr": len(false_positives) / max(1, len(legit)),
        "right_brand": 1 - len(wrong_brand) / max(1, flagged),
        "per_kind": {kind: (caught[kind], total[kind]) for kind in sorted(total)},
        "false_positives": false_positives,
        "wrong_brand": wrong_brand,
        "missed": missed,
        "n_legit": len(legit),
        "n_generated": len(cases),
    }
