"""The exporter registry is complete: every ``to_*`` module is registered and offered by the CLI."""

from __future__ import annotations

import pkgutil

import privacy_hygiene.plan as plan_package
from privacy_hygiene.plan.exporters import EXPORTERS, format_for_path


def test_every_exporter_module_is_registered() -> None:
    modules = {
        info.name.removeprefix("to_")
        for info in pkgutil.iter_modules(plan_package.__path__)
        if info.name.startswith("to_")
    }
    registered = {exporter.render.__module__.rsplit(".", 1)[1].removeprefix("to_") for exporter in EXPORTERS.values()}
    assert modules == registered
    names = {exporter.render.__name__.removeprefix("to_") for exporter in EXPORTERS.values()}
    assert names == modules
    assert all(name == exporter.name for name, exporter in EXPORTERS.items())


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    from privacy_hygiene.cli.plan import plan

    (option,) = [param for param in plan.params if param.name == "format_name"]
    assert set(option.type.choices) == set(EXPORTERS)  # type: ignore[attr-defined]


def test_format_for_path() -> None:
    assert format_for_path("plan.HTML") == "html"
    assert format_for_path("plan.markdown") == "md"
    assert format_for_path("reminders.ics") == "ics"
    assert format_for_path("backup.json") == "json"
    assert format_for_path("plan") is None


def test_the_plan_never_imports_textual() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nimport privacy_hygiene.plan.exporters, privacy_hygiene.plan.source, privacy_hygiene.cli.plan\n"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(done.stdout.split())
    assert not any(name == "textual" or name.startswith("textual.") for name in modules)


def test_only_the_backup_needs_the_stored_state() -> None:
    from dataclasses import replace

    import pytest

    from privacy_hygiene.errors import ExportError
    from privacy_hygiene.plan.build import build_plan
    from tests.plan.conftest import FIXED_NOW, sample_inputs

    stateless = build_plan(replace(sample_inputs(), state=None), "en", FIXED_NOW)
    for exporter in EXPORTERS.values():
        if exporter.needs_state:
            with pytest.raises(ExportError, match="stored state"):
                exporter.render(stateless)
        else:
            assert exporter.render(stateless)
    assert [name for name, exporter in EXPORTERS.items() if exporter.needs_state] == ["json"]
