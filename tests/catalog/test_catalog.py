"""The heuristics catalog: every shipped file validates; bad files fail with the file and key path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.registry import kind_of
from privacy_hygiene.errors import HeuristicsError
from privacy_hygiene.paths import heuristics_root

ROOT = Path(str(heuristics_root()))


def test_shipped_catalog_validates() -> None:
    catalog = Catalog(ROOT)
    catalog.validate()
    assert sorted(catalog.principles) == list(range(1, 13))


@pytest.mark.parametrize("path", sorted(Catalog(ROOT).all_paths()))
def test_every_file_has_a_schema_and_decodes(path: str) -> None:
    assert kind_of(path) is not None, f"{path} has no registered schema"
    Catalog(ROOT)._load(path)


def test_every_principle_has_both_languages() -> None:
    for principle in Catalog(ROOT).principles.values():
        assert principle.title.zh and principle.title.en
        assert len(principle.summary.zh) > 20 and len(principle.summary.en) > 40


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "heuristics"
    shutil.copytree(ROOT, target)
    return target


def test_unknown_key_names_file_and_path(copy: Path) -> None:
    path = copy / "transport.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('name = "mailto-form"', 'name = "mailto-form"\nsevere = 1', 1),
        encoding="utf-8",
    )
    with pytest.raises(HeuristicsError) as caught:
        Catalog(copy).validate()
    assert "transport.toml" in str(caught.value) and "$.rule[7]" in str(caught.value)
    assert "severe" in str(caught.value)


def test_bad_enum_value(copy: Path) -> None:
    path = copy / "transport.toml"
    text = path.read_text(encoding="utf-8").replace('severity = "medium"', 'severity = "severe"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"transport\.toml: \$\.rule\[\d\]\.severity"):
        Catalog(copy).validate()


def test_unknown_file_fails(copy: Path) -> None:
    (copy / "notes.toml.swp").write_text("x", encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"notes.toml.swp: unknown file"):
        Catalog(copy).validate()


def test_duplicate_rule_id_fails(copy: Path) -> None:
    path = copy / "transport.toml"
    text = path.read_text(encoding="utf-8").replace('id = "PH-TRANSPORT-080"', 'id = "PH-TRANSPORT-010"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"duplicate id 'PH-TRANSPORT-010'"):
        Catalog(copy).validate()


def test_dangling_principle_fails(copy: Path) -> None:
    path = copy / "transport.toml"
    text = path.read_text(encoding="utf-8").replace("principle = 1\n", "principle = 13\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"transport\.toml: \$\.rule\[\d\]\.principle"):
        Catalog(copy).validate()


def test_missing_required_file_fails(copy: Path) -> None:
    (copy / "scoring.toml").unlink()
    with pytest.raises(HeuristicsError, match=r"scoring.toml: required file is missing"):
        Catalog(copy).validate()


def test_invalid_toml_fails(copy: Path) -> None:
    (copy / "transport.toml").write_text("schema = [", encoding="utf-8")
    with pytest.raises(HeuristicsError, match=r"transport.toml: invalid TOML"):
        Catalog(copy).validate()
