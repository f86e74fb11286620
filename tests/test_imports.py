"""The engine never imports Textual; light commands do not import heavy libraries."""

from __future__ import annotations

import subprocess
import sys

ENGINE = [
    "privacy_hygiene.engine.audit",
    "privacy_hygiene.analyzers",
    "privacy_hygiene.catalog",
    "privacy_hygiene.render",
    "privacy_hygiene.cli.audit",
]


def imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_engine_does_not_import_textual() -> None:
    modules = imported_after("\n".join(f"import {name}" for name in ENGINE))
    assert not any(name == "textual" or name.startswith("textual.") for name in modules)
    assert "privacy_hygiene.tui" not in modules


def test_cli_help_is_light() -> None:
    modules = imported_after(
        "from privacy_hygiene.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    for heavy in ("textual", "httpx", "bs4", "lxml"):
        assert heavy not in modules, heavy
