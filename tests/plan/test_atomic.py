"""Atomic export writes: complete file or nothing, no overwrite without force, private mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from privacy_hygiene.errors import ExportError
from privacy_hygiene.plan.atomic import write_atomic


def test_writes_a_private_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    write_atomic(target, "计划\n".encode())
    assert target.read_text(encoding="utf-8") == "计划\n"
    assert os.listdir(tmp_path) == ["plan.md"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("mine")
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, b"new")
    assert target.read_text() == "mine"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["plan.md"]


def test_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_atomic(tmp_path / "missing" / "plan.md", b"x")
    with pytest.raises(ExportError, match="folder"):
        write_atomic(tmp_path, b"x", force=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions as non-root")
def test_unwritable_folder_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write"):
            write_atomic(target, b"new", force=True)
    finally:
        tmp_path.chmod(0o700)
    assert target.read_text() == "old"
