"""Write an export atomically: a temp file in the same folder, fsync, then rename into place.

A crash or a full disk leaves either the old file or the new one, never half of each. Without
``force`` an existing file is never replaced, including one that appears while we write (the final
step is a hard link, which fails if the name is taken). Files are created ``0600``: an export
describes a person's habits.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from privacy_hygiene.errors import ExportError
from privacy_hygiene.i18n import Lang, t


def write_atomic(path: Path, data: bytes, *, force: bool = False, lang: Lang = "en") -> None:
    """Write ``data`` to ``path``; refuse to replace an existing file unless ``force``."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder")
    if path.exists() and not force:
        raise ExportError(t("plan.exists", lang, path=path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _move_into_place(temp, path, force=force, lang=lang)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _sync_folder(folder)


def _move_into_place(temp: Path, path: Path, *, force: bool, lang: Lang) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError as exc:
        raise ExportError(t("plan.exists", lang, path=path)) from exc
    except OSError:
        # file systems without hard links (FAT, some network shares): checked above, then rename
        if path.exists():
            raise ExportError(t("plan.exists", lang, path=path)) from None
        os.replace(temp, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
