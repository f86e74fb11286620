"""Is the browser running on this profile? Read from its lock markers, without touching them.

Firefox (POSIX): a symlink ``lock`` → ``IP:+PID`` exists while it runs (``.parentlock`` stays after
exit, so it proves nothing). Chromium (POSIX): ``SingletonLock`` → ``hostname-PID`` in the
user-data dir, left behind after a SIGTERM [verified]. A marker whose PID is dead on this host is
stale. Windows: ``parent.lock`` (Firefox) and ``lockfile`` (Chromium) are held open exclusively
while the browser runs, so failing to open one for reading means it runs.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from privacy_hygiene.browser.model import Profile


def pid_alive(pid: int) -> bool:
    """True when a process with ``pid`` exists (signal 0 checks without sending anything)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except (OSError, OverflowError):
        return False
    return True


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def _held_open(path: Path) -> bool:
    """Windows: an exclusively held lock file cannot be opened, even for reading."""
    try:
        with path.open("rb"):
            return False
    except PermissionError:
        return True
    except OSError:
        return False


def _firefox_running(profile: Path) -> bool:
    target = _link_target(profile / "lock")
    if target is not None:
        _, _, pid = target.rpartition("+")
        # the IP part is this machine's; a dead PID means Firefox crashed and left the link
        return pid.isdigit() and pid_alive(int(pid))
    return _held_open(profile / "parent.lock")


def _chromium_running(root: Path) -> bool:
    target = _link_target(root / "SingletonLock")
    if target is not None:
        host, _, pid = target.rpartition("-")
        if not pid.isdigit():
            return False
        if host != socket.gethostname():
            # a profile on a shared drive used from another machine: assume it is in use
            return True
        return pid_alive(int(pid))
    return _held_open(root / "lockfile")


def is_running(profile: Profile) -> bool:
    """True when the browser appears to have this profile open right now."""
    if profile.family == "firefox":
        return _firefox_running(profile.path)
    return _chromium_running(profile.root)
