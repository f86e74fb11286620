"""One exception hierarchy for the whole tool.

::

    PrivacyHygieneError
    ├── UsageError            bad input from the person: a malformed URL, a missing file (exit 2)
    ├── FetchError            the page could not be fetched (.url, .kind)
    ├── HeuristicsError       a heuristics file is invalid (.file, .path)
    ├── ProfileError          a browser profile could not be read
    ├── StateError            the local state store is unreadable, corrupt or too new (.file)
    └── ExportError           an export could not be written or an import is invalid

The library raises these; the CLI maps them to exit codes in one table and the TUI to
notifications. Lower-layer exceptions are translated at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations


class PrivacyHygieneError(Exception):
    """Base class of every error the tool reports to a person."""

    #: a short machine-readable kind, used in the JSON ``error`` object
    kind: str = "error"


class UsageError(PrivacyHygieneError):
    """The person gave input the tool cannot use (bad URL, missing file, bad option)."""

    kind = "usage"


class FetchError(PrivacyHygieneError):
    """A page could not be fetched; ``kind`` says why (timeout, tls, connect, too-large...)."""

    def __init__(self, message: str, *, url: str = "", kind: str = "fetch") -> None:
        super().__init__(message)
        self.url = url
        self.kind = kind


class HeuristicsError(PrivacyHygieneError):
    """A file in ``heuristics/`` failed validation: names the file and the key path."""

    kind = "heuristics"

    def __init__(self, file: str, message: str, path: str = "") -> None:
        where = f"{file}: {path}: " if path else f"{file}: "
        super().__init__(where + message)
        self.file = file
        self.path = path


class ProfileError(PrivacyHygieneError):
    """A browser profile is missing, locked or unreadable."""

    kind = "profile"


class StateError(PrivacyHygieneError):
    """The local state store is unreadable, corrupt, or from a newer version."""

    kind = "state"

    def __init__(self, message: str, *, file: str = "") -> None:
        super().__init__(message)
        self.file = file


class ExportError(PrivacyHygieneError):
    """An export could not be written, or a backup could not be imported."""

    kind = "export"
