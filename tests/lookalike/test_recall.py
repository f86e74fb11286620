"""Recall on generated lookalikes and false positives on a broad list of real hosts (printed)."""

from __future__ import annotations

from .eval_lookalike import evaluate


def test_recall_and_false_positive_rate(capsys: object) -> None:
    result = evaluate()
    per_kind = result["per_kind"]
    assert isinstance(per_kind, dict)
    lines = [
        f"generated lookalikes: {result['n_generated']}, legitimate hosts: {result['n_legit']}",
        f"recall {result['recall']:.3f}  FPR {result['fpr']:.4f}  right brand {result['right_brand']:.4f}",
        *(f"  {kind:18} {caught}/{total}" for kind, (caught, total) in per_kind.items()),
        f"false positives: {result['false_positives']}",
    ]
    print("\n".join(lines))
    assert result["recall"] >= 0.9  # type: ignore[operator]
    assert result["fpr"] <= 0.01  # type: ignore[operator]
    assert result["right_brand"] >= 0.99  # type: ignore[operator]
    for kind in ("homoglyph-unicode", "cyrillic", "homoglyph-ascii"):
        caught, total = per_kind[kind]
        assert caught / total >= 0.95, (kind, caught, total)
