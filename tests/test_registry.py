"""Explicit registries are complete: every analyzer module is listed, every rule has one owner."""

from __future__ import annotations

import importlib
import pkgutil

import privacy_hygiene.analyzers as analyzers_pkg
from privacy_hygiene.analyzers import ANALYZERS
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.cli import COMMANDS


def test_every_analyzer_module_is_registered() -> None:
    registered = {type(item).__module__ for item in ANALYZERS}
    modules = {
        f"{analyzers_pkg.__name__}.{info.name}"
        for info in pkgutil.iter_modules(analyzers_pkg.__path__)
        if info.name != "base"
    }
    assert modules == registered
    assert len({item.id for item in ANALYZERS}) == len(ANALYZERS)


def test_every_rule_has_exactly_one_analyzer(catalog: Catalog) -> None:
    owners: dict[str, str] = {}
    for analyzer in ANALYZERS:
        for rule_id in analyzer.rules:
            assert rule_id in catalog.rules, f"{analyzer.id} declares unknown rule {rule_id}"
            assert rule_id not in owners, f"{rule_id} claimed by {owners[rule_id]} and {analyzer.id}"
            owners[rule_id] = analyzer.id
    assert set(owners) == set(catalog.rules)


def test_every_command_imports() -> None:
    for target, _ in COMMANDS.values():
        module, attribute = target.split(":")
        assert hasattr(importlib.import_module(module), attribute)


def test_every_command_has_help_and_lang() -> None:
    from click.testing import CliRunner

    from privacy_hygiene.cli import cli

    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "--lang" in result.output, name
