"""The hand-written form corpus: loading the expectations and scoring the analysis against them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.load import load_file
from privacy_hygiene.forms import analyze_forms
from privacy_hygiene.models import FormInfo

CORPUS = Path(__file__).parent.parent / "fixtures" / "forms"
#: written blind, before reading the classifier's code or lexicons: the honest generalisation check
BLIND_CORPUS = Path(__file__).parent.parent / "fixtures" / "forms_blind"


@dataclass(frozen=True)
class Case:
    file: str
    url: str
    form: int
    purpose: str
    #: (key, kind, required, unneeded) per field
    fields: tuple[tuple[str, str, bool, bool], ...]
    xfail: str = ""
    root: Path = CORPUS

    @property
    def id(self) -> str:
        return f"{self.file.removesuffix('.html')}#{self.form}"


def cases(root: Path = CORPUS) -> list[Case]:
    data = tomllib.loads((root / "expectations.toml").read_text(encoding="utf-8"))
    return [
        Case(
            file=item["file"],
            url=item["url"],
            form=item.get("form", 0),
            purpose=item["purpose"],
            fields=tuple((key, kind, required, unneeded) for key, kind, required, unneeded in item["fields"]),
            xfail=item.get("xfail", ""),
            root=root,
        )
        for item in data["case"]
    ]


def param(case: Case) -> object:
    """``case`` as a pytest parameter: a strict xfail when the expectation names a known miss."""
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


def analyze(case: Case, catalog: Catalog) -> FormInfo:
    page = load_file(case.root / "corpus" / case.file, as_url=case.url)
    return analyze_forms(page, catalog)[case.form]


def differences(case: Case, form: FormInfo) -> list[str]:
    """Every way the analysis differs from the expectation (empty when it matches)."""
    problems = []
    if form.purpose != case.purpose:
        problems.append(f"purpose {form.purpose} != {case.purpose}")
    if len(form.fields) != len(case.fields):
        problems.append(f"{len(form.fields)} fields != {len(case.fields)}")
    for field, (key, kind, required, unneeded) in zip(form.fields, case.fields, strict=False):
        if key and key not in (field.name, field.id):
            problems.append(f"field {field.name or field.id!r} is not {key!r}")
        got = (field.kind, field.required, field.unneeded)
        if got != (kind, required, unneeded):
            problems.append(f"{key or field.label}: {got} != {(kind, required, unneeded)}")
    return problems


@dataclass
class Scores:
    purposes: int = 0
    purposes_right: int = 0
    fields: int = 0
    kinds_right: int = 0
    unneeded_right: int = 0
    required_tp: int = 0
    required_fp: int = 0
    required_fn: int = 0

    @property
    def purpose_accuracy(self) -> float:
        return self.purposes_right / self.purposes

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.fields

    @property
    def unneeded_accuracy(self) -> float:
        return self.unneeded_right / self.fields

    @property
    def required_f1(self) -> float:
        precision = self.required_tp / max(self.required_tp + self.required_fp, 1)
        recall = self.required_tp / max(self.required_tp + self.required_fn, 1)
        return 2 * precision * recall / max(precision + recall, 1e-9)


def score(selected: list[Case], catalog: Catalog) -> Scores:
    result = Scores()
    for case in selected:
        form = analyze(case, catalog)
        result.purposes += 1
        result.purposes_right += form.purpose == case.purpose
        for field, (_, kind, required, unneeded) in zip(form.fields, case.fields, strict=False):
            result.fields += 1
            result.kinds_right += field.kind == kind
            result.unneeded_right += field.unneeded == unneeded
            result.required_tp += field.required and required
            result.required_fp += field.required and not required
            result.required_fn += required and not field.required
        result.fields += abs(len(form.fields) - len(case.fields))
    return result
