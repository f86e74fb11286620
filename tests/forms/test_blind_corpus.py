"""The blind corpus: forms written and annotated before reading the classifier's code or lexicons,
from many kinds of sites (React/Vue/Angular, ASP.NET, WordPress, Drupal, Shopify, Magento, Element,
Ant Design, Layui, WeUI, Vant, old table layouts) and languages (zh-CN, zh-TW, en, ja, ko, es, fr,
de, ru, pt, it, tr). It estimates how the analysis does on pages it was not tuned on, so its figures
are printed and its misses stay visible as strict xfails rather than being tuned away one by one.

The first 81 forms were written before reading the analysis; eight more rounds were each written and
scored before the next change. Each
round's first-pass figures are in the commit that added it and in the README."""

from __future__ import annotations

import pytest

from privacy_hygiene.catalog import Catalog
from tests.forms.corpus import BLIND_CORPUS, Case, analyze, cases, differences, param, score

CASES = cases(BLIND_CORPUS)
CHINESE = ("zh-", "tw-")


@pytest.mark.parametrize("case", [param(case) for case in CASES])
def test_each_blind_form_matches_its_annotation(case: Case, catalog: Catalog) -> None:
    assert differences(case, analyze(case, catalog)) == []


def test_blind_corpus_is_broad() -> None:
    assert len(CASES) >= 70
    languages = {case.file.split("-")[0] for case in CASES}
    assert {"en", "zh", "tw", "ja", "ko", "es", "fr", "de", "ru", "pt", "it", "tr"} <= languages
    assert sum(1 for case in CASES if case.file.startswith(CHINESE)) >= 30


def test_blind_corpus_accuracy(catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    overall = score(CASES, catalog)
    chinese = score([case for case in CASES if case.file.startswith(CHINESE)], catalog)
    with capsys.disabled():
        print(
            f"\nblind corpus ({overall.purposes} forms, {overall.fields} fields): "
            f"purpose {overall.purpose_accuracy:.3f}, kind {overall.kind_accuracy:.3f}, "
            f"required F1 {overall.required_f1:.3f}, unneeded {overall.unneeded_accuracy:.3f}; "
            f"Chinese ({chinese.purposes} forms): kind {chinese.kind_accuracy:.3f}, "
            f"required F1 {chinese.required_f1:.3f}"
        )
    # floors just under the figures measured when this corpus was last scored: a regression
    # guard, not the held-out targets (purpose 0.90, kind 0.93, Chinese kind 0.90 / required 0.85).
    # Round 11 (11a: 109 multilingual forms, 11b: 84 Chinese forms) scored purpose 0.908 / 0.917,
    # kind 0.916 / 0.950 on first sight; after fixing its classes the whole corpus scores purpose
    # 0.981, kind 0.995, required F1 0.999, Chinese kind 1.0 / required F1 0.998.
    # Rounds 12 (105 forms) and 13 (113 forms) were written while those fixes were made, by writers
    # who never saw the code, and scored once after them: purpose 0.924 / 0.938, kind 0.969 / 0.964,
    # Chinese kind 0.961 / 0.980, required F1 0.970 / 0.967; their misses are strict xfails.
    # Whole corpus then: purpose 0.963, kind 0.985, required F1 0.987, Chinese kind 0.989 / 0.991.
    # Round 14 (128 forms on 48 pages, 18 languages, written last) scored purpose 0.883, kind 0.956,
    # Chinese kind 0.972 on first sight; two classes it showed were then fixed (callback requests
    # are contact forms; a coupon or quantity box is part of an order, not a search). Whole corpus:
    # purpose 0.953, kind 0.981, required F1 0.982, Chinese kind 0.989 / required F1 0.992.
    assert overall.purpose_accuracy >= 0.95, overall
    assert overall.kind_accuracy >= 0.98, overall
    assert overall.required_f1 >= 0.98, overall
    assert chinese.kind_accuracy >= 0.98, chinese
    assert chinese.required_f1 >= 0.98, chinese
