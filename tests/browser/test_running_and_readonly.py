"""Lock markers say whether the browser runs; nothing is ever written into a profile."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from privacy_hygiene.browser import profiles_at
from privacy_hygiene.browser.running import is_running
from tests.browser.conftest import BROWSERS


def first(folder: Path):  # type: ignore[no-untyped-def]
    return next(iter(profiles_at(folder)))


def test_fresh_profiles_are_not_running() -> None:
    assert not is_running(first(BROWSERS / "chromium"))
    assert not is_running(first(BROWSERS / "firefox-variants" / "hardened"))


def test_firefox_lock_link_with_a_live_pid_is_running(copy_of: Callable[[str], Path]) -> None:
    profile = copy_of("firefox-variants/locked")
    assert not is_running(first(profile))  # the committed link names a PID that cannot exist
    (profile / "lock").unlink()
    os.symlink(f"127.0.0.1:+{os.getpid()}", profile / "lock")
    assert is_running(first(profile))


def test_chromium_singleton_lock_host_and_pid(copy_of: Callable[[str], Path]) -> None:
    root = copy_of("chromium-variants/locked")
    assert is_running(first(root))  # another machine's lock: assume in use
    (root / "SingletonLock").unlink()
    os.symlink(f"{socket.gethostname()}-{os.getpid()}", root / "SingletonLock")
    assert is_running(first(root))
    (root / "SingletonLock").unlink()
    # left behind after a SIGTERM: this host, a dead PID → stale
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    os.symlink(f"{socket.gethostname()}-{dead.stdout.strip()}", root / "SingletonLock")
    assert not is_running(first(root))


def tree_digest(root: Path) -> dict[str, str]:
    digest = {}
    for path in sorted(root.rglob("*")):
        relative = str(path.relative_to(root))
        if path.is_symlink():
            digest[relative] = "link:" + os.readlink(path)
        elif path.is_file():
            stat = path.stat()
            digest[relative] = f"{hashlib.sha256(path.read_bytes()).hexdigest()}:{stat.st_mtime_ns}:{stat.st_mode}"
        else:
            digest[relative] = "dir"
    return digest


def test_nothing_is_ever_written_into_a_profile(run_cli: Callable[..., object], copy_of: Callable[[str], Path]) -> None:
    tree = copy_of(".")  # every fixture profile, copied so the test also sees new -wal/-shm/-journal files
    before = tree_digest(tree)
    folders = [path.parent for path in tree.rglob("Preferences")] + [path.parent for path in tree.rglob("prefs.js")]
    folders += [path.parent for path in tree.rglob("profiles.ini")] + [
        path.parent for path in tree.rglob("Local State")
    ]
    args = [item for folder in sorted(set(folders)) for item in ("--profile", str(folder))]
    for extra in (["--json"], []):
        result = run_cli("browser", *args, *extra)
        assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert tree_digest(tree) == before
